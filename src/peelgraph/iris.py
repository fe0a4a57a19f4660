"""Every IRI peelgraph mints, in one place (see docs/model.md).

IRIs are stable and readable: built from slugs, PEEL year, pillar, question code and, for
free text, a short hash of the normalised text, so that building twice gives the same graph.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, QB, RDF, RDFS, SKOS, XSD, DefinedNamespace

from .peelterms import PEEL
from .rdfnames import WRITER_PREFIXES as WRITER_PREFIXES
from .textkeys import short_hash, slugify

#: The ontology namespace as a string (``PEEL`` itself is the closed term class).
PEEL_NS = str(PEEL)

PID = Namespace("https://w3id.org/peelgraph/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
ONTOLOGY = URIRef("https://w3id.org/peelgraph/ontology")

REFERENCE_GRAPH = PID["graph/reference"]
LINKS_GRAPH = PID["graph/links"]
DSD = PID["dsd/peel-metric"]

#: Prefixes bound on every graph peelgraph writes, in a fixed order. One prefix per IRI
#: family keeps Turtle readable (``grade:good``, ``question:2016-eff-1``).
PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "peel": PEEL,
    "pid": PID,
    "area": Namespace(PID["area/"]),
    "finding-type": Namespace(PID["finding-type/"]),
    "force": Namespace(PID["force/"]),
    "grade": Namespace(PID["grade/"]),
    "graph": Namespace(PID["graph/"]),
    "indicator": Namespace(PID["indicator/"]),
    "partner": Namespace(PID["partner/"]),
    "pillar": Namespace(PID["pillar/"]),
    "progress": Namespace(PID["progress/"]),
    "question": Namespace(PID["question/"]),
    "report": Namespace(PID["report/"]),
    "scheme": Namespace(PID["scheme/"]),
    "theme": Namespace(PID["theme/"]),
    "unit": Namespace(PID["unit/"]),
    "dcterms": DCTERMS,
    "oa": OA,
    "org": ORG,
    "prov": PROV,
    "qb": QB,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
}


class _Family:
    """The IRIs of one family of reference terms, ``pid:{family}/{slug}``: called with a
    slug, it gives the term's IRI (``iris.grade("good")``)."""

    def __init__(self, family: str, doc: str = "") -> None:
        self.base = f"{PID}{family}/"
        self.__doc__ = doc or f"The IRI of a {family} by its slug."

    def __call__(self, slug: str) -> URIRef:
        return URIRef(f"{self.base}{slug}")


scheme = _Family("scheme")
force = _Family("force")
area = _Family("area", "A comparator area (England and Wales) by slug.")
region = _Family(
    "region", "A region of England and Wales (ontology/regions.ttl), a collection of forces."
)
partner_type = _Family("partner-type")
grade = _Family("grade")
pillar = _Family("pillar")
partner = _Family("partner")
theme = _Family("theme")
unit = _Family("unit")
finding_type = _Family("finding-type")
progress = _Family("progress")
organisation = _Family("org")
indicator = _Family("indicator")
report = _Family("report")
report_graph = _Family("graph", "The named graph holding one report's triples.")


def question(code: str) -> URIRef:
    return PID[f"question/{code.lower()}"]


def partner_ref(partner_id: str) -> URIRef:
    """A partner by the id the vocabulary gives it: ``partner/{slug}`` or ``force/{slug}``."""
    return PID[partner_id]


def glossary_entry(report_key: str, acronym: str) -> URIRef:
    return URIRef(f"{report(report_key)}/term/{slugify(acronym)}")


def footnote(report_key: str, number: int) -> URIRef:
    return URIRef(f"{report(report_key)}/footnote/{number}")


def source_document(report_key: str, sha256: str) -> URIRef:
    return URIRef(f"{report(report_key)}/source/{sha256[:12]}")


def judgment(report_key: str, question_code: str) -> URIRef:
    return URIRef(f"{report(report_key)}/judgment/{question_code.lower()}")


def item(report_key: str, kind: str, key: str) -> URIRef:
    """A free-text item (finding, afi, concern, recommendation, follow-up) by its key: its
    question code and ordinal in that question (see :mod:`peelgraph.identity`)."""
    return URIRef(f"{report(report_key)}/{kind}/{key}")


def legacy_item(report_key: str, kind: str, question: str, text: str) -> URIRef:
    """The IRI peelgraph 0.1 gave the same item (a hash of its question and normalised
    text); new graphs record it with ``owl:sameAs`` so that old links still resolve."""
    return URIRef(f"{report(report_key)}/{kind}/{short_hash(f'{question}|{text}')}")


def span(item_iri: URIRef, n: int) -> URIRef:
    return URIRef(f"{item_iri}/span/{n}")


def dataset(report_key: str) -> URIRef:
    return URIRef(f"{report(report_key)}/dataset")


def observation(report_key: str, indicator_key: str, area_slug: str, period: str) -> URIRef:
    digest = short_hash(f"{indicator_key}|{area_slug}|{period}")
    return URIRef(f"{report(report_key)}/observation/{digest}")


def partner_link(report_key: str, partner_id: str) -> URIRef:
    return URIRef(f"{report(report_key)}/partner-link/{partner_id.replace('/', '-')}")


def partnership(force_slug: str, partner_id: str) -> URIRef:
    """A force's partnership with one partner body, across the reports of a build."""
    return PID[f"partnership/{force_slug}/{partner_id.replace('/', '-')}"]
