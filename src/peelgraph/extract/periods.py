"""Reference periods as reports word them: '12 months to 30 June 2016', 'as at 1 July 2016'."""

from __future__ import annotations

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
    month = match.group("month").lower()
    iso = None
    if month in _MONTHS:
        iso = f"{match.group('year')}-{_MONTHS.index(month) + 1:02d}-{int(match.group('day')):02d}"
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
    out = []
    position = 0
    while True:
        found = find_period(text[position:])
        if not found:
            return out
        out.append(Period(found.text, found.end, found.start + position, found.stop + position))
        position += found.stop
