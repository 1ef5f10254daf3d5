"""How well an IVF (inverted-file) index would serve this benchmark's unfiltered searches: recall@5 against the exact
top 5, by the share of rows a search visits, for k-means centroids trained on a sample (6 rounds) and every row
assigned to its nearest centroid. Measures whether IVF can reach recall@5 >= 0.99 here before one is written.
Usage: python3 benchmarks/code-search/ivf_recall.py N   (needs numpy; N entries of workload.py, its 200 queries)
"""
import sys
import time

import numpy as np

import workload

n = int(sys.argv[1])
rows = np.array([workload.vector(workload.search_text(p)) for p in workload.prompts(n, 42)], dtype=np.float32)
queries = np.array([workload.vector(q) for q in workload.queries(200)], dtype=np.float32)
exact = np.argsort(-(queries @ rows.T), axis=1)[:, :5]
rng = np.random.default_rng(0)
for lists in (int(np.sqrt(n)), 4 * int(np.sqrt(n))):
    started = time.time()
    centroids = rows[rng.choice(n, lists, replace=False)].copy()
    sample = rows[rng.choice(n, min(n, 20 * lists), replace=False)]
    for _ in range(6):
        nearest = np.argmax(sample @ centroids.T, axis=1)
        for j in range(lists):
            members = sample[nearest == j]
            if len(members):
                total = members.sum(0)
                centroids[j] = total / np.linalg.norm(total)
    assignment = np.argmax(rows @ centroids.T, axis=1)
    built = time.time() - started
    order = np.argsort(-(queries @ centroids.T), axis=1)
    for probes in (lists // 32, lists // 16, lists // 8, lists // 4):
        found = visited = 0
        for q in range(len(queries)):
            probed = np.isin(assignment, order[q, :probes])
            visited += probed.sum()
            found += probed[exact[q]].sum()
        print(f"{n} rows, {lists} lists, {probes} probed: recall@5 {found / (5 * len(queries)):.3f}, "
              f"rows visited {visited / len(queries) / n:.1%}, build {built:.1f} s")
