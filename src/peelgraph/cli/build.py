"""Commands of the pipeline: ``build``, ``validate``, ``stats`` and ``explain``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..limits import DEFAULT_MAX_BYTES
from .common import (
    DEFAULT_DATA,
    DataOption,
    OverwriteOption,
    ReferenceOption,
    ValidatorOption,
    check_choice,
    err,
    out,
    progress_bars,
    reports_errors,
)

if TYPE_CHECKING:
    from ..app import BuildOutcome


PathsArgument = Annotated[
    list[Path], typer.Argument(help="Report files (.txt, .pdf) or folders of them.")
]
BuildOutputOption = Annotated[
    Path,
    typer.Option(
        "-o", "--output", help="Graph file to write: .trig (named graphs) or .ttl, .nt, .nq."
    ),
]
KeepGoingOption = Annotated[
    bool,
    typer.Option(
        "--keep-going",
        help="Skip files that cannot be read and build the rest (default: stop at the "
        "first bad file and write nothing).",
    ),
]
MaxInputSizeOption = Annotated[int, typer.Option(help="Largest input file to read, in bytes.")]
WarningsOption = Annotated[
    bool, typer.Option("--warnings", help="List extraction warnings (sections not found, ...).")
]
WorkersOption = Annotated[
    int | None, typer.Option(help="Worker processes (default: one per core).")
]
CacheOption = Annotated[
    Path | None,
    typer.Option(
        help="Cache folder for incremental rebuilds (default: .peelgraph-cache beside the "
        "output): unchanged documents are not extracted, mapped or validated again."
    ),
]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Build everything afresh.")]
NoStoreOption = Annotated[
    bool,
    typer.Option(
        "--no-store",
        help="Do not leave the embedded query store (OUTPUT.oxigraph/) beside the output.",
    ),
]
ForceOption = Annotated[
    str | None,
    typer.Option(
        "--force",
        help="The reference force (slug, e.g. thames-valley) every input is about, for "
        "pages that name no force the reference data knows; this run only.",
    ),
]


def build(
    paths: PathsArgument,
    output: BuildOutputOption,
    overwrite: OverwriteOption = False,
    keep_going: KeepGoingOption = False,
    max_input_size: MaxInputSizeOption = DEFAULT_MAX_BYTES,
    show_warnings: WarningsOption = False,
    workers: WorkersOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    no_store: NoStoreOption = False,
    force: ForceOption = None,
    reference: ReferenceOption = None,
    validator: ValidatorOption = "turbo",
) -> None:
    """Extract reports, map them to RDF, validate with SHACL and write the graph.

    One named graph per report plus a reference graph. A graph that does not conform is not
    written: the command lists the violations and exits with 1.
    """
    from ..app import BuildOptions, build_to_file
    from ..context import BuildContext
    from ..errors import NotConformingError

    context = BuildContext.from_options(reference, validator)
    options = BuildOptions(keep_going=keep_going, max_bytes=max_input_size, workers=workers,
                           cache_dir=cache, use_cache=not no_cache, store=not no_store,
                           overwrite=overwrite, force=force)  # fmt: skip
    try:
        with progress_bars() as progress:
            outcome = build_to_file(paths, output, context, options, progress)
    except NotConformingError as exc:
        for violation in exc.report.violations:  # type: ignore[attr-defined]
            err.print(violation.one_line(), markup=False)
        raise
    _print_warnings(outcome, show_warnings)
    _print_summary(outcome)


def _print_warnings(outcome: BuildOutcome, show_warnings: bool) -> None:
    result = outcome.result
    for skipped in result.skipped:
        err.print(f"[WARNING] skipped {skipped.error.one_line()}", markup=False)
    for warning in outcome.warnings:
        err.print(f"[WARNING] {warning}", markup=False)
    if show_warnings:
        for warning in result.warnings:
            err.print(f"[WARNING] {warning}", markup=False)
        for violation in result.validation.violations:
            if violation.severity != "violation":
                err.print(violation.one_line(), markup=False)


def summary_lines(outcome: BuildOutcome) -> list[str]:
    """The build summary, as printed (the README shows one; a test keeps it true)."""
    stats, result = outcome.stats, outcome.result
    grades = ", ".join(f"{g} {n}" for g, n in sorted(stats.judgments_by_grade.items())) or "none"
    lines = [
        f"Wrote {outcome.output} ({stats.triples:,} report triples, "
        f"{stats.named_graphs} report graph(s) + reference)",
        f"  reports                {stats.reports}",
        f"  judgments              {stats.judgments} ({grades})",
        f"  findings               {stats.findings}",
        f"  areas for improvement  {stats.areas_for_improvement}",
        f"  partner links          {stats.partner_links} ({stats.partners} partners)",
        f"  partnerships           {stats.partnerships} (force and partner, all reports)",
        f"  observations           {stats.observations}",
    ]
    if stats.follow_up_links:
        lines.append(f"  follow-up links        {stats.follow_up_links}")
    if result.skipped:
        lines.append(f"  skipped files          {len(result.skipped)}")
    if result.extracted < len(result.reports):
        lines.append(f"  extracted afresh       {result.extracted} (the rest from the cache)")
    lines.append("  SHACL validation       conforms")
    if outcome.store is not None:
        lines.append(f"  query store            {outcome.store} ({outcome.store_status})")
    return lines


def _print_summary(outcome: BuildOutcome) -> None:
    for line in summary_lines(outcome):
        out.print(line, markup=False)


def validate(
    file: Annotated[Path, typer.Argument(help="Graph file (.trig, .nq, .ttl, .nt, .jsonld).")],
    output_format: Annotated[
        str, typer.Option("--format", help="Report as 'text' or 'json'.")
    ] = "text",
    reference: ReferenceOption = None,
    validator: ValidatorOption = "turbo",
) -> None:
    """Validate a graph file against the SHACL shapes (exit 0 conforms, 1 does not).

    Each report graph is checked with the file's own reference graph when it has one (a
    built graph does), else with the packaged reference data."""
    from ..app import validate_file
    from ..context import BuildContext

    check_choice(output_format, ("text", "json"), "format")
    report = validate_file(file, BuildContext.from_options(reference, validator))
    out.print(report.as_json() if output_format == "json" else report.as_text(), markup=False)
    if not report.conforms:
        raise typer.Exit(1)


def stats(
    file: Annotated[
        Path, typer.Argument(help="Graph file (.trig, .nq, .ttl, .nt, .jsonld).")
    ] = DEFAULT_DATA,
    output_format: Annotated[
        str, typer.Option("--format", help="Print as 'text' or 'json'.")
    ] = "text",
) -> None:
    """Summarise a graph: reports, judgments by grade, findings, links, observations."""
    from ..app import graph_stats_of

    check_choice(output_format, ("text", "json"), "format")
    data = graph_stats_of(file).as_dict()
    if output_format == "json":
        out.print(json.dumps(data, indent=2), markup=False)
        return
    _print_stats(data)


def _print_stats(data: dict[str, object]) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
        out.print(f"{key.replace('_', ' '):24} {value}", markup=False)


def explain(
    iri: Annotated[
        str,
        typer.Argument(
            help="A finding, AFI, judgment, observation...: full IRI or prefixed name "
            "(pid:report/..., as the JSON-LD export writes it)."
        ),
    ],
    data: DataOption = DEFAULT_DATA,
    source: Annotated[
        list[Path] | None,
        typer.Option("--source", "-s", help="Folder or file holding the source documents."),
    ] = None,
    context: Annotated[int, typer.Option(help="Characters of context around the passage.")] = 160,
) -> None:
    """Show an item's text, source file, page, offsets and the source passage around it."""
    from ..app import explain_item
    from .query import escape_controls

    text = explain_item(iri, data, source or [], context).as_text()
    out.print(escape_controls(text), markup=False)  # the report's own controls made visible


def register(app: typer.Typer) -> None:
    for command in (build, validate, stats, explain):
        app.command()(reports_errors(command))
