"""Program names in a sentence: the finders (dimension lists, program lists, acronyms, cue
words), the list splitting they share, and the checks that make a phrase a program's name
(is_program_name, clean_name). Offsets are sentence-local; the component in programs.py turns
them into ``Candidate`` rows.

Separate from programs.py so the text rules can be read (and tested) without spaCy: every
function here takes and returns plain strings and offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .agencies import agencies, agency_pattern
from .gazetteer import data_rows
from .program_words import alternation, kind_re, region_names, words_by_kind

# A word that can be part of a name: capitalised, all-caps, camel-case ("SiHebat", "iKupang"),
# e-prefixed ("e-Kontrak"), with apostrophes ("D’Comart") or a number ("112", "ke-13" is not).
_NAME_WORD = r"(?:[A-Z0-9][\w’'&.+-]*|e-[A-Za-z][\w-]*|[a-z]+[A-Z][\w-]*)"
_SMALL = {"dan", "untuk", "di", "ke", "dari", "yang", "bagi", "&", "atas", "pada", "berbasis", "serta", "of", "the", "for"}
_CONNECTORS = r"(?:dan|serta|juga|pun|atau|yaitu|yakni|adalah|lalu|kemudian|maupun|hingga|sedangkan|sementara|adapun|termasuk|namun|bahkan|selain\s+itu|sementara\s+itu)"
_QUOTES = "“”\"‘’«»"


@dataclass
class Candidate:
    start: int  # char offsets in the doc
    end: int
    name: str
    priority: int
    dimension: str | None = None
    named_app: bool = False  # "aplikasi Smart Governance": a dimension's name used as an app's name
    agency: tuple[str, str | None] | None = None  # (full name, abbreviation as written)


# ---------------------------------------------------------------- language data
@lru_cache(maxsize=1)
def _not_programs() -> tuple[frozenset, tuple]:
    rows = data_rows("not_programs.csv")
    exact = frozenset(r["phrase"].lower() for r in rows if r["match"] == "exact")
    prefix = tuple(r["phrase"].lower() for r in rows if r["match"] == "prefix")
    return exact, prefix


@lru_cache(maxsize=1)
def _institutions() -> tuple[str, ...]:
    from importlib import resources
    text = resources.files("pipeline").joinpath("data", "program_institutions.txt").read_text("utf8")
    return tuple(ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _dimension_re() -> tuple[re.Pattern, list[tuple[str, str]]]:
    """Dimension mentions: rows of data/dimension_variants.csv plus 'Smart e-Government' style spellings."""
    variants = [(r["variant"].lower(), r["dimension"]) for r in data_rows("dimension_variants.csv")
                if r["dimension"] != "other"]
    fuzzy = r"smart\s+(?:e-?\s?)?(?:gov\w*|brand\w*|econom\w*|ekonom\w*|living|societ\w*|people|envir\w*)"
    alt = alternation(v for v, _ in variants)
    return re.compile(rf"(?<![\w-])(?:dimensi\s+)?(?:{fuzzy}|{alt})(?![\w-])", re.IGNORECASE), variants


_DIM_PREFIX = {"gov": "governance", "brand": "branding", "econ": "economy", "ekon": "economy",
               "liv": "living", "soc": "society", "peop": "society", "env": "environment"}


def dimension_of(mention: str) -> str | None:
    field = re.search(r"(?:dimensi|pilar|bidang|sektor|aspek)\s+(.+)$", mention.lower())
    if field:  # "di bidang ekonomi"
        word = re.sub(r"\s+", " ", field.group(1)).strip()
        hit = next((k.split(":")[1] for k, ws in words_by_kind().items() if k.startswith("field:") and word in ws), None)
        if hit:
            return hit
    text = re.sub(r"\s+", " ", mention.lower().replace("dimensi ", "")).strip()
    for variant, dim in _dimension_re()[1]:
        if text == variant:
            return dim
    word = re.sub(r"^smart\s+(e-?\s?)?", "", text)
    return next((dim for p, dim in _DIM_PREFIX.items() if word.startswith(p)), None)


# ---------------------------------------------------------------- names
def _initials_match(acronym: str, expansion: str, strict: bool = False) -> bool:
    """Does ``acronym`` abbreviate ``expansion``? Indonesian acronyms take syllables, not only initials
    ("PADUKA" = Petugas Adminduk Kampung), so: same first letter and most word initials present."""
    letters = re.sub(r"(\w)(\d)", lambda m: m.group(1) * int(m.group(2)), acronym.lower())
    letters = re.sub(r"[^a-z]", "", letters)
    words = [w for w in re.findall(r"[\w’']+", expansion.lower()) if w not in _SMALL]
    if not letters or not words or len(letters) > 0.7 * len("".join(words)) + 1:
        return False
    if letters[0] != words[0][0]:
        return False
    if strict:  # a word-like acronym ("Longwis" = Lorong Wisata): every initial, in order
        pos = 0
        for w in words:
            pos = letters.find(w[0], pos) + 1
            if pos == 0:
                return False
        return len(words) >= 2
    present = sum(1 for w in words if w[0] in letters)
    return present / len(words) >= 0.6


def _looks_like_acronym(text: str) -> bool:
    """'SIMPEG', 'SiHebat', 'C3', 'e-SKM', 'Puja Indah' (first word judged; 'kawasan ... Jalan Pahlawan' is not)."""
    words = text.split()
    first = words[0] if words else ""
    caps = sum(ch.isupper() for ch in first)
    if len(words) == 2 and words[1][:1].isupper():
        caps += 1
    return bool(first[:1].isupper() or first.startswith("e-")) and (
        caps >= 2 or bool(re.search(r"[A-Za-z]\d", first)) or first.startswith("e-"))


def _is_institution(text: str) -> bool:
    low = text.lower()
    return any(low == w or low.startswith(w + " ") for w in _institutions())


def is_program_name(name: str, named_app: bool = False) -> bool:
    """False for national schemes, awards, agencies, regions and other non-programs."""
    low = name.lower().strip()
    exact, prefix = _not_programs()
    if named_app and dimension_of(low):
        return True
    if _dimension_re()[0].match(name) or kind_re("generic").fullmatch(name):
        return False  # "Smart Environment Kota Bandung" is the dimension; "Aplikasi" alone names nothing
    if not low or low in exact or any(low.startswith(p) for p in prefix):
        return False
    if re.search(r"\(\s*\d{1,2}/\d{1,2}", name):
        return False  # "Selasa (14/6/2022)": a date, not "NAME (EXPANSION)"
    bare = re.sub(r"\s*\(.*\)$", "", name).strip()
    inner = re.search(r"\(([^()]+)\)$", name)
    if inner and inner.group(1).lower() in exact:  # "Rencana Pembangunan ... (RPJMD)"
        return False
    if bare in agencies() or bare.lower() in region_names() or _is_institution(bare):
        return False
    return len(low.split()) <= 14


def clean_name(text: str, capitalize: bool = True) -> str:
    """The table's name: generic leading words dropped unless an acronym is built from them."""
    name = re.sub(r"\s+", " ", text).strip(" ,;:." + _QUOTES)
    acronym = re.search(r"\(([^()]+)\)\s*$", name)
    generic = kind_re("generic")
    while True:
        m = generic.match(name)
        if not m or m.end() >= len(name) or not name[m.end()].isspace():
            break
        rest = name[m.end():].strip()
        if acronym and acronym.group(1)[0].lower() == name[0].lower() and not _initials_match(
                acronym.group(1), rest[: acronym.start() - m.end()]):
            break  # "Aplikasi Informasi Kelitbangan Sabilulungan (APIKS)": the A is Aplikasi
        name = rest
    if capitalize and re.match(r"[a-z]+(?:\s|$)", name):  # a descriptive phrase; "e-Kontrak", "iKupang" stay
        name = name[:1].upper() + name[1:]
    return name


# ---------------------------------------------------------------- list items
def _protected(text: str) -> list[tuple[int, int]]:
    """Ranges no split may cut: parentheses and 'ACRONYM atau Expansion' pairs."""
    ranges = [m.span() for m in re.finditer(r"\([^()]*\)", text)]
    ranges += [(a, b) for a, b, _ in find_acronyms(text)]
    for m in re.finditer(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+atau\s+([A-Z]\w*(?:\s+(?:[A-Z]\w*|{'|'.join(_SMALL)}))*)", text):
        if _initials_match(m.group(1), m.group(2)):
            ranges.append(m.span())
    return ranges


def _split_points(text: str, pattern: str, protected) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)
            if not any(a <= m.start() < b for a, b in protected)]


def _cut(text: str, points) -> list[tuple[int, int]]:
    pieces, pos = [], 0
    for a, b in points:
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, len(text)))
    return pieces


def split_items(text: str, lowercase_ok: bool) -> list[tuple[int, int]]:
    """(start, end) of each item of an enumerated list in ``text``."""
    protected = _protected(text)
    semicolons = _split_points(text, r";", protected)
    if len([1 for a, b in _cut(text, semicolons) if text[a:b].strip()]) < 2:
        semicolons = []  # "A, e-B dan C; Smart Economy: ...": the semicolon only ends the list
    items: list[tuple[int, int]] = []
    if semicolons:  # "A, aplikasi ...; B atau ...; serta C, ..." - commas start descriptions
        for a, b in _cut(text, semicolons):
            comma = _split_points(text[a:b], r",", protected)
            items.append((a, a + comma[0][0]) if comma else (a, b))
    else:
        items, describing = [], False
        for a, b in _cut(text, _split_points(text, r",", protected)):
            piece = text[a:b].strip()
            # "Rantang Kasih, yaitu pengiriman makanan ...": a lowercase piece after a name describes it,
            # and so do the pieces after it ("paket wisata yang menghubungkan Istana Siak, Balai ...")
            if items and (describing or text[items[-1][0]:items[-1][1]].strip()[:1].isupper()) \
                    and (describing or (piece[:1].islower() and not re.match(_NAME_WORD, piece))) \
                    and not re.match(r"(?:serta|dan)\s", piece):  # "e-Kinerja" and "eSamp" are names
                describing = True
                continue
            items.append((a, b))
            describing = False
    out: list[tuple[int, int]] = []
    for a, b in items:
        piece = text[a:b]
        shifted = [(x - a, y - a) for x, y in protected]
        for sa, sb in _cut(piece, _split_points(piece, r"\s+serta\s+", shifted)):
            out.extend(_split_dan(text, a + sa, a + sb, protected))
    return [span for span in (_trim_item(text, a, b, lowercase_ok) for a, b in out) if span]


def _split_dan(text: str, a: int, b: int, protected) -> list[tuple[int, int]]:
    """Split on 'dan' only between two names: 'revitalisasi Tukad Badung dan Tukad Bindu' is one item."""
    piece = text[a:b]
    guarded = [(p - a, q - a) for p, q in protected]
    clause = next((c.start() for c in _ITEM_END.finditer(piece) if not any(x <= c.start() < y for x, y in guarded)), len(piece))
    pts = [(x, y) for x, y in _split_points(piece[:clause], r"\s+dan\s+", guarded)
           if re.match(_NAME_WORD, clean_name(re.sub(rf"^[\s,]*(?:{_CONNECTORS}\s+)*", "", piece[:x], flags=re.IGNORECASE),
                                               capitalize=False))]
    pts = [(x, y) for x, y in pts if re.match(_NAME_WORD, piece[y:])]  # "A dan e-Musrenbang Desa" too
    return [(a + x, a + y) for x, y in _cut(piece, pts)]


_ITEM_END = re.compile(r"\s+(?:(?:yang|untuk|bagi|bersama|melalui|lewat|sebagai|agar|guna|sehingga|supaya|kini|telah|sudah|akan|dengan\s+nilai)\s|di\s+(?=[a-z]))|[“”\"]|\s-\s|—")


def _trim_item(text: str, a: int, b: int, lowercase_ok: bool) -> tuple[int, int] | None:
    piece = text[a:b]
    m = re.match(rf"[\s,:;]*(?:{_CONNECTORS}\s*,?\s+)*", piece, re.IGNORECASE)
    start = m.end()
    end = len(piece)
    guarded = [(x - a, y - a) for x, y in _protected(text)]
    cut = next((c for c in _ITEM_END.finditer(piece, start) if not any(x <= c.start() < y for x, y in guarded)), None)
    if cut:
        end = cut.start()
    atau = re.search(r"\s+atau\s+", piece[start:end])
    if atau and not any(x <= a + start + atau.start() < y for x, y in _protected(text)):
        end = start + atau.start()
    while end > start and (piece[end - 1] in " ,.;:)" + _QUOTES or piece[end - 1].isspace()) and not (piece[end - 1] == ")" and "(" in piece[start:end]):
        end -= 1
    item = piece[start:end]
    if not item or len(item.split()) > 12:
        return None
    if not lowercase_ok and not re.match(_NAME_WORD, clean_name(item, capitalize=False)) and not _looks_like_acronym(item):
        return None
    if not lowercase_ok and _dimension_re()[0].search(item):
        return None  # "mencakup smart governance, smart branding ..." lists dimensions, not programs
    if not re.search(r"[A-Za-z]{2}", item):
        return None
    return a + start, a + end


# ---------------------------------------------------------------- finders (sentence-local offsets)
def _blank_asides(text: str) -> str:
    """', misalnya,' -> spaces, so 'Kucuran dana PEM, misalnya, masuk ...' reads as one clause."""
    aside = alternation(words_by_kind()["aside"])
    return re.sub(rf",\s*(?:{aside})\s*,", lambda m: " " * len(m.group()), text, flags=re.IGNORECASE)


def _dimension_mentions(text: str) -> list[tuple[re.Match, str | None]]:
    """Dimension headings of a sentence with their dimension. In an enumeration ("mencakup smart governance,
    smart branding dan smart living") only the last one stays, without a dimension: programs that follow
    it ("Untuk Smart Branding dan Smart People, Pemkot mengandalkan X") belong to no single one."""
    found = list(_dimension_re()[0].finditer(text)) + list(_field_re().finditer(text))
    found.sort(key=lambda m: m.start())
    enum = set()
    for i in range(len(found) - 1):
        gap = text[found[i].end():found[i + 1].start()]
        if re.fullmatch(r"[\s,]*(?:dan|serta|hingga|sampai|maupun|atau|dan\s+juga)?[\s,]*", gap, re.IGNORECASE):
            enum.add(i)
    last_of_run = {i + 1 for i in enum} - enum
    return [(m, None if i in last_of_run else dimension_of(m.group())) for i, m in enumerate(found) if i not in enum]


@lru_cache(maxsize=1)
def _field_re() -> re.Pattern:
    """Indonesian headings: 'Di bidang ekonomi', 'pada pilar lingkungan' (data/program_words.csv, kind field:*)."""
    fields = [w for k, ws in words_by_kind().items() if k.startswith("field:") for w in ws]
    return re.compile(rf"(?<![\w-])(?:di|pada|untuk|dalam)\s+(?:dimensi|pilar|bidang|sektor|aspek)\s+"
                      rf"(?:{alternation(fields)})(?![\w-])", re.IGNORECASE)


def find_in_dimension_lists(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, dimension, agency abbreviation) of items tied to a dimension named in the same sentence."""
    text = _blank_asides(text)
    heads = _dimension_mentions(text)
    mentions = [m for m, _ in heads]
    tail_re = re.compile(rf"(?:{alternation(words_by_kind()['tail'])})\s+$", re.IGNORECASE)
    out = []
    for i, (m, dim) in enumerate(heads):
        before = text[:m.start()]
        link = tail_re.search(before)
        if link:  # "Easy Tax untuk Smart Governance": the item comes before the link word
            lo = max([0] + [x.end() for x in re.finditer(r"[,;:]", before[:link.start()])]
                     + [x.end() for x in mentions[:i] if x.end() <= link.start()]
                     + [x.end() for x in kind_re("strong").finditer(before[:link.start()])])
            span = _trim_item(text, lo, link.start(), lowercase_ok=True)
            if span and not re.fullmatch(r"(?:khusus|terutama|sementara|sedangkan|adapun)", text[span[0]:span[1]], re.IGNORECASE):
                out.append((*span, dim, None))
                continue
        nxt = mentions[i + 1].start() if i + 1 < len(mentions) else len(text)
        seg_start, seg = m.end(), text[m.end():nxt]
        brk = kind_re("breaker").search(seg)
        if brk:
            seg = seg[:brk.start()]
        lo = _list_start(seg)
        if lo is None:
            continue
        for a, b in split_items(seg[lo:], lowercase_ok=True):
            # "Smart Branding: Loksado Smart Tourism, Disporapar.": the item's agency
            if seg[lo + a:lo + b] in agencies() and out and out[-1][2] == dim:
                out[-1] = (*out[-1][:3], seg[lo + a:lo + b])
                continue
            out.append((seg_start + lo + a, seg_start + lo + b, dim, None))
    return out


_VERB_BEFORE_NAME = re.compile(r"(?<![\w-])(?:me|di)[a-z]{3,}\s+(?=[A-Z])")


def _list_start(seg: str) -> int | None:
    """Where the programs start in the clause after a dimension heading, or None."""
    strong = kind_re("strong").search(seg)
    weak = kind_re("weak").search(seg) or _VERB_BEFORE_NAME.search(seg)
    if weak and (not strong or weak.start() < strong.start()):
        # "menghadirkan sejumlah inovasi aplikasi, yaitu A, B": skip a description without names
        if strong and not re.search(_NAME_WORD, seg[weak.end():strong.start()]):
            return strong.end()
        return weak.end()
    if strong:
        return strong.end()
    head = re.match(r"[\s:–-]*(?=[A-Z])", seg)  # run-on heading: "Smart Living Taman Air Muba program DLH."
    return head.end() if head else None


def find_in_program_lists(text: str) -> list[tuple[int, int]]:
    """'tiga aplikasi yang direplikasi, yakni A, B, serta C' -> A, B, C (names only, no lowercase phrases)."""
    out = []
    for noun in kind_re("noun").finditer(text):
        marker = kind_re("strong").search(text, noun.end())
        if not marker or marker.start() - noun.end() > 80:
            continue
        body = text[marker.end():]
        brk = kind_re("breaker").search(body)
        body = body[:brk.start()] if brk else body
        out += [(marker.end() + a, marker.end() + b) for a, b in split_items(body, lowercase_ok=False)]
        break
    return out


_BULLET = re.compile(r"^\s*(?:[-•*▪●◦·]|\d{1,2}[.)]|[a-z][.)])\s+")
_DASH_ASIDE = re.compile(r"\s+[—–-]\s+(?P<aside>[^—–]+?)[\s;.,]*$")


def find_in_bullets(text: str) -> list[tuple[int, int]]:
    """A list line is one program, or a few joined by 'dan' / 'serta' / commas:
    '- SiGaTra (...) (BPBD)', '• Sabang Smart Tourism — Dinas Pariwisata', '3. Jaga Desa Online'.
    A trailing '— <agency>' stays in the item for the candidate to read. Lines under a dimension
    heading ('1) Smart Governance – A dan B') are the dimension-list finder's."""
    m = _BULLET.match(text)
    if not m or _dimension_re()[0].match(text, m.end()):
        return []
    body_end = len(text.rstrip(" ;.,"))
    dash = _DASH_ASIDE.search(text, m.end())
    names_end = dash.start() if dash and agency_pattern().fullmatch(dash["aside"].strip()) else body_end
    items = [(m.end() + a, m.end() + b) for a, b in split_items(text[m.end():names_end], lowercase_ok=False)]
    if len(items) == 1 and names_end < body_end:
        items = [(items[0][0], body_end)]  # keep "— Dinas Pariwisata" for the agency
    return items


def find_acronyms(text: str) -> list[tuple[int, int, str]]:
    """'Expansion (ACR)', 'ACR (Expansion)' and 'ACR atau Expansion' -> name 'Expansion (ACR)' style."""
    out = []
    for m in re.finditer(r"\(([^()]{1,90})\)", text):
        inner = m.group(1).strip()
        words = list(re.finditer(rf"{_NAME_WORD}|(?:{'|'.join(_SMALL)})(?!\w)", text[:m.start()]))
        strict = not _looks_like_acronym(inner)
        if (not strict or re.fullmatch(r"[A-Z][a-z]{3,9}", inner)) and len(inner) <= 20:
            # walk back over the run of name words right before "(", choose the start the acronym fits
            run = []
            pos = m.start()
            for w in reversed(words):
                if text[w.end():pos].strip():
                    break
                run.insert(0, w)
                pos = w.start()
            for k, w in enumerate(run):
                if w.group().lower() in _SMALL:
                    continue
                exp = text[w.start():m.start()].strip()
                if _initials_match(inner, exp, strict):
                    out.append((w.start(), m.end(), f"{exp} ({inner})"))
                    break
        elif re.fullmatch(r"[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|" + "|".join(_SMALL) + r"))*", inner):
            # the acronym is the last one to three words before "(": "PADUKA LAMTENG (...)", "Mance (...)"
            before = re.search(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s*$", text[:m.start()])
            words_before = before.group(1).split() if before else []
            for k in range(len(words_before)):
                acr = " ".join(words_before[k:])
                if len(acr) >= 3 and _initials_match(acr, inner):
                    out.append((before.end(1) - len(acr), m.end(), f"{acr} ({inner})"))
                    break
    for m in re.finditer(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+atau\s+([A-Z]\w*(?:\s+(?:[A-Z]\w*|{'|'.join(_SMALL)}))*)", text):
        exp = re.sub(rf"(?:\s+(?:{'|'.join(_SMALL)}))+$", "", m.group(2))
        if _looks_like_acronym(m.group(1)) and _initials_match(m.group(1), exp):
            out.append((m.start(), m.start(2) + len(exp), f"{m.group(1)} ({exp})"))
    return out


def find_after_cues(text: str) -> list[tuple[int, int, bool]]:
    """'aplikasi SanguPalu', 'bernama Lado Jitan', quoted names, e-words ('penerapan e-Kontrak') and
    names headed by a kind of program ('Bank Sampah Induk'). The bool: a dimension's name is an app's name."""
    out = []
    run = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|dan\s+(?={_NAME_WORD})))*(?:\s+\([^()]{{1,60}}\))?"
    generic = kind_re("generic")
    for cue in kind_re("cue").finditer(text):
        if cue.group()[0].isupper() and (re.search(rf"{_NAME_WORD}\s+$", text[:cue.start()])
                                         or not generic.fullmatch(cue.group())):
            continue  # "Direktorat Jenderal Aplikasi Informatika", "Gerakan Menuju ...": the cue word is in a name
        m = re.compile(rf"\s+({run})").match(text, cue.end())
        if not m or m.group(1)[:1].isdigit():
            continue
        name, end = m.group(1), m.end(1)
        gloss = re.search(r"\s+\(([^()]+)\)$", name)
        if gloss and not gloss.group(1)[:1].isupper():  # "Kang Pisman (kurangi, pisahkan, ...)": a gloss
            name, end = name[:gloss.start()], m.start(1) + gloss.start()
        is_app = cue.group().lower() == "aplikasi"
        if dimension_of(name) and not is_app:
            continue  # "program Smart Living" is the dimension; "aplikasi Smart Governance" is an app
        start = cue.start() if generic.fullmatch(cue.group()) else m.start(1)  # "bernama" is not in the mention
        out.append((start, end, is_app))
    for m in re.finditer(rf"(?<![\w-])(?i:{alternation(words_by_kind()['launch'])})\s+({run})", text):
        if not re.match(r"(?:Rp|\d)", m.group(1)):  # "Pemkab juga menyiapkan Pasar Ikan Digital Pessel"
            out.append((m.start(1), m.end(1), False))
    managed = (r"\s*,?\s+(?:yang\s+)?(?:dikelola|digagas|dikembangkan|diluncurkan|dibuat|dirancang|diinisiasi|dijalankan|"
               r"digarap|disiapkan|besutan|garapan|dari)\s+(?:oleh\s+)?")
    for m in re.finditer(rf"({run}){managed}", text):  # "Si Pintar yang dikelola Disdik", "DokterKito dari Dinkes"
        if agency_pattern().match(text, m.end()):
            lead = re.match(rf"(?:{_CONNECTORS}\s*,?\s+)*", m.group(1), re.IGNORECASE)
            out.append((m.start(1) + lead.end(), m.end(1), False))
    for m in _heads_re().finditer(text):
        if not re.search(r"(?:ruang|gedung|kantor)\s+$", text[:m.start()], re.IGNORECASE) \
                and not re.match(r"(?:ruang|gedung|kantor)\s", m.group(), re.IGNORECASE) \
                and not (m.group()[0].islower() and kind_re("cue").match(m.group())):  # "gerakan X": the cue rule's
            out.append((m.start(), m.end(), False))
    for m in re.finditer(r"[“\"]([^”\"]{2,60})[”\"]", text):
        inner = m.group(1)
        if len(inner.split()) <= 6 and inner[:1].isupper() and not re.search(r"[.!?,]$", inner) \
                and kind_re("noun").search(text[max(0, m.start() - 40):m.start()]):
            out.append((m.start(1), m.end(1), False))
    out += [(*m.span(), False) for m in re.finditer(rf"(?<![\w-])e-[A-Z][\w-]+(?:\s+{_NAME_WORD})*", text)]
    return [(a, _without_trailing_connector(text, a, b), app) for a, b, app in out]


def _without_trailing_connector(text: str, a: int, b: int) -> int:
    """End of a name run that stopped at "dan" / "serta" before a name it could not take ("A dan e-B")."""
    tail = re.search(r"\s+(?:dan|serta)\s*$", text[a:b])
    return a + tail.start() if tail else b


@lru_cache(maxsize=1)
def _heads_re() -> re.Pattern:
    """Kinds of program named by a head noun and a proper name: 'Bank Sampah Induk', 'objek wisata Pantai Ide'."""
    from importlib import resources
    text = resources.files("pipeline").joinpath("data", "program_heads.txt").read_text("utf8")
    heads = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    words = rf"(?:\s+{_NAME_WORD})"
    alt = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True))
    # the head capitalised ('Early Warning System'), or followed by a capitalised name ('objek wisata Pantai Ide')
    long_heads = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads if len(h.split()) >= 3)
    centers = r"(?:Command|Call|Creative|Media|Data)\s+Center"  # "Bandung Command Center": the name comes first
    return re.compile(rf"(?<![\w-])(?:(?=[A-Z])(?:{long_heads}){words}*|(?i:{alt}){words}+|{_NAME_WORD}\s+{centers})(?![\w-])")
