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
