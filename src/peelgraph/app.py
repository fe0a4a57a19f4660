"""The application layer: one function per use case, what the command line and Python callers
share.

Each function takes plain values and a :class:`~peelgraph.context.BuildContext` where it needs
reference data, does the whole job (checks, pipeline, writing, the query store) and returns a
result to show; it raises peelgraph's own errors and never prints. The Typer commands in
:mod:`peelgraph.cli` only parse arguments, call one of these and print what comes back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, NotConformingError, OutputError, PeelgraphError
from .limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # imported where used: 'query run' should not pay for rdflib's import here
    import pyoxigraph as ox

    from .build import BuildResult, Progress
    from .context import BuildContext
    from .explain import Explanation
    from .queries import SavedQuery
    from .site import SiteOutcome
    from .stats import GraphStats
    from .store import QueryResult, Source
    from .validate import ValidationReport

#: The cache folder beside an output, unless another is named.
CACHE_FOLDER = ".peelgraph-cache"


@dataclass(frozen=True)
class BuildOptions:
    """How :func:`build_to_file` runs (the ``build`` command's options)."""

    keep_going: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int | None = None
    cache_dir: Path | None = None  # default: CACHE_FOLDER beside the output
    use_cache: bool = True
    store: bool = True  # leave the query store beside the output
    overwrite: bool = False
    force: str | None = None  # a reference force slug: the force of every input, this run


@dataclass
class BuildOutcome:
    """What a build wrote: the file, what it holds (counted from the store), the store."""

    output: Path
    result: BuildResult
    stats: GraphStats
    store: Path | None = None
    store_status: str | None = None  # loaded, up to date, "n of m graphs reloaded"
    warnings: list[str] = field(default_factory=list)


def build_to_file(
    paths: Iterable[Path],
    output: Path,
    context: BuildContext,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
) -> BuildOutcome:
    """Extract, map and validate the reports of ``paths``, write the graph to ``output``
    (format by suffix) and, unless ``options.store`` is off, bring the query store beside it
    up to date. A graph that does not conform is not written (:class:`NotConformingError`
    carries the validation report)."""
    from .build import NoProgress, build, gather_inputs
    from .graphio import check_output, format_for
    from .stats import GraphStats

    options = options or BuildOptions()
    progress = progress or NoProgress()
    paths = list(paths)
    if options.force is not None:  # an unknown slug is a usage error before any reading
        from .extract.forces import override_force

        override_force(options.force, context.vocabulary, "--force")
    inputs = gather_inputs(paths, keep_going=options.keep_going).files
    check_output(output, inputs, options.overwrite)
    _check_store_place(output, options)
    fmt = format_for(output)
    cache_dir = None
    if options.use_cache:
        cache_dir = options.cache_dir or output.parent / CACHE_FOLDER
    result = build(paths, context, keep_going=options.keep_going, max_bytes=options.max_bytes,
                   progress=progress, workers=options.workers, cache_dir=cache_dir,
                   force=options.force)  # fmt: skip
    _check_built(result, output)
    graphs = result.graphs()
    outcome = BuildOutcome(output, result, GraphStats(), warnings=list(result.cache_warnings))
    _write_locked(outcome, fmt, graphs, inputs, options, progress)
    return outcome


def _check_store_place(output: Path, options: BuildOptions) -> None:
    """Refuse, before any work, a store place that holds what peelgraph did not make."""
    if options.store:
        from .storedir import check_store_folder, output_lock, store_folder

        folder = store_folder(output)
        if folder.exists() or folder.is_symlink():
            if not output.parent.is_dir():
                check_store_folder(folder, options.overwrite)
                return
            with output_lock(output):  # not halfway through another build's swap
                check_store_folder(folder, options.overwrite)


def _write_locked(
    outcome: BuildOutcome,
    fmt: str,
    graphs: list[tuple[str, bytes]],
    inputs: list[Path],
    options: BuildOptions,
    progress: Progress,
) -> None:
    """Write the output and bring its store up to date holding the output's lock: of two
    builds to one output, the second waits, then finds the output there (and stops, without
    ``overwrite``) or replaces output and store together."""
    from .graphio import check_output, write_error
    from .storedir import output_lock

    output = outcome.output
    try:
        output.parent.mkdir(parents=True, exist_ok=True)  # the lock file goes beside it
    except OSError as exc:
        raise write_error(output, exc) from exc
    with output_lock(output):
        check_output(output, inputs, options.overwrite)  # again: another build may have won
        _check_store_place(output, options)
        _write(output, fmt, outcome.result, graphs, progress)
        if options.store:
            _sync(outcome, fmt, graphs, progress, options.overwrite)
        else:
            outcome.stats = _stats_in_memory(graphs)


def _check_built(result: BuildResult, output: Path) -> None:
    validation = result.validation
    if not validation.conforms:
        raise NotConformingError(
            f"the graph does not conform to the shapes ({len(validation.violations)} "
            "result(s)); nothing was written",
            validation,
            where=str(output),
        )
    if not result.reports:
        raise PeelgraphError("no report could be read; nothing was written", where=str(output))


def _write(
    output: Path, fmt: str, result: BuildResult, graphs: list[tuple[str, bytes]],
    progress: Progress,
) -> None:  # fmt: skip
    from .graphio import write_graphs, write_trig

    progress.start("write", 1)
    if fmt == "trig":
        write_trig(output, result.trig_blocks())
    else:
        write_graphs(output, [data for _, data in graphs], fmt)
    progress.advance("write")


def _sync(
    outcome: BuildOutcome, fmt: str, graphs: list[tuple[str, bytes]], progress: Progress,
    overwrite: bool = False,
) -> None:  # fmt: skip
    """Bring the store beside the output up to date (only changed graphs are reloaded) and
    count what it holds."""
    from .store import persistent_store, store_folder, sync_store

    progress.start("store", 1)
    reloaded = sync_store(outcome.output, graphs if fmt in ("trig", "nquads") else None,
                          overwrite=overwrite)  # fmt: skip
    progress.advance("store")
    if not reloaded:
        outcome.store_status = "up to date"
    elif reloaded == ["*"] or len(reloaded) >= len(graphs):
        outcome.store_status = "loaded"
    else:
        outcome.store_status = f"{len(reloaded)} of {len(graphs)} graphs reloaded"
    outcome.store = store_folder(outcome.output)
    outcome.stats = _stats(persistent_store(outcome.output))


def _stats(store: ox.Store) -> GraphStats:
    from .stats import graph_stats

    return graph_stats(store)


def _stats_in_memory(graphs: list[tuple[str, bytes]]) -> GraphStats:
    from .stats import nquads_stats

    return nquads_stats(graphs)


def graph_stats_of(path: Path) -> GraphStats:
    """What a graph file holds, counted on its query store (made beside it if needed)."""
    from .store import open_store

    return _stats(open_store(path))


def validate_file(path: Path, context: BuildContext) -> ValidationReport:
    """Validate a graph file of any format (see :func:`peelgraph.validate.validate_file`)."""
    from .validate import validate_file as run

    return run(path, context)


def expand_iri(text: str) -> str:
    """A full IRI from a full IRI, ``<IRI>``, or a prefixed name (``pid:report/...``,
    ``report:...``, ``force:kent``), as the exports and query results write them."""
    from .iris import PREFIXES

    text = text.strip().removeprefix("<").removesuffix(">")
    if "://" in text:
        return text
    prefix, _, rest = text.partition(":")
    namespace = PREFIXES.get(prefix)
    if namespace is None or not rest:
        known = ", ".join(sorted(PREFIXES))
        raise InputError(f"not an IRI or a known prefixed name: {text!r}",
                         hint=f"use a full IRI or one of the prefixes {known}")  # fmt: skip
    return f"{namespace}{rest}"


def explain_item(
    iri: str, data: Path, sources: Iterable[Path] = (), context_chars: int = 160
) -> Explanation:
    """An item's text, question, source file, page, offsets and the passage around it, read
    from the query store of ``data`` (only the item's neighbourhood is fetched)."""
    from .explain import explain, neighbourhood
    from .store import open_store

    full = expand_iri(iri)
    graph = neighbourhood(open_store(data), full)
    search = [*sources, data.parent, Path.cwd()]
    return explain(graph, full, search, context_chars, cache=data.parent / CACHE_FOLDER)


def export_graph(
    file: Path,
    output: Path,
    fmt: str | None = None,
    *,
    forces: Iterable[str] = (),
    reports: Iterable[str] = (),
    table: str | None = None,
    link_context: bool = False,
    overwrite: bool = False,
    raw: bool = False,
    progress: Progress | None = None,
) -> tuple[str, list[Path]]:
    """Export a built graph (or part of it) as another format; returns the format and the
    files written. Which reports there are, and the CSV tables of the whole graph, come from
    the query store beside ``file`` (made or refreshed first if the file changed); the RDF
    and JSON-LD exports read only the graphs they need from the file, with Oxigraph's parser
    (see :mod:`peelgraph.export.reading`), never the whole file with rdflib."""
    from .export import check_export, export_files, export_format, write_export
    from .graphio import input_format
    from .store import open_store

    fmt = export_format(output, fmt)
    check_export(fmt, table)
    if fmt == "csv" and table is None and output.suffix.lower() == ".csv":
        raise OutputError(
            "a single .csv file holds one table",
            where=str(output),
            hint="pass --table NAME, or name a folder to get every table",
        )
    input_format(file)  # a missing, empty or unknown file: one line naming it
    if output.resolve() == file.resolve():  # refused before the work, not after it
        raise OutputError("the output is the input", where=str(output))
    single = not (fmt == "csv" and table is None)
    if single and output.is_file() and not overwrite:
        raise OutputError("output exists", where=str(output), hint="pass --overwrite")
    files = export_files(file, fmt, forces=forces, reports=reports, table=table,
                         link_context=link_context, where=str(file), store=open_store(file),
                         raw=raw, progress=progress)  # fmt: skip
    return fmt, write_export(output, files, inputs=[file], overwrite=overwrite)


@dataclass(frozen=True)
class CorpusOutcome:
    """A synthetic corpus written: its documents, reports, formats, and the synthetic
    frameworks file the build needs (None when every framework is real reference data)."""

    folder: Path
    documents: int
    reports: int
    formats: dict[str, int]
    frameworks: Path | None


def write_corpus(
    output: Path,
    context: BuildContext,
    *,
    scale: str = "small",
    seed: int = 0,
    forces: int | None = None,
    pdf_share: float | None = None,
    overwrite: bool = False,
    page_kinds: bool = False,
) -> CorpusOutcome:
    """Write a synthetic corpus of the scale into ``output`` (an empty or new folder, unless
    ``overwrite``); see :func:`peelgraph.synth.corpus.generate_corpus`."""
    from collections import Counter

    from .synth.corpus import FRAMEWORKS_FILE, SCALES, generate_corpus

    if scale not in SCALES:
        raise PeelgraphError(f"unknown scale {scale!r}", hint="use " + ", ".join(SCALES))
    if forces is not None and forces < 1:
        raise PeelgraphError(f"--forces must be at least 1, not {forces}")
    if output.exists() and not output.is_dir():
        raise OutputError("exists and is not a folder", where=str(output))
    if output.exists() and any(output.iterdir()) and not overwrite:
        raise OutputError("folder is not empty", where=str(output),
                          hint="pass --overwrite or pick a new folder")  # fmt: skip
    files = generate_corpus(output, context.vocabulary, scale=scale, seed=seed, forces=forces,
                            pdf_share=pdf_share, page_kinds=page_kinds)  # fmt: skip
    frameworks = output / FRAMEWORKS_FILE
    return CorpusOutcome(
        output,
        len(files),
        len({(f.force, f.year, f.pillar) for f in files}),
        dict(sorted(Counter(f.fmt for f in files).items())),
        frameworks if frameworks.is_file() else None,
    )


def run_saved_query(
    name: str | SavedQuery,
    source: Source,
    values: dict[str, str] | None = None,
    *,
    allow_service: bool = False,
) -> QueryResult:
    """Run a saved query with parameter values (strings, typed by its header) on a store or
    an endpoint. Parameter names and types are checked first, then the values of the kinds
    the graph holds (force, theme, partner, question, year, indicator: see
    :mod:`peelgraph.paramcheck`), so a misspelt value is an error, not an empty answer."""
    from .paramcheck import check_values
    from .queries import get_query
    from .store import run_query, run_sparql

    query = get_query(name) if isinstance(name, str) else name
    values = dict(values or {})
    query.bindings(values)  # names and types, before anything is opened or asked

    def known(text: str) -> list[str]:
        return [str(row["v"]) for row in run_sparql(source, text).rows if row["v"] is not None]

    check_values(values, known, query=query.name)
    return run_query(query, source, values, allow_service=allow_service)


def build_site(
    graph_file: Path,
    output: Path,
    context: BuildContext,
    *,
    overwrite: bool = False,
    workers: int | None = None,
) -> SiteOutcome:
    """Write the static site of a built graph into the folder ``output``: read through the
    saved queries from the query store beside ``graph_file`` (made if missing), written into
    a folder beside ``output`` and moved into place whole, so a failure leaves no partial
    site (and an existing one, with ``overwrite``, as it was). ``workers`` processes write
    the item pages (default: one per core); the site is the same whatever their number."""
    import os
    import shutil

    from .site import build_site as write
    from .store import open_native

    if not graph_file.is_file():
        raise InputError("no such file", where=str(graph_file), hint="build the graph first")
    if output.exists() and not output.is_dir():
        raise OutputError("exists and is not a folder", where=str(output))
    if output.exists() and any(output.iterdir()) and not overwrite:
        raise OutputError("folder is not empty", where=str(output),
                          hint="pass --overwrite or pick a new folder")  # fmt: skip
    staging = output.with_name(output.name + ".tmp-site")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        outcome = write(open_native(graph_file), staging, context.reference_graph,
                        workers or os.cpu_count() or 1)  # fmt: skip
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if output.exists():
        shutil.rmtree(output)
    staging.rename(output)
    outcome.folder = output
    return outcome
