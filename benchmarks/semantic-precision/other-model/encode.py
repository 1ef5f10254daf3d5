"""Sentence embeddings of a sentence-transformers checkpoint (BERT or MPNet, mean pooling, unit length) in plain
numpy, to measure how another embedding model than nova-rag's built-in MiniLM decides cache hits (run.sh).

    encode.py check <model dir> <reference.jsonl>   vectors of the reference sentences; fails below cosine 0.9999
    encode.py embed <model dir> <texts.json> <out>  {key: text} → {key: vector}
"""
import json
import math
import struct
import sys
import time

import numpy as np
from tokenizers import Tokenizer

MAX_TOKENS = 256
DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def load_safetensors(path):
    with open(path, "rb") as file:
        header_size = struct.unpack("<Q", file.read(8))[0]
        header = json.loads(file.read(header_size))
        data = file.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(data[start:end], dtype=DTYPES[entry["dtype"]]).reshape(entry["shape"])
    return tensors


def layer_norm(x, weight, bias, epsilon):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + epsilon) * weight + bias


def erf(x):
    """Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7)."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1 / (1 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1 - poly * np.exp(-x * x))


def gelu(x):
    return 0.5 * x * (1 + erf(x / math.sqrt(2)))


def relative_position_buckets(length, buckets=32, max_distance=128):
    """MPNet's bidirectional relative-position buckets (as T5's), for every query row and key column."""
    relative = np.arange(length)[None, :] - np.arange(length)[:, None]
    half = buckets // 2
    result = (relative > 0).astype(np.int64) * half
    distance = np.abs(relative)
    exact = half // 2
    scaled = exact + (np.log(np.maximum(distance, 1) / exact) / math.log(max_distance / exact) * (half - exact))
    large = np.minimum(scaled.astype(np.int64), half - 1)
    return result + np.where(distance < exact, distance, large)


class Encoder:
    def __init__(self, directory):
        self.config = json.load(open(f"{directory}/config.json"))
        self.mpnet = self.config["model_type"] == "mpnet"
        tensors = load_safetensors(f"{directory}/model.safetensors")
        prefix = "" if "embeddings.word_embeddings.weight" in tensors else ("mpnet." if self.mpnet else "bert.")
        self.weights = {name[len(prefix):]: value.astype(np.float32) for name, value in tensors.items()}
        self.tokenizer = Tokenizer.from_file(f"{directory}/tokenizer.json")
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def tokens(self, text):
        ids = self.tokenizer.encode(text).ids
        return ids if len(ids) <= MAX_TOKENS else ids[: MAX_TOKENS - 1] + ids[-1:]

    def embed(self, text):
        w, config = self.weights, self.config
        ids = np.array(self.tokens(text))
        length, hidden = len(ids), config["hidden_size"]
        heads = config["num_attention_heads"]
        head_size = hidden // heads
        epsilon = config.get("layer_norm_eps", 1e-12)
        x = w["embeddings.word_embeddings.weight"][ids]
        if self.mpnet:
            x = x + w["embeddings.position_embeddings.weight"][np.arange(length) + config["pad_token_id"] + 1]
            bias = w["encoder.relative_attention_bias.weight"][relative_position_buckets(length)].transpose(2, 0, 1)
            names = ("attention.attn.q", "attention.attn.k", "attention.attn.v", "attention.attn.o", "attention.LayerNorm")
        else:
            x = x + w["embeddings.position_embeddings.weight"][:length] + w["embeddings.token_type_embeddings.weight"][0]
            bias = 0
            names = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                     "attention.output.LayerNorm")
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], epsilon)

        def dense(value, name):
            return value @ w[name + ".weight"].T + w[name + ".bias"]

        for index in range(config["num_hidden_layers"]):
            layer = f"encoder.layer.{index}."
            query, key, value = (dense(x, layer + n).reshape(length, heads, head_size).transpose(1, 0, 2)
                                 for n in names[:3])
            scores = query @ key.transpose(0, 2, 1) / math.sqrt(head_size) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ value).transpose(1, 0, 2).reshape(length, hidden)
            norm = layer + names[4]
            x = layer_norm(dense(context, layer + names[3]) + x, w[norm + ".weight"], w[norm + ".bias"], epsilon)
            inner = dense(gelu(dense(x, layer + "intermediate.dense")), layer + "output.dense")
            x = layer_norm(inner + x, w[layer + "output.LayerNorm.weight"], w[layer + "output.LayerNorm.bias"], epsilon)
        mean = x.mean(0)
        return mean / max(np.linalg.norm(mean), 1e-12)


def check(directory, reference):
    encoder = Encoder(directory)
    worst = 1.0
    for line in open(reference):
        row = json.loads(line)
        if encoder.tokens(row["text"]) != row["input_ids"]:
            sys.exit(f"token ids differ for {row['text'][:60]!r}")
        worst = min(worst, float(encoder.embed(row["text"]) @ np.array(row["embedding"])))
    print(f"encode.py: lowest cosine to the reference vectors {worst:.6f}")
    if worst < 0.9999:
        sys.exit("encode.py: the encoder does not reproduce the reference")


def embed(directory, texts_file, out_file):
    encoder = Encoder(directory)
    texts = json.load(open(texts_file))
    started = time.time()
    vectors = {key: [round(float(v), 7) for v in encoder.embed(text)] for key, text in texts.items()}
    json.dump(vectors, open(out_file, "w"))
    print(f"encode.py: embedded {len(vectors)} texts with {directory} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    {"check": check, "embed": embed}[sys.argv[1]](*sys.argv[2:])
