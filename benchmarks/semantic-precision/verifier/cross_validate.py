"""Held-out evaluation of the cross-encoder verifier (issue #20, point 1).

    python cross_validate.py [--crisp] [--out FILE]

Grouped by set: the verifier is trained on sets 0-6 (pairs.jsonl, heldout1..6), its decision rule is chosen on
sets 7-8 (decision.py, precision >= 0.98; the model never saw them), and blind sets 9-14 are scored once with that
model and rule. Printed per set: precision / recall of cosine >= 0.85 alone (the cosine of the search texts as
written, see cross_encoder.retrieval_cosines), of the verifier alone, of cosine >= floor AND verifier, and the
share of paraphrases that the floor lets through; then, for reference only, what a threshold picked after the fact
on sets 9-14 would give. --out writes the rule and every scored pair (JSON).
"""
import argparse
import json
import os
import time

import numpy as np

import cross_encoder as C
import decision as D

TRAIN = ["pairs.jsonl"] + [f"heldout{i}.jsonl" for i in range(1, 7)]
VALIDATE = ["heldout7.jsonl", "heldout8.jsonl"]
TEST = [f"heldout{i}.jsonl" for i in range(9, 15)]


def cell(result):
    return f"{result[0]:.3f} / {result[1]:.3f}"


def table(names, sets, y, scores, cosine, rule):
    print("| set | pairs | cosine >= 0.85 P / R | verifier P / R | cosine floor + verifier P / R | TP | FP | FN |"
          " cosine recall at floor |")
    print("|---|---:|---|---|---|---:|---:|---:|---:|")
    groups = [(n, sets == n) for n in names] + [(f"{names[0]}..{names[-1]}", np.isin(sets, names))]
    for name, member in groups:
        alone, combined = D.decisions(rule, scores[member], cosine[member])
        yy = y[member]
        floor = D.precision_recall(np.ones(len(yy), bool) if rule["floor"] is None else cosine[member] >= rule["floor"],
                                   yy)
        c = D.precision_recall(combined, yy)
        print(f"| {name} | {member.sum()} | {cell(D.precision_recall(cosine[member] >= 0.85, yy))} | "
              f"{cell(D.precision_recall(alone, yy))} | {cell(c)} | {c[2]} | {c[3]} | {c[4]} | {floor[1]:.3f} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--crisp", action="store_true", help="the crisp readers' features enter the head")
    parser.add_argument("--out", help="write the rule and every scored pair here (JSON)")
    args = parser.parse_args()

    model = C.MiniLM()
    paths = [os.path.join(C.SETS_DIR, n) for n in TRAIN + VALIDATE + TEST]
    pairs, sets = [], []
    for path in paths:
        loaded = C.load_pairs(path)
        pairs += loaded
        sets += [os.path.basename(path)] * len(loaded)
    sets = np.array(sets)
    inputs = C.PairInputs(model, pairs)
    train_rows = np.where(np.isin(sets, TRAIN))[0]
    scored_rows = np.where(np.isin(sets, VALIDATE + TEST))[0]
    print(f"top layers {C.TOP_LAYERS}, max {C.MAX_SIDE_TOKENS} tokens a side, epochs {C.EPOCHS}, batch {C.BATCH}, "
          f"lr {C.LEARNING_RATE} (head {C.HEAD_LEARNING_RATE}), seed {C.SEED}, crisp features {args.crisp}; data {C.data_version(paths)[:12]}")
    cosine = np.full(len(pairs), np.nan)
    cosine[scored_rows] = C.retrieval_cosines(model, [pairs[i] for i in scored_rows])

    started = time.time()
    verifier = C.train(model, inputs, train_rows, args.crisp, log=print)
    print(f"trained on {len(train_rows)} pairs in {time.time() - started:.0f} s")
    scores = np.full(len(pairs), np.nan)
    scores[scored_rows] = C.score(verifier, inputs, scored_rows)

    validate = np.isin(sets, VALIDATE)
    rule = D.choose_rule(scores[validate], cosine[validate], inputs.y[validate])
    print(f"rule chosen on {', '.join(VALIDATE)}: {json.dumps(rule)}\n")
    table(VALIDATE, sets, inputs.y, scores, cosine, rule)
    print()
    table(TEST, sets, inputs.y, scores, cosine, rule)
    test = np.isin(sets, TEST)
    print(f"\nreference only, threshold picked after the fact on {TEST[0]}..{TEST[-1]}: ROC AUC "
          f"{D.roc_auc(scores[test], inputs.y[test]):.3f}; best recall at P >= 0.98 "
          f"{D.best_recall_at(scores[test], inputs.y[test], 0.98):.3f}, at P >= 0.97 "
          f"{D.best_recall_at(scores[test], inputs.y[test], 0.97):.3f}, at P >= 0.95 "
          f"{D.best_recall_at(scores[test], inputs.y[test], 0.95):.3f}")
    if args.out:
        rows = [dict(set=str(sets[i]), a=pairs[i]["a"], b=pairs[i]["b"], same=bool(pairs[i]["same"]),
                     kind=pairs[i].get("kind"), score=round(float(scores[i]), 6), cosine=round(float(cosine[i]), 6))
                for i in scored_rows]
        json.dump(dict(crisp=args.crisp, rule=rule, pairs=rows), open(args.out, "w"), ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main()
