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

Every graph file, whatever its format, goes through one path: its graphs as triples by name
(:func:`peelgraph.graphio.read_graph_triples`), then :func:`validate_graphs`; the cross-report
graph is always checked by :func:`validate_links`, with the types of what it links.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .context import BuildContext

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


def _turbo(ntriples: str, context: BuildContext, links: bool) -> Graph:
    """pyshacl-turbo on N-Triples text: parsed natively, with no rdflib graph to build or
    convert, against the shapes the context compiled once."""
    from pyshacl_turbo.rdf import Input

    program = context.compiled_link_shapes if links else context.compiled_shapes
    _, results, _ = program.validate(Input(ntriples, "nt", None, {}), **_OPTIONS)
    return results  # type: ignore[no-any-return]


def _pyshacl(ntriples: str, context: BuildContext, links: bool) -> Graph:
    from pyshacl import validate as shacl_validate

    _, results, _ = shacl_validate(
        Graph().parse(data=ntriples, format="nt"),
        shacl_graph=context.link_shapes if links else context.shapes,
        advanced=True,
        inplace=True,
        **_OPTIONS,
    )
    return results  # type: ignore[no-any-return]


_RUNNERS = {"turbo": _turbo, "pyshacl": _pyshacl}


def validate_ntriples(
    ntriples: str,
    context: BuildContext,
    *,
    graph_name: str | None = None,
    reference: str | None = None,
) -> ValidationReport:
    """Validate one report graph given as N-Triples text, together with the reference graph
    (``reference`` as N-Triples, by default the context's: a built file carries the one it
    was built with), with the context's SHACL engine."""
    data = ntriples + (context.reference_ntriples if reference is None else reference)
    results = _RUNNERS[context.engine](data, context, False)
    return _report(results, graph_name)


def validate_links(links: str, types: str, context: BuildContext) -> ValidationReport:
    """Validate the cross-report graph (N-Triples) against the link and partnership shapes,
    with ``types``: the ``rdf:type`` of what it links, which their own report graphs hold."""
    from .iris import LINKS_GRAPH

    results = _RUNNERS[context.engine](links + types, context, True)
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
    report.violations.sort(
        key=lambda v: (v.graph or "", v.focus, v.path or "", v.message, v.value or "",
                       v.shape or "")
    )  # fmt: skip
    return report


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
