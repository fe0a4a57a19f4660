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


def test_a_width_narrower_than_the_columns_allow_narrows_them_to_the_minimum():
    table = text_table(["a", "b", "c"], [["x" * 40, "y" * 40, "z" * 40]], width=10)
    rule = table.splitlines()[1]
    assert rule == "  ".join("-" * MIN_COLUMN for _ in range(3))


@given(
    st.lists(
        st.lists(st.text(alphabet="abc de-", max_size=30), min_size=2, max_size=2), max_size=8
    ),
    st.integers(min_value=20, max_value=120),
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
