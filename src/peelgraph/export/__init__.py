"""The export stage: a built graph file out as Turtle, TriG, N-Triples, N-Quads, JSON-LD or CSV.

:func:`export_files` is the entry point: it selects (the whole graph, or some forces or
reports with the reference data they use), renders every output in memory, and returns the
bytes by file name; :func:`write_export` then writes them, each atomically, refusing to
replace anything without ``overwrite``. The same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError
from ..graphio import format_by_suffix, write_atomic
from ..progress import NoProgress, one_step
from .tables import TABLES, tables

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset

    from ..progress import Progress

#: Export formats by the name ``--format`` takes: rdflib's name for the RDF ones.
FORMATS = {
    "turtle": "turtle",
    "trig": "trig",
    "nt": "nt",
    "nq": "nquads",
    "jsonld": "jsonld",
    "csv": "csv",
}
#: Formats by output suffix.
SUFFIXES = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nq",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".csv": "csv",
}

__all__ = ["FORMATS", "SUFFIXES", "TABLES", "export_files", "export_format", "write_export"]


def export_format(output: Path, explicit: str | None = None) -> str:
    """The export format: the one named, else the one the output's suffix says."""
    if explicit:
        if explicit not in FORMATS:
            raise OutputError(
                f"unknown export format {explicit!r}", hint="use one of " + ", ".join(FORMATS)
            )
        return explicit
    hint = f"pass --format ({', '.join(FORMATS)}) or use a suffix: {', '.join(SUFFIXES)}"
    return format_by_suffix(output, SUFFIXES, "export", hint)


def check_export(fmt: str, table: str | None = None) -> None:
    """Refuse an unknown format or table, or a table without CSV, before anything is read."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r}", hint="use " + ", ".join(FORMATS))
    if table is not None and fmt != "csv":
        raise OutputError("--table goes with the csv format", hint="pass --format csv")
    if table is not None and table not in TABLES:
        raise OutputError(f"unknown table {table!r}", hint="tables: " + ", ".join(TABLES))


def export_files(
    ds: Dataset | Path,
    fmt: str,
    *,
    forces: Iterable[str] = (),
    reports: Iterable[str] = (),
    table: str | None = None,
    link_context: bool = False,
    where: str | None = None,
    raw: bool = False,
    store: ox.Store | None = None,
    progress: Progress | None = None,
) -> dict[str, bytes]:
    """Render an export in memory: ``{"": bytes}`` for one file, ``{"x.csv": ...}`` for a folder.

    ``ds`` is a Dataset, or a built graph file with its query ``store``: then only what the
    export needs is read (see :mod:`peelgraph.export.reading`). CSV without ``table`` gives
    every table, one file each, meant for an output folder; cells a spreadsheet would run as
    formulas are neutralised unless ``raw``. ``progress`` hears of the stages read, select
    and render.
    """
    from .select import select

    check_export(fmt, table)
    progress = progress or NoProgress()
    forces, reports = list(forces), list(reports)
    if isinstance(ds, Path):
        if store is None:
            raise ValueError("a graph file is exported with its query store")
        source = _FileSelection(ds, store, forces, reports, where)
        whole = _whole_from_file(source, fmt, table, progress, raw)
        if whole is not None:
            return whole
        if fmt == "jsonld":
            return _jsonld_from_file(source, progress, link_context)
        ds = _read_file(source, progress)
    with one_step(progress, "select"):
        chosen = select(ds, forces=forces, reports=reports, where=where)
    with one_step(progress, "render"):
        return _render(chosen, fmt, table, link_context, raw)


@dataclass(frozen=True)
class _FileSelection:
    """A built graph file, its query store, and the forces and reports (all, if neither)
    an export of it is about, narrowed by a ``where`` filter."""

    path: Path
    store: ox.Store
    forces: list[str]
    reports: list[str]
    where: str | None


def _whole_from_file(
    source: _FileSelection, fmt: str, table: str | None, progress: Progress, raw: bool = False
) -> dict[str, bytes] | None:
    """The whole graph as RDF (the file's quads, sorted and written by Oxigraph) or as CSV
    tables (one report graph at a time); None for the exports that go through a Dataset."""
    path = source.path
    if source.forces or source.reports or fmt == "jsonld":
        return None
    if fmt == "csv":
        from .reading import file_tables

        with one_step(progress, "tables"):
            rendered = file_tables(path, [table] if table else list(TABLES), raw=raw)
        if rendered is None:
            return None  # not in report graphs: through a Dataset
        if table:
            return {"": rendered[table]}
        return {f"{name}.csv": data for name, data in rendered.items()}
    from ..graphio import serialise_nquads
    from .reading import file_nquads

    with one_step(progress, "read"):
        nquads = file_nquads(path)
    with one_step(progress, "render"):
        return {"": serialise_nquads(nquads, FORMATS[fmt])}


def _jsonld_from_file(
    source: _FileSelection, progress: Progress, link_context: bool
) -> dict[str, bytes]:
    """JSON-LD of a graph file: the selection's triples read and narrowed without rdflib
    Graphs (see :mod:`peelgraph.export.selected`), then the tree written."""
    from .jsonld import serialise_jsonld
    from .selected import selected_triples

    with one_step(progress, "read"):
        triples = selected_triples(
            source.path, source.store, source.forces, source.reports, source.where
        )
    with one_step(progress, "render"):
        return {"": serialise_jsonld(triples, link_context=link_context)}


def _read_file(source: _FileSelection, progress: Progress) -> Dataset:
    """The graphs an export of ``forces`` and ``reports`` (all, if neither) needs."""
    from ..graphio import nquads_dataset
    from .reading import file_nquads, selected_dataset

    with one_step(progress, "read"):
        if source.forces or source.reports:
            s = source
            return selected_dataset(s.path, s.store, s.forces, s.reports, s.where)
        return nquads_dataset(file_nquads(source.path))


def _render(
    chosen: Dataset, fmt: str, table: str | None, link_context: bool, raw: bool
) -> dict[str, bytes]:
    from .jsonld import serialise_jsonld  # here: only the formats asked for are imported
    from .rdfformats import serialise_rdf

    if fmt == "csv":
        rendered = tables(chosen, [table] if table else None, raw=raw)
        if table:
            return {"": rendered[table]}
        return {f"{name}.csv": data for name, data in rendered.items()}
    if fmt == "jsonld":
        return {"": serialise_jsonld(chosen, link_context=link_context)}
    return {"": serialise_rdf(chosen, FORMATS[fmt])}


def write_export(
    output: Path, files: dict[str, bytes], *, inputs: Iterable[Path] = (), overwrite: bool = False
) -> list[Path]:
    """Write rendered files: one file at ``output``, or several into the folder ``output``.

    Nothing is written if any target exists (without ``overwrite``) or is an input; each file
    is written atomically, so none is ever left half-written.
    """
    single = set(files) == {""}
    targets = [output] if single else [output / name for name in sorted(files)]
    resolved_inputs = {p.resolve() for p in inputs}
    if single and output.is_dir():
        raise OutputError("output is a folder", where=str(output), hint="name a file")
    if not single and output.exists() and not output.is_dir():
        raise OutputError(
            "output is a file, but this export writes one file per table into a folder",
            where=str(output),
            hint="name a folder, or pick one table with --table",
        )
    for target in targets:
        if target.resolve() in resolved_inputs:
            raise OutputError("the output is the input", where=str(target))
        if target.exists() and not overwrite:
            raise OutputError("output exists", where=str(target), hint="pass --overwrite")
    for target in targets:
        write_atomic(target, files["" if single else target.name])
    return targets
