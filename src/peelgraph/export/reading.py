"""Exports of a built graph file without parsing it whole with rdflib.

rdflib takes most of a minute and gigabytes to parse a corpus-sized TriG file; an export reads
only what it needs:

- which reports there are (graph, report, force) comes from the query store beside the file;
- the RDF and JSON-LD exports read the file with Oxigraph's streaming parser and keep the
  quads of the graphs the selection needs (the chosen reports' graphs, the cross-report graph
  and the reference graph, which :func:`~peelgraph.export.select.select` then narrows). The
  file, not the store: the store normalises literals (``"26896"^^xsd:nonNegativeInteger``
  comes back as ``26896``), and an export must carry them as built, byte for byte;
- the CSV tables of the whole graph are computed one report graph at a time over an index
  of the file's quads (:class:`IndexedGraph`, the part of rdflib's Graph API the table code
  uses), never the whole graph in rdflib.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from .. import iris
from ..errors import GraphFileError
from ..graphio import NATIVE_FORMATS, input_format, load_dataset, nquads_dataset
from .select import ReportGraph, choose

_REPORTS = """
SELECT ?g ?report ?force WHERE {
  GRAPH ?g { ?report a <https://w3id.org/peelgraph/ontology#InspectionReport> .
             OPTIONAL { ?report <https://w3id.org/peelgraph/ontology#force> ?force } }
}"""


def store_report_graphs(store: ox.Store) -> list[ReportGraph]:
    """The report graphs of a store (named ``pid:graph/{key}``, holding report ``key``)."""
    prefix = str(iris.report_graph(""))
    found: dict[str, ReportGraph] = {}
    for solution in store.query(_REPORTS):  # type: ignore[union-attr]
        graph, report, force = solution["g"], solution["report"], solution["force"]
        if not isinstance(graph, ox.NamedNode) or not graph.value.startswith(prefix):
            continue
        key = graph.value[len(prefix) :]
        if report.value != str(iris.report(key)) or key in found:
            continue
        force_iri = URIRef(force.value) if isinstance(force, ox.NamedNode) else None
        found[key] = ReportGraph(key, URIRef(graph.value), URIRef(report.value), force_iri)
    return [found[key] for key in sorted(found)]


def file_nquads(path: Path, graphs: set[str] | None = None) -> bytes:
    """The quads of a graph file as N-Quads, literals as written: all of them, or those of the
    named ``graphs`` only. Read with Oxigraph's streaming parser (JSON-LD through rdflib)."""
    fmt = input_format(path)
    if fmt not in NATIVE_FORMATS:
        ds = load_dataset(path, fmt)
        data = ds.serialize(format="nquads", encoding="utf-8")
        quads: Iterable[ox.Quad] = ox.parse(data, format=ox.RdfFormat.N_QUADS)
    else:
        quads = ox.parse(path=str(path), format=NATIVE_FORMATS[fmt])
    if graphs is not None:
        quads = (q for q in quads if getattr(q.graph_name, "value", None) in graphs)
    try:
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    except (SyntaxError, ValueError, UnicodeError) as exc:
        detail = " ".join(str(exc).split())[:300]
        raise GraphFileError(f"cannot parse as {fmt}: {detail}", where=str(path)) from exc
    except OSError as exc:
        raise GraphFileError(f"cannot read: {exc.strerror or exc}", where=str(path)) from exc


def selected_dataset(
    path: Path,
    store: ox.Store,
    forces: Iterable[str],
    reports: Iterable[str],
    where: str | None = None,
) -> Dataset:
    """An rdflib Dataset of what a selection of ``forces`` and ``reports`` needs from the
    file: the chosen report graphs, the cross-report graph and the reference graph."""
    chosen = choose(store_report_graphs(store), forces, reports, where)
    names = {str(r.graph) for r in chosen} | {str(iris.LINKS_GRAPH), str(iris.REFERENCE_GRAPH)}
    return nquads_dataset(file_nquads(path, names))


# -- the whole graph's tables, from the file --------------------------------------------------


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _term(term: object, iris_seen: dict[str, URIRef]) -> Node:
    """An rdflib term for a pyoxigraph one (IRIs shared through ``iris_seen``)."""
    if isinstance(term, ox.NamedNode):
        value = term.value
        found = iris_seen.get(value)
        if found is None:
            found = iris_seen[value] = URIRef(value)
        return found
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return Literal(term.value)
    iri = iris_seen.get(datatype)
    if iri is None:
        iri = iris_seen[datatype] = URIRef(datatype)
    return Literal(term.value, datatype=iri)


Index = dict[str, dict[str, list[object]]]


def _add(index: Index, quad: ox.Quad) -> None:
    subject = quad.subject
    assert not isinstance(subject, ox.Triple)  # RDF 1.1 data: no quoted triples
    values = index.setdefault(subject.value, {}).setdefault(quad.predicate.value, [])
    if quad.object not in values:  # the same triple in two graphs: once, as in a union
        values.append(quad.object)


class IndexedGraph:
    """Triples indexed by subject (pyoxigraph terms, made rdflib terms when asked for) behind
    the part of rdflib's ``Graph`` API that the table code uses: ``objects``, ``value``,
    ``triples`` about a subject, and ``subjects`` of a type. The ``shared`` index (reference
    and cross-report graphs) is seen through, but ``subjects`` lists only this graph's own
    subjects, so that each item is counted in the one report graph it belongs to."""

    def __init__(self, own: Index, shared: Index | None = None):
        self.own = own
        self.shared = shared or {}
        self._iris: dict[str, URIRef] = {}

    def _properties(self, subject: Node) -> dict[str, list[object]]:
        key = str(subject)
        own, shared = self.own.get(key), self.shared.get(key)
        if own is None or shared is None:
            return own or shared or {}
        merged = {p: list(v) for p, v in shared.items()}
        for p, values in own.items():
            merged.setdefault(p, []).extend(v for v in values if v not in merged.get(p, ()))
        return merged

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        if subject is None or predicate is None or isinstance(subject, Literal):
            raise NotImplementedError("objects() needs a subject and a predicate")
        values = self._properties(subject).get(str(predicate), ())
        return iter([_term(v, self._iris) for v in values])

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        if predicate is None or obj is None or isinstance(obj, Literal):
            raise NotImplementedError("subjects() needs a predicate and an IRI object")
        wanted, target = str(predicate), str(obj)
        for subject, properties in self.own.items():
            if any(getattr(v, "value", None) == target for v in properties.get(wanted, ())):
                yield URIRef(subject) if not subject.startswith("_:") else BNode(subject)

    def value(self, subject: Node, predicate: Node) -> Node | None:
        return next(self.objects(subject, predicate), None)

    def triples(self, pattern: tuple[Node | None, Node | None, Node | None]) -> Iterator:
        subject, predicate, obj = pattern
        if subject is None:
            raise NotImplementedError("triples() needs a subject")
        for p, values in self._properties(subject).items():
            if predicate is not None and p != str(predicate):
                continue
            for value in (_term(v, self._iris) for v in values):
                if obj is None or value == obj:
                    yield (subject, URIRef(p), value)


def _quads(path: Path) -> Iterator[ox.Quad]:
    fmt = input_format(path)
    if fmt not in NATIVE_FORMATS:
        data = load_dataset(path, fmt).serialize(format="nquads", encoding="utf-8")
        yield from ox.parse(data, format=ox.RdfFormat.N_QUADS)
        return
    try:
        yield from ox.parse(path=str(path), format=NATIVE_FORMATS[fmt])
    except (SyntaxError, ValueError, UnicodeError) as exc:
        detail = " ".join(str(exc).split())[:300]
        raise GraphFileError(f"cannot parse as {fmt}: {detail}", where=str(path)) from exc


def graph_views(path: Path) -> Iterator[IndexedGraph] | None:
    """The file as one :class:`IndexedGraph` per report graph (seeing the reference and
    cross-report graphs through), then one of those shared graphs alone; read in two
    streaming passes, one report graph in memory at a time. None when the file's report
    graphs are not each in one piece (then read it whole)."""
    shared_names = {str(iris.REFERENCE_GRAPH), str(iris.LINKS_GRAPH)}
    shared: Index = {}
    for quad in _quads(path):
        if getattr(quad.graph_name, "value", None) in shared_names:
            _add(shared, quad)
    groups: list[tuple[str, Index]] = []
    seen: set[str] = set()
    current: str | None = None
    for quad in _quads(path):
        name = getattr(quad.graph_name, "value", "")
        if name in shared_names:
            continue
        if name != current:
            if name in seen:
                return None
            seen.add(name)
            current = name
            groups.append((name, {}))
        _add(groups[-1][1], quad)
    views = (IndexedGraph(index, shared) for _, index in groups)
    return _then(views, IndexedGraph(shared))


def _then(views: Iterator[IndexedGraph], last: IndexedGraph) -> Iterator[IndexedGraph]:
    yield from views
    yield last


def file_tables(path: Path, names: list[str], raw: bool = False) -> dict[str, bytes] | None:
    """The named CSV tables of a whole graph file, computed one report graph at a time
    (formula-safe cells unless ``raw``); None when the file does not come in report graphs
    (see :func:`graph_views`)."""
    from .tables import TABLES, _natural, to_csv

    views = graph_views(path)
    if views is None:
        return None
    parts: dict[str, list[tuple[tuple, list[dict[str, object]]]]] = {n: [] for n in names}
    for view in views:
        for name in names:
            rows = TABLES[name].rows(view)  # type: ignore[arg-type]
            if rows:
                parts[name].append((_natural(rows[0].get("report", "")), rows))
    rendered = {}
    for name in names:
        ordered = sorted(parts[name], key=lambda part: part[0])
        rows = [row for _, chunk in ordered for row in chunk]
        rendered[name] = to_csv(rows, TABLES[name].columns, raw)
    return rendered
