"""Runs one workflow whose hand-written node tries what node code must not do, through a running nova's API.
With `enforced`: checks /health/components says enforced, prints each attempt's outcome, and exits non-zero when
any got through or the run failed. With `refused`: checks /health/components says refused and that the node failed
with nova's refusal instead of running (standard library only).
Given a comma-separated list of host:port (nova-rag, PostgreSQL, Redis, the host), the node asks for internet and also
checks that it reaches none of them, neither directly nor through nova's egress proxy (a 403 from the proxy), while
it does reach pypi.org:443 through the proxy.
   usage: containment-workflow.py <nova base URL> <API key> <nova's data directory as the node sees it> enforced|refused
                                  [host:port,…]"""
import json
import sys
import time
import urllib.request

base, key, data, expectation = sys.argv[1:5]
forbidden = [target for target in (sys.argv[5] if len(sys.argv) > 5 else "").split(",") if target]

CODE = f"""
import os, socket, subprocess
def attempt(action):
    try:
        action()
        return "done"
    except OSError as error:
        return type(error).__name__
def write(path):
    with open(path, "w") as handle:
        handle.write("x")
context["read /proc/1/environ"] = attempt(lambda: open("/proc/1/environ", "rb").read())
context["list nova's data"] = attempt(lambda: os.listdir("{data}"))
context["write nova's data"] = attempt(lambda: write("{data}/planted"))
context["write /tmp"] = attempt(lambda: write("/tmp/planted"))
context["connect to nova on loopback"] = attempt(lambda: socket.create_connection(("127.0.0.1", 8000), timeout=2).close())
context["open a unix socket"] = attempt(lambda: socket.socket(socket.AF_UNIX).close())
context["signal nova (pid 1)"] = attempt(lambda: os.kill(1, 0))
context["write the scratch directory"] = attempt(lambda: write(os.path.join(os.environ["TMPDIR"], "mine")))
context["run a program"] = attempt(lambda: subprocess.run(["true"], check=True))
"""

EGRESS = """
import http.client, urllib.parse
def through_proxy(target):
    proxy = urllib.parse.urlsplit(os.environ.get("HTTPS_PROXY", "http://none:0"))
    connection = http.client.HTTPConnection(proxy.hostname, proxy.port, timeout=20)
    token = __import__("base64").b64encode(("%s:%s" % (proxy.username, proxy.password)).encode()).decode()
    try:
        connection.request("CONNECT", target, headers={"Proxy-Authorization": "Basic " + token})
        return "proxy answered %d" % connection.getresponse().status
    except OSError as error:
        return type(error).__name__
def direct(target):
    host, port = target.rsplit(":", 1)
    return attempt(lambda: socket.create_connection((host, int(port)), timeout=5).close())
for target in FORBIDDEN:
    context["direct to " + target] = direct(target)
    context["through the proxy to " + target] = through_proxy(target)
context["through the proxy to pypi.org:443"] = through_proxy("pypi.org:443")
""".replace("FORBIDDEN", repr(forbidden))

EXPECTED = {name: "PermissionError" for name in (
    "read /proc/1/environ", "list nova's data", "write nova's data", "write /tmp", "connect to nova on loopback",
    "open a unix socket", "signal nova (pid 1)")}
EXPECTED["write the scratch directory"] = "done"
EXPECTED["run a program"] = "done"
for target in forbidden:
    EXPECTED["direct to " + target] = ("PermissionError", "gaierror")
    EXPECTED["through the proxy to " + target] = "proxy answered 403"
if forbidden:
    EXPECTED["through the proxy to pypi.org:443"] = "proxy answered 200"


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + key})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


state = call("GET", "/health/components")["sandbox"]
if state != expectation:
    print(f"containment: /health/components says the sandbox is {state}, expected {expectation}")
    sys.exit(1)

workflow = {"name": f"containment {time.time()}", "graph_definition": {
    "network": bool(forbidden),
    "nodes": [{"id": "start", "type": "start"},
              {"id": "probe", "type": "action", "executor": "e2b", "code": CODE + (EGRESS if forbidden else "")},
              {"id": "end", "type": "end"}],
    "edges": [{"from": "start", "to": "probe"}, {"from": "probe", "to": "end"}]}}
workflow_id = call("POST", "/workflows", workflow)["id"]
task_id = call("POST", f"/workflows/{workflow_id}/execute", {"initial_context": {}})["task_id"]
deadline = time.monotonic() + 120
while True:
    task = call("GET", f"/tasks/{task_id}")
    if task["status"] not in ("PENDING", "STARTED", "RUNNING") or time.monotonic() > deadline:
        break
    time.sleep(0.2)
if expectation == "refused":
    error = task.get("error") or ""
    refused = task["status"] == "FAILURE" and "Sandbox refuses to run node code" in error
    print(f"containment: with the sandbox refused the node ended {task['status']}: {error[:300]} {'ok' if refused else 'FAILED'}")
    sys.exit(0 if refused else 1)
if task["status"] != "SUCCESS":
    print(f"containment: the run ended {task['status']}: {task.get('error')}")
    sys.exit(1)
final = task["result"]["final_context"]
failed = 0
for name, expected in EXPECTED.items():
    outcome = final.get(name)
    verdict = "ok" if outcome == expected or (isinstance(expected, tuple) and outcome in expected) else "FAILED"
    failed += verdict != "ok"
    wanted = " or ".join(expected) if isinstance(expected, tuple) else expected
    print(f"containment: {name}: {outcome} (expected {wanted}) {verdict}")
sys.exit(1 if failed else 0)
