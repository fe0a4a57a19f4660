"""Synthetic data: ``peelgraph corpus`` (a whole corpus for benchmarks) and ``peelgraph
synth`` (reports with known answers)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import out, progress_bars, reports_errors


def register(app: typer.Typer) -> None:
    app.command("corpus")(reports_errors(corpus))
    app.command("synth")(reports_errors(synth))


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
    page_kinds: Annotated[
        bool,
        typer.Option(
            "--page-kinds",
            help="Also overview pages, news releases, landing pages in every title shape, "
            "third-party copies and PEEL 2021+ reports (build with --reference "
            "OUTPUT/synthetic-frameworks-2021.ttl).",
        ),
    ] = False,
) -> None:
    """Write a synthetic corpus: every force x every PEEL cycle and pillar of the scale.

    Mixed formats (full reports as text or PDF, web summaries, PEEL web pages), with
    recurring areas for improvement and follow-ups of earlier reports, and synth.json saying
    what each file states. Where the scale needs question frameworks the reference data
    lacks, synthetic ones are written as OUTPUT/synthetic-frameworks.ttl, and the build
    needs them: peelgraph build OUTPUT --reference OUTPUT/synthetic-frameworks.ttl ...
    """
    from ..app import write_corpus
    from ..context import default_context

    done = write_corpus(output, default_context(), scale=scale, seed=seed, forces=forces,
                        pdf_share=pdf_share, overwrite=overwrite,
                        page_kinds=page_kinds)  # fmt: skip
    listed = ", ".join(f"{n} {kind}" for kind, n in done.formats.items())
    out.print(f"Wrote {done.documents} documents ({done.reports} reports: {listed}) to {output}",
              markup=False)  # fmt: skip
    references = [done.frameworks] if done.frameworks else []
    from ..synth.files import FRAMEWORKS_2021_FILE

    if (output / FRAMEWORKS_2021_FILE).is_file():
        references.append(output / FRAMEWORKS_2021_FILE)
    reference = "".join(f" --reference {path}" for path in references)
    out.print(f"Build it with: peelgraph build {output}{reference} -o OUT.trig", markup=False)


def synth(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the reports to.")],
    count: Annotated[int, typer.Option(help="How many reports (force, year, pillar) to draw.")] = 1,
    seed: Annotated[int, typer.Option(help="Seed of the generator: same seed, same files.")] = 0,
    formats: Annotated[
        list[str],
        typer.Option(
            "--format",
            help="txt (full report), pdf, summary, landing, overview, news, landing-web "
            "(every title shape), copy (third-party copy) or report-2021; repeat for several.",
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
    from ..context import default_context
    from ..synth.files import write_reports

    with progress_bars() as progress:
        progress.start("write", count * len(formats))
        written = write_reports(
            output,
            default_context().vocabulary,
            count=count,
            seed=seed,
            formats=tuple(formats),
            framework=framework,
            overwrite=overwrite,
            font=font,
            progress=lambda _: progress.advance("write"),
        )
    out.print(f"Wrote {len(written)} file(s) and synth.json to {output}", markup=False)
