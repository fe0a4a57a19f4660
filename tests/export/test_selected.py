"""The JSON-LD export's reading of a built file: the chosen graphs' blocks cut out of the
TriG (not the whole file parsed), the same triples as parsing it whole and selecting, and
the whole parse whenever the layout does not allow cutting safely."""

from __future__ import annotations

import pytest

from peelgraph.export import selected
from peelgraph.export.select import report_graphs, select
from peelgraph.graphio import serialise
from peelgraph.store import persistent_store

from .conftest import union_of


def _triples(path, forces, monkeypatch=None, whole=False):
    with pytest.MonkeyPatch.context() as patch:
        if whole:
            patch.setattr(selected, "_block_quads", lambda *a: None)
        return set(selected.selected_triples(path, persistent_store(path), forces))


@pytest.fixture(scope="module")
def corpus_file(corpus_build, tmp_path_factory):
    path = tmp_path_factory.mktemp("selected") / "corpus.trig"
    path.write_bytes(serialise(corpus_build.dataset, "trig"))
    return path


def test_a_force_s_blocks_are_cut_out_and_give_the_selection(corpus_build, corpus_file):
    ds = corpus_build.dataset
    force = sorted({str(r.force).rsplit("/", 1)[-1] for r in report_graphs(ds) if r.force})[0]
    with pytest.MonkeyPatch.context() as patch:  # the whole file is never parsed
        patch.setattr(selected, "_quads", lambda path: pytest.fail("parsed whole"))
        cut = _triples(corpus_file, [force])
    assert cut == set(union_of(select(ds, forces=[force])))
    assert cut == _triples(corpus_file, [force], whole=True)


def test_the_whole_graph_is_every_triple(corpus_build, corpus_file):
    assert _triples(corpus_file, []) == set(union_of(corpus_build.dataset))


ID = "https://w3id.org/peelgraph/id/"
PREFIXES = """@prefix peel: <https://w3id.org/peelgraph/ontology#> .
@prefix graph: <https://w3id.org/peelgraph/id/graph/> .
@prefix pid: <https://w3id.org/peelgraph/id/> .
"""


def _report(key: str, force: str, extra: str = "") -> str:
    return (f"graph:{key} {{\n\t<{ID}report/{key}> a peel:InspectionReport ;\n"
            f"\t\tpeel:force <{ID}force/{force}>{extra} ;\n"
            "\t\tpeel:mentions pid:x .\n}\n")  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # a header line inside a triple-quoted literal: the cut blocks would not parse
        PREFIXES
        + _report(
            "kent-2016-effectiveness",
            "kent",
            ' ;\n\t\tpeel:text """one\ngraph:essex-2016-effectiveness {\ntwo"""',
        )
        + _report("essex-2016-effectiveness", "essex"),
        # a prefix declared again after the first block: later blocks mean something else
        PREFIXES
        + _report("kent-2016-effectiveness", "kent")
        + "@prefix pid: <https://example.org/other/> .\n"
        + _report("essex-2016-effectiveness", "essex"),
    ],
    ids=["literal", "late-prefix"],
)
@pytest.mark.parametrize("force", ["kent", "essex"])
def test_a_file_not_safe_to_cut_is_read_whole(tmp_path, text, force):
    path = tmp_path / "hand.trig"
    path.write_text(text, encoding="utf-8")
    found = _triples(path, [force])
    assert found == _triples(path, [force], whole=True)
    assert any("InspectionReport" in str(t[2]) for t in found)
