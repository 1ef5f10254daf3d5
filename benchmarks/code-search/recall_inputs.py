"""Writes the inputs of recall/main.swift: a nova-rag store's vectors and workflow ids, and the benchmark's query
vectors (the hash embedder's, as chroma_bench.py gives ChromaDB) with their workflow ids.

Usage: recall_inputs.py STORE.sqlite WORKFLOWS OUT_DIR
"""
import sqlite3
import struct
import sys

import workload

store, workflows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with sqlite3.connect(store) as db, open(f"{out}/rows.f32", "wb") as rows, open(f"{out}/workflows.i64", "wb") as ids:
    for workflow_id, vector in db.execute("SELECT workflow_id, vector FROM code_entries ORDER BY rowid"):
        rows.write(vector)
        ids.write(struct.pack("<q", -1 if workflow_id is None else workflow_id))
queries = workload.queries(200)
with open(f"{out}/queries.f32", "wb") as vectors, open(f"{out}/query-workflows.i64", "wb") as ids:
    for i, query in enumerate(queries):
        vectors.write(struct.pack(f"<{workload.DIM}f", *workload.vector(query)))
        ids.write(struct.pack("<q", workload.workflow_of(i, workflows)))
