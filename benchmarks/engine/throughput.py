#!/usr/bin/env python3
"""Executions per minute and engine overhead per node of a running nova (standard library only).

Usage: throughput.py BASE_URL [EXECUTIONS] [SERIAL]

Creates the 5-node trivial workflow start -> a -> b -> c -> end (three sandboxed actions), then:
1. runs SERIAL executions one at a time and derives the engine's overhead per node from the execution's own
   timestamps: (completed_at - started_at - sum of the chain's execution_time) / nodes -- the time the engine spends
   beside the nodes' code (state machine, store writes, cancellation checks, progress), real store included;
2. submits EXECUTIONS at once and times them until every task is final: executions per minute.
Prints one JSON object.
"""
import concurrent.futures
import datetime
import json
import statistics
import sys
import time
import urllib.request

BASE = sys.argv[1].rstrip("/")
EXECUTIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
SERIAL = int(sys.argv[3]) if len(sys.argv) > 3 else 20
FINAL = {"SUCCESS", "FAILURE", "REVOKED"}


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def node(identifier, code):
    return {"id": identifier, "type": "action", "executor": "e2b", "code": code}


WORKFLOW = {
    "name": "engine benchmark %f" % time.time(),
    "graph_definition": {
        "network": False,
        "nodes": [
            {"id": "start", "type": "start"},
            node("a", "context['visits'] = context.get('visits', 0) + 1"),
            node("b", "context['visits'] = context['visits'] + 1"),
            node("c", "context['visits'] = context['visits'] + 1"),
            {"id": "end", "type": "end"},
        ],
        "edges": [{"from": "start", "to": "a"}, {"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "c", "to": "end"}],
    },
}


def submit(workflow_id):
    return call("POST", "/workflows/%d/execute" % workflow_id, {"initial_context": {}})["task_id"]


def wait_all(task_ids, limit=1800):
    open_ids, final, deadline = set(task_ids), {}, time.monotonic() + limit
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        while open_ids and time.monotonic() < deadline:
            for task_id, task in zip(list(open_ids), pool.map(lambda t: call("GET", "/tasks/" + t), list(open_ids))):
                if task["status"] in FINAL:
                    final[task_id] = task
                    open_ids.discard(task_id)
            if open_ids:
                time.sleep(0.05)
    if open_ids:
        raise SystemExit("%d tasks did not finish" % len(open_ids))
    failed = [t for t in final.values() if t["status"] != "SUCCESS"]
    if failed:
        raise SystemExit("%d tasks failed, e.g. %s" % (len(failed), json.dumps(failed[0])))
    return final


def seconds(text):
    return datetime.datetime.fromisoformat(text.rstrip("Z")).timestamp()


def overhead_ms_per_node(task):
    execution_id = task["execution_id"]
    execution = call("GET", "/executions/%d" % execution_id)
    entries = call("GET", "/executions/%d/chain" % execution_id)["entries"]
    wall = seconds(execution["completed_at"]) - seconds(execution["started_at"])
    in_nodes = sum(entry["execution_time"] or 0 for entry in entries)
    return (wall - in_nodes) / len(entries) * 1000, wall / len(entries) * 1000


def main():
    workflow_id = call("POST", "/workflows", WORKFLOW)["id"]
    wait_all([submit(workflow_id)])
    serial = []
    for _ in range(SERIAL):
        serial.append(overhead_ms_per_node(next(iter(wait_all([submit(workflow_id)]).values()))))
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        task_ids = list(pool.map(lambda _: submit(workflow_id), range(EXECUTIONS)))
    submitted = time.monotonic() - started
    wait_all(task_ids)
    elapsed = time.monotonic() - started
    print(json.dumps({
        "executions": EXECUTIONS,
        "seconds": round(elapsed, 2),
        "submit_seconds": round(submitted, 2),
        "executions_per_minute": round(EXECUTIONS / elapsed * 60, 1),
        "serial_runs": SERIAL,
        "overhead_ms_per_node_median": round(statistics.median(o for o, _ in serial), 2),
        "overhead_ms_per_node_max": round(max(o for o, _ in serial), 2),
        "wall_ms_per_node_median": round(statistics.median(w for _, w in serial), 2),
    }))


main()
