"""Page shapes first met on the real pages of Gwent, Kent and Dorset (tests/data/real/gwent-*,
kent-*, dorset-*.txt), written again for fictional forces: each rule follows from the page
kind, not from one page."""

from __future__ import annotations

from pathlib import Path

import pytest

from peelgraph.extract import extract_reports

from .test_pagekinds import _extract, _grades, _refusal

FORCES = ["Wessex Constabulary", "Mercia Fens Police"]

RI = "requires-improvement"
RESPONDING = "2021-PEEL-responding-to-the-public"
INVESTIGATING = "2021-PEEL-investigating-crime"
OFFENDERS = "2021-PEEL-managing-offenders-and-suspects"


def _reports(tmp_path: Path, text: str, vocab):  # type: ignore[no-untyped-def]
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return {r.pillar: r for r in extract_reports(page, vocab)}


# -- a page about one force's PEEL assessment that links no report ------------------------------

#: A local news article: the cycle named in its text, the pillar judgments as bullets.
ARTICLE = """Posted: Thu 25th Feb 2016

{force} commended in report

A report published by inspectors today marks the culmination of the inspectorate's police effectiveness, efficiency and legitimacy (PEEL) assessment programme for 2015.

In its final assessment, HMIC concluded that:

  \u2022 The extent to which {force} is effective at keeping people safe and reducing crime is good;
  \u2022 The extent to which {force} is efficient at keeping people safe and reducing crime is requires improvement.
  \u2022 The extent to which {force} is legitimate at keeping people safe and reducing crime is good.
"""  # noqa: E501


@pytest.mark.parametrize("force", FORCES)
def test_an_article_naming_its_cycle_is_read_for_the_grades_it_states(tmp_path, vocab, force):
    reports = _reports(tmp_path, ARTICLE.format(force=force), vocab)
    assert {p: _grades(r) for p, r in reports.items()} == {
        "effectiveness": {"2015-EFF": "good"},
        "efficiency": {"2015-EFY": RI},
        "legitimacy": {"2015-LEG": "good"},
    }
    assert {(r.year, r.force_slug) for r in reports.values()} == {
        (2015, "wessex" if force.startswith("Wessex") else "mercia-fens")
    }
    assert {r.source.document_format for r in reports.values()} == {"news-release"}


def test_an_article_naming_two_forces_is_not_one_forces(vocab):
    text = ARTICLE.format(force="Wessex Constabulary") + (
        "\nMercia Fens Police was also judged to be good.\n"
    )
    _refusal(text, vocab)  # refused, whatever the reason: never read as Wessex's alone


def test_an_article_whose_cycle_is_only_a_fieldwork_year_is_refused_naming_the_cycle(vocab):
    text = ARTICLE.format(force="Wessex Constabulary").replace(
        "(PEEL) assessment programme for 2015", "PEEL report following an inspection in 2015"
    )
    error = _refusal(text, vocab)
    assert error.reason == "no-year"
    assert "names no PEEL cycle" in str(error)


#: An article stating a grade of "an annual assessment" and "this year's PEEL report".
NO_CYCLE = """Wessex Constabulary receives 'outstanding' grading from inspectors

Wessex Constabulary has been graded as 'Outstanding' for legitimacy in an annual assessment by the inspectorate.

Part of this year's PEEL report reassessed the use of stop and search powers. The force carried out 7,965 stop and searches in 2015/16.
"""  # noqa: E501


def test_an_article_stating_grades_of_no_named_cycle_is_refused_saying_so(vocab):
    error = _refusal(NO_CYCLE, vocab)
    assert error.reason == "no-year"
    assert "names no PEEL cycle" in str(error)


def test_an_article_naming_the_cycle_by_its_programme_is_read(tmp_path, vocab):
    text = NO_CYCLE.replace("this year's PEEL report", "the PEEL 2017 legitimacy report").replace(
        "graded as 'Outstanding' for legitimacy",
        "judged to be outstanding in respect of the legitimacy with which it keeps people safe "
        "and reduces crime",
    )
    reports = _reports(tmp_path, text, vocab)
    assert _grades(reports["legitimacy"]) == {"2017-LEG": "outstanding"}


#: A police and crime panel's minutes about one force's 2021/22 report.
MINUTES = """Agenda item

HMICFRS PEEL Inspection 2021/22

1.    The Commissioner presented a report which outlined the outcome of the 2021/22 PEEL Inspection of {force}. A breakdown of the force's performance against each of the areas was given, with 6 of the 9 areas rated outstanding, good or adequate. He shared his dissatisfaction that investigating crime, responding to the public and managing offenders were judged as requiring improvement.
"""  # noqa: E501


@pytest.mark.parametrize("force", FORCES)
def test_a_panels_minutes_naming_the_cycle_are_read_for_the_areas_graded(vocab, force):
    report = _extract(MINUTES.format(force=force), vocab)
    assert (report.year, report.source.document_format) == (2021, "news-release")
    assert _grades(report) == {INVESTIGATING: RI, RESPONDING: RI, OFFENDERS: RI}


def test_areas_counted_but_not_named_are_no_grades(vocab):
    text = MINUTES.format(force="Wessex Constabulary").replace(
        "He shared his dissatisfaction that investigating crime, responding to the public and "
        "managing offenders were judged as requiring improvement.",
        "Three areas were judged as requiring improvement.",
    )
    assert _refusal(text, vocab).reason in {"news-release", "no-question"}


#: A 2021/22 release: the areas "requiring improvement include" a list of "how it ..." areas.
RELEASE = """Wessex Constabulary needs to improve in some areas

Get the report

PEEL 2021/22 \u2013 An inspection of Wessex Constabulary

HMICFRS graded Wessex Constabulary's performance across nine areas of policing and found the force was 'outstanding' in one area, 'good' in four areas, 'adequate' in one area and 'requires improvement' in three areas. HMICFRS said the areas {phrase} include how the force responds to the public, how it investigates crime, and how it manages offenders and suspects.
"""  # noqa: E501


@pytest.mark.parametrize(
    "phrase",
    ["requiring improvement", "that require improvement", "judged as requiring improvement"],
)
def test_a_release_listing_the_areas_requiring_improvement(vocab, phrase):
    report = _extract(RELEASE.format(phrase=phrase), vocab)
    assert _grades(report) == {RESPONDING: RI, INVESTIGATING: RI, OFFENDERS: RI}


def test_a_release_whose_areas_that_need_work_name_no_grade_states_none(vocab):
    text = RELEASE.format(phrase="that need more work")
    assert _refusal(text, vocab).reason == "news-release"


# -- the HMI's observations on a 2018/19 landing page ------------------------------------------

LANDING = """Skip to content

Wessex {title}

This is HMICFRS\u2019s {nth} PEEL (police effectiveness, efficiency and legitimacy) assessment of Wessex Constabulary.

{extent}

Matt Parr, Her Majesty\u2019s Inspector of Constabulary

HMI's observations

The force is good at preventing crime and anti-social behaviour.
"""  # noqa: E501

EXTENT_2018 = (
    "Wessex Constabulary was inspected in tranche two and we found:\n\n"
    "the extent to which the force is effective at reducing crime and keeping people safe is "
    "good."
)
EXTENT_2016 = (
    "The extent to which the force is effective at keeping people safe and reducing crime is good."
)


def test_the_observations_on_a_2018_landing_page_grade_no_question(tmp_path, vocab):
    text = LANDING.format(title="2018/19", nth="fifth", extent=EXTENT_2018)
    reports = _reports(tmp_path, text, vocab)
    assert _grades(reports["effectiveness"]) == {"2018-EFF": "good"}


def test_the_observations_on_a_2016_landing_page_still_grade_a_question(tmp_path, vocab):
    text = LANDING.format(title="2016", nth="third", extent=EXTENT_2016)
    reports = _reports(tmp_path, text, vocab)
    assert _grades(reports["effectiveness"]) == {"2016-EFF": "good", "2016-EFF-1": "good"}


# -- a question section's opening verdict in its own words ---------------------------------------

SUMMARY = """Wessex PEEL 2017
Effectiveness
How effective is the force at keeping people safe and reducing crime?
How effective is the force at investigating crime and reducing re-offending?
{q2}
How effective is the force at protecting those who are vulnerable from harm, and supporting victims?
{q3}
"""  # noqa: E501


@pytest.mark.parametrize(
    ("q3", "expected"),
    [
        ("Wessex Constabulary is good at keeping vulnerable people safe and protecting them "
         "from harm. The force works well with partners.", {"2017-EFF-3": "good"}),
        ("The force requires improvement in keeping vulnerable people safe from harm.",
         {"2017-EFF-3": RI}),
        # a practice, not the question: one of its words only
        ("Wessex Constabulary is good at recording crimes against vulnerable people.", {}),
        # a verdict that turns
        ("Wessex Constabulary is good at keeping vulnerable people safe from harm, but it "
         "needs to improve its response.", {}),
        # hedged
        ("Wessex Constabulary is generally good at protecting vulnerable people from harm.", {}),
    ],
)  # fmt: skip
def test_a_sections_opening_verdict_grades_its_question(vocab, q3, expected):
    text = SUMMARY.format(q2="The force works well with partners.", q3=q3)
    assert _grades(_extract(text, vocab)) == expected


def test_an_opening_practice_is_no_verdict_on_the_question(vocab):
    text = SUMMARY.format(
        q2="Wessex Constabulary is good at conducting initial investigations.",
        q3="The force works well with partners.",
    )
    assert _grades(_extract(text, vocab)) == {}


def test_only_the_opening_paragraph_gives_the_verdict(vocab):
    text = SUMMARY.format(
        q2="The force works well with partners.",
        q3="The force works well with partners.\nWessex Constabulary is good at keeping "
        "vulnerable people safe and protecting them from harm.",
    )
    assert _grades(_extract(text, vocab)) == {}


# -- a third-party listing of a report's areas for improvement ---------------------------------

LISTING = """Source \u00b7 HMICFRS
PEEL Assessment 2023-25: Wessex Constabulary
9 April 2025
PEEL Force Inspection
2 areas for improvement
Areas for improvement
AFI
The force needs to improve how it records crime when antisocial behaviour is reported
The force is failing to record most crimes when victims report antisocial behaviour.
Wessex Constabulary
AFI
The force doesn't consistently achieve appropriate outcomes for victims
"""


def test_a_listing_of_afis_without_their_areas_is_refused_saying_so(vocab):
    error = _refusal(LISTING, vocab)
    assert error.reason == "no-question"
    assert "area of policing" in str(error)


def test_a_report_title_alone_is_still_said_to_hold_no_text(vocab):
    text = LISTING.split("Areas for improvement")[0]
    assert _refusal(text, vocab).reason == "no-content"


# -- rules from the Staffordshire pages ----------------------------------------------------------

#: A copy of a 2021/22 release whose first line is the stored copy's date and the publisher.
RELEASE_COPY = """ date 2022-09-22 HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)
{force} must improve
{force} needs to urgently improve its performance, the police inspectorate has said.
PEEL 2021/22 \u2013 An inspection of {force}
HMICFRS graded {force}'s performance across nine areas of policing and found the force was 'adequate' in one area, 'requires improvement' in five areas, and 'inadequate' in three areas \u2013 responding to the public, investigating crime and managing offenders.
HMICFRS said the areas requiring improvement are recording data about crime; treatment of the public; protecting vulnerable people; developing a positive workplace, and good use of resources.
"""  # noqa: E501


@pytest.mark.parametrize("force", FORCES)
def test_a_dated_release_copy_with_semicolon_lists_of_areas(vocab, force):
    report = _extract(RELEASE_COPY.format(force=force), vocab)
    assert report.source.document_format == "news-release"
    assert _grades(report) == {
        RESPONDING: "inadequate",
        INVESTIGATING: "inadequate",
        OFFENDERS: "inadequate",
        "2021-PEEL-recording-data-about-crime": RI,
        "2021-PEEL-engaging-and-treating-the-public-with-fairness-and-respect": RI,
        "2021-PEEL-protecting-vulnerable-people": RI,
        "2021-PEEL-building-protecting-and-supporting-the-workforce": RI,
        "2021-PEEL-good-use-of-resources": RI,
    }


def test_a_semicolon_list_naming_an_unrecorded_area_warns(vocab):
    text = RELEASE_COPY.format(force="Wessex Constabulary").replace(
        "treatment of the public;", "tackling rural crime;"
    )
    report = _extract(text, vocab)
    assert "2021-PEEL-engaging-and-treating-the-public-with-fairness-and-respect" not in _grades(
        report
    )
    assert any("tackling rural crime" in w for w in report.warnings)


REPORT_NO_HEADING = """Overall summary
Our inspection assessed how good Wessex Constabulary is in 11 areas of policing. We make graded judgments in 10 of these 11 as follows:
We also inspected how effective a service Wessex Constabulary gives to victims of crime.
Important changes to PEEL
In 2014, we introduced our police effectiveness, efficiency and legitimacy (PEEL) inspections, which assess the performance of all 43 police forces in England and Wales. We now assess forces against the characteristics of good performance, set out in the PEEL Assessment Framework 2021/22.
"""  # noqa: E501


def test_a_2021_report_without_its_judgments_heading_is_a_report_not_a_national_page(vocab):
    error = _refusal(REPORT_NO_HEADING, vocab)
    assert error.reason == "no-grade"  # the grade table lost: said so, not "national page"
    assert "Wessex Constabulary" in str(error)


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("It has a sound understanding of demand, and its use of resources to manage demand "
         "is good.", "good"),
        ("Its use of resources to manage demand is assessed to be good.", "good"),
        ("It understands demand well, but its use of resources to manage demand is judged to "
         "require improvement.", "requires-improvement"),
        ("Its use of resources to manage demand is found to require improvement.",
         "requires-improvement"),
        ("Its use of resources to manage demand does not require improvement.", None),
        ("Its use of resources to manage demand is good at times, but not always.", None),
        ("Its use of resources to manage demand is generally good.", None),
    ],
)  # fmt: skip
def test_its_use_of_resources_is_good_grades_the_question(tmp_path, vocab, sentence, grade):
    text = (
        "Skip to content\n\nMercia Fens 2017\n\nThis is HMICFRS\u2019 fourth PEEL (police "
        "effectiveness, efficiency and legitimacy) assessment of Mercia Fens Police.\n\n"
        "The extent to which the force is efficient at keeping people safe and reducing crime "
        f"is good.\n\nMatt Parr, Her Majesty\u2019s Inspector of Constabulary\n\nHMI's "
        f"observations\n\n{sentence}\n"
    )
    grades = _grades(_reports(tmp_path, text, vocab)["efficiency"])
    assert grades.get("2017-EFY-2") == grade


OVERVIEW_2018 = """Skip to content

Mercia Fens PEEL 2018


How effectively does the force reduce crime and keep people safe?

Last updated 20/01/2020

Mercia Fens Police is good at reducing crime and keeping people safe.

Questions for Effectiveness


How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?


This question was not subject to detailed inspection in 2018/19, and our judgment from the 2017 effectiveness inspection has been carried over. {announce}

  \u2022 The force should routinely evaluate and share effective practice with partners.

During our fieldwork we reviewed the force\u2019s progress on this area for improvement.
"""  # noqa: E501


@pytest.mark.parametrize(
    ("announce", "afis"),
    [
        ("One area for improvement remained from that inspection.", 1),
        ("Two areas for improvement remain:", 1),
        ("We reviewed its progress since then.", 0),  # a bullet announced by nothing
    ],
)
def test_areas_for_improvement_a_carried_over_question_announces(vocab, announce, afis):
    report = _extract(OVERVIEW_2018.format(announce=announce), vocab)
    assert _grades(report)["2018-EFF-1"] == "not-inspected"
    assert [a.question for a in report.afis] == ["2018-EFF-1"] * afis
