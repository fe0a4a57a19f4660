"""Control characters and formulas in query and explain output (issue 18 point 6): written to a
terminal, control characters are escaped; CSV and TSV written to a file or a pipe keep the data
verbatim, except that a cell a spreadsheet would run as a formula is neutralised (``--raw``
keeps it); ``explain`` (a report for people) always escapes them."""

from __future__ import annotations

from typer.testing import CliRunner

from peelgraph.cli import app

S = "https://w3id.org/peelgraph/id/finding/x"
GRAPH = (
    f'<{S}> <https://w3id.org/peelgraph/ontology#text> "=HYPERLINK(1)\\u001B[2Jb" .\n'
    f"<{S}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://w3id.org/peelgraph/ontology#Finding> .\n"
)
SELECT = "SELECT ?o WHERE { ?s <https://w3id.org/peelgraph/ontology#text> ?o }"


def test_csv_to_a_file_is_verbatim_but_formula_safe_and_raw_keeps_the_formula(tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text(GRAPH)
    for fmt in ("csv", "tsv"):
        result = CliRunner().invoke(app, ["sparql", SELECT, "-d", str(graph), "-f", fmt])
        assert result.exit_code == 0, result.stderr
        assert result.stdout == "o\n'=HYPERLINK(1)\x1b[2Jb\n"  # CliRunner's stdout is no tty
        raw = CliRunner().invoke(app, ["sparql", SELECT, "-d", str(graph), "-f", fmt, "--raw"])
        assert raw.stdout == "o\n=HYPERLINK(1)\x1b[2Jb\n"


def test_explain_escapes_control_characters(tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text(GRAPH)
    result = CliRunner().invoke(app, ["explain", S, "--data", str(graph)])
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\\x1b[2Jb" in result.stdout
