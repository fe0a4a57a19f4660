"""A force's news release about its PEEL report: the grades it states, nothing else.

The release names the force in its headline ("Avon and Somerset Constabulary's effectiveness
at keeping people safe and reducing crime is good"), links the report ("PEEL: police
effectiveness 2016 – Avon and Somerset Constabulary", "Get the report") and may list the
question grades under "HMIC judged that <Force>:" as bullets ("is 'good' at preventing
crime ...;", "'requires improvement' in how it tackles serious and organised crime"). Each
bullet is read as a sentence with the force as its subject. The quotations from the
inspector are not findings of the report, and are not kept. A release that states no grade
that can be recorded is refused (``news-release``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import FormatError
from ..model import Judgment, Report, Span
from ..vocab import Framework, Vocabulary
from .forces import ForceNames, force_or_refuse, subjects_of
from .grades import GradeReader
from .layout import Block, clean, line_blocks, strip_marker
from .metadata import peel_title_head, pillar_of
from .overview import framework_or_refuse
from .sections import Statements, page_report, page_source

NEWS = "news-release"
#: The line that links the release's report: its title and the force.
_REPORT_LINE = re.compile(
    peel_title_head("[a-z]+") + r"\s*[\u2013\u2014-]\s*(?:an inspection of\s+)?(?P<force>.+?)\s*$",
    re.IGNORECASE,
)
_JUDGED_THAT = re.compile(r"\bjudged that (?P<subject>.+?):\s*$", re.IGNORECASE)
_QUOTED = re.compile(r"[\u2018'\u201c\"](?P<word>[A-Za-z -]{3,25})[\u2019'\u201d\"]")


def read_news(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> Report:
    """The report a release is about, with the grades it states (refused if it states none)."""
    blocks = line_blocks(text)
    first = blocks[0].text if blocks else ""
    report_line, pillar = _report_line(blocks, first, vocab, path)
    year = int(report_line.group("year"))
    printed = report_line.group("force")
    chosen = force_or_refuse(printed, report_line.group(0), vocab, path, override=force,
                             what="the release's report line")  # fmt: skip
    framework = framework_or_refuse(vocab, year, pillar, path, headline=True)
    judgments = _judgments(blocks, vocab, framework, pillar, subjects_of(chosen, printed), sha256)
    if not judgments:
        raise FormatError(
            f"a news release about {chosen.name} that states no grade of the PEEL {year} "
            f"{pillar} framework (first line: {clean(first)[:80]!r})",
            where=path,
            hint="give the force's report or its PEEL web pages",
            reason=NEWS,
        )
    read = Statements(judgments=judgments, found=list(judgments))
    title = clean(report_line.group(0))
    return page_report(text, page_source(path, sha256, NEWS), chosen, framework, title, read)


def _report_line(
    blocks: list[Block], first: str, vocab: Vocabulary, path: str
) -> tuple[re.Match[str], str]:
    """The line that links the report ('PEEL: police <pillar> <year> \u2013 <force>') and its
    pillar's slug; a release without one is refused."""
    report_line = next((m for b in blocks[:40] if (m := _REPORT_LINE.match(b.text))), None)
    pillar = pillar_of(report_line.group("pillar"), vocab) if report_line else None
    if report_line is None or pillar is None:
        named = ForceNames.of(vocab).named_in(first)
        about = f" about {named[0].name}" if named else ""
        raise FormatError(
            f"a news release{about}, not an inspection report: it names no PEEL pillar and year "
            f"of a report ('PEEL: police <pillar> <year> \u2013 <force>'; first line: "
            f"{clean(first)[:80]!r})",
            where=path,
            hint="give the force's report or its PEEL web pages",
            reason=NEWS,
        )
    return report_line, pillar


def _judgments(
    blocks: list[Block],
    vocab: Vocabulary,
    framework: Framework,
    pillar: str,
    subjects: tuple[str, ...],
    sha256: str,
) -> dict[str, Judgment]:
    """The first grade each line states of the pillar (its headline) or of a core question."""
    reader = GradeReader(vocab.grades, framework.allowed_grades)
    pillar_def = next(p for p in vocab.pillars if p.slug == pillar)
    judgments: dict[str, Judgment] = {}
    for block, line in _sentences(blocks, vocab):
        span = (Span(block.start, block.end, None, sha256),)
        hit = reader.pillar(line, subjects, pillar_def, vocab)
        if hit and framework.headline.code not in judgments:
            judgments[framework.headline.code] = Judgment(
                framework.headline.code, hit[0], span, "judgment-sentence"
            )
        for q in framework.core():
            found = reader.question(line, subjects, q) if q.graded else None
            if found and q.code not in judgments:
                judgments[q.code] = Judgment(q.code, found[0], span, "judgment-sentence")
    return judgments


def _sentences(blocks: list[Block], vocab: Vocabulary) -> Iterator[tuple[Block, str]]:
    """Each line as a sentence to read: quoted grade words unquoted, and a bullet under
    "judged that <Force>:" given the force as its subject. The "judged that" line itself
    is not read."""
    words = {w.lower() for g in vocab.grades for w in (g.label, *g.alt_labels)}
    subject: str | None = None
    for block in blocks:
        line = _QUOTED.sub(
            lambda m: m.group("word") if m.group("word").lower() in words else m.group(0),
            block.text,
        )
        judged = _JUDGED_THAT.search(line)
        if judged:
            subject = judged.group("subject")
            continue
        removed, rest = strip_marker(line)
        if removed and subject:
            line = f"{subject} {rest}"
        elif not removed:
            subject = None
        yield block, line
