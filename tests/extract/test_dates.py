"""Impossible dates ("31 February 2016") are never read as dates: no ill-typed xsd:date is
written, and ``--warnings`` names the text (issue 18: the mutation fuzz found them)."""

from __future__ import annotations

import logging

import pytest
from rdflib import XSD, Literal
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.extract import extract_text
from peelgraph.extract.periods import find_period, impossible_dates, iso_date
from peelgraph.iris import PEEL
from peelgraph.rdf import report_graph

from ..conftest import TEST_DATA

WESSEX = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"
FICTIONAL = TEST_DATA / "fictional-forces.ttl"


@pytest.mark.parametrize(
    ("day", "month", "year", "iso"),
    [
        ("30", "June", "2016", "2016-06-30"),
        ("29", "february", "2016", "2016-02-29"),  # a leap year
        ("29", "February", "2015", None),
        ("31", "February", "2016", None),
        ("31", "April", "2017", None),
        ("0", "June", "2016", None),
        ("32", "May", "2016", None),
        ("1", "Juin", "2016", None),
    ],
)
def test_iso_date_refuses_days_the_month_does_not_have(day, month, year, iso):
    assert iso_date(day, month, year) == iso


def test_a_period_ending_on_an_impossible_day_has_no_end_date():
    period = find_period("crimes in the 12 months to 31 February 2016 rose")
    assert period is not None
    assert (period.text, period.end) == ("12 months to 31 February 2016", None)
    assert find_period("the 12 months to 29 February 2016").end == "2016-02-29"


def test_impossible_dates_are_listed_once_as_worded():
    text = "As at 31 February 2016, and 30 February\n2017; 31 February 2016 again; 1 March 2016."
    assert impossible_dates(text) == ["31 February 2016", "30 February 2017"]
    assert impossible_dates("on 28 February 2015 and 31 December 2016") == []


@pytest.fixture(scope="module")
def mutated(vocab):
    text = WESSEX.read_text(encoding="utf-8")
    assert text.count("12 months to 31 March 2016") == 1
    bad = text.replace("12 months to 31 March 2016", "12 months to 31 February 2016")
    return extract_text(bad, vocab, path=str(WESSEX), sha256="0" * 64)


def test_the_mutated_report_keeps_its_observations_without_a_period_end(vocab, mutated):
    original = extract_text(
        WESSEX.read_text(encoding="utf-8"), vocab, path=str(WESSEX), sha256="0" * 64
    )
    ended = [o for o in original.observations if o.period_end == "2016-03-31"]
    assert ended, "the seed states a period end: the test needs one to break"
    assert len(mutated.observations) == len(original.observations)
    assert not any(o.period_end == "2016-03-31" for o in mutated.observations)
    assert all(o.period_end is None or len(o.period_end) == 10 for o in mutated.observations)
    assert "impossible date '31 February 2016' in the text: not read as a date" in (
        mutated.warnings
    )
    assert not any("impossible date" in w for w in original.warnings)


def test_the_mutated_report_maps_to_well_typed_dates_only(context, mutated, caplog):
    framework = context.vocabulary.framework(mutated.year, mutated.pillar)
    with caplog.at_level(logging.WARNING):
        graph = report_graph(mutated, framework)
    ends = list(graph.objects(None, PEEL.periodEnd))
    assert all(isinstance(e, Literal) and e.datatype == XSD.date for e in ends)
    assert all(e.ill_typed is False for e in ends)
    assert not [r for r in caplog.records if "Failed to convert" in r.getMessage()]


def test_build_warnings_name_the_impossible_date(tmp_path):
    text = WESSEX.read_text(encoding="utf-8").replace("31 March 2016", "31 February 2016")
    page = tmp_path / WESSEX.name
    page.write_text(text, encoding="utf-8")
    out = tmp_path / "out.nq"
    done = CliRunner().invoke(
        app,
        ["build", "--reference", str(FICTIONAL), str(page), "-o", str(out), "--warnings",
         "--no-store", "--no-cache"],
    )  # fmt: skip
    assert done.exit_code == 0, done.output + done.stderr
    assert "impossible date '31 February 2016'" in done.stderr
    assert "2016-02-31" not in out.read_text(encoding="utf-8")
