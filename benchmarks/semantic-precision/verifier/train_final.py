"""The frozen cross-encoder verifier: trained on all fifteen repository sets (issue #20, point 1).

    python train_final.py --rule-from held-out.json [--crisp] [--out cross-encoder.safetensors]

The decision rule cannot be chosen on data the model saw, so it is the one cross_validate.py chose on sets 7-8 for
the model trained on sets 0-6, applied unchanged (read from that run's --out file once training is done, so that
both can run at once). Writes the trained top layer and
head in float16 (cross_encoder.save) with the configuration, the rule, the seed, the data version (sha256 of the
fifteen files) and the training time in the file's metadata.
"""
import argparse
import json
import os
import time

import numpy as np

import cross_encoder as C


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rule-from", required=True, help="cross_validate.py's --out file")
    parser.add_argument("--crisp", action="store_true")
    parser.add_argument("--out", default=os.path.join(C.HERE, "cross-encoder.safetensors"))
    args = parser.parse_args()
    model = C.MiniLM()
    paths = C.repository_sets()
    pairs = [p for path in paths for p in C.load_pairs(path)]
    inputs = C.PairInputs(model, pairs)
    started = time.time()
    verifier = C.train(model, inputs, np.arange(len(pairs)), args.crisp, log=print)
    seconds = round(time.time() - started)
    print(f"trained on {len(pairs)} pairs in {seconds} s")
    held_out = json.load(open(args.rule_from))
    if held_out["crisp"] != args.crisp:
        raise SystemExit(f"{args.rule_from} was made with crisp={held_out['crisp']}")
    C.save(verifier, args.out, dict(
        top_layers=C.TOP_LAYERS, max_side_tokens=C.MAX_SIDE_TOKENS, epochs=C.EPOCHS, batch=C.BATCH,
        learning_rate=C.LEARNING_RATE, head_learning_rate=C.HEAD_LEARNING_RATE, weight_decay=C.WEIGHT_DECAY, seed=C.SEED, crisp=args.crisp,
        crisp_names=C.CRISP_NAMES if args.crisp else [], rule=held_out["rule"],
        rule_from="chosen on heldout7-8 for the model trained on sets 0-6 (cross_validate.py)",
        data_files=[os.path.basename(p) for p in paths], data_sha256=C.data_version(paths),
        base_model_sha256=model.model_sha256, training_seconds=seconds))
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)")


if __name__ == "__main__":
    main()
