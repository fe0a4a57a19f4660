"""peelgraph's prefixes as plain strings, and the name rdflib gives the default graph: what a
one-shot query needs without importing rdflib (about 40 ms of CPU, a twentieth of
``query run`` on the full corpus). :mod:`peelgraph.iris` holds the same namespaces as rdflib
objects; a test keeps the two equal."""

from __future__ import annotations

_PID = "https://w3id.org/peelgraph/id/"

#: prefix: namespace, in the order of :data:`peelgraph.iris.PREFIXES`.
NAMESPACES: dict[str, str] = {
    "peel": "https://w3id.org/peelgraph/ontology#",
    "pid": _PID,
    **{
        family: f"{_PID}{family}/"
        for family in (
            "area finding-type force grade graph indicator partner pillar progress question "
            "report scheme theme unit"
        ).split()
    },
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: Prefixes for writers that escape the slashes of deeper IRIs: report items and indicators
#: (whose names hold slashes) are clearer written in full.
WRITER_PREFIXES: dict[str, str] = {
    prefix: ns for prefix, ns in NAMESPACES.items() if prefix not in ("pid", "report", "indicator")
}

#: rdflib's name of a Dataset's default graph (``rdflib.graph.DATASET_DEFAULT_GRAPH_ID``).
RDFLIB_DEFAULT_GRAPH = "urn:x-rdflib:default"
