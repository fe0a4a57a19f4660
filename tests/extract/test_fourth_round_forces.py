"""Page shapes first met on the real pages of Norfolk, Leicestershire and Wiltshire
(tests/data/real/norfolk-*, leicestershire-*, wiltshire-*.txt), written again for fictional
forces: each rule follows from the page kind (a release or article about a 2021+ report, an
overview, a landing page's efficiency section), not from one page."""

from __future__ import annotations

from .test_pagekinds import _extract, _grades, _refusal

RI = "requires-improvement"

#: A Police and Crime Commissioner's page about its force's 2021/22 report: the cycle named
#: as "HMICFRS 2021/22 report", other forces named in passing in one sentence, the grades as
#: a grade line over one area a line.
COMMISSIONER_2021 = """Skip to content

Looking for Wessex Police?

HMICFRS 2021/22 report published

The latest Police Effectiveness Efficiency and Legitimacy (PEEL) inspection report for Wessex Constabulary has been published today along with constabularies based in Mercia Fens, Kent and Essex.

The inspection is a national benchmarking exercise to judge how police forces are at keeping people safe and reducing crime.

Wessex received the following gradings:

Outstanding

Good use of resources

Good

Preventing crime and anti-social behaviour

Developing a positive workplace (supporting and protecting the workforce)

Adequate

Investigating crime

Requires improvement

Responding to the public

In response to the report, the commissioner said: "I congratulate Wessex Constabulary."
"""  # noqa: E501


def test_a_grade_line_over_lines_of_areas_grades_each_area(vocab):
    grades = _grades(_extract(COMMISSIONER_2021, vocab))
    assert grades == {
        "2021-PEEL-good-use-of-resources": "outstanding",
        "2021-PEEL-preventing-crime-and-anti-social-behaviour": "good",
        "2021-PEEL-building-protecting-and-supporting-the-workforce": "good",
        "2021-PEEL-investigating-crime": "adequate",
        "2021-PEEL-responding-to-the-public": RI,
    }


def test_a_line_that_is_no_area_ends_the_list_under_a_grade_line(vocab):
    text = COMMISSIONER_2021.replace(
        "Adequate\n\nInvestigating crime",
        "Adequate\n\nOur thanks to the chief constable\n\nInvestigating crime",
    )
    assert "2021-PEEL-investigating-crime" not in _grades(_extract(text, vocab))


def test_a_page_naming_other_forces_beyond_one_sentence_is_not_one_forces(vocab):
    text = COMMISSIONER_2021.replace(
        "The inspection is", "Kent Police and Essex Police were graded too. The inspection is"
    )
    assert _refusal(text, vocab).reason == "national-page"


def test_a_reports_years_name_no_cycle_on_a_page_that_never_names_peel(vocab):
    text = COMMISSIONER_2021.replace("(PEEL) ", "")
    assert _refusal(text, vocab).reason in {"no-year", "news-release"}


#: A local news article about a 2023-25 report: the cycle as "its report spanning 2023 to
#: 2025", grades as "rated ... 'Good' in A, and 'Adequate' at B and C", "D and E, which were
#: all judged to 'Require Improvement'" after lead-in words, and a heading "F - Adequate".
ARTICLE_2023 = """Mercia Fens Police has made improvements since its last inspection.

The latest Police Efficiency, Effectiveness and Legitimacy (PEEL) report has been released for the force.

The inspectorate rated the county force 'Good' in preventing and deterring crime, and 'Adequate' at investigating crime and responding to the public.

But it highlighted that work needs to be done in treating the public fairly and with respect and protecting vulnerable people, which were all judged to 'Require Improvement'.

Here is a breakdown of what inspectors found in its report spanning 2023 to 2025:

Leadership and force management - Adequate

The inspectors found that Mercia Fens Police has a clear plan.
"""  # noqa: E501


def test_a_news_articles_lists_of_areas_in_its_own_words_are_read(vocab):
    report = _extract(ARTICLE_2023, vocab)
    assert report.force_slug == "mercia-fens"
    assert _grades(report) == {
        "2023-PEEL-preventing-crime": "good",
        "2023-PEEL-investigating-crime": "adequate",
        "2023-PEEL-responding-to-the-public": "adequate",
        "2023-PEEL-public-treatment": RI,
        "2023-PEEL-protecting-vulnerable-people": RI,
        "2023-PEEL-leadership-and-force-management": "adequate",
    }


def test_an_article_naming_no_span_of_years_is_refused_for_its_cycle(vocab):
    text = ARTICLE_2023.replace(" in its report spanning 2023 to 2025", "")
    assert _refusal(text, vocab).reason == "no-year"


#: A 2017 efficiency overview: two core questions graded in "how"-clauses, each closed by
#: its grade ("... is judged to be good and how the force plans ... is judged to ...").
EFFICIENCY_2017 = """Skip to content

Wessex PEEL 2017


How efficient is the force at keeping people safe and reducing crime?

Last updated 09/11/2017

Wessex Constabulary is judged to be good in the efficiency with which it keeps people safe and reduces crime. The force continues to have a good understanding of demand; how it uses its resources to manage demand is judged to be good and how the force plans for future demand is judged to require improvement.
"""  # noqa: E501


def test_how_clauses_each_closed_by_a_grade_grade_their_questions(vocab):
    grades = _grades(_extract(EFFICIENCY_2017, vocab))
    assert grades["2017-EFY"] == "good"
    assert grades["2017-EFY-2"] == "good"
    assert grades["2017-EFY-3"] == RI


#: A 2015 efficiency overview: the pillar's grade in a sentence of its own.
EFFICIENCY_2015 = """Skip to content

Mercia Fens PEEL 2015


How efficient is the force at keeping people safe and reducing crime?

Last updated 20/10/2015

In last year's value for money inspection, Mercia Fens Police was judged to be good.

HMIC judges Mercia Fens Police as {grade}. The force uses its resources well.
"""


def test_the_inspectorate_judging_the_force_grades_the_question_it_stands_under(vocab):
    grades = _grades(_extract(EFFICIENCY_2015.format(grade="requires improvement"), vocab))
    assert grades == {"2015-EFY": RI}


def test_last_years_judgment_alone_grades_nothing(vocab):
    text = EFFICIENCY_2015.replace("HMIC judges Mercia Fens Police as {grade}. ", "")
    assert _grades(_extract(text, vocab)) == {}


#: A 2017 legitimacy overview: "It is judged to be good at A and good at B" (the grade word
#: again after "and"), a question's verb in its -ing form ("ensuring its workforce").
LEGITIMACY_2017 = """Skip to content

Wessex PEEL 2017


How legitimate is the force at keeping people safe and reducing crime?

Last updated 12/12/2017

Wessex Constabulary is judged to be good at how legitimately it keeps people safe and reduces crime. The force is judged to be good at treating all of the people it serves with fairness and respect. It is judged to be good at ensuring its workforce behaves ethically and lawfully and {second} at treating its workforce with fairness and respect.
"""  # noqa: E501


def test_the_same_grade_again_after_and_grades_a_second_question(vocab):
    grades = _grades(_extract(LEGITIMACY_2017.format(second="good"), vocab))
    assert grades == {
        "2017-LEG": "good",
        "2017-LEG-1": "good",
        "2017-LEG-2": "good",
        "2017-LEG-3": "good",
    }


def test_another_grade_after_and_is_not_the_first_ones(vocab):
    grades = _grades(_extract(LEGITIMACY_2017.format(second="outstanding"), vocab))
    assert grades.get("2017-LEG-3") != "good"


#: A 2018/19 effectiveness overview: "<Force> is also good at ...".
EFFECTIVENESS_2018 = """Skip to content

Mercia Fens PEEL 2018


How effectively does the force reduce crime and keep people safe?

Last updated 02/05/2019

Mercia Fens Police is good at reducing crime and keeping people safe.

Mercia Fens Police is also {grade} at protecting vulnerable people.
"""


def test_also_between_is_and_the_grade_is_read(vocab):
    grades = _grades(_extract(EFFECTIVENESS_2018.format(grade="good"), vocab))
    assert grades == {"2018-EFF": "good", "2018-EFF-3": "good"}


def test_a_hedge_after_also_is_still_a_hedge(vocab):
    text = EFFECTIVENESS_2018.format(grade="generally good")
    assert "2018-EFF-3" not in _grades(_extract(text, vocab))
