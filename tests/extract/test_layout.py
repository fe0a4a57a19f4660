"""Layout rules that the synthetic round trips showed were needed."""

from __future__ import annotations

import pytest

from peelgraph.extract.layout import Block, looks_like_heading


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
