"""The ``site`` command: a static site of a built graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DEFAULT_DATA, OverwriteOption, ReferenceOption, out, reports_errors


def register(app: typer.Typer) -> None:
    @app.command("site")
    @reports_errors
    def site(
        data: Annotated[Path, typer.Argument(help="Built graph file.")] = DEFAULT_DATA,
        output: Annotated[
            Path, typer.Option("-o", "--output", help="Folder to write the site into.")
        ] = Path("site"),
        reference: ReferenceOption = None,
        overwrite: OverwriteOption = False,
        workers: Annotated[
            int | None,
            typer.Option(
                min=1,
                help="Worker processes writing the item pages (default: one per core); "
                "the site is the same whatever the number.",
            ),
        ] = None,
    ) -> None:
        """Write a static site of the graph (home, forces, reports, questions, themes, items,
        search, linked data) that opens from a folder with no network."""
        from ..app import build_site
        from ..context import BuildContext

        outcome = build_site(
            data,
            output,
            BuildContext.from_options(reference),
            overwrite=overwrite,
            workers=workers,
        )
        pages = sum(outcome.pages.values())
        kinds = ", ".join(f"{kind} {n}" for kind, n in outcome.pages.items())
        out.print(f"Wrote {output}: {pages} pages ({kinds})", markup=False)
        out.print(f"  open {output / 'index.html'} in a browser (works from file://)", markup=False)
