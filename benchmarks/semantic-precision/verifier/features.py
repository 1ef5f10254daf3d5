"""Features of a (query prompt, cached prompt) pair for the learned cache-hit verifier (issue #20, point 1).

Feature set 1 is 20 values of two kinds; feature set 2 (the default) adds a joint encoding of the two prompts
(3 x 384 values, see JOINT below). All are symmetric in the two prompts (swapping them gives the same vector):

* Soft alignment of the prompts' contextual word vectors: both prompts run through the frozen built-in
  all-MiniLM-L6-v2 (last hidden layer, one vector per token); WordPiece pieces of one word are averaged into a word
  vector; for each word of one prompt its best cosine match among the other's words. The statistics of those best
  matches both ways (the worst-aligned content word, the second worst, the mean, the share left without a close
  counterpart), the contextual cosine of words written the same on both sides (a word that changes role, as a currency
  moving from "from" to "to", keeps its spelling but not its vector), and the sentence cosine of the mean-pooled
  vectors (what the built-in model's embedding of the prompt alone would score).
* Crisp signals, read with small general readers, not word lists made from the labelled pairs: numbers (digits and
  English/Spanish number words), quoted literals and identifiers (snake_case, file names, e-mail addresses, names
  mixing letters and digits), currency codes, symbols and names and their order, comparison operators and their
  direction, and the parity of negations.

"Content word": any word whose first WordPiece is outside the ~100 most frequent English words of the model's own
vocabulary (ids below 2100 of bert-base-uncased's frequency-ordered vocabulary: "the", "of", "and", "to", ...) or
made of several pieces. That is a property of the model, not of the data.

Usage as a module: `Extractor(model_dir).features(a, b)` -> numpy vector in the order of FEATURE_NAMES.
    python features.py "<prompt a>" "<prompt b>"       prints the features of one pair
"""
import hashlib
import json
import math
import os
import re
import sys
import unicodedata

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "other-model"))
from encode import gelu, layer_norm, load_safetensors  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DEFAULT_MODEL_DIR = os.path.join(os.environ.get("NOVA_MODEL_DIR", os.path.join(REPO, "models")), "all-MiniLM-L6-v2")
MAX_TOKENS = 256
FUNCTION_WORD_MAX_ID = 2100  # first piece id below this: one of the ~100 most frequent words of the vocabulary
# Feature set 2 (default) adds the joint encoding block; VERIFIER_FEATURES=1 gives run 1's feature set.
FEATURE_SET = int(os.environ.get("VERIFIER_FEATURES", "2"))
FEATURES_VERSION = f"verifier-features-{FEATURE_SET}"
JOINT_MAX_TOKENS = 127  # per prompt in the joint encoding, [CLS]/[SEP] included, so that both fit in 256

FEATURE_NAMES = [
    "sentence_cosine",          # cosine of the mean-pooled (sentence-transformers) embeddings of the two prompts
    "align_min",                # worst best-match cosine of a content word, over both directions
    "align_min_other",          # the same worst best-match in the other direction (the larger of the two minima)
    "align_second_min",         # second worst content word, over both directions
    "align_mean",               # mean best-match cosine of content words, averaged over both directions
    "align_all_mean",           # mean best-match cosine of all words (function words included)
    "align_low_share",          # share of content words whose best match is below 0.6, both directions pooled
    "same_word_min_cosine",     # lowest contextual cosine between occurrences of one word written alike on both sides
    "unshared_content_share",   # share of content word forms found on one side only (exact spelling, folded)
    "unshared_content_max",     # larger count of content word forms found on one side only (capped at 6, / 6)
    "length_ratio",             # |log(content words of a / content words of b)|
    "number_mismatch",          # the multisets of numbers differ (both sides name numbers)
    "number_one_side",          # only one prompt names a number
    "literal_mismatch",         # a quoted literal or identifier of one prompt is not in the other's text
    "currency_mismatch",        # the sets of currencies differ (both sides name one)
    "currency_order",           # same currencies, in a different order
    "comparison_direction",     # both prompts compare, one upwards (>, >=) the other downwards (<, <=), or = vs !=
    "comparison_strictness",    # same direction, one strict and the other not (> vs >=)
    "comparison_one_side",      # only one prompt has a comparison operator
    "negation_parity",          # the numbers of negations of the two prompts differ in parity
]
SCALAR_FEATURES = len(FEATURE_NAMES)
# JOINT encoding (feature set 2): both prompts in one MiniLM pass, "[CLS] a [SEP] b [SEP]", so that each prompt's
# tokens attend to the other's; the pass is run in both orders and the two results averaged (symmetric). Three
# 384-vectors of the last hidden layer: the [CLS] vector, the mean over all tokens, and the unit mean of the first
# prompt's tokens minus the unit mean of the second's (averaged over both orders: how much being read first changes
# a prompt, given the other).
if FEATURE_SET >= 2:
    FEATURE_NAMES = FEATURE_NAMES + [f"joint_cls_{i}" for i in range(384)] + [
        f"joint_mean_{i}" for i in range(384)] + [f"joint_order_{i}" for i in range(384)]


# --------------------------------------------------------------------------------------------------------------------
# The frozen encoder: MiniLM's last hidden layer for every token.

class MiniLM:
    """all-MiniLM-L6-v2 in numpy (the forward pass of ../other-model/encode.py, keeping every token's vector)."""

    def __init__(self, directory=DEFAULT_MODEL_DIR):
        self.directory = directory
        self.config = json.load(open(os.path.join(directory, "config.json")))
        tensors = load_safetensors(os.path.join(directory, "model.safetensors"))
        prefix = "" if "embeddings.word_embeddings.weight" in tensors else "bert."
        self.w = {name[len(prefix):]: value.astype(np.float32) for name, value in tensors.items()}
        self.tokenizer = Tokenizer.from_file(os.path.join(directory, "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.vocab = self.tokenizer.get_vocab()
        self.id_to_token = {i: t for t, i in self.vocab.items()}

    def encode(self, text):
        """(ids, word index of each token or None for [CLS]/[SEP], hidden states [tokens, 384])."""
        encoding = self.tokenizer.encode(text)
        ids, words = list(encoding.ids), list(encoding.word_ids)
        if len(ids) > MAX_TOKENS:
            ids, words = ids[: MAX_TOKENS - 1] + ids[-1:], words[: MAX_TOKENS - 1] + words[-1:]
        return ids, words, self.hidden(ids)

    def hidden(self, ids):
        w, config = self.w, self.config
        ids = np.array(ids)
        length, hidden = len(ids), config["hidden_size"]
        heads = config["num_attention_heads"]
        size = hidden // heads
        eps = config.get("layer_norm_eps", 1e-12)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)

        def dense(value, name):
            return value @ w[name + ".weight"].T + w[name + ".bias"]

        for index in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{index}."
            q, k, v = (dense(x, p + n).reshape(length, heads, size).transpose(1, 0, 2)
                       for n in ("attention.self.query", "attention.self.key", "attention.self.value"))
            scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(length, hidden)
            x = layer_norm(dense(context, p + "attention.output.dense") + x,
                           w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], eps)
            inner = dense(gelu(dense(x, p + "intermediate.dense")), p + "output.dense")
            x = layer_norm(inner + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
        return x.astype(np.float32)


def unit(v):
    return v / max(float(np.linalg.norm(v)), 1e-12)


class Encoded:
    """One prompt as the features read it: sentence vector, word vectors, word forms and which words are content."""

    def __init__(self, model, text):
        ids, _, hidden = model.encode(text)
        self.sentence = unit(hidden.mean(0))
        id_to_token = model.id_to_token
        # A word is a WordPiece without the "##" prefix and the continuation pieces after it ([CLS] and [SEP] left
        # out). This equals the tokenizer's own word_ids on all 3,462 prompts of the repository sets.
        groups, word = {}, -1
        for position in range(1, len(ids) - 1):
            if not id_to_token[ids[position]].startswith("##"):
                word += 1
            groups.setdefault(word, []).append(position)
        self.forms, self.vectors, self.content = [], [], []
        for word in sorted(groups):
            positions = groups[word]
            form = "".join(id_to_token[ids[p]].removeprefix("##") for p in positions)
            if not any(ch.isalnum() for ch in form):
                continue  # punctuation
            self.forms.append(form)
            self.vectors.append(unit(hidden[positions].mean(0)))
            self.content.append(len(positions) > 1 or ids[positions[0]] >= FUNCTION_WORD_MAX_ID)
        self.vectors = np.array(self.vectors, dtype=np.float32).reshape(-1, hidden.shape[1])
        self.content = np.array(self.content, dtype=bool)


# --------------------------------------------------------------------------------------------------------------------
# Soft alignment.

def alignment_features(x, y):
    if len(x.forms) == 0 or len(y.forms) == 0:
        return dict(align_min=0.0, align_min_other=0.0, align_second_min=0.0, align_mean=0.0, align_all_mean=0.0,
                    align_low_share=1.0, same_word_min_cosine=1.0)
    sims = x.vectors @ y.vectors.T
    best_xy, best_yx = sims.max(1), sims.max(0)
    content_xy = best_xy[x.content] if x.content.any() else best_xy
    content_yx = best_yx[y.content] if y.content.any() else best_yx
    pooled = np.sort(np.concatenate([content_xy, content_yx]))
    minima = sorted([float(content_xy.min()), float(content_yx.min())])
    same = [float(sims[i, j]) for i, fx in enumerate(x.forms) for j, fy in enumerate(y.forms)
            if fx == fy and x.content[i]]
    return dict(
        align_min=minima[0],
        align_min_other=minima[1],
        align_second_min=float(pooled[1]) if len(pooled) > 1 else float(pooled[0]),
        align_mean=0.5 * (float(content_xy.mean()) + float(content_yx.mean())),
        align_all_mean=0.5 * (float(best_xy.mean()) + float(best_yx.mean())),
        align_low_share=float((pooled < 0.6).mean()),
        same_word_min_cosine=min(same) if same else 1.0,
    )


def surface_features(x, y):
    fx = {fold(f) for f, c in zip(x.forms, x.content) if c}
    fy = {fold(f) for f, c in zip(y.forms, y.content) if c}
    union = fx | fy
    only_x, only_y = fx - fy, fy - fx
    return dict(
        unshared_content_share=len(only_x | only_y) / len(union) if union else 0.0,
        unshared_content_max=min(max(len(only_x), len(only_y)), 6) / 6.0,
        length_ratio=abs(math.log(max(int(x.content.sum()), 1) / max(int(y.content.sum()), 1))),
    )


# --------------------------------------------------------------------------------------------------------------------
# Crisp readers. General English/Spanish vocabulary only.

def fold(text):
    """Lower case without accents."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


NUMBER_WORDS = {
    # English
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1000000,
    # Spanish (accents folded)
    "cero": 0, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    "diez": 10, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
    "mil": 1000, "millon": 1000000, "millones": 1000000,
}
NUMBER_JOINERS = {"and", "y", "-"}
WORD_RE = re.compile(r"[^\W_]+|[-]", re.UNICODE)


def numbers(text):
    """The numbers a prompt names, as a sorted list of values: digits (1,000 = 1.000 = 1000 = 1k; 19,99 = 19.99) and
    number words ("twenty-one", "treinta y cinco", "five hundred")."""
    values = []
    for match in re.finditer(r"\d[\d.,]*\d|\d", text):
        raw = match.group(0)
        end = match.end()
        suffix = text[end:end + 1].lower() if end < len(text) else ""
        after = text[end + 1:end + 2] if end + 1 < len(text) else ""
        if re.fullmatch(r"\d{1,3}([,.]\d{3})+", raw):
            value = float(re.sub(r"[,.]", "", raw))
        elif re.fullmatch(r"\d+[,.]\d+", raw):
            value = float(raw.replace(",", "."))
        else:
            value = float(re.sub(r"[^\d]", "", raw) or 0)
        if suffix in ("k", "m") and not after.isalpha():
            value *= 1000 if suffix == "k" else 1000000
        values.append(value)
    words = [w for w in WORD_RE.findall(fold(text))]
    total, current, reading = 0, 0, False
    for word in words + ["."]:
        if word in NUMBER_WORDS:
            n = NUMBER_WORDS[word]
            if n == 100:
                current = max(current, 1) * 100
            elif n >= 1000:
                total += max(current, 1) * n
                current = 0
            else:
                current += n
            reading = True
        elif reading and word in NUMBER_JOINERS:
            continue
        elif reading and word in ("one", "uno", "un", "una") and current % 10 == 0 and current % 100 != 0:
            current += 1
        elif reading:
            values.append(float(total + current))
            total, current, reading = 0, 0, False
    return sorted(values)


QUOTED_RE = re.compile(r"""(?<!\w)['"`‘’“”«]([^'"`‘’“”«»\n]{1,60}?)['"`‘’“”»](?!\w)""")
IDENTIFIER_RE = re.compile(r"[\w.@/-]*\w")


def literals(text):
    """Quoted literals, and identifiers: words with an underscore, an @, a dot or slash inside, or mixing letters and
    digits (customer_id, report.csv, ap@acme.com, Sheet2)."""
    found = [m.group(1) for m in QUOTED_RE.finditer(text)]
    for token in IDENTIFIER_RE.findall(text):
        inner = token.strip(".-/")
        if re.search(r"[_@]|\w[./]\w", inner) or (re.search(r"[A-Za-z]", inner) and re.search(r"\d", inner)):
            found.append(inner)
    return [normalise_literal(f) for f in found if normalise_literal(f)]


def normalise_literal(text):
    return " ".join(re.sub(r"[_\-]+", " ", fold(text)).split())


def literal_missing(x_text, y_text):
    """True when a literal of one prompt is not found in the other prompt's text (both folded)."""
    nx, ny = normalise_literal(strip_quotes(x_text)), normalise_literal(strip_quotes(y_text))
    return any(lit not in ny for lit in literals(x_text)) or any(lit not in nx for lit in literals(y_text))


def strip_quotes(text):
    return re.sub(r"""['"`‘’“”«»]""", " ", text)


CURRENCY_CODES = {
    "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "nzd", "cny", "hkd", "sgd", "inr", "krw", "mxn", "brl", "ars",
    "clp", "cop", "pen", "sek", "nok", "dkk", "pln", "czk", "huf", "rub", "try", "zar", "aed", "sar", "ils", "thb",
}
CURRENCY_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₹": "inr", "₩": "krw", "₽": "rub"}
CURRENCY_NAMES = {
    "dollar": "usd", "dollars": "usd", "dolar": "usd", "dolares": "usd", "euro": "eur", "euros": "eur",
    "yen": "jpy", "sterling": "gbp", "libras": "gbp", "rupee": "inr", "rupees": "inr", "franc": "chf",
    "francs": "chf", "peso": "mxn", "pesos": "mxn", "yuan": "cny",
}


def currencies(text):
    """The currencies a prompt names, in order of appearance (ISO codes in capitals, symbols, common names)."""
    found = []
    for match in re.finditer(r"[$€£¥₹₩₽]|[A-Za-zÀ-ÿ]+", text):
        token = match.group(0)
        if token in CURRENCY_SYMBOLS:
            found.append(CURRENCY_SYMBOLS[token])
        elif token.isupper() and token.lower() in CURRENCY_CODES:
            found.append(token.lower())
        elif fold(token) in CURRENCY_NAMES:
            found.append(CURRENCY_NAMES[fold(token)])
    order = []
    for code in found:
        if code not in order:
            order.append(code)
    return order


NUM_AHEAD = r"(?=\s*(?:[$€£¥₹]\s*)?(?:\d|(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b))"
COMPARISONS = [  # (pattern on folded text, operator); word operators must be followed by a number
    (r">=|≥|=>", "ge"), (r"<=|≤|=<", "le"), (r"!=|≠|<>", "ne"), (r"(?<![<>!=])>(?!=)", "gt"),
    (r"(?<![<>!=])<(?![=>])", "lt"), (r"(?<![<>!=])==?(?![=>])", "eq"),
    (r"\b(?:at least|no less than|not less than|or more|al menos|como minimo|por lo menos)\b", "ge"),
    (r"\b(?:at most|no more than|not more than|or less|or fewer|como maximo|a lo sumo)\b", "le"),
    (r"\b(?:up to|hasta)" + NUM_AHEAD, "le"),
    (r"\b(?:more than|greater than|higher than|larger than|bigger than|above|over|exceeding|exceeds|exceed|"
     r"mas de|mas que|mayor que|mayores que|mayor a|superior a|superiores a|por encima de|supera|superen|"
     r"exceda|excedan)" + NUM_AHEAD, "gt"),
    (r"\b(?:less than|fewer than|lower than|smaller than|below|under|menos de|menos que|menor que|menores que|"
     r"menor a|inferior a|inferiores a|por debajo de)" + NUM_AHEAD, "lt"),
    (r"\b(?:equal to|equals|exactly|igual a|exactamente)\b", "eq"),
    (r"\b(?:not equal to|different from|other than|distinto de|diferente de)\b", "ne"),
]
DIRECTION = {"gt": "up", "ge": "up", "lt": "down", "le": "down", "eq": "eq", "ne": "ne"}


def comparisons(text):
    """The comparison operators of a prompt: symbols, and English/Spanish comparative phrases before a number."""
    folded = fold(text)
    ops = set()
    for pattern, op in COMPARISONS:
        if re.search(pattern, folded):
            ops.add(op)
    if "ne" in ops:
        ops.discard("eq")
    if "ge" in ops and re.search(r"\bor more\b", folded):
        ops.discard("gt")
    if "le" in ops and re.search(r"\bor (?:less|fewer)\b", folded):
        ops.discard("lt")
    return ops


NEGATIONS = {"not", "no", "never", "without", "none", "nor", "neither", "nothing", "nobody", "cannot",
             "nunca", "sin", "ningun", "ninguno", "ninguna", "ningunos", "ningunas", "ni", "jamas", "nada", "tampoco"}


def negation_count(text, vocab):
    """Negations: general English/Spanish negation words, "n't", "non-" and "un" before a word the model's vocabulary
    knows as a whole word of four letters or more ("unpaid", "unread", but not "under", "unique")."""
    folded = fold(text)
    count = len(re.findall(r"n't\b", folded))
    for word in re.findall(r"[a-z]+(?:-[a-z]+)?", folded):
        if word in NEGATIONS:
            count += 1
        elif word.startswith("non-") or (word.startswith("non") and word[3:] in vocab and len(word) > 6):
            count += 1
        elif word.startswith("un") and len(word) >= 6 and word[2:] in vocab:
            count += 1
    return count


def crisp_features(a, b, vocab):
    na, nb = numbers(a), numbers(b)
    ca, cb = currencies(a), currencies(b)
    oa, ob = comparisons(a), comparisons(b)
    da, db = {DIRECTION[o] for o in oa}, {DIRECTION[o] for o in ob}
    return dict(
        number_mismatch=float(bool(na) and bool(nb) and na != nb),
        number_one_side=float(bool(na) != bool(nb)),
        literal_mismatch=float(literal_missing(a, b)),
        currency_mismatch=float(bool(ca) and bool(cb) and set(ca) != set(cb)),
        currency_order=float(set(ca) == set(cb) and len(ca) > 1 and ca != cb),
        comparison_direction=float(bool(oa) and bool(ob) and da != db),
        comparison_strictness=float(bool(oa) and bool(ob) and da == db and oa != ob),
        comparison_one_side=float(bool(oa) != bool(ob)),
        negation_parity=float(negation_count(a, vocab) % 2 != negation_count(b, vocab) % 2),
    )


# --------------------------------------------------------------------------------------------------------------------

class Extractor:
    """Feature vectors of prompt pairs; keeps each prompt's encoding in memory (and optionally in a cache file)."""

    def __init__(self, model_dir=DEFAULT_MODEL_DIR, cache_dir=None):
        self.model = MiniLM(model_dir)
        self.cache = {}
        self.cache_dir = cache_dir

    def encoded(self, text):
        if text not in self.cache:
            self.cache[text] = Encoded(self.model, text)
        return self.cache[text]

    def named_features(self, a, b):
        x, y = self.encoded(a), self.encoded(b)
        values = dict(sentence_cosine=float(x.sentence @ y.sentence))
        values.update(alignment_features(x, y))
        values.update(surface_features(x, y))
        values.update(crisp_features(a, b, self.model.vocab))
        return values

    def features(self, a, b):
        values = self.named_features(a, b)
        scalars = np.array([values[name] for name in FEATURE_NAMES[:SCALAR_FEATURES]], dtype=np.float64)
        if FEATURE_SET < 2:
            return scalars
        return np.concatenate([scalars, 0.5 * (self.joint(a, b) + self.joint(b, a))])

    def joint(self, a, b):
        """[CLS] vector, mean vector, and unit mean of a's tokens minus unit mean of b's, of "[CLS] a [SEP] b [SEP]"."""
        ia = self.model.tokenizer.encode(a).ids
        ib = self.model.tokenizer.encode(b).ids
        ia = ia if len(ia) <= JOINT_MAX_TOKENS else ia[: JOINT_MAX_TOKENS - 1] + ia[-1:]
        ib = ib if len(ib) <= JOINT_MAX_TOKENS else ib[: JOINT_MAX_TOKENS - 1] + ib[-1:]
        hidden = self.model.hidden(ia + ib[1:]).astype(np.float64)
        first, second = hidden[1:len(ia) - 1], hidden[len(ia):-1]
        order = (unit(first.mean(0)) if len(first) else 0.0) - (unit(second.mean(0)) if len(second) else 0.0)
        return np.concatenate([hidden[0], hidden.mean(0), np.zeros(hidden.shape[1]) + order])

    def sentence_cosine(self, a, b):
        return float(self.encoded(a).sentence @ self.encoded(b).sentence)


def feature_matrix(extractor, pairs, cache_dir=None):
    """Feature vectors of many pairs, cached on disk by the pair's texts and FEATURES_VERSION."""
    cache_file = os.path.join(cache_dir, f"features-{FEATURES_VERSION}.json") if cache_dir else None
    cache = {}
    if cache_file and os.path.exists(cache_file):
        stored = json.load(open(cache_file))
        if stored.get("version") == FEATURES_VERSION and stored.get("names") == FEATURE_NAMES:
            cache = stored["rows"]
    rows, changed = [], False
    for pair in pairs:
        key = hashlib.sha256(json.dumps([pair["a"], pair["b"]]).encode()).hexdigest()[:24]
        if key not in cache:
            cache[key] = [float(v) for v in extractor.features(pair["a"], pair["b"])]
            changed = True
        rows.append(cache[key])
    if cache_file and changed:
        os.makedirs(os.path.dirname(cache_file), exist_ok=True)
        json.dump({"version": FEATURES_VERSION, "names": FEATURE_NAMES, "rows": cache}, open(cache_file, "w"))
    return np.array(rows, dtype=np.float64).reshape(len(pairs), len(FEATURE_NAMES))


if __name__ == "__main__":
    extractor = Extractor()
    for name, value in extractor.named_features(sys.argv[1], sys.argv[2]).items():
        print(f"{name:26s} {value: .4f}")
