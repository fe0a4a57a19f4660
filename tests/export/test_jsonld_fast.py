"""The JSON-LD export's own IRI compaction and triple index give pyld's bytes exactly."""

from __future__ import annotations

from pyld import jsonld

from peelgraph.export import jsonld as export_jsonld
from peelgraph.export.jsonld import serialise_jsonld

from .conftest import union_of


def _with_plain_pyld(monkeypatch, data) -> bytes:
    with monkeypatch.context() as patch:
        patch.setattr(export_jsonld, "_Processor", jsonld.JsonLdProcessor)
        return serialise_jsonld(data)


def test_a_generated_corpus_of_several_forces_gives_pyld_s_bytes(corpus_build, monkeypatch):
    ds = corpus_build.dataset
    forces = set(union_of(ds).objects(None, export_jsonld.PEEL.force))
    assert len(forces) >= 3
    fast = serialise_jsonld(ds)
    assert fast == _with_plain_pyld(monkeypatch, ds)
    # a Graph (the union) gives the same document as the Dataset
    assert serialise_jsonld(union_of(ds)) == fast


def test_the_seed_gives_pyld_s_bytes(seed_dataset, monkeypatch):
    assert serialise_jsonld(seed_dataset) == _with_plain_pyld(monkeypatch, seed_dataset)


def test_iri_compaction_is_remembered_only_for_values_it_reads_in_full():
    processor = export_jsonld._Processor()
    ctx = processor.process_context(
        {"mappings": {}, "processingMode": "json-ld-1.1"},
        export_jsonld.context()["@context"],
        {"documentLoader": export_jsonld.document_loader, "base": ""},
    )
    grade = "https://w3id.org/peelgraph/ontology#grade"
    good = {"@id": "https://w3id.org/peelgraph/id/grade/good"}
    assert processor._compact_iri(ctx, grade, good, vocab=True) == "grade"
    plain = jsonld.JsonLdProcessor()
    for value in (None, good, {"@value": 3, "@type": "http://www.w3.org/2001/XMLSchema#integer"},
                  {"@value": "x", "@language": "en"}, {"@list": [good]}):  # fmt: skip
        for vocab in (True, False):
            iri = "https://w3id.org/peelgraph/ontology#ordinal"
            assert processor._compact_iri(ctx, iri, value, vocab=vocab) == plain._compact_iri(
                ctx, iri, value, vocab=vocab
            )
    assert processor._iris  # remembered
    assert not any(key[-1] and key[-1][0] == "@list" for key in processor._iris)
