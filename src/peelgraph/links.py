"""Links across reports: what a later report says about an earlier one's points.

A follow-up ("In HMIC's effectiveness inspection report in 2015, we reported that the force
should ...") is linked to the earlier report's area for improvement it quotes, and an area
for improvement that recurs in a later report is linked to its earlier self, when both
reports are in the build. Matching is by force, pillar, year and the words of the texts;
nothing is assumed equal across years without that evidence.

The links live in their own named graph (``pid:graph/links``), rebuilt on every build from
the reports: a report's own graph never depends on another report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .identity import item_keys
from .model import AreaForImprovement, FollowUp, Judgment, Report

#: How alike two texts must be (Jaccard similarity of their content words) to be linked.
THRESHOLD = 0.5

_STOP = frozenset(
    "a an and are as at be by for force constabulary from has have in is it its of on or our "
    "should so that the their this to was we were which will with would".split()
)
_WORD = re.compile(r"[a-z][a-z'-]+")


def content_words(text: str) -> frozenset[str]:
    """The words of a text that carry its meaning (lower case, stop words out)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the content words of two texts (0 to 1)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


@dataclass(frozen=True)
class Link:
    """``later`` (a follow-up or AFI of ``later_report``) follows up ``earlier``; the keys
    name each item within its report (see :mod:`peelgraph.identity`)."""

    later_report: str
    later_kind: str  # "follow-up" or "afi"
    later: FollowUp | AreaForImprovement
    later_key: str
    earlier_report: str
    earlier: AreaForImprovement
    earlier_key: str
    score: float


def _best(text: str, report: Report) -> tuple[AreaForImprovement, str, float] | None:
    """The AFI of ``report`` most like ``text`` (at least :data:`THRESHOLD`), with its key."""
    scored = [
        (afi, key, similarity(text, afi.text))
        for afi, key in zip(report.afis, item_keys(report.afis), strict=True)
    ]
    scored = [item for item in scored if item[2] >= THRESHOLD]
    if not scored:
        return None
    return max(scored, key=lambda item: (item[2], item[0].text))


def cross_report_links(reports: list[Report]) -> list[Link]:
    """Every follow-up and recurring AFI linked to the earlier AFI it is about."""
    by_force: dict[tuple[str, str], list[Report]] = {}
    for report in reports:
        by_force.setdefault((report.force_slug, report.pillar), []).append(report)
    links: list[Link] = []
    for history in by_force.values():
        history.sort(key=lambda r: r.year)
        for index, later in enumerate(history):
            earlier_reports = history[:index]
            if not earlier_reports:
                continue
            links.extend(_follow_up_links(later, earlier_reports))
            previous = earlier_reports[-1]
            for afi, key in zip(later.afis, item_keys(later.afis), strict=True):
                best = _best(afi.text, previous)
                if best:
                    links.append(Link(later.key, "afi", afi, key, previous.key, *best))
    return links


def _follow_up_links(later: Report, earlier_reports: list[Report]) -> list[Link]:
    """Each follow-up of ``later`` linked to the AFI it quotes, in the latest earlier report
    of the year it names (any year when it names none) that has a close enough AFI."""
    links = []
    for follow_up, key in zip(later.follow_ups, item_keys(later.follow_ups), strict=True):
        pool = [
            r
            for r in earlier_reports
            if follow_up.earlier_year is None or r.year == follow_up.earlier_year
        ]
        text = follow_up.earlier_text or follow_up.text
        for earlier in reversed(pool):
            best = _best(text, earlier)
            if best:
                links.append(Link(later.key, "follow-up", follow_up, key, earlier.key, *best))
                break
    return links


@dataclass(frozen=True)
class CarriedOver:
    """``later`` (a judgment of a question not inspected that year) carries over
    ``earlier``, the judgment of the same question in the year the report names."""

    later_report: str
    later: Judgment
    earlier_report: str
    earlier: Judgment


def _question_in_pillar(code: str) -> str:
    """A question's place in its pillar, the same across years: 2017-EFF-1 -> EFF-1."""
    return code.split("-", 1)[1] if "-" in code else code


def carried_over_links(reports: list[Report]) -> list[CarriedOver]:
    """Each 'not inspected this year, the earlier grade stands' judgment linked to the
    judgment of that question in the year it names, when that report is in the build."""
    by_key = {(r.force_slug, r.pillar, r.year): r for r in reports}
    links = []
    for later in reports:
        for judgment in later.judgments:
            if judgment.carried_from is None:
                continue
            earlier = by_key.get((later.force_slug, later.pillar, judgment.carried_from))
            if earlier is None:
                continue
            place = _question_in_pillar(judgment.question)
            match = next(
                (j for j in earlier.judgments if _question_in_pillar(j.question) == place), None
            )
            if match is not None and match.carried_from is None:
                links.append(CarriedOver(later.key, judgment, earlier.key, match))
    return links
