"""The triples a JSON-LD export of a built graph file needs, read without rdflib Graphs.

Parsing the chosen graphs into an rdflib Dataset and selecting from it took most of the time
of a force's JSON-LD export on a corpus-sized file (rdflib adds each triple to several
indexes). The JSON-LD writer needs only the triples: they are read here with Oxigraph's
streaming parser (the file, not the store, so literals stay as built), indexed in plain
dicts, and narrowed as :func:`~peelgraph.export.select.select` narrows a Dataset: the chosen
report graphs whole, the part of the cross-report graph about them alone, and the part of the
reference graph they point at (the same functions, over this index).

A TriG file laid out as the build writes it (directives first, then one block per named
graph, its header ``name {`` at the start of a line and its triples indented) is not parsed
whole: only the blocks of the graphs wanted are cut out and parsed, each after the file's
directives. The layout is checked (no line after the first block that may be a directive,
each block's quads in the graph it names, each block parsing on its own) and so is each
wanted graph's triple count, against the query store loaded from the same file: a block cut
in the wrong place (a header-like line inside a triple-quoted literal) fails one of these.
Anything else, and every other format, is parsed whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from .. import iris
from ..graphio import input_format
from .reading import _quads, _term, choose, store_report_graphs
from .select import links_about, reference_about

Triple = tuple[Node, Node, Node]
#: A line that may be a directive (``@prefix``, ``PREFIX``, ``@base``, ``BASE``): after the
#: first block, the blocks are not cut out (a later directive would change what follows it).
_DIRECTIVE_LINE = re.compile(rb"\n[@pPbB]")


class TripleIndex:
    """A set of triples with the part of rdflib's Graph API that the selection uses."""

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self.all: set[Triple] = set()
        self.by_subject: dict[Node, list[tuple[Node, Node]]] = {}
        for triple in triples:
            self.add(triple)

    def add(self, triple: Triple) -> None:
        if triple not in self.all:
            self.all.add(triple)
            self.by_subject.setdefault(triple[0], []).append((triple[1], triple[2]))

    def __iter__(self) -> Iterator[Triple]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def predicate_objects(self, subject: Node) -> list[tuple[Node, Node]]:
        return self.by_subject.get(subject, [])

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        return [o for p, o in self.by_subject.get(subject, ()) if p == predicate]

    def subject_objects(self, predicate: Node) -> list[tuple[Node, Node]]:
        return [(s, o) for s, p, o in self.all if p == predicate]

    def subjects(self, predicate: Node, obj: Node) -> list[Node]:
        return [s for s, p, o in self.all if p == predicate and o == obj]

    def triples(self, pattern: tuple[Node, None, None]) -> list[Triple]:
        subject = pattern[0]
        return [(subject, p, o) for p, o in self.by_subject.get(subject, ())]


def selected_triples(
    path: Path,
    store: ox.Store,
    forces: Iterable[str] = (),
    reports: Iterable[str] = (),
    where: str | None = None,
) -> list[Triple]:
    """The triples of the chosen reports' graphs and what they need from the cross-report
    and reference graphs (named graphs merged); every triple of the file when neither
    ``forces`` nor ``reports`` is given."""
    forces, reports = list(forces), list(reports)
    seen: dict[str, URIRef] = {}
    if not forces and not reports:
        return list({(_term(q.subject, seen), _term(q.predicate, seen), _term(q.object, seen))
                     for q in _quads(path)})  # fmt: skip
    chosen = choose(store_report_graphs(store), forces, reports, where)
    names = {str(r.graph) for r in chosen}
    links_name, reference_name = str(iris.LINKS_GRAPH), str(iris.REFERENCE_GRAPH)
    selected: set[Triple] = set()  # only iterated: no index
    links, reference = TripleIndex(), TripleIndex()
    targets: dict[object, set[Triple] | TripleIndex] = {ox.NamedNode(n): selected for n in names}
    targets |= {ox.NamedNode(links_name): links, ox.NamedNode(reference_name): reference}
    wanted = names | {links_name, reference_name}
    quads = _block_quads(path, store, wanted)
    for quad in _quads(path) if quads is None else quads:
        target = targets.get(quad.graph_name)
        if target is not None:
            target.add((_term(quad.subject, seen), _term(quad.predicate, seen),
                        _term(quad.object, seen)))  # fmt: skip
    for triple in links_about(links, chosen):  # type: ignore[arg-type]
        selected.add(triple)
    found = list(selected)
    found.extend(reference_about(reference, selected))  # type: ignore[arg-type]
    return found


def _blocks(data: bytes) -> list[int] | None:
    """Where each graph block of a TriG text starts (its header line, ``name {``), or None
    when the text is not laid out one block after another with every directive first."""
    if b"\r" in data:
        return None  # line ends this reader does not cut at
    starts: list[int] = []
    at = data.find(b"{\n")
    while at != -1:
        line = data.rfind(b"\n", 0, at) + 1
        if data[line : line + 1] not in (b" ", b"\t", b"#"):
            starts.append(line)
        at = data.find(b"{\n", at + 2)
    if not starts or _DIRECTIVE_LINE.search(data, starts[0]):
        return None
    return starts


def _block_quads(path: Path, store: ox.Store, names: set[str]) -> list[ox.Quad] | None:
    """The quads of the named graphs ``names`` of a TriG file, parsing only their blocks
    (see the module's description); None when that cannot be done safely."""
    if input_format(path) != "trig":
        return None
    data = path.read_bytes()
    starts = _blocks(data)
    if starts is None:
        return None
    directives, found = data[: starts[0]], list[ox.Quad]()
    try:
        named = _block_names(data, directives, starts)
        for start, end, name in zip(starts, [*starts[1:], len(data)], named, strict=True):
            if name in names:
                found.extend(ox.parse(directives + data[start:end], format=ox.RdfFormat.TRIG))
    except (SyntaxError, ValueError, UnicodeError):
        return None
    # quads of other graphs in a block are left out by the caller; the wanted graphs must
    # hold all their triples, once each
    counts = Counter(getattr(q.graph_name, "value", None) for q in found)
    return found if _as_in_store(store, {n: counts[n] for n in names}) else None


def _block_names(data: bytes, directives: bytes, starts: list[int]) -> list[str | None]:
    """The graph each block names, read from its header line (all in one small parse: each
    header with one probe triple whose object numbers it)."""
    probe = "<urn:peelgraph:probe>"
    text = [directives]
    for n, start in enumerate(starts):
        header = data[start : data.index(b"\n", start)]
        text.append(header + f'\n{probe} {probe} "{n}" .\n}}\n'.encode())
    names: list[str | None] = [None] * len(starts)
    for quad in ox.parse(b"".join(text), format=ox.RdfFormat.TRIG):
        names[int(quad.object.value)] = getattr(quad.graph_name, "value", None)
    return names


def _as_in_store(store: ox.Store, counts: dict[str, int]) -> bool:
    """Whether the store, loaded from the same file, holds as many triples in each graph."""
    values = " ".join(f"<{name}>" for name in counts)
    query = f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{
        VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"""
    held = {n: 0 for n in counts}
    for row in store.query(query):  # type: ignore[union-attr]
        held[row["g"].value] = int(row["n"].value)
    return held == counts
