"""Findings as the report writes them: a lead-in and its bullets are one finding, headings,
contents lines and boilerplate are no findings, footnotes are items. The report
(tests/data/wessex-findings-as-written.txt) is made up, a fictional force, so the rules are
tried on text they were not written against."""

from __future__ import annotations

from peelgraph.extract import extract_text

from ..conftest import TEST_DATA

REPORT = (TEST_DATA / "wessex-findings-as-written.txt").read_text(encoding="utf-8")


def test_findings_as_written(vocab):
    report = extract_text(REPORT, vocab, path="wessex.txt", sha256="0" * 64)
    texts = [f.text for f in report.findings]
    assert not any(t.startswith("This question was not inspected") for t in texts)
    assert not any(t.startswith("How effective") for t in texts)
    (listed,) = [f for f in report.findings if f.items]
    assert listed.text.startswith("Wessex Constabulary works with")
    assert listed.items == (
        "shares information with the local authority every day;",
        "reviews each case within 24 hours; and",
        "uses the Home Office guidance to assess risk.",
    )
    assert listed.text.endswith("uses the Home Office guidance to assess risk.")
    # roles from the whole finding: the generic partner and the local authority are partners,
    # the Home Office a source, and "victim support professionals" names no charity
    assert set(listed.mentions) == {"partner/partner-organisations", "partner/local-authority"}
    assert listed.sources == ("partner/home-office",)
    assert not any("www.example.org" in t or t == "Available at:" for t in texts)


def test_footnotes_are_items(vocab):
    report = extract_text(REPORT, vocab, path="wessex.txt", sha256="0" * 64)
    (note,) = report.footnotes
    assert note.number == 1
    assert note.text == (
        "A safeguarding hub (SH) brings partners together in one building. "
        "Available at: www.example.org/hub.pdf"
    )
    assert note.citation is not None
    cited = REPORT[note.citation.start : note.citation.end]
    assert cited.startswith("Wessex Constabulary works with") and cited.endswith("hub.¹")
    assert [s.page for s in note.spans] == [5, 5, 5]
    # the paragraph after the footnotes (and their tail) starts the next page
    (after,) = [f for f in report.findings if f.text.startswith("the text after")]
    assert [s.page for s in after.spans] == [6]
    assert [j.spans[0].page for j in report.judgments] == [7]
