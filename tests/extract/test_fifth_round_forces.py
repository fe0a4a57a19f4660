"""Page shapes first met on the real pages of Cheshire, Humberside and Cleveland
(tests/data/real/cheshire-*, humberside-*, cleveland-*.txt), written again for fictional
forces: each rule follows from the page kind (a copy of a force's release, a landing page's
2014 judgments, ...), not from one page."""

from __future__ import annotations

import pytest

from peelgraph.errors import FormatError

from .test_pagekinds import _extract, _grades, _refusal
from .test_third_round_forces import extract_reports_of

RI = "requires-improvement"

#: A WiredGov copy of a force's 2021/22 release: the stored copy's date stamp over the
#: publisher's line, then the site's link kept with its table cell separator
#: ("|Printable version") above the headline.
WIREDGOV_2021 = """ date 2022-11-29 HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)
|Printable version
{force} congratulated for outstanding performance
{force} has been congratulated for its outstanding performance, the police inspectorate has said.
Get the report
PEEL 2021/22 \u2013 An inspection of {force}
His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) graded {force}\u2019s performance across nine areas of policing and found the force was \u2018outstanding\u2019 in two areas and \u2018good\u2019 in seven areas.
HMICFRS said the force was graded \u2018outstanding\u2019 in preventing crime and good use of resources.
"""  # noqa: E501


@pytest.mark.parametrize("force", ["Wessex Constabulary", "Mercia Fens Police"])
def test_a_release_copy_with_a_cell_separator_above_its_headline_is_a_release(vocab, force):
    report = _extract(WIREDGOV_2021.format(force=force), vocab)
    assert report.source.document_format == "news-release"
    assert _grades(report) == {
        "2021-PEEL-preventing-crime-and-anti-social-behaviour": "outstanding",
        "2021-PEEL-good-use-of-resources": "outstanding",
    }


def test_a_copy_above_whose_headline_no_force_is_named_is_still_refused(vocab):
    text = WIREDGOV_2021.format(force="The force").replace("An inspection of The force", "")
    assert _refusal(text, vocab).reason in {"national-page", "news-release", "no-year"}


#: A news site's copy of a 2021/22 release that broke every paragraph into short lines,
#: the cycle named only in its notes to editors.
HARD_WRAPPED_2021 = """{force} has been congratulated for its
performance, the police inspectorate has said.
His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue
Services (HMICFRS) graded {force}\u2019s
performance across nine areas of
policing and found the force was
\u2018good\u2019 in seven areas and
\u2018adequate\u2019 in two areas.
HMICFRS said the force was graded \u2018adequate\u2019 in responding
to the public and investigating
crime.
His Majesty\u2019s Inspector of Constabulary Roy Wilsher
said:
\u201cThe force is good at preventing
crime and it is outstanding at managing
offenders.\u201d
ENDS
Notes to editors:
- The {force} PEEL 2021/22
report (police effectiveness, efficiency
and legitimacy) will be published on
the HMICFRS website.
"""


@pytest.mark.parametrize("force", ["Wessex Constabulary", "Mercia Fens Police"])
def test_a_hard_wrapped_release_reads_its_sentences_across_the_breaks(vocab, force):
    report = _extract(HARD_WRAPPED_2021.format(force=force), vocab)
    # the inspector's quotation, wrapped too, grades nothing
    assert _grades(report) == {
        "2021-PEEL-responding-to-the-public": "adequate",
        "2021-PEEL-investigating-crime": "adequate",
    }


def test_unwrapping_keeps_offsets_and_leaves_a_text_of_whole_lines_alone():
    from peelgraph.extract.layout import unwrap_hard_breaks

    wrapped = HARD_WRAPPED_2021.format(force="Wessex Constabulary")
    unwrapped = unwrap_hard_breaks(wrapped)
    assert len(unwrapped) == len(wrapped)
    assert "graded \u2018adequate\u2019 in responding to the public and investigating crime." in (
        unwrapped
    )
    assert "said:\n\u201cThe force" in unwrapped and "\n- The Wessex" in unwrapped
    whole = WIREDGOV_2021.format(force="Wessex Constabulary")
    assert unwrap_hard_breaks(whole) == whole


#: A 2014 landing page whose effectiveness clause grades two questions in one sentence, the
#: second in a clause after ", and" with the force again as "it".
LANDING_2014 = """Skip to content

{force} 2014

This is the first PEEL Assessment of {force}.

The available evidence indicates that:

in terms of its effectiveness, the force is good at tackling anti-social behaviour. However, it requires improvement in reducing crime and preventing offending, and it {second} in the way it investigates offending;

the efficiency with which the force carries out its responsibilities is good; and

John Doe, Her Majesty's Inspector of Constabulary
"""  # noqa: E501


@pytest.mark.parametrize(
    ("second", "grade"), [("requires improvement", RI), ("is outstanding", "outstanding")]
)
def test_a_2014_clause_after_and_it_grades_its_own_question(vocab, tmp_path, second, grade):
    text = LANDING_2014.format(force="Wessex Constabulary", second=second)
    reports = extract_reports_of(text, vocab, tmp_path)
    assert {r.pillar: _grades(r) for r in reports}["effectiveness"] == {
        "2014-EFF-1": RI,
        "2014-EFF-2": grade,
        "2014-EFF-3": "good",
    }


def test_it_in_a_clause_after_a_comma_without_and_grades_nothing(vocab, tmp_path):
    # "..., it requires improvement" is no coordinated clause: only the first question reads
    text = LANDING_2014.format(force="Wessex Constabulary", second="requires improvement")
    text = text.replace(", and it requires improvement in the way", ", as it requires "
                        "improvement in the way")  # fmt: skip
    reports = extract_reports_of(text, vocab, tmp_path)
    assert "2014-EFF-2" not in {r.pillar: _grades(r) for r in reports}["effectiveness"]


#: A Police and Crime Commissioner's page about its force's 2018/19 report: "the latest
#: report", the cycle named only by the assessment's address the page gives, one grade
#: given to the three pillars at once.
COMMISSIONER_2018 = """Text Only
Skip Content

Wessex Police Inspection Report & Force Performance

In the latest report from Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS), Wessex Constabulary were rated as '{grade}' for all three areas assessed during the PEEL process: efficiency, effectiveness and legitimacy.

The report was published on Friday 27th September 2019 and can be assessed from the HMICFRS website at the link below:

{address}

Response to the report
The commissioner shares the public's concern at the contents of this report.
"""  # noqa: E501
ADDRESS_2018 = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/wessex/"


@pytest.mark.parametrize("grade", ["inadequate", "good"])
def test_an_assessments_address_names_the_cycle_and_one_grade_grades_three_pillars(
    vocab, tmp_path, grade
):
    text = COMMISSIONER_2018.format(grade=grade, address=ADDRESS_2018)
    reports = extract_reports_of(text, vocab, tmp_path)
    assert {r.pillar: _grades(r) for r in reports} == {
        "effectiveness": {"2018-EFF": grade},
        "efficiency": {"2018-EFY": grade},
        "legitimacy": {"2018-LEG": grade},
    }
    assert {r.year for r in reports} == {2018}


def test_a_page_without_the_address_still_names_no_cycle(vocab):
    text = COMMISSIONER_2018.format(grade="good", address="(link)")
    assert _refusal(text, vocab).reason == "no-year"


def test_another_sites_address_names_no_cycle(vocab):
    text = COMMISSIONER_2018.format(
        grade="good", address="https://example.org/peel-assessments/peel-2018/"
    )
    assert _refusal(text, vocab).reason == "no-year"


def test_all_three_areas_that_name_no_pillar_grade_none(vocab, tmp_path):
    text = COMMISSIONER_2018.format(grade="good", address=ADDRESS_2018).replace(
        "during the PEEL process: efficiency, effectiveness and legitimacy",
        "during the PEEL process: custody, crime data and vetting",
    )
    with pytest.raises(FormatError) as caught:
        extract_reports_of(text, vocab, tmp_path)
    assert caught.value.reason == "news-release"
