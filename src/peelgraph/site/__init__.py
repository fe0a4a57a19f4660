"""A static site of the graph: home (grade pivot, national picture), a page per force,
report, judgment, question, theme and item, offline search, linked data beside every page.

Every page is fed by saved queries (:mod:`peelgraph.site.data`); charts are SVG drawn at build
time (:mod:`peelgraph.site.charts`); similar items come from TF-IDF (:mod:`.similar`);
templates are Jinja2, autoescaped. :func:`build_site` is the whole job.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from ..store import Source
from .builder import SiteOutcome, path_of, write_site
from .data import SiteData, read_site_data

__all__ = ["SiteData", "SiteOutcome", "build_site", "ego_views", "path_of", "read_site_data"]


def ego_views(source: Source, reference: Graph) -> Callable[[str], str | None]:
    """A force's partnership ego view (the viz package's) as SVG, by force slug; None for a
    force with no partner links or no region."""
    from ..errors import PeelgraphError
    from ..viz import ViewChoice, build_network, make_view, network_rows, viz_reference

    network = build_network(network_rows(source))
    style = viz_reference(reference)

    def ego(slug: str) -> str | None:
        try:
            return make_view(network, style, ViewChoice("ego", force=slug)).svg
        except PeelgraphError:
            return None

    return ego


def build_site(source: Source, folder: Path, reference: Graph, workers: int = 1) -> SiteOutcome:
    """Read the graph of ``source`` through the saved queries and write the site into
    ``folder`` (new or empty); ``workers`` processes write the item pages."""
    from ..errors import PeelgraphError

    try:
        import matplotlib  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise PeelgraphError(
            f"the site needs {exc.name}, which is not installed",
            hint="pip install 'peelgraph[site]'",
        ) from exc
    data = read_site_data(source)
    return write_site(folder, data, ego_views(source, reference), workers)
