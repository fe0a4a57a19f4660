"""The force web summary format: one line per paragraph under the core-question headings.

``{Force} PEEL {year}`` / pillar / headline question, then each core question, its summary
paragraphs and, where there are any, "Areas for improvement" with "- " bullets. Grades are
recorded only where a judgment sentence states them ("The force is good at preventing
crime ...").
"""

from __future__ import annotations

from ..model import AreaForImprovement, Finding, Judgment, Span
from ..vocab import Framework, QuestionDef, Vocabulary
from .detect import SUMMARY_TITLE
from .full_report import AFI_HEADING
from .grades import GradeReader, carried_over
from .layout import Block, clean, fold, line_blocks, strip_marker
from .questions import QuestionMatcher


def read_summary(
    text: str, framework: Framework, vocab: Vocabulary, subjects: tuple[str, ...]
) -> tuple[list[Judgment], list[Finding], list[AreaForImprovement], list[str], list[str]]:
    """Judgments, findings, AFIs, question codes found, and warnings."""
    matcher = QuestionMatcher(framework)
    reader = GradeReader(vocab.grades, framework.allowed_grades)
    graded = {q.code: q for q in framework.core() if q.graded}
    judgments: dict[str, Judgment] = {}
    findings: list[Finding] = []
    afis: list[AreaForImprovement] = []
    found: list[str] = []
    core: str | None = None
    in_afis = False
    blocks = line_blocks(text)
    start = next((i for i, b in enumerate(blocks) if SUMMARY_TITLE.match(b.text)), 0) + 2
    after_heading = opening = False  # opening: the section's first paragraph is to come
    for block in blocks[start:]:
        matched = matcher.match(block.text) if block.text.rstrip().endswith("?") else None
        if matched is not None and matched.level in ("headline", "core"):
            core = matched.code if matched.level == "core" else None
            in_afis = False
            after_heading = opening = True
            found.append(matched.code)
            continue
        if core is None:
            continue
        grade = reader.bare(block.text)
        if grade is not None:  # a grade line right under the question is its grade
            if after_heading and core in graded:
                span = (Span(block.start, block.end),)
                judgments.setdefault(core, Judgment(core, grade, span, "grade-line"))
            after_heading = False
            continue
        after_heading = False
        if AFI_HEADING.match(fold(block.text)):
            in_afis = True
            continue
        removed, rest = strip_marker(block.text)
        if in_afis and removed:
            start = block.start + removed
            afis.append(AreaForImprovement(core, clean(rest), (Span(start, block.end),)))
            continue
        in_afis = False
        findings.append(
            Finding(core, clean(block.text), (Span(block.start, block.end),), "Summary")
        )
        judgment = _judgment(block, framework, graded.get(core), reader, subjects, opening)
        if judgment is not None:
            judgments.setdefault(core, judgment)
        opening = False
    warnings = [
        f"{j.question}: not inspected this year, but 'not inspected' is not a grade of the "
        f"PEEL {framework.year} {framework.pillar} framework; not recorded"
        for j in judgments.values()
        if j.grade not in framework.allowed_grades
    ]
    judgments = {k: j for k, j in judgments.items() if j.grade in framework.allowed_grades}
    warnings += [f"the summary has no section for {q.code} (cut short?)"
                 for q in framework.core() if q.code not in found]  # fmt: skip
    return list(judgments.values()), findings, afis, found, warnings


def _judgment(
    block: Block,
    framework: Framework,
    question: QuestionDef | None,
    reader: GradeReader,
    subjects: tuple[str, ...],
    opening: bool = False,
) -> Judgment | None:
    """The grade a paragraph states for its question, or that the question was not
    inspected this year and an earlier judgment stands; the section's opening paragraph
    may state it in its own words ("<Force> is good at keeping vulnerable people safe")."""
    if question is None:
        return None
    stands = carried_over(block.text, framework.year)
    if stands is not None:
        earlier, start, end = stands
        span = Span(block.start + start, block.start + end)
        return Judgment(question.code, "not-inspected", (span,), "carried-over", earlier)
    hit = reader.question(block.text, subjects, question)
    if hit is None and opening:
        hit = reader.opening(block.text, subjects, question)
    if hit is None:
        return None
    grade, start, end = hit
    span = Span(block.start + start, block.start + end)
    return Judgment(question.code, grade, (span,), "judgment-sentence")
