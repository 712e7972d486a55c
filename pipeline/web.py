"""A browsable web UI over the output tables: Datasette on the SQLite file, with every table and
column described (data/table_docs.csv) and facets set for the questions journalists ask (which
programs per dimension, which regions, which officials).

    kotacerdas extract dump.jsonl -o out/ --format sqlite
    kotacerdas serve out/            # http://127.0.0.1:8001

Datasette is an optional extra (``pip install -e '.[web]'``); ``metadata()`` needs nothing beyond
the package and can be used with ``datasette publish`` as well.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pandas as pd

from .emit import TableWriter
from .gazetteer import data_rows
from .tables import ALL_TABLES

DB_NAME = "kotacerdas"
# Columns a reader filters by first; Datasette shows their value counts above each table.
FACETS = {
    "articles": ["status", "source"],
    "regions": ["name", "kind", "province", "evidence"],
    "officials": ["role_normalized", "region", "acting"],
    "dates": ["precision"],
    "dimensions": ["dimension"],
    "programs": ["dimension", "dimension_source", "region", "agency"],
}
LABELS = {"regions": "name", "officials": "name", "programs": "name", "articles": "title"}


def table_docs() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(table -> description, table -> {column -> description}), provenance columns in every table."""
    tables: dict[str, str] = {}
    columns: dict[str, dict[str, str]] = defaultdict(dict)
    for row in data_rows("table_docs.csv"):
        if not row["column"]:
            tables[row["table"]] = row["description"]
        else:
            columns[row["table"]][row["column"]] = row["description"]
    provenance = columns.pop("*", {})
    return tables, {t: ({} if t == "articles" else dict(provenance)) | columns[t] for t in ALL_TABLES}


def metadata(db_name: str = DB_NAME) -> dict:
    """Datasette metadata for database ``db_name`` (Datasette names a database after its file's stem):
    title, one description per table and per column, facets, label columns."""
    descriptions, columns = table_docs()
    return {
        "title": "kotacerdas — smart-city programs in Indonesian regional news",
        "description": "Facts extracted from news articles: regions, officials, dates, smart-city dimensions "
                       "and programs. Every row names its article (article_id), the text as written "
                       "(mention), its character offsets (start, end) and its sentence.",
        "source": "kotacerdas extract",
        "databases": {db_name: {"tables": {
            table: {"description": descriptions[table], "columns": columns[table],
                    "facets": FACETS[table], **({"label_column": LABELS[table]} if table in LABELS else {})}
            for table in ALL_TABLES}}},
    }


def database_for(path: str | Path) -> Path:
    """The SQLite file to serve: ``path`` itself, ``path/kotacerdas.sqlite``, or one (re)built there from
    the Parquet / CSV / JSONL tables ``kotacerdas extract`` wrote into the folder when they are newer."""
    path = Path(path)
    if path.is_file():
        return path
    db = path / f"{DB_NAME}.sqlite"
    found = {t: next((p for ext in ("parquet", "csv", "jsonl") if (p := path / f"{t}.{ext}").exists()), None)
             for t in ALL_TABLES}
    files = [f for f in found.values() if f is not None]
    if db.exists() and all(f.stat().st_mtime <= db.stat().st_mtime for f in files):
        return db  # written by `extract --format sqlite`, or built from these files and still current
    if not files:
        raise FileNotFoundError(f"{path} holds no kotacerdas tables; run `kotacerdas extract SOURCE -o {path}` first")
    with TableWriter(path, "sqlite") as writer:
        for table, file in found.items():
            if file is None:
                continue
            frame = (pd.read_parquet(file) if file.suffix == ".parquet" else
                     pd.read_csv(file, keep_default_na=False) if file.suffix == ".csv" else pd.read_json(file, lines=True))
            frame = frame.astype(object).where(frame.notna(), None)  # Python values, None for missing
            writer.write_all((table, row) for row in frame.to_dict("records"))
    return db


def serve(path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette on the tables in ``path`` until interrupted; returns its exit status."""
    try:
        import datasette  # noqa: F401
    except ImportError:
        raise RuntimeError("the web UI needs Datasette: pip install -e '.[web]'") from None
    db = database_for(path)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(metadata(db.stem), f, ensure_ascii=False)
    return subprocess.call([sys.executable, "-m", "datasette", "serve", str(db), "--metadata", f.name,
                            "--host", host, "--port", str(port)])
