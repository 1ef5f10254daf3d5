"""Scores labelled pair files with the frozen cross-encoder verifier (issue #20, point 1).

    python score.py [--weights cross-encoder.safetensors] [--scores-out FILE] A.jsonl ...

Each file holds one {"a", "b", "same", "kind"} object a line. Printed per file and over all of them: precision /
recall of cosine >= 0.85 alone, of the verifier alone (score >= the rule's threshold), and of the rule's cosine floor
AND verifier, with the share of paraphrases the floor lets through. The cosine is the built-in model's cosine of the
two search texts as written ("Prompt: <text>\\n\\nInput Schema:\\n{}"), not of nova-rag's canonical embedded form
(only the Swift code computes that). The rule is the one stored in the weights file.
"""
import argparse
import json
import os
import time

import numpy as np

import cross_encoder as C
import decision as D


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default=os.path.join(C.HERE, "cross-encoder.safetensors"))
    parser.add_argument("--scores-out", help="one JSON line per pair with its score and cosine")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    model = C.MiniLM()
    verifier, metadata = C.load(model, args.weights)
    rule = metadata["rule"]
    print(f"weights {os.path.basename(args.weights)}: data {metadata['data_sha256'][:12]}, seed {metadata['seed']}, "
          f"crisp {metadata['crisp']}; rule {json.dumps(rule)}")
    pairs, names = [], []
    for path in args.files:
        loaded = C.load_pairs(path)
        pairs += loaded
        names += [os.path.basename(path)] * len(loaded)
    names = np.array(names)
    started = time.time()
    inputs = C.PairInputs(model, pairs)
    scores = C.score(verifier, inputs, np.arange(len(pairs)))
    cosine = C.retrieval_cosines(model, pairs)
    print(f"scored {len(pairs)} pairs in {time.time() - started:.0f} s\n")
    print("| file | pairs | cosine >= 0.85 P / R | verifier P / R | cosine floor + verifier P / R | TP | FP | FN |"
          " cosine recall at floor |")
    print("|---|---:|---|---|---|---:|---:|---:|---:|")
    files = [os.path.basename(p) for p in args.files]
    for name, member in [(n, names == n) for n in files] + [("all files", np.ones(len(pairs), bool))]:
        y = inputs.y[member]
        alone, combined = D.decisions(rule, scores[member], cosine[member])
        floor = np.ones(len(y), bool) if rule["floor"] is None else cosine[member] >= rule["floor"]
        a = D.precision_recall(cosine[member] >= 0.85, y)
        b = D.precision_recall(alone, y)
        c = D.precision_recall(combined, y)
        print(f"| {name} | {member.sum()} | {a[0]:.3f} / {a[1]:.3f} | {b[0]:.3f} / {b[1]:.3f} | "
              f"{c[0]:.3f} / {c[1]:.3f} | {c[2]} | {c[3]} | {c[4]} | {D.precision_recall(floor, y)[1]:.3f} |")
    if args.scores_out:
        with open(args.scores_out, "w") as out:
            for i, pair in enumerate(pairs):
                out.write(json.dumps(dict(file=str(names[i]), a=pair["a"], b=pair["b"], same=bool(pair["same"]),
                                          score=round(float(scores[i]), 6), cosine=round(float(cosine[i]), 6)),
                                     ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
