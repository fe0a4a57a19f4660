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
from .layout import Block, clean, fold
from .metadata import resolve_force
from .questions import GradeWords, headline_predicates
from .summary import line_blocks

LANDING_PAGE = "landing-page"
_PEEL_YEAR = re.compile(r"\bPEEL\b:?[A-Za-z ,]*?\s(?P<year>(?:19|20)\d\d)(?:/\d\d)?\b")
_TITLE = re.compile(r"^(?P<force>.+?)\s+PEEL\b")
_EXTENT = re.compile(r"the extent to which .+? is (?P<adjective>[a-z]+) (?:at|in) ", re.I)
_INSPECTOR = re.compile(r"\bH\.?M\.?\s*Inspector\b|\bInspector of Constabulary\b", re.I)
_OBSERVATIONS = re.compile(r"^(?:hmi|inspector)'?s?\s+(?:observations|summary)$")
_FORCE_NAME = re.compile(r"\b(?:Police|Constabulary|Police Service)$")
_ENDS_SENTENCE = (".", "!", "?", ":", "\u201d", '"', ")")


@dataclass
class _Pillar:
    pillar: PillarDef
    grade: str | None = None
    sentence: Span | None = None
    observations: list[Block] = field(default_factory=list)
    observations_heading: bool = False


def read_landing(text: str, vocab: Vocabulary, *, path: str, sha256: str) -> list[Report]:
    """One report per pillar whose grade the page states and whose framework is known."""
    from . import _force, _subjects  # the reader's own force naming, shared by every format

    blocks = line_blocks(text)
    head = [b.text for b in blocks[:12]]
    year_match = next((m for line in head if (m := _PEEL_YEAR.search(line))), None)
    if year_match is None:
        raise FormatError("a landing page that names no PEEL year", where=path)
    year = int(year_match.group("year"))
    force_name = _force_name(head, vocab)
    if force_name is None:
        raise FormatError("a landing page that names no force in its first lines", where=path)
    slug, known, labels = _force(force_name, vocab)
    subjects = _subjects(labels)
    grades = GradeWords(vocab.grades)
    pillars: dict[str, _Pillar] = {}
    current: _Pillar | None = None
    warnings: list[str] = []
    for block in blocks:
        line = block.text
        folded = fold(line)
        named = _pillar_named(folded, vocab)
        if named is not None:
            current = pillars.setdefault(named.slug, _Pillar(named))
            continue
        extent = _EXTENT.search(line)
        if extent:
            pillar = _pillar_of_adjective(extent.group("adjective"), vocab)
            pillar = pillar or (current.pillar if current else None)
            if pillar is None:
                warnings.append(f"a judgment sentence for no known pillar: {clean(line)!r}")
                continue
            current = pillars.setdefault(pillar.slug, _Pillar(pillar))
            hit = grades.judgment_sentence(line, subjects, headline_predicates(vocab, pillar.slug))
            if hit is None:
                warnings.append(
                    f"{pillar.label}: the judgment sentence does not use the pillar's headline "
                    f"wording, so its grade was not recorded: {clean(line)!r}"
                )
                continue
            grade, start, end = hit
            current.grade = grade
            current.sentence = Span(block.start + start, block.start + end, None, sha256)
            continue
        if current is None or _INSPECTOR.search(line):
            continue
        if _OBSERVATIONS.match(folded.replace("\u2019", "'")):
            current.observations_heading = True
            continue
        if current.observations_heading:
            current.observations.append(block)
    if blocks and not blocks[-1].text.rstrip().endswith(_ENDS_SENTENCE):
        warnings.append("the page ends mid-sentence: it was cut short, and what follows is missing")
    reports = []
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
        if state.observations_heading and not state.observations:
            warnings.append(f"{label}: the HMI's observations are missing (cut short?)")
        headline = framework.headline.code
        assert state.sentence is not None
        reports.append(
            Report(
                documents=(
                    Document(SourceFile(path, Path(path).name, sha256, LANDING_PAGE), text),
                ),
                force_name=force_name if not known else _canonical(force_name, vocab),
                force_slug=slug,
                force_known=known,
                year=year,
                pillar=state.pillar.slug,
                framework=framework.key,
                title=f"{force_name} PEEL {year}: {label}",
                judgments=(
                    Judgment(headline, state.grade, (state.sentence,), "judgment-sentence"),
                ),
                findings=tuple(
                    Finding(
                        headline,
                        clean(b.text),
                        (Span(b.start, b.end, None, sha256),),
                        "HMI\u2019s observations",
                    )
                    for b in state.observations
                ),
                sections_found=(headline,),
            )
        )
    if not reports:
        raise FormatError(
            "the landing page states no grade that can be recorded"
            + (f" ({'; '.join(warnings)})" if warnings else ""),
            where=path,
        )
    # the page-wide warnings go with every pillar's report
    return [_with_warnings(r, warnings) for r in reports]


def _with_warnings(report: Report, warnings: list[str]) -> Report:
    import dataclasses

    return dataclasses.replace(report, warnings=(*report.warnings, *warnings))


def _canonical(name: str, vocab: Vocabulary) -> str:
    force = resolve_force(name, vocab)
    return force.name if force else name


def _force_name(head: list[str], vocab: Vocabulary) -> str | None:
    """The force the page is about: its title line, or a line that names a force."""
    for line in head[:6]:
        title = _TITLE.match(line)
        candidate = title.group("force").strip(" :\u2013-") if title else line.strip()
        if resolve_force(candidate, vocab) is not None or _FORCE_NAME.search(candidate):
            return candidate
    return None


def _pillar_named(folded: str, vocab: Vocabulary) -> PillarDef | None:
    for p in vocab.pillars:
        if folded in {fold(w) for w in (p.label, *p.alt_labels)}:
            return p
    return None


def _pillar_of_adjective(adjective: str, vocab: Vocabulary) -> PillarDef | None:
    """'effective' -> effectiveness, from each pillar's labels in the reference data."""
    word = adjective.lower()
    for p in vocab.pillars:
        if word in {fold(w) for w in (p.label, *p.alt_labels)}:
            return p
    return None
