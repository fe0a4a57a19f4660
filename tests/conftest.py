"""Shared fixtures: the reference vocabulary, the seed documents and their built graph."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
SEED_FULL = REPORTS / "thames-valley-peel-effectiveness-2016.txt"
SEED_SUMMARY = REPORTS / "thames-valley-peel-2016-effectiveness-summary.txt"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _reference_data_restored():
    """A test that adds reference data (``--reference``) leaves the process as it found it."""
    from peelgraph.reference import clear_caches
    from peelgraph.resources import REFERENCE_ENV

    before = os.environ.get(REFERENCE_ENV)
    yield
    if os.environ.get(REFERENCE_ENV) != before:
        if before is None:
            os.environ.pop(REFERENCE_ENV, None)
        else:
            os.environ[REFERENCE_ENV] = before
        clear_caches()


@pytest.fixture(scope="session")
def vocab():
    from peelgraph.reference import load_vocabulary

    return load_vocabulary()


@pytest.fixture(scope="session")
def seed_report(vocab):
    """The full seed report, extracted."""
    from peelgraph.extract import extract_file

    return extract_file(SEED_FULL, vocab)


@pytest.fixture(scope="session")
def seed_summary(vocab):
    from peelgraph.extract import extract_file

    return extract_file(SEED_SUMMARY, vocab)


@pytest.fixture(scope="session")
def seed_build():
    """The bundled data folder built end to end (both seed documents, merged)."""
    from peelgraph.build import build

    return build([REPORTS])


@pytest.fixture(scope="session")
def seed_full_build():
    """The full seed report alone, built end to end."""
    from peelgraph.build import build

    return build([SEED_FULL])


@pytest.fixture(scope="session")
def seed_graph(seed_full_build):
    """The union of the full report's graph and the reference graph."""
    from rdflib import Graph

    graph = Graph()
    for s, p, o, _ in seed_full_build.dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
