"""The full PEEL report format: the published report's text (converted from PDF).

Structure first: the title page gives pillar, year and force; the year's question scheme
names the headings; each core question ends with "Summary of findings", a grade word and
"Areas for improvement" bullets. Paragraphs between headings are findings of the question
whose heading they follow; figure tables become observations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import FormatError
from ..model import AreaForImprovement, CauseOfConcern, Judgment, Recommendation, Span
from ..vocab import Framework, QuestionDef, Vocabulary
from .layout import Block, clean, fold, is_continuation, looks_like_heading, strip_marker
from .questions import GradeWords, QuestionMatcher, headline_predicates, predicate_of
from .tables import CAPTION

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
TOC_LINE = re.compile(r"^(?P<heading>.+?)[\s.\u2026]*\t\s*(?P<page>\d{1,3})\s*$")


@dataclass
class Paragraph:
    """One finding-to-be: the blocks of a paragraph (several when a page break cut it)."""

    blocks: list[Block]
    question: str
    section: str | None

    @property
    def text(self) -> str:
        return clean(" ".join(b.text for b in self.blocks))

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(Span(b.start, b.end, b.page) for b in self.blocks)


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


def table_of_contents(blocks: list[Block]) -> tuple[dict[str, int], int]:
    """Headings and pages of the contents list, and the index of the first block after it."""
    toc: dict[str, int] = {}
    end = 0
    for index, block in enumerate(blocks[:200]):
        if fold(block.text) == "contents":
            end = index + 1
            continue
        if end == 0:
            continue
        lines = block.text.split("\n")
        matches = [TOC_LINE.match(line) for line in lines]
        if not all(matches):
            break
        for m in matches:
            assert m is not None
            toc.setdefault(fold(m.group("heading")), int(m.group("page")))
        end = index + 1
    return toc, end


def assign_pages(blocks: list[Block], toc: dict[str, int]) -> list[Block]:
    """Page numbers for text without form feeds, derived from the contents list.

    A heading listed in the contents starts on its listed page; a block of footnotes ends a
    page. Blocks before the first listed heading get no page.
    """
    if any(b.page is not None for b in blocks) or not toc:
        return blocks
    out = []
    page: int | None = None
    in_footnotes = False
    for block in blocks:
        listed = toc.get(fold(block.text)) if "\n" not in block.text else None
        if listed is not None and (page is None or listed >= page):
            page = listed
        elif block.is_footnote:
            in_footnotes = True
        elif in_footnotes and page is not None:
            page += 1
            in_footnotes = False
        if block.is_footnote:
            in_footnotes = True
        out.append(Block(block.start, block.end, block.text, page))
    return out


class FullReportReader:
    """Walks the blocks of a full report and collects its judgments, findings and AFIs."""

    def __init__(self, framework: Framework, vocab: Vocabulary, subjects: tuple[str, ...]):
        self.framework = framework
        self.matcher = QuestionMatcher(framework)
        self.grades = GradeWords(vocab.grades, framework.allowed_grades)
        self.subjects = subjects
        self.headline_predicates = headline_predicates(vocab, framework.pillar, framework)

    def read(self, blocks: list[Block], start: int) -> Sections:
        out = Sections()
        core: QuestionDef | None = None
        question: str | None = None
        section: str | None = None
        mode = "body"  # body | grade | summary | afis | concern | recommendations | closed
        lead_in: str | None = None
        previous: Paragraph | None = None
        last_block: Block | None = None
        headline = self.framework.headline
        in_figure = False
        for index, block in enumerate(blocks[start:], start=start):
            if block.is_footnote or block.is_table:
                continue
            if "\n" not in block.text and CAPTION.match(block.text):
                in_figure, previous, last_block = True, None, None
                continue
            if in_figure and FIGURE_NOTE.match(block.text):
                continue
            in_figure = False
            text = block.text
            folded = fold(text)
            if (
                previous is not None
                and last_block is not None
                and is_continuation(last_block, block)
            ):
                previous.blocks.append(block)
                last_block = block
                continue
            last_block = block
            overview = OVERVIEW_LINE.match(text)
            if overview and "\n" not in text:
                matched = self.matcher.match(overview.group("question"))
                grade = self.grades.grade_of_word(overview.group("grade"))
                if matched is not None and grade is not None:
                    out.overview_grades[matched.code] = Judgment(
                        matched.code, grade, (Span(block.start, block.end, block.page),), "overview"
                    )
                previous = None
                continue
            if mode == "grade" and core is not None:  # the block after "Summary of findings"
                mode = "summary"
                grade = self.grades.grade_of_word(text)
                if grade is not None:
                    self._judge(out, core.code, grade, block, "summary-of-findings")
                    continue
            if looks_like_heading(block) and not _cut_by_page_break(blocks, index):
                matched = self.matcher.match(text)
                previous = None
                if matched is not None and matched.level != "section":
                    if matched.level == "headline":
                        core, question, section, mode = None, matched.code, None, "body"
                    elif matched.level == "core":
                        core, question, section, mode = matched, matched.code, None, "body"
                    elif matched.level == "diagnostic" and core is not None:
                        if matched.parent != core.code:
                            out.warnings.append(
                                f"heading {clean(text)!r} belongs under {matched.parent}, "
                                f"found under {core.code}"
                            )
                        question, section, mode = matched.code, None, "body"
                    out.found.append(matched.code)
                    continue
                if matched is not None and matched.level == "section":
                    if matched.parent and core is not None and matched.parent == core.code:
                        question, section, mode = core.code, clean(text), "body"
                    else:
                        section = clean(text)
                    continue
                if folded == SUMMARY_OF_FINDINGS and core is not None:
                    question, section, mode = core.code, "Summary of findings", "grade"
                    continue
                if AFI_HEADING.match(folded) and core is not None:
                    question, section, mode = core.code, None, "afis"
                    continue
                if CONCERN_HEADING.match(folded) and core is not None:
                    question, section, mode = core.code, None, "concern"
                    lead_in = None
                    continue
                if RECOMMENDATION_HEADING.match(folded) and core is not None:
                    question, section, mode = core.code, None, "recommendations"
                    lead_in = None
                    continue
                if CLOSING_HEADINGS.match(folded) or OPENING_HEADINGS.match(folded):
                    core, question, section, mode = None, None, None, "closed"
                    continue
                if question is not None and mode != "afis":
                    section = clean(text)
                    continue
                if mode != "afis":
                    continue
            if question is None or mode == "closed":
                continue
            if mode == "concern" and not block.is_list:
                out.concerns.append(
                    CauseOfConcern(
                        question, clean(block.text), (Span(block.start, block.end, block.page),)
                    )
                )
                continue
            if mode == "recommendations":
                if block.is_list:
                    found = DEADLINE.search(lead_in or "")
                    for text, spans in _bullets(block):
                        out.recommendations.append(
                            Recommendation(
                                question,
                                text,
                                spans,
                                concern=len(out.concerns) - 1 if out.concerns else None,
                                deadline=found.group(0) if found else None,
                            )
                        )
                else:
                    lead_in = block.text  # "we recommend that, within three months, the force:"
                continue
            if mode == "afis":
                if block.is_list:
                    out.afis.extend(
                        AreaForImprovement(question, text, spans) for text, spans in _bullets(block)
                    )
                    previous = None
                    continue
                if out.afis and _continues_afi(out.afis[-1], block, blocks):
                    # the cut bullet's end, then perhaps more bullets after it
                    (rest, spans), *more = _bullets(block)
                    last = out.afis[-1]
                    out.afis[-1] = AreaForImprovement(
                        last.question, clean(last.text + " " + rest), (*last.spans, *spans)
                    )
                    out.afis.extend(AreaForImprovement(question, t, s) for t, s in more)
                    continue
                mode = "body"
            if question == headline.code and headline.code not in out.judgments:
                self._headline_sentence(out, block)
            paragraph = Paragraph([block], question, section)
            out.paragraphs.append(paragraph)
            previous = paragraph
        return out

    def _judge(self, out: Sections, code: str, grade: str, block: Block, basis: str) -> None:
        if code in out.judgments and out.judgments[code].grade != grade:
            out.warnings.append(f"two grades for {code}: {out.judgments[code].grade} and {grade}")
            return
        out.judgments.setdefault(
            code, Judgment(code, grade, (Span(block.start, block.end, block.page),), basis)
        )

    def _headline_sentence(self, out: Sections, block: Block) -> None:
        found = self.grades.judgment_sentence(block.text, self.subjects, self.headline_predicates)
        if found:
            grade, start, end = found
            out.judgments[self.framework.headline.code] = Judgment(
                self.framework.headline.code,
                grade,
                (Span(block.start + start, block.start + end, block.page),),
                "judgment-sentence",
            )


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


def _continues_afi(afi: AreaForImprovement, block: Block, blocks: list[Block]) -> bool:
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


def require_framework(vocab: Vocabulary, year: int, pillar: str, where: str) -> Framework:
    framework = vocab.framework(year, pillar)
    if framework is None:
        known = ", ".join(f"{y} {p}" for y, p in sorted(vocab.frameworks))
        raise FormatError(
            f"no question framework for PEEL {year} {pillar} (known: {known})",
            where=where,
            hint="give its framework with --reference FILE.ttl, or add "
            f"ontology/questions-{year}-{pillar}.ttl",
        )
    if not framework.has_headline or not framework.core():
        missing = "headline question" if not framework.has_headline else "core questions"
        raise FormatError(
            f"the PEEL {year} {pillar} framework of the reference data has no {missing}, "
            "so a report of it cannot be read question by question",
            where=where,
            hint="docs/reference-data.md lists what the reference data lacks; give a fuller "
            "framework with --reference FILE.ttl",
        )
    return framework
