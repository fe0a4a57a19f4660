"""The build cache can neither run code nor lie: sealed JSON entries, keyed by the code."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from peelgraph.build import build
from peelgraph.cache import _GraphEntry, _Sealed
from peelgraph.errors import OutputError

from .conftest import ROOT, TEST_DATA
from .helpers import FICTIONAL_FORCES, fictional_context

WESSEX = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"


@pytest.fixture(autouse=True)
def _private_key_dir(tmp_path, monkeypatch):
    """Each test seals with its own user key, not the developer's."""
    monkeypatch.setenv("PEELGRAPH_CACHE_KEY_DIR", str(tmp_path / "key"))


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json") if p.is_file())


def test_entries_are_sealed_json_not_pickles(tmp_path):
    cache = tmp_path / "cache"
    build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    entries = _entries(cache)
    assert len(entries) == 2  # one extracted document, one built graph
    for entry in entries:
        sealed = msgspec.json.decode(entry.read_bytes(), type=_Sealed)
        assert len(sealed.mac) == 64
    assert not list(cache.rglob("*.pickle"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not json at all",
        lambda data: data[: len(data) // 2],
        lambda data: b"",
        lambda data: b'{"key": 1}',
    ],
    ids=["garbage", "truncated", "empty", "wrong-shape"],
)
def test_a_damaged_entry_is_a_miss_with_a_warning(tmp_path, damage):
    cache = tmp_path / "cache"
    first = build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    for entry in _entries(cache):
        entry.write_bytes(damage(entry.read_bytes()))
    again = build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    assert again.extracted == 1
    assert again.validation.conforms
    assert again.nquads() == first.nquads()
    assert again.cache_warnings


def test_an_entry_edited_by_hand_fails_its_seal(tmp_path):
    """A grade changed to 'superb' inside a cached graph is not taken: the seal fails, the
    report is built afresh and the output has the true grade."""
    cache = tmp_path / "cache"
    first = build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    edited = 0
    for entry in _entries(cache):
        sealed = msgspec.json.decode(entry.read_bytes(), type=_Sealed)
        if entry.parent.name != "graph":
            continue
        graph = msgspec.json.decode(sealed.body, type=_GraphEntry)
        assert b"/grade/good" in graph.nquads
        forged = msgspec.structs.replace(
            graph, nquads=graph.nquads.replace(b"/grade/good", b"/grade/superb")
        )
        body = msgspec.json.encode(forged)
        entry.write_bytes(msgspec.json.encode(_Sealed(sealed.key, body, sealed.mac)))
        edited += 1
    assert edited
    again = build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    assert b"superb" not in again.nquads()
    assert again.nquads() == first.nquads()
    assert any("fails its check" in w for w in again.cache_warnings)


def test_a_planted_pickle_never_runs(tmp_path):
    """Whoever can write beside the output cannot run code in the next build."""
    marker = tmp_path / "owned"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    cache = tmp_path / "cache"
    build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    for entry in _entries(cache):
        entry.write_bytes(pickle.dumps(Payload()))
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(Payload()))
    again = build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    assert not marker.exists()
    assert again.validation.conforms


def test_a_cache_path_that_is_a_file_is_refused(tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("my notes", encoding="utf-8")
    with pytest.raises(OutputError, match="cache folder is a file"):
        build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    assert cache.read_text(encoding="utf-8") == "my notes"


_BUILD_TWICE = """
import sys
from pathlib import Path
from peelgraph.build import build
from peelgraph.context import BuildContext
context = BuildContext.from_options([Path(sys.argv[3])])
result = build([Path(sys.argv[1])], context, cache_dir=Path(sys.argv[2]), workers=1)
print(result.extracted, b"edited-mapping" in result.nquads())
"""


def test_a_change_in_the_code_is_picked_up_by_the_next_build(tmp_path):
    """The cache is keyed by a digest of the package's code: edit a mapping in a copy of
    the package and the next build maps the report afresh instead of reusing the old graph."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "src" / "peelgraph", repo / "src" / "peelgraph")
    for folder in ("ontology", "queries"):
        shutil.copytree(ROOT / folder, repo / folder)
    env = {**os.environ, "PYTHONPATH": str(repo / "src")}
    cache = tmp_path / "cache"

    def run() -> str:
        args = [sys.executable, "-c", _BUILD_TWICE, str(WESSEX), str(cache), str(FICTIONAL_FORCES)]
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    assert run() == "1 False"
    assert run() == "0 False"
    rdf = repo / "src" / "peelgraph" / "rdf.py"
    text = rdf.read_text(encoding="utf-8")
    mapping = "g.add((node, PEEL.text, Literal(it.text)))"
    assert mapping in text, "the mapping of an item's text moved: update this test"
    edited = 'g.add((node, PEEL.text, Literal("edited-mapping " + it.text)))'
    rdf.write_text(text.replace(mapping, edited, 1), encoding="utf-8")
    assert run() == "1 True"
