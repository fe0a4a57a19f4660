"""The partnership network: who each force works with, on what, on what evidence.

Built with networkx from the saved query ``select_findings_by_partner`` (every partner body),
drawn as one offline HTML page (vis-network inlined from the installed pyvis package), as SVG
or PNG (matplotlib), or written as GraphML or GEXF for Gephi and yEd.
"""

from .network import build_network, network_rows, network_stats
from .render import SUFFIXES, write

__all__ = ["SUFFIXES", "build_network", "network_rows", "network_stats", "write"]
