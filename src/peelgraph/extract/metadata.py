"""What a report says about itself: pillar, year, force, publication date, ISBN, publisher."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import ForceDef, Vocabulary
from .layout import fold

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), start=1)}
_MONTH_YEAR = re.compile(r"^(?P<month>[A-Z][a-z]+)\s+(?P<year>(?:19|20)\d\d)$")
_ISBN = re.compile(r"ISBN[:\s]*(?P<isbn>97[89][-\s]?(?:\d[-\s]?){9}\d|(?:\d[-\s]?){9}[\dX])")
_INSPECTION_OF = re.compile(r"^An inspection of (?:the )?(?P<name>.+?)\s*$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©\s*(?:Crown copyright\s*)?(?P<org>[A-Za-z&]+)\s+(?P<year>\d{4})")


@dataclass(frozen=True)
class TitleFacts:
    """What a report's title line says ("PEEL: Police effectiveness 2016"), and where the
    title stands in the text (character offsets of the match)."""

    pillar: str  # pillar slug
    year: int
    title_line: str
    start: int
    end: int


def peel_title_head(pillar: str) -> str:
    """The opening of a PEEL report's title line as a regex ("PEEL: Police effectiveness
    2016", "PEEL: police legitimacy 2017/18"), ``pillar`` the pattern of its pillar word."""
    return rf"^PEEL:?\s*(?:Police\s+)?(?P<pillar>{pillar})\s+(?P<year>(?:19|20)\d\d)(?:/\d\d)?"


def title_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    """'PEEL: Police effectiveness 2016' and its variants, pillar words from the reference data."""
    words = sorted(
        {fold(w) for p in vocab.pillars for w in (p.label, *p.alt_labels) if " " not in w.strip()},
        key=len,
        reverse=True,
    )
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(peel_title_head(alternation) + r"\b", re.IGNORECASE | re.MULTILINE)


def pillar_of(word: str, vocab: Vocabulary) -> str | None:
    folded = fold(word)
    for p in vocab.pillars:
        if folded in {fold(w) for w in (p.label, *p.alt_labels)}:
            return p.slug
    return None


def pillar_of_heading(line: str, vocab: Vocabulary) -> str | None:
    """The pillar a web page's line under its title names: its name ("Effectiveness"), or
    its headline question as a framework words it ("How effectively does the force reduce
    crime and keep people safe?", the 2018/19 question view, which has no pillar line)."""
    named = pillar_of(line, vocab)
    if named is not None:
        return named
    folded = fold(line)
    if not folded.endswith("?"):
        return None
    for framework in vocab.frameworks.values():
        if framework.has_headline and framework.pillar != "peel":
            labels = (framework.headline.label, *framework.headline.alt_labels)
            if folded in {fold(label) for label in labels}:
                return framework.pillar
    return None


def find_title(text: str, vocab: Vocabulary) -> TitleFacts | None:
    match = title_pattern(vocab).search(text[:5000])
    if not match:
        return None
    pillar = pillar_of(match.group("pillar"), vocab)
    if pillar is None:
        return None
    return TitleFacts(
        pillar, int(match.group("year")), match.group(0).strip(), match.start(), match.end()
    )


def resolve_force(name: str, vocab: Vocabulary) -> ForceDef | None:
    """The reference force a printed name refers to ('Thames Valley Police', 'Thames Valley')."""
    folded = fold(name)
    for force in vocab.forces:
        if folded in {fold(n) for n in (force.name, *force.alt_labels)}:
            return force
    return None


def find_force_name(lines: list[str]) -> str | None:
    """The force named by 'An inspection of X' in the opening lines."""
    for line in lines:
        match = _INSPECTION_OF.match(line.strip())
        if match:
            return match.group("name").rstrip(".")
    return None


def find_published(lines: list[str]) -> str | None:
    """The publication month ('March 2017' → '2017-03') from a line of its own."""
    for line in lines:
        match = _MONTH_YEAR.match(line.strip())
        if match and match.group("month").lower() in _MONTHS:
            return f"{match.group('year')}-{_MONTHS[match.group('month').lower()]:02d}"
    return None


def find_isbn(text: str) -> str | None:
    match = _ISBN.search(text)
    return " ".join(match.group("isbn").split()) if match else None


def find_publisher(text: str, vocab: Vocabulary) -> str | None:
    """The publishing inspectorate from the copyright line ('© HMIC 2017' → hmic)."""
    match = _COPYRIGHT.search(text)
    if not match:
        return None
    org = match.group("org").lower()
    for slug, labels in vocab.publishers.items():
        if org in {label.lower() for label in labels}:
            return slug
    return None
