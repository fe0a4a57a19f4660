"""The corpus generator: forces x cycles, summaries, recurring AFIs and follow-ups."""

from __future__ import annotations

from typer.testing import CliRunner

from peelgraph.build import build
from peelgraph.cli import app
from peelgraph.links import cross_report_links


def test_small_corpus_builds_and_links_across_cycles(tmp_path):
    result = CliRunner().invoke(app, ["corpus", "-o", str(tmp_path / "c"), "--seed", "3"])
    assert result.exit_code == 0, result.stderr
    files = sorted((tmp_path / "c").glob("*.txt"))
    years = {f.name.split("-peel-")[1][:4] for f in files}
    assert years == {"2015", "2016", "2017", "2018"}
    assert any(f.name.endswith("-summary.txt") for f in files)
    built = build([tmp_path / "c"], workers=2)
    assert built.validation.conforms, built.validation.as_text()
    assert len(built.reports) == 12  # 3 forces x 4 cycles; summaries merge into their report
    links = cross_report_links(built.reports)
    assert {link.later_kind for link in links} == {"afi", "follow-up"}
    for link in links:
        assert link.earlier_report.split("-")[0] == link.later_report.split("-")[0]


def test_same_seed_same_corpus(tmp_path):
    runner = CliRunner()
    for name in ("a", "b"):
        assert runner.invoke(app, ["corpus", "-o", str(tmp_path / name)]).exit_code == 0
    a = {f.name: f.read_bytes() for f in (tmp_path / "a").iterdir()}
    b = {f.name: f.read_bytes() for f in (tmp_path / "b").iterdir()}
    assert a == b


def test_corpus_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(app, ["corpus", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "folder is not empty" in result.stderr
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"
