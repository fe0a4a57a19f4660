"""Validation: a graph against the SHACL shapes of ``ontology/shapes.ttl``.

Report graphs are validated one at a time, each together with the reference graph, with
inference off: a violation then names the report it is in, and validation time grows with
the size of one report, not of the corpus. Results come back as values, never printed.

Two SHACL engines give the same results (``tests/test_shapes.py`` runs every negative test on
both): ``turbo``, the default, is pyshacl-turbo (SHACL Core and SHACL-SPARQL in Rust, with
the shapes compiled once per build context), about ten times faster than pySHACL on a
report; ``pyshacl`` is the reference implementation, kept for comparison and as a fallback.
The :class:`~peelgraph.context.BuildContext` says which, and holds the shapes and the
reference graph.

Validation time stays linear in the items of a report: a node with thousands of values of
one path (a partner link) has them checked in batches (:func:`_split_fanout`), and so do
thousands of areas for improvement (:func:`_split_items`), with results identical to those
of the whole graph.

Every graph file, whatever its format, goes through one path: its graphs as triples by name
(:func:`peelgraph.graphio.read_graph_triples`), then :func:`validate_graphs`; the cross-report
graph is always checked by :func:`validate_links`, with the types of what it links.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from .context import BATCHED_CLASSES, FANOUT_SHAPE, BuildContext

if TYPE_CHECKING:
    import pyoxigraph as ox


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str | None
    value: str | None
    graph: str | None = None

    def one_line(self) -> str:
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value else ""
        return f"[{self.severity.upper()}] {where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """The outcome of validating one or more graphs."""

    violations: list[Violation] = field(default_factory=list)
    graphs: int = 0

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "violation" for v in self.violations)

    def extend(self, other: ValidationReport) -> None:
        self.violations.extend(other.violations)
        self.graphs += other.graphs

    def as_json(self) -> str:
        return json.dumps(
            {
                "conforms": self.conforms,
                "graphs": self.graphs,
                "violations": [asdict(v) for v in self.violations],
            },
            indent=2,
            sort_keys=True,
        )

    def as_text(self) -> str:
        if self.conforms and not self.violations:
            return f"Conforms: {self.graphs} graph(s) checked, no violations."
        lines = [v.one_line() for v in self.violations]
        status = "Conforms" if self.conforms else "Does not conform"
        lines.append(f"{status}: {len(self.violations)} result(s) in {self.graphs} graph(s).")
        return "\n".join(lines)


_SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_OPTIONS: dict[str, Any] = {"inference": "none", "abort_on_first": False, "allow_warnings": True}


def _short(node: object) -> str | None:
    return None if node is None else str(node)


def _turbo(ntriples: str, context: BuildContext, shapes: str) -> Graph:
    """pyshacl-turbo on N-Triples text: parsed natively, with no rdflib graph to build or
    convert, against the shapes the context compiled once."""
    from pyshacl_turbo.rdf import Input

    program = {
        "report": context.compiled_shapes,
        "links": context.compiled_link_shapes,
        "fanout": context.compiled_fanout_shapes,
    }[shapes]
    _, results, _ = program.validate(Input(ntriples, "nt", None, {}), **_OPTIONS)
    return results  # type: ignore[no-any-return]


def _pyshacl(ntriples: str, context: BuildContext, shapes: str) -> Graph:
    from pyshacl import validate as shacl_validate

    shapes_graph = {
        "report": context.shapes,
        "links": context.link_shapes,
        "fanout": context.fanout_shapes,
    }[shapes]
    _, results, _ = shacl_validate(
        Graph().parse(data=ntriples, format="nt"),
        shacl_graph=shapes_graph,
        advanced=True,
        inplace=True,
        **_OPTIONS,
    )
    return results  # type: ignore[no-any-return]


_RUNNERS = {"turbo": _turbo, "pyshacl": _pyshacl}

#: How many values of the fan-out path one batch holds (see :func:`_split_fanout`): the
#: engine's time grows faster than the batch (50,000 values: 2.0 s in batches of 250 or
#: 500, 3.1 s of 2,000, 14.5 s of 8,000; 3.1 s of 100).
FANOUT_BATCH = 500
_FANOUT_PATH = f"<{FANOUT_SHAPE[1]}>"
_TYPE = f"<{RDF.type}>"
_CLASSES = (_TYPE, f"<{RDFS.subClassOf}>")


@dataclass
class _Fanout:
    """A report graph's N-Triples parted for :func:`validate_ntriples`: ``kept`` (every
    triple but the second and later values of the fan-out path of each node), the values
    held back (N-Triples lines) and the ``rdf:type`` lines of each term."""

    kept: list[str] = field(default_factory=list)
    held: list[tuple[str, str, str]] = field(default_factory=list)
    types: dict[str, list[str]] = field(default_factory=dict)
    items: list[str] = field(default_factory=list)  # the subjects typed as batched items

    def batches(self, size: int) -> list[str]:
        """The held values in batches of ``size``: each with the types of its nodes and of
        its values (what the fan-out shape's targets and ``sh:class`` read)."""
        out = []
        for start in range(0, len(self.held), size):
            chunk = self.held[start : start + size]
            terms = dict.fromkeys(t for subject, value, _ in chunk for t in (subject, value))
            lines = [line for term in terms for line in self.types.get(term, ())]
            out.append("\n".join([*lines, *(line for _, _, line in chunk), ""]))
        return out


def _split_fanout(ntriples: str) -> _Fanout | None:
    """The report graph parted so that no node holds more than one value of
    :data:`~peelgraph.context.FANOUT_SHAPE`'s path in ``kept`` (None when none holds two):
    :func:`_scan` of its lines."""
    parted = _scan(ntriples.split("\n"))
    return parted if parted.held else None


def _scan(lines: list[str]) -> _Fanout:
    """The one pass over a report graph's lines that :func:`validate_ntriples` makes before
    validating: the fan-out values held back (see :func:`_split_fanout`) and the items
    (subjects typed with a :data:`~peelgraph.context.BATCHED_CLASSES` class, in order),
    which :func:`_split_items` then batches.

    N-Triples has one triple a line (a literal's line breaks are escaped). A line that is
    not ``subject predicate object .`` as expected stays in ``kept``, which is always safe:
    the split only makes validation faster."""
    parted, seen, items = _Fanout(), set(), dict[str, None]()
    fanout, typed = _FANOUT_PATH + " ", _TYPE + " "
    kept, types = parted.kept, parted.types
    for line in lines:
        cut = line.find(" ")
        if line.startswith(fanout, cut + 1) and (value := _value(line, cut + len(fanout))):
            subject = line[:cut]
            if subject in seen:
                parted.held.append((subject, value, line))
                continue
            seen.add(subject)
        elif line.startswith(typed, cut + 1) and _value(line, cut + len(typed)):
            subject = line[:cut]
            types.setdefault(subject, []).append(line)
            if line.endswith(_ITEM_TYPES):
                items[subject] = None
        kept.append(line)
    parted.items = list(items)
    return parted


def _value(line: str, end: int) -> str:
    """The object of an N-Triples line whose predicate ends at ``end`` ("" if the line does
    not end with `` .``)."""
    body = line[end + 1 :].rstrip()
    return body[:-2].rstrip() if body.endswith(" .") else ""


def _class_lines(ntriples: str) -> str:
    """The ``rdf:type`` and ``rdfs:subClassOf`` triples of N-Triples text (what ``sh:class``
    reads of the reference graph)."""
    keep = [line for line in ntriples.split("\n") if line.partition(" ")[2].startswith(_CLASSES)]
    return "\n".join([*keep, ""])


#: How many items (:data:`~peelgraph.context.BATCHED_CLASSES`) one batch holds; a report
#: with no more than this many is validated in one piece. 8,000 items took 2.6 s in batches
#: of 500, 3.0 s of 1,000, 3.1-3.2 s of 2,000, 3.6 s of 4,000, 3.3 s of 250, 4.4 s of 125.
ITEM_BATCH = 500
_ITEM_TYPES = tuple(f"{_TYPE} <{c}> ." for c in BATCHED_CLASSES)


@dataclass
class _Items:
    """A report graph's lines parted into runs (see :func:`_split_items`): ``lines[k]`` the
    lines of batch ``k``'s nodes, the last list those of the rest (the core)."""

    batch_of: dict[str, int]  # each item (N-Triples term) -> its batch
    lines: list[list[str]] = field(default_factory=list)
    core_lines: dict[str, list[str]] = field(default_factory=dict)  # core lines by subject
    touched: list[set[str]] = field(default_factory=list)  # core nodes each run links to
    foreign: list[set[str]] = field(default_factory=list)  # other runs' nodes each names
    types: dict[str, list[str]] = field(default_factory=dict)  # rdf:type lines of batched nodes
    _runs: dict[str, int] = field(default_factory=dict)

    @property
    def core(self) -> int:
        return len(self.lines) - 1

    def run_of(self, term: str) -> int:
        """The run a node belongs to: the batch of the item whose IRI it is or is under
        (``<item/span/1>``), else the core."""
        run = self._runs.get(term)
        if run is None:
            run, stem = self.core, term[:-1] if term.startswith("<") else ""
            while stem:
                if (found := self.batch_of.get(stem + ">")) is not None:
                    run = found
                    break
                stem = stem[: max(stem.rfind("/"), 0)]
            self._runs[term] = run
        return run

    def data(self, run: int) -> str:
        """What run ``run`` validates: its lines, every line of the core nodes it links to
        (either way), and the ``rdf:type`` lines of other runs' nodes it names."""
        touched = (
            line for node in sorted(self.touched[run]) for line in self.core_lines.get(node, ())
        )
        typed = (line for node in sorted(self.foreign[run]) for line in self.types.get(node, ()))
        return "\n".join([*self.lines[run], *touched, *typed, ""])

    def owner(self, violation: Violation) -> int:
        """The run whose result ``violation`` is: its focus node's, or for a core focus its
        value's (a report-wide check naming an item)."""
        run = self.run_of(f"<{violation.focus}>")
        if run == self.core and violation.value:
            run = self.run_of(f"<{violation.value}>")
        return run


def _object(line: str, cut: int) -> str | None:
    """The object of an N-Triples line when it is an IRI or blank node (``cut``: the end of
    the subject; subjects and predicates hold no spaces)."""
    end = line.find(" ", cut + 1)
    if end < 0 or line[end + 1 : end + 2] not in ("<", "_"):  # a literal is never copied
        return None
    body = line[end + 1 :].rstrip()
    return body[:-2].rstrip() if body.endswith(" .") else None


def _split_items(lines: list[str], size: int, items: list[str] | None = None) -> _Items | None:
    """A report graph's N-Triples lines parted into batches of ``size`` items, each with
    the nodes under its IRI, and the core (the rest); None when there are no more than
    ``size`` items, or an item links to a blank node (which has no IRI to part it by).

    Exact because each result is taken from the run that holds its focus node whole (or,
    for a core focus, its value: a report-wide SPARQL check of an item) with everything the
    shapes read from there: the nodes it links to, the types of other runs' nodes it names
    (tests/test_validate_items.py checks this against whole validation, on both engines).
    ``items``: the items of ``lines`` in order, when :func:`_scan` has found them."""
    if items is None:
        items = list(
            dict.fromkeys(line[: line.find(" ")] for line in lines if line.endswith(_ITEM_TYPES))
        )
    if len(items) <= size:
        return None
    parted = _Items({item: n // size for n, item in enumerate(items)})
    runs = (len(items) + size - 1) // size + 1
    parted.lines = [[] for _ in range(runs)]
    parted.touched, parted.foreign = [set() for _ in range(runs)], [set() for _ in range(runs)]
    core = parted.core
    for line in lines:
        cut = line.find(" ")
        subject = line[:cut] if cut > 0 else ""
        run = parted.run_of(subject) if subject else core
        parted.lines[run].append(line)
        if run == core:
            parted.core_lines.setdefault(subject, []).append(line)
        elif line.startswith(_TYPE, cut + 1):
            parted.types.setdefault(subject, []).append(line)
        term = _object(line, cut) if cut > 0 else None
        if term is None or (other := parted.run_of(term)) == run:
            continue
        if term.startswith("_:") and run != core:
            return None
        if other == core:
            parted.touched[run].add(term)
        else:
            parted.foreign[run].add(term)
            if run == core:
                parted.touched[other].add(subject)
    return parted


def validate_ntriples(
    ntriples: str,
    context: BuildContext,
    *,
    graph_name: str | None = None,
    reference: str | None = None,
    workers: int = 1,
) -> ValidationReport:
    """Validate one report graph given as N-Triples text, together with the reference graph
    (``reference`` as N-Triples, by default the context's: a built file carries the one it
    was built with), with the context's SHACL engine.

    A node with many values of the fan-out path (a partner link named by thousands of
    items) keeps one of them in the graph validated whole; the others are checked in
    batches against that path's constraints alone (per value, and ``sh:minCount`` at most
    1, which the value kept satisfies: tests/test_shapes.py checks that this holds), with
    the types they read. A report with more than :data:`ITEM_BATCH` items is then checked
    in batches of items (:func:`_split_items`). The results are those of the whole graph;
    the time is linear. With ``workers`` above 1, a report of many batches has them
    validated in that many processes (:func:`start_validation`), with the same results."""
    started = start_validation(
        ntriples, context, graph_name=graph_name, reference=reference, workers=workers
    )
    return started.result()


#: Fewer runs than this are validated in this process whatever ``workers`` says: starting
#: the processes would cost more than it saves.
PARALLEL_RUNS = 4

_Run = tuple[Callable[[], str], str]  # what a run validates (made when due), with what shapes


def start_validation(
    ntriples: str,
    context: BuildContext,
    *,
    graph_name: str | None = None,
    reference: str | None = None,
    workers: int = 1,
    pool: ProcessPoolExecutor | None = None,
) -> Future[ValidationReport]:
    """:func:`validate_ntriples` begun: the lines are parted here; then, with ``workers``
    above 1 and at least :data:`PARALLEL_RUNS` runs, the runs go to that many worker
    processes (the engine holds the GIL: threads would not help) from a thread of this
    process, and the caller goes on (writing the graph's N-Quads) while they validate.
    Otherwise they are validated here and the future is done when it is returned.

    ``pool``: the workers' pool, of :func:`validation_pool`, started before the report was
    mapped (a worker forked from a process holding the report's text would hold on to every
    page of it that this process then writes to); it is shut down when done."""
    runs, items = _runs(ntriples, context, context.reference_ntriples if reference is None
                        else reference)  # fmt: skip
    if workers <= 1 or len(runs) < PARALLEL_RUNS:
        if pool is not None:
            pool.shutdown()
        done: Future[ValidationReport] = Future()
        done.set_result(_gathered(runs, items, context, graph_name, None, 1))
        return done
    pool = pool or validation_pool(workers)
    feeder = ThreadPoolExecutor(max_workers=1)
    try:
        return feeder.submit(_gathered, runs, items, context, graph_name, pool, workers)
    finally:
        feeder.shutdown(wait=False)  # its one task still runs


def validation_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` processes for :func:`start_validation`, started now (forked, with a
    process's default start method, before any thread of this module runs)."""
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=end_with_parent, initargs=(os.getpid(),)
    )
    pool.submit(int).result()
    return pool


def end_with_parent(parent: int) -> None:
    """A worker's start: a thread that ends the worker once the process that started it is
    gone (a build killed mid-validation: its workers would otherwise wait for work forever)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _runs(ntriples: str, context: BuildContext, reference: str) -> tuple[list[_Run], _Items | None]:
    """The runs of the engine that validate ``ntriples`` (see :func:`validate_ntriples`),
    and the items' batches when the items are batched (the first runs)."""
    scanned = _scan(ntriples.split("\n"))
    parted = scanned if scanned.held else None
    items = None
    if len(scanned.items) > ITEM_BATCH:  # not most reports
        items = _split_items(scanned.kept, ITEM_BATCH, scanned.items)
    runs: list[_Run] = []
    if items is None:
        text = ntriples if parted is None else "\n".join(parted.kept) + "\n"
        runs.append((partial(str.__add__, text, reference), "report"))
    else:
        runs += [
            (partial(_item_run, items, b, reference), "report") for b in range(len(items.lines))
        ]
    if parted is not None:
        classes = _class_lines(reference)
        runs += [
            (partial(str.__add__, held, classes), "fanout") for held in parted.batches(FANOUT_BATCH)
        ]
    return runs, items


def _item_run(items: _Items, batch: int, reference: str) -> str:
    return items.data(batch) + reference


def _gathered(
    runs: list[_Run],
    items: _Items | None,
    context: BuildContext,
    graph_name: str | None,
    pool: ProcessPoolExecutor | None,
    workers: int,
) -> ValidationReport:
    """The report of every run, each item batch's results only those it owns."""
    report = ValidationReport(graphs=1)
    for n, found in enumerate(_validated(runs, context, graph_name, pool, workers)):
        if items is not None and n < len(items.lines):
            report.violations.extend(v for v in found.violations if items.owner(v) == n)
        else:
            report.violations.extend(found.violations)
    _sort(report.violations)
    return report


def _validated(
    runs: list[_Run],
    context: BuildContext,
    graph_name: str | None,
    pool: ProcessPoolExecutor | None,
    workers: int,
) -> Iterator[ValidationReport]:
    """Each run's data (made when it is due) validated against its shapes, the reports in
    the order of ``runs``: here, or in ``pool`` (its ``workers`` processes; shut down when
    done) with no more than two runs a worker waiting, so that the texts are not all made
    at once."""
    if pool is None:
        for data, shapes in runs:
            yield _validate_run(data(), context, shapes, graph_name)
        return
    with pool:
        pending: deque[Future[ValidationReport]] = deque()
        for data, shapes in runs:
            pending.append(pool.submit(_validate_run, data(), context, shapes, graph_name))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _validate_run(
    data: str, context: BuildContext, shapes: str, graph_name: str | None
) -> ValidationReport:
    """One run of the engine (in a worker process, or this one)."""
    return _report(_RUNNERS[context.engine](data, context, shapes), graph_name)


def validate_links(links: str, types: str, context: BuildContext) -> ValidationReport:
    """Validate the cross-report graph (N-Triples) against the link and partnership shapes,
    with ``types``: the ``rdf:type`` of what it links, which their own report graphs hold."""
    from .iris import LINKS_GRAPH

    results = _RUNNERS[context.engine](links + types, context, "links")
    return _report(results, str(LINKS_GRAPH))


def validate_graph(
    data: Graph, context: BuildContext, *, graph_name: str | None = None
) -> ValidationReport:
    """Validate one rdflib graph: :func:`validate_ntriples` of its N-Triples."""
    return validate_ntriples(data.serialize(format="nt"), context, graph_name=graph_name)


def _report(results: Graph, graph_name: str | None) -> ValidationReport:
    """The SHACL results graph as a :class:`ValidationReport`."""
    report = ValidationReport(graphs=1)
    for result in sorted(results.subjects(RDF.type, SH.ValidationResult), key=str):
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        source = results.value(result, SH.sourceShape)
        report.violations.append(
            Violation(
                focus=str(results.value(result, SH.focusNode)),
                path=_short(path) if isinstance(path, URIRef) else None,
                message=str(results.value(result, SH.resultMessage) or "constraint violated"),
                severity=_SEVERITIES.get(severity, "violation")
                if isinstance(severity, URIRef)
                else "violation",
                shape=_short(source) if isinstance(source, URIRef) else None,
                value=_short(results.value(result, SH.value)),
                graph=graph_name,
            )
        )
    _sort(report.violations)
    return report


def _sort(violations: list[Violation]) -> None:
    violations.sort(
        key=lambda v: (v.graph or "", v.focus, v.path or "", v.message, v.value or "",
                       v.shape or "")
    )  # fmt: skip


def validate_file(path: Path, context: BuildContext) -> ValidationReport:
    """Validate a graph file of any format peelgraph reads (TriG, N-Quads, Turtle,
    N-Triples, JSON-LD): each report graph with the reference graph the file carries (else
    the context's), the cross-report graph with the types of what it links."""
    from .graphio import read_graph_triples

    return validate_graphs(read_graph_triples(path), context)


def validate_dataset(ds: object, context: BuildContext) -> ValidationReport:
    """Validate an rdflib Dataset (or Graph) as :func:`validate_file` validates a file."""
    from .graphio import dataset_triples

    return validate_graphs(dataset_triples(ds), context)


def validate_graphs(graphs: dict[str, list[ox.Triple]], context: BuildContext) -> ValidationReport:
    """Validate the graphs of a file or dataset, given as triples by graph name (the default
    graph under :data:`peelgraph.graphio.DEFAULT_GRAPH`). The reference graph, when there is
    one, is what the others are checked with; the links graph is checked by
    :func:`validate_links`; every other graph as a report graph."""
    import pyoxigraph as ox

    from .graphio import ntriples_of
    from .iris import LINKS_GRAPH, REFERENCE_GRAPH

    graphs = dict(graphs)
    own = graphs.pop(str(REFERENCE_GRAPH), None)
    reference = ntriples_of(own) if own else None
    report = ValidationReport()
    for name in sorted(graphs):
        triples = graphs[name]
        if not triples:
            continue
        if name == str(LINKS_GRAPH):
            ends = {t.subject for t in triples} | {t.object for t in triples}
            rdf_type = ox.NamedNode(str(RDF.type))
            typed = [
                t
                for held in (*graphs.values(), own or [])
                for t in held
                if t.predicate == rdf_type and t.subject in ends
            ]
            report.extend(validate_links(ntriples_of(triples), ntriples_of(typed), context))
            continue
        report.extend(
            validate_ntriples(ntriples_of(triples), context, graph_name=name, reference=reference)
        )
    return report
