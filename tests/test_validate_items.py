"""A report with thousands of areas for improvement is validated in batches of items
(validate._split_items, issue 18 point 7): the results must be exactly those of validating
the whole graph, wherever the faults are (in an item, under it, in the core, in a check of
the whole report that names an item, across batches), on both SHACL engines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rdflib import BNode, URIRef
from rdflib.namespace import DCTERMS, RDF

from peelgraph import validate
from peelgraph.context import BATCHED_CLASSES, context_for
from peelgraph.extract import extract_text
from peelgraph.iris import OA, PEEL
from peelgraph.rdf import report_graph
from peelgraph.validate import _report, _split_items, validate_ntriples

from .conftest import TEST_DATA

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from scale_items import report_with  # noqa: E402

WESSEX = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"
FICTIONAL = TEST_DATA / "fictional-forces.ttl"


@pytest.fixture(scope="module")
def graphs():
    """The report graph of 2,000 areas for improvement, per engine's size: turbo all of
    them, pySHACL (ten times slower) 300."""
    ctx = context_for((FICTIONAL.resolve(),), "turbo")
    made = {}
    for n in (2000, 300):
        report = extract_text(report_with(n), ctx.vocabulary, path=str(WESSEX), sha256="0" * 64)
        assert len(report.afis) >= n
        made[n] = report_graph(report, ctx.vocabulary.framework(report.year, report.pillar))
    return made


def _whole(ntriples: str, ctx) -> list:
    """The graph validated in one piece, with no split of any kind."""
    run = validate._RUNNERS[ctx.engine]
    return _report(run(ntriples + ctx.reference_ntriples, ctx, "report"), None).violations


def _break(g, size: int) -> dict[str, str]:
    """Faults in items of different batches, under them, in the core and across batches;
    what each must produce (a focus node, and a message part)."""
    line_order = lambda n: f"<{n}> "  # noqa: E731 - the order of the sorted N-Triples lines
    afis = sorted(g.subjects(RDF.type, PEEL.AreaForImprovement), key=line_order)
    report = g.value(afis[0], DCTERMS.isPartOf)
    first, second, third, last = afis[1], afis[size + 1], afis[2 * size + 1], afis[-1]
    g.remove((first, PEEL.text, None))  # an item's own shape
    wrong = URIRef("https://w3id.org/peelgraph/id/question/2014-eff-1")  # not this framework's
    g.set((second, PEEL.question, wrong))  # the report-wide SPARQL check names the item
    span = g.value(third, PEEL.hasSpan)
    quote = next(
        s for s in g.objects(span, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in g
    )
    g.remove((quote, RDF.type, OA.TextQuoteSelector))  # a node under an item
    g.add((second, PEEL.supportedBy, last))  # an item names an item of another batch
    judgment = next(g.subjects(RDF.type, PEEL.Judgment))
    g.add((sorted(g.subjects(RDF.type, PEEL.Finding))[0], PEEL.evidenceFor, third))  # core -> item
    g.remove((report, DCTERMS.title, None))  # the core
    g.add((last, PEEL.supportedBy, judgment))  # an item names a core node of the wrong class
    return {
        str(first): "exactly one non-empty text",
        str(report): "exactly one title",
        str(span): "text quote selector",
        str(second): "supported by findings",
        str(last): "supported by findings",
    }


@pytest.mark.parametrize(("engine", "n", "size"), [("turbo", 2000, 300), ("pyshacl", 300, 60)])
def test_batched_items_give_the_results_of_the_whole_graph(graphs, engine, n, size, monkeypatch):
    ctx = context_for((FICTIONAL.resolve(),), engine)
    g = graphs[n]
    clean = g.serialize(format="nt")
    g = g.__class__().parse(data=clean, format="nt")
    expected = _break(g, size)
    ntriples = "\n".join(sorted(g.serialize(format="nt").splitlines())) + "\n"
    monkeypatch.setattr(validate, "ITEM_BATCH", size)
    parted = _split_items(ntriples.split("\n"), size)
    assert parted is not None and len(parted.lines) - 1 >= n // size  # batches and the core
    runs = {parted.run_of(f"<{focus}>") for focus in expected}
    assert len(runs) == 5 and parted.core in runs  # faults in four batches and the core
    batched = validate_ntriples(ntriples, ctx).violations
    whole = _whole(ntriples, ctx)
    assert batched == whole
    assert validate_ntriples(ntriples, ctx, workers=2).violations == whole  # batches in processes
    for focus, message in expected.items():
        assert any(v.focus == focus and message in v.message for v in batched), (focus, message)
    assert any("not in the framework of its report" in v.message for v in batched)
    assert any("evidence for at most one judgment" in v.message for v in batched)
    assert validate_ntriples(clean, ctx).conforms


def test_a_report_with_few_items_is_not_split(graphs):
    lines = graphs[300].serialize(format="nt").split("\n")
    n = len(set(graphs[300].subjects(RDF.type, PEEL.AreaForImprovement)))
    assert n > 300 and _split_items(lines, n) is None
    assert _split_items(lines, n - 1) is not None


def test_an_item_linking_a_blank_node_is_not_split(graphs):
    g = graphs[300].__class__().parse(data=graphs[300].serialize(format="nt"), format="nt")
    afi = next(g.subjects(RDF.type, PEEL.AreaForImprovement))
    blank = BNode()
    g.add((afi, PEEL.theme, blank))
    g.add((blank, RDF.type, PEEL.Theme))
    lines = g.serialize(format="nt").split("\n")
    assert any(line.startswith(f"<{afi}> ") and " _:" in line for line in lines)
    assert _split_items(lines, 100) is None


def test_the_batched_classes_are_areas_for_improvement_whose_shapes_read_no_inverse_path(context):
    from rdflib.namespace import SH

    shapes = context.shapes
    for cls in BATCHED_CLASSES:
        for shape in shapes.subjects(SH.targetClass, URIRef(cls)):
            for prop in shapes.objects(shape, SH.property):
                path = shapes.value(prop, SH.path)
                assert shapes.value(path, SH.inversePath) is None, (shape, path)
