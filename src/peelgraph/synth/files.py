"""A folder of synthetic reports with a manifest of what each one states.

Reports are drawn one after another from a seeded generator, each for a different force,
year and pillar (so that a build keeps them apart), and written in the chosen formats. The
manifest, ``synth.json``, gives for every file the facts extraction must read back, so a
corpus can serve as a benchmark with known answers.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError, PeelgraphError
from ..graphio import write_atomic
from ..vocab import Vocabulary
from . import pages
from .facts import FULL, LANDING, NEWS, OVERVIEW, REPORT_2021, SUMMARY, ReportFacts
from .generate import random_facts
from .layout import Style
from .text import render_full_report, render_landing_page, render_summary

#: Output formats: file name suffix and the facts format extraction reads back.
FORMATS = {
    "txt": (".txt", FULL),
    "pdf": (".pdf", FULL),
    "summary": ("-summary.txt", SUMMARY),
    "landing": ("-landing.txt", LANDING),
    # the page kinds of issue 15 (synth/pages.py)
    "overview": ("-overview.txt", OVERVIEW),
    "news": ("-news.txt", NEWS),
    "landing-web": ("-landing-web.txt", LANDING),
    "copy": ("-copy.txt", FULL),
    "report-2021": ("-report.txt", REPORT_2021),
}
#: Formats written from a PEEL 2021+ report's facts, not from the 2014-2018/19 ones.
FORMATS_2021 = ("report-2021",)
MANIFEST = "synth.json"
#: The synthetic 2021+ frameworks, as written beside the reports that need them.
FRAMEWORKS_2021_FILE = "synthetic-frameworks-2021.ttl"


@dataclass(frozen=True)
class CorpusFile:
    """A written document: its path, format (a key of :data:`FORMATS`) and the facts it
    states."""

    path: Path
    fmt: str
    facts: ReportFacts

    @property
    def force(self) -> str:
        return self.facts.force_slug

    @property
    def year(self) -> int:
        return self.facts.year

    @property
    def pillar(self) -> str:
        return self.facts.pillar

    @property
    def reads_as(self) -> str:
        """The facts format extraction reads back (:data:`~.facts.FULL`, ... )."""
        return FORMATS[self.fmt][1]

    def manifest_entry(self) -> dict[str, object]:
        reads_as = FORMATS[self.fmt][1]
        f = self.facts
        return {
            "file": self.path.name,
            "format": self.fmt,
            "force": f.force_name,
            "force_slug": f.force_slug,
            "force_known": f.force_known,
            "year": f.year,
            "pillar": f.pillar,
            "framework": f.framework,
            "judgments": f.expected_judgments(reads_as),
            "afis": [list(a) for a in f.expected_afis(reads_as)],
            "findings": len(f.expected_findings(reads_as)),
            "observations": len(f.expected_observations()) if reads_as == FULL else 0,
            "missing_sections": list(f.missing_sections),
        }


def random_style(rng: random.Random) -> Style:
    """A printing style: the variations the real reports show."""
    return Style(
        bullet=rng.choice(("-", "\u2022")),
        upper_core_headings=rng.random() < 0.2,
        leader_dots=rng.random() < 0.3,
        missing_value=rng.choice(("\u2013", "")),
        wrap_bullets=rng.choice((0, 0, 90)),
        form_feeds=rng.random() < 0.5,
    )


def write_reports(
    folder: Path,
    vocab: Vocabulary,
    *,
    count: int,
    seed: int = 0,
    formats: tuple[str, ...] = ("txt",),
    framework: str | None = None,
    overwrite: bool = False,
    font: Path | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[CorpusFile]:
    """Write ``count`` reports in each of ``formats`` and the manifest; return what was written.

    The same arguments give the same files, byte for byte.
    """
    _check_request(folder, formats, count)
    older = tuple(f for f in formats if f not in FORMATS_2021)
    newer = tuple(f for f in formats if f in FORMATS_2021)
    facts_list = _draw_distinct(vocab, random.Random(seed), count, framework) if older else []
    planned = [
        CorpusFile(folder / f"{f.force_slug}-peel-{f.year}-{f.pillar}{FORMATS[fmt][0]}", fmt, f)
        for f in facts_list
        for fmt in older
    ]
    if newer:
        # drawn apart (their own seed), so that the other formats' files stay the same
        planned += [
            CorpusFile(folder / f"{f.force_slug}-peel-{f.year}-{f.pillar}{FORMATS[fmt][0]}",
                       fmt, f)
            for f in _draw_2021(vocab, seed, count)
            for fmt in newer
        ]  # fmt: skip
    targets = [c.path for c in planned] + [folder / MANIFEST]
    existing = [p for p in targets if p.exists()]
    if existing and not overwrite:
        raise OutputError(
            "already exists", where=str(existing[0]), hint="use --overwrite to replace it"
        )
    folder.mkdir(parents=True, exist_ok=True)
    if newer:
        (folder / FRAMEWORKS_2021_FILE).write_bytes(pages.SYNTHETIC_FRAMEWORKS_2021.read_bytes())
    for entry in planned:
        write_atomic(entry.path, render_file(entry, rng_for(seed, entry), font))
        if progress:
            progress(entry.path)
    write_manifest(folder, {"seed": seed, "count": count, "formats": list(formats)}, planned)
    return planned


def vocabulary_2021(vocab: Vocabulary) -> Vocabulary:
    """``vocab`` with the synthetic 2021+ frameworks (the reference data records one area
    of each cycle; see synth/data/frameworks-2021.ttl), unless it has 2021+ frameworks
    with graded areas already (given with ``--reference``)."""
    if pages.frameworks_2021(vocab):
        return vocab
    import dataclasses

    from ..reference import read_reference_graph, vocabulary_of

    synthetic = vocabulary_of(read_reference_graph([pages.SYNTHETIC_FRAMEWORKS_2021]))
    # the caller's forces (a test's fictional ones too), the synthetic 2021+ frameworks
    frameworks = {k: f for k, f in synthetic.frameworks.items() if k[0] >= 2021}
    return dataclasses.replace(vocab, frameworks={**vocab.frameworks, **frameworks})


def _draw_2021(vocab: Vocabulary, seed: int, count: int) -> list[ReportFacts]:
    """``count`` PEEL 2021+ reports, each of a different force and cycle."""
    rng = random.Random(f"{seed}/2021")
    vocab = vocabulary_2021(vocab)
    out: list[ReportFacts] = []
    keys: set[tuple[str, int]] = set()
    for _ in range(count * 50 + 100):
        facts = pages.random_facts_2021(vocab, rng)
        if (facts.force_slug, facts.year) not in keys:
            keys.add((facts.force_slug, facts.year))
            out.append(facts)
        if len(out) == count:
            return out
    raise PeelgraphError(f"could draw only {len(out)} PEEL 2021+ reports of different forces")


def write_manifest(folder: Path, about: dict[str, object], files: list[CorpusFile]) -> None:
    """``synth.json``: what the files are, and for each what extraction must read back."""
    manifest = {**about, "files": [c.manifest_entry() for c in files]}
    write_atomic(
        folder / MANIFEST, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    )


_PAGE_RENDERERS: dict[str, Callable[[ReportFacts, random.Random], str]] = {
    "overview": pages.render_overview,
    "news": pages.render_news,
    "landing-web": pages.render_landing_web,
    "report-2021": pages.render_report_2021,
}


def rng_for(seed: int, entry: CorpusFile) -> random.Random:
    """The printing style's randomness for one file, independent of the other files."""
    return random.Random(f"{seed}/{entry.path.name}")


def render_file(entry: CorpusFile, rng: random.Random, font: Path | None = None) -> bytes:
    """The bytes of one document, printed in a style drawn from ``rng``."""
    style = random_style(rng)
    if entry.fmt == "txt":
        return render_full_report(entry.facts, style).encode("utf-8")
    if entry.fmt == "summary":
        return render_summary(entry.facts).encode("utf-8")
    if entry.fmt == "landing":
        return render_landing_page(entry.facts).encode("utf-8")
    if entry.fmt in _PAGE_RENDERERS:
        return _PAGE_RENDERERS[entry.fmt](entry.facts, rng).encode("utf-8")
    if entry.fmt == "copy":
        return pages.with_site_lines(
            render_full_report(entry.facts, style), entry.facts, rng
        ).encode()
    from .pdf import render_pdf

    return render_pdf(entry.facts, style, font)


def _check_request(folder: Path, formats: tuple[str, ...], count: int) -> None:
    """Formats known, a count of at least one, a folder (or nothing) where they go."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise PeelgraphError(
            f"unknown format {unknown[0]!r}", hint=f"use one of {', '.join(FORMATS)}"
        )
    if count < 1:
        raise PeelgraphError("--count must be at least 1")
    if folder.exists() and not folder.is_dir():
        raise OutputError("exists and is not a folder", where=str(folder))


def _draw_distinct(
    vocab: Vocabulary, rng: random.Random, count: int, framework: str | None
) -> list[ReportFacts]:
    """``count`` reports of different force, year and pillar."""
    facts_list: list[ReportFacts] = []
    keys: set[tuple[str, int, str]] = set()
    attempts = 0
    while len(facts_list) < count:
        attempts += 1
        if attempts > count * 50 + 100:
            raise PeelgraphError(
                f"could draw only {len(facts_list)} reports with different force, year and pillar",
                hint="ask for fewer reports, or leave --framework out",
            )
        facts = random_facts(vocab, rng, framework=framework)
        key = (facts.force_slug, facts.year, facts.pillar)
        if key not in keys:
            keys.add(key)
            facts_list.append(facts)
    return facts_list
