"""Answers of saved queries kept with the query store of a built graph, so that asking the
same question again costs one file read.

The whole-corpus tables (every item, every item's themes and passages: what the site reads)
take Oxigraph seconds to compute on a large corpus, and they are the same answer until the
graph file changes. So ``query run`` keeps what it printed:

- **Where.** In ``OUT.trig.oxigraph/answers/``, inside the store: when the graph file
  changes, its store is made again and the old answers go with the old folder. Nothing is
  kept where there is no persistent store (a store in memory, a remote endpoint, whose data
  can change under it).
- **Key.** The text printed, named by a digest of all it depends on: the graph file's
  SHA-256 (the store's stamp), the query with its parameters bound, the output options
  (format, width, raw cells, terminal or not), this code
  (:func:`~peelgraph.context.code_digest`) and pyoxigraph's version. An answer is kept
  only when the store was of the same graph file before and after the query ran.
- **Trust.** Entries are sealed with the user's key (:mod:`peelgraph.sealed`), like the
  build cache's: an entry edited or planted is a miss, with a warning, and is answered
  afresh. A symbolic link in the folder's place is never followed.
- **Size.** At most :data:`MAX_BYTES` of answers per store; the least recently read go first.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import storedir
from .sealed import SUFFIX, Sealing, kept_user_key

#: The answers kept with one store, at most (bytes); the least recently read go first.
MAX_BYTES = 512 << 20
#: The folder of answers inside a store folder.
FOLDER = "answers"


@dataclass
class Answers(Sealing):
    """The answers kept with the store of ``graph_file`` (see the module docstring)."""

    graph_file: Path
    warnings: list[str] = field(default_factory=list)
    #: the graph file's SHA-256 the last key was made with
    _digest: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        key = kept_user_key()
        self._key = key or b""
        #: False where the user's key cannot be kept: nothing sealed now could be read later
        self.enabled = key is not None

    @property
    def folder(self) -> Path:
        return storedir.store_folder(self.graph_file) / FOLDER

    def key(self, query: str, options: str) -> str | None:
        """The key of the answer to ``query`` printed with ``options``, or None when the
        store beside the graph file is missing or not of this file (nothing to read or
        keep)."""
        digest = self._digest = storedir.current_digest(self.graph_file)
        if digest is None or not self.enabled:
            return None
        from importlib.metadata import version

        from .context import code_digest

        parts = (digest, code_digest(), version("pyoxigraph"), options, query)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def _usable(self) -> bool:
        """Whether the answers folder may be read and written: never through a symbolic
        link (planted, it would have answers read, written or trimmed elsewhere)."""
        if self.folder.is_symlink():
            self.warnings.append(f"{self.folder}: a symbolic link; not followed, not used")
            return False
        return True

    def get(self, key: str) -> bytes | None:
        """The answer kept under ``key``, or None (a miss; a damaged entry warns)."""
        if not self._usable():
            return None
        path = self.folder / f"{key}{SUFFIX}"
        body = self._decode(path, key, bytes)
        if body is not None:
            try:
                os.utime(path)  # read now: the last to be dropped
            except OSError:
                pass
        return body

    def keep(self, key: str, answer: bytes) -> None:
        """Keep ``answer`` under ``key`` if the store still holds the graph file the key
        was made for (another process may have replaced it meanwhile)."""
        current = storedir.current_digest(self.graph_file)
        if len(answer) > MAX_BYTES or current is None or current != self._digest:
            return
        if not self._usable():
            return
        try:
            self.folder.mkdir(exist_ok=True)
        except OSError:
            return  # a read-only store folder: nothing kept, nothing lost
        if not os.access(self.folder, os.W_OK | os.X_OK):
            return
        self._write(self.folder / f"{key}{SUFFIX}", key, answer)
        self._trim()

    def _trim(self) -> None:
        """Drop the least recently read answers beyond :data:`MAX_BYTES`."""
        try:
            stats = [(e.stat(), Path(e.path)) for e in os.scandir(self.folder)
                     if e.name.endswith(SUFFIX)]  # fmt: skip
        except OSError:
            return
        entries = [(st.st_mtime_ns, st.st_size, path) for st, path in stats]
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= MAX_BYTES:
                break
            path.unlink(missing_ok=True)
            total -= size
