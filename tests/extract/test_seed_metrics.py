"""Metrics of the seed report as measured facts: whole labels, one observation per fact, exact
periods, and quantities stated in prose."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest

_HOLE = re.compile(
    r"\s{2}|\s(?:for|in|to|of|over|the|against)\s*(?:\u2014|$)|\u2014\s*$|^\s*\u2014"
)


def test_no_metric_label_has_a_hole(seed_report):
    holes = [o.indicator_label for o in seed_report.observations if _HOLE.search(o.indicator_label)]
    assert holes == []


def test_one_observation_per_indicator_area_and_period(seed_report):
    counts = Counter((o.indicator, o.area, o.period) for o in seed_report.observations)
    assert [key for key, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("area", "value", "period", "label"),
    [
        (
            "thames-valley",
            "-21.3",
            "5 years to 30 June 2016",
            "Change in recorded crime over 5 years",
        ),
        (
            "england-and-wales",
            "-3.4",
            "5 years to 30 June 2016",
            "Change in recorded crime over 5 years",
        ),
        ("thames-valley", "6.1", "1 year to 30 June 2016", "Change in recorded crime over 1 year"),
        (
            "england-and-wales",
            "7.8",
            "1 year to 30 June 2016",
            "Change in recorded crime over 1 year",
        ),
    ],
)
def test_a_figure_read_twice_is_one_observation_with_two_spans(
    seed_report, area, value, period, label
):
    """The "Force in numbers" page and the sentence of "How much crime ..." state the same
    changes: one observation each, with a span in both places; the one-year and the
    five-year change have their own periods."""
    same = [
        o
        for o in seed_report.observations
        if o.area == area and o.value == Decimal(value) and o.unit == "percentage-change"
    ]
    assert len(same) == 1
    (o,) = same
    assert o.period == period
    assert o.indicator_label.startswith(label)
    assert sorted(s.page for s in o.spans) == [5, 9]
    text = seed_report.text
    assert [text[s.start : s.end].lstrip("+") for s in o.spans][0] in {value + "%", value}


def test_figure_8_label_is_whole(seed_report):
    labels = {o.indicator_label for o in seed_report.observations if o.figure == "Figure 8"}
    assert labels and all(
        label.endswith("Rate of outcomes recorded for domestic-related offences")
        for label in labels
    )
