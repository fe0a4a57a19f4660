"""PDF input: text read with pdfplumber and repaired into the text the readers take.

The PDFs are made here with fpdf2 (nothing binary is committed): a small hand-made one for
each repair, and synthetic full reports for the round trip.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from peelgraph.errors import InputError
from peelgraph.extract import extract_file
from peelgraph.extract.pdf import pdf_text
from peelgraph.extract.reading import read_document
from peelgraph.synth import FULL, Style, random_facts
from peelgraph.synth.check import differences
from peelgraph.synth.pdf import find_fonts, render_pdf

fpdf = pytest.importorskip("fpdf")


def _pdf(path: Path, pages: list[list[tuple[float, float, str, float, str]]]) -> Path:
    """A PDF with text placed at (x, y) in a size and style ('' or 'B'); '^n' is raised."""
    regular, bold = find_fonts()
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("body", "", str(regular))
    pdf.add_font("body", "B", str(bold))
    for number, items in enumerate(pages, start=1):
        pdf.add_page()
        if number > 1:  # running header and page number, as printed reports have
            pdf.set_font("body", "", 8)
            pdf.set_xy(72, 36)
            pdf.cell(300, 8, "PEEL: Police effectiveness 2016 \u2013 Wessex Constabulary")
            pdf.set_xy(290, 800)
            pdf.cell(20, 9, str(number))
        for x, y, text, size, style in items:
            pdf.set_xy(x, y)
            for n, part in enumerate(text.split("^")):
                if n % 2:
                    pdf.char_vpos = "SUP"
                pdf.set_font("body", style, size)
                width = pdf.get_string_width(part)
                pdf.cell(width, size, part)
                pdf.char_vpos = "LINE"
    path.write_bytes(bytes(pdf.output()))
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    page = [
        (72, 72, "How effective is the force\u2019s initial response?", 14, "B"),
        (72, 100, "The force works with multi-agency safeguarding hubs. Its investi-", 11, ""),
        (72, 115, "gation of anti-", 11, ""),
        (72, 130, "social behaviour is \u2018good\u2019 in the main^1^ and its", 11, ""),
        (72, 145, "anti-social behaviour team is busy.", 11, ""),
        (72, 170, "Rates per 1,000 population", 9, "B"),
        (240, 170, "Wessex Constabulary", 9, "B"),
        (380, 170, "England and Wales", 9, "B"),
        (72, 183, "Robbery", 9, ""),
        (380, 183, "1.2", 9, ""),
        (72, 196, "Burglary", 9, ""),
        (240, 196, "4.5", 9, ""),
        (380, 196, "3.9", 9, ""),
        (72, 740, "^1^ A footnote at the foot of the page.", 8, ""),
    ]
    second = [(72, 72, "Summary of findings", 14, "B"), (72, 100, "Good", 12, "B")]
    third = [(72, 72, "Next steps", 14, "B")]
    path = _pdf(tmp_path_factory.mktemp("pdf") / "sample.pdf", [page, second, third])
    return pdf_text(read_document(path))


def test_pages_are_separated_by_form_feeds(sample):
    assert sample.count("\f") == 2
    assert sample.split("\f")[1].startswith("Summary of findings\n\nGood")


def test_running_headers_and_page_numbers_are_dropped(sample):
    assert "PEEL: Police effectiveness 2016" not in sample
    assert not any(line.strip().isdigit() for line in sample.split("\n"))


def test_lines_of_a_paragraph_are_joined_and_hyphenation_mended(sample):
    paragraph = next(b for b in sample.split("\n\n") if b.startswith("The force works"))
    assert paragraph == (
        "The force works with multi-agency safeguarding hubs. Its investigation of "
        "anti-social behaviour is \u2018good\u2019 in the main\u00b9 and its anti-social "
        "behaviour team is busy."
    )


def test_headings_and_footnotes_are_blocks_of_their_own(sample):
    blocks = sample.split("\f")[0].split("\n\n")
    assert blocks[0] == "How effective is the force\u2019s initial response?"
    assert blocks[-1].strip() == "\u00b9 A footnote at the foot of the page."


def test_table_cells_are_tab_separated_in_their_columns(sample):
    table = next(b for b in sample.split("\n\n") if b.startswith("Rates per"))
    assert table.split("\n") == [
        "Rates per 1,000 population\tWessex Constabulary\tEngland and Wales",
        "Robbery\t\t1.2",
        "Burglary\t4.5\t3.9",
    ]


def test_a_pdf_without_text_is_refused_naming_the_file(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(InputError) as caught:
        pdf_text(read_document(path))
    assert caught.value.where == str(path)
    assert "no text" in caught.value.one_line()


def test_a_damaged_pdf_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n")
    with pytest.raises(InputError) as caught:
        pdf_text(read_document(path))
    assert caught.value.where == str(path)


@pytest.mark.parametrize("seed", [3, 11])
def test_a_synthetic_report_round_trips_through_pdf(vocab, tmp_path, seed):
    rng = random.Random(seed)
    facts = random_facts(vocab, rng)
    style = Style(leader_dots=seed % 2 == 1, upper_core_headings=seed == 3, bullet="\u2022")
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(facts, style))
    report = extract_file(path, vocab)
    assert differences(facts, report, FULL) == []
    assert report.source.media_type == "application/pdf"
    pages = [f.spans[0].page for f in report.findings]
    assert pages == sorted(pages) and pages[0] >= 3


def test_a_word_hyphenated_at_the_foot_of_a_page_is_mended_on_the_next(tmp_path):
    first = [
        (72, 72, "Areas for improvement", 12, "B"),
        (72, 95, "\u2022 The force should work with partners to improve commu-", 11, ""),
    ]
    second = [(90, 72, "nity engagement across its area.", 11, "")]
    third = [(72, 72, "Next steps", 14, "B")]
    text = pdf_text(read_document(_pdf(tmp_path / "cut.pdf", [first, second, third])))
    one, two, _ = text.split("\f")
    assert one.rstrip().endswith("partners to improve")
    assert two.startswith("community engagement across its area.")


def test_a_table_cell_after_a_star_or_number_column_stays_in_its_column(tmp_path):
    page = [
        (72, 72, "Outcome number", 9, "B"),
        (200, 72, "Outcome type", 9, "B"),
        (380, 72, "Wessex Constabulary", 9, "B"),
        (72, 85, "*", 9, ""),
        (200, 85, "Prosecution prevented", 9, ""),
        (380, 85, "1.1", 9, ""),
        (72, 98, "1", 9, ""),
        (200, 98, "Charged", 9, ""),
        (380, 98, "12.5", 9, ""),
    ]
    text = pdf_text(read_document(_pdf(tmp_path / "t.pdf", [page])))
    assert text.replace("**", "").strip().split("\n") == [
        "Outcome number\tOutcome type\tWessex Constabulary",
        "*\tProsecution prevented\t1.1",
        "1\tCharged\t12.5",
    ]
