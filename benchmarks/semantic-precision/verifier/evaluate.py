"""Evaluation of the learned cache-hit verifier (issue #20, point 1).

    python evaluate.py                       leave-one-set-out over ../pairs.jsonl and ../heldout1..8.jsonl
    python evaluate.py --frozen A.jsonl ...  train on the nine repository sets, write weights.json and fixture.json,
                                             then score each given file with the frozen model
    python evaluate.py --weights weights.json A.jsonl ...
                                             score files with existing weights (no training)

Leave-one-set-out: for each set, the head is trained on the eight others; its decision threshold (b) and the combined
rule (c) are chosen from out-of-fold scores of a leave-one-set-out inside those eight (never from the left-out set),
targeting precision >= 0.98; then the left-out set is scored once. Printed per set, precision / recall of
  (a) cosine alone >= 0.85 (the retrieval cosine: see train.retrieval_cosines),
  (b) the verifier alone, score >= its threshold,
  (c) cosine >= floor AND verifier score >= threshold (floor and threshold chosen together).
Options: --embedded-texts FILE (today's embedded form for the cosine, from PrecisionEval's PRECISION_EMBEDDED_TEXTS),
--scores-out FILE (one JSON line per scored pair), --errors (print the left-out sets' errors of (c)).
"""
import argparse
import json
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

import features as F  # noqa: E402
import train as T  # noqa: E402

COSINE_THRESHOLD = 0.85


def fmt(precision, recall, *_):
    return f"{precision:.3f} / {recall:.3f}"


def row(name, n, y, cosine, score, rule):
    a = T.precision_recall(cosine >= COSINE_THRESHOLD, y)
    b = T.precision_recall(score >= rule["threshold"], y)
    keep = np.ones(len(y), bool) if rule["floor"] is None else cosine >= rule["floor"]
    c = T.precision_recall(keep & (score >= rule["floor_threshold"]), y)
    return f"| {name:16s} | {n:5d} | {fmt(*a)} | {fmt(*b)} | {fmt(*c)} | {c[2]:3d} | {c[3]:3d} | {c[4]:3d} |", (a, b, c)


HEADER = ("| set              | pairs | (a) cosine>=0.85 P / R | (b) verifier P / R | (c) combined P / R | TP  | FP  | FN  |\n"
          "|------------------|------:|---------------|---------------|---------------|----:|----:|----:|")


def leave_one_set_out(paths, embedded_texts=None, show_errors=False, scores_out=None):
    extractor = F.Extractor()
    data = T.Dataset(extractor, paths, embedded_texts)
    print(f"features {F.FEATURES_VERSION} ({len(F.FEATURE_NAMES)}), cosine form {data.cosine_form}, "
          f"head {'tanh(%d) MLP' % T.HIDDEN if T.HIDDEN else 'logistic regression'}, seed {T.SEED}, target precision {T.TARGET_PRECISION}")
    outer_scores = np.zeros(len(data.y))
    rules = {}
    decisions = {}
    for g, name in enumerate(data.names):
        held = data.groups == g
        Xt, yt, gt, ct = data.X[~held], data.y[~held], data.groups[~held], data.cosine[~held]
        oof = T.out_of_fold_scores(Xt, yt, gt)
        rule = T.choose_rule(oof, ct, yt)
        head = T.fit(Xt, yt)
        outer_scores[held] = head.score(data.X[held])
        rules[name] = rule
        keep = np.ones(held.sum(), bool) if rule["floor"] is None else data.cosine[held] >= rule["floor"]
        decisions[name] = (outer_scores[held] >= rule["threshold"], keep & (outer_scores[held] >= rule["floor_threshold"]))
    print()
    print(HEADER)
    all_b, all_c = [], []
    for g, name in enumerate(data.names):
        held = data.groups == g
        line, _ = row(name, int(held.sum()), data.y[held], data.cosine[held], outer_scores[held], rules[name])
        print(line)
        all_b.append(decisions[name][0])
        all_c.append(decisions[name][1])
    for label, members in (("all sets", range(len(data.names))),
                           ("heldout3-8", [i for i, n in enumerate(data.names) if n in
                                           {f"heldout{k}.jsonl" for k in range(3, 9)}])):
        members = list(members)
        if not members:
            continue
        mask = np.isin(data.groups, members)
        y = data.y[mask]
        a = T.precision_recall(data.cosine[mask] >= COSINE_THRESHOLD, y)
        b = T.precision_recall(np.concatenate([all_b[i] for i in members]), np.concatenate(
            [data.y[data.groups == i] for i in members]))
        c = T.precision_recall(np.concatenate([all_c[i] for i in members]), np.concatenate(
            [data.y[data.groups == i] for i in members]))
        print(f"| {label:16s} | {int(mask.sum()):5d} | {fmt(*a)} | {fmt(*b)} | {fmt(*c)} | {c[2]:3d} | {c[3]:3d} | "
              f"{c[4]:3d} |")
    print()
    print("for reference only (threshold picked after the fact on the pooled left-out scores, not a decision rule):")
    pos = data.y > 0.5
    auc = float((outer_scores[pos][:, None] > outer_scores[~pos][None, :]).mean())
    order = np.argsort(-outer_scores, kind="stable")
    tp = np.cumsum(data.y[order])
    precision, recall = tp / np.arange(1, len(order) + 1), tp / pos.sum()
    best = {t: float(recall[precision >= t].max()) if (precision >= t).any() else 0.0 for t in (0.98, 0.95, 0.90)}
    print(f"  ROC AUC {auc:.3f}; best recall at precision >= 0.98: {best[0.98]:.3f}, >= 0.95: {best[0.95]:.3f}, "
          f">= 0.90: {best[0.90]:.3f}")
    print()
    print("rules chosen on the training folds (threshold (b); floor and threshold (c)):")
    for name in data.names:
        r = rules[name]
        print(f"  without {name:16s} t={r['threshold']:.3f}  floor={r['floor']}  t={r['floor_threshold']:.3f}  "
              f"(out-of-fold P/R {r['oof_precision']:.3f}/{r['oof_recall']:.3f})")
    if show_errors:
        print_errors(data, outer_scores, decisions)
    if scores_out:
        write_scores(scores_out, data, outer_scores, {n: decisions[n][1] for n in data.names})


def print_errors(data, scores, decisions):
    print("\nerrors of (c) on the left-out sets (score, cosine, kind, a | b):")
    for g, name in enumerate(data.names):
        idx = np.where(data.groups == g)[0]
        decide = decisions[name][1]
        for j, i in enumerate(idx):
            if decide[j] != (data.y[i] > 0.5):
                p = data.pairs[i]
                tag = "FP" if decide[j] else "FN"
                print(f"  {name:15s} {tag} {scores[i]:.3f} {data.cosine[i]:.3f} {p['kind']:10s} {p['a']} | {p['b']}")


def write_scores(path, data, scores, decisions):
    with open(path, "w", encoding="utf-8") as file:
        for g, name in enumerate(data.names):
            idx = np.where(data.groups == g)[0]
            for j, i in enumerate(idx):
                p = data.pairs[i]
                file.write(json.dumps(dict(set=name, a=p["a"], b=p["b"], same=p.get("same"), kind=p.get("kind"),
                                           cosine=round(float(data.cosine[i]), 6), score=round(float(scores[i]), 6),
                                           hit=bool(decisions[name][j])), ensure_ascii=False) + "\n")


def score_files(weights_path, paths, embedded_texts=None, scores_out=None, show_errors=False):
    weights = json.load(open(weights_path))
    if weights["features_version"] != F.FEATURES_VERSION or weights["feature_names"] != F.FEATURE_NAMES:
        sys.exit(f"{weights_path} was trained on features {weights['features_version']}, features.py reads "
                 f"{F.FEATURES_VERSION}")
    head = T.Head.from_json(weights["head"])
    decision = weights["decision"]
    rule = dict(threshold=decision["verifier_threshold"], floor=decision["combined"]["cosine_floor"],
                floor_threshold=decision["combined"]["verifier_threshold"])
    extractor = F.Extractor()
    data = T.Dataset(extractor, paths, embedded_texts)
    if data.cosine_form != decision["combined"]["cosine_form"]:
        print(f"note: the floor was chosen on cosine form {decision['combined']['cosine_form']}, "
              f"these files are scored with {data.cosine_form}")
    scores = head.score(data.X)
    print(f"frozen verifier: data version {weights['data_version'][:16]}…, trained on "
          f"{', '.join(weights['training_files'])}")
    print(f"rule (b): score >= {rule['threshold']:.4f}; rule (c): cosine >= {rule['floor']} and score >= "
          f"{rule['floor_threshold']:.4f}\n")
    print(HEADER)
    decisions = {}
    for g, name in enumerate(data.names):
        held = data.groups == g
        line, _ = row(name, int(held.sum()), data.y[held], data.cosine[held], scores[held], rule)
        print(line)
        keep = np.ones(held.sum(), bool) if rule["floor"] is None else data.cosine[held] >= rule["floor"]
        decisions[name] = (scores[held] >= rule["threshold"], keep & (scores[held] >= rule["floor_threshold"]))
    if len(data.names) > 1:
        line, _ = row("all files", len(data.y), data.y, data.cosine, scores, rule)
        print(line)
    if show_errors:
        print_errors(data, scores, decisions)
    if scores_out:
        write_scores(scores_out, data, scores, {n: decisions[n][1] for n in data.names})
        print(f"\nscores written to {scores_out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frozen", action="store_true", help="train on the nine repository sets, then score files")
    parser.add_argument("--weights", help="score files with these weights, without training")
    parser.add_argument("--out", default=T.HERE, help="where --frozen writes weights.json and fixture.json")
    parser.add_argument("--embedded-texts")
    parser.add_argument("--scores-out")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    if args.frozen or args.weights:
        weights_path = args.weights
        if args.frozen:
            T.train(T.REPOSITORY_SETS, args.out, args.embedded_texts)
            weights_path = os.path.join(args.out, "weights.json")
            print(f"trained on the nine repository sets: {weights_path}")
        if args.files:
            score_files(weights_path, args.files, args.embedded_texts, args.scores_out, args.errors)
    else:
        leave_one_set_out(args.files or T.REPOSITORY_SETS, args.embedded_texts, args.errors, args.scores_out)
