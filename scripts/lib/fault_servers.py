"""Processes of the fault suite (scripts/fault-suite.sh): its own PostgreSQL and Redis on free loopback ports, and
nova / nova-rag started from the release folder, each of which a fault can kill, stop or restart on the same port.
Every process started here is registered so that `stop_all` ends it, whatever happened to the fault that started it.
"""

import glob
import os
import signal
import socket
import subprocess
import time
import urllib.request

_running = []


def free_port():
    """A TCP port free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log_tail(path, lines=25):
    """The last lines of a log file, indented, for a failure's explanation."""
    try:
        with open(path, errors="replace") as log:
            return "".join("      " + line for line in log.readlines()[-lines:])
    except OSError as error:
        return f"      (no log: {error})\n"


def wait_until(what, condition, seconds, interval=0.1):
    """Calls `condition` until it is true; raises naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(interval)
    raise RuntimeError(f"{what}: not within {seconds} s")


def report():
    """One line per process started for the current fault that is no longer running when it should be (its exit
    code, negative for a signal) with the tail of its log: what explains a fault that could not finish."""
    lines = []
    for process in _running:
        if isinstance(process, Process) and process.popen is not None and not process.alive:
            lines.append(f"   {process.name} exited with {process.popen.returncode}; tail of {process.log}:\n"
                         f"{log_tail(process.log)}")
    return "".join(lines)


def stop_all():
    """Ends every process still running that this module started (SIGTERM, then SIGKILL after 10 s)."""
    for process in reversed(_running):
        process.stop()
    _running.clear()


def sweep(marker):
    """Kills (SIGKILL) every process whose command line holds `marker` (the suite's scratch folder), once the suite's
    own processes are stopped (this driver and the `timeout` that runs it excepted): what is left is an orphan, such as a sandbox that outlived a nova killed with -9.
    Returns their command names, to report."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                words = cmdline.read().split(b"\0")
            if any(marker.encode() in word for word in words) and int(pid) not in (os.getpid(), os.getppid()):
                os.kill(int(pid), signal.SIGKILL)
                found.append(os.path.basename(words[0].decode(errors="replace")))
        except (OSError, ValueError):
            continue
    return found


class Process:
    """One child process with its log file; `kill9`, `stop` and `start` again with the same command."""

    def __init__(self, name, command, environment, log):
        self.name, self.command, self.environment, self.log = name, command, environment, log
        self.popen = None

    def start(self):
        if self not in _running:
            _running.append(self)
        with open(self.log, "a") as log:
            log.write(f"--- {self.name} started {time.strftime('%H:%M:%S')}\n")
            log.flush()
            self.popen = subprocess.Popen(self.command, env=self.environment, stdout=log, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL)
        return self

    @property
    def alive(self):
        return self.popen is not None and self.popen.poll() is None

    def kill9(self):
        """SIGKILL to the process alone (a sandboxed node dies with its parent: bubblewrap's --die-with-parent)."""
        if self.alive:
            self.popen.send_signal(signal.SIGKILL)
            self.popen.wait()

    def stop(self):
        if not self.alive:
            return
        self.popen.terminate()
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill9()


class Service(Process):
    """`nova` or `nova-rag` from the release folder, on loopback at `port` (fixed across restarts)."""

    def __init__(self, binary, subcommand, arguments, environment, log, port=None):
        self.port = port or free_port()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOST": "127.0.0.1", "PORT": str(self.port),
               "LOG_LEVEL": "info", **environment}
        super().__init__(os.path.basename(binary), [binary, subcommand, *arguments], env, log)
        self.ready_line = "workers started" if subcommand == "worker" else None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, seconds=60):
        """Starts the process and waits until it is ready: `/health` answers 200 from this server, or a worker
        logged that its workers started."""
        with open(self.log, "a") as log:
            offset = log.tell()
        super().start()
        wait_until(f"{self.name} ready (log {self.log})", lambda: self._ready(offset), seconds)
        return self

    def _ready(self, offset):
        if not self.alive:
            raise RuntimeError(f"{self.name} exited with {self.popen.returncode}; its log:\n{log_tail(self.log)}")
        if self.ready_line:
            with open(self.log, errors="replace") as log:
                log.seek(offset)
                return self.ready_line in log.read()
        try:
            with urllib.request.urlopen(self.url + "/health", timeout=1) as answer:
                return answer.status == 200 and answer.headers.get("Server") == self.name
        except OSError:
            return False


class Redis(Process):
    """A redis-server without persistence; `restart_empty` is `SHUTDOWN NOSAVE` and a new, empty one on the same
    port, as a managed Redis that restarts or fails over without persistence."""

    def __init__(self, directory, log):
        self.port = free_port()
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--dir", directory,
                   "--save", "", "--appendonly", "no", "--loglevel", "warning"]
        super().__init__("redis", command, None, log)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}"

    def cli(self, *arguments):
        return subprocess.run(["redis-cli", "-p", str(self.port), *arguments], capture_output=True, text=True,
                              timeout=10).stdout.strip()

    def start(self):
        super().start()
        wait_until("redis answers PING", lambda: self.cli("PING") == "PONG", 20)
        return self

    def stop(self):
        if self.alive:
            self.cli("SHUTDOWN", "NOSAVE")
        super().stop()

    def restart_empty(self):
        self.stop()
        self.start()


class Postgres:
    """A PostgreSQL cluster of the suite's own (initdb in `directory`, the `postgres` user when run as root, as
    scripts/lib/servers.sh does), so that restarting it cannot disturb the servers scripts/test.sh started."""

    def __init__(self, directory):
        self.directory, self.port = directory, free_port()
        self.bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))[-1]
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.started = False
        os.makedirs(directory)
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "postgres:postgres", directory], check=True)
        self._run("initdb", "-D", f"{directory}/data", "-U", "nova", "-A", "trust", "--no-sync")

    def _run(self, tool, *arguments):
        result = subprocess.run([*self.as_user, f"{self.bin}/{tool}", *arguments], capture_output=True, text=True,
                                timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {result.stdout}{result.stderr}")

    @property
    def log(self):
        return f"{self.directory}/server.log"

    def start(self):
        self._run("pg_ctl", "-D", f"{self.directory}/data", "-l", self.log, "-w", "-o",
                  f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off "
                  "-c max_connections=200", "start")
        self.started = True
        if self not in _running:
            _running.append(self)
        return self

    def stop(self):
        """Stops the server the fast way (clients disconnected, no waiting for them)."""
        if self.started:
            self._run("pg_ctl", "-D", f"{self.directory}/data", "-m", "fast", "-w", "stop")
            self.started = False

    def create_database(self, name):
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "nova", name)
        return f"postgres://nova@127.0.0.1:{self.port}/{name}?sslmode=disable"
