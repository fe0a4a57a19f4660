"""Relations the build derives from what it extracted, so that queries read them directly.

Each follows from a report's own structure and the year's question framework:

- a finding is **evidence for** the judgment of the question it is about, or of the nearest
  question above it that the report judges (a finding under a diagnostic question is evidence
  for its core question's grade);
- an area for improvement is **supported by** each finding of the same report about the same
  question (or a question under it) that shares one of its themes, general policing aside;
- a force's value of a metric is **compared with** the comparator area's value (England and
  Wales) of the same indicator, period and unit in the same report;
- a **partnership** gathers, across every report in the build, the partner links of one force
  and one partner body: the reports, years, core questions and evidencing items.

Saved queries would otherwise rebuild these relations from every finding of the corpus on
each run (see docs/benchmarks.md). Plain model objects in, plain values out: no RDF here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .identity import item_keys
from .model import Finding, Item, Observation, Report
from .vocab import Framework, Vocabulary

#: The catch-all theme: sharing it says nothing about two items' subject.
GENERAL_THEME = "general-policing"


@dataclass(frozen=True)
class QuestionTree:
    """Which question sits under which, and at what level, in one framework."""

    parents: dict[str, str | None]
    levels: dict[str, str]

    @classmethod
    def of(cls, framework: Framework | None) -> QuestionTree:
        questions = framework.questions if framework else ()
        return cls({q.code: q.parent for q in questions}, {q.code: q.level for q in questions})

    def ancestors(self, code: str) -> Iterator[str]:
        """``code`` and the codes of the questions above it, nearest first."""
        seen: set[str] = set()
        current: str | None = code
        while current is not None and current not in seen:
            seen.add(current)
            yield current
            current = self.parents.get(current)

    def core(self, code: str) -> str:
        """The core (or headline) question ``code`` falls under: itself when it is one."""
        for candidate in self.ancestors(code):
            if self.levels.get(candidate) in ("core", "headline"):
                return candidate
        return code


def evidence_for(report: Report, framework: Framework | None) -> dict[int, str]:
    """Finding index -> the question code of the judgment that finding is evidence for."""
    tree = QuestionTree.of(framework)
    judged = {j.question for j in report.judgments}
    out: dict[int, str] = {}
    for n, finding in enumerate(report.findings):
        target = next((c for c in tree.ancestors(finding.question) if c in judged), None)
        if target is not None:
            out[n] = target
    return out


def supporting_findings(report: Report, framework: Framework | None) -> dict[int, list[int]]:
    """Area for improvement index -> indexes of the findings that support it (see above)."""
    tree = QuestionTree.of(framework)
    by_question: dict[str, list[tuple[int, Finding]]] = {}
    for n, finding in enumerate(report.findings):
        for code in tree.ancestors(finding.question):
            by_question.setdefault(code, []).append((n, finding))
    out: dict[int, list[int]] = {}
    for n, afi in enumerate(report.afis):
        themes = set(afi.themes) - {GENERAL_THEME}
        found = [i for i, f in by_question.get(afi.question, ()) if themes & set(f.themes)]
        if found:
            out[n] = sorted(set(found))
    return out


def comparisons(observations: Sequence[Observation], force: str) -> list[tuple[int, int]]:
    """(force observation, comparator observation) index pairs: each of the ``force``'s own
    values (by slug) with the comparator area's (England and Wales) value of the same indicator,
    period and unit that the report sets beside it."""
    beside: dict[tuple[str, str, str], list[int]] = {}
    for n, o in enumerate(observations):
        if o.area != force:
            beside.setdefault((o.indicator, o.period, o.unit), []).append(n)
    return [
        (n, m)
        for n, o in enumerate(observations)
        if o.area == force
        for m in beside.get((o.indicator, o.period, o.unit), ())
    ]


@dataclass(frozen=True)
class Evidence:
    """An item of one report that mentions a partner: the kind of item and its key (as in
    its IRI, see :mod:`peelgraph.identity`), its question and text."""

    report: str  # report key
    kind: str  # finding, afi, concern, recommendation
    key: str  # the item's key within its report and kind: "2016-eff-2/3"
    question: str
    text: str


@dataclass(frozen=True)
class Partnership:
    """One force and one partner body across the reports of a build."""

    force: str  # force slug
    partner: str  # partner id (gazetteer slug or force slug)
    reports: tuple[str, ...]  # report keys, sorted
    years: tuple[int, ...]  # PEEL years, sorted
    core_questions: tuple[str, ...]  # codes of the core questions of the evidence, sorted
    evidence: tuple[Evidence, ...]


def mentions(report: Report) -> dict[str, list[Evidence]]:
    """Partner id -> the items of ``report`` that mention it, in report order."""
    out: dict[str, list[Evidence]] = {}
    groups: tuple[tuple[str, Sequence[Item]], ...] = (
        ("finding", report.findings),
        ("afi", report.afis),
        ("concern", report.causes_of_concern),
        ("recommendation", report.recommendations),
    )
    for kind, items in groups:
        for item, key in zip(items, item_keys(items), strict=True):
            for pid in item.mentions:
                evidence = Evidence(report.key, kind, key, item.question, item.text)
                out.setdefault(pid, []).append(evidence)
    return out


def partnerships(reports: Iterable[Report], vocab: Vocabulary) -> list[Partnership]:
    """Every (force, partner) pair linked in at least one report (the core questions of the
    evidence come from each report's framework in ``vocab``)."""
    gathered: dict[tuple[str, str], list[tuple[Report, Evidence]]] = {}
    trees: dict[str, QuestionTree] = {}
    for report in reports:
        if report.framework not in trees:
            trees[report.framework] = QuestionTree.of(vocab.framework(report.year, report.pillar))
        for pid, items in mentions(report).items():
            gathered.setdefault((report.force_slug, pid), []).extend((report, e) for e in items)
    out = []
    for (force, pid), found in sorted(gathered.items()):
        cores = {trees[r.framework].core(e.question) for r, e in found}
        out.append(
            Partnership(
                force=force,
                partner=pid,
                reports=tuple(sorted({r.key for r, _ in found})),
                years=tuple(sorted({r.year for r, _ in found})),
                core_questions=tuple(sorted(cores)),
                evidence=tuple(e for _, e in found),
            )
        )
    return out
