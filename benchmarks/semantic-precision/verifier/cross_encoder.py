"""A cross-encoder cache-hit verifier fine-tuned from the built-in all-MiniLM-L6-v2 (issue #20, point 1).

A (query prompt, cached prompt) pair is read as one sequence, "[CLS] a [SEP] b [SEP]" (token type 0 for a and its
[SEP], 1 for b), so every token of one prompt attends to the other's. The lower layers are MiniLM's, frozen; the
top TOP_LAYERS layers start from MiniLM's weights and are trained, with a linear head on the [CLS] state and the
mean of all token states (and, with crisp=True, the crisp readers of features.py). The score of a pair is the mean of
the probabilities of both orders, so it is symmetric.

Why only the top layers: the frozen layers' output of every pair is computed once and cached, so a training step
costs the top layers alone (a 2-core machine shared with builds trains a fold in minutes); and the trained part is
small enough to commit (one layer in float16: 3.5 MB).

Deterministic: seeded initialisation and batch order, float32 on 2 threads; the trained weights are rounded to
float16 before anything is scored with them, so the scores of training and of `score.py` are the same.
"""
import hashlib
import json
import math
import os
import struct
import sys

os.environ.setdefault("OMP_NUM_THREADS", "2")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "other-model"))
from encode import load_safetensors  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SETS_DIR = os.path.abspath(os.path.join(HERE, ".."))
DEFAULT_MODEL_DIR = os.path.join(os.environ.get("NOVA_MODEL_DIR", os.path.join(REPO, "models")), "all-MiniLM-L6-v2")
CACHE_DIR = os.environ.get("VERIFIER_CACHE", os.path.join(os.environ.get("TMPDIR", "/tmp"), "nova-cross-cache"))

SEED = 20
LAYERS = 6
TOP_LAYERS = 1               # trained layers; the 6 - TOP_LAYERS below them stay MiniLM's
MAX_SIDE_TOKENS = 48         # per prompt, [CLS]/[SEP] included: a pair is at most 95 tokens
EPOCHS = 8                   # each epoch reads every pair once, in an order drawn per pair (a, b or b, a)
BATCH = 32
LEARNING_RATE = 3e-4         # the top layer's
HEAD_LEARNING_RATE = 3e-3    # the head's, which starts from random weights
WEIGHT_DECAY = 0.01
HIDDEN = 384
HEADS = 12
EPS = 1e-12

torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))


def load_pairs(path):
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def repository_sets():
    """The fifteen labelled sets of the repository, in the order of their README."""
    return [os.path.join(SETS_DIR, "pairs.jsonl")] + [os.path.join(SETS_DIR, f"heldout{i}.jsonl")
                                                      for i in range(1, 15)]


def data_version(paths):
    """sha256 over the training files, in order, each as its file name and bytes."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(os.path.basename(path).encode() + b"\0")
        digest.update(open(path, "rb").read())
    return digest.hexdigest()


def search_text(prompt):
    """nova-rag's search text of a prompt with an empty input schema (SearchText.make)."""
    return f"Prompt: {prompt}\n\nInput Schema:\n{{}}"


# --------------------------------------------------------------------------------------------------------------------
# MiniLM in torch: the frozen lower layers and the layer computation the trained top layers share.

def layer_norm(x, weight, bias):
    return torch.nn.functional.layer_norm(x, (HIDDEN,), weight, bias, EPS)


def bert_layer(x, additive_mask, p):
    """One BERT layer; `p` maps the layer's parameter names (without "encoder.layer.N.") to tensors; x [B, T, 384]."""
    batch, length, _ = x.shape
    size = HIDDEN // HEADS

    def dense(value, name):
        return value @ p[name + ".weight"].T + p[name + ".bias"]

    q, k, v = (dense(x, "attention.self." + n).view(batch, length, HEADS, size).transpose(1, 2)
               for n in ("query", "key", "value"))
    scores = q @ k.transpose(-1, -2) / math.sqrt(size) + additive_mask
    context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(batch, length, HIDDEN)
    x = layer_norm(dense(context, "attention.output.dense") + x,
                   p["attention.output.LayerNorm.weight"], p["attention.output.LayerNorm.bias"])
    inner = dense(torch.nn.functional.gelu(dense(x, "intermediate.dense")), "output.dense")
    return layer_norm(inner + x, p["output.LayerNorm.weight"], p["output.LayerNorm.bias"])


def layer_parameters(weights, index):
    prefix = f"encoder.layer.{index}."
    return {name[len(prefix):]: value for name, value in weights.items() if name.startswith(prefix)}


class MiniLM:
    """The built-in model's weights (frozen) and tokenizer."""

    def __init__(self, directory=DEFAULT_MODEL_DIR):
        tensors = load_safetensors(os.path.join(directory, "model.safetensors"))
        prefix = "" if "embeddings.word_embeddings.weight" in tensors else "bert."
        self.weights = {name[len(prefix):]: torch.tensor(np.array(value, dtype=np.float32))
                        for name, value in tensors.items()}
        self.model_sha256 = hashlib.sha256(open(os.path.join(directory, "model.safetensors"), "rb").read()).hexdigest()
        self.tokenizer = Tokenizer.from_file(os.path.join(directory, "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.vocab = self.tokenizer.get_vocab()

    def ids(self, text, limit):
        ids = self.tokenizer.encode(text).ids
        return ids[: limit - 1] + ids[-1:] if len(ids) > limit else ids

    def pair_ids(self, a, b):
        """ids and token types of "[CLS] a [SEP] b [SEP]", each side cut to MAX_SIDE_TOKENS keeping its [SEP]."""
        first, second = self.ids(a, MAX_SIDE_TOKENS), self.ids(b, MAX_SIDE_TOKENS)[1:]
        return first + second, [0] * len(first) + [1] * len(second)

    def run(self, sequences, layers, batch=64):
        """Hidden states after `layers` layers for each (ids, types) sequence, as float32 arrays [tokens, 384]."""
        w = self.weights
        order = sorted(range(len(sequences)), key=lambda i: len(sequences[i][0]))
        out = [None] * len(sequences)
        with torch.no_grad():
            for start in range(0, len(order), batch):
                chunk = [sequences[i] for i in order[start:start + batch]]
                ids, types, mask = padded(chunk)
                length = ids.shape[1]
                x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
                     + w["embeddings.token_type_embeddings.weight"][types])
                x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
                additive = additive_mask(mask)
                for index in range(layers):
                    x = bert_layer(x, additive, layer_parameters(w, index))
                for row, i in enumerate(order[start:start + batch]):
                    out[i] = x[row, : len(sequences[i][0])].numpy().copy()
        return out

    def sentence_vectors(self, texts):
        """Unit mean-pooled last-layer vectors, as nova-rag's built-in embedder computes them."""
        states = self.run([(self.ids(t, 256), [0] * len(self.ids(t, 256))) for t in texts], LAYERS)
        vectors = np.stack([s.mean(0) for s in states])
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def padded(sequences):
    length = max(len(ids) for ids, _ in sequences)
    ids = torch.zeros(len(sequences), length, dtype=torch.long)
    types = torch.zeros(len(sequences), length, dtype=torch.long)
    mask = torch.zeros(len(sequences), length)
    for row, (i, t) in enumerate(sequences):
        ids[row, : len(i)] = torch.tensor(i)
        types[row, : len(t)] = torch.tensor(t)
        mask[row, : len(i)] = 1
    return ids, types, mask


def additive_mask(mask):
    return ((1.0 - mask) * -1e9)[:, None, None, :]


# --------------------------------------------------------------------------------------------------------------------
# Cached inputs: the frozen layers' output of every pair in both orders, and retrieval cosines.

class PairInputs:
    """For each pair: the frozen layers' states in both orders and the crisp features."""

    def __init__(self, model, pairs):
        self.pairs = pairs
        self.y = np.array([1.0 if p.get("same") else 0.0 for p in pairs], dtype=np.float32)
        lower = LAYERS - TOP_LAYERS
        keys = [pair_key(p["a"], p["b"], lower) for p in pairs] + [pair_key(p["b"], p["a"], lower) for p in pairs]
        sequences = [model.pair_ids(p["a"], p["b"]) for p in pairs] + [model.pair_ids(p["b"], p["a"]) for p in pairs]
        states = cached(keys, lambda missing: model.run([sequences[i] for i in missing], lower), "states")
        self.forward, self.backward = states[: len(pairs)], states[len(pairs):]
        self.types_forward = [sequences[i][1] for i in range(len(pairs))]
        self.types_backward = [sequences[len(pairs) + i][1] for i in range(len(pairs))]
        self.crisp = crisp_matrix(model, pairs)


def pair_key(a, b, lower):
    return hashlib.sha256(json.dumps([a, b, lower, MAX_SIDE_TOKENS]).encode()).hexdigest()[:24]


def cached(keys, compute, kind):
    """Values by key from CACHE_DIR/<kind>/, computing (in one call) those not stored yet."""
    directory = os.path.join(CACHE_DIR, kind)
    os.makedirs(directory, exist_ok=True)
    missing = [i for i, k in enumerate(keys) if not os.path.exists(os.path.join(directory, k + ".npy"))]
    if missing:
        for i, value in zip(missing, compute(missing)):
            np.save(os.path.join(directory, keys[i] + ".npy"), value)
    return [np.load(os.path.join(directory, k + ".npy")) for k in keys]


def retrieval_cosines(model, pairs):
    """Cosine of the two prompts' search texts as written ("Prompt: …\\n\\nInput Schema:\\n{}"), built-in model.
    nova-rag embeds a canonical reading first (SearchText.embedded), which only the Swift code computes."""
    texts = sorted({search_text(p[s]) for p in pairs for s in ("a", "b")})
    keys = [hashlib.sha256(t.encode()).hexdigest()[:24] for t in texts]
    vectors = dict(zip(texts, cached(keys, lambda missing: list(model.sentence_vectors([texts[i] for i in missing])),
                                     "sentences")))
    return np.array([float(vectors[search_text(p["a"])] @ vectors[search_text(p["b"])]) for p in pairs])


CRISP_NAMES = ["number_mismatch", "number_one_side", "literal_mismatch", "currency_mismatch", "currency_order",
               "comparison_direction", "comparison_strictness", "comparison_one_side", "negation_parity"]


def crisp_matrix(model, pairs):
    """The crisp readers of features.py (numbers, literals, currencies and their order, comparisons, negation)."""
    from features import crisp_features
    return np.array([[crisp_features(p["a"], p["b"], model.vocab)[n] for n in CRISP_NAMES] for p in pairs],
                    dtype=np.float32)


# --------------------------------------------------------------------------------------------------------------------
# The trained part.

class Verifier(torch.nn.Module):
    """The top TOP_LAYERS layers (from MiniLM's weights) and a linear head on [CLS] ++ mean (++ crisp features)."""

    def __init__(self, model, crisp):
        super().__init__()
        self.crisp = crisp
        self.layers = torch.nn.ModuleList()
        for index in range(LAYERS - TOP_LAYERS, LAYERS):
            layer = torch.nn.ParameterDict({name.replace(".", "__"): torch.nn.Parameter(value.clone())
                                            for name, value in layer_parameters(model.weights, index).items()})
            self.layers.append(layer)
        inputs = 2 * HIDDEN + (len(CRISP_NAMES) if crisp else 0)
        self.head = torch.nn.Linear(inputs, 1)
        torch.nn.init.normal_(self.head.weight, std=0.02)
        torch.nn.init.zeros_(self.head.bias)

    def forward(self, states, mask, crisp):
        additive = additive_mask(mask)
        x = states
        for layer in self.layers:
            x = bert_layer(x, additive, {name.replace("__", "."): value for name, value in layer.items()})
        mean = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        features = [x[:, 0], mean] + ([crisp] if self.crisp else [])
        return self.head(torch.cat(features, 1)).squeeze(1)

    def round_to_float16(self):
        with torch.no_grad():
            for parameter in self.parameters():
                parameter.copy_(parameter.half().float())


def batch_tensors(states_list, crisp_rows):
    length = max(len(s) for s in states_list)
    states = torch.zeros(len(states_list), length, HIDDEN)
    mask = torch.zeros(len(states_list), length)
    for row, s in enumerate(states_list):
        states[row, : len(s)] = torch.from_numpy(s)
        mask[row, : len(s)] = 1
    return states, mask, torch.from_numpy(np.asarray(crisp_rows, dtype=np.float32))


def train(model, inputs, indices, crisp, seed=SEED, log=None):
    """A verifier trained on the pairs `indices` of `inputs`; deterministic for a seed."""
    torch.manual_seed(seed)
    generator = np.random.default_rng(seed)
    verifier = Verifier(model, crisp)
    optimizer = torch.optim.AdamW([dict(params=verifier.layers.parameters(), lr=LEARNING_RATE),
                                   dict(params=verifier.head.parameters(), lr=HEAD_LEARNING_RATE)],
                                  weight_decay=WEIGHT_DECAY)
    steps = EPOCHS * math.ceil(len(indices) / BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: max(0.0, 1.0 - step / steps))
    positives = float(inputs.y[indices].mean())
    weight = torch.tensor((1 - positives) / positives)  # class-balanced loss
    indices = np.asarray(indices)
    verifier.train()
    for epoch in range(EPOCHS):
        order = indices[generator.permutation(len(indices))]
        flips = generator.random(len(order)) < 0.5
        total = 0.0
        for start in range(0, len(order), BATCH):
            rows, flip = order[start:start + BATCH], flips[start:start + BATCH]
            chunk = [inputs.backward[i] if f else inputs.forward[i] for i, f in zip(rows, flip)]
            states, mask, crisp_rows = batch_tensors(chunk, inputs.crisp[rows])
            logits = verifier(states, mask, crisp_rows)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, torch.from_numpy(inputs.y[rows]), pos_weight=weight)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += float(loss) * len(rows)
        if log:
            log(f"  epoch {epoch + 1}: loss {total / len(order):.4f}")
    verifier.round_to_float16()
    verifier.eval()
    return verifier


def score(verifier, inputs, indices, batch=64):
    """Mean of the probabilities of both orders for the pairs `indices`."""
    indices = np.asarray(indices)
    out = np.zeros(len(indices))
    with torch.no_grad():
        for start in range(0, len(indices), batch):
            rows = indices[start:start + batch]
            probabilities = []
            for states in (inputs.forward, inputs.backward):
                tensors = batch_tensors([states[i] for i in rows], inputs.crisp[rows])
                probabilities.append(torch.sigmoid(verifier(*tensors)).numpy())
            out[start:start + len(rows)] = (probabilities[0] + probabilities[1]) / 2
    return out


# --------------------------------------------------------------------------------------------------------------------
# The committed weights: a safetensors file (float16) whose metadata holds the configuration and the decision rule.

def save(verifier, path, metadata):
    tensors = {}
    for index, layer in zip(range(LAYERS - TOP_LAYERS, LAYERS), verifier.layers):
        for name, value in layer.items():
            tensors[f"encoder.layer.{index}.{name.replace('__', '.')}"] = value.detach()
    tensors["head.weight"] = verifier.head.weight.detach()
    tensors["head.bias"] = verifier.head.bias.detach()
    header, blobs, offset = {"__metadata__": {k: json.dumps(v) for k, v in metadata.items()}}, [], 0
    for name in sorted(tensors):
        blob = tensors[name].numpy().astype(np.float16).tobytes()
        header[name] = {"dtype": "F16", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as file:
        file.write(struct.pack("<Q", len(encoded)) + encoded + b"".join(blobs))


def load(model, path):
    """(verifier, metadata) from a file written by save."""
    with open(path, "rb") as file:
        size = struct.unpack("<Q", file.read(8))[0]
        metadata = {k: json.loads(v) for k, v in json.loads(file.read(size))["__metadata__"].items()}
    if metadata["top_layers"] != TOP_LAYERS or metadata["max_side_tokens"] != MAX_SIDE_TOKENS:
        raise SystemExit(f"{path}: made with top_layers {metadata['top_layers']}, max_side_tokens "
                         f"{metadata['max_side_tokens']}; this script has {TOP_LAYERS}, {MAX_SIDE_TOKENS}")
    tensors = load_safetensors(path)
    verifier = Verifier(model, metadata["crisp"])
    with torch.no_grad():
        for index, layer in zip(range(LAYERS - TOP_LAYERS, LAYERS), verifier.layers):
            for name, value in layer.items():
                value.copy_(torch.tensor(tensors[f"encoder.layer.{index}.{name.replace('__', '.')}"].astype(np.float32)))
        verifier.head.weight.copy_(torch.tensor(tensors["head.weight"].astype(np.float32)))
        verifier.head.bias.copy_(torch.tensor(tensors["head.bias"].astype(np.float32)))
    verifier.eval()
    return verifier, metadata
