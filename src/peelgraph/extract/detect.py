"""Which kind of PEEL document a text is."""

from __future__ import annotations

import re

from ..vocab import Vocabulary
from .layout import fold
from .metadata import find_title

FULL_REPORT = "full-report"
SUMMARY = "summary"
LANDING_PAGE = "landing-page"

SUMMARY_TITLE = re.compile(r"^(?P<force>.+?)\s+PEEL\s+(?P<year>(?:19|20)\d\d)(?:/\d\d)?\s*$")
_LANDING = re.compile(r"the extent to which [^.]{3,80}? is \w+ (?:at|in) ", re.IGNORECASE)


def detect_format(text: str, vocab: Vocabulary) -> str | None:
    """``full-report``, ``summary``, ``landing-page``, or None when it is none of them."""
    head = text[:6000]
    if find_title(head, vocab) and re.search(r"^summary of findings", text, re.I | re.M):
        return FULL_REPORT
    if _LANDING.search(head):
        return LANDING_PAGE  # checked first: its title line may read like a summary's
    first_lines = [line for line in head.split("\n") if line.strip()][:3]
    if first_lines and SUMMARY_TITLE.match(first_lines[0].strip()):
        second = fold(first_lines[1]) if len(first_lines) > 1 else ""
        if any(second == fold(p.label) for p in vocab.pillars):
            return SUMMARY
    return None
