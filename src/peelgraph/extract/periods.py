"""Reference periods as reports word them: '12 months to 30 June 2016', 'as at 1 July 2016'."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTHS = (
    "january february march april may june july august september october november december".split()
)
_DATE = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\s+(?P<year>(?:19|20)\d\d)"
PERIOD = re.compile(
    rf"(?P<period>(?:(?:the\s+)?(?P<n>12|twelve|6|six|3|three)\s+months\s+(?:to|ending|prior to)"
    rf"|(?:the\s+)?year\s+(?:to|ending)|as\s+at)\s+{_DATE})",
    re.IGNORECASE,
)


_ANY_DATE = re.compile(rf"\b{_DATE}\b", re.IGNORECASE)


def iso_date(day: str, month: str, year: str) -> str | None:
    """``YYYY-MM-DD`` of a date as a report words it ("30", "June", "2016"); None for a word
    that is not a month or a day the month does not have ("31 February 2016"), so that no
    ill-typed ``xsd:date`` is ever written."""
    month = month.lower()
    if month not in _MONTHS:
        return None
    try:
        return datetime.date(int(year), _MONTHS.index(month) + 1, int(day)).isoformat()
    except ValueError:
        return None


def impossible_dates(text: str) -> list[str]:
    """Every distinct date of ``text`` that names a month but a day it does not have ("31
    February 2016", "0 June 2016"), as worded: none of them is read as a date."""
    found = (m for m in _ANY_DATE.finditer(text) if m.group("month").lower() in _MONTHS)
    bad = (m for m in found if iso_date(*m.group("day", "month", "year")) is None)
    return list(dict.fromkeys(" ".join(m.group(0).split()) for m in bad))


@dataclass(frozen=True)
class Period:
    text: str  # normalised wording: "12 months to 30 June 2016"
    end: str | None  # ISO date
    start: int  # offsets of the match in the searched text
    stop: int


def find_period(text: str) -> Period | None:
    """The first reference period named in ``text``."""
    match = PERIOD.search(text)
    if not match:
        return None
    iso = iso_date(*match.group("day", "month", "year"))
    words = match.group("period").split()
    if words[0].lower() == "the":
        words = words[1:]
    if words[0].lower() in ("as", "year"):
        words[0] = words[0].lower()
    if words[0].lower() == "twelve":
        words[0] = "12"
    if words[1].lower() == "months" and words[2].lower() == "prior":
        words = [words[0], "months", "to", *words[4:]]
    return Period(" ".join(words), iso, match.start(), match.end())


def find_periods(text: str) -> list[Period]:
    """Every reference period in ``text``, in order."""
    out: list[Period] = []
    position = 0
    while True:
        found = find_period(text[position:])
        if not found:
            return out
        out.append(Period(found.text, found.end, found.start + position, found.stop + position))
        position += found.stop


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
_YEARS_TO = re.compile(
    rf"\b(?:for\s+|over\s+)?(?:the\s+)?(?P<n>\d{{1,2}}|one|two|three|four|five|ten)\s+years?\s+"
    rf"(?:to|ending)\s+(?:the\s+)?(?:(?:12|twelve)\s+months\s+to\s+)?{_DATE}",
    re.IGNORECASE,
)
_PREVIOUS_YEAR = re.compile(r"\bprevious\s+(?:12|twelve)[\s-]+month\s+period\b", re.IGNORECASE)
#: a preposition left dangling where a period was cut out of a label
_DANGLING = re.compile(r"\s+(?:for|in|to|of|over|during|at|against|the|as)(?=\s*(?:$|[,;:]))")


def _years(n: int, end: Period) -> str:
    date = end.text.split(" to ", 1)[-1] if " to " in end.text else " ".join(end.text.split()[2:])
    return f"{n} year{'s' if n != 1 else ''} to {date}"


def change_period(text: str) -> Period | None:
    """The exact period of a change a passage states: '5 years to 30 June 2016' ("for the 5
    years to the 12 months to 30 June 2016", "when compared with the 12 months to 30 June
    2011 ... for the 12 months to 30 June 2016") or '1 year to 30 June 2016' ("12 months to
    30 June 2015 against 12 months to 30 June 2016", "compared with the previous 12 month
    period ... year ending 30 June 2016"); None when it states no change period."""
    periods = find_periods(text)
    if not periods:
        return None
    last = max(periods, key=lambda p: p.end or "")
    span = _YEARS_TO.search(text)
    if span:
        n = span.group("n").lower()
        years = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        return Period(_years(years, last), last.end, span.start(), span.end())
    first = min(periods, key=lambda p: p.end or "")
    if first.end and last.end and first.end[:4] < last.end[:4]:
        years = int(last.end[:4]) - int(first.end[:4])
        return Period(_years(years, last), last.end, first.start, last.stop)
    if _PREVIOUS_YEAR.search(text):
        return Period(_years(1, last), last.end, last.start, last.stop)
    return None


def strip_period(text: str) -> str:
    """A label with its period wording cut out, and no hole left: no preposition dangling
    where the period stood ("recorded in  for ..." becomes "recorded for ..."), one space
    between words."""
    text = _YEARS_TO.sub(" ", text)
    text = re.sub(
        rf"\b(?:in|for|during|over|to|of|as at)\s+(?:the\s+)?(?={PERIOD.pattern})",
        " ",
        text,
        flags=re.IGNORECASE,
    )
    text = PERIOD.sub(" ", text)
    text = re.sub(r"\s+against\s+(?=\s*$)", " ", text)
    text = " ".join(text.split())
    text = re.sub(r"\s+([,;:])", r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _DANGLING.sub("", text).strip(" ,;:")
    return text
