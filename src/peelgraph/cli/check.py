"""``check``: score extraction on a folder of real pages against their expectations file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .common import ReferenceOption, check_choice, out, reports_errors

FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    @app.command("check")
    @reports_errors
    def check(
        folder: Annotated[
            Path, typer.Argument(help="Folder of page fragments (*.txt, each '# source:' first).")
        ],
        expect: Annotated[
            Path, typer.Option("--expect", "-e", help="Expectations file (YAML) for the folder.")
        ],
        details: Annotated[
            bool, typer.Option("--details", help="Also list every page, grade and item.")
        ] = False,
        failures_only: Annotated[
            bool, typer.Option("--failures", help="List only the pages read wrong, and why.")
        ] = False,
        output_format: Annotated[
            str, typer.Option("--format", "-f", help="table or json.")
        ] = "table",
        reference: ReferenceOption = None,
    ) -> None:
        """Score extraction on real pages: per page kind and cycle, pages built or refused
        with the right reason, grades read, missed or wrong, forces right, wrong or invented,
        areas for improvement (and recommendations) whole, cut or missed.

        Exit 0 when every page is read as its expectations say, 1 when not, 2 on bad input
        (a folder or expectations file that cannot be read, expectations that do not quote
        their fragments)."""
        from ..context import BuildContext
        from ..scorecard import as_dict, passes, render_details, render_tables, score_folder

        check_choice(output_format, FORMATS, "format")
        context = BuildContext.from_options(reference)
        scorecard = score_folder(folder, expect, context.vocabulary)
        if output_format == "json":
            out.print_json(json.dumps(as_dict(scorecard), ensure_ascii=False))
        else:
            out.print(render_tables(scorecard))
            if details or failures_only:
                out.print(render_details(scorecard, only_failures=failures_only and not details))
        if not passes(scorecard):
            raise typer.Exit(1)
