"""The ``peelgraph`` command line: thin commands over :mod:`peelgraph.app`.

Each command module parses its arguments, calls the application layer and prints; they import
:mod:`peelgraph.cli.common` and nothing else of the command line, and this module puts them
together. Nothing imports this package but the console script.
"""

from __future__ import annotations

import inspect
from typing import Annotated

import typer

from . import build, check, export, query, site, synth, viz
from .common import out

app = typer.Typer(
    name="peelgraph",
    help="Turn PEEL police inspection reports into a validated, queryable RDF knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from ..version import package_version

        out.print(f"peelgraph {package_version()}")
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


for _module in (build, synth, export, query, viz, site, check):
    _module.register(app)


def unwrap_paragraphs(text: str) -> str:
    """Help text with each paragraph on one line, so that the terminal wraps it at its own
    width (Typer keeps the docstring's line breaks after the first paragraph, which at any
    other width breaks lines mid-sentence); indented lines stay as they are."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    joined = [
        p if any(line.startswith((" ", "\b")) for line in p.splitlines()) else " ".join(p.split())
        for p in paragraphs
    ]
    return "\n\n".join(joined)


def _unwrap_help(typer_app: typer.Typer) -> None:
    for info in typer_app.registered_commands:
        text = info.help or (inspect.getdoc(info.callback) if info.callback else None)
        if text:
            info.help = unwrap_paragraphs(text)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _unwrap_help(group.typer_instance)


_unwrap_help(app)


def main() -> None:
    """Entry point of the ``peelgraph`` console script."""
    app(prog_name="peelgraph")
