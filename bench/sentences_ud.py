"""Sentence boundaries against Universal Dependencies Indonesian: rules vs a stanza model.

Consecutive UD sentences are joined into paragraphs of six (as running text), and each splitter's
sentence starts are compared with the gold ones (micro P/R/F1 over boundaries inside paragraphs).
UD test files are read from ../shared/data/ud/ (not shipped with the project).

Usage: python bench/sentences_ud.py [--stanza models/stanza_id_tokenizer.pt]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.nlp import load_nlp
from pipeline.stanza_sentences import read_conllu

UD = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud"
TESTS = ["id_csui-ud-test.conllu", "id_gsd-ud-test.conllu", "id_pud-ud-test.conllu"]


def paragraphs(sents, size: int = 6):
    """(text, gold sentence-start offsets) for groups of consecutive sentences."""
    for k in range(0, len(sents), size):
        text, starts = "", set()
        for sent in sents[k:k + size]:
            if text:
                text += " "
                starts.add(len(text))
            for j, (tok, space) in enumerate(sent):
                text += tok + (" " if space and j < len(sent) - 1 else "")
        yield text, starts


def score(splitter, nlp, paras) -> dict:
    tp = fp = fn = 0
    for text, gold in paras:
        doc = splitter(nlp.make_doc(text))
        pred = {s.start_char for s in doc.sents if s.start_char > 0}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, r = tp / (tp + fp or 1), tp / (tp + fn or 1)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r or 1), 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stanza", type=Path, default=None, help="a stanza tokenizer model to compare")
    args = ap.parse_args()
    nlp = load_nlp()
    splitters = {"rules": nlp.get_pipe("sentences")}
    if args.stanza:
        from pipeline.stanza_sentences import StanzaSentences
        splitters["stanza"] = StanzaSentences(args.stanza)
    for name in TESTS:
        path = UD / name
        if not path.exists():
            print(f"{name}: missing ({path})")
            continue
        paras = list(paragraphs(read_conllu(path)))
        print(name, {k: score(s, nlp, paras) for k, s in splitters.items()})


if __name__ == "__main__":
    main()
