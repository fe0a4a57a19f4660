"""What the page readers of the later layouts share: the area sections they scan.

The PEEL 2018/19 integrated report, the PEEL 2021+ report, the overview pages and the news
releases each read a page line by line, section by section. What a section holds is the
same on all of them: a heading (an area of policing, a question), a bare grade line right
under it, "Areas for improvement", "Causes of concern" and "Recommendations" lists, numbered
or bulleted, and findings. This module reads that much, and builds the report of a page
about one force; each reader keeps its own knowledge of where its sections start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import (
    AreaForImprovement,
    CauseOfConcern,
    Document,
    Finding,
    Judgment,
    Recommendation,
    Report,
    SourceFile,
    Span,
)
from ..vocab import ForceDef, Framework, QuestionDef
from .full_report import DEADLINE
from .grades import GradeReader, carried_over
from .layout import Block, clean, strip_marker

#: The headings of a section's item lists (folded), and the kind of item each introduces.
LIST_HEADINGS = {
    "areas for improvement": "afi",
    "area for improvement": "afi",
    "causes of concern": "concern",
    "cause of concern": "concern",
    "recommendations": "recommendation",
    "recommendation": "recommendation",
}
#: A numbered item without the list marker's punctuation: "2 The force should ...",
#: "Area for improvement 1: ...".
_NUMBERED = re.compile(r"^(?:area for improvement\s+)?\d{1,2}[.):]?\s+(?=\S)", re.IGNORECASE)


def list_item(line: str) -> tuple[int, str]:
    """A list line without its bullet or number, also a number without punctuation:
    (characters removed, rest); (0, line) for a line that is no list item."""
    removed, rest = strip_marker(line)
    numbered = _NUMBERED.match(line)
    if numbered and not removed:
        return numbered.end(), line[numbered.end() :]
    return removed, rest


@dataclass
class Statements:
    """What a page states about one framework's questions, in the order read."""

    judgments: dict[str, Judgment] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    afis: list[AreaForImprovement] = field(default_factory=list)
    concerns: list[CauseOfConcern] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # question codes whose headings were read
    warnings: list[str] = field(default_factory=list)

    @property
    def states_something(self) -> bool:
        return bool(self.judgments or self.afis or self.concerns or self.recommendations)

    def carried(self, code: str, block: Block, framework: Framework) -> bool:
        """Whether ``block`` says the question was not inspected this year and an earlier
        judgment stands ("This question was not subject to detailed inspection in 2018/19,
        and our judgment from the 2016 effectiveness inspection has been carried over."):
        recorded as grade *not inspected* with the year it is carried from, where the
        framework's scale has that grade."""
        if code in self.judgments or "not-inspected" not in framework.allowed_grades:
            return False
        stands = carried_over(block.text, framework.year)
        if stands is None:
            return False
        earlier, start, end = stands
        span = (Span(block.start + start, block.start + end),)
        self.judgments[code] = Judgment(code, "not-inspected", span, "carried-over", earlier)
        return True

    def sentence_grade(self, code: str, hit: tuple[str, int, int], block: Block) -> None:
        """The grade a sentence of ``block`` states (``hit``: grade, start, end in it)."""
        grade, start, end = hit
        span = (Span(block.start + start, block.start + end),)
        self.judgments[code] = Judgment(code, grade, span, "judgment-sentence")


@dataclass
class Section:
    """Where a reader is in a page: the question whose section it reads, whether a bare
    grade line may still follow the heading, and the item list open in it.

    ``afi_openers``: how an area for improvement may open without a bullet or number ("The
    force should ..."). ``lead_ins``: recommendations may follow a line that ends with ":"
    and states their deadline ("Within six months, the force should:"), which is no item.
    """

    afi_openers: tuple[str, ...]
    lead_ins: bool = False
    question: QuestionDef | None = None
    awaiting_grade: bool = False
    items: str | None = None  # "afi", "concern", "recommendation" or None
    lead_in: str | None = None

    def enter(self, question: QuestionDef, into: Statements) -> None:
        """The heading of ``question``'s section: its grade line may follow."""
        self.question, self.items, self.awaiting_grade = question, None, True
        into.found.append(question.code)

    def open_list(self, folded: str) -> bool:
        """True when ``folded`` is a list heading ("Areas for improvement"), now open."""
        if folded not in LIST_HEADINGS:
            return False
        self.items, self.awaiting_grade, self.lead_in = LIST_HEADINGS[folded], False, None
        return True

    def grade_line(self, block: Block, grades: GradeReader, into: Statements) -> bool:
        """True when ``block`` is a bare grade line; right under the heading of a graded
        question, the question's grade (unless one was read already)."""
        grade = grades.bare(block.text)
        awaiting, self.awaiting_grade = self.awaiting_grade, False
        if grade is None:
            return False
        question = self.question
        if awaiting and question is not None and question.graded:
            span = (Span(block.start, block.end),)
            into.judgments.setdefault(question.code, Judgment(question.code, grade, span,
                                                              "grade-line"))  # fmt: skip
        return True

    def take_item(self, block: Block, code: str, into: Statements) -> bool:
        """True when ``block`` is an item of the open list (or a recommendations' lead-in);
        otherwise the list closes and the line is the section's text."""
        line = block.text
        removed, rest = list_item(line)
        span = (Span(block.start + removed, block.end),)
        if self.items == "afi" and (removed or rest.lower().startswith(self.afi_openers)):
            into.afis.append(AreaForImprovement(code, clean(rest), span))
        elif self.items == "concern" and not removed:
            into.concerns.append(CauseOfConcern(code, clean(rest), span))
        elif (
            self.items == "recommendation"
            and self.lead_ins
            and not removed
            and (line.rstrip().endswith(":"))
        ):
            self.lead_in = line
        elif self.items == "recommendation" or (self.items == "concern" and removed):
            into.recommendations.append(self._recommendation(code, rest, span, into))
        else:
            self.items = None
            return False
        return True

    def _recommendation(
        self, code: str, rest: str, span: tuple[Span, ...], into: Statements
    ) -> Recommendation:
        """A recommendation, of the cause of concern read last (if any)."""
        concern = len(into.concerns) - 1 if into.concerns else None
        deadline = DEADLINE.search(self.lead_in or rest) if self.lead_ins else None
        stated = deadline.group(0).lower() if deadline else None
        return Recommendation(code, clean(rest), span, concern=concern, deadline=stated)


def page_report(
    text: str, source: SourceFile, force: ForceDef, framework: Framework, title: str, st: Statements
) -> Report:
    """The report of a page about one force (a reference force: never minted) and one
    framework's questions: what the page states of them, judgments by question code."""
    return Report(
        documents=(Document(source, text),),
        force_name=force.name,
        force_slug=force.slug,
        force_known=True,
        year=framework.year,
        pillar=framework.pillar,
        framework=framework.key,
        title=title,
        judgments=tuple(sorted(st.judgments.values(), key=lambda j: j.question)),
        findings=tuple(st.findings),
        afis=tuple(st.afis),
        causes_of_concern=tuple(st.concerns),
        recommendations=tuple(st.recommendations),
        sections_found=tuple(dict.fromkeys(st.found)),
        warnings=tuple(st.warnings),
    )


def page_source(path: str, sha256: str, kind: str) -> SourceFile:
    """The file a page was read from, as its report records it."""
    return SourceFile(path, Path(path).name, sha256, kind)
