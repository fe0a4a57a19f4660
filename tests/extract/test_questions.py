"""Judgment sentences: the landing page's 'extent to which' form."""

from __future__ import annotations

import pytest

from peelgraph.extract.grades import GradeReader

SUBJECTS = ("Wessex Constabulary", "the force", "the constabulary")
PREDICATES = ("keeping people safe and reducing crime", "reducing crime and keeping people safe")


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        (
            "The extent to which the force is effective at keeping people safe and reducing "
            "crime is good.",
            "good",
        ),
        (
            "The extent to which the constabulary is efficient at keeping people safe and "
            "reducing crime requires improvement.",
            "requires-improvement",
        ),
        (
            "The extent to which the force is effective at reducing crime and keeping people "
            "safe is inadequate",
            "inadequate",
        ),
    ],
)
def test_the_extent_to_which_form_states_the_pillar_grade(vocab, sentence, grade):
    found = GradeReader(vocab.grades).judgment_sentence(sentence, SUBJECTS, PREDICATES)
    assert found is not None
    assert found[0] == grade
    assert found[1] == 0


def test_the_grade_word_must_end_the_sentence(vocab):
    sentence = (
        "The extent to which the force is effective at keeping people safe and reducing crime "
        "is good in parts of the county but not in others."
    )
    assert GradeReader(vocab.grades).judgment_sentence(sentence, SUBJECTS, PREDICATES) is None
