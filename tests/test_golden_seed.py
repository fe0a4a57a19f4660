"""The hand-checked items of the seed report as a golden graph.

tests/data/golden/seed-items.ttl holds what was checked by hand against the seed report
(grades, areas for improvement with their partners, the findings whose pages
tests/extract/test_seed_pages.py lists, every footnote, the glossary entries a footnote
defines, the metrics read twice and the quantities stated in prose), as the triples of the
seed's report graph on a few chosen properties. The test builds the graph afresh, takes the
same projection and compares the two as graphs (isomorphism); a failure prints the triples
missing and the triples added, one a line, so a regression shows what changed.

After a change that is meant to alter these items, check the new values by hand, then
regenerate the file with
``PEELGRAPH_REGENERATE_GOLDEN=1 python -m pytest tests/test_golden_seed.py``
and review its diff before committing.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import RDF, SKOS, XSD

from peelgraph import iris
from peelgraph.iris import PEEL
from peelgraph.rdf import report_graph

from .conftest import TEST_DATA
from .extract.test_seed_pages import HAND_READ

GOLDEN = TEST_DATA / "golden" / "seed-items.ttl"
REGENERATE = "PEELGRAPH_REGENERATE_GOLDEN"
#: The properties the golden graph keeps of each chosen node.
KEPT = (
    RDF.type,
    PEEL.question,
    PEEL.grade,
    PEEL.text,
    PEEL.firstPage,
    PEEL.mentions,
    PEEL.citesSource,
    PEEL.footnoteNumber,
    PEEL.definedIn,
    PEEL.citedIn,
    PEEL.acronym,
    PEEL.indicator,
    PEEL.refArea,
    PEEL.refPeriod,
    PEEL.unit,
    PEEL.value,
    PEEL.valueQualifier,
)


def _chosen(graph: Graph, report) -> set[URIRef]:
    """The nodes that were checked by hand."""
    nodes: set[URIRef] = set()
    for cls in (PEEL.Judgment, PEEL.AreaForImprovement, PEEL.Footnote):
        nodes |= {n for n in graph.subjects(RDF.type, cls) if isinstance(n, URIRef)}
    nodes |= {n for n in graph.subjects(PEEL.definedIn, None) if isinstance(n, URIRef)}
    openings = {(q, o) for kind, q, o, _ in HAND_READ if kind == "finding"}
    for node in graph.subjects(RDF.type, PEEL.Finding):
        question = str(graph.value(node, PEEL.question)).rsplit("/", 1)[-1].upper()
        text = str(graph.value(node, PEEL.text))
        if any(question == q and text.startswith(o) for q, o in openings):
            nodes.add(node)  # type: ignore[arg-type]
    for node in graph.subjects(PEEL.figure, None):
        if (
            str(graph.value(node, PEEL.figure)) == "text"
            or len(list(graph.objects(node, PEEL.hasSpan))) > 1
        ):
            nodes.add(node)  # type: ignore[arg-type]
    return nodes


def projection(graph: Graph, report) -> Graph:
    out = Graph()
    for prefix, namespace in iris.PREFIXES.items():
        out.bind(prefix, namespace)
    for node in _chosen(graph, report):
        for prop in KEPT:
            for value in graph.objects(node, prop):
                out.add((node, prop, value))
                if prop == PEEL.indicator:
                    for label in graph.objects(value, SKOS.prefLabel):
                        out.add((value, SKOS.prefLabel, label))
    return out


def _canonical(graph: Graph) -> Graph:
    """The graph with decimals in one lexical form ("1700" and "1700.0" are one value)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(f"{Decimal(str(o)).normalize():f}", datatype=XSD.decimal)
        out.add((s, p, o))
    return out


def _lines(graph: Graph) -> list[str]:
    return sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph)


def test_the_seed_items_match_the_golden_graph(seed_report, context):
    framework = context.vocabulary.framework(seed_report.year, seed_report.pillar)
    found = projection(report_graph(seed_report, framework), seed_report)
    if os.environ.get(REGENERATE):
        Path(GOLDEN).write_text(found.serialize(format="turtle"), encoding="utf-8")
        pytest.skip(f"regenerated {GOLDEN}")
    golden = Graph().parse(GOLDEN, format="turtle")
    assert len(golden) >= 60
    expected, actual = to_isomorphic(_canonical(golden)), to_isomorphic(_canonical(found))
    if expected != actual:
        _, missing, added = graph_diff(expected, actual)
        report = ["missing (in the golden graph, not built):", *_lines(missing)]
        report += ["added (built, not in the golden graph):", *_lines(added)]
        pytest.fail("\n".join(report), pytrace=False)
