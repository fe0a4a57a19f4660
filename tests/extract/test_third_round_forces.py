"""Page shapes first met on the real pages of Lancashire, North Wales and Essex
(tests/data/real/lancashire-*, north-wales-*, essex-*.txt), written again for fictional forces:
each rule follows from the page kind (an overview, a landing page), not from one page."""

from __future__ import annotations

import pytest

from peelgraph.errors import FormatError
from peelgraph.extract import extract_reports

from .test_pagekinds import _extract, _grades, _refusal

RI = "requires-improvement"


def extract_reports_of(text, vocab, tmp_path):  # type: ignore[no-untyped-def]
    """Every report of a page (a landing page gives one per pillar)."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return extract_reports(page, vocab)


#: A 2017 legitimacy overview: one sentence grades the three core questions, the third in a
#: clause whose subject is the sentence's ("but is judged to require improvement in some
#: aspects of how it ...").
LEGITIMACY_2017 = """Skip to content

{name} PEEL 2017


How legitimate is the force at keeping people safe and reducing crime?

Last updated 12/12/2017

{force} is judged to be good at how legitimately it keeps people safe and reduces crime. The force is judged to be good at treating all of the people it serves with fairness and respect and ensuring that its workforce behaves ethically and lawfully but is judged to require improvement in some aspects of how it treats its workforce with fairness and respect.

The force is good at ensuring that its workforce behave ethically and lawfully.

The level of scrutiny on the use of force is good.
"""  # noqa: E501


@pytest.mark.parametrize(
    ("name", "force"), [("Wessex", "Wessex Constabulary"), ("Mercia Fens", "Mercia Fens Police")]
)
def test_a_clause_after_but_grades_a_question_for_the_sentences_subject(vocab, name, force):
    report = _extract(LEGITIMACY_2017.format(name=name, force=force), vocab)
    assert _grades(report) == {
        "2017-LEG": "good",
        "2017-LEG-1": "good",
        "2017-LEG-2": "good",
        "2017-LEG-3": RI,
    }


def test_a_clause_after_but_needs_the_sentences_subject(vocab):
    text = LEGITIMACY_2017.format(name="Wessex", force="Wessex Constabulary").replace(
        "The force is judged to be good at treating", "Officers are judged to be good at treating"
    )
    assert "2017-LEG-3" not in _grades(_extract(text, vocab))


#: A 2017 interim landing page: the efficiency sentence puts the third question's grade
#: before it ("it is judged to require improvement for its planning for future demand").
LANDING_2017 = """Skip to content

Mercia Fens 2017

This is HMICFRS' fourth PEEL (police effectiveness, efficiency and legitimacy) assessment of Mercia Fens Police.

The extent to which the force is efficient at keeping people safe and reducing crime requires improvement.

Jane Doe, Her Majesty's Inspector of Constabulary


How efficient is the force at keeping people safe and reducing crime?

Last updated 09/11/2017
Requires improvement

Mercia Fens Police is judged to require improvement in the efficiency with which it keeps people safe and reduces crime. The force is judged to be good in its understanding of demand; its use of resources to manage demand is judged to require improvement; and it is judged to require improvement for its planning for future demand.
"""  # noqa: E501


def test_a_grade_before_its_question_after_a_semicolon_is_read(vocab):
    report = _extract(LANDING_2017, vocab)
    assert _grades(report) == {
        "2017-EFY": RI,
        "2017-EFY-1": "good",
        "2017-EFY-2": RI,
        "2017-EFY-3": RI,
    }


#: A 2018/19 overview: "in the way it operates" (the headline's "operate" as the sentence
#: writes it), "in how it is planning", "good at A, and at B".
OVERVIEW_2018 = """Skip to content

Wessex PEEL 2018


How efficiently does the force operate and how sustainable are its services to the public?

Last updated 21/01/2020

Wessex Constabulary is outstanding in the way it operates and provides sustainable services.

The constabulary is outstanding in how it is planning for the future.

In 2017, we graded the constabulary as good at meeting current demand and using resources.
"""


def test_the_2018_efficiency_overview_forms_are_read(vocab):
    assert _grades(_extract(OVERVIEW_2018, vocab)) == {
        "2018-EFY": "outstanding",
        "2018-EFY-2": "outstanding",
    }


LEGITIMACY_2018 = """Skip to content

Mercia Fens PEEL 2018


How legitimately does the force treat the public and its workforce?

Last updated 20/01/2020

Mercia Fens Police needs to improve some elements of how it works to ensure that the public is treated fairly. It is good at ensuring the ethical and lawful behaviour of its workforce, and at treating its workforce fairly.
"""  # noqa: E501


def test_two_questions_sharing_one_grade_are_both_read(vocab):
    assert _grades(_extract(LEGITIMACY_2018, vocab)) == {
        "2018-LEG-2": "good",
        "2018-LEG-3": "good",
    }


def test_what_an_earlier_years_inspection_found_is_not_this_years_grade(vocab):
    text = OVERVIEW_2018.replace(
        "The constabulary is outstanding in how it is planning for the future.",
        "Our 2017 inspection found that the constabulary was outstanding in how it is planning"
        " for the future.",
    )
    assert _grades(_extract(text, vocab)) == {"2018-EFY": "outstanding"}


#: A 2014 landing page: the judgments as clauses after "The available evidence indicates
#: that:", one a pillar; the 2014 effectiveness framework has no headline question, so the
#: clause's core-question grades are what it states.
LANDING_2014 = """Skip to content

Wessex 2014

This is the first PEEL Assessment of Wessex Constabulary.

The available evidence indicates that:

in terms of its effectiveness, the force is good at reducing crime and preventing offending. However, it requires improvement in the way it investigates offending;

the efficiency with which the force carries out its responsibilities is good; and

the force is acting to achieve fairness and legitimacy in most of the practices that were examined this year.

John Doe, Her Majesty's Inspector of Constabulary
"""  # noqa: E501


def test_a_2014_landing_pages_clauses_grade_the_core_questions(vocab, tmp_path):
    reports = extract_reports_of(LANDING_2014, vocab, tmp_path)
    assert {r.pillar: _grades(r) for r in reports} == {
        "effectiveness": {"2014-EFF-1": "good", "2014-EFF-2": RI},
    }
    assert any("efficiency" in w for r in reports for w in r.warnings)


def test_a_2014_landing_page_with_no_graded_clause_is_refused_with_its_reason(vocab, tmp_path):
    text = LANDING_2014.replace(
        "the force is good at reducing crime and preventing offending. However, it requires "
        "improvement in the way it investigates offending;",
        "the force is reducing crime.",
    )
    with pytest.raises(FormatError) as caught:
        extract_reports_of(text, vocab, tmp_path)
    assert caught.value.reason == "no-grade"


#: A Police and Crime Commissioner's page listing the inspectorate's reports about its force:
#: it speaks of "police forces" and "all 43 forces" in passing, and names its one force in
#: entry after entry.
COMMISSIONER = """The inspectorate independently assesses police forces and policing activity in the public interest.
All reports relating to Wessex are listed below:
National child protection inspection
The national inspection made three recommendations for chief constables in all 43 forces. The third does not apply to Wessex Constabulary, which was inspected before.
PEEL Police Effectiveness, Efficiency and Legitimacy 2018/19 Report
I am pleased that Wessex Constabulary is considered as good at reduci
"""  # noqa: E501


def test_a_commissioners_page_about_one_force_is_not_refused_as_national(vocab):
    # refused for what it lacks (the report's text), not as a page about all forces
    assert _refusal(COMMISSIONER, vocab).reason not in {"national-page", None}


def test_a_page_headlined_about_forces_is_national_whatever_entry_comes_first(vocab):
    listing = "PEEL: police effectiveness 2018 - force press releases\n\n" + COMMISSIONER
    assert _refusal(listing, vocab).reason == "national-page"


def test_a_page_about_forces_naming_one_force_once_is_national(vocab):
    text = COMMISSIONER.replace("All reports relating to Wessex are listed below:\n", "").replace(
        " The third does not apply to Wessex Constabulary, which was inspected before.", ""
    )
    assert _refusal(text, vocab).reason == "national-page"
