"""A page cut short: its last item is marked ``cut``, never stored as whole.

A fragment, a truncated download or a search excerpt ends in mid-sentence. The item whose
text runs to the end of the page (a finding, an area for improvement, a cause of concern or
a recommendation) is then incomplete: it keeps its text as far as it goes, is marked
``cut`` (mapped to ``peel:isCut true``) and the report says so in its warnings. A grade read
from a sentence cut after its grade word still counts (:mod:`.grades`).
"""

from __future__ import annotations

import dataclasses

from ..model import Report

#: How a whole page, paragraph or list item may end.
_ENDS = (".", "!", "?", ":", ";", "\u201d", '"', "'", "\u2019", ")", "]")


_LABELS = {
    "findings": "finding",
    "afis": "area for improvement",
    "causes_of_concern": "cause of concern",
    "recommendations": "recommendation",
}


def ends_cut(text: str) -> bool:
    """The text stops in mid-sentence (after trailing blank lines)."""
    tail = text.rstrip()
    return bool(tail) and not tail.endswith(_ENDS)


def mark_cut(report: Report) -> Report:
    """``report`` with the item the page ends inside marked ``cut`` and a warning."""
    text = report.text
    if not ends_cut(text):
        return report
    end = len(text.rstrip())
    kinds = ("findings", "afis", "causes_of_concern", "recommendations")
    last: tuple[int, str, int] | None = None
    for kind in kinds:
        for index, item in enumerate(getattr(report, kind)):
            item_end = max((s.end for s in item.spans), default=-1)
            if last is None or item_end > last[0]:
                last = (item_end, kind, index)
    warning = "the page ends mid-sentence: it was cut short, and what follows is missing"
    if last is None or last[0] < end - 1:
        if warning in report.warnings:
            return report
        return dataclasses.replace(report, warnings=(*report.warnings, warning))
    _, kind, index = last
    items = list(getattr(report, kind))
    items[index] = dataclasses.replace(items[index], cut=True)
    label = _LABELS[kind]
    said = f"{warning}; the last {label} is cut and not whole: {items[index].text[-60:]!r}"
    warnings = tuple(w for w in report.warnings if w != warning) + (said,)
    changed: dict[str, object] = {kind: tuple(items), "warnings": warnings}
    return dataclasses.replace(report, **changed)  # type: ignore[arg-type]
