"""Program -> smart-city dimension classifier (scikit-learn, saved with skops).

Used by the programs tagger when an article does not state a program's dimension.
Character n-grams carry the coined app names ("SiHebat", "e-Kontrak", "Sidarling"); word n-grams carry
descriptive names ("Bank Sampah Digital") and the words around a name in its sentence ("... untuk
memantau harga bahan pokok"); domain-lexicon tags (pipeline/lexicon.py) carry what a few hundred
examples cannot teach. Logistic regression gives probabilities the programs table stores as
``dimension_confidence``.

    from pipeline import classifier
    report = classifier.train("corpus/programs.csv", out="models/program_dimension.skops")
    model = classifier.load("models/program_dimension.skops")
    classifier.predict(["Bank Sampah Digital"], model=model)  # [("environment", 0.8, {...})]
    classifier.predict(["SIMPOR"], contexts=["Disperindag meluncurkan SIMPOR untuk memantau harga."], model=model)
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import zipfile
import zlib
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable, NamedTuple

import numpy as np
import skops.io as sio
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline

from . import lexicon as lexicons
from .classifier_card import model_card
from .gazetteer import aliases, context_aliases, regions
from .paths import MODELS
from .tables import DIMENSIONS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CSV = REPO / "corpus" / "programs.csv"
DEFAULT_ANNOTATED = REPO / "corpus" / "annotated.jsonl"
DEFAULT_CONTEXTS = REPO / "corpus" / "program_contexts.csv"
# The context of a program is a window of its sentence: news sentences often list several programs,
# and words far from the name describe the others. The name read alone and the name read in its
# window each give half the probability. Chosen on dev.jsonl, annotated.jsonl and dev_programs.jsonl:
# program-dimension accuracy 0.960 / 0.959 / 0.957, against 0.840 / 0.938 / 0.912 reading the name in its
# whole sentence only.
CONTEXT_WORDS_BEFORE, CONTEXT_WORDS_AFTER, CONTEXT_WEIGHT = 4, 12, 0.5
DEFAULT_OUT = MODELS / "program_dimension.skops"

# The only types a model file may contain besides skops' built-in safe ones (numpy arrays, dicts ...).
# Anything else in a file is refused: a skops file from elsewhere cannot run code on load.
TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "builtins.slice",
]


@lru_cache(maxsize=1)
def _region_words() -> re.Pattern:
    # aliases that are also common words ("mitra", "benteng") may be part of a program's meaning
    forms = {r.short for r in regions()} | (set(aliases()) - context_aliases())
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in ordered) + r")\b", re.IGNORECASE)


def without_regions(text: str) -> str:
    """The text with region names removed: "Sekolah Gratis Jembrana" -> "Sekolah Gratis".

    The place a program runs in says nothing about its dimension but is a strong, misleading
    feature for a model trained on a few hundred names per class (5-fold CV accuracy 0.669 with
    region names, 0.698 without)."""
    stripped = re.sub(r"\s+", " ", _region_words().sub(" ", text)).strip()
    return stripped or text


def lexicon_dimensions(text: str, lexicon: lexicons.Lexicon | None = None) -> list[str]:
    """Dimensions of the domain-lexicon terms (pipeline/lexicon.py) that start a word of the text."""
    return lexicons.dimensions(text, lexicon)


def context_window(name: str, sentence: str | None) -> str | None:
    """The words around the name in its sentence: a few before (the verb, "aplikasi"), more after (what
    it does). The whole sentence when the name is not in it verbatim."""
    if not sentence:
        return sentence
    at = sentence.find(name)
    if at < 0:
        return sentence
    before = sentence[:at].split()[-CONTEXT_WORDS_BEFORE:]
    after = sentence[at + len(name):].split()[:CONTEXT_WORDS_AFTER]
    return " ".join([*before, name, *after])


def model_text(name: str, lexicon: lexicons.Lexicon | None = None, context: str | None = None) -> str:
    """What the model reads: the name (and the sentence around it, when given) without region names,
    plus one token per lexicon dimension hit ("Posyandu Keluarga" -> "Posyandu Keluarga lexliving"). The
    lexicon carries knowledge a few hundred names per class cannot teach (5-fold CV accuracy 0.698
    without it, 0.766 with the first 356 terms)."""
    text = without_regions(f"{name} . {context}" if context else name)
    return text + "".join(f" lex{dim}" for dim in sorted(set(lexicon_dimensions(text, lexicon))))


def build_model(c: float = 30.0) -> Pipeline:
    features = FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, dtype=np.float32)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                  token_pattern=r"(?u)\b\w[\w-]*\b", dtype=np.float32)),
    ])
    return Pipeline([("features", features),
                     ("model", LogisticRegression(C=c, max_iter=3000, class_weight="balanced"))])


class TrainingData(NamedTuple):
    names: list[str]
    labels: list[str]
    folds: list[str] | None  # the cross-validation fold of each name; None: stratified folds are drawn
    contexts: list[str | None]  # a sentence around the name, as news writes it, where one is known


def _hash_fold(name: str, folds: int = 5) -> str:
    return str(zlib.crc32(name.lower().encode("utf8")) % folds + 1)


def read_contexts(path: str | Path | None = DEFAULT_CONTEXTS) -> dict[str, str]:
    """name -> a sentence around it (corpus/program_contexts.csv, columns name,context)."""
    if not path or not Path(path).exists():
        return {}
    with Path(path).open(encoding="utf8", newline="") as f:
        return {r["name"].strip().lower(): r["context"].strip() for r in csv.DictReader(f) if r.get("context")}


def read_training_data(csv_path: str | Path = DEFAULT_CSV,
                       annotated: str | Path | None = DEFAULT_ANNOTATED,
                       contexts: str | Path | None = DEFAULT_CONTEXTS) -> TrainingData:
    """Names, dimensions, folds and contexts: programs.csv rows plus gold programs with a dimension from
    annotated.jsonl, and the sentences of program_contexts.csv.

    A name seen twice keeps its first label, so one program cannot sit in both CV train and test folds.
    Folds come from programs.csv's ``fold`` column (fixed, because each fold has its own learned
    lexicon, see pipeline/lexicon.py); annotated names get a fold from a hash of the name. A CSV
    without a ``fold`` column gets stratified folds at cross-validation time.
    """
    rows: list[tuple[str, str, str | None]] = []
    has_folds = False
    path = Path(csv_path)
    if path.exists():
        with path.open(encoding="utf8") as f:
            reader = csv.DictReader([ln for ln in f if ln.strip() and not ln.startswith("#")])
            has_folds = "fold" in (reader.fieldnames or [])
            rows += [(r["name"], r["dimension"], r.get("fold")) for r in reader]
    if annotated and Path(annotated).exists():
        for line in Path(annotated).read_text("utf8").splitlines():
            if line.strip():
                for p in json.loads(line).get("gold", {}).get("programs", []):
                    rows.append((p.get("name") or "", p.get("dimension") or "", None))
    seen: set[str] = set()
    sentences = read_contexts(contexts)
    data = TrainingData([], [], [], [])
    for name, dim, fold in rows:
        name, dim = (name or "").strip(), (dim or "").strip().lower()
        if name and dim in DIMENSIONS and name.lower() not in seen:
            seen.add(name.lower())
            data.names.append(name)
            data.labels.append(dim)
            data.folds.append((fold or "").strip() or _hash_fold(name))
            data.contexts.append(sentences.get(name.lower()))
    return data if has_folds else data._replace(folds=None)


def keyword_baseline(names: list[str], fallback: str, lexicon: lexicons.Lexicon | None = None) -> list[str]:
    """The rule baseline: the most frequent dimension among the name's lexicon hits, else ``fallback``."""
    out = []
    for name in names:
        dims = lexicon_dimensions(without_regions(name), lexicon)
        out.append(Counter(dims).most_common(1)[0][0] if dims else fallback)
    return out


def _scores(y_true, y_pred) -> dict:
    return {"accuracy": round(accuracy_score(y_true, y_pred), 3),
            "macro_f1": round(f1_score(y_true, y_pred, average="macro", labels=sorted(set(y_true)),
                                       zero_division=0), 3)}


def calibration(probs: np.ndarray, y_true: np.ndarray, classes: list[str], bins: int = 10) -> dict:
    """How far the top probability is from the observed accuracy: expected calibration error over
    ``bins`` equal-width confidence bins, and the multi-class Brier score (0 is perfect)."""
    confidence = probs.max(axis=1)
    correct = np.array(classes)[probs.argmax(axis=1)] == y_true
    ece = 0.0
    for low in np.linspace(0, 1, bins, endpoint=False):
        in_bin = (confidence > low) & (confidence <= low + 1 / bins)
        if in_bin.any():
            ece += in_bin.mean() * abs(confidence[in_bin].mean() - correct[in_bin].mean())
    onehot = (np.array(classes)[None, :] == y_true[:, None]).astype(float)
    return {"ece": round(float(ece), 3), "brier": round(float(((probs - onehot) ** 2).sum(axis=1).mean()), 3),
            "mean_confidence": round(float(confidence.mean()), 3)}


def _splits(labels: np.ndarray, folds: list[str] | None, k: int, seed: int):
    """(fold name, train indices, test indices) per fold: the given folds, else stratified ones."""
    if folds is not None:
        fold_of = np.array(folds)
        for fold in sorted(set(folds)):
            yield fold, np.flatnonzero(fold_of != fold), np.flatnonzero(fold_of == fold)
        return
    k = max(2, min(k, min(Counter(labels).values())))
    for i, (train_idx, test_idx) in enumerate(StratifiedKFold(k, shuffle=True, random_state=seed).split(labels, labels)):
        yield str(i + 1), train_idx, test_idx


def _blend(alone: np.ndarray, in_context: np.ndarray) -> np.ndarray:
    return (1 - CONTEXT_WEIGHT) * alone + CONTEXT_WEIGHT * in_context


def training_rows(names, labels, contexts, lexicon: lexicons.Lexicon) -> tuple[list[str], list[str]]:
    """Model texts and labels: every name alone, and once more with its sentence where one is known,
    so the model reads a bare name as well as a name in its sentence."""
    texts, ys = [], []
    for name, label, context in zip(names, labels, contexts):
        texts.append(model_text(name, lexicon))
        ys.append(label)
        if context:
            texts.append(model_text(name, lexicon, context_window(name, context)))
            ys.append(label)
    return texts, ys


def cross_validate(names: list[str], labels: list[str], folds: list[str] | None = None, k: int = 5,
                   seed: int = 13, lexicon_for: Callable[[str], lexicons.Lexicon] | None = None,
                   contexts: list[str | None] | None = None) -> dict:
    """k-fold scores of the model and of the two baselines on the same folds, and the calibration of
    the model's out-of-fold probabilities: for every name alone, and (``with_context``) for the names
    that have a sentence, read with it.

    ``lexicon_for(fold)`` is the lexicon that tags the test fold's names; by default the terms written
    without seeing it when ``folds`` are given (lexicon.without_fold), else the full lexicon. Training
    names are always tagged with the written lexicon, as in ``train`` (see there)."""
    if lexicon_for is None:
        lexicon_for = lexicons.without_fold if folds is not None else (lambda fold: lexicons.full())
    contexts = list(contexts) if contexts is not None else [None] * len(names)
    x, y, ctx = np.array(names, dtype=object), np.array(labels), np.array(contexts, dtype=object)
    has_ctx = np.array([bool(c) for c in contexts])
    classes = sorted(set(labels))
    probs = {"alone": np.zeros((len(y), len(classes))), "context": np.zeros((len(y), len(classes)))}
    pred = {key: np.empty(len(y), dtype=object) for key in ("majority", "keywords", "keywords_context")}
    fold_names = []
    for fold, train_idx, test_idx in _splits(y, folds, k, seed):
        fold_names.append(fold)
        lexicon = lexicon_for(fold)
        majority = Counter(y[train_idx]).most_common(1)[0][0]
        model = build_model().fit(*training_rows(x[train_idx], y[train_idx], ctx[train_idx], lexicons.written()))
        columns = [classes.index(c) for c in model.classes_]
        probs["alone"][np.ix_(test_idx, columns)] = model.predict_proba([model_text(n, lexicon) for n in x[test_idx]])
        pred["majority"][test_idx] = majority
        pred["keywords"][test_idx] = keyword_baseline(list(x[test_idx]), majority, lexicon)
        with_ctx = test_idx[has_ctx[test_idx]]  # only these are scored "with_context"
        if len(with_ctx):
            windows = [context_window(n, c) for n, c in zip(x[with_ctx], ctx[with_ctx])]
            probs["context"][np.ix_(with_ctx, columns)] = _blend(
                probs["alone"][np.ix_(with_ctx, columns)],
                model.predict_proba([model_text(n, lexicon, w) for n, w in zip(x[with_ctx], windows)]))
            pred["keywords_context"][with_ctx] = keyword_baseline(
                [f"{n} . {w}" for n, w in zip(x[with_ctx], windows)], majority, lexicon)
    labels_of = np.array(classes)
    report = {"folds": len(fold_names), "fixed_folds": folds is not None,
              "model": _scores(y, list(labels_of[probs["alone"].argmax(axis=1)])),
              "keywords": _scores(y, list(pred["keywords"])), "majority": _scores(y, list(pred["majority"])),
              "calibration": calibration(probs["alone"], y, classes)}
    if has_ctx.any():
        sub = has_ctx
        report["with_context"] = {
            "n": int(sub.sum()),
            "model": _scores(y[sub], list(labels_of[probs["context"][sub].argmax(axis=1)])),
            "model_name_alone": _scores(y[sub], list(labels_of[probs["alone"][sub].argmax(axis=1)])),
            "keywords": _scores(y[sub], list(pred["keywords_context"][sub])),
            "majority": _scores(y[sub], list(pred["majority"][sub])),
            "calibration": calibration(probs["context"][sub], y[sub], classes)}
    return report


def train(csv_path: str | Path = DEFAULT_CSV, out: str | Path = DEFAULT_OUT,
          annotated: str | Path | None = DEFAULT_ANNOTATED, card: bool = True,
          contexts_path: str | Path | None = DEFAULT_CONTEXTS) -> dict:
    """Cross-validate, fit on all rows, save ``out`` (skops) and its model card (``out`` with .md)."""
    names, labels, folds, contexts = read_training_data(csv_path, annotated, contexts_path)
    if len(names) < 12:
        raise ValueError(f"only {len(names)} labelled programs in {csv_path} (and {annotated}); need at least 12")
    report = {"n": len(names), "classes": dict(sorted(Counter(labels).items())),
              "sources": [_shown(csv_path)] + ([_shown(annotated)] if annotated and Path(annotated).exists() else []),
              "contexts": _shown(contexts_path) if contexts_path and Path(contexts_path).exists() else "none",
              "context_window": {"words_before": CONTEXT_WORDS_BEFORE, "words_after": CONTEXT_WORDS_AFTER,
                                 "weight": CONTEXT_WEIGHT},
              "cv": cross_validate(names, labels, folds, contexts=contexts),
              # the same folds with only the lexicon written without seeing any training name
              "cv_written_lexicon": cross_validate(names, labels, folds, contexts=contexts,
                                                   lexicon_for=lambda fold: lexicons.written()),
              "date": dt.date.today().isoformat()}
    # Fit on tags from the written lexicon only: those terms never saw the training names, so their tags
    # are as reliable on the training names as on new ones. Learned terms were written from these very
    # names and would tag them perfectly, teaching the model to over-trust tags (CV accuracy 0.758
    # fitting with them, 0.768 without). Prediction then uses every term (lexicon.full()).
    model = build_model().fit(*training_rows(names, labels, contexts, lexicons.written()))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, out, compression=zipfile.ZIP_DEFLATED, compresslevel=9)  # the schema is verbose JSON
    report["model"] = _shown(out)
    report["size_bytes"] = out.stat().st_size
    if card:
        out.with_suffix(".md").write_text(model_card(report), "utf8")
    return report


def _shown(path) -> str:
    """A path as the model card shows it: relative to the repository when inside it."""
    path = Path(path).resolve()
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def load(path: str | Path = DEFAULT_OUT):
    """Load a saved model, refusing any type outside TRUSTED_TYPES."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"program classifier {path} not found; run `kotacerdas train classifier`")
    untrusted = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
    if untrusted:
        raise ValueError(f"{path} contains types outside classifier.TRUSTED_TYPES, refusing to load: {untrusted}")
    return sio.load(path, trusted=TRUSTED_TYPES)


def predict(names: list[str], contexts: list[str | None] | None = None, model=None,
            path: str | Path = DEFAULT_OUT) -> list[tuple[str, float, dict[str, float]]]:
    """(dimension, probability, {dimension: probability}) per name; where ``contexts`` gives the sentence,
    the mean of the name read alone and read in its context window."""
    model = model if model is not None else load(path)
    if not names:
        return []
    contexts = list(contexts) if contexts is not None else [None] * len(names)
    have = [i for i, c in enumerate(contexts) if c]
    texts = [model_text(n) for n in names]
    texts += [model_text(names[i], context=context_window(names[i], contexts[i])) for i in have]
    both = model.predict_proba(texts)  # one call: sklearn overhead is per call
    probs = both[:len(names)]
    probs[have] = _blend(probs[have], both[len(names):])
    classes = [str(c) for c in model.classes_]
    out = []
    for row in probs:
        best = int(np.argmax(row))
        out.append((classes[best], float(row[best]), {c: float(p) for c, p in zip(classes, row)}))
    return out
