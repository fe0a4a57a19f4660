"""The pipeline: files -> extract -> merge -> RDF -> validate -> each report's named graph.

:func:`build` is the entry point; :mod:`peelgraph.app` writes its result to a file and the
query store. It never hides a graph that does not conform: the caller gets a
:class:`BuildResult` and decides.

Built for a corpus of hundreds of reports: extraction, mapping and validation run in worker
processes (one per core by default), each with the same :class:`~peelgraph.context.BuildContext`;
each report's named graph is validated on its own, so a bad report is named precisely; with a
cache folder (:mod:`peelgraph.cache`), a document whose bytes have not changed is not extracted
again, and a report whose documents have not changed is not mapped or validated again.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

from . import iris
from .cache import Cache, CachedGraph, TextCache
from .context import BuildContext, default_context
from .derived import partnerships
from .errors import DuplicateInputError, InputError, PeelgraphError
from .extract import extract_reports
from .extract.reading import DEFAULT_MAX_BYTES, read_document
from .graphio import nquads_dataset, ntriples_to_nquads, trig_block
from .links import carried_over_links, cross_report_links
from .merge import group_reports
from .model import Report
from .progress import NoProgress, Progress
from .rdf import links_graph, ntriples_text, partnership_ntriples, report_ntriples
from .validate import (
    ITEM_BATCH,
    ValidationReport,
    end_with_parent,
    start_validation,
    validate_links,
    validation_pool,
)

#: Suffixes taken when a folder is given; a file named explicitly is always taken.
INPUT_SUFFIXES = (".txt", ".pdf")


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """The files to read: files as given, and the report files in folders (sorted). A
    folder or file that cannot be read is an error naming it."""
    return gather_inputs(paths).files


@dataclass
class Inputs:
    """The files found to read, and (with ``keep_going``) the folders and files skipped."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def gather_inputs(paths: Iterable[Path], keep_going: bool = False) -> Inputs:
    """The files to read: files as given, and the report files in folders (sorted, hidden
    ones left out). A sub-folder or file that cannot be read stops the run with its name,
    or with ``keep_going`` is listed as skipped."""
    found = Inputs()

    def fail(error: PeelgraphError, path: Path) -> None:
        if not keep_going:
            raise error
        found.skipped.append(Skipped(path, error))

    for path in paths:
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as exc:
            fail(InputError(f"cannot read: {exc.strerror or exc}", where=str(path)), path)
            continue
        if is_dir:
            files = _walk(path, fail)
            if not files and not found.skipped:
                raise InputError("folder holds no report files (*.txt, *.pdf)", where=str(path))
            found.files.extend(files)
        elif exists:
            found.files.append(path)
        else:
            raise InputError("no such file or folder", where=str(path), hint="check the path")
    found.files = list(dict.fromkeys(found.files))
    return found


def _walk(folder: Path, fail) -> list[Path]:  # type: ignore[no-untyped-def]
    """The report files under ``folder``; unreadable sub-folders and files go to ``fail``."""

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        hint = "fix its permissions, or pass --keep-going to skip it"
        fail(InputError(f"cannot read folder: {exc.strerror or exc}", where=str(where), hint=hint),
             where)  # fmt: skip

    files = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(root, name)
            if name.startswith(".") or path.suffix.lower() not in INPUT_SUFFIXES:
                continue
            if not path.is_file():
                continue
            if not os.access(path, os.R_OK):
                fail(InputError("cannot read: Permission denied", where=str(path),
                                hint="fix its permissions, or pass --keep-going to skip it"),
                     path)  # fmt: skip
                continue
            files.append(path)
    return sorted(files)


@dataclass
class Skipped:
    path: Path
    error: PeelgraphError


@dataclass
class BuiltReport:
    """One report's named graph, as sorted N-Quads and as a TriG block, with its validation."""

    report: Report
    nquads: bytes
    validation: ValidationReport
    from_cache: bool = False
    trig: bytes = b""  # the same graph as a TriG block (graphio.trig_block)


@dataclass
class BuildResult:
    built: list[BuiltReport]
    context: BuildContext
    skipped: list[Skipped] = field(default_factory=list)
    extracted: int = 0  # documents extracted in this run (not taken from the cache)
    links: bytes = b""  # the cross-report links graph as N-Quads
    links_validation: ValidationReport = field(default_factory=ValidationReport)
    cache_warnings: list[str] = field(default_factory=list)

    @property
    def reports(self) -> list[Report]:
        return [b.report for b in self.built]

    @property
    def validation(self) -> ValidationReport:
        total = ValidationReport()
        for b in self.built:
            total.extend(b.validation)
        total.extend(self.links_validation)
        return total

    @property
    def warnings(self) -> list[str]:
        return [f"{r.source.path}: {w}" for r in self.reports for w in r.warnings]

    def nquads(self, with_reference: bool = True) -> bytes:
        """Every report graph (and the reference graph) as N-Quads."""
        return b"".join(data for name, data in self.graphs()
                        if with_reference or name != str(iris.REFERENCE_GRAPH))  # fmt: skip

    def graphs(self) -> list[tuple[str, bytes]]:
        """Each named graph (reference, reports, links) as (graph IRI, sorted N-Quads), in
        the order of their IRIs: what the writers and the query store take."""
        named = [(str(iris.REFERENCE_GRAPH), self.context.reference_nquads)]
        named += [(str(iris.report_graph(b.report.key)), b.nquads) for b in self.built]
        if self.links:
            named.append((str(iris.LINKS_GRAPH), self.links))
        return sorted(named)

    def trig_blocks(self) -> Iterator[bytes]:
        """The same graphs, in the same order, as TriG blocks (:func:`graphio.write_trig`)."""
        blocks = {str(iris.report_graph(b.report.key)): b.trig for b in self.built}
        for name, nquads in self.graphs():
            yield blocks.get(name) or trig_block(nquads)

    @cached_property
    def dataset(self):  # type: ignore[no-untyped-def]  # rdflib.Dataset
        """The whole build as an rdflib Dataset (for small builds, tests and scripts)."""
        return nquads_dataset(self.nquads())


# -- worker functions (run in other processes; module-level so that they pickle) ----------


def _extract_one(
    job: tuple[str, int, BuildContext, str | None, str | None],
) -> tuple[str, list[Report] | None, PeelgraphError | None]:
    path, max_bytes, context, force, cache_root = job
    # a PDF's text layer is kept for explain, which quotes it (seconds to rebuild)
    texts = TextCache(Path(cache_root)) if cache_root and path.lower().endswith(".pdf") else None
    try:
        with _no_cycle_collection():  # one document's objects: freed when it is done
            reports = extract_reports(
                Path(path), context.vocabulary, max_bytes=max_bytes, force=force,
                keep_pdf_text=texts.keep_text if texts else None,
            )  # fmt: skip
        return path, reports, None
    except PeelgraphError as exc:
        return path, None, exc


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: reading and mapping a large report make millions
    of long-lived objects (items, terms, triples, lines) with no cycles to free, and each full
    collection walks all of them (a third of the mapping time at 16,000 items; 5 s of the
    50,000-item build). It runs again when the report is done."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def map_and_validate(report: Report, context: BuildContext, workers: int = 1) -> BuiltReport:
    """One report's named graph, serialised and validated on its own (with the cyclic
    collector paused throughout: validating parts the text into millions of lines); a
    report of thousands of items has its batches validated in ``workers`` processes while
    this one writes its N-Quads and TriG."""
    framework = context.vocabulary.framework(report.year, report.pillar)
    workers = workers if len(report.afis) > ITEM_BATCH else 1  # else too few runs to share
    pool = validation_pool(workers) if workers > 1 else None  # started while this is small
    with _no_cycle_collection():
        try:
            ntriples, name = report_ntriples(report, framework)  # no rdflib Graph: no cycles
            validation = start_validation(
                ntriples, context, graph_name=name, workers=workers, pool=pool
            )
        except BaseException:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            raise
        nquads = ntriples_to_nquads(ntriples, name)
        del ntriples
        trig = trig_block(nquads)
        return BuiltReport(report, nquads, validation.result(), trig=trig)


# -- the pipeline ---------------------------------------------------------------------------


def _pool(workers: int, jobs: int) -> ProcessPoolExecutor | None:
    if workers <= 1 or jobs <= 1:
        return None
    return ProcessPoolExecutor(
        max_workers=min(workers, jobs), initializer=end_with_parent, initargs=(os.getpid(),)
    )


@dataclass
class _Extraction:
    """What :func:`extract_all` gathers while it reads."""

    reports: dict[Path, list[Report]] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    todo: list[Path] = field(default_factory=list)
    digests: dict[Path, str] = field(default_factory=dict)

    def fail(self, path: Path, error: PeelgraphError, keep_going: bool) -> None:
        if not keep_going:
            raise error
        self.skipped.append(Skipped(path, error))


def _read_all(
    files: list[Path],
    max_bytes: int,
    keep_going: bool,
    cache: Cache,
    progress: Progress,
    use_cache: bool = True,
) -> _Extraction:
    """Read every file once: refuse bad and duplicate ones, take what the cache holds."""
    found = _Extraction()
    seen: dict[str, Path] = {}
    for path in files:
        try:
            doc = read_document(path, max_bytes)
        except PeelgraphError as exc:
            found.fail(path, exc, keep_going)
            continue
        twin = seen.get(doc.sha256)
        if twin is not None:
            error = DuplicateInputError(
                f"same content as {twin}", where=str(path), hint="give each report once"
            )
            found.fail(path, error, keep_going)
            continue
        seen[doc.sha256] = path
        found.digests[path] = doc.sha256
        cached = cache.extracted(doc.sha256, path) if use_cache else None
        if cached is not None:
            found.reports[path] = cached
            progress.advance("extract")
        else:
            found.todo.append(path)
    return found


def extract_all(
    files: list[Path],
    context: BuildContext,
    *,
    keep_going: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    workers: int = 1,
    cache: Cache | None = None,
    force: str | None = None,
) -> tuple[list[Report], list[Skipped], int]:
    """Extract every file (in parallel, reusing the cache); stop at the first bad one unless
    ``keep_going``. Returns reports, skipped files and how many were extracted afresh.
    ``force`` (a reference force slug) names the force of every file for this run: what is
    extracted then is not the file's own reading, so the cache is neither read nor kept."""
    cache = cache or Cache(None, context)
    progress = progress or NoProgress()
    progress.start("extract", len(files))
    found = _read_all(files, max_bytes, keep_going, cache, progress, use_cache=force is None)
    pool = _pool(workers, len(found.todo))
    root = str(cache.root) if cache.root is not None and force is None else None
    jobs = [(str(p), max_bytes, context, force, root) for p in found.todo]
    results = pool.map(_extract_one, jobs, chunksize=4) if pool else map(_extract_one, jobs)
    try:
        for name, reports, error in results:
            path = Path(name)
            if error is not None:
                found.fail(path, error, keep_going)
            else:
                assert reports is not None
                if force is None:
                    cache.keep_extracted(found.digests[path], reports)
                found.reports[path] = reports
            progress.advance("extract")
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    ordered = [r for p in files if p in found.reports for r in found.reports[p]]
    return ordered, found.skipped, len(found.todo)


def build(
    paths: Iterable[Path],
    context: BuildContext | None = None,
    *,
    keep_going: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    workers: int | None = None,
    cache_dir: Path | None = None,
    force: str | None = None,
) -> BuildResult:
    """Build the knowledge graph of the given report files and folders with ``context``'s
    reference data and SHACL engine.

    ``context`` defaults to the packaged reference data and the default engine; ``workers``
    to the number of cores; ``cache_dir`` enables incremental rebuilds; ``force`` (a
    reference force slug) says which force the documents are about, for pages that name
    none the reference data knows.
    """
    context = context or default_context()
    progress = progress or NoProgress()
    workers = workers or os.cpu_count() or 1
    cache = Cache(cache_dir, context)
    inputs = gather_inputs(paths, keep_going)
    files = inputs.files
    extracted, skipped, fresh = extract_all(
        files, context, keep_going=keep_going, max_bytes=max_bytes, progress=progress,
        workers=workers, cache=cache, force=force,
    )  # fmt: skip
    reports = group_reports(extracted)
    built = _map_all(reports, context, cache, workers, progress)
    progress.start("link", 1)
    links, links_validation = _links(reports, context)
    progress.advance("link")
    return BuildResult(
        [built[r.key] for r in reports], context, inputs.skipped + skipped, fresh, links,
        links_validation, cache.warnings,
    )  # fmt: skip


def _map_all(
    reports: list[Report], context: BuildContext, cache: Cache, workers: int, progress: Progress
) -> dict[str, BuiltReport]:
    """Each report's graph, from the cache or mapped and validated (in parallel)."""
    progress.start("map and validate", len(reports))
    built: dict[str, BuiltReport] = {}
    todo: list[Report] = []
    for report in reports:
        cached = cache.built(report)
        if cached is not None:
            built[report.key] = BuiltReport(report, cached.nquads, cached.validation, True,
                                            cached.trig)  # fmt: skip
            progress.advance("map and validate")
        else:
            todo.append(report)
    pool = _pool(workers, len(todo))
    try:
        # one report at a time here (most often one report): its validation may use the cores
        task = partial(map_and_validate, context=context, workers=1 if pool else workers)
        for item in pool.map(task, todo) if pool else map(task, todo):
            cache.keep_built(item.report, CachedGraph(item.nquads, item.trig, item.validation))
            built[item.report.key] = item
            progress.advance("map and validate")
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return built


def _links(reports: list[Report], context: BuildContext) -> tuple[bytes, ValidationReport]:
    """The cross-report graph (N-Quads): follow-up links and partnerships, and its
    validation (with the types of what they link, which their own report graphs hold)."""
    graph, types = links_graph(cross_report_links(reports), carried_over_links(reports))
    lines, link_types = partnership_ntriples(partnerships(reports, context.vocabulary))
    ntriples = ntriples_text(graph) + lines
    if not ntriples.strip():
        return b"", ValidationReport()
    validation = validate_links(ntriples, types.serialize(format="nt") + link_types, context)
    return ntriples_to_nquads(ntriples, str(iris.LINKS_GRAPH)), validation
