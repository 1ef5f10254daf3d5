"""Benchmarks the reference implementation of all-MiniLM-L6-v2 (sentence-transformers on PyTorch,
CPU) exactly as the native Swift benchmark (Sources/MiniLMBenchmark) measures the Swift embedder:
single-sentence latency p50/p99, batch-of-32 throughput over the same corpus, resident memory
after loading. Prints one JSON object with the same keys on stdout, a summary on stderr.
"""

import argparse
import json
import os
import statistics
import sys
import time


def memory_mib(field):
    """A field of /proc/self/status (VmRSS, VmHWM) in MiB, or -1 without /proc."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return -1


def load_corpus(path):
    """Sentences of a JSON-lines file with a "text" field, or of a plain-text file, one a line."""
    sentences = []
    with open(path, encoding="utf-8") as corpus:
        for line in corpus.read().split("\n"):
            if not line:
                continue
            try:
                sentences.append(json.loads(line)["text"])
            except (ValueError, KeyError, TypeError):
                sentences.append(line)
    return sentences


def percentile(sorted_values, fraction):
    """Same rank rule as the Swift benchmark."""
    return sorted_values[min(len(sorted_values) - 1, round((len(sorted_values) - 1) * fraction))]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=os.path.join(os.environ.get("NOVA_MODEL_DIR", "./models"), "all-MiniLM-L6-v2"))
    parser.add_argument("--corpus", default="Tests/Fixtures/minilm/reference.jsonl")
    parser.add_argument("--max-tokens", type=int, default=None)
    parser.add_argument("--sentence", default="SELECT id, total FROM invoices WHERE total > 1000 ORDER BY date DESC;")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    corpus = load_corpus(args.corpus)
    started = time.perf_counter()
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(args.model, device="cpu")
    load_seconds = time.perf_counter() - started
    rss_after_load = memory_mib("VmRSS")
    if args.max_tokens is not None:
        corpus = [text for text in corpus
                  if len(model.tokenizer(text, truncation=True, max_length=model.max_seq_length)["input_ids"]) <= args.max_tokens]

    def embed(texts):
        return model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)

    sentence_tokens = len(model.tokenizer(args.sentence, truncation=True, max_length=model.max_seq_length)["input_ids"])
    with torch.inference_mode():
        for _ in range(20):
            embed([args.sentence])
        latencies = []
        for _ in range(args.runs):
            start = time.perf_counter()
            embed([args.sentence])
            latencies.append((time.perf_counter() - start) * 1000)
        latencies.sort()

        batches = [corpus[i:i + 32] for i in range(0, len(corpus), 32)]
        for batch in batches:
            embed(batch)
        embedded, batch_seconds = 0, 0.0
        while batch_seconds < args.seconds:
            start = time.perf_counter()
            for batch in batches:
                embed(batch)
            batch_seconds += time.perf_counter() - start
            embedded += len(corpus)

    throughput = embedded / batch_seconds
    token_counts = [len(ids) for ids in model.tokenizer(corpus, truncation=True, max_length=model.max_seq_length)["input_ids"]]
    result = {
        "implementation": "python",
        "versions": f"torch {torch.__version__}, sentence-transformers {sys.modules['sentence_transformers'].__version__}",
        "torch_threads": torch.get_num_threads(),
        "sentence_tokens": sentence_tokens,
        "single_p50_ms": percentile(latencies, 0.5),
        "single_p99_ms": percentile(latencies, 0.99),
        "batch32_sentences_per_s": throughput,
        "batch32_ms_per_sentence": 1000 / throughput,
        "corpus_sentences": len(corpus),
        "corpus_mean_tokens": statistics.mean(token_counts),
        "load_s": load_seconds,
        "rss_after_load_mib": rss_after_load,
        "rss_after_run_mib": memory_mib("VmRSS"),
        "peak_rss_mib": memory_mib("VmHWM"),
    }
    print(json.dumps(result, sort_keys=True))
    print(
        f"python: single ({sentence_tokens} tokens) p50 {result['single_p50_ms']:.2f} ms p99 {result['single_p99_ms']:.2f} ms; "
        f"batch-32 {throughput:.1f} sentences/s ({1000 / throughput:.2f} ms each); "
        f"RSS {rss_after_load:.0f} MiB after load, peak {result['peak_rss_mib']:.0f} MiB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
