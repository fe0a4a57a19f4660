"""A saved query's ORDER BY applied in Python (:mod:`peelgraph.sortrows`) gives Oxigraph's own
order, or declines: on generated rows of every kind a key can hold, and on every saved query
of the seed build; and ``query run -f csv`` writes the same bytes as before these changes
(the engine's ORDER BY, then formula-safe cells written with the csv module)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from peelgraph.cells import safe_cell
from peelgraph.cli import app
from peelgraph.queries import list_queries
from peelgraph.sortrows import Condition, sort_solutions, split_order
from peelgraph.store import open_native, run_query, run_sparql

XSD = "http://www.w3.org/2001/XMLSchema#"

# -- split_order ------------------------------------------------------------------------------


def test_split_order_takes_off_a_trailing_order_by_of_variables():
    body, keys = split_order("SELECT ?a ?b WHERE { ?a ?p ?b }\nORDER BY ?a DESC(?b)  asc( ?c )\n")
    assert body == "SELECT ?a ?b WHERE { ?a ?p ?b }\n"
    assert keys == (Condition("a"), Condition("b", True), Condition("c"))


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?a WHERE { ?a ?p ?b }",
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 3",
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY STR(?a)",
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a # a comment",
    ],
)
def test_split_order_leaves_any_other_query_alone(text):
    assert split_order(text) is None


# -- the same order as Oxigraph's, on generated rows ----------------------------------------------

_TERMS = [
    None, '"b"', '"B"', '""', '"é"', '"a b"', '"b"@en', '"a"@en', '"a"@fr', "<https://x/a>",
    "<https://x/B>", f'"2"^^<{XSD}integer>', f'"10"^^<{XSD}integer>', f'"2.50"^^<{XSD}decimal>',
    f'"-1"^^<{XSD}decimal>', f'"2.5E0"^^<{XSD}double>', f'"2016"^^<{XSD}gYear>',
    f'"2015"^^<{XSD}gYear>', f'"2016-01-02"^^<{XSD}date>',
]  # fmt: skip
_COLUMN_TERMS = st.lists(st.sampled_from(_TERMS), min_size=1, max_size=3)


@st.composite
def tables(draw):  # type: ignore[no-untyped-def]
    """Rows of three columns, each column drawing from a few terms (so that keys repeat and
    kinds mix as they may in a result), and an ORDER BY over some of them."""
    pools = [draw(_COLUMN_TERMS) for _ in range(3)]
    rows = draw(st.lists(st.tuples(*(st.sampled_from(p) for p in pools)), max_size=12))
    names = draw(st.lists(st.sampled_from("abc"), min_size=1, max_size=3, unique=True))
    keys = tuple(Condition(n, draw(st.booleans())) for n in names)
    return rows, keys


@settings(max_examples=300, deadline=None)
@given(tables())
def test_sorted_rows_are_in_oxigraphs_order_or_refused(table):
    rows, keys = table
    store = ox.Store()
    values = " ".join("(" + " ".join(t or "UNDEF" for t in row) + ")" for row in rows)
    body = f"SELECT ?a ?b ?c WHERE {{ VALUES (?a ?b ?c) {{ {values} }} }}\n"
    order = " ".join(f"DESC(?{k.variable})" if k.descending else f"?{k.variable}" for k in keys)
    expected = [tuple(s) for s in store.query(f"{body}ORDER BY {order}")]
    unsorted = [tuple(s) for s in store.query(body)]
    mine = sort_solutions(["a", "b", "c"], unsorted, keys)
    if mine is not None:  # declining is allowed: then the query runs with its ORDER BY
        assert mine == expected


def test_plain_strings_numbers_and_years_are_sorted_here():
    rows = [('"b"', f'"10"^^<{XSD}integer>'), ('"a"', f'"9.5"^^<{XSD}decimal>'), ('"a"', None)]
    store = ox.Store()
    values = " ".join("(" + " ".join(t or "UNDEF" for t in r) + ")" for r in rows)
    body = f"SELECT ?a ?b WHERE {{ VALUES (?a ?b) {{ {values} }} }}\n"
    expected = [tuple(s) for s in store.query(f"{body}ORDER BY ?a DESC(?b)")]
    mine = sort_solutions(["a", "b"], [tuple(s) for s in store.query(body)],
                          (Condition("a"), Condition("b", True)))  # fmt: skip
    assert mine == expected


_TWO = "VALUES (?a ?b) {{ {} }}"


@pytest.mark.parametrize(
    "where",
    [
        _TWO.format('("a" "x") ("a" "y")'),  # a tie between different rows
        _TWO.format('("a" "x") (<https://x/a> "y")'),  # an IRI and a string in one key
        _TWO.format('("a"@en "x") ("b"@fr "y")'),  # two languages
        'VALUES ?b { "x" "y" } BIND (BNODE() AS ?a)',  # blank nodes
        _TWO.format(f'("2016-01-02"^^<{XSD}date> "x") ("2016-01-03"^^<{XSD}date> "y")'),
    ],
)
def test_what_may_not_be_oxigraphs_order_is_refused(where):
    solutions = [tuple(s) for s in ox.Store().query(f"SELECT ?a ?b {{ {where} }}")]
    assert sort_solutions(["a", "b"], solutions, (Condition("a"),)) is None


# -- every saved query of the seed build ----------------------------------------------------------


@pytest.fixture(scope="module")
def graph_file(seed_and_wessex_file) -> Path:
    return seed_and_wessex_file


@pytest.fixture(scope="module")
def native(graph_file):  # type: ignore[no-untyped-def]
    return open_native(graph_file)


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_saved_query_gives_the_same_rows_sorted_here(native, query):
    text = query.bound_text({})
    engine = run_sparql(native, text)
    assert run_sparql(native, text, sort_here=True) == engine
    assert run_query(query, native) == engine


def test_the_list_queries_are_sorted_here():
    declared = {q.name for q in list_queries() if q.header.get("unique_order")}
    assert {"select_afis_by_question", "select_items_by_theme"} <= declared


def former_csv(native, query, raw: bool) -> str:  # type: ignore[no-untyped-def]
    """The CSV ``query run`` wrote before the list queries were sped up: the engine's
    ORDER BY, every row's cells made safe in a new dict, then the csv module."""
    result = run_sparql(native, query.bound_text({}))
    rows = result.rows if raw else [{k: safe_cell(v) for k, v in r.items()} for r in result.rows]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([["" if r[c] is None else str(r[c]) for c in result.columns] for r in rows])
    return buffer.getvalue().rstrip("\n") + "\n"


@pytest.mark.parametrize("raw", [False, True], ids=["safe", "raw"])
@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_query_run_writes_the_former_csv_bytes(graph_file, native, query, raw):
    args = ["query", "run", query.name, "--data", str(graph_file), "-f", "csv"]
    result = CliRunner().invoke(app, args + (["--raw"] if raw else []))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == former_csv(native, query, raw)
