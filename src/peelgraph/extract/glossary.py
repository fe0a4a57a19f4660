"""Acronyms a report defines: "multi agency safeguarding hubs (MASH)", "MARAC (Multi Agency
Risk Assessment Conference)", and footnotes such as "¹⁶ IDVA – independent domestic abuse
advisors are ...".

A pair is kept only when the letters of the acronym can be found, in order, at word starts of
the expansion (the Schwartz-Hearst test), so "(see annex A)" or "(excluding fraud)" never
become entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .layout import SUPERSCRIPTS

_SHORT = r"(?P<short>[A-Z][A-Za-z0-9&]{1,11})"
_LONG_THEN_SHORT = re.compile(
    rf"(?P<before>[A-Za-z][^()\n.;:]{{2,160}}?)\s*\(\s*{_SHORT}\s*\)[{SUPERSCRIPTS}]*"
)
#: Where a "(SHORT)" is: only there can _LONG_THEN_SHORT end (its long form holds no "(").
_PAREN_SHORT = re.compile(rf"\(\s*{_SHORT}\s*\)")
_SHORT_THEN_LONG = re.compile(rf"\b{_SHORT}\s*\((?P<long>[A-Za-z][^()\n]{{3,120}}?)\)")
_FOOTNOTE_DEFINITION = re.compile(
    rf"^[{SUPERSCRIPTS}]+\s+(?:\d+\s+)?(?:The\s+|An?\s+)?{_SHORT}\s*[\u2013\u2014-]\s*"
    rf"(?P<long>[A-Za-z][A-Za-z\s'\u2019-]{{3,120}}?)\s+(?:are|is|was|were|may|can|has|have)\b",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Acronym:
    acronym: str
    expansion: str
    span: Span


def _acronym(short: str) -> str | None:
    """The acronym without a plural 's'; None unless it has two or more capitals."""
    core = short[:-1] if len(short) > 2 and short.endswith("s") and short[-2].isupper() else short
    if sum(c.isupper() for c in core) < 2 or not core[0].isupper():
        return None
    return core


def best_long_form(short: str, candidate: str) -> str | None:
    """The shortest tail of ``candidate`` whose word starts spell ``short`` (Schwartz & Hearst)."""
    s = len(short) - 1
    i = len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            candidate[i].lower() != c or (s == 0 and i > 0 and candidate[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = candidate.rfind(" ", 0, i + 1) + 1
    tail = candidate[start:].strip()
    words = tail.split()
    if not words or len(words) > len(short) + 5 or tail.lower().startswith(short.lower()):
        return None
    return tail


def _starts_words(short: str, long: str) -> bool:
    """A forward expansion must begin with the acronym's first letter and spell it."""
    found = best_long_form(short, long)
    return found is not None and long.lower().startswith(found.lower()[:1]) and found == long


def _long_then_short(text: str) -> list[re.Match[str]]:
    """The matches ``_LONG_THEN_SHORT.finditer(text)`` gives, found in linear time: the
    pattern is tried only in the window before each "(SHORT)", not at every letter."""
    found: list[re.Match[str]] = []
    end = 0
    for paren in _PAREN_SHORT.finditer(text):
        if paren.start() < end:
            continue
        before_end = paren.start()
        while before_end > end and text[before_end - 1].isspace():
            before_end -= 1
        stop = paren.end()
        while stop < len(text) and text[stop] in SUPERSCRIPTS:
            stop += 1
        m = _LONG_THEN_SHORT.search(text, max(end, before_end - 161), stop)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


def find_acronyms(text: str) -> list[Acronym]:
    """Every acronym definition in ``text``, the first definition of each acronym only."""
    found: dict[str, Acronym] = {}

    def keep(acronym: str | None, expansion: str, start: int, end: int) -> None:
        if acronym and expansion and acronym not in found:
            found[acronym] = Acronym(acronym, " ".join(expansion.split()), Span(start, end))

    hits: list[tuple[int, str | None, str, int, int]] = []
    for m in _long_then_short(text):
        acronym = _acronym(m.group("short"))
        if acronym is None:
            continue
        words = m.group("before").split()
        candidate = " ".join(words[-min(len(acronym) + 5, len(acronym) * 2) :])
        long = best_long_form(acronym, candidate)
        if long:
            start = m.start("before") + m.group("before").rfind(long.split()[0])
            hits.append((start, acronym, long, start, m.end()))
    for m in _SHORT_THEN_LONG.finditer(text):
        acronym = _acronym(m.group("short"))
        long = m.group("long").strip()
        if acronym and _starts_words(acronym, " ".join(long.split()[: len(acronym) + 5])):
            hits.append((m.start(), acronym, long, m.start(), m.end()))
    for m in _FOOTNOTE_DEFINITION.finditer(text):
        acronym = _acronym(m.group("short"))
        long = m.group("long").strip()
        if acronym and _starts_words(acronym, long):
            hits.append((m.start("short"), acronym, long, m.start("short"), m.end("long")))
    for _, acronym, long, start, end in sorted(hits, key=lambda h: h[0]):
        keep(acronym, long, start, end)
    return list(found.values())
