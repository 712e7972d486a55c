"""Person / organisation / location NER, trained with spaCy on Indonesian news NER data.

``kotacerdas train ner`` trains on idner-news-2k (MIT; cased news, PER/ORG/LOC, BIO) from
``../shared/data/ner/idner-news-2k`` (train.txt, dev.txt, test.txt: ``token UPOS TAG`` per line),
keeps the epoch that scores best on dev, reports P/R/F1 on the held-out test split and saves the
pipeline to ``models/ner`` (the officials tagger reads its PER spans). The dataset is not copied
into the project: get it from https://github.com/khairunnisaor/idner-news-2k when it is missing.
"""
from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example, biluo_tags_to_spans, iob_to_biluo
from spacy.util import minibatch

DEFAULT_DATA = Path("../shared/data/ner/idner-news-2k")
DOWNLOAD_HINT = ("idner-news-2k not found at {path}. Download train.txt, dev.txt and test.txt from "
                 "https://github.com/khairunnisaor/idner-news-2k into that folder (or pass --data).")


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences as (words, BIO tags) from a whitespace-separated file, tag in the last column."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                yield words, tags
            words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        yield words, tags


def to_examples(nlp, sentences) -> list[Example]:
    out = []
    for words, tags in sentences:
        pred = Doc(nlp.vocab, words=words)
        ref = Doc(nlp.vocab, words=words)
        ref.ents = biluo_tags_to_spans(ref, iob_to_biluo(tags))
        out.append(Example(pred, ref))
    return out


def gold_person_examples(nlp, path: Path) -> list[Example]:
    """Sentences of the project's annotated articles with their officials' names as PER.

    Only the names are known for sure: other capitalised tokens may be unannotated organisations
    or places, so they are marked missing (not O) and the model learns nothing false from them.
    """
    from .annotate import make_doc
    from .language import set_sentence_starts

    tok_nlp = _tokenizing_nlp()
    out = []
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.strip():
            continue
        art = json.loads(line)
        names = {o["name"] for o in art["gold"]["officials"]}
        doc = set_sentence_starts(make_doc(tok_nlp, art["text"]))
        for sent in doc.sents:
            words = [t.text for t in sent if not t.is_space]
            if not words:
                continue
            ref = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent if not t.is_space])
            people = []
            for name in names:
                for start in _find_all(ref.text, name):
                    span = ref.char_span(start, start + len(name), label="PER")
                    if span is not None:
                        people.append(span)
            if not people:
                continue
            people = spacy.util.filter_spans(people)
            inside = {i for sp in people for i in range(sp.start, sp.end)}
            missing = [ref[i:i + 1] for i, t in enumerate(ref) if i not in inside and (t.is_title or t.is_upper)]
            ref.set_ents(people, missing=missing, default="outside")
            out.append(Example(Doc(nlp.vocab, words=words), ref))
    return out


def _find_all(text: str, needle: str) -> Iterator[int]:
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


def _tokenizing_nlp():
    from .nlp import load_nlp

    return load_nlp()


def _scores(nlp, examples) -> dict:
    s = nlp.evaluate(examples)
    per_type = {k: {m: round(v[m], 4) for m in ("p", "r", "f")} for k, v in s["ents_per_type"].items()}
    return {"p": round(s["ents_p"], 4), "r": round(s["ents_r"], 4), "f": round(s["ents_f"], 4),
            "per_type": per_type}


def train(data: Path = DEFAULT_DATA, out: Path = Path("models/ner"), epochs: int = 25,
          seed: int = 13, log=print, extra: Path | None = None) -> dict:
    """Train, keep the best-on-dev epoch, score on test, save to ``out``. Returns the report."""
    files = {split: data / f"{split}.txt" for split in ("train", "dev", "test")}
    if not all(p.exists() for p in files.values()):
        raise FileNotFoundError(DOWNLOAD_HINT.format(path=data))
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("id")
    nlp.add_pipe("ner")
    train_ex = to_examples(nlp, read_conll(files["train"]))
    n_extra = 0
    if extra is not None:
        extra_ex = gold_person_examples(nlp, extra)
        n_extra = len(extra_ex)
        train_ex += extra_ex
    dev_ex = to_examples(nlp, read_conll(files["dev"]))
    test_ex = to_examples(nlp, read_conll(files["test"]))
    optimizer = nlp.initialize(lambda: train_ex)
    best, best_bytes, started = -1.0, None, time.perf_counter()
    for epoch in range(epochs):
        random.shuffle(train_ex)
        losses: dict = {}
        for batch in minibatch(train_ex, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        dev = _scores(nlp, dev_ex)
        log(f"epoch {epoch + 1:>2}  loss {losses['ner']:8.1f}  dev P {dev['p']:.3f} R {dev['r']:.3f} F {dev['f']:.3f}")
        if dev["f"] > best:
            best, best_bytes = dev["f"], nlp.to_bytes()
    nlp.from_bytes(best_bytes)
    report = {
        "data": str(data), "epochs": epochs, "seed": seed,
        "train_sentences": len(train_ex), "extra": str(extra) if extra else None,
        "extra_sentences": n_extra, "dev": _scores(nlp, dev_ex), "test": _scores(nlp, test_ex),
        "train_seconds": round(time.perf_counter() - started),
    }
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "kotacerdas_ner"
    nlp.meta["performance"] = report["test"]
    nlp.to_disk(out)
    (out / "scores.json").write_text(json.dumps(report, indent=2))
    return report
