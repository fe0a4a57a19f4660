"""Selecting forces and reports: report graphs whole, and the reference data they point at."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from peelgraph import iris
from peelgraph.errors import InputError
from peelgraph.export.select import reference_about, select
from peelgraph.iris import PEEL, REFERENCE_GRAPH

from .conftest import KEY


def test_no_choice_copies_every_graph(seed_dataset):
    copy = select(seed_dataset)
    for graph in seed_dataset.graphs():
        assert set(copy.graph(graph.identifier)) == set(graph)


def test_a_force_keeps_its_report_graph_whole(seed_dataset, force_selection):
    name = iris.report_graph(KEY)
    assert set(force_selection.graph(name)) == set(seed_dataset.graph(name))


def test_a_report_key_selects_the_same_as_its_force(seed_dataset, force_selection):
    by_key = select(seed_dataset, reports=[KEY])
    for graph in force_selection.graphs():
        assert set(by_key.graph(graph.identifier)) == set(graph)


def test_reference_data_describes_everything_the_report_points_at(seed_dataset, force_selection):
    full = seed_dataset.graph(REFERENCE_GRAPH)
    part = force_selection.graph(REFERENCE_GRAPH)
    report = seed_dataset.graph(iris.report_graph(KEY))
    pointed_at = {o for o in report.objects() if isinstance(o, URIRef)} | set(report.subjects())
    described = {s for s in pointed_at if (s, None, None) in full}
    assert described, "the report points at reference data"
    for node in described:
        assert set(part.triples((node, None, None))) == set(full.triples((node, None, None))) - {
            t
            for t in full.triples((node, SKOS.hasTopConcept, None))
            if (t[2], None, None) not in part
        }
    # the force's own description and its question framework come along
    assert part.value(iris.force("thames-valley"), SKOS.prefLabel) is not None
    assert part.value(iris.question("2016-EFF-1"), SKOS.prefLabel) is not None
    assert part.value(iris.question("2016-EFF-1"), SKOS.inScheme) is not None


def test_reference_data_leaves_out_what_the_report_does_not_use(seed_dataset, force_selection):
    full = seed_dataset.graph(REFERENCE_GRAPH)
    part = force_selection.graph(REFERENCE_GRAPH)
    assert len(part) < len(full) / 2
    assert (iris.force("cumbria"), None, None) not in part
    assert (None, None, PEEL.Cue) not in part
    # a scheme lists only the concepts that came along
    for _, _, concept in part.triples((None, SKOS.hasTopConcept, None)):
        assert (concept, None, None) in part


def test_fan_out_links_are_not_followed():
    scheme, used, unused = (URIRef(f"https://example.org/{n}") for n in ("s", "a", "b"))
    reference = Graph()
    reference.add((scheme, SKOS.hasTopConcept, used))
    reference.add((scheme, SKOS.hasTopConcept, unused))
    reference.add((used, SKOS.inScheme, scheme))
    reference.add((unused, SKOS.inScheme, scheme))
    selected = Graph()
    selected.add((URIRef("https://example.org/x"), PEEL.question, used))
    result = reference_about(reference, selected)
    assert set(result) == {(scheme, SKOS.hasTopConcept, used), (used, SKOS.inScheme, scheme)}


@pytest.mark.parametrize(
    ("kwargs", "message", "hint"),
    [
        ({"forces": ["nowhere"]}, "no report of force 'nowhere'", "forces: thames-valley"),
        ({"reports": ["nowhere-2016-effectiveness"]}, "no report", f"reports: did you mean {KEY}?"),
        ({"reports": ["nowhere"]}, "no report", f"reports: {KEY}"),
    ],
)
def test_unknown_choices_are_named_with_the_known_ones(seed_dataset, kwargs, message, hint):
    with pytest.raises(InputError) as caught:
        select(seed_dataset, where="peel.trig", **kwargs)
    assert message in caught.value.message
    assert caught.value.hint == hint
    assert caught.value.where == "peel.trig"


def test_choosing_needs_named_report_graphs(seed_dataset):
    flat = Dataset()
    for s, p, o, _ in seed_dataset.quads((None, None, None, None)):
        flat.default_graph.add((s, p, o))
    with pytest.raises(InputError, match="no named report graphs"):
        select(flat, forces=["thames-valley"])
