"""Combining documents that describe the same report (full report + force summary).

Built together they give one set of judgments and one set of areas for improvement: an item
stated by both documents becomes one item with spans in each.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, TypeVar

from .model import (
    AreaForImprovement,
    CauseOfConcern,
    Finding,
    FollowUp,
    GlossaryEntry,
    Judgment,
    Observation,
    Report,
)
from .textkeys import normalise_text

_BASIS_ORDER = {"summary-of-findings": 0, "overview": 1, "judgment-sentence": 2}

Item = TypeVar(
    "Item", Finding, AreaForImprovement, Observation, CauseOfConcern, FollowUp, GlossaryEntry
)


def group_reports(reports: Iterable[Report]) -> list[Report]:
    """One report per key (force, year, pillar), merging documents of the same inspection."""
    by_key: dict[str, list[Report]] = {}
    for report in reports:
        by_key.setdefault(report.key, []).append(report)
    return [merge_reports(group) for _, group in sorted(by_key.items())]


def merge_reports(reports: list[Report]) -> Report:
    """Merge reports of one key; the full report (if any) leads."""
    if len(reports) == 1:
        return reports[0]
    ordered = sorted(
        reports, key=lambda r: (r.source.document_format != "full-report", r.source.path)
    )
    lead = ordered[0]
    warnings = list(lead.warnings)
    judgments: dict[str, Judgment] = {}
    for report in ordered:
        warnings.extend(w for w in report.warnings if report is not lead)
        for j in report.judgments:
            held = judgments.get(j.question)
            if held is None:
                judgments[j.question] = j
            elif held.grade != j.grade:
                warnings.append(
                    f"{j.question}: {report.source.name} says {j.grade}, kept {held.grade}"
                )
            elif _BASIS_ORDER.get(j.basis, 9) < _BASIS_ORDER.get(held.basis, 9):
                judgments[j.question] = dataclasses.replace(j, spans=j.spans + held.spans)
            else:
                judgments[j.question] = dataclasses.replace(held, spans=held.spans + j.spans)
    return dataclasses.replace(
        lead,
        documents=tuple(d for r in ordered for d in r.documents),
        title=next((r.title for r in ordered if r.title), None),
        published=next((r.published for r in ordered if r.published), None),
        isbn=next((r.isbn for r in ordered if r.isbn), None),
        publisher=next((r.publisher for r in ordered if r.publisher), None),
        judgments=tuple(sorted(judgments.values(), key=lambda j: j.question)),
        findings=_merge_items([r.findings for r in ordered], lambda f: (f.question, f.text)),
        afis=_merge_items([r.afis for r in ordered], lambda a: (a.question, a.text)),
        causes_of_concern=_merge_items(
            [r.causes_of_concern for r in ordered], lambda c: (c.question, c.text)
        ),
        recommendations=tuple(r for rep in ordered[:1] for r in rep.recommendations),
        follow_ups=_merge_items([r.follow_ups for r in ordered], lambda f: (f.question, f.text)),
        glossary=_merge_items([r.glossary for r in ordered], lambda e: (e.acronym,)),
        observations=_merge_items(
            [r.observations for r in ordered], lambda o: (o.indicator, o.area, o.period)
        ),
        sections_found=tuple(dict.fromkeys(c for r in ordered for c in r.sections_found)),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _merge_items(groups: list[tuple[Item, ...]], key) -> tuple[Item, ...]:  # type: ignore[no-untyped-def]
    merged: dict[object, Item] = {}
    for group in groups:
        for item in group:
            k = tuple(normalise_text(str(part)) for part in key(item))
            held = merged.get(k)
            if held is None:
                merged[k] = item
            else:
                mentions = tuple(
                    dict.fromkeys(getattr(held, "mentions", ()) + getattr(item, "mentions", ()))
                )
                changes: dict[str, Any] = {"spans": held.spans + item.spans}
                if hasattr(held, "mentions"):
                    changes["mentions"] = mentions
                merged[k] = dataclasses.replace(held, **changes)
    return tuple(merged.values())
