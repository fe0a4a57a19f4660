"""The build cache: extracted documents and built report graphs, kept between builds.

A document whose bytes have not changed is not extracted again, and a report whose documents
have not changed is not mapped or validated again. The cache can be deleted at any time; it
lives beside the output (``.peelgraph-cache/``) unless ``--cache DIR`` says otherwise.

It is built so that it can neither run code nor lie:

- entries (:mod:`peelgraph.sealed`) are MessagePack (through ``msgspec``, decoded into the
  model's dataclasses with type checks), never pickle or any format that executes on load;
  a file is a line naming the format, a line with the entry's key (the content digest it is
  named by), a line with its seal, then the MessagePack body: bytes (N-Quads, TriG) are kept
  as they are, with no text encoding (a 50,000-item report's entry was 700 MB of JSON with
  base64 twice);
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
from dataclasses import dataclass, field, replace
from pathlib import Path

import msgspec

from .context import BuildContext
from .errors import OutputError
from .model import Report
from .sealed import SUFFIX as _SUFFIX
from .sealed import Sealing, user_key
from .validate import ValidationReport, Violation


class _GraphEntry(msgspec.Struct, frozen=True):
    nquads: bytes
    trig: bytes
    violations: list[Violation]
    graphs: int


@dataclass(frozen=True)
class CachedGraph:
    """A report graph taken from the cache: its N-Quads and TriG block, and the result of
    validating exactly those bytes."""

    nquads: bytes
    trig: bytes
    validation: ValidationReport


@dataclass
class Cache(Sealing):
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
class TextCache(Sealing):
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
