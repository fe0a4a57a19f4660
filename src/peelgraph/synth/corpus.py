"""A synthetic corpus at a chosen scale: forces x PEEL cycles x pillars, mixed formats.

Every force of the reference data (or the first few, for tests) gets a report for each PEEL
year and pillar whose framework is known; a later report repeats some of the earlier one's
areas for improvement and follows others up ("In HMIC's effectiveness inspection report in
2015, we reported that the force should ... This year, ..."), so that cross-report links can
be tested and measured. The documents come in the formats real inspections do: the full
report as text (converted from PDF, like the seed) or, for a share of them, as the PDF
itself; for some inspections also the force's web summary and its PEEL web page, which the
build merges with the full report. Each file is printed in a style of its own (bullets,
contents leaders, form feeds, ...), and ``synth.json`` beside them says what each states.

A report is written for each framework with a question-form headline and core questions:
effectiveness 2015-2018 and efficiency 2018/19 in the reference data (its other frameworks are
too partly known to write from: docs/reference-data.md). The medium and full presets add the
synthetic frameworks of ``synth/data/frameworks.ttl`` (effectiveness 2014, efficiency
2014-2017, legitimacy 2014-2018; invented wording, marked ``peel:synthetic``, each
``peel:replaces`` the packaged framework of its year and pillar where there is one) so that
the corpus has every pillar of every cycle 2014-2018: 43 forces x 15 reports. That file is
written beside the corpus as ``synthetic-frameworks.ttl``; build with ``--reference`` pointing
at it.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from pathlib import Path

from ..errors import PeelgraphError
from ..graphio import write_atomic
from ..reference import read_reference_graph, vocabulary_of
from ..vocab import Vocabulary
from .facts import CoreSection, Paragraph, ReportFacts
from .files import (
    FORMATS,
    FRAMEWORKS_2021_FILE,
    CorpusFile,
    render_file,
    rng_for,
    vocabulary_2021,
    write_manifest,
)
from .generate import random_facts, reportable_frameworks
from .pages import SYNTHETIC_FRAMEWORKS_2021, frameworks_2021, random_facts_2021
from .pdf import check_pdf_writer

#: Report length of the medium and full presets: full reports of the effectiveness pillar
#: then come to about 3,000 triples (the real seed: 6,700), the others to about 2,000.
DETAIL = 3


@dataclass(frozen=True)
class Scale:
    """A corpus preset: how many forces (None: all), which share of inspections also get a
    web summary, a PEEL web page, or their full report as a PDF, and whether the synthetic
    frameworks add the pillars the reference lacks."""

    forces: int | None
    summary_share: float
    synthetic_frameworks: bool
    detail: int = 1  # see generate.random_facts
    pdf_share: float = 0.1
    landing_share: float = 0.25


@dataclass(frozen=True)
class PageKinds:
    """The shares of the page kinds of issue 15 (``page_kinds=True``, ``--page-kinds``):
    the pillar's overview page, a news release, the landing page in the years' title shapes,
    and the full report as a third-party copy with the sharing site's lines (in place of the
    text copy). Every force also gets a PEEL 2021/22 and a 2023-25 report, written against
    the synthetic frameworks of ``synth/data/frameworks-2021.ttl``."""

    overview: float = 0.3
    news: float = 0.2
    landing_web: float = 0.15
    copy: float = 0.1


PAGE_KINDS = PageKinds()

SCALES: dict[str, Scale] = {
    "small": Scale(3, 0.5, False),  # tests: 3 forces x 5 reportable real frameworks
    "medium": Scale(12, 0.5, True, detail=DETAIL),
    "full": Scale(None, 0.5, True, detail=DETAIL),  # 43 forces x 15 reports: 645 reports
}

#: The synthetic question frameworks (see the module docstring).
SYNTHETIC_FRAMEWORKS = Path(__file__).parent / "data" / "frameworks.ttl"
#: Its name in a corpus folder.
FRAMEWORKS_FILE = "synthetic-frameworks.ttl"

_PROGRESS = (
    "This year, we found that the {subject} has taken positive steps and has addressed this.",
    "This year, we found that the {subject} has made good progress, although further "
    "improvements are needed.",
    "This year, we found that the {subject} has made limited progress on this.",
)


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
        (int(s.question.rsplit("-", 1)[-1]), afi) for s in previous.headed() for afi in s.afis
    ]
    if not earlier:
        return facts
    rng.shuffle(earlier)
    sections = list(facts.sections)
    # only the sections a page heads: an AFI is followed up where it was (and is) printed
    by_number = {int(s.question.rsplit("-", 1)[-1]): i for i, s in enumerate(sections) if s.headed}
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
    out: Path,
    vocab: Vocabulary,
    *,
    scale: str = "small",
    seed: int = 0,
    forces: int | None = None,
    synthetic_frameworks: bool | None = None,
    pdf_share: float | None = None,
    page_kinds: bool = False,
) -> list[CorpusFile]:
    """Write the corpus into ``out`` and list the documents written.

    ``forces``, ``synthetic_frameworks`` and ``pdf_share`` override the preset's (PDF needs
    fpdf2: ``pdf_share=0`` writes text only). With synthetic frameworks, ``out`` also gets
    :data:`FRAMEWORKS_FILE`, which the build needs as ``--reference``. A document this
    writes replaces any other format of the same report that an earlier corpus left there.
    ``page_kinds`` adds the page kinds of :class:`PageKinds` and the 2021+ reports (with
    :data:`~.files.FRAMEWORKS_2021_FILE` beside them); without it the corpus is the same,
    byte for byte, as before they existed.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; use one of {', '.join(SCALES)}")
    preset = SCALES[scale]
    n_forces = forces if forces is not None else preset.forces
    synthetic = (
        preset.synthetic_frameworks if synthetic_frameworks is None else synthetic_frameworks
    )
    share = preset.pdf_share if pdf_share is None else pdf_share
    _check_pdf_share(share)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    vocab, vocab_2021 = _framework_files(out, vocab, synthetic, page_kinds)
    chosen = sorted(vocab.forces, key=lambda f: f.slug)[:n_forces]
    frameworks = sorted(reportable_frameworks(vocab), key=lambda f: (f.pillar, f.year))
    written: list[CorpusFile] = []
    reports = 0
    for force in chosen:
        previous: dict[str, ReportFacts] = {}
        for framework in frameworks:
            facts = random_facts(vocab, rng, framework=framework.key, force=force.slug,
                                 max_afis=4, max_rows=6, detail=preset.detail)  # fmt: skip
            earlier = previous.get(framework.pillar)
            if earlier is not None:
                facts = _carry_over(facts, earlier, rng, facts.subject.capitalize())
            previous[framework.pillar] = facts
            formats = _formats(reports, share, preset, rng)
            if page_kinds:
                formats = _page_kinds(formats, rng)
            reports += 1
            written += _write_report(out, force.slug, facts, formats, seed)
        if vocab_2021 is not None:
            for framework in frameworks_2021(vocab_2021):
                facts = random_facts_2021(vocab_2021, rng, framework=framework.key,
                                          force=force.slug, detail=preset.detail)  # fmt: skip
                reports += 1
                written += _write_report(out, force.slug, facts, ["report-2021"], seed)
    write_manifest(out, {"seed": seed, "scale": scale, "forces": len(chosen)}, written)
    return written


def _framework_files(
    out: Path, vocab: Vocabulary, synthetic: bool, page_kinds: bool
) -> tuple[Vocabulary, Vocabulary | None]:
    """Write (or remove, left by an earlier corpus) the synthetic framework files the build
    will need as ``--reference``; the vocabularies the reports are drawn from."""
    if synthetic:
        (out / FRAMEWORKS_FILE).write_bytes(SYNTHETIC_FRAMEWORKS.read_bytes())
        vocab = vocabulary_of(read_reference_graph([out / FRAMEWORKS_FILE]))
    else:
        (out / FRAMEWORKS_FILE).unlink(missing_ok=True)
    if not page_kinds:
        (out / FRAMEWORKS_2021_FILE).unlink(missing_ok=True)
        return vocab, None
    (out / FRAMEWORKS_2021_FILE).write_bytes(SYNTHETIC_FRAMEWORKS_2021.read_bytes())
    return vocab, vocabulary_2021(vocab)


def _check_pdf_share(share: float) -> None:
    """A share of PDFs is a fraction, and a share above 0 needs the PDF writer (fails before
    anything is written)."""
    if not 0 <= share <= 1:
        raise PeelgraphError(f"the PDF share must be between 0 and 1, not {share}")
    if share > 0:
        try:
            check_pdf_writer()
        except PeelgraphError as exc:
            hint = f"{exc.hint}, or --pdf-share 0 for text only" if exc.hint else None
            raise PeelgraphError(
                f"the corpus prints {share:.0%} of its full reports as PDF: {exc.message}",
                hint=hint or "--pdf-share 0 for text only",
            ) from exc


def _formats(reports: int, share: float, preset: Scale, rng: random.Random) -> list[str]:
    """The copies written of the next report: its full report (text or PDF), then perhaps a
    summary and a landing page. PDFs spread evenly (every tenth report at 0.1), so even a
    small corpus has one."""
    formats = ["pdf" if int((reports + 1) * share) > int(reports * share) else "txt"]
    if rng.random() < preset.summary_share:
        formats.append("summary")
    if rng.random() < preset.landing_share:
        formats.append("landing")
    return formats


def _page_kinds(formats: list[str], rng: random.Random) -> list[str]:
    """The page kinds added to one report's copies (the full report perhaps as a
    third-party copy instead of the text)."""
    out = list(formats)
    if out[0] == "txt" and rng.random() < PAGE_KINDS.copy:
        out[0] = "copy"  # one full report per inspection: the copy replaces the text
    for fmt, share in (("overview", PAGE_KINDS.overview), ("news", PAGE_KINDS.news),
                       ("landing-web", PAGE_KINDS.landing_web)):  # fmt: skip
        if rng.random() < share:
            out.append(fmt)
    return out


def _write_report(
    out: Path, force: str, facts: ReportFacts, formats: list[str], seed: int
) -> list[CorpusFile]:
    """Write one report's copies, replacing what an earlier corpus wrote for it."""
    stem = out / f"{force}-peel-{facts.year}-{facts.pillar}"
    for suffix, _ in FORMATS.values():
        Path(f"{stem}{suffix}").unlink(missing_ok=True)
    written = []
    for fmt in formats:
        entry = CorpusFile(Path(f"{stem}{FORMATS[fmt][0]}"), fmt, facts)
        write_atomic(entry.path, render_file(entry, rng_for(seed, entry)))
        written.append(entry)
    return written


__all__ = [
    "FRAMEWORKS_FILE",
    "PAGE_KINDS",
    "SCALES",
    "PageKinds",
    "CorpusFile",
    "CoreSection",
    "Scale",
    "generate_corpus",
]
