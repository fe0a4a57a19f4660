"""The ontology page: every class, property and scheme with its definition, text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from peelgraph.context import default_context
from peelgraph.export.docs import ontology_page
from peelgraph.iris import PEEL


class _Page(HTMLParser):
    """Collects the page's text, ids and local links; fails on unbalanced tags."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if attrs.get("href", "").startswith("#"):
            self.hrefs.append(attrs["href"][1:])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def reference() -> Graph:
    return default_context().reference_graph


@pytest.fixture(scope="module")
def page() -> _Page:
    parser = _Page()
    parser.feed(ontology_page().decode("utf-8"))
    parser.close()
    assert parser.stack == []
    return parser


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_every_class_and_property_is_shown_with_its_definition(page, reference):
    text = _norm(" ".join(page.text))
    own = [
        n
        for cls in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for n in reference.subjects(RDF.type, cls)
        if str(n).startswith(str(PEEL))
    ]
    assert len(own) > 40
    for term in own:
        assert "peel:" + str(term)[len(str(PEEL)) :] in text
        definition = reference.value(term, SKOS.definition)
        if definition is not None:
            assert _norm(str(definition)) in text


def test_every_scheme_and_concept_is_listed(page, reference):
    text = _norm(" ".join(page.text))
    schemes = set(reference.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) >= 10
    for concept in reference.subjects(SKOS.inScheme, None):
        label = reference.value(concept, SKOS.prefLabel)
        if label is not None:
            assert _norm(str(label)) in text
    assert "good" in text and "2016-EFF-3.1" in text


def test_anchors_are_unique_and_links_resolve(page):
    assert len(page.ids) == len(set(page.ids))
    assert set(page.hrefs) <= set(page.ids)


def test_text_from_the_turtle_is_escaped():
    graph = Graph()
    evil = URIRef(str(PEEL) + "Evil")
    graph.add((evil, RDF.type, OWL.Class))
    graph.add((evil, RDFS.label, Literal("<script>alert(1)</script>")))
    graph.add((evil, SKOS.definition, Literal("Tom & Jerry <b>")))
    html = ontology_page(graph).decode("utf-8")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "Tom &amp; Jerry &lt;b&gt;" in html


def test_the_page_is_the_same_every_time():
    assert ontology_page() == ontology_page()
