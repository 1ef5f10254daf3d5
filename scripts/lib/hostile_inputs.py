"""Sends classes of hostile input to a running nova and nova-rag and checks each answer.

Usage: hostile_inputs.py NOVA_URL RAG_URL NOVA_KEY RAG_KEY IDLE_TIMEOUT_SECONDS AUTH_FAILURES_PER_MINUTE

Every input must be refused with a 4xx in the service's JSON envelope (`{"error", "status_code"}` for nova,
`{"detail"}` for nova-rag; a 422 in either as `{"detail": [{"loc", "msg", "type"}]}` naming the field at fault), or
the connection closed within the idle timeout where no answer is possible, and
both services must still answer `GET /health` after each class. Prints one line per class and service
(tried / survived / failed) and, for each failure, the request and what came back. Exits 1 on any failure.
The brute-force class runs last: it leaves loopback blocked for the rest of the minute.
"""

import json
import socket
import sys
import time
import urllib.parse

NOVA_URL, RAG_URL, NOVA_KEY, RAG_KEY = sys.argv[1:5]
IDLE_TIMEOUT = float(sys.argv[5])
AUTH_FAILURES_PER_MINUTE = int(sys.argv[6])
MAX_BODY_BYTES = 1 << 20
SAVE = (
    '{{"ai_description": "sum the invoice totals", "input_schema": {{}}, "code": "x = 1", "node_action": "sum", '
    '"node_description": "sum", "metadata": {{}}, {}}}'
)
WORKFLOW = '{{"name": "hostile", "graph_definition": {{"nodes": [], "edges": []}}, {}}}'
HUGE = ["9223372036854775808", "10000000000000000000", "-18446744073709551616", "1e300", "1e400", "-1e19"]


class Service:
    def __init__(self, name, url, auth, envelope):
        parsed = urllib.parse.urlparse(url)
        self.name, self.host, self.port = name, parsed.hostname, parsed.port
        self.auth, self.envelope = auth, envelope


NOVA = Service("nova", NOVA_URL, ("X-API-Key", NOVA_KEY), "error")
RAG = Service("nova-rag", RAG_URL, ("Authorization", f"Bearer {RAG_KEY}"), "detail")


class Reply:
    """What a raw exchange gave: the status (None when the connection closed without one), the body, and when."""

    def __init__(self, status, headers, body, seconds, closed):
        self.status, self.headers, self.body, self.seconds, self.closed = status, headers, body, seconds, closed

    def envelope_text(self, key):
        """The error's message: the envelope's text, or for a validation error the fields it names."""
        try:
            document = json.loads(self.body)
        except ValueError:
            return None
        if not isinstance(document, dict):
            return None
        value = document.get(key)
        if isinstance(value, str) and value:
            return value
        issues = document.get("detail")
        if self.status == 422 and isinstance(issues, list) and issues:
            if all(isinstance(issue, dict) and issue.get("loc") and issue.get("msg") for issue in issues):
                return "; ".join(".".join(map(str, issue["loc"])) for issue in issues)
        return None

    def __repr__(self):
        return f"status={self.status} closed={self.closed} after {self.seconds:.1f}s body={self.body[:200]!r}"


def exchange(service, raw, wait=None):
    """Writes `raw` (bytes, or a list of byte chunks) on a new connection and reads one HTTP reply or the close."""
    wait = wait if wait is not None else IDLE_TIMEOUT + 5
    started = time.monotonic()
    connection = socket.create_connection((service.host, service.port), timeout=wait)
    data = b""
    try:
        for chunk in raw if isinstance(raw, list) else [raw]:
            try:
                connection.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
        connection.settimeout(wait)
        while True:
            head, _, rest = data.partition(b"\r\n\r\n")
            if _ and b"content-length:" in head.lower():
                length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
                if len(rest) >= length:
                    break
            try:
                piece = connection.recv(65536)
            except (socket.timeout, ConnectionResetError):
                piece = b""
                if time.monotonic() - started >= wait:
                    return Reply(None, {}, "", time.monotonic() - started, False)
            if not piece:
                break
            data += piece
    finally:
        connection.close()
    seconds = time.monotonic() - started
    if not data:
        return Reply(None, {}, "", seconds, True)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
    headers = {key.strip().lower(): value.strip() for key, value in headers.items()}
    return Reply(int(lines[0].split()[1]), headers, body.decode("utf-8", "replace"), seconds, True)


def request(service, method, path, body=None, headers=(), auth=True):
    """A well-formed HTTP/1.1 request whose body is `body` (bytes or text) as given, with `Connection: close`."""
    payload = body.encode() if isinstance(body, str) else (body or b"")
    lines = [f"{method} {path} HTTP/1.1", f"Host: {service.host}", "Connection: close"]
    if auth:
        lines.append(f"{service.auth[0]}: {service.auth[1]}")
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
    lines += list(headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def refused(service, reply):
    """Why `reply` is not a 4xx in the service's envelope, or None when it is."""
    if reply.status is None or not 400 <= reply.status < 500:
        return f"expected a 4xx in the envelope, got {reply}"
    if reply.envelope_text(service.envelope) is None:
        return f"4xx without the {service.envelope!r} envelope or a 422 naming the field: {reply}"
    return None


def closed_in_time(service, reply):
    """Why a stalled request was not ended within the idle timeout, or None when it was."""
    if not reply.closed or reply.seconds > IDLE_TIMEOUT + 3:
        return f"expected the connection closed within {IDLE_TIMEOUT + 3:.0f}s, got {reply}"
    if reply.status is not None:
        return refused(service, reply)
    return None


def numbers_beyond_64_bits(service):
    cases = []
    for number in HUGE:
        if service is RAG:
            cases += [
                ("POST", "/code/search", f'{{"query": "sum the invoice totals", "workflow_id": {number}}}'),
                ("POST", "/code/search", f'{{"query": "sum the invoice totals", "top_k": {number}}}'),
                ("POST", "/code/search", f'{{"query": "sum the invoice totals", "threshold": {number}}}'),
                ("POST", "/code/save", SAVE.format(f'"workflow_id": {number}')),
                ("POST", "/code/save", SAVE.format(f'"metadata": {{"success_count": {number}}}').replace('"metadata": {}, ', "")),
                ("POST", "/rag/query", f'{{"query": "invoices", "top_k": {number}}}'),
                ("GET", f"/code/entries/{number}", None),
            ]
        else:
            cases += [
                ("GET", f"/workflows/{number}", None),
                ("POST", f"/workflows/{number}/execute", "{}"),
                ("GET", f"/executions/{number}", None),
                ("GET", f"/executions?workflow_id={number}", None),
                ("GET", f"/workflows?limit={number}", None),
                ("GET", f"/workflows?skip={number}", None),
            ]
    return [(request(service, method, path, body), refused) for method, path, body in cases]


def wrong_types(service):
    if service is RAG:
        bodies = [
            ("/code/search", '{"query": "p", "top_k": null}'),
            ("/code/search", '{"query": 7}'),
            ("/code/search", '{"query": "p", "workflow_id": "one"}'),
            ("/code/search", '{"query": "p", "threshold": [0.5]}'),
            ("/code/search", "[]"),
            ("/code/save", SAVE.format('"code": {"a": 1}').replace('"code": "x = 1", ', "")),
            ("/code/save", SAVE.format('"workflow_id": true')),
            ("/rag/query", '{"query": "q", "top_k": "5"}'),
        ]
    else:
        bodies = [
            ("/workflows", '{"name": 7, "graph_definition": {"nodes": [], "edges": []}}'),
            ("/workflows", WORKFLOW.format('"description": {"text": 1}')),
            ("/workflows", '{"name": "n", "graph_definition": "nodes"}'),
            ("/workflows", '{"name": "n", "graph_definition": {"nodes": 1, "edges": []}}'),
            ("/workflows", "null"),
            ("/clients", '{"name": ["a"], "slug": "a"}'),
            ("/clients", '{"name": "a", "slug": null}'),
        ]
    return [(request(service, "POST", path, body), refused) for path, body in bodies]


def malformed_bodies(service):
    path, field = ("/code/search", b"query") if service is RAG else ("/workflows", b"name")
    bodies = [
        b'{"' + field + b'": "unterminated',
        b"[" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b'{"' + field + b'": "\xff\xfe invalid utf-8"}',
        b'{"' + field + b'": "raw control \x00 character"}',
        b'{"' + field + b'": "x"} trailing',
        b'{"' + field + b'": "x", "' + field + b'": "y"',
    ]
    return [(request(service, "POST", path, body), refused) for body in bodies]


def oversize_bodies(service):
    path = "/code/search" if service is RAG else "/workflows"
    declared = request(service, "POST", path, b"x" * (MAX_BODY_BYTES + 1))
    head = request(service, "POST", path, headers=["Transfer-Encoding: chunked", "Content-Type: application/json"])
    chunk = b"x" * 65536
    chunks = [head] + [b"%x\r\n" % len(chunk) + chunk + b"\r\n"] * (MAX_BODY_BYTES // len(chunk) + 1) + [b"0\r\n\r\n"]

    def status_413(service, reply):
        return refused(service, reply) or (None if reply.status == 413 else f"expected 413, got {reply}")

    return [(declared, status_413), (chunks, status_413)]


def stalled_requests(service):
    path = "/code/search" if service is RAG else "/workflows"
    short = request(service, "POST", path, headers=["Content-Type: application/json", "Content-Length: 100"])
    unfinished = f"GET /health HTTP/1.1\r\nHost: {service.host}\r\nX-Slow: a".encode()
    return [(short + b'{"query"', closed_in_time), (unfinished, closed_in_time)]


def parser_refusals(service):
    cases = [
        b"BREW /health HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /health\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100_000 + b"\r\n\r\n",
        b"GET /health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
        b"GET /health HTTP/9.9\r\nHost: x\r\n\r\n",
        request(service, "TRACE", "/health"),
        request(service, "DELETE", "/health"),
    ]
    return [(case, refused) for case in cases]


def path_tricks(service):
    paths = ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/code/entries/..%2f..%2fetc", "/workflows/%00",
             "/executions/-1", "/executions/1.5", "/workflows/0x10", "/code/entries/%ff"]
    return [(request(service, "GET", path), refused) for path in paths]


def brute_force(service):
    wrong = (service.auth[0], service.auth[1][:-3] + "bad")
    path = "/code/stats" if service is RAG else "/workflows"
    guesses = [request(service, "GET", path, headers=[f"{wrong[0]}: {wrong[1]}"], auth=False)] * (
        AUTH_FAILURES_PER_MINUTE + 5
    )
    seen = []

    def braked(service, reply):
        seen.append(reply.status)
        problem = refused(service, reply)
        if problem:
            return problem
        if len(seen) > AUTH_FAILURES_PER_MINUTE and reply.status != 429:
            return f"guess {len(seen)} beyond AUTH_FAILURES_PER_MINUTE={AUTH_FAILURES_PER_MINUTE}: {reply}"
        if reply.status == 429 and not reply.headers.get("retry-after"):
            return f"429 without Retry-After: {reply}"
        return None

    return [(guess, braked) for guess in guesses]


CLASSES = [
    ("numbers beyond 64 bits", numbers_beyond_64_bits),
    ("wrong types", wrong_types),
    ("malformed JSON and encodings", malformed_bodies),
    ("oversize bodies (declared, chunked)", oversize_bodies),
    ("stalled requests (short body, slowloris)", stalled_requests),
    ("parser-level refusals", parser_refusals),
    ("path tricks", path_tricks),
    ("brute-forced keys", brute_force),
]


def healthy(service):
    try:
        return exchange(service, request(service, "GET", "/health", auth=False), wait=15).status == 200
    except OSError:
        return False


def main():
    failed_any = False
    print(f"{'input class':<44} {'service':<9} {'tried':>5} {'survived':>8} {'failed':>6}")
    for name, cases_for in CLASSES:
        for service in (NOVA, RAG):
            tried = survived = 0
            failures = []
            for raw, check in cases_for(service):
                tried += 1
                try:
                    problem = check(service, exchange(service, raw))
                except OSError as error:
                    problem = f"connection error {error!r}"
                if problem is None:
                    survived += 1
                else:
                    failures.append(f"{raw[:1][0][:120] if isinstance(raw, list) else raw[:120]!r}: {problem}")
            for other in (NOVA, RAG):
                if not healthy(other):
                    failures.append(f"{other.name} no longer answers GET /health")
            print(f"{name:<44} {service.name:<9} {tried:>5} {survived:>8} {tried - survived:>6}")
            for failure in failures:
                print(f"    FAILED {failure}")
            failed_any = failed_any or bool(failures)
    sys.exit(1 if failed_any else 0)


if __name__ == "__main__":
    main()
