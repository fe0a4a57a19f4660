"""The partnership network: built through the saved query, drawn as offline HTML (tested in a
real headless Chromium), SVG/PNG, GraphML and GEXF; report text is escaped."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.store import open_dataset
from peelgraph.viz import build_network, network_rows, network_stats

from .conftest import SEED_FULL

HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
runner = CliRunner()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("viz")
    text = SEED_FULL.read_text(encoding="utf-8").replace(
        "Since our last inspection Thames Valley Police has implemented",
        f"{HOSTILE} Since our last inspection Thames Valley Police has implemented",
    )
    assert HOSTILE in text
    report = folder / "hostile.txt"
    report.write_text(text, encoding="utf-8")
    out = folder / "peel.trig"
    result = runner.invoke(app, ["build", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def network(graph_file) -> nx.Graph:
    return build_network(network_rows(open_dataset(graph_file)))


def test_nodes_edges_weights_and_attributes(network):
    force = "https://w3id.org/peelgraph/id/force/thames-valley"
    mash = "https://w3id.org/peelgraph/id/partner/mash"
    assert network.nodes[force]["kind"] == "force"
    assert network.nodes[mash]["partner_type"] == "multi-agency arrangement"
    edge = network.edges[force, mash]
    evidence = edge["evidence"].split("; ")
    assert edge["weight"] == len(evidence) >= 5
    assert "2016-EFF-3" in edge["questions"].split("; ")
    assert "2016-EFF-3" in network.nodes[mash]["questions"]
    assert network.number_of_nodes() == network.number_of_edges() + 1  # a star of one force


def test_filters(graph_file, network):
    ds = open_dataset(graph_file)
    q4 = build_network(network_rows(ds, question="2016-EFF-4"))
    assert 0 < q4.number_of_nodes() < network.number_of_nodes()
    assert all("2016-EFF-4" == d["questions"] for _, _, d in q4.edges(data=True))
    heavy = build_network(network_rows(ds), min_weight=3)
    assert all(d["weight"] >= 3 for _, _, d in heavy.edges(data=True))
    assert heavy.number_of_edges() < network.number_of_edges()


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_graphml_and_gexf_read_back(graph_file, network, tmp_path, suffix):
    out = tmp_path / f"net{suffix}"
    result = runner.invoke(app, ["viz", "partnerships", "-o", str(out), "--data", str(graph_file)])
    assert result.exit_code == 0, result.stderr
    back = nx.read_graphml(out) if suffix == ".graphml" else nx.read_gexf(out)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    mash = "https://w3id.org/peelgraph/id/partner/mash"
    assert back.nodes[mash]["partner_type"] == "multi-agency arrangement"


def test_svg_and_png(graph_file, tmp_path):
    for suffix, magic in ((".svg", b"<?xml"), (".png", b"\x89PNG")):
        out = tmp_path / f"net{suffix}"
        result = runner.invoke(
            app, ["viz", "partnerships", "-o", str(out), "--data", str(graph_file)]
        )
        assert result.exit_code == 0, result.stderr
        assert out.read_bytes().startswith(magic)
    assert "multi-agency safeguarding hub" in (tmp_path / "net.svg").read_text(encoding="utf-8")


def test_stats(graph_file, network, tmp_path):
    stats = network_stats(network)
    assert stats.degree[0][0] == "Thames Valley Police"
    assert stats.betweenness[0] == ("Thames Valley Police", 1.0)
    out = tmp_path / "net.gexf"
    result = runner.invoke(
        app, ["viz", "partnerships", "-o", str(out), "--data", str(graph_file), "--stats"]
    )
    assert result.exit_code == 0, result.stderr
    assert "Degree centrality" in result.stdout and "Communities (" in result.stdout


def test_html_is_self_contained_and_escapes_report_text(graph_file, tmp_path):
    out = tmp_path / "net.html"
    result = runner.invoke(app, ["viz", "partnerships", "-o", str(out), "--data", str(graph_file)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script src" not in page and "cdn" not in page.lower()
    assert "href=" not in page and "@import" not in page and "url(" not in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="view"' in page  # drawn in Python
    assert HOSTILE not in page and "\\u003cscript\\u003ewindow.pwned" in page
    assert page.count("</script>") == 2  # data, our code: nothing else


def test_bad_output_suffix_and_overwrite(graph_file, tmp_path):
    bad = runner.invoke(
        app, ["viz", "partnerships", "-o", str(tmp_path / "net.txt"), "--data", str(graph_file)]
    )
    assert bad.exit_code == 2 and "cannot draw the network as .txt" in bad.stderr
    out = tmp_path / "net.svg"
    out.write_text("mine", encoding="utf-8")
    kept = runner.invoke(app, ["viz", "partnerships", "-o", str(out), "--data", str(graph_file)])
    assert kept.exit_code == 2 and out.read_text(encoding="utf-8") == "mine"


# -- in a real browser (the full-scale checks are in test_viz_browser.py) --------------------


@pytest.mark.browser
def test_the_page_draws_every_node_without_errors_and_shows_evidence(
    browser, graph_file, network, tmp_path
):
    out = tmp_path / "net.html"
    assert (
        runner.invoke(
            app, ["viz", "partnerships", "-o", str(out), "--data", str(graph_file)]
        ).exit_code
        == 0
    )
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    page.wait_for_function("window.peelgraphReady === true", timeout=30000)
    assert page.evaluate("window.peelgraphNodeCount()") == network.number_of_nodes()
    # click the force's node: its evidence shows, hostile text as text, never run
    page.click(".node[data-kind=force] rect")
    page.wait_for_selector("#panel .evidence", timeout=10000)
    panel = page.inner_text("#panel")
    assert "Thames Valley Police" in panel.split("\n")[0]
    assert "<script>window.pwned = 1</script>" in panel
    assert page.evaluate("window.pwned === undefined")
    # every partner is the force's neighbour: none is dimmed
    assert page.locator("#view .node.dim").count() == 0
    # the question filter hides what is not about the question
    page.select_option("#question", "2016-EFF-5")
    hidden = page.locator("#view .node.hidden").count()
    assert 0 < hidden < network.number_of_nodes()
    assert errors == []
    page.close()
