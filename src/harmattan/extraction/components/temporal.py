"""Date mentions: explicit dates ("12 mars 2021", "March 12", "12/03/2021"), weekdays ("on Sunday",
"mardi dernier"), months ("fin décembre"), relative expressions ("hier", "last week"), all
resolved against the publication date into (date, precision) values."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from dataclasses import replace

from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import fold_term, load_taxonomy
from harmattan.extraction.pipeline import Component, register


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for months in load_taxonomy("dates")["months"].values():
        table.update({fold_term(str(k)): int(v) for k, v in months.items()})
    return table


_ORD = r"(?:er|st|nd|rd|th|eme)?"


def date_patterns(months: dict[str, int]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The day-month, month-day and numeric date patterns.

    Each opens with what the regex engine can skip to (a digit, a month's first letter) instead of a
    word boundary, which it would test at every character; the matches are those of the plain forms in
    :func:`reference_date_patterns` (tests/extraction/test_scan_equivalence.py compares them).
    """
    names = "|".join(sorted(months, key=len, reverse=True))
    first = "".join(re.escape(c) for c in sorted({name[0] for name in months}))
    return (
        # (\d(?<!\w.)\d?) is \b(\d{1,2}): a first digit that no word character precedes, then maybe another
        re.compile(
            rf"(\d(?<!\w.)\d?){_ORD}(?:\s+(?:et|au|and|to|or|ou)\s+(?:le\s+|the\s+)?\d{{1,2}}{_ORD}|\s+\d{{1,2}})?\s+({names})\b"
            rf"(?:\s+(\d{{4}}))?"
        ),
        re.compile(rf"(?=[{first}])\b({names})\s+(\d{{1,2}}){_ORD}\b(?:\s+(\d{{4}}))?"),
        re.compile(r"(?=\d)(?:\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b)"),
    )


def reference_date_patterns(months: dict[str, int]) -> tuple[re.Pattern[str], ...]:
    """The plain forms of :func:`date_patterns` (slower: kept as the definition the tests check against)."""
    names = "|".join(sorted(months, key=len, reverse=True))
    return (
        re.compile(
            rf"\b(\d{{1,2}}){_ORD}(?:\s+(?:et|au|and|to|or|ou)\s+(?:le\s+|the\s+)?\d{{1,2}}{_ORD}|\s+\d{{1,2}})?\s+({names})\b"
            rf"(?:\s+(\d{{4}}))?"
        ),
        re.compile(rf"\b({names})\s+(\d{{1,2}}){_ORD}\b(?:\s+(\d{{4}}))?"),
        re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b"),
    )


@register
class DateMentions(Component):
    name = "dates"
    requires = ("folded", "sentences", "date_words")
    provides = ("dates",)

    def __init__(self, resources: object = None, **settings: object) -> None:
        super().__init__(resources, **settings)
        self.months = _month_table()
        self.day_month, self.month_day, self.numeric = date_patterns(self.months)

    def __call__(self, doc: Doc) -> Doc:
        pub = doc.published
        found: list[Mention] = []
        self._yearless: set[int] = set()
        self._month_starts = {m.start for m in doc.mentions if m.kind == "month"}
        self._part_ends = {m.end: int(m.value) for m in doc.mentions if m.kind == "month_part"}
        for m in self.day_month.finditer(doc.folded):
            found += self._explicit(
                doc, m, int(m.group(1)), self.months[m.group(2)], m.group(3), "date:day-month"
            )
        for m in self.month_day.finditer(doc.folded):
            if m.start() in self._month_starts or doc.clean[m.start() : m.start() + 1].isupper():
                found += self._explicit(
                    doc, m, int(m.group(2)), self.months[m.group(1)], m.group(3), "date:month-day"
                )
        for m in self.numeric.finditer(doc.clean):
            if m.group(1):
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                d, mo, yy = int(m.group(4)), int(m.group(5)), int(m.group(6))
                y = yy + 2000 if yy < 100 else yy
            found += _mention(doc, m.start(), m.end(), _safe_date(y, mo, d), 1, "date:numeric")
        found = _years_of_anchors(doc, found, self._yearless)
        taken = [(m.start, m.end) for m in found]
        found += self._from_words(doc, pub, taken)
        doc.mentions.extend(_eve_of_the_day_told(_named_day_first(doc, found)))
        return doc

    def _explicit(
        self, doc: Doc, m: re.Match[str], day: int, month: int, year: str | None, rule: str
    ) -> list[Mention]:
        y = int(year) if year else _infer_year(doc.published, month, day)
        if y is None:
            return []
        if not year:
            self._yearless.add(m.start())
        # "entre le 1er et le 3 janvier", "du 18 au 24 octobre": the first day, with a week's precision
        # "dans la nuit du 9 au 10 septembre" is one night: the evening's date, precisely (gold/GUIDE.md)
        night = _NIGHT_BEFORE.search(doc.folded[max(0, m.start() - 20) : m.start()]) is not None
        span = _SPAN.search(m.group(0)) is not None and not night
        return _mention(doc, m.start(), m.end(), _safe_date(y, month, day), 2 if span else 1, rule)

    def _from_words(self, doc: Doc, pub: dt.date | None, taken: list[tuple[int, int]]) -> list[Mention]:
        out: list[Mention] = []
        if pub is None:
            return out
        words = sorted(
            (m for m in doc.mentions if m.kind in ("weekday", "month", "relative")), key=lambda m: m.start
        )
        spans = sorted(taken)
        starts = [s for s, _ in spans]
        reach = list(itertools.accumulate((e for _, e in spans), max))  # the furthest end so far
        for w in words:
            # inside an explicit date: some span starting at or before the word ends after it
            i = bisect.bisect_right(starts, w.start) - 1
            if i >= 0 and w.start < reach[i]:
                continue
            if w.kind == "relative":
                out += _mention(
                    doc, w.start, w.end, *_relative(pub, dict(w.value)), f"date:relative:{w.text}"
                )
            elif w.kind == "weekday":
                past = _has_past_marker(doc, w)
                back = (pub.weekday() - int(w.value)) % 7
                if past and back == 0:
                    back = 7
                out += _mention(
                    doc, w.start, w.end, pub - dt.timedelta(days=back), 1, f"date:weekday:{w.text}"
                )
            elif w.kind == "month" and not _is_may_verb(doc, w) and not _first_name(doc, w):
                part = next(
                    (self._part_ends[w.start - g] for g in range(5) if w.start - g in self._part_ends), None
                )
                month = int(w.value)
                named = _YEAR_AFTER.match(doc.folded, w.end)
                end = named.end(1) if named else w.end
                # "OCTOBER 2019" says its year; a bare month is the last one up to the publication
                year = int(named.group(1)) if named else pub.year if month <= pub.month else pub.year - 1
                # only the month: its first day, as UCDP's date_start and the gold guide have it
                day = min(part or 1, calendar.monthrange(year, month)[1])
                out += _mention(doc, w.start, end, dt.date(year, month, day), 3, f"date:month:{w.text}")
        return out


_SPAN = re.compile(r"\s(?:et|au|and|to)\s")
_NIGHT_BEFORE = re.compile(r"\b(?:nuit du|night of|overnight from|overnight)\s+(?:the\s+)?$")
_YEAR_AFTER = re.compile(r"\s+((?:19|20)\d\d)\b")
_MONTH_WORD_BEFORE = re.compile(r"\b(?:in|of|early|late|mid|since)\s+$")
_PAST_AFTER = re.compile(r"\s+(dernier|derniere|passe)\b")
_PAST_BEFORE = re.compile(r"\b(last|past)\s+$")


def _first_name(doc: Doc, w: Mention) -> bool:
    """ "ambassador Jan Christian Gordon Kricke": a short month name before a capitalised word is a name."""
    return len(w.text) <= 4 and bool(_CAPITALISED_AFTER.match(doc.text, w.end))


_CAPITALISED_AFTER = re.compile(r" [A-ZÀ-Ý][a-zà-ÿ]")


def _is_may_verb(doc: Doc, w: Mention) -> bool:
    # English "May" at a sentence start is usually the month only when a number or "in" is next to it
    return w.text == "May" and not _MONTH_WORD_BEFORE.search(doc.folded[max(0, w.start - 8) : w.start])


def _has_past_marker(doc: Doc, w: Mention) -> bool:
    after = doc.folded[w.end : w.end + 12]
    before = doc.folded[max(0, w.start - 6) : w.start]
    return bool(_PAST_AFTER.match(after) or _PAST_BEFORE.search(before))


def _named_day_first(doc: Doc, found: list[Mention]) -> list[Mention]:
    """ "overnight from Thursday to Friday", "overnight Thursday": a relative word followed by the day it
    names gives way to that day."""
    days = [m for m in found if m.rule.startswith(("date:weekday", "date:day-month"))]
    sentences_with_days = {d.sentence for d in days}
    # "le lundi 12 mai", "on Monday, May 12": the weekday names the date that follows it, not last Monday
    explicit = [m for m in found if m.rule.startswith(("date:day-month", "date:month-day"))]
    named = {
        m.start
        for m in found
        if m.rule.startswith("date:weekday") and any(0 < d.start - m.end <= 3 for d in explicit)
    }
    # "ahead of Sunday's legislative elections": a day that dates something still to come
    ahead = {
        m.start
        for m in found
        if m.rule.startswith("date:weekday")
        and doc.clean[m.end : m.end + 2] in ("'s", "’s")
        and _AHEAD_OF.search(doc.folded, max(0, m.start - 16), m.start)
    }
    return [
        m
        for m in found
        if m.start not in named
        and m.start not in ahead
        and not (
            m.rule.startswith("date:relative")
            and (
                # "an overnight attack on Sobane Da... on Sunday night": "overnight" qualifies the day named
                (m.rule == "date:relative:overnight" and m.sentence in sentences_with_days)
                or any(
                    0 <= d.start - m.end <= 12 and _LEAD_IN.fullmatch(doc.folded, m.end, d.start)
                    for d in days
                    if d.sentence == m.sentence
                )
            )
        )
    ]


def _eve_of_the_day_told(found: list[Mention]) -> list[Mention]:
    """ "a annoncé lundi l'interpellation, la veille, de 49 militaires": the eve of the day the sentence
    names before it (the announcement's), not of the publication."""
    out: list[Mention] = []
    for m in found:
        told = _day_told_before(found, m) if m.rule in _EVE_RULES else None
        if told is not None:
            day, rule = told.value[0] - dt.timedelta(days=1), f"{m.rule}:of:{told.text}"
            m = Mention(m.kind, m.start, m.end, m.text, (day, 1), m.sentence, rule)
        out.append(m)
    return out


def _day_told_before(found: list[Mention], m: Mention) -> Mention | None:
    told = [d for d in found if d.sentence == m.sentence and d.end <= m.start and d.rule not in _EVE_RULES]
    return told[-1] if told and told[-1].value[1] == 1 else None


_EVE_RULES = frozenset(
    {"date:relative:la veille", "date:relative:the day before", "date:relative:the previous day"}
)
_AHEAD_OF = re.compile(r"\b(?:ahead of|until)\s+(?:this\s+|next\s+)?$")
_LEAD_IN = re.compile(r"\s*(?:from|on|of|into|du|de|le)?\s*")


def _relative(pub: dt.date, spec: dict[str, object]) -> tuple[dt.date | None, int]:
    precision = int(str(spec.get("precision", 1)))
    if "months" in spec:
        month = pub.month + int(str(spec["months"]))
        year = pub.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return dt.date(year, month, 1), precision
    day = pub + dt.timedelta(days=int(str(spec.get("days", 0))))
    if "weekday" in spec:  # "over the weekend": back to its Saturday (a span is dated by its first day)
        day -= dt.timedelta(days=(day.weekday() - int(str(spec["weekday"]))) % 7)
    if spec.get("month_start"):
        day = day.replace(day=1)
    return day, precision


# "Two days later, on July 28", "Deux jours plus tard, le 5 mars": a day counted from the date told before
_LATER = re.compile(
    r"\b(?:later|afterwards|plus tard|the following (?:day|week|month)|the next (?:day|week|month)|"
    r"le lendemain|la semaine suivante|le mois suivant)\b"
)


def _years_of_anchors(doc: Doc, found: list[Mention], yearless: set[int]) -> list[Mention]:
    """A day with no year that the report counts from an earlier date with one ("July 26, 2023 ... Two days
    later, on July 28") takes that date's year, not the year before the publication."""
    out: list[Mention] = []
    anchor: Mention | None = None
    for m in sorted(found, key=lambda m: m.start):
        if m.start not in yearless:
            anchor = m
        elif anchor is not None and _counted_from(doc, anchor, m):
            day, precision = m.value
            base = anchor.value[0]
            moved = _safe_date(base.year, day.month, day.day)
            if moved is not None and moved < base:
                moved = _safe_date(base.year + 1, day.month, day.day)
            if moved is not None:
                m = replace(m, value=(moved, precision), rule=f"{m.rule}:anchored")
        out.append(m)
    return out


def _counted_from(doc: Doc, anchor: Mention, m: Mention) -> bool:
    return m.start - anchor.end < 400 and _LATER.search(doc.folded, anchor.end, m.start) is not None


def _infer_year(pub: dt.date | None, month: int, day: int) -> int | None:
    if pub is None:
        return None
    candidate = _safe_date(pub.year, month, day)
    if candidate is not None and candidate > pub + dt.timedelta(days=2):
        return pub.year - 1
    return pub.year


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _mention(
    doc: Doc, start: int, end: int, date: dt.date | None, precision: int, rule: str
) -> list[Mention]:
    if date is None:
        return []
    return [Mention("date", start, end, doc.text[start:end], (date, precision), doc.sentence_of(start), rule)]
