"""The full report and the force summary of the same inspection build into one report."""

from __future__ import annotations

from collections import Counter

from rdflib.namespace import PROV, RDF

from peelgraph import iris
from peelgraph.graphio import union_graph
from peelgraph.iris import OA, PEEL

REPORT = iris.report("thames-valley-2016-effectiveness")


def test_summary_alone_is_read(seed_summary):
    assert seed_summary.source.document_format == "summary"
    assert seed_summary.key == "thames-valley-2016-effectiveness"
    assert Counter(a.question for a in seed_summary.afis) == {
        "2016-EFF-1": 1,
        "2016-EFF-2": 4,
        "2016-EFF-4": 3,
    }
    # grades only where a judgment sentence states them
    assert {j.question: j.grade for j in seed_summary.judgments} == {"2016-EFF-1": "good"}


def test_both_documents_merge_into_one_report(seed_build):
    assert len(seed_build.reports) == 1
    report = seed_build.reports[0]
    assert {d.source.document_format for d in report.documents} == {"full-report", "summary"}
    assert len(report.afis) == 8
    assert len(report.judgments) == 6
    sources = set(union_graph(seed_build.dataset).objects(REPORT, PROV.wasDerivedFrom))
    assert len(sources) == 2


def test_merged_items_point_into_both_documents(seed_build):
    g = union_graph(seed_build.dataset)
    for afi in g.subjects(RDF.type, PEEL.AreaForImprovement):
        docs = {g.value(span, OA.hasSource) for span in g.objects(afi, PEEL.hasSpan)}
        assert len(docs) == 2, afi
    judgment = iris.judgment("thames-valley-2016-effectiveness", "2016-EFF-1")
    docs = {g.value(span, OA.hasSource) for span in g.objects(judgment, PEEL.hasSpan)}
    assert len(docs) == 2


def test_merged_build_conforms(seed_build):
    assert seed_build.validation.conforms, seed_build.validation.as_text()
