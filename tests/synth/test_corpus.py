"""The corpus generator: forces x cycles, summaries, recurring AFIs and follow-ups."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peelgraph.build import build
from peelgraph.cli import app
from peelgraph.extract import extract_reports
from peelgraph.links import cross_report_links
from peelgraph.reference import read_reference_graph, vocabulary_of
from peelgraph.synth.check import differences
from peelgraph.synth.corpus import FRAMEWORKS_FILE, generate_corpus


def test_small_corpus_builds_and_links_across_cycles(tmp_path):
    result = CliRunner().invoke(app, ["corpus", "-o", str(tmp_path / "c"), "--seed", "3"])
    assert result.exit_code == 0, result.stderr
    files = sorted((tmp_path / "c").glob("*-peel-*"))
    years = {f.name.split("-peel-")[1][:4] for f in files}
    assert years == {"2015", "2016", "2017", "2018"}
    assert any(f.name.endswith("-summary.txt") for f in files)
    built = build([tmp_path / "c"], workers=2)
    assert built.validation.conforms, built.validation.as_text()
    # 3 forces x (effectiveness 2015-2018, efficiency and legitimacy 2017, efficiency
    # 2018/19: the real frameworks with a question-form headline and core questions);
    # summaries merge into their report
    assert len(built.reports) == 21
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
    """One force at full scale: 15 reports (2014-2018 x effectiveness, efficiency and
    legitimacy; the synthetic frameworks stand in for the real ones too partly known to write
    from), built with the synthetic frameworks given as --reference; grade history follows
    their closeMatch links and shows each side's grading scale."""
    corpus, out = tmp_path / "c", tmp_path / "out" / "peel.trig"
    runner = CliRunner()
    made = runner.invoke(app, ["corpus", "-o", str(corpus), "--scale", "full", "--forces", "1"])
    assert made.exit_code == 0, made.stderr
    frameworks = corpus / "synthetic-frameworks.ttl"
    assert f"--reference {frameworks}" in made.stdout
    pillars = {
        f.name.split("-peel-")[1][:-4].removesuffix("-summary").removesuffix("-landing")
        for f in corpus.glob("*-peel-*")
    }
    assert len(pillars) == 15 and "2018-efficiency" in pillars
    assert {"2014-effectiveness", "2016-legitimacy", "2017-efficiency"} <= pillars

    refused = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert refused.exit_code == 2 and "--reference" in refused.stderr
    assert not out.exists()

    built = runner.invoke(
        app, ["build", str(corpus), "-o", str(out), "--reference", str(frameworks)]
    )
    assert built.exit_code == 0, built.stderr
    assert "15 report graph(s)" in built.stdout
    # the file carries the reference data it was built with: it validates without --reference
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.stdout

    history = runner.invoke(
        app, ["query", "run", "select_grade_history", "--data", str(out), "-f", "csv"]
    )
    assert history.exit_code == 0, history.stderr
    rows = [line.split(",") for line in history.stdout.splitlines()[1:]]
    pairs = {(row[2], row[6]) for row in rows}
    # every pair is on the four-tier scale, and says it is comparable
    assert {(row[4], row[8], row[9]) for row in rows} == {("four-tier", "four-tier", "True")}
    assert ("2015-LEG-2", "2016-LEG-2") in pairs  # synthetic legitimacy, linked year to year
    assert ("2014-EFF", "2015-EFF") in pairs  # synthetic 2014 to the real 2015 framework
    assert not any(a.split("-")[1] != b.split("-")[1] for a, b in pairs)  # never across pillars


@pytest.mark.parametrize(("scale", "forces"), [("small", None), ("full", 1)])
def test_every_document_of_a_mixed_corpus_reads_back_as_written(tmp_path, vocab, scale, forces):
    """Full reports as text and PDF, web summaries and PEEL pages, each in a printing style
    of its own: extraction gives back the facts each file was written from."""
    files = generate_corpus(tmp_path, vocab, scale=scale, seed=3, forces=forces)
    assert {f.fmt for f in files} == {"txt", "pdf", "summary", "landing"}
    frameworks = tmp_path / FRAMEWORKS_FILE
    known = vocabulary_of(read_reference_graph([frameworks])) if frameworks.is_file() else vocab
    for f in files:
        [report] = extract_reports(f.path, known)
        assert differences(f.facts, report, f.reads_as) == [], f.path.name
    manifest = json.loads((tmp_path / "synth.json").read_text(encoding="utf-8"))
    assert [e["file"] for e in manifest["files"]] == [f.path.name for f in files]


def test_a_new_corpus_replaces_the_other_formats_of_its_reports(tmp_path, vocab):
    generate_corpus(tmp_path, vocab, seed=3, pdf_share=0)
    assert not list(tmp_path.glob("*.pdf"))
    files = generate_corpus(tmp_path, vocab, seed=3, pdf_share=0.5)
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 10  # half of 21 reports, spread evenly
    for pdf in pdfs:  # the text of the same report, from the first corpus, is gone
        assert not pdf.with_suffix(".txt").exists()
    assert sorted(p.name for p in tmp_path.glob("*-peel-*")) == sorted(f.path.name for f in files)
    assert len(build([tmp_path], workers=1).reports) == 21


def test_a_corpus_without_a_pdf_writer_says_so_and_writes_nothing(tmp_path, monkeypatch):
    from peelgraph.errors import PeelgraphError
    from peelgraph.synth import corpus

    def no_fpdf2() -> None:
        raise PeelgraphError("writing PDF needs fpdf2", hint="pip install 'peelgraph[synth]'")

    monkeypatch.setattr(corpus, "check_pdf_writer", no_fpdf2)
    out = tmp_path / "c"
    result = CliRunner().invoke(app, ["corpus", "-o", str(out), "--scale", "full", "--forces", "1"])
    assert result.exit_code == 2
    assert "writing PDF needs fpdf2" in result.stderr and "--pdf-share 0" in result.stderr
    assert not out.exists() or not any(out.iterdir())
    text_only = CliRunner().invoke(app, ["corpus", "-o", str(out), "--pdf-share", "0"])
    assert text_only.exit_code == 0, text_only.stderr
    assert not list(out.glob("*.pdf")) and list(out.glob("*.txt"))
