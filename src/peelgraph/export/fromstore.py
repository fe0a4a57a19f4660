"""Exports of a built graph file without parsing it whole with rdflib.

rdflib takes most of a minute and gigabytes to parse a corpus-sized TriG file; an export reads
only what it needs:

- which reports there are (graph, report, force) comes from the query store beside the file;
- the RDF and JSON-LD exports read the file with Oxigraph's streaming parser and keep the
  quads of the graphs the selection needs (the chosen reports' graphs, the cross-report graph
  and the reference graph, which :func:`~peelgraph.export.select.select` then narrows). The
  file, not the store: the store normalises literals (``"26896"^^xsd:nonNegativeInteger``
  comes back as ``26896``), and an export must carry them as built, byte for byte;
- the CSV tables of the whole graph are read from the store through :class:`StoreGraph`,
  which gives the table code the part of rdflib's Graph API it uses (CSV cells are lexical
  forms, which the store keeps for these values).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from .. import iris
from ..errors import GraphFileError, InputError
from ..graphio import NATIVE_FORMATS, input_format, load_dataset, nquads_dataset
from .select import ReportGraph

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


def _near(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(close) + "?"
    return ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")


def choose(
    available: list[ReportGraph],
    forces: Iterable[str],
    reports: Iterable[str],
    where: str | None = None,
) -> list[ReportGraph]:
    """The report graphs of the given force slugs and report keys; an unknown one is an
    :class:`InputError` naming the closest known ones."""
    forces, reports = list(dict.fromkeys(forces)), list(dict.fromkeys(reports))
    if not available:
        raise InputError(
            "the graph holds no named report graphs to choose from",
            where=where,
            hint="export from the TriG or N-Quads file 'peelgraph build' writes",
        )
    chosen: list[ReportGraph] = []
    slugs = sorted({str(r.force).rsplit("/", 1)[-1] for r in available if r.force})
    for slug in forces:
        matched = [r for r in available if r.force == iris.force(slug)]
        if not matched:
            raise InputError(
                f"no report of force {slug!r}", where=where, hint="forces: " + _near(slug, slugs)
            )
        chosen.extend(matched)
    keys = [r.key for r in available]
    for key in reports:
        matched = [r for r in available if r.key == key]
        if not matched:
            raise InputError(f"no report {key!r}", where=where, hint="reports: " + _near(key, keys))
        chosen.extend(matched)
    return chosen


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
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
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


# -- the whole graph's tables, from the store -------------------------------------------------


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
    return Literal(term.value, datatype=_term(term.datatype, iris_seen))


def _node(term: Node | None) -> ox.NamedNode | ox.BlankNode | None:
    if term is None:
        return None
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


class StoreGraph:
    """The union of a store's graphs behind the part of rdflib's ``Graph`` API that the
    table code uses (``objects``, ``subjects``, ``triples``, ``value``), read one subject
    at a time: all of a subject's triples come in one lookup and are kept for the next
    questions about it (up to ``keep`` subjects, then the memory starts afresh)."""

    def __init__(self, store: ox.Store, keep: int = 200_000):
        self.store = store
        self.keep = keep
        self._about: dict[str, dict[str, list[object]]] = {}
        self._iris: dict[str, URIRef] = {}

    def _properties(self, subject: Node) -> dict[str, list[object]]:
        """A subject's objects by predicate, as pyoxigraph terms (converted when asked for:
        most are never read)."""
        key = str(subject)
        found = self._about.get(key)
        if found is None:
            if len(self._about) >= self.keep:
                self._about.clear()
            found = {}
            for quad in self.store.quads_for_pattern(_node(subject), None, None, None):
                values = found.setdefault(quad.predicate.value, [])
                obj = quad.object
                if obj not in values:  # the same triple in two graphs: once, as in a union
                    values.append(obj)
            self._about[key] = found
        return found

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        if subject is None or predicate is None or isinstance(subject, Literal):
            raise NotImplementedError("objects() needs a subject and a predicate")
        values = self._properties(subject).get(str(predicate), ())
        return iter([_term(v, self._iris) for v in values])

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        if predicate is None or obj is None or isinstance(obj, Literal):
            raise NotImplementedError("subjects() needs a predicate and an IRI object")
        seen: set[str] = set()
        for quad in self.store.quads_for_pattern(
            None, ox.NamedNode(str(predicate)), _node(obj), None
        ):
            if quad.subject.value not in seen:
                seen.add(quad.subject.value)
                yield _term(quad.subject, self._iris)

    def value(self, subject: Node, predicate: Node) -> Node | None:
        return next(self.objects(subject, predicate), None)

    def triples(self, pattern: tuple[Node | None, Node | None, Node | None]) -> Iterator:
        subject, predicate, obj = pattern
        if subject is None:
            raise NotImplementedError("triples() needs a subject")
        for p, values in self._properties(subject).items():
            if predicate is not None and p != str(predicate):
                continue
            for value in map(lambda v: _term(v, self._iris), values):
                if obj is None or value == obj:
                    yield (subject, URIRef(p), value)
