"""JSON-LD: readable framed trees per force that expand back to the exported graph."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import QB, RDF

from peelgraph.errors import GraphFileError
from peelgraph.export.jsonld import (
    CONTEXT_URL,
    context,
    parse_jsonld,
    serialise_jsonld,
)
from peelgraph.iris import PEEL, PID
from peelgraph.resources import ontology_file

from .conftest import assert_isomorphic, union_of


@pytest.fixture(scope="module")
def data(force_selection) -> bytes:
    return serialise_jsonld(force_selection)


@pytest.fixture(scope="module")
def doc(data) -> dict:
    return json.loads(data)


@pytest.fixture(scope="module")
def report(doc) -> dict:
    force = doc["@graph"][0]
    assert len(force["reports"]) == 1
    return force["reports"][0]


def test_expanding_gives_back_the_exported_graph(data, force_selection):
    assert_isomorphic(union_of(force_selection), parse_jsonld(data))


def test_other_libraries_read_the_same_graph(data, force_selection):
    expected = union_of(force_selection)
    assert_isomorphic(expected, Graph().parse(data=data, format="json-ld"))
    quads = ox.parse(data, ox.RdfFormat.JSON_LD)
    triples = ox.serialize(
        [ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES
    )
    assert_isomorphic(expected, Graph().parse(data=triples, format="nt"))


def test_the_document_embeds_the_published_context(doc):
    assert doc["@context"] == json.loads(ontology_file("context-v1.jsonld").read_text())["@context"]


def test_a_linked_context_is_served_locally(doc, force_selection):
    linked = json.dumps({**doc, "@context": CONTEXT_URL})
    assert_isomorphic(union_of(force_selection), parse_jsonld(linked))
    small = Graph()
    small.add((PID["finding/x"], PEEL.text, Literal("x")))
    assert json.loads(serialise_jsonld(small, link_context=True))["@context"] == CONTEXT_URL


def test_no_other_remote_document_is_loaded():
    doc = {"@context": "https://example.org/context.jsonld", "name": "x"}
    with pytest.raises(GraphFileError, match="remote JSON-LD context"):
        parse_jsonld(json.dumps(doc))


def test_the_tree_starts_with_the_force_then_its_reports(doc):
    force = doc["@graph"][0]
    assert force["id"] == "pid:force/thames-valley"
    assert "Force" in force["type"]
    assert force["label"] == "Thames Valley Police"
    assert list(force)[:2] == ["id", "type"]


def test_each_report_holds_its_judgments_findings_afis_and_observations(report, force_selection):
    g = union_of(force_selection)
    assert report["type"] == "InspectionReport"
    assert report["year"] == 2016 and report["pillar"] == "effectiveness"
    assert len(report["judgments"]) == len(set(g.subjects(RDF.type, PEEL.Judgment)))
    assert len(report["findings"]) == len(set(g.subjects(RDF.type, PEEL.Finding)))
    afis = set(g.subjects(RDF.type, PEEL.AreaForImprovement))
    assert len(report["areasForImprovement"]) == len(afis) > 0
    assert len(report["partnerLinks"]) == len(set(g.subjects(RDF.type, PEEL.PartnerLink)))
    (dataset,) = report["datasets"]
    assert len(dataset["observations"]) == len(set(g.subjects(RDF.type, QB.Observation)))


def test_grades_and_types_are_short_strings_and_counts_are_numbers(report):
    grades = sorted(j["grade"] for j in report["judgments"])
    assert grades == ["good"] * 5 + ["ungraded"]
    assert {j["type"] for j in report["judgments"]} == {"Judgment"}
    ordinals = [f["ordinal"] for f in report["findings"]]
    assert all(isinstance(n, int) for n in ordinals) and ordinals == sorted(ordinals)
    span = report["findings"][0]["spans"][0]
    assert isinstance(span["page"], int)
    position = next(s for s in span["selectors"] if s["type"] == "TextPositionSelector")
    assert isinstance(position["start"], int) and position["end"] > position["start"]
    observation = report["datasets"][0]["observations"][0]
    assert observation["type"] == "Observation"
    assert isinstance(observation["value"], str)  # decimals keep their exact form
    float(observation["value"])


def test_every_key_in_the_tree_is_a_readable_word(doc):
    def keys(node):
        if isinstance(node, list):
            for item in node:
                yield from keys(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                yield key
                yield from keys(value)

    odd = {k for k in keys(doc["@graph"][0]) if ":" in k or k.startswith("@")}
    assert not odd


def test_the_context_defines_a_key_for_every_report_property(force_selection):
    """A new peel: property gets a readable key from @vocab; others need a term."""
    terms = context()["@context"]
    known = {
        v if isinstance(v, str) else v.get("@id", v.get("@reverse"))
        for v in terms.values()
        if isinstance(v, (str, dict))
    }
    expanded = {t.replace("peel:", str(PEEL)) for t in known if isinstance(t, str)}
    for prefix in ("skos", "dcterms", "oa", "prov", "qb", "owl"):
        expanded = {t.replace(f"{prefix}:", terms[prefix], 1) for t in expanded}
    for graph in force_selection.graphs():
        if "reference" in str(graph.identifier):
            continue
        for prop in set(graph.predicates()):
            assert prop == RDF.type or str(prop).startswith(str(PEEL)) or str(prop) in expanded
