"""Creates the demo workflow in a running nova, executes it on the demo invoice, and prints what each node did."""
import json
import sys
import time
import urllib.request

base, workflow_file, invoice_file = sys.argv[1:4]


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


workflow = json.load(open(workflow_file))
workflow["name"] += time.strftime(" %Y-%m-%d %H:%M:%S")
created = call("POST", "/workflows", workflow)
queued = call("POST", f"/workflows/{created['id']}/execute", {"initial_context": {"invoice_text": open(invoice_file).read()}})
print(f"workflow {created['id']} queued as task {queued['task_id']}")
for _ in range(600):
    task = call("GET", f"/tasks/{queued['task_id']}")
    if task["status"] not in ("PENDING", "STARTED", "RUNNING"):
        break
    time.sleep(0.1)
print(f"task {task['status']}: {task.get('error') or task['message']}")
chain = call("GET", f"/executions/{task['execution_id']}/chain")
for entry in chain["entries"]:
    extra = f" → {entry['path_taken']}" if entry.get("path_taken") else ""
    print(f"  {entry['node_id']:<16} {entry['status']:<8} {entry['execution_time'] * 1000:7.1f} ms{extra}")
final = task["result"]["final_context"]
print("result:", json.dumps({k: final[k] for k in ("vendor", "invoice_number", "total", "route", "note") if k in final}))
sys.exit(0 if task["status"] == "SUCCESS" else 1)
