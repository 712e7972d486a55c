"""Readers for article dumps: JSONL, CSV, Parquet, folders of .txt / .html, and .gz of any of these.

Every reader yields ``Article`` records and never raises on a bad item: a malformed JSONL line,
invalid UTF-8 or an unreadable file becomes an Article with ``status="error"`` and a message that
names the file and line, so one bad record never loses the rest of the batch.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("id", "text", "title", "url", "published", "source")
SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".parquet", ".txt", ".html", ".htm")


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    status: str = "ok"
    error: str | None = None


def stable_id(url: str | None, text: str) -> str:
    """Id for an article that has none: hash of its URL, else of its text (same input, same id)."""
    basis = url if url else text
    return hashlib.sha1(basis.encode("utf8", "surrogatepass")).hexdigest()[:12]


def from_record(rec: dict, source: str | None = None) -> Article:
    """An Article from a dict with the dump columns; missing/None fields stay None."""
    def opt(key):
        value = rec.get(key)
        if value is None or (isinstance(value, float) and value != value):  # NaN from pandas
            return None
        return str(value)

    text = rec.get("text")
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    art = Article(
        id=opt("id") or stable_id(opt("url"), text), text=text, title=opt("title"), url=opt("url"),
        published=opt("published"), source=opt("source") or source,
    )
    if "text" not in rec:
        art.status, art.error = "error", "record has no 'text' field"
    return art


def failed(item_id: str, message: str, source: str | None = None) -> Article:
    return Article(id=item_id, text="", source=source, status="error", error=message)


def read(path: str | Path) -> Iterator[Article]:
    """All articles under ``path`` (a file or a folder, searched recursively, in name order)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if _kind(child) is not None:
                yield from read_file(child)
        return
    yield from read_file(path)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return None


def read_file(path: Path) -> Iterator[Article]:
    kind = _kind(path)
    try:
        raw = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            raw = gzip.decompress(raw)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield failed(path.name, f"cannot read {path}: {exc}", str(path))
        return
    readers = {".jsonl": _jsonl, ".ndjson": _jsonl, ".json": _jsonl, ".csv": _csv,
               ".parquet": _parquet, ".txt": _txt, ".html": _html, ".htm": _html}
    if kind is None:
        yield failed(path.name, f"unsupported file type: {path.name} (expected one of {', '.join(SUFFIXES)}, optionally .gz)", str(path))
        return
    yield from readers[kind](raw, path)


def _jsonl(raw: bytes, path: Path) -> Iterator[Article]:
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            rec = json.loads(line.decode("utf8"))
        except UnicodeDecodeError as exc:
            yield failed(where, f"line {n} of {path.name} is not valid UTF-8 ({exc.reason} at byte {exc.start})", str(path))
            continue
        except json.JSONDecodeError as exc:
            yield failed(where, f"line {n} of {path.name} is not valid JSON: {exc.msg} (column {exc.colno})", str(path))
            continue
        if not isinstance(rec, dict):
            yield failed(where, f"line {n} of {path.name} is a JSON {type(rec).__name__}, expected an object", str(path))
            continue
        yield from_record(rec, str(path))


def _csv(raw: bytes, path: Path) -> Iterator[Article]:
    text = raw.decode("utf8", errors="replace")  # a bad byte is caught later by the junk check
    for n, rec in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        if None in rec:  # more cells than header columns
            yield failed(f"{path.name}:{n}", f"row {n} of {path.name} has more cells than the header", str(path))
            continue
        yield from_record(rec, str(path))


def _parquet(raw: bytes, path: Path) -> Iterator[Article]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(raw))
    except Exception as exc:  # pyarrow raises several types for corrupt files
        yield failed(path.name, f"cannot read parquet {path.name}: {exc}", str(path))
        return
    for rec in table.to_pylist():
        yield from_record(rec, str(path))


def _txt(raw: bytes, path: Path) -> Iterator[Article]:
    try:
        text = raw.decode("utf8")
    except UnicodeDecodeError as exc:
        yield failed(path.stem, f"{path.name} is not valid UTF-8 ({exc.reason} at byte {exc.start})", str(path))
        return
    yield Article(id=path.name.split(".")[0], text=text, source=str(path))


def _html(raw: bytes, path: Path) -> Iterator[Article]:
    import trafilatura

    doc = trafilatura.bare_extraction(raw.decode("utf8", errors="replace"), with_metadata=True,
                                      include_comments=False, favor_precision=True)
    if doc is None or not getattr(doc, "text", None):
        yield failed(path.stem, f"no article text found in {path.name}", str(path))
        return
    yield Article(id=path.name.split(".")[0], text=doc.text, title=doc.title, url=doc.url,
                  published=doc.date, source=str(path))
