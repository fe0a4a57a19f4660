"""A synthetic corpus at a chosen scale: forces x PEEL cycles x pillars, mixed formats.

Every force of the reference data (or the first few, for tests) gets a report for each PEEL
year and pillar whose framework is known; a later report repeats some of the earlier one's
areas for improvement and follows others up ("In HMIC's effectiveness inspection report in
2015, we reported that the force should ... This year, ..."), so that cross-report links can
be tested and measured. Some inspections also get the force's web summary, which the build
merges with the full report.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from pathlib import Path

from ..vocab import Vocabulary
from .facts import CoreSection, Paragraph, ReportFacts
from .generate import random_facts, reportable_frameworks
from .text import render_full_report, render_summary

#: Scale presets: how many forces, and which share of inspections also get a web summary.
SCALES: dict[str, tuple[int | None, float]] = {
    "small": (3, 0.5),  # tests: 3 forces x every known cycle
    "medium": (12, 0.5),
    "full": (None, 0.5),  # every force of England and Wales x every known cycle
}

_PROGRESS = (
    "This year, we found that the {subject} has taken positive steps and has addressed this.",
    "This year, we found that the {subject} has made good progress, although further "
    "improvements are needed.",
    "This year, we found that the {subject} has made limited progress on this.",
)


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    force: str
    year: int
    pillar: str
    document_format: str  # full-report or summary


def _should_clause(afi: str, subject: str) -> str | None:
    """'The force should X.' -> 'the force should X.'"""
    for opening in (f"The {subject} should ", "The force should ", "The constabulary should "):
        if afi.startswith(opening):
            return f"the {subject} should {afi[len(opening) :]}"
    return None


def _carry_over(
    facts: ReportFacts, previous: ReportFacts, rng: random.Random, subject_cap: str
) -> ReportFacts:
    """Repeat one earlier AFI and follow another up in the later report's matching section."""
    earlier = [
        (int(s.question.rsplit("-", 1)[-1]), afi) for s in previous.sections for afi in s.afis
    ]
    if not earlier:
        return facts
    rng.shuffle(earlier)
    sections = list(facts.sections)
    by_number = {int(s.question.rsplit("-", 1)[-1]): i for i, s in enumerate(sections)}
    recurring, followed = earlier[0], earlier[1] if len(earlier) > 1 else None
    number, afi = recurring
    if number in by_number:
        section = sections[by_number[number]]
        if afi not in section.afis and section.grade != "ungraded":
            sections[by_number[number]] = dataclasses.replace(section, afis=(*section.afis, afi))
    if followed is not None and followed[0] in by_number:
        number, afi = followed
        clause = _should_clause(afi, facts.subject)
        if clause:
            text = (
                f"In HMIC's {facts.pillar_label} inspection report in {previous.year}, we "
                f"reported that {clause} " + rng.choice(_PROGRESS).format(subject=facts.subject)
            )
            section = sections[by_number[number]]
            sections[by_number[number]] = dataclasses.replace(
                section, intro=(Paragraph(text), *section.intro)
            )
    return dataclasses.replace(facts, sections=tuple(sections))


def generate_corpus(
    out: Path, vocab: Vocabulary, *, scale: str = "small", seed: int = 0
) -> list[CorpusFile]:
    """Write the corpus into ``out`` (which must be empty or missing); list what was written."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; use one of {', '.join(SCALES)}")
    n_forces, summary_share = SCALES[scale]
    rng = random.Random(seed)
    forces = sorted(vocab.forces, key=lambda f: f.slug)[:n_forces]
    frameworks = sorted(reportable_frameworks(vocab), key=lambda f: (f.pillar, f.year))
    out.mkdir(parents=True, exist_ok=True)
    written: list[CorpusFile] = []
    for force in forces:
        previous: dict[str, ReportFacts] = {}
        for framework in frameworks:
            facts = random_facts(
                vocab, rng, framework=framework.key, force=force.slug, max_afis=4, max_rows=6
            )
            earlier = previous.get(framework.pillar)
            if earlier is not None:
                facts = _carry_over(facts, earlier, rng, facts.subject.capitalize())
            previous[framework.pillar] = facts
            stem = f"{force.slug}-peel-{facts.year}-{facts.pillar}"
            path = out / f"{stem}.txt"
            path.write_text(render_full_report(facts), encoding="utf-8")
            written.append(CorpusFile(path, force.slug, facts.year, facts.pillar, "full-report"))
            if rng.random() < summary_share:
                summary = out / f"{stem}-summary.txt"
                summary.write_text(render_summary(facts), encoding="utf-8")
                written.append(CorpusFile(summary, force.slug, facts.year, facts.pillar, "summary"))
    return written


__all__ = ["SCALES", "CorpusFile", "CoreSection", "generate_corpus"]
