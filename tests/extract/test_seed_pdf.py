"""The seed report printed as a PDF reads back as the seed text does.

The seed's text is laid out as a PDF (headings, footnotes, tables in columns, the contents
list), and extraction from the PDF must give the same grades, AFIs, figure observations and
findings as extraction from the text.
"""

from __future__ import annotations

import pytest

from peelgraph.extract import extract_file
from peelgraph.synth.pdf import text_to_pdf

from ..conftest import SEED_FULL

pytest.importorskip("fpdf")


@pytest.fixture(scope="module")
def seed_pdf_report(vocab, tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "thames-valley-peel-effectiveness-2016.pdf"
    path.write_bytes(text_to_pdf(SEED_FULL.read_text(encoding="utf-8")))
    return extract_file(path, vocab)


def test_grades_and_afis_are_the_same(seed_pdf_report, seed_report):
    grades = {(j.question, j.grade) for j in seed_pdf_report.judgments}
    assert grades == {(j.question, j.grade) for j in seed_report.judgments}
    assert [(a.question, a.text) for a in seed_pdf_report.afis] == [
        (a.question, a.text) for a in seed_report.afis
    ]


def test_figure_observations_are_the_same(seed_pdf_report, seed_report):
    def figures(report):
        return {
            (o.figure, o.row_label, o.area, o.unit, o.value, o.outcome_number)
            for o in report.observations
            if o.figure.startswith("Figure")
        }

    assert figures(seed_pdf_report) == figures(seed_report)
    assert len(figures(seed_report)) > 50


def test_findings_are_the_same(seed_pdf_report, seed_report):
    assert [(f.question, f.section, f.text) for f in seed_pdf_report.findings] == [
        (f.question, f.section, f.text) for f in seed_report.findings
    ]
    assert seed_pdf_report.source.media_type == "application/pdf"
