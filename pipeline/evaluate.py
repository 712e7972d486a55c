"""Score the pipeline against annotated articles (format: ../shared/eval/GOLD_FORMAT.md).

regions, dates, dimensions: sets per article (regions compared ignoring case and spaces; relative
dates — "kemarin", "pekan depan", note "relative: ..." — are not scored: gold lists explicit dates only).
officials: one-to-one by name similarity >= 0.85 (degrees already removed on both sides).
programs: one-to-one by name similarity >= 0.8, or one name containing the other and covering
>= 60 % of it, after dropping generic leading words; plus dimension accuracy over matched
programs whose gold dimension is not null. Micro precision / recall / F1 over all articles.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from .extract import extract
from .ingest import from_record

GENERIC_LEADING = re.compile(r"^(?:aplikasi|program|inovasi|layanan|sistem informasi)\s+", re.I)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def load_gold(path: str | Path) -> list[dict]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf8").splitlines(), start=1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return out


def _norm_region(name: str) -> str:
    return re.sub(r"\s+", "", name).lower()


def _set_score(score: Score, art_id: str, gold: set, pred: set) -> None:
    score.tp += len(gold & pred)
    for g in sorted(gold - pred):
        score.fn += 1
        score.errors.append((art_id, "missed", g))
    for p in sorted(pred - gold):
        score.fp += 1
        score.errors.append((art_id, "spurious", p))


def _similar(a: str, b: str) -> float:
    return fuzz.ratio(a.lower(), b.lower()) / 100


def program_key(name: str) -> str:
    return GENERIC_LEADING.sub("", name.strip()).strip()


def _programs_match(a: str, b: str) -> bool:
    a, b = program_key(a).lower(), program_key(b).lower()
    if _similar(a, b) >= 0.8:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and short in long_ and len(short) / len(long_) >= 0.6


def _match(gold: list, pred: list, same) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, most similar pairs first."""
    pairs = sorted(((_similar(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if same(g, p)), reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _list_score(score: Score, art_id: str, gold: list[str], pred: list[str], same) -> list:
    matched = _match(gold, pred, same)
    score.tp += len(matched)
    mg, mp = {i for i, _ in matched}, {j for _, j in matched}
    for i, g in enumerate(gold):
        if i not in mg:
            score.fn += 1
            score.errors.append((art_id, "missed", g))
    for j, p in enumerate(pred):
        if j not in mp:
            score.fp += 1
            score.errors.append((art_id, "spurious", p))
    return matched


def evaluate(gold_path: str | Path, nlp=None) -> dict:
    """Run the pipeline on the gold articles; return scores per table and the error lists."""
    gold_articles = load_gold(gold_path)
    articles = [from_record({k: g.get(k) for k in ("id", "text", "title", "published")} | {"url": g.get("source_url")})
                for g in gold_articles]
    tables = extract(articles, nlp)
    scores = {t: Score() for t in ("regions", "officials", "dates", "dimensions", "programs")}
    dim_ok = dim_total = 0
    dim_errors = []
    for g in gold_articles:
        aid, gold = g["id"], g["gold"]

        def pred(table):
            df = tables[table]
            return df[df.article_id == aid]

        _set_score(scores["regions"], aid, {_norm_region(x) for x in gold["regions"]},
                   {_norm_region(x) for x in pred("regions")["name"].dropna()})
        dates = pred("dates")
        dates = dates[~dates.note.fillna("").str.startswith("relative:")]  # gold lists explicit dates only
        _set_score(scores["dates"], aid, set(gold["dates"]), set(dates["value"].dropna()))
        dims = pred("dimensions")
        _set_score(scores["dimensions"], aid, set(gold["dimensions"]),
                   set(dims["dimension"]) - {"other"})
        officials = pred("officials").drop_duplicates(subset=["name", "role_normalized"])
        _list_score(scores["officials"], aid, [o["name"] for o in gold["officials"]],
                    list(officials["name"].dropna()), lambda a, b: _similar(a, b) >= 0.85)
        programs = pred("programs").drop_duplicates(subset=["name"])
        gold_programs = gold["programs"]
        pred_names = list(programs["name"].fillna(""))
        pred_dims = list(programs["dimension"])
        matched = _list_score(scores["programs"], aid, [p["name"] for p in gold_programs],
                              pred_names, _programs_match)
        for i, j in matched:
            want = gold_programs[i]["dimension"]
            if want is not None:
                dim_total += 1
                dim_ok += pred_dims[j] == want
                if pred_dims[j] != want:
                    dim_errors.append((aid, gold_programs[i]["name"], want, pred_dims[j]))
    report = {t: s.as_dict() for t, s in scores.items()}
    report["program_dimension_accuracy"] = {
        "accuracy": round(dim_ok / dim_total, 4) if dim_total else 0.0, "n": dim_total}
    report["articles"] = len(gold_articles)
    errors = {t: s.errors for t, s in scores.items()}
    errors["program_dimension"] = dim_errors
    return {"scores": report, "errors": errors}
