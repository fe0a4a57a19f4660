"""Quantities stated in prose: a number with a unit and a time or a comparator.

"has undertaken 98 successful disruptions from 1 January 2016 to 30 June 2016" (a count
with a period), "a backlog of eight months ... last year" (a duration with a time), "more
than 1,700 dangerous and sexual offenders" (a count with a comparator), "the government
allocated £143 million ... on 13 November 2015" (money with a date). Each becomes an
observation of the force (or of England and Wales when the sentence is about it alone) with
its source span. A number without a unit ("60 police case files") or with neither a time nor
a comparator stays text. Rates and percentages set beside England and Wales are read by
:func:`peelgraph.extract.numbers.comparisons`.

The units are reference data (ontology/units.ttl): a duration or money unit names the words
that give it (``peel:quantityWord``: "months", "£"); a count is in ``unit:count``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..model import Observation, Span
from ..textkeys import slugify
from .periods import _MONTHS, find_periods, iso_date
from .tables import Areas

COUNT_UNIT = "count"
_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_NUMBER = r"(?P<num>\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")"
_SCALE = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "thousand": 1000}
_MONEY = re.compile(
    r"£\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<scale>million|billion|thousand|bn|m)\b)?"
)
_FUNCTION = r"(?:a|an|the|was|were|is|are|there|although|and|but|of|with|had|has|have)"
_DURATION = re.compile(
    rf"\b(?P<noun>(?:(?!{_FUNCTION}\b)[a-z]+\s+)?[a-z]+)\s+of\s+{_NUMBER}\s+(?P<word>[a-z]+)\b"
)
_COUNT = re.compile(
    rf"(?<!every )(?<!per )\b{_NUMBER}\s+"
    r"(?P<what>(?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*(?<!s)s(?:\s+of\s+[a-z][a-z-]*s)?)\b"
)
#: a count's phrase never starts with these (a year or a clause, not a thing counted)
_NOT_A_THING = frozenset("and or the of in to as has have is was were are per percent".split())
#: a count followed by "per ..." is a rate, read by the comparisons
_RATE_AFTER = re.compile(r"^(?:\s+of\s+[a-z\s-]+?)?\s+per\b")
_COMPARATOR = re.compile(
    r"\b(?P<cmp>more than|fewer than|less than|over|at least|up to|almost|nearly|around|about)\s+$",
    re.IGNORECASE,
)
_DATE = r"\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\s+(?:19|20)\d\d"
_RANGE = re.compile(rf"\bfrom\s+(?P<a>{_DATE})\s+to\s+(?P<b>{_DATE})", re.IGNORECASE)
_ON_DATE = re.compile(rf"\b(?:on|since|by)\s+(?P<d>{_DATE})", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|during|since|by)\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast year\b", re.IGNORECASE)
_NOW = re.compile(
    r"\b(?:currently|still|this year|at the time of (?:the|our) inspection)\b", re.IGNORECASE
)
_NOT_COUNTED = frozenset("years months weeks days hours percent forces times".split())


@dataclass(frozen=True)
class _Time:
    text: str
    end: str | None


def _iso(date: str) -> str | None:
    day, month, year = date.split()
    return iso_date(day, month, year)


def _time(sentence: str, year: int) -> _Time | None:
    """The time a sentence states: a reference period, a date range, a date, a year, or
    "last year" / "currently" against the inspection's year."""
    periods = find_periods(sentence)
    if periods:
        return _Time(periods[-1].text, periods[-1].end)
    found = _RANGE.search(sentence)
    if found:
        b = " ".join(found.group("b").split())
        return _Time(f"{' '.join(found.group('a').split())} to {b}", _iso(b))
    found = _ON_DATE.search(sentence)
    if found:
        d = " ".join(found.group("d").split())
        return _Time(d, _iso(d))
    found = _YEAR.search(sentence)
    if found:
        return _Time(found.group("y"), None)
    if _LAST_YEAR.search(sentence):
        return _Time(str(year - 1), None)
    if _NOW.search(sentence):
        return _Time(str(year), None)
    return None


def _value(raw: str, scale: str | None = None) -> Decimal | None:
    raw = raw.lower()
    if raw in _WORDS:
        return Decimal(_WORDS[raw])
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None
    return value * _SCALE[scale.lower()] if scale else value


@dataclass(frozen=True)
class _Hit:
    start: int  # offsets of the number in the sentence
    end: int
    value: Decimal
    unit: str
    label: str


def _hits(sentence: str, units: dict[str, tuple[str, ...]]) -> list[_Hit]:
    """Numbers with a unit in a sentence: money, durations and counts."""
    money = next((slug for slug, words in units.items() if "£" in words), None)
    by_word = {w: slug for slug, words in units.items() for w in words if w != "£"}
    hits: list[_Hit] = []
    for m in _MONEY.finditer(sentence) if money else ():
        value = _value(m.group("num"), m.group("scale"))
        before = sentence[: m.start()].split()[-3:]
        if value is not None and money is not None:
            hits.append(_Hit(m.start(), m.end(), value, money, " ".join(before)))
    for m in _DURATION.finditer(sentence):
        unit = by_word.get(m.group("word").lower())
        value = _value(m.group("num"))
        if unit and value is not None:
            hits.append(_Hit(m.start("num"), m.end("word"), value, unit, m.group("noun")))
    for m in _COUNT.finditer(sentence):
        what = m.group("what")
        words = what.split()
        if words[-1] in _NOT_COUNTED or words[0] in by_word or words[0] in _NOT_A_THING:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) or _RATE_AFTER.match(
            sentence[m.end() : m.end() + 60]
        ):
            continue
        value = _value(m.group("num"))
        if value is not None and not any(h.start <= m.start() < h.end for h in hits):
            hits.append(_Hit(m.start("num"), m.end("num"), value, COUNT_UNIT, what))
    return hits


def quantities(
    text: str,
    offset: int,
    page: int | None,
    areas: Areas,
    units: dict[str, tuple[str, ...]],
    year: int,
) -> list[Observation]:
    """The quantities a passage states (``offset``: where ``text`` starts in the document)."""
    out: list[Observation] = []
    position = 0
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\u2018'\"])", text):
        start = text.index(sentence, position)
        position = start + len(sentence)
        at = Span(offset + start, offset + position, page)
        out.extend(_in_sentence(sentence, at, areas, units, year))
    return out


def _in_sentence(
    sentence: str, at: Span, areas: Areas, units: dict[str, tuple[str, ...]], year: int
) -> list[Observation]:
    """The quantities of one sentence, which stands at ``at`` in the document."""
    time = _time(sentence, year)
    periods = find_periods(sentence)
    out = []
    for hit in _hits(sentence, units):
        if any(p.start <= hit.start < p.stop for p in periods):
            continue  # the "12" of "12 months to 30 June 2016"
        comparator = _COMPARATOR.search(sentence[: hit.start])
        if time is None and comparator is None:
            continue  # a number with no time and no comparator stays text
        label = re.sub(r"^(?:the|a|an)\s+", "", " ".join(hit.label.split()), flags=re.I)
        label = label.strip(" ,;:")
        if not label:
            continue
        label = label[:1].upper() + label[1:]
        out.append(
            Observation(
                indicator=f"text/{slugify(label, 80)}",
                indicator_label=label,
                area=_area(sentence, areas),
                period=time.text if time else str(year),
                period_end=time.end if time else None,
                unit=hit.unit,
                value=hit.value,
                figure="text",
                spans=(Span(at.start + hit.start, at.start + hit.end, at.page),),
                qualifier=comparator.group("cmp").lower() if comparator else None,
            )
        )
    return out


def _area(sentence: str, areas: Areas) -> str:
    """England and Wales when the sentence is about it and not the force; else the force."""
    lower = sentence.lower()
    about_force = "the force" in lower or any(f.lower() in lower for f in areas.force_labels)
    for label, slug in areas.comparators.items():
        if label in lower and not about_force:
            return slug
    return areas.force_slug
