"""The whole pipeline: files -> extract -> merge -> RDF -> validate -> one graph file.

:func:`build` is the entry point the command line and scripts call. It never writes a graph
that does not conform: the caller gets a :class:`BuildResult` and decides.

Built for a corpus of hundreds of reports: extraction, mapping and validation run in worker
processes (one per core by default); each report's named graph is validated on its own, so a
bad report is named precisely; with a cache folder, a document whose bytes have not changed
is not extracted again, and a report whose documents have not changed is not mapped or
validated again.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path

from rdflib import Dataset

from . import __version__, iris
from .derived import partnerships
from .errors import DuplicateInputError, InputError, PeelgraphError
from .extract import extract_reports
from .extract.reading import DEFAULT_MAX_BYTES, read_document
from .graphio import nquads_dataset, trig_block
from .links import cross_report_links
from .merge import group_reports
from .model import Report
from .rdf import links_graph, partnership_ntriples, report_graph
from .reference import load_vocabulary, shared_reference_graph
from .resources import extra_reference_files, ontology_dir
from .validate import (
    DEFAULT_ENGINE,
    ENGINES,
    LINK_SHAPES,
    ValidationReport,
    Violation,
    shapes_named,
    validate_ntriples,
)

#: Suffixes taken when a folder is given; a file named explicitly is always taken.
INPUT_SUFFIXES = (".txt", ".pdf")


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """The files to read: files as given, and the report files in folders (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in INPUT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError("folder holds no report files (*.txt, *.pdf)", where=str(path))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or folder", where=str(path), hint="check the path")
    return list(dict.fromkeys(files))


@dataclass
class Skipped:
    path: Path
    error: PeelgraphError


@dataclass
class BuiltReport:
    """One report's named graph, as sorted N-Quads, with its validation result."""

    report: Report
    nquads: bytes
    validation: ValidationReport
    from_cache: bool = False
    trig: bytes = b""  # the same graph as a TriG block (graphio.trig_block)


@dataclass
class BuildResult:
    built: list[BuiltReport]
    skipped: list[Skipped] = field(default_factory=list)
    extracted: int = 0  # documents extracted in this run (not taken from the cache)
    links: bytes = b""  # the cross-report links graph as N-Quads
    links_validation: ValidationReport = field(default_factory=ValidationReport)

    @property
    def reports(self) -> list[Report]:
        return [b.report for b in self.built]

    @property
    def validation(self) -> ValidationReport:
        total = ValidationReport()
        for b in self.built:
            total.extend(b.validation)
        total.extend(self.links_validation)
        return total

    @property
    def warnings(self) -> list[str]:
        return [f"{r.source.path}: {w}" for r in self.reports for w in r.warnings]

    def nquads(self, with_reference: bool = True) -> bytes:
        """Every report graph (and the reference graph) as N-Quads."""
        parts = [b.nquads for b in self.built] + [self.links]
        if with_reference:
            parts.insert(0, self.reference_nquads)
        return b"".join(parts)

    @cached_property
    def reference_nquads(self) -> bytes:
        """The reference graph of this build as N-Quads (serialised once)."""
        return reference_nquads()

    def graphs(self) -> list[tuple[str, bytes]]:
        """Each named graph (reference, reports, links) as (graph IRI, sorted N-Quads), in
        the order of their IRIs: what :func:`graphio.write_graphs` and the query store take."""
        named = [(str(iris.REFERENCE_GRAPH), self.reference_nquads)]
        named += [(str(iris.report_graph(b.report.key)), b.nquads) for b in self.built]
        if self.links:
            named.append((str(iris.LINKS_GRAPH), self.links))
        return sorted(named)

    def trig_blocks(self) -> list[bytes]:
        """The same graphs, in the same order, as TriG blocks (:func:`graphio.write_trig`)."""
        named = [(str(iris.REFERENCE_GRAPH), trig_block(self.reference_nquads))]
        named += [(str(iris.report_graph(b.report.key)), b.trig or trig_block(b.nquads))
                  for b in self.built]  # fmt: skip
        if self.links:
            named.append((str(iris.LINKS_GRAPH), trig_block(self.links)))
        return [block for _, block in sorted(named)]

    def summary(self) -> dict[str, object]:
        """What the build holds, counted from the model (no graph parsing)."""
        grades: dict[str, int] = {}
        links = 0
        partners: set[str] = set()
        for r in self.reports:
            for j in r.judgments:
                label = j.grade.replace("-", " ")
                grades[label] = grades.get(label, 0) + 1
            mentioned = {p for item in (*r.findings, *r.afis, *r.causes_of_concern,
                                        *r.recommendations) for p in item.mentions}  # fmt: skip
            links += len(mentioned)
            partners |= mentioned
        return {
            "reports": len(self.reports),
            "judgments_by_grade": dict(sorted(grades.items())),
            "findings": sum(len(r.findings) for r in self.reports),
            "areas_for_improvement": sum(len(r.afis) for r in self.reports),
            "partner_links": links,
            "partners": len(partners),
            "observations": sum(len(r.observations) for r in self.reports),
            "triples": sum(b.nquads.count(b"\n") for b in self.built),
            "cross_report_links": self.links.count(b"ontology#followsUp> "),
            "partnerships": self.links.count(b"ontology#Partnership> "),
        }

    @cached_property
    def dataset(self) -> Dataset:
        """The whole build as an rdflib Dataset (for small builds, tests and scripts)."""
        return nquads_dataset(self.nquads())


def _fingerprint() -> str:
    """What cached results depend on: the peelgraph version, every ontology file and the
    extra reference files."""
    digest = hashlib.sha256(__version__.encode())
    bundled = sorted((f for f in ontology_dir().iterdir() if f.is_file()), key=lambda f: f.name)
    for item in [*bundled, *extra_reference_files()]:
        digest.update(item.name.encode())
        digest.update(item.read_bytes())
    return digest.hexdigest()[:16]


def reference_nquads() -> bytes:
    """The reference graph as N-Quads in the reference named graph."""
    return _to_nquads(shared_reference_graph(), iris.REFERENCE_GRAPH)


def _to_nquads(graph, name) -> bytes:  # type: ignore[no-untyped-def]
    return _nquads_of(graph.serialize(format="nt"), name)


def _nquads_of(ntriples: str, name) -> bytes:  # type: ignore[no-untyped-def]
    """N-Triples text as sorted N-Quads in the named graph ``name``."""
    suffix = f" <{name}> ."
    lines = ntriples.splitlines()
    return "".join(sorted(f"{line[:-2]}{suffix}\n" for line in lines if line.strip())).encode(
        "utf-8"
    )


# -- worker functions (run in other processes; module-level so that they pickle) ----------


def _extract_one(
    args: tuple[str, int],
) -> tuple[str, list[Report] | None, PeelgraphError | None]:
    path, max_bytes = args
    try:
        return path, extract_reports(Path(path), load_vocabulary(), max_bytes=max_bytes), None
    except PeelgraphError as exc:
        return path, None, exc


def _map_and_validate(report: Report, engine: str | None = None) -> BuiltReport:
    graph = report_graph(report, load_vocabulary().framework(report.year, report.pillar))
    ntriples = graph.serialize(format="nt")
    validation = validate_ntriples(ntriples, graph_name=str(graph.identifier), engine=engine)
    nquads = _nquads_of(ntriples, graph.identifier)
    return BuiltReport(report, nquads, validation, trig=trig_block(nquads))


# -- the cache ------------------------------------------------------------------------------


class Cache:
    """Extracted documents and built report graphs, keyed by content hashes."""

    def __init__(self, folder: Path | None, engine: str = "turbo"):
        self.folder = folder / _fingerprint() / engine if folder else None
        if self.folder:
            (self.folder / "extract").mkdir(parents=True, exist_ok=True)
            (self.folder / "graph").mkdir(parents=True, exist_ok=True)

    def _load(self, path: Path) -> object | None:
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None

    def _store(self, path: Path, value: object) -> None:
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def extracted(self, sha256: str, path: Path) -> list[Report] | None:
        if not self.folder:
            return None
        reports = self._load(self.folder / "extract" / f"{sha256}.pickle")
        if not isinstance(reports, list) or not all(isinstance(r, Report) for r in reports):
            return None
        # the same bytes under another name or path: keep the provenance of this one
        out = []
        for report in reports:
            doc = report.documents[0]
            source = replace(doc.source, path=str(path), name=path.name)
            out.append(replace(report, documents=(replace(doc, source=source),)))
        return out

    def keep_extracted(self, sha256: str, reports: list[Report]) -> None:
        if self.folder:
            self._store(self.folder / "extract" / f"{sha256}.pickle", reports)

    def _graph_key(self, report: Report) -> str:
        docs = sorted(f"{d.source.sha256}:{d.source.name}" for d in report.documents)
        return hashlib.sha256("|".join([report.key, *docs]).encode()).hexdigest()[:24]

    def built(self, report: Report) -> BuiltReport | None:
        if not self.folder:
            return None
        base = self.folder / "graph" / self._graph_key(report)
        try:
            nquads = (base.with_suffix(".nq")).read_bytes()
            trig = (base.with_suffix(".trig")).read_bytes()
            data = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        validation = ValidationReport(
            violations=[Violation(**v) for v in data["violations"]], graphs=data["graphs"]
        )
        return BuiltReport(report, nquads, validation, from_cache=True, trig=trig)

    def keep_built(self, built: BuiltReport) -> None:
        if not self.folder:
            return
        base = self.folder / "graph" / self._graph_key(built.report)
        for suffix, data in ((".nq", built.nquads), (".trig", built.trig)):
            tmp = base.with_suffix(suffix + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, base.with_suffix(suffix))
        base.with_suffix(".json").write_text(built.validation.as_json(), encoding="utf-8")


# -- the pipeline ---------------------------------------------------------------------------


def _pool(workers: int, jobs: int) -> ProcessPoolExecutor | None:
    if workers <= 1 or jobs <= 1:
        return None
    return ProcessPoolExecutor(max_workers=min(workers, jobs))


def extract_all(
    files: list[Path],
    *,
    keep_going: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[Path], None] | None = None,
    workers: int = 1,
    cache: Cache | None = None,
) -> tuple[list[Report], list[Skipped], int]:
    """Extract every file (in parallel, reusing the cache); stop at the first bad one unless
    ``keep_going``. Returns reports, skipped files and how many were extracted afresh."""
    cache = cache or Cache(None)
    reports: dict[Path, list[Report]] = {}
    skipped: list[Skipped] = []
    seen: dict[str, Path] = {}
    todo: list[Path] = []
    digests: dict[Path, str] = {}
    for path in files:
        try:
            doc = read_document(path, max_bytes)
        except PeelgraphError as exc:
            if not keep_going:
                raise
            skipped.append(Skipped(path, exc))
            continue
        twin = seen.get(doc.sha256)
        if twin is not None:
            error = DuplicateInputError(
                f"same content as {twin}", where=str(path), hint="give each report once"
            )
            if not keep_going:
                raise error
            skipped.append(Skipped(path, error))
            continue
        seen[doc.sha256] = path
        digests[path] = doc.sha256
        cached = cache.extracted(doc.sha256, path)
        if cached is not None:
            reports[path] = cached
            if progress:
                progress(path)
        else:
            todo.append(path)
    pool = _pool(workers, len(todo))
    jobs = [(str(p), max_bytes) for p in todo]
    results = pool.map(_extract_one, jobs, chunksize=4) if pool else map(_extract_one, jobs)
    try:
        for name, found, error in results:
            path = Path(name)
            if error is not None:
                if not keep_going:
                    raise error
                skipped.append(Skipped(path, error))
            else:
                assert found is not None
                cache.keep_extracted(digests[path], found)
                reports[path] = found
            if progress:
                progress(path)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    ordered = [r for p in files if p in reports for r in reports[p]]
    return ordered, skipped, len(todo)


def build(
    paths: Iterable[Path],
    *,
    keep_going: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
    cache_dir: Path | None = None,
    engine: str = DEFAULT_ENGINE,
) -> BuildResult:
    """Build the knowledge graph of the given report files and folders.

    ``workers`` defaults to the number of cores; ``cache_dir`` enables incremental rebuilds;
    ``engine`` is the SHACL engine (see :mod:`peelgraph.validate`).
    """
    if engine not in ENGINES:
        raise PeelgraphError(f"unknown SHACL engine {engine!r}", hint="use " + " or ".join(ENGINES))
    workers = workers or os.cpu_count() or 1
    cache = Cache(cache_dir, engine)
    files = collect_inputs(paths)
    extracted, skipped, fresh = extract_all(
        files,
        keep_going=keep_going,
        max_bytes=max_bytes,
        progress=progress,
        workers=workers,
        cache=cache,
    )
    reports = group_reports(extracted)
    built: dict[str, BuiltReport] = {}
    todo: list[Report] = []
    for report in reports:
        cached = cache.built(report)
        if cached is not None:
            built[report.key] = cached
        else:
            todo.append(report)
    pool = _pool(workers, len(todo))
    try:
        task = partial(_map_and_validate, engine=engine)
        results = pool.map(task, todo) if pool else map(task, todo)
        for item in results:
            cache.keep_built(item)
            built[item.report.key] = item
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    links, links_validation = _links(reports, engine)
    return BuildResult([built[r.key] for r in reports], skipped, fresh, links, links_validation)


def _links(reports: list[Report], engine: str) -> tuple[bytes, ValidationReport]:
    """The cross-report graph (N-Quads): follow-up links and partnerships, and its
    validation (against the link and partnership shapes, with the types of what they link,
    which their own report graphs hold and this graph does not repeat)."""
    graph, types = links_graph(cross_report_links(reports))
    lines, link_types = partnership_ntriples(partnerships(reports, load_vocabulary()))
    ntriples = graph.serialize(format="nt") + lines
    if not ntriples.strip():
        return b"", ValidationReport()
    validation = validate_ntriples(
        ntriples + types.serialize(format="nt") + link_types,
        with_reference=False,
        graph_name=str(iris.LINKS_GRAPH),
        shapes=shapes_named(*LINK_SHAPES),
        engine=engine,
    )
    return _nquads_of(ntriples, iris.LINKS_GRAPH), validation
