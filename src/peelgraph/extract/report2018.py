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

from ..errors import FormatError
from ..model import Finding, Report, Span
from ..vocab import Framework, QuestionDef, Vocabulary
from .forces import ForceNames, force_or_refuse, subjects_of
from .grades import GradeReader
from .layout import Block, clean, fold, line_blocks
from .questions import QuestionMatcher
from .sections import LIST_HEADINGS, Section, Statements, page_report, page_source

INTEGRATED = "integrated-report"
#: The integrated report's title, as on its cover or a copy of it.
INTEGRATED_TITLE = re.compile(
    r"^PEEL\b:?\s*(?:Police\s+)?effectiveness,\s*efficiency\s*(?:,|and)\s*legitimacy\s+"
    r"(?P<year>(?:19|20)\d\d)\s*/\s*\d\d\b(?:\s*[\u2013\u2014-]\s*(?P<force>.+))?$",
    re.IGNORECASE,
)
_INSPECTION_OF = re.compile(r"^an inspection of\b\s*(?P<name>.*)$", re.IGNORECASE)
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
    return next((m for line in lines[:4] if (m := INTEGRATED_TITLE.match(line))), None)


def is_integrated(lines: list[str], vocab: Vocabulary) -> bool:
    """An integrated report's title, and a pillar's heading question as a line of its own
    (the body, not only the contents list, where headings run on one line)."""
    title = integrated_title(lines)
    if title is None:
        return False
    headings = set(_heading_index(integrated_frameworks(vocab, int(title.group("year")))))
    return any(fold(line).rstrip() in headings for line in lines)


def integrated_frameworks(vocab: Vocabulary, year: int) -> list[Framework]:
    """The frameworks of the pillars an integrated assessment of ``year`` grades."""
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
    read: Statements = field(default_factory=Statements)


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
    frameworks = integrated_frameworks(vocab, year)
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
    title_of = f"PEEL: Police effectiveness, efficiency and legitimacy {cycle} \u2013 {chosen.name}"
    source = page_source(path, sha256, INTEGRATED)
    reports = [
        page_report(text, source, chosen, part.framework, title_of, part.read)
        for part in reader.parts.values()
        if part.read.states_something
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
        # an AFI may open "It should ..."; recommendations may follow a lead-in that states
        # their deadline ("Within six months, the force should:")
        self.section = Section(afi_openers=("the force", "it "), lead_ins=True)
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
        if not line or line.isdigit() or INTEGRATED_TITLE.match(line):
            return  # a PDF's page number or running head (the report's title), not content
        heading = self._heading(line)
        if heading is not None:
            framework, question = heading
            self.part = self.parts[framework.pillar]
            self.section.enter(question, self.part.read)
            return
        folded = fold(line).strip().rstrip(":")
        if self._landmark(folded, line):
            return
        if self.part is not None and self.section.open_list(folded):
            return
        self._grade_sentences(block)
        part, current = self.part, self.section.question
        if part is None or current is None:
            return
        if self.section.grade_line(block, self.grades[part.framework.pillar], part.read):
            return
        if not self.section.take_item(block, current.code, part.read):
            finding = Finding(current.code, clean(block.text), (Span(block.start, block.end),))
            part.read.findings.append(finding)

    def _landmark(self, folded: str, line: str) -> bool:
        """True when the line starts a pillar's part, a summary, the contents, or a listed
        section that is no question of the framework ("Armed policing")."""
        section = self.section
        if folded in self.pillar_lines:  # the pillar's part begins: its headline next
            self.part = self.parts[self.pillar_lines[folded]]
            framework = self.part.framework
            section.question = framework.headline if framework.has_headline else None
            section.items = None
            return True
        if folded in {"overall summary", "summary", "contents"}:
            section.items = None
            if folded != "summary":
                self.part, section.question = None, None
            return True
        if folded in self.listed and folded not in LIST_HEADINGS:
            # what it says belongs to no question, and is not read as the section before's
            if self.part is not None and folded not in _CONTEXT:
                self.part.read.warnings.append(
                    f"section {clean(line)!r} is no {self.part.framework.key} question: "
                    "its grade and items are not read"
                )
            section.question, section.items = None, None
            return True
        return False

    def _grade_sentences(self, block: Block) -> None:
        """The pillar grades a sentence states anywhere (the overall summary states all
        three), and the grade of the section's own question or, in a pillar's summary, of
        any of the pillar's core questions."""
        line = block.text
        for slug, part in self.parts.items():
            headline = part.framework.headline if part.framework.has_headline else None
            if headline is None or headline.code in part.read.judgments:
                continue
            pillar = next(p for p in self.vocab.pillars if p.slug == slug)
            hit = self.grades[slug].pillar(line, self.subjects, pillar, self.vocab)
            if hit is None:
                hit = self.grades[slug].question(line, self.subjects, headline)
            if hit is not None:
                part.read.sentence_grade(headline.code, hit, block)
        question = self.section.question
        if self.part is None or question is None:
            return
        framework = self.part.framework
        if question.level == "headline":
            questions = [q for q in framework.core() if q.graded]
        else:
            questions = [question] if question.graded else []
        for q in questions:
            if q.code in self.part.read.judgments:
                continue
            hit = self.grades[framework.pillar].question(line, self.subjects, q)
            if hit is not None:
                self.part.read.sentence_grade(q.code, hit, block)
