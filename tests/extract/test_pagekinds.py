"""Page kinds, forces, grades and cut pages, on small pages written for fictional forces.

The fictional forces (Wessex Constabulary, Mercia Fens Police) are reference data the tests
add (tests/data/fictional-forces.ttl): a page never mints a force. Each rule is tried on
variants the rule was not written from; the real pages are in test_real_pages.py.
"""

from __future__ import annotations

import dataclasses

import pytest

from peelgraph.errors import FormatError
from peelgraph.extract import extract_reports, extract_text
from peelgraph.extract.forces import ForceNames

SHA = "0" * 64


def _extract(text, vocab, force=None):
    return extract_text(text, vocab, path="page.txt", sha256=SHA, force=force)


def _refusal(text, vocab, force=None) -> FormatError:
    with pytest.raises(FormatError) as caught:
        _extract(text, vocab, force)
    return caught.value


def _grades(report):
    return {j.question: j.grade for j in report.judgments}


# -- forces -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Wessex Constabulary", "wessex"),
        ("Wessex", "wessex"),
        ("the Fens force", "mercia-fens"),
        ("Mercia Fens", "mercia-fens"),
        ("Mercia Fens Police\u2019s", "mercia-fens"),
        ("Devon & Cornwall", "devon-and-cornwall"),
        ("Metropolitan Police Service", "metropolitan"),
        ("Metropolitan", "metropolitan"),
        ("Hampshire", "hampshire"),
        ("Thames Valley Police", "thames-valley"),
        ("MPS", "metropolitan"),  # a skos:hiddenLabel
        ("the Met", "metropolitan"),
    ],
)
def test_a_force_is_resolved_by_every_name(vocab, name, slug):
    assert ForceNames.of(vocab).resolve(name).slug == slug


@pytest.mark.parametrize(
    "name",
    [
        "West Police",
        "Police",
        "Gotham Constabulary",
        "Zo\u00eb Billingham, Her Majesty\u2019s Inspector of Constabulary",
        "Wessex Fire and Rescue",
    ],
)
def test_a_line_ending_in_police_or_constabulary_is_no_force(vocab, name):
    assert ForceNames.of(vocab).resolve(name) is None


GOTHAM = """Gotham PEEL 2016
Effectiveness
How effective is the force at keeping people safe and reducing crime?
How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?
Gotham Constabulary is good at preventing crime and anti-social behaviour.
"""  # noqa: E501


def test_an_unknown_force_is_refused_quoting_its_line(vocab):
    error = _refusal(GOTHAM, vocab)
    assert error.reason == "no-force"
    assert "'Gotham PEEL 2016'" in error.message
    assert "--force" in (error.hint or "")


def test_force_names_the_force_for_the_run(vocab):
    report = _extract(GOTHAM, vocab, force="wessex")
    assert (report.force_slug, report.force_name, report.force_known) == (
        "wessex",
        "Wessex Constabulary",
        True,
    )


def test_force_must_be_a_reference_force(vocab):
    assert _refusal(GOTHAM, vocab, force="gotham").reason == "unknown-force"


def test_an_inspectors_signature_does_not_name_the_force(vocab):
    page = (
        "Mercia Fens 2016\n"
        "This is HMIC\u2019s third PEEL (police effectiveness, efficiency and legitimacy) "
        "assessment of Mercia Fens Police.\n"
        "The extent to which the force is effective at keeping people safe and reducing crime "
        "is good.\n"
        "Jane Doe, Her Majesty\u2019s Inspector of Constabulary\n"
    )
    report = _extract(page, vocab)
    assert report.force_slug == "mercia-fens"
    assert _grades(report) == {"2016-EFF": "good"}


def test_a_pdf_title_page_naming_no_known_force_is_refused(vocab):
    page = "PEEL: Police effectiveness 2017\n\nAn inspection of North Police\n\nMarch 2018\n"
    error = _refusal(page, vocab)
    assert error.reason == "no-force"
    assert "'An inspection of North Police'" in error.message


# -- page kinds -------------------------------------------------------------------------------

OVERVIEW = """Skip to content

Mercia Fens PEEL 2017

Effectiveness

How effective is the force at keeping people safe and reducing crime?

Last updated 22/03/2018
Requires improvement

Mercia Fens Police requires improvement in how effectively it keeps people safe and reduces crime.

The Fens force's approach to investigating crime and reducing re-offending requires improvement.

Mercia Fens Police is good at tackling serious and organised crime. In 2016, we judged the force to be good at preventing crime and tackling anti-social behaviour.
"""  # noqa: E501


def test_overview_page(vocab):
    report = _extract(OVERVIEW, vocab)
    assert report.source.document_format == "overview"
    assert (report.force_slug, report.year, report.pillar) == ("mercia-fens", 2017, "effectiveness")
    assert _grades(report) == {
        "2017-EFF": "requires-improvement",
        "2017-EFF-2": "requires-improvement",
        "2017-EFF-4": "good",
    }
    basis = {j.question: j.basis for j in report.judgments}
    assert basis["2017-EFF"] == "grade-line"
    assert len(report.findings) == 3
    assert not report.warnings  # the page ends with a full stop: nothing cut


def test_overview_without_pillar_line_and_with_questions_below(vocab):
    page = """Skip to content
Wessex PEEL 2018
How effectively does the force reduce crime and keep people safe?
Last updated 20/01/2020
Wessex Constabulary is good at reducing crime and keeping people safe.
Questions for Effectiveness
1
How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?
Inadequate
Wessex Constabulary needs to improve how it prevents crime.
2
How effective is the force at investigating crime and reducing re-offending?
Wessex Constabulary is outstanding at investigating crime.
"""  # noqa: E501
    report = _extract(page, vocab)
    assert (report.year, report.pillar) == (2018, "effectiveness")
    assert _grades(report) == {
        "2018-EFF": "good",
        "2018-EFF-1": "inadequate",
        "2018-EFF-2": "outstanding",
    }


@pytest.mark.parametrize(
    "title", ["Wessex 2016", "Wessex PEEL 2016", "Read more about Wessex 2016", "Wessex 2016/17"]
)
def test_landing_page_title_shapes(vocab, title):
    page = (
        f"Skip to content\n\n{title}\n\n"
        "This is HMIC\u2019s third PEEL (police effectiveness, efficiency and legitimacy) "
        "assessment of Wessex Constabulary.\n\n"
        "The extent to which the force is effective at keeping people safe and reducing crime "
        "requires improvement.\n"
    )
    report = _extract(page, vocab)
    assert (report.force_slug, report.year) == ("wessex", 2016)
    assert report.source.document_format == "landing-page"
    assert _grades(report) == {"2016-EFF": "requires-improvement"}


def test_landing_page_2018_19_wording_and_the_overview_below(vocab, tmp_path):
    page = tmp_path / "wessex-2018.txt"
    page.write_text(
        """Skip to content
Wessex 2018/19
Read more about Wessex
This is HMICFRS\u2019s fifth PEEL (police effectiveness, efficiency and legitimacy) assessment of Wessex Constabulary.
the extent to which the force is effective at reducing crime and keeping people safe is good.
the extent to which the force operates efficiently and sustainably requires improvement.
Jane Doe, Her Majesty\u2019s Inspector of Constabulary
How effectively does the force reduce crime and keep people safe?
Last updated 20/01/2020
Wessex Constabulary is good at reducing crime and keeping people safe.
The force is good at investigating crime.
""",  # noqa: E501
        encoding="utf-8",
    )
    reports = {r.pillar: r for r in extract_reports(page, vocab)}
    assert _grades(reports["effectiveness"]) == {"2018-EFF": "good", "2018-EFF-2": "good"}
    assert _grades(reports["efficiency"]) == {"2018-EFY": "requires-improvement"}


def test_third_party_site_lines_are_not_content(vocab):
    page = (
        "peel: police effectiveness 2016 - justice inspectorates\nEmbed Size (px)\nTRANSCRIPT\n"
        "Citation preview\nPage 1: PEEL \u00b7 PDF file text snippet\n" + GOTHAM
    ).replace("Gotham", "Wessex")
    report = _extract(page, vocab)
    assert report.force_slug == "wessex"
    assert not any("Embed" in f.text or "TRANSCRIPT" in f.text for f in report.findings)
    # blanked, not removed: offsets still point at the same text
    for finding in report.findings:
        span = finding.spans[0]
        assert page[span.start : span.end].startswith(finding.text[:20])


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (
            "Most police forces are good at preventing crime\n\nHMIC has graded every police "
            "force on its overall effectiveness.\n\nGet the report\n",
            "national-page",
        ),
        (
            "Posted: Mon 1st Mar 2021\n\nForces under strain, says watchdog\n\nThe majority of "
            "police forces do a good job.\n",
            "national-page",
        ),
        (
            "Wessex Constabulary has improved, says the inspectorate\n\nGet the report\n\n"
            "PEEL 2021/22 \u2013 An inspection of Wessex Constabulary\n",
            "news-release",
        ),
        (
            "PEEL: Police effectiveness 2017\nAn inspection of Wessex Constabulary\nMarch 2018\n"
            "Contents\nForce in numbers ...... 3\n",
            "no-content",
        ),
        (
            "Overall summary\nOur judgments\nOur inspection assessed how good Wessex is.\n",
            "no-year",
        ),
        ("Cause of concern\n\nThe force should act now.\n", "no-force"),
    ],
)
def test_pages_that_cannot_be_read_say_why(vocab, page, reason):
    assert _refusal(page, vocab).reason == reason


# -- grades -----------------------------------------------------------------------------------

SUMMARY = """Wessex PEEL 2017
Effectiveness
How effective is the force at keeping people safe and reducing crime?
How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?
{q1}
How effective is the force at investigating crime and reducing re-offending?
{q2}
How effective is the force at protecting those who are vulnerable from harm, and supporting victims?
{q3}
"""  # noqa: E501


@pytest.mark.parametrize(
    ("q3", "grade"),
    [
        ("Wessex Constabulary requires improvement at protecting vulnerable people.", "requires-improvement"),  # noqa: E501
        ("The force requires improvement in the way it protects vulnerable people.", "requires-improvement"),  # noqa: E501
        ("Wessex\u2019s approach to protecting vulnerable people is good.", "good"),
        ("The constabulary is outstanding at protecting those who are vulnerable from harm.", "outstanding"),  # noqa: E501
        ("The way the force protects vulnerable people from harm is inadequate.", "inadequate"),
        ("Its effectiveness at protecting vulnerable people also requires improvement.", "requires-improvement"),  # noqa: E501
        ("The force is generally good at protecting vulnerable people.", None),
        ("The force is good at recording crime and outstanding at sharing data.", None),
        ("In 2016, we judged the force to be good at protecting vulnerable people.", None),
        ("The extent to which the force is good at protecting vulnerable people is good", "good"),
    ],
)  # fmt: skip
def test_question_grade_forms(vocab, q3, grade):
    text = SUMMARY.format(q1="Wessex works with partners.", q2="It investigates well.", q3=q3)
    assert _grades(_extract(text, vocab)).get("2017-EFF-3") == grade


@pytest.mark.parametrize(
    "q1",
    [
        "This question was not inspected in 2017. The grade and findings from last year\u2019s "
        "inspection still stand.",
        "This question was not subject to detailed inspection in 2017, and our judgment from "
        "the 2016 effectiveness inspection has been carried over.",
    ],
)
def test_not_inspected_the_earlier_grade_stands(vocab, q1):
    text = SUMMARY.format(q1=q1, q2="The force is good at investigating crime.", q3="Fine.")
    report = _extract(text, vocab)
    judged = {j.question: j for j in report.judgments}
    assert judged["2017-EFF-1"].grade == "not-inspected"
    assert (judged["2017-EFF-1"].basis, judged["2017-EFF-1"].carried_from) == ("carried-over", 2016)
    assert judged["2017-EFF-2"].grade == "good"


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("Wessex Constabulary requires improvement in respect of its effectiveness at keeping people safe and reducing crime.", "requires-improvement"),  # noqa: E501
        ("Overall, the effectiveness of Wessex Constabulary requires improvement.", "requires-improvement"),  # noqa: E501
        ("Wessex Constabulary requires improvement overall in its effectiveness.", "requires-improvement"),  # noqa: E501
        ("Wessex Constabulary\u2019s effectiveness at keeping people safe and reducing crime is good.", "good"),  # noqa: E501
        ("Overall HMIC judges that Wessex Constabulary is good at keeping people safe.", "good"),
        ("Wessex Constabulary is largely good at keeping people safe and reducing crime.", None),
        ("Our judgment is a deterioration on last year, when we judged the force to be good.", None),  # noqa: E501
    ],
)  # fmt: skip
def test_pillar_grade_forms_on_an_overview(vocab, sentence, grade):
    page = (
        "Skip to content\nWessex PEEL 2016\nHow effective is the force at keeping people safe "
        f"and reducing crime?\nLast updated 02/03/2017\n{sentence}\n"
    )
    assert _grades(_extract(page, vocab)).get("2016-EFF") == grade


def test_a_grade_sentence_cut_after_its_grade_word_counts(vocab):
    page = (
        "Wessex 2016\nThis is HMIC\u2019s third PEEL assessment of Wessex Constabulary.\n"
        "The extent to which the force is effective at keeping people safe and reducing crime "
        "is outstanding"
    )
    assert _grades(_extract(page, vocab)) == {"2016-EFF": "outstanding"}


# -- cut pages --------------------------------------------------------------------------------


def test_the_last_afi_of_a_cut_page_is_marked_cut(vocab):
    text = SUMMARY.format(q1="Fine.", q2="Fine.", q3="Fine.") + (
        "Areas for improvement\n"
        "- The force should improve how it records risk assessments.\n"
        "- The force should make sure that its staff underst"
    )
    report = _extract(text, vocab)
    assert [a.cut for a in report.afis] == [False, True]
    assert report.afis[1].text.endswith("underst")
    assert any("cut" in w and "area for improvement" in w for w in report.warnings)


def test_a_whole_page_marks_nothing_cut(vocab):
    text = SUMMARY.format(q1="Fine.", q2="Fine.", q3="Fine.") + (
        "Areas for improvement\n- The force should improve how it records risk assessments.\n"
    )
    report = _extract(text, vocab)
    assert not any(a.cut for a in report.afis) and not any(f.cut for f in report.findings)


def test_a_cut_item_is_marked_in_the_graph(vocab):
    from rdflib import Literal

    from peelgraph.iris import PEEL as PEEL_NS
    from peelgraph.rdf import report_graph

    text = SUMMARY.format(q1="Fine.", q2="Fine.", q3="The force works with partners and")
    report = _extract(text, vocab)
    graph = report_graph(report, vocab.framework(2017, "effectiveness"))
    cut = list(graph.subjects(PEEL_NS.isCut, Literal(True)))
    assert len(cut) == 1
    assert str(graph.value(cut[0], PEEL_NS.text)).endswith("partners and")


NEWS = """Wessex Constabulary\u2019s effectiveness at keeping people safe and reducing crime requires improvement

Published on: 2 March 2017

Get the report

PEEL: police effectiveness 2016 \u2013 Wessex Constabulary

HMIC judged that Wessex Constabulary:

  \u2022 is \u2018good\u2019 at preventing crime, tackling anti-social behaviour and keeping people safe;
  \u2022 \u2018requires improvement\u2019 in how it tackles serious and organised crime.

\u201cI am pleased with the progress the constabulary has made, and it is good at listening.\u201d
"""  # noqa: E501


def test_a_force_news_release_gives_the_grades_it_states(vocab):
    report = _extract(NEWS, vocab)
    assert report.source.document_format == "news-release"
    assert (report.force_slug, report.year, report.pillar) == ("wessex", 2016, "effectiveness")
    assert _grades(report) == {
        "2016-EFF": "requires-improvement",
        "2016-EFF-1": "good",
        "2016-EFF-4": "requires-improvement",
    }
    assert not report.findings  # the inspector's quotations are not the report's findings


def test_a_news_release_stating_no_grade_is_refused(vocab):
    text = NEWS.split("HMIC judged")[0].replace("requires improvement\n", "has improved\n", 1)
    assert _refusal(text, vocab).reason == "news-release"


NEWS_2021 = """Wessex Constabulary has improved, but further changes needed

Wessex Constabulary has improved its performance, the police inspectorate has said.

Get the report

PEEL 2021/22 \u2013 An inspection of Wessex Constabulary

HMICFRS graded Wessex Constabulary\u2019s performance across nine areas of policing and found the force was \u2018good\u2019 in three areas, \u2018adequate\u2019 in four areas and \u2018requires improvement\u2019 in two.

{listed}

\u201cThe force is good at listening to its communities,\u201d said the inspector.
"""  # noqa: E501


@pytest.fixture(scope="module")
def vocab_areas():
    """Fictional forces and the synthetic 2021/22 and 2023-25 frameworks (invented areas of
    policing, marked peel:synthetic): the packaged ones record only the areas public pages
    name."""
    from peelgraph.reference import read_reference_graph, vocabulary_of
    from peelgraph.synth.pages import SYNTHETIC_FRAMEWORKS_2021

    from ..conftest import FICTIONAL_FORCES

    return vocabulary_of(read_reference_graph([FICTIONAL_FORCES, SYNTHETIC_FRAMEWORKS_2021]))


@pytest.mark.parametrize(
    ("listed", "grades"),
    [
        (  # the Thames Valley 2021/22 form, with areas of the fictional framework
            "HMICFRS said the \u2018requires improvement\u2019 areas included how the force "
            "responds to the public and investigating crime.",
            {"2021-PEEL-4": "requires-improvement", "2021-PEEL-5": "requires-improvement"},
        ),
        (  # a one-area form with a dash, a list with a comma and an area with "and" in it
            "It was \u2018adequate\u2019 in two areas \u2013 protecting vulnerable people, and "
            "preventing crime and anti-social behaviour.",
            {"2021-PEEL-6": "adequate", "2021-PEEL-3": "adequate"},
        ),
        (  # the Lancashire 2021/22 form: counts, then the one area after a dash
            "It found the constabulary was \u2018good\u2019 in six areas, \u2018adequate\u2019 "
            "in one area and \u2018requires improvement\u2019 in one area \u2013 investigating "
            "crime.",
            {"2021-PEEL-5": "requires-improvement"},
        ),
        (  # "areas were", unquoted grade word
            "The good areas were managing offenders and suspects.",
            {"2021-PEEL-7": "good"},
        ),
    ],
)
def test_a_2021_news_release_gives_the_areas_it_lists_with_a_grade(vocab_areas, listed, grades):
    report = _extract(NEWS_2021.format(listed=listed), vocab_areas)
    assert report.source.document_format == "news-release"
    assert (report.force_slug, report.year, report.pillar) == ("wessex", 2021, "peel")
    assert _grades(report) == grades
    # the counts of areas name none, and the quotation is not the report's
    assert not report.findings


def test_a_2021_news_release_counting_areas_only_states_no_grade(vocab_areas):
    text = NEWS_2021.format(listed="HMICFRS said the force has improved.")
    assert _refusal(text, vocab_areas).reason == "news-release"


def test_a_2021_news_release_listing_areas_the_framework_lacks_names_them(vocab_areas):
    text = NEWS_2021.format(
        listed="HMICFRS said the \u2018requires improvement\u2019 areas included juggling "
        "and use of resources."
    )
    error = _refusal(text, vocab_areas)
    assert error.reason == "no-question"
    assert "'juggling'" in error.message and "'use of resources'" in error.message


def test_a_summary_after_site_preamble_with_grade_lines(vocab):
    page = "Skip to content\n" + SUMMARY.format(
        q1="Good\nWessex Constabulary works with partners.",
        q2="Requires improvement\nIt investigates well.",
        q3="The force is good at protecting vulnerable people.",
    )
    report = _extract(page, vocab)
    assert report.source.document_format == "summary"
    assert _grades(report) == {
        "2017-EFF-1": "good",
        "2017-EFF-2": "requires-improvement",
        "2017-EFF-3": "good",
    }
    assert not any(f.text in ("Good", "Requires improvement") for f in report.findings)


INTEGRATED_COVER = (
    "PEEL: Police effectiveness, efficiency and legitimacy 2018/19\n\n"
    "An inspection of Wessex Constabulary\n\nContents\n\nOverall summary 4\n"
)


def test_an_integrated_report_cover_alone_is_refused_as_no_content(vocab):
    error = _refusal(INTEGRATED_COVER, vocab)
    assert error.reason == "no-content"


def test_an_integrated_report_without_its_framework_is_refused_with_that_reason(vocab):
    without = dataclasses.replace(
        vocab, frameworks={k: f for k, f in vocab.frameworks.items() if k[0] != 2018}
    )
    error = _refusal(INTEGRATED_COVER, without)
    assert error.reason == "no-framework" and "integrated" in error.message
    body = (
        INTEGRATED_COVER + "\nHow effectively does the force reduce crime and keep people safe?\n"
    )
    assert _refusal(body, without).reason == "no-framework"


REPORT_2021 = """Overall summary
Our judgments
Our inspection assessed how good Wessex Constabulary is in ten areas of policing.
PEEL 2021/22 \u2013 An inspection of Wessex Constabulary
How good is the force\u2019s service for victims of crime?
Wessex Constabulary answers calls quickly.
Areas for improvement
1. The force should make sure that it records crimes accurately.
2. The force should make sure victims are updated.
Cause of concern
The force does not always safeguard vulnerable victims.
Recommendations
\u2022 Within three months, the force should review its safeguarding of vulnerable victims.
"""


def test_a_2021_report_gives_its_areas_items(vocab):
    report = _extract(REPORT_2021, vocab)
    assert report.source.document_format == "report-2021"
    assert (report.force_slug, report.year, report.pillar) == ("wessex", 2021, "peel")
    assert [a.text for a in report.afis] == [
        "The force should make sure that it records crimes accurately.",
        "The force should make sure victims are updated.",
    ]
    assert [c.text for c in report.causes_of_concern] == [
        "The force does not always safeguard vulnerable victims."
    ]
    assert report.recommendations[0].concern == 0
    assert report.recommendations[0].text.startswith("Within three months")
    assert report.judgments == ()  # the victim service is not graded as a whole


def test_a_2023_report_whose_grade_table_was_lost_is_refused_as_such(vocab):
    page = (
        "Overall summary\nOur judgments\nOur inspection assessed how good Wessex Constabulary "
        "is in nine areas of policing.\nForces are assessed against the PEEL Assessment "
        "Framework 2023\u20132025.\nHM Inspector\u2019s summary\nI am satisfied with some"
    )
    error = _refusal(page, vocab)
    assert error.reason == "no-grade" and "Our judgments" in error.message
