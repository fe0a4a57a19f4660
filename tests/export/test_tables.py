"""CSV tables: one row per thing, IRIs beside labels, values as in the graph."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from rdflib import URIRef
from rdflib.namespace import QB, RDF, SKOS

from peelgraph import iris
from peelgraph.export.tables import TABLES, tables
from peelgraph.iris import PEEL

from .conftest import union_of


@pytest.fixture(scope="module")
def graph(force_selection):
    return union_of(force_selection)


@pytest.fixture(scope="module")
def rows(force_selection) -> dict[str, list[dict[str, str]]]:
    return {
        name: list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        for name, data in tables(force_selection).items()
    }


def test_every_table_has_its_documented_columns(force_selection):
    for name, data in tables(force_selection).items():
        header = data.decode("utf-8").splitlines()[0].split(",")
        assert tuple(header) == TABLES[name].columns


def test_an_empty_graph_still_gives_headers():
    from rdflib import Graph

    for name, data in tables(Graph()).items():
        assert data.decode("utf-8") == ",".join(TABLES[name].columns) + "\n"


def test_judgments_carry_grade_and_question_labels(rows, graph):
    judgments = rows["judgments"]
    assert len(judgments) == len(set(graph.subjects(RDF.type, PEEL.Judgment)))
    assert sorted(r["grade_label"] for r in judgments) == ["good"] * 5 + ["ungraded"]
    overall = next(r for r in judgments if r["question_code"] == "2016-EFF")
    assert overall["force_label"] == "Thames Valley Police"
    assert overall["grade"] == "https://w3id.org/peelgraph/id/grade/good"
    label = graph.value(iris.question("2016-EFF"), SKOS.prefLabel)
    assert overall["question_label"] == str(label)
    codes = [r["question_code"] for r in judgments]
    assert codes == ["2016-EFF", *(f"2016-EFF-{n}" for n in range(1, len(codes)))]


def test_findings_and_afis_keep_text_order_and_source_position(rows, graph):
    for table, cls in (
        ("findings", PEEL.Finding),
        ("areas-for-improvement", PEEL.AreaForImprovement),
    ):
        found = rows[table]
        assert len(found) == len(set(graph.subjects(RDF.type, cls)))
        ordinals = [int(r["ordinal"]) for r in found]
        assert ordinals == sorted(ordinals)
        for row in found:
            node = URIRef(row["finding" if table == "findings" else "afi"])
            assert row["text"] == str(graph.value(node, PEEL.text))
            assert int(row["end"]) > int(row["start"])
    assert rows["areas-for-improvement"][0]["text"].startswith("The force should")


def test_observations_hold_decimal_values_and_units(rows, graph):
    observations = rows["observations"]
    assert len(observations) == len(set(graph.subjects(RDF.type, QB.Observation)))
    for row in observations:
        Decimal(row["value"])
        assert row["unit_label"] and row["indicator_label"] and row["area_label"]


def test_partner_links_have_one_row_per_piece_of_evidence(rows, graph):
    links = rows["partner-links"]
    pairs = {(str(s), str(o)) for s, o in graph.subject_objects(PEEL.evidence)}
    assert {(r["link"], r["evidence"]) for r in links} == pairs
    assert len(links) == len(pairs)
    mash = [r for r in links if r["partner"].endswith("/partner/mash")]
    assert mash and all(r["partner_label"] and r["evidence_text"] for r in mash)


def test_derived_relations_have_their_columns(rows, graph):
    for row in rows["findings"]:
        judgment = graph.value(URIRef(row["finding"]), PEEL.evidenceFor)
        assert row["evidence_for"] == ("" if judgment is None else str(judgment))
    assert any(row["evidence_for"] for row in rows["findings"])
    for row in rows["areas-for-improvement"]:
        supporting = sorted(str(f) for f in graph.objects(URIRef(row["afi"]), PEEL.supportedBy))
        assert row["supported_by"].split() == supporting
    compared = [r for r in rows["observations"] if r["compared_with"]]
    assert compared and all(
        next(o for o in rows["observations"] if o["observation"] == r["compared_with"])[
            "area_label"
        ]
        == "England and Wales"
        for r in compared
    )


def test_partnerships_have_one_row_per_force_and_partner(rows, graph):
    partnerships = rows["partnerships"]
    assert {r["partnership"] for r in partnerships} == {
        str(p) for p in graph.subjects(RDF.type, PEEL.Partnership)
    }
    mash = next(r for r in partnerships if r["partner"].endswith("/partner/mash"))
    assert mash["force_label"] == "Thames Valley Police"
    assert (mash["report_count"], mash["first_year"], mash["last_year"]) == ("1", "2016", "2016")
    evidence = [r for r in rows["partner-links"] if r["partner"].endswith("/partner/mash")]
    assert int(mash["evidence_count"]) == len({r["evidence"] for r in evidence})
    assert "2016-EFF-3" in mash["core_questions"].split("; ")
