"""Mutation fuzz of the seed documents (issue 18): characters that Python's
``str.splitlines`` takes for line ends (U+2028, U+2029, U+0085, VT, FS, GS, RS, form feed)
and other controls inserted anywhere, text deleted or repeated. Reading and mapping may
refuse a document with peelgraph's own error, never crash; whatever is read maps to a graph
whose N-Quads parse back."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peelgraph.errors import PeelgraphError
from peelgraph.extract import extract_text
from peelgraph.graphio import ntriples_to_nquads, trig_block
from peelgraph.rdf import report_graph

from .conftest import SEED_FULL, SEED_SUMMARY

#: What broke ``str.splitlines()``-based code, and its neighbours.
ALPHABET = "\u2028\u2029\u0085\x0b\x1c\x1d\x1e\x0c\r\t\x00\x1b\u00a0\ufeff\u200b"
SUMMARY = SEED_SUMMARY.read_text(encoding="utf-8")
FULL = SEED_FULL.read_text(encoding="utf-8")


def map_report(text: str, vocab) -> int:  # type: ignore[no-untyped-def]
    """Read ``text`` and map what it holds to N-Quads and TriG; the number of quads."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    try:
        report = extract_text(text, vocab, path="fuzz.txt", sha256=digest)
    except PeelgraphError:
        return 0
    framework = vocab.framework(report.year, report.pillar)
    graph = report_graph(report, framework)
    nquads = ntriples_to_nquads(graph.serialize(format="nt"), str(graph.identifier))
    trig_block(nquads)
    return len(list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)))


def mutate(text: str, integer: Callable[[int, int], int], choice: Callable[[Sequence], Any]) -> str:
    """``text`` with a few edits: a character of :data:`ALPHABET` inserted or put in place of
    one, a span deleted or repeated. ``integer(a, b)`` draws from a to b inclusive and
    ``choice(seq)`` one element: hypothesis in the tests, a seeded ``random.Random`` in
    benchmarks/fuzz_seeds.py, so both fuzz with the same edits."""
    chars = list(text)
    for _ in range(integer(1, 12)):
        at = integer(0, len(chars) - 1)
        kind = choice(["insert", "replace", "delete", "repeat"])
        if kind == "insert":
            chars.insert(at, choice(ALPHABET))
        elif kind == "replace":
            chars[at] = choice(ALPHABET)
        else:
            span = integer(1, 200)
            if kind == "delete":
                del chars[at : at + span]
            else:
                chars[at:at] = chars[at : at + span]
        if not chars:
            chars = ["x"]
    return "".join(chars)


@st.composite
def mutated(draw, text: str) -> str:  # type: ignore[no-untyped-def]
    """:func:`mutate` with hypothesis drawing the edits (so that it can shrink them)."""
    return mutate(
        text, lambda a, b: draw(st.integers(a, b)), lambda seq: draw(st.sampled_from(seq))
    )


@pytest.mark.parametrize("char", list(ALPHABET), ids=[f"U+{ord(c):04X}" for c in ALPHABET])
def test_a_line_separator_in_every_paragraph_of_the_summary_maps(char, vocab):
    """The crash of the issue, deterministically: the character mid-line in every line."""
    text = "\n".join(line[: len(line) // 2] + char + line[len(line) // 2 :] if line else line
                     for line in SUMMARY.split("\n"))  # fmt: skip
    map_report(text, vocab)


def test_a_form_feed_mid_line_in_the_full_report_maps(vocab):
    lines = FULL.split("\n")
    text = "\n".join(line.replace(" ", " \f", 1) if i % 97 == 3 else line
                     for i, line in enumerate(lines))  # fmt: skip
    map_report(text, vocab)  # a form feed is a page break: read or refused, never a crash


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(SUMMARY))
def test_mutated_summaries_never_crash(text, vocab):
    map_report(text, vocab)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(FULL))
def test_mutated_full_reports_never_crash(text, vocab):
    map_report(text, vocab)
