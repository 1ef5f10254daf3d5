"""The demo's client of a running nova (called by scripts/demo.sh).

  run-demo-workflow.py create BASE_URL             creates examples/invoice-workflow.json, prints its id
  run-demo-workflow.py run BASE_URL ID INVOICE N   executes workflow ID on INVOICE N times and prints, per node and
                                                   run, where the code came from and how long the node took
Exits 1 when a run fails.
"""
import json
import sys
import time

from nova_demo import code_source, create_workflow, execute, invoice_context, load_workflow, similarity


def create(base):
    print(create_workflow(base, load_workflow(time.strftime(" %Y-%m-%d %H:%M:%S"))))


def run(base, workflow_id, invoice, count):
    runs = []
    for number in range(1, count + 1):
        started = time.monotonic()
        task, entries = execute(base, workflow_id, invoice_context(invoice))
        runs.append((task, entries, time.monotonic() - started))
        print(f"run {number}: task {task['status']}" + (f" ({task.get('error')})" if task["status"] != "SUCCESS" else ""))
    nodes = []
    for _, entries, _ in runs:
        for entry in entries:
            if entry["node_id"] not in nodes:
                nodes.append(entry["node_id"])
    header = f"{'node':<18} {'kind':<16}" + "".join(f" | {'run ' + str(n) + ': code source':<26} {'time':>10}" for n in range(1, count + 1))
    print()
    print(header)
    print("-" * len(header))
    for node in nodes:
        kind = ""
        cells = ""
        for _, entries, _ in runs:
            entry = next((e for e in entries if e["node_id"] == node), None)
            if entry is None:
                cells += f" | {'(not on this path)':<26} {'':>10}"
                continue
            kind = entry["node_type"] + (" (prompt)" if entry.get("ai_metadata", {}).get("code_source") else "")
            source = code_source(entry) if entry["status"] == "success" else f"FAILED ({code_source(entry)})"
            score = similarity(entry)
            if score is not None:
                source += f" ({score:.3f})"
            cells += f" | {source:<26} {entry['execution_time'] * 1000:>7.1f} ms"
        print(f"{node:<18} {kind:<16}{cells}")
    print(f"{'whole run':<35}" + "".join(f" | {'':<26} {seconds * 1000:>7.0f} ms" for _, _, seconds in runs))
    final = runs[-1][0].get("result", {}).get("final_context", {})
    summary = {key: final[key] for key in ("vendor_name", "invoice_number", "total_eur", "vendor_id", "approval_status", "posting_status") if key in final}
    print()
    print("result of the last run:", json.dumps(summary))
    if final.get("approval_message"):
        print("approval message:", final["approval_message"])
    return all(task["status"] == "SUCCESS" for task, _, _ in runs)


if __name__ == "__main__":
    command, base = sys.argv[1:3]
    if command == "create":
        create(base)
    else:
        sys.exit(0 if run(base, int(sys.argv[3]), sys.argv[4], int(sys.argv[5])) else 1)
