"""A saved query's printed answer is kept with the query store and read back while the graph
file is unchanged: never stale, never trusted when edited, never kept without a store
(:mod:`peelgraph.answers`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from peelgraph import answers
from peelgraph.cli import app
from peelgraph.sealed import SUFFIX
from peelgraph.storedir import store_folder

from .conftest import TEST_DATA

OTHER = TEST_DATA / "wessex-constabulary-2015-effectiveness.txt"
REF = ["--reference", str(TEST_DATA / "fictional-forces.ttl")]
QUERY = ["query", "run", "select_afis_by_question", "-f", "csv"]


@pytest.fixture(autouse=True)
def _private_key_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PEELGRAPH_CACHE_KEY_DIR", str(tmp_path / "key"))


def run(*args: str) -> tuple[str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def build(doc: Path, out: Path) -> Path:
    run("build", *REF, str(doc), "-o", str(out), "--overwrite", "--workers", "1")
    return out


@pytest.fixture()
def graph(wessex_graph) -> Path:
    return wessex_graph


def kept(graph: Path) -> list[Path]:
    folder = store_folder(graph) / answers.FOLDER
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def test_the_second_run_prints_the_answer_kept_by_the_first(graph, monkeypatch):
    first, _ = run(*QUERY, "-d", str(graph))
    assert first.count("\n") > 1 and len(kept(graph)) == 1

    def no_store(*args, **kwargs):  # the kept answer needs no query
        raise AssertionError("the query ran again")

    monkeypatch.setattr("peelgraph.app.run_saved_query", no_store)
    again, _ = run(*QUERY, "-d", str(graph))
    assert again == first


def test_other_parameters_or_formats_are_other_answers(graph):
    csv, _ = run(*QUERY, "-d", str(graph))
    tsv, _ = run("query", "run", "select_afis_by_question", "-f", "tsv", "-d", str(graph))
    one, _ = run(*QUERY, "-d", str(graph), "-p", "force=wessex")
    assert len(kept(graph)) == 3
    assert "\t" in tsv and "\t" not in csv
    assert run("query", "run", "select_afis_by_question", "-f", "tsv", "-d", str(graph))[0] == tsv
    assert run(*QUERY, "-d", str(graph))[0] == csv
    assert run(*QUERY, "-d", str(graph), "-p", "force=wessex")[0] == one


def test_an_answer_of_the_file_before_it_changed_is_never_printed(graph):
    before, _ = run(*QUERY, "-d", str(graph))
    build(OTHER, graph)
    after, _ = run(*QUERY, "-d", str(graph))
    fresh, _ = run(*QUERY, "-d", str(graph), "--no-cache")
    assert after == fresh and after != before
    assert "2015-effectiveness" in after and "2016-effectiveness" not in after


def test_an_edited_answer_is_a_miss_with_a_warning(graph):
    first, _ = run(*QUERY, "-d", str(graph))
    (entry,) = kept(graph)
    data = entry.read_bytes()
    entry.write_bytes(data.replace(b"wessex", b"w3ssex"))
    again, warning = run(*QUERY, "-d", str(graph))
    assert again == first
    assert "[WARNING]" in warning and "fails its check" in warning
    assert entry.read_bytes() != data.replace(b"wessex", b"w3ssex")  # answered afresh, kept


def test_an_answer_planted_under_another_users_key_is_a_miss(graph, tmp_path, monkeypatch):
    first, _ = run(*QUERY, "-d", str(graph))
    (entry,) = kept(graph)
    monkeypatch.setenv("PEELGRAPH_CACHE_KEY_DIR", str(tmp_path / "attacker"))
    forged = answers.Answers(graph)
    key = entry.name.removesuffix(SUFFIX)
    forged._write(entry, key, b"item,forged\n")
    monkeypatch.setenv("PEELGRAPH_CACHE_KEY_DIR", str(tmp_path / "key"))
    again, warning = run(*QUERY, "-d", str(graph))
    assert again == first and "forged" not in again and "fails its check" in warning


def test_no_cache_neither_reads_nor_keeps(graph):
    run(*QUERY, "-d", str(graph), "--no-cache")
    assert kept(graph) == []


def test_nothing_is_kept_without_a_persistent_store(graph):
    run(*QUERY, "-d", str(graph), "--backend", "memory")
    assert not store_folder(graph).exists() or kept(graph) == []


def test_the_least_recently_read_answers_go_first(graph, monkeypatch):
    run(*QUERY, "-d", str(graph))
    run("query", "run", "select_afis_by_question", "-f", "tsv", "-d", str(graph))
    sizes = sorted(entry.stat().st_size for entry in kept(graph))
    monkeypatch.setattr(answers, "MAX_BYTES", sizes[-1] + sizes[0] - 1)
    run(*QUERY, "-d", str(graph))  # read: the csv answer is now the most recent
    run("query", "run", "select_afis_by_question", "-f", "json", "-d", str(graph))
    left = kept(graph)
    assert len(left) < 3
    newest = max(left, key=lambda entry: entry.stat().st_mtime_ns)
    assert b"{" in newest.read_bytes()


def test_a_symbolic_link_in_place_of_the_answers_is_never_followed(graph, tmp_path):
    run(*QUERY, "-d", str(graph), "--no-cache")  # the store, with no answers yet
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    precious = elsewhere / f"precious{SUFFIX}"
    precious.write_bytes(b"x" * 100)
    (store_folder(graph) / answers.FOLDER).symlink_to(elsewhere, target_is_directory=True)
    first, warning = run(*QUERY, "-d", str(graph))
    again, _ = run(*QUERY, "-d", str(graph), "--no-cache")
    assert first == again and "symbolic link" in warning
    assert [p.name for p in elsewhere.iterdir()] == [precious.name]


def test_nothing_is_kept_when_the_users_key_cannot_be(graph, tmp_path, monkeypatch):
    """Sealed with a key for this process only, an answer could never be read again: every
    later run would warn that it fails its check. So none is kept, and none is read."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the key's folder should be")
    monkeypatch.setenv("PEELGRAPH_CACHE_KEY_DIR", str(blocked / "key"))
    first, warning = run(*QUERY, "-d", str(graph))
    again, warning_again = run(*QUERY, "-d", str(graph))
    assert first == again and kept(graph) == []
    assert "WARNING" not in warning + warning_again
