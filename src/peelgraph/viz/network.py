"""The partnership network as a networkx graph, built from the rows of the saved query
``select_findings_by_partner`` (every partner): forces and partner bodies as nodes, one edge
per force and partner weighted by the number of items (findings, areas for improvement,
causes of concern, recommendations) that evidence the link."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..store import QueryResult, Source, run_query, run_sparql

QUERY = "select_findings_by_partner"
FORCE_TYPE = "police force (inspected)"


@dataclass(frozen=True)
class Evidence:
    item: str
    kind: str
    code: str  # the core question
    text: str
    file: str
    page: int | None
    year: int | None = None  # the PEEL year of the report


def network_rows(source: Source, force: str = "", question: str = "") -> QueryResult:
    """The rows the network is drawn from: the saved query's, for every partner body."""
    return run_query(QUERY, source, {"partner": "", "force": force, "question": question})


QUESTION_TEXTS = """
PREFIX peel: <https://w3id.org/peelgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?code ?text WHERE {
  ?framework a peel:QuestionFramework .
  ?q skos:inScheme ?framework ; skos:notation ?code ; skos:prefLabel ?text .
}
"""


def question_texts(source: Source) -> dict[str, str]:
    """The questions' texts by code, from the reference graph the source carries (a
    built file holds the frameworks it was built with, synthetic ones included)."""
    return {str(row["code"]): str(row["text"]) for row in run_sparql(source, QUESTION_TEXTS).rows}


def _year(value: object) -> int | None:
    try:
        return int(str(value)[:4])
    except (TypeError, ValueError):
        return None


def build_network(result: QueryResult, min_weight: int = 1) -> nx.Graph:
    """Nodes: forces and partners; edges: evidenced links (weight = number of items).

    Node attributes: ``label``, ``kind`` (force or partner), ``partner_type``, ``questions``
    (core question codes, "; "-joined), ``degree``. Edge attributes: ``weight``, ``questions``,
    ``evidence`` (item IRIs, "; "-joined) and, for the HTML view, ``items`` (a list of
    :class:`Evidence`). Every attribute is a plain str or int.
    """
    g = nx.Graph()
    edges: dict[tuple[str, str], dict[str, Evidence]] = {}
    for row in result.rows:
        force, partner = str(row["forceIri"]), str(row["partnerIri"])
        g.add_node(force, label=str(row["force"]), kind="force", partner_type=FORCE_TYPE)
        g.add_node(
            partner,
            label=str(row["partner"]),
            kind="partner",
            partner_type=str(row.get("partnerType") or "other"),
        )
        page = row.get("page")
        evidence = Evidence(
            item=str(row["item"]),
            kind=str(row["kind"]),
            code=str(row["core"]),
            text=str(row["text"]),
            file=str(row.get("file") or ""),
            page=int(page) if isinstance(page, int) and page != 99999 else None,
            year=_year(row.get("year")),
        )
        edges.setdefault((force, partner), {})[evidence.item] = evidence
    for (force, partner), items in edges.items():
        if len(items) < min_weight:
            continue
        ordered = sorted(items.values(), key=lambda e: (e.code, e.item))
        questions = sorted({e.code for e in ordered})
        g.add_edge(
            force,
            partner,
            weight=len(ordered),
            questions="; ".join(questions),
            evidence="; ".join(e.item for e in ordered),
            items=ordered,
        )
    g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    for node in g.nodes:
        codes = sorted(
            {q for _, _, d in g.edges(node, data=True) for q in d["questions"].split("; ")}
        )
        g.nodes[node]["questions"] = "; ".join(codes)
        g.nodes[node]["degree"] = int(g.degree(node))
    return g


def for_export(g: nx.Graph) -> nx.Graph:
    """A copy without the Python objects, for GraphML and GEXF."""
    out = nx.Graph()
    for node, data in g.nodes(data=True):
        out.add_node(node, **{k: v for k, v in data.items() if isinstance(v, (str, int, float))})
    for a, b, data in g.edges(data=True):
        out.add_edge(a, b, **{k: v for k, v in data.items() if isinstance(v, (str, int, float))})
    return out


@dataclass(frozen=True)
class NetworkStats:
    degree: list[tuple[str, float]]
    betweenness: list[tuple[str, float]]
    communities: list[list[str]]

    def as_text(self, top: int = 10) -> str:
        lines = ["Degree centrality (top)"]
        lines += [f"  {v:6.3f}  {n}" for n, v in self.degree[:top]]
        lines.append("Betweenness centrality (top)")
        lines += [f"  {v:6.3f}  {n}" for n, v in self.betweenness[:top]]
        lines.append(f"Communities ({len(self.communities)})")
        for i, members in enumerate(self.communities, start=1):
            lines.append(f"  {i}. " + ", ".join(members))
        return "\n".join(lines)


def network_stats(g: nx.Graph) -> NetworkStats:
    """Degree and betweenness centrality and communities (greedy modularity), by label."""
    label = {n: g.nodes[n].get("label", n) for n in g.nodes}
    degree = sorted(nx.degree_centrality(g).items(), key=lambda kv: (-kv[1], label[kv[0]]))
    between = sorted(
        nx.betweenness_centrality(g, weight=None).items(), key=lambda kv: (-kv[1], label[kv[0]])
    )
    communities = (
        [
            sorted(label[n] for n in c)
            for c in nx.community.greedy_modularity_communities(g, weight="weight")
        ]
        if g.number_of_edges()
        else []
    )
    return NetworkStats(
        [(label[n], v) for n, v in degree],
        [(label[n], v) for n, v in between],
        sorted(communities, key=lambda c: (-len(c), c)),
    )
