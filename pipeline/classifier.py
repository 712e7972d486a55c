"""Program -> smart-city dimension classifier (scikit-learn, saved with skops).

Used by the programs tagger when an article does not state a program's dimension.
Character n-grams carry the coined app names ("SiHebat", "e-Kontrak", "Sidarling"); word n-grams carry
descriptive names ("Bank Sampah Digital"). Logistic regression gives probabilities the programs table
stores as ``dimension_confidence``.

    from pipeline import classifier
    report = classifier.train("corpus/programs.csv", out="models/program_dimension.skops")
    model = classifier.load("models/program_dimension.skops")
    classifier.predict(["Bank Sampah Digital"], model=model)  # [("environment", 0.8, {...})]
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
from .gazetteer import aliases, context_aliases, regions
from .tables import DIMENSIONS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CSV = REPO / "corpus" / "programs.csv"
DEFAULT_ANNOTATED = REPO / "corpus" / "annotated.jsonl"
DEFAULT_OUT = REPO / "models" / "program_dimension.skops"

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
# How much the sentence around a program counts against its name when ``contexts`` are given:
# the model is trained on names, so the name stays the main evidence.
CONTEXT_WEIGHT = 0.25


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


def model_text(name: str, lexicon: lexicons.Lexicon | None = None) -> str:
    """What the model reads: the name without region names, plus one token per lexicon dimension hit
    ("Posyandu Keluarga" -> "Posyandu Keluarga lexliving"). The lexicon carries knowledge a few hundred
    names per class cannot teach (5-fold CV accuracy 0.698 without it, 0.766 with the first 356 terms)."""
    text = without_regions(name)
    return text + "".join(f" lex{dim}" for dim in sorted(set(lexicon_dimensions(text, lexicon))))


def build_model(c: float = 10.0) -> Pipeline:
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


def _hash_fold(name: str, folds: int = 5) -> str:
    return str(zlib.crc32(name.lower().encode("utf8")) % folds + 1)


def read_training_data(csv_path: str | Path = DEFAULT_CSV,
                       annotated: str | Path | None = DEFAULT_ANNOTATED) -> TrainingData:
    """Names, dimensions and folds: programs.csv rows plus gold programs with a dimension from annotated.jsonl.

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
    data = TrainingData([], [], [])
    for name, dim, fold in rows:
        name, dim = (name or "").strip(), (dim or "").strip().lower()
        if name and dim in DIMENSIONS and name.lower() not in seen:
            seen.add(name.lower())
            data.names.append(name)
            data.labels.append(dim)
            data.folds.append((fold or "").strip() or _hash_fold(name))
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


def cross_validate(names: list[str], labels: list[str], folds: list[str] | None = None, k: int = 5,
                   seed: int = 13, lexicon_for: Callable[[str], lexicons.Lexicon] | None = None) -> dict:
    """k-fold scores of the model and of the two baselines on the same folds, and the calibration of
    the model's out-of-fold probabilities.

    ``lexicon_for(fold)`` is the lexicon that tags the test fold's names; by default the terms written
    without seeing it when ``folds`` are given (lexicon.without_fold), else the full lexicon. Training
    names are always tagged with the written lexicon, as in ``train`` (see there)."""
    if lexicon_for is None:
        lexicon_for = lexicons.without_fold if folds is not None else (lambda fold: lexicons.full())
    x, y = np.array(names, dtype=object), np.array(labels)
    classes = sorted(set(labels))
    probs = np.zeros((len(y), len(classes)))
    pred = {"majority": np.empty(len(y), dtype=object), "keywords": np.empty(len(y), dtype=object)}
    fold_names = []
    for fold, train_idx, test_idx in _splits(y, folds, k, seed):
        fold_names.append(fold)
        lexicon = lexicon_for(fold)
        majority = Counter(y[train_idx]).most_common(1)[0][0]
        model = build_model().fit([model_text(n, lexicons.written()) for n in x[train_idx]], y[train_idx])
        columns = [classes.index(c) for c in model.classes_]
        probs[np.ix_(test_idx, columns)] = model.predict_proba([model_text(n, lexicon) for n in x[test_idx]])
        pred["majority"][test_idx] = majority
        pred["keywords"][test_idx] = keyword_baseline(list(x[test_idx]), majority, lexicon)
    pred = {"model": np.array(classes)[probs.argmax(axis=1)], **pred}
    return {"folds": len(fold_names), "fixed_folds": folds is not None,
            **{name: _scores(y, list(v)) for name, v in pred.items()},
            "calibration": calibration(probs, y, classes)}


def train(csv_path: str | Path = DEFAULT_CSV, out: str | Path = DEFAULT_OUT,
          annotated: str | Path | None = DEFAULT_ANNOTATED, card: bool = True) -> dict:
    """Cross-validate, fit on all rows, save ``out`` (skops) and its model card (``out`` with .md)."""
    names, labels, folds = read_training_data(csv_path, annotated)
    if len(names) < 12:
        raise ValueError(f"only {len(names)} labelled programs in {csv_path} (and {annotated}); need at least 12")
    report = {"n": len(names), "classes": dict(sorted(Counter(labels).items())),
              "sources": [_shown(csv_path)] + ([_shown(annotated)] if annotated and Path(annotated).exists() else []),
              "cv": cross_validate(names, labels, folds),
              # the same folds with only the lexicon written without seeing any training name
              "cv_written_lexicon": cross_validate(names, labels, folds, lexicon_for=lambda fold: lexicons.written()),
              "date": dt.date.today().isoformat()}
    # Fit on tags from the written lexicon only: those terms never saw the training names, so their tags
    # are as reliable on the training names as on new ones. Learned terms were written from these very
    # names and would tag them perfectly, teaching the model to over-trust tags (CV accuracy 0.758
    # fitting with them, 0.768 without). Prediction then uses every term (lexicon.full()).
    model = build_model().fit([model_text(n, lexicons.written()) for n in names], labels)
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


def model_card(report: dict) -> str:
    cv, written = report["cv"], report.get("cv_written_lexicon")
    rows = [f"| {name} | {cv[key]['accuracy']:.3f} | {cv[key]['macro_f1']:.3f} |" for name, key in
            (("model", "model"), ("keywords (rule baseline)", "keywords"), ("majority class", "majority"))]
    if written:
        rows.insert(1, f"| model, written lexicon only | {written['model']['accuracy']:.3f} | "
                       f"{written['model']['macro_f1']:.3f} |")
    classes = ", ".join(f"{k} {v}" for k, v in report["classes"].items())
    folds = (f"{cv['folds']}-fold cross-validation on the fixed folds of the `fold` column" if cv.get("fixed_folds")
             else f"stratified {cv['folds']}-fold cross-validation")
    table = "\n".join(rows)
    return f"""# program_dimension.skops — program name → smart-city dimension

Classifies a program / innovation / app name into one of the six dimensions
({", ".join(DIMENSIONS)}). Used by the programs tagger (`pipeline/programs.py`) when the
article itself does not state the dimension; its probability becomes `dimension_confidence`.

- **Model**: region names removed and lexicon tags added (`model_text`; lexicon in
  `pipeline/lexicon.py`), then TF-IDF char_wb 2–5-grams + word 1–2-grams → LogisticRegression
  (C=10, class-balanced), see `pipeline/classifier.py::build_model`. Saved with skops; loaded only
  with an explicit list of trusted types (`classifier.TRUSTED_TYPES`), never pickle.
- **Lexicon**: `pipeline/data/dimension_lexicon.csv` was written from domain knowledge without seeing
  any training name. `pipeline/data/dimension_lexicon_learned.csv` was written by one annotator per
  fold, each reading only the other folds' names, so each test fold is scored with terms written
  without seeing it. This model uses all the terms.
- **Data**: {report["n"]} distinct program names ({classes}) from {", ".join(report["sources"])}.
  The evaluation set `../shared/eval/dev.jsonl` is not used for training.
- **Reproduce**: `kotacerdas train classifier` (= `pipeline.classifier.train()`), trained {report["date"]}.
- **Size**: {report["size_bytes"] / 1e6:.2f} MB.

## {folds[0].upper() + folds[1:]}

| predictor | accuracy | macro-F1 |
|---|---|---|
{table}

Calibration of the model's out-of-fold probabilities: mean top probability
{cv["calibration"]["mean_confidence"]:.3f} against accuracy {cv["model"]["accuracy"]:.3f}, expected calibration error
{cv["calibration"]["ece"]:.3f} (10 bins), multi-class Brier score {cv["calibration"]["brier"]:.3f}. So a
`dimension_confidence` of 0.8 means right about 80 % of the time; no separate calibration step is needed
(a sigmoid `CalibratedClassifierCV` on top made it worse: ECE 0.126).

`keywords` is the rule baseline on the same lexicon as the model in each fold (the most frequent dimension
among the name's lexicon terms, else the training folds' majority class); `majority` always predicts the
most frequent class.

## Limits
Names only (the sentence around a program is blended in at prediction time with weight
{CONTEXT_WEIGHT}); coined acronyms with no descriptive words ("SODAMOLEK") are guesses; the label
of a program follows the article that listed it, and regions file the same kind of program under
different dimensions (a city park is branding in one masterplan, living or environment in another).
"""


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
    """(dimension, probability, {dimension: probability}) per name; contexts, when given, blend in."""
    model = model if model is not None else load(path)
    if not names:
        return []
    have = [i for i, c in enumerate(contexts or []) if c]
    texts = [model_text(t) for t in [*names, *(contexts[i] for i in have)]]
    both = model.predict_proba(texts)  # one call: sklearn overhead is per call
    probs = both[:len(names)]
    if have:
        probs[have] = (1 - CONTEXT_WEIGHT) * probs[have] + CONTEXT_WEIGHT * both[len(names):]
    classes = [str(c) for c in model.classes_]
    out = []
    for row in probs:
        best = int(np.argmax(row))
        out.append((classes[best], float(row[best]), {c: float(p) for c, p in zip(classes, row)}))
    return out
