"""peelgraph: police inspection (PEEL) reports as a validated, queryable RDF knowledge graph.

The pipeline runs in stages, one module each: ``extract`` (text to plain model objects),
``rdf`` (model to an rdflib Dataset), ``validate`` (pySHACL), ``build`` (the whole pipeline),
then querying, export and visualisation. The command line in ``cli`` is a thin layer over them.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("peelgraph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["PeelGraph", "__version__", "connect", "open_graph"]


def __getattr__(name: str) -> object:
    """The API (``open_graph``, ``connect``, ``PeelGraph``) loads on first use, so that
    ``import peelgraph`` stays light."""
    if name in ("PeelGraph", "connect", "open_graph"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'peelgraph' has no attribute {name!r}")
