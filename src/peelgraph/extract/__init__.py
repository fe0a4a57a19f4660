"""Extraction: PEEL documents (text) to plain model objects. Knows text, not RDF.

The one entry point is :func:`extract_file`; :func:`extract_text` does the same for text
already in memory. Both take the :class:`~peelgraph.vocab.Vocabulary` read from the
reference data, so that every question, grade and partner body they recognise is data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from ..errors import FormatError
from ..model import Document, Finding, Judgment, Observation, Report, SourceFile, Span
from ..textkeys import slugify
from ..vocab import ForceDef, Framework, Vocabulary
from .cut import mark_cut
from .detect import (
    FULL_REPORT,
    LANDING_PAGE,
    NEWS,
    OVERVIEW,
    REPORT_2021,
    SUMMARY,
    SUMMARY_TITLE,
    detect_format,
    refuse,
)
from .enrich import enrich
from .footnotes import read_footnotes
from .forces import force_or_refuse, names_of, subjects_of
from .full_report import FullReportReader, Sections, assign_pages, table_of_contents
from .landing import read_landing
from .layout import Block, fold, page_starts, split_blocks
from .metadata import (
    TitleFacts,
    find_force_name,
    find_isbn,
    find_published,
    find_publisher,
    find_title,
    pillar_of_heading,
)
from .news import read_news, read_news_reports
from .numbers import FORCE_IN_NUMBERS, force_in_numbers
from .overview import framework_or_refuse, read_overview
from .pdf import as_pdf, pdf_text
from .periods import impossible_dates
from .reading import DEFAULT_MAX_BYTES, decode_text, read_document
from .report2018 import INTEGRATED, read_integrated
from .report2021 import read_report_2021
from .sitelines import blank_site_lines
from .summary import read_summary
from .tables import Areas, read_figures

__all__ = ["extract_file", "extract_reports", "extract_text"]


def extract_file(
    path: Path, vocab: Vocabulary, max_bytes: int = DEFAULT_MAX_BYTES, *, force: str | None = None
) -> Report:
    """Read one PEEL document (text or PDF) and extract everything it states.

    A landing page that grades several pillars gives several reports: this returns the
    first, :func:`extract_reports` all of them. ``force`` (a reference force's slug) says
    which force the document is about, for a page that names none the reference data knows.
    """
    return extract_reports(path, vocab, max_bytes, force=force)[0]


def extract_reports(
    path: Path,
    vocab: Vocabulary,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    force: str | None = None,
    keep_pdf_text: Callable[[str, str], None] | None = None,
) -> list[Report]:
    """Every report one document describes (one, or one per pillar of a landing page).
    ``keep_pdf_text`` is given a PDF's SHA-256 and text layer (which ``explain`` quotes)."""
    doc = read_document(path, max_bytes)
    if doc.is_pdf:
        raw = pdf_text(doc)
        if keep_pdf_text is not None:
            keep_pdf_text(doc.sha256, raw)
    else:
        raw = decode_text(doc)
    text = blank_site_lines(raw)
    kind = detect_format(text, vocab)
    if kind in _MULTI_READERS:
        read = _MULTI_READERS[kind]
        several = read(text, vocab, path=str(path), sha256=doc.sha256, force=force)
        reports = [_checked(enrich(_stamp_sources(r), vocab)) for r in several]
    else:
        reports = [extract_text(text, vocab, path=str(path), sha256=doc.sha256, force=force)]
    return [as_pdf(r) for r in reports] if doc.is_pdf else reports


def extract_text(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> Report:
    """Extract from text already decoded; ``path`` names it in errors and provenance.

    The page kind (:mod:`.detect`) chooses the reader; a page of no kind is refused with
    the reason (``FormatError.reason``)."""
    text = blank_site_lines(text)
    kind = detect_format(text, vocab)
    if kind == FULL_REPORT:
        report = _full_report(text, vocab, path, sha256, force)
    elif kind == SUMMARY:
        report = _summary(text, vocab, path, sha256, force)
    elif kind in _PAGE_READERS:
        read = _PAGE_READERS[kind]
        report = enrich(_stamp_sources(read(text, vocab, path=path, sha256=sha256, force=force)),
                        vocab)  # fmt: skip
    else:
        raise refuse(text, vocab, path, force)
    return _checked(report)


def _checked(report: Report) -> Report:
    """``report`` with the item a cut-short page ends inside marked, and a warning per
    impossible date in its text (no date is read from one: see :func:`.periods.iso_date`)."""
    report = mark_cut(report)
    bad = [f"impossible date {date!r} in the text: not read as a date"
           for date in impossible_dates(report.text)]  # fmt: skip
    return dataclasses.replace(report, warnings=(*report.warnings, *bad)) if bad else report


def _first_landing_report(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None
) -> Report:
    return read_landing(text, vocab, path=path, sha256=sha256, force=force)[0]


def _first_integrated_report(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None
) -> Report:
    return read_integrated(text, vocab, path=path, sha256=sha256, force=force)[0]


#: The readers of the web page kinds: (text, vocab, path, sha256, force) -> Report.
_PAGE_READERS = {
    OVERVIEW: read_overview,
    REPORT_2021: read_report_2021,
    NEWS: read_news,
    LANDING_PAGE: _first_landing_report,
    INTEGRATED: _first_integrated_report,
}
#: The page kinds that describe one report per pillar: the same, -> list[Report].
_MULTI_READERS = {
    LANDING_PAGE: read_landing,
    INTEGRATED: read_integrated,
    NEWS: read_news_reports,
}


def _inspection_line(lines: list[str]) -> str:
    """The title page's 'An inspection of ...' line (the line a force is read from)."""
    return next((line for line in lines if line.lower().startswith("an inspection of")), "")


def _full_report(
    text: str, vocab: Vocabulary, path: str, sha256: str, override: str | None
) -> Report:
    """A full report: its title page, sections, figures and footnotes."""
    title = find_title(text, vocab)
    assert title is not None  # detect_format checked it
    framework = framework_or_refuse(vocab, title.year, title.pillar, path, headline=True, core=True)
    blocks = split_blocks(text, page_starts(text))
    opening = [b.text for b in blocks[:40]]
    printed = find_force_name(opening)
    line = _inspection_line(opening) or title.title_line
    force = force_or_refuse(printed, line, vocab, path, override=override, what="the title page")
    force_name = printed or force.name
    toc, start = table_of_contents(blocks)
    blocks = assign_pages(blocks, toc)
    reader = FullReportReader(framework, vocab, subjects_of(force, printed), frozenset(toc))
    sections = reader.read(blocks, start)
    judgments, warnings = _judgments_kept(sections)
    areas = _areas(force, printed, vocab)
    observations = _observations(blocks, areas, vocab, toc, warnings)
    warnings += _core_missing(sections, framework, title, path)
    report = Report(
        documents=(Document(SourceFile(path, Path(path).name, sha256, FULL_REPORT), text),),
        force_name=force_name,
        force_slug=force.slug,
        force_known=True,
        year=title.year,
        pillar=title.pillar,
        framework=framework.key,
        title=_title(title.title_line, force_name),
        published=find_published(opening),
        isbn=find_isbn(text[:20000]),
        publisher=find_publisher(text[:20000], vocab),
        judgments=tuple(sorted(judgments.values(), key=lambda j: j.question)),
        findings=_findings(sections),
        afis=tuple(sections.afis),
        causes_of_concern=tuple(sections.concerns),
        recommendations=tuple(sections.recommendations),
        observations=tuple(observations),
        sections_found=tuple(dict.fromkeys(sections.found)),
        warnings=tuple(warnings),
        footnotes=tuple(read_footnotes(blocks)),
    )
    return enrich(_stamp_sources(report), vocab, areas)


def _judgments_kept(sections: Sections) -> tuple[dict[str, Judgment], list[str]]:
    """The summary of findings' judgments, with an overview's grade for a question they do
    not grade, and the walk's warnings plus one per question the two grade differently."""
    judgments = dict(sections.judgments)
    warnings = list(sections.warnings)
    for code, overview in sections.overview_grades.items():
        if code not in judgments:
            judgments[code] = overview
        elif judgments[code].grade != overview.grade:
            warnings.append(
                f"{code}: overview says {overview.grade}, summary of findings says "
                f"{judgments[code].grade}; kept the summary of findings"
            )
    return judgments, warnings


def _areas(force: ForceDef, printed: str | None, vocab: Vocabulary) -> Areas:
    """Who a figure's value columns can belong to: the force, by any of its names, and the
    comparator areas (every label of which is the first label's slug)."""
    comparators = {
        fold(label): slugify(vocab.comparator_labels[0]) for label in vocab.comparator_labels
    }
    return Areas(force.slug, names_of(force, printed), comparators)


def _observations(
    blocks: list[Block],
    areas: Areas,
    vocab: Vocabulary,
    toc: dict[str, list[int]],
    warnings: list[str],
) -> list[Observation]:
    """The figures' observations, then the "Force in numbers" page's; the figures' warnings
    are added to ``warnings``."""
    observations, figure_warnings = read_figures(blocks, areas, vocab.units)
    warnings.extend(figure_warnings)
    stop = {heading for heading in toc if heading != FORCE_IN_NUMBERS} | {"introduction"}
    observations.extend(force_in_numbers(blocks, areas, vocab.units, stop))
    return observations


def _core_missing(
    sections: Sections, framework: Framework, title: TitleFacts, path: str
) -> list[str]:
    """A warning per core question with no section; no core question found at all is an
    error (the headings are missing or renamed)."""
    if not any(q.code in sections.found for q in framework.core()):
        raise FormatError(
            f"no core question of the PEEL {title.year} {title.pillar} framework is found as a "
            "heading (headings missing or renamed?)",
            where=path,
            hint=f"headings must use the framework's wording, e.g. '{framework.core()[0].label}'",
        )
    return [
        f"no section for core question {q.code} ({q.label})"
        for q in framework.core()
        if q.code not in sections.found
    ]


def _findings(sections: Sections) -> tuple[Finding, ...]:
    return tuple(
        Finding(p.question, p.text, p.spans, p.section, items=p.bullets)
        for p in sections.paragraphs
        if p.text
    )


def _pillar_label(slug: str, vocab: Vocabulary) -> str:
    return next((p.label for p in vocab.pillars if p.slug == slug), slug)


def _summary(text: str, vocab: Vocabulary, path: str, sha256: str, override: str | None) -> Report:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = lines[next(i for i, line in enumerate(lines) if SUMMARY_TITLE.match(line)) :]
    match = SUMMARY_TITLE.match(lines[0])
    assert match is not None
    pillar = pillar_of_heading(lines[1], vocab)
    if pillar is None:
        raise FormatError(f"unknown PEEL pillar {lines[1]!r}", where=f"{path}:2")
    year = int(match.group("year"))
    framework = framework_or_refuse(vocab, year, pillar, path, core=True)
    printed = match.group("force").strip()
    force = force_or_refuse(printed, lines[0], vocab, path, override=override)
    force_name = force.name
    judgments, findings, afis, found, warnings = read_summary(
        text, framework, vocab, subjects_of(force, printed)
    )
    report = Report(
        documents=(Document(SourceFile(path, Path(path).name, sha256, SUMMARY), text),),
        force_name=force_name,
        force_slug=force.slug,
        force_known=True,
        year=year,
        pillar=pillar,
        framework=framework.key,
        title=f"{printed} PEEL {year}: {_pillar_label(pillar, vocab)}",
        judgments=tuple(judgments),
        findings=tuple(findings),
        afis=tuple(afis),
        sections_found=tuple(found),
        warnings=tuple(warnings),
    )
    return enrich(_stamp_sources(report), vocab)


def _title(title_line: str, force_name: str) -> str:
    return f"{title_line}: An inspection of {force_name}"


def _stamp_sources(report: Report) -> Report:
    """Every span names the document it points into (by SHA-256)."""
    sha = report.source.sha256

    def stamp(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(dataclasses.replace(s, doc=sha) for s in spans)

    return dataclasses.replace(
        report,
        judgments=tuple(dataclasses.replace(j, spans=stamp(j.spans)) for j in report.judgments),
        findings=tuple(dataclasses.replace(f, spans=stamp(f.spans)) for f in report.findings),
        afis=tuple(dataclasses.replace(a, spans=stamp(a.spans)) for a in report.afis),
        observations=tuple(
            dataclasses.replace(o, spans=stamp(o.spans)) for o in report.observations
        ),
        footnotes=tuple(
            dataclasses.replace(
                n,
                spans=stamp(n.spans),
                citation=stamp((n.citation,))[0] if n.citation else None,
            )
            for n in report.footnotes
        ),
    )
