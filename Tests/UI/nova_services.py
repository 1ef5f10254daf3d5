"""Starts a real nova and nova-rag for the dashboard test: loopback ports, SQLite in a temporary directory, no LLM
key (prompt nodes get their code from the seed pack examples/code-pack.json through nova-rag), and a small JSON
client for nova's API (standard library only)."""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def free_port():
    """A TCP port free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Service:
    """One server process, its output in a log file of the work directory."""

    def __init__(self, name, command, env, work):
        self.name = name
        self.log_path = os.path.join(work, f"{name}.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)

    def wait_healthy(self, url, ready=lambda body: True, seconds=90):
        """Waits until `url` answers 200 and `ready(body)` holds; raises with the log's tail otherwise."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if ready(json.loads(response.read())):
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not become ready; the end of {self.log_path}:\n{self.tail()}")

    def tail(self, lines=30):
        with open(self.log_path) as file:
            return "".join(file.readlines()[-lines:])

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def base_environment():
    """The test's environment without anything that would make nova call a real LLM."""
    env = {key: value for key, value in os.environ.items() if key not in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "DATABASE_URL", "REDIS_URL")}
    env["HOST"] = "127.0.0.1"
    return env


class Nova:
    """A JSON client of nova that sends the API key as a Bearer header."""

    def __init__(self, base, key):
        self.base = base
        self.key = key

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"}
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def ok(self, method, path, body=None):
        status, answer = self.call(method, path, body)
        if status >= 300:
            raise RuntimeError(f"{method} {path}: {status} {answer}")
        return answer

    def start(self, workflow_id, context=None):
        """Queues a run and returns its execution id as soon as the task has one."""
        task_id = self.ok("POST", f"/workflows/{workflow_id}/execute", {"initial_context": context or {}})["task_id"]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            task = self.ok("GET", f"/tasks/{task_id}")
            execution_id = task.get("execution_id") or (task.get("meta") or {}).get("execution_id")
            if execution_id:
                return execution_id
            time.sleep(0.05)
        raise RuntimeError(f"task {task_id} never got an execution")

    def finish(self, execution_id, seconds=180):
        """Waits for the execution to finish and returns it."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            execution = self.ok("GET", f"/executions/{execution_id}")
            if execution["status"] not in ("pending", "running"):
                return execution
            time.sleep(0.1)
        raise RuntimeError(f"execution {execution_id} did not finish in {seconds} s")
