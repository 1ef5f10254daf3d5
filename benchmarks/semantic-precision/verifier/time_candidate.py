"""Cost of scoring one candidate with the cross-encoder verifier in Python (issue #20, point 1).

    python time_candidate.py [--weights cross-encoder.safetensors] [--runs 30] "<query prompt>" "<cached prompt>"

A candidate costs two full passes (both orders) of "[CLS] a [SEP] b [SEP]" through MiniLM's six layers, the
trained top layer replacing the sixth, and the head; nothing of it can be computed ahead, since every layer reads
both prompts. Prints the pair's length in tokens and the minimum and median time over the runs (one thread).
"""
import argparse
import os
import statistics
import time

os.environ["OMP_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
import torch  # noqa: E402

import cross_encoder as C  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default=os.path.join(C.HERE, "cross-encoder.safetensors"))
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("a")
    parser.add_argument("b")
    args = parser.parse_args()
    torch.set_num_threads(1)
    model = C.MiniLM()
    verifier, _ = C.load(model, args.weights)
    crisp = np.zeros((1, len(C.CRISP_NAMES)), dtype=np.float32)
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        probabilities = []
        for a, b in ((args.a, args.b), (args.b, args.a)):
            states = model.run([model.pair_ids(a, b)], C.LAYERS - C.TOP_LAYERS)
            tensors = C.batch_tensors(states, crisp)
            with torch.no_grad():
                probabilities.append(float(torch.sigmoid(verifier(*tensors))))
        timings.append((time.perf_counter() - started) * 1000)
    print(f"{len(model.pair_ids(args.a, args.b)[0])} tokens a pass; score {sum(probabilities) / 2:.6f}; "
          f"per candidate min {min(timings):.1f} ms, median {statistics.median(timings):.1f} ms over {args.runs} runs")


if __name__ == "__main__":
    main()
