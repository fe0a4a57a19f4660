"""Query results as text: the aligned table keeps every word, fits a width, and stays fast
on the thousands of rows a corpus-wide query returns; CSV, JSON and Markdown as before."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from peelgraph.resultformat import MIN_COLUMN, render, text_table
from peelgraph.store import QueryResult

LONG = (
    "The force should review its capacity to retrieve digital evidence from mobile phones, "
    "computers and other devices quickly enough to support investigations."
)


def test_columns_line_up_under_their_headers():
    table = text_table(["force", "n"], [["Kent Police", "3"], ["Surrey Police", "12"]])
    lines = table.splitlines()
    assert lines[0] == "force          n"
    assert lines[1] == "-------------  --"
    assert lines[2:] == ["Kent Police    3", "Surrey Police  12"]


def test_a_long_cell_wraps_to_the_width_and_keeps_every_word():
    table = text_table(["code", "text"], [["2016-EFF-1", LONG]], width=60)
    lines = table.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert len(lines) > 3  # header, rule and the wrapped text
    assert " ".join(" ".join(lines[2:]).split()).replace("2016-EFF-1 ", "") == LONG
    assert lines[3].startswith(" " * len("2016-EFF-1"))  # continuation lines stay in column


def test_no_column_is_narrowed_below_the_minimum_wide_rows_become_records():
    table = text_table(["a", "b", "c"], [["x" * 40, "y" * 40, "z" * 40]], width=60)
    rule = table.splitlines()[1]
    widths = [len(part) for part in rule.split("  ")]
    assert min(widths) >= MIN_COLUMN and sum(widths) + 4 <= 60
    records = text_table(["a", "b", "c"], [["x" * 40, "y" * 40, "z" * 40]], width=40)
    lines = records.splitlines()
    assert lines[0].startswith("-[ 1 ]") and all(len(line) <= 40 for line in lines)
    assert [line.split()[0] for line in lines[1:] if not line.startswith(" ")] == ["a", "b", "c"]


def test_columns_share_the_width_by_what_they_hold():
    """Short columns keep their width, long ones share the rest: no 12-character columns."""
    rows = [["Thames Valley Police", "2016", LONG, "report:thames-valley-2016-effectiveness"]]
    table = text_table(["force", "year", "text", "report"], rows, width=120)
    lines = table.splitlines()
    assert all(len(line) <= 120 for line in lines)
    assert lines[2].startswith("Thames Valley Police  2016  ")  # kept whole
    assert len(lines) <= 6


def test_iris_wrap_at_slashes_and_hyphens_not_mid_word():
    iri = "report:thames-valley-2016-effectiveness/finding/eff-1-3"
    table = text_table(["item", "n"], [[iri, "1"]], width=30)
    cells = [line[:26].strip() for line in table.splitlines()[2:]]
    assert "".join(cells) == iri
    assert all(cell.endswith(("/", "-")) for cell in cells[:-1])


def test_the_table_writes_iris_as_prefixed_names_csv_keeps_them_whole():
    pid = "https://w3id.org/peelgraph/id/"
    item = pid + "report/kent-2016-effectiveness/finding/eff-1-1"
    result = QueryResult(["item", "force"], [{"item": item, "force": pid + "force/kent"}])
    prefixes = {"report": pid + "report/", "force": pid + "force/", "pid": pid}
    table = render(result, "table", prefixes=prefixes)
    assert "report:kent-2016-effectiveness/finding/eff-1-1  force:kent" in table
    assert pid in render(result, "csv", prefixes=prefixes)
    assert "report:kent" in render(result, "records", prefixes=prefixes)
    assert render(result, "tsv").splitlines()[0] == "item\tforce"


@given(
    st.lists(
        st.lists(st.text(alphabet="abc de-", max_size=30), min_size=2, max_size=2), max_size=8
    ),
    st.integers(min_value=40, max_value=120),
)
def test_wrapping_loses_no_characters(rows, width):
    lines = text_table(["first", "second"], rows, width=width).splitlines()
    second = lines[1].index("  -") + 2  # where the second column starts, from the rule
    for column, cut in ((0, slice(0, second)), (1, slice(second, None))):
        kept = "".join(line[cut] for line in lines[2:]).replace(" ", "")
        assert kept == "".join(row[column].replace(" ", "") for row in rows)


def test_render_gives_every_format():
    result = QueryResult(
        ["force", "text", "page"],
        [{"force": "Kent Police", "text": "line one\nline two", "page": 4},
         {"force": "Surrey | Police", "text": None, "page": None}],
    )  # fmt: skip
    table = render(result, "table")
    assert "line one line two" in table and table.endswith("2 row(s)")
    assert list(csv.reader(io.StringIO(render(result, "csv")))) == [
        ["force", "text", "page"], ["Kent Police", "line one\nline two", "4"],
        ["Surrey | Police", "", ""],
    ]  # fmt: skip
    assert json.loads(render(result, "json"))[0]["page"] == 4
    assert "Surrey \\| Police" in render(result, "markdown")
    assert render(QueryResult([], [], True), "table") == "true"
    assert render(QueryResult([], [], False), "json") == "false"


def test_a_corpus_sized_table_is_laid_out_quickly():
    """Not a timing test: the layout must be linear, so 20,000 rows go through at all."""
    rows = [[f"Force {n}", str(n), LONG] for n in range(20_000)]
    table = text_table(["force", "n", "text"], rows, width=120)
    assert table.count("\n") > 20_000
