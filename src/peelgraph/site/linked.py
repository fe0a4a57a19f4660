"""The linked data each page carries: JSON-LD (the published context), Turtle and CSV of what
the page shows. Written by hand from the rows already read (no second pass over the graph):
IRIs in full, literals escaped as N-Triples escapes them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from ..export.jsonld import CONTEXT_URL
from .data import Item, Judgment

PEEL = "https://w3id.org/peelgraph/ontology#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: Each item kind's class (local name in the peel: ontology, the JSON-LD context's @vocab).
CLASSES = {
    "Finding": "Finding",
    "Area for improvement": "AreaForImprovement",
    "Cause of concern": "CauseOfConcern",
    "Recommendation": "Recommendation",
    "Follow-up of an earlier finding": "FollowUp",
}


class Iri(str):
    """An IRI object of a triple (a plain str is a literal)."""


Triple = tuple[str, str, object]


class Typed(tuple):  # type: ignore[type-arg]
    """A literal of a datatype: ``Typed((lexical, datatype IRI))``."""


def _literal(value: object) -> str:
    if isinstance(value, Typed):
        return f"{_literal(str(value[0]))}^^<{value[1]}>"
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    if isinstance(value, int):
        return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#integer>'
    text = str(value)
    for a, b in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        text = text.replace(a, b)
    return f'"{text}"'


def turtle(triples: Iterable[Triple]) -> str:
    """Triples as Turtle: one block a subject, full IRIs."""
    by_subject: dict[str, list[tuple[str, object]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, []).append((p, o))
    blocks = []
    for subject, pairs in by_subject.items():
        body = " ;\n    ".join(
            f"<{p}> " + (f"<{o}>" if isinstance(o, Iri) else _literal(o)) for p, o in pairs
        )
        blocks.append(f"<{subject}>\n    {body} .\n")
    return "\n".join(blocks)


def item_triples(item: Item) -> list[Triple]:
    triples: list[Triple] = [
        (item.iri, RDF_TYPE, Iri(PEEL + CLASSES.get(item.kind, "Finding"))),
        (item.iri, DCTERMS + "isPartOf", Iri(item.report.iri)),
        (item.iri, PEEL + "question", Iri(item.question_iri)),
        (item.iri, PEEL + "text", item.text),
    ]
    if item.first_page is not None:
        # as the build states it (the shapes also accept a store's xsd:integer)
        page = Typed((item.first_page, "http://www.w3.org/2001/XMLSchema#positiveInteger"))
        triples.append((item.iri, PEEL + "firstPage", page))
    for slug, _ in item.themes:
        triples.append(
            (item.iri, PEEL + "theme", Iri(f"https://w3id.org/peelgraph/id/theme/{slug}"))
        )
    for partner, _, _ in item.partners:
        triples.append((item.iri, PEEL + "mentions", Iri(partner)))
    for link in item.follows:
        triples.append((item.iri, PEEL + "followsUp", Iri(link.earlier)))
    return triples


def judgment_triples(j: Judgment) -> list[Triple]:
    return [
        (j.iri, RDF_TYPE, Iri(PEEL + "Judgment")),
        (j.iri, DCTERMS + "isPartOf", Iri(j.report.iri)),
        (j.iri, PEEL + "question", Iri(j.question_iri)),
        (j.iri, PEEL + "grade", Iri(j.grade_iri)),
    ]


def item_jsonld(item: Item) -> dict[str, object]:
    doc: dict[str, object] = {
        "@context": CONTEXT_URL,
        "id": item.iri,
        "type": CLASSES.get(item.kind, "Finding"),
        "partOf": item.report.iri,
        "question": item.question_iri,
        "text": item.text,
    }
    if item.first_page is not None:
        doc["firstPage"] = item.first_page
    if item.themes:
        doc["themes"] = [s for s, _ in item.themes]
    if item.partners:
        doc["mentions"] = [p for p, _, _ in item.partners]
    if item.follows:
        doc["followsUp"] = [link.earlier for link in item.follows]
    return doc


def subject_jsonld(iri: str, kind: str, label: str, parts: Sequence[str] = ()) -> dict[str, object]:
    """The JSON-LD of a page about a force, question, theme, report or judgment."""
    doc: dict[str, object] = {"@context": CONTEXT_URL, "id": iri, "type": kind, "label": label}
    if parts:
        doc["@reverse"] = {"partOf": [{"id": p} for p in parts]}
    return doc


def script_json(doc: object) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' as themselves."""
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue()


ITEM_COLUMNS = (
    "item",
    "kind",
    "force",
    "year",
    "pillar",
    "code",
    "status",
    "themes",
    "files",
    "firstPage",
    "text",
)


def item_row(item: Item) -> tuple[object, ...]:
    return (
        item.iri,
        item.kind,
        item.force,
        item.year,
        item.report.pillar,
        item.code,
        item.status,
        "; ".join(label for _, label in item.themes),
        item.files,
        item.first_page,
        item.text,
    )
