"""A stand-in for an OpenAI-compatible chat-completions API with a fixed latency, for the code-pipeline benchmark.

Every POST /chat/completions waits LATENCY seconds, then answers a data-analysis request with a program that reports
the length of each text value, and any other request with the invoice workflow's code for the node the request is
about, found from the input schema nova sends (each prompt node of examples/invoice-workflow.json sees
different context keys, whatever its prompt says). The code is the seed pack's, with a first comment line naming
the request, so each generation is new code as a real model's would be. GET /stats returns {"requests": n}.

Usage: fake_llm.py PORT LATENCY_SECONDS
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PACK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "code-pack.json")
with open(PACK) as file:
    CODE = {entry["node_action"]: entry["code"] for entry in json.load(file)}
# The key that only the context of this node (and later ones) has, most specific first.
NODE_BY_KEY = [("approval_status", "post_to_ledger"), ("needs_approval", "request_approval"), ("total_eur", "match_vendor"),
               ("vendor_name", "normalise_amounts"), ("invoice_text", "extract_fields")]
# nova's data-analysis stage (long text such as the invoice) asks for a program that reports the data's shape.
ANALYSIS_REQUEST = "inspects input data so that another program can later be written"
ANALYSIS_CODE = """import json
insights = []
for key, value in context.items():
    if isinstance(value, str):
        insights.append(f"{key}: text of {len(value)} characters, {value.count(chr(10)) + 1} lines")
print(json.dumps({"status": "success", "context_updates": {"insights": insights[:10]}}))
"""
LATENCY = float(sys.argv[2])
lock = threading.Lock()
served = 0


def schema_keys(text):
    """The keys of the 'Input context keys and types' JSON object of nova's generation prompt."""
    start = text.find("{", text.find("Input context keys and types"))
    try:
        schema, _ = json.JSONDecoder().raw_decode(text[start:])
        return set(schema)
    except ValueError:
        return set()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        with lock:
            self.reply({"requests": served})

    def do_POST(self):
        global served
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with lock:
            served += 1
            number = served
        text = "\n".join(message.get("content", "") for message in body["messages"] if isinstance(message.get("content"), str))
        keys = schema_keys(text)
        node = next((node for key, node in NODE_BY_KEY if key in keys), None)
        time.sleep(LATENCY)
        if ANALYSIS_REQUEST in text:
            answer = f"```python\n{ANALYSIS_CODE}```"
        elif node is None:
            answer = "I cannot tell which step this is."
        else:
            answer = f"```python\n# {node}, generation {number}\n{CODE[node]}```"
        self.reply({
            "id": f"chatcmpl-{number}", "object": "chat.completion", "model": body.get("model", "fake"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": len(text) // 4, "completion_tokens": len(answer) // 4},
        })

    def reply(self, payload):
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *arguments):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
