"""Choosing what to export: the whole graph, or some reports with the reference data they use.

A selection (:func:`select`) keeps each chosen report's named graph whole, the part of the
cross-report graph that concerns those reports alone (their follow-up links, the
partnerships of their force), and, in the reference graph, only what they point at: their
force, questions (with the questions above them and their framework), grades, pillars,
partner bodies and types, themes, units and the data structure definition, each with
everything the reference graph says about it. So an export of one force stands alone without
carrying the 43 forces and every gazetteer entry.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS

from .. import iris
from ..errors import InputError
from ..iris import PEEL, REFERENCE_GRAPH

#: Links from a reference node to many others (a scheme to all its concepts): kept only when
#: both ends are in the selection, never followed.
_FAN_OUT = frozenset(
    {SKOS.hasTopConcept, SKOS.narrower, SKOS.member, DCTERMS.hasPart, ORG.hasSubOrganization}
)
#: Links kept as they are but not followed: types, and mappings to other years' questions.
_LINK_ONLY = frozenset(
    {
        RDF.type,
        DCTERMS.replaces,
        DCTERMS.isReplacedBy,
        SKOS.closeMatch,
        SKOS.exactMatch,
        SKOS.relatedMatch,
        SKOS.related,
    }
)


@dataclass(frozen=True)
class ReportGraph:
    """One report's named graph: its key, report IRI and force IRI."""

    key: str
    graph: URIRef
    report: URIRef
    force: URIRef | None


def new_dataset() -> Dataset:
    """An empty Dataset with peelgraph's prefixes bound (and nothing taken from an input)."""
    ds = Dataset()
    for prefix, namespace in iris.PREFIXES.items():
        ds.bind(prefix, namespace, replace=True)
    return ds


def report_graphs(ds: Dataset) -> list[ReportGraph]:
    """The report graphs of a Dataset (named ``pid:graph/{key}``, holding report ``key``)."""
    found: list[ReportGraph] = []
    prefix = str(iris.report_graph(""))
    for graph in ds.graphs():
        name = graph.identifier
        if not isinstance(name, URIRef) or not str(name).startswith(prefix) or not len(graph):
            continue
        key = str(name)[len(prefix) :]
        report = iris.report(key)
        if (report, RDF.type, PEEL.InspectionReport) not in graph:
            continue  # the reference graph, or a graph that is not a report's
        force = graph.value(report, PEEL.force)
        found.append(ReportGraph(key, name, report, force if isinstance(force, URIRef) else None))
    return sorted(found, key=lambda r: r.key)


def select(
    ds: Dataset,
    *,
    forces: Iterable[str] = (),
    reports: Iterable[str] = (),
    where: str | None = None,
) -> Dataset:
    """A new Dataset of the chosen reports (by force slug or report key) and their references.

    With neither forces nor reports, every graph of ``ds`` is copied. Otherwise the result holds
    every report that matches any of them. An unknown slug or key raises :class:`InputError`.
    """
    forces, reports = list(dict.fromkeys(forces)), list(dict.fromkeys(reports))
    out = new_dataset()
    if not forces and not reports:
        for graph in ds.graphs():
            target = out.graph(graph.identifier)
            for triple in graph:
                target.add(triple)
        return out
    chosen = choose(report_graphs(ds), forces, reports, where)
    selected = Graph()
    for name in sorted({r.graph for r in chosen}):
        source, target = ds.graph(name), out.graph(name)
        for triple in source:
            target.add(triple)
            selected.add(triple)
    links = links_about(ds.graph(iris.LINKS_GRAPH), chosen)
    if len(links):
        target = out.graph(iris.LINKS_GRAPH)
        for triple in links:
            target.add(triple)
            selected.add(triple)
    reference = reference_about(ds.graph(REFERENCE_GRAPH), selected)
    if len(reference):
        target = out.graph(REFERENCE_GRAPH)
        for triple in reference:
            target.add(triple)
    return out


def _near(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(close) + "?"
    return ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")


def choose(
    available: list[ReportGraph],
    forces: Iterable[str],
    reports: Iterable[str],
    where: str | None = None,
) -> list[ReportGraph]:
    """The report graphs of the given force slugs and report keys; an unknown one is an
    :class:`InputError` naming the closest known ones."""
    forces, reports = list(dict.fromkeys(forces)), list(dict.fromkeys(reports))
    if not available:
        raise InputError(
            "the graph holds no named report graphs to choose from",
            where=where,
            hint="export from the TriG or N-Quads file 'peelgraph build' writes",
        )
    chosen: list[ReportGraph] = []
    slugs = sorted({str(r.force).rsplit("/", 1)[-1] for r in available if r.force})
    for slug in forces:
        matched = [r for r in available if r.force == iris.force(slug)]
        if not matched:
            raise InputError(
                f"no report of force {slug!r}", where=where, hint="forces: " + _near(slug, slugs)
            )
        chosen.extend(matched)
    keys = [r.key for r in available]
    for key in reports:
        matched = [r for r in available if r.key == key]
        if not matched:
            raise InputError(f"no report {key!r}", where=where, hint="reports: " + _near(key, keys))
        chosen.extend(matched)
    return chosen


def links_about(links: Graph, chosen: list[ReportGraph]) -> Graph:
    """The part of the cross-report graph that stays true of the chosen reports alone: the
    follow-up links between two of their items, and the partnerships whose every partner
    link is in one of them (all of a force's, when the force is chosen)."""
    prefixes = tuple(f"{r.report}/" for r in chosen)
    result = Graph()
    for later, earlier in links.subject_objects(PEEL.followsUp):
        if str(later).startswith(prefixes) and str(earlier).startswith(prefixes):
            result.add((later, PEEL.followsUp, earlier))
    for node in links.subjects(RDF.type, PEEL.Partnership):
        gathered = list(links.objects(node, PEEL.partnerLink))
        if gathered and all(str(link).startswith(prefixes) for link in gathered):
            for triple in links.triples((node, None, None)):
                result.add(triple)
    return result


def reference_about(reference: Graph, selected: Graph) -> Graph:
    """The part of the reference graph that describes what ``selected`` points at."""
    seeds = {t for s, _, o in selected for t in (s, o) if isinstance(t, URIRef)}
    closure: set[URIRef] = set()
    todo = sorted(seeds)
    while todo:
        node = todo.pop()
        if node in closure:
            continue
        closure.add(node)
        for p, o in reference.predicate_objects(node):
            if isinstance(o, URIRef) and p not in _FAN_OUT and p not in _LINK_ONLY:
                if o not in closure:
                    todo.append(o)
    result = Graph()
    for node in closure:
        for p, o in reference.predicate_objects(node):
            if p in _FAN_OUT and o not in closure:
                continue
            result.add((node, p, o))
    return result
