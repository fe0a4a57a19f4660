"""Fixtures of the export tests: the seed graph (one report) and helpers to compare graphs."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, to_isomorphic

KEY = "thames-valley-2016-effectiveness"


def union_of(ds: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Isomorphic graphs, or a readable list of the triples missing and added."""
    left, right = to_isomorphic(expected), to_isomorphic(actual)
    if left == right:
        return
    _, missing, added = graph_diff(left, right)
    lines = [f"- {t}" for t in sorted(missing)[:20]] + [f"+ {t}" for t in sorted(added)[:20]]
    pytest.fail(
        f"graphs differ: {len(missing)} triple(s) missing, {len(added)} added\n" + "\n".join(lines)
    )


@pytest.fixture(scope="session")
def seed_dataset(seed_full_build) -> Dataset:
    """The built seed graph: one report graph plus the reference graph."""
    return seed_full_build.dataset


@pytest.fixture(scope="session")
def force_selection(seed_dataset) -> Dataset:
    from peelgraph.export.select import select

    return select(seed_dataset, forces=["thames-valley"])


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory, vocab):
    """A small synthetic corpus (3 forces, 4 PEEL years each), built."""
    from peelgraph.build import build
    from peelgraph.synth.corpus import generate_corpus

    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(folder, vocab, scale="small", seed=0)
    return build([folder])
