"""Sequential /code/search latency over one keep-alive HTTP connection: prints p50 and p99 in milliseconds."""
import http.client
import json
import sys
import time

port, path = int(sys.argv[1]), sys.argv[2]
bodies = [line.strip() for line in open(path) if line.strip()]
conn = http.client.HTTPConnection("127.0.0.1", port)
samples = []
for round_ in range(3):
    for body in bodies:
        start = time.perf_counter()
        conn.request("POST", "/code/search", body, {"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        elapsed = (time.perf_counter() - start) * 1000
        if resp.status != 200 or json.loads(data).get("error"):
            sys.exit(f"search failed: {resp.status} {data[:200]!r}")
        if round_ > 0:
            samples.append(elapsed)
samples.sort()
print(json.dumps({"p50": samples[len(samples) // 2], "p99": samples[int(len(samples) * 0.99) - 1]}))
