"""What a one-shot query uses instead of rdflib (issue 17 point 9) is the same as rdflib's:
the prefix strings, the default graph's name, the parameter terms; and ``query run`` does not
import rdflib."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from peelgraph import iris
from peelgraph.queries import Param
from peelgraph.rdfnames import NAMESPACES, RDFLIB_DEFAULT_GRAPH, WRITER_PREFIXES

from .conftest import TEST_DATA
from .helpers import FICTIONAL_FORCES


def test_the_prefix_strings_are_irises_in_the_same_order():
    assert list(NAMESPACES.items()) == [(p, str(ns)) for p, ns in iris.PREFIXES.items()]
    assert iris.WRITER_PREFIXES is WRITER_PREFIXES
    assert "pid" not in WRITER_PREFIXES and "peel" in WRITER_PREFIXES


def test_the_default_graph_name_is_rdflibs():
    assert RDFLIB_DEFAULT_GRAPH == str(DATASET_DEFAULT_GRAPH_ID)


def _parsed(term: str) -> object:
    return next(iter(ox.Store().query(f"SELECT ?x {{ VALUES ?x {{ {term} }} }}")))["x"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_a_string_parameter_is_the_term_rdflib_wrote(value):
    param = Param("p")
    assert _parsed(param.sparql(value)) == _parsed(param.term(value).n3())
    assert _parsed(param.sparql(value)) == ox.Literal(value)


@given(st.sampled_from([("integer", "42"), ("integer", "-7"), ("integer", "+3"),
                        ("decimal", "1.50"), ("decimal", "1E+2"), ("year", "2016"),
                        ("iri", "https://w3id.org/peelgraph/id/force/kent"),
                        ("iri", "urn:x:y")]))  # fmt: skip
def test_typed_parameters_are_the_terms_rdflib_wrote(case):
    param = Param("p", type=case[0])
    assert _parsed(param.sparql(case[1])) == _parsed(param.term(case[1]).n3())


def test_query_run_does_not_import_rdflib(tmp_path):
    out = tmp_path / "peel.trig"
    report = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"
    build = [sys.executable, "-m", "peelgraph", "build", "-o", str(out), "--reference",
             str(FICTIONAL_FORCES), str(report)]  # fmt: skip
    subprocess.run(build, check=True, capture_output=True)
    probe = (
        "import sys, runpy; sys.argv = ['peelgraph', 'query', 'run', 'select_items_by_theme',"
        f" '--data', {str(out)!r}, '-f', 'csv']\n"
        "try:\n    runpy.run_module('peelgraph', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('RDFLIB' if 'rdflib' in sys.modules else 'NO-RDFLIB', file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "NO-RDFLIB" in done.stderr, done.stderr[-2000:]
    assert done.stdout.startswith("force,year,kind,findingType,code,text,item\n")
