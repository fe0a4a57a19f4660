"""The JSON-LD export writes its tree itself (no JSON-LD processor at run time); pyld's framing
and compaction of the same graph (tests/export/pyld_reference.py, the export's code before)
is the reference: both documents read with rdflib's JSON-LD parser give the same graph, the
exported one, and the documents are the same (same keys, nesting and order)."""

from __future__ import annotations

import pytest

from peelgraph.export.jsonld import parse_jsonld, serialise_jsonld
from peelgraph.export.select import report_graphs, select

from . import pyld_reference
from .conftest import assert_isomorphic, union_of


def _check(data) -> None:
    ours, reference = serialise_jsonld(data), pyld_reference.serialise_jsonld(data)
    graph = parse_jsonld(ours)  # rdflib's JSON-LD parser, the packaged context
    assert_isomorphic(parse_jsonld(reference), graph)
    assert_isomorphic(union_of(data) if hasattr(data, "quads") else data, graph)
    assert ours == reference


def _forces(ds) -> list[str]:
    return sorted({str(r.force).rsplit("/", 1)[-1] for r in report_graphs(ds) if r.force})


@pytest.mark.parametrize("part", ["whole", "force"])
def test_the_seed_gives_pyld_s_document(seed_dataset, part):
    _check(seed_dataset if part == "whole" else select(seed_dataset, forces=["thames-valley"]))


@pytest.mark.parametrize("part", ["whole", "force"])
def test_a_generated_corpus_of_several_forces_gives_pyld_s_document(corpus_build, part):
    ds = corpus_build.dataset
    forces = _forces(ds)
    assert len(forces) >= 3
    _check(ds if part == "whole" else select(ds, forces=[forces[1]]))


def test_a_graph_gives_the_same_document_as_its_dataset(corpus_build):
    ds = corpus_build.dataset
    assert serialise_jsonld(union_of(ds)) == serialise_jsonld(ds)


def test_values_no_term_fits_keep_their_full_form_as_in_pyld():
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, SKOS, XSD

    from peelgraph.iris import PEEL, PID

    graph = Graph()
    node, other = PID["report/x/finding/1"], URIRef("https://example.org/elsewhere/1")
    for p, o in [
        (RDF.type, PEEL.Finding),
        (RDF.type, SKOS.Concept),
        (SKOS.prefLabel, Literal("Canfyddiad", lang="cy")),
        (SKOS.prefLabel, Literal("Finding", lang="en")),
        (SKOS.hiddenLabel, Literal("F", lang="en")),
        (SKOS.hiddenLabel, Literal("G", lang="en")),
        (PEEL.grade, Literal("good")),  # a literal where the term expects an IRI
        (PEEL.ordinal, Literal("07", datatype=XSD.integer)),  # not canonical: stays a string
        (PEEL.ordinal, Literal("3", datatype=XSD.decimal)),  # another datatype
        (PEEL.graded, Literal("true", datatype=XSD.boolean)),
        (PEEL.mentions, other),
        (PEEL.force, PID["force/kent"]),
    ]:
        graph.add((node, p, o))
    graph.add((other, PEEL.refersTo, node))
    _check(graph)
