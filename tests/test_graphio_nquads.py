"""graphio.ntriples_to_nquads: N-Triples text as sorted N-Quads of one named graph, each
quad once, written by Oxigraph whatever the literals hold."""

from __future__ import annotations

import random

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from peelgraph.graphio import ntriples_to_nquads

GRAPH = "https://example.org/graph/1"
#: pieces of literals that a line-based rewrite could trip on
PIECES = ["a", " .", "\n", "\r", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", '"',
          "\\", "é", " .\n", "\t", "<", "> .", "@en"]  # fmt: skip


def _expected(ntriples: str) -> bytes:
    """What the function must give, by Oxigraph quads made one by one (the slow way)."""
    name = ox.NamedNode(GRAPH)
    quads = [ox.Quad(t.subject, t.predicate, t.object, name)
             for t in ox.parse(ntriples.encode(), format=ox.RdfFormat.N_TRIPLES)]  # fmt: skip
    lines = {ox.serialize([q], format=ox.RdfFormat.N_QUADS) for q in quads}
    return b"".join(sorted(lines))


def _random_graph(rnd: random.Random) -> Graph:
    g = Graph()
    for _ in range(rnd.randint(0, 25)):
        s = BNode() if rnd.random() < 0.2 else URIRef(f"https://e.org/s{rnd.randint(0, 5)}")
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 12)))
        lang = rnd.choice([None, "en", "en-GB"])
        o = Literal(text, lang=lang) if rnd.random() < 0.7 else URIRef("https://e.org/o")
        g.add((s, URIRef(f"https://e.org/p{rnd.randint(0, 2)}"), o))
    return g


def test_random_graphs_give_the_quads_of_oxigraph_sorted_and_once():
    rnd = random.Random(18)
    for _ in range(200):
        ntriples = _random_graph(rnd).serialize(format="nt")
        assert ntriples_to_nquads(ntriples, GRAPH) == _expected(ntriples)
        # a triple given twice is written once
        assert ntriples_to_nquads(ntriples + ntriples, GRAPH) == _expected(ntriples)


def test_no_triples_no_quads():
    assert ntriples_to_nquads("", GRAPH) == b""
    assert ntriples_to_nquads("\n", GRAPH) == b""


def test_every_line_names_the_graph_once():
    ntriples = '<https://e.org/s> <https://e.org/p> "x .\\n y" .\n'
    out = ntriples_to_nquads(ntriples, GRAPH)
    assert out == f'<https://e.org/s> <https://e.org/p> "x .\\n y" <{GRAPH}> .\n'.encode()
