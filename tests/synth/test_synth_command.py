"""``peelgraph synth``: a folder of synthetic reports whose build gives back its manifest."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from peelgraph.build import build
from peelgraph.cli import app

runner = CliRunner()


def synth(*args):
    return runner.invoke(app, ["synth", *[str(a) for a in args]])


def test_synth_writes_reports_and_a_manifest_that_the_build_gives_back(tmp_path):
    folder = tmp_path / "corpus"
    result = synth("-o", folder, "--count", 1, "--seed", 3, "--format", "txt", "--format", "pdf")
    assert result.exit_code == 0, result.output
    manifest = json.loads((folder / "synth.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in folder.iterdir() if p.name != "synth.json")
    assert files == sorted(entry["file"] for entry in manifest["files"])
    assert {entry["format"] for entry in manifest["files"]} == {"txt", "pdf"}
    for entry in manifest["files"]:
        built = build([folder / entry["file"]])
        assert built.validation.conforms
        (report,) = built.reports
        assert {j.question: j.grade for j in report.judgments} == entry["judgments"]
        assert [[a.question, a.text] for a in report.afis] == entry["afis"]


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    for name in ("one", "two"):
        assert synth("-o", tmp_path / name, "--count", 3, "--seed", 9).exit_code == 0
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert one == two and len(one) == 4


def test_existing_files_are_kept_unless_overwrite(tmp_path):
    assert synth("-o", tmp_path, "--seed", 1).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    again = synth("-o", tmp_path, "--seed", 1)
    assert again.exit_code == 2
    assert again.stderr.startswith("[ERROR] ") and "already exists" in again.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert synth("-o", tmp_path, "--seed", 1, "--overwrite").exit_code == 0


def test_an_unknown_format_is_a_usage_error(tmp_path):
    result = synth("-o", tmp_path, "--format", "docx")
    assert result.exit_code == 2
    assert "unknown format 'docx'" in result.stderr
    assert not any(tmp_path.iterdir())
