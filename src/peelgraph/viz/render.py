"""Writing a view: one offline HTML page (the SVG inline, our own small script, the evidence
as JSON), SVG, PNG (the same SVG through cairosvg), GraphML and GEXF."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..errors import PeelgraphError
from ..graphio import write_atomic
from .network import for_export
from .style import VizReference
from .svg import edge_ids, node_ids

SUFFIXES = (".html", ".svg", ".png", ".graphml", ".gexf")
HINTS = {
    "network": "Click a node to highlight its neighbours and list the findings and areas for "
    "improvement that evidence its links (with file, page, question and year); click a link "
    "for its own evidence.",
    "matrix": "Click a cell for the evidence of that link; click a row or column label to "
    "highlight its links.",
}


def _json_for_html(value: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' left as such."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_data(g: nx.Graph, reference: VizReference) -> dict[str, object]:
    """What the page's script needs: nodes, links, evidence, questions with text and years."""
    nodes = node_ids(g)
    edges = edge_ids(g)
    data_nodes: dict[str, dict[str, object]] = {
        nid: {
            "label": g.nodes[n]["label"],
            "kind": g.nodes[n]["kind"],
            "type": g.nodes[n]["partner_type"],
            "iri": n,
        }
        for n, nid in nodes.items()
    }
    node_edges: dict[str, list[str]] = {nid: [] for nid in nodes.values()}
    data_edges: dict[str, object] = {}
    evidence: dict[str, object] = {}
    years: dict[str, set[int]] = {}
    for (a, b), eid in edges.items():
        d = g.edges[a, b]
        data_edges[eid] = {
            "from": nodes[a],
            "to": nodes[b],
            "weight": int(d["weight"]),
            "questions": d["questions"].split("; "),
        }
        node_edges[nodes[a]].append(eid)
        node_edges[nodes[b]].append(eid)
        evidence[eid] = [
            {
                "item": e.item,
                "kind": e.kind,
                "code": e.code,
                "question": reference.questions.get(e.code, ""),
                "year": e.year,
                "text": e.text,
                "file": e.file,
                "page": e.page,
            }
            for e in d.get("items", [])
        ]
        for e in d.get("items", []):
            years.setdefault(e.code, set()).update([e.year] if e.year else [])
    for nid, node in data_nodes.items():
        node["edges"] = sorted(node_edges[nid], key=lambda e: int(e[1:]))
    questions = [
        {"code": code, "text": reference.questions.get(code, ""), "years": sorted(ys)}
        for code, ys in sorted(years.items())
    ]
    return {"nodes": data_nodes, "edges": data_edges, "evidence": evidence, "questions": questions}


def html_page(g: nx.Graph, svg: str, reference: VizReference, title: str, kind: str) -> str:
    """One self-contained page: no script or style from anywhere else."""
    env = Environment(
        loader=PackageLoader("peelgraph.viz", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    template = env.get_template("network.html.j2")
    return template.render(
        title=title,
        hint=HINTS["matrix" if kind == "matrix" else "network"],
        svg=Markup(svg),  # noqa: S704 - built by svg.py, every text in it escaped
        data_json=Markup(_json_for_html(page_data(g, reference))),  # noqa: S704
    )


def png_of(svg: str) -> bytes:
    """The SVG rasterised by cairosvg (twice the size, for a sharp picture)."""
    try:
        import cairosvg
    except (ImportError, OSError) as exc:  # OSError: the cairo library itself is missing
        raise PeelgraphError(
            f"PNG output needs cairosvg and the cairo library: {exc}",
            hint="pip install 'peelgraph[viz]' (and apt-get install libcairo2), or write .svg",
        ) from exc
    return bytes(cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2.0))


def check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise PeelgraphError(
            f"cannot draw the network as {suffix or 'a file without a suffix'}",
            where=str(path),
            hint="use " + ", ".join(SUFFIXES),
        )
    return suffix


def encode(
    g: nx.Graph, svg: str, reference: VizReference, title: str, kind: str, suffix: str
) -> bytes:
    """The bytes of the view in the format ``suffix`` names."""
    if suffix == ".html":
        return html_page(g, svg, reference, title, kind).encode("utf-8")
    if suffix == ".svg":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n").encode("utf-8")
    if suffix == ".png":
        return png_of(svg)
    buffer = io.BytesIO()
    writer = nx.write_graphml if suffix == ".graphml" else nx.write_gexf
    writer(for_export(g), buffer)
    return buffer.getvalue()


def write_bytes(path: Path, data: bytes) -> None:
    write_atomic(path, data)
