"""Commands for the views of the partnership network: ``viz partnerships``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DEFAULT_DATA, DataOption, OverwriteOption, ReferenceOption, out, reports_errors

OutputOption = Annotated[
    Path,
    typer.Option("-o", "--output", help="OUT.html, .svg, .png, .graphml or .gexf."),
]
EndpointOption = Annotated[
    str | None, typer.Option(help="SPARQL endpoint URL to read instead of --data.")
]
ViewOption = Annotated[
    str,
    typer.Option(
        help="network (a star for one force, two columns for several), matrix "
        "(forces x partners, ordered by clustering) or ego (--force and its region)."
    ),
]
ForceOption = Annotated[str, typer.Option(help="Only this force (slug); the ego view's force.")]
QuestionOption = Annotated[str, typer.Option(help="Only evidence under this core question (code).")]
ByOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Collapse partner bodies into their types (type) or forces "
        "into their regions (region); repeatable."
    ),
]
MinWeightOption = Annotated[int, typer.Option(help="Only links evidenced by at least N items.")]
TopOption = Annotated[
    int, typer.Option(help="Only the N partners with the most evidence (0: all).")
]
StatsOption = Annotated[
    bool, typer.Option("--stats", help="Print degree, betweenness and communities.")
]


def partnerships(
    output: OutputOption,
    data: DataOption = DEFAULT_DATA,
    endpoint: EndpointOption = None,
    view: ViewOption = "network",
    force: ForceOption = "",
    question: QuestionOption = "",
    by: ByOption = None,
    min_weight: MinWeightOption = 1,
    top: TopOption = 0,
    reference: ReferenceOption = None,
    stats: StatsOption = False,
    overwrite: OverwriteOption = False,
) -> None:
    """Draw the partnership network: forces and partner bodies, links weighted by the
    findings and areas for improvement that evidence them."""
    from ..context import BuildContext
    from ..graphio import check_output
    from ..store import Endpoint, open_dataset
    from ..viz import ViewChoice, draw_partnerships, network_stats, viz_reference
    from ..viz.render import check_suffix

    check_suffix(output)
    check_output(output, [data], overwrite)
    context = BuildContext.from_options(reference)
    source = Endpoint(endpoint) if endpoint else open_dataset(data)
    choice = ViewChoice(view, force, question, tuple(by or ()), min_weight, top)
    result = draw_partnerships(source, output, viz_reference(context.reference_graph), choice)
    g = result.graph
    out.print(
        f"Wrote {output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} links",
        markup=False,
    )
    for line in result.summary:
        out.print(line, markup=False)
    if stats:
        out.print(network_stats(g).as_text(), markup=False)


def register(app: typer.Typer) -> None:
    viz_app = typer.Typer(help="Views of the graph.", no_args_is_help=True)
    app.add_typer(viz_app, name="viz")
    viz_app.command("partnerships")(reports_errors(partnerships))
