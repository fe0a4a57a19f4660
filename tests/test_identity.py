"""Item IRIs are stable across fixes in reading: named by question and ordinal, with the text
hash kept beside them and the text-hash IRI of peelgraph 0.1 recorded with owl:sameAs."""

from __future__ import annotations

import dataclasses

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF

from peelgraph import iris
from peelgraph.identity import item_keys
from peelgraph.iris import PEEL
from peelgraph.model import AreaForImprovement, Span
from peelgraph.rdf import report_graph
from peelgraph.textkeys import short_hash


def _afi(question: str, text: str) -> AreaForImprovement:
    return AreaForImprovement(question, text, (Span(0, 1),))


def test_keys_count_distinct_texts_per_question():
    items = [
        _afi("2016-EFF-2", "The force should improve A."),
        _afi("2016-EFF-3", "The force should improve B."),
        _afi("2016-EFF-2", "The force should improve C."),
        _afi("2016-EFF-2", "The  force should improve A."),  # the same text again
    ]
    assert item_keys(items) == ["2016-eff-2/1", "2016-eff-3/1", "2016-eff-2/2", "2016-eff-2/1"]


def _afi_nodes(graph):
    return sorted(graph.subjects(RDF.type, PEEL.AreaForImprovement))


def test_a_fix_in_the_text_keeps_the_iri_and_changes_the_hash(seed_report, vocab):
    fixed = dataclasses.replace(
        seed_report,
        afis=(
            dataclasses.replace(seed_report.afis[0], text=seed_report.afis[0].text + " (mended)"),
            *seed_report.afis[1:],
        ),
    )
    framework = vocab.framework(seed_report.year, seed_report.pillar)
    before, after = report_graph(seed_report, framework), report_graph(fixed, framework)
    assert _afi_nodes(before) == _afi_nodes(after)
    first = iris.item(seed_report.key, "afi", item_keys(seed_report.afis)[0])
    assert before.value(first, PEEL.textHash) != after.value(first, PEEL.textHash)
    assert after.value(first, PEEL.text) == Literal(fixed.afis[0].text)


def test_each_item_records_its_former_text_hash_iri(seed_report, vocab):
    graph = report_graph(seed_report, vocab.framework(seed_report.year, seed_report.pillar))
    afi = seed_report.afis[0]
    node = iris.item(seed_report.key, "afi", item_keys(seed_report.afis)[0])
    former = URIRef(
        f"{iris.report(seed_report.key)}/afi/{short_hash(f'{afi.question}|{afi.text}')}"
    )
    assert (node, OWL.sameAs, former) in graph
    assert str(node).endswith(f"/afi/{afi.question.lower()}/1")
    assert graph.value(node, PEEL.textHash) == Literal(short_hash(f"{afi.question}|{afi.text}"))
