"""The force's PEEL landing page: pillar grades from judgment sentences, cut-short pages."""

from __future__ import annotations

import random

import pytest

from peelgraph.errors import FormatError
from peelgraph.extract import extract_reports, extract_text
from peelgraph.synth import LANDING, random_facts, render_landing_page
from peelgraph.synth.check import differences

PAGE = """Wessex Constabulary PEEL 2016
Effectiveness
The extent to which the constabulary is effective at keeping people safe and reducing crime requires improvement.
Zoë Billingham, HM Inspector of Constabulary
HMI’s observations
Wessex Constabulary works well with the multi-agency safeguarding hub.
It should do more with community safety partnerships.
Efficiency
The extent to which the constabulary is efficient at keeping people safe and reducing crime is good.
Zoë Billingham, HM Inspector of Constabulary
HMI’s observations
The constabulary plans its workforce well.
Legitimacy
"""  # noqa: E501


def _extract(text, vocab, name="wessex-peel-2016.txt"):
    return extract_text(text, vocab, path=name, sha256="0" * 64)


def test_the_pillar_grade_comes_from_the_judgment_sentence(vocab):
    report = _extract(PAGE, vocab)
    assert (report.force_slug, report.year, report.pillar) == ("wessex", 2016, "effectiveness")
    assert [(j.question, j.grade, j.basis) for j in report.judgments] == [
        ("2016-EFF", "requires-improvement", "judgment-sentence")
    ]
    span = report.judgments[0].spans[0]
    assert PAGE[span.start : span.end].startswith("The extent to which the constabulary")
    assert report.source.document_format == "landing-page"


def test_the_observations_are_findings_of_the_headline_question(vocab):
    report = _extract(PAGE, vocab)
    assert [(f.question, f.text) for f in report.findings] == [
        ("2016-EFF", "Wessex Constabulary works well with the multi-agency safeguarding hub."),
        ("2016-EFF", "It should do more with community safety partnerships."),
    ]
    assert "partner/mash" in report.findings[0].mentions


def test_what_is_missing_is_said(vocab):
    warnings = " | ".join(_extract(PAGE, vocab).warnings)
    assert "Legitimacy: the page states no grade (cut short?)" in warnings


def test_the_efficiency_pillar_of_2016_is_recorded_from_its_judgment_sentence(vocab, tmp_path):
    page = tmp_path / "wessex-peel-2016.txt"
    page.write_text(PAGE, encoding="utf-8")
    reports = extract_reports(page, vocab)
    assert {(r.pillar, r.judgments[0].question, r.judgments[0].grade) for r in reports} == {
        ("effectiveness", "2016-EFF", "requires-improvement"),
        ("efficiency", "2016-EFY", "good"),
    }


def test_a_page_cut_mid_sentence(vocab):
    facts = random_facts(vocab, random.Random(4))
    text = render_landing_page(facts, cut_after=0)
    report = _extract(text, vocab)
    assert {j.question: j.grade for j in report.judgments} == {facts.headline: facts.overall}
    assert any("cut short" in w for w in report.warnings)
    assert len(report.findings) == 1
    assert facts.overview[0].text.startswith(report.findings[0].text)


def test_a_page_with_no_recordable_grade_is_refused(vocab):
    # the PEEL 2014 effectiveness and efficiency frameworks word no headline question
    text = PAGE.replace("PEEL 2016", "PEEL 2014")
    with pytest.raises(FormatError, match="no grade that can be recorded") as refused:
        _extract(text, vocab)
    message = refused.value.message
    assert "the PEEL 2014 effectiveness framework has no headline question to grade" in message
    assert "the PEEL 2014 efficiency framework has no headline question to grade" in message


TWO_PILLARS = (
    "Wessex Constabulary\nPEEL 2018/19\n"
    "The extent to which the constabulary is effective at reducing crime and keeping "
    "people safe is good.\n"
    "The extent to which the constabulary is efficient at keeping people safe and "
    "reducing crime is inadequate.\n"
)


def test_every_pillar_with_a_framework_gives_a_report(vocab, tmp_path):
    page = tmp_path / "wessex-peel-2018.txt"
    page.write_text(TWO_PILLARS, encoding="utf-8")
    reports = extract_reports(page, vocab)
    assert {(r.pillar, r.judgments[0].grade) for r in reports} == {
        ("effectiveness", "good"),
        ("efficiency", "inadequate"),
    }


@pytest.mark.parametrize("seed", range(6))
def test_landing_page_round_trip(vocab, seed):
    facts = random_facts(vocab, random.Random(seed))
    # another pillar of the same page, never the report's own
    other = (
        ("efficiency", "efficient")
        if facts.pillar == "legitimacy"
        else ("legitimacy", "legitimate")
    )
    report = _extract(render_landing_page(facts, others=(other + ("good",),)), vocab)
    assert differences(facts, report, LANDING) == []


def test_the_build_keeps_every_pillar_of_a_landing_page(tmp_path, context):
    from peelgraph.build import build

    page = tmp_path / "wessex-peel-2018.txt"
    page.write_text(TWO_PILLARS, encoding="utf-8")
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):  # fresh, cached, from cache
        result = build([page], context, workers=1, cache_dir=cache)
        assert result.validation.conforms, result.validation.as_text()
        assert sorted(r.key for r in result.reports) == [
            "wessex-2018-effectiveness",
            "wessex-2018-efficiency",
        ]
