"""Page shapes first met on the real pages of Suffolk and Derbyshire
(tests/data/real/suffolk-*, derbyshire-*.txt), written again for fictional forces: each rule
follows from the page kind (a 2018/19 legitimacy overview's judgment sentences, a local news
article naming the pillar inspection's year, ...), not from one page."""

from __future__ import annotations

import pytest

from .test_pagekinds import _extract, _grades

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
