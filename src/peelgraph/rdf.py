"""Mapping: model objects to RDF. Knows the model, not text.

:func:`report_graph` turns one :class:`~peelgraph.model.Report` into the triples of its named
graph; :func:`build_dataset` puts every report graph and the reference graph into one rdflib
Dataset. All IRIs come from :mod:`peelgraph.iris`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, SKOS, XSD

from . import __version__, iris
from .derived import Partnership, comparisons, evidence_for, mentions, supporting_findings
from .iris import OA, PEEL, REFERENCE_GRAPH
from .links import Link
from .model import (
    AreaForImprovement,
    CauseOfConcern,
    Finding,
    Observation,
    Recommendation,
    Report,
    Span,
)
from .vocab import Framework, Vocabulary

Item = Finding | AreaForImprovement | CauseOfConcern | Recommendation


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An empty graph with peelgraph's prefixes, on rdflib's triples-only store (a report
    graph needs no contexts, and that store adds triples about a third faster)."""
    graph = Graph(store="SimpleMemory", identifier=identifier)
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _partner_iri(partner_id: str) -> URIRef:
    return iris.partner_ref(partner_id)


class _ReportMapper:
    def __init__(self, report: Report, graph: Graph, framework: Framework | None):
        self.report = report
        self.framework = framework
        self.key = report.key
        self.g = graph
        self.subject = iris.report(self.key)
        self.force = iris.force(report.force_slug)
        self.sources = {
            doc.source.sha256: iris.source_document(self.key, doc.source.sha256)
            for doc in report.documents
        }

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        if o is None:
            return
        self.g.add((s, p, o if isinstance(o, (URIRef, Literal)) else Literal(o)))

    def map(self) -> None:
        r, g, s = self.report, self.g, self.subject
        g.add((s, RDF.type, PEEL.InspectionReport))
        self.add(s, DCTERMS.title, Literal(r.title) if r.title else None)
        if r.published:
            g.add((s, DCTERMS.issued, Literal(r.published, datatype=XSD.gYearMonth)))
        self.add(s, PEEL.isbn, Literal(r.isbn) if r.isbn else None)
        if r.publisher:
            g.add((s, DCTERMS.publisher, iris.organisation(r.publisher)))
        g.add((s, PEEL.force, self.force))
        g.add((s, PEEL.peelYear, Literal(str(r.year), datatype=XSD.gYear)))
        g.add((s, PEEL.pillar, iris.pillar(r.pillar)))
        g.add((s, PEEL.framework, iris.scheme(r.framework)))
        g.add((s, PEEL.extractorVersion, Literal(__version__)))
        if not r.force_known:
            g.add((self.force, RDF.type, PEEL.Force))
            g.add((self.force, SKOS.prefLabel, Literal(r.force_name, lang="en")))
            g.add((self.force, PEEL.slug, Literal(r.force_slug)))
        for doc in r.documents:
            src = self.sources[doc.source.sha256]
            g.add((s, PROV.wasDerivedFrom, src))
            g.add((src, RDF.type, PEEL.SourceDocument))
            g.add((src, PEEL.fileName, Literal(doc.source.name)))
            g.add((src, PEEL.sha256, Literal(doc.source.sha256)))
            g.add((src, PEEL.documentFormat, Literal(doc.source.document_format)))
            g.add((src, DCTERMS.format, Literal(doc.source.media_type)))
        for j in r.judgments:
            node = iris.judgment(self.key, j.question)
            g.add((node, RDF.type, PEEL.Judgment))
            g.add((node, DCTERMS.isPartOf, s))
            g.add((node, PEEL.force, self.force))
            g.add((node, PEEL.question, iris.question(j.question)))
            g.add((node, PEEL.grade, iris.grade(j.grade)))
            self.spans(node, j.spans)
        findings: list[URIRef] = []
        for n, f in enumerate(r.findings, start=1):
            # the same sentence twice in one question is one finding with two spans, under
            # the heading where it first appears
            first = (item_iri(self.key, "finding", f.question, f.text), RDF.type, PEEL.Finding)
            first_time = first not in g
            node = self.item("finding", PEEL.Finding, f, n)
            if f.section and first_time:
                g.add((node, PEEL.section, Literal(f.section)))
            if f.finding_type:
                g.add((node, PEEL.findingType, iris.finding_type(f.finding_type)))
            findings.append(node)
        afis = [self.item("afi", PEEL.AreaForImprovement, a, n) for n, a in enumerate(r.afis, 1)]
        self.derived(findings, afis)
        concern_nodes = []
        for n, c in enumerate(r.causes_of_concern, start=1):
            node = self.item("concern", PEEL.CauseOfConcern, c, n)
            concern_nodes.append(node)
        for n, rec in enumerate(r.recommendations, start=1):
            node = self.item("recommendation", PEEL.Recommendation, rec, n)
            if rec.concern is not None and 0 <= rec.concern < len(concern_nodes):
                g.add((node, PEEL.addresses, concern_nodes[rec.concern]))
            if rec.deadline:
                g.add((node, PEEL.deadline, Literal(rec.deadline)))
        for n, fu in enumerate(r.follow_ups, start=1):
            node = item_iri(self.key, "follow-up", fu.question, fu.text)
            g.add((node, RDF.type, PEEL.FollowUp))
            g.add((node, DCTERMS.isPartOf, s))
            g.add((node, PEEL.question, iris.question(fu.question)))
            g.add((node, PEEL.text, Literal(fu.text)))
            g.add((node, PEEL.ordinal, Literal(n)))
            if fu.earlier_year:
                g.add((node, PEEL.earlierYear, Literal(str(fu.earlier_year), datatype=XSD.gYear)))
            if fu.earlier_text:
                g.add((node, PEEL.earlierText, Literal(fu.earlier_text)))
            if fu.progress:
                g.add((node, PEEL.progress, iris.progress(fu.progress)))
            self.spans(node, fu.spans)
        for n, entry in enumerate(r.glossary, start=1):
            node = iris.glossary_entry(self.key, entry.acronym)
            g.add((node, RDF.type, PEEL.GlossaryEntry))
            g.add((node, DCTERMS.isPartOf, s))
            g.add((node, PEEL.acronym, Literal(entry.acronym)))
            g.add((node, PEEL.expansion, Literal(entry.expansion)))
            g.add((node, PEEL.ordinal, Literal(n)))
            if entry.refers_to:
                g.add((node, PEEL.refersTo, _partner_iri(entry.refers_to)))
            self.spans(node, entry.spans)
        for pid, evidence in sorted(mentions(r).items()):
            link = iris.partner_link(self.key, pid)
            g.add((link, RDF.type, PEEL.PartnerLink))
            g.add((link, DCTERMS.isPartOf, s))
            g.add((link, PEEL.force, self.force))
            g.add((link, PEEL.partner, _partner_iri(pid)))
            for e in evidence:
                g.add((link, PEEL.evidence, item_iri(self.key, e.kind, e.question, e.text)))
        if r.observations:
            self.observations(r.observations)

    def derived(self, findings: list[URIRef], afis: list[URIRef]) -> None:
        """The relations :mod:`peelgraph.derived` reads from the report's own structure."""
        for n, code in evidence_for(self.report, self.framework).items():
            self.g.add((findings[n], PEEL.evidenceFor, iris.judgment(self.key, code)))
        for n, supporting in supporting_findings(self.report, self.framework).items():
            for i in supporting:
                self.g.add((afis[n], PEEL.supportedBy, findings[i]))

    def item(self, kind: str, cls: URIRef, it: Item, ordinal: int) -> URIRef:
        node = item_iri(self.key, kind, it.question, it.text)
        g = self.g
        first = (node, RDF.type, cls) not in g
        g.add((node, RDF.type, cls))
        g.add((node, DCTERMS.isPartOf, self.subject))
        g.add((node, PEEL.question, iris.question(it.question)))
        g.add((node, PEEL.text, Literal(it.text)))
        if first:
            g.add((node, PEEL.ordinal, Literal(ordinal)))
        for pid in it.mentions:
            g.add((node, PEEL.mentions, _partner_iri(pid)))
        for theme in it.themes:
            g.add((node, PEEL.theme, iris.theme(theme)))
        self.spans(node, it.spans)
        return node

    def spans(self, node: URIRef, spans: tuple[Span, ...]) -> None:
        """The node's source passages, and what they sum up to: the documents it was read
        from (``prov:wasDerivedFrom``) and the first printed page (``peel:firstPage``)."""
        g = self.g
        existing = len(list(g.objects(node, PEEL.hasSpan)))
        pages = [span.page for span in spans if span.page is not None]
        if pages:
            first = min(pages)
            held = g.value(node, PEEL.firstPage)
            if held is None or first < int(held):
                g.set((node, PEEL.firstPage, Literal(first, datatype=XSD.positiveInteger)))
        for n, span in enumerate(spans, start=existing + 1):
            sha = span.doc or self.report.source.sha256
            g.add((node, PROV.wasDerivedFrom, self.sources[sha]))
            text = self.report.text_of(sha)
            sp = iris.span(node, n)
            pos = URIRef(f"{sp}/position")
            quote = URIRef(f"{sp}/quote")
            g.add((node, PEEL.hasSpan, sp))
            g.add((sp, RDF.type, OA.SpecificResource))
            g.add((sp, OA.hasSource, self.sources[sha]))
            g.add((sp, OA.hasSelector, pos))
            g.add((sp, OA.hasSelector, quote))
            if span.page is not None:
                g.add((sp, PEEL.page, Literal(span.page, datatype=XSD.positiveInteger)))
            g.add((pos, RDF.type, OA.TextPositionSelector))
            g.add((pos, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
            g.add((pos, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(text[span.start : span.end])))

    def observations(self, observations: tuple[Observation, ...]) -> None:
        g = self.g
        ds = iris.dataset(self.key)
        g.add((ds, RDF.type, QB.DataSet))
        g.add((ds, QB.structure, iris.DSD))
        g.add((ds, DCTERMS.isPartOf, self.subject))
        g.add((ds, DCTERMS.title, Literal(f"Metrics of {self.report.title or self.key}")))
        nodes = [iris.observation(self.key, o.indicator, o.area, o.period) for o in observations]
        for node, o in zip(nodes, observations, strict=True):
            area = iris.force(o.area) if o.area == self.report.force_slug else iris.area(o.area)
            ind = iris.indicator(o.indicator)
            g.add((ind, RDF.type, PEEL.Indicator))
            g.add((ind, SKOS.prefLabel, Literal(o.indicator_label, lang="en")))
            g.add((ind, SKOS.inScheme, iris.scheme("indicators")))
            g.add((node, RDF.type, QB.Observation))
            g.add((node, QB.dataSet, ds))
            g.add((node, PEEL.indicator, ind))
            g.add((node, PEEL.refArea, area))
            g.add((node, PEEL.refPeriod, Literal(o.period)))
            if o.period_end:
                g.add((node, PEEL.periodEnd, Literal(o.period_end, datatype=XSD.date)))
            g.add((node, PEEL.value, Literal(o.value, datatype=XSD.decimal)))
            g.add((node, PEEL.unit, iris.unit(o.unit)))
            g.add((node, PEEL.figure, Literal(o.figure)))
            for prop, value in (
                (PEEL.dataSource, o.source),
                (PEEL.rowLabel, o.row_label),
                (PEEL.outcomeNumber, o.outcome_number),
                (PEEL.rowGroup, o.row_group),
            ):
                if value:
                    g.add((node, prop, Literal(value)))
            self.spans(node, o.spans)
        for n, m in comparisons(observations, self.report.force_slug):
            g.add((nodes[n], PEEL.comparedWith, nodes[m]))


def item_iri(report_key: str, kind: str, question: str, text: str) -> URIRef:
    """The IRI of a free-text item (finding, afi, concern, recommendation, follow-up)."""
    return iris.item(report_key, kind, f"{question}|{text}")


def links_graph(links: list[Link]) -> tuple[Graph, Graph]:
    """The follow-up links across reports as their own named graph, and the typing its
    validation needs.

    The second graph states what each end of a link is (from the reports it comes from), so
    that the links can be validated without loading every report graph.
    """
    graph = new_graph(iris.LINKS_GRAPH)
    types = Graph()
    for link in links:
        later = item_iri(link.later_report, link.later_kind, link.later.question, link.later.text)
        earlier = item_iri(link.earlier_report, "afi", link.earlier.question, link.earlier.text)
        graph.add((later, PEEL.followsUp, earlier))
        later_class = PEEL.FollowUp if link.later_kind == "follow-up" else PEEL.AreaForImprovement
        types.add((later, RDF.type, later_class))
        types.add((earlier, RDF.type, PEEL.AreaForImprovement))
    return graph, types


def partnership_ntriples(partnerships: Iterable[Partnership]) -> tuple[str, str]:
    """The partnerships as N-Triples (for the cross-report graph), and the typing of the
    partner links they gather (for their validation).

    Written as text, not through an rdflib Graph: the build remakes these tens of thousands of
    triples on every run, a rebuild after one change included, and every term is an IRI
    minted in :mod:`peelgraph.iris`, an integer or a year.
    """
    lines: list[str] = []
    types: list[str] = []
    a, link_class = f"<{RDF.type}>", f"<{PEEL.PartnerLink}>"
    year = f"^^<{XSD.gYear}>"
    integer = f"^^<{XSD.integer}>"
    for p in partnerships:
        node = f"<{iris.partnership(p.force, p.partner)}>"
        items = {item_iri(e.report, e.kind, e.question, e.text) for e in p.evidence}
        lines += [
            f"{node} {a} <{PEEL.Partnership}> .",
            f"{node} <{PEEL.force}> <{iris.force(p.force)}> .",
            f"{node} <{PEEL.partner}> <{_partner_iri(p.partner)}> .",
            f'{node} <{PEEL.evidenceCount}> "{len(items)}"{integer} .',
            f'{node} <{PEEL.reportCount}> "{len(p.reports)}"{integer} .',
            f'{node} <{PEEL.firstYear}> "{p.years[0]}"{year} .',
            f'{node} <{PEEL.lastYear}> "{p.years[-1]}"{year} .',
        ]
        lines += [f"{node} <{PEEL.coreQuestion}> <{iris.question(c)}> ." for c in p.core_questions]
        for key in p.reports:
            link = f"<{iris.partner_link(key, p.partner)}>"
            lines.append(f"{node} <{PEEL.partnerLink}> {link} .")
            types.append(f"{link} {a} {link_class} .")
    return "".join(line + "\n" for line in lines), "".join(line + "\n" for line in types)


def report_graph(report: Report, vocab: Vocabulary | None = None) -> Graph:
    """The named graph of one report (its question framework read from ``vocab``, by default
    the loaded reference data)."""
    from .reference import load_vocabulary

    framework = (vocab or load_vocabulary()).framework(report.year, report.pillar)
    graph = new_graph(iris.report_graph(report.key))
    _ReportMapper(report, graph, framework).map()
    return graph


def build_dataset(graphs: Iterable[Graph], reference: Graph | None) -> Dataset:
    """A Dataset with each report graph as a named graph, plus the reference graph."""
    ds = Dataset()
    for prefix, namespace in iris.PREFIXES.items():
        ds.bind(prefix, namespace)
    if reference is not None:
        ref = ds.graph(REFERENCE_GRAPH)
        for triple in reference:
            ref.add(triple)
    for graph in graphs:
        named = ds.graph(graph.identifier)
        for triple in graph:
            named.add(triple)
    return ds
