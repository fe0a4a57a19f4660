"""The Python API for scripts: open a built graph (or an endpoint) and run saved queries.

    >>> from peelgraph import open_graph
    >>> kg = open_graph("build/peel.trig")
    >>> [q.name for q in kg.queries()][:2]
    ['select_afis_by_question', 'select_data_quality']
    >>> rows = kg.run("select_afis_by_question", theme="digital-evidence").rows
    >>> kg.run("select_grade_pivot").dataframe()   # with the 'pandas' extra
    >>> session = open_graph("build/peel.trig", in_memory=True)  # slower to open, faster after

Rows are dicts of plain Python values; numbers come back as numbers.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from .queries import SavedQuery, get_query, list_queries
from .store import Endpoint, QueryResult, open_dataset, run_sparql


class PeelGraph:
    """A knowledge graph to ask questions of: an embedded store or a remote endpoint."""

    def __init__(self, source: Dataset | Endpoint):
        self.source = source

    def queries(self) -> list[SavedQuery]:
        """The saved queries, with their summaries and parameters."""
        return list_queries()

    def query(self, name: str) -> SavedQuery:
        return get_query(name)

    def run(self, name: str, **params: object) -> QueryResult:
        """Run a saved query; keyword arguments are its parameters. A force, theme, partner,
        question or year the graph does not hold is a QueryError naming the closest."""
        from .app import run_saved_query

        return run_saved_query(name, self.source, {k: str(v) for k, v in params.items()})

    def sparql(self, text: str) -> QueryResult:
        """Run any SPARQL query (the default graph is the union of all graphs)."""
        return run_sparql(self.source, text)

    @property
    def dataset(self) -> Dataset:
        """The rdflib Dataset behind an embedded graph (not available for an endpoint)."""
        if isinstance(self.source, Endpoint):
            raise TypeError("a remote endpoint has no local Dataset")
        return self.source


def open_graph(
    path: str | Path, backend: str = "oxigraph", *, in_memory: bool = False
) -> PeelGraph:
    """A built graph file, in the embedded Oxigraph store (default) or rdflib's memory store.

    The Oxigraph store is the persistent one the build leaves beside the file: it opens at
    once. ``in_memory`` loads the file into an Oxigraph store in memory instead: seconds to
    open for a whole corpus, then each query several times faster (for a session that runs
    many queries; see docs/benchmarks.md).
    """
    return PeelGraph(open_dataset(Path(path), backend, persistent=not in_memory))


def connect(url: str, timeout: float = 30.0) -> PeelGraph:
    """A remote SPARQL 1.1 query endpoint (credentials from PEELGRAPH_ENDPOINT_* variables)."""
    return PeelGraph(Endpoint(url, timeout))
