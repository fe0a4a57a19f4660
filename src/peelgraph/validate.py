"""Validation: a graph against the SHACL shapes of ``ontology/shapes.ttl`` (pySHACL).

Report graphs are validated one at a time, each together with the reference graph, with
inference off: a violation then names the report it is in, and validation time grows with
the size of one report, not of the corpus. Results come back as values, never printed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .reference import reference_graph, shapes_graph


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


def _short(node: object) -> str | None:
    return None if node is None else str(node)


def shapes_named(*names: str) -> Graph:
    """The part of the shapes graph that defines the named shapes (``shapes:LinkShape``...)."""
    full = shapes_graph()
    subset = Graph()
    for name in names:
        node = URIRef(f"https://w3id.org/peelgraph/shapes#{name}")
        for triple in full.cbd(node):
            subset.add(triple)
    return subset


def validate_graph(
    data: Graph,
    *,
    with_reference: bool = True,
    graph_name: str | None = None,
    shapes: Graph | None = None,
) -> ValidationReport:
    """Validate one graph (plus the reference graph unless ``with_reference`` is False),
    against every shape or only those of ``shapes``."""
    combined = Graph()
    for triple in data:
        combined.add(triple)
    if with_reference:
        for triple in reference_graph():
            combined.add(triple)
    conforms, results, _ = shacl_validate(
        combined,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=True,
    )
    report = ValidationReport(graphs=1)
    assert isinstance(results, Graph)
    for result in sorted(results.subjects(RDF.type, SH.ValidationResult)):
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        report.violations.append(
            Violation(
                focus=str(results.value(result, SH.focusNode)),
                path=_short(path) if isinstance(path, URIRef) else None,
                message=str(results.value(result, SH.resultMessage) or "constraint violated"),
                severity=_SEVERITIES.get(severity, "violation"),  # type: ignore[arg-type]
                shape=_short(results.value(result, SH.sourceShape))
                if isinstance(results.value(result, SH.sourceShape), URIRef)
                else None,
                value=_short(results.value(result, SH.value)),
                graph=graph_name,
            )
        )
    report.violations.sort(key=lambda v: (v.graph or "", v.focus, v.path or "", v.message))
    return report


def validate_dataset(ds: object) -> ValidationReport:
    """Validate each report graph of a Dataset (or a plain Graph) with the reference graph."""
    from rdflib import Dataset

    from .iris import REFERENCE_GRAPH

    report = ValidationReport()
    if isinstance(ds, Dataset):
        named = [
            g
            for g in ds.graphs()
            if isinstance(g.identifier, URIRef)
            and g.identifier != REFERENCE_GRAPH
            and len(g)
            and g.identifier != ds.default_graph.identifier
        ]
        default = ds.default_graph
        if len(default):
            named.append(default)
        for graph in sorted(named, key=lambda g: str(g.identifier)):
            report.extend(validate_graph(graph, graph_name=str(graph.identifier)))
        return report
    assert isinstance(ds, Graph)
    report.extend(validate_graph(ds))
    return report
