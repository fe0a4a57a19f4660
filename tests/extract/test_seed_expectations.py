"""The seed report against an expectations file written from the text by a careful reader.

tests/data/seed-expectations.json lists grades, areas for improvement, table and text
observations, the partner bodies named in findings and AFIs, acronyms and follow-ups.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ..conftest import TEST_DATA

EXPECTED = json.loads((TEST_DATA / "seed-expectations.json").read_text(encoding="utf-8"))


def test_identity(seed_report):
    assert seed_report.force_slug == EXPECTED["force"]
    assert (seed_report.year, seed_report.pillar) == (EXPECTED["year"], EXPECTED["pillar"])
    assert seed_report.published == EXPECTED["published"]
    assert seed_report.isbn == EXPECTED["isbn"]


def test_grades(seed_report):
    assert {j.question: j.grade for j in seed_report.judgments} == EXPECTED["grades"]


def test_areas_for_improvement(seed_report):
    found: dict[str, list[str]] = {}
    for afi in seed_report.afis:
        found.setdefault(afi.question, []).append(afi.text)
    assert found == EXPECTED["afis"]


def test_every_area_for_improvement_has_a_theme(seed_report):
    for afi in seed_report.afis:
        assert afi.themes, afi.text
    for theme, questions in EXPECTED["afi_themes"].items():
        assert {a.question for a in seed_report.afis if theme in a.themes} == set(questions), theme


def _table(seed_report):
    return {
        (o.figure, o.row_label, o.area): o
        for o in seed_report.observations
        if o.figure.startswith("Figure")
    }


@pytest.mark.parametrize(("figure", "row", "area", "value", "unit"), EXPECTED["observations"])
def test_table_observation(seed_report, figure, row, area, value, unit):
    observation = _table(seed_report)[(figure, row, area)]
    assert observation.value == Decimal(value)
    assert observation.unit == unit
    assert observation.period == "12 months to 30 June 2016"
    assert seed_report.text[observation.spans[0].start : observation.spans[0].end] == value


def test_table_observation_counts(seed_report):
    counts: dict[str, int] = {}
    for o in seed_report.observations:
        counts[o.figure] = counts.get(o.figure, 0) + 1
    for figure, n in EXPECTED["observation_counts"].items():
        assert counts.get(figure) == n, figure


def test_outcome_numbers_are_kept(seed_report):
    numbers = {
        o.row_label: o.outcome_number for o in seed_report.observations if o.figure == "Figure 4"
    }
    for row, number in EXPECTED["outcome_numbers"].items():
        assert numbers[row] == number


def test_force_in_numbers(seed_report):
    found = {
        (o.indicator_label.split(" \u2014 ")[0], o.area): o.value
        for o in seed_report.observations
        if o.figure == "Force in numbers"
    }
    for label, area, value in EXPECTED["force_in_numbers"]:
        assert found[(label, area)] == Decimal(value), label
    for lost in EXPECTED["force_in_numbers_lost"]:
        assert not any(label.startswith(lost) for label, _ in found), lost


def test_comparative_sentences(seed_report):
    # a sentence that restates a table's figure adds its span to the table's observation
    found = {
        (o.area, o.value, o.unit)
        for o in seed_report.observations
        if o.figure == "text" or len(o.spans) > 1
    }
    for area, value, unit in EXPECTED["text_metrics"]:
        assert (area, Decimal(value), unit) in found, (area, value, unit)


def test_at_least_90_percent_of_partner_bodies(seed_report):
    mentioned = {p for item in (*seed_report.findings, *seed_report.afis) for p in item.mentions}
    expected = set(EXPECTED["partners"])
    found = expected & mentioned
    assert len(found) >= 0.9 * len(expected), sorted(expected - mentioned)


def test_glossary(seed_report):
    glossary = {g.acronym: g for g in seed_report.glossary}
    for acronym, expansion in EXPECTED["glossary"].items():
        assert glossary[acronym].expansion == expansion
        span = glossary[acronym].spans[0]
        assert acronym in seed_report.text[span.start : span.end]
    assert glossary["MASH"].refers_to == "partner/mash"
    assert "annex" not in {g.acronym.lower() for g in seed_report.glossary}


def test_follow_ups(seed_report):
    found = [(f.earlier_year, f.question, f.earlier_text) for f in seed_report.follow_ups]
    for expected in EXPECTED["follow_ups"]:
        assert (expected["year"], expected["question"], expected["earlier"]) in found
    digital = next(f for f in seed_report.follow_ups if f.question == "2016-EFF-2.2")
    assert digital.progress in ("improved", "partly-improved")


def test_finding_types(seed_report):
    for start, kind in EXPECTED["finding_types"].items():
        finding = next(f for f in seed_report.findings if f.text.startswith(start))
        assert finding.finding_type == kind, start
