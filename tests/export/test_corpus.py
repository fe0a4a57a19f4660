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
    for tree in trees:
        years = sorted(r["year"] for r in tree["reports"])
        assert len(years) == len(set(years)) > 1
    assert_isomorphic(union_of(chosen), parse_jsonld(data))
