"""Property-based tests: whatever the text, extraction returns a report or raises the project's
own error, quickly; IRIs minted from any text are valid; any literal survives serialisation."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from peelgraph import iris
from peelgraph.errors import PeelgraphError
from peelgraph.extract import extract_text

from ..conftest import SEED_FULL

SEED_LINES = [line for line in SEED_FULL.read_text(encoding="utf-8").split("\n") if line.strip()]
PEEL_FRAGMENTS = [
    "PEEL: Police effectiveness 2016",
    "An inspection of Thames Valley Police",
    "Summary of findings",
    "Areas for improvement",
    "Good",
    "Requires improvement",
    "- The force should ",
    "Figure 2: Police-recorded crime rates (per 1,000 population), 12 months to 30 June 2016",
    "Rates\tThames Valley Police\tEngland and Wales",
    "Burglary*\t4.8\t8.1",
    "multi agency safeguarding hubs (MASH)",
    "\u00b9\u00b2 A footnote",
    "\f",
    "(" * 40,
    "Thames Valley Police is good at keeping people safe and reducing crime.",
    "In HMIC's inspection report in 2015, we reported that the force should do better.",
]

peel_like = st.lists(
    st.one_of(
        st.sampled_from(SEED_LINES),
        st.sampled_from(PEEL_FRAGMENTS),
        st.text(max_size=80),
    ),
    max_size=60,
).map(lambda parts: "\n\n".join(parts))

# Every hard case of the limits: arbitrary text, PEEL-like text, and a long line of one character
# class that a backtracking pattern would choke on.
texts = st.one_of(
    st.text(max_size=2000),
    peel_like,
    st.sampled_from(["(", "a ", "1,", "-", "\u00b9", "PEEL "]).map(lambda c: c * 20000),
)


@settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_returns_a_report_or_raises_a_peelgraph_error(vocab, text):
    try:
        report = extract_text(text, vocab, path="fuzz.txt", sha256="0" * 64)
    except PeelgraphError as exc:
        assert "fuzz.txt" in exc.one_line()
        return
    for item in (*report.findings, *report.afis, *report.judgments, *report.observations):
        for span in item.spans:
            assert 0 <= span.start <= span.end <= len(text)


_IRI_SAFE = re.compile(r"^https://w3id\.org/peelgraph/id/[A-Za-z0-9._~/\-]+$")


@given(st.text(max_size=300))
def test_iris_minted_from_any_text_are_valid(text):
    for iri in (
        iris.legacy_item("some-force-2016-effectiveness", "finding", "2016-EFF-1", text),
        iris.item("some-force-2016-effectiveness", "finding", "2016-eff-1/7"),
        iris.indicator(iris.slugify(text) + "/" + iris.slugify(text[::-1])),
        iris.glossary_entry("k", text or "x"),
        iris.force(iris.slugify(text)),
    ):
        assert _IRI_SAFE.match(str(iri)), iri
        assert isinstance(iri, URIRef)


nasty = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=200,
) | st.sampled_from(
    [
        'x" } ; DROP ALL ; #',
        '"""triple"""',
        "line\nbreak\r\n",
        "\u202eevil\u202c",
        "tab\there",
        "\x01\x1f",
    ]
)


@settings(max_examples=100, deadline=None)
@given(nasty)
def test_literals_survive_every_serialiser(text):
    name = iris.report_graph("r")
    ds = Dataset()
    g = ds.graph(name)
    g.add((iris.report("r"), iris.PEEL.text, Literal(text)))
    g.add((iris.report("r"), iris.PEEL.section, Literal(text, lang="en")))
    for fmt in ("turtle", "nt", "json-ld"):
        back = Graph().parse(data=g.serialize(format=fmt), format=fmt)
        assert isomorphic(g, back), (fmt, text)
    for fmt in ("trig", "nquads", "json-ld"):
        back_ds = Dataset()
        back_ds.parse(data=ds.serialize(format=fmt), format=fmt)
        assert isomorphic(g, back_ds.graph(name)), (fmt, text)


_GLOSSARY_TEXT = st.lists(
    st.sampled_from(
        ["multi", "agency", "Hub", " ", " ", "\n", "(", ")", "MASH", "IDVAs", "x.", "¹", ";", "ab"]
    ),
    max_size=80,
).map("".join)


@given(_GLOSSARY_TEXT)
@settings(max_examples=300, deadline=None)
def test_windowed_acronym_search_finds_what_the_plain_pattern_finds(text):
    """The linear-time search for "long form (SHORT)" gives exactly the pattern's matches."""
    from peelgraph.extract import glossary

    plain = [(m.span(), m.group("before")) for m in glossary._LONG_THEN_SHORT.finditer(text)]
    windowed = [(m.span(), m.group("before")) for m in glossary._long_then_short(text)]
    assert windowed == plain
