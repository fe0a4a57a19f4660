"""Turtle, TriG, N-Triples and N-Quads that are byte-identical for the same graph.

The writing itself is :func:`peelgraph.graphio.serialise`, the one `peelgraph build` uses:
quads sorted, peelgraph's prefixes declared, named graphs in IRI order, every literal with its
own lexical form. So the bytes depend on the triples alone, not on the order in which they
were read, and an export of a whole graph equals the file `build` wrote.
"""

from __future__ import annotations

from rdflib import Dataset

from ..graphio import serialise

#: rdflib format names of the RDF exports, and whether each keeps named graphs.
RDF_FORMATS = {"turtle": False, "trig": True, "nt": False, "nquads": True}


def serialise_rdf(ds: Dataset, fmt: str) -> bytes:
    """``ds`` in one of :data:`RDF_FORMATS`, deterministically.

    Triple formats (Turtle, N-Triples) get the union of every graph, each triple once; quad
    formats keep the named graphs.
    """
    if fmt not in RDF_FORMATS:
        raise ValueError(f"not an RDF export format: {fmt!r}")
    return serialise(ds, fmt)
