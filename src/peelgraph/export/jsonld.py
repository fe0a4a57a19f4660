"""JSON-LD a web developer can read: a published context and one framed tree per force.

The context (``ontology/context-v1.jsonld``) gives readable keys (``label``, ``grade``,
``findings``), types and grades as short strings (``"Judgment"``, ``"good"``) and counts,
ordinals, pages and offsets as JSON numbers. The document is an ``@graph`` whose first items
are the forces of the exported reports, each written as a tree: force, then its
reports, and in each report its judgments, findings, areas for improvement, partner links,
data sets with their observations, each with its source spans. After the trees come, flat and
sorted by ``id``, the nodes they point at (questions, partner bodies, indicators, schemes ...).

Expanding the document gives back every triple of the exported graph (named graphs merged):
nothing is dropped or invented. Decimal measurements stay strings ("21.7"): JSON numbers are
binary floating point, and JSON-LD would turn 21.7 into the lexical form 2.17E1.

The tree is written directly, as a JSON-LD processor would frame and compact the graph with
this context (see :mod:`peelgraph.export.compaction`; tests check the documents against
pyld's). Reading a document back never fetches the context: the packaged copy stands in
for its URL, and any other remote context is refused.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, XSD
from rdflib.term import Node

from ..errors import ReferenceDataError
from ..iris import OA, PEEL
from ..resources import ontology_file
from .compaction import Compactor, Term

CONTEXT_FILE = "context-v1.jsonld"
#: Where the context is published; documents that link it rather than embed it use this URL.
CONTEXT_URL = "https://w3id.org/peelgraph/ontology/context-v1.jsonld"

#: Keys the parts of a report are grouped under, by type (all map to reverse dcterms:isPartOf).
PART_KEYS = {
    "Judgment": "judgments",
    "Finding": "findings",
    "AreaForImprovement": "areasForImprovement",
    "PartnerLink": "partnerLinks",
    "DataSet": "datasets",
    "FollowUp": "followUps",
    "GlossaryEntry": "glossary",
    "Footnote": "footnotes",
}
#: Datatypes written as JSON numbers when their lexical form is the canonical integer one.
_INTEGER_TYPES = frozenset(
    str(t)
    for t in (
        XSD.integer,
        XSD.int,
        XSD.long,
        XSD.nonNegativeInteger,
        XSD.positiveInteger,
        XSD.gYear,
    )
)
_BOOLEAN = str(XSD.boolean)
_FIRST_KEYS = ("@context", "id", "type")


@functools.cache
def _context_text() -> str:
    return ontology_file(CONTEXT_FILE).read_text(encoding="utf-8")


def context() -> dict[str, Any]:
    """The published context document (``{"@context": {...}}``), as a fresh dict."""
    try:
        return json.loads(_context_text())
    except json.JSONDecodeError as exc:  # a packaging or editing bug, not user input
        raise ReferenceDataError(f"ontology/{CONTEXT_FILE} is not JSON: {exc}") from exc


class _Triples:
    """A set of triples indexed by subject and by predicate and object: the few lookups the
    trees need, without the cost of adding each triple to an rdflib Graph."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]] = ()) -> None:
        self.all: set[tuple[Node, Node, Node]] = set()
        self.by_subject: dict[Node, list[tuple[Node, Node]]] = {}
        self.by_po: dict[tuple[Node, Node], list[Node]] = {}
        for triple in triples:
            self.add(triple)

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        if triple in self.all:
            return
        self.all.add(triple)
        s, p, o = triple
        self.by_subject.setdefault(s, []).append((p, o))
        self.by_po.setdefault((p, o), []).append(s)

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def __contains__(self, triple: object) -> bool:
        return triple in self.all

    def subjects(self, p: Node, o: Node) -> list[Node]:
        return self.by_po.get((p, o), [])

    def objects(self, s: Node, p: Node) -> list[Node]:
        return [o for q, o in self.by_subject.get(s, ()) if q == p]

    def predicate_objects(self, s: Node) -> list[tuple[Node, Node]]:
        return self.by_subject.get(s, [])


@dataclass(frozen=True)
class _Frame:
    """Where a tree embeds nodes: ``embed`` (else references), the types a node must have to
    be embedded here (None: any), frames for some properties (full IRIs) and for reverse
    properties (the nodes pointing here by that property, embedded)."""

    embed: bool
    types: frozenset[str] | None = None
    properties: Mapping[str, _Frame] = field(default_factory=dict)
    reverse: Mapping[str, _Frame] = field(default_factory=dict)

    def child(self, predicate: str) -> _Frame:
        """The frame of a property's values: its own, else this frame's embedding."""
        return self.properties.get(predicate) or (_ALWAYS if self.embed else _NEVER)


_NEVER = _Frame(embed=False)
_ALWAYS = _Frame(embed=True)
_SPANS = _Frame(
    True,
    frozenset({str(OA.SpecificResource)}),
    {str(OA.hasSource): _NEVER, str(OA.hasSelector): _ALWAYS},
)
_OBSERVATIONS = _Frame(True, frozenset({str(QB.Observation)}), {str(PEEL.hasSpan): _SPANS})
#: A report: its sources, then its parts (grouped by type afterwards, see :func:`_tidy`), in
#: each its spans and citations; links between parts of the tree (evidence, follow-ups,
#: citations) stay references, other nodes of the report are embedded where they are used.
_REPORT = _Frame(
    True,
    frozenset({str(PEEL.InspectionReport)}),
    {str(PROV.wasDerivedFrom): _ALWAYS},
    {
        str(DCTERMS.isPartOf): _Frame(
            True,
            frozenset(str(PEEL[t]) for t in PART_KEYS if t != "DataSet") | {str(QB.DataSet)},
            {str(PEEL.hasSpan): _SPANS, str(PEEL.citation): _SPANS}
            | {str(PEEL[p]): _NEVER for p in ("citedIn", "definedIn", "evidence", "followsUp")},
            {str(QB.dataSet): _OBSERVATIONS},
        )
    },
)


def _expanded_literal(node: Literal) -> dict[str, Any]:
    """A literal in expanded JSON-LD, integer and boolean types as JSON numbers and booleans
    when lossless (RDF to JSON-LD without native types, then those)."""
    if node.language:
        return {"@value": str(node), "@language": node.language}
    if node.datatype is None:
        return {"@value": str(node)}
    lexical, datatype = str(node), str(node.datatype)
    value: Any = lexical
    if datatype == _BOOLEAN and lexical in ("true", "false"):
        value = lexical == "true"
    elif datatype in _INTEGER_TYPES:
        try:
            number = int(lexical)
        except ValueError:
            number = None
        if number is not None and str(number) == lexical:
            value = number
    return {"@value": value, "@type": datatype}


_RDF_TYPE = RDF.type


def _value_order(pair: tuple[Node, Node]) -> tuple[str, str]:
    """Values by predicate, then as N-Triples would write them (an IRI's form built here:
    rdflib's ``n3`` checks the IRI each time)."""
    p, o = pair
    return (str(p), f"<{o}>" if isinstance(o, URIRef) else o.n3())


def _ident(node: Node) -> str:
    return node.n3() if isinstance(node, BNode) else str(node)


class _Writer:
    """Writes nodes of a set of triples as compacted JSON-LD, embedding as frames say."""

    def __init__(self, triples: _Triples, compactor: Compactor):
        self.triples = triples
        self.c = compactor
        self.embedded: set[Node] = set()
        self._literals: dict[tuple[str, Literal], tuple[Term | None, Any]] = {}
        self._leaves: dict[tuple[Node, int], dict[str, Any]] = {}
        self._insides: list[Set[Node]] = []

    def node(
        self, node: Node, frame: _Frame, inside: Set[Node], path: list[Node]
    ) -> dict[str, Any]:
        """``node`` with every triple about it; a value that is a node of ``inside`` is
        embedded where the frame says so (unless it is already on the ``path`` above). A
        node none of whose values is in ``inside`` is the same wherever it is embedded, and
        is written once (a report's source, under each of its parts)."""
        leaf_key = (node, id(inside))
        leaf = self._leaves.get(leaf_key)
        if leaf is not None and not frame.reverse:
            return leaf
        self.embedded.add(node)
        is_leaf = not frame.reverse
        out: dict[str, Any] = {self.c.id_key: self.c.iri(_ident(node))}
        types: list[str] = []
        values: dict[str, list[Any]] = {}
        terms: dict[str, Term | None] = {}
        for p, o in sorted(self.triples.predicate_objects(node), key=_value_order):
            predicate = str(p)
            if p == _RDF_TYPE and not isinstance(o, Literal):
                types.append(self.c.iri(_ident(o), vocab=True))
                continue
            if isinstance(o, Literal):
                term, value = self._literal(predicate, o)
            else:
                term = self.c.term_for(predicate, {"@id": _ident(o)})
                is_leaf = is_leaf and o not in inside
                sub = frame.child(predicate)
                if o in inside and sub.embed and o not in path[:-1] and self._matches(o, sub):
                    value = self.node(o, sub, inside, [*path, o])
                else:
                    value = self.c.reference(term, _ident(o))
            key = self.c.key(predicate, term)
            values.setdefault(key, []).append(value)
            terms[key] = term
        if types:
            out[self.c.type_key] = types[0] if len(types) == 1 else types
        for key, found in values.items():
            out[key] = _shaped(found, terms[key])
        for predicate, sub in sorted(frame.reverse.items()):
            self._reverse(out, node, predicate, sub, inside, path)
        if is_leaf:
            self._insides.append(inside)  # kept alive: its id is part of the key
            self._leaves[leaf_key] = out
        return out

    def _literal(self, predicate: str, literal: Literal) -> tuple[Term | None, Any]:
        """A literal value of ``predicate``: its term and compacted value (remembered: the
        same values recur, e.g. a source's fields wherever the source is embedded)."""
        found = self._literals.get((predicate, literal))
        if found is None:
            expanded = _expanded_literal(literal)
            term = self.c.term_for(predicate, expanded)
            value = self.c.literal(term, expanded)
            if term is not None and term.container == "@language":
                value = {expanded.get("@language", "@none"): value}
            found = self._literals[(predicate, literal)] = (term, value)
        return found

    def _reverse(self, out: dict, node: Node, predicate: str, frame: _Frame,
                 inside: Set[Node], path: list[Node]) -> None:  # fmt: skip
        found = [
            self.node(s, frame, inside, [*path, s])
            for s in sorted(self.triples.subjects(URIRef(predicate), node), key=_ident)
            if s in inside and self._matches(s, frame)
        ]
        if not found:
            return
        term = self.c.reverse_term(predicate)
        if term is None:
            out.setdefault("@reverse", {})[self.c.iri(predicate, vocab=True)] = found
        else:
            out[term.name] = found

    def _matches(self, node: Node, frame: _Frame) -> bool:
        if frame.types is None:
            return True
        return any(str(t) in frame.types for t in self.triples.objects(node, RDF.type))


def _shaped(values: list[Any], term: Term | None) -> Any:
    """Values of one key: an array for a set, a map for a language container, else one
    value alone."""
    if term is not None and term.container == "@language":
        merged: dict[str, Any] = {}
        for value in values:
            for language, text in value.items():
                merged.setdefault(language, []).append(text)
        return {k: v[0] if len(v) == 1 else v for k, v in merged.items()}
    if term is not None and term.container in ("@set", "@list"):
        return values
    return values[0] if len(values) == 1 else values


def _force_tree(writer: _Writer, force: URIRef) -> dict[str, Any]:
    """A force's tree: the force (its values references), then its reports, each with the
    nodes of its own tree embedded."""
    node = writer.node(force, _NEVER, set(), [force])
    reports = [
        writer.node(report, _REPORT, _tree_nodes_of_report(writer.triples, report), [report])
        for report in _reports_of(writer.triples, force)
    ]
    if reports:
        node["reports"] = reports
    return node


def _tree_nodes_of_report(graph: _Triples, report: URIRef) -> set[URIRef]:
    """A report's nodes in the tree: it, its sources, parts, observations, spans, selectors."""
    parts = set(graph.subjects(DCTERMS.isPartOf, report))
    observations = {o for d in parts for o in graph.subjects(QB.dataSet, d)}
    sources = set(graph.objects(report, PROV.wasDerivedFrom))
    spans = {s for n in parts | observations for s in graph.objects(n, PEEL.hasSpan)}
    spans |= {s for n in parts for s in graph.objects(n, PEEL.citation)}
    selectors = {s for span in spans for s in graph.objects(span, OA.hasSelector)}
    found = {report} | parts | observations | sources | spans | selectors
    return {n for n in found if isinstance(n, URIRef)}


def _reports_of(graph: _Triples, force: URIRef) -> list[URIRef]:
    return sorted(
        r
        for r in graph.subjects(PEEL.force, force)
        if isinstance(r, URIRef) and (r, RDF.type, PEEL.InspectionReport) in graph
    )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _sort_key(node: Any) -> tuple[int, str]:
    if not isinstance(node, dict):
        return (0, json.dumps(node, sort_keys=True))
    ordinal = node.get("ordinal")
    return (ordinal if isinstance(ordinal, int) else 0, str(node.get("id", "")))


def _tidy(node: Any) -> Any:
    """Group report parts by type, sort arrays, put ``id`` and ``type`` first."""
    if isinstance(node, list):
        return sorted((_tidy(n) for n in node), key=_sort_key)
    if not isinstance(node, dict):
        return node
    node = dict(node)
    if "parts" in node:
        leftover = []
        for part in _as_list(node.pop("parts")):
            types = _as_list(part.get("type", [])) if isinstance(part, dict) else []
            key = next((PART_KEYS[t] for t in types if t in PART_KEYS), None)
            if key is None:
                leftover.append(part)
            else:
                node.setdefault(key, []).append(part)
        if leftover:
            node["parts"] = leftover
    tidy = {k: _tidy(v) for k, v in node.items()}
    first = [k for k in _FIRST_KEYS if k in tidy]
    return {k: tidy[k] for k in first + sorted(k for k in tidy if k not in _FIRST_KEYS)}


def triples_and_forces(
    ds: Dataset | Graph | Iterable[tuple[Node, Node, Node]],
) -> tuple[_Triples, list[URIRef]]:
    """The union of a graph's triples, indexed, and the forces its reports are of (sorted):
    the JSON-LD document has one framed tree per force."""
    union = _Triples(
        ((s, p, o) for s, p, o, _ in ds.quads((None, None, None, None)))
        if isinstance(ds, Dataset)
        else ds
    )
    forces = sorted(
        {
            force
            for report in union.subjects(RDF.type, PEEL.InspectionReport)
            for force in union.objects(report, PEEL.force)
            if isinstance(force, URIRef)
        }
    )
    return union, forces


def jsonld_document(
    ds: Dataset | Graph | Iterable[tuple[Node, Node, Node]], *, link_context: bool = False
) -> dict[str, Any]:
    """The JSON-LD document of a graph (a Dataset, a Graph or its triples): framed trees per
    force, then the nodes they point at.

    With ``link_context`` the document names the published context by URL instead of
    embedding it (smaller; a reader must then resolve that URL).
    """
    union, forces = triples_and_forces(ds)
    ctx = context()
    compactor = Compactor(ctx["@context"])
    writer = _Writer(union, compactor)
    trees = [_force_tree(writer, force) for force in forces]
    # whatever the trees do not hold (reference nodes, parts of unknown types) follows them:
    # a node embedded in a tree carries all its triples
    rest = _Triples(t for t in union if t[0] not in writer.embedded)
    flat = _Writer(rest, compactor)
    others = [flat.node(s, _NEVER, set(), [s]) for s in {t[0] for t in rest}]
    graph = [_tidy(t) for t in trees] + sorted((_tidy(n) for n in others), key=_sort_key)
    return {"@context": CONTEXT_URL if link_context else ctx["@context"], "@graph": graph}


def serialise_jsonld(
    ds: Dataset | Graph | Iterable[tuple[Node, Node, Node]], *, link_context: bool = False
) -> bytes:
    """The JSON-LD document as UTF-8 bytes, two-space indented, with a final newline (the
    bytes of ``json.dumps(doc, indent=2, ensure_ascii=False)``, written by msgspec: the
    standard library's encoder falls back to pure Python when indenting)."""
    import msgspec

    doc = jsonld_document(ds, link_context=link_context)
    return msgspec.json.format(msgspec.json.encode(doc), indent=2) + b"\n"


def parse_jsonld(data: bytes | str) -> Graph:
    """Expand a peelgraph JSON-LD document to triples with rdflib's parser (the published
    context read from the packaged copy; nothing fetched)."""
    from ..graphio import offline_jsonld_text

    graph = Graph()
    graph.parse(data=offline_jsonld_text(data, "JSON-LD document"), format="json-ld")
    return graph
