"""``explain`` keeps a PDF source's text in the build cache and reads it from there."""

from __future__ import annotations

import random

import pytest

from peelgraph.build import build
from peelgraph.explain import explain
from peelgraph.graphio import union_graph
from peelgraph.iris import PEEL
from peelgraph.synth import random_facts
from peelgraph.synth.pdf import render_pdf


@pytest.fixture()
def pdf_build(vocab, tmp_path, monkeypatch):
    monkeypatch.setenv("PEELGRAPH_CACHE_KEY_DIR", str(tmp_path / "key"))
    facts = random_facts(vocab, random.Random(5), framework="questions-2017-effectiveness")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.pdf").write_bytes(render_pdf(facts))
    graph = union_graph(build([docs]).dataset)
    item = next(s for s in sorted(graph.subjects(PEEL.hasSpan, None)) if "/finding/" in s)
    return graph, str(item), docs, tmp_path / "cache"


def test_a_pdf_text_is_read_once_then_from_the_cache(pdf_build, monkeypatch):
    graph, item, docs, cache = pdf_build
    first = explain(graph, item, [docs], cache=cache)
    assert first.passages and all(p.before is not None and p.note is None
                                  for p in first.passages)  # fmt: skip
    assert list(cache.rglob("*.mpk"))

    def refuse(doc):  # the second explain must not read the PDF again
        raise AssertionError("the PDF was read again")

    monkeypatch.setattr("peelgraph.extract.pdf.pdf_text", refuse)
    assert explain(graph, item, [docs], cache=cache) == first


def test_an_edited_cache_entry_is_refused_and_the_pdf_read_again(pdf_build):
    graph, item, docs, cache = pdf_build
    first = explain(graph, item, [docs], cache=cache)
    (entry,) = cache.rglob("*.mpk")
    entry.write_bytes(entry.read_bytes().replace(b"a", b"e"))
    assert explain(graph, item, [docs], cache=cache) == first


def test_the_build_keeps_the_pdf_text_that_explain_quotes(vocab, tmp_path, monkeypatch):
    monkeypatch.setenv("PEELGRAPH_CACHE_KEY_DIR", str(tmp_path / "key"))
    facts = random_facts(vocab, random.Random(5), framework="questions-2017-effectiveness")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.pdf").write_bytes(render_pdf(facts))
    cache = tmp_path / "cache"
    graph = union_graph(build([docs], cache_dir=cache).dataset)
    item = next(s for s in sorted(graph.subjects(PEEL.hasSpan, None)) if "/finding/" in s)

    def refuse(doc):
        raise AssertionError("the PDF was read again")

    monkeypatch.setattr("peelgraph.extract.pdf.pdf_text", refuse)
    explained = explain(graph, str(item), [docs], cache=cache)
    assert explained.passages and all(p.before is not None and p.note is None
                                      for p in explained.passages)  # fmt: skip
