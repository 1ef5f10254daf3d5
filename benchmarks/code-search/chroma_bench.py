"""The same vectors and queries through ChromaDB's in-process PersistentClient: load, startup, latency, QPS."""
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time

import chromadb

import workload

n = int(sys.argv[1])
directory = tempfile.mkdtemp(prefix="chroma-bench-")
try:
    client = chromadb.PersistentClient(path=directory)
    collection = client.create_collection("code", metadata={"hnsw:space": "cosine"})
    bodies = list(workload.save_bodies(n))
    for start in range(0, n, 5000):
        chunk = bodies[start:start + 5000]
        collection.add(ids=[f"c{start + i}" for i in range(len(chunk))],
                       embeddings=[workload.vector(workload.search_text(b["ai_description"])) for b in chunk],
                       metadatas=[{"workflow_id": b["workflow_id"]} for b in chunk],
                       documents=[b["code"] for b in chunk])
    del collection, client
    query_vectors = [workload.vector(q) for q in workload.queries(200)]

    started = time.perf_counter()
    client = chromadb.PersistentClient(path=directory)
    collection = client.get_collection("code")
    collection.query(query_embeddings=[query_vectors[0]], n_results=5)
    startup = time.perf_counter() - started

    samples = []
    for round_ in range(3):
        for v in query_vectors:
            t = time.perf_counter()
            collection.query(query_embeddings=[v], n_results=5)
            if round_ > 0:
                samples.append((time.perf_counter() - t) * 1000)
    samples.sort()

    done = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + 10

    def worker(offset):
        global done
        i = offset
        while time.perf_counter() < deadline:
            collection.query(query_embeddings=[query_vectors[i % len(query_vectors)]], n_results=5)
            i += 1
            with lock:
                done += 1

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"p50": samples[len(samples) // 2], "p99": samples[int(len(samples) * 0.99) - 1], "rps": done / 10,
                      "startup_s": startup, "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
finally:
    shutil.rmtree(directory, ignore_errors=True)
