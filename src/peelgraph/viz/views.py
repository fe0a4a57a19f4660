"""The views of the partnership network, one function per view, and the use case that
reads the rows, builds the view and writes it.

- ``network``: one force as a star; several as two columns (forces by region, partners by
  type);
- ``matrix``: forces x partners, cells shaded by evidence count, ordered by clustering;
- ``ego``: one force beside the other forces of its region, partners grouped into what only
  the force has, what it shares, and what only its neighbours have.

``by`` ("type", "region"), ``min_weight`` and ``top`` aggregate and filter every view.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .. import iris
from ..errors import PeelgraphError
from ..store import Source
from .aggregate import aggregate
from .layout import bipartite_layout, star_layout
from .matrix import matrix_of
from .network import build_network, network_rows, question_texts
from .render import check_suffix, encode, write_bytes
from .style import VizReference
from .svg import matrix_svg, network_svg

VIEWS = ("network", "matrix", "ego")


@dataclass(frozen=True)
class View:
    kind: str
    graph: nx.Graph
    svg: str
    title: str
    summary: list[str] = field(default_factory=list)


def _forces(g: nx.Graph) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d["kind"] == "force"]


def _type_order(g: nx.Graph, reference: VizReference) -> list[str]:
    present = {str(d["partner_type"]) for _, d in g.nodes(data=True) if d["kind"] != "force"}
    return sorted(present)


def network_view(
    g: nx.Graph, reference: VizReference, title: str, by: tuple[str, ...] = ()
) -> View:
    """A star for one force; two grouped columns for several."""
    forces = _forces(g)
    if len(forces) == 1:
        layout = star_layout(g, forces[0], _type_order(g, reference))
    else:

        def force_group(node: str) -> tuple[object, str]:
            region = None if "region" in by else reference.region_of(node)
            return (region.label, region.label) if region else ("~", "")

        def partner_group(node: str) -> tuple[object, str]:
            ptype = str(g.nodes[node]["partner_type"])
            return ("", "") if "type" in by else (ptype, ptype)

        layout = bipartite_layout(g, force_group, partner_group)
    return View("network", g, network_svg(g, layout, reference, title, "region" in by), title)


def matrix_view(g: nx.Graph, reference: VizReference, title: str) -> View:
    return View("matrix", g, matrix_svg(g, matrix_of(g), reference, title), title)


def ego_graph(g: nx.Graph, reference: VizReference, force: str) -> tuple[nx.Graph, str]:
    """The force, the other forces of its region and their partners; and the region's label."""
    iri = str(iris.force(force))
    region = reference.region_of(iri)
    if region is None:
        raise PeelgraphError(
            f"force {force!r} is in no region of the reference data",
            hint="use a force slug of ontology/forces.ttl, such as thames-valley",
        )
    if iri not in g:
        raise PeelgraphError(f"no partner links for force {force!r}", hint="check --question")
    keep = {n for n in region.forces if n in g}
    keep |= {p for f in keep for p in g.neighbors(f)}
    return g.subgraph(keep).copy(), region.label


def ego_view(g: nx.Graph, reference: VizReference, force: str, region: str, title: str) -> View:
    """The force against its region's other forces (see the module docstring)."""
    iri = str(iris.force(force))
    label = str(g.nodes[iri]["label"])
    own = set(g.neighbors(iri))
    others = {p for f in _forces(g) if f != iri for p in g.neighbors(f)}
    bands = {
        "only": (0, f"only {label}"),
        "shared": (1, f"{label} and neighbours"),
        "theirs": (2, f"only its {region} neighbours"),
    }

    def band(node: str) -> str:
        if node in own and node in others:
            return "shared"
        return "only" if node in own else "theirs"

    def force_group(node: str) -> tuple[object, str]:
        return (0, label) if node == iri else (1, f"{region} neighbours")

    layout = bipartite_layout(g, force_group, lambda n: bands[band(n)])
    summary = []
    for key in ("only", "shared", "theirs"):
        names = sorted(
            str(g.nodes[n]["label"]) for n in g.nodes if g.nodes[n]["kind"] != "force"
            and band(n) == key
        )  # fmt: skip
        summary.append(f"{bands[key][1]} ({len(names)}): " + ", ".join(names))
    svg = network_svg(g, layout, reference, title, focus=iri)
    return View("ego", g, svg, title, summary)


@dataclass(frozen=True)
class ViewChoice:
    """Which view to draw and how to aggregate and filter the network for it: ``force`` is
    the force an ego view centres on (else the one force kept), ``question`` the question
    the rows were read for (it only names the scope in the title)."""

    view: str = "network"
    force: str = ""
    question: str = ""
    by: tuple[str, ...] = ()
    min_weight: int = 1
    top: int = 0

    def scope(self) -> list[str]:
        """What the view shows, in words, for its title: the force first."""
        scope = [f"force {self.force}" if self.force else "all forces"]
        scope += [f"question {self.question}"] if self.question else []
        scope += [f"by {b}" for b in self.by]
        scope += [f"at least {self.min_weight} items a link"] if self.min_weight > 1 else []
        scope += [f"top {self.top} partners"] if self.top else []
        return scope


def make_view(g: nx.Graph, reference: VizReference, choice: ViewChoice = ViewChoice()) -> View:
    """The view of an unaggregated network ``g`` (from :func:`build_network`)."""
    view, force = choice.view, choice.force
    if view not in VIEWS:
        raise PeelgraphError(f"unknown view {view!r}", hint="use " + ", ".join(VIEWS))
    region = ""
    if view == "ego":
        if not force:
            raise PeelgraphError("the ego view needs --force SLUG")
        if "region" in choice.by:
            raise PeelgraphError("the ego view compares forces: it cannot use --by region")
        g, region = ego_graph(g, reference, force)
    shown = aggregate(g, reference, choice.by, choice.min_weight, choice.top)
    if shown.number_of_nodes() == 0:
        raise PeelgraphError(
            "no partner links match", hint="check --force, --question, --min-weight and --top"
        )
    scope = choice.scope()
    if view == "ego":
        iri = str(iris.force(force))
        if iri not in shown:
            raise PeelgraphError(f"no partner links for force {force!r} pass the filters")
        limits = ", ".join(scope[1:]) or "all evidence"
        label = shown.nodes[iri]["label"]
        title = f"Partnerships of {label} and its {region} neighbours ({limits})"
        return ego_view(shown, reference, force, region, title)
    if view == "matrix":
        return matrix_view(shown, reference, f"Partnership matrix ({', '.join(scope)})")
    return network_view(shown, reference, f"Partnership network ({', '.join(scope)})", choice.by)


def draw_partnerships(
    source: Source, output: Path, reference: VizReference, choice: ViewChoice = ViewChoice()
) -> View:
    """Read the partnership rows of ``source``, make the view and write it to ``output``
    (the format by its suffix; written atomically, nothing written on an error)."""
    suffix = check_suffix(output)
    texts = {**reference.questions, **question_texts(source)}
    reference = dataclasses.replace(reference, questions=texts)
    rows = network_rows(source, "" if choice.view == "ego" else choice.force, choice.question)
    result = make_view(build_network(rows), reference, choice)
    write_bytes(
        output, encode(result.graph, result.svg, reference, result.title, choice.view, suffix)
    )
    return result
