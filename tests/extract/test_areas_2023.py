"""PEEL 2023-25 areas of policing as the packaged reference data records them (by the names
news reports of 2023-25 reports give them, no PAF number): fictional forces' releases and
reports that grade them are read with the packaged framework alone, no --reference, and
never as 2021/22 areas."""

from __future__ import annotations

import pytest

from .test_pagekinds import _extract, _grades, _refusal

NEWS_2023 = """{force} needs to do more to protect vulnerable people

{force} communicates well with the public, the police inspectorate has said.

Get the report

PEEL 2023\u201325: An inspection of {force}

His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue Services graded {force}\u2019s performance across eight areas of policing.

{listed}

\u201cI am satisfied with some aspects of the performance of the force,\u201d said the inspector.
"""  # noqa: E501

INVESTIGATE = "2023-PEEL-investigating-crime"
RESPOND = "2023-PEEL-responding-to-the-public"


@pytest.mark.parametrize(
    ("force", "slug", "listed", "grades"),
    [
        (  # the Thames Valley 2023-25 news report's list, with "showing" before an area
            "Wessex Constabulary",
            "wessex",
            "The \u2018requires improvement\u2019 areas included investigating crime, "
            "responding to the public, managing offenders, and leadership and force "
            "management.",
            {
                INVESTIGATE: "requires-improvement",
                RESPOND: "requires-improvement",
                "2023-PEEL-managing-offenders": "requires-improvement",
                "2023-PEEL-leadership-and-force-management": "requires-improvement",
            },
        ),
        (  # the Essex 2023-25 news report's phrasings: "how it treats the public", "its workforce"
            "Mercia Fens Police",
            "mercia-fens",
            "The \u2018adequate\u2019 areas were how it treats the public, preventing crime "
            "and building, supporting and protecting its workforce.",
            {
                "2023-PEEL-public-treatment": "adequate",
                "2023-PEEL-preventing-crime": "adequate",
                "2023-PEEL-developing-a-positive-workplace": "adequate",
            },
        ),
        (  # one area after a dash
            "Mercia Fens Police",
            "mercia-fens",
            "It found the force was \u2018good\u2019 in one area \u2013 crime data integrity.",
            {"2023-PEEL-crime-data-integrity": "good"},
        ),
    ],
)
def test_a_2023_release_grading_recorded_areas_is_read_with_the_packaged_framework(
    vocab, force, slug, listed, grades
):
    report = _extract(NEWS_2023.format(force=force, listed=listed), vocab)
    assert (report.force_slug, report.year, report.pillar) == (slug, 2023, "peel")
    assert _grades(report) == grades
    assert all(j.question.startswith("2023-PEEL-") for j in report.judgments)


def test_a_2023_release_naming_an_area_no_page_names_is_refused_naming_it(vocab):
    text = NEWS_2023.format(
        force="Wessex Constabulary",
        listed="The \u2018good\u2019 areas included juggling and tightrope walking.",
    )
    error = _refusal(text, vocab)
    assert error.reason == "no-question"
    assert "'juggling'" in error.message and "PEEL 2023" in error.message


def test_a_2021_area_name_not_recorded_for_2023_is_not_read_as_a_2023_area(vocab):
    """'Managing offenders and suspects' names a 2021/22 area; the 2023-25 area is recorded
    as 'managing offenders' only: the longer name is not silently taken for it."""
    text = NEWS_2023.format(
        force="Wessex Constabulary",
        listed="The \u2018good\u2019 areas included strategic planning, organisational "
        "management and value for money.",
    )
    assert _refusal(text, vocab).reason == "no-question"


REPORT = """Overall summary
Our judgments
Our inspection assessed how good Mercia Fens Police is in nine areas of policing.
Forces are assessed against the characteristics of good performance, set out in the PEEL Assessment Framework 2023\u20132025.
Responding to the public
Adequate
Mercia Fens Police answers most emergency calls on time.
Areas for improvement
1. The force should make sure it answers non-emergency calls promptly.
Protecting vulnerable people
Mercia Fens Police is inadequate at protecting vulnerable people.
Cause of concern
The force does not always share information with safeguarding partners promptly.
Recommendations
\u2022 Within three months, the force should review its safeguarding hubs.
Leadership and force management
Good
The force has a clear purpose that it has communicated well.
"""  # noqa: E501


def test_a_2023_report_whose_sections_are_recorded_areas(vocab):
    report = _extract(REPORT, vocab)
    assert report.source.document_format == "report-2021"
    assert (report.force_slug, report.year, report.pillar) == ("mercia-fens", 2023, "peel")
    assert _grades(report) == {
        RESPOND: "adequate",
        "2023-PEEL-protecting-vulnerable-people": "inadequate",
        "2023-PEEL-leadership-and-force-management": "good",
    }
    assert [(a.question, a.text) for a in report.afis] == [
        (RESPOND, "The force should make sure it answers non-emergency calls promptly."),
    ]
    concern = report.causes_of_concern[0]
    assert concern.question == "2023-PEEL-protecting-vulnerable-people"
    assert report.recommendations[0].concern == 0


def test_the_2023_areas_are_graded_unnumbered_and_apart_from_the_2021_ones(vocab):
    areas = [q for q in vocab.framework(2023, "peel").core() if q.code != "2023-PEEL-1"]
    assert len(areas) == 9
    assert all(q.number is None and q.graded for q in areas)
    assert {q.label for q in areas} >= {
        "Investigating crime",
        "Responding to the public",
        "Protecting vulnerable people",
        "Leadership and force management",
    }
    codes_2021 = {q.code for q in vocab.framework(2021, "peel").core()}
    assert not {q.code for q in areas} & codes_2021
