"""A node with many values of one path (a partner link named by every item of a report) is
validated in batches (validate._split_fanout): the results must be those of the whole graph,
and the shapes must keep the property that makes batching exact (issue 18 point 7)."""

from __future__ import annotations

import re

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SH

from peelgraph import validate
from peelgraph.context import ENGINES, FANOUT_SHAPE, context_for, default_context
from peelgraph.iris import PEEL
from peelgraph.rdf import report_graph
from peelgraph.validate import _report, _split_fanout, validate_ntriples
from tests.test_shapes import valid_report

PATH = URIRef(FANOUT_SHAPE[1])
SHAPE = URIRef(f"https://w3id.org/peelgraph/shapes#{FANOUT_SHAPE[0]}")
#: What a property shape may say of the fan-out path: constraints on each value alone, so
#: that checking the values in parts gives what checking them together gives.
PER_VALUE = {
    SH.path, SH.minCount, SH.message, SH.severity, SH["or"], SH["class"], SH.nodeKind,
    SH.datatype, SH["in"], SH.pattern, SH.minLength, SH.maxLength,
}  # fmt: skip


def test_only_the_fanout_shape_reads_the_fanout_path():
    shapes = default_context().shapes
    uses = [(s, p) for s, p, o in shapes if o == PATH]
    assert uses and all(p == SH.path for _, p in uses), uses
    for prop, _ in uses:
        assert set(shapes.subjects(SH.property, prop)) == {SHAPE}
        said = set(shapes.predicates(prop, None))
        assert said <= PER_VALUE, said - PER_VALUE
        assert all(int(n) <= 1 for n in shapes.objects(prop, SH.minCount))
    local = FANOUT_SHAPE[1].rsplit("#", 1)[1]
    pattern = re.compile(rf"(peel:{local}|{re.escape(FANOUT_SHAPE[1])})(?![\w-])")
    for query in shapes.objects(None, SH.select):
        assert not pattern.search(str(query)), query
    for target in (SH.targetSubjectsOf, SH.targetObjectsOf):
        assert PATH not in set(shapes.objects(None, target))


def _whole(ntriples: str, ctx) -> list:
    """The graph validated in one piece, with no split."""
    run = validate._RUNNERS[ctx.engine]
    return _report(run(ntriples + ctx.reference_ntriples, ctx, "report"), None).violations


@pytest.mark.parametrize("engine", ENGINES)
def test_batched_values_give_the_results_of_the_whole_graph(engine, monkeypatch):
    ctx = context_for((), engine)
    report = valid_report()
    g = report_graph(report, default_context().vocabulary.framework(report.year, report.pillar))
    links = sorted(g.subjects(RDF.type, PEEL.PartnerLink))
    items = sorted(g.subjects(RDF.type, PEEL.AreaForImprovement)) + sorted(
        g.subjects(RDF.type, PEEL.Finding)
    )
    judgment = sorted(g.subjects(RDF.type, PEEL.Judgment))[0]
    link, bare = links[0], URIRef("https://example.org/bare-link")
    for item in items:
        g.add((link, PEEL.evidence, item))
    bad = [judgment, URIRef("https://example.org/untyped"), Literal("text")]
    for value in bad:
        g.add((link, PEEL.evidence, value))
    g.add((bare, RDF.type, PEEL.PartnerLink))  # a link with no evidence at all
    g.add((bare, PEEL.evidence, judgment))
    g.remove((bare, PEEL.evidence, None))
    if len(links) > 1:
        g.remove((links[1], PEEL.evidence, None))
    monkeypatch.setattr(validate, "FANOUT_BATCH", 2)
    ntriples = g.serialize(format="nt")
    assert _split_fanout(ntriples) is not None and len(_split_fanout(ntriples).held) > 2
    batched = validate_ntriples(ntriples, ctx).violations
    whole = _whole(ntriples, ctx)
    assert batched == whole
    assert validate_ntriples(ntriples, ctx, workers=2).violations == whole  # batches in processes
    on_path = [v for v in batched if v.path == str(PATH)]
    assert sorted(v.value or "" for v in on_path if v.focus == str(link)) == sorted(map(str, bad))
    assert any(v.focus == "https://example.org/bare-link" for v in on_path)  # sh:minCount


def test_a_graph_without_fanout_is_not_split():
    report = valid_report()
    g = report_graph(report, default_context().vocabulary.framework(report.year, report.pillar))
    assert _split_fanout(g.serialize(format="nt")) is None


def test_a_line_that_does_not_parse_stays_whole():
    line = f"<https://e.org/l> <{PATH}> <https://e.org/a>"  # no final " ."
    text = "\n".join([line + " .", line + " .", line.replace("/a>", "/b>") + " #c", ""])
    parted = _split_fanout(text)
    assert parted is None or all(held[2] != text.split("\n")[2] for held in parted.held)
