"""``peelgraph export`` and ``peelgraph docs`` in-process: outputs, refusals, exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peelgraph.cli import app

KEY = "thames-valley-2016-effectiveness"


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_full_build):
    from peelgraph.graphio import serialise

    path = tmp_path_factory.mktemp("built") / "peel.trig"
    path.write_bytes(serialise(seed_full_build.dataset, "trig"))
    return path


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("out.ttl", b"@prefix"),
        ("out.nt", b"<https://w3id.org/"),
        ("out.nq", b"<https://w3id.org/"),
        ("out.jsonld", b"{"),
    ],
)
def test_the_format_comes_from_the_suffix(built, tmp_path, name, first):
    out = tmp_path / name
    extra = ["--link-context"] if name.endswith(".jsonld") else []
    result = run("export", built, "-o", out, "--report", KEY, *extra)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(first)
    assert f"Wrote {out}" in result.stdout
    if extra:
        assert json.loads(out.read_text())["@context"].endswith("/context-v1.jsonld")


def test_exporting_twice_gives_the_same_bytes(built, tmp_path):
    first, second = tmp_path / "a.trig", tmp_path / "b.trig"
    assert run("export", built, "-o", first).exit_code == 0
    assert run("export", built, "-o", second, "--format", "trig").exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_building_twice_exports_the_same_bytes(seed_full_build):
    from peelgraph.build import build
    from peelgraph.export import export_files
    from tests.conftest import SEED_FULL

    again = build([SEED_FULL])
    for fmt in ("turtle", "nq"):
        first = export_files(seed_full_build.dataset, fmt, forces=["thames-valley"])
        assert export_files(again.dataset, fmt, forces=["thames-valley"]) == first


def test_csv_writes_one_file_per_table_into_a_folder(built, tmp_path):
    folder = tmp_path / "tables"
    result = run("export", built, "-o", folder, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "areas-for-improvement.csv",
        "findings.csv",
        "judgments.csv",
        "observations.csv",
        "partner-links.csv",
        "partnerships.csv",
    ]
    one = tmp_path / "judgments.csv"
    assert run("export", built, "-o", one, "--table", "judgments").exit_code == 0
    assert one.read_bytes() == (folder / "judgments.csv").read_bytes()


def test_an_existing_output_is_kept_unless_overwrite(built, tmp_path):
    out = tmp_path / "out.ttl"
    out.write_text("keep me")
    result = run("export", built, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"[ERROR] {out}: output exists (hint: pass --overwrite)"
    assert out.read_text() == "keep me"
    assert run("export", built, "-o", out, "--overwrite").exit_code == 0
    assert out.read_bytes().startswith(b"@prefix")


def test_the_input_is_never_the_output(built):
    result = run("export", built, "-o", built, "--overwrite")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"[ERROR] {built}: the output is the input"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--force", "nowhere"], "no report of force 'nowhere' (hint: forces: thames-valley)"),
        (["--format", "xml"], "unknown export format 'xml'"),
        (["--table", "nothing", "--format", "csv"], "unknown table 'nothing'"),
    ],
)
def test_bad_choices_exit_2_with_one_line(built, tmp_path, args, message):
    out = tmp_path / "x.ttl"
    result = run("export", built, "-o", out, *args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[ERROR]") and message in lines[0]
    assert not out.exists()


def test_an_unknown_suffix_or_a_single_csv_file_is_refused(built, tmp_path):
    result = run("export", built, "-o", tmp_path / "x.xyz")
    assert result.exit_code == 2 and "cannot tell the export format" in result.stderr
    result = run("export", built, "-o", tmp_path / "x.csv")
    assert result.exit_code == 2 and "one table" in result.stderr


def test_docs_writes_the_ontology_page(tmp_path):
    out = tmp_path / "ontology.html"
    result = run("docs", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = run("docs", "-o", out)
    assert again.exit_code == 2 and "output exists" in again.stderr


def test_a_whole_export_equals_the_file_build_wrote(built, tmp_path):
    out = tmp_path / "again.trig"
    assert run("export", built, "-o", out).exit_code == 0
    assert out.read_bytes() == built.read_bytes()


@pytest.mark.parametrize("suffix", [".trig", ".ttl", ".nt", ".nq", ".jsonld"])
def test_every_export_format_validates(built, tmp_path, suffix):
    """What export writes, validate reads: each format, with the reference data it carries."""
    out = tmp_path / f"out{suffix}"
    assert run("export", built, "-o", out).exit_code == 0
    result = run("validate", out)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_built_turtle_file_validates(tmp_path):
    from .conftest import SEED_FULL

    out = tmp_path / "x.ttl"
    assert run("build", SEED_FULL, "-o", out).exit_code == 0
    result = run("validate", out)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_csv_tables_from_the_store_equal_those_from_the_graph(built):
    """The whole graph's tables are read from the query store; they must be the tables the
    rdflib Dataset gives, byte for byte."""
    from peelgraph.export import export_files
    from peelgraph.graphio import load_dataset
    from peelgraph.store import open_store

    from_store = export_files(built, "csv", store=open_store(built))
    from_dataset = export_files(load_dataset(built), "csv")
    assert from_store.keys() == from_dataset.keys()
    for name in from_store:
        assert from_store[name] == from_dataset[name], name


def test_a_selection_from_the_file_equals_one_from_the_dataset(built):
    from peelgraph.export import export_files
    from peelgraph.graphio import load_dataset
    from peelgraph.store import open_store

    for fmt in ("turtle", "jsonld"):
        from_file = export_files(built, fmt, forces=["thames-valley"], store=open_store(built))
        from_dataset = export_files(load_dataset(built), fmt, forces=["thames-valley"])
        assert from_file == from_dataset


def test_a_misspelt_force_names_the_closest(built, tmp_path):
    result = run("export", built, "-o", tmp_path / "x.jsonld", "--force", "thames-valey")
    assert result.exit_code == 2
    assert "did you mean thames-valley?" in result.stderr
    assert not (tmp_path / "x.jsonld").exists()
