"""The facts a synthetic report states, and what extraction must read back from it.

A :class:`ReportFacts` is the ground truth of one generated report: the renderers write it
as text (or PDF) in a PEEL format, and the ``expected_*`` methods say what the extractor
must find in that text. Round-trip tests compare the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

#: How each format states grades: the full report has a grade word under "Summary of
#: findings" (and the overall judgment sentence); summaries and landing pages state them in
#: judgment sentences only.
FULL = "full"
SUMMARY = "summary"
LANDING = "landing"
#: The page kinds added for issue 15: the pillar's overview page (grade lines, AFIs), a
#: force's news release (grades only) and the PEEL 2021/22 and 2023-25 report (areas of
#: policing, five grades, no overall grade).
OVERVIEW = "overview"
NEWS = "news"
REPORT_2021 = "report-2021"


@dataclass(frozen=True)
class Paragraph:
    """A narrative paragraph: a finding of the question it is written under.

    ``footnote`` is the text of a footnote whose marker follows the word at character
    ``footnote_at`` (the end of that word); ``partners`` are the gazetteer ids of the partner
    bodies the text names on purpose.
    """

    text: str
    footnote: str | None = None
    footnote_at: int | None = None
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class Subheading:
    """A sub-heading that is not a framework question ("Does the force ...?")."""

    text: str


@dataclass(frozen=True)
class Row:
    label: str
    force: Decimal | None  # None: the value is missing (printed as a dash or left blank)
    comparator: Decimal | None
    unit: str | None = None  # a starred row whose note gives another unit


@dataclass(frozen=True)
class Figure:
    """A figure with a table: one row label column, the force and England and Wales."""

    number: int
    title: str  # "Police-recorded crime rates (per 1,000 population)"
    header: str  # first column's header
    unit: str  # unit slug the caption implies
    period: str  # "12 months to 31 March 2016"
    rows: tuple[Row, ...]
    source: str = "Home Office data"
    note: str | None = None  # a starred note under the table


Part = Paragraph | Subheading | Figure


@dataclass(frozen=True)
class QuestionBody:
    """What is written under one framework question's heading."""

    question: str  # question code
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class CoreSection:
    """One core question's section: introduction, diagnostic sections, summary, AFIs.

    ``headed`` is False for a question known only by a phrasing ("Planning for the future",
    no question): no page heads a section with it, so the kinds that head their sections by
    question (full report, web summary, overview) leave its section out, and its grade is
    stated in sentences only (the overview's first paragraph, a release's judgments), as the
    real pages do.
    """

    question: str
    grade: str  # grade slug ("ungraded" for an ungraded question)
    judgment: str | None  # the judgment sentence opening the summary, if the question has one
    intro: tuple[Part, ...] = ()
    diagnostics: tuple[QuestionBody, ...] = ()
    summary: tuple[Paragraph, ...] = ()
    afis: tuple[str, ...] = ()
    headed: bool = True


@dataclass(frozen=True)
class ReportFacts:
    """Everything one synthetic report states."""

    force_name: str  # "Wessex Constabulary"
    force_short: str  # "Wessex"
    force_slug: str
    force_known: bool
    subject: str  # "force" or "constabulary": how the report refers to it
    year: int
    year_label: str  # "2016" or "2018/19"
    pillar: str  # pillar slug
    pillar_label: str  # "effectiveness"
    framework: str  # question scheme key
    published: str  # YYYY-MM
    isbn: str
    headline: str  # headline question code
    headline_label: str  # the headline question as the report words it
    headline_predicate: str  # "keeping people safe and reducing crime"
    pillar_adjective: str  # "effective": as a landing page's judgment sentence words it
    overall: str  # overall grade slug
    overall_sentence: str  # the judgment sentence that states it
    overview: tuple[Paragraph, ...]
    sections: tuple[CoreSection, ...]
    missing_sections: tuple[str, ...] = ()  # core questions left out on purpose
    overview_grades: bool = True  # the overview lists each core question with its grade
    inspector: str = "Zoë Billingham"
    labels: dict[str, str] = field(default_factory=dict, compare=False)  # code -> heading

    # ---- what extraction must read back -------------------------------------------------

    def expected_judgments(self, fmt: str = FULL) -> dict[str, str]:
        """Question code -> grade slug, as the given format states them.

        A summary states no overall judgment; a landing page states only the overall one.
        """
        if fmt == REPORT_2021:
            return {s.question: s.grade for s in self.sections if s.grade != "ungraded"}
        if fmt in (OVERVIEW, NEWS):
            # an overview prints a grade line per graded question; a release states the
            # grades of the questions a judgment sentence can be built for
            # (the grade of a section no page heads is in the overview's first paragraph)
            out = {self.headline: self.overall}
            for s in self.sections:
                if s.judgment is not None if fmt == NEWS else s.grade != "ungraded":
                    out[s.question] = s.grade
            return out
        out = {self.headline: self.overall} if fmt != SUMMARY else {}
        if fmt == LANDING:
            # the observations are the overview's paragraphs: the first states the grades of
            # the questions known only by a phrasing
            out.update((s.question, s.grade) for s in self.unheaded() if s.grade != "ungraded")
            return out
        for s in self.headed():
            if fmt == FULL or s.judgment is not None:
                out[s.question] = s.grade
        return out

    def expected_afis(self, fmt: str = FULL) -> list[tuple[str, str]]:
        if fmt in (LANDING, NEWS):
            return []
        return [(s.question, afi) for s in self.headed() for afi in s.afis]

    def expected_findings(self, fmt: str = FULL) -> list[tuple[str, str | None, str]]:
        """(question code, section, text) of every narrative paragraph, in order."""
        if fmt == SUMMARY:
            return [(s.question, "Summary", p.text) for s in self.headed() for p in s.summary]
        if fmt == LANDING:
            return [(self.headline, "HMI\u2019s observations", p.text) for p in self.overview]
        if fmt == NEWS:
            return []
        if fmt == OVERVIEW:
            out_o = [(self.headline, "Overview", p.text) for p in self.overview]
            out_o += [(s.question, "Overview", p.text) for s in self.headed() for p in s.summary]
            return out_o  # type: ignore[return-value]
        if fmt == REPORT_2021:
            return [(s.question, "Main findings", p.text) for s in self.headed() for p in s.summary]
        out: list[tuple[str, str | None, str]] = []
        out.extend((self.headline, "Overall judgment", p.text) for p in self.overview[:1])
        out.extend((self.headline, "Overall summary", p.text) for p in self.overview[1:])
        for s in self.headed():
            out.extend(_body_findings(s.question, s.intro))
            for body in s.diagnostics:
                out.extend(_body_findings(body.question, body.parts))
            out.extend((s.question, "Summary of findings", p.text) for p in s.summary)
        return out

    def expected_sections(self) -> list[str]:
        """Question codes whose headings the report has, in order."""
        out = [self.headline]
        for s in self.headed():
            out.append(s.question)
            out.extend(body.question for body in s.diagnostics)
        return out

    def expected_observations(self) -> set[tuple[str, str, str, str, str, Decimal]]:
        """(figure, row label, area slug, unit, period, value) of every value printed."""
        out = set()
        for figure in self.figures():
            for row in figure.rows:
                values = ((self.force_slug, row.force), ("england-and-wales", row.comparator))
                for area, value in values:
                    if value is not None:
                        unit = row.unit or figure.unit
                        name = f"Figure {figure.number}"
                        out.add((name, row.label, area, unit, figure.period, value))
        return out

    def figures(self) -> list[Figure]:
        parts: list[Part] = []
        for s in self.headed():
            parts.extend(s.intro)
            for body in s.diagnostics:
                parts.extend(body.parts)
        return [p for p in parts if isinstance(p, Figure)]

    def paragraphs(self) -> list[Paragraph]:
        out = list(self.overview)
        for s in self.headed():
            out.extend(p for p in s.intro if isinstance(p, Paragraph))
            for body in s.diagnostics:
                out.extend(p for p in body.parts if isinstance(p, Paragraph))
            out.extend(s.summary)
        return out

    def headed(self) -> tuple[CoreSection, ...]:
        """The sections a page heads by their question (see :attr:`CoreSection.headed`)."""
        return tuple(s for s in self.sections if s.headed)

    def unheaded(self) -> tuple[CoreSection, ...]:
        """The sections of questions known only by a phrasing: written on no page."""
        return tuple(s for s in self.sections if not s.headed)

    def subject_phrase(self, capital: bool = False) -> str:
        text = f"the {self.subject}"
        return text[0].upper() + text[1:] if capital else text


def _body_findings(code: str, parts: tuple[Part, ...]) -> list[tuple[str, str | None, str]]:
    out: list[tuple[str, str | None, str]] = []
    section: str | None = None
    for part in parts:
        if isinstance(part, Subheading):
            section = part.text
        elif isinstance(part, Paragraph):
            out.append((code, section, part.text))
    return out
