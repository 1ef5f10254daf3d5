"""The same vectors and queries through ChromaDB's in-process PersistentClient: load, startup, latency, QPS.

Usage: chroma_bench.py N [WORKFLOWS] [filtered-only]. Entries are spread over WORKFLOWS workflows (default 10) as
workload.py spreads them for nova-rag. Prints one JSON line: the unfiltered figures (p50, p99, rps, startup_s, rss_mib;
left out with `filtered-only`) and, under "filtered", the same for queries with a `where` filter on the query's
workflow_id, as nova-rag's queries carry it.
"""
import json
import resource
import shutil
import sys
import tempfile
import threading
import time

import chromadb

import workload

n = int(sys.argv[1])
workflows = int(sys.argv[2]) if len(sys.argv) > 2 else 10
filtered_only = len(sys.argv) > 3 and sys.argv[3] == "filtered-only"


def measure(collection, query_vectors, wheres):
    """p50/p99 of sequential queries (two rounds after a warm-up round) and queries/s from 16 threads for 10 s."""
    def ask(i):
        where = wheres[i % len(wheres)] if wheres else None
        collection.query(query_embeddings=[query_vectors[i % len(query_vectors)]], n_results=5, where=where)

    samples = []
    for round_ in range(3):
        for i in range(len(query_vectors)):
            t = time.perf_counter()
            ask(i)
            if round_ > 0:
                samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    done = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + 10

    def worker(offset):
        nonlocal done
        i = offset
        while time.perf_counter() < deadline:
            ask(i)
            i += 1
            with lock:
                done += 1

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"p50": samples[len(samples) // 2], "p99": samples[int(len(samples) * 0.99) - 1], "rps": done / 10}


directory = tempfile.mkdtemp(prefix="chroma-bench-")
try:
    client = chromadb.PersistentClient(path=directory)
    collection = client.create_collection("code", metadata={"hnsw:space": "cosine"})
    bodies = list(workload.save_bodies(n, workflows))
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

    result = {} if filtered_only else measure(collection, query_vectors, None)
    wheres = [{"workflow_id": workload.workflow_of(i, workflows)} for i in range(len(query_vectors))]
    result["filtered"] = measure(collection, query_vectors, wheres)
    result["startup_s"] = startup
    result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
finally:
    shutil.rmtree(directory, ignore_errors=True)
