"""Deterministic workload for the /code/search benchmark: save bodies, queries, and the hash-embedder vectors.

The vectors are those of nova-rag's `hash` embedder (docs/api.md §2.11: bag of lower-cased word tokens, FNV-1a 64
into DIM buckets, L2-normalised), so ChromaDB is given exactly the vectors nova-rag computes for the same texts.
"""
import json
import math
import random
import sys

DIM = 384
WORDS = ("invoice total amount vat date sender email attachment pdf extract parse insert table row column sheet "
         "spreadsheet customer supplier currency eur usd convert sum average filter sort ascending descending first "
         "last reply forward archive folder imap smtp postgres database schema validate check compute tax discount "
         "due payment reference number iban address name phone line item quantity price unit net gross").split()


def tokens(text):
    word, out = [], []
    for ch in text.lower():
        if ch.isalnum():
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def fnv1a(token):
    h = 0xcbf29ce484222325
    for b in token.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def vector(text):
    v = [0.0] * DIM
    for t in tokens(text):
        v[fnv1a(t) % DIM] += 1.0
    n = math.sqrt(sum(x * x for x in v))
    return [x / n for x in v] if n else v


def search_text(prompt):
    return "Prompt: " + prompt + "\n\nInput Schema:\n{\n  \"pdf_text\": \"str\"\n}"


def prompts(count, seed):
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) + f" step {i}" for i in range(count)]


def save_bodies(count):
    for i, prompt in enumerate(prompts(count, 42)):
        yield {"ai_description": prompt, "input_schema": {"pdf_text": "str"}, "insights": [], "config": {},
               "code": f"print({i})", "node_action": f"node_{i % 50}", "node_description": prompt[:100],
               "workflow_id": 1 + i % 10, "metadata": {"created_at": "2026-01-01T00:00:00.000000"}}


def queries(count=200):
    return [search_text(p) for p in prompts(count, 7)]


if __name__ == "__main__":
    kind, n = sys.argv[1], int(sys.argv[2])
    if kind == "saves":
        for body in save_bodies(n):
            print(json.dumps(body))
    elif kind == "queries":
        for q in queries(n):
            print(json.dumps({"query": q, "threshold": 0.0, "top_k": 5}))
