"""The PEEL 2018/19 integrated report (text or PDF copy): one report across the pillars.

"PEEL: Police effectiveness, efficiency and legitimacy 2018/19", "An inspection of <force>",
then "Overall summary" and one part per pillar: the pillar's heading question ("How
effectively does the force reduce crime and keep people safe?"), its summary, and one
section per component ("Investigating crime", "Planning for the future", ...) with its grade
(a bare line or a sentence), "Areas for improvement", "Cause(s) of concern" and their
"Recommendations". The questions are those of the 2018/19 frameworks of the three pillars
(``questions-2018-effectiveness``, ``-efficiency``, ``-legitimacy``), the leadership ones
marked there: a heading is matched by a question's labels and alternative labels, a grade
sentence by what the question asks about (:mod:`.grades`).

One report per pillar the page states something about; a page that states nothing (a
cover and contents) is refused with that reason (``no-content``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FormatError
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
from ..vocab import Framework, QuestionDef, Vocabulary
from .forces import ForceNames, force_or_refuse, subjects_of
from .full_report import DEADLINE
from .grades import GradeReader
from .layout import Block, clean, fold, line_blocks, strip_marker
from .questions import QuestionMatcher

INTEGRATED = "integrated-report"
#: The integrated report's title, as on its cover or a copy of it.
_TITLE = re.compile(
    r"^PEEL\b:?\s*(?:Police\s+)?effectiveness,\s*efficiency\s*(?:,|and)\s*legitimacy\s+"
    r"(?P<year>(?:19|20)\d\d)\s*/\s*\d\d\b(?:\s*[\u2013\u2014-]\s*(?P<force>.+))?$",
    re.IGNORECASE,
)
_INSPECTION_OF = re.compile(r"^an inspection of\b\s*(?P<name>.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?:area for improvement\s+)?\d{1,2}[.):]?\s+(?=\S)", re.IGNORECASE)
_PARTS = {
    "areas for improvement": "afi",
    "area for improvement": "afi",
    "causes of concern": "concern",
    "cause of concern": "concern",
    "recommendations": "recommendation",
    "recommendation": "recommendation",
}
_PILLARS = ("effectiveness", "efficiency", "legitimacy")
#: A heading and its page in the contents list ("Armed policing 21", "Annex A – About the data 47").
_LISTED = re.compile(r"(?P<heading>[A-Z][^\d\n]{2,90}?)\s+\d{1,3}(?=\s|$)")
#: Listed sections that are no question and hold nothing to read against one.
_CONTEXT = {"summary", "force in context", "what this report contains", "overall summary"}


def listed_headings(lines: list[str]) -> set[str]:
    """The headings of the contents list (folded), however the copy broke its lines."""
    out: set[str] = set()
    start = next((i for i, line in enumerate(lines[:40]) if fold(line) == "contents"), None)
    if start is None:
        return out
    for line in lines[start + 1 : start + 60]:
        found = [fold(m.group("heading")).rstrip(" .") for m in _LISTED.finditer(line)]
        if not found:
            break
        out.update(found)
    return out


def integrated_title(lines: list[str]) -> re.Match[str] | None:
    """The title line of an integrated report among a page's first lines (its cover: a
    landing page names the report further down, under "Download the full report"), or None."""
    return next((m for line in lines[:4] if (m := _TITLE.match(line))), None)


def is_integrated(lines: list[str], vocab: Vocabulary) -> bool:
    """An integrated report's title, and a pillar's heading question as a line of its own
    (the body, not only the contents list, where headings run on one line)."""
    title = integrated_title(lines)
    if title is None:
        return False
    headings = set(_heading_index(_frameworks(vocab, int(title.group("year")))))
    return any(fold(line).rstrip() in headings for line in lines)


def _frameworks(vocab: Vocabulary, year: int) -> list[Framework]:
    return [f for p in _PILLARS if (f := vocab.framework(year, p)) is not None]


def _heading_index(frameworks: list[Framework]) -> dict[str, tuple[Framework, QuestionDef]]:
    """Every headline and core question's labels, folded: the headings of the report."""
    out: dict[str, tuple[Framework, QuestionDef]] = {}
    for framework in frameworks:
        for q in framework.questions:
            if q.level in {"headline", "core"}:
                for label in (q.label, *q.alt_labels):
                    out.setdefault(fold(label).rstrip(" ."), (framework, q))
    return out


@dataclass
class _Part:
    """What is read for one pillar."""

    framework: Framework
    judgments: dict[str, Judgment] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    afis: list[AreaForImprovement] = field(default_factory=list)
    concerns: list[CauseOfConcern] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def states_something(self) -> bool:
        return bool(self.judgments or self.afis or self.concerns or self.recommendations)


def read_integrated(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> list[Report]:
    """One report per pillar of the integrated report that states a grade or an item."""
    blocks = line_blocks(text)
    lines = [b.text for b in blocks]
    title = integrated_title(lines)
    if title is None:
        raise FormatError(
            "no 'PEEL: Police effectiveness, efficiency and legitimacy <year>/<yy>' title line",
            where=path,
            reason="unknown-format",
        )
    year = int(title.group("year"))
    frameworks = _frameworks(vocab, year)
    if not frameworks:
        raise FormatError(
            f"a PEEL {year} integrated report: the reference data has no framework of that "
            "cycle for effectiveness, efficiency or legitimacy",
            where=path,
            hint="add the cycle's frameworks with --reference FILE.ttl",
            reason="no-framework",
        )
    printed, line = _force_named(lines, title, vocab)
    chosen = force_or_refuse(printed, line, vocab, path, override=force, what="the title page")
    reader = _Reader(frameworks, vocab, subjects_of(chosen, printed), listed_headings(lines))
    for block in blocks:
        reader.feed(block)
    cycle = f"{year}/{(year + 1) % 100:02d}"
    reports = [
        Report(
            documents=(Document(SourceFile(path, Path(path).name, sha256, INTEGRATED), text),),
            force_name=chosen.name,
            force_slug=chosen.slug,
            force_known=True,
            year=year,
            pillar=part.framework.pillar,
            framework=part.framework.key,
            title=f"PEEL: Police effectiveness, efficiency and legitimacy {cycle} "
            f"\u2013 {chosen.name}",
            judgments=tuple(sorted(part.judgments.values(), key=lambda j: j.question)),
            findings=tuple(part.findings),
            afis=tuple(part.afis),
            causes_of_concern=tuple(part.concerns),
            recommendations=tuple(part.recommendations),
            sections_found=tuple(dict.fromkeys(part.found)),
            warnings=tuple(part.warnings),
        )
        for part in reader.parts.values()
        if part.states_something
    ]
    if not reports:
        raise FormatError(
            f"a PEEL {cycle} integrated report of {chosen.name} that states no grade, area "
            "for improvement or cause of concern (a cover and contents without the text?)",
            where=path,
            hint="give the whole report (PDF or text)",
            reason="no-content",
        )
    return reports


def _force_named(
    lines: list[str], title: re.Match[str], vocab: Vocabulary
) -> tuple[str | None, str]:
    """The force the title page names ("An inspection of Sussex Police", or the title's
    "– Sussex Police"), as printed, with the line it is on."""
    names = ForceNames.of(vocab)
    candidates = [m.group("name") for line in lines[:20] if (m := _INSPECTION_OF.match(line))]
    if title.group("force"):
        candidates.append(title.group("force"))
    for name in candidates:
        found = names.find(name)
        if found:
            _, start, end = found[0]
            return name[start:end], name
    inspection = next((line for line in lines[:20] if _INSPECTION_OF.match(line)), None)
    return None, inspection or title.group(0)


class _Reader:
    """Reads the report line by line: pillar parts, component sections, their items."""

    def __init__(
        self,
        frameworks: list[Framework],
        vocab: Vocabulary,
        subjects: tuple[str, ...],
        listed: set[str],
    ):
        self.vocab = vocab
        self.listed = listed
        self.subjects = subjects
        self.headings = _heading_index(frameworks)
        self.parts = {f.pillar: _Part(f) for f in frameworks}
        self.grades = {f.pillar: GradeReader(vocab.grades, f.allowed_grades) for f in frameworks}
        self.matchers = [QuestionMatcher(f) for f in frameworks]
        self.part: _Part | None = None
        self.question: QuestionDef | None = None
        self.items: str | None = None
        self.awaiting_grade = False
        self.lead_in: str | None = None  # "Within six months, the force should:"
        self.pillar_lines = {
            fold(label): f.pillar
            for f in frameworks
            for p in vocab.pillars
            if p.slug == f.pillar
            for label in (p.label, *p.alt_labels)
        }

    def _heading(self, line: str) -> tuple[Framework, QuestionDef] | None:
        folded = fold(line).strip().rstrip(" .")
        if folded in self.headings:
            return self.headings[folded]
        for matcher in self.matchers:
            q = matcher.match(line) if folded.endswith("?") else None
            if q is not None and q.level in {"headline", "core"}:
                return matcher.framework, q
        return None

    def feed(self, block: Block) -> None:
        line = block.text.strip("\f ")
        if not line or line.isdigit() or _TITLE.match(line):
            return  # a PDF's page number or running head (the report's title), not content
        heading = self._heading(line)
        if heading is not None:
            framework, question = heading
            self.part, self.question = self.parts[framework.pillar], question
            self.items, self.awaiting_grade = None, True
            self.part.found.append(question.code)
            return
        folded = fold(line).strip().rstrip(":")
        if folded in self.pillar_lines:  # the pillar's part begins: its headline next
            self.part = self.parts[self.pillar_lines[folded]]
            self.question = (
                self.part.framework.headline if self.part.framework.has_headline else None
            )
            self.items = None
            return
        if folded in {"overall summary", "summary", "contents"}:
            self.items = None
            if folded != "summary":
                self.part = self.question = None
            return
        if folded in self.listed and folded not in _PARTS:
            # a listed section that is no question of the framework ("Armed policing"):
            # what it says belongs to no question, and is not read as the section before's
            if self.part is not None and folded not in _CONTEXT:
                self.part.warnings.append(
                    f"section {clean(line)!r} is no {self.part.framework.key} question: "
                    "its grade and items are not read"
                )
            self.question, self.items = None, None
            return
        if folded in _PARTS and self.part is not None:
            self.items, self.awaiting_grade, self.lead_in = _PARTS[folded], False, None
            return
        self._grade_sentences(block)
        if self.part is None or self.question is None:
            return
        grade = self.grades[self.part.framework.pillar].bare(line)
        if grade is not None:
            if self.awaiting_grade and self.question.graded:
                span = (Span(block.start, block.end),)
                self.part.judgments.setdefault(
                    self.question.code, Judgment(self.question.code, grade, span, "grade-line")
                )
            self.awaiting_grade = False
            return
        self.awaiting_grade = False
        self._item_or_finding(block)

    def _item_or_finding(self, block: Block) -> None:
        assert self.part is not None and self.question is not None
        part, code, line = self.part, self.question.code, block.text
        removed, rest = strip_marker(line)
        numbered = _NUMBERED.match(line)
        if numbered and not removed:
            removed, rest = numbered.end(), line[numbered.end() :]
        span = (Span(block.start + removed, block.end),)
        if self.items == "afi" and (removed or rest.lower().startswith(("the force", "it "))):
            part.afis.append(AreaForImprovement(code, clean(rest), span))
        elif self.items == "concern" and not removed:
            part.concerns.append(CauseOfConcern(code, clean(rest), span))
        elif self.items == "recommendation" and not removed and line.rstrip().endswith(":"):
            self.lead_in = line  # the lead-in of the bullets: their deadline, not an item
        elif self.items == "recommendation" or (self.items == "concern" and removed):
            concern = len(part.concerns) - 1 if part.concerns else None
            deadline = DEADLINE.search(self.lead_in or rest)
            part.recommendations.append(
                Recommendation(code, clean(rest), span, concern=concern,
                               deadline=deadline.group(0).lower() if deadline else None)
            )  # fmt: skip
        else:
            self.items = None
            part.findings.append(Finding(code, clean(line), (Span(block.start, block.end),)))

    def _grade_sentences(self, block: Block) -> None:
        """The pillar grades a sentence states anywhere (the overall summary states all
        three), and the grade of the section's own question or, in a pillar's summary, of
        any of the pillar's core questions."""
        line = block.text
        for slug, part in self.parts.items():
            headline = part.framework.headline if part.framework.has_headline else None
            if headline is None or headline.code in part.judgments:
                continue
            pillar = next(p for p in self.vocab.pillars if p.slug == slug)
            hit = self.grades[slug].pillar(line, self.subjects, pillar, self.vocab)
            if hit is None:
                hit = self.grades[slug].question(line, self.subjects, headline)
            if hit is not None:
                span = (Span(block.start + hit[1], block.start + hit[2]),)
                part.judgments[headline.code] = Judgment(
                    headline.code, hit[0], span, "judgment-sentence"
                )
        if self.part is None or self.question is None:
            return
        framework = self.part.framework
        if self.question.level == "headline":
            questions = [q for q in framework.core() if q.graded]
        else:
            questions = [self.question] if self.question.graded else []
        for q in questions:
            if q.code in self.part.judgments:
                continue
            hit = self.grades[framework.pillar].question(line, self.subjects, q)
            if hit is not None:
                span = (Span(block.start + hit[1], block.start + hit[2]),)
                self.part.judgments[q.code] = Judgment(q.code, hit[0], span, "judgment-sentence")
