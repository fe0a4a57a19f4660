"""peelgraph: police inspection (PEEL) reports as a validated, queryable RDF knowledge graph.

The pipeline runs in stages, one module each: ``extract`` (text to plain model objects),
``rdf`` (model to an rdflib Dataset), ``validate`` (pySHACL), ``build`` (the whole pipeline),
then querying, export and visualisation. The command line in ``cli`` is a thin layer over them.
"""

__all__ = ["PeelGraph", "__version__", "connect", "open_graph"]


def __getattr__(name: str) -> object:
    """The API (``open_graph``, ``connect``, ``PeelGraph``) and ``__version__`` (read from the
    installed package's metadata) load on first use, so that ``import peelgraph`` stays light:
    a one-shot query command never pays for importing ``importlib.metadata``."""
    if name == "__version__":
        from .version import package_version

        return package_version()
    if name in ("PeelGraph", "connect", "open_graph"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'peelgraph' has no attribute {name!r}")
