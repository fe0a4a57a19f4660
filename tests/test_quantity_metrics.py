"""Quantities stated in prose reach the metrics query and the CSV export like any metric."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset

from peelgraph.export.tables import observations as observation_rows
from peelgraph.store import open_dataset, run_query

from .conftest import REPORTS


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    from peelgraph.app import build_to_file
    from peelgraph.context import default_context

    out = tmp_path_factory.mktemp("quantities") / "peel.trig"
    build_to_file([REPORTS], out, default_context())
    return out


def test_the_indicator_query_lists_a_count_from_prose(graph_file):
    ds = open_dataset(graph_file, "oxigraph")
    rows = run_query("select_indicator_across_forces", ds, {"indicator": "disruptions"}).rows
    assert [(r["indicator"], r["period"], r["unit"], r["value"]) for r in rows] == [
        ("Successful disruptions", "1 January 2016 to 30 June 2016", "count", Decimal(98))
    ]


def test_the_csv_export_carries_quantities_and_their_qualifier(graph_file):
    from peelgraph.graphio import union_graph

    ds = Dataset()
    ds.parse(graph_file, format="trig")
    rows = observation_rows(union_graph(ds))
    found = {(r["indicator_label"], r["value"], r["qualifier"], r["page"]) for r in rows}
    assert ("Dangerous and sexual offenders", "1700", "more than", "24") in found
    assert ("Police information notices", "2245", "", "34") in found
