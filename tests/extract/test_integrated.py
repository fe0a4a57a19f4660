"""The PEEL 2018/19 integrated report: one report per pillar, read against the 2018/19
frameworks of effectiveness, efficiency and legitimacy (tests/data/wessex-peel-2018-19.txt,
a fictional force, and variants of it in other forms)."""

from __future__ import annotations

import pytest

from peelgraph.errors import FormatError
from peelgraph.extract import extract_reports, extract_text
from peelgraph.extract.detect import detect_format

from ..conftest import TEST_DATA

PAGE = TEST_DATA / "wessex-peel-2018-19.txt"
TEXT = PAGE.read_text(encoding="utf-8")


def _reports(vocab, text=TEXT, tmp_path=None, name="wessex-peel-2018-19.txt"):
    assert tmp_path is not None
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {r.pillar: r for r in extract_reports(path, vocab)}


def _grades(report):
    return {j.question: (j.grade, j.basis) for j in report.judgments}


def test_detected_as_the_integrated_report(vocab):
    assert detect_format(TEXT, vocab) == "integrated-report"


def test_one_report_per_pillar_with_the_2018_frameworks(vocab, tmp_path):
    reports = _reports(vocab, tmp_path=tmp_path)
    assert {p: (r.framework, r.force_slug, r.year) for p, r in reports.items()} == {
        "effectiveness": ("questions-2018-effectiveness", "wessex", 2018),
        "efficiency": ("questions-2018-efficiency", "wessex", 2018),
        "legitimacy": ("questions-2018-legitimacy", "wessex", 2018),
    }
    assert all(r.source.document_format == "integrated-report" for r in reports.values())


def test_pillar_and_question_grades_from_sentences_and_grade_lines(vocab, tmp_path):
    reports = _reports(vocab, tmp_path=tmp_path)
    assert _grades(reports["effectiveness"]) == {
        "2018-EFF": ("good", "judgment-sentence"),
        "2018-EFF-1": ("good", "grade-line"),
        "2018-EFF-2": ("requires-improvement", "judgment-sentence"),
        "2018-EFF-3": ("good", "judgment-sentence"),
    }
    assert _grades(reports["efficiency"]) == {
        "2018-EFY": ("requires-improvement", "judgment-sentence"),
        "2018-EFY-1": ("requires-improvement", "grade-line"),
        "2018-EFY-2": ("good", "judgment-sentence"),
    }
    assert _grades(reports["legitimacy"]) == {
        "2018-LEG": ("good", "judgment-sentence"),
        "2018-LEG-1": ("good", "grade-line"),
        "2018-LEG-2": ("outstanding", "grade-line"),
        "2018-LEG-3": ("good", "grade-line"),
    }
    for report in reports.values():
        for j in report.judgments:
            stated = report.text[j.spans[0].start : j.spans[0].end]
            assert ("Wessex" in stated or "force" in stated or "constabulary" in stated
                    or stated in {"Good", "Outstanding", "Requires improvement"})  # fmt: skip


def test_earlier_judgments_and_hedged_sentences_are_not_grades(vocab, tmp_path):
    effectiveness = _reports(vocab, tmp_path=tmp_path)["effectiveness"]
    assert "2018-EFF-4" not in _grades(effectiveness)  # "In 2017 we judged ... outstanding"
    assert _grades(effectiveness)["2018-EFF-1"][0] == "good"  # not "generally good at"


def test_afis_causes_of_concern_and_recommendations_under_their_questions(vocab, tmp_path):
    reports = _reports(vocab, tmp_path=tmp_path)
    eff, efy, leg = reports["effectiveness"], reports["efficiency"], reports["legitimacy"]
    assert [(a.question, a.text) for a in eff.afis] == [
        ("2018-EFF-1", "The force should evaluate its problem-solving work and share what works.")
    ]
    assert [a.question for a in efy.afis] == ["2018-EFY-1", "2018-EFY-1"]
    assert efy.afis[1].text.startswith("The force should make sure its workforce")
    assert [a.question for a in leg.afis] == ["2018-LEG-3"]
    assert [(c.question, c.text[:40]) for c in eff.causes_of_concern] == [
        ("2018-EFF-2", "The force does not supervise the investi")
    ]
    assert [(r.question, r.concern, r.deadline) for r in eff.recommendations] == [
        ("2018-EFF-2", 0, "within six months"),
        ("2018-EFF-2", 0, "within six months"),
    ]
    assert eff.recommendations[1].text == "record the updates given to victims."


def test_another_force_numbered_items_grades_only_in_sentences(vocab, tmp_path):
    """The same report for another fictional force, with its name only in the title line,
    grade lines replaced by sentences, bulleted items numbered."""
    text = (
        TEXT.replace(" legitimacy 2018/19\n", " legitimacy 2018/19 \u2013 Mercia Fens Police\n")
        .replace("An inspection of Wessex Constabulary\n", "")
        .replace("Wessex Constabulary", "Mercia Fens Police")
        .replace("\nGood\n\nThe constabulary has", "\nThe force is good at preventing crime and "
                 "tackling anti-social behaviour.\n\nThe constabulary has")
        .replace("\nOutstanding\n", "\nMercia Fens Police is outstanding at ethical and lawful "
                 "workforce behaviour.\n")
        .replace("\u2022 The force should", "1. The force should")
    )  # fmt: skip
    reports = _reports(vocab, text, tmp_path, "mercia-fens-2018-19.txt")
    assert {r.force_slug for r in reports.values()} == {"mercia-fens"}
    assert _grades(reports["effectiveness"])["2018-EFF-1"] == ("good", "judgment-sentence")
    assert _grades(reports["legitimacy"])["2018-LEG-2"] == ("outstanding", "judgment-sentence")
    assert [a.question for a in reports["legitimacy"].afis] == ["2018-LEG-3"]
    assert len(reports["effectiveness"].afis) == 1


def test_a_report_cut_inside_an_afi_marks_it_cut(vocab, tmp_path):
    text = TEXT[: TEXT.index("act on what it finds.")]
    legitimacy = _reports(vocab, text, tmp_path)["legitimacy"]
    assert legitimacy.afis[-1].cut
    assert any("cut" in w for w in legitimacy.warnings)


def test_cover_and_contents_alone_say_so(vocab):
    cover = TEXT[: TEXT.index("Overall summary\n\nWessex")] + "Effectiveness\n"
    with pytest.raises(FormatError) as caught:
        extract_text(cover, vocab, path="cover.txt", sha256="0" * 64)
    assert caught.value.reason == "no-content"


def test_a_force_the_reference_data_lacks_is_refused(vocab):
    text = TEXT.replace("Wessex Constabulary", "Anytown Police")
    with pytest.raises(FormatError) as caught:
        extract_text(text, vocab, path="anytown.txt", sha256="0" * 64)
    assert caught.value.reason == "no-force"


def test_a_landing_page_naming_the_report_stays_a_landing_page(vocab):
    real = (TEST_DATA / "real" / "sussex-peel-2018-19.txt").read_text(encoding="utf-8")
    landing = real.split("# source:")[2].split("\n", 2)[2]
    assert detect_format(landing, vocab) == "landing-page"


def test_a_listed_section_that_is_no_question_is_not_read_as_the_one_before(vocab, tmp_path):
    """ "Armed policing" (the framework words its question "specialist capabilities") and
    "Force in context": their grade line and AFI go to no question, and a warning says so."""
    effectiveness = _reports(vocab, tmp_path=tmp_path)["effectiveness"]
    assert not any("armed" in a.text for a in effectiveness.afis)
    assert "2018-EFF-5" not in _grades(effectiveness)
    assert not any("rural" in f.text for f in effectiveness.findings)
    assert any("'Armed policing'" in w for w in effectiveness.warnings)


def test_a_pdf_text_copy_with_page_breaks_running_heads_and_page_numbers(vocab, tmp_path):
    """The same report as PDF text: form feeds, the title as a running head, page numbers."""
    head = (
        "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 \u2013 Wessex Constabulary"
    )
    pages = TEXT.split("\n\nPlanning for the future\n")  # inside the section before
    text = f"{pages[0]}\n\n12\n\f{head}\n\nPlanning for the future\n{pages[1]}"
    reports = _reports(vocab, text, tmp_path)
    plain = _reports(vocab, tmp_path=tmp_path, name="plain.txt")
    for pillar, report in reports.items():
        assert _grades(report) == _grades(plain[pillar])
        assert [f.text for f in report.findings] == [f.text for f in plain[pillar].findings]
