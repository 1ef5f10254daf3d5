"""Talks to a running nova over HTTP for the demo and the code-pipeline benchmark: creates the invoice workflow,
executes it on an invoice and reads back what each node did (standard library only)."""
import json
import os
import time
import urllib.request

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")


def call(base, method, path, body=None):
    """Sends one JSON request, with the key of NOVA_API_KEY when set, and returns the decoded answer."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"}
    if os.environ.get("NOVA_API_KEY"):
        headers["Authorization"] = "Bearer " + os.environ["NOVA_API_KEY"]
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"null")


def load_workflow(name_suffix=""):
    """examples/invoice-workflow.json, its name made unique with `name_suffix` (workflow names are unique)."""
    with open(os.path.join(EXAMPLES, "invoice-workflow.json")) as file:
        workflow = json.load(file)
    workflow["name"] += name_suffix
    return workflow


def create_workflow(base, workflow):
    """POSTs the workflow and returns its id."""
    return call(base, "POST", "/workflows", workflow)["id"]


def invoice_context(invoice_path):
    """The initial context of one run: the invoice's text, the vendor list and the intake settings."""
    with open(invoice_path) as invoice, open(os.path.join(EXAMPLES, "vendors.csv")) as vendors:
        context = {"invoice_text": invoice.read(), "vendors_csv": vendors.read()}
    with open(os.path.join(EXAMPLES, "invoice-settings.json")) as settings:
        context.update(json.load(settings))
    return context


def execute(base, workflow_id, context):
    """Executes the workflow, waits for the task and returns (task, chain entries). Polls every 50 ms for the first
    2 s (cache hits finish within it), then every 0.5 s, which stays under nova's default rate limit (600 requests a
    minute) while a node's code is generated live."""
    queued = call(base, "POST", f"/workflows/{workflow_id}/execute", {"initial_context": context})
    started = time.monotonic()
    while True:
        task = call(base, "GET", f"/tasks/{queued['task_id']}")
        waited = time.monotonic() - started
        if task["status"] not in ("PENDING", "STARTED", "RUNNING") or waited > 300:
            break
        time.sleep(0.05 if waited < 2 else 0.5)
    execution_id = task.get("execution_id")
    entries = call(base, "GET", f"/executions/{execution_id}/chain")["entries"] if execution_id else []
    return task, entries


def code_source(entry):
    """Where a node's code came from: exact_hit, semantic_hit or generated for prompt nodes, code for hand-written
    nodes, empty for start and end."""
    if entry["node_type"] in ("start", "end"):
        return ""
    return entry.get("ai_metadata", {}).get("code_source") or "code"


def similarity(entry):
    """The similarity score of a semantic hit, else None."""
    return entry.get("ai_metadata", {}).get("_cache_metadata", {}).get("similarity_score")
