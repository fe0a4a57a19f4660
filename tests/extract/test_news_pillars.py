"""Force press releases of the 2017 legitimacy and 2018/19 integrated cycles, in the forms
HMICFRS printed them (the force press release pages of those cycles, quoted in the
reference data's sources): a fictional force's release is read into one report per pillar
it grades, and the words that grade a pillar grade no core question."""

from __future__ import annotations

from pathlib import Path

import pytest

from peelgraph.extract import extract_reports

from .test_pagekinds import _extract, _grades, _refusal

RELEASE_2018 = """Inspectors satisfied by most aspects of {force}\u2019s performance

HM Inspectorate of Constabulary and Fire & Rescue Services has today published a report into the performance of {force}. In 2018/19, we adopted an integrated PEEL assessment (IPA) approach to our existing PEEL inspections.

Get the report

PEEL: Police effectiveness, efficiency and legitimacy 2018/19 \u2013 {force}

Inspectors found that {force}:

  \u2022 is \u2018{eff}\u2019 at effectively reducing crime and keeping people safe;
  \u2022 {efy} at operating efficiently and providing sustainable services to the public; and
  \u2022 {leg} at how legitimately it treats the public and its workforce.

HM Inspector of Constabulary Matt Parr said:

\u201cThe force is good at preventing and investigating crime.\u201d
"""  # noqa: E501


def _reports(tmp_path: Path, text: str, vocab):  # type: ignore[no-untyped-def]
    page = tmp_path / "release.txt"
    page.write_text(text, encoding="utf-8")
    return {r.pillar: r for r in extract_reports(page, vocab)}


@pytest.mark.parametrize("force", ["Wessex Constabulary", "Mercia Fens Police"])
def test_a_2018_release_gives_one_report_per_pillar_it_grades(tmp_path, vocab, force):
    text = RELEASE_2018.format(
        force=force,
        eff="good",
        efy="is \u2018outstanding\u2019",
        leg="\u2018requires improvement\u2019",
    )
    reports = _reports(tmp_path, text, vocab)
    assert {p: _grades(r) for p, r in reports.items()} == {
        "effectiveness": {"2018-EFF": "good"},
        "efficiency": {"2018-EFY": "outstanding"},
        "legitimacy": {"2018-LEG": "requires-improvement"},
    }
    assert {r.source.document_format for r in reports.values()} == {"news-release"}
    assert {r.year for r in reports.values()} == {2018}


def test_a_2018_release_grading_one_pillar_gives_that_report_only(tmp_path, vocab):
    text = RELEASE_2018.format(force="Wessex Constabulary", eff="good", efy="", leg="")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("  \u2022  at"))
    reports = _reports(tmp_path, text, vocab)
    assert {p: _grades(r) for p, r in reports.items()} == {"effectiveness": {"2018-EFF": "good"}}


def test_the_legitimacy_pillar_s_words_grade_no_core_question(tmp_path, vocab):
    """'how it treats the public and its workforce' is the pillar: not 'treating the public
    fairly' nor 'treating the workforce fairly', whose first words it shares."""
    text = RELEASE_2018.format(
        force="Wessex Constabulary", eff="good", efy="is 'good'", leg="is \u2018good\u2019"
    )
    assert _grades(_reports(tmp_path, text, vocab)["legitimacy"]) == {"2018-LEG": "good"}


def test_a_2018_release_without_its_report_line_is_refused_saying_so(vocab):
    # (with its "In 2018/19, we adopted an integrated PEEL assessment" sentence it is still
    # read, as a news site's copy is: tests/extract/test_other_forces.py)
    text = RELEASE_2018.format(force="Wessex Constabulary", eff="good", efy="", leg="")
    text = text.replace("PEEL: Police effectiveness, efficiency and legitimacy 2018/19 \u2013", "")
    text = text.replace("In 2018/19, we adopted an integrated PEEL assessment (IPA)", "We use an")
    error = _refusal(text, vocab)
    assert error.reason == "news-release"
    assert "names no PEEL pillar and year" in error.message


RELEASE_2017_LEGITIMACY = """Wessex Constabulary is good at keeping people safe and reducing crime legitimately

Published on: 12 December 2017

Get the report

PEEL: Police legitimacy 2017 \u2013 Wessex Constabulary

HMICFRS judged that Wessex Constabulary:

- is \u2018outstanding\u2019 at treating all the people it serves with fairness and respect;
- is \u2018good\u2019 at how it ensure its workforce behaves ethically and lawfully; and
- \u2018requires improvement\u2019 at treating its workforce with fairness and respect.
"""  # noqa: E501


def test_a_2017_legitimacy_release_reads_each_bullet_as_printed(vocab):
    """'how it ensure its workforce ...': the releases' own wording of question 2."""
    report = _extract(RELEASE_2017_LEGITIMACY, vocab)
    assert (report.year, report.pillar) == (2017, "legitimacy")
    assert _grades(report) == {
        "2017-LEG": "good",
        "2017-LEG-1": "outstanding",
        "2017-LEG-2": "good",
        "2017-LEG-3": "requires-improvement",
    }
