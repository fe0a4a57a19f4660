"""Commands for the network view: ``viz partnerships``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DEFAULT_DATA, DataOption, out, reports_errors


def register(app: typer.Typer) -> None:
    viz_app = typer.Typer(help="Views of the graph.", no_args_is_help=True)
    app.add_typer(viz_app, name="viz")

    @viz_app.command("partnerships")
    @reports_errors
    def partnerships(
        output: Annotated[
            Path,
            typer.Option("-o", "--output", help="OUT.html, .svg, .png, .graphml or .gexf."),
        ],
        data: DataOption = DEFAULT_DATA,
        endpoint: Annotated[
            str | None, typer.Option(help="SPARQL endpoint URL to read instead of --data.")
        ] = None,
        force: Annotated[str, typer.Option(help="Only this force (slug).")] = "",
        question: Annotated[
            str, typer.Option(help="Only evidence under this core question (code).")
        ] = "",
        min_weight: Annotated[
            int, typer.Option(help="Only links evidenced by at least N items.")
        ] = 1,
        stats: Annotated[
            bool, typer.Option("--stats", help="Print degree, betweenness and communities.")
        ] = False,
        overwrite: Annotated[
            bool, typer.Option("--overwrite", help="Replace the output if it exists.")
        ] = False,
    ) -> None:
        """Draw the partnership network: forces and partner bodies, links weighted by the
        findings and areas for improvement that evidence them."""
        from ..errors import PeelgraphError
        from ..graphio import check_output
        from ..store import Endpoint, open_dataset
        from ..viz import SUFFIXES, build_network, network_rows, network_stats, write

        if output.suffix.lower() not in SUFFIXES:
            raise PeelgraphError(
                f"cannot draw the network as {output.suffix or 'a file without a suffix'}",
                where=str(output),
                hint="use " + ", ".join(SUFFIXES),
            )
        check_output(output, [data], overwrite)
        source = Endpoint(endpoint) if endpoint else open_dataset(data)
        graph = build_network(network_rows(source, force, question), min_weight)
        if graph.number_of_nodes() == 0:
            raise PeelgraphError(
                "no partner links match", hint="check --force, --question and --min-weight"
            )
        scope = ", ".join(x for x in (force, question) if x) or "all forces"
        write(graph, output, f"Partnership network ({scope})")
        out.print(
            f"Wrote {output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} links",
            markup=False,
        )
        if stats:
            out.print(network_stats(graph).as_text(), markup=False)
