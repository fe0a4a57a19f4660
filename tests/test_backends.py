"""The same saved query with the same parameters gives the same rows on rdflib's memory store
and on Oxigraph, for every saved query and for hostile parameter values (issue 18 point 8).

Parameters are bound as RDF terms in a VALUES block (:meth:`SavedQuery.bound_text`), so the
two engines see one query text; these tests run it below parameter checking
(:mod:`peelgraph.paramcheck`), where a value that matches nothing reaches the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.errors import PeelgraphError
from peelgraph.queries import list_queries
from peelgraph.store import open_dataset, run_query

from .conftest import SEED_FULL, TEST_DATA
from .helpers import FICTIONAL_FORCES, canonical_rows

WESSEX = [TEST_DATA / f"wessex-constabulary-{y}-effectiveness.txt" for y in (2015, 2016)]
QUERIES = [q for q in list_queries() if q.params]

#: Values that broke out of a query, matched everything or nothing, or upset one engine only.
HOSTILE = [
    "", " ", "nobody-at-all", "MASH", "mash", "wessex", "thames-valley", "2016", "E1",
    'x" } ; DROP ALL ; #', "x' }", "?s", "<https://x/>", "\\", '"', "\\u0022", "}", "{",
    "*", ".*", "%", "\x00", "\x1b[2J", "\u2028", "é", "Ｍ", "a" * 300,
    "x\" . ?s ?p ?o . FILTER(true) #", 'x"^^<http://www.w3.org/2001/XMLSchema#integer>',
]  # fmt: skip
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("backends") / "peel.trig"
    args = ["build", str(SEED_FULL), *map(str, WESSEX), "-o", str(out), "--no-store"]
    result = CliRunner().invoke(app, [*args, "--reference", str(FICTIONAL_FORCES)])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def engines(graph_file):
    return open_dataset(graph_file, "oxigraph", persistent=False), open_dataset(
        graph_file, "memory"
    )


def answers(query, ds, params):  # type: ignore[no-untyped-def]
    """The canonical rows, or the error class and message: both engines must agree on either."""
    try:
        return canonical_rows(run_query(query, ds, params).rows)
    except PeelgraphError as exc:
        return (type(exc).__name__, str(exc))


@settings(
    max_examples=25, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
@given(query=st.sampled_from(QUERIES), data=st.data())
def test_every_saved_query_agrees_on_both_backends_for_any_values(engines, query, data):
    ox, mem = engines
    params = {p.name: data.draw(values, label=p.name) for p in query.params}
    assert answers(query, ox, params) == answers(query, mem, params)


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
@pytest.mark.parametrize("value", ["nobody-at-all", 'x" } ; DROP ALL ; #', "\x1b[2J"])
def test_a_value_that_matches_nothing_gives_no_rows_on_either_backend(engines, query, value):
    """The known failure: a partner matching nothing gave 99 unrelated rows on memory."""
    ox, mem = engines
    for p in query.params:
        got = answers(query, ox, {p.name: value})
        assert got == answers(query, mem, {p.name: value})
        if p.name != "acronym":  # every other parameter filters: nothing matches it
            assert got == [] or isinstance(got, tuple), (p.name, got)


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_cli_refuses_an_unknown_partner_before_it_reaches_either_backend(graph_file, backend):
    args = ["query", "run", "select_findings_by_partner", "-p", "partner=nobody-at-all"]
    result = CliRunner().invoke(app, [*args, "-d", str(graph_file), "--backend", backend])
    assert result.exit_code == 2, result.output
    assert "nobody-at-all" in result.stderr and "Traceback" not in result.stderr
