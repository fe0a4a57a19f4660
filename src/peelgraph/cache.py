"""The build cache: extracted documents and built report graphs, kept between builds.

A document whose bytes have not changed is not extracted again, and a report whose documents
have not changed is not mapped or validated again. The cache can be deleted at any time; it
lives beside the output (``.peelgraph-cache/``) unless ``--cache DIR`` says otherwise.

It is built so that it can neither run code nor lie:

- entries are MessagePack (through ``msgspec``, decoded into the model's dataclasses with
  type checks), never pickle or any format that executes on load; a file is a line naming
  the format, a line with the entry's key (the content digest it is named by), a line with
  its seal, then the MessagePack body: bytes (N-Quads, TriG) are kept as they are, with no
  text encoding (a 50,000-item report's entry was 700 MB of JSON with base64 twice);
  an entry of an older format is a miss;
- each entry is sealed with an HMAC-SHA256 under a key private to the user (in the user's
  own cache directory, not beside the output, mode 0600): an entry edited, truncated or
  planted by anyone who can write to the output folder fails the check and is a cache miss
  with a warning, then is built afresh (and validated like any fresh graph);
- a cached graph carries its validation result inside the sealed entry, so a cached result
  is always the result of validating exactly those bytes;
- the folder is keyed by the :class:`~peelgraph.context.BuildContext` fingerprint (the
  package's code, the reference data and the SHACL engine): other code or other reference
  data never reads this code's entries.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import msgspec

from .context import BuildContext
from .errors import OutputError
from .model import Report
from .validate import ValidationReport, Violation

_KEY_ENV = "PEELGRAPH_CACHE_KEY_DIR"
_T = TypeVar("_T")


class _GraphEntry(msgspec.Struct, frozen=True):
    nquads: bytes
    trig: bytes
    violations: list[Violation]
    graphs: int


#: The first line of every entry file: the format (MessagePack body after a key and a seal).
_MAGIC = b"peelgraph-cache msgpack 1\n"
#: The suffix of entry files (an entry of the older JSON format is never read: a miss).
_SUFFIX = ".mpk"


@dataclass(frozen=True)
class CachedGraph:
    """A report graph taken from the cache: its N-Quads and TriG block, and the result of
    validating exactly those bytes."""

    nquads: bytes
    trig: bytes
    validation: ValidationReport


def user_key() -> bytes:
    """The secret that seals cache entries: 32 random bytes in the user's cache directory
    (``PEELGRAPH_CACHE_KEY_DIR`` overrides where), made on first use with mode 0600. Where
    it cannot be kept, a key for this process only (the cache then lasts one run)."""
    folder = Path(os.environ.get(_KEY_ENV) or _user_cache_dir())
    path = folder / "cache-key"
    try:
        data = path.read_bytes()
        if len(data) == 32:
            return data
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".cache-key.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        os.chmod(tmp, 0o600)
        try:
            # never replace a key: of builds that start at once, the first key made wins
            # and the others read it (else each would seal with its own, and refuse the rest)
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
        data = path.read_bytes()
    except OSError:
        return key
    return data if len(data) == 32 else key


def _user_cache_dir() -> str:
    from platformdirs import user_cache_dir

    return user_cache_dir("peelgraph", appauthor=False)


class _Sealing:
    """Reading and writing entries sealed with the user's key (``_key``)."""

    _key: bytes
    warnings: list[str]

    def _mac(self, key: str, body: bytes | memoryview) -> str:
        mac = hmac.new(self._key, key.encode() + b"\0", hashlib.sha256)
        mac.update(body)  # (not joined to the key: a large entry's body is never copied)
        return mac.hexdigest()

    def _read(self, path: Path, key: str) -> memoryview | None:
        """The body of the entry at ``path`` if its key is ``key`` and its seal holds (a
        view of the file's bytes, not a copy); else None, with a warning."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            self.warnings.append(f"{path}: unreadable cache entry ignored; rebuilt")
            return None
        head = len(_MAGIC)
        key_end = data.find(b"\n", head, head + 200)
        mac_end = data.find(b"\n", key_end + 1, key_end + 200) if key_end > 0 else -1
        if not data.startswith(_MAGIC) or mac_end < 0:
            self.warnings.append(f"{path}: unreadable cache entry ignored; rebuilt")
            return None
        body = memoryview(data)[mac_end + 1 :]
        mac = data[key_end + 1 : mac_end]
        if data[head:key_end] != key.encode() or not hmac.compare_digest(
            mac, self._mac(key, body).encode()
        ):
            self.warnings.append(
                f"{path}: cache entry fails its check (edited?); ignored and rebuilt"
            )
            return None
        return body

    def _decode(self, path: Path, key: str, kind: type[_T]) -> _T | None:
        """The entry at ``path`` decoded as ``kind`` (checked), or None: a miss, with a
        warning unless there is no such entry."""
        body = self._read(path, key)
        if body is None:
            return None
        try:
            return msgspec.msgpack.decode(body, type=kind)
        except (msgspec.DecodeError, msgspec.ValidationError):
            self.warnings.append(f"{key}: cache entry of another shape ignored; rebuilt")
            return None

    def _write(self, path: Path, key: str, value: object) -> None:
        body = msgspec.msgpack.encode(value)
        head = _MAGIC + key.encode() + b"\n" + self._mac(key, body).encode() + b"\n"
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(head)
                handle.write(body)
            os.replace(tmp, path)
        except OSError as exc:
            self.warnings.append(f"{path}: not cached ({exc.strerror})")


@dataclass
class Cache(_Sealing):
    """The cache of one build context in ``folder`` (None: no cache). ``warnings`` lists the
    entries that were refused (tampered, corrupt, unreadable) and the cache's own troubles."""

    folder: Path | None
    context: BuildContext
    warnings: list[str] = field(default_factory=list)
    #: the folder given (``folder`` becomes its sub-folder for this context)
    root: Path | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.folder is None:
            return
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(
                "the cache folder is a file", where=str(self.folder), hint="pass another --cache"
            )
        base = self.folder / self.context.fingerprint
        try:
            for part in ("extract", "graph"):
                (base / part).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.warnings.append(
                f"{self.folder}: cache off, the folder cannot be written ({exc.strerror})"
            )
            self.folder = None
            return
        self.root = self.folder
        self.folder = base
        self._key = user_key()

    # -- extracted documents ---------------------------------------------------------------

    def extracted(self, sha256: str, path: Path) -> list[Report] | None:
        """The reports extracted from a document with these bytes, if cached (with the
        provenance of ``path``, which may name the same bytes differently)."""
        if self.folder is None:
            return None
        entry = self.folder / "extract" / f"{sha256}{_SUFFIX}"
        reports = self._decode(entry, sha256, list[Report])
        if reports is None:
            return None
        out = []
        for report in reports:
            doc = report.documents[0]
            source = replace(doc.source, path=str(path), name=path.name)
            out.append(replace(report, documents=(replace(doc, source=source),)))
        return out

    def keep_extracted(self, sha256: str, reports: list[Report]) -> None:
        if self.folder is not None:
            self._write(self.folder / "extract" / f"{sha256}{_SUFFIX}", sha256, reports)

    # -- built graphs ----------------------------------------------------------------------

    @staticmethod
    def graph_key(report: Report) -> str:
        """What a report graph depends on: its key and its documents' bytes and names."""
        docs = sorted(f"{d.source.sha256}:{d.source.name}" for d in report.documents)
        return hashlib.sha256("|".join([report.key, *docs]).encode()).hexdigest()[:24]

    def built(self, report: Report) -> CachedGraph | None:
        if self.folder is None:
            return None
        key = self.graph_key(report)
        entry = self._decode(self.folder / "graph" / f"{key}{_SUFFIX}", key, _GraphEntry)
        if entry is None:
            return None
        validation = ValidationReport(violations=list(entry.violations), graphs=entry.graphs)
        return CachedGraph(entry.nquads, entry.trig, validation)

    def keep_built(self, report: Report, graph: CachedGraph) -> None:
        if self.folder is None:
            return
        key = self.graph_key(report)
        entry = _GraphEntry(graph.nquads, graph.trig, graph.validation.violations,
                            graph.validation.graphs)  # fmt: skip
        self._write(self.folder / "graph" / f"{key}{_SUFFIX}", key, entry)


@dataclass
class TextCache(_Sealing):
    """The text of source documents as extraction reads them (a PDF's text layer takes
    seconds to rebuild), kept for ``explain`` in ``folder``/text, keyed by the document's
    SHA-256 and by this code (:func:`~peelgraph.context.code_digest`): another version of
    the reader never takes this one's text. Sealed like every entry; None: no cache."""

    folder: Path | None
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.folder is None:
            return
        from .context import code_digest

        base = self.folder / "text" / code_digest()[:16]
        try:
            base.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.folder = None
            return
        self.folder = base
        self._key = user_key()

    def text(self, sha256: str) -> str | None:
        if self.folder is None:
            return None
        return self._decode(self.folder / f"{sha256}{_SUFFIX}", sha256, str)

    def keep_text(self, sha256: str, text: str) -> None:
        if self.folder is not None:
            self._write(self.folder / f"{sha256}{_SUFFIX}", sha256, text)
