"""The matrix view's data: forces (or regions) x partner bodies (or types), a cell per link
holding its evidence count, rows and columns ordered so that similar ones sit together.

Ordering: average-linkage hierarchical clustering (scipy) of the rows' (and columns') count
profiles, log-scaled and compared by cosine distance, with the leaves put in their optimal
order (the order that puts the most similar neighbours next to each other). Fewer than three
rows (or columns) keep their label order. Ties are broken by label, so the order is the same
every time.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Matrix:
    rows: list[str]  # node ids (forces or regions), in display order
    cols: list[str]  # node ids (partners or types), in display order
    counts: dict[tuple[str, str], int]  # (row, col) -> evidence count, links only


def _order(labels: list[str], profiles: list[list[float]]) -> list[int]:
    """Leaf order of a clustering of ``profiles`` (one per label)."""
    start = sorted(range(len(labels)), key=lambda i: labels[i])
    if len(labels) < 3:
        return start
    import numpy as np

    try:
        from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
        from scipy.spatial.distance import pdist
    except ImportError as exc:
        from ..errors import PeelgraphError

        raise PeelgraphError(
            "the matrix view orders rows and columns with scipy, which is not installed",
            hint="pip install 'peelgraph[viz]'",
        ) from exc

    data = np.log1p(np.array([profiles[i] for i in start], dtype=float))
    # an all-zero profile has no direction: give it a tiny constant one (far from the rest)
    empty = ~data.any(axis=1)
    data[empty] = 1e-6
    distances = np.nan_to_num(pdist(data, metric="cosine"), nan=1.0)
    tree = optimal_leaf_ordering(linkage(distances, method="average"), distances)
    return [start[i] for i in leaves_list(tree)]


def matrix_of(g: nx.Graph) -> Matrix:
    """The matrix of a (possibly aggregated) partnership network."""
    rows = sorted((n for n, d in g.nodes(data=True) if d["kind"] == "force"))
    cols = sorted((n for n, d in g.nodes(data=True) if d["kind"] != "force"))
    counts = {}
    for a, b, d in g.edges(data=True):
        row, col = (a, b) if g.nodes[a]["kind"] == "force" else (b, a)
        counts[row, col] = int(d["weight"])
    row_profiles = [[float(counts.get((r, c), 0)) for c in cols] for r in rows]
    col_profiles = [[float(counts.get((r, c), 0)) for r in rows] for c in cols]
    row_order = _order([g.nodes[r]["label"] for r in rows], row_profiles)
    col_order = _order([g.nodes[c]["label"] for c in cols], col_profiles)
    return Matrix([rows[i] for i in row_order], [cols[i] for i in col_order], counts)
