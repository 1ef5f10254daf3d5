"""One table of every benchmark's figures, read from the output each benchmark's run.sh printed (benchmarks/run.sh
keeps them in a folder, one `<benchmark>.log` each): the figure, its target, the peer's figure measured in the same
run where the benchmark has a peer, and whether the target is met.

The targets are the issues' (code search #24, embedder #5, engine #7, code pipeline #8, retrieval #9, semantic
precision #20); a figure without a target is listed for reference and marked "-".
Usage: python3 benchmarks/summary.py FOLDER
"""
import os
import re
import sys

NUMBER = r"(-?[\d.]+|nan)"


class Row:
    """One figure. `target` is ("<=" or ">=", a number or "peer") or None."""

    def __init__(self, benchmark, figure, value, target=None, peer=None, digits=2):
        self.benchmark, self.figure, self.value, self.target, self.peer, self.digits = benchmark, figure, value, target, peer, digits

    def verdict(self):
        if self.target is None or self.value is None:
            return "-"
        relation, bound = self.target
        bound = self.peer if bound == "peer" else bound
        if bound is None or bound != bound or self.value != self.value:
            return "-"
        return "pass" if (self.value <= bound if relation == "<=" else self.value >= bound) else "MISS"

    def cells(self):
        show = lambda v: "n/a" if v is None else f"{v:.{self.digits}f}"
        target = "-" if self.target is None else f"{self.target[0]} {self.target[1] if self.target[1] == 'peer' else show(self.target[1])}"
        return [self.benchmark, self.figure, show(self.value), target, "-" if self.peer is None else show(self.peer), self.verdict()]


def number(text):
    return float(text)


def code_search(log):
    """The two tables of benchmarks/code-search/run.sh: nova-rag against ChromaDB, unfiltered and filtered."""
    rows = []
    pair = rf"{NUMBER} / {NUMBER} \([^)]*\)"
    unfiltered = re.compile(rf"^(\d+)\s+\| {pair}\s+\| {pair}\s+\| {pair}\s+\| {NUMBER} / {NUMBER}\s+\| (\d+) / {NUMBER}")
    filtered = re.compile(rf"^(\d+)\s+\| (\d+)\s+\| {pair}\s+\| {pair}\s+\| {pair}\s+\| {NUMBER} / {NUMBER}")
    for line in log.splitlines():
        if match := filtered.match(line):
            n, w, p50, c50, p99, c99, rps, crps, recall_all, recall_filtered = match.groups()
            name = f"{int(n):,} entries, filtered, {w} workflows"
            rows += [Row("code search", f"{name}: p50 ms", number(p50), ("<=", "peer"), number(c50), 3),
                     Row("code search", f"{name}: p99 ms", number(p99), ("<=", "peer"), number(c99), 3),
                     Row("code search", f"{name}: req/s, 16 clients", number(rps), (">=", "peer"), number(crps), 0),
                     Row("code search", f"{name}: recall@5 filtered", number(recall_filtered), (">=", 0.99), None, 3)]
            if w == "10":
                rows.append(Row("code search", f"{int(n):,} entries: recall@5 unfiltered", number(recall_all), (">=", 0.99), None, 3))
        elif match := unfiltered.match(line):
            n, p50, c50, p99, c99, rps, crps, startup, cstartup, rss, crss = match.groups()
            name = f"{int(n):,} entries, unfiltered"
            rows += [Row("code search", f"{name}: p50 ms", number(p50), ("<=", "peer"), number(c50), 3),
                     Row("code search", f"{name}: p99 ms", number(p99), ("<=", "peer"), number(c99), 3),
                     Row("code search", f"{name}: req/s, 16 clients", number(rps), (">=", "peer"), number(crps), 0),
                     Row("code search", f"{int(n):,} entries: start-up s", number(startup), ("<=", 2.0), number(cstartup)),
                     Row("code search", f"{int(n):,} entries: RSS MiB", number(rss), ("<=", "peer"), number(crss), 0)]
    return rows


def embedder(log):
    """benchmarks/embedder/run.sh: the Swift embedder against PyTorch (n/a when the reference was skipped)."""
    figures = {"single sentence": ("p50 ms", "single sentence p50 ms", ("<=", 5.0), 2),
               "batch 32, all": ("sentences/s", "batch 32 sentences/s", (">=", "peer"), 1),
               "peak resident memory": ("MiB", "peak RSS MiB", ("<=", 300.0), 0)}
    rows = []
    for line in log.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        for prefix, (unit, figure, target, digits) in figures.items():
            if len(cells) >= 3 and cells[0].startswith(prefix) and cells[0].endswith(unit):
                peer = None if cells[2] == "n/a" else number(cells[2])
                rows.append(Row("embedder", figure, number(cells[1]), target, peer, digits))
    return rows


def engine(log):
    """benchmarks/engine/run.sh: the engine's overhead per node inside `nova serve`, per store and queue."""
    rows = []
    for match in re.finditer(rf"^\| ([^|]+queue) \| {NUMBER} \| {NUMBER} \| {NUMBER} \|", log, re.M):
        label, per_minute, _, overhead = match.groups()
        rows.append(Row("engine", f"{label}: overhead ms/node", number(overhead), ("<=", 2.0)))
        rows.append(Row("engine", f"{label}: executions/min", number(per_minute), None, None, 0))
    return rows


def sandbox(log):
    """benchmarks/sandbox/run.sh: start-up p50 of each variant; plain python3 is the peer of the others."""
    variants = {m.group(1).strip(): number(m.group(2)) for m in re.finditer(rf"^\| ([^|]+) \| {NUMBER} \|", log, re.M)}
    plain = next((v for k, v in variants.items() if k.startswith("plain")), None)
    return [Row("sandbox", f"{name}: start-up p50 ms", value, None, None if name.startswith("plain") else plain, 1)
            for name, value in variants.items()]


def code_pipeline(log):
    """benchmarks/code-pipeline/run.sh: hit rate, and each code source's p50 against generation."""
    rows = []
    if match := re.search(r"hit rate ([\d.]+)%", log):
        rows.append(Row("code pipeline", "hit rate %", number(match.group(1)), (">=", 60.0), None, 1))
    for match in re.finditer(rf"^(exact_hit|semantic_hit)\s+\d+\s+[\d.]+%\s+{NUMBER}\s+{NUMBER}\s+{NUMBER}x", log, re.M):
        source, p50, _, speedup = match.groups()
        rows.append(Row("code pipeline", f"{source} p50 ms", number(p50), None, None, 1))
        rows.append(Row("code pipeline", f"{source} speed-up over generation (x)", number(speedup), (">=", 10.0), None, 1))
    return rows


def retrieval(log):
    """benchmarks/rag-retrieval/run.sh: recall@1, recall@3, MRR."""
    rows = []
    for match in re.finditer(rf"^\| (recall@\d|MRR@\d+)\s*\| {NUMBER} \|", log, re.M):
        name, value = match.groups()
        rows.append(Row("retrieval", name, number(value), (">=", 0.9) if name == "recall@3" else None, None, 3))
    return rows


def semantic_precision(log):
    """benchmarks/semantic-precision/run.sh: cosine + guard precision and recall over all the sets it read."""
    summary = log.split("## Summary", 1)[-1]
    rows = re.findall(rf"^\| ([^|]+?)\s*\|\s*\d+ \| {NUMBER}\s*\| {NUMBER} \| {NUMBER}\s*\| {NUMBER} \|", summary, re.M)
    if not rows:
        return []
    name, _, _, precision, recall = rows[-1]
    return [Row("semantic precision", f"{name}: precision (cosine + guard)", number(precision), (">=", 0.98), None, 3),
            Row("semantic precision", f"{name}: recall (cosine + guard)", number(recall), (">=", 0.85), None, 3)]


READERS = {"code-search": code_search, "embedder": embedder, "engine": engine, "sandbox": sandbox,
           "code-pipeline": code_pipeline, "rag-retrieval": retrieval, "semantic-precision": semantic_precision}


def main(folder):
    rows, missing = [], []
    for name, reader in READERS.items():
        path = os.path.join(folder, name + ".log")
        found = reader(open(path).read()) if os.path.exists(path) else []
        rows += found
        if not found:
            missing.append(name)
    table = [["benchmark", "figure", "nova", "target", "peer", "pass/miss"]] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for index, line in enumerate(table):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths)) + " |")
        if index == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    misses = [row for row in rows if row.verdict() == "MISS"]
    print(f"\n{len(rows)} figures, {sum(row.verdict() == 'pass' for row in rows)} pass, {len(misses)} miss"
          + (f"; no figures from: {', '.join(missing)} (see its log)" if missing else ""))


if __name__ == "__main__":
    main(sys.argv[1])
