"""A summary of a built graph: reports, judgments by grade, items, links, observations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import QB, RDF, SKOS

from .iris import PEEL, REFERENCE_GRAPH


@dataclass
class GraphStats:
    reports: int = 0
    judgments_by_grade: dict[str, int] = field(default_factory=dict)
    findings: int = 0
    areas_for_improvement: int = 0
    partner_links: int = 0
    partners: int = 0
    observations: int = 0
    triples: int = 0
    named_graphs: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "reports": self.reports,
            "judgments_by_grade": dict(sorted(self.judgments_by_grade.items())),
            "findings": self.findings,
            "areas_for_improvement": self.areas_for_improvement,
            "partner_links": self.partner_links,
            "partners": self.partners,
            "observations": self.observations,
            "triples": self.triples,
            "named_graphs": self.named_graphs,
        }


def union_graph(ds: Dataset | Graph) -> Graph:
    """All triples of a Dataset (or the Graph itself) in one Graph."""
    if not isinstance(ds, Dataset):
        return ds
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def graph_stats(ds: Dataset | Graph) -> GraphStats:
    """Count what a graph (or every graph of a Dataset) holds."""
    g = union_graph(ds)
    stats = GraphStats(triples=len(g))
    if isinstance(ds, Dataset):
        stats.named_graphs = sum(
            1
            for c in ds.graphs()
            if isinstance(c.identifier, URIRef) and len(c) and c.identifier != REFERENCE_GRAPH
        )
    stats.reports = len(set(g.subjects(RDF.type, PEEL.InspectionReport)))
    grades: Counter[str] = Counter()
    for judgment in set(g.subjects(RDF.type, PEEL.Judgment)):
        grade = g.value(judgment, PEEL.grade)
        label = g.value(grade, SKOS.prefLabel) if grade is not None else None
        grades[str(label) if label is not None else str(grade)] += 1
    stats.judgments_by_grade = dict(grades)
    stats.findings = len(set(g.subjects(RDF.type, PEEL.Finding)))
    stats.areas_for_improvement = len(set(g.subjects(RDF.type, PEEL.AreaForImprovement)))
    links = set(g.subjects(RDF.type, PEEL.PartnerLink))
    stats.partner_links = len(links)
    stats.partners = len({g.value(link, PEEL.partner) for link in links})
    stats.observations = len(set(g.subjects(RDF.type, QB.Observation)))
    return stats
