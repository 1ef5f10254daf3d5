"""Driver of scripts/fault-suite.sh: runs each fault of fault_cases.FAULTS against the release binaries, explains each
broken guarantee (the ids and states, the tail of the server logs), prints one summary line per fault and exits 1
if any fault broke its guarantee or could not run.
    usage: fault_suite.py <release bin folder> <scratch folder> <sandbox venv> <knowledge folder>
FAULT_SUITE_ONLY=<substring> runs only the faults whose name contains it; FAULT_SUITE_SEED fixes the random points.
"""

import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fault_cases  # noqa: E402
import fault_servers  # noqa: E402

# Broken executions or saves listed one by one per fault; the count says how many more there were.
SHOWN = 30


@dataclass
class Row:
    """One line of the summary."""
    name: str
    tried: int
    survived: int
    failed: int
    seconds: float
    notes: list = field(default_factory=list)

    def __str__(self):
        return " | ".join([self.name, str(self.tried), str(self.survived), str(self.failed), f"{self.seconds:.0f}",
                           *self.notes])


def run(ctx, name, fault):
    """The summary Row of one fault, printing its explanation as it goes."""
    print(f"== {name}", flush=True)
    started = time.monotonic()
    try:
        outcome = fault(ctx)
    except Exception:
        print(f"   could not run:\n{traceback.format_exc()}{fault_servers.report()}", flush=True)
        return Row(name, 0, 0, 1, time.monotonic() - started, ["could not run (above)"])
    seconds = time.monotonic() - started
    if outcome is None:
        print("   skipped: needs root (cannot mount a tmpfs here)", flush=True)
        return Row(name, 0, 0, 0, seconds, ["skipped: needs root"])
    for note in outcome.notes:
        print(f"   {note}")
    for index, ident, why in outcome.broken[:SHOWN]:
        label = ident if index is None else f"execution #{index} (task {ident})"
        print(f"   BROKEN {label}: {why}")
    if len(outcome.broken) > SHOWN:
        print(f"   … and {len(outcome.broken) - SHOWN} more broken")
    if outcome.broken:
        for log in outcome.logs:
            print(f"   tail of {log}:\n{fault_servers.log_tail(log)}")
    print(f"   {outcome.survived}/{outcome.tried} kept the guarantee in {seconds:.0f} s", flush=True)
    return Row(name, outcome.tried, outcome.survived, len(outcome.broken), seconds, [])


def main():
    bin_dir, work, venv, knowledge = sys.argv[1:5]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ctx = fault_cases.Context(bin_dir, work, venv, knowledge)
    only = os.environ.get("FAULT_SUITE_ONLY", "")
    print(f"fault suite: random points from seed {ctx.seed} (FAULT_SUITE_SEED={ctx.seed} repeats them)", flush=True)
    started = time.monotonic()
    rows = []
    try:
        for name, fault in fault_cases.FAULTS:
            if only in name:
                row = run(ctx, name, fault)
                fault_servers.stop_all()
                orphans = fault_servers.sweep(work)
                if orphans:
                    # A sandbox outliving every nova of the fault: the next nova should have killed it.
                    print(f"   BROKEN left running after nova stopped, killed now: {', '.join(orphans)}", flush=True)
                    row.failed += len(orphans)
                    row.notes.append(f"{len(orphans)} sandbox left running (above)")
                rows.append(row)
    finally:
        fault_servers.stop_all()
        fault_servers.sweep(work)
    print("\nfault | tried | survived | failed | seconds")
    for row in rows:
        print(row)
    failed = sum(row.failed for row in rows)
    print(f"fault suite: {'FAILED' if failed else 'passed'} in {time.monotonic() - started:.0f} s")
    return 1 if failed or not rows else 0


if __name__ == "__main__":
    sys.exit(main())
