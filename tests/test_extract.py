"""End to end: dumps in every supported format -> six tables in every output format."""
import gzip
import json
import sqlite3

import pandas as pd
import pytest

from pipeline.emit import FORMATS, TableWriter
from pipeline.extract import extract, extract_rows
from pipeline.ingest import read
from pipeline.tables import ALL_TABLES, columns

ARTICLE = {
    "id": "muba-bimtek",
    "published": "2023-11-16",
    "title": "Muba Matangkan Masterplan Smart City",
    "url": "https://example.org/muba",
    "text": (
        "SEKAYU – Pemkab Muba mematangkan masterplan smart city bersama Kementerian Kominfo, "
        "Rabu (15/11/2023). Dokumen itu memuat program di dimensi Smart Governance dan Smart Living.\n\n"
        "Laporan : Andi Saputra"
    ),
}


def write_jsonl(path, lines):
    path.write_bytes(b"\n".join(lines) + b"\n")


@pytest.fixture
def dump(tmp_path):
    good = json.dumps(ARTICLE).encode()
    no_id = json.dumps({"text": "Pemkot Palembang meluncurkan aplikasi baru untuk warga."}).encode()
    write_jsonl(tmp_path / "articles.jsonl", [
        good,
        b'{"id": "broken", "text": "Pemkab Muara Enim',  # malformed JSON
        json.dumps({"id": "kosong", "text": "   "}).encode(),
        b'{"id": "latin1", "text": "Kota Malang \xe9"}',  # invalid UTF-8
        json.dumps({"id": "biner", "text": "\x00\x01\x02\x03\x04\x05 abc"}).encode(),
        no_id,
    ])
    return tmp_path / "articles.jsonl"


def test_bad_items_are_recorded_and_the_batch_goes_on(dump):
    tables = extract(dump)
    arts = tables["articles"].set_index("article_id")
    assert arts.loc["muba-bimtek", "status"] == "ok"
    assert arts.loc["articles.jsonl:2", "status"] == "error"
    assert "not valid JSON" in arts.loc["articles.jsonl:2", "error"]
    assert arts.loc["kosong", "status"] == "empty"
    assert "not valid UTF-8" in arts.loc["articles.jsonl:4", "error"]
    assert "binary" in arts.loc["biner", "error"]
    # the article without id got a stable hash id and was processed
    hashed = [i for i in arts.index if len(i) == 12 and i not in ("muba-bimtek",)]
    assert len(hashed) == 1 and arts.loc[hashed[0], "status"] == "ok"
    assert "Kota Palembang" in set(tables["regions"]["name"])


def test_rows_carry_provenance(dump):
    tables = extract(dump)
    regions = tables["regions"]
    row = regions[regions.article_id == "muba-bimtek"].iloc[0]
    assert row["mention"] == "Pemkab Muba"
    assert ARTICLE["text"][row["start"]:row["end"]] == "Pemkab Muba"
    assert row["sentence"].startswith("SEKAYU – Pemkab Muba mematangkan")
    assert set(tables["dimensions"]["dimension"]) == {"governance", "living"}
    for table in ALL_TABLES:
        assert list(tables[table].columns) == columns(table)


def test_long_article_is_truncated_not_dropped(tmp_path):
    big = {"id": "panjang", "text": ("Pemkab Muba menggelar rapat koordinasi. " * 300)}
    (tmp_path / "a.jsonl").write_text(json.dumps(big))
    tables = extract(tmp_path / "a.jsonl", max_chars=2000)
    art = tables["articles"].iloc[0]
    assert art["status"] == "truncated" and "2,000" in art["error"]
    assert len(tables["regions"]) > 0
    assert tables["regions"]["end"].max() <= 2000


def test_every_input_format(tmp_path):
    text = "Pemkot Palembang meluncurkan aplikasi baru untuk warga."
    pd.DataFrame([{"id": "c1", "text": text}]).to_csv(tmp_path / "a.csv", index=False)
    pd.DataFrame([{"id": "p1", "text": text}]).to_parquet(tmp_path / "b.parquet")
    (tmp_path / "t1.txt").write_text(text, encoding="utf8")
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "g1", "text": text}).encode()))
    html = ("<html><head><title>Palembang Luncurkan Aplikasi</title></head><body><article>"
            f"<h1>Palembang Luncurkan Aplikasi</h1><p>{text} Aplikasi ini memudahkan warga mengurus "
            "dokumen kependudukan tanpa harus datang ke kantor kelurahan.</p></article></body></html>")
    (tmp_path / "h1.html").write_text(html, encoding="utf8")
    ids = {a.id: a for a in read(tmp_path)}
    assert set(ids) == {"c1", "p1", "t1", "g1", "h1"}
    assert all(a.status == "ok" for a in ids.values())
    assert "Pemkot Palembang" in ids["h1"].text


@pytest.mark.parametrize("fmt", FORMATS)
def test_writer_writes_all_tables(tmp_path, dump, fmt):
    out = tmp_path / "out"
    with TableWriter(out, fmt) as w:
        w.write_all(extract_rows(read(dump)))
    if fmt == "sqlite":
        db = sqlite3.connect(out / "kotacerdas.sqlite")
        got = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in ALL_TABLES}
        cols = [r[1] for r in db.execute('PRAGMA table_info("regions")')]
        assert cols == columns("regions")
    else:
        readers = {"parquet": pd.read_parquet, "csv": pd.read_csv,
                   "jsonl": lambda p: pd.read_json(p, lines=True)}
        got = {}
        for t in ALL_TABLES:
            path = out / f"{t}.{fmt}"
            assert path.exists()
            got[t] = len(readers[fmt](path)) if path.stat().st_size > len(",".join(columns(t))) + 1 else 0
    assert got["articles"] == 6
    assert got["regions"] >= 2


def test_parallel_workers_give_the_same_rows_in_the_same_order(dump):
    articles = list(read(dump)) * 3
    one = list(extract_rows([a.__class__(**vars(a)) for a in articles], batch_size=2))
    two = list(extract_rows([a.__class__(**vars(a)) for a in articles], batch_size=2, workers=2))
    assert one == two
    assert sum(t == "articles" for t, _ in two) == 18


def test_duplicate_ids_are_renamed_so_rows_stay_attributable(tmp_path):
    lines = [{"id": "a", "text": "Pemkot Palembang meluncurkan aplikasi."},
             {"id": "a", "text": "Pemkab Muba menggelar rapat."},
             {"id": "a", "text": "Pemkab Muara Enim menyiapkan layanan."}]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf8")
    tables = extract(tmp_path / "d.jsonl")
    arts = tables["articles"].set_index("article_id")
    assert list(arts.index) == ["a", "a#2", "a#3"]
    assert (arts["status"] == "ok").all()
    assert "renamed to 'a#2'" in arts.loc["a#2", "error"]
    regions = tables["regions"].set_index("article_id")["name"]
    assert regions["a#2"] == "Kabupaten Musi Banyuasin"
