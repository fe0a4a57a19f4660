"""Page shapes first met on the real pages of Suffolk and Derbyshire
(tests/data/real/suffolk-*, derbyshire-*.txt), written again for fictional forces: each rule
follows from the page kind (a 2018/19 legitimacy overview's judgment sentences, a local news
article naming the pillar inspection's year, ...), not from one page."""

from __future__ import annotations

import pytest

from .test_pagekinds import _extract, _grades, _refusal

#: A 2018/19 legitimacy overview: the pillar judged in one sentence on the public and the
#: workforce together, then a question judged on the public alone and one on the workforce.
LEGITIMACY_2018 = """Skip to content
{name} PEEL 2018
How legitimately does the force treat the public and its workforce?
Last updated 27/09/2019
{force} is {pillar} at treating the public and its workforce legitimately.
{force} is {public} at treating the public fairly.
{force} is {workforce} at treating the workforce fairly.
Questions for Legitimacy
"""


@pytest.mark.parametrize(
    ("name", "force"), [("Wessex", "Wessex Constabulary"), ("Mercia Fens", "Mercia Fens Police")]
)
def test_the_public_and_its_workforce_together_grade_the_pillar_not_the_public(vocab, name, force):
    text = LEGITIMACY_2018.format(
        name=name, force=force, pillar="good", public="outstanding", workforce="inadequate"
    )
    assert _grades(_extract(text, vocab)) == {
        "2018-LEG": "good",
        "2018-LEG-1": "outstanding",
        "2018-LEG-3": "inadequate",
    }


def test_the_public_alone_grades_its_question_not_the_pillar(vocab):
    text = "\n".join(
        line
        for line in LEGITIMACY_2018.format(
            name="Wessex", force="Wessex Constabulary", pillar="", public="good", workforce="good"
        ).splitlines()
        if "legitimately." not in line
    )
    # "treating the public fairly" and "treating the workforce fairly" each grade their own
    # question: "treating the" names neither alone
    assert _grades(_extract(text, vocab)) == {"2018-LEG-1": "good", "2018-LEG-3": "good"}


#: A local news article on a 2016 pillar report: "the annual PEEL inspection", the cycle
#: named only by the inspector's "our 2016 <pillar> inspection", the grade "rated" (in
#: quotation marks) "in how it <adverb> keeps people safe", the adverb naming the pillar
#: (the 2015-2017 headlines share "keeping people safe and reducing crime").
RATED_2016 = """{force} rated as 'outstanding', new report says
The annual PEEL (police efficiency, effectiveness and legitimacy) inspection, carried out by Her Majesty\u2019s Inspectorate of Constabulary (HMIC), examined the force.
HMIC graded two forces as \u2018outstanding\u2019, 36 forces as good and five as requiring improvement.
{force} was rated \u2018{grade}\u2019 in how it {adverb} keeps people safe and reduces crime.
HM Inspector of Constabulary said: \u201cI am delighted with our 2016 {pillar} inspection of {force}.\u201d
"""  # noqa: E501


@pytest.mark.parametrize(
    ("force", "adverb", "pillar", "code"),
    [
        ("Wessex Constabulary", "legitimately", "legitimacy", "2016-LEG"),
        ("Mercia Fens Police", "efficiently", "efficiency", "2016-EFY"),
    ],
)
def test_a_news_article_names_the_cycle_by_its_pillar_inspection_and_the_pillar_by_its_adverb(
    vocab, force, adverb, pillar, code
):
    text = RATED_2016.format(force=force, grade="outstanding", adverb=adverb, pillar=pillar)
    report = _extract(text, vocab)
    assert report.year == 2016
    assert _grades(report) == {code: "outstanding"}


def test_a_rated_sentence_with_another_adverb_grades_no_pillar(vocab):
    """Only the pillar's own adverb may stand after "how it": "how it quietly keeps people
    safe" is no pillar's grade, and the page, grading nothing, is refused."""
    text = RATED_2016.format(
        force="Wessex Constabulary", grade="good", adverb="quietly", pillar="legitimacy"
    )
    assert _refusal(text, vocab).reason == "news-release"


#: HMICFRS's own 2023-25 release as stored: the report line lost the dash between the years
#: ("PEEL 202325"); counts of grades, no area named with its grade.
RELEASE_2023 = """{force} does some things well, the police inspectorate has said
{force} needs to improve how it responds to the public, the police inspectorate has said.
Get the report
PEEL {years}: An inspection of {force}
His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) graded {force}\u2019s performance across nine areas of policing and found the constabulary was good in three areas, adequate in three areas, requires improvement in two areas and inadequate in one area.
"""  # noqa: E501


@pytest.mark.parametrize("force", ["Wessex Constabulary", "Mercia Fens Police"])
def test_a_report_line_whose_years_ran_together_still_names_the_cycle(vocab, force):
    """Refused for what it lacks (no area named with its grade), not for want of a cycle."""
    refusal = _refusal(RELEASE_2023.format(force=force, years="202325"), vocab)
    assert "no grade" in str(refusal)
    assert "2023" in str(refusal)


def test_years_run_together_that_are_no_cycle_are_no_report_line(vocab):
    refusal = _refusal(RELEASE_2023.format(force="Wessex Constabulary", years="202371"), vocab)
    assert "names no PEEL pillar and year" in str(refusal)


@pytest.mark.parametrize("force", ["Wessex Constabulary", "Mercia Fens Police"])
@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("{force} was rated as \u2018good\u2019 for treating its workforce with fairness.", "good"),
        (
            "{force} was rated as outstanding for treating its workforce with fairness.",
            "outstanding",
        ),
        # "for" only after "rated": "good for" is no judgment of what follows
        ("{force} was good for treating its workforce with fairness.", None),
    ],
)
def test_rated_as_a_grade_for_a_question(vocab, force, sentence, grade):
    from peelgraph.extract.grades import GradeReader

    framework = vocab.framework(2017, "legitimacy")
    reader = GradeReader(vocab.grades, framework.allowed_grades)
    workforce = next(q for q in framework.core() if q.code == "2017-LEG-3")
    found = reader.question(sentence.format(force=force), (force,), workforce)
    assert (found[0] if found else None) == grade
