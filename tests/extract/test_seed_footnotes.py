"""Every footnote of the seed report is an item; an acronym a footnote defines points at it."""

from __future__ import annotations


def test_every_footnote_of_the_seed(seed_report):
    # the seed text has 29 blocks opening with a superscript number, 1 to 29
    assert [n.number for n in seed_report.footnotes] == list(range(1, 30))
    assert all(n.text and n.spans for n in seed_report.footnotes)


def test_the_mash_footnote(seed_report):
    note = next(n for n in seed_report.footnotes if n.number == 12)
    assert note.text.startswith("A multi-agency safeguarding hub (MASH) brings together")
    assert note.page == 27
    assert note.citation is not None
    cited = seed_report.text[note.citation.start : note.citation.end]
    assert cited.startswith("Since our last inspection") and cited.endswith("(MASH),¹²")
    (mash,) = [g for g in seed_report.glossary if g.acronym == "MASH"]
    assert mash.footnote == 12


def test_a_footnote_with_a_web_address_keeps_it(seed_report):
    note = next(n for n in seed_report.footnotes if n.number == 28)
    assert note.text.endswith(
        "Available at: www.gov.uk/government/uploads/system/uploads/attachment_data/file/"
        "417116/The_Strategic_Policing_Requirement.pdf"
    )
    assert not any("The_Strategic_Policing_Requirement" in f.text for f in seed_report.findings)
