"""Write table rows to an output folder: Parquet (default), CSV, JSONL or one SQLite file.

Rows are streamed in chunks, so a large dump never has to fit in memory.
"""
from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from .tables import ALL_TABLES, FLOAT_COLUMNS, INTEGER_COLUMNS, columns

FORMATS = ("parquet", "csv", "jsonl", "sqlite")
CHUNK = 5000


def _sql_type(col: str) -> str:
    return "INTEGER" if col in INTEGER_COLUMNS else "REAL" if col in FLOAT_COLUMNS else "TEXT"


def _arrow_schema(table: str):
    import pyarrow as pa

    def typ(col):
        return pa.int64() if col in INTEGER_COLUMNS else pa.float64() if col in FLOAT_COLUMNS else pa.string()
    return pa.schema([(c, typ(c)) for c in columns(table)])


class TableWriter:
    """``with TableWriter(out_dir, "parquet") as w: w.write(table, row)``."""

    def __init__(self, out_dir: str | Path, fmt: str = "parquet"):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.dir = Path(out_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.fmt = fmt
        self.buffers: dict[str, list[dict]] = {t: [] for t in ALL_TABLES}
        self.handles: dict[str, object] = {}
        self.db = None
        if fmt == "sqlite":
            path = self.dir / "kotacerdas.sqlite"
            path.unlink(missing_ok=True)
            self.db = sqlite3.connect(path)
        for table in ALL_TABLES:  # every table exists in the output, even when empty
            self._open(table)

    def paths(self) -> list[Path]:
        if self.fmt == "sqlite":
            return [self.dir / "kotacerdas.sqlite"]
        return [self.dir / f"{t}.{self.fmt}" for t in ALL_TABLES]

    def _open(self, table: str) -> None:
        cols = columns(table)
        path = self.dir / f"{table}.{self.fmt}"
        if self.fmt == "parquet":
            import pyarrow.parquet as pq
            self.handles[table] = pq.ParquetWriter(path, _arrow_schema(table))
        elif self.fmt == "csv":
            fh = path.open("w", newline="", encoding="utf8")
            writer = csv.DictWriter(fh, fieldnames=cols)
            writer.writeheader()
            self.handles[table] = (fh, writer)
        elif self.fmt == "jsonl":
            self.handles[table] = path.open("w", encoding="utf8")
        else:
            defs = ", ".join(f'"{c}" {_sql_type(c)}' for c in cols)
            self.db.execute(f'CREATE TABLE "{table}" ({defs})')

    def write(self, table: str, row: dict) -> None:
        buf = self.buffers[table]
        buf.append(row)
        if len(buf) >= CHUNK:
            self._flush(table)

    def write_all(self, rows: Iterable[tuple[str, dict]]) -> None:
        for table, row in rows:
            self.write(table, row)

    def _flush(self, table: str) -> None:
        rows = self.buffers[table]
        if not rows:
            return
        cols = columns(table)
        if self.fmt == "parquet":
            import pyarrow as pa
            self.handles[table].write_table(pa.Table.from_pylist(rows, schema=_arrow_schema(table)))
        elif self.fmt == "csv":
            self.handles[table][1].writerows(rows)
        elif self.fmt == "jsonl":
            fh = self.handles[table]
            for r in rows:
                fh.write(json.dumps({c: r.get(c) for c in cols}, ensure_ascii=False) + "\n")
        else:
            marks = ", ".join("?" for _ in cols)
            self.db.executemany(f'INSERT INTO "{table}" VALUES ({marks})',
                                [tuple(r.get(c) for c in cols) for r in rows])
        rows.clear()

    def close(self) -> None:
        for table in ALL_TABLES:
            self._flush(table)
        if self.fmt == "parquet":
            for w in self.handles.values():
                w.close()
        elif self.fmt == "csv":
            for fh, _ in self.handles.values():
                fh.close()
        elif self.fmt == "jsonl":
            for fh in self.handles.values():
                fh.close()
        else:
            self.db.commit()
            self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
