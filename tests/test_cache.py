"""The build cache can neither run code nor lie: sealed MessagePack entries, keyed by the code."""

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
from peelgraph.cache import _GraphEntry
from peelgraph.errors import OutputError
from peelgraph.sealed import MAGIC as _MAGIC

from .conftest import ROOT, TEST_DATA
from .helpers import FICTIONAL_FORCES, fictional_context

WESSEX = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"


@pytest.fixture(autouse=True)
def _private_key_dir(tmp_path, monkeypatch):
    """Each test seals with its own user key, not the developer's."""
    monkeypatch.setenv("PEELGRAPH_CACHE_KEY_DIR", str(tmp_path / "key"))


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.mpk") if p.is_file())


def _parts(entry: Path) -> tuple[bytes, bytes, bytes]:
    """An entry file's key, seal and MessagePack body."""
    data = entry.read_bytes()
    assert data.startswith(_MAGIC)
    key, mac, body = data[len(_MAGIC) :].split(b"\n", 2)
    return key, mac, body


def test_entries_are_sealed_msgpack_not_pickles(tmp_path):
    cache = tmp_path / "cache"
    first = build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    entries = _entries(cache)
    assert len(entries) == 2  # one extracted document, one built graph
    for entry in entries:
        key, mac, body = _parts(entry)
        assert entry.stem == key.decode()  # named by the digest it is checked against
        assert len(mac) == 64
        msgspec.msgpack.decode(body)  # plain MessagePack: no extension types, no code
    graph = next(e for e in entries if e.parent.name == "graph")
    entry = msgspec.msgpack.decode(_parts(graph)[2], type=_GraphEntry)
    # the graph's bytes are kept as they are (no base64), and are those of the build
    assert entry.nquads == first.built[0].nquads
    assert first.built[0].nquads in graph.read_bytes()
    assert not list(cache.rglob("*.pickle")) and not list(cache.rglob("*.json"))


def test_an_entry_of_the_older_json_format_is_a_miss(tmp_path):
    """An entry in the JSON format of earlier versions, even one sealed with the user's key,
    is never read: the build reads and keeps the current format only."""
    cache = tmp_path / "cache"
    first = build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    for entry in _entries(cache):
        entry.with_suffix(".json").write_bytes(b'{"key": "k", "body": "", "mac": ""}')
        entry.unlink()
    again = build([WESSEX], cache_dir=cache, workers=1, context=fictional_context())
    assert again.extracted == 1 and not again.built[0].from_cache
    assert again.nquads() == first.nquads()
    assert len(_entries(cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not json at all",
        lambda data: data[: len(data) // 2],
        lambda data: b"",
        lambda data: b'{"key": 1}',
        lambda data: data.split(b"\n", 3)[0] + b"\n",
        lambda data: data.replace(_MAGIC, b"peelgraph-cache msgpack 0\n", 1),
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
    ],
    ids=[
        "garbage",
        "truncated",
        "empty",
        "wrong-shape",
        "header-only",
        "other-format",
        "one-bit",
    ],  # fmt: skip
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
        if entry.parent.name != "graph":
            continue
        key, mac, body = _parts(entry)
        graph = msgspec.msgpack.decode(body, type=_GraphEntry)
        assert b"/grade/good" in graph.nquads
        forged = msgspec.structs.replace(
            graph, nquads=graph.nquads.replace(b"/grade/good", b"/grade/superb")
        )
        body = msgspec.msgpack.encode(forged)
        entry.write_bytes(_MAGIC + key + b"\n" + mac + b"\n" + body)
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


def test_a_sealed_entry_of_another_shape_is_a_miss_with_a_warning(tmp_path):
    """An entry that passes its seal but does not decode as what it should hold (written
    by another version with the same key, say) is a miss, never a crash."""
    from peelgraph.cache import Cache
    from peelgraph.sealed import SUFFIX as _SUFFIX

    context = fictional_context()
    cache = tmp_path / "cache"
    first = build([WESSEX], cache_dir=cache, workers=1, context=context)
    sealer = Cache(cache, context)
    for entry in _entries(cache):
        sealer._write(entry.with_suffix(_SUFFIX), entry.stem, {"graphs": "many"})
    again = build([WESSEX], cache_dir=cache, workers=1, context=context)
    assert again.extracted == 1 and not again.built[0].from_cache
    assert again.nquads() == first.nquads()
    assert sum("of another shape" in w for w in again.cache_warnings) == 2
