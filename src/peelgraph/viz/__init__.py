"""The partnership network: who each force works with, on what, on what evidence.

Built with networkx from the saved query ``select_findings_by_partner`` (every partner body),
aggregated (partner types, regions, weights, top partners), laid out in Python and drawn as
SVG: one offline HTML page with the SVG inline, an SVG or PNG file, or GraphML or GEXF for
Gephi and yEd. Views: a network (a star for one force, two grouped columns for several), a
matrix (forces x partners, ordered by clustering) and an ego view (a force and its region).
"""

from .aggregate import BY, aggregate
from .network import build_network, network_rows, network_stats
from .render import SUFFIXES
from .style import VizReference, viz_reference
from .views import VIEWS, View, ViewChoice, draw_partnerships, make_view

__all__ = [
    "BY",
    "SUFFIXES",
    "VIEWS",
    "View",
    "ViewChoice",
    "VizReference",
    "aggregate",
    "build_network",
    "draw_partnerships",
    "make_view",
    "network_rows",
    "network_stats",
    "viz_reference",
]
