"""Every page of the seed report's items, against pages read by hand.

The seed text has no form feeds, so a reader (and peelgraph) places its pages from the two
marks the conversion kept: the contents list (a listed heading starts on its page; each
"Summary of findings" has its own line) and the footnotes (a run of footnotes ends a page).
The table below was written by reading data/reports/thames-valley-peel-effectiveness-2016.txt
(= shared/seeds), not from peelgraph's output: for each item, the page a reader with the
printed contents list in hand gives it. An item cut by a page break lists both pages.
"""

from __future__ import annotations

import pytest

# (kind, question or None, opening words, pages of its spans in order)
HAND_READ: list[tuple[str, str | None, str, tuple[int, ...]]] = [
    # grades: the grade word under each "Summary of findings" (contents: 15, 26, 36, 44, 48)
    ("judgment", "2016-EFF-1", "", (15,)),
    ("judgment", "2016-EFF-2", "", (26,)),
    ("judgment", "2016-EFF-3", "", (36,)),
    ("judgment", "2016-EFF-4", "", (44,)),
    ("judgment", "2016-EFF-5", "", (48,)),
    ("judgment", "2016-EFF", "", (7,)),
    # areas for improvement: on their "Summary of findings" page
    ("afi", "2016-EFF-1", "The force should adopt a structured", (15,)),
    ("afi", "2016-EFF-2", "The force should ensure that the capacity", (26,)),
    ("afi", "2016-EFF-2", "The force should review its capacity to retrieve digital", (26,)),
    ("afi", "2016-EFF-2", "The force should ensure that it is fully compliant", (26,)),
    ("afi", "2016-EFF-2", "The force should consider widening", (26,)),
    ("afi", "2016-EFF-4", "The force should further develop", (44,)),
    ("afi", "2016-EFF-4", "The force should engage routinely", (44,)),
    ("afi", "2016-EFF-4", "The force should improve the awareness", (44,)),
    # first paragraph under each question heading (its contents page)
    ("finding", "2016-EFF-1", "The police's ability to prevent crime", (9,)),
    ("finding", "2016-EFF-1.1", "It is vital that forces have", (12,)),
    ("finding", "2016-EFF-1.2", "Effective forces use a range", (14,)),
    ("finding", "2016-EFF-2", "When a crime occurs", (17,)),
    ("finding", "2016-EFF-2.1", "The initial investigative response is critical", (19,)),
    ("finding", "2016-EFF-2.2", "Every day police forces", (21,)),
    ("finding", "2016-EFF-2.3", "We assessed how well the force works", (24,)),
    ("finding", "2016-EFF-3", "Protecting the public, particularly", (27,)),
    ("finding", "2016-EFF-3.2", "The initial work of officers", (30,)),
    ("finding", "2016-EFF-3.3", "Those who are vulnerable often", (33,)),
    ("finding", "2016-EFF-4", "Serious and organised crime poses", (38,)),
    ("finding", "2016-EFF-4.2", "An effective force will pursue", (41,)),
    ("finding", "2016-EFF-4.3", "A force that effectively tackles", (43,)),
    ("finding", "2016-EFF-5", "Some complex threats require", (46,)),
    ("finding", "2016-EFF-5.2", "Following the terrorist attacks in Paris", (47,)),
    # first paragraph of each "Summary of findings"
    (
        "finding",
        "2016-EFF-1",
        "The force is good at preventing crime and anti-social behaviour, and",
        (15,),
    ),
    (
        "finding",
        "2016-EFF-2",
        "Thames Valley Police's initial investigative response to reports",
        (26,),
    ),
    (
        "finding",
        "2016-EFF-3",
        "Thames Valley Police has a good understanding of vulnerability",
        (36,),
    ),
    ("finding", "2016-EFF-4", "Thames Valley Police is generally effective at tackling", (44,)),
    ("finding", "2016-EFF-5", "The force has good arrangements in place to test", (48,)),
    # paragraphs after a page's footnotes: a new page (two pages when the paragraph was cut)
    ("finding", "2016-EFF-1.1", "HMIC found that the staff in safer neighbourhood", (12, 13)),
    ("finding", "2016-EFF-2", "It is also important to understand", (17, 18)),
    (
        "finding",
        "2016-EFF-2",
        "In the 12 months to 30 June 2016, Thames Valley Police's use of outcomes",
        (19,),
    ),
    ("finding", "2016-EFF-2.1", "We found that in almost all cases", (20,)),
    ("finding", "2016-EFF-2.2", "For all offences recorded in the 12 months", (22,)),
    ("finding", "2016-EFF-3.1", "SaVE training also encourages", (28,)),
    ("finding", "2016-EFF-3.2", "Thames Valley Police has excellent processes", (31,)),
    ("finding", "2016-EFF-3.2", "There are robust and effective policies", (32,)),
    ("finding", "2016-EFF-3.3", "Thames Valley Police operates across an area", (33, 34)),
    ("finding", "2016-EFF-3.3", "In the course of this inspection", (34, 35)),
    ("finding", "2016-EFF-3.3", "We considered the safeguarding arrangements", (35,)),
    (
        "finding",
        "2016-EFF-3.3",
        "In the 12 months to 30 June 2016, Thames Valley Police's use of 'community",
        (36,),
    ),
    ("finding", "2016-EFF-3", "Police officers and staff have been trained", (37,)),
    ("finding", "2016-EFF-4.2", "The force records and scores disruptions", (41, 42)),
    ("finding", "2016-EFF-4.3", "The force has recently appointed", (44,)),
    ("finding", "2016-EFF-5.1", "Comprehensive exercise and testing regimes", (46, 47)),
    ("finding", "2016-EFF-5.2", "The learning from this assessment", (47, 48)),
    ("finding", "2016-EFF-5.2", "During the inspection HMIC learned", (48,)),
    # footnotes: the page whose foot they stand at
    ("footnote", "4", "", (17,)),
    ("footnote", "12", "", (27,)),
    ("footnote", "23", "", (36,)),
    ("footnote", "28", "", (46, 46, 46)),  # the note, "Available at:" and its address
    ("footnote", "29", "", (47,)),
]


def _pages(item) -> tuple[int | None, ...]:
    return tuple(s.page for s in item.spans)


def _find(report, kind, question, opening):
    if kind == "judgment":
        return [j for j in report.judgments if j.question == question]
    if kind == "footnote":
        return [n for n in report.footnotes if str(n.number) == question]
    items = report.afis if kind == "afi" else report.findings
    return [i for i in items if i.question == question and i.text.startswith(opening)]


def test_the_hand_read_list_is_long_enough():
    assert len(HAND_READ) >= 30
    assert {kind for kind, *_ in HAND_READ} == {"judgment", "afi", "finding", "footnote"}


@pytest.mark.parametrize(("kind", "question", "opening", "pages"), HAND_READ)
def test_page_read_by_hand(seed_report, kind, question, opening, pages):
    found = _find(seed_report, kind, question, opening)
    assert len(found) == 1, f"{kind} {question} {opening!r}: {len(found)} found"
    assert _pages(found[0]) == pages
