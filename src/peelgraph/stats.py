"""What a built graph holds, counted in one place: the build's summary and ``peelgraph stats``
both come from :func:`graph_stats`, run on the query store (persistent beside a built file,
or in memory), so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .iris import LINKS_GRAPH, PEEL, REFERENCE_GRAPH

if TYPE_CHECKING:
    import pyoxigraph as ox

_QB = "http://purl.org/linked-data/cube#"

#: Things counted by type: GraphStats field -> class IRI.
_BY_TYPE = {
    "reports": PEEL.InspectionReport,
    "findings": PEEL.Finding,
    "areas_for_improvement": PEEL.AreaForImprovement,
    "causes_of_concern": PEEL.CauseOfConcern,
    "recommendations": PEEL.Recommendation,
    "partner_links": PEEL.PartnerLink,
    "partnerships": PEEL.Partnership,
    "observations": f"{_QB}Observation",
}

_COUNTS = (
    "SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { VALUES ?type { "
    + " ".join(f"<{iri}>" for iri in _BY_TYPE.values())
    + " } ?s a ?type } GROUP BY ?type"
)
_GRADES = f"""SELECT ?grade (COUNT(DISTINCT ?j) AS ?n)
WHERE {{ ?j a <{PEEL.Judgment}> ; <{PEEL.grade}> ?grade }} GROUP BY ?grade"""
_PARTNERS = f"""SELECT (COUNT(DISTINCT ?p) AS ?n)
WHERE {{ ?link a <{PEEL.PartnerLink}> ; <{PEEL.partner}> ?p }}"""
_FOLLOWS = (
    f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?a <{PEEL.followsUp}> ?b }} }}"
)
_GRAPHS = f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
FILTER (?g != <{REFERENCE_GRAPH}>) }} GROUP BY ?g"""


@dataclass
class GraphStats:
    """Counts of what a graph holds (report triples: every graph but the reference graph)."""

    reports: int = 0
    judgments_by_grade: dict[str, int] = field(default_factory=dict)
    findings: int = 0
    areas_for_improvement: int = 0
    causes_of_concern: int = 0
    recommendations: int = 0
    partner_links: int = 0
    partners: int = 0
    partnerships: int = 0
    observations: int = 0
    follow_up_links: int = 0
    triples: int = 0
    named_graphs: int = 0

    @property
    def judgments(self) -> int:
        return sum(self.judgments_by_grade.values())

    def as_dict(self) -> dict[str, object]:
        return {
            "reports": self.reports,
            "judgments": self.judgments,
            "judgments_by_grade": dict(sorted(self.judgments_by_grade.items())),
            "findings": self.findings,
            "areas_for_improvement": self.areas_for_improvement,
            "causes_of_concern": self.causes_of_concern,
            "recommendations": self.recommendations,
            "partner_links": self.partner_links,
            "partners": self.partners,
            "partnerships": self.partnerships,
            "observations": self.observations,
            "follow_up_links": self.follow_up_links,
            "triples": self.triples,
            "named_graphs": self.named_graphs,
        }


def _number(store: ox.Store, query: str, union: bool = True) -> int:
    for row in store.query(query, use_default_graph_as_union=union):  # type: ignore[union-attr]
        return int(row[0].value)  # type: ignore[index]
    return 0


def graph_stats(store: ox.Store) -> GraphStats:
    """Count what the graphs of an Oxigraph store hold (the default graph, where a file had
    one, counts as a graph of its own)."""
    stats = GraphStats()
    fields = {str(iri): name for name, iri in _BY_TYPE.items()}
    for row in store.query(_COUNTS, use_default_graph_as_union=True):  # type: ignore[union-attr]
        setattr(stats, fields[row["type"].value], int(row["n"].value))  # type: ignore[index]
    for row in store.query(_GRADES, use_default_graph_as_union=True):  # type: ignore[union-attr]
        grade = row["grade"].value.rsplit("/", 1)[-1].replace("-", " ")  # type: ignore[index]
        stats.judgments_by_grade[grade] = int(row["n"].value)  # type: ignore[index]
    stats.partners = _number(store, _PARTNERS)
    stats.follow_up_links = _number(store, _FOLLOWS)
    for row in store.query(_GRAPHS):  # type: ignore[union-attr]
        stats.triples += int(row["n"].value)  # type: ignore[index]
        if row["g"].value != str(LINKS_GRAPH):  # type: ignore[index]
            stats.named_graphs += 1
    stats.triples += _number(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union=False)
    return stats


#: The predicates :func:`graph_stats` reads besides the triple counts.
_COUNTED = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", str(PEEL.grade), str(PEEL.partner),
            str(PEEL.followsUp))  # fmt: skip


def nquads_stats(graphs: list[tuple[str, bytes]]) -> GraphStats:
    """:func:`graph_stats` of named graphs given as (graph IRI, sorted N-Quads, one quad a
    line, no repeats): what a build has in memory. The triples are counted by lines, and
    the rest on a store of only the lines that name a predicate the counts read (and, where
    such a predicate is quoted inside a literal, a few lines more, which change no count):
    loading every quad of a large report took longer than counting."""
    import re

    import pyoxigraph as ox

    pattern = re.compile(b" <(?:" + b"|".join(re.escape(p.encode()) for p in _COUNTED) + b")> ")
    store = ox.Store()
    for _, data in graphs:
        lines = []
        for match in pattern.finditer(data):
            start = data.rfind(b"\n", 0, match.start()) + 1
            end = data.find(b"\n", match.end())
            lines.append(data[start : end + 1 if end >= 0 else len(data)] + b"\n")
        store.bulk_load(b"".join(lines), format=ox.RdfFormat.N_QUADS)
    stats = graph_stats(store)
    reported = [data for name, data in graphs if name != str(REFERENCE_GRAPH) and data.strip()]
    stats.triples = sum(data.count(b"\n") + (not data.endswith(b"\n")) for data in reported)
    names = {name for name, data in graphs if data.strip()}
    stats.named_graphs = len(names - {str(REFERENCE_GRAPH), str(LINKS_GRAPH)})
    return stats
