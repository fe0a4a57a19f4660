"""``peelgraph synth``: write synthetic PEEL reports with known answers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn


def register(app: typer.Typer) -> None:
    # imported here, not at the top: cli.py imports this module at its end, and may run as
    # __main__, so a top-level import of it would be circular
    from .cli import reports_errors

    app.command("synth")(reports_errors(synth))


def synth(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the reports to.")],
    count: Annotated[int, typer.Option(help="How many reports (force, year, pillar) to draw.")] = 1,
    seed: Annotated[int, typer.Option(help="Seed of the generator: same seed, same files.")] = 0,
    formats: Annotated[
        list[str],
        typer.Option(
            "--format",
            help="txt (full report), pdf, summary or landing; repeat for several.",
        ),
    ] = ["txt"],  # noqa: B006 - typer reads the default, never mutates it
    framework: Annotated[
        str | None,
        typer.Option(help="Question framework, e.g. questions-2016-effectiveness (default: any)."),
    ] = None,
    font: Annotated[
        Path | None, typer.Option(help="A TrueType font for PDF (default: DejaVu Sans).")
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace files that exist.")] = False,
) -> None:
    """Write synthetic PEEL reports and synth.json, the facts each one states.

    Reports are drawn from the reference data (any PEEL year's question set, real and
    fictional forces, every grade, any number of AFIs, findings and table rows, missing
    sections) and printed the way the published reports are. Building the folder must give
    back the facts in synth.json.
    """
    from .cli import err, out
    from .reference import load_vocabulary
    from .synth.files import write_reports

    vocab = load_vocabulary()
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("Writing", total=count * len(formats))
        written = write_reports(
            output,
            vocab,
            count=count,
            seed=seed,
            formats=tuple(formats),
            framework=framework,
            overwrite=overwrite,
            font=font,
            progress=lambda _: progress.advance(task),
        )
    out.print(f"Wrote {len(written)} file(s) and synth.json to {output}", markup=False)
