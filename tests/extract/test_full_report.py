"""The full-report reader: what is and is not a finding."""

from __future__ import annotations

import re

from ..conftest import TEST_DATA

WESSEX = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"


def test_figure_captions_sources_and_notes_are_not_findings(seed_report):
    apparatus = re.compile(r"^(?:Figure \d+:|Source:|\* |For further information)")
    assert not [f.text for f in seed_report.findings if apparatus.match(f.text)]


def test_a_paragraph_after_a_figure_keeps_its_section(seed_report):
    sections = {f.section for f in seed_report.findings}
    assert not any(s and s.startswith("For further information") for s in sections)


def test_a_bullet_cut_by_a_page_break_and_the_bullets_after_it(vocab):
    from peelgraph.extract import extract_text

    text = WESSEX.read_text(encoding="utf-8").replace(
        "management of\nrepeat offenders.",
        "management of\n\f\nrepeat offenders.\n- The constabulary should review its use of bail.",
    )
    report = extract_text(text, vocab, path="cut.txt", sha256="0" * 64)
    texts = [a.text for a in report.afis if a.question == "2016-EFF-2"]
    assert texts[-2:] == [
        "The constabulary should work with the Crown Prosecution Service and probation service "
        "to improve the management of repeat offenders.",
        "The constabulary should review its use of bail.",
    ]


def test_a_paragraph_whose_first_line_was_left_alone_at_the_foot_of_a_page(vocab):
    from peelgraph.extract import extract_text

    text = WESSEX.read_text(encoding="utf-8").replace(
        "Control room staff in Wessex",
        "Information about victims is held on several different computer\n\n"
        "\u00b3 A note at the foot of the page.\n\f\n"
        "systems, which makes it hard to see the whole picture.\n\nControl room staff in Wessex",
    )
    report = extract_text(text, vocab, path="cut.txt", sha256="0" * 64)
    cut = next(f for f in report.findings if f.text.startswith("Information about victims"))
    assert cut.text.endswith("to see the whole picture.")
    assert (cut.question, cut.section) == ("2016-EFF-2.1", None)
    assert len(cut.spans) == 2
