"""Exports of a graph with several forces and years: choosing, and one JSON-LD tree per force."""

from __future__ import annotations

import json

from peelgraph.export.jsonld import parse_jsonld, serialise_jsonld
from peelgraph.export.select import report_graphs, select

from .conftest import assert_isomorphic, union_of


def _keys(ds) -> list[str]:
    return [r.key for r in report_graphs(ds)]


def test_a_force_brings_all_its_reports_and_no_other(corpus_build):
    ds = corpus_build.dataset
    forces = sorted({key.rsplit("-", 2)[0] for key in _keys(ds)})
    assert len(forces) >= 2
    for force in forces:
        chosen = _keys(select(ds, forces=[force]))
        assert chosen == [k for k in _keys(ds) if k.rsplit("-", 2)[0] == force]
        assert len(chosen) > 1


def test_forces_and_reports_combine(corpus_build):
    ds = corpus_build.dataset
    keys = _keys(ds)
    first_force = keys[0].rsplit("-", 2)[0]
    other = next(k for k in keys if not k.startswith(first_force))
    chosen = _keys(select(ds, forces=[first_force], reports=[other, other]))
    assert chosen == sorted([k for k in keys if k.startswith(first_force + "-")] + [other])


def test_jsonld_has_one_tree_per_force_in_order(corpus_build):
    ds = corpus_build.dataset
    keys = _keys(ds)
    forces = sorted({key.rsplit("-", 2)[0] for key in keys})[:2]
    chosen = select(ds, forces=forces)
    data = serialise_jsonld(chosen)
    graph = json.loads(data)["@graph"]
    trees = [node for node in graph if "reports" in node]
    assert [t["id"] for t in trees] == [f"pid:force/{f}" for f in forces]
    assert graph[: len(trees)] == trees
    for tree in trees:  # one report a year and pillar (2018/19: effectiveness and efficiency)
        reports = sorted((r["year"], r["pillar"]) for r in tree["reports"])
        assert len(reports) == len(set(reports)) and len({year for year, _ in reports}) > 1
    assert_isomorphic(union_of(chosen), parse_jsonld(data))


def test_a_selection_keeps_the_cross_report_links_about_it_alone(corpus_build):
    """A force's export carries its partnerships and follow-ups; one report's export carries
    only what stays true of that report alone."""
    from rdflib.namespace import RDF

    from peelgraph.iris import LINKS_GRAPH, PEEL

    ds = corpus_build.dataset
    links = ds.graph(LINKS_GRAPH)
    keys = _keys(ds)
    force = keys[0].rsplit("-", 2)[0]
    mine = {p for p in links.subjects(RDF.type, PEEL.Partnership) if str(p).split("/")[-2] == force}
    chosen = select(ds, forces=[force]).graph(LINKS_GRAPH)
    assert set(chosen.subjects(RDF.type, PEEL.Partnership)) == mine
    follow_ups = {(s, o) for s, o in links.subject_objects(PEEL.followsUp) if f"/{force}-" in s}
    assert follow_ups and set(chosen.subject_objects(PEEL.followsUp)) == follow_ups
    one = select(ds, reports=[keys[0]]).graph(LINKS_GRAPH)
    assert not set(one.subject_objects(PEEL.followsUp))  # each needs an earlier report
    for node in one.subjects(RDF.type, PEEL.Partnership):
        assert {str(link) for link in one.objects(node, PEEL.partnerLink)} == {
            str(link) for link in links.objects(node, PEEL.partnerLink)
        }
        assert all(f"/report/{keys[0]}/" in str(o) for o in one.objects(node, PEEL.partnerLink))
