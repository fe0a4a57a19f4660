"""Round trips of the page kinds of issue 15: overview pages, news releases, landing pages
in every year's title shape, third-party copies with site lines, PEEL 2021+ reports.

Each is generated from facts for many seeds and forces (Hypothesis draws both, and a fixed
grid of forces makes sure the constabularies and "the force" forces are both covered), read
back by the extractor, and compared with the facts: force, year, pillar, framework, grades,
AFIs and findings where the kind carries them. The reader must also see the page as the kind
it was written as (its document format), so that a page read by the wrong reader cannot
pass.
"""

from __future__ import annotations

import hashlib
import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.extract import extract_reports, extract_text
from peelgraph.reference import read_reference_graph, vocabulary_of
from peelgraph.synth import (
    Style,
    random_facts,
    random_facts_2021,
    render_full_report,
    render_landing_web,
    render_news,
    render_overview,
    render_report_2021,
    with_site_lines,
)
from peelgraph.synth.check import differences
from peelgraph.synth.corpus import generate_corpus
from peelgraph.synth.facts import FULL, LANDING, NEWS, OVERVIEW, REPORT_2021
from peelgraph.synth.files import FRAMEWORKS_2021_FILE
from peelgraph.synth.pages import SYNTHETIC_FRAMEWORKS_2021
from tests.conftest import FICTIONAL_FORCES

SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
#: A constabulary, a "Police" force, a name with "and", a Welsh force, the Met.
FORCES = ("avon-and-somerset", "thames-valley", "west-midlands", "north-wales", "metropolitan")

#: kind -> (renderer, facts format, document format the reader must report)
KINDS = {
    "overview": (render_overview, OVERVIEW, "overview"),
    "news": (render_news, NEWS, "news-release"),
    "landing-web": (render_landing_web, LANDING, "landing-page"),
}


@pytest.fixture(scope="module")
def vocab_2021():
    return vocabulary_of(read_reference_graph([FICTIONAL_FORCES, SYNTHETIC_FRAMEWORKS_2021]))


def extract(text: str, vocab, name: str = "synthetic.txt"):
    return extract_text(text, vocab, path=name, sha256=hashlib.sha256(text.encode()).hexdigest())


def check(facts, text, vocab, fmt, document_format):
    report = extract(text, vocab)
    assert report.source.document_format == document_format, text[:400]
    assert differences(facts, report, fmt) == [], text[:2000]
    return report


@pytest.mark.parametrize("kind", sorted(KINDS))
@SETTINGS
@given(rng=st.randoms(use_true_random=False))
def test_page_kind_round_trip(vocab, kind, rng):
    render, fmt, document_format = KINDS[kind]
    facts = random_facts(vocab, rng)
    check(facts, render(facts, rng), vocab, fmt, document_format)


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("force", FORCES)
def test_page_kinds_for_every_kind_of_force_name(vocab, kind, force):
    render, fmt, document_format = KINDS[kind]
    for seed in range(6):
        rng = random.Random(f"{kind}/{force}/{seed}")
        facts = random_facts(vocab, rng, force=force)
        report = check(facts, render(facts, rng), vocab, fmt, document_format)
        assert report.judgments, "a page of every kind states a grade"


@SETTINGS
@given(rng=st.randoms(use_true_random=False), form_feeds=st.booleans())
def test_third_party_copy_reads_as_the_full_report(vocab, rng, form_feeds):
    facts = random_facts(vocab, rng)
    text = with_site_lines(render_full_report(facts, Style(form_feeds=form_feeds)), facts, rng)
    check(facts, text, vocab, FULL, "full-report")


@SETTINGS
@given(rng=st.randoms(use_true_random=False))
def test_report_2021_round_trip(vocab_2021, rng):
    facts = random_facts_2021(vocab_2021, rng)
    assert facts.year in (2021, 2023) and facts.pillar == "peel"
    check(facts, render_report_2021(facts, rng), vocab_2021, REPORT_2021, "report-2021")


@pytest.mark.parametrize("force", FORCES)
@pytest.mark.parametrize("framework", ["synthetic-questions-2021-peel",
                                       "synthetic-questions-2023-peel"])  # fmt: skip
def test_report_2021_for_every_force_and_cycle(vocab_2021, force, framework):
    for seed in range(4):
        rng = random.Random(f"{framework}/{force}/{seed}")
        facts = random_facts_2021(vocab_2021, rng, framework=framework, force=force)
        report = check(facts, render_report_2021(facts, rng), vocab_2021, REPORT_2021,
                       "report-2021")  # fmt: skip
        assert report.framework == framework


def test_report_2021_uses_the_five_tier_scale(vocab_2021):
    grades = set()
    for seed in range(40):
        facts = random_facts_2021(vocab_2021, random.Random(seed))
        grades |= {s.grade for s in facts.sections}
    assert "adequate" in grades and "ungraded" in grades


def test_2021_reports_need_a_framework_with_graded_areas(vocab):
    """The packaged 2021/22 framework records one ungraded area: nothing to write from."""
    from peelgraph.errors import PeelgraphError

    with pytest.raises(PeelgraphError, match="2021"):
        random_facts_2021(vocab, random.Random(0))


def test_the_shapes_vary_with_the_seed(vocab):
    """Title shapes, the date's and the grade line's place, bullets: more than one of each."""
    titles = set()
    places = set()
    for seed in range(40):
        rng = random.Random(seed)
        facts = random_facts(vocab, rng)
        landing = render_landing_web(facts, rng).splitlines()
        title = landing[1] if landing[0] == "Skip to content" else landing[0]
        titles.add(
            "peel" if "PEEL" in title else "name-over-peel" if title == facts.force_name else
            "bare"
        )  # fmt: skip
        overview = render_overview(facts, rng).splitlines()
        updated = next(i for i, line in enumerate(overview) if line.startswith("Last updated"))
        question = overview.index(facts.headline_label)
        places.add(updated < question)
    assert titles == {"peel", "name-over-peel", "bare"}
    assert places == {True, False}


def test_synth_command_writes_the_new_kinds_and_the_build_reads_them(tmp_path):
    out = tmp_path / "s"
    kinds = ["overview", "news", "landing-web", "copy", "report-2021"]
    args = ["synth", "-o", str(out), "--count", "2", "--seed", "5"]
    made = CliRunner().invoke(app, [*args, *(x for k in kinds for x in ("--format", k))])
    assert made.exit_code == 0, made.stderr
    manifest = json.loads((out / "synth.json").read_text(encoding="utf-8"))
    assert {e["format"] for e in manifest["files"]} == set(kinds)
    vocab = vocabulary_of(read_reference_graph([out / FRAMEWORKS_2021_FILE]))
    for entry in manifest["files"]:
        [report] = extract_reports(out / entry["file"], vocab)
        assert (report.force_slug, report.year, report.pillar) == (
            entry["force_slug"], entry["year"], entry["pillar"]
        )  # fmt: skip
        assert {j.question: j.grade for j in report.judgments} == entry["judgments"]
        assert [[a.question, a.text] for a in report.afis] == entry["afis"]


def test_corpus_page_kinds_read_back_as_written(tmp_path, vocab):
    # a seed whose corpus has every kind (seed 3 drew no third-party copy once the 2017
    # efficiency framework gained its third core question: the draws after it moved)
    files = generate_corpus(tmp_path, vocab, seed=4, pdf_share=0, page_kinds=True)
    assert {"overview", "news", "landing-web", "copy", "report-2021"} <= {f.fmt for f in files}
    assert (tmp_path / FRAMEWORKS_2021_FILE).is_file()
    known = vocabulary_of(read_reference_graph([FICTIONAL_FORCES, tmp_path / FRAMEWORKS_2021_FILE]))
    for f in files:
        reports = extract_reports(f.path, known)
        assert differences(f.facts, reports[0], f.reads_as) == [], f.path.name
    # one full report per inspection: a third-party copy replaces the text, never joins it
    stems = [f.path.name.removesuffix("-copy.txt") for f in files if f.fmt == "copy"]
    assert not any((tmp_path / f"{stem}.txt").exists() for stem in stems)
    # and the build merges the copies of each inspection into one report graph
    out = tmp_path.parent / f"{tmp_path.name}.trig"
    references = ["--reference", str(FICTIONAL_FORCES), "--reference",
                  str(tmp_path / FRAMEWORKS_2021_FILE)]  # fmt: skip
    built = CliRunner().invoke(app, ["build", str(tmp_path), "-o", str(out), *references])
    assert built.exit_code == 0, built.stderr
    inspections = {(f.force, f.year, f.pillar) for f in files}
    assert f"{len(inspections)} report graph(s)" in built.stdout


def test_corpus_without_page_kinds_writes_none_of_them(tmp_path, vocab):
    files = generate_corpus(tmp_path, vocab, seed=4, pdf_share=0)
    assert {f.fmt for f in files} <= {"txt", "summary", "landing"}
    assert not (tmp_path / FRAMEWORKS_2021_FILE).exists()
