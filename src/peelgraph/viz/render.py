"""Drawing the partnership network: one offline HTML page, SVG/PNG, GraphML and GEXF."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape

from ..errors import PeelgraphError
from ..graphio import write_atomic
from .network import FORCE_TYPE, for_export

#: Colours by partner type (the inspected force first); unknown types get grey.
PALETTE = [
    "#1f3b73", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
    "#a6761d", "#666666", "#1f78b4", "#b15928", "#6a3d9a", "#33a02c",
]  # fmt: skip
SUFFIXES = (".html", ".svg", ".png", ".graphml", ".gexf")


def palette(g: nx.Graph) -> dict[str, str]:
    types = sorted({d["partner_type"] for _, d in g.nodes(data=True)} - {FORCE_TYPE})
    colours = {FORCE_TYPE: PALETTE[0]}
    for i, t in enumerate(types):
        colours[t] = PALETTE[1 + i % (len(PALETTE) - 1)]
    return colours


def vis_network_js() -> str:
    """vis-network's JavaScript from the installed pyvis package (never from a CDN)."""
    try:
        lib = resources.files("pyvis") / "lib"
    except ModuleNotFoundError as exc:
        raise PeelgraphError(
            "the HTML view needs vis-network, which the pyvis package ships",
            hint="pip install 'peelgraph[viz]'",
        ) from exc
    candidates = []
    for folder in lib.iterdir():
        match = re.fullmatch(r"vis-(\d+)\.(\d+)\.(\d+)", folder.name)
        script = folder / "vis-network.min.js"
        if match and script.is_file():
            candidates.append((tuple(int(x) for x in match.groups()), script))
    if not candidates:
        raise PeelgraphError("pyvis is installed without vis-network.min.js")
    return max(candidates)[1].read_text(encoding="utf-8")


def _json_for_html(value: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' left as such."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def html(g: nx.Graph, title: str) -> str:
    """One self-contained page: inlined vis-network, data as JSON, report text as text."""
    colours = palette(g)
    ids = {n: i for i, n in enumerate(sorted(g.nodes))}
    data = {
        "palette": colours,
        "nodes": [
            {
                "id": ids[n],
                "iri": n,
                "label": d["label"],
                "kind": d["kind"],
                "type": d["partner_type"],
                "degree": int(d["degree"]),
            }
            for n, d in sorted(g.nodes(data=True))
        ],  # fmt: skip
        "edges": [],
        "evidence": {},
        "questions": sorted(
            {q for _, _, d in g.edges(data=True) for q in d["questions"].split("; ")}
        ),
    }
    for n, (a, b, d) in enumerate(sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))):
        edge_id = f"e{n}"
        data["edges"].append(  # type: ignore[attr-defined]
            {"id": edge_id, "from": ids[a], "to": ids[b], "weight": int(d["weight"]),
             "questions": d["questions"].split("; ")}
        )  # fmt: skip
        data["evidence"][edge_id] = [  # type: ignore[index]
            {"item": e.item, "kind": e.kind, "code": e.code, "text": e.text, "file": e.file,
             "page": e.page}
            for e in d.get("items", [])
        ]  # fmt: skip
    env = Environment(
        loader=PackageLoader("peelgraph.viz", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    template = env.get_template("network.html.j2")
    from markupsafe import Markup

    return template.render(
        title=title,
        data_json=Markup(_json_for_html(data)),
        vis_js=Markup(vis_network_js().replace("</script", "<\\/script")),
    )


def static_image(g: nx.Graph, path: Path, title: str) -> bytes:
    """SVG or PNG through matplotlib: colours by type, size by degree, readable labels."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    colours = palette(g)
    size = max(8.0, min(22.0, 4 + g.number_of_nodes() / 4))
    fig, ax = plt.subplots(figsize=(size, size * 0.75), dpi=110)
    pos = nx.spring_layout(g, seed=0, k=1.6 / max(1, g.number_of_nodes()) ** 0.5, weight="weight")
    nodes = sorted(g.nodes)
    nx.draw_networkx_edges(
        g, pos, ax=ax, width=[0.6 + 0.6 * g.edges[e]["weight"] for e in g.edges],
        edge_color="#99aaaa", alpha=0.8,
    )  # fmt: skip
    nx.draw_networkx_nodes(
        g, pos, nodelist=nodes, ax=ax,
        node_color=[colours[g.nodes[n]["partner_type"]] for n in nodes],
        node_size=[120 + 90 * g.nodes[n]["degree"] for n in nodes],
        node_shape="o", edgecolors="#333333", linewidths=0.5,
    )  # fmt: skip
    nx.draw_networkx_labels(
        g, pos, labels={n: g.nodes[n]["label"] for n in nodes}, font_size=7, ax=ax
    )
    handles = [
        plt.Line2D([], [], marker="o", linestyle="", color=c, label=t)
        for t, c in sorted(colours.items())
    ]
    ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=False)
    ax.set_title(title)
    ax.axis("off")
    buffer = io.BytesIO()
    fig.savefig(buffer, format=path.suffix.lstrip(".").lower(), bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def write(g: nx.Graph, path: Path, title: str) -> None:
    """Write the network in the format the suffix names (atomically)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise PeelgraphError(
            f"cannot draw the network as {suffix or 'a file without a suffix'}",
            where=str(path),
            hint="use " + ", ".join(SUFFIXES),
        )
    if suffix == ".html":
        data = html(g, title).encode("utf-8")
    elif suffix in (".svg", ".png"):
        data = static_image(g, path, title)
    else:
        import io

        buffer = io.BytesIO()
        writer = nx.write_graphml if suffix == ".graphml" else nx.write_gexf
        writer(for_export(g), buffer)
        data = buffer.getvalue()
    write_atomic(path, data)
