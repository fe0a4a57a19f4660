"""A hand-written report of a fictional force that the extractor was not written against.

It varies what the seed does not: "the constabulary" instead of "the force", a force that
is not in the packaged reference data (the tests add it: tests/data/fictional-forces.ttl),
every grade, headings in capitals with trailing dots, bullets
'•', a bullet wrapped onto a second line, form feeds for pages, a footnote in mid-paragraph
after a page break, a dash for a missing table value, missing diagnostic sections.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from peelgraph.extract import extract_file

from ..conftest import TEST_DATA

WESSEX = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"


@pytest.fixture(scope="module")
def report(vocab):
    return extract_file(WESSEX, vocab)


def test_force_year_and_pillar_come_from_the_document(report):
    assert (report.force_name, report.force_slug, report.force_known) == (
        "Wessex Constabulary",
        "wessex",
        True,
    )
    assert (report.year, report.pillar) == (2016, "effectiveness")
    assert report.published == "2017-04"
    assert report.isbn == "978-1-78655-999-0"


def test_every_grade(report):
    grades = {j.question: j.grade for j in report.judgments}
    assert grades == {
        "2016-EFF": "requires-improvement",
        "2016-EFF-1": "requires-improvement",
        "2016-EFF-2": "inadequate",
        "2016-EFF-3": "good",
        "2016-EFF-4": "outstanding",
        "2016-EFF-5": "ungraded",
    }


def test_areas_for_improvement(report):
    assert Counter(a.question for a in report.afis) == {"2016-EFF-1": 2, "2016-EFF-2": 3}
    wrapped = report.afis[-1]
    assert wrapped.text == (
        "The constabulary should work with the Crown Prosecution Service and probation service "
        "to improve the management of repeat offenders."
    )
    assert len(wrapped.spans) == 2
    for afi in report.afis:
        for span in afi.spans:
            assert report.text[span.start : span.end] in afi.text


def test_headings_in_capitals_with_trailing_dots_and_curly_quotes(report):
    assert "2016-EFF-1" in report.sections_found
    assert "2016-EFF-1.1" in report.sections_found
    assert "2016-EFF-2.1" in report.sections_found
    assert "2016-EFF-5" in report.sections_found


def test_paragraph_cut_by_a_page_break_and_a_footnote(report):
    finding = next(f for f in report.findings if f.text.startswith("Wessex Constabulary does not"))
    assert finding.text.endswith("has not reviewed it since 2014.")
    assert finding.question == "2016-EFF-1.1"
    assert len(finding.spans) == 2
    assert finding.spans[1].page == finding.spans[0].page + 1


def test_pages_come_from_form_feeds(report):
    pages = [f.spans[0].page for f in report.findings]
    assert pages == sorted(pages)
    assert pages[0] >= 2


def test_figure_with_a_missing_value(report):
    obs = {(o.row_label, o.area): o.value for o in report.observations}
    assert obs[("Recorded crime (excluding fraud)", "wessex")] == Decimal("71.4")
    assert obs[("Criminal damage and arson", "england-and-wales")] == Decimal("9.4")
    assert ("Criminal damage and arson", "wessex") not in obs
    assert {o.unit for o in report.observations} == {"per-1000-population"}
    assert {o.period for o in report.observations} == {"12 months to 31 March 2016"}


def test_partners_by_label_acronym_plural_and_force_lists(report):
    mentioned = {p for f in (*report.findings, *report.afis) for p in f.mentions}
    for expected in (
        "partner/csp", "partner/lrf", "partner/trading-standards", "partner/nca",
        "partner/mash", "partner/marac", "partner/cps", "partner/probation-service",
        "force/devon-and-cornwall", "force/dorset", "force/avon-and-somerset",
        "force/gloucestershire",
    ):  # fmt: skip
        assert expected in mentioned, expected


def test_introduction_list_is_not_taken_for_headings(report):
    assert not any(f.text.startswith("1. How effective") for f in report.findings)
    assert not any("This report sets out" in f.text for f in report.findings)


def test_cause_of_concern_and_its_recommendations(report):
    assert [c.question for c in report.causes_of_concern] == ["2016-EFF-2"]
    assert report.causes_of_concern[0].text.startswith("The supervision of investigations")
    recommendations = report.recommendations
    assert [r.text for r in recommendations] == [
        "ensure that every investigation has a supervisor who reviews its progress; and",
        "tell victims promptly when their case is closed, and why.",
    ]
    assert {(r.concern, r.deadline) for r in recommendations} == {(0, "within three months")}
    # none of it is taken for findings or areas for improvement
    assert not any("supervisor who reviews" in f.text for f in report.findings)
    assert len([a for a in report.afis if a.question == "2016-EFF-2"]) == 3


def test_fictional_report_builds_a_conforming_graph(context):
    from peelgraph.build import build

    result = build([WESSEX], context)
    assert result.validation.conforms, result.validation.as_text()
