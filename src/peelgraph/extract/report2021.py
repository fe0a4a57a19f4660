"""The PEEL 2021/22 and 2023–25 report (HTML text or PDF): areas of policing, five grades.

The report opens with "Overall summary" and "Our judgments" (a grade table drawn by script,
often lost in a text copy), the inspector's observations, then one section per area of
policing: its heading, its grade (a bare line, or "Thames Valley Police is adequate at
investigating crime."), "Areas for improvement" (numbered or bulleted), "Causes of concern"
each with its "Recommendations", and the findings. The areas are the core questions of the
cycle's framework (``questions-2021-peel``, ``questions-2023-peel``): a heading is matched to
an area by the question's labels and alternative labels, or by what the question asks about
("How good is the force at investigating crime?" -> "Investigating crime").

A page with no area section whose grade or items it can read (the grade table lost, the
page cut before the areas) is refused with that reason (``no-grade``), not built empty.
"""

from __future__ import annotations

import re

from ..errors import FormatError
from ..model import Finding, Report, Span
from ..vocab import Framework, QuestionDef, Vocabulary
from .forces import ForceNames, force_or_refuse, subjects_of
from .grades import GradeReader
from .layout import Block, clean, fold, line_blocks
from .overview import framework_or_refuse
from .questions import predicate_of
from .sections import Section, Statements, page_report, page_source

REPORT_2021 = "report-2021"
#: The cycle a report names: "PEEL 2021/22", "PEEL Assessment Framework 2023–2025".
_CYCLE = re.compile(
    r"\bPEEL(?: Assessment Framework)?\s+(?P<cycle>(?P<year>20[2-9]\d)\s*(?:/|\u2013|-|to)\s*"
    r"(?:20)?\d\d)\b"
)
_ABOUT = re.compile(
    r"how good (?P<a>.{3,60}?) is\b|an inspection of (?P<b>.{3,60}?)(?:$|[.,])"
    r"|performance of (?P<c>.{3,60}?)(?:$|[.,])",
    re.IGNORECASE | re.MULTILINE,
)


def read_report_2021(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> Report:
    cycle = _CYCLE.search(text[:8000])
    if cycle is None:
        raise FormatError(
            "a PEEL report in the 2021+ layout ('Overall summary', 'Our judgments') that names "
            "no cycle ('PEEL 2021/22', 'PEEL Assessment Framework 2023\u20132025')",
            where=path,
            reason="no-year",
        )
    year = int(cycle.group("year"))
    printed, line = _force_named(text, vocab)
    chosen = force_or_refuse(printed, line, vocab, path, override=force,
                             what="the report's first lines")  # fmt: skip
    framework = framework_or_refuse(vocab, year, "peel", path)
    reader = _Reader(framework, GradeReader(vocab.grades, framework.allowed_grades),
                     subjects_of(chosen, printed))  # fmt: skip
    for block in line_blocks(text):
        reader.feed(block)
    if not reader.read.judgments and not reader.read.afis and not reader.read.concerns:
        raise FormatError(
            f"a PEEL {cycle.group('cycle')} report of {chosen.name} in which no area of "
            "policing is graded: the grade table under 'Our judgments' did not survive as "
            "text and no area section with its grade follows (the reference framework "
            f"records {len(framework.core())} area(s) of the cycle)",
            where=path,
            hint="give the report's full text or PDF",
            reason="no-grade",
        )
    title = f"PEEL {cycle.group('cycle')}: {chosen.name}"
    source = page_source(path, sha256, REPORT_2021)
    return page_report(text, source, chosen, framework, title, reader.read)


def _force_named(text: str, vocab: Vocabulary) -> tuple[str | None, str]:
    names = ForceNames.of(vocab)
    for match in _ABOUT.finditer(text[:4000]):
        name = next(g for g in match.groups() if g)
        found = names.find(name)
        if found:
            force, start, end = found[0]
            return name[start:end], match.group(0)
    first = next((line for line in text.split("\n") if line.strip()), "")
    return None, first


def area_headings(framework: Framework) -> dict[str, QuestionDef]:
    """Each core question's labels and what it asks about, folded: the headings of its
    section ("Investigating crime" for "How good is the force at investigating crime?")."""
    out: dict[str, QuestionDef] = {}
    for q in framework.core():
        for label in (q.label, *q.alt_labels):
            out.setdefault(fold(label).rstrip("?. "), q)
            asked = predicate_of(QuestionDef(q.code, label, "", None, None, True))
            if asked:
                out.setdefault(asked.rstrip("?. "), q)
    return out


class _Reader:
    """Reads the area sections line by line."""

    def __init__(self, framework: Framework, grades: GradeReader, subjects: tuple[str, ...]):
        self.framework = framework
        self.grades = grades
        self.subjects = subjects
        self.headings = area_headings(framework)
        self.read = Statements()
        self.section = Section(afi_openers=("the force",))

    def feed(self, block: Block) -> None:
        line, section = block.text, self.section
        folded = fold(line).strip().rstrip(":")
        area = self.headings.get(folded.rstrip("?. "))
        if area is not None:
            section.enter(area, self.read)
            return
        if section.question is None or section.grade_line(block, self.grades, self.read):
            return
        code = section.question.code
        if section.open_list(folded) or section.take_item(block, code, self.read):
            return
        span = (Span(block.start, block.end),)
        self.read.findings.append(Finding(code, clean(line), span, "Main findings"))
        if section.question.graded and code not in self.read.judgments:
            hit = self.grades.question(line, self.subjects, section.question)
            if hit:
                self.read.sentence_grade(code, hit, block)
