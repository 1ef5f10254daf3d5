"""Executions of the fault suite: a counting workflow, submitting it, waiting for the backlog, and the check that each
execution ran exactly once.

What proves "once". Node code runs in the sandbox and cannot leave a mark outside it, so the proof is what the API
reports. Execution i starts with {"n": i}; the workflow is start → one → two → end, and each code node adds 1 to n
(after a short sleep, so that faults land while nodes run). For every task the check requires:
  - status SUCCESS, with a result whose final_context.n is i + 2: each node's effect reached the end exactly once
    (a node applied twice gives i + 3 or more, a node whose effect was lost i + 1, a run restarted from its initial
    context after a node finished would apply that node again);
  - the execution's chain of work holds start, one, two, end, one entry each, all success, in that order, and the
    entries of one and two show n = i + 1 and i + 2: one committed run per node. A node interrupted by a crash
    before its entry was committed runs again on resume (docs/api.md §3.5); that attempt committed nothing and left
    nothing outside the sandbox, so it is not a second run;
  - exactly one execution row per task across GET /executions: a task started twice (two queue entries, a lost
    lease) would have two.
A task still PENDING, STARTED or RUNNING at the deadline is lost; FAILURE or a SUCCESS that breaks any of the above
breaks the guarantee. Each broken task is listed with its state.
"""

import json
import time
import urllib.error
import urllib.request

WORKFLOW = {
    "name": "fault-suite-counter",
    "graph_definition": {
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "one", "type": "action", "executor": "e2b",
             "code": "import time\ntime.sleep(0.1)\ncontext['n'] = context['n'] + 1"},
            {"id": "two", "type": "action", "executor": "e2b",
             "code": "import time\ntime.sleep(0.1)\ncontext['n'] = context['n'] + 1"},
            {"id": "end", "type": "end"},
        ],
        "edges": [{"from": "start", "to": "one"}, {"from": "one", "to": "two"}, {"from": "two", "to": "end"}],
    },
}
NODES = ["start", "one", "two", "end"]
UNFINISHED = ("PENDING", "STARTED", "RUNNING")


def request(method, url, body=None, timeout=15):
    """(status, parsed JSON or text) of one HTTP request; connection errors raise OSError."""
    data = None if body is None else json.dumps(body).encode()
    call = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(call, timeout=timeout) as answer:
            status, text = answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def create_workflow(base):
    status, body = request("POST", base + "/workflows", WORKFLOW)
    if status != 201:
        raise RuntimeError(f"POST /workflows answered {status}: {body}")
    return body["id"]


def submit(base, workflow_id, count):
    """Queues `count` executions, the i-th with {"n": i}; returns their task ids in order."""
    tasks = []
    for index in range(count):
        status, body = request("POST", f"{base}/workflows/{workflow_id}/execute", {"initial_context": {"n": index}})
        if status != 202:
            raise RuntimeError(f"execute #{index} answered {status}: {body}")
        tasks.append(body["task_id"])
    return tasks


def finished_count(base):
    """Executions that reached a final state, from one list request (cheap enough to poll)."""
    status, body = request("GET", base + "/executions?limit=1000", timeout=5)
    if status != 200:
        return 0
    return sum(1 for execution in body["executions"] if execution["status"] in ("completed", "failed", "cancelled"))


def running_count(base):
    """Executions a worker is running right now (0 when the list cannot be read)."""
    status, body = request("GET", base + "/executions?status=running&limit=1", timeout=5)
    return body["total"] if status == 200 else 0


def task_state(base, task_id):
    status, body = request("GET", f"{base}/tasks/{task_id}")
    return body if status == 200 and isinstance(body, dict) else {"status": f"HTTP {status}", "error": body}


def wait_for_tasks(base, tasks, seconds, during=None):
    """Polls until every task is final or `seconds` pass; `during()` is called on each round (a fault's kill loop)
    and may restart the server behind `base`."""
    deadline = time.monotonic() + seconds
    waiting = list(tasks)
    while waiting and time.monotonic() < deadline:
        try:
            if during is not None:
                during()
            # A final state is final (docs/api.md §3.4): only the tasks not seen final yet are asked again.
            waiting = [task for task in waiting if task_state(base, task)["status"] in UNFINISHED]
        except OSError:
            pass
        time.sleep(0.3)


def verify(base, tasks):
    """The per-task check of the module comment: returns a list of (task index, task id, why) that broke it."""
    broken = []
    executions_by_task = {}
    status, body = request("GET", base + "/executions?limit=1000")
    for execution in body.get("executions", []) if status == 200 else []:
        executions_by_task.setdefault(execution.get("task_id"), []).append(execution["id"])
    for index, task_id in enumerate(tasks):
        why = _check_task(base, index, task_id, executions_by_task.get(task_id, []))
        if why:
            broken.append((index, task_id, why))
    return broken


def _check_task(base, index, task_id, execution_ids):
    task = task_state(base, task_id)
    state = task.get("status")
    if state != "SUCCESS":
        return f"status {state}, error {task.get('error')!r}, meta {task.get('meta')}"
    result = task.get("result") or {}
    final = (result.get("final_context") or {}).get("n")
    if final != index + 2:
        return f"SUCCESS with final_context.n = {final!r}, expected {index + 2} (result {result})"
    if len(execution_ids) != 1:
        return f"{len(execution_ids)} executions for one task: {execution_ids}"
    status, chain = request("GET", f"{base}/executions/{task['execution_id']}/chain")
    entries = chain.get("entries", []) if status == 200 else []
    seen = [(entry["node_id"], entry["status"]) for entry in entries]
    if seen != [(node, "success") for node in NODES]:
        return f"execution {task['execution_id']}: chain {seen}, expected each of {NODES} once, success"
    counts = [entry["output_result"].get("n") for entry in entries[1:3]]
    if counts != [index + 1, index + 2]:
        return f"execution {task['execution_id']}: nodes one, two wrote n = {counts}, expected {[index + 1, index + 2]}"
    return None
