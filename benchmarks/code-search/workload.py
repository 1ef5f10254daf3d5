"""Deterministic workload for the /code/search benchmark: save bodies, queries, and the hash-embedder vectors.

The vectors are those of nova-rag's `hash` embedder (docs/api.md §2.11: bag of lower-cased word tokens, FNV-1a 64
into DIM buckets, L2-normalised), so ChromaDB is given exactly the vectors nova-rag computes for the same texts.
"""
import json
import math
import os
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


def prompts(count, seed, shared_numbers=False):
    """Random prompts of 6–14 words (PROMPT_WORDS="30 50" in the environment: 30–50) ending in "step <i>", a number
    no other prompt has; with `shared_numbers`, ending in one of a few amounts instead ("over 500"), as real node
    prompts do, so that the prompt guard passes many candidates."""
    rng = random.Random(seed)
    shortest, longest = map(int, os.environ.get("PROMPT_WORDS", "6 14").split())
    ending = (lambda i: f" over {rng.choice((100, 500, 1000, 5000))}") if shared_numbers else (lambda i: f" step {i}")
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(shortest, longest))) + ending(i) for i in range(count)]


def workflow_of(i, workflows):
    """The workflow id of entry or query `i` when entries are spread over `workflows` workflows."""
    return 1 + i % workflows


def save_bodies(count, workflows=10, shared_numbers=False):
    for i, prompt in enumerate(prompts(count, 42, shared_numbers)):
        yield {"ai_description": prompt, "input_schema": {"pdf_text": "str"}, "insights": [], "config": {},
               "code": f"print({i})", "node_action": f"node_{i % 50}", "node_description": prompt[:100],
               "workflow_id": workflow_of(i, workflows), "metadata": {"created_at": "2026-01-01T00:00:00.000000"}}


def queries(count=200, shared_numbers=False):
    return [search_text(p) for p in prompts(count, 7, shared_numbers)]


if __name__ == "__main__":
    # workload.py saves N [WORKFLOWS] | queries N [WORKFLOWS]; a WORKFLOWS argument to queries adds each query's
    # workflow_id; SHARED_NUMBERS=1 in the environment gives the prompts shared amounts (see prompts()).
    kind, n = sys.argv[1], int(sys.argv[2])
    workflows = int(sys.argv[3]) if len(sys.argv) > 3 else None
    shared = os.environ.get("SHARED_NUMBERS") == "1"
    if kind == "saves":
        for body in save_bodies(n, workflows or 10, shared):
            print(json.dumps(body))
    elif kind == "queries":
        for i, q in enumerate(queries(n, shared)):
            body = {"query": q, "threshold": 0.0, "top_k": 5}
            if workflows:
                body["workflow_id"] = workflow_of(i, workflows)
            print(json.dumps(body))
