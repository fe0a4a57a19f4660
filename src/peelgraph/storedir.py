"""The query store kept beside a built graph file (``OUT.trig.oxigraph/``), safe under
concurrency and careful with what it did not make.

- **One writer at a time.** A lock file beside the output (``.OUT.trig.lock``, the filelock
  package) is held by whoever writes the output or creates or refreshes its store: a build,
  or the first query on a graph that has no store yet. A second writer waits, saying so.
- **Readers never see a half-made store.** Oxigraph's read-only mode is undefined while
  another process writes the store, so the store in place is never written: a new one is made
  in a temporary folder beside it (a refresh starts from a hard-linked backup of the current
  one and reloads only the graphs that changed) and swapped in with two renames.
- **Markers.** The folder carries an ownership marker (written first) and a stamp of the
  graph file it holds (written last: the completeness marker). A folder of that name
  without the marker is not peelgraph's: it is never written or deleted unless the user asks
  (``overwrite``); a symbolic link in its place is always refused.
- **Self-repair.** A store that is incomplete or cannot be opened is rebuilt from the graph
  file, with a warning (:class:`~peelgraph.errors.PeelgraphWarning`), never a traceback.
- **Read-only folders.** Where nothing can be written beside the graph file, queries answer
  from a store in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from .errors import GraphFileError, OutputError, PeelgraphWarning, StoreError
from .graphio import FORMATS, load_dataset

#: How long a writer waits for another one to finish before giving up, in seconds.
LOCK_TIMEOUT = 600.0
#: The ownership marker: written first into every store folder peelgraph makes.
OWNER = "peelgraph-store"
#: The stamp of the graph file a store holds: written last (the completeness marker).
STAMP = "peelgraph-source.json"
_OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
}
_STORE_ERRORS = (OSError, RuntimeError, ValueError)


def store_folder(graph_file: Path) -> Path:
    """The persistent Oxigraph store kept beside a built graph file."""
    return graph_file.with_name(graph_file.name + ".oxigraph")


def lock_file(output: Path) -> Path:
    """The lock file of an output (and of its store), beside it."""
    return output.with_name(f".{output.name}.lock")


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold the lock of ``output`` for the block: a writer of the output or its store.

    Reentrant in one process. A writer that finds the lock held warns that it waits, and
    gives up after :data:`LOCK_TIMEOUT` seconds with one line."""
    from filelock import FileLock, Timeout  # here: a reader of a fresh store takes no lock

    lock = FileLock(str(lock_file(output)), is_singleton=True)
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            warnings.warn(
                f"{output}: another peelgraph process is writing it; waiting",
                PeelgraphWarning,
                stacklevel=3,
            )
            lock.acquire(timeout=LOCK_TIMEOUT)
    except Timeout as exc:
        raise OutputError(
            f"another peelgraph process has held its lock for {LOCK_TIMEOUT:g} s",
            where=str(output),
            hint=f"wait for it, or delete {lock_file(output)} if no peelgraph process runs",
        ) from exc
    except OSError as exc:
        raise OutputError(
            f"cannot take its lock ({exc.strerror or exc})", where=str(output)
        ) from exc
    try:
        yield
    finally:
        lock.release()


# -- markers --------------------------------------------------------------------------------


def read_stamp(folder: Path) -> dict[str, object]:
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _write_stamp(folder: Path, graph_file: Path, digest: str, graphs: dict[str, str]) -> None:
    info = graph_file.stat()
    stamp = {
        "sha256": digest,
        "file": graph_file.name,
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "graphs": graphs,
    }
    (folder / STAMP).write_text(json.dumps(stamp, sort_keys=True), encoding="utf-8")


def _same_stat(graph_file: Path, stamp: dict[str, object]) -> bool:
    info = graph_file.stat()
    return stamp.get("size") == info.st_size and stamp.get("mtime_ns") == info.st_mtime_ns


def _unchanged(graph_file: Path, stamp: dict[str, object]) -> bool:
    """Whether the stamp still describes the file: same size and modification time (as make
    and git judge it, without reading a large file), else the same SHA-256."""
    if _same_stat(graph_file, stamp):
        return True
    return stamp.get("sha256") == _digest(graph_file)


def _restamp(folder: Path, graph_file: Path, stamp: dict[str, object]) -> None:
    """Record the size and modification time of a file found unchanged by its SHA-256 (copied,
    touched, checked out again), so that later commands need not read it whole again."""
    info = graph_file.stat()
    fresh = {**stamp, "size": info.st_size, "mtime_ns": info.st_mtime_ns}
    tmp = folder / f".{STAMP}.tmp"
    try:
        tmp.write_text(json.dumps(fresh, sort_keys=True), encoding="utf-8")
        os.replace(tmp, folder / STAMP)
    except OSError:
        tmp.unlink(missing_ok=True)  # not recorded: the next command hashes the file again


def is_ours(folder: Path) -> bool:
    """Whether ``folder`` is a store folder peelgraph made (its marker, or the stamp of a
    store made before markers existed)."""
    return (
        not folder.is_symlink()
        and folder.is_dir()
        and ((folder / OWNER).is_file() or (folder / STAMP).is_file())
    )


def check_store_folder(folder: Path, overwrite: bool = False) -> bool:
    """Whether peelgraph's store is in ``folder`` (False: nothing is there, or ``overwrite``
    lets what is there be replaced). A symbolic link is refused, and so is anything else
    peelgraph did not make unless ``overwrite``."""
    if folder.is_symlink():
        raise OutputError(
            "is a symbolic link where peelgraph keeps its query store; not followed",
            where=str(folder),
            hint="remove the link (peelgraph makes the store itself)",
        )
    if not folder.exists():
        return False
    if is_ours(folder):
        return True
    if overwrite:
        return False
    raise OutputError(
        "exists and is not peelgraph's query store (no marker); left untouched",
        where=str(folder),
        hint="move it away, or pass --overwrite to replace it",
    )


def is_current(graph_file: Path) -> bool:
    """Whether the store beside ``graph_file`` is peelgraph's, complete and of this file."""
    folder = store_folder(graph_file)
    if not is_ours(folder):
        return False
    stamp = read_stamp(folder)
    return bool(stamp) and _unchanged(graph_file, stamp)


def current_digest(graph_file: Path) -> str | None:
    """The SHA-256 of ``graph_file`` if the store beside it is peelgraph's, complete and of
    this file (else None): what the store's answers depend on."""
    folder = store_folder(graph_file)
    if not is_ours(folder):
        return None
    stamp = read_stamp(folder)
    digest = stamp.get("sha256")
    if not isinstance(digest, str) or not _unchanged(graph_file, stamp):
        return None
    return digest


def writable_beside(graph_file: Path) -> bool:
    """Whether a store (and its lock) can be made beside ``graph_file``."""
    return os.access(graph_file.parent, os.W_OK | os.X_OK)


# -- loading --------------------------------------------------------------------------------


def rdf_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(f"cannot tell the RDF format from {path.suffix!r}", where=str(path))
    return fmt


def bulk_load_file(store: ox.Store, graph_file: Path) -> None:
    """Load a graph file into ``store``: natively where Oxigraph reads the format, else
    through rdflib."""
    fmt = rdf_format(graph_file)
    try:
        if fmt in _OX_FORMATS:
            store.bulk_load(path=str(graph_file), format=_OX_FORMATS[fmt])
        else:
            data = load_dataset(graph_file).serialize(format="nquads", encoding="utf-8")
            store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError) as exc:
        detail = " ".join(str(exc).split())[:300]
        raise GraphFileError(f"cannot load into Oxigraph: {detail}", where=str(graph_file)) from exc


def memory_store(graph_file: Path) -> ox.Store:
    """An in-memory store of ``graph_file`` (for a graph in a folder peelgraph cannot write)."""
    store = ox.Store()
    bulk_load_file(store, graph_file)
    return store


def _batches(chunks: list[bytes], size: int = 16 << 20) -> Iterator[bytes]:
    """N-Quads chunks joined into batches of about ``size`` bytes: one bulk load each keeps
    Oxigraph's loader buffers small (one bulk load of a whole corpus takes gigabytes)."""
    batch: list[bytes] = []
    held = 0
    for chunk in chunks:
        batch.append(chunk)
        held += len(chunk)
        if held >= size:
            yield b"".join(batch)
            batch, held = [], 0
    if batch:
        yield b"".join(batch)


def _graph_digests(graphs: list[tuple[str, bytes]]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in graphs}


def _few_changed(
    held: dict[str, object], wanted: dict[str, str], graphs: list[tuple[str, bytes]]
) -> bool:
    """Whether updating a copy of the store is worth it: under a quarter of the data changed.
    Otherwise (a first build after an upgrade changes every graph) a fresh bulk load is
    several times faster and takes a fraction of the memory of one transaction a graph."""
    changed = sum(len(data) for name, data in graphs if held.get(name) != wanted[name])
    return changed * 4 < sum(len(data) for _, data in graphs)


def _temporary(folder: Path, kind: str) -> Path:
    return folder.with_name(f".{folder.name}.{secrets.token_hex(4)}.{kind}")


def _mark(folder: Path, graph_file: Path) -> None:
    (folder / OWNER).write_text(
        f"peelgraph's query store of {graph_file.name}: it can be deleted at any time (it is "
        "made again from the graph file on the next query).\n",
        encoding="utf-8",
    )


def _fill_fresh(tmp: Path, graph_file: Path, graphs: list[tuple[str, bytes]] | None) -> None:
    tmp.mkdir()
    _mark(tmp, graph_file)
    store = ox.Store(str(tmp))
    try:
        if graphs is not None:
            for batch in _batches([data for _, data in graphs]):
                store.bulk_load(batch, format=ox.RdfFormat.N_QUADS)
        else:
            bulk_load_file(store, graph_file)
        store.optimize()  # compact the bulk loader's files: queries about 3x faster
        store.flush()
    finally:
        del store


def _fill_from_copy(
    tmp: Path,
    folder: Path,
    graph_file: Path,
    held: dict[str, object],
    wanted: dict[str, str],
    graphs: list[tuple[str, bytes]],
) -> list[str]:
    """A copy of the store (hard links) with the graphs whose digests differ replaced."""
    current = ox.Store.read_only(str(folder))
    try:
        current.backup(str(tmp))
    finally:
        del current
    _mark(tmp, graph_file)
    changed = []
    store = ox.Store(str(tmp))
    try:
        for name in sorted(held.keys() - wanted.keys()):
            store.remove_graph(ox.NamedNode(name))
            changed.append(name)
        for name, data in graphs:
            if held.get(name) == wanted[name]:
                continue
            graph = ox.NamedNode(name)
            if store.contains_named_graph(graph):
                store.clear_graph(graph)
            store.load(data, format=ox.RdfFormat.N_QUADS)
            changed.append(name)
        store.flush()
    finally:
        del store
    return changed


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _swap(tmp: Path, folder: Path) -> None:
    """Put ``tmp`` in the place of ``folder`` (two renames; what was there is removed)."""
    old = None
    if folder.exists():
        old = _temporary(folder, "old")
        os.rename(folder, old)
    os.rename(tmp, folder)
    if old is not None:
        _remove(old)


def _clean_leftovers(folder: Path) -> None:
    """Remove the temporary stores a killed writer left (they carry the marker)."""
    for kind in ("tmp", "old"):
        for path in folder.parent.glob(f".{folder.name}.*.{kind}"):
            if is_ours(path):
                _remove(path)


def sync_store(
    graph_file: Path,
    graphs: list[tuple[str, bytes]] | None = None,
    *,
    overwrite: bool = False,
    rebuild: bool = False,
) -> list[str]:
    """Bring the store beside ``graph_file`` up to date; list the named graphs (re)loaded
    (``["*"]`` when the file was loaded whole).

    The build passes ``graphs``, the file's named graphs as (IRI, N-Quads): the store is then
    filled from them without parsing the file, or, when under a quarter of the data changed,
    copied and updated (a rebuild after one report changes reloads that report's graph and
    the links). ``rebuild`` makes a fresh store whatever the stamp says (one that cannot be
    opened). ``overwrite`` lets a folder peelgraph did not make be replaced.
    """
    if not graph_file.is_file():
        raise GraphFileError("no such file", where=str(graph_file), hint="build it first")
    rdf_format(graph_file)  # a file of no RDF format (notes.md): refused before any folder
    folder = store_folder(graph_file)
    if folder.is_symlink():
        check_store_folder(folder, overwrite)  # refused
    if not rebuild and is_ours(folder) and _same_stat(graph_file, read_stamp(folder)):
        return []
    # the folder is judged under the lock: outside it, another writer's swap can be seen
    # halfway (the folder gone, or back) and a store taken for a foreign folder
    with output_lock(graph_file):
        return _sync_locked(graph_file, folder, graphs, overwrite, rebuild)


def _sync_locked(
    graph_file: Path,
    folder: Path,
    graphs: list[tuple[str, bytes]] | None,
    overwrite: bool,
    rebuild: bool,
) -> list[str]:
    ours = check_store_folder(folder, overwrite)  # again: another process may have made it
    stamp = read_stamp(folder) if ours else {}
    if stamp and not rebuild and _unchanged(graph_file, stamp):
        if not _same_stat(graph_file, stamp):
            _restamp(folder, graph_file, stamp)
        return []
    if ours and not stamp:
        warnings.warn(
            f"{folder}: the query store is incomplete (a run was cut short); made again "
            f"from {graph_file.name}",
            PeelgraphWarning,
            stacklevel=4,
        )
    _clean_leftovers(folder)
    digest = _digest(graph_file)
    held = stamp.get("graphs")
    tmp = _temporary(folder, "tmp")
    try:
        wanted = _graph_digests(graphs) if graphs is not None else {}
        if graphs is not None and isinstance(held, dict) and held and not rebuild \
                and _few_changed(held, wanted, graphs):  # fmt: skip
            try:
                changed = _fill_from_copy(tmp, folder, graph_file, held, wanted, graphs)
            except _STORE_ERRORS:  # the current store is unreadable: start afresh
                _remove(tmp)
                _fill_fresh(tmp, graph_file, graphs)
                changed = [name for name, _ in graphs]
        else:
            _fill_fresh(tmp, graph_file, graphs)
            changed = [name for name, _ in graphs] if graphs is not None else ["*"]
        _write_stamp(tmp, graph_file, digest, wanted)
        _swap(tmp, folder)
    except GraphFileError:
        _remove(tmp)
        raise
    except _STORE_ERRORS as exc:
        _remove(tmp)
        raise StoreError(
            f"cannot write the query store ({_reason(exc)})",
            where=str(folder),
            hint="free some disk space or pass --no-store"
            if _is_full(exc)
            else "check the folder's permissions, or pass --no-store",
        ) from exc
    return changed


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _is_full(exc: BaseException) -> bool:
    import errno

    return (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "No space" in str(exc)


def _open_probed(folder: Path) -> ox.Store:
    """The store in ``folder`` opened read-only, after reading a little of every index, so
    that a store whose files are damaged fails here."""
    store = ox.Store.read_only(str(folder))
    next(iter(store.quads_for_pattern(None, None, None)), None)
    next(iter(store.named_graphs()), None)
    return store


def _open_or_none(folder: Path) -> ox.Store | None:
    """:func:`_open_probed`, or None where the store cannot be opened or read."""
    try:
        return _open_probed(folder)
    except _STORE_ERRORS:
        return None


def open_read_only(graph_file: Path) -> ox.Store:
    """The store of ``graph_file``, made or refreshed first if needed, opened read-only.

    A store that cannot be opened is made again (with a warning); where nothing can be
    written beside the file, the answer comes from a store in memory."""
    if not graph_file.is_file():
        raise GraphFileError("no such file", where=str(graph_file), hint="build it first")
    folder = store_folder(graph_file)
    if not writable_beside(graph_file):
        found = _open_or_none(folder) if is_current(graph_file) else None
        return found if found is not None else memory_store(graph_file)
    for attempt in range(3):
        sync_store(graph_file)
        try:
            return _open_probed(folder)
        except _STORE_ERRORS as exc:
            if not folder.exists() and attempt < 2:
                continue  # another writer swapped it at that moment: look again
            with output_lock(graph_file):
                found = _open_or_none(folder)
                if found is not None:
                    return found  # another writer made it again meanwhile
                warnings.warn(
                    f"{folder}: the query store cannot be opened ({_reason(exc)}); made "
                    f"again from {graph_file.name}",
                    PeelgraphWarning,
                    stacklevel=2,
                )
                sync_store(graph_file, rebuild=True)
    raise StoreError("the query store cannot be opened", where=str(folder),
                     hint="delete the folder: it is made again from the graph file")  # fmt: skip


def invalidate(folder: Path) -> None:
    """Mark a store found damaged while reading it, so that the next use makes it again."""
    if is_ours(folder):
        try:
            _mark(folder, folder.with_name(folder.name.removesuffix(".oxigraph")))
            (folder / STAMP).unlink(missing_ok=True)
        except OSError:
            pass
