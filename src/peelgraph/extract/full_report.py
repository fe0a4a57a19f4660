"""The full PEEL report format: the published report's text (converted from PDF).

Structure first: the title page gives pillar, year and force; the year's question scheme
names the headings; each core question ends with "Summary of findings", a grade word and
"Areas for improvement" bullets. Paragraphs between headings are findings of the question
whose heading they follow (a lead-in and its bullets are one finding); figure tables become
observations.

The walk over the blocks is a small state machine: :class:`Mode` names the kind of section
the walk is in, and :class:`_Walk` has one handler per kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ..model import AreaForImprovement, CauseOfConcern, Judgment, Recommendation, Span
from ..vocab import Framework, QuestionDef, Vocabulary
from .footnotes import footnote_blocks
from .grades import GradeReader
from .layout import Block, clean, fold, is_continuation, looks_like_heading, strip_marker
from .pages import TOC_LINE, assign_pages, table_of_contents
from .questions import QuestionMatcher, headline_predicates, predicate_of
from .tables import CAPTION

__all__ = [
    "FullReportReader",
    "Mode",
    "assign_pages",
    "core_predicates",
    "table_of_contents",
]

SUMMARY_OF_FINDINGS = "summary of findings"
AFI_HEADING = re.compile(r"^areas? for improvement$")
CONCERN_HEADING = re.compile(r"^causes? of concern$")
RECOMMENDATION_HEADING = re.compile(r"^recommendations?$")
DEADLINE = re.compile(
    r"\b(?:within|by)\s+(?:(?:\w+\s+){0,2}(?:days?|weeks?|months?|years?)|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{4})",
    re.I,
)
#: Top-level headings of the report that end the question sections.
CLOSING_HEADINGS = re.compile(r"^(?:next steps|annex\b|appendix\b|about the data|glossary)")
OPENING_HEADINGS = re.compile(r"^(?:introduction|force in numbers|contents)$")
OVERVIEW_LINE = re.compile(r"^(?P<question>.+\?)\s*\*\*(?P<grade>[^*]+)\*\*\s*$")
#: Lines that belong to a figure, under its caption and table: not narrative.
FIGURE_NOTE = re.compile(r"^(?:\*|source:|notes?:|for further information)", re.IGNORECASE)


class Mode(Enum):
    """The kind of section the walk is in."""

    BODY = "body"  # narrative paragraphs: findings
    GRADE = "grade"  # just after "Summary of findings": the grade word
    SUMMARY = "summary"  # the summary paragraphs: findings
    AFIS = "afis"  # "Areas for improvement" bullets
    CONCERNS = "concerns"  # "Cause(s) of concern" paragraphs
    RECOMMENDATIONS = "recommendations"  # a lead-in, then recommendation bullets
    CLOSED = "closed"  # outside the question sections (introduction, annexes)


#: Headings that switch the walk into a section kind of the current core question.
_SECTION_HEADINGS: tuple[tuple[re.Pattern[str], Mode, str | None], ...] = (
    (re.compile(f"^{SUMMARY_OF_FINDINGS}$"), Mode.GRADE, "Summary of findings"),
    (AFI_HEADING, Mode.AFIS, None),
    (CONCERN_HEADING, Mode.CONCERNS, None),
    (RECOMMENDATION_HEADING, Mode.RECOMMENDATIONS, None),
)


@dataclass
class Paragraph:
    """One finding-to-be: the blocks of its lead-in (several when a page break cut it) and
    the bullets under it, in order."""

    blocks: list[Block]
    question: str
    section: str | None
    items: list[tuple[str, tuple[Span, ...]]] = field(default_factory=list)

    @property
    def lead(self) -> str:
        return clean(" ".join(b.text for b in self.blocks))

    @property
    def text(self) -> str:
        return clean(" ".join([self.lead, *(text for text, _ in self.items)]))

    @property
    def bullets(self) -> tuple[str, ...]:
        return tuple(text for text, _ in self.items)

    @property
    def spans(self) -> tuple[Span, ...]:
        lead = tuple(Span(b.start, b.end, b.page) for b in self.blocks)
        return lead + tuple(span for _, spans in self.items for span in spans)

    def carry_on(self, block: Block) -> None:
        """A page break cut the paragraph (or its last bullet): ``block`` carries it on."""
        if not self.items:
            self.blocks.append(block)
            return
        text, spans = self.items[-1]
        self.items[-1] = (
            clean(f"{text} {block.text}"),
            (*spans, Span(block.start, block.end, block.page)),
        )


@dataclass
class Sections:
    """What the walk over the body found."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    afis: list[AreaForImprovement] = field(default_factory=list)
    concerns: list[CauseOfConcern] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    judgments: dict[str, Judgment] = field(default_factory=dict)
    overview_grades: dict[str, Judgment] = field(default_factory=dict)
    found: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Place:
    """Where the walk is: core question, question, sub-heading and section kind."""

    core: QuestionDef | None = None
    question: str | None = None
    section: str | None = None
    mode: Mode = Mode.BODY

    def move(self, question: str | None, section: str | None, mode: Mode) -> None:
        self.question, self.section, self.mode = question, section, mode


class FullReportReader:
    """Walks the blocks of a full report and collects its judgments, findings and AFIs."""

    def __init__(
        self,
        framework: Framework,
        vocab: Vocabulary,
        subjects: tuple[str, ...],
        headings: frozenset[str] = frozenset(),
    ):
        self.framework = framework
        self.matcher = QuestionMatcher(framework)
        self.grades = GradeReader(vocab.grades, framework.allowed_grades)
        self.subjects = subjects
        self.headline_predicates = headline_predicates(vocab, framework.pillar, framework)
        self.boilerplate = tuple(re.compile(p, re.IGNORECASE) for p in vocab.boilerplate)
        self.headings = headings  # folded headings of the contents list: never findings

    def read(self, blocks: list[Block], start: int) -> Sections:
        walk = _Walk(self, blocks)
        notes = footnote_blocks(blocks)
        for index in range(start, len(blocks)):
            if index not in notes:
                walk.step(index, blocks[index])
        return walk.out

    def is_boilerplate(self, block: Block) -> bool:
        """Standard wording that is no finding: a pattern of the reference data, a contents
        line, or a heading of the contents list."""
        folded = fold(block.text)
        if any(p.match(folded) for p in self.boilerplate):
            return True
        if all(TOC_LINE.match(line) for line in block.text.split("\n")):
            return True
        return "\n" not in block.text and folded in self.headings

    def judge(self, out: Sections, code: str, grade: str, block: Block, basis: str) -> None:
        if code in out.judgments and out.judgments[code].grade != grade:
            out.warnings.append(f"two grades for {code}: {out.judgments[code].grade} and {grade}")
            return
        out.judgments.setdefault(
            code, Judgment(code, grade, (Span(block.start, block.end, block.page),), basis)
        )

    def headline_sentence(self, out: Sections, block: Block) -> None:
        found = self.grades.judgment_sentence(block.text, self.subjects, self.headline_predicates)
        if found:
            grade, start, end = found
            out.judgments[self.framework.headline.code] = Judgment(
                self.framework.headline.code,
                grade,
                (Span(block.start + start, block.start + end, block.page),),
                "judgment-sentence",
            )


class _Walk:
    """One walk over a report's blocks: the running state and one handler per section kind."""

    def __init__(self, reader: FullReportReader, blocks: list[Block]):
        self.reader = reader
        self.blocks = blocks
        self.out = Sections()
        self.place = _Place()
        self.lead_in: str | None = None  # a recommendations lead-in, for its deadline
        self.previous: Paragraph | None = None
        self.last_block: Block | None = None
        self.in_figure = False
        self.handlers = {
            Mode.CONCERNS: self.concern,
            Mode.RECOMMENDATIONS: self.recommendation,
            Mode.AFIS: self.afi,
        }

    def step(self, index: int, block: Block) -> None:
        if self.layout(block):
            return
        if self.previous is not None and self.last_block is not None:
            if is_continuation(self.last_block, block):
                self.previous.carry_on(block)
                self.last_block = block
                return
        self.last_block = block
        if self.overview(block):
            return
        if self.place.mode is Mode.GRADE and self.grade(block):
            return
        if looks_like_heading(block) and not _cut_by_page_break(self.blocks, index):
            self.previous = None
            if self.heading(block):
                return
        self.content(block)

    def layout(self, block: Block) -> bool:
        """Tables, figure captions and their notes: not narrative."""
        if block.is_table:
            return True
        if "\n" not in block.text and CAPTION.match(block.text):
            self.in_figure, self.previous, self.last_block = True, None, None
            return True
        if self.in_figure and FIGURE_NOTE.match(block.text):
            return True
        self.in_figure = False
        return False

    def overview(self, block: Block) -> bool:
        """A line of the overview's list of questions and grades."""
        found = OVERVIEW_LINE.match(block.text)
        if not found or "\n" in block.text:
            return False
        matched = self.reader.matcher.match(found.group("question"))
        grade = self.reader.grades.bare(found.group("grade"))
        if matched is not None and grade is not None:
            span = Span(block.start, block.end, block.page)
            self.out.overview_grades[matched.code] = Judgment(
                matched.code, grade, (span,), "overview"
            )
        self.previous = None
        return True

    def grade(self, block: Block) -> bool:
        """The block after "Summary of findings": the grade word, if it is one."""
        core = self.place.core
        assert core is not None
        self.place.mode = Mode.SUMMARY
        grade = self.reader.grades.bare(block.text)
        if grade is None:
            return False
        self.reader.judge(self.out, core.code, grade, block, "summary-of-findings")
        return True

    def heading(self, block: Block) -> bool:
        """Move to the section a heading opens; False when the block is content after all
        (a heading-like line inside the areas for improvement)."""
        place, text = self.place, block.text
        matched = self.reader.matcher.match(text)
        if matched is not None and matched.level != "section":
            self.question_heading(matched, text)
            return True
        if matched is not None:  # a standard sub-heading of the framework
            if matched.parent and place.core is not None and matched.parent == place.core.code:
                place.move(place.core.code, clean(text), Mode.BODY)
            else:
                place.section = clean(text)
            return True
        folded = fold(text)
        if place.core is not None:
            for pattern, mode, section in _SECTION_HEADINGS:
                if pattern.match(folded):
                    place.move(place.core.code, section, mode)
                    self.lead_in = None
                    return True
        if CLOSING_HEADINGS.match(folded) or OPENING_HEADINGS.match(folded):
            self.place = _Place(mode=Mode.CLOSED)
            return True
        if place.mode is Mode.AFIS:
            return False
        if place.question is not None:
            place.section = clean(text)
        return True

    def question_heading(self, matched: QuestionDef, text: str) -> None:
        place = self.place
        if matched.level == "headline":
            self.place = _Place(None, matched.code)
        elif matched.level == "core":
            self.place = _Place(matched, matched.code)
        elif matched.level == "diagnostic" and place.core is not None:
            if matched.parent != place.core.code:
                self.out.warnings.append(
                    f"heading {clean(text)!r} belongs under {matched.parent}, "
                    f"found under {place.core.code}"
                )
            place.move(matched.code, None, Mode.BODY)
        self.out.found.append(matched.code)

    def content(self, block: Block) -> None:
        if self.place.question is None or self.place.mode is Mode.CLOSED:
            return
        handler = self.handlers.get(self.place.mode)
        if handler is not None and handler(block):
            return
        self.paragraph(block)

    def concern(self, block: Block) -> bool:
        if block.is_list:
            return False
        assert self.place.question is not None
        span = Span(block.start, block.end, block.page)
        self.out.concerns.append(CauseOfConcern(self.place.question, clean(block.text), (span,)))
        return True

    def recommendation(self, block: Block) -> bool:
        if not block.is_list:
            self.lead_in = block.text  # "we recommend that, within three months, the force:"
            return True
        question = self.place.question
        assert question is not None
        found = DEADLINE.search(self.lead_in or "")
        concern = len(self.out.concerns) - 1 if self.out.concerns else None
        for text, spans in _bullets(block):
            self.out.recommendations.append(
                Recommendation(question, text, spans, concern, found.group(0) if found else None)
            )
        return True

    def afi(self, block: Block) -> bool:
        question = self.place.question
        assert question is not None
        afis = self.out.afis
        if block.is_list:
            afis.extend(
                AreaForImprovement(question, text, spans) for text, spans in _bullets(block)
            )
            self.previous = None
            return True
        if afis and _continues_afi(afis[-1], block):
            # the cut bullet's end, then perhaps more bullets after it
            (rest, spans), *more = _bullets(block)
            last = afis[-1]
            afis[-1] = AreaForImprovement(
                last.question, clean(last.text + " " + rest), (*last.spans, *spans)
            )
            afis.extend(AreaForImprovement(question, t, s) for t, s in more)
            return True
        self.place.mode = Mode.BODY
        return False

    def paragraph(self, block: Block) -> None:
        """A finding: a new paragraph, or the bullets of the lead-in before it."""
        question = self.place.question
        assert question is not None
        if self.reader.is_boilerplate(block):
            self.previous = None
            return
        previous = self.previous
        if block.is_list and previous is not None and _leads_list(previous):
            previous.items.extend(_bullets(block))
            return
        headline = self.reader.framework.headline.code
        if question == headline and headline not in self.out.judgments:
            self.reader.headline_sentence(self.out, block)
        paragraph = Paragraph([block], question, self.place.section)
        if block.is_list:
            paragraph = Paragraph([], question, self.place.section, _bullets(block))
        self.out.paragraphs.append(paragraph)
        self.previous = paragraph


def _leads_list(paragraph: Paragraph) -> bool:
    """True when bullets that follow belong to the paragraph: it ends with a colon (a
    lead-in) or already holds bullets."""
    return bool(paragraph.items) or paragraph.lead.rstrip().endswith(":")


def _bullets(block: Block) -> list[tuple[str, tuple[Span, ...]]]:
    """The items of a bulleted block: text and spans (a wrapped item has one span a line)."""
    items: list[tuple[str, tuple[Span, ...]]] = []
    offset = block.start
    current: list[Span] = []
    parts: list[str] = []
    for line in block.text.split("\n"):
        removed, rest = strip_marker(line)
        stripped = rest.strip()
        if removed and parts:
            items.append((clean(" ".join(parts)), tuple(current)))
            current, parts = [], []
        if stripped:
            lead = removed + (len(rest) - len(rest.lstrip()))
            current.append(Span(offset + lead, offset + lead + len(stripped), block.page))
            parts.append(stripped)
        offset += len(line) + 1
    if parts:
        items.append((clean(" ".join(parts)), tuple(current)))
    return items


def _cut_by_page_break(blocks: list[Block], index: int) -> bool:
    """True when the block is the first line of a paragraph that a page break cut.

    A heading is never followed by a lower-case word; a paragraph's first line left alone
    at the foot of a page ('Information about the service is held on several different
    computer') is, after the page's footnotes.
    """
    for block in blocks[index + 1 : index + 12]:
        if block.is_footnote:
            continue
        return is_continuation(blocks[index], block) and block.text[:1].islower()
    return False


def _continues_afi(afi: AreaForImprovement, block: Block) -> bool:
    """True when a page break cut the last bullet and ``block`` carries it on."""
    tail = afi.text.rstrip()
    return bool(tail) and not tail.endswith((".", "?", "!", ";")) and block.text[:1].islower()


def core_predicates(framework: Framework) -> dict[str, str]:
    """For each graded core question, the wording a judgment sentence about it uses."""
    out = {}
    for q in framework.core():
        predicate = predicate_of(q)
        if predicate:
            out[q.code] = predicate
    return out
