"""Page shapes first met on the real pages of a force the corpus had not seen (Cumbria, in
tests/data/real/cumbria-*.txt), written again for fictional forces: each rule follows from the
page kind, not from one page."""

from __future__ import annotations

from pathlib import Path

import pytest

from peelgraph.extract import extract_reports

from .test_pagekinds import _extract, _grades, _refusal

FORCES = ["Wessex Constabulary", "Mercia Fens Police"]

#: The interim landing page of 2016: a pillar not yet graded, the others "is: <grade>".
INTERIM_LANDING = """Skip to content

{short} 2016

This is HMIC\u2019s third PEEL (police effectiveness, efficiency and legitimacy) assessment of {force}.

The extent to which the force is effective at keeping people safe and reducing crime: not yet graded.

The extent to which the force is efficient at keeping people safe and reducing crime is: {efy}.

The extent to which the force is legitimate at keeping people safe and reducing crime is: {leg}.

Zoë Billingham, Her Majesty\u2019s Inspector of Constabulary
"""  # noqa: E501


def _reports(tmp_path: Path, text: str, vocab):  # type: ignore[no-untyped-def]
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return {r.pillar: r for r in extract_reports(page, vocab)}


@pytest.mark.parametrize("force", FORCES)
def test_an_interim_landing_page_reads_is_colon_grade(tmp_path, vocab, force):
    short = force.rsplit(" ", 1)[0]
    text = INTERIM_LANDING.format(force=force, short=short, efy="good", leg="requires improvement")
    reports = _reports(tmp_path, text, vocab)
    assert {p: _grades(r) for p, r in reports.items()} == {
        "efficiency": {"2016-EFY": "good"},
        "legitimacy": {"2016-LEG": "requires-improvement"},
    }
    warnings = " | ".join(reports["efficiency"].warnings)
    assert "not yet graded" in warnings
    assert "names no pillar's wording" not in warnings


def test_a_colon_after_is_does_not_make_a_hedge_a_grade(vocab):
    text = INTERIM_LANDING.format(
        force="Wessex Constabulary", short="Wessex", efy="generally good", leg="good"
    )
    reports = {r.pillar: r for r in [_extract(text, vocab)]}
    assert "efficiency" not in reports or _grades(reports["efficiency"]) == {}


OVERVIEW_2018 = """Skip to content

{short} PEEL 2018


How {adverb} does the force {question}

Last updated 02/05/2019

{force} is {grade} in {words}.

The force has a good understanding of its finances.
"""


@pytest.mark.parametrize(
    ("adverb", "question", "words", "code"),
    [
        (
            "efficiently",
            "operate and how sustainable are its services?",
            "the efficient way it operates and provides sustainable services to the public",
            "2018-EFY",
        ),
        (
            "legitimately",
            "treat the public and its workforce?",
            "the way it treats the public and its workforce",
            "2018-LEG",
        ),
    ],
)
@pytest.mark.parametrize("force", FORCES)
def test_a_2018_overview_grades_its_pillar_in_the_words_of_its_headline_labels(
    vocab, force, adverb, question, words, code
):
    text = OVERVIEW_2018.format(
        short=force.rsplit(" ", 1)[0],
        force=force,
        adverb=adverb,
        question=question,
        grade="requires improvement",
        words=words,
    )
    assert _grades(_extract(text, vocab)) == {code: "requires-improvement"}


def test_a_headline_label_graded_only_in_a_finding_is_no_grade(vocab):
    text = OVERVIEW_2018.format(
        short="Wessex",
        force="Wessex Constabulary",
        adverb="legitimately",
        question="treat the public and its workforce?",
        grade="generally good",
        words="the way it treats the public and its workforce",
    )
    assert _grades(_extract(text, vocab)) == {}


CARRIED_OVERVIEW = """Skip to content

Wessex PEEL 2018


How effectively does the force reduce crime and keep people safe?

Last updated 02/05/2019

Wessex Constabulary is good at reducing crime and keeping people safe.

Questions for Effectiveness


How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?


This question was not subject to detailed inspection in 2018/19, and our judgment from the 2016 effectiveness inspection has been carried over.


How effective is the force at investigating crime and reducing re-offending?


The force is better at investigating crime than it was.
"""  # noqa: E501


def test_an_overview_question_not_inspected_this_year_carries_the_earlier_judgment(vocab):
    report = _extract(CARRIED_OVERVIEW, vocab)
    assert _grades(report) == {"2018-EFF": "good", "2018-EFF-1": "not-inspected"}
    carried = next(j for j in report.judgments if j.question == "2018-EFF-1")
    assert (carried.basis, carried.carried_from) == ("carried-over", 2016)


QUESTION_VIEW = """Mercia Fens PEEL 2018
How effectively does the force reduce crime and keep people safe?
How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?
This question was not subject to detailed inspection in 2018/19, and our judgment from the 2017 effectiveness inspection has been carried over.
How effective is the force at protecting those who are vulnerable from harm, and supporting victims?
The force has improved the way it gets information about vulnerable people.
Mercia Fens Police requires improvement at protecting vulnerable people.
"""  # noqa: E501


def test_a_question_view_with_the_headline_question_for_its_pillar_line(vocab):
    report = _extract(QUESTION_VIEW, vocab)
    assert report.source.document_format == "summary"
    assert (report.force_slug, report.year, report.pillar) == ("mercia-fens", 2018, "effectiveness")
    assert _grades(report) == {"2018-EFF-1": "not-inspected", "2018-EFF-3": "requires-improvement"}


def test_a_titled_page_whose_next_line_is_another_question_is_still_refused(vocab):
    text = QUESTION_VIEW.replace(
        "How effectively does the force reduce crime and keep people safe?",
        "How well does the force deal with the weather?",
    )
    assert _refusal(text, vocab).reason == "unknown-format"


#: A news site's copy of a 2018/19 force release: no "Get the report", no report line.
RELEASE_COPY = """{force} News

Inspectors pleased with {force}\u2019s performance in keeping people safe and reducing crime

HM Inspectorate of Constabulary and Fire & Rescue Services has today published a report into the performance of {force}.

The national PEEL report brings together and grades common themes across all 43 police forces in England and Wales.

In 2018/19, HMICFRS adopted an integrated PEEL assessment (IPA) approach to our existing PEEL inspections.

Inspectors judged that {force}:

  \u2022 is \u2018good\u2019 at effectively reducing crime and keeping people safe;
  \u2022 \u2018requires improvement\u2019 at operating efficiently and providing sustainable services to the public; and
  \u2022 is \u2018good\u2019 in the way it treats the public and its workforce.

HM Inspector of Constabulary Matt Parr said: \u201cThe force is outstanding at preventing crime. It is good at protecting vulnerable people.

\u201cIt treats its workforce well.\u201d
"""  # noqa: E501


@pytest.mark.parametrize("force", FORCES)
def test_a_copy_of_a_2018_release_is_read_as_the_release(tmp_path, vocab, force):
    reports = _reports(tmp_path, RELEASE_COPY.format(force=force), vocab)
    assert {p: _grades(r) for p, r in reports.items()} == {
        "effectiveness": {"2018-EFF": "good"},
        "efficiency": {"2018-EFY": "requires-improvement"},
        "legitimacy": {"2018-LEG": "good"},
    }
    assert {r.source.document_format for r in reports.values()} == {"news-release"}
    assert {r.year for r in reports.values()} == {2018}


def test_a_release_copy_naming_no_cycle_is_not_read_as_one(vocab):
    text = RELEASE_COPY.format(force="Wessex Constabulary").replace(
        "In 2018/19, HMICFRS adopted an integrated PEEL assessment (IPA) approach", "It said"
    )
    assert _refusal(text, vocab).reason == "no-year"  # no cycle to file its grades under


ARTICLE = """ date 2024-07-23 Wessex Police has been praised in the constabulary's latest inspection.

The Police Effectiveness, Efficiency and Legitimacy (PEEL) inspection rates each category outstanding, good, adequate, requires improvement, and inadequate.

Wessex Constabulary received 'outstanding' in building, supporting and protecting the workforce and 'good' ratings for responding to the public.
"""  # noqa: E501


def test_a_news_article_whose_only_year_is_its_date_names_no_cycle(vocab):
    error = _refusal(ARTICLE, vocab)
    assert error.reason == "no-year"
    assert "date" in str(error)


def test_a_page_naming_a_cycle_besides_its_date_is_not_said_to_name_none(vocab):
    text = ARTICLE.replace("latest inspection", "PEEL 2023\u201325 inspection")
    assert _refusal(text, vocab).reason != "no-year"


#: A 2017 landing page that goes on with each pillar's section, the first "To be graded".
LANDING_SECTIONS = """Skip to content

Mercia Fens 2017

This is HMICFRS\u2019 fourth PEEL (police effectiveness, efficiency and legitimacy) assessment of Mercia Fens Police.

The extent to which the force is effective at keeping people safe and reducing crime is not yet graded.

The extent to which the force is efficient at keeping people safe and reducing crime is good.

Matt Parr, Her Majesty\u2019s Inspector of Constabulary


How effective is the force at keeping people safe and reducing crime?

To be graded


How efficient is the force at keeping people safe and reducing crime?

Last updated 09/11/2017

The force is judged to be {q1} in its understanding of demand; its use of resources to manage demand is {q2}.


How legitimate is the force at keeping people safe and reducing crime?

Last updated 09/11/2017

The force is good at treating the public fairly; it is outstanding in its understanding of demand.
"""  # noqa: E501


def test_a_landing_page_reads_each_pillars_section_wherever_it_is(tmp_path, vocab):
    text = LANDING_SECTIONS.format(q1="outstanding", q2="assessed to be requires improvement")
    reports = _reports(tmp_path, text, vocab)
    assert _grades(reports["efficiency"]) == {
        "2017-EFY": "good",
        "2017-EFY-1": "outstanding",
        "2017-EFY-2": "requires-improvement",
    }
    assert set(reports) == {"efficiency"}  # effectiveness not yet graded, legitimacy not at all


def test_a_possessive_without_a_judging_verb_is_no_grade(tmp_path, vocab):
    text = LANDING_SECTIONS.format(q1="generally good", q2="good value")
    reports = _reports(tmp_path, text, vocab)
    assert _grades(reports["efficiency"]) == {"2017-EFY": "good"}


OVERVIEW_2014 = """Skip to content

Wessex PEEL 2014


How well the force delivers value for money

Last updated 12/11/2014


Wessex Constabulary is achieving the savings required today while planning for the future.

Questions for Efficiency


To what extent is the force efficient?


The force has assessed the demand it faces in detail.
"""


def test_a_2014_overview_takes_its_pillar_from_its_questions_for_line(vocab):
    report = _extract(OVERVIEW_2014, vocab)
    assert (report.force_slug, report.year, report.pillar) == ("wessex", 2014, "efficiency")
    assert _grades(report) == {}
    assert [(f.question, f.text) for f in report.findings] == [
        ("2014-EFY-1", "The force has assessed the demand it faces in detail.")
    ]


def test_an_overview_naming_its_pillar_nowhere_is_refused_saying_so(vocab):
    text = OVERVIEW_2014.replace("Questions for Efficiency", "Questions")
    assert _refusal(text, vocab).reason == "no-pillar"


OVERVIEW_2014_GRADED = """Skip to content

Mercia Fens PEEL 2014


How well the force tackles crime

Last updated 12/11/2014

Mercia Fens Police is requires improvement at reducing crime and preventing offending. The force is outstanding at investigating offending. It is generally good at tackling anti-social behaviour.

The domestic abuse inspection found that the police provided a good service to victims.

Questions for Effectiveness


How effective is the force at reducing crime and preventing offending?


The force focuses on the needs of the victim.
"""  # noqa: E501


def test_a_2014_overview_opening_grades_its_core_questions(vocab):
    text = OVERVIEW_2014_GRADED.replace("is requires improvement", "requires improvement")
    report = _extract(text, vocab)
    assert (report.year, report.pillar) == (2014, "effectiveness")
    # question 3 is hedged ("generally good"), the domestic abuse finding grades nothing
    assert _grades(report) == {
        "2014-EFF-1": "requires-improvement",
        "2014-EFF-2": "outstanding",
    }


@pytest.mark.parametrize(
    ("verb", "graded"), [("remains outstanding", True), ("remains largely outstanding", False)]
)
def test_a_grade_that_remains_is_the_pillars(vocab, verb, graded):
    text = OVERVIEW_2018.format(
        short="Wessex",
        force="Overall, Wessex Constabulary",
        adverb="effectively",
        question="reduce crime and keep people safe?",
        grade=verb.replace("remains ", ""),
        words="its effectiveness at reducing crime and keeping people safe",
    ).replace(" is ", " remains ", 1)
    expected = {"2018-EFF": "outstanding"} if graded else {}
    assert _grades(_extract(text, vocab)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "{force} is judged to be outstanding in the efficiency with which it keeps people safe "
        "and reduces crime.",
        "{force} has been assessed as outstanding in respect of the efficiency with which it "
        "keeps people safe and reduces crime.",
    ],
)
def test_a_2017_efficiency_overview_grades_its_pillar_judged_to_be(vocab, sentence):
    text = (
        "Skip to content\n\nWessex PEEL 2017\n\n\nHow efficient is the force at keeping people "
        "safe and reducing crime?\n\nLast updated 09/11/2017\n\n"
        + sentence.format(force="Wessex Constabulary")
        + "\n\nIt has outstanding governance processes in place.\n"
    )
    assert _grades(_extract(text, vocab)) == {"2017-EFY": "outstanding"}


RELEASE_2021_COPY = """HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)
Printable version

Mercia Fens Police congratulated for good performance

Get the report

PEEL 2021/22 \u2013 An inspection of Mercia Fens Police

HMICFRS graded Mercia Fens Police\u2019s performance across 10 areas of policing and found the force was \u2018outstanding\u2019 in two areas.

HMICFRS said the \u2018outstanding\u2019 areas included how the force disrupts organised crime and how it achieves value for money.
"""  # noqa: E501


def test_a_copy_of_a_release_with_its_sites_lines_above_the_headline(vocab):
    report = _extract(RELEASE_2021_COPY, vocab)
    assert (report.source.document_format, report.force_slug) == ("news-release", "mercia-fens")
    assert _grades(report) == {
        "2021-PEEL-disrupting-organised-crime": "outstanding",
        "2021-PEEL-strategic-planning-organisational-management-and-value-for-money": "outstanding",
    }
    # a listed area the reference data does not record is said, not dropped silently
    text = RELEASE_2021_COPY.replace("disrupts organised crime", "tames dragons")
    unknown = _extract(text, vocab)
    assert set(_grades(unknown)) == {
        "2021-PEEL-strategic-planning-organisational-management-and-value-for-money"
    }
    assert any("tames dragons" in w for w in unknown.warnings)


def test_a_release_whose_headline_names_no_force_is_not_one_forces(vocab):
    text = RELEASE_2021_COPY.replace(
        "Mercia Fens Police congratulated for good performance", "Forces congratulated"
    )
    assert _refusal(text, vocab).reason in {"national-page", "news-release"}


def test_a_2023_release_grading_prevention_and_deterrence(vocab):
    text = (
        "Wessex Constabulary does some things well\nGet the report\n"
        "PEEL 2023-25: An inspection of Wessex Constabulary\n"
        "HMICFRS said the constabulary is good at preventing and deterring crime, using a range "
        "of prevention initiatives.\n"
    )
    assert _grades(_extract(text, vocab)) == {"2023-PEEL-preventing-crime": "good"}


def test_a_site_banner_naming_another_cycle_is_not_the_pages_title(vocab, tmp_path):
    text = INTERIM_LANDING.format(
        force="Wessex Constabulary", short="Wessex", efy="good", leg="good"
    ).replace(
        "Skip to content\n",
        "Skip to content\n\nHMIC is consulting on its proposed inspection programme for 2017/18\n",
    )
    reports = _reports(tmp_path, text, vocab)
    assert {r.year for r in reports.values()} == {2016}
    assert {r.force_slug for r in reports.values()} == {"wessex"}


@pytest.mark.parametrize(("ending", "grade"), [("good.", "good"), ("generally good.", None)])
def test_an_extent_sentence_published_without_its_is(vocab, tmp_path, ending, grade):
    text = INTERIM_LANDING.format(
        force="Mercia Fens Police", short="Mercia Fens", efy="good", leg="good"
    ).replace(": not yet graded.", " " + ending)
    reports = _reports(tmp_path, text, vocab)
    got = _grades(reports["effectiveness"]) if "effectiveness" in reports else {}
    assert got == ({"2016-EFF": grade} if grade else {})


def test_a_release_copy_without_get_the_report_is_read_by_its_report_line(vocab):
    site = "HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)\n"
    text = RELEASE_2021_COPY.replace("Get the report\n\n", "").replace(
        site + "Printable version\n\n", ""
    )
    report = _extract(text, vocab)
    assert report.source.document_format == "news-release"
    assert report.year == 2021
