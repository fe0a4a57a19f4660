"""A full report's facts as a flow of layout items, shared by the text and PDF renderers.

The order and wording follow the published reports: title page, contents, introduction,
overview with the overall judgment, then one section per core question (its diagnostic
questions, "Summary of findings", the grade word and "Areas for improvement"), next steps
and the annex. Pagination is the renderer's job; it reports back on which page each listed
heading fell, and the contents list is written from that.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .facts import CoreSection, Figure, Paragraph, Part, ReportFacts, Subheading

TITLE = "title"  # title page lines
CONTENTS = "contents"  # the contents list (filled in by the renderer)
HEADING = "heading"  # a heading listed in the contents
SUBHEADING = "subheading"  # a heading not listed
PARA = "para"
GRADE = "grade"  # the grade word under "Summary of findings"
BULLETS = "bullets"
CAPTION = "caption"
TABLE = "table"
NOTE = "note"  # a line under a table: starred note, source, "for further information"
NEW_PAGE = "new-page"

GRADE_WORDS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires-improvement": "Requires improvement",
    "inadequate": "Inadequate",
    "ungraded": "Ungraded",
    "not-inspected": "Not inspected",
}


@dataclass(frozen=True)
class Style:
    """How a report is printed: the variations a renderer may apply."""

    bullet: str = "-"  # "-" or "\u2022"
    upper_core_headings: bool = False  # core headings in capitals with a trailing " ."
    leader_dots: bool = False  # contents lines with leader dots before the tab
    missing_value: str = "\u2013"  # how a missing table value is printed ("" or a dash)
    wrap_bullets: int = 0  # hard-wrap bullets at this width (0: one line each)
    form_feeds: bool = True  # text: pages separated by form feeds


@dataclass(frozen=True)
class Item:
    kind: str
    text: str = ""
    lines: tuple[str, ...] = ()
    footnote: str | None = None  # footnote whose marker follows character ``footnote_at``
    footnote_at: int | None = None
    listed: bool = False  # listed in the contents
    keep_with_next: bool = False


@dataclass
class Flow:
    items: list[Item] = field(default_factory=list)

    def add(self, kind: str, text: str = "", **kw: object) -> None:
        self.items.append(Item(kind, text, **kw))  # type: ignore[arg-type]


def report_items(facts: ReportFacts, style: Style) -> list[Item]:
    """The report as a flow of items, in reading order."""
    flow = Flow()
    _title_pages(flow, facts)
    _introduction(flow, facts)
    _overview(flow, facts)
    # a question known only by a phrasing heads no section (CoreSection.headed)
    for section in facts.headed():
        flow.add(NEW_PAGE)
        _core(flow, facts, section, style)
    _closing(flow)
    return flow.items


def _title_pages(flow: Flow, facts: ReportFacts) -> None:
    flow.add(TITLE, lines=("Promoting improvements", "in policing to make", "everyone safer"))
    flow.add(TITLE, f"PEEL: Police {facts.pillar_label} {facts.year_label}")
    flow.add(TITLE, f"An inspection of {facts.force_name}")
    year, month = facts.published.split("-")
    from .generate import MONTHS

    flow.add(TITLE, f"{MONTHS[int(month) - 1]} {year}")
    flow.add(TITLE, f"\u00a9 HMIC {year}")
    flow.add(TITLE, f"ISBN: {facts.isbn}")
    flow.add(TITLE, "www.justiceinspectorates.gov.uk/hmic")
    flow.add(NEW_PAGE)
    flow.add(CONTENTS, "Contents")
    flow.add(NEW_PAGE)


def _introduction(flow: Flow, facts: ReportFacts) -> None:
    flow.add(HEADING, "Introduction", listed=True, keep_with_next=True)
    flow.add(
        PARA,
        f"As part of our annual inspections of police effectiveness, efficiency and legitimacy "
        f"(PEEL), HMIC assesses the {facts.pillar_label} of police forces across England and "
        f"Wales. This report sets out our findings for {facts.force_name}. To answer the "
        f"overall question, HMIC explores these \u2018core\u2019 questions:",
    )
    flow.add(
        BULLETS,
        lines=tuple(
            f"{n}. {facts.labels[s.question]}" for n, s in enumerate(facts.headed(), start=1)
        ),
    )
    flow.add(NEW_PAGE)


def _overview(flow: Flow, facts: ReportFacts) -> None:
    flow.add(HEADING, f"Overview \u2013 {facts.headline_label}", listed=True, keep_with_next=True)
    flow.add(
        SUBHEADING,
        "Overall judgment",
        footnote="HMIC judgments are outstanding, good, requires improvement and inadequate.",
        footnote_at=len("Overall judgment"),
        keep_with_next=True,
    )
    _paragraph(flow, facts.overview[0])
    flow.add(SUBHEADING, "Overall summary", keep_with_next=True)
    if facts.overview_grades:
        for s in facts.headed():
            flow.add(PARA, f"{facts.labels[s.question]}  **{GRADE_WORDS[s.grade]}**")
    for p in facts.overview[1:]:
        _paragraph(flow, p)


def _closing(flow: Flow) -> None:
    flow.add(NEW_PAGE)
    flow.add(HEADING, "Next steps", listed=True, keep_with_next=True)
    flow.add(
        PARA,
        "HMIC will assess progress on any areas for improvement identified within its reports "
        "in a number of ways.",
    )
    flow.add(HEADING, "Annex A \u2013 About the data", listed=True, keep_with_next=True)
    flow.add(
        PARA,
        "The source of the data is presented with each figure in the report, and is set out "
        "in more detail in this annex.",
    )


def _core(flow: Flow, facts: ReportFacts, section: CoreSection, style: Style) -> None:
    heading = facts.labels[section.question]
    if style.upper_core_headings:
        heading = heading.upper() + " ."
    flow.add(HEADING, heading, listed=True, keep_with_next=True)
    _parts(flow, facts, section.intro, style)
    for body in section.diagnostics:
        flow.add(HEADING, facts.labels[body.question], listed=True, keep_with_next=True)
        _parts(flow, facts, body.parts, style)
    flow.add(HEADING, "Summary of findings", listed=True, keep_with_next=True)
    flow.add(GRADE, GRADE_WORDS[section.grade], keep_with_next=True)
    for p in section.summary:
        _paragraph(flow, p)
    if section.afis:
        flow.add(SUBHEADING, "Areas for improvement", keep_with_next=True)
        flow.add(BULLETS, lines=tuple(f"{style.bullet} {afi}" for afi in section.afis))


def _parts(flow: Flow, facts: ReportFacts, parts: tuple[Part, ...], style: Style) -> None:
    for part in parts:
        if isinstance(part, Subheading):
            flow.add(SUBHEADING, part.text, keep_with_next=True)
        elif isinstance(part, Paragraph):
            _paragraph(flow, part)
        elif isinstance(part, Figure):
            _figure(flow, facts, part, style)


def _paragraph(flow: Flow, p: Paragraph) -> None:
    flow.add(PARA, p.text, footnote=p.footnote, footnote_at=p.footnote_at)


def _figure(flow: Flow, facts: ReportFacts, figure: Figure, style: Style) -> None:
    flow.add(
        CAPTION,
        f"Figure {figure.number}: {figure.title} in {facts.force_short}, for the {figure.period}",
        keep_with_next=True,
    )
    rows = [f"{figure.header}\t{facts.force_name}\tEngland and Wales"]
    for row in figure.rows:
        label = row.label + ("*" if row.unit else "")
        cells = [_number(v, style) for v in (row.force, row.comparator)]
        rows.append("\t".join([label, *cells]))
    flow.add(TABLE, lines=tuple(rows), keep_with_next=True)
    if figure.note and any(r.unit for r in figure.rows):
        flow.add(NOTE, f"* {figure.note}", keep_with_next=True)
    flow.add(NOTE, f"Source: {figure.source}", keep_with_next=True)
    flow.add(NOTE, "For further information about these data, please see annex A")


def _number(value: object, style: Style) -> str:
    return style.missing_value if value is None else str(value)
