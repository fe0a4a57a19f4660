"""Layout rules that the synthetic round trips showed were needed."""

from __future__ import annotations

import pytest

from peelgraph.extract.layout import Block, is_continuation, looks_like_heading


def _block(text: str) -> Block:
    return Block(0, len(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "The force has limited arrangements for community engagement.",
        "It has good arrangements for its response to missing children.",
        "In Wessex, the response is well co-ordinated.\u00b9",
    ],
)
def test_a_short_one_sentence_paragraph_is_not_a_heading(text):
    assert not looks_like_heading(_block(text))


@pytest.mark.parametrize(
    "text",
    [
        "Working with partners",
        "Overall judgment\u00b2",
        "How effective are the force's specialist capabilities?.....",
        "HOW EFFECTIVE IS THE CONSTABULARY AT TACKLING SERIOUS AND ORGANISED CRIME? .",
        "Annex A \u2013 About the data.....",
    ],
)
def test_headings_with_leader_dots_or_a_detached_stop_are_headings(text):
    assert looks_like_heading(_block(text))


def test_a_lower_case_start_carries_on_a_sentence_cut_after_a_closing_quote():
    before = _block("In one area, a pilot scheme known as \u2018Operation Meridian\u2019")
    assert is_continuation(before, _block("brings together the local authority and officers."))


def test_an_upper_case_start_carries_on_a_long_sentence_left_open():
    before = _block("Information about this is held with HM Revenue and")
    after = _block("Customs. The force should share the learning across the organisation.")
    assert is_continuation(before, after)
    seed = _block(
        "In most cases members of the integrated offender management team and members of the"
    )
    assert is_continuation(seed, _block("IOM team work in the same buildings as probation staff."))


def test_an_upper_case_start_carries_on_after_a_possessive_apostrophe():
    """A page break between "National Police Chiefs'" and "Council": the apostrophe closes
    no sentence (a generated report found it); a quote closing a sentence still does."""
    before = _block("We were reassured to find that the force follows the National Police Chiefs'")
    assert is_continuation(before, _block("Council guidance on the use of these powers."))
    closed = _block("The force told us that its approach was 'working well for the public.'")
    assert not is_continuation(closed, _block("The force has a plan for the next year."))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "The force works well with partners. It shares information effectively.",
            "The force has a plan.",
        ),
        (
            "The force works well with partners and it shares information with the",
            "Working with partners",
        ),
        ("For further information", "The force has a plan for the next year and it is on track."),
        ("The force is committed to this work, and has set out its plans:", "the first is ..."),
    ],
)
def test_no_continuation_after_a_full_stop_before_a_heading_or_after_a_fragment(before, after):
    assert not is_continuation(_block(before), _block(after))
