"""The force's PEEL landing page: pillar grades stated in judgment sentences.

A landing page (2016 style) names the force and the PEEL year, then for each pillar a
judgment sentence ("The extent to which the force is effective at keeping people safe and
reducing crime is good."), the inspector's name and "HMI's observations". A page saved
from the web may be cut short: what is there is read, and what is missing is reported as a
warning. Each pillar whose year has a question framework gives one report, with the pillar's
overall judgment and the observations as findings of its headline question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FormatError
from ..model import Document, Finding, Judgment, Report, SourceFile, Span
from ..vocab import PillarDef, Vocabulary
from .forces import ForceNames, force_or_refuse, subjects_of
from .grades import GradeReader
from .layout import Block, clean, fold
from .overview import pillar_of_line, read_sections
from .pagetitle import PageTitle, page_title
from .questions import headline_predicates
from .summary import line_blocks

LANDING_PAGE = "landing-page"
_HMI = "HMI\u2019s observations"
_PEEL_YEAR = re.compile(r"\bPEEL\b:?[A-Za-z ,]*?\s(?P<year>(?:19|20)\d\d)(?:/\d\d)?\b")
_ASSESSMENT_OF = re.compile(r"\bassessment of (?P<rest>.{3,80})", re.IGNORECASE)
_EXTENT = re.compile(r"\bthe extent to which\b", re.I)
_QUESTION_OR_UPDATED = re.compile(r"^how \w+\b.*\?$|^last updated\b", re.I)
_INSPECTOR = re.compile(r"\bH\.?M\.?\s*Inspector\b|\bInspector of Constabulary\b", re.I)
_OBSERVATIONS = re.compile(r"^(?:hmi|inspector)'?s?\s+(?:observations|summary)$")
_ENDS_SENTENCE = (".", "!", "?", ":", "\u201d", '"', ")")


@dataclass
class _Pillar:
    pillar: PillarDef
    grade: str | None = None
    sentence: Span | None = None
    observations: list[Block] = field(default_factory=list)
    observations_heading: bool = False


def read_landing(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> list[Report]:
    """One report per pillar whose grade the page states and whose framework is known."""
    blocks = line_blocks(text)
    head = [b.text for b in blocks[:12]]
    title = page_title(head)
    year_match = next((m for line in head if (m := _PEEL_YEAR.search(line))), None)
    if title is not None:
        year = title.year
    elif year_match is not None:
        year = int(year_match.group("year"))
    else:
        raise FormatError(
            "a landing page that names no PEEL year in its title or first lines "
            f"(first line: {clean(head[0])[:80]!r})",
            where=path,
            reason="no-year",
        )
    printed, line = _force_name(head, title, vocab)
    chosen = force_or_refuse(printed, line, vocab, path, override=force)
    force_name, slug, known = chosen.name, chosen.slug, True
    subjects = subjects_of(chosen, printed)
    reader = GradeReader(vocab.grades)
    pillars: dict[str, _Pillar] = {}
    current: _Pillar | None = None
    warnings: list[str] = []
    headings = shared = False
    page_observations: list[Block] = []
    tail: list[Block] = []
    for index, block in enumerate(blocks):
        line = block.text
        folded = fold(line)
        named = _pillar_named(folded, vocab)
        if named is not None:
            current = pillars.setdefault(named.slug, _Pillar(named))
            headings = True
            continue
        if _EXTENT.search(line):
            hits = [(p, h) for p in vocab.pillars if (h := reader.pillar(line, subjects, p, vocab))]
            if not hits and current is not None:
                # the pillar named on the line above: its headline wording
                hit = reader.find(line, subjects, headline_predicates(vocab, current.pillar.slug))
                hits = [(current.pillar, hit)] if hit else []
            if not hits:
                warnings.append(
                    "a judgment sentence that names no pillar's wording, so its grade was not "
                    f"recorded: {clean(line)!r}"
                )
                continue
            pillar, (grade, start, end) = hits[0]
            current = pillars.setdefault(pillar.slug, _Pillar(pillar))
            current.grade = grade
            current.sentence = Span(block.start + start, block.start + end, None, sha256)
            continue
        if _QUESTION_OR_UPDATED.match(line):
            tail = blocks[index:]  # the pillar's overview follows (one page holds both)
            break
        if current is None or _INSPECTOR.search(line):
            continue
        if _OBSERVATIONS.match(folded.replace("\u2019", "'")):
            current.observations_heading = True
            shared = not headings  # no pillar headings: the observations are the page's
            continue
        if current.observations_heading:
            (page_observations if shared else current.observations).append(block)
    if blocks and not blocks[-1].text.rstrip().endswith(_ENDS_SENTENCE):
        warnings.append("the page ends mid-sentence: it was cut short, and what follows is missing")
    reports: list[Report] = []
    for state in pillars.values():
        label = state.pillar.label
        if state.grade is None:
            warnings.append(f"{label}: the page states no grade (cut short?)")
            continue
        framework = vocab.framework(year, state.pillar.slug)
        if framework is None:
            warnings.append(
                f"{label}: the page states {state.grade}, but there is no question framework "
                f"for PEEL {year} {state.pillar.slug}, so it was not recorded"
            )
            continue
        if not framework.has_headline:
            warnings.append(
                f"{label}: the page states {state.grade}, but the PEEL {year} "
                f"{state.pillar.slug} framework has no headline question to grade, so it was "
                "not recorded"
            )
            continue
        observations = [*state.observations, *(page_observations if not reports else [])]
        if state.observations_heading and not observations and not page_observations:
            warnings.append(f"{label}: the HMI's observations are missing (cut short?)")
        headline = framework.headline.code
        assert state.sentence is not None
        judgments = {
            headline: Judgment(headline, state.grade, (state.sentence,), "judgment-sentence")
        }
        for block in [*state.observations, *page_observations]:
            for q in framework.core():
                hit = reader.question(block.text, subjects, q) if q.graded else None
                if hit and q.code not in judgments:
                    span = Span(block.start + hit[1], block.start + hit[2], None, sha256)
                    judgments[q.code] = Judgment(q.code, hit[0], (span,), "judgment-sentence")
        findings = [
            Finding(headline, clean(b.text), (Span(b.start, b.end, None, sha256),), _HMI)
            for b in observations
        ]
        found = [headline]
        if tail and pillar_of_line(tail[0].text, vocab) is state.pillar:
            overview = read_sections(tail, framework, state.pillar, vocab, subjects)
            for code, judgment in overview[0].items():
                judgments.setdefault(code, judgment)
            findings += overview[1]
            found += overview[3]
        reports.append(
            Report(
                documents=(
                    Document(SourceFile(path, Path(path).name, sha256, LANDING_PAGE), text),
                ),
                force_name=force_name,
                force_slug=slug,
                force_known=known,
                year=year,
                pillar=state.pillar.slug,
                framework=framework.key,
                title=f"{printed or force_name} PEEL {year}: {label}",
                judgments=tuple(sorted(judgments.values(), key=lambda j: j.question)),
                findings=tuple(findings),
                sections_found=tuple(dict.fromkeys(found)),
            )
        )
    if not reports:
        raise FormatError(
            "the landing page states no grade that can be recorded"
            + (f" ({'; '.join(warnings)})" if warnings else ""),
            where=path,
            reason="no-grade",
        )
    # the page-wide warnings go with every pillar's report
    return [_with_warnings(r, warnings) for r in reports]


def _with_warnings(report: Report, warnings: list[str]) -> Report:
    import dataclasses

    return dataclasses.replace(report, warnings=(*report.warnings, *warnings))


def _force_name(
    head: list[str], title: PageTitle | None, vocab: Vocabulary
) -> tuple[str | None, str]:
    """The force the page is about and the line it was read from: the title line's name
    when it is a reference force's, else the force the introduction assesses ("This is
    HMIC's third PEEL ... assessment of Lincolnshire Police"). Never a line's last words:
    an inspector's title ("Her Majesty's Inspector of Constabulary") names no force."""
    names = ForceNames.of(vocab)
    if title is not None and names.resolve(title.force):
        return title.force, title.line
    for line in head:
        match = _ASSESSMENT_OF.search(line)
        if match:
            found = names.find(match.group("rest"))
            if found:
                force, start, end = found[0]
                return match.group("rest")[start:end], line
    if title is not None:
        return title.force, title.line
    return None, head[0] if head else ""


def _pillar_named(folded: str, vocab: Vocabulary) -> PillarDef | None:
    for p in vocab.pillars:
        if folded in {fold(w) for w in (p.label, *p.alt_labels)}:
            return p
    return None
