"""The query store beside an output under concurrency and hostile neighbours: real processes
building and querying one output at once, a damaged or half-made store, a folder or a
symbolic link that peelgraph did not make in the store's place (issue 18)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.storedir import OWNER, STAMP, lock_file, store_folder

from .conftest import TEST_DATA
from .helpers import canonical_rows

DOC = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"
#: Wessex is a fictional force: the tests' reference file declares it (a page never mints one)
REF = ["--reference", str(TEST_DATA / "fictional-forces.ttl")]
QUERY = ["query", "run", "select_afis_by_question", "-f", "csv"]


def peelgraph(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.Popen(
        [sys.executable, "-m", "peelgraph", *args], cwd=cwd, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    outputs = [p.communicate(timeout=120) for p in procs]
    return [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs, strict=True)]


@pytest.fixture(scope="module")
def built(wessex_built) -> Path:
    """The small test report built once, without a store."""
    return wessex_built


@pytest.fixture()
def graph(wessex_graph) -> Path:
    return wessex_graph


@pytest.fixture(scope="module")
def expected(built, tmp_path_factory) -> str:
    copy = tmp_path_factory.mktemp("expected") / "g.trig"
    shutil.copy(built, copy)
    result = CliRunner().invoke(app, [*QUERY, "-d", str(copy)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") > 2  # rows to compare, not just a header
    return result.stdout


def assert_store_matches(graph: Path) -> None:
    folder = store_folder(graph)
    assert (folder / OWNER).is_file()
    stamp = json.loads((folder / STAMP).read_text())
    assert stamp["sha256"] == hashlib.sha256(graph.read_bytes()).hexdigest()
    leftovers = [p.name for p in graph.parent.iterdir() if p.name.endswith((".tmp", ".old"))]
    assert leftovers == []


def no_traceback(runs: list[tuple[int, str, str]]) -> None:
    for _, _, stderr in runs:
        assert "Traceback" not in stderr and "Corruption" not in stderr, stderr


def test_queries_at_once_on_a_graph_with_no_store_all_answer(graph, expected):
    for _ in range(2):
        shutil.rmtree(store_folder(graph), ignore_errors=True)
        runs = finish([peelgraph(*QUERY, "-d", graph.name, cwd=graph.parent) for _ in range(5)])
        no_traceback(runs)
        assert [code for code, _, _ in runs] == [0] * 5, runs
        assert {stdout for _, stdout, _ in runs} == {expected}
        assert_store_matches(graph)


def test_builds_and_queries_at_once_on_one_output_leave_a_matching_store(graph, expected):
    """Writers with --overwrite and readers together: every command succeeds, readers get
    whole answers, and the store left matches the output."""
    args = ["build", *REF, str(DOC), "-o", graph.name, "--overwrite", "--workers", "1"]
    procs = [peelgraph(*args, cwd=graph.parent) for _ in range(3)]
    procs += [peelgraph(*QUERY, "-d", graph.name, cwd=graph.parent) for _ in range(4)]
    runs = finish(procs)
    no_traceback(runs)
    assert [code for code, _, _ in runs] == [0] * 7, runs
    assert {stdout for _, stdout, _ in runs[3:]} == {expected}
    assert_store_matches(graph)
    again = CliRunner().invoke(app, [*QUERY, "-d", str(graph)])
    assert again.exit_code == 0 and again.stdout == expected


def test_of_two_builds_to_a_new_output_one_writes_and_the_other_stops_in_one_line(tmp_path):
    args = ["build", *REF, str(DOC), "-o", "new.trig", "--workers", "1"]
    runs = finish([peelgraph(*args, cwd=tmp_path) for _ in range(2)])
    no_traceback(runs)
    assert sorted(code for code, _, _ in runs) == [0, 2], runs
    loser = next(stderr for code, _, stderr in runs if code == 2)
    assert "[ERROR]" in loser and "output exists" in loser
    assert_store_matches(tmp_path / "new.trig")


def test_a_damaged_store_is_made_again_with_a_warning(graph, expected):
    assert CliRunner().invoke(app, [*QUERY, "-d", str(graph)]).exit_code == 0
    for sst in store_folder(graph).glob("*.sst"):
        data = bytearray(sst.read_bytes())
        for i in range(64, len(data) - 64, 5):
            data[i] ^= 0xFF
        sst.write_bytes(bytes(data))
    # (--no-cache: the answer the first query kept with the store would be printed as it is)
    result = CliRunner().invoke(app, [*QUERY, "-d", str(graph), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
    assert "[WARNING]" in result.stderr and "made again" in result.stderr
    assert_store_matches(graph)


def test_a_store_without_its_completeness_stamp_is_made_again(graph, expected):
    assert CliRunner().invoke(app, [*QUERY, "-d", str(graph)]).exit_code == 0
    (store_folder(graph) / STAMP).unlink()
    result = CliRunner().invoke(app, [*QUERY, "-d", str(graph)])
    assert result.exit_code == 0 and result.stdout == expected
    assert "incomplete" in result.stderr
    assert_store_matches(graph)


def test_a_store_of_an_older_file_is_refreshed(graph, tmp_path):
    assert CliRunner().invoke(app, [*QUERY, "-d", str(graph)]).exit_code == 0
    quad = '<https://example.org/s> <https://example.org/p> "only" <https://example.org/g> .\n'
    graph.write_text("", encoding="utf-8")
    nq = graph.with_suffix(".nq")
    nq.write_text(quad, encoding="utf-8")
    result = CliRunner().invoke(app, ["sparql", "SELECT ?o WHERE { ?s ?p ?o }", "-d", str(nq),
                                      "-f", "csv"])  # fmt: skip
    assert result.exit_code == 0 and result.stdout == "o\nonly\n"
    nq.write_text(quad.replace("only", "changed"), encoding="utf-8")
    result = CliRunner().invoke(app, ["sparql", "SELECT ?o WHERE { ?s ?p ?o }", "-d", str(nq),
                                      "-f", "csv"])  # fmt: skip
    assert result.stdout == "o\nchanged\n"


def test_a_folder_peelgraph_did_not_make_is_never_deleted_without_overwrite(graph, tmp_path):
    folder = store_folder(graph)
    folder.mkdir()
    (folder / "thesis.docx").write_text("years of work")
    out = graph.parent / "fresh.trig"
    theirs = store_folder(out)
    shutil.copytree(folder, theirs)
    build = CliRunner().invoke(app, ["build", *REF, str(DOC), "-o", str(out)])
    assert build.exit_code == 2
    assert "not peelgraph's query store" in build.stderr and "Traceback" not in build.stderr
    assert (theirs / "thesis.docx").read_text() == "years of work" and not out.exists()
    query = CliRunner().invoke(app, [*QUERY, "-d", str(graph)])
    assert query.exit_code == 2 and "not peelgraph's query store" in query.stderr
    assert (folder / "thesis.docx").read_text() == "years of work"
    replaced = CliRunner().invoke(app, ["build", *REF, str(DOC), "-o", str(out), "--overwrite"])
    assert replaced.exit_code == 0, replaced.stderr
    assert not (theirs / "thesis.docx").exists()
    assert_store_matches(out)


def test_a_symlink_in_the_store_place_is_refused_even_with_overwrite(graph, tmp_path):
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    store_folder(graph).symlink_to(target)
    for args in ([*QUERY, "-d", str(graph)],
                 ["build", *REF, str(DOC), "-o", str(graph), "--overwrite"]):  # fmt: skip
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, result.stdout
        assert "symbolic link" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]


def test_a_graph_in_a_folder_that_cannot_be_written_is_answered_from_memory(
    graph, expected, monkeypatch
):
    import peelgraph.storedir as storedir

    monkeypatch.setattr(storedir, "writable_beside", lambda graph_file: False)
    result = CliRunner().invoke(app, [*QUERY, "-d", str(graph)])
    assert result.exit_code == 0, result.stderr
    assert same_rows(result.stdout, expected)  # GROUP_CONCAT's order is the store's
    assert not store_folder(graph).exists() and not lock_file(graph).exists()


def same_rows(one: str, other: str) -> bool:
    import csv
    import io

    def rows(text: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(text)))

    return canonical_rows(rows(one)) == canonical_rows(rows(other))


def test_a_build_into_a_folder_that_does_not_exist_yet_makes_it(tmp_path):
    out = tmp_path / "new" / "deeper" / "g.trig"
    result = CliRunner().invoke(app, ["build", *REF, str(DOC), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert_store_matches(out)
