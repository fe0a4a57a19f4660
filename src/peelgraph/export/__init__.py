"""The export stage: a built graph file out as Turtle, TriG, N-Triples, N-Quads, JSON-LD or CSV.

:func:`export_files` is the entry point: it selects (the whole graph, or some forces or
reports with the reference data they use), renders every output in memory, and returns the
bytes by file name; :func:`write_export` then writes them, each atomically, refusing to
replace anything without ``overwrite``. The same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset

from ..errors import OutputError
from ..graphio import write_atomic
from .jsonld import serialise_jsonld
from .rdfformats import serialise_rdf
from .select import select
from .tables import TABLES, tables

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
    fmt = SUFFIXES.get(output.suffix.lower())
    if fmt is None:
        raise OutputError(
            f"cannot tell the export format from the suffix {output.suffix!r}",
            where=str(output),
            hint="pass --format ("
            + ", ".join(FORMATS)
            + ") or use a suffix: "
            + ", ".join(SUFFIXES),
        )
    return fmt


def export_files(
    ds: Dataset,
    fmt: str,
    *,
    forces: Iterable[str] = (),
    reports: Iterable[str] = (),
    table: str | None = None,
    link_context: bool = False,
    where: str | None = None,
    raw: bool = False,
) -> dict[str, bytes]:
    """Render an export in memory: ``{"": bytes}`` for one file, ``{"x.csv": ...}`` for a folder.

    CSV without ``table`` gives every table, one file each, meant for an output folder;
    cells a spreadsheet would run as formulas are neutralised unless ``raw``.
    """
    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r}", hint="use " + ", ".join(FORMATS))
    if table is not None and fmt != "csv":
        raise OutputError("--table goes with the csv format", hint="pass --format csv")
    if table is not None and table not in TABLES:
        raise OutputError(f"unknown table {table!r}", hint="tables: " + ", ".join(TABLES))
    chosen = select(ds, forces=forces, reports=reports, where=where)
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
