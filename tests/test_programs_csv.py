"""The classifier's training list, corpus/programs.csv, keeps its documented contract (corpus/PROGRAMS.md)."""
import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.gazetteer import regions
from pipeline.tables import DIMENSIONS

CSV = Path(__file__).resolve().parent.parent / "corpus" / "programs.csv"
PAGE = re.compile(r"^named in public web page https?://\S+ \(seen as search excerpt; not independently verified\)$")
OTHER_SOURCES = ("compiled from knowledge of public press coverage; not verified against a document",
                 "named in project brief as an example; not verified against a document")


@pytest.fixture(scope="module")
def rows():
    with CSV.open(encoding="utf8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["name", "dimension", "region", "source", "fold"]
        return list(reader)


def test_every_row_is_a_labelled_distinct_name(rows):
    assert all(r["dimension"] in DIMENSIONS for r in rows)
    assert all(r["name"] and r["name"] == r["name"].strip() for r in rows)
    counts = Counter(r["name"].lower() for r in rows)
    assert [n for n, c in counts.items() if c > 1] == []


def test_every_dimension_has_at_least_80_names(rows):
    counts = Counter(r["dimension"] for r in rows)
    assert set(counts) == set(DIMENSIONS) and min(counts.values()) >= 80


def test_regions_are_gazetteer_names(rows):
    names = {r.name for r in regions()}
    assert sorted({r["region"] for r in rows if r["region"] and r["region"] not in names}) == []


def test_every_row_says_where_it_came_from(rows):
    unknown = [r["name"] for r in rows if not PAGE.match(r["source"]) and r["source"] not in OTHER_SOURCES]
    assert unknown == []
    assert sum(bool(PAGE.match(r["source"])) for r in rows) >= 800


def test_every_fold_holds_every_dimension(rows):
    assert {r["fold"] for r in rows} == {"1", "2", "3", "4", "5"}
    per_fold = Counter((r["fold"], r["dimension"]) for r in rows)
    assert min(per_fold[(f, d)] for f in "12345" for d in DIMENSIONS) >= 20


def test_every_name_has_a_news_like_sentence_that_names_no_dimension(rows):
    with (CSV.parent / "program_contexts.csv").open(encoding="utf8", newline="") as f:
        contexts = {r["name"]: r["context"] for r in csv.DictReader(f)}
    assert set(contexts) == {r["name"] for r in rows}
    for name, sentence in contexts.items():
        short = re.split(r"\s*\(", name)[0]
        assert short in sentence or name in sentence, name
        rest = sentence.replace(name, " ").replace(short, " ")
        # the category is the label: a sentence may say what a program does, not which dimension it is in
        assert not re.search(r"\b(?:smart|dimensi)\b", rest, re.IGNORECASE), sentence
        assert 8 <= len(sentence.split()) <= 60, sentence
