"""The optional stanza sentence splitter: data conversion always; model loading where stanza is installed
(`make test-stanza`). The model used here is a tiny one the test trains itself from its own sentences."""
from pathlib import Path

import pytest

from pipeline.stanza_sentences import read_conllu, to_stanza_files

SENTENCES = [
    ["Pemkab", "Muba", "meluncurkan", "aplikasi", "baru", "."],
    ["Bupati", "hadir", "di", "Sekayu", "."],
    ["Warga", "menyambut", "baik", "layanan", "itu", "."],
    ["Pemkot", "Palembang", "menyiapkan", "WiFi", "gratis", "."],
    ["Kegiatan", "berlangsung", "Rabu", "(", "15/11/2023", ")", "."],
    ["Diskominfo", "mendampingi", "seluruh", "OPD", "."],
]


def write_conllu(path: Path, sentences=SENTENCES) -> Path:
    blocks = []
    for n, words in enumerate(sentences, start=1):
        lines = [f"# sent_id = s{n}"]
        for i, w in enumerate(words, start=1):
            nxt = words[i] if i < len(words) else None
            no_space = nxt in {".", ",", ")"} or w == "("
            misc = "SpaceAfter=No" if no_space and nxt is not None else "_"
            head = "0" if i == 1 else "1"
            lines.append(f"{i}\t{w}\t{w.lower()}\tX\t_\t_\t{head}\t{'root' if i == 1 else 'dep'}\t_\t{misc}")
        blocks.append("\n".join(lines))
    path.write_text("\n\n".join(blocks) + "\n\n", encoding="utf8")
    return path


def test_conllu_becomes_text_and_character_labels(tmp_path):
    sents = read_conllu(write_conllu(tmp_path / "a.conllu"))
    assert sents[4][3:6] == [("(", False), ("15/11/2023", False), (")", False)]
    to_stanza_files(sents, tmp_path / "t.txt", tmp_path / "t.lab", per_paragraph=3, seed=1)
    texts = (tmp_path / "t.txt").read_text(encoding="utf8").rstrip("\n").split("\n\n")
    labels = (tmp_path / "t.lab").read_text(encoding="utf8").rstrip("\n").split("\n\n")
    assert len(texts) == 2
    all_cuts = []
    for text, lab in zip(texts, labels):
        assert len(text) == len(lab)
        ends = [i for i, c in enumerate(lab) if c == "2"]
        assert len(ends) == 3 and all(text[i] == "." for i in ends)
        # every token ends with a label: cutting at them gives back the tokens
        cuts, start = [], 0
        for i, c in enumerate(lab):
            if c in "12":
                cuts.append(text[start:i + 1].strip())
                start = i + 1
        all_cuts += cuts
    assert sorted(all_cuts) == sorted(w for s in SENTENCES for w in s)


def test_multiword_tokens_keep_their_surface_form(tmp_path):
    path = tmp_path / "m.conllu"
    path.write_text("1-2\tbukunya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n1\tbuku\tbuku\tNOUN\t_\t_\t0\troot\t_\t_\n"
                    "2\tnya\tnya\tPRON\t_\t_\t1\tnmod\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n",
                    encoding="utf8")
    assert read_conllu(path) == [[("bukunya", False), (".", True)]]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    pytest.importorskip("stanza")
    from pipeline.stanza_sentences import train

    work = tmp_path_factory.mktemp("stanza")
    conllu = write_conllu(work / "train.conllu", SENTENCES * 4)
    return train(conllu, conllu, work / "tiny_tokenizer.pt", steps=30, workdir=work)


def test_pipeline_runs_with_a_stanza_model(tiny_model):
    from pipeline.annotate import annotate
    from pipeline.nlp import load_nlp

    nlp = load_nlp(overrides={"components.sentences.factory": "kotacerdas_stanza_sentences",
                              "components.sentences.model_path": str(tiny_model)})
    text = "Pemkab Muba meluncurkan aplikasi baru. Bupati hadir di Sekayu. Pemkot Palembang menyiapkan WiFi."
    doc = annotate(nlp, text)
    sents = list(doc.sents)
    assert sents[0].start == 0 and sents[-1].end == len(doc)
    assert "".join(t.text_with_ws for s in sents for t in s) == text  # boundaries fall between tokens
    assert {s._.regions["name"] for s in doc.spans["regions"]} >= {"Kabupaten Musi Banyuasin", "Kota Palembang"}


def test_missing_model_says_how_to_get_one(tmp_path):
    pytest.importorskip("stanza")
    from pipeline.stanza_sentences import StanzaSentences

    with pytest.raises(FileNotFoundError, match="train stanza-sentences"):
        StanzaSentences(tmp_path / "none.pt")
