"""The query commands in-process: parameter values checked against the graph, SPARQL errors at
the user's own line and column, readable tables, one-line errors for a busy port."""

from __future__ import annotations

import csv
import io
import socket

import pytest
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.cli.query import user_position, with_prefixes

from .conftest import REPORTS

runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    out = tmp_path_factory.mktemp("query") / "peel.trig"
    result = run("build", REPORTS, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(
    ("query", "param", "near"),
    [
        ("select_afis_by_question", "force=thames-valey", "thames-valley"),
        ("select_items_by_theme", "theme=digital-evidense", "digital-evidence"),
        ("select_findings_by_partner", "partner=SERCOU", "SEROCU"),
        ("select_findings_by_partner", "question=2016-EFF-9", "2016-EFF-"),
        ("select_grade_pivot", "year=2061", None),
    ],
)
def test_an_unknown_value_is_an_error_with_the_closest_known_ones(data, query, param, near):
    result = run("query", "run", query, "-p", param, "--data", data)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("[ERROR] query ") and "\n" not in line
    assert repr(param.split("=", 1)[1]) in line
    if near:
        assert "did you mean" in line and near in line


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("select_afis_by_question", "force=thames-valley"),
        ("select_findings_by_partner", "partner=serocu"),  # any case, as the query matches
        ("select_findings_by_partner", "partner=South East Regional Organised Crime Unit"),
        ("select_indicator_across_forces", "indicator=victim"),  # part of a label
        ("select_glossary", "acronym=NOTANACRONYM"),  # free text: never checked
        ("select_afis_by_question", "force="),  # empty: every force
    ],
)
def test_known_empty_and_free_text_values_run(data, query, param):
    result = run("query", "run", query, "-p", param, "--data", data, "-f", "csv")
    assert result.exit_code == 0, result.stderr


def test_the_python_api_checks_values_too(data):
    from peelgraph.app import run_saved_query
    from peelgraph.errors import QueryError
    from peelgraph.store import open_native

    with pytest.raises(QueryError, match="thames-valley"):
        run_saved_query("select_grades_by_force", open_native(data), {"force": "thames-valey"})


def test_a_sparql_syntax_error_points_at_the_users_line_and_column(data):
    one_line = run("sparql", "SELEC ?s WHERE { ?s a peel:Force }", "--data", data)
    assert one_line.exit_code == 2
    assert "error at 1:" in one_line.stderr
    three = run("sparql", "SELECT ?s WHERE {\n ?s a peel:Force\n FILTER(?s = ) }", "--data", data)
    assert three.exit_code == 2 and "error at 3:" in three.stderr
    memory = run("sparql", "SELECT ?s WHERE {\n ?s a peel:Force\n FILTER(?s = ) }",
                 "--data", data, "--backend", "memory")  # fmt: skip
    assert memory.exit_code == 2 and "line:3" in memory.stderr and "at char" not in memory.stderr


def test_prefixes_are_added_on_the_first_line_and_only_when_not_declared():
    text, added = with_prefixes("PREFIX force: <urn:x:>\nSELECT * { ?s ?p ?o }")
    assert text.count("\n") == 1 and "PREFIX force:" not in added and "PREFIX peel:" in added
    assert user_position(f"error at 1:{len(added) + 5}: x", added) == "error at 1:5: x"
    assert user_position("error at 2:7: x", added) == "error at 2:7: x"


def test_sparql_knows_the_prefixes_without_prefix_lines(data):
    result = run("sparql", "SELECT ?f WHERE { ?f a peel:Force } ORDER BY ?f LIMIT 1",
                 "--data", data, "-f", "csv")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("https://w3id.org/peelgraph/id/force/")


def test_the_table_is_readable_at_120_columns(data):
    result = run("query", "run", "select_findings_by_partner", "-p", "partner=SEROCU",
                 "--data", data, "--max-width", "120")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 120 for line in lines)
    assert len(lines) < 70  # two rows; 124 lines before
    assert "partner:serocu" in result.stdout and "https://" not in result.stdout
    words = [w for line in lines for w in line.split()]
    assert max(len(w) for w in words) > 12 and sum(len(w) == 1 for w in words) < 20


def test_csv_and_records_give_every_row(data):
    table = run("query", "run", "select_findings_by_partner", "--data", data, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    records = run("query", "run", "select_findings_by_partner", "--data", data, "-f", "records")
    assert records.stdout.count("-[ ") == len(rows) > 0


def test_serve_on_a_port_in_use_is_one_line(data):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", data, "--port", port)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and f"127.0.0.1:{port}" in result.stderr
    assert "Serving" not in result.stdout


def test_a_file_that_is_not_a_graph_leaves_no_store_behind(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# notes\n", encoding="utf-8")
    result = run("query", "run", "select_grade_pivot", "--data", notes)
    assert result.exit_code == 2 and "notes.md" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_a_wrong_endpoint_path_hints_at_query_and_store(data):
    import http.server
    import threading

    class NotHere(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server API
            self.send_response(404)
            self.end_headers()

        def do_PUT(self):  # noqa: N802
            self.send_response(415)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), NotHere)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/wrong"
        queried = run("query", "run", "select_grade_pivot", "--endpoint", url)
        loaded = run("load", data, "--endpoint", url, "--retries", 0)
    finally:
        server.shutdown()
    for result in (queried, loaded):
        assert result.exit_code == 2
        assert ".../query" in result.stderr and ".../store" in result.stderr


def test_a_missing_optional_module_names_its_extra(data, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "cairosvg", None)  # import cairosvg now fails
    result = run("viz", "partnerships", "--data", data, "-o", tmp_path / "net.png")
    assert result.exit_code == 2
    assert result.stderr.startswith("[ERROR] PNG output needs cairosvg")
    assert "pip install 'peelgraph[viz]'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "net.png").exists()


def test_a_module_no_command_handles_is_named_with_its_extra(monkeypatch):
    """The fallback of every command: a ModuleNotFoundError of a module an extra provides
    becomes one line naming the extra; any other missing module stays a bug."""
    from peelgraph.cli.common import missing_module_error

    error = missing_module_error(ModuleNotFoundError("no", name="scipy"), prefer="viz")
    assert error is not None and error.hint == "pip install 'peelgraph[viz]'"
    assert missing_module_error(ModuleNotFoundError("no", name="not_a_dependency")) is None


def test_results_are_typed_for_pandas(data):
    from peelgraph import open_graph

    kg = open_graph(data)
    pivot = kg.run("select_grade_pivot").rows
    assert pivot and all(isinstance(r["year"], int) for r in pivot)
    frame = kg.run("select_metrics_vs_comparator").dataframe()
    assert str(frame["forceValue"].dtype) == "float64"
    assert str(frame["difference"].dtype) == "float64"


def test_python_api_errors_carry_the_path_and_hint(tmp_path):
    from peelgraph import open_graph
    from peelgraph.errors import GraphFileError

    with pytest.raises(GraphFileError) as caught:
        open_graph(tmp_path / "missing.trig")
    assert str(caught.value).startswith(str(tmp_path / "missing.trig") + ": no such file")
    assert "hint:" in str(caught.value)


def test_open_graph_run_checks_values(data):
    from peelgraph import open_graph
    from peelgraph.errors import QueryError

    with pytest.raises(QueryError, match="did you mean digital-evidence"):
        open_graph(data).run("select_items_by_theme", theme="digital-evidense")
