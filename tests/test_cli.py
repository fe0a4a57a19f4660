"""The command line, in-process: exit codes, stdout results, one-line stderr errors."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from peelgraph.cli import app

from .conftest import REPORTS, SEED_FULL

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "peel.trig"
    result = run("build", REPORTS, "-o", out)
    assert result.exit_code == 0, result.output + result.stderr
    return out, result


def test_build_writes_trig_with_a_graph_per_report_and_a_summary(built):
    out, result = built
    ds = Dataset()
    ds.parse(out, format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert "https://w3id.org/peelgraph/id/graph/thames-valley-2016-effectiveness" in names
    assert "https://w3id.org/peelgraph/id/graph/reference" in names
    for line in (
        "reports                1",
        "areas for improvement  8",
        "SHACL validation       conforms",
    ):
        assert line in result.stdout
    assert "good 5" in result.stdout and "ungraded 1" in result.stdout


def test_build_writes_turtle_by_suffix(tmp_path):
    out = tmp_path / "peel.ttl"
    result = run("build", SEED_FULL, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("@prefix")


def test_build_refuses_to_overwrite_unless_asked(built, tmp_path):
    out = tmp_path / "peel.trig"
    out.write_text("precious", encoding="utf-8")
    result = run("build", SEED_FULL, "-o", out)
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"[ERROR] {out}: output exists (hint: pass --overwrite to replace it)"
    )
    assert out.read_text(encoding="utf-8") == "precious"
    assert run("build", SEED_FULL, "-o", out, "--overwrite").exit_code == 0


def test_build_refuses_an_output_that_is_an_input(tmp_path):
    copy = tmp_path / "report.txt"
    copy.write_bytes(SEED_FULL.read_bytes())
    result = run("build", copy, "-o", copy, "--overwrite")
    assert result.exit_code == 2
    assert "output is one of the inputs" in result.stderr


def test_build_missing_input_is_one_line_error(tmp_path):
    result = run("build", tmp_path / "nope.txt", "-o", tmp_path / "out.trig")
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"[ERROR] {tmp_path / 'nope.txt'}: no such file or folder (hint: check the path)"
    )
    assert not (tmp_path / "out.trig").exists()


def test_build_unknown_format_names_the_file(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("Shopping list\n\nmilk, eggs\n", encoding="utf-8")
    out = tmp_path / "out.trig"
    result = run("build", bad, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"[ERROR] {bad}: not a PEEL document of a known format")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_build_keep_going_skips_bad_files(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    good = tmp_path / "report.txt"
    good.write_bytes(SEED_FULL.read_bytes())
    out = tmp_path / "out.trig"
    assert run("build", tmp_path, "-o", out).exit_code == 2
    assert not out.exists()
    result = run("build", tmp_path, "-o", out, "--keep-going")
    assert result.exit_code == 0, result.stderr
    assert f"[WARNING] skipped {bad}: file is empty" in result.stderr
    assert out.exists()


def test_validate_conforming_file(built):
    out, _ = built
    result = run("validate", out)
    assert result.exit_code == 0
    assert result.stdout.startswith("Conforms")


def test_validate_json_and_non_conforming_file(built, tmp_path):
    out, _ = built
    broken = tmp_path / "broken.trig"
    text = out.read_text(encoding="utf-8")
    # drop the grade of every judgment: the judgment shape must catch it
    broken.write_text(
        "\n".join(line for line in text.splitlines() if "peel:grade grade:" not in line),
        encoding="utf-8",
    )
    result = run("validate", broken, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["conforms"] is False
    messages = {v["message"] for v in data["violations"]}
    assert "a judgment gives exactly one grade from the grade scheme" in messages


def test_validate_malformed_graph_is_bad_input(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b ", encoding="utf-8")
    result = run("validate", bad)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"[ERROR] {bad}: cannot parse as turtle")


def test_validate_malformed_or_binary_trig_is_bad_input(tmp_path):
    """TriG and N-Quads go through Oxigraph's parser: bad input still gets one line that
    names the file, exit 2."""
    bad = tmp_path / "bad.trig"
    bad.write_text("<http://x/g> { <http://x/a> <http://x/b> ", encoding="utf-8")
    binary = tmp_path / "binary.nq"
    binary.write_bytes(bytes(range(256)) * 4)
    for path, fmt in ((bad, "trig"), (binary, "nquads")):
        result = run("validate", path)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"[ERROR] {path}: cannot parse as {fmt}")
        assert len(result.stderr.strip().splitlines()) == 1


def test_stats(built):
    out, _ = built
    result = run("stats", out, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["reports"] == 1
    assert data["areas_for_improvement"] == 8
    assert data["judgments_by_grade"] == {"good": 5, "ungraded": 1}
    assert data["observations"] >= 62


def test_version_and_help():
    assert run("--version").stdout.startswith("peelgraph ")
    help_text = run("--help").stdout
    for command in ("build", "validate", "stats"):
        assert command in help_text


def test_explain_shows_text_source_page_and_passage(built):
    out, _ = built
    ds = Dataset()
    ds.parse(out, format="trig")
    from peelgraph.iris import PEEL

    finding = next(
        s
        for s, _, o, _ in ds.quads((None, PEEL.text, None, None))
        if str(o).startswith("HMIC found that the staff in safer neighbourhood teams")
    )
    result = run("explain", str(finding), "--data", out, "--source", REPORTS)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "question  2016-EFF-1.1" in text
    assert "thames-valley-peel-effectiveness-2016.txt, page 12" in text
    assert "source 2" in text  # the paragraph is cut by a page break: two passages
    assert "[[HMIC found that the staff in safer neighbourhood teams" in text
    assert "...The force has a range of methods" not in text


def test_explain_unknown_iri(built):
    out, _ = built
    result = run("explain", "https://example.org/nothing", "--data", out)
    assert result.exit_code == 2
    assert "no such item in the graph" in result.stderr


_UNNAMED = """Skip to content

Gotham PEEL 2017

Effectiveness

How effective is the force at keeping people safe and reducing crime?

Last updated 22/03/2018
Good

The force is good at keeping people safe and reducing crime. It works with partners and
"""


def test_build_refuses_a_page_of_no_known_force_and_force_names_it(tmp_path):
    page = tmp_path / "gotham.txt"
    page.write_text(_UNNAMED, encoding="utf-8")
    out = tmp_path / "out.trig"
    refused = run("build", page, "-o", out)
    assert refused.exit_code == 2 and not out.exists()
    assert refused.stderr.startswith(f"[ERROR] {page}: no reference force is named by its title")
    assert "'Gotham PEEL 2017'" in refused.stderr and "--force" in refused.stderr
    unknown = run("build", page, "-o", out, "--force", "gotham")
    assert unknown.exit_code == 2 and "not a reference force" in unknown.stderr
    forced = run("build", page, "-o", out, "--force", "kent", "--warnings", "--no-store")
    assert forced.exit_code == 0, forced.stderr
    graph = Dataset()
    graph.parse(out, format="trig")
    assert any("kent-2017-effectiveness" in str(g.identifier) for g in graph.graphs())
    assert "the last finding is cut and not whole" in forced.stderr  # said in --warnings
