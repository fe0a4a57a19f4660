"""The JSON-LD export as pyld framed and compacted it (the export's code before it wrote its
tree itself), kept as the reference the export is checked against: plain pyld, no memoising.
Tests only; pyld is a dev dependency."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pyld import jsonld
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from peelgraph.errors import OutputError
from peelgraph.export.jsonld import (
    _BOOLEAN,
    _INTEGER_TYPES,
    CONTEXT_URL,
    PART_KEYS,
    _reports_of,
    _sort_key,
    _tidy,
    _tree_nodes_of_report,
    _Triples,
    context,
    triples_and_forces,
)

# The published context, the literal rules, the triple index, what a report's tree holds and
# the tidying of the trees are the export's own: the reference differs only in letting pyld
# frame and compact.


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that serves the packaged context and fetches nothing."""
    if url != CONTEXT_URL:
        raise jsonld.JsonLdError(
            f"peelgraph loads no remote documents ({url})",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {"contextUrl": None, "documentUrl": url, "document": context()}


def _options(**extra: Any) -> dict[str, Any]:
    return {"documentLoader": document_loader, **extra}


def _term(node: Any) -> dict[str, Any]:
    """One RDF term as an expanded JSON-LD value (RDF-to-JSON-LD without native types)."""
    if isinstance(node, Literal):
        value: dict[str, Any] = {"@value": str(node)}
        if node.language:
            value["@language"] = node.language
        elif node.datatype is not None:  # kept even for xsd:string, a distinct term in rdflib
            value["@type"] = str(node.datatype)
        return value
    return {"@id": node.n3() if isinstance(node, BNode) else str(node)}


def _native_numbers(node: Any) -> Any:
    """Integer-typed values in expanded JSON-LD as JSON numbers (when lossless)."""
    if isinstance(node, list):
        return [_native_numbers(n) for n in node]
    if not isinstance(node, dict):
        return node
    value, datatype = node.get("@value"), node.get("@type")
    if isinstance(value, str) and datatype == _BOOLEAN and value in ("true", "false"):
        return {**node, "@value": value == "true"}
    if isinstance(value, str) and datatype in _INTEGER_TYPES:
        try:
            number = int(value)
        except ValueError:
            return node
        if str(number) == value:
            return {**node, "@value": number}
        return node
    return {k: _native_numbers(v) for k, v in node.items()}


def _expanded(graph: Iterable[tuple[Node, Node, Node]]) -> list[dict[str, Any]]:
    """``graph`` as expanded JSON-LD, one node object per subject, integers as numbers."""
    # pyld's from_rdf does the same, but spends seconds parsing N-Quads
    nodes: dict[str, dict[str, Any]] = {}
    for s, p, o in sorted(graph, key=lambda t: (str(t[0]), str(t[1]), t[2].n3())):
        subject = _term(s)["@id"]
        node = nodes.setdefault(subject, {"@id": subject})
        if p == RDF.type and not isinstance(o, Literal):
            node.setdefault("@type", []).append(_term(o)["@id"])
        else:
            node.setdefault(str(p), []).append(_term(o))
    return _native_numbers([nodes[k] for k in sorted(nodes)])


def _frame(ctx: dict[str, Any], forces: list[str]) -> dict[str, Any]:
    """Force, then reports, then their parts; links between tree nodes stay references."""
    never = {"@embed": "@never"}
    spans = {
        "type": "SpecificResource",
        "@embed": "@always",
        "source": never,
        "selectors": {"@embed": "@always"},
    }
    return {
        **ctx,
        "id": forces,
        "reports": {
            "type": "InspectionReport",
            "@embed": "@always",
            "derivedFrom": {"@embed": "@always"},
            "parts": {
                "type": sorted(PART_KEYS),
                "@embed": "@always",
                "spans": spans,
                "citation": spans,
                "citedIn": never,
                "definedIn": never,
                "evidence": never,
                "followsUp": never,
                "observations": {"type": "Observation", "@embed": "@always", "spans": spans},
            },
        },
    }


def _framed(triples: _Triples, frame: dict[str, Any]) -> dict[str, Any]:
    """One framed node (the frame names one id) without its ``@context``."""
    framed = jsonld.JsonLdProcessor().frame(
        _expanded(triples), frame, _options(embed="@never", omitDefault=True)
    )
    nodes = framed.get("@graph")
    node = nodes[0] if nodes else framed
    return {k: v for k, v in node.items() if k != "@context"}


def _force_tree(tree: _Triples, ctx: dict[str, Any], force: URIRef) -> dict[str, Any]:
    """A force's tree: the force, then each of its reports framed on its own (pyld's framing
    matches every node of its input at each level: one report at a time, a force with 14
    reports frames several times faster than all of them at once)."""
    whole = _frame(ctx, [str(force)])
    report_frame = whole["reports"]
    reports = _reports_of(tree, force)
    node = _framed(_about(tree, {force}), {**ctx, "id": [str(force)]})
    framed_reports = []
    for report in reports:
        nodes = _tree_nodes_of_report(tree, report)
        frame = {**ctx, **report_frame, "id": [str(report)]}
        framed_reports.append(_framed(_about(tree, nodes), frame))
    if framed_reports:
        node["reports"] = framed_reports
    return node


def _about(graph: _Triples, nodes: set[URIRef]) -> _Triples:
    """The triples of ``graph`` whose subject is one of ``nodes``."""
    found = _Triples()
    for node in nodes:
        for p, o in graph.predicate_objects(node):
            found.add((node, p, o))
    return found


def _tree_nodes(graph: _Triples, forces: list[URIRef]) -> set[URIRef]:
    """The nodes of the framed trees: forces, reports, sources, parts, observations, spans."""
    nodes: set[URIRef] = set(forces)
    for force in forces:
        for report in _reports_of(graph, force):
            nodes |= _tree_nodes_of_report(graph, report)
    return nodes


def _embedded_ids(trees: list[Any], ctx: dict[str, Any]) -> set[str]:
    """The full IRIs of the nodes embedded (with properties, not as bare references) in
    framed trees; their compact ids expanded with the context's prefixes."""
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))}
    found: set[str] = set()
    todo: list[Any] = list(trees)
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo.extend(node)
        elif isinstance(node, dict):
            ident = node.get("id")
            if isinstance(ident, str) and len(node) > 1:
                prefix, _, rest = ident.partition(":")
                found.add(ident if "://" in ident or prefix not in prefixes
                          else prefixes[prefix] + rest)  # fmt: skip
            todo.extend(v for k, v in node.items() if k != "id")
    return found


def _to_graph(doc: dict[str, Any]) -> Graph:
    nquads = jsonld.to_rdf(doc, _options(format="application/n-quads"))
    graph = Graph()
    if nquads:
        graph.parse(data=nquads, format="nt")
    return graph


def jsonld_document(ds: Dataset | Graph, *, link_context: bool = False) -> dict[str, Any]:
    """The JSON-LD document of a graph: framed trees per force, then the nodes they point at.

    With ``link_context`` the document names the published context by URL instead of
    embedding it (smaller; a reader must then resolve that URL).
    """
    union, forces = triples_and_forces(ds)
    ctx = context()
    tree_nodes = _tree_nodes(union, forces)
    tree, rest = _Triples(), _Triples()
    for triple in union:
        (tree if triple[0] in tree_nodes else rest).add(triple)
    trees: list[Any] = []
    try:
        trees = [_force_tree(tree, ctx, force) for force in forces]
    except jsonld.JsonLdError as exc:  # a context or frame bug, not user input
        raise OutputError(f"JSON-LD framing failed: {exc}") from exc
    # whatever the trees do not hold (reference nodes, parts of unknown types) follows them:
    # a node embedded in a tree carries all its triples (the frames are not explicit)
    embedded = _embedded_ids(trees, ctx["@context"])
    for triple in tree:
        if str(triple[0]) not in embedded:
            rest.add(triple)
    others: list[Any] = []
    if len(rest):
        compacted = jsonld.JsonLdProcessor().compact(_expanded(rest), ctx, _options())
        others = compacted.get("@graph", [])
        if not others and "id" in compacted:
            others = [{k: v for k, v in compacted.items() if k != "@context"}]
    graph = [_tidy(t) for t in trees] + sorted((_tidy(n) for n in others), key=_sort_key)
    return {"@context": CONTEXT_URL if link_context else ctx["@context"], "@graph": graph}


def serialise_jsonld(ds: Dataset | Graph, *, link_context: bool = False) -> bytes:
    """The JSON-LD document as UTF-8 bytes, two-space indented, with a final newline."""
    doc = jsonld_document(ds, link_context=link_context)
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def parse_jsonld(data: bytes | str) -> Graph:
    """Expand a peelgraph JSON-LD document to triples (the context served locally)."""
    doc = json.loads(data)
    return _to_graph(doc)
