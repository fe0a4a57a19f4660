"""Many items in one report are all read and mapped (issue 18 point 7). The times (50,000 in
under 60 s) are measured by benchmarks/scale_items.py, not here; this checks the behaviour at
a size a test can afford, on the benchmark's own generated report."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from rdflib import RDF, URIRef

from peelgraph.extract import extract_text
from peelgraph.iris import PEEL_NS
from peelgraph.rdf import report_graph

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from scale_items import report_with  # noqa: E402


def test_every_one_of_many_bullets_is_read_and_mapped(context):
    text = report_with(1500)
    digest = hashlib.sha256(text.encode()).hexdigest()
    report = extract_text(text, context.vocabulary, path="w.txt", sha256=digest)
    texts = [a.text for a in report.afis]
    numbered = [t for t in texts if "practice number" in t]
    assert len(numbered) == 1500 and len(set(numbered)) == 1500
    graph = report_graph(report, context.vocabulary.framework(report.year, report.pillar))
    assert len(set(graph.subjects(RDF.type, URIRef(PEEL_NS + "AreaForImprovement")))) == len(texts)


def test_the_summary_counts_what_a_store_of_every_quad_counts(seed_build):
    """The build's summary is counted from the lines that matter (stats.nquads_stats), not a
    store of every quad: both give the same counts, also where a literal quotes a counted
    predicate and a graph's last line has no line break."""
    import pyoxigraph as ox

    from peelgraph.stats import graph_stats, nquads_stats

    odd = (
        b'<https://e.org/s> <https://e.org/p> " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "'
        b" <https://e.org/g> .\n<https://e.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        b" <https://w3id.org/peelgraph/ontology#Finding> <https://e.org/g> ."
    )
    graphs = [*seed_build.graphs(), ("https://e.org/g", odd), ("https://e.org/empty", b"")]
    store = ox.Store()
    for _, data in graphs:
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    whole = graph_stats(store)
    assert whole.findings and whole.judgments and whole.partners and whole.triples
    assert nquads_stats(graphs) == whole
