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

_OVERVIEW = "overview page ('<Force> PEEL <year>', 'Last updated ...') is not a known format"
_LANDING_YEAR = (
    "landing page titled '<Force> <year>' without 'PEEL' is refused as naming no PEEL year"
)
_LANDING_2018 = "landing page titled '<Force> 2018/19' is refused as naming no force"
_NATIONAL = "national page refused as an unknown format, not as a page about all forces"
_NOT_INSPECTED = (
    "'not inspected this year, the earlier grade stands' is not recorded (not-inspected)"
)
_PDF_COPY = "third-party copy of a PDF's title page and contents is refused as an unknown format"
_NO_FORCE = "page that names no force is refused as an unknown format, not for the missing force"
_REPORT_2021 = "2021/22 and 2023-25 report pages are not a known format"
_TRACKER = "third-party recommendations tracker is refused as an unknown format"
_NEWS = "a force's 2021/22 press release (two area grades) is not a known format"

#: Pages read wrong today, with why (strict xfail: remove a line when its page passes).
KNOWN_FAILURES: dict[str, str] = {
    "avon-and-somerset-effectiveness-2016.txt#1": _OVERVIEW,
    "avon-and-somerset-effectiveness-2016.txt#2": _NATIONAL,
    "avon-and-somerset-effectiveness-2017.txt#1": _OVERVIEW,
    "avon-and-somerset-peel-2018-19.txt#1": _NOT_INSPECTED,
    "devon-and-cornwall-effectiveness-2016.txt#1": _OVERVIEW,
    "devon-and-cornwall-peel-2018-19.txt#1": _OVERVIEW,
    "hampshire-effectiveness-2015-vulnerability.txt#1": _PDF_COPY,
    "hampshire-effectiveness-2015.txt#1": _LANDING_YEAR,
    "hampshire-effectiveness-2015.txt#2": _OVERVIEW,
    "hampshire-effectiveness-2016.txt#1": _LANDING_YEAR,
    "hampshire-effectiveness-2016.txt#2": _NO_FORCE,
    "hampshire-effectiveness-2017.txt#1": _PDF_COPY,
    "hampshire-effectiveness-2017.txt#2": _OVERVIEW,
    "hampshire-peel-2018-19.txt#1": _OVERVIEW,
    "lincolnshire-effectiveness-2016.txt#1": _LANDING_YEAR,
    "lincolnshire-peel-2018-19.txt#1": _OVERVIEW,
    "merseyside-effectiveness-2017.txt#1": _NOT_INSPECTED,
    "national-effectiveness-2015.txt#1": _NATIONAL,
    "national-effectiveness-2015.txt#2": _NATIONAL + " (as a landing page naming no year)",
    "national-effectiveness-2016.txt#1": _NATIONAL,
    "national-effectiveness-2016.txt#2": _NATIONAL,
    "national-effectiveness-2017.txt#1": _NATIONAL,
    "national-effectiveness-2017.txt#2": _NATIONAL,
    "south-yorkshire-effectiveness-2016.txt#1": _OVERVIEW,
    "south-yorkshire-peel-2018-19.txt#1": _NOT_INSPECTED,
    "surrey-effectiveness-2017.txt#1": _NOT_INSPECTED,
    "surrey-peel-2018-19.txt#1": _OVERVIEW,
    "sussex-effectiveness-2016.txt#1": _LANDING_YEAR,
    "sussex-effectiveness-2017.txt#1": _OVERVIEW,
    "sussex-peel-2018-19.txt#1": _NO_FORCE,
    "sussex-peel-2018-19.txt#2": _LANDING_2018,
    "thames-valley-effectiveness-2015.txt#1": _OVERVIEW,
    "thames-valley-effectiveness-2017.txt#1": _LANDING_YEAR,
    "thames-valley-effectiveness-2017.txt#2": _OVERVIEW,
    "thames-valley-peel-2018-19.txt#1": _LANDING_2018,
    "thames-valley-peel-2021-22.txt#1": _REPORT_2021,
    "thames-valley-peel-2021-22.txt#2": _NEWS,
    "thames-valley-peel-2023-25.txt#1": _REPORT_2021,
    "west-mercia-effectiveness-2017.txt#1": _PDF_COPY,
    "west-mercia-peel-2018-19.txt#1": _TRACKER,
    "west-midlands-effectiveness-2016.txt#1": _OVERVIEW,
    "west-midlands-effectiveness-2017.txt#1": _PDF_COPY,
    "west-midlands-effectiveness-2017.txt#2": _OVERVIEW,
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
    assert len(FRAGMENTS) == len(EXPECTATIONS.pages) >= 36
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
