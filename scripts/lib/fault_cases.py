"""The faults of issue #21, one function each. Each starts its own processes in its own folder, injects the fault,
checks the guarantee and returns an Outcome: tried (executions, saves or checks attempted), survived (those that
kept the guarantee), and for each one that did not, a line saying which and in what state, plus the log to show.
"""

import json
import os
import random
import sqlite3
import subprocess
import threading
import time

import fault_executions as executions
from fault_servers import Postgres, Redis, Service, wait_until

# Test values only: the key that seals queued jobs and checkpoints of these throw-away stores.
SECRET_KEY = "fault suite test key: never in production"


class Outcome:
    """`broken`: (execution index or None, id or check, why) of each failure."""

    def __init__(self, tried, broken, logs, notes=()):
        self.tried, self.broken, self.logs, self.notes = tried, broken, logs, list(notes)

    @property
    def survived(self):
        return self.tried - len(self.broken)


class Context:
    """What every fault needs: the release folder, a scratch folder of its own, the sandbox's environment."""

    def __init__(self, bin_dir, work, venv, knowledge):
        self.bin_dir, self.work, self.knowledge = bin_dir, work, knowledge
        # Node code runs through this link, so every sandbox process names the scratch folder and one that outlives
        # its nova can be found (fault_servers.sweep).
        self.venv = os.path.join(work, "sandbox-venv")
        os.symlink(venv, self.venv)
        self.seed = int(os.environ.get("FAULT_SUITE_SEED", time.time_ns() % 1_000_000))
        self.rng = random.Random(self.seed)
        self.postgres = None

    def folder(self, name):
        path = os.path.join(self.work, name)
        os.makedirs(path, exist_ok=True)
        return path

    def database(self, name):
        """A fresh database on the suite's own PostgreSQL (started on first use)."""
        if self.postgres is None:
            self.postgres = Postgres(os.path.join(self.work, "postgres"))
        if not self.postgres.started:
            self.postgres.start()
        return self.postgres.create_database(name)

    def nova(self, name, subcommand="serve", arguments=(), port=None, **environment):
        folder = self.folder(name)
        env = {"NOVA_DATA_DIR": folder, "NOVA_SECRET_KEY": SECRET_KEY, "NOVA_SANDBOX_VENV": self.venv,
               "SANDBOX_NETWORK": "none", "WORKER_LEASE_SECONDS": "2", "QUEUE_RECONCILE_SECONDS": "2",
               "WORKER_CONCURRENCY": "2", "RATE_LIMIT_PER_MINUTE": "1000000", **environment}
        return Service(f"{self.bin_dir}/nova", subcommand, list(arguments), env, f"{folder}.log", port)

    def rag(self, name, data_dir):
        env = {"NOVA_RAG_DATA_DIR": data_dir, "KNOWLEDGE_DIR": self.knowledge, "EMBEDDING_PROVIDER": "hash"}
        return Service(f"{self.bin_dir}/nova-rag", "serve", [], env, f"{self.folder(os.path.basename(data_dir))}.log")

    def production(self, name):
        """PostgreSQL (a fresh database), a Redis of its own, `nova serve --no-workers` and two `nova worker`."""
        redis = Redis(self.folder(f"{name}-redis"), os.path.join(self.work, f"{name}-redis.log")).start()
        environment = {"DATABASE_URL": self.database(name.replace("-", "_")), "REDIS_URL": redis.url}
        api = self.nova(f"{name}-api", arguments=["--no-workers"], **environment).start()
        workers = [self.nova(f"{name}-worker{i}", subcommand="worker", **environment).start() for i in (1, 2)]
        return redis, api, workers


def _backlog_fault(ctx, name, count, inject, deadline=150):
    """Runs `count` executions on production mode, calls `inject(redis)` once a few have finished, and checks each
    ran once (fault_executions)."""
    redis, api, workers = ctx.production(name)
    workflow = executions.create_workflow(api.url)
    tasks = executions.submit(api.url, workflow, count)
    threshold = ctx.rng.randint(3, 10)
    wait_until("first executions finished", lambda: executions.finished_count(api.url) >= threshold, 90)
    done = executions.finished_count(api.url)
    inject(redis)
    executions.wait_for_tasks(api.url, tasks, deadline)
    broken = executions.verify(api.url, tasks)
    note = f"fault injected with {count - done} of {count} executions unfinished"
    return Outcome(count, broken, [api.log] + [w.log for w in workers], [note])


def redis_restart(ctx):
    """Redis restarted empty (SHUTDOWN NOSAVE, a new empty redis-server on the port) in the middle of 50 executions:
    all finish SUCCESS, each exactly once (the reconciler queues the lost tasks again from their sealed jobs)."""
    return _backlog_fault(ctx, "redis-restart", 50, lambda redis: redis.restart_empty())


def postgres_restart(ctx):
    """PostgreSQL stopped (fast: clients cut off) and started again 2 s later in the middle of 50 executions: all
    finish SUCCESS, each exactly once."""
    def restart(_redis):
        ctx.postgres.stop()
        time.sleep(2)
        ctx.postgres.start()
    outcome = _backlog_fault(ctx, "postgres-restart", 50, restart)
    outcome.logs.append(ctx.postgres.log)
    return outcome


def _kill_loop(ctx, base, victims, kills):
    """A `during` hook for wait_for_tasks: after a random number (4–10) of further executions finished, kill -9 one
    of `victims` (at random) a random 0–0.5 s later and start it again at once, `kills` times in all. Waiting for
    progress between kills keeps each execution from being interrupted more often than its takeover budget
    (3 workers per execution, docs/api.md §3.5) allows, which would make it fail by design."""
    state = {"kills": 0, "next": ctx.rng.randint(4, 10), "running": []}

    def during():
        if state["kills"] >= kills or executions.finished_count(base) < state["next"]:
            return
        time.sleep(ctx.rng.uniform(0, 0.5))
        victim = ctx.rng.choice(victims)
        state["running"].append(executions.running_count(base))
        victim.kill9()
        victim.start()
        state["kills"] += 1
        state["next"] = executions.finished_count(base) + ctx.rng.randint(4, 10)
    return during, state


def serve_kill(ctx):
    """kill -9 of an embedded `nova serve` (SQLite, in-process queue) at random points over 100 executions, started
    again on the same port each time: the restarted process queues the stopped one's unfinished work again."""
    count = 100
    api = ctx.nova("serve-kill", WORKER_CONCURRENCY="4").start()
    workflow = executions.create_workflow(api.url)
    tasks = executions.submit(api.url, workflow, count)
    during, state = _kill_loop(ctx, api.url, [api], kills=6)
    executions.wait_for_tasks(api.url, tasks, 180, during)
    broken = executions.verify(api.url, tasks)
    return Outcome(count, broken, [api.log], [f"nova serve killed {state['kills']} times, executions running at each: "
                                              f"{state['running']}"])


def worker_kill(ctx):
    """kill -9 of a `nova worker` (PostgreSQL, Redis) at random points over 100 executions, started again each time:
    another worker takes the killed one's executions over once their lease expires."""
    count = 100
    _redis, api, workers = ctx.production("worker-kill")
    workflow = executions.create_workflow(api.url)
    tasks = executions.submit(api.url, workflow, count)
    during, state = _kill_loop(ctx, api.url, workers, kills=6)
    executions.wait_for_tasks(api.url, tasks, 180, during)
    broken = executions.verify(api.url, tasks)
    return Outcome(count, broken, [api.log] + [w.log for w in workers],
                   [f"a worker killed {state['kills']} times, executions running (both workers) at each: "
                    f"{state['running']}"])


def rag_kill(ctx):
    """nova-rag killed with SIGKILL twice, each time started again on the same port, while 4 clients save
    /code/save: every save answered 2xx is found afterwards by GET /code/entries/{id} with the description and code
    it was saved with. Saves that got no answer (the process was down) promised nothing; they count as tried and survived."""
    rag = ctx.rag("rag-kill", ctx.folder("rag-kill-data")).start()
    acknowledged, attempts, lock, stop = {}, [0], threading.Lock(), threading.Event()

    def client(number):
        index = 0
        while not stop.is_set():
            prompt = f"fault suite save {number}-{index}: total of invoice {index}"
            code = f"result = {number} * {index}"
            body = {"ai_description": prompt, "input_schema": {"n": "int"}, "code": code,
                    "node_action": f"node_{number}_{index}", "node_description": prompt, "workflow_id": 1,
                    "metadata": {}}
            with lock:
                attempts[0] += 1
            try:
                status, answer = executions.request("POST", rag.url + "/code/save", body, timeout=10)
                if 200 <= status < 300 and isinstance(answer, dict) and answer.get("id"):
                    with lock:
                        acknowledged[answer["id"]] = (prompt, code)
            except OSError:
                time.sleep(0.05)
            index += 1

    clients = [threading.Thread(target=client, args=(number,)) for number in range(4)]
    for thread in clients:
        thread.start()
    try:
        for _ in range(2):
            threshold = len(acknowledged) + ctx.rng.randint(40, 120)
            wait_until("saves acknowledged", lambda: len(acknowledged) >= threshold, 60, 0.01)
            rag.kill9()
            rag.start()
        target = attempts[0] + 100
        wait_until("saves after the last restart", lambda: attempts[0] >= target, 60, 0.05)
    finally:
        stop.set()
        for thread in clients:
            thread.join()
    broken = []
    for entry_id, (prompt, code) in acknowledged.items():
        status, entry = executions.request("GET", f"{rag.url}/code/entries/{entry_id}")
        if status != 200 or (entry.get("node_description"), entry.get("code")) != (prompt, code):
            broken.append((None, entry_id, f"acknowledged save lost: GET /code/entries answered {status}: {entry}"))
    return Outcome(attempts[0], broken, [rag.log],
                   [f"{len(acknowledged)} saves acknowledged, {attempts[0] - len(acknowledged)} refused or cut off "
                    "while nova-rag was down"])


class _Tmpfs:
    """A small tmpfs (root only) to fill, under a service's data directory."""

    def __init__(self, path, megabytes=24):
        self.path = path
        os.makedirs(path, exist_ok=True)
        self.mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", path],
                                      capture_output=True).returncode == 0

    def fill(self):
        with open(os.path.join(self.path, "filler"), "wb", buffering=0) as filler:
            for size in (1 << 16, 512, 1):
                try:
                    while True:
                        filler.write(b"a" * size)
                except OSError:
                    pass

    def free(self):
        os.remove(os.path.join(self.path, "filler"))

    def unmount(self):
        if self.mounted:
            subprocess.run(["umount", "-l", self.path], capture_output=True)


def _integrity(path):
    """PRAGMA integrity_check of a SQLite file, read-only beside the running service."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def _outcome(results, logs):
    """An Outcome from named checks [(name, passed, detail)]."""
    return Outcome(len(results), [(None, name, detail) for name, passed, detail in results if not passed], logs)


def full_disk_nova(ctx):
    """nova (embedded SQLite) with its data directory on a full 24 MiB tmpfs: a write is 507 in nova's envelope
    with a message saying to free disk space, /health says degraded (storage: full), the file passes PRAGMA
    integrity_check, and once space is freed writes succeed and /health is healthy, without a restart."""
    disk = _Tmpfs(os.path.join(ctx.work, "full-nova"))
    if not disk.mounted:
        return None
    try:
        api = ctx.nova("full-nova-api", NOVA_DATA_DIR=disk.path, WORKER_CONCURRENCY="0").start()
        big = "x" * 300_000

        def create(index):
            graph = executions.WORKFLOW["graph_definition"]
            return executions.request("POST", api.url + "/workflows",
                                      {"name": f"w-{index}", "description": big, "graph_definition": graph})

        first = create(0)
        disk.fill()
        status, body = create(1)
        message = body.get("error", "") if isinstance(body, dict) else str(body)
        full_answer = (status == 507 and "Free disk space" in message and "sqlite" not in message.lower()
                       and body.get("status_code") == 507)
        degraded = _health(api.url, lambda h: h.get("status") == "degraded" and h.get("storage", "").startswith("full"))
        integrity_full = _integrity(os.path.join(disk.path, "nova.sqlite"))
        disk.free()
        after = create(2)
        healthy = _health(api.url, lambda h: h.get("status") == "healthy")
        _, listing = executions.request("GET", api.url + "/workflows")
        names = sorted(w["name"] for w in listing.get("workflows", []))
        integrity_after = _integrity(os.path.join(disk.path, "nova.sqlite"))
        api.stop()
        return _outcome([
            ("write before the disk filled", first[0] == 201, f"{first[0]}: {first[1]}"),
            ("write on the full disk: 507 {error: …Free disk space…}", full_answer, f"{status}: {body}"),
            ("/health degraded, storage full", degraded[0], degraded[1]),
            ("integrity_check on the full disk", integrity_full == "ok", integrity_full),
            ("write once space is freed", after[0] == 201, f"{after[0]}: {after[1]}"),
            ("/health healthy again", healthy[0], healthy[1]),
            ("the refused write left nothing", names == ["w-0", "w-2"], names),
            ("integrity_check after recovery", integrity_after == "ok", integrity_after),
        ], [api.log])
    finally:
        disk.unmount()


def full_disk_rag(ctx):
    """nova-rag with its data directory on a full 24 MiB tmpfs: a save is 507 {"detail": …Free disk space…} (never
    200 with SQLite's text), /health says degraded (storage: full), the file passes PRAGMA integrity_check, and saves
    succeed once space is freed, without a restart."""
    disk = _Tmpfs(os.path.join(ctx.work, "full-rag"))
    if not disk.mounted:
        return None
    try:
        rag = ctx.rag("full-rag", disk.path).start()

        def save(index):
            prompt = f"full disk prompt {index}"
            return executions.request("POST", rag.url + "/code/save", {
                "ai_description": prompt, "input_schema": {"n": "int"}, "code": "x = '" + "y" * 1000 + "'",
                "node_action": f"node_{index}", "node_description": prompt, "workflow_id": 1, "metadata": {}})

        disk.fill()
        status, body = save(1)
        detail = body.get("detail", "") if isinstance(body, dict) else str(body)
        full_answer = status == 507 and "Free disk space" in detail and "sqlite" not in detail.lower()
        degraded = _health(rag.url, lambda h: h.get("status") == "degraded", seconds=6)
        integrity_full = _integrity(os.path.join(disk.path, "nova-rag.sqlite"))
        disk.free()
        after = save(2)
        _, stats = executions.request("GET", rag.url + "/code/stats")
        integrity_after = _integrity(os.path.join(disk.path, "nova-rag.sqlite"))
        rag.stop()
        return _outcome([
            ("save on the full disk: 507 {detail: …Free disk space…}", full_answer, f"{status}: {body}"),
            ("nova-rag /health degraded on the full disk", degraded[0], degraded[1]),
            ("integrity_check on the full disk", integrity_full == "ok", integrity_full),
            ("save once space is freed", after[0] == 200 and after[1].get("success") is True, f"{after[0]}: {after[1]}"),
            ("one entry stored: the refused save left nothing", stats.get("total_codes") == 1, stats),
            ("integrity_check after recovery", integrity_after == "ok", integrity_after),
        ], [rag.log])
    finally:
        disk.unmount()


def _health(base, condition, seconds=15):
    """(True, last /health) once `condition(health)` holds within `seconds`, else (False, last /health)."""
    last = None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _, last = executions.request("GET", base + "/health")
        if isinstance(last, dict) and condition(last):
            return True, json.dumps(last)
        time.sleep(0.25)
    return False, json.dumps(last)


FAULTS = [
    ("redis restarted empty", redis_restart),
    ("postgres restarted", postgres_restart),
    ("nova-rag kill -9 during saves", rag_kill),
    ("nova serve kill -9 (embedded)", serve_kill),
    ("nova worker kill -9", worker_kill),
    ("full disk: nova", full_disk_nova),
    ("full disk: nova-rag", full_disk_rag),
]
