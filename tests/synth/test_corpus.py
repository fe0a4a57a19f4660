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


def test_full_scale_corpus_has_every_pillar_through_synthetic_frameworks(tmp_path):
    """One force at full scale: 14 reports (2014-2018 x effectiveness, efficiency and
    legitimacy, but the real, partial 2018 efficiency framework), built with the synthetic
    frameworks given as --reference; grade history follows their closeMatch links."""
    corpus, out = tmp_path / "c", tmp_path / "out" / "peel.trig"
    runner = CliRunner()
    made = runner.invoke(app, ["corpus", "-o", str(corpus), "--scale", "full", "--forces", "1"])
    assert made.exit_code == 0, made.stderr
    frameworks = corpus / "synthetic-frameworks.ttl"
    assert f"--reference {frameworks}" in made.stdout
    pillars = {
        f.name.split("-peel-")[1][:-4].removesuffix("-summary") for f in corpus.glob("*.txt")
    }
    assert len(pillars) == 14 and "2018-efficiency" not in pillars
    assert {"2014-effectiveness", "2016-legitimacy", "2017-efficiency"} <= pillars

    refused = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert refused.exit_code == 2 and "--reference" in refused.stderr
    assert not out.exists()

    built = runner.invoke(
        app, ["build", str(corpus), "-o", str(out), "--reference", str(frameworks)]
    )
    assert built.exit_code == 0, built.stderr
    assert "14 report graph(s)" in built.stdout
    # the file carries the reference data it was built with: it validates without --reference
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.stdout

    history = runner.invoke(
        app, ["query", "run", "select_grade_history", "--data", str(out), "-f", "csv"]
    )
    assert history.exit_code == 0, history.stderr
    pairs = {tuple(line.split(",")[2:6:3]) for line in history.stdout.splitlines()[1:]}
    assert ("2015-LEG-2", "2016-LEG-2") in pairs  # synthetic legitimacy, linked year to year
    assert ("2014-EFF", "2015-EFF") in pairs  # synthetic 2014 to the real 2015 framework
    assert not any(a.split("-")[1] != b.split("-")[1] for a, b in pairs)  # never across pillars
