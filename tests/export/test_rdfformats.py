"""RDF exports: they parse back (rdflib and pyoxigraph) to the same graph, byte-stable."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef

from peelgraph.export.rdfformats import RDF_FORMATS, serialise_rdf

from .conftest import assert_isomorphic, union_of

OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
}


@pytest.fixture(scope="module")
def exports(force_selection) -> dict[str, bytes]:
    return {fmt: serialise_rdf(force_selection, fmt) for fmt in RDF_FORMATS}


def _named_graphs(ds: Dataset) -> dict[str, set]:
    return {
        str(g.identifier): set(g)
        for g in ds.graphs()
        if len(g) and isinstance(g.identifier, URIRef) and "default" not in str(g.identifier)
    }


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdflib_parses_each_export_back_to_the_same_graph(exports, force_selection, fmt):
    if RDF_FORMATS[fmt]:  # quad formats keep every named graph apart
        back = Dataset()
        back.parse(data=exports[fmt], format=fmt)
        assert _named_graphs(back).keys() == _named_graphs(force_selection).keys()
        for name, graph in _named_graphs(force_selection).items():
            expected, actual = Graph(), Graph()
            for t in graph:
                expected.add(t)
            for t in back.graph(URIRef(name)):
                actual.add(t)
            assert_isomorphic(expected, actual)
    else:
        back = Graph().parse(data=exports[fmt], format=fmt)
        assert_isomorphic(union_of(force_selection), back)


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_pyoxigraph_parses_each_export_to_the_same_graph(exports, force_selection, fmt):
    quads = list(ox.parse(exports[fmt], OX_FORMATS[fmt]))
    triples = ox.serialize(
        [ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES
    )
    assert_isomorphic(union_of(force_selection), Graph().parse(data=triples, format="nt"))
    if RDF_FORMATS[fmt]:
        names = {str(q.graph_name.value) for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        assert names == set(_named_graphs(force_selection))


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_bytes_do_not_depend_on_the_order_triples_were_read(exports, force_selection, fmt):
    quads = list(force_selection.quads((None, None, None, None)))
    random.Random(5).shuffle(quads)
    shuffled = Dataset()
    for s, p, o, g in quads:
        shuffled.graph(g).add((s, p, o))
    assert serialise_rdf(shuffled, fmt) == exports[fmt]


def test_turtle_uses_peelgraph_prefixes(exports):
    head = exports["turtle"].decode("utf-8").split("\n\n", 1)[0]
    assert "@prefix peel: <https://w3id.org/peelgraph/ontology#> ." in head
    assert "@prefix grade: <https://w3id.org/peelgraph/id/grade/> ." in head
    assert "ns1:" not in exports["turtle"].decode("utf-8")


def test_line_formats_hold_each_statement_once(exports, force_selection):
    assert len(exports["nquads"].splitlines()) == len(force_selection)
    assert len(exports["nt"].splitlines()) == len(union_of(force_selection))


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_literals_keep_their_lexical_form(fmt):
    """rdflib alone writes "23"^^xsd:decimal as 23.0, a different term."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    ds = Dataset()
    graph = ds.graph(URIRef("https://example.org/g"))
    subject, prop = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    values = [
        Literal("23", datatype=XSD.decimal),
        Literal("23.50", datatype=XSD.decimal),
        Literal("1.5E0", datatype=XSD.double),
        Literal("1", datatype=XSD.boolean),
        Literal("007", datatype=XSD.integer),
        Literal("42", datatype=XSD.integer),
        Literal("true", datatype=XSD.boolean),
    ]
    for value in values:
        graph.add((subject, prop, value))
    back = Dataset()
    back.parse(data=serialise_rdf(ds, fmt), format=fmt)
    assert {str(o) + str(o.datatype) for _, _, o, _ in back.quads()} == {
        str(v) + str(v.datatype) for v in values
    }
    assert b'"42"' not in serialise_rdf(ds, fmt)  # a canonical integer is still written bare
