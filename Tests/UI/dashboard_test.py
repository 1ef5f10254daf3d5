#!/usr/bin/env python3
"""End-to-end test of nova's dashboard (/ui) in a real headless Chromium (Debian's, driven by Playwright for Python;
no browser is downloaded) against real nova and nova-rag binaries on loopback.

    dashboard_test.py BIN_DIR       # the folder holding nova and nova-rag (debug or release build)

nova runs embedded (SQLite in a temporary directory) with NOVA_API_KEYS set; nova-rag serves the seed pack
examples/code-pack.json, so the invoice workflow's prompt nodes are semantic hits in run 1 and exact hits in run 2;
its LLM is a local fake (fake_llm.py) that writes the code of a prompt node no cache knows, so no real LLM is called. The test prints the folder of its screenshots and the measurements the README quotes. Environment:
NOVA_MODEL_DIR (default ./models), NOVA_UI_SCREENSHOTS (default a new temporary folder), CHROMIUM (default
/usr/bin/chromium).
"""

import json
import os
import secrets
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

from playwright.sync_api import expect, sync_playwright

import fixtures
from fake_llm import FakeLLM
from nova_services import ROOT, Nova, Service, base_environment, free_port

KEY = "ui-" + secrets.token_hex(12)
RAG_KEY = "rag-" + secrets.token_hex(12)


class Checks:
    """Prints each check as it passes; the first failure stops the test."""

    def __init__(self):
        self.count = 0

    def __call__(self, name, condition, detail=""):
        if not condition:
            raise AssertionError(f"FAILED: {name} {detail}")
        self.count += 1
        print(f"  ok  {name}")


check = Checks()


def start_services(bin_dir, work, llm):
    """nova (with keys, its LLM the fake one) and nova-rag (the seed pack imported for the invoice workflow); returns
    them and the workflow ids."""
    nova_port, rag_port = free_port(), free_port()
    env = base_environment()
    nova_env = dict(
        env, PORT=str(nova_port), NOVA_DATA_DIR=os.path.join(work, "nova"), NOVA_API_KEYS=KEY, RAG_API_KEY=RAG_KEY,
        OPENAI_API_KEY="fake", OPENAI_BASE_URL=llm.base_url, CODE_GENERATOR_MODEL="gpt-4.1-mini", CONFIRM_SEMANTIC_HITS_WITH_LLM="false",
        RAG_SERVICE_URL=f"http://127.0.0.1:{rag_port}", RAG_TIMEOUT_SECONDS="10", RATE_LIMIT_PER_MINUTE="100000",
        SANDBOX_NETWORK="none", WORKER_CONCURRENCY="4", LOG_LEVEL="warning",
    )
    nova = Service("nova", [os.path.join(bin_dir, "nova"), "serve"], nova_env, work)
    nova.wait_healthy(f"http://127.0.0.1:{nova_port}/health")
    client = Nova(f"http://127.0.0.1:{nova_port}", KEY)
    ids = {
        "invoice": client.ok("POST", "/workflows", fixtures.invoice())["id"],
        "xss": client.ok("POST", "/workflows", fixtures.xss())["id"],
        "greeter": client.ok("POST", "/workflows", fixtures.greeter())["id"],
        "live": client.ok("POST", "/workflows", fixtures.slow("Live steps", 3, 1.2))["id"],
        "cancel": client.ok("POST", "/workflows", fixtures.slow("Long steps", 8, 2))["id"],
        "doomed": client.ok("POST", "/workflows", fixtures.slow("Delete me", 1, 0))["id"],
    }
    knowledge = os.path.join(work, "knowledge")
    os.makedirs(knowledge)
    with open(os.path.join(knowledge, "README.md"), "w") as file:
        file.write("# Test knowledge\n\nNothing to see.\n")
    rag_env = dict(
        env, PORT=str(rag_port), NOVA_RAG_DATA_DIR=os.path.join(work, "rag"), RAG_API_KEY=RAG_KEY, KNOWLEDGE_DIR=knowledge,
        NOVA_MODEL_DIR=os.environ.get("NOVA_MODEL_DIR", os.path.join(ROOT, "models")), LOG_LEVEL="warning",
    )
    pack = os.path.join(ROOT, "examples", "code-pack.json")
    subprocess.run([os.path.join(bin_dir, "nova-rag"), "import", "--workflow-id", str(ids["invoice"]), pack], env=rag_env, check=True,
                   stdout=subprocess.DEVNULL, cwd=ROOT)
    rag = Service("nova-rag", [os.path.join(bin_dir, "nova-rag"), "serve"], rag_env, work)
    rag.wait_healthy(f"http://127.0.0.1:{rag_port}/health", ready=lambda body: body.get("vector_store_ready") is True, seconds=180)
    return nova, rag, client, ids


class Browser:
    """One Chromium tab with every console error, page error, dialog and request recorded."""

    def __init__(self, playwright, base):
        self.base = base
        self.browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), headless=True,
                                                  args=["--no-sandbox"])
        self.context = self.browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.errors, self.dialogs, self.requests = [], [], []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda request: self.requests.append(request))
        self.page.set_default_timeout(15_000)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, fragment):
        self.page.goto(f"{self.base}/ui/#{fragment}")

    def shoot(self, folder, name):
        path = os.path.join(folder, f"{name}.png")
        self.page.screenshot(path=path, full_page=True)
        return path

    def api_requests_since(self, start):
        """Requests to the API (not the dashboard's static files) since request number `start`."""
        return [request for request in self.requests[start:] if not urllib.parse.urlparse(request.url).path.startswith("/ui")]

    def close(self):
        self.browser.close()


def test_key_prompt(tab):
    tab.open("/workflows")
    dialog = tab.page.locator("#key-dialog")
    expect(dialog).to_be_visible()
    check("with NOVA_API_KEYS the page asks for the key", True)
    tab.page.fill("#key-input", KEY)
    tab.page.click("#key-form button[type=submit]")
    expect(dialog).to_be_hidden()
    expect(tab.page.locator("#workflow-table")).to_be_visible()


def test_workflows(tab, shots, ids, client):
    page = tab.page
    table = page.locator("#workflow-table")
    for name in ("Invoice intake (UI test)", fixtures.XSS_NAME, "Live steps"):
        expect(table.get_by_text(name, exact=True)).to_be_visible()
    check("the workflow list shows every workflow, the HTML name as text", page.locator("#workflow-table img").count() == 0)
    page.fill("input[type=search]", "invoice")
    expect(table.locator("tbody tr")).to_have_count(1)
    check("search by name filters the list", True)
    page.fill("input[type=search]", "")
    tab.shoot(shots, "workflows")

    tab.open(f"/workflows/{ids['invoice']}")
    graph = client.ok("GET", f"/workflows/{ids['invoice']}")["graph_definition"]
    nodes = page.locator("#workflow-graph g.node")
    expect(nodes).to_have_count(len(graph["nodes"]))
    drawn = set(nodes.evaluate_all("(nodes) => nodes.map((node) => node.dataset.nodeId)"))
    check("the graph draws every node", drawn == {node["id"] for node in graph["nodes"]}, drawn)
    labels = set(page.locator("#workflow-graph text.branch").all_text_contents())
    check("decision branches carry their labels", labels == {"true", "false"}, labels)
    coloured = page.locator("#workflow-graph g.node.status-success").count()
    check("nodes are coloured by the last run", coloured >= 7, coloured)
    tab.shoot(shots, "workflow")

    tab.open(f"/workflows/{ids['xss']}")
    expect(page.locator("#workflow-name")).to_have_text(fixtures.XSS_NAME)
    check("an HTML workflow name renders as text", page.locator("main img").count() == 0)


def test_runs(tab, shots, ids, runs):
    page = tab.page
    tab.open(f"/runs?workflow_id={ids['invoice']}")
    for execution_id in runs:
        expect(page.locator(f"#runs-table tr[data-execution-id='{execution_id}']")).to_be_visible()
    check("the run list shows both runs of the workflow", page.locator("#runs-table tbody tr").count() == 2)
    page.select_option("#status-filter", "failed")
    expect(page.locator("#runs")).to_contain_text("No runs match")
    check("the status filter asks the server", "status=failed" in page.url)
    tab.open("/runs")
    expect(page.locator("#runs-table")).to_be_visible()
    tab.shoot(shots, "runs")

    first, second = runs
    tab.open(f"/runs/{second}")
    step = page.locator(".step[data-node-id='extract_fields']")
    expect(step).to_be_visible()
    check("run 2 shows the prompt node as an exact hit", step.get_attribute("data-source") == "exact_hit", step.get_attribute("data-source"))
    start = len(tab.requests)
    tab.open(f"/runs/{first}")
    step = page.locator(".step[data-node-id='extract_fields']")
    expect(step).to_be_visible()
    source = step.get_attribute("data-source")
    check("run 1 shows it as a semantic hit or generated", source in ("semantic_hit", "generated"), source)
    expect(step.locator(".badge")).to_contain_text("semantic" if source == "semantic_hit" else "generated")
    page.wait_for_timeout(2500)
    calls = [request.url for request in tab.api_requests_since(start)]
    steps = page.locator("#timeline .step").count()
    check(f"a finished run's page makes {len(calls)} API requests for {steps} steps", len(calls) <= 3, calls)
    step.locator("summary").click()
    expect(step.locator("pre.code")).to_be_visible()
    page.locator(".step[data-node-id='needs_approval'] summary").click()
    tab.shoot(shots, "run")
    return len(calls), steps


def test_generated(tab, ids, client):
    execution = client.finish(client.start(ids["greeter"], {"who": "Ada"}))
    check("a prompt node no cache knows is generated (fake LLM)", execution["status"] == "completed", execution["error"])
    page = tab.page
    tab.open(f"/runs/{execution['id']}")
    step = page.locator(".step[data-node-id='greet']")
    expect(step.locator(".badge")).to_have_text("generated · 1 attempt")
    expect(step.locator("summary")).to_contain_text("500 tok")
    check("its row shows the attempts, tokens and cost", "$" in step.locator("summary").inner_text())


def test_xss_output(tab, ids, client):
    execution_id = client.start(ids["xss"])
    client.finish(execution_id)
    page = tab.page
    tab.open(f"/runs/{execution_id}")
    step = page.locator(".step[data-node-id='shout']")
    step.locator("summary").click()
    expect(step.locator(".body")).to_contain_text("<script>window.__xss = 1;")
    check("an output holding <script> renders as text", page.evaluate("window.__xss") is None)
    check("no dialog opened", not tab.dialogs, tab.dialogs)


def test_live_run(tab, ids):
    page = tab.page
    tab.open(f"/workflows/{ids['live']}")
    page.click("#run-workflow")
    page.fill("#run-context", "{not json")
    expect(page.locator("#run-problem")).to_be_visible()
    check("invalid JSON is refused before sending", page.locator("#run-start").is_disabled())
    page.fill("#run-context", '{"who": "ui test"}')
    expect(page.locator("#run-start")).to_be_enabled()
    page.click("#run-start")
    page.wait_for_url("**/ui/#/runs/*")
    page.evaluate("window.__noReload = true")
    expect(page.locator("#in-flight")).to_be_visible()
    check("a running execution shows the node in flight", True)
    expect(page.locator(".step[data-node-id='s1']")).to_be_visible(timeout=20_000)
    expect(page.locator(".step[data-node-id='s3']")).to_be_visible(timeout=20_000)
    expect(page.locator("#run-status")).to_contain_text("completed", timeout=20_000)
    check("the run page updated itself without a reload", page.evaluate("window.__noReload") is True)


def test_cancel(tab, ids, client):
    execution_id = client.start(ids["cancel"])
    page = tab.page
    tab.open(f"/runs/{execution_id}")
    page.click("#cancel-run")
    expect(page.locator("#run-status")).to_contain_text("cancelled", timeout=20_000)
    execution = client.ok("GET", f"/executions/{execution_id}")
    check("Cancel stops a running execution", execution["status"] == "cancelled", execution["status"])


def test_edit_and_delete(tab, ids, client):
    page = tab.page
    tab.open(f"/workflows/{ids['live']}")
    page.click("#edit-workflow")
    page.fill("#edit-description", "Three steps of 1.2 s <i>each</i>")
    page.click("#edit-form button[type=submit]")
    expect(page.locator("#workflow-description")).to_have_text("Three steps of 1.2 s <i>each</i>")
    check("edit saves the description", client.ok("GET", f"/workflows/{ids['live']}")["description"].endswith("<i>each</i>"))
    tab.open(f"/workflows/{ids['doomed']}")
    page.click("#delete-workflow")
    expect(page.locator("#confirm-dialog")).to_be_visible()
    page.click("#confirm-ok")
    page.wait_for_url("**/ui/#/workflows")
    check("delete asks, then deletes", client.call("GET", f"/workflows/{ids['doomed']}")[0] == 404)


def test_cache_and_health(tab, shots, ids, client):
    page = tab.page
    exact = client.ok("GET", f"/cache/entries?workflow_id={ids['invoice']}")["total"]
    semantic = client.ok("GET", f"/cache/semantic/entries?workflow_id={ids['invoice']}")["total"]
    tab.open(f"/cache?workflow_id={ids['invoice']}")
    expect(page.locator("#semantic-table")).to_be_visible()
    check(f"the cache page lists the workflow's {exact} exact entries", exact >= 4 and page.locator("#exact-table tbody tr").count() == exact)
    check(f"and its {semantic} nova-rag entries, through nova", semantic >= 5 and page.locator("#semantic-table tbody tr").count() == semantic)
    check("the hit rate is shown", page.locator("#hit-rate .value").inner_text().endswith("%"))
    expect(page.locator("#cache-history svg rect").first).to_be_visible()
    tab.shoot(shots, "cache")
    page.locator("#semantic-table tbody tr button").first.click()
    page.click("#confirm-ok")
    expect(page.locator("#semantic-table tbody tr")).to_have_count(semantic - 1)
    remaining = client.ok("GET", f"/cache/semantic/entries?workflow_id={ids['invoice']}")["total"]
    check("deleting a nova-rag entry from the page goes through nova", remaining == semantic - 1, remaining)
    tab.open("/health")
    expect(page.locator("#worker-count .value")).to_have_text("4")
    expect(page.locator("#sandbox-state")).to_be_visible()
    check("the health page shows workers, queue depth and the sandbox", page.locator("#queue-depth .value").inner_text() == "0")
    tab.shoot(shots, "health")


def test_phone(tab, shots, run_id):
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    tab.open(f"/runs/{run_id}")
    expect(page.locator("#timeline .step").first).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    check("the run page fits a phone-sized window", overflow <= 1, overflow)
    tab.shoot(shots, "run-phone")
    page.set_viewport_size({"width": 1280, "height": 800})


def test_older_page(tab):
    """Older → shows the next 50 runs, below the last id of the page before."""
    page = tab.page
    rows = page.locator("#runs-table tbody tr")
    last = int(rows.last.get_attribute("data-execution-id"))
    page.click("#runs-older")
    expect(page.locator("#runs-total")).to_contain_text(f"older than #{last}")
    first = int(rows.first.get_attribute("data-execution-id"))
    check("Older → pages below the last id shown", first < last and rows.count() == 50, (first, last))


def seed_executions(work, workflow_id, count):
    """Adds `count` finished executions straight into nova's SQLite file (the API would run each)."""
    now = int(time.time() * 1_000_000)
    rows = []
    for index in range(count):
        created = now - (count - index) * 1_000_000
        status = "failed" if index % 7 == 0 else "completed"
        error = "seeded failure" if status == "failed" else None
        rows.append((workflow_id, status, created, created + 850_000, json.dumps({"i": index}), error, created))
    with sqlite3.connect(os.path.join(work, "nova", "nova.sqlite"), timeout=30) as db:
        db.executemany(
            "INSERT INTO executions (workflow_id, status, started_at, completed_at, result, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def measure_runs_page(tab, samples=7):
    """Median over `samples` loads of /ui/#/runs: first contentful paint, and the time until the first page of runs is
    drawn (performance mark nova-runs-rendered), both from navigation start."""
    paints, tables = [], []
    for _ in range(samples):
        tab.page.goto("about:blank")
        tab.open("/runs")
        tab.page.wait_for_function("() => performance.getEntriesByName('nova-runs-rendered').length > 0")
        paint, table = tab.page.evaluate(
            """() => [performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
                      performance.getEntriesByName('nova-runs-rendered')[0].startTime]""")
        paints.append(paint)
        tables.append(table)
    return statistics.median(paints), statistics.median(tables)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    bin_dir = os.path.abspath(sys.argv[1])
    shots = os.environ.get("NOVA_UI_SCREENSHOTS") or tempfile.mkdtemp(prefix="nova-ui-screenshots-")
    os.makedirs(shots, exist_ok=True)
    started = time.monotonic()
    llm = FakeLLM()
    with tempfile.TemporaryDirectory(prefix="nova-ui-test-") as work:
        nova, rag, client, ids = start_services(bin_dir, work, llm)
        try:
            runs = []
            for _ in range(2):
                execution = client.finish(client.start(ids["invoice"], fixtures.invoice_context()))
                if execution["status"] != "completed":
                    raise RuntimeError(f"invoice run failed: {execution['error']}\n{nova.tail()}")
                runs.append(execution["id"])
            with sync_playwright() as playwright:
                tab = Browser(playwright, client.base)
                try:
                    test_key_prompt(tab)
                    test_workflows(tab, shots, ids, client)
                    requests, steps = test_runs(tab, shots, ids, runs)
                    test_generated(tab, ids, client)
                    test_xss_output(tab, ids, client)
                    test_live_run(tab, ids)
                    test_cancel(tab, ids, client)
                    test_edit_and_delete(tab, ids, client)
                    test_cache_and_health(tab, shots, ids, client)
                    test_phone(tab, shots, runs[0])
                    seed_executions(work, ids["live"], 10_000)
                    paint, table = measure_runs_page(tab)
                    check(f"runs page with 10,000+ executions: first paint {paint:.0f} ms, runs drawn {table:.0f} ms", table <= 1000, table)
                    test_older_page(tab)
                    leaked = [request.url for request in tab.requests if KEY in request.url]
                    check(f"the key is in no URL ({len(tab.requests)} requests)", not leaked, leaked)
                    check("no console errors on any page", not tab.errors, tab.errors)
                    check("no dialog opened on any page", not tab.dialogs, tab.dialogs)
                finally:
                    tab.close()
        except Exception:
            print(f"--- nova log ---\n{nova.tail()}\n--- nova-rag log ---\n{rag.tail()}", file=sys.stderr)
            raise
        finally:
            nova.stop()
            rag.stop()
            llm.stop()
    print(f"dashboard test: {check.count} checks passed in {time.monotonic() - started:.0f} s")
    print(f"screenshots: {shots}")
    print(json.dumps({"runs_page_first_paint_ms": round(paint), "runs_page_drawn_ms": round(table), "run_page_api_requests": requests,
                      "run_page_steps": steps}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
