"""The scorecard itself, on a tiny hand-made folder: a page read right, a wrong grade, a grade
read from a sentence that is not one, an invented force, refusals with and without the
reason expected, a crash, and items whole, cut or missed.

The extractor is replaced by a stub that returns hand-made reports, so that these tests say
what the scorecard counts whatever the extractor does today; one CLI test runs the real one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.errors import FormatError, InputError
from peelgraph.model import AreaForImprovement, Document, Judgment, Report, SourceFile, Span
from peelgraph.scorecard import (
    check_expectations,
    failures,
    load_expectations,
    passes,
    read_fragments,
    render_details,
    render_tables,
    score_folder,
    split_fragments,
    tally,
)
from peelgraph.scorecard.score import (
    ACCEPTED,
    ACCEPTED_WRONGLY,
    CRASHED,
    CUT_AS_WHOLE,
    CUT_MARKED,
    EXTRA,
    ITEM_MISSED,
    MISSED,
    OPTIONAL_UNREAD,
    READ,
    REFUSED,
    REFUSED_WRONGLY,
    WHOLE,
    WRONG,
)

from .conftest import TEST_DATA

OVERVIEW = """\
Skip to content

Thames Valley PEEL 2016

How effective is the force at keeping people safe and reducing crime?

Last updated 02/03/2017
Good

Thames Valley Police is good at keeping people safe and reducing crime.

The force is generally good at preventing crime.
"""

SUMMARY = """\
Surrey PEEL 2017
Effectiveness
How effective is the force at investigating crime and reducing re-offending?
Surrey Police is good at investigating crime and reducing re-offending.
Areas for improvement
- The force should find wanted people swiftly.
- The force should widen its approach to integrated offender
"""

NATIONAL = """\
Most police forces are good at preventing crime

Across England and Wales, HMIC has graded 24 forces as good.
"""

FOLDER_FILES = {
    "thames-valley.txt": f"# source: https://example.org/tv\n# fragment: overview\n{OVERVIEW}",
    "pages.txt": (
        f"# source: https://example.org/surrey\n# fragment: summary, cut\n{SUMMARY}\n"
        f"# source: https://example.org/national\n# fragment: news\n{NATIONAL}"
    ),
}

EXPECTATIONS = """\
version: 1
fragments:
  - file: thames-valley.txt
    fragment: 1
    source: https://example.org/tv
    kind: overview
    cycle: "2016"
    year: 2016
    outcome: accept
    force: thames-valley
    grades:
      - pillar: effectiveness
        question: headline
        grade: good
        sentences:
          - "Good"
          - "Thames Valley Police is good at keeping people safe and reducing crime."
      - pillar: effectiveness
        question: 1
        grade: good
        optional: true
        sentences: ["The force is generally good at preventing crime."]
    not_grades:
      - sentence: "The force is generally good at preventing crime."
        why: hedged
  - file: pages.txt
    fragment: 1
    source: https://example.org/surrey
    kind: question-summary
    cycle: "2017"
    year: 2017
    outcome: accept
    force: surrey
    grades:
      - pillar: effectiveness
        question: 2
        grade: good
        sentences: ["Surrey Police is good at investigating crime and reducing re-offending."]
    afis:
      - text: "The force should find wanted people swiftly."
      - text: "The force should widen its approach to integrated offender"
        cut: true
  - file: pages.txt
    fragment: 2
    source: https://example.org/national
    kind: national
    cycle: "2015"
    year: 2015
    outcome: refuse
    force: null
    reason_any: [national, all forces]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in FOLDER_FILES.items():
        (pages / name).write_text(text, encoding="utf-8")
    (tmp_path / "expect.yaml").write_text(EXPECTATIONS, encoding="utf-8")
    return pages


@dataclass(frozen=True)
class CutItem:
    """An item as the extractor will give it once it marks cut items."""

    text: str
    cut: bool = False


def _report(text, force="thames-valley", year=2016, judgments=(), afis=(), known=True):
    return Report(
        documents=(Document(SourceFile("x.txt", "x.txt", "sha", "summary"), text),),
        force_name=force,
        force_slug=force,
        force_known=known,
        year=year,
        pillar="effectiveness",
        framework=f"questions-{year}-effectiveness",
        judgments=tuple(judgments),
        afis=tuple(afis),
    )


def _judgment(text: str, question: str, grade: str, sentence: str) -> Judgment:
    start = text.index(sentence)
    return Judgment(question, grade, (Span(start, start + len(sentence), doc="sha"),), "test")


def _afi(text: str) -> AreaForImprovement:
    return AreaForImprovement("2017-EFF-2", text, ())


def _extractor(outcomes: dict[str, object]):
    """A stub extractor: per fragment file and number, reports to return or an error to raise."""

    def extract(fragment, vocab):
        outcome = outcomes[fragment.key]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome(fragment.text) if callable(outcome) else outcome

    return extract


def _right_overview(text):
    return [_report(text, judgments=[_judgment(text, "2016-EFF", "good", "Good\n")])]


def _right_summary(text):
    sentence = "Surrey Police is good at investigating crime and reducing re-offending."
    return [
        _report(
            text,
            force="surrey",
            year=2017,
            judgments=[_judgment(text, "2017-EFF-2", "good", sentence)],
            afis=[
                _afi("The force should find wanted people swiftly."),
                CutItem("The force should widen its approach to integrated offender", cut=True),
            ],
        )
    ]


def _national_refused(reason: str) -> FormatError:
    error = FormatError("not a PEEL document of a known format", where="x.txt")
    error.reason = reason  # type: ignore[attr-defined]
    return error


def _score(folder: Path, vocab, **overrides):
    outcomes = {
        "thames-valley.txt#1": _right_overview,
        "pages.txt#1": _right_summary,
        "pages.txt#2": _national_refused("a national page about all forces, not one force's"),
    }
    outcomes.update(overrides)
    return score_folder(folder, folder.parent / "expect.yaml", vocab, _extractor(outcomes))


def _page(scorecard, key):
    return next(p for p in scorecard.pages if p.key == key)


def test_fragments_split_on_source_lines_and_lose_their_headers(folder):
    fragments = read_fragments(folder)
    assert [f.key for f in fragments] == ["pages.txt#1", "pages.txt#2", "thames-valley.txt#1"]
    national = fragments[1]
    assert national.source == "https://example.org/national"
    assert national.note == "fragment: news"
    assert national.text.startswith("Most police forces")
    assert "# source" not in fragments[0].text
    with pytest.raises(InputError, match="source"):
        split_fragments("bad.txt", "Thames Valley PEEL 2016\n")


def test_a_page_read_right_passes(folder, vocab):
    scorecard = _score(folder, vocab)
    assert passes(scorecard), [failures(p) for p in scorecard.pages]
    overview = _page(scorecard, "thames-valley.txt#1")
    assert overview.verdict == ACCEPTED and overview.force_verdict == "right"
    assert [g.verdict for g in overview.grades] == [READ, OPTIONAL_UNREAD]
    summary = _page(scorecard, "pages.txt#1")
    assert sorted(i.verdict for i in summary.items) == [CUT_MARKED, WHOLE]
    national = _page(scorecard, "pages.txt#2")
    assert national.verdict == REFUSED
    # the reason code, then the message
    assert national.reason.startswith("a national page about all forces, not one force's: ")
    rows = tally(scorecard, "kind")
    assert list(rows) == ["overview", "question-summary", "national", "all"]
    assert rows["all"].grades == 2 and rows["all"].grades_read == 2
    assert rows["all"].refused == 1 and rows["all"].accepted == 2


def test_a_wrong_grade_and_a_grade_read_from_a_hedged_sentence_are_wrong(folder, vocab):
    def wrong(text):
        hedged = "The force is generally good at preventing crime."
        return [
            _report(
                text,
                judgments=[
                    _judgment(text, "2016-EFF", "requires-improvement", "Good\n"),
                    _judgment(text, "2016-EFF-2", "good", hedged),
                ],
            )
        ]

    scorecard = _score(folder, vocab, **{"thames-valley.txt#1": wrong})
    overview = _page(scorecard, "thames-valley.txt#1")
    verdicts = {(g.question, g.verdict) for g in overview.grades}
    assert ("2016-EFF", WRONG) in verdicts and ("2016-EFF-2", WRONG) in verdicts
    hedged = next(g for g in overview.grades if g.question == "2016-EFF-2")
    assert "not a grade" in hedged.detail and "generally good" in hedged.detail
    assert not any(g.verdict == MISSED for g in overview.grades)  # wrong, not also missed
    assert tally(scorecard)["overview"].grades_wrong == 2
    assert not passes(scorecard)


def test_an_invented_force_and_another_force_are_counted(folder, vocab):
    def invented(text):
        return [_report(text, force="wessex", known=False)]

    def other(text):
        return [_report(text, force="hampshire")]

    scorecard = _score(folder, vocab, **{"thames-valley.txt#1": invented})
    assert _page(scorecard, "thames-valley.txt#1").force_verdict == "invented"
    assert tally(scorecard)["all"].forces_invented == 1
    scorecard = _score(folder, vocab, **{"thames-valley.txt#1": other})
    assert _page(scorecard, "thames-valley.txt#1").force_verdict == "wrong"
    assert _page(scorecard, "thames-valley.txt#1").grades[0].verdict == MISSED


def test_refusals_need_the_reason_expected(folder, vocab):
    generic = FormatError("not a PEEL document of a known format", where="x.txt")
    scorecard = _score(folder, vocab, **{"pages.txt#2": generic})
    national = _page(scorecard, "pages.txt#2")
    assert national.verdict == REFUSED_WRONGLY
    # code and message, not the file
    assert national.reason == "unknown-format: not a PEEL document of a known format"
    named = FormatError("a national news release about all forces", where="x.txt")
    assert _page(_score(folder, vocab, **{"pages.txt#2": named}), "pages.txt#2").verdict == REFUSED
    accepted = _score(folder, vocab, **{"pages.txt#2": lambda text: [_report(text, year=2015)]})
    assert _page(accepted, "pages.txt#2").verdict == ACCEPTED_WRONGLY
    assert _page(accepted, "pages.txt#2").force_verdict == "wrong"


def test_a_page_to_accept_that_is_refused_misses_everything(folder, vocab):
    refused = FormatError("a landing page that names no PEEL year", where="x.txt")
    scorecard = _score(folder, vocab, **{"pages.txt#1": refused})
    summary = _page(scorecard, "pages.txt#1")
    assert summary.verdict == REFUSED_WRONGLY
    assert [g.verdict for g in summary.grades] == [MISSED]
    assert [i.verdict for i in summary.items] == [ITEM_MISSED, ITEM_MISSED]
    crashed = _score(folder, vocab, **{"pages.txt#1": ValueError("boom")})
    page = _page(crashed, "pages.txt#1")
    assert page.verdict == CRASHED and page.reason == "ValueError: boom"
    assert "Traceback" in (page.traceback or "")
    assert tally(crashed)["all"].crashed == 1


def test_items_cut_stored_as_whole_missed_and_extra(folder, vocab):
    def sloppy(text):
        return [
            _report(
                text,
                force="surrey",
                year=2017,
                afis=[
                    _afi("The force should find wanted people."),
                    _afi("The force should widen its approach to integrated offender"),
                    _afi("Areas for improvement"),
                ],
            )
        ]

    scorecard = _score(folder, vocab, **{"pages.txt#1": sloppy})
    items = {i.verdict: i for i in _page(scorecard, "pages.txt#1").items}
    assert set(items) == {ITEM_MISSED, CUT_AS_WHOLE, EXTRA}
    assert items[ITEM_MISSED].text == "The force should find wanted people swiftly."
    row = tally(scorecard)["question-summary"]
    assert (row.items, row.items_cut_as_whole, row.items_missed, row.items_extra) == (2, 1, 1, 1)


def test_expectations_must_quote_their_fragments(folder, vocab, tmp_path):
    expect = tmp_path / "expect.yaml"
    expect.write_text(EXPECTATIONS.replace("find wanted people swiftly", "find people"))
    problems = check_expectations(load_expectations(expect), read_fragments(folder))
    assert problems == ["pages.txt#1: not in the fragment's text: 'The force should find people.'"]
    with pytest.raises(InputError, match="does not describe the fragments"):
        score_folder(folder, expect, vocab)
    expect.write_text(EXPECTATIONS.replace("grade: good", "grade: great", 1))
    assert check_expectations(
        load_expectations(expect), read_fragments(folder), [g.slug for g in vocab.grades]
    ) == ["thames-valley.txt#1: unknown grade 'great'"]
    expect.write_text("fragments: [")
    with pytest.raises(InputError, match="not valid YAML"):
        load_expectations(expect)


def test_tables_and_details_render(folder, vocab):
    scorecard = _score(folder, vocab, **{"pages.txt#2": FormatError("unknown", where="x")})
    console = Console(record=True, width=160)
    console.print(render_tables(scorecard))
    console.print(render_details(scorecard, only_failures=True))
    text = console.export_text()
    assert "Pages and forces, per page kind" in text and "Per cycle" in text
    assert "pages.txt#2" in text and "refused wrongly" in text
    assert "thames-valley.txt#1" not in text.split("Per cycle")[1]  # only failures listed


def test_check_command_on_real_pages(tmp_path):
    """The command with the real extractor: a summary page it reads today (exit 0), the same
    page with a grade the page does not state (exit 1), a missing folder (exit 2)."""
    real = TEST_DATA / "real"
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "merseyside-effectiveness-2016.txt").write_bytes(
        (real / "merseyside-effectiveness-2016.txt").read_bytes()
    )
    full = load_expectations(real / "expectations.yaml")
    entry = next(p for p in full.pages if p.file == "merseyside-effectiveness-2016.txt")
    text = (real / "expectations.yaml").read_text(encoding="utf-8")
    start = text.index("  - file: merseyside-effectiveness-2016.txt")
    end = text.index("  - file:", start + 10)
    expect = tmp_path / "expect.yaml"
    expect.write_text("fragments:\n" + text[start:end], encoding="utf-8")
    assert len(load_expectations(expect).pages) == 1 and entry.force == "merseyside"
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(pages), "--expect", str(expect), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["passes"] and data["by_kind"]["all"]["grades_read"] == 2
    expect.write_text(expect.read_text().replace("grade: good", "grade: outstanding", 1))
    result = runner.invoke(app, ["check", str(pages), "--expect", str(expect), "--failures"])
    assert result.exit_code == 1
    assert "grade wrong" in result.stdout
    result = runner.invoke(app, ["check", str(tmp_path / "none"), "--expect", str(expect)])
    assert result.exit_code == 2
    assert "[ERROR]" in result.stderr and "is not a folder" in result.stderr


def test_benchmark_script_writes_the_markdown_tables(tmp_path):
    """benchmarks/scorecard.py on the real pages: every page counted, in Markdown."""
    import runpy

    script = runpy.run_path(str(TEST_DATA.parents[1] / "benchmarks" / "scorecard.py"))
    out = tmp_path / "scorecard.md"
    assert script["main"](["--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    pages = len(load_expectations(TEST_DATA / "real" / "expectations.yaml").pages)
    assert f"| **all** | {pages} |" in text
    assert "| national |" in text and "| 2018/19 |" in text and "pages scored in" in text
