"""Quantities in prose: a number with a unit and a time or a comparator is an observation; a
number without a unit, or with neither a time nor a comparator, stays text. The sentences are
made up (not the seed's), so the rules are tried on wording they were not written against."""

from __future__ import annotations

from decimal import Decimal

import pytest

from peelgraph.extract.quantities import quantities
from peelgraph.extract.tables import Areas

AREAS = Areas(
    "wessex", ("Wessex Constabulary", "Wessex"), {"england and wales": "england-and-wales"}
)


@pytest.fixture(scope="module")
def units(vocab):
    return vocab.quantity_units


def _read(text, units):
    return [
        (
            o.indicator_label,
            o.area,
            o.period,
            o.unit,
            o.value,
            o.qualifier,
            text[o.spans[0].start : o.spans[0].end],
        )
        for o in quantities(text, 0, 4, AREAS, units, 2017)
    ]


def test_a_count_with_a_date_range(units):
    text = "The force seized 312 illegal firearms from 1 April 2016 to 31 March 2017."
    assert _read(text, units) == [
        (
            "Illegal firearms",
            "wessex",
            "1 April 2016 to 31 March 2017",
            "count",
            Decimal(312),
            None,
            "312",
        )
    ]


def test_a_count_with_a_comparator_and_no_time(units):
    text = "Officers supervise fewer than 450 registered sex offenders across the county."
    (found,) = _read(text, units)
    assert found[3:6] == ("count", Decimal(450), "fewer than")
    assert found[0] == "Registered sex offenders"


def test_a_duration_with_a_relative_time(units):
    text = "Last year there was a waiting list of eleven weeks for digital examinations."
    assert _read(text, units) == [
        ("Waiting list", "wessex", "2016", "weeks", Decimal(11), None, "eleven weeks")
    ]


def test_money_for_england_and_wales(units):
    text = "In 2017 the Home Office gave £2.5 million to forces in England and Wales for training."
    (found,) = _read(text, units)
    assert found[1:5] == ("england-and-wales", "2017", "pounds-sterling", Decimal("2500000.0"))
    assert found[6] == "£2.5 million"


@pytest.mark.parametrize(
    "text",
    [
        "The team reviewed 75 case files and found most of them good.",  # no time, no comparator
        "The force has 12 teams.",  # no time
        "In the 12 months to 30 June 2017 the force recorded 55 crimes per 1,000 population.",
        "Since 2015 the force has improved.",  # a year, not a count
    ],
)
def test_what_stays_text(units, text):
    assert _read(text, units) == []


def test_the_base_of_a_rate_is_no_count(units):
    text = "For every 100 offences in 2017 there were 40 arrests made."
    assert [(f[0], f[4]) for f in _read(text, units)] == [("Arrests", Decimal(40))]


def test_the_seed_states_its_counts_and_durations(seed_report):
    found = {
        (o.indicator_label, o.unit, o.value, o.period)
        for o in seed_report.observations
        if o.figure == "text" and o.unit in {"count", "months", "pounds-sterling"}
    }
    assert (
        "Successful disruptions",
        "count",
        Decimal(98),
        "1 January 2016 to 30 June 2016",
    ) in found
    assert ("Backlog", "months", Decimal(8), "2015") in found
    assert ("Delays", "months", Decimal(5), "2016") in found
    assert (
        "Police information notices",
        "count",
        Decimal(2245),
        "12 months to 30 June 2016",
    ) in found
    assert not any(label == "Police case files" for label, *_ in found)
