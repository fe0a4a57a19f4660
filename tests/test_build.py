"""The build pipeline: parallel workers, the incremental cache, byte-identical output."""

from __future__ import annotations

import shutil

from rdflib.compare import isomorphic

from peelgraph import iris
from peelgraph.build import build
from peelgraph.graphio import serialise_nquads, union_graph, write_graphs, write_trig

from .conftest import SEED_FULL, SEED_SUMMARY, TEST_DATA
from .helpers import fictional_context

WESSEX = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"


def test_parallel_workers_give_the_same_graph(tmp_path):
    one = build([SEED_FULL, WESSEX], workers=1, context=fictional_context())
    two = build([SEED_FULL, WESSEX], workers=2, context=fictional_context())
    assert isomorphic(union_graph(one.dataset), union_graph(two.dataset))
    assert [r.key for r in two.reports] == [
        "thames-valley-2016-effectiveness",
        "wessex-2016-effectiveness",
    ]


def test_output_is_byte_identical_across_builds(tmp_path):
    first = serialise_nquads(
        build([SEED_FULL, WESSEX], workers=1, context=fictional_context()).nquads(), "trig"
    )
    second = serialise_nquads(
        build([SEED_FULL, WESSEX], workers=2, context=fictional_context()).nquads(), "trig"
    )
    assert first == second


def test_incremental_rebuild_reuses_unchanged_reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for source in (SEED_FULL, SEED_SUMMARY, WESSEX):
        shutil.copy(source, folder / source.name)
    cache = tmp_path / "cache"
    first = build([folder], cache_dir=cache, workers=1, context=fictional_context())
    assert first.extracted == 3
    second = build([folder], cache_dir=cache, workers=1, context=fictional_context())
    assert second.extracted == 0
    assert all(b.from_cache for b in second.built)
    assert second.nquads() == first.nquads()
    # change one report: only it is extracted, mapped and validated again
    changed = folder / WESSEX.name
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Outstanding", "Good"), encoding="utf-8"
    )
    third = build([folder], cache_dir=cache, workers=1, context=fictional_context())
    assert third.extracted == 1
    fresh = {b.report.key: b.from_cache for b in third.built}
    assert fresh == {"thames-valley-2016-effectiveness": True, "wessex-2016-effectiveness": False}
    grades = {j.question: j.grade for j in third.reports[1].judgments}
    assert grades["2016-EFF-4"] == "good"


def test_a_rebuild_replaces_only_the_changed_graphs_in_the_query_store(tmp_path):
    """The store beside the output is updated graph by graph, and ends up holding exactly
    what loading the output file afresh gives."""
    import pyoxigraph as ox

    from peelgraph.store import store_folder, sync_store

    folder = tmp_path / "reports"
    folder.mkdir()
    for source in (SEED_FULL, WESSEX):
        shutil.copy(source, folder / source.name)
    out = tmp_path / "out" / "peel.trig"
    first = build([folder], workers=1, context=fictional_context())
    write_graphs(out, [data for _, data in first.graphs()], "trig")
    assert len(sync_store(out, first.graphs())) == len(first.graphs())
    assert sync_store(out, first.graphs()) == []  # unchanged: nothing to do
    changed = folder / WESSEX.name
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Outstanding", "Good"), encoding="utf-8"
    )
    second = build([folder], workers=1, context=fictional_context())
    write_graphs(out, [data for _, data in second.graphs()], "trig")
    assert sync_store(out, second.graphs()) == [str(iris.report_graph("wessex-2016-effectiveness"))]
    store = ox.Store.read_only(str(store_folder(out)))
    in_store = set(store.quads_for_pattern(None, None, None, None))
    fresh = ox.Store()  # Oxigraph stores literals in its own canonical form: compare like
    fresh.bulk_load(path=str(out), format=ox.RdfFormat.TRIG)
    assert in_store == set(fresh.quads_for_pattern(None, None, None, None))


def test_streamed_and_joined_trig_hold_the_same_dataset_as_the_whole_serialisation(tmp_path):
    import pyoxigraph as ox

    result = build([SEED_FULL, WESSEX], workers=1, context=fictional_context())
    out = tmp_path / "peel.trig"
    write_graphs(out, [data for _, data in result.graphs()], "trig")
    streamed = set(ox.parse(path=str(out), format=ox.RdfFormat.TRIG))
    whole = set(ox.parse(serialise_nquads(result.nquads(), "trig"), format=ox.RdfFormat.TRIG))
    assert streamed == whole
    joined = tmp_path / "joined.trig"
    write_trig(joined, result.trig_blocks())  # what 'peelgraph build' writes
    assert set(ox.parse(path=str(joined), format=ox.RdfFormat.TRIG)) == whole
    assert joined.read_text(encoding="utf-8").count("@prefix ") == len(iris.WRITER_PREFIXES)


def test_both_shacl_engines_build_the_same_graph_and_agree_it_conforms(tmp_path):
    from typer.testing import CliRunner

    from peelgraph.cli import app

    turbo = build([SEED_FULL, WESSEX], workers=1, context=fictional_context())
    reference = build([SEED_FULL, WESSEX], workers=1, context=fictional_context("pyshacl"))
    assert turbo.validation.conforms and reference.validation.conforms
    assert turbo.nquads() == reference.nquads()
    out = tmp_path / "peel.trig"
    write_trig(out, turbo.trig_blocks())
    for engine in ("turbo", "pyshacl"):
        result = CliRunner().invoke(app, ["validate", str(out), "--validator", engine])
        assert result.exit_code == 0, result.stdout
    unknown = CliRunner().invoke(app, ["validate", str(out), "--validator", "fast"])
    assert unknown.exit_code == 2 and "unknown validator" in unknown.stderr


def test_an_integrated_2018_report_builds_one_conforming_graph_per_pillar():
    result = build([TEST_DATA / "wessex-peel-2018-19.txt"], workers=1, context=fictional_context())
    assert [r.key for r in result.reports] == [
        "wessex-2018-effectiveness",
        "wessex-2018-efficiency",
        "wessex-2018-legitimacy",
    ]
    assert result.validation.conforms, result.validation.violations
