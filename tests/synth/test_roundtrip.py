"""Round trips: facts in, report text out, extracted facts equal the facts in.

Hypothesis draws the facts (any PEEL year's question set, every reference force, "the
force" and "the constabulary", every grade, any number of AFIs, paragraphs and table rows,
missing sections) and the printing style (form feeds or none, bullets, headings in
capitals, leader dots, blank or dashed missing values, wrapped bullets).
"""

from __future__ import annotations

import hashlib
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peelgraph.extract import extract_text
from peelgraph.synth import (
    FULL,
    LANDING,
    SUMMARY,
    Style,
    random_facts,
    render_full_report,
    render_landing_page,
    render_summary,
)
from peelgraph.synth.check import differences

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

styles = st.builds(
    Style,
    bullet=st.sampled_from(["-", "\u2022"]),
    upper_core_headings=st.booleans(),
    leader_dots=st.booleans(),
    missing_value=st.sampled_from(["\u2013", "", "-"]),
    wrap_bullets=st.sampled_from([0, 60, 90]),
    form_feeds=st.booleans(),
)


def extract(text: str, vocab, name: str = "synthetic.txt"):
    return extract_text(text, vocab, path=name, sha256=hashlib.sha256(text.encode()).hexdigest())


@SETTINGS
@given(rng=st.randoms(use_true_random=False), style=styles)
def test_full_report_round_trip(vocab, rng, style):
    facts = random_facts(vocab, rng)
    report = extract(render_full_report(facts, style), vocab)
    assert differences(facts, report, FULL) == []


@SETTINGS
@given(rng=st.randoms(use_true_random=False))
def test_summary_round_trip(vocab, rng):
    facts = random_facts(vocab, rng)
    report = extract(render_summary(facts), vocab)
    assert differences(facts, report, SUMMARY) == []


@pytest.mark.parametrize("seed", [0, 7, 42])
def test_fixed_seeds_round_trip_in_every_framework(vocab, seed):
    from peelgraph.synth import reportable_frameworks

    for framework in reportable_frameworks(vocab):
        facts = random_facts(vocab, random.Random(seed), framework=framework.key)
        assert facts.framework == framework.key
        report = extract(render_full_report(facts, Style(form_feeds=seed % 2 == 0)), vocab)
        assert differences(facts, report, FULL) == []


def test_the_generator_covers_the_variations(vocab):
    """Over a few seeds the facts vary the way the issue asks: not one shape of report."""
    many = [random_facts(vocab, random.Random(seed)) for seed in range(40)]
    grades = {s.grade for f in many for s in f.sections} | {f.overall for f in many}
    assert {"outstanding", "good", "requires-improvement", "inadequate", "ungraded"} <= grades
    assert {f.subject for f in many} == {"force", "constabulary"}
    # every force drawn is a reference force: the extractor refuses a fictional one
    assert {f.force_known for f in many} == {True}
    assert len({f.force_slug for f in many}) >= 20
    assert len({f.framework for f in many}) >= 3
    assert {len(s.afis) for f in many for s in f.sections} >= {0, 1, 2, 3}
    assert len({len(fig.rows) for f in many for fig in f.figures()}) >= 5
    assert any(f.missing_sections for f in many)
    frameworks = {(f.year, f.pillar): vocab.framework(f.year, f.pillar) for f in many}
    assert any(
        len(s.diagnostics) < len(frameworks[f.year, f.pillar].children(s.question)) - 1
        for f in many
        for s in f.sections
    ), "no report leaves out a diagnostic section"


def test_a_report_is_reproducible_from_its_seed(vocab):
    one = render_full_report(random_facts(vocab, random.Random(5)))
    two = render_full_report(random_facts(vocab, random.Random(5)))
    assert one == two


@SETTINGS
@given(rng=st.randoms(use_true_random=False))
def test_landing_page_round_trip(vocab, rng):
    facts = random_facts(vocab, rng)
    report = extract(render_landing_page(facts), vocab)
    assert differences(facts, report, LANDING) == []
