"""Turtle, TriG, N-Triples and N-Quads that are byte-identical for the same graph.

rdflib's Turtle and TriG writers sort subjects, predicates and objects, but take prefixes and
the order of named graphs from the store; the line formats come out in store order. Here the
prefixes are fixed (peelgraph's own, then generated ones for any other namespace, in sorted
order), named graphs are written in IRI order and N-Triples / N-Quads lines are sorted, so the
bytes depend on the triples alone, not on the order in which they were read.
"""

from __future__ import annotations

import io
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, Namespace
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer

from .. import iris

VANN = Namespace("http://purl.org/vocab/vann/")

#: Every prefix an export may use, in a fixed order: peelgraph's, then OWL and VANN (which the
#: ontology uses).
EXPORT_PREFIXES: dict[str, Namespace] = {**iris.PREFIXES, "owl": Namespace(str(OWL)), "vann": VANN}

#: rdflib format names of the RDF exports, and whether each keeps named graphs.
RDF_FORMATS = {"turtle": False, "trig": True, "nt": False, "nquads": True}


def _exact_literal(serializer: TurtleSerializer, node: Literal) -> str:
    """A literal in Turtle without changing its lexical form.

    rdflib writes numbers and booleans bare (``23.0``, ``true``) and in doing so rewrites
    some lexical forms: ``"23"^^xsd:decimal`` becomes ``23.0``, a different RDF term. Here the
    bare form is kept only when it is the lexical form itself; otherwise the literal is typed.
    """

    def qname(datatype: str) -> str | None:
        return serializer.get_pname(URIRef(datatype), True)

    plain = node._literal_n3(use_plain=True, qname_callback=qname)
    if node.datatype is None or plain.startswith('"') or plain == str(node):
        return plain
    return node._literal_n3(use_plain=False, qname_callback=qname)


class _ExactTurtle(TurtleSerializer):
    def label(self, node, position):  # type: ignore[no-untyped-def]
        if isinstance(node, Literal):
            return _exact_literal(self, node)
        return super().label(node, position)


class _ExactTrig(TrigSerializer):
    def label(self, node, position):  # type: ignore[no-untyped-def]
        if isinstance(node, Literal):
            return _exact_literal(self, node)
        return super().label(node, position)


def _namespace_of(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _bind(graph: Graph, terms: set[URIRef]) -> None:
    """Bind the fixed prefixes, then ``ns1``, ``ns2``... for any other namespace, sorted."""
    for prefix, namespace in EXPORT_PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    known = {str(ns) for ns in EXPORT_PREFIXES.values()}
    others = sorted({_namespace_of(str(t)) for t in terms} - known - {""})
    for n, other in enumerate(others, start=1):
        graph.bind(f"ns{n}", Namespace(other), override=True, replace=True)


def _vocabulary_terms(quads: list[tuple]) -> set[URIRef]:
    """Predicates and classes: the IRIs a Turtle writer must shorten to prefixed names."""
    terms: set[URIRef] = set()
    for _s, p, o, _g in quads:
        terms.add(p)
        if p == RDF.type and isinstance(o, URIRef):
            terms.add(o)
    return terms


def _fresh_dataset(ds: Dataset) -> tuple[Dataset, list[tuple]]:
    quads = list(ds.quads((None, None, None, None)))
    out = Dataset(default_union=False)
    _bind(out, _vocabulary_terms(quads))
    by_graph: dict[Any, list[tuple]] = {}
    for s, p, o, g in quads:
        name = g.identifier if isinstance(g, Graph) else g
        by_graph.setdefault(name, []).append((s, p, o))
    for name in sorted(by_graph, key=str):
        target = out.graph(name) if name is not None else out.default_graph
        for triple in by_graph[name]:
            target.add(triple)
    return out, quads


def serialise_rdf(ds: Dataset, fmt: str) -> bytes:
    """``ds`` in one of :data:`RDF_FORMATS`, deterministically.

    Triple formats (Turtle, N-Triples) get the union of every graph; quad formats keep the
    named graphs.
    """
    fresh, quads = _fresh_dataset(ds)
    if RDF_FORMATS[fmt]:
        source: Graph = fresh
    else:
        source = Graph()
        _bind(source, _vocabulary_terms(quads))
        for s, p, o, _ in quads:
            source.add((s, p, o))
    if fmt in ("turtle", "trig"):
        stream = io.BytesIO()
        writer = _ExactTrig(source) if fmt == "trig" else _ExactTurtle(source)
        writer.serialize(stream, encoding="utf-8")
        return stream.getvalue()
    data = source.serialize(format=fmt, encoding="utf-8")
    if fmt in ("nt", "nquads"):
        lines = sorted({line for line in data.split(b"\n") if line.strip()})
        data = b"".join(line + b"\n" for line in lines)
    return data
