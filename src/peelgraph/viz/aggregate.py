"""Aggregation and filtering of the partnership network: partner bodies collapsed into their
partner types, forces into their regions, links kept by weight, partners kept by rank.

Every function returns a new graph with the attributes :func:`~.network.build_network`
gives (``label``, ``kind``, ``partner_type``, ``questions``, ``degree`` on nodes;
``weight``, ``questions``, ``evidence``, ``items`` on edges), plus ``total`` on nodes: the
number of items of evidence over all of a node's links. An item that evidences two links
collapsed into one counts once.
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from .. import iris
from ..textkeys import slugify
from .network import FORCE_TYPE, Evidence
from .style import VizReference

BY = ("type", "region")


def _merge(g: nx.Graph, node_map: Callable[[str], tuple[str, dict[str, object]]]) -> nx.Graph:
    """The graph with each node replaced by ``node_map(node)`` = (new id, its attributes),
    the links between two new nodes merged (their items united)."""
    out = nx.Graph()
    items: dict[tuple[str, str], dict[str, Evidence]] = {}
    ends: dict[tuple[str, str], tuple[str, str]] = {}
    for a, b, data in g.edges(data=True):
        if g.nodes[a]["kind"] != "force":
            a, b = b, a
        na, attrs_a = node_map(a)
        nb, attrs_b = node_map(b)
        out.add_node(na, **attrs_a)
        out.add_node(nb, **attrs_b)
        key = (na, nb)
        ends[key] = (na, nb)
        bucket = items.setdefault(key, {})
        for evidence in data.get("items", []):
            bucket[evidence.item] = evidence
    for (na, nb), bucket in items.items():
        ordered = sorted(bucket.values(), key=lambda e: (e.code, e.item))
        out.add_edge(na, nb, **_edge_attributes(ordered))
    return finish(out)


def _edge_attributes(ordered: list[Evidence]) -> dict[str, object]:
    return {
        "weight": len(ordered),
        "questions": "; ".join(sorted({e.code for e in ordered})),
        "evidence": "; ".join(e.item for e in ordered),
        "items": ordered,
    }


def finish(g: nx.Graph) -> nx.Graph:
    """Drop nodes without links; (re)compute ``questions``, ``degree`` and ``total``."""
    g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    for node in g.nodes:
        codes = {q for _, _, d in g.edges(node, data=True) for q in d["questions"].split("; ")}
        g.nodes[node]["questions"] = "; ".join(sorted(codes))
        g.nodes[node]["degree"] = int(g.degree(node))
        g.nodes[node]["total"] = int(sum(d["weight"] for _, _, d in g.edges(node, data=True)))
    return g


def by_type(g: nx.Graph, reference: VizReference) -> nx.Graph:
    """Partner bodies collapsed into one node per partner type."""

    def node_map(node: str) -> tuple[str, dict[str, object]]:
        data = g.nodes[node]
        if data["kind"] == "force":
            return node, dict(data)
        ptype = str(data["partner_type"])
        iri = reference.type_iris.get(ptype) or str(iris.partner_type(slugify(ptype)))
        return iri, {"label": ptype, "kind": "partner", "partner_type": ptype}

    return _merge(g, node_map)


def by_region(g: nx.Graph, reference: VizReference) -> nx.Graph:
    """Inspected forces collapsed into their regions (a force outside every region of the
    reference data stays itself)."""

    def node_map(node: str) -> tuple[str, dict[str, object]]:
        data = g.nodes[node]
        region = reference.region_of(node) if data["kind"] == "force" else None
        if region is None:
            return node, dict(data)
        return region.iri, {"label": region.label, "kind": "force", "partner_type": FORCE_TYPE}

    return _merge(g, node_map)


def filtered(g: nx.Graph, min_weight: int = 1, top: int = 0) -> nx.Graph:
    """Links evidenced by at least ``min_weight`` items; then, if ``top``, only the ``top``
    partners with the most evidence (ties broken by label)."""
    out = g.copy()
    out.remove_edges_from([(a, b) for a, b, d in g.edges(data=True) if d["weight"] < min_weight])
    finish(out)
    if top > 0:
        partners = sorted(
            (n for n, d in out.nodes(data=True) if d["kind"] != "force"),
            key=lambda n: (-out.nodes[n]["total"], out.nodes[n]["label"]),
        )
        out.remove_nodes_from(partners[top:])
        finish(out)
    return out


def aggregate(
    g: nx.Graph,
    reference: VizReference,
    by: tuple[str, ...] = (),
    min_weight: int = 1,
    top: int = 0,
) -> nx.Graph:
    """Apply ``by`` ("type", "region"), then the weight and rank filters."""
    unknown = set(by) - set(BY)
    if unknown:
        from ..errors import PeelgraphError

        raise PeelgraphError(
            f"cannot aggregate by {', '.join(sorted(unknown))}", hint="use --by type or region"
        )
    out = finish(g.copy())
    if "type" in by:
        out = by_type(out, reference)
    if "region" in by:
        out = by_region(out, reference)
    return filtered(out, min_weight, top)
