"""The area sections the later page readers share (extract/sections.py)."""

from __future__ import annotations

import pytest

from peelgraph.extract.grades import GradeReader
from peelgraph.extract.layout import fold, line_blocks
from peelgraph.extract.sections import Section, Statements, list_item
from peelgraph.model import Finding, Span
from peelgraph.vocab import QuestionDef

QUESTION = QuestionDef("2021-PEEL-1", "Investigating crime", "core", None, None, True)


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("1. The force should act.", "The force should act."),
        ("- The force should act.", "The force should act."),
        ("2 The force should act.", "The force should act."),
        ("Area for improvement 3: The force should act.", "The force should act."),
        ("The force should act.", "The force should act."),
    ],
)
def test_a_list_item_loses_its_bullet_or_number(line, rest):
    removed, found = list_item(line)
    assert found == rest
    assert line[removed:] == rest


def _read(text: str, section: Section, vocab) -> Statements:
    """Feed ``text`` line by line as a reader does: the heading, then grade lines, list
    headings, items, and findings for whatever is none of them."""
    read = Statements()
    grades = GradeReader(vocab.grades)
    for block in line_blocks(text):
        if block.text == QUESTION.label:
            section.enter(QUESTION, read)
        elif not section.grade_line(block, grades, read):
            if not section.open_list(fold(block.text)):
                if not section.take_item(block, QUESTION.code, read):
                    span = (Span(block.start, block.end),)
                    read.findings.append(Finding(QUESTION.code, block.text, span))
    return read


PAGE = """Investigating crime
Requires improvement
The force investigates most crime well.
Areas for improvement
1. The force should supervise investigations.
The force should update victims.
Good
Cause of concern
The force does not safeguard victims.
Recommendations
Within three months, the force should:
- review its safeguarding.
"""


def test_grade_line_lists_and_items_of_a_section(vocab):
    read = _read(PAGE, Section(afi_openers=("the force",), lead_ins=True), vocab)
    assert [(j.question, j.grade, j.basis) for j in read.judgments.values()] == [
        ("2021-PEEL-1", "requires-improvement", "grade-line")
    ]
    assert read.found == ["2021-PEEL-1"]
    assert [a.text for a in read.afis] == [
        "The force should supervise investigations.",
        "The force should update victims.",
    ]
    assert PAGE[read.afis[0].spans[0].start :].startswith("The force should supervise")
    assert [c.text for c in read.concerns] == ["The force does not safeguard victims."]
    (recommendation,) = read.recommendations
    assert recommendation.text == "review its safeguarding."
    assert (recommendation.concern, recommendation.deadline) == (0, "within three months")
    # "Good" far from the heading is no grade, and no finding either
    assert [f.text for f in read.findings] == ["The force investigates most crime well."]


def test_without_lead_ins_the_lead_in_is_an_item_and_no_deadline_is_read(vocab):
    read = _read(PAGE, Section(afi_openers=("the force",)), vocab)
    assert [r.text for r in read.recommendations] == [
        "Within three months, the force should:",
        "review its safeguarding.",
    ]
    assert all(r.deadline is None for r in read.recommendations)


def test_an_unmarked_line_that_opens_no_afi_closes_the_list(vocab):
    page = "Investigating crime\nAreas for improvement\n- Supervise.\nIt should act.\n- Later.\n"
    read = _read(page, Section(afi_openers=("the force",)), vocab)
    assert [a.text for a in read.afis] == ["Supervise."]
    # "It should act." closed the list: "- Later." is the section's text
    assert [f.text for f in read.findings] == ["It should act.", "- Later."]
    read = _read(page, Section(afi_openers=("the force", "it ")), vocab)
    assert [a.text for a in read.afis] == ["Supervise.", "It should act.", "Later."]
