"""The whole pipeline: files -> extract -> merge -> RDF -> validate -> Dataset.

:func:`build` is the entry point the command line and scripts call. It never writes a graph
that does not conform: the caller gets a :class:`BuildResult` and decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from .errors import DuplicateInputError, InputError, PeelgraphError
from .extract import extract_reports
from .extract.reading import DEFAULT_MAX_BYTES
from .merge import group_reports
from .model import Report
from .rdf import build_dataset, report_graph
from .reference import load_vocabulary, reference_graph
from .validate import ValidationReport, validate_graph

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
class BuildResult:
    reports: list[Report]
    dataset: Dataset
    validation: ValidationReport
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return [f"{r.source.path}: {w}" for r in self.reports for w in r.warnings]


def extract_all(
    files: list[Path],
    *,
    keep_going: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[Path], None] | None = None,
) -> tuple[list[Report], list[Skipped]]:
    """Extract every file; stop at the first bad one unless ``keep_going``."""
    vocab = load_vocabulary()
    reports: list[Report] = []
    skipped: list[Skipped] = []
    seen: dict[str, Path] = {}
    for path in files:
        try:
            found = extract_reports(path, vocab, max_bytes=max_bytes)
            twin = seen.get(found[0].source.sha256)
            if twin is not None:
                raise DuplicateInputError(
                    f"same content as {twin}", where=str(path), hint="give each report once"
                )
            seen[found[0].source.sha256] = path
            reports.extend(found)
        except PeelgraphError as exc:
            if not keep_going:
                raise
            skipped.append(Skipped(path, exc))
        if progress:
            progress(path)
    return reports, skipped


def build(
    paths: Iterable[Path],
    *,
    keep_going: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    validate: bool = True,
    progress: Callable[[Path], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of the given report files and folders."""
    files = collect_inputs(paths)
    extracted, skipped = extract_all(
        files, keep_going=keep_going, max_bytes=max_bytes, progress=progress
    )
    reports = group_reports(extracted)
    graphs = [report_graph(r) for r in reports]
    validation = ValidationReport()
    if validate:
        for graph in graphs:
            validation.extend(validate_graph(graph, graph_name=str(graph.identifier)))
    dataset = build_dataset(graphs, reference_graph())
    return BuildResult(reports, dataset, validation, skipped)
