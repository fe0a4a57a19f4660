"""``peelgraph export`` and ``peelgraph docs``: a built graph out in other formats, and the
ontology as an HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import OverwriteOption, out, progress_bars, reports_errors

FORMAT_HELP = "turtle, trig, nt, nq, jsonld or csv (default: from the output's suffix)."

FileArgument = Annotated[Path, typer.Argument(help="Built graph file (.trig, .nq, .ttl, .nt).")]
OutputOption = Annotated[
    Path,
    typer.Option(
        "-o",
        "--output",
        help="File to write; for csv without --table, a folder (one file per table).",
    ),
]
FormatOption = Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)]
ForceOption = Annotated[
    list[str] | None,
    typer.Option("--force", help="Only this force's reports (slug; repeatable)."),
]
ReportOption = Annotated[
    list[str] | None,
    typer.Option(
        "--report",
        help="Only this report (key such as thames-valley-2016-effectiveness; repeatable).",
    ),
]
TableOption = Annotated[
    str | None,
    typer.Option(
        "--table",
        help="csv: write this one table to the output file (judgments, findings, "
        "areas-for-improvement, observations, partner-links).",
    ),
]
LinkContextOption = Annotated[
    bool,
    typer.Option(
        "--link-context",
        help="jsonld: name the published context by URL instead of embedding it.",
    ),
]
RawOption = Annotated[
    bool,
    typer.Option(
        "--raw",
        help="csv: write cells as they are, even those a spreadsheet would run as a "
        "formula (by default a cell starting =, +, -, @ that is not a number gets a "
        "leading apostrophe).",
    ),
]


def export(
    file: FileArgument,
    output: OutputOption,
    output_format: FormatOption = None,
    force: ForceOption = None,
    report: ReportOption = None,
    table: TableOption = None,
    link_context: LinkContextOption = False,
    overwrite: OverwriteOption = False,
    raw: RawOption = False,
) -> None:
    """Export a built graph as Turtle, TriG, N-Triples, N-Quads, JSON-LD or CSV tables.

    The whole graph, or only some forces or reports (with the reference data they use),
    read from the query store beside the file. The same input always gives
    byte-identical output. CSV cells that a spreadsheet would run as formulas are
    neutralised unless --raw.
    """
    from ..app import export_graph

    with progress_bars() as progress:
        fmt, written = export_graph(file, output, output_format, forces=force or (),
                                    reports=report or (), table=table,
                                    link_context=link_context, overwrite=overwrite,
                                    raw=raw, progress=progress)  # fmt: skip
    for path in written:
        out.print(f"Wrote {path} ({path.stat().st_size:,} bytes, {fmt})", markup=False)


def docs(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")],
    overwrite: OverwriteOption = False,
) -> None:
    """Write the ontology and its SKOS schemes as one readable HTML page."""
    from ..export.docs import ontology_page
    from ..graphio import check_output, write_atomic

    check_output(output, [], overwrite)
    write_atomic(output, ontology_page())
    out.print(f"Wrote {output}", markup=False)


def register(app: typer.Typer) -> None:
    """Add the export commands to the command line."""
    for command in (export, docs):
        app.command()(reports_errors(command))
