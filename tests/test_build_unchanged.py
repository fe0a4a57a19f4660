"""The faster build of a report (issue 18 leftover: 50,000 areas for improvement) writes what
it wrote before.

- The mapper writes into :class:`peelgraph.rdf._Triples`, not an rdflib Graph: on the seed,
  the Wessex reports, real pages and a 2,000-item report, its N-Triples text is exactly the
  text of the same mapper writing into an rdflib Graph, as it did (blank nodes, random in
  both, renamed by their first use).
- Validation in worker processes gives the same N-Quads, TriG and results as in one.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
from rdflib.collection import Collection

from peelgraph import rdf
from peelgraph.build import map_and_validate
from peelgraph.extract import extract_reports, extract_text
from peelgraph.merge import group_reports
from peelgraph.rdf import new_graph, ntriples_text, report_ntriples

from .conftest import REPORTS, TEST_DATA, WESSEX

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from scale_items import report_with  # noqa: E402

#: Real pages of different cycles and kinds (tests/data/real holds more).
REAL = ["cumbria-efficiency-2014.txt", "durham-effectiveness-2015.txt",
        "hampshire-peel-2018-19.txt", "northumbria-peel-2021-22.txt",
        "sussex-effectiveness-2017.txt"]  # fmt: skip


class _RdflibGraph:
    """An rdflib Graph as the mapper's sink, as the mapper wrote before (its lists by
    rdflib's Collection)."""

    def __init__(self, identifier: str) -> None:
        self.graph = new_graph()

    def __getattr__(self, name: str):  # add, value, set, objects, __iter__ of the Graph
        return getattr(self.graph, name)

    def __contains__(self, triple) -> bool:
        return triple in self.graph

    def __iter__(self):
        return iter(self.graph)

    def list_of(self, head, items) -> None:
        Collection(self.graph, head, list(items))


def _labelled(text: str) -> str:
    """Blank node labels renamed in order of first use."""
    names: dict[str, str] = {}
    return re.sub(r"_:\w+", lambda m: names.setdefault(m[0], f"_:b{len(names)}"), text)


@pytest.fixture(scope="module")
def reports(context):
    found = []
    written = TEST_DATA / "wessex-findings-as-written.txt"  # findings with bullet lists
    for path in [
        *sorted(REPORTS.glob("*.txt")),
        *WESSEX,
        written,
        *(TEST_DATA / "real" / n for n in REAL),
    ]:
        found += extract_reports(path, context.vocabulary)
    text = report_with(2000)
    digest = hashlib.sha256(text.encode()).hexdigest()
    big = extract_text(text, context.vocabulary, path="w.txt", sha256=digest)
    return [*group_reports(found), big]


def test_the_text_is_that_of_the_mapper_writing_into_an_rdflib_graph(reports, context):
    assert len(reports) >= 6 and any(len(r.afis) >= 2000 for r in reports)
    blank = 0
    for report in reports:
        framework = context.vocabulary.framework(report.year, report.pillar)
        before = rdf._ReportMapper(report, framework)
        before.g = _RdflibGraph(report.key)  # type: ignore[assignment]
        before.map()
        old = ntriples_text(before.g.graph)
        new, name = report_ntriples(report, framework)
        blank += "_:" in old
        assert _labelled(new) == _labelled(old), report.key
        assert name.endswith(report.key) or report.key in name
    assert blank  # a report with a bullet list (an RDF list of blank nodes) is among them


def test_validation_in_processes_builds_the_same(reports, context):
    big = reports[-1]
    one = map_and_validate(big, context, workers=1)
    two = map_and_validate(big, context, workers=2)
    assert one.nquads == two.nquads and one.trig == two.trig
    assert one.validation == two.validation and one.validation.conforms


def _worker(parent: int) -> None:
    import time

    from peelgraph.validate import end_with_parent

    end_with_parent(parent)
    time.sleep(5)


def test_a_validation_worker_ends_when_its_parent_is_gone():
    """A build killed mid-validation leaves no worker waiting for work: each watches the
    process that started it (here: one it never had, and its own parent)."""
    import multiprocessing
    import os

    orphan = multiprocessing.Process(target=_worker, args=(-1,))
    kept = multiprocessing.Process(target=_worker, args=(os.getpid(),))
    orphan.start()
    kept.start()
    orphan.join(timeout=3)
    assert orphan.exitcode == 1
    assert kept.is_alive()
    kept.terminate()
    kept.join()
