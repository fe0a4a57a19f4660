"""The Python API and the example scripts, run as a user would run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import peelgraph
from peelgraph.cli import app

from .conftest import REPORTS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("api") / "peel.trig"
    assert CliRunner().invoke(app, ["build", str(REPORTS), "-o", str(out)]).exit_code == 0
    return out


def test_open_list_run_and_dataframe(graph_file):
    kg = peelgraph.open_graph(graph_file)
    assert "select_afis_by_question" in [q.name for q in kg.queries()]
    rows = kg.run("select_afis_by_question", force="thames-valley").rows
    assert len(rows) == 8 and all(isinstance(r, dict) for r in rows)
    frame = kg.run("select_grade_pivot").dataframe()
    assert list(frame.columns)[:4] == ["force", "year", "pillar", "overall"]
    assert frame.loc[0, "q5"] == "ungraded"
    assert kg.sparql("ASK { ?s a <https://w3id.org/peelgraph/ontology#Judgment> }").boolean


def test_memory_backend_is_selectable(graph_file):
    kg = peelgraph.open_graph(graph_file, backend="memory")
    assert len(kg.run("select_grades_by_force").rows) == 6


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("areas_for_improvement_by_theme.py", "office-based research team"),
        ("compare_with_england_and_wales.py", "Victim-based crime"),
    ],
)
def test_examples_run_as_they_are(graph_file, script, expected):
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / script), str(graph_file)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
