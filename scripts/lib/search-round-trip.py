"""One search through nova, against running nova and nova-rag (scripts/release-check.sh).

Creates a workflow with one prompt node in nova, saves code for that prompt and workflow in nova-rag's semantic cache
(POST /code/save; a search names its workflow and sees only that workflow's entries), then runs the workflow in nova: nova searches nova-rag (POST /code/search), takes the hit, runs its code in the sandbox and
records `code_source: semantic_hit`. No LLM key is configured, so only that search can produce the result.
Exits non-zero, saying why, when any step fails.
"""
import json
import sys
import time
import urllib.error
import urllib.request

nova, rag, nova_key, rag_key = sys.argv[1:5]
PROMPT = "Add up the semicolon-separated amounts in amounts_text and store the sum as total"
CODE = (
    "import json\n"
    "total = sum(float(part) for part in context['amounts_text'].split(';'))\n"
    "print(json.dumps({'status': 'success', 'context_updates': {'total': total}}))\n"
)


def call(base, key, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {key}"}
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {base}{path}: HTTP {error.code}: {error.read().decode(errors='replace')}")


graph = {
    "nodes": [
        {"id": "start", "type": "start"},
        {"id": "sum_amounts", "type": "action", "executor": "cached", "prompt": PROMPT},
        {"id": "end", "type": "end"},
    ],
    "edges": [{"from": "start", "to": "sum_amounts"}, {"from": "sum_amounts", "to": "end"}],
}
workflow = call(nova, nova_key, "POST", "/workflows", {"name": f"release check {time.time()}", "graph_definition": graph})
saved = call(rag, rag_key, "POST", "/code/save", {
    "ai_description": PROMPT, "input_schema": {"amounts_text": "str"}, "code": CODE, "node_action": "sum_amounts",
    "node_description": PROMPT[:100], "workflow_id": workflow["id"],
    "metadata": {"success_count": 1, "libraries_used": ["json"], "required_keys": ["amounts_text"]},
})
if not saved.get("success"):
    sys.exit(f"nova-rag did not save the code: {saved}")
print(f"nova-rag  POST /code/save → {saved['id']}")

queued = call(nova, nova_key, "POST", f"/workflows/{workflow['id']}/execute", {"initial_context": {"amounts_text": "1.5;2;3"}})
for _ in range(600):
    task = call(nova, nova_key, "GET", f"/tasks/{queued['task_id']}")
    if task["status"] not in ("PENDING", "STARTED", "RUNNING"):
        break
    time.sleep(0.1)
chain = call(nova, nova_key, "GET", f"/executions/{task['execution_id']}/chain") if task.get("execution_id") else {"entries": []}
node = next((entry for entry in chain["entries"] if entry["node_id"] == "sum_amounts"), {})
metadata = node.get("ai_metadata") or {}
total = ((task.get("result") or {}).get("final_context") or {}).get("total")
print(f"nova      workflow task {task['status']}, total {total}, code_source {metadata.get('code_source')}")
if task["status"] != "SUCCESS" or total != 6.5 or metadata.get("code_source") != "semantic_hit":
    sys.exit(f"search through nova failed: task {json.dumps(task)}\nnode {json.dumps(node)}")
