"""Where an item of the graph came from: its text, source file, page, offsets and passage."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from .errors import InputError
from .iris import OA, PEEL

if TYPE_CHECKING:
    import pyoxigraph as ox

#: An item's own triples, those of what it points at (question, grade, partners, report,
#: spans) and those of its spans' selectors and sources: all that explain shows.
_NEIGHBOURHOOD = """CONSTRUCT { ?s ?p ?o } WHERE {
  { BIND (?item AS ?s) ?s ?p ?o }
  UNION { ?item ?p1 ?s . FILTER (isIRI(?s)) ?s ?p ?o }
  UNION { ?item <https://w3id.org/peelgraph/ontology#hasSpan> ?span . ?span ?p2 ?s .
          FILTER (isIRI(?s)) ?s ?p ?o }
}"""


def neighbourhood(store: ox.Store, iri: str) -> Graph:
    """The triples of the store that :func:`explain` needs about one item (a few hundred,
    whatever the size of the store)."""
    import pyoxigraph as ox

    from .graphio import ntriples_of

    query = _NEIGHBOURHOOD.replace("?item", f"<{ox.NamedNode(iri).value}>")
    triples = store.query(query, use_default_graph_as_union=True)
    return Graph().parse(data=ntriples_of(triples), format="nt")  # type: ignore[arg-type]


@dataclass(frozen=True)
class Passage:
    file_name: str
    sha256: str
    start: int
    end: int
    page: int | None
    quote: str
    before: str | None = None  # context from the source file, when it was found
    after: str | None = None
    found_at: str | None = None
    note: str | None = None


@dataclass
class Explanation:
    iri: str
    types: list[str]
    facts: list[tuple[str, str]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)

    def as_text(self) -> str:
        lines = [self.iri, f"  type      {', '.join(self.types)}"]
        lines += [f"  {name:9} {value}" for name, value in self.facts]
        for n, p in enumerate(self.passages, start=1):
            page = f", page {p.page}" if p.page else ""
            lines.append(
                f"  source {n}  {p.file_name}{page}, characters {p.start}-{p.end} "
                f"(sha256 {p.sha256[:12]})"
            )
            if p.before is not None:
                lines.append(f"    ...{p.before}[[{p.quote}]]{p.after}...")
            else:
                lines.append(f"    [[{p.quote}]]")
            if p.note:
                lines.append(f"    ({p.note})")
        return "\n".join(lines)


def _label(g: Graph, node: Node) -> str:
    for prop in (SKOS.notation, SKOS.prefLabel, RDFS.label):
        value = g.value(node, prop)
        if value is not None:
            return str(value)
    return str(node).rsplit("/", 1)[-1]


def _find_file(name: str, sha256: str, search: list[Path]) -> tuple[Path | None, str | None]:
    candidates: list[Path] = []
    for folder in search:
        if folder.is_file() and folder.name == name:
            candidates.append(folder)
        elif folder.is_dir():
            direct = folder / name
            if direct.is_file():
                candidates.append(direct)
            else:
                candidates.extend(list(folder.glob(f"*/{name}"))[:5])
    for path in candidates:
        if hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
            return path, None
    if candidates:
        return None, f"{candidates[0]} has changed since the build (SHA-256 differs)"
    return None, "source file not found; pass --source DIR"


#: The facts an explanation lists, by the name it shows them under, in this order.
_FACTS = (
    ("question", PEEL.question),
    ("grade", PEEL.grade),
    ("kind", PEEL.findingType),
    ("section", PEEL.section),
    ("theme", PEEL.theme),
    ("mentions", PEEL.mentions),
    ("text", PEEL.text),
    ("value", PEEL.value),
    ("area", PEEL.refArea),
    ("period", PEEL.refPeriod),
    ("indicator", PEEL.indicator),
)


def _facts(g: Graph, node: URIRef) -> list[tuple[str, str]]:
    """What the graph says of ``node`` (labels for IRIs; a question with its wording)."""
    facts = []
    for name, prop in _FACTS:
        values = sorted(g.objects(node, prop), key=str)
        if values:
            shown = ", ".join(_label(g, v) if isinstance(v, URIRef) else str(v) for v in values)
            if name == "question" and isinstance(values[0], URIRef):
                shown += f"  {g.value(values[0], SKOS.prefLabel) or ''}".rstrip()
            facts.append((name, shown))
    return facts


def _selected(g: Graph, span: Node) -> tuple[int, int, str]:
    """The start and end offsets and the quote a span's selectors give (0, 0, "" if none)."""
    start = end = 0
    quote = ""
    for selector in g.objects(span, OA.hasSelector):
        if (selector, RDF.type, OA.TextPositionSelector) in g:
            start = int(g.value(selector, OA.start).toPython())  # type: ignore[union-attr]
            end = int(g.value(selector, OA.end).toPython())  # type: ignore[union-attr]
        if (selector, RDF.type, OA.TextQuoteSelector) in g:
            quote = str(g.value(selector, OA.exact))
    return start, end, quote


def explain(
    g: Graph, iri: str, search: list[Path], context: int = 160, cache: Path | None = None
) -> Explanation:
    """Describe one item of a graph and quote its source passages. ``cache`` (the build
    cache folder) keeps the text of PDF sources, which takes seconds to read again."""
    node = URIRef(iri)
    types = sorted(_label(g, t) for t in g.objects(node, RDF.type))
    if not types:
        raise InputError(
            f"no such item in the graph: {iri}", hint="copy an IRI from a query result"
        )
    result = Explanation(iri, [t.rsplit("#", 1)[-1] for t in types], _facts(g, node))
    read: dict[tuple[str, str], tuple[str | None, str | None, str | None]] = {}
    for span in sorted(g.objects(node, PEEL.hasSpan), key=str):
        source = g.value(span, OA.hasSource)
        name = str(g.value(source, PEEL.fileName))
        sha = str(g.value(source, PEEL.sha256))
        start, end, quote = _selected(g, span)
        page = g.value(span, PEEL.page)
        if (name, sha) not in read:
            path, note = _find_file(name, sha, search)
            text = _source_text(path, sha, cache) if path else None
            read[(name, sha)] = (text, str(path) if path else None, note)
        text, found_at, note = read[(name, sha)]
        before = after = None
        if text is not None:
            text = text.lstrip("\ufeff")
            before = " ".join(text[max(0, start - context) : start].split()[-25:]) + " "
            after = " " + " ".join(text[end : end + context].split()[:25])
            if text[start:end] != quote:
                note = "the file's text at these offsets differs from the quote"
        result.passages.append(
            Passage(name, sha, start, end, _int(page), quote,
                    before, after, found_at, note)
        )  # fmt: skip
    return result


def _int(node: object) -> int | None:
    """A literal's integer value (a page number), None if absent."""
    return int(str(node)) if node is not None else None


def _source_text(path: Path, sha256: str, cache: Path | None = None) -> str:
    """A source document's text as extraction read it (a PDF through its text layer, line
    ends as ``\\n``), so that the span offsets point into the same text. A PDF's text is
    kept in the ``cache`` folder (sealed, keyed by its SHA-256 and this code), and read
    from there the next time."""
    if path.suffix.lower() != ".pdf" or cache is None:
        return _read_text(path)
    from .cache import TextCache

    texts = TextCache(cache)
    text = texts.text(sha256)
    if text is None:
        text = _read_text(path)
        texts.keep_text(sha256, text)
    return text


def _read_text(path: Path) -> str:
    from .extract.pdf import pdf_text  # imports pdfplumber: only when a PDF is read
    from .extract.reading import decode_text, read_document

    doc = read_document(path)
    return pdf_text(doc) if doc.is_pdf else decode_text(doc)
