"""Tune the regions tagger's fuzzy cut-off on data instead of guessing it.

Positives: every kabupaten/kota/provinsi name with one random typo (deletion, insertion,
substitution or swap of two neighbours; seed fixed), written after its trigger word in a
sentence ("Rapat digelar di Kabupaten Musi Banyuasn pekan ini."). Negatives: capitalised phrases
that follow "Kota"/"Kabupaten"/"Provinsi" in news without naming a region (corpus/fuzzy_negatives.txt).
For each cut-off it reports precision / recall / F1 of the fuzzy rescue alone and the share of
negatives it wrongly turns into regions. Non-region phrases after "Kota" are far more common in
real news than typos, so the chosen cut-off is the best F1 among those that fire on at most 5 % of
the negatives.

Usage: python bench/tune_fuzzy.py [--cutoffs 80,82,...]
"""
from __future__ import annotations

import argparse
import random
import string
from pathlib import Path

from pipeline.annotate import annotate
from pipeline.gazetteer import regions
from pipeline.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
TRIGGER = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}


def typo(word: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    i = rng.choice(letters[1:] or letters)  # keep the first letter: typos rarely hit it
    op = rng.choice(["delete", "insert", "substitute", "swap"])
    if op == "delete":
        return word[:i] + word[i + 1:]
    if op == "insert":
        return word[:i] + rng.choice(string.ascii_lowercase) + word[i:]
    if op == "substitute":
        return word[:i] + rng.choice(string.ascii_lowercase.replace(word[i].lower(), "")) + word[i + 1:]
    j = min(i + 1, len(word) - 1)
    return word[:i] + word[j] + word[i] + word[j + 1:] if j > i else word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def cases(seed: int = 7):
    rng = random.Random(seed)
    pos = []
    for r in regions():
        wrong = typo(r.short, rng)
        if wrong.lower().replace(" ", "") != r.short.lower().replace(" ", ""):
            pos.append((f"Rapat koordinasi digelar di {TRIGGER[r.kind]} {wrong} pekan ini.", r.name))
    neg = [(f"Program itu menjadikan {line.strip()} semakin dikenal warga.", None)
           for line in (ROOT / "corpus" / "fuzzy_negatives.txt").read_text(encoding="utf8").splitlines()
           if line.strip() and not line.startswith("#")]
    return pos, neg


def score(cutoff: int, pos, neg) -> dict:
    nlp = load_nlp(overrides={"components.regions.fuzzy_cutoff": cutoff})
    tp = fp = fn = neg_hits = 0
    for text, want in pos + neg:
        doc = annotate(nlp, text)
        got = [s._.regions["name"] for s in doc.spans["regions"] if s._.regions["evidence"].startswith("fuzzy")]
        if want is None:
            fp += len(got)
            neg_hits += bool(got)
        elif want in got:
            tp += 1
            fp += len(got) - 1
        else:
            fn += 1
            fp += len(got)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"cutoff": cutoff, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn,
            "negatives_hit": round(neg_hits / len(neg), 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cutoffs", default="70,75,80,82,84,86,88,90,92,94")
    args = ap.parse_args()
    pos, neg = cases()
    print(f"{len(pos)} typo'd region mentions, {len(neg)} non-region phrases")
    rows = [score(int(c), pos, neg) for c in args.cutoffs.split(",")]
    for row in rows:
        print(row)
    best = max((r for r in rows if r["negatives_hit"] <= 0.05), key=lambda r: (r["f1"], r["cutoff"]))
    print(f"best cut-off: {best['cutoff']} (F1 {best['f1']})")


if __name__ == "__main__":
    main()
