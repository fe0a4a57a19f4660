"""The views as SVG, written in Python: the network (star, bipartite, ego) and the matrix.

The same SVG is the .svg file, the source of the .png (cairosvg) and the picture inside the
HTML page, so a partner type has the same colour, and a node the same place, everywhere.
Every node, link and cell carries an id and data attributes the page's script uses. Text is
escaped; nothing from a report is ever written as markup.
"""

from __future__ import annotations

import math
from html import escape

import networkx as nx

from .layout import FONT, MARGIN, Layout, text_width
from .matrix import Matrix
from .network import FORCE_TYPE
from .style import (
    FORCE_FILL,
    INK,
    PAPER,
    SHADES,
    VizReference,
    bin_labels,
    label_colour,
    shade,
    shade_bins,
)

CELL = 16  # px, a matrix cell
FOCUS = "#222222"  # the ego view's force's links
LEGEND_FONT = 12
LEGEND_WIDTH = 900  # px: the legend wraps within what a screen shows beside the panel
STYLE = f"""
text {{ font-family: "DejaVu Sans", Verdana, Arial, sans-serif; fill: {INK}; }}
.label {{ font-size: {FONT}px; }}
.heading {{ font-size: 11px; font-weight: bold; fill: #444444; }}
.title {{ font-size: 15px; font-weight: bold; }}
.legend text {{ font-size: {LEGEND_FONT}px; }}
.edge {{ fill: none; stroke: #7b8a8b; }}
.node {{ cursor: pointer; }}
.node rect, .node circle {{ stroke: #333333; stroke-width: 0.8; }}
.cell {{ cursor: pointer; stroke: #ffffff; stroke-width: 1; }}
.count {{ font-size: 9px; pointer-events: none; }}
.grid {{ stroke: #eeeeee; stroke-width: 1; }}
.focal {{ stroke: {FOCUS}; stroke-opacity: 0.8; }}
.dim {{ opacity: 0.15; }}
.hi.edge {{ stroke: #d62728; stroke-opacity: 0.9; }}
.selected rect, .selected circle {{ stroke: #d62728; stroke-width: 3; }}
.node rect.paper {{ stroke: none; }}
.hidden {{ display: none; }}
"""


def node_ids(g: nx.Graph) -> dict[str, str]:
    return {n: f"n{i}" for i, n in enumerate(sorted(g.nodes))}


def edge_ids(g: nx.Graph) -> dict[tuple[str, str], str]:
    """Edge ids keyed (force side, partner side)."""
    ids = {}
    for i, (a, b) in enumerate(sorted(tuple(sorted(e)) for e in g.edges)):
        if g.nodes[a]["kind"] != "force":
            a, b = b, a
        ids[a, b] = f"e{i}"
    return ids


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _types_present(g: nx.Graph, reference: VizReference) -> list[str]:
    present = {d["partner_type"] for _, d in g.nodes(data=True) if d["kind"] != "force"}
    known = [t for t in reference.colours if t in present]
    return sorted(known) + sorted(present - set(known))


class _Legend:
    """Legend items laid out left to right, wrapping at ``width``."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.x = 0.0
        self.y = 0.0
        self.parts: list[str] = []

    def item(self, symbol: str, text: str, symbol_width: float = 14) -> None:
        size = symbol_width + 6 + text_width(text, LEGEND_FONT) + 18
        if self.x and self.x + size > self.width:
            self.x, self.y = 0.0, self.y + 20
        x, y = self.x, self.y
        self.parts.append(
            f'<g transform="translate({x:.1f},{y:.1f})">{symbol}'
            f'<text x="{symbol_width + 6:.1f}" y="11">{escape(text)}</text></g>'
        )
        self.x += size

    def newline(self) -> None:
        if self.x:
            self.x, self.y = 0.0, self.y + 20

    def height(self) -> float:
        return self.y + 20 if self.parts else 0.0

    def svg(self, dy: float) -> str:
        return (
            f'<g class="legend" transform="translate({MARGIN},{dy:.1f})">'
            + "".join(self.parts)
            + "</g>"
        )


def _swatch(colour: str, shape: str = "circle") -> str:
    if shape == "square":
        return f'<rect x="1" y="1" width="12" height="12" fill="{colour}" stroke="#333333"/>'
    return f'<circle cx="7" cy="7" r="6" fill="{colour}" stroke="#333333" stroke-width="0.8"/>'


def _open(width: float, height: float, view: str) -> str:
    w, h = math.ceil(width), math.ceil(height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="view" class="view-{view}" '
        f'width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img">'
        f"<style>{STYLE}</style>"
        f'<rect width="{w}" height="{h}" fill="{PAPER}"/>'
    )


def network_svg(
    g: nx.Graph,
    layout: Layout,
    reference: VizReference,
    title: str,
    regions: bool = False,
    focus: str = "",
) -> str:
    """The network view (star, bipartite or ego) with its title and legend; the links of
    ``focus`` (the ego view's force) are drawn darker."""
    nodes = node_ids(g)
    width = max(layout.width, 640.0)
    legend = _network_legend(g, reference, width, regions, focus)
    top = MARGIN + 24 + legend.height() + 8
    height = top + layout.height
    parts = [_open(width, height, "network")]
    parts.append(f'<text class="title" x="{MARGIN}" y="{MARGIN + 14}">{escape(title)}</text>')
    parts.append(legend.svg(MARGIN + 24))
    dx = (width - layout.width) / 2
    parts.append(f'<g id="canvas" transform="translate({dx:.1f},{top:.1f})">')
    parts.extend(_network_edges(g, layout, nodes, focus))
    for heading in layout.headings:
        parts.append(
            f'<text class="heading" x="{heading.x:.1f}" y="{heading.y:.1f}" '
            f'text-anchor="{heading.anchor}">{escape(heading.text)}</text>'
        )
    parts.append('<g id="nodes">')
    for node in sorted(g.nodes, key=lambda n: int(nodes[n][1:])):
        parts.append(_network_node(g, node, nodes[node], layout, reference))
    parts.append("</g></g></svg>")
    return "\n".join(parts)


def _heaviest(g: nx.Graph) -> int:
    return max((d["weight"] for _, _, d in g.edges(data=True)), default=0)


def _network_legend(
    g: nx.Graph, reference: VizReference, width: float, regions: bool, focus: str
) -> _Legend:
    """The network view's legend: node kinds and partner types, then what size, line width
    and (for the ego view) the darker links mean."""
    legend = _Legend(min(width, LEGEND_WIDTH) - 2 * MARGIN)
    legend.item(_swatch(FORCE_FILL, "square"), "region (its forces)" if regions else "force")
    for ptype in _types_present(g, reference):
        legend.item(_swatch(reference.colour(ptype)), ptype)
    legend.newline()
    largest = max((d.get("total", 0) for _, d in g.nodes(data=True)), default=0)
    legend.item(
        _swatch("#ffffff"),
        f"colour: partner type; size: items of evidence (area, largest {largest})",
    )
    legend.item(
        '<line x1="0" y1="7" x2="14" y2="7" stroke="#7b8a8b" stroke-width="4"/>',
        f"line width: items evidencing the link (1 to {_heaviest(g)})",
    )
    if focus:
        legend.item(
            f'<line x1="0" y1="7" x2="14" y2="7" stroke="{FOCUS}" stroke-width="3"/>',
            f"links of {g.nodes[focus]['label']}",
        )
    return legend


def _network_edges(g: nx.Graph, layout: Layout, nodes: dict[str, str], focus: str) -> list[str]:
    """The ``edges`` group: one path per link, as wide as its weight, ``focus``'s darker."""
    heaviest = _heaviest(g)
    # many links: each fainter, so that where they bundle shows, not one grey block
    opacity = max(0.12, min(0.5, 8 / math.sqrt(max(1, g.number_of_edges()))))
    parts = [f'<g id="edges" style="stroke-opacity:{opacity:.2f}">']
    for (a, b), eid in sorted(edge_ids(g).items(), key=lambda kv: int(kv[1][1:])):
        pa, pb = layout.places[a], layout.places[b]
        w = 1 + 4 * math.sqrt(g.edges[a, b]["weight"] / max(1, heaviest))
        if layout.kind == "star":
            path = f"M{pa.x:.1f},{pa.y:.1f} L{pb.x:.1f},{pb.y:.1f}"
        else:
            mid = (pa.x + pb.x) / 2
            path = (
                f"M{pa.x:.1f},{pa.y:.1f} C{mid:.1f},{pa.y:.1f} {mid:.1f},{pb.y:.1f} "
                f"{pb.x:.1f},{pb.y:.1f}"
            )
        questions = " ".join(g.edges[a, b]["questions"].split("; "))
        focal = " focal" if focus in (a, b) else ""
        parts.append(
            f'<path class="edge{focal}" id="{eid}" data-from="{nodes[a]}" data-to="{nodes[b]}" '
            f'data-questions="{_attr(questions)}" stroke-width="{w:.2f}" d="{path}"/>'
        )
    parts.append("</g>")
    return parts


def _network_node(g: nx.Graph, node: str, nid: str, layout: Layout, reference: VizReference) -> str:
    """One node of the network view: its square (force) or circle (partner) and label."""
    data = g.nodes[node]
    place = layout.places[node]
    force = data["kind"] == "force"
    fill = FORCE_FILL if force else reference.colour(str(data["partner_type"]))
    if force:
        shape = (
            f'<rect x="{place.x - place.r:.1f}" y="{place.y - place.r:.1f}" '
            f'width="{2 * place.r:.1f}" height="{2 * place.r:.1f}" fill="{fill}"/>'
        )
    else:
        shape = f'<circle cx="{place.x:.1f}" cy="{place.y:.1f}" r="{place.r:.1f}" fill="{fill}"/>'
    rotate = (
        f' transform="rotate({place.angle:.2f} {place.lx:.1f} {place.ly:.1f})"'
        if place.angle
        else ""
    )
    questions = " ".join(str(data.get("questions", "")).split("; "))
    ptype = FORCE_TYPE if force else data["partner_type"]
    if force and layout.kind == "star":  # the label sits over the links: give it paper
        w = text_width(str(data["label"])) + 6
        shape += (
            f'<rect class="paper" x="{place.lx - w / 2:.1f}" y="{place.ly - FONT * 0.7:.1f}" '
            f'width="{w:.1f}" height="{FONT * 1.4:.1f}" fill="{PAPER}" '
            f'opacity="0.85"/>'
        )
    return (
        f'<g class="node" id="{nid}" data-kind="{"force" if force else "partner"}" '
        f'data-label="{_attr(data["label"])}" data-type="{_attr(ptype)}" '
        f'data-questions="{_attr(questions)}">{shape}'
        f'<text class="label" x="{place.lx:.1f}" y="{place.ly:.1f}" dy="0.35em" '
        f'text-anchor="{place.anchor}"{rotate}>{escape(str(data["label"]))}</text></g>'
    )


def matrix_svg(g: nx.Graph, matrix: Matrix, reference: VizReference, title: str) -> str:
    """The matrix view: rows forces (or regions), columns partners (or types)."""
    nodes = node_ids(g)
    row_labels = max((text_width(g.nodes[r]["label"]) for r in matrix.rows), default=0.0)
    col_labels = max((text_width(g.nodes[c]["label"]) for c in matrix.cols), default=0.0)
    slant = math.radians(60)
    # column labels rise at 60 degrees from the top of their column, after a type dot
    head = (col_labels + 16) * math.sin(slant) + 12
    spill = (col_labels + 16) * math.cos(slant)  # how far the last label reaches right
    grid_w, grid_h = CELL * len(matrix.cols), CELL * len(matrix.rows)
    width = max(MARGIN + row_labels + 8 + grid_w + spill + MARGIN, 640.0)
    counts = list(matrix.counts.values()) or [1]
    bins = shade_bins(max(counts), min(counts))
    legend = _matrix_legend(g, reference, width, bins)
    top = MARGIN + 24 + legend.height() + 8
    x0 = MARGIN + row_labels + 8
    y0 = top + head
    height = y0 + grid_h + MARGIN
    parts = [_open(width, height, "matrix")]
    parts.append(f'<text class="title" x="{MARGIN}" y="{MARGIN + 14}">{escape(title)}</text>')
    parts.append(legend.svg(MARGIN + 24))
    parts.append('<g id="grid">')
    for i in range(len(matrix.rows) + 1):
        parts.append(
            f'<line class="grid" x1="{x0}" y1="{y0 + i * CELL}" x2="{x0 + grid_w}" '
            f'y2="{y0 + i * CELL}"/>'
        )
    for j in range(len(matrix.cols) + 1):
        parts.append(
            f'<line class="grid" x1="{x0 + j * CELL}" y1="{y0}" x2="{x0 + j * CELL}" '
            f'y2="{y0 + grid_h}"/>'
        )
    parts.append("</g>")
    parts.extend(_matrix_labels(g, matrix, reference, nodes, x0, y0))
    parts.extend(_matrix_cells(g, matrix, nodes, bins, x0, y0))
    parts.append("</g></svg>")
    return "\n".join(parts)


def _matrix_legend(
    g: nx.Graph, reference: VizReference, width: float, bins: tuple[int, ...]
) -> _Legend:
    """The matrix view's legend: the shades, the partner types, how rows and columns are
    ordered."""
    legend = _Legend(min(width, LEGEND_WIDTH) - 2 * MARGIN)
    for fill, text in zip(SHADES, bin_labels(bins), strict=True):
        legend.item(
            f'<rect x="0" y="0" width="14" height="14" fill="{fill}" stroke="#999999"/>', text
        )
    legend.item(_swatch("#ffffff", "square"), "cell shade and number: items of evidence")
    legend.newline()
    for ptype in _types_present(g, reference):
        legend.item(_swatch(reference.colour(ptype)), ptype)
    legend.newline()
    legend.item("", "rows and columns ordered by clustering: similar ones side by side", 0)
    return legend


def _matrix_labels(
    g: nx.Graph,
    matrix: Matrix,
    reference: VizReference,
    nodes: dict[str, str],
    x0: float,
    y0: float,
) -> list[str]:
    """The ``nodes`` group of the matrix: row labels left of the grid, slanted column
    labels (after a partner type dot) above it."""
    parts = ['<g id="nodes">']
    for i, row in enumerate(matrix.rows):
        y = y0 + i * CELL + CELL / 2
        parts.append(
            f'<g class="node" id="{nodes[row]}" data-kind="force" '
            f'data-label="{_attr(g.nodes[row]["label"])}" data-type="{_attr(FORCE_TYPE)}" '
            f'data-questions="{_attr(" ".join(g.nodes[row]["questions"].split("; ")))}">'
            f'<text class="label" x="{x0 - 6:.1f}" y="{y:.1f}" dy="0.35em" '
            f'text-anchor="end">{escape(g.nodes[row]["label"])}</text></g>'
        )
    for j, col in enumerate(matrix.cols):
        x = x0 + j * CELL + CELL / 2
        data = g.nodes[col]
        fill = reference.colour(str(data["partner_type"]))
        parts.append(
            f'<g class="node" id="{nodes[col]}" data-kind="partner" '
            f'data-label="{_attr(data["label"])}" data-type="{_attr(data["partner_type"])}" '
            f'data-questions="{_attr(" ".join(data["questions"].split("; ")))}" '
            f'transform="translate({x:.1f},{y0 - 4:.1f}) rotate(-60)">'
            f'<circle cx="5" cy="0" r="5" fill="{fill}"/>'
            f'<text class="label" x="14" y="0" dy="0.35em">{escape(data["label"])}</text></g>'
        )
    parts.append("</g>")
    return parts


def _matrix_cells(
    g: nx.Graph,
    matrix: Matrix,
    nodes: dict[str, str],
    bins: tuple[int, ...],
    x0: float,
    y0: float,
) -> list[str]:
    """The ``cells`` group, left open: a shaded cell with its count for each link."""
    edges = edge_ids(g)
    parts = ['<g id="cells">']
    for i, row in enumerate(matrix.rows):
        for j, col in enumerate(matrix.cols):
            count = matrix.counts.get((row, col))
            if not count:
                continue
            fill = shade(count, bins)
            x, y = x0 + j * CELL, y0 + i * CELL
            questions = " ".join(g.edges[row, col]["questions"].split("; "))
            parts.append(
                f'<g class="cell-group" data-edge="{edges[row, col]}" data-questions="'
                f'{_attr(questions)}" data-from="{nodes[row]}" data-to="{nodes[col]}">'
                f'<rect class="cell" id="c{edges[row, col][1:]}" x="{x}" y="{y}" '
                f'width="{CELL}" height="{CELL}" fill="{fill}"/>'
                f'<text class="count" x="{x + CELL / 2:.1f}" y="{y + CELL / 2:.1f}" dy="0.35em" '
                f'text-anchor="middle" style="fill:{label_colour(fill)}">{count}</text></g>'
            )
    return parts
