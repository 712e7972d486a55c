"""The NER model: the committed one finds people in news sentences; the train command works."""
from pathlib import Path

import pytest
import spacy

from pipeline.ner import read_conll, train

MODEL = Path(__file__).resolve().parent.parent / "models" / "ner"


@pytest.fixture(scope="module")
def ner():
    return spacy.load(MODEL)


def people(ner, text):
    return [e.text for e in ner(text).ents if e.label_ == "PER"]


def test_committed_model_finds_people(ner):
    found = people(ner, "Kepala Dinas Kominfo Kota Depok , Sidik Mulyono , mengatakan program itu berjalan baik .")
    assert "Sidik Mulyono" in found
    assert people(ner, "Menurut Herryandi Sinulingga , aplikasi itu sudah diunduh ribuan warga .") == ["Herryandi Sinulingga"]
    assert people(ner, "Aplikasi itu sudah diunduh ribuan warga sejak tahun lalu .") == []


def test_committed_model_scores_are_recorded():
    import json
    scores = json.loads((MODEL / "scores.json").read_text())
    assert scores["test"]["per_type"]["PER"]["f"] > 0.7


def test_train_command_builds_a_model_from_conll(tmp_path):
    rows = [
        "Gubernur PROPN O\nSumatera PROPN B-LOC\nSelatan PROPN I-LOC\nHerman PROPN B-PER\nDeru PROPN I-PER\nhadir VERB O\n",
        "Wali NOUN O\nKota NOUN O\nPalembang PROPN B-LOC\nHarnojoyo PROPN B-PER\nberbicara VERB O\n",
        "Kepala NOUN O\nDiskominfo PROPN B-ORG\nRudi PROPN B-PER\nmenjelaskan VERB O\n",
    ]
    for split in ("train", "dev", "test"):
        (tmp_path / f"{split}.txt").write_text("\r\n".join("\n".join(rows).splitlines()) + "\r\n", encoding="utf8")
    assert len(list(read_conll(tmp_path / "train.txt"))) == 3
    report = train(tmp_path, tmp_path / "model", epochs=2, log=lambda *_: None)
    assert (tmp_path / "model" / "meta.json").exists()
    assert set(report["test"]) >= {"p", "r", "f"}
    assert spacy.load(tmp_path / "model").pipe_names == ["ner"]


def test_missing_data_says_where_to_get_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="idner-news-2k"):
        train(tmp_path / "nope", tmp_path / "model", epochs=1)
