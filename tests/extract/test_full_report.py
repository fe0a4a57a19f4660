"""The full-report reader: what is and is not a finding."""

from __future__ import annotations

import re


def test_figure_captions_sources_and_notes_are_not_findings(seed_report):
    apparatus = re.compile(r"^(?:Figure \d+:|Source:|\* |For further information)")
    assert not [f.text for f in seed_report.findings if apparatus.match(f.text)]


def test_a_paragraph_after_a_figure_keeps_its_section(seed_report):
    sections = {f.section for f in seed_report.findings}
    assert not any(s and s.startswith("For further information") for s in sections)
