"""Dates tagger: every explicit date, month or year an article states, resolved to ISO.

Writes ``doc.spans["dates"]``; columns: value, precision, note.

  precision      value         examples
  day            YYYY-MM-DD    "Rabu (15/11/2023)", "Kamis, 6 Oktober 2022", "17/11/22", "Selasa (23/10)"
  month          YYYY-MM       "Juni 2024 lalu", "akhir April 2018" (note "akhir"), "pada Oktober"
  year           YYYY          "Tahun 2023", "2019-2024" (two rows), "Perpres No. 95 Tahun 2018"
  day-no-year    --MM-DD       a day/month whose year nothing in the article tells (ISO 8601 truncated form)
  month-no-year  --MM          likewise for a bare month
  relative       None          "kemarin", "pekan depan", "tahun lalu" when the publication date is unknown;
                               when it is known they are resolved against it and get the precision of
                               their unit (day / month / year), the note saying what: "relative: kemarin"

The gold standard lists explicit dates only, so the scorer ignores rows whose note starts "relative:".

Ranges give both ends as separate rows: the start's span is the whole range ("1-3 November 2018"),
the end's span the end alone ("3 November 2018"); the tokenizer splits "1-3" so each end has its own
tokens.

Missing years. A day/month without a year ("Selasa (23/10)", "pada Oktober") takes the publication
year; with a weekday, the nearest year to it (at most 3 years away) whose calendar has that weekday
on that day (earlier years win ties; note "year from weekday"); when none that close fits, the
weekday is taken for a slip and the reference year stays (note "weekday does not match"). Without a publication date the reference year is the latest year of
the article's own explicit full dates (note "year from article context"), and when there is none
either the date is kept unresolved (``day-no-year`` / ``month-no-year``) rather than guessed.

Recognition is regular expressions over ``doc.text`` (language data in data/months.csv and
data/date_words.csv); a standalone 4-digit number is a year in 1945..(published year + 10, else 2035)
unless a word around it says it is money, a number, a time or a count ("Rp", "No.", "2023 peserta").
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import data_rows
from .tables import set_row

FIRST_YEAR = 1945
LAST_YEAR_WITHOUT_PUBLISHED = 2035
YEARS_AHEAD_OF_PUBLISHED = 10


@dataclass
class Found:
    start: int
    end: int
    value: str | None
    precision: str
    note: str | None = None
    # a day/month waiting for its year: (month, day or None, ISO weekday or None, direction)
    pending: tuple | None = None


@dataclass(frozen=True)
class Lexicon:
    months: dict          # form -> month number
    full_months: frozenset
    words: dict           # role -> {word: value}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    months, full = {}, set()
    for r in data_rows("months.csv"):
        months[r["form"]] = int(r["month"])
        if r["full"] == "1":
            full.add(r["form"])
    words: dict[str, dict[str, str]] = {}
    for r in data_rows("date_words.csv"):
        words.setdefault(r["role"], {})[r["word"]] = r["value"] or ""
    return Lexicon(months, frozenset(full), words)


def _alt(forms) -> str:
    """Regex alternation, longest first so "Maret" wins over "Mar"."""
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


class Patterns:
    """The compiled regexes, built once from the language data."""

    def __init__(self, lex: Lexicon):
        w = lex.words
        day = r"(?:0?[1-9]|[12]\d|3[01])"
        year = r"(?:19|20)\d\d"
        abbreviations = set(lex.months) - lex.full_months
        mon = rf"(?:(?:{_alt(lex.full_months)})\b|(?:{_alt(abbreviations)})\b\.?)"
        wd = rf"(?:{_alt(w['weekday'])})\b"
        sep = rf"(?:{_alt(w['range'])})"
        ysep = rf"(?:{_alt(list(w['range']) + list(w['year_range']))})"
        left = r"(?<![\w/.,:-])"
        end = r"(?![\w/]|[.,-]\d)"
        weekday = rf"(?:(?P<wd>{wd})\s*,?\s*)?"
        flags = re.IGNORECASE
        C = re.compile
        self.day_range = C(
            rf"{left}(?:(?P<wd>{wd})\s*,?\s*)?(?P<d1>{day})(?:\s*(?P<m1>{mon})(?:\s*,?\s*(?P<y1>{year}))?)?"
            rf"\s*{sep}\s*(?P<end>(?:{wd}\s*,?\s*)?(?P<d2>{day})\s*(?P<m2>{mon})(?:\s*,?\s*(?P<y2>{year}))?)"
            rf"(?!\w|[.,]\d)", flags)
        self.text_date = C(
            rf"{left}{weekday}(?P<day>{day})\s*(?P<mon>{mon})\s*,?\s*(?P<year>{year})(?!\w|[.,]\d)", flags)
        self.english_date = C(
            rf"{left}{weekday}(?P<mon>{mon})\s+(?P<day>{day})(?:st|nd|rd|th)?\s*,\s*(?P<year>{year})(?!\w|[.,]\d)",
            flags)
        self.numeric_date = C(
            rf"{left}{weekday}(?P<open>\()?\s*(?P<day>{day})(?P<s>[/.-])(?P<mon>0?[1-9]|1[0-2])(?P=s)"
            rf"(?P<year>{year}|\d\d)\s*(?(open)\)){end}", flags)
        self.iso_date = C(rf"{left}(?P<year>{year})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01]){end}")
        self.numeric_day_month = C(
            rf"{left}{weekday}(?P<open>\()?\s*(?P<day>{day})/(?P<mon>0?[1-9]|1[0-2])\s*(?(open)\)){end}", flags)
        self.text_day_month = C(
            rf"{left}{weekday}(?P<day>{day})\s*(?P<mon>{mon})(?!\w|\s*,?\s*\d)", flags)
        self.numeric_range = C(
            rf"{left}(?:(?P<wd>{wd})\s*(?:-|–)\s*{wd}\s*,?\s*)?(?P<open>\()?\s*(?P<d1>{day})\s*(?:-|–)\s*"
            rf"(?P<end>(?P<d2>{day})/(?P<mon>0?[1-9]|1[0-2])/(?P<year>{year}))\s*(?(open)\)){end}", flags)
        self.month_range = C(
            rf"(?<![\w-])(?P<m1>{mon})\s*{sep}\s*(?P<end>(?P<m2>{mon})\s*,?\s*(?P<year>{year}))(?!\w|[.,]\d)", flags)
        self.regulation_year = C(rf"{left}\d{{1,4}}/(?P<year>{year}){end}")
        self.month_year = C(rf"(?<![\w-])(?P<mon>{mon})\s*,?\s*'?(?P<year>{year})(?!\w|[.,]\d)", flags)
        self.year_range = C(
            rf"(?<![\w/.,:+#$-])(?P<y1>{year})\s*{ysep}\s*(?P<y2>{year})(?![\w%/]|[.,-]\d)", flags)
        self.year = C(rf"(?<![\w/.,:+#$-])(?P<year>{year})(?![\w%/]|[.,-]\d|-\w)")
        full = [f.capitalize() for f in lex.full_months] + [f.upper() for f in lex.full_months]
        self.bare_month = C(rf"(?<![\w-])(?P<mon>{_alt(full)})(?![\w-]|\.?\s*,?\s*\d)")
        self.relative = C(rf"(?<![\w-])(?P<rel>{_alt(w['relative'])})(?![\w-])", flags)
        self.word_before = C(r"([\w.$%/'’-]+)[\s,(]*$")
        self.word_after = C(r"^\s+([\w%$]+)")
        self.two_words_after = C(r"^\s+([\w%$]+\s+[\w%$]+)")


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    return Patterns(lexicon())


def _prev_word(text: str, pos: int) -> str:
    m = patterns().word_before.search(text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = patterns().word_after.match(text[pos:pos + 30])
    return m.group(1).lower() if m else ""


def _year(digits: str) -> int:
    y = int(digits)
    if len(digits) == 2:
        y += 2000 if y <= 69 else 1900
    return y


def _weekday(name: str | None) -> int | None:
    return int(lexicon().words["weekday"][name.lower()]) if name else None


def _month(form: str) -> int:
    return lexicon().months[form.lower().rstrip(".")]


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if d else f"{y:04d}-{m:02d}"
    except ValueError:
        return None


class DateFinder:
    """Finds the dates of one text; ``find`` returns them as Found rows, in text order."""

    def __init__(self, text: str, published: dt.date | None):
        self.text = text
        self.published = published
        self.last_year = published.year + YEARS_AHEAD_OF_PUBLISHED if published else LAST_YEAR_WITHOUT_PUBLISHED
        self.found: list[Found] = []
        self.taken = bytearray(len(text))  # 1 where an earlier, more specific pattern matched
        self.p = patterns()
        self.w = lexicon().words

    # -- bookkeeping -------------------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) == -1

    def take(self, span: tuple[int, int]) -> None:
        start, end = span
        self.taken[start:end] = b"\x01" * (end - start)

    def add(self, start: int, end: int, value, precision: str, note=None, pending=None) -> None:
        self.found.append(Found(start, end, value, precision, note, pending))

    def year_ok(self, y: int) -> bool:
        return FIRST_YEAR <= y <= self.last_year

    def matches(self, regex):
        for m in regex.finditer(self.text):
            if self.free(m.start(), m.end()):
                yield m

    # -- passes, most specific first ---------------------------------------------------------------
    def find(self) -> list[Found]:
        self.day_ranges()
        self.numeric_ranges()
        self.full_dates()
        self.day_months()
        self.month_ranges()
        self.month_years()
        self.regulation_years()
        self.year_ranges()
        self.years()
        self.bare_months()
        self.resolve_pending()
        self.relatives()
        return sorted(self.found, key=lambda f: (f.start, f.end))

    def day_ranges(self) -> None:
        for m in self.matches(self.p.day_range):
            y2 = int(m["y2"]) if m["y2"] else None
            y1 = int(m["y1"]) if m["y1"] else y2
            m2 = _month(m["m2"])
            m1 = _month(m["m1"]) if m["m1"] else m2
            d1, d2 = int(m["d1"]), int(m["d2"])
            if (m1, d1) >= (m2, d2) and y1 == y2:
                continue  # "15-11 November" is no range
            if y2 is None:
                self.add(m.start(), m.end(), None, "day", "range start", pending=(m1, d1, None, None))
                self.add(m.start("end"), m.end(), None, "day", "range end", pending=(m2, d2, None, None))
            elif self.year_ok(y1) and self.year_ok(y2):
                start, stop = _iso(y1, m1, d1), _iso(y2, m2, d2)
                if start and stop:
                    self.add(m.start(), m.end(), start, "day", "range start")
                    self.add(m.start("end"), m.end(), stop, "day", "range end")
            self.take(m.span())

    def numeric_ranges(self) -> None:
        for m in self.matches(self.p.numeric_range):
            y, mon, d1, d2 = int(m["year"]), int(m["mon"]), int(m["d1"]), int(m["d2"])
            start, stop = _iso(y, mon, d1), _iso(y, mon, d2)
            if start and stop and d1 < d2 and self.year_ok(y):
                self.add(m.start(), m.end(), start, "day", "range start")
                self.add(m.start("end"), m.end("end"), stop, "day", "range end")
                self.take(m.span())

    def month_ranges(self) -> None:
        for m in self.matches(self.p.month_range):
            y, m1, m2 = int(m["year"]), _month(m["m1"]), _month(m["m2"])
            if m1 < m2 and self.year_ok(y):
                self.add(m.start(), m.end(), _iso(y, m1), "month", "range start")
                self.add(m.start("end"), m.end(), _iso(y, m2), "month", "range end")
                self.take(m.span())

    def regulation_years(self) -> None:
        """ "UU 23/2014", "Perda No. 5/2020": a regulation's number and year."""
        for m in self.matches(self.p.regulation_year):
            words = self.text[max(0, m.start() - 40):m.start()].lower().split()[-2:]
            if words and words[-1] in self.w["regulation_number"]:
                words = words[:-1]
            if words and words[-1] in self.w["regulation"] and self.year_ok(int(m["year"])):
                self.add(m.start("year"), m.end("year"), m["year"], "year", "regulation")
                self.take(m.span())

    def full_dates(self) -> None:
        for regex in (self.p.text_date, self.p.english_date, self.p.numeric_date, self.p.iso_date):
            for m in self.matches(regex):
                textual = regex in (self.p.text_date, self.p.english_date)
                if not textual and _prev_word(self.text, m.start()) in self.w["block_before"]:
                    continue
                if not textual and m.groupdict().get("s") in (".", "-") and len(m["year"]) == 2:
                    continue  # "16.06.23" / "17-11-22" read too often as codes or phone parts
                y = _year(m["year"])
                mon = _month(m["mon"]) if textual else int(m["mon"])
                value = _iso(y, mon, int(m["day"]))
                if value is None or not self.year_ok(y):
                    continue
                wd = _weekday(m.groupdict().get("wd"))
                note = "weekday does not match" if wd and dt.date.fromisoformat(value).isoweekday() != wd else None
                self.add(m.start(), m.end(), value, "day", note)
                self.take(m.span())

    def day_months(self) -> None:
        for m in self.matches(self.p.numeric_day_month):
            # "23/10" alone may be a fraction or a score: only with a weekday or in brackets
            if not (m["wd"] or m["open"]) or _prev_word(self.text, m.start()) in self.w["block_before"]:
                continue
            self.add_day_month(m, int(m["mon"]))
        for m in self.matches(self.p.text_day_month):
            if _prev_word(self.text, m.start()) in self.w["place_before"]:
                continue
            self.add_day_month(m, _month(m["mon"]))

    def add_day_month(self, m: re.Match, month: int) -> None:
        day = int(m["day"])
        if _iso(2000, month, day) is None:  # 2000 is a leap year, so 29/2 passes
            return
        self.add(m.start(), m.end(), None, "day", pending=(month, day, _weekday(m["wd"]), None))
        self.take(m.span())

    def month_years(self) -> None:
        for m in self.matches(self.p.month_year):
            y = int(m["year"])
            if not self.year_ok(y):
                continue
            prev = _prev_word(self.text, m.start())
            note = prev if prev in self.w["modifier"] else None
            self.add(m.start(), m.end(), _iso(y, _month(m["mon"])), "month", note)
            self.take(m.span())

    def year_ranges(self) -> None:
        for m in self.matches(self.p.year_range):
            y1, y2 = int(m["y1"]), int(m["y2"])
            slash = self.text[m.end("y1"):m.start("y2")].strip() == "/"
            if not (self.year_ok(y1) and self.year_ok(y2)) or not (y1 < y2 <= y1 + (1 if slash else 50)):
                continue
            if _prev_word(self.text, m.start()) in self.w["block_before"]:
                continue
            self.add(m.start("y1"), m.end("y1"), str(y1), "year", "range start")
            self.add(m.start("y2"), m.end("y2"), str(y2), "year", "range end")
            self.take(m.span())

    def years(self) -> None:
        for m in self.matches(self.p.year):
            y = int(m["year"])
            if not self.year_ok(y):
                continue
            prev, nxt = _prev_word(self.text, m.start()), _next_word(self.text, m.end())
            if prev in self.w["block_before"] or prev.startswith("ke-"):
                continue
            if nxt in self.w["block_after"] and prev not in self.w["year_before"]:
                continue  # "2023 peserta" counts people; "tahun 2023 warga ..." is still a year
            self.add(m.start(), m.end(), str(y), "year", prev if prev in self.w["modifier"] else None)
            self.take(m.span())

    def bare_months(self) -> None:
        for m in self.matches(self.p.bare_month):
            prev, nxt = _prev_word(self.text, m.start()), _next_word(self.text, m.end())
            two = self.p.two_words_after.match(self.text[m.end():m.end() + 30])
            direction = self.w["month_after"].get(two.group(1).lower() if two else "")
            direction = direction or self.w["month_after"].get(nxt)
            if prev not in self.w["month_before"] and direction is None:
                continue
            note = prev if prev in self.w["modifier"] else None
            self.add(m.start(), m.end(), None, "month", note, pending=(_month(m["mon"]), None, None, direction))
            self.take(m.span())

    # -- years the text leaves out -----------------------------------------------------------------
    def context_year(self) -> int | None:
        """Without a publication date: the latest year of the article's explicit full dates."""
        for precision in ("day", "month"):
            years = [int(f.value[:4]) for f in self.found if f.precision == precision and f.value]
            if years:
                return max(years)
        return None

    def resolve_pending(self) -> None:
        ref = self.published.year if self.published else self.context_year()
        source = "publication date" if self.published else "article context"
        for f in self.found:
            if f.pending is None:
                continue
            month, day, weekday, direction = f.pending
            f.pending = None
            if ref is None:
                f.value = f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
                f.precision = f"{f.precision}-no-year"
                continue
            year, how = ref, f"year from {source}"
            if weekday:
                fitting = _year_for_weekday(ref, month, day, weekday)
                if fitting is None:
                    how += "; weekday does not match"
                elif fitting != ref:
                    year, how = fitting, "year from weekday" + ("" if self.published else f" ({source})")
            elif direction and self.published:
                pub_month = self.published.month
                year += -1 if direction == "past" and month > pub_month else 0
                year += 1 if direction == "future" and month < pub_month else 0
                year += {"next year": 1, "last year": -1}.get(direction, 0)
            f.value = _iso(year, month, day)
            f.note = "; ".join(n for n in (f.note, how) if n)

    # -- relative words ----------------------------------------------------------------------------
    def relatives(self) -> None:
        ends = sorted(f.end for f in self.found)
        for m in self.matches(self.p.relative):
            # "Selasa (23/10) kemarin" is one date: the word only repeats the explicit one right before it
            k = bisect.bisect_right(ends, m.start())
            if k and re.fullmatch(r"[\s,)]*", self.text[ends[k - 1]:m.start()]):
                continue
            prev = _prev_word(self.text, m.start())
            if prev in self.w["count_word"] or prev.isdigit():
                continue  # "dua tahun lalu" is two years ago
            phrase = m["rel"].lower()
            unit, offset = self.w["relative"][phrase].split(":")
            value = _shift(self.published, unit, int(offset)) if self.published else None
            precision = _UNIT_PRECISION[unit] if value else "relative"
            self.add(m.start(), m.end(), value, precision, f"relative: {phrase}")
            self.take(m.span())


_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}


# How far from the reference year a weekday may move a date. Further away, a weekday that does not
# fit is far more likely a reporter's slip than a story about another year.
WEEKDAY_YEAR_WINDOW = 3


def _year_for_weekday(ref: int, month: int, day: int, weekday: int) -> int | None:
    """The year nearest ``ref`` (within WEEKDAY_YEAR_WINDOW) in which day/month falls on
    ``weekday``; earlier years win ties. None when no year that close fits."""
    for delta in range(0, WEEKDAY_YEAR_WINDOW + 1):
        for year in (ref - delta, ref + delta):
            value = _iso(year, month, day)
            if value and dt.date.fromisoformat(value).isoweekday() == weekday:
                return year
    return None


def _shift(published: dt.date, unit: str, offset: int) -> str:
    if unit == "day":
        return (published + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        return (published + dt.timedelta(weeks=offset)).isoformat()
    if unit == "month":
        months = published.year * 12 + published.month - 1 + offset
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return str(published.year + offset)


def find_dates(text: str, published: dt.date | None = None) -> list[Found]:
    return DateFinder(text, published).find()


@Language.factory("kotacerdas_dates")
def make_dates(nlp: Language, name: str):
    def tag(doc: Doc) -> Doc:
        found = find_dates(doc.text, doc._.published)
        spans = []
        for f in found:
            span = doc.char_span(f.start, f.end, label="dates", alignment_mode="expand")
            if span is not None:
                spans.append(set_row(span, "dates", value=f.value, precision=f.precision, note=f.note))
        doc.spans["dates"] = spans
        return doc
    return tag
