"""The ontology as one readable HTML page: classes, properties and SKOS schemes with definitions.

:func:`ontology_page` renders the packaged reference data (``ontology/*.ttl``) through a small
Jinja2 template (``templates/ontology.html.j2``) with autoescaping on, so no text from the
Turtle can inject markup. The page is self-contained (inline CSS, no script, no remote
resource) and the same ontology always gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from ..iris import ONTOLOGY, PEEL_NS, PREFIXES
from ..version import package_version

_DIGITS = re.compile(r"(\d+)")
_MORE_PREFIXES = {"owl": str(OWL), "vann": "http://purl.org/vocab/vann/"}


@dataclass
class Term:
    """One class, property or concept as the page shows it."""

    iri: str
    curie: str
    anchor: str
    label: str
    definition: str = ""
    notes: list[str] = field(default_factory=list)
    facts: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    alt_labels: list[str] = field(default_factory=list)
    notation: str = ""
    depth: int = 0


@dataclass
class Scheme:
    iri: str
    curie: str
    anchor: str
    title: str
    description: str
    concepts: list[Term]


@dataclass
class OntologyPage:
    title: str
    description: str
    version: str
    namespace: str
    licence: str
    classes: list[Term]
    properties: list[Term]
    schemes: list[Scheme]


def _natural(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(
        (0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in _DIGITS.split(text) if p
    )


class _Describer:
    def __init__(self, graph: Graph):
        self.g = graph
        self.prefixes = sorted(
            [(p, str(ns)) for p, ns in PREFIXES.items()] + list(_MORE_PREFIXES.items()),
            key=lambda x: -len(x[1]),
        )

    def curie(self, iri: URIRef) -> str:
        text = str(iri)
        for prefix, namespace in self.prefixes:
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
        return text

    def anchor(self, iri: URIRef) -> str:
        return re.sub(r"[^A-Za-z0-9_.-]+", "-", self.curie(iri)).strip("-")

    def text(self, node: URIRef, *props: URIRef) -> str:
        for prop in props:
            values = sorted(self.g.objects(node, prop), key=str)
            english = [v for v in values if isinstance(v, Literal) and v.language in ("en", None)]
            if english or values:
                return str((english or values)[0])
        return ""

    def label(self, node: URIRef) -> str:
        return self.text(node, SKOS.prefLabel, RDFS.label, DCTERMS.title) or self.curie(node)

    def links(self, node: URIRef, prop: URIRef) -> list[tuple[str, str]]:
        """(text, href) pairs for the IRIs ``node`` links to; href is '' for outside terms."""
        out = []
        for target in sorted(self.g.objects(node, prop), key=str):
            if not isinstance(target, URIRef):
                continue
            local = (target, None, None) in self.g
            href = "#" + self.anchor(target) if local else ""
            out.append((self.curie(target), href))
        return out

    def term(self, node: URIRef, facts: list[tuple[str, URIRef]], depth: int = 0) -> Term:
        return Term(
            iri=str(node),
            curie=self.curie(node),
            anchor=self.anchor(node),
            label=self.label(node),
            definition=self.text(node, SKOS.definition, RDFS.comment, DCTERMS.description),
            notes=[str(v) for v in sorted(self.g.objects(node, SKOS.editorialNote), key=str)],
            facts=[
                (name, self.links(node, prop)) for name, prop in facts if self.links(node, prop)
            ],
            alt_labels=sorted({str(v) for v in self.g.objects(node, SKOS.altLabel)}),
            notation=self.text(node, SKOS.notation),
            depth=depth,
        )


def _own(graph: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(
        n for n in graph.subjects(RDF.type, cls) if isinstance(n, URIRef) and n.startswith(PEEL_NS)
    )


def _scheme_order(graph: Graph, d: _Describer, scheme: URIRef) -> list[Term]:
    """Concepts of a scheme, each followed by its narrower concepts (by notation, then label)."""
    members = {c for c in graph.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)}

    def key(c: URIRef) -> tuple:
        return (_natural(d.text(c, SKOS.notation)), _natural(d.label(c)), str(c))

    children: dict[URIRef | None, list[URIRef]] = {}
    for concept in members:
        parent = graph.value(concept, SKOS.broader)
        key_parent = parent if isinstance(parent, URIRef) and parent in members else None
        children.setdefault(key_parent, []).append(concept)
    ordered: list[Term] = []

    def walk(parent: URIRef | None, depth: int) -> None:
        for concept in sorted(children.get(parent, []), key=key):
            facts = [("broader", SKOS.broader), ("type", RDF.type)]
            ordered.append(d.term(concept, facts, depth))
            walk(concept, depth + 1)

    walk(None, 0)
    return ordered


def ontology_model(graph: Graph) -> OntologyPage:
    """What the page shows, read from a graph holding the ontology and the schemes."""
    d = _Describer(graph)
    class_facts = [("subclass of", RDFS.subClassOf)]
    prop_facts = [
        ("type", RDF.type),
        ("subproperty of", RDFS.subPropertyOf),
        ("domain", RDFS.domain),
        ("range", RDFS.range),
    ]
    classes = [d.term(c, class_facts) for c in _own(graph, OWL.Class)]
    properties = sorted(
        {
            p: d.term(p, prop_facts)
            for cls in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
            for p in _own(graph, cls)
        }.values(),
        key=lambda t: t.curie.lower(),
    )
    schemes = [
        Scheme(
            iri=str(s),
            curie=d.curie(s),
            anchor=d.anchor(s),
            title=d.text(s, DCTERMS.title, SKOS.prefLabel, RDFS.label) or d.curie(s),
            description=d.text(s, DCTERMS.description, SKOS.definition, RDFS.comment),
            concepts=_scheme_order(graph, d, s),
        )
        for s in sorted(
            n for n in graph.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(n, URIRef)
        )
    ]
    seen: set[str] = {t.anchor for t in classes + properties} | {s.anchor for s in schemes}
    for scheme in schemes:  # a concept in two schemes is described twice, anchored once
        for concept in scheme.concepts:
            if concept.anchor in seen:
                concept.anchor = ""
            seen.add(concept.anchor)
    return OntologyPage(
        title=d.text(ONTOLOGY, DCTERMS.title) or "peelgraph ontology",
        description=d.text(ONTOLOGY, DCTERMS.description),
        version=d.text(ONTOLOGY, OWL.versionInfo) or package_version(),
        namespace=PEEL_NS,
        licence=_web_link(d.text(ONTOLOGY, DCTERMS.license)),
        classes=classes,
        properties=properties,
        schemes=schemes,
    )


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("peelgraph.export", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def ontology_page(graph: Graph | None = None) -> bytes:
    """The HTML page of the ontology (the packaged reference data unless a graph is given)."""
    if graph is None:
        from ..context import default_context

        graph = default_context().reference_graph
    page = ontology_model(graph)
    html = _environment().get_template("ontology.html.j2").render(page=page)
    return html.encode("utf-8")


def _web_link(url: str) -> str:
    """``url`` if it is an http(s) address, else '' (never a ``javascript:`` link: the page
    escapes text, and a link's scheme is the one thing escaping does not make safe)."""
    return url if url.lower().startswith(("http://", "https://")) else ""
