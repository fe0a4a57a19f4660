"""Fixed layouts, computed in Python from the networkx graph, so a view is the same every
time and ready at once (nothing settles in the browser).

- :func:`star_layout`: one force in the middle, its partners on a circle grouped by partner
  type, labels radial (outwards), so no two labels cross however many partners there are.
- :func:`bipartite_layout`: forces (or regions) in one column, grouped under their region,
  partners in another, grouped under their type (or, in the ego view, under what the force
  shares with its neighbours); partners within a group ordered by the mean position of the
  forces they work with (the barycentre heuristic), which keeps links short and uncrossed.
  Rows are spaced by more than the largest node, so no two nodes or labels overlap.

Label widths are estimated from their length (an upper bound for a 12 px sans-serif face),
and the canvas leaves room for the longest.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

FONT = 12  # px, node labels
CHAR = 7.0  # px, an upper bound of the mean advance of a 12 px sans-serif character
MARGIN = 16
R_MIN, R_MAX = 4.0, 10.0  # node radius (half side for forces), in a column
ROW = 24  # px between two rows of a column: more than 2 * R_MAX and than a label
HEAD = 22  # px for a group heading


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * CHAR * size / FONT


@dataclass(frozen=True)
class Place:
    x: float
    y: float
    r: float
    lx: float  # label anchor
    ly: float
    anchor: str  # start, middle, end
    angle: float = 0.0  # label rotation, degrees


@dataclass(frozen=True)
class Heading:
    """A column or group title placed by the layout, anchored like SVG text."""

    text: str
    x: float
    y: float
    anchor: str = "start"


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    places: dict[str, Place]
    headings: tuple[Heading, ...] = ()
    kind: str = "bipartite"  # or star


def radius(g: nx.Graph, node: str, r_max: float = R_MAX) -> float:
    """Node size: area in proportion to the node's evidence, relative to the largest."""
    largest = max((d.get("total", 1) for _, d in g.nodes(data=True)), default=1) or 1
    share = g.nodes[node].get("total", 1) / largest
    return round(R_MIN + (r_max - R_MIN) * math.sqrt(share), 2)


def _label(g: nx.Graph, node: str) -> str:
    return str(g.nodes[node]["label"])


def star_layout(g: nx.Graph, centre: str, type_order: list[str]) -> Layout:
    """One force in the middle; partners on a circle, grouped by type, labels radial."""
    partners = sorted(
        (n for n in g.nodes if n != centre),
        key=lambda n: (
            type_order.index(g.nodes[n]["partner_type"])
            if g.nodes[n]["partner_type"] in type_order
            else len(type_order),
            _label(g, n),
        ),
    )
    n = max(1, len(partners))
    r_max = 14.0
    # the circle is long enough for one label height (plus air) per partner
    ring = max(160.0, n * (FONT + 8) / (2 * math.pi), 2 * r_max * n / (2 * math.pi))
    places: dict[str, Place] = {}
    rc = radius(g, centre, 18.0)
    places[centre] = Place(0.0, 0.0, rc, 0.0, -rc - 8, "middle")
    half_label = text_width(_label(g, centre)) / 2
    xs, ys = [-half_label, half_label, -rc, rc], [-rc - 8 - FONT, rc]
    for i, node in enumerate(partners):
        theta = -math.pi / 2 + 2 * math.pi * i / n
        cos, sin = math.cos(theta), math.sin(theta)
        r = radius(g, node, r_max)
        dist = ring + r_max + 6
        lx, ly = dist * cos, dist * sin
        degrees = math.degrees(theta)
        if cos >= -1e-9:
            places[node] = Place(ring * cos, ring * sin, r, lx, ly, "start", degrees)
        else:
            places[node] = Place(ring * cos, ring * sin, r, lx, ly, "end", degrees + 180)
        # the label runs outwards along the radius: its far end, half a line either side
        far = dist + text_width(_label(g, node))
        for along, across in ((dist, 0.0), (far, 0.0)):
            for side in (-FONT / 2, FONT / 2):
                xs.append(along * cos - side * sin + across)
                ys.append(along * sin + side * cos)
    # the canvas is the bounding box of nodes and labels, with a margin
    dx, dy = MARGIN - min(xs), MARGIN - min(ys)
    moved = {
        node: Place(p.x + dx, p.y + dy, p.r, p.lx + dx, p.ly + dy, p.anchor, p.angle)
        for node, p in places.items()
    }
    width = max(xs) - min(xs) + 2 * MARGIN
    height = max(ys) - min(ys) + 2 * MARGIN
    return Layout(round(width, 1), round(height, 1), moved, (), "star")


Group = Callable[[str], tuple[Any, str]]  # node -> (sort key of its group, heading)


def _column(
    g: nx.Graph,
    nodes: list[str],
    group: Group,
    order: Callable[[str], Any],
) -> tuple[list[tuple[str, str]], float]:
    """Rows of a column: ("node", id) or ("head", text), and the column's height."""
    groups: dict[tuple[Any, str], list[str]] = {}
    for node in nodes:
        groups.setdefault(group(node), []).append(node)
    rows: list[tuple[str, str]] = []
    for key in sorted(groups, key=lambda k: (k[0], k[1])):
        if key[1]:
            rows.append(("head", key[1]))
        rows.extend(("node", n) for n in sorted(groups[key], key=order))
    height = sum(HEAD if kind == "head" else ROW for kind, _ in rows)
    return rows, height


def bipartite_layout(
    g: nx.Graph,
    force_group: Group,
    partner_group: Group,
    force_order: Callable[[str], Any] | None = None,
) -> Layout:
    """Forces on the left, partners on the right, each column grouped (see module doc)."""
    forces = [n for n, d in g.nodes(data=True) if d["kind"] == "force"]
    partners = [n for n, d in g.nodes(data=True) if d["kind"] != "force"]
    f_rows, f_height = _column(g, forces, force_group, force_order or (lambda n: _label(g, n)))
    # the forces' row index, for the partners' barycentres
    index = {node: i for i, (kind, node) in enumerate(f_rows) if kind == "node"}

    def barycentre(node: str) -> tuple[float, str]:
        links = [(index[m], g.edges[node, m]["weight"]) for m in g.neighbors(node) if m in index]
        total = sum(w for _, w in links) or 1
        return (sum(i * w for i, w in links) / total, _label(g, node))

    p_rows, p_height = _column(g, partners, partner_group, barycentre)
    height = max(f_height, p_height) + 2 * MARGIN
    f_labels = max(
        [text_width(_label(g, n)) for n in forces]
        + [text_width(t, 11) for k, t in f_rows if k == "head"]
        + [0.0]
    )
    p_labels = max(
        [text_width(_label(g, n)) for n in partners]
        + [text_width(t, 11) for k, t in p_rows if k == "head"]
        + [0.0]
    )
    x_force = MARGIN + f_labels + 8 + R_MAX
    gap = max(320.0, min(520.0, 8.0 * max(len(forces), len(partners))))
    x_partner = x_force + gap
    width = x_partner + R_MAX + 8 + p_labels + MARGIN
    places: dict[str, Place] = {}
    headings: list[Heading] = []

    def lay(rows: list[tuple[str, str]], column_height: float, x: float, left: bool) -> None:
        y = MARGIN + (height - 2 * MARGIN - column_height) / 2
        for kind, item in rows:
            if kind == "head":
                if left:
                    headings.append(Heading(item, x + R_MAX, y + HEAD - 7, "end"))
                else:
                    headings.append(Heading(item, x - R_MAX, y + HEAD - 7, "start"))
                y += HEAD
                continue
            cy = y + ROW / 2
            r = radius(g, item)
            if left:
                places[item] = Place(x, cy, r, x - R_MAX - 6, cy, "end")
            else:
                places[item] = Place(x, cy, r, x + R_MAX + 6, cy, "start")
            y += ROW

    lay(f_rows, f_height, x_force, True)
    lay(p_rows, p_height, x_partner, False)
    return Layout(round(width, 1), round(height, 1), places, tuple(headings), "bipartite")
