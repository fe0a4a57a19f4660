"""Tidy CSV tables for spreadsheet users: one row per thing, IRIs and labels side by side.

Every table has one row per judgment, finding, area for improvement, observation or partner
link (partner links: one row per piece of evidence), sorted by report and then by the order
of the report; and one row per partnership (force and partner body, over every report). A
column holding an IRI is followed by its readable label (``grade``, ``grade_label``). See
docs/export.md for every column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, QB, RDF, RDFS, SKOS
from rdflib.term import Node

from ..cells import safe_cell
from ..graphio import union_graph
from ..iris import OA, PEEL

Row = dict[str, object]
_DIGITS = re.compile(r"(\d+)")


class _Reader:
    """Small helpers over one graph: first values, labels, report context."""

    def __init__(self, graph: Graph):
        self.g = graph

    def value(self, node: Node, prop: URIRef) -> object:
        values = sorted(self.g.objects(node, prop), key=str)
        return values[0] if values else None

    def text(self, node: Node | None, prop: URIRef) -> str:
        value = self.value(node, prop) if node is not None else None
        return "" if value is None else str(value)

    def label(self, node: object) -> str:
        if not isinstance(node, URIRef):
            return ""
        for prop in (SKOS.prefLabel, RDFS.label):
            labels = sorted(self.g.objects(node, prop), key=str)
            english = [v for v in labels if isinstance(v, Literal) and v.language == "en"]
            if english or labels:
                return str((english or labels)[0])
        return ""

    def iri(self, node: object) -> str:
        return str(node) if isinstance(node, URIRef) else ""

    def labelled(self, name: str, node: object) -> Row:
        return {name: self.iri(node), f"{name}_label": self.label(node)}

    def report(self, item: URIRef) -> Row:
        report = self.value(item, DCTERMS.isPartOf)
        force = self.value(report, PEEL.force) if isinstance(report, URIRef) else None
        return {
            "report": self.iri(report),
            **self.labelled("force", force),
            "year": self.text(report, PEEL.peelYear) if isinstance(report, URIRef) else "",
        }

    def partner(self, node: URIRef) -> Row:
        """The partner body a partner link or partnership is with, and its type."""
        partner = self.value(node, PEEL.partner)
        ptype = self.value(partner, PEEL.partnerType) if isinstance(partner, URIRef) else None
        return {**self.labelled("partner", partner), **self.labelled("partner_type", ptype)}

    def question(self, item: URIRef) -> Row:
        question = self.value(item, PEEL.question)
        code = self.text(question, SKOS.notation) if isinstance(question, URIRef) else ""
        return {
            "question": self.iri(question),
            "question_code": code,
            "question_label": self.label(question),
        }

    def page(self, item: URIRef) -> str:
        pages = [
            int(str(p))
            for span in self.g.objects(item, PEEL.hasSpan)
            for p in self.g.objects(span, PEEL.page)
        ]
        return str(min(pages)) if pages else ""

    def offsets(self, item: URIRef) -> tuple[str, str]:
        starts: list[tuple[int, int]] = []
        for span in self.g.objects(item, PEEL.hasSpan):
            for sel in self.g.objects(span, OA.hasSelector):
                start, end = self.value(sel, OA.start), self.value(sel, OA.end)
                if start is not None and end is not None:
                    starts.append((int(str(start)), int(str(end))))
        if not starts:
            return "", ""
        first = min(starts)
        return str(first[0]), str(first[1])

    def joined(self, item: URIRef, prop: URIRef) -> tuple[str, str]:
        nodes = sorted(n for n in self.g.objects(item, prop) if isinstance(n, URIRef))
        return " ".join(str(n) for n in nodes), "; ".join(self.label(n) for n in nodes)

    def ordinal(self, item: URIRef) -> str:
        return self.text(item, PEEL.ordinal)

    def instances(self, cls: URIRef) -> list[URIRef]:
        return sorted(n for n in self.g.subjects(RDF.type, cls) if isinstance(n, URIRef))


def _natural(value: object) -> tuple[tuple[int, int, str], ...]:
    """A sort key that orders "Figure 2" before "Figure 10" and "2016-EFF-1.2" before "1.10"."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in _DIGITS.split(str(value))
        if part
    )


def _sorted(rows: list[Row], *keys: str) -> list[Row]:
    return sorted(rows, key=lambda row: tuple(_natural(row.get(k, "")) for k in keys))


def _table(
    g: Graph, cls: URIRef, rows_of: Callable[[_Reader, URIRef], Iterator[Row]], *order: str
) -> list[Row]:
    """One table: the rows ``rows_of`` gives for each instance of ``cls``, sorted by the
    columns ``order``."""
    r = _Reader(g)
    return _sorted([row for node in r.instances(cls) for row in rows_of(r, node)], *order)


def judgments(g: Graph) -> list[Row]:
    return _table(g, PEEL.Judgment, _judgment_rows, "report", "question_code", "judgment")


def _judgment_rows(r: _Reader, node: URIRef) -> Iterator[Row]:
    report = r.value(node, DCTERMS.isPartOf)
    pillar = r.value(report, PEEL.pillar) if isinstance(report, URIRef) else None
    yield {
        "judgment": str(node),
        **r.report(node),
        **r.labelled("pillar", pillar),
        **r.question(node),
        **r.labelled("grade", r.value(node, PEEL.grade)),
        "page": r.page(node),
    }


def _item_rows(name: str, findings: bool) -> Callable[[_Reader, URIRef], Iterator[Row]]:
    """The row of a finding (``findings``) or an area for improvement, its IRI as ``name``."""

    def rows_of(r: _Reader, node: URIRef) -> Iterator[Row]:
        themes, theme_labels = r.joined(node, PEEL.theme)
        partners, partner_labels = r.joined(node, PEEL.mentions)
        start, end = r.offsets(node)
        row: Row = {name: str(node), **r.report(node), **r.question(node)}
        row["ordinal"] = r.ordinal(node)
        if findings:
            row["section"] = r.text(node, PEEL.section)
            row.update(r.labelled("finding_type", r.value(node, PEEL.findingType)))
            row["evidence_for"] = r.iri(r.value(node, PEEL.evidenceFor))
        else:
            row["supported_by"] = r.joined(node, PEEL.supportedBy)[0]
        row.update(
            {
                "themes": themes,
                "theme_labels": theme_labels,
                "partners": partners,
                "partner_labels": partner_labels,
                "text": r.text(node, PEEL.text),
                "page": r.page(node),
                "start": start,
                "end": end,
            }
        )
        yield row

    return rows_of


def findings(g: Graph) -> list[Row]:
    return _table(g, PEEL.Finding, _item_rows("finding", True), "report", "ordinal", "finding")


def areas_for_improvement(g: Graph) -> list[Row]:
    return _table(g, PEEL.AreaForImprovement, _item_rows("afi", False), "report", "ordinal", "afi")


def observations(g: Graph) -> list[Row]:
    order = ("report", "figure", "indicator", "area", "observation")
    return _table(g, QB.Observation, _observation_rows, *order)


def _observation_rows(r: _Reader, node: URIRef) -> Iterator[Row]:
    dataset = r.value(node, QB.dataSet)
    report_row = r.report(dataset) if isinstance(dataset, URIRef) else r.report(node)
    yield {
        "observation": str(node),
        **report_row,
        "figure": r.text(node, PEEL.figure),
        **r.labelled("indicator", r.value(node, PEEL.indicator)),
        "row_group": r.text(node, PEEL.rowGroup),
        "row_label": r.text(node, PEEL.rowLabel),
        **r.labelled("area", r.value(node, PEEL.refArea)),
        "period": r.text(node, PEEL.refPeriod),
        "period_end": r.text(node, PEEL.periodEnd),
        "value": r.text(node, PEEL.value),
        "qualifier": r.text(node, PEEL.valueQualifier),
        "compared_with": r.joined(node, PEEL.comparedWith)[0],
        **r.labelled("unit", r.value(node, PEEL.unit)),
        "outcome_number": r.text(node, PEEL.outcomeNumber),
        "data_source": r.text(node, PEEL.dataSource),
        "page": r.page(node),
    }


def partner_links(g: Graph) -> list[Row]:
    order = ("report", "partner_label", "link", "evidence")
    return _table(g, PEEL.PartnerLink, _partner_link_rows, *order)


def _partner_link_rows(r: _Reader, node: URIRef) -> Iterator[Row]:
    """One row per piece of evidence of the link (one row with no evidence if it has none)."""
    base: Row = {"link": str(node), **r.report(node), **r.partner(node)}
    evidence = sorted(e for e in r.g.objects(node, PEEL.evidence) if isinstance(e, URIRef))
    items: list[URIRef | None] = [*evidence] or [None]
    for item in items:
        kind = r.value(item, RDF.type) if item is not None else None
        extra = r.question(item) if item is not None else {}
        yield {
            **base,
            "evidence": r.iri(item),
            "evidence_kind": str(kind).rsplit("#", 1)[-1] if kind else "",
            "question": extra.get("question", ""),
            "question_code": extra.get("question_code", ""),
            "question_label": extra.get("question_label", ""),
            "evidence_text": r.text(item, PEEL.text) if item is not None else "",
        }


def partnerships(g: Graph) -> list[Row]:
    order = ("force_label", "partner_label", "partnership")
    return _table(g, PEEL.Partnership, _partnership_rows, *order)


def _partnership_rows(r: _Reader, node: URIRef) -> Iterator[Row]:
    cores = sorted(
        (r.text(q, SKOS.notation) for q in r.g.objects(node, PEEL.coreQuestion)), key=_natural
    )
    yield {
        "partnership": str(node),
        **r.labelled("force", r.value(node, PEEL.force)),
        **r.partner(node),
        "evidence_count": r.text(node, PEEL.evidenceCount),
        "report_count": r.text(node, PEEL.reportCount),
        "first_year": r.text(node, PEEL.firstYear),
        "last_year": r.text(node, PEEL.lastYear),
        "core_questions": "; ".join(cores),
        "links": r.joined(node, PEEL.partnerLink)[0],
    }


_REPORT = ["report", "force", "force_label", "year"]
_QUESTION = ["question", "question_code", "question_label"]
_ITEM_END = ["themes", "theme_labels", "partners", "partner_labels", "text", "page", "start", "end"]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    rows: Callable[[Graph], list[Row]]
    columns: tuple[str, ...]


#: The tables, by the name ``--table`` takes and the file name (``{name}.csv``) they get.
TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "judgments",
            "one row per judgment (graded or not)",
            judgments,
            (
                "judgment",
                *_REPORT,
                "pillar",
                "pillar_label",
                *_QUESTION,
                "grade",
                "grade_label",
                "page",
            ),
        ),  # fmt: skip
        Table(
            "findings",
            "one row per finding",
            findings,
            (
                "finding",
                *_REPORT,
                *_QUESTION,
                "ordinal",
                "section",
                "finding_type",
                "finding_type_label",
                "evidence_for",
                *_ITEM_END,
            ),
        ),  # fmt: skip
        Table(
            "areas-for-improvement",
            "one row per area for improvement",
            areas_for_improvement,
            ("afi", *_REPORT, *_QUESTION, "ordinal", "supported_by", *_ITEM_END),
        ),
        Table(
            "observations",
            "one row per metric observation",
            observations,
            (
                "observation",
                *_REPORT,
                "figure",
                "indicator",
                "indicator_label",
                "row_group",
                "row_label",
                "area",
                "area_label",
                "period",
                "period_end",
                "value",
                "qualifier",
                "compared_with",
                "unit",
                "unit_label",
                "outcome_number",
                "data_source",
                "page",
            ),
        ),  # fmt: skip
        Table(
            "partner-links",
            "one row per partner link and piece of evidence",
            partner_links,
            (
                "link",
                *_REPORT,
                "partner",
                "partner_label",
                "partner_type",
                "partner_type_label",
                "evidence",
                "evidence_kind",
                *_QUESTION,
                "evidence_text",
            ),
        ),  # fmt: skip
        Table(
            "partnerships",
            "one row per force and partner body, over every report",
            partnerships,
            (
                "partnership",
                "force",
                "force_label",
                "partner",
                "partner_label",
                "partner_type",
                "partner_type_label",
                "evidence_count",
                "report_count",
                "first_year",
                "last_year",
                "core_questions",
                "links",
            ),
        ),  # fmt: skip
    )
}


def to_csv(rows: list[Row], columns: tuple[str, ...], raw: bool = False) -> bytes:
    """Rows as UTF-8 CSV with a header line (LF line ends, minimal quoting). Cells that a
    spreadsheet would run as a formula are neutralised (:func:`safe_cell`) unless ``raw``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    if raw:
        writer.writerows(rows)
    else:
        writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")


def tables(
    ds: Dataset | Graph, names: list[str] | None = None, raw: bool = False
) -> dict[str, bytes]:
    """The chosen tables (all by default) as CSV bytes, by table name (formula-safe cells
    unless ``raw``)."""
    union = union_graph(ds)
    chosen = [TABLES[name] for name in names or list(TABLES)]
    return {t.name: to_csv(t.rows(union), t.columns, raw) for t in chosen}
