"""PEEL 2021/22 areas of policing as the packaged reference data records them (by the names
public pages give them, no PAF number): a fictional force's press release and report that
grade them are read with the packaged framework alone, no --reference."""

from __future__ import annotations

import pytest

from .test_pagekinds import NEWS_2021, _extract, _grades

RESPOND = "2021-PEEL-responding-to-the-public"
INVESTIGATE = "2021-PEEL-investigating-crime"


@pytest.mark.parametrize(
    ("listed", "grades"),
    [
        (  # the Greater Manchester 2021/22 release's form: "how the force ... and how it ..."
            "The areas graded as \u2018inadequate\u2019 included how the force investigates "
            "crime and how it responds to the public.",
            {INVESTIGATE: "inadequate", RESPOND: "inadequate"},
        ),
        (  # the Lancashire 2021/22 release's form, another area after the dash
            "It found the constabulary was \u2018good\u2019 in six areas, \u2018adequate\u2019 "
            "in one area and \u2018requires improvement\u2019 in one area \u2013 protecting "
            "vulnerable people.",
            {"2021-PEEL-protecting-vulnerable-people": "requires-improvement"},
        ),
        (  # two areas whose names have "and" and commas in them
            "HMICFRS said the \u2018good\u2019 areas included managing offenders and suspects, "
            "and building, protecting and supporting the workforce.",
            {
                "2021-PEEL-managing-offenders-and-suspects": "good",
                "2021-PEEL-building-protecting-and-supporting-the-workforce": "good",
            },
        ),
        (  # the Lancashire PCC's phrasing of the workforce area, an alternative label
            "The \u2018adequate\u2019 areas were preventing crime and anti-social behaviour, "
            "and building and supporting the workforce.",
            {
                "2021-PEEL-preventing-crime-and-anti-social-behaviour": "adequate",
                "2021-PEEL-building-protecting-and-supporting-the-workforce": "adequate",
            },
        ),
    ],
)
def test_a_release_grading_recorded_areas_is_read_with_the_packaged_framework(
    vocab, listed, grades
):
    report = _extract(NEWS_2021.format(listed=listed), vocab)
    assert (report.force_slug, report.year, report.pillar) == ("wessex", 2021, "peel")
    assert _grades(report) == grades


def test_how_the_force_labels_do_not_match_each_other(vocab):
    """'how the force responds ...' is not 'how the force investigates ...': the leading
    'how the force' of an area's label says nothing of the area."""
    text = NEWS_2021.format(
        listed="HMICFRS said the \u2018requires improvement\u2019 areas included how the force "
        "responds to the public and use of resources."
    )
    assert _grades(_extract(text, vocab)) == {
        RESPOND: "requires-improvement",
        "2021-PEEL-good-use-of-resources": "requires-improvement",
    }


REPORT = """Overall summary
Our judgments
Our inspection assessed how good Wessex Constabulary is in ten areas of policing.
PEEL 2021/22 \u2013 An inspection of Wessex Constabulary
Responding to the public
Requires improvement
Wessex Constabulary does not always answer emergency calls on time.
Areas for improvement
1. The force should make sure it answers emergency calls within the national standard.
Investigating crime
Wessex Constabulary is adequate at investigating crime.
Supervisors review most investigations.
Building, protecting and supporting the workforce
Good
Cause of concern
The force does not know how many of its officers are on restricted duties.
Recommendations
\u2022 Within three months, the force should record every restricted duty.
"""


def test_a_report_whose_sections_are_recorded_areas(vocab):
    report = _extract(REPORT, vocab)
    assert report.source.document_format == "report-2021"
    assert (report.force_slug, report.year, report.pillar) == ("wessex", 2021, "peel")
    assert _grades(report) == {
        RESPOND: "requires-improvement",
        INVESTIGATE: "adequate",
        "2021-PEEL-building-protecting-and-supporting-the-workforce": "good",
    }
    assert [(a.question, a.text) for a in report.afis] == [
        (RESPOND, "The force should make sure it answers emergency calls within the national "
         "standard."),
    ]  # fmt: skip
    concern = report.causes_of_concern[0]
    assert concern.question == "2021-PEEL-building-protecting-and-supporting-the-workforce"
    assert report.recommendations[0].concern == 0


def test_a_recorded_area_has_no_question_number_and_says_it_is_an_area(vocab):
    framework = vocab.framework(2021, "peel")
    areas = [q for q in framework.core() if q.code != "2021-PEEL-1"]
    assert len(areas) >= 9
    assert all(q.number is None and q.graded for q in areas)
    assert {q.label for q in areas} >= {
        "Responding to the public",
        "Investigating crime",
        "Protecting vulnerable people",
        "Good use of resources",
    }
