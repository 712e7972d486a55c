"""Build corpus/sample/ — the demo dump `make run` processes — from corpus/annotated.jsonl.

It shows every input kind the reader accepts: JSONL, CSV, gzip'd JSONL, a .txt file, an .html
page, and a JSONL file with two bad items (a malformed line and an empty article) that end up in
articles.status / articles.error while the rest of the batch is processed.
Re-run after changing the annotated corpus: python corpus/build_sample.py
"""
from __future__ import annotations

import csv
import gzip
import html
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "sample"
FIELDS = ("id", "title", "published", "text")


def main() -> None:
    arts = [json.loads(ln) for ln in (HERE / "annotated.jsonl").read_text(encoding="utf8").splitlines() if ln.strip()]
    arts = [{k: a.get(k) for k in FIELDS} for a in arts]
    OUT.mkdir(exist_ok=True)
    for old in OUT.rglob("*"):
        if old.is_file():
            old.unlink()
    jsonl, rest = arts[:10], arts[10:]
    (OUT / "articles.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in jsonl), encoding="utf8")
    with (OUT / "articles.csv").open("w", newline="", encoding="utf8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rest[:3])
    (OUT / "archive.jsonl.gz").write_bytes(gzip.compress(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in rest[3:5]).encode("utf8"), mtime=0))
    if len(rest) > 5:
        (OUT / f"{rest[5]['id']}.txt").write_text(rest[5]["text"], encoding="utf8")
    if len(rest) > 6:
        a = rest[6]
        paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in a["text"].split("\n") if p.strip())
        page = (f"<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{html.escape(a['title'] or '')}</title>"
                f"<meta property=\"article:published_time\" content=\"{a['published'] or ''}\"></head><body>"
                f"<nav><a href=\"/\">Beranda</a> | <a href=\"/daerah\">Daerah</a></nav><article><h1>{html.escape(a['title'] or '')}</h1>\n"
                f"{paras}</article><footer>Hak cipta redaksi.</footer></body></html>")
        (OUT / f"{a['id']}.html").write_text(page, encoding="utf8")
    (OUT / "problems.jsonl").write_text(
        '{"id": "terpotong", "text": "Pemkab Muba menggelar rapat\n'
        + json.dumps({"id": "kosong", "title": "Artikel tanpa isi", "text": ""}) + "\n", encoding="utf8")
    print(f"wrote {sum(1 for p in OUT.iterdir())} files to {OUT}")


if __name__ == "__main__":
    main()
