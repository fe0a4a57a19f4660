"""An rdflib Dataset over an Oxigraph store: the rdflib API for the library and the memory
parity tests, kept out of :mod:`peelgraph.store` so that a one-shot query (which asks
pyoxigraph directly) never imports rdflib."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset


class OxigraphDataset(Dataset):
    """An rdflib Dataset over an Oxigraph store (default graph: the union of its graphs) that
    can also be queried natively, skipping rdflib's per-term conversion."""

    def __init__(self, store: ox.Store):
        from oxrdflib import OxigraphStore  # here: it imports rdflib's SPARQL engine

        super().__init__(store=OxigraphStore(store=store), default_union=True)
        self.oxigraph = store

    def query_native(self, text: str) -> object:
        """pyoxigraph's answer to ``text``, with the Dataset's prefixes known (as in rdflib)."""
        prefixes = {prefix: str(namespace) for prefix, namespace in self.namespaces()}
        return self.oxigraph.query(text, use_default_graph_as_union=True, prefixes=prefixes)
