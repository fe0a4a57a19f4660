"""rdf.ntriples_text gives exactly rdflib's N-Triples text, faster."""

from __future__ import annotations

import random

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from peelgraph.build import build
from peelgraph.rdf import ntriples_text

from .conftest import TEST_DATA
from .helpers import fictional_context

PIECES = ["a", " .", "\n", "\r", "\u2028", "\u0085", "\x0b", '"', "\\", "é", "\t", "<", ">"]


def test_random_graphs_give_rdflibs_text():
    rnd = random.Random(7)
    for _ in range(200):
        g = Graph()
        nodes = [BNode(), BNode(), *(URIRef(f"https://e.org/n{i}") for i in range(4))]
        for _ in range(rnd.randint(0, 30)):
            text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 10)))
            o = rnd.choice([
                Literal(text), Literal(text, lang="en-GB"), Literal(rnd.randint(-5, 5)),
                Literal(text, datatype=XSD.token), rnd.choice(nodes),
            ])  # fmt: skip
            g.add((rnd.choice(nodes), URIRef(f"https://e.org/p{rnd.randint(0, 3)}"), o))
        assert ntriples_text(g) == g.serialize(format="nt")


def test_a_report_graph_gives_rdflibs_text():
    from peelgraph.rdf import report_graph

    context = fictional_context()
    result = build([TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"], context,
                   workers=1)  # fmt: skip
    report = result.reports[0]
    graph = report_graph(report, context.vocabulary.framework(report.year, report.pillar))
    assert len(graph) > 100
    assert ntriples_text(graph) == graph.serialize(format="nt")
