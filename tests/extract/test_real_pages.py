"""Every real PEEL page fragment in tests/data/real against what its reader found in it.

The expectations (tests/data/real/expectations.yaml) were written by reading each fragment,
not by running the extractor: a page passes when it is built with the right force and cycle
(or refused with the reason expected), every grade it states outright is read and no other,
and every area for improvement is whole and verbatim (a cut one marked cut).

The pages the extractor does not read right today are listed in KNOWN_FAILURES with the
reason, as strict xfails: a fix that makes one pass turns it into an XPASS failure, and the
line must then go. Run ``peelgraph check tests/data/real --expect
tests/data/real/expectations.yaml --failures`` to see exactly what each page misses.
"""

from __future__ import annotations

import pytest

from peelgraph.scorecard import (
    check_expectations,
    failures,
    load_expectations,
    read_fragments,
    score_page,
)

from ..conftest import TEST_DATA

REAL = TEST_DATA / "real"
EXPECTATIONS = load_expectations(REAL / "expectations.yaml")
FRAGMENTS = {fragment.key: fragment for fragment in read_fragments(REAL)}

#: Pages read wrong today, with why (strict xfail: remove a line when its page passes).
KNOWN_FAILURES: dict[str, str] = {
    "derbyshire-peel-2015.txt#1": "title lost; the cycle is named only as 'second assessment'",
    "derbyshire-legitimacy-2016.txt#1": "its three questions: the 2016 legitimacy framework of"
    " the reference data has no core questions",
}


def _cases() -> list[object]:
    cases = []
    for page in EXPECTATIONS.pages:
        marks = []
        if page.key in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[page.key]))
        cases.append(pytest.param(page, id=page.key, marks=marks))
    return cases


def test_expectations_describe_every_fragment_and_quote_it(vocab):
    """Every fragment has one entry; every sentence and item is quoted from its fragment."""
    assert len(FRAGMENTS) == len(EXPECTATIONS.pages) >= 79
    grades = [g.slug for g in vocab.grades]
    assert check_expectations(EXPECTATIONS, FRAGMENTS.values(), grades) == []


def test_every_fixture_keeps_its_source():
    for fragment in FRAGMENTS.values():
        assert fragment.source.startswith("http"), fragment.key


def test_known_failures_name_real_pages():
    assert set(KNOWN_FAILURES) <= set(FRAGMENTS)


@pytest.mark.parametrize("page", _cases())
def test_real_page(page, vocab):
    score = score_page(FRAGMENTS[page.key], page, vocab)
    assert score.traceback is None, score.traceback
    assert failures(score) == []
