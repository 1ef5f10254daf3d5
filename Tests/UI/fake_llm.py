"""A local stand-in for an OpenAI-compatible chat API (POST /v1/chat/completions): every answer is the same small
Python program in a ```python block, with fixed token counts, so a prompt node the caches cannot serve is
"generated" in one attempt with tokens and a cost, and no real LLM is called."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROGRAM = (
    "import json\n"
    "name = context.get('who', 'world')\n"
    "print(json.dumps({'status': 'success', 'context_updates': {'greeting': 'Hello, %s!' % name}}))\n"
)


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({
            "model": "gpt-4.1-mini",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": f"```python\n{PROGRAM}```"}}],
            "usage": {"prompt_tokens": 420, "completion_tokens": 80},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *arguments):
        pass


class FakeLLM:
    """The server on a free loopback port, in a background thread; `base_url` is its OPENAI_BASE_URL."""

    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
