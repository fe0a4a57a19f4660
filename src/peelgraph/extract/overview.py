"""The force's overview page for one pillar: the overall grade and the questions' grades.

The page (2015 to 2018/19)::

    Skip to content
    Avon and Somerset PEEL 2017
    Effectiveness                                   (not on every page)
    How effective is the force at keeping people safe and reducing crime?
    Last updated 22/03/2018
    Good                                            (the bare grade line, when it survived)
    <summary paragraphs>
    Questions for Effectiveness                     (2018/19 pages)
    1
    How effective is the force at preventing crime, tackling anti-social behaviour ...?
    Requires improvement
    <paragraphs>

The bare grade line right under a question (or under "Last updated") is that question's
grade; the summary paragraphs may state grades outright as well (:mod:`.grades`). The first
question after the title is the pillar's headline question, whichever cycle's wording it
uses; the pillar is the line under the title or the adjective of that question ("How
effectively ..." is effectiveness).
"""

from __future__ import annotations

import re

from ..errors import FormatError
from ..model import AreaForImprovement, Finding, Judgment, Report, Span
from ..vocab import Framework, PillarDef, QuestionDef, Vocabulary
from .detect import LAST_UPDATED, OVERVIEW, head_lines
from .forces import force_or_refuse, subjects_of
from .grades import GradeReader
from .layout import Block, clean, fold, line_blocks, strip_marker
from .pagetitle import page_title
from .questions import QuestionMatcher
from .sections import Statements, page_report, page_source

_QUESTIONS_FOR = re.compile(r"^questions for \w+$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,2}\.?$")
_AFI_HEADING = re.compile(r"^areas? for improvement$", re.IGNORECASE)
_PREAMBLE = re.compile(r"^skip to (?:main )?content$", re.IGNORECASE)
_STEM = re.compile(r"^how (?P<word>\w+)\b", re.IGNORECASE)


def framework_or_refuse(
    vocab: Vocabulary,
    year: int,
    pillar: str,
    where: str,
    *,
    headline: bool = False,
    core: bool = False,
) -> Framework:
    """The year and pillar's framework, or a ``no-framework`` refusal; ``headline`` and
    ``core`` say the reader needs a headline question or core questions of it."""
    framework = vocab.framework(year, pillar)
    if framework is None:
        known = ", ".join(f"{y} {p}" for y, p in sorted(vocab.frameworks))
        raise FormatError(
            f"no question framework for PEEL {year} {pillar} (known: {known})",
            where=where,
            hint="give its framework with --reference FILE.ttl, or add "
            f"ontology/questions-{year}-{pillar}.ttl",
            reason="no-framework",
        )
    missing = [
        what
        for what, needed, present in (
            ("headline question", headline, framework.has_headline),
            ("core questions", core, bool(framework.core())),
        )
        if needed and not present
    ]
    if missing:
        raise FormatError(
            f"the PEEL {year} {pillar} framework of the reference data has no "
            f"{' and no '.join(missing)}, so this page cannot be read question by question",
            where=where,
            hint="docs/reference-data.md lists what the reference data lacks; give a fuller "
            "framework with --reference FILE.ttl",
            reason="no-framework",
        )
    return framework


def pillar_of_line(line: str, vocab: Vocabulary) -> PillarDef | None:
    """The pillar a line names ('Effectiveness') or its question asks about ('How
    effectively ...?', 'How efficient is ...?'), from the pillars' labels."""
    folded = fold(line).strip(" :")
    for p in vocab.pillars:
        if folded in {fold(w) for w in (p.label, *p.alt_labels)}:
            return p
    stem = _STEM.match(folded)
    if stem and folded.endswith("?"):
        word = stem.group("word")
        for p in vocab.pillars:
            for label in (p.label, *p.alt_labels):
                label = fold(label)
                if " " not in label and len(label) > 5 and word.startswith(label[:6]):
                    return p
    return None


def read_overview(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> Report:
    lines = head_lines(text)
    title = page_title(lines)
    assert title is not None and title.peel  # detect_format checked it
    chosen = force_or_refuse(title.force, title.line, vocab, path, override=force)
    blocks = [b for b in line_blocks(text) if not _PREAMBLE.match(b.text)]
    start = next(i for i, b in enumerate(blocks) if b.text.strip() == title.line) + 1
    pillar = _pillar_of_page(blocks, start, vocab)
    if pillar is None:
        raise FormatError(
            f"an overview page titled {title.line!r} that names no pillar (no pillar line and no "
            "'How effective/efficient/legitimate ...' question under the title)",
            where=path,
            reason="no-pillar",
        )
    framework = framework_or_refuse(vocab, title.year, pillar.slug, path)
    read = read_sections(blocks[start:], framework, pillar, vocab, subjects_of(chosen, title.force))
    if not read.found:
        raise FormatError(
            f"an overview page titled {title.line!r} with no question of the PEEL {title.year} "
            f"{pillar.slug} framework",
            where=path,
            reason="no-question",
        )
    heading = f"{title.force} PEEL {title.year}: {pillar.label}"
    return page_report(text, page_source(path, sha256, OVERVIEW), chosen, framework, heading, read)


def _pillar_of_page(blocks: list[Block], start: int, vocab: Vocabulary) -> PillarDef | None:
    """The overview's pillar: named (or asked about) in the lines under its title, or else by
    its "Questions for <Pillar>" line (a 2014 page's heading, "How well the force delivers
    value for money", names none)."""
    for block in blocks[start : start + 3]:
        pillar = pillar_of_line(block.text, vocab)
        if pillar is not None:
            return pillar
    for block in blocks[start:]:
        if _QUESTIONS_FOR.match(block.text):
            return pillar_of_line(block.text.split()[-1], vocab)
    return None


#: A paragraph whose last sentence announces the areas for improvement listed under it:
#: "One area for improvement remained from that inspection.", "Two areas for improvement
#: remain:", "The following areas for improvement ...".
_AFIS_ANNOUNCED = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:one|two|three|four|five|six|\d+)\s+areas?|the following areas?)\s+"
    r"for improvement\b[^.!?]*[.:]\s*$",
    re.IGNORECASE,
)


def read_sections(
    blocks: list[Block],
    framework: Framework,
    pillar: PillarDef,
    vocab: Vocabulary,
    subjects: tuple[str, ...],
) -> Statements:
    """The questions of an overview, from the line under its title on: judgments (bare
    grade lines, then grade sentences), findings, AFIs, question codes found, warnings."""
    matcher = QuestionMatcher(framework)
    reader = GradeReader(vocab.grades, framework.allowed_grades)
    read = Statements()
    current: QuestionDef | None = None
    awaiting_grade = False
    in_afis = False
    for block in blocks:
        line = block.text
        if pillar_of_line(line, vocab) is pillar and not line.endswith("?"):
            continue
        if _QUESTIONS_FOR.match(line) or _NUMBER.match(line):
            continue
        if LAST_UPDATED.match(line):
            awaiting_grade = current is not None
            continue
        question = _question(line, matcher, framework, current)
        if question is not None:
            current, awaiting_grade, in_afis = question, True, False
            read.found.append(question.code)
            continue
        if current is None:
            if not framework.has_headline:  # a 2014 page's opening grades its questions
                _grades_in(block, None, framework, pillar, vocab, reader, subjects, read)
            continue
        grade = reader.bare(line)
        if grade is not None:
            if awaiting_grade:
                span = Span(block.start, block.end)
                read.judgments[current.code] = Judgment(current.code, grade, (span,), "grade-line")
            awaiting_grade = False
            continue
        awaiting_grade = False
        if _AFI_HEADING.match(line):
            in_afis = True
            continue
        removed, rest = strip_marker(line)
        if in_afis and removed:
            span = Span(block.start + removed, block.end)
            read.afis.append(AreaForImprovement(current.code, clean(rest), (span,)))
            continue
        # "... has been carried over. One area for improvement remained from that
        # inspection.": the list follows without its heading
        in_afis = bool(_AFIS_ANNOUNCED.search(line))
        span = Span(block.start, block.end)
        read.findings.append(Finding(current.code, clean(line), (span,), "Overview"))
        if current.level == "core" and read.carried(current.code, block, framework):
            continue
        _grades_in(block, current, framework, pillar, vocab, reader, subjects, read)
    return read


def _question(
    line: str, matcher: QuestionMatcher, framework: Framework, current: QuestionDef | None
) -> QuestionDef | None:
    if not line.rstrip().endswith("?"):
        return None
    matched = matcher.match(line)
    if matched is not None and matched.level in ("headline", "core"):
        return matched
    if current is None and framework.has_headline and _STEM.match(fold(line)):
        return framework.headline  # the first question is the headline, in any wording
    return None


def _grades_in(
    block: Block,
    current: QuestionDef | None,
    framework: Framework,
    pillar: PillarDef,
    vocab: Vocabulary,
    reader: GradeReader,
    subjects: tuple[str, ...],
    read: Statements,
) -> None:
    """Grades a paragraph states outright: the pillar's under the headline question, and
    any core question's (``current`` None: the opening of a page whose framework has no
    headline question); a grade line read first stands, a disagreement is a warning."""
    found: list[tuple[str, tuple[str, int, int]]] = []
    headline = reader.pillar(block.text, subjects, pillar, vocab) if current else None
    overall = current is None or current.level == "headline"
    if current is not None and current.level == "headline" and headline:
        found.append((current.code, headline))
    judged = reader.judges(block.text, subjects) if current is not None else None
    if current is not None and judged and current.graded:
        found.append((current.code, judged))
    for q in framework.core():
        if q.graded and (overall or (current is not None and q.code == current.code)):
            hit = reader.question(block.text, subjects, q)
            # the words that grade the pillar grade no core question ("in the way it treats
            # the public and its workforce" is not "treating the public fairly")
            if hit and not (headline and hit[1] < headline[2] and headline[1] < hit[2]):
                found.append((q.code, hit))
    for code, hit in found:
        earlier = read.judgments.get(code)
        if earlier is None:
            read.sentence_grade(code, hit, block)
        elif earlier.grade != hit[0]:
            read.warnings.append(
                f"{code}: the page says {earlier.grade} ({earlier.basis}) and also {hit[0]} in "
                f"a sentence; kept {earlier.grade}"
            )
