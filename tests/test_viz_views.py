"""The views' logic without a browser: aggregation, filters, the matrix's clustering order,
the ego view's three groups, fixed layouts without overlaps, one colour a type in every
view and format."""

from __future__ import annotations

import re
from types import SimpleNamespace

import networkx as nx
import pytest
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.iris import PID
from peelgraph.viz import ViewChoice, aggregate, build_network, make_view, viz_reference
from peelgraph.viz.layout import bipartite_layout, star_layout
from peelgraph.viz.matrix import matrix_of

from .conftest import REPORTS

runner = CliRunner()
FORCE = str(PID["force/"])
PARTNER = str(PID["partner/"])
TYPES = {
    "mash": "multi-agency arrangement",
    "marac": "multi-agency arrangement",
    "nca": "national body",
    "nhs": "health service",
    "rocu": "regional body",
}


def _rows(links: dict[tuple[str, str], list[str]]) -> SimpleNamespace:
    """Query rows: (force slug, partner slug) -> the items (ids) that evidence the link."""
    rows = []
    for (force, partner), items in links.items():
        for item in items:
            rows.append(
                {
                    "force": force.title(), "forceIri": FORCE + force, "year": "2016",
                    "partner": partner.upper(), "partnerIri": PARTNER + partner,
                    "partnerType": TYPES[partner], "kind": "Finding", "core": "2016-EFF-3",
                    "text": f"text of {item}", "file": f"{force}.txt", "page": 3,
                    "item": f"https://example.org/{force}/{item}",
                }
            )  # fmt: skip
    return SimpleNamespace(rows=rows)


@pytest.fixture(scope="module")
def reference(context):
    return viz_reference(context.reference_graph)


@pytest.fixture
def g() -> nx.Graph:
    return build_network(
        _rows(
            {
                ("thames-valley", "mash"): ["a", "b", "c"],
                ("thames-valley", "marac"): ["a", "d"],  # item a names both arrangements
                ("thames-valley", "nca"): ["e"],
                ("hampshire", "mash"): ["f"],
                ("hampshire", "rocu"): ["g", "h"],
                ("kent", "nhs"): ["i"],
                ("kent", "rocu"): ["j"],
                ("cumbria", "nca"): ["k", "l", "m", "n"],
            }
        )
    )


def test_by_type_counts_an_item_once(g, reference):
    typed = aggregate(g, reference, by=("type",))
    arrangement = str(PID["partner-type/multi-agency-arrangement"])
    assert typed.nodes[arrangement]["label"] == "multi-agency arrangement"
    assert typed.edges[FORCE + "thames-valley", arrangement]["weight"] == 4  # a, b, c, d
    assert typed.nodes[arrangement]["total"] == 5  # and Hampshire's f


def test_by_region(g, reference):
    regional = aggregate(g, reference, by=("region",))
    south_east = str(PID["region/south-east"])
    forces = {n for n, d in regional.nodes(data=True) if d["kind"] == "force"}
    assert forces == {south_east, str(PID["region/north-west"])}
    assert regional.nodes[south_east]["label"] == "South East"
    assert regional.edges[south_east, PARTNER + "rocu"]["weight"] == 3
    assert regional.edges[south_east, PARTNER + "mash"]["weight"] == 4


def test_min_weight_and_top(g, reference):
    heavy = aggregate(g, reference, min_weight=2)
    assert all(d["weight"] >= 2 for *_, d in heavy.edges(data=True))
    assert FORCE + "kent" not in heavy  # no link of Kent's has two items
    top = aggregate(g, reference, top=2)
    partners = {n for n, d in top.nodes(data=True) if d["kind"] == "partner"}
    assert partners == {PARTNER + "nca", PARTNER + "mash"}  # 5 and 4 items
    with pytest.raises(Exception, match="cannot aggregate by county"):
        aggregate(g, reference, by=("county",))


def test_matrix_puts_similar_rows_together():
    profiles = {
        "a": {"mash": 3, "marac": 2},
        "b": {"nca": 4, "nhs": 1},
        "c": {"mash": 2, "marac": 3},
        "d": {"nca": 3, "nhs": 2},
        "e": {"mash": 4, "marac": 1},
    }
    links = {
        (f, p): [f"{f}{p}{i}" for i in range(n)]
        for f, ps in profiles.items()
        for p, n in ps.items()
    }
    matrix = matrix_of(build_network(_rows(links)))
    order = [r.rsplit("/", 1)[1] for r in matrix.rows]
    # the three forces that work with MASH and MARAC sit together (their label order, a to e,
    # would interleave them with the other two)
    places = sorted(order.index(x) for x in "ace")
    assert places[-1] - places[0] == 2, order
    assert matrix_of(build_network(_rows(links))) == matrix  # the same every time


def test_ego_view_groups(g, reference):
    view = make_view(g, reference, ViewChoice("ego", force="thames-valley"))
    forces = {n for n, d in view.graph.nodes(data=True) if d["kind"] == "force"}
    assert FORCE + "cumbria" not in forces  # North West, not a neighbour
    assert forces == {FORCE + s for s in ("thames-valley", "hampshire", "kent")}
    only, shared, theirs = view.summary
    assert only.startswith("only Thames-Valley (2): MARAC, NCA")
    assert shared.startswith("Thames-Valley and neighbours (1): MASH")
    assert theirs.startswith("only its South East neighbours (2): NHS, ROCU")
    with pytest.raises(Exception, match="needs --force"):
        make_view(g, reference, ViewChoice("ego"))


def test_layouts_have_no_overlaps(reference):
    forces = [f"f{i:02d}" for i in range(43)]
    links = {(f, p): [f + p] for i, f in enumerate(forces) for p in list(TYPES)[: 1 + i % 5]}
    g = build_network(_rows(links))
    g = aggregate(g, reference)
    layout = bipartite_layout(g, lambda n: ("", ""), lambda n: (g.nodes[n]["partner_type"],) * 2)
    ys = sorted(layout.places[n].y for n, d in g.nodes(data=True) if d["kind"] == "force")
    radii = [layout.places[n].r for n in g.nodes]
    assert len(ys) == 43 and min(b - a for a, b in zip(ys, ys[1:], strict=False)) > 2 * max(radii)
    star = star_layout(g.subgraph([FORCE + "f04", *g.neighbors(FORCE + "f04")]), FORCE + "f04", [])
    assert all(0 <= p.x <= star.width and 0 <= p.y <= star.height for p in star.places.values())


@pytest.fixture(scope="module")
def seed_graph_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("views") / "peel.trig"
    assert runner.invoke(app, ["build", str(REPORTS), "-o", str(out)]).exit_code == 0
    return out


def _fills(svg: str, label: str) -> set[str]:
    """The fill of the node labelled ``label`` and its legend swatch."""
    node = re.search(rf'data-label="{re.escape(label)}"[^>]*>(<[^>]*fill="(#[0-9a-f]+)")', svg)
    return {node.group(2)} if node else set()


def test_one_colour_a_type_in_every_view_and_format(seed_graph_file, tmp_path, reference):
    mash = reference.colour("multi-agency arrangement")
    seen = set()
    for args in (
        ["--view", "network"],
        ["--view", "matrix"],
        ["--view", "ego", "--force", "thames-valley"],
    ):
        for suffix in (".svg", ".html"):
            out = tmp_path / f"{args[1]}{suffix}"
            result = runner.invoke(
                app, ["viz", "partnerships", "-d", str(seed_graph_file), "-o", str(out), *args]
            )
            assert result.exit_code == 0, result.stderr
            seen |= _fills(out.read_text(encoding="utf-8"), "multi-agency safeguarding hub")
    assert seen == {mash}
    png = tmp_path / "m.png"
    result = runner.invoke(
        app, ["viz", "partnerships", "-d", str(seed_graph_file), "-o", str(png), "--view", "matrix"]
    )
    assert result.exit_code == 0 and png.read_bytes().startswith(b"\x89PNG")


def test_cli_errors(seed_graph_file, tmp_path):
    out = tmp_path / "x.html"
    bad = runner.invoke(
        app, ["viz", "partnerships", "-d", str(seed_graph_file), "-o", str(out), "--view", "pie"]
    )
    assert bad.exit_code == 2 and "unknown view 'pie'" in bad.stderr and not out.exists()
    ego = runner.invoke(
        app,
        [
            "viz",
            "partnerships",
            "-d",
            str(seed_graph_file),
            "-o",
            str(out),
            "--view",
            "ego",
            "--force",
            "kent",
        ],
    )
    assert ego.exit_code == 2 and "no partner links for force 'kent'" in ego.stderr
    empty = runner.invoke(
        app,
        ["viz", "partnerships", "-d", str(seed_graph_file), "-o", str(out), "--min-weight", "999"],
    )
    assert empty.exit_code == 2 and "no partner links match" in empty.stderr and not out.exists()


def test_matrix_of_43_forces_by_60_partners_stays_readable(reference):
    """43 x 60 (more partners than the synthetic corpus names): every column gets its cell,
    labels 12 px on 16 px rows and columns, the picture a size a screen or a page can hold."""
    from peelgraph.context import default_context  # the 43 packaged forces
    from peelgraph.viz.svg import CELL

    slugs = sorted(f.slug for f in default_context().vocabulary.forces)
    type_names = sorted(reference.colours)
    rows = []
    for i, force in enumerate(slugs):
        for j in range(60):
            if (i * 7 + j * 3) % 5 >= 2:
                continue
            for k in range(1 + (i + j) % 4):
                rows.append(
                    {
                        "force": force, "forceIri": FORCE + force, "year": "2016",
                        "partner": f"partner {j:02d}", "partnerIri": f"{PARTNER}p{j:02d}",
                        "partnerType": type_names[j % 12], "kind": "Finding",
                        "core": "2016-EFF-3", "text": "text", "file": "f.txt", "page": 1,
                        "item": f"https://example.org/{force}/{j}/{k}",
                    }
                )  # fmt: skip
    view = make_view(build_network(SimpleNamespace(rows=rows)), reference, ViewChoice("matrix"))
    svg = view.svg
    assert svg.count('class="cell"') == view.graph.number_of_edges()
    assert svg.count('data-kind="force"') == 43 and svg.count('data-kind="partner"') == 60
    width, height = (int(x) for x in re.search(r'width="(\d+)" height="(\d+)"', svg).groups())
    assert 60 * CELL < width < 1600 and 43 * CELL < height < 1400
    assert CELL * 0.866 >= 12  # rotated column labels: 16 px apart across their baselines
    regional = make_view(
        build_network(SimpleNamespace(rows=rows)), reference, ViewChoice("matrix", by=("region",))
    )
    assert regional.svg.count('data-kind="force"') == 10
