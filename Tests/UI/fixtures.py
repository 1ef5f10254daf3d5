"""The workflows the dashboard test creates: the invoice-intake example (a decision and five prompt nodes), one
whose name and output are HTML meant to run, and slow ones to watch live and to cancel."""

import json
import os

from nova_services import ROOT

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_OUTPUT = "<script>window.__xss = 1; alert(2)</script><img src=x onerror=alert(3)>"


def invoice():
    with open(os.path.join(ROOT, "examples", "invoice-workflow.json")) as file:
        workflow = json.load(file)
    workflow["name"] = "Invoice intake (UI test)"
    return workflow


def invoice_context():
    examples = os.path.join(ROOT, "examples")
    with open(os.path.join(examples, "invoices", "acme-office-supplies.txt")) as invoice_file, open(
        os.path.join(examples, "vendors.csv")
    ) as vendors:
        context = {"invoice_text": invoice_file.read(), "vendors_csv": vendors.read()}
    with open(os.path.join(examples, "invoice-settings.json")) as settings:
        context.update(json.load(settings))
    return context


def _chain(name, description, steps):
    """start → steps (id, code) → end."""
    nodes = [{"id": "start", "type": "start"}]
    nodes += [{"id": node_id, "type": "action", "executor": "e2b", "timeout": 30, "code": code} for node_id, code in steps]
    nodes.append({"id": "end", "type": "end"})
    ids = [node["id"] for node in nodes]
    edges = [{"from": a, "to": b} for a, b in zip(ids, ids[1:])]
    return {"name": name, "description": description, "graph_definition": {"network": False, "nodes": nodes, "edges": edges}}


def xss():
    return _chain(XSS_NAME, "<b>not bold</b>", [("shout", f"context['note'] = {XSS_OUTPUT!r}\n")])


def slow(name, steps, pause):
    code = "import time\ntime.sleep({pause})\ncontext['{key}'] = {value}\n"
    return _chain(name, "Sleeps in each step", [(f"s{i}", code.format(pause=pause, key=f"step_{i}", value=i)) for i in range(1, steps + 1)])
