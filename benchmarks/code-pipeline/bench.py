"""Runs the invoice workflow RUNS times against a running nova whose prompt nodes generate through the fake LLM, each
run with every prompt node's prompt drawn from paraphrases.json (run 1: the workflow's own prompts) and the sample
invoices in turn, then prints per-node latency by code source, the hit rates and the speedup over generation.

Usage: bench.py NOVA_URL FAKE_LLM_URL RUNS SEED
"""
import collections
import json
import os
import random
import statistics
import sys
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "lib"))
from nova_demo import EXAMPLES, call, code_source, create_workflow, execute, invoice_context, load_workflow  # noqa: E402

base, fake, runs, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "paraphrases.json")) as file:
    paraphrases = json.load(file)
invoices = [os.path.join(EXAMPLES, "invoices", name) for name in sorted(os.listdir(os.path.join(EXAMPLES, "invoices")))]
rng = random.Random(seed)

def miss_reason(node, search):
    """Why the search served no code: nova-rag only returns entries the prompt guard accepts, so a node none of whose
    entries came back was turned down by the guard."""
    reason = search.get("fallback_reason", "unknown")
    if reason != "no_matches_above_threshold":
        return reason
    scores = [result["score"] for result in search.get("all_results", []) if result["node_action"] == node]
    return "below threshold" if scores else "prompt guard"


workflow = load_workflow(f" benchmark {time.time():.0f}")
workflow_id = create_workflow(base, workflow)
samples = []  # (node, source, milliseconds, prompt seen before on this node, run)
misses = collections.Counter()  # why the semantic cache did not serve a node that generated after run 1
run_seconds = []
seen = {node: set() for node in paraphrases}
for run in range(runs):
    choice = {node: 0 if run == 0 else rng.randrange(len(options)) for node, options in paraphrases.items()}
    for node in workflow["graph_definition"]["nodes"]:
        if node["id"] in choice:
            node["prompt"] = paraphrases[node["id"]][choice[node["id"]]]
    call(base, "PUT", f"/workflows/{workflow_id}", {"graph_definition": workflow["graph_definition"]})
    started = time.monotonic()
    task, entries = execute(base, workflow_id, invoice_context(invoices[run % len(invoices)]))
    run_seconds.append(time.monotonic() - started)
    if task["status"] != "SUCCESS":
        sys.exit(f"run {run + 1} failed: {task.get('error')}")
    for entry in entries:
        node = entry["node_id"]
        if node in choice:
            samples.append((node, code_source(entry), entry["execution_time"] * 1000, choice[node] in seen[node], run))
            if run > 0 and code_source(entry) == "generated":
                misses[miss_reason(node, entry["ai_metadata"].get("semantic_cache_search", {}))] += 1
            seen[node].add(choice[node])


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


with urllib.request.urlopen(fake + "/stats") as response:
    llm_requests = json.loads(response.read())["requests"]
by_source = {source: [ms for _, s, ms, _, _ in samples if s == source] for source in ("exact_hit", "semantic_hit", "generated")}
generation_p50 = statistics.median(by_source["generated"]) if by_source["generated"] else float("nan")
print(f"{'code source':<14} {'node runs':>9} {'share':>7} {'p50 ms':>9} {'p95 ms':>9} {'p50 speedup vs generation':>27}")
for source, values in by_source.items():
    if not values:
        print(f"{source:<14} {0:>9}")
        continue
    p50 = statistics.median(values)
    print(f"{source:<14} {len(values):>9} {len(values) / len(samples):>6.1%} {p50:>9.1f} {percentile(values, 0.95):>9.1f} {generation_p50 / p50:>26.1f}x")
hits = len(by_source["exact_hit"]) + len(by_source["semantic_hit"])
new = [s for _, s, _, was_seen, run in samples if not was_seen and run > 0]
print()
print(f"{runs} runs, {len(samples)} prompt-node runs, {sum(len(v) for v in paraphrases.values())} prompts: "
      f"hit rate {hits / len(samples):.1%} (exact {len(by_source['exact_hit']) / len(samples):.1%}, "
      f"semantic {len(by_source['semantic_hit']) / len(samples):.1%})")
print(f"after run 1 (the cold start, all generated), prompts a node met for the first time: {len(new)}, of which "
      f"semantic hits {new.count('semantic_hit')} ({new.count('semantic_hit') / max(1, len(new)):.0%}), generated {new.count('generated')}")
print("why nodes generated after run 1 (semantic search): " + (", ".join(f"{reason} {count}" for reason, count in misses.most_common()) or "-"))
later = run_seconds[1:]
print(f"whole run: run 1 (cold) {run_seconds[0]:.2f} s; runs 2-{runs} p50 {statistics.median(later):.2f} s, "
      f"p95 {percentile(later, 0.95):.2f} s ({run_seconds[0] / statistics.median(later):.1f}x faster); LLM requests {llm_requests}")
