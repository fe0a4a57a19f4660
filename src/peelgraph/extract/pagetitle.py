"""The title line of a force's PEEL web page, in every year's shape.

"Hampshire PEEL 2016", "Avon and Somerset PEEL 2018" (the summary and overview pages),
"Hampshire 2015", "Lincolnshire 2016", "Thames Valley 2018/19" (the landing pages, often
without the word PEEL), and "Read more about Sussex 2016" beside them. The name before the
year is only a candidate: :mod:`.forces` resolves it against the reference data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE = re.compile(
    r"^(?:read more about\s+)?(?P<force>[A-Z][A-Za-z&'\u2019 .-]{1,60}?)\s+(?:(?P<peel>PEEL)\s+)?"
    r"(?P<year>(?:19|20)\d\d)(?:\s*[/\u2013-]\s*(?P<end>\d\d(?:\d\d)?))?\s*$",
    re.IGNORECASE,
)
_PEEL_YEAR = re.compile(
    r"^PEEL\s+(?P<year>(?:19|20)\d\d)(?:\s*[/\u2013-]\s*\d\d(?:\d\d)?)?$", re.IGNORECASE
)
#: Lines a saved page starts with that are not its title.
_PREAMBLE = re.compile(r"^(?:skip to (?:main )?content|menu|search|home)$", re.IGNORECASE)


@dataclass(frozen=True)
class PageTitle:
    force: str  # the name as printed before the year
    year: int  # the cycle's first year: 2018 for "2018/19"
    line: str
    index: int  # which of the lines given
    peel: bool  # the word PEEL is in the title


def page_title(lines: list[str], within: int = 4) -> PageTitle | None:
    """The first title-shaped line among the first ``within`` lines that are not preamble."""
    seen = 0
    previous: tuple[int, str] | None = None
    for index, line in enumerate(lines):
        text = line.strip()
        if not text or _PREAMBLE.match(text):
            continue
        seen += 1
        if seen > within:
            break
        two = _PEEL_YEAR.match(text)
        if two and previous is not None:  # the force's name, then "PEEL 2016" below it
            return PageTitle(previous[1], int(two.group("year")), previous[1], previous[0], True)
        previous = (index, text)
        match = _TITLE.match(text)
        if match and _a_name(match.group("force")):
            return PageTitle(
                match.group("force").strip(" .-"),
                int(match.group("year")),
                text,
                index,
                bool(match.group("peel")),
            )
    return None


#: The small words a force's name may hold ("Avon and Somerset", "City of London").
_NAME_JOINS = {"and", "of", "&", "the"}


def _a_name(text: str) -> bool:
    """Whether the words before a title's year can be a force's name: not "PEEL" or "the",
    and capitalised words (and "and", "of") only: a site banner such as "HMIC is consulting
    on its proposed inspection programme for 2017/18" is a sentence, not a title."""
    words = text.strip(" .-").split()
    if not words or text.strip().lower() in {"peel", "the"}:
        return False
    return all(w[0].isupper() or w.lower() in _NAME_JOINS for w in words)
