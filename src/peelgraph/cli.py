"""The ``peelgraph`` command line: a thin layer that parses arguments and calls the API.

Results go to stdout, diagnostics to stderr as ``[ERROR] where: what (hint: ...)`` lines.
Exit codes: 0 success, 1 the data does not conform, 2 bad input or usage.
"""

from __future__ import annotations

import functools
import json
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .errors import NotConformingError, PeelgraphError
from .limits import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="peelgraph",
    help="Turn PEEL police inspection reports into a validated, queryable RDF knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

_state = {"debug": False}

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn the project's errors into one stderr line and the error's exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PeelgraphError as exc:
            if _state["debug"]:
                traceback.print_exc()
            err.print(f"[ERROR] {exc.one_line()}", markup=False)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


#: The options 'build' and 'validate' share.
ReferenceOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--reference",
        help="Extra reference Turtle (a file, or a folder of .ttl), repeatable: question "
        "frameworks of cycles peelgraph does not ship, more partner bodies, ... ('validate' "
        "uses the file's own reference graph when it carries one).",
    ),
]
ValidatorOption = Annotated[
    str, typer.Option(help="SHACL engine: turbo (pyshacl-turbo, fast) or pyshacl (reference).")
]


def _version(value: bool) -> None:
    if value:
        from . import __version__

        out.print(f"peelgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Turn PEEL police inspection reports into a validated, queryable RDF knowledge graph."""
    _state["debug"] = debug


@app.command()
@reports_errors
def build(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files (.txt, .pdf) or folders of them.")
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="Graph file to write: .trig (named graphs) or .ttl, .nt, .nq."
        ),
    ],
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace the output if it exists.")
    ] = False,
    keep_going: Annotated[
        bool,
        typer.Option(
            "--keep-going",
            help="Skip files that cannot be read and build the rest (default: stop at the "
            "first bad file and write nothing).",
        ),
    ] = False,
    max_input_size: Annotated[
        int, typer.Option(help="Largest input file to read, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    show_warnings: Annotated[
        bool, typer.Option("--warnings", help="List extraction warnings (sections not found, ...).")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per core).")
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            help="Cache folder for incremental rebuilds (default: .peelgraph-cache beside the "
            "output): unchanged documents are not extracted, mapped or validated again."
        ),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Build everything afresh.")] = False,
    no_store: Annotated[
        bool,
        typer.Option(
            "--no-store",
            help="Do not leave the embedded query store (OUTPUT.oxigraph/) beside the output.",
        ),
    ] = False,
    reference: ReferenceOption = None,
    validator: ValidatorOption = "turbo",
) -> None:
    """Extract reports, map them to RDF, validate with SHACL and write the graph.

    One named graph per report plus a reference graph. A graph that does not conform is not
    written: the command lists the violations and exits with 1.
    """
    from .build import build as run_build
    from .build import collect_inputs
    from .graphio import check_output, format_for, write_graphs, write_trig

    _use_reference(reference)
    files = collect_inputs(paths)
    check_output(output, files, overwrite)
    fmt = format_for(output)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("Extracting", total=len(files))
        result = run_build(
            paths,
            keep_going=keep_going,
            max_bytes=max_input_size,
            progress=lambda _: progress.advance(task),
            workers=workers,
            cache_dir=None if no_cache else (cache or output.parent / ".peelgraph-cache"),
            engine=validator,
        )
    for skipped in result.skipped:
        err.print(f"[WARNING] skipped {skipped.error.one_line()}", markup=False)
    if show_warnings:
        for warning in result.warnings:
            err.print(f"[WARNING] {warning}", markup=False)
        for violation in result.validation.violations:
            if violation.severity != "violation":
                err.print(violation.one_line(), markup=False)
    validation = result.validation
    if not validation.conforms:
        for violation in validation.violations:
            err.print(violation.one_line(), markup=False)
        raise NotConformingError(
            f"the graph does not conform to the shapes "
            f"({len(validation.violations)} result(s)); nothing was written",
            validation,
            where=str(output),
        )
    if not result.reports:
        raise PeelgraphError("no report could be read; nothing was written", where=str(output))
    graphs = result.graphs()
    if fmt == "trig":
        write_trig(output, result.trig_blocks())
    else:
        write_graphs(output, [data for _, data in graphs], fmt)
    if not no_store:
        from .store import sync_store

        # so that queries answer without parsing the file: only changed graphs are reloaded
        reloaded = sync_store(output, graphs if fmt in ("trig", "nquads") else None)
    _print_summary(result, output)
    if not no_store:
        from .store import store_folder

        if not reloaded:
            what = "up to date"
        elif reloaded == ["*"] or len(reloaded) >= len(graphs):
            what = "loaded"
        else:
            what = f"{len(reloaded)} of {len(graphs)} graphs reloaded"
        out.print(f"  query store            {store_folder(output)} ({what})")


def _use_reference(paths: list[Path] | None) -> None:
    if paths:
        from .reference import use_reference

        use_reference(paths)


def _print_summary(result: Any, output: Path) -> None:
    stats = result.summary()
    grades = ", ".join(f"{g} {n}" for g, n in stats["judgments_by_grade"].items()) or "none"
    graphs = f"{stats['reports']} report graph(s) + reference"
    out.print(f"Wrote {output} ({stats['triples']:,} report triples, {graphs})")
    out.print(f"  reports                {stats['reports']}")
    out.print(f"  judgments              {sum(stats['judgments_by_grade'].values())} ({grades})")
    out.print(f"  findings               {stats['findings']}")
    out.print(f"  areas for improvement  {stats['areas_for_improvement']}")
    out.print(f"  partner links          {stats['partner_links']} ({stats['partners']} partners)")
    out.print(f"  partnerships           {stats['partnerships']} (force and partner, all reports)")
    out.print(f"  observations           {stats['observations']}")
    if stats["cross_report_links"]:
        out.print(f"  follow-up links        {stats['cross_report_links']}")
    if result.skipped:
        out.print(f"  skipped files          {len(result.skipped)}")
    if result.extracted < len(result.reports):
        out.print(f"  extracted afresh       {result.extracted} (the rest from the cache)")
    out.print("  SHACL validation       conforms")


@app.command()
@reports_errors
def validate(
    file: Annotated[Path, typer.Argument(help="Graph file (.trig, .ttl, .nt, .nq, .jsonld).")],
    output_format: Annotated[
        str, typer.Option("--format", help="Report as 'text' or 'json'.")
    ] = "text",
    reference: ReferenceOption = None,
    validator: ValidatorOption = "turbo",
) -> None:
    """Validate a graph file against the SHACL shapes (exit 0 conforms, 1 does not).

    Each report graph is checked with the file's own reference graph when it has one (a
    built graph does), else with the packaged reference data."""
    from .validate import ENGINES, validate_file

    if output_format not in ("text", "json"):
        raise PeelgraphError(f"unknown format {output_format!r}", hint="use text or json")
    if validator not in ENGINES:
        raise PeelgraphError(f"unknown validator {validator!r}", hint="use turbo or pyshacl")
    _use_reference(reference)
    report = validate_file(file, engine=validator)
    out.print(report.as_json() if output_format == "json" else report.as_text(), markup=False)
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
@reports_errors
def stats(
    file: Annotated[Path, typer.Argument(help="Graph file (.trig, .ttl, .nt, .nq, .jsonld).")],
    output_format: Annotated[
        str, typer.Option("--format", help="Print as 'text' or 'json'.")
    ] = "text",
) -> None:
    """Summarise a graph: reports, judgments by grade, findings, links, observations."""
    from .graphio import load_dataset
    from .stats import graph_stats

    data = graph_stats(load_dataset(file)).as_dict()
    if output_format == "json":
        out.print(json.dumps(data, indent=2), markup=False)
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
        out.print(f"{key.replace('_', ' '):24} {value}", markup=False)


@app.command()
@reports_errors
def explain(
    iri: Annotated[str, typer.Argument(help="IRI of a finding, AFI, judgment, observation...")],
    data: Annotated[
        Path, typer.Option("--data", "-d", help="Graph file built by 'peelgraph build'.")
    ] = Path("build/peel.trig"),
    source: Annotated[
        list[Path] | None,
        typer.Option("--source", "-s", help="Folder or file holding the source documents."),
    ] = None,
    context: Annotated[int, typer.Option(help="Characters of context around the passage.")] = 160,
) -> None:
    """Show an item's text, source file, page, offsets and the source passage around it."""
    from .explain import explain as run_explain
    from .graphio import load_dataset
    from .stats import union_graph

    graph = union_graph(load_dataset(data))
    search = [*(source or []), data.parent, Path("data/reports"), Path.cwd()]
    out.print(run_explain(graph, iri, search, context).as_text(), markup=False)


@app.command()
@reports_errors
def corpus(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write into.")],
    scale: Annotated[
        str,
        typer.Option(
            help="small (3 forces, effectiveness only, for tests), medium (12 forces, every "
            "pillar) or full (43 forces x 14 reports: about 600 reports)."
        ),
    ] = "small",
    seed: Annotated[int, typer.Option(help="Random seed: the same seed, the same corpus.")] = 0,
    forces: Annotated[
        int | None, typer.Option(help="Only the first N forces (overrides the scale's).")
    ] = None,
    pdf_share: Annotated[
        float | None,
        typer.Option(
            help="Share of full reports written as PDF (default 0.1; needs fpdf2, in the "
            "'synth' extra; 0 for text only)."
        ),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Write into a folder that is not empty.")
    ] = False,
) -> None:
    """Write a synthetic corpus: every force x every PEEL cycle and pillar of the scale, in
    mixed formats (full reports as text or PDF, web summaries, PEEL web pages), with
    recurring areas for improvement and follow-ups of earlier reports, and synth.json saying
    what each file states.

    The medium and full scales add synthetic question frameworks for the pillars the
    reference data lacks; they are written as OUTPUT/synthetic-frameworks.ttl, and the
    build needs them: peelgraph build OUTPUT --reference OUTPUT/synthetic-frameworks.ttl ...
    """
    from .errors import OutputError
    from .reference import load_vocabulary
    from .synth.corpus import FRAMEWORKS_FILE, SCALES, generate_corpus

    if scale not in SCALES:
        raise PeelgraphError(f"unknown scale {scale!r}", hint="use " + ", ".join(SCALES))
    if output.exists() and any(output.iterdir()) and not overwrite:
        raise OutputError(
            "folder is not empty", where=str(output), hint="pass --overwrite or pick a new folder"
        )
    files = generate_corpus(
        output, load_vocabulary(), scale=scale, seed=seed, forces=forces, pdf_share=pdf_share
    )
    reports = len({(f.force, f.year, f.pillar) for f in files})
    kinds = Counter(f.fmt for f in files)
    listed = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    out.print(f"Wrote {len(files)} documents ({reports} reports: {listed}) to {output}")
    frameworks = output / FRAMEWORKS_FILE
    reference = f" --reference {frameworks}" if frameworks.is_file() else ""
    out.print(f"Build it with: peelgraph build {output}{reference} -o OUT.trig", markup=False)


from .cli_export import register as _register_export  # noqa: E402

_register_export(app)
from .cli_query import register as _register_query  # noqa: E402

_register_query(app)
from .cli_viz import register as _register_viz  # noqa: E402

_register_viz(app)

from .cli_synth import register as _register_synth  # noqa: E402

_register_synth(app)


def main() -> None:
    """Entry point of the ``peelgraph`` console script."""
    app(prog_name="peelgraph")
