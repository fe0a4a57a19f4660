"""Validation: a graph against the SHACL shapes of ``ontology/shapes.ttl``.

Report graphs are validated one at a time, each together with the reference graph, with
inference off: a violation then names the report it is in, and validation time grows with
the size of one report, not of the corpus. Results come back as values, never printed.

Two SHACL engines give the same results (``tests/test_shapes.py`` runs every negative test on
both): ``turbo``, the default, is pyshacl-turbo (SHACL Core and SHACL-SPARQL in Rust, with
the shapes compiled once per process), about ten times faster than pySHACL on a report;
``pyshacl`` is the reference implementation, kept for comparison and as a fallback.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .reference import shapes_graph, shared_reference_graph


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


#: The shapes of the cross-report graph: follow-up links and partnerships.
LINK_SHAPES = ("LinkShape", "PartnershipShape")

ENGINES = ("turbo", "pyshacl")
DEFAULT_ENGINE = "turbo"


@lru_cache(maxsize=1)
def _compiled_shapes():  # type: ignore[no-untyped-def]
    from pyshacl_turbo import compile_shapes

    return compile_shapes(shapes_graph(), advanced=True)


_SERIALISED: dict[int, tuple[Graph, int, str]] = {}


def _reference_ntriples(reference: Graph) -> str:
    """The reference graph's N-Triples, serialised once per graph object (and size)."""
    held = _SERIALISED.get(id(reference))
    if held is None or held[0] is not reference or held[1] != len(reference):
        if len(_SERIALISED) > 4:
            _SERIALISED.clear()
        held = (reference, len(reference), reference.serialize(format="nt"))
        _SERIALISED[id(reference)] = held
    return held[2]


_OPTIONS = {"inference": "none", "abort_on_first": False, "allow_warnings": True}


def _turbo(ntriples: str, shapes: Graph | None) -> Graph:
    """pyshacl-turbo on N-Triples text: parsed natively, with no rdflib graph to build or
    convert (the text goes in as pyshacl-turbo's own input type when this version has it)."""
    from pyshacl_turbo import compile_shapes

    program = _compiled_shapes() if shapes is None else compile_shapes(shapes, advanced=True)
    try:
        from pyshacl_turbo.rdf import Input

        data: object = Input(ntriples, "nt", None, {})
    except ImportError:  # pragma: no cover - another pyshacl-turbo layout
        data = Graph().parse(data=ntriples, format="nt")
    _, results, _ = program.validate(data, **_OPTIONS)
    return results


def _pyshacl(ntriples: str, shapes: Graph | None) -> Graph:
    from pyshacl import validate as shacl_validate

    _, results, _ = shacl_validate(
        Graph().parse(data=ntriples, format="nt"),
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        advanced=True,
        inplace=True,
        **_OPTIONS,
    )
    return results


_RUNNERS = {"turbo": _turbo, "pyshacl": _pyshacl}


def validate_ntriples(
    ntriples: str,
    *,
    with_reference: bool = True,
    graph_name: str | None = None,
    shapes: Graph | None = None,
    reference: Graph | None = None,
    engine: str | None = None,
) -> ValidationReport:
    """Validate a graph given as N-Triples text (plus the reference graph unless
    ``with_reference`` is False), against every shape or only those of ``shapes``, with the
    SHACL ``engine`` of :data:`ENGINES` (default :data:`DEFAULT_ENGINE`). ``reference``
    replaces the process's reference graph (a built dataset carries the one it was built
    with)."""
    engine = engine or DEFAULT_ENGINE
    if engine not in _RUNNERS:
        raise ValueError(f"unknown SHACL engine {engine!r}; use one of {', '.join(ENGINES)}")
    if with_reference:
        ntriples += _reference_ntriples(reference or shared_reference_graph())
    results = _RUNNERS[engine](ntriples, shapes)
    assert isinstance(results, Graph)
    return _report(results, graph_name)


def validate_graph(
    data: Graph,
    *,
    with_reference: bool = True,
    graph_name: str | None = None,
    shapes: Graph | None = None,
    reference: Graph | None = None,
    engine: str | None = None,
) -> ValidationReport:
    """Validate one graph: :func:`validate_ntriples` of its N-Triples."""
    return validate_ntriples(
        data.serialize(format="nt"),
        with_reference=with_reference,
        graph_name=graph_name,
        shapes=shapes,
        reference=reference,
        engine=engine,
    )


def _report(results: Graph, graph_name: str | None) -> ValidationReport:
    """The SHACL results graph as a :class:`ValidationReport`."""
    report = ValidationReport(graphs=1)
    for result in sorted(results.subjects(RDF.type, SH.ValidationResult)):
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        source = results.value(result, SH.sourceShape)
        report.violations.append(
            Violation(
                focus=str(results.value(result, SH.focusNode)),
                path=_short(path) if isinstance(path, URIRef) else None,
                message=str(results.value(result, SH.resultMessage) or "constraint violated"),
                severity=_SEVERITIES.get(severity, "violation"),  # type: ignore[arg-type]
                shape=_short(source) if isinstance(source, URIRef) else None,
                value=_short(results.value(result, SH.value)),
                graph=graph_name,
            )
        )
    report.violations.sort(
        key=lambda v: (
            v.graph or "",
            v.focus,
            v.path or "",
            v.message,
            v.value or "",
            v.shape or "",
        )
    )
    return report


def validate_dataset(ds: object, *, engine: str | None = None) -> ValidationReport:
    """Validate each report graph of a Dataset (or a plain Graph) with the reference graph:
    the dataset's own reference graph if it has one (what it was built with), else the
    packaged one."""
    from rdflib import Dataset

    from .iris import LINKS_GRAPH, REFERENCE_GRAPH

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
        own = ds.get_graph(REFERENCE_GRAPH)
        reference = own if own is not None and len(own) else None
        for graph in sorted(named, key=lambda g: str(g.identifier)):
            if graph.identifier == LINKS_GRAPH:
                report.extend(_validate_links(ds, graph, engine))
                continue
            report.extend(
                validate_graph(
                    graph, graph_name=str(graph.identifier), reference=reference, engine=engine
                )
            )
        return report
    assert isinstance(ds, Graph)
    report.extend(validate_graph(ds, engine=engine))
    return report


def _validate_links(ds: object, links: Graph, engine: str | None) -> ValidationReport:
    """The cross-report links graph, as the build checks it: against the link shape, with
    the types its two ends have in their own report graphs."""
    check = Graph()
    check += links
    for node in {*links.subjects(), *links.objects()}:
        for _, _, cls, _ in ds.quads((node, RDF.type, None, None)):  # type: ignore[attr-defined]
            check.add((node, RDF.type, cls))
    return validate_graph(
        check,
        with_reference=False,
        graph_name=str(links.identifier),
        shapes=shapes_named(*LINK_SHAPES),
        engine=engine,
    )


def validate_file(path: Path, *, engine: str | None = None) -> ValidationReport:
    """Validate a graph file as :func:`validate_dataset` validates its Dataset, with the
    same results. TriG and N-Quads are read with Oxigraph's parser
    (:func:`~peelgraph.graphio.read_graph_triples`) and each graph goes to the SHACL engine
    as N-Triples text: on a built corpus of 600 reports that is several times faster than an
    rdflib Dataset, in a third of the memory. Other formats are read with rdflib."""
    from .graphio import NATIVE_QUAD_FORMATS, input_format, load_dataset, read_graph_triples

    rdf_format = input_format(path)
    if rdf_format not in NATIVE_QUAD_FORMATS:
        return validate_dataset(load_dataset(path, rdf_format), engine=engine)
    return _validate_graphs(read_graph_triples(path, rdf_format), engine)


def _validate_graphs(graphs: dict[str, list], engine: str | None) -> ValidationReport:  # type: ignore[type-arg]
    import pyoxigraph as ox

    from .iris import LINKS_GRAPH, REFERENCE_GRAPH

    def text(triples: list) -> str:  # type: ignore[type-arg]
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")

    own = graphs.pop(str(REFERENCE_GRAPH), None)
    reference = Graph().parse(data=text(own), format="nt") if own else None
    report = ValidationReport()
    for name in sorted(graphs):
        if name == str(LINKS_GRAPH):
            ends = {t.subject for t in graphs[name]} | {t.object for t in graphs[name]}
            rdf_type = ox.NamedNode(str(RDF.type))
            typed = [
                t
                for triples in ([*graphs.values(), own or []])
                for t in triples
                if t.predicate == rdf_type and t.subject in ends
            ]
            report.extend(
                validate_ntriples(
                    text(graphs[name]) + text(typed),
                    with_reference=False,
                    graph_name=name,
                    shapes=shapes_named(*LINK_SHAPES),
                    engine=engine,
                )
            )
            continue
        report.extend(
            validate_ntriples(
                text(graphs[name]), graph_name=name, reference=reference, engine=engine
            )
        )
    return report
