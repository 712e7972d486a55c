"""The web UI: Datasette over the output tables, every table and column described."""
import asyncio
import json
import sqlite3

import pytest

from pipeline import tables, web
from pipeline.emit import TableWriter
from pipeline.extract import extract_rows
from pipeline.ingest import read

ARTICLE = {"id": "kudus-2023", "published": "2023-06-12", "title": "Kudus luncurkan aplikasi",
           "text": "KUDUS – Pemkab Kudus meluncurkan aplikasi Kios PakDe yang dikelola Dinas Kependudukan dan "
                   "Pencatatan Sipil untuk layanan administrasi kependudukan, Senin (12/6/2023)."}


def test_metadata_describes_every_table_and_column():
    meta = web.metadata()["databases"]["kotacerdas"]["tables"]
    assert set(meta) == set(tables.ALL_TABLES)
    for table in tables.ALL_TABLES:
        assert meta[table]["description"]
        described = meta[table]["columns"]
        assert [c for c in tables.columns(table) if not described.get(c)] == [], table
        assert set(meta[table]["facets"]) <= set(tables.columns(table))


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    src = tmp_path_factory.mktemp("src") / "dump.jsonl"
    src.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", "utf8")
    out = tmp_path_factory.mktemp("out")
    with TableWriter(out, "parquet") as writer:
        writer.write_all(extract_rows(read(src)))
    return out


def test_a_parquet_folder_becomes_one_sqlite_database(out_dir):
    db = web.database_for(out_dir)
    assert db == out_dir / "kotacerdas.sqlite"
    rows = sqlite3.connect(db).execute("SELECT name, region, agency, start FROM programs").fetchall()
    assert rows == [("Kios PakDe", "Kabupaten Kudus", "Dinas Kependudukan dan Pencatatan Sipil",
                     ARTICLE["text"].index("aplikasi Kios PakDe"))]
    assert web.database_for(db) == db
    built = db.stat().st_mtime_ns
    assert web.database_for(out_dir) == db and db.stat().st_mtime_ns == built  # current: not rebuilt


def test_an_empty_folder_says_what_to_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="kotacerdas extract"):
        web.database_for(tmp_path)


def test_datasette_serves_the_tables_with_their_descriptions(out_dir):
    datasette = pytest.importorskip("datasette.app")
    ds = datasette.Datasette([str(web.database_for(out_dir))], metadata=web.metadata())

    async def get(path):
        return await ds.client.get(path)

    data = asyncio.run(get("/kotacerdas/programs.json?_shape=array")).json()
    assert [r["name"] for r in data] == ["Kios PakDe"]
    page = asyncio.run(get("/kotacerdas/programs")).text
    assert "implementing agency (OPD) written out in full" in page and 'data-column="dimension"' in page


def test_cli_prints_metadata_and_refuses_a_folder_without_tables(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    runner = CliRunner()
    shown = runner.invoke(app, ["serve", "--metadata"])
    assert shown.exit_code == 0
    assert json.loads(shown.output)["databases"]["kotacerdas"]["tables"]["programs"]["facets"][0] == "dimension"
    refused = runner.invoke(app, ["serve", str(tmp_path)])
    assert refused.exit_code == 2 and "kotacerdas extract" in refused.output


def test_table_docs_match_the_readme():
    """data/table_docs.csv is the README's 'Output: the tables' as data: the two must not drift apart."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf8")
    section = readme[readme.index("### Output: the tables"):]
    section = section[:section.index("\n## ")]
    table, in_readme = "*", {}
    for line in section.splitlines():
        if m := re.match(r"\*\*`(\w+)`\*\* — (.*)", line):
            table = m.group(1)
            in_readme[(table, "")] = m.group(2).strip().rstrip(".")
        elif m := re.match(r"\| (`[^|]+`) \| (.*) \|$", line):
            in_readme.update({(table, col): m.group(2).strip() for col in re.findall(r"`(\w+)`", m.group(1))})
    from pipeline.gazetteer import data_rows

    assert {(r["table"], r["column"]): r["description"] for r in data_rows("table_docs.csv")} == in_readme
