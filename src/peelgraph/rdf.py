"""Mapping: model objects to RDF. Knows the model, not text.

:func:`report_graph` turns one :class:`~peelgraph.model.Report` into the triples of its named
graph; :func:`build_dataset` puts every report graph and the reference graph into one rdflib
Dataset. All IRIs come from :mod:`peelgraph.iris`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns

from . import iris
from .derived import Partnership, comparisons, evidence_for, mentions, supporting_findings
from .identity import item_keys
from .iris import REFERENCE_GRAPH
from .links import CarriedOver, Link
from .model import Item, Observation, Report, Span
from .textkeys import short_hash
from .version import package_version
from .vocab import Framework


class _Terms:
    """A namespace whose terms are looked up once: an attribute of an rdflib namespace costs
    1-2 µs each time, and the mapper writes about 35 of them for every item (at 50,000
    items, about 2 s of the mapping). A term not in a closed namespace still fails."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:  # only called the first time
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term  # type: ignore[no-any-return]


DCTERMS, OWL, PROV, QB = (_Terms(n) for n in (ns.DCTERMS, ns.OWL, ns.PROV, ns.QB))
RDF, SKOS, XSD = _Terms(ns.RDF), _Terms(ns.SKOS), _Terms(ns.XSD)
OA, PEEL = _Terms(iris.OA), _Terms(iris.PEEL)


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An empty graph with peelgraph's prefixes, on rdflib's triples-only store (a report
    graph needs no contexts, and that store adds triples about a third faster)."""
    graph = Graph(store="SimpleMemory", identifier=identifier)
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _partner_iri(partner_id: str) -> URIRef:
    return iris.partner_ref(partner_id)


class _Triples:
    """The triples of one report as the mapper writes them: a set of triples with the few
    reads the mapper makes, kept the way rdflib's ``SimpleMemory`` store keeps them (subject,
    then predicate, then object, each in the order first added; a removed object leaves its
    predicate in place), so that they iterate in the same order as a Graph built by the same
    calls. A 50,000-item report adds 1.2 million triples: an rdflib Graph checks each term
    and indexes each triple three ways, and its terms and store hold cycles that only a full
    garbage collection frees, which together took about a third of the build."""

    def __init__(self) -> None:
        self.spo: dict[object, dict[object, dict[object, None]]] = {}

    def add(self, triple: tuple[object, object, object]) -> None:
        s, p, o = triple
        po = self.spo.get(s)
        if po is None:
            po = self.spo[s] = {}
        objects = po.get(p)
        if objects is None:
            objects = po[p] = {}
        objects[o] = None

    def __contains__(self, triple: tuple[object, object, object]) -> bool:
        s, p, o = triple
        return o in self.spo.get(s, {}).get(p, ())

    def objects(self, s: object, p: object) -> list[object]:
        return list(self.spo.get(s, {}).get(p, ()))

    def value(self, s: object, p: object) -> object | None:
        return next(iter(self.spo.get(s, {}).get(p, ())), None)

    def set(self, triple: tuple[object, object, object]) -> None:
        """Graph.set: every object of (subject, predicate) replaced by this one."""
        s, p, _ = triple
        self.spo.get(s, {}).get(p, {}).clear()
        self.add(triple)

    def list_of(self, head: BNode, items: Sequence[object]) -> None:
        """An RDF list of ``items`` (at least one) from the new node ``head``, written as
        ``rdflib.collection.Collection(graph, head, items)`` writes it."""
        end = head
        for n, item in enumerate(items):
            if n:
                rest = BNode()
                self.add((end, RDF.rest, rest))
                end = rest
            self.add((end, RDF.first, item))
        self.add((end, RDF.rest, RDF.nil))

    def __iter__(self) -> Iterator[tuple[object, object, object]]:
        for s, po in self.spo.items():
            for p, objects in po.items():
                for o in objects:
                    yield s, p, o


class _ReportMapper:
    """Writes one report's triples into its graph, one part of the report per method."""

    def __init__(self, report: Report, framework: Framework | None):
        self.report = report
        self.framework = framework
        self.key = report.key
        self.g = _Triples()
        self.subject = iris.report(self.key)
        self.force = iris.force(report.force_slug)
        self.sources = {
            doc.source.sha256: iris.source_document(self.key, doc.source.sha256)
            for doc in report.documents
        }

    def map(self) -> None:
        r = self.report
        self.report_node()
        self.source_documents()
        self.judgments()
        findings = self.findings()
        afis = self.listed("afi", PEEL.AreaForImprovement, r.afis)
        self.derived(findings, afis)
        concerns = self.listed("concern", PEEL.CauseOfConcern, r.causes_of_concern)
        self.recommendations(concerns)
        self.follow_ups()
        self.footnotes(findings)
        self.glossary()
        self.partner_links()
        if r.observations:
            self.observations(r.observations)

    def report_node(self) -> None:
        r, g, s = self.report, self.g, self.subject
        g.add((s, RDF.type, PEEL.InspectionReport))
        if r.title:
            g.add((s, DCTERMS.title, Literal(r.title)))
        if r.published:
            g.add((s, DCTERMS.issued, Literal(r.published, datatype=XSD.gYearMonth)))
        if r.isbn:
            g.add((s, PEEL.isbn, Literal(r.isbn)))
        if r.publisher:
            g.add((s, DCTERMS.publisher, iris.organisation(r.publisher)))
        g.add((s, PEEL.force, self.force))
        g.add((s, PEEL.peelYear, Literal(str(r.year), datatype=XSD.gYear)))
        g.add((s, PEEL.pillar, iris.pillar(r.pillar)))
        g.add((s, PEEL.framework, iris.scheme(r.framework)))
        g.add((s, PEEL.extractorVersion, Literal(package_version())))
        if not r.force_known:
            g.add((self.force, RDF.type, PEEL.Force))
            g.add((self.force, SKOS.prefLabel, Literal(r.force_name, lang="en")))
            g.add((self.force, PEEL.slug, Literal(r.force_slug)))

    def source_documents(self) -> None:
        g = self.g
        for doc in self.report.documents:
            src = self.sources[doc.source.sha256]
            g.add((self.subject, PROV.wasDerivedFrom, src))
            g.add((src, RDF.type, PEEL.SourceDocument))
            g.add((src, PEEL.fileName, Literal(doc.source.name)))
            g.add((src, PEEL.sha256, Literal(doc.source.sha256)))
            g.add((src, PEEL.documentFormat, Literal(doc.source.document_format)))
            g.add((src, DCTERMS.format, Literal(doc.source.media_type)))

    def judgments(self) -> None:
        g = self.g
        for j in self.report.judgments:
            node = iris.judgment(self.key, j.question)
            g.add((node, RDF.type, PEEL.Judgment))
            g.add((node, DCTERMS.isPartOf, self.subject))
            g.add((node, PEEL.force, self.force))
            g.add((node, PEEL.question, iris.question(j.question)))
            g.add((node, PEEL.grade, iris.grade(j.grade)))
            if j.carried_from is not None:
                g.add(
                    (node, PEEL.carriedOverFrom, Literal(str(j.carried_from), datatype=XSD.gYear))
                )
            self.spans(node, j.spans)

    def findings(self) -> list[URIRef]:
        """The findings (the same sentence twice in one question is one finding with two
        spans, under the heading where it first appears)."""
        nodes = self.listed("finding", PEEL.Finding, self.report.findings)
        seen: set[URIRef] = set()
        for node, f in zip(nodes, self.report.findings, strict=True):
            if node in seen:
                continue
            seen.add(node)
            if f.section:
                self.g.add((node, PEEL.section, Literal(f.section)))
            if f.finding_type:
                self.g.add((node, PEEL.findingType, iris.finding_type(f.finding_type)))
            if f.items:
                head = BNode()
                self.g.list_of(head, [Literal(text) for text in f.items])
                self.g.add((node, PEEL.bulletList, head))
        return nodes

    def listed(self, kind: str, cls: URIRef, items: Sequence[Item]) -> list[URIRef]:
        """The items of one kind, each named by its key (:mod:`peelgraph.identity`): one node
        per item, in order (a repeated text gives the node of its first occurrence)."""
        nodes = []
        for ordinal, (it, key) in enumerate(zip(items, item_keys(items), strict=True), start=1):
            node = iris.item(self.key, kind, key)
            if (node, RDF.type, cls) not in self.g:
                self.item_node(node, kind, cls, it, ordinal)
            for pid in it.mentions:
                self.g.add((node, PEEL.mentions, _partner_iri(pid)))
            for pid in it.sources:
                self.g.add((node, PEEL.citesSource, _partner_iri(pid)))
            for theme in it.themes:
                self.g.add((node, PEEL.theme, iris.theme(theme)))
            self.spans(node, it.spans)
            nodes.append(node)
        return nodes

    def item_node(self, node: URIRef, kind: str, cls: URIRef, it: Item, ordinal: int) -> None:
        g = self.g
        g.add((node, RDF.type, cls))
        g.add((node, DCTERMS.isPartOf, self.subject))
        g.add((node, PEEL.question, iris.question(it.question)))
        g.add((node, PEEL.text, Literal(it.text)))
        g.add((node, PEEL.ordinal, Literal(ordinal)))
        g.add((node, PEEL.textHash, Literal(short_hash(f"{it.question}|{it.text}"))))
        if it.cut:
            g.add((node, PEEL.isCut, Literal(True)))
        g.add((node, OWL.sameAs, iris.legacy_item(self.key, kind, it.question, it.text)))

    def derived(self, findings: list[URIRef], afis: list[URIRef]) -> None:
        """The relations :mod:`peelgraph.derived` reads from the report's own structure."""
        for n, code in evidence_for(self.report, self.framework).items():
            self.g.add((findings[n], PEEL.evidenceFor, iris.judgment(self.key, code)))
        for n, supporting in supporting_findings(self.report, self.framework).items():
            for i in supporting:
                self.g.add((afis[n], PEEL.supportedBy, findings[i]))

    def recommendations(self, concerns: list[URIRef]) -> None:
        recommendations = self.report.recommendations
        nodes = self.listed("recommendation", PEEL.Recommendation, recommendations)
        for node, rec in zip(nodes, recommendations, strict=True):
            if rec.concern is not None and 0 <= rec.concern < len(concerns):
                self.g.add((node, PEEL.addresses, concerns[rec.concern]))
            if rec.deadline:
                self.g.add((node, PEEL.deadline, Literal(rec.deadline)))

    def follow_ups(self) -> None:
        g = self.g
        follow_ups = self.report.follow_ups
        for n, (fu, key) in enumerate(zip(follow_ups, item_keys(follow_ups), strict=True), 1):
            node = iris.item(self.key, "follow-up", key)
            g.add((node, RDF.type, PEEL.FollowUp))
            g.add((node, DCTERMS.isPartOf, self.subject))
            g.add((node, PEEL.question, iris.question(fu.question)))
            g.add((node, PEEL.text, Literal(fu.text)))
            g.add((node, PEEL.ordinal, Literal(n)))
            g.add((node, PEEL.textHash, Literal(short_hash(f"{fu.question}|{fu.text}"))))
            legacy = iris.legacy_item(self.key, "follow-up", fu.question, fu.text)
            g.add((node, OWL.sameAs, legacy))
            if fu.earlier_year:
                g.add((node, PEEL.earlierYear, Literal(str(fu.earlier_year), datatype=XSD.gYear)))
            if fu.earlier_text:
                g.add((node, PEEL.earlierText, Literal(fu.earlier_text)))
            if fu.progress:
                g.add((node, PEEL.progress, iris.progress(fu.progress)))
            self.spans(node, fu.spans)

    def glossary(self) -> None:
        g = self.g
        for n, entry in enumerate(self.report.glossary, start=1):
            node = iris.glossary_entry(self.key, entry.acronym)
            g.add((node, RDF.type, PEEL.GlossaryEntry))
            g.add((node, DCTERMS.isPartOf, self.subject))
            g.add((node, PEEL.acronym, Literal(entry.acronym)))
            g.add((node, PEEL.expansion, Literal(entry.expansion)))
            g.add((node, PEEL.ordinal, Literal(n)))
            if entry.refers_to:
                g.add((node, PEEL.refersTo, _partner_iri(entry.refers_to)))
            if entry.footnote is not None:
                g.add((node, PEEL.definedIn, iris.footnote(self.key, entry.footnote)))
            self.spans(node, entry.spans)

    def footnotes(self, findings: list[URIRef]) -> None:
        """Each footnote: number, text, its own span, and the passage that cites it (a span,
        and the finding whose passage holds the marker, when one does)."""
        g = self.g
        for note in self.report.footnotes:
            node = iris.footnote(self.key, note.number)
            if (node, RDF.type, PEEL.Footnote) in g:
                continue  # a number printed twice: the first note keeps it
            g.add((node, RDF.type, PEEL.Footnote))
            g.add((node, DCTERMS.isPartOf, self.subject))
            g.add((node, PEEL.footnoteNumber, Literal(note.number, datatype=XSD.positiveInteger)))
            g.add((node, PEEL.text, Literal(note.text)))
            self.spans(node, note.spans)
            if note.citation is None:
                continue
            citation = URIRef(f"{node}/citation")
            g.add((node, PEEL.citation, citation))
            self.span_resource(citation, note.citation)
            for finding, f in zip(findings, self.report.findings, strict=True):
                if any(
                    s.doc == note.citation.doc and s.start <= note.citation.end - 1 < s.end
                    for s in f.spans
                ):
                    g.add((node, PEEL.citedIn, finding))
                    break

    def partner_links(self) -> None:
        g = self.g
        for pid, evidence in sorted(mentions(self.report).items()):
            link = iris.partner_link(self.key, pid)
            g.add((link, RDF.type, PEEL.PartnerLink))
            g.add((link, DCTERMS.isPartOf, self.subject))
            g.add((link, PEEL.force, self.force))
            g.add((link, PEEL.partner, _partner_iri(pid)))
            for e in evidence:
                g.add((link, PEEL.evidence, iris.item(self.key, e.kind, e.key)))

    def spans(self, node: URIRef, spans: tuple[Span, ...]) -> None:
        """The node's source passages, and what they sum up to: the documents it was read
        from (``prov:wasDerivedFrom``) and the first printed page (``peel:firstPage``)."""
        g = self.g
        existing = len(list(g.objects(node, PEEL.hasSpan)))
        pages = [span.page for span in spans if span.page is not None]
        if pages:
            first = min(pages)
            held = g.value(node, PEEL.firstPage)
            if held is None or first < int(str(held)):
                g.set((node, PEEL.firstPage, Literal(first, datatype=XSD.positiveInteger)))
        for n, span in enumerate(spans, start=existing + 1):
            self.span(node, iris.span(node, n), span)

    def span(self, node: URIRef, sp: URIRef, span: Span) -> None:
        """One source passage of a node."""
        sha = span.doc or self.report.source.sha256
        self.g.add((node, PROV.wasDerivedFrom, self.sources[sha]))
        self.g.add((node, PEEL.hasSpan, sp))
        self.span_resource(sp, span)

    def span_resource(self, sp: URIRef, span: Span) -> None:
        """A passage as a Web Annotation specific resource with a position and a quote
        selector."""
        g = self.g
        sha = span.doc or self.report.source.sha256
        text = self.report.text_of(sha)
        pos = URIRef(f"{sp}/position")
        quote = URIRef(f"{sp}/quote")
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
            self.observation(node, ds, o)
        for n, m in comparisons(observations, self.report.force_slug):
            g.add((nodes[n], PEEL.comparedWith, nodes[m]))

    def observation(self, node: URIRef, ds: URIRef, o: Observation) -> None:
        g = self.g
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
            (PEEL.valueQualifier, o.qualifier),
        ):
            if value:
                g.add((node, prop, Literal(value)))
        self.spans(node, o.spans)


def links_graph(links: list[Link], carried: Sequence[CarriedOver] = ()) -> tuple[Graph, Graph]:
    """The follow-up links across reports as their own named graph, and the typing its
    validation needs.

    The second graph states what each end of a link is (from the reports it comes from), so
    that the links can be validated without loading every report graph.
    """
    graph = new_graph(iris.LINKS_GRAPH)
    types = Graph()
    for link in links:
        later = iris.item(link.later_report, link.later_kind, link.later_key)
        earlier = iris.item(link.earlier_report, "afi", link.earlier_key)
        graph.add((later, PEEL.followsUp, earlier))
        later_class = PEEL.FollowUp if link.later_kind == "follow-up" else PEEL.AreaForImprovement
        types.add((later, RDF.type, later_class))
        types.add((earlier, RDF.type, PEEL.AreaForImprovement))
    for c in carried:  # not inspected: the earlier judgment that still stands
        later = iris.judgment(c.later_report, c.later.question)
        earlier = iris.judgment(c.earlier_report, c.earlier.question)
        graph.add((later, PEEL.carriedOverJudgment, earlier))
        types.add((later, RDF.type, PEEL.Judgment))
        types.add((earlier, RDF.type, PEEL.Judgment))
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
        items = {iris.item(e.report, e.kind, e.key) for e in p.evidence}
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


def report_graph(report: Report, framework: Framework | None) -> Graph:
    """The named graph of one report; ``framework`` is its year's question framework (the
    derived relations follow its question tree), None when the reference data has none."""
    graph = new_graph(iris.report_graph(report.key))
    mapper = _ReportMapper(report, framework)
    mapper.map()
    for triple in mapper.g:
        graph.add(triple)  # type: ignore[arg-type]
    return graph


def report_ntriples(report: Report, framework: Framework | None) -> tuple[str, str]:
    """The named graph of one report as N-Triples text, and the graph's IRI: the text
    ``ntriples_text(report_graph(report, framework))`` gives, the same triples in the same
    order, without building the rdflib Graph (what the build writes and validates)."""
    mapper = _ReportMapper(report, framework)
    mapper.map()
    rows = _ntriples_rows(mapper.g)
    del mapper  # the triples freed before the text is joined
    return "".join(rows), str(iris.report_graph(report.key))


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


def ntriples_text(graph: Graph) -> str:
    """``graph.serialize(format="nt")``, the same text, faster: rdflib's writer formats (and
    checks) every subject and predicate afresh for each triple, and a report graph names
    each node a dozen times (a 50,000-item report, 1.2 million triples: about 30 % less
    time). Each IRI and blank node is formatted once here, by rdflib's own code; literals as
    rdflib's N-Triples writer quotes them; triples in the graph's own order."""
    return "".join(_ntriples_rows(graph))


def _ntriples_rows(triples: Iterable[tuple[object, object, object]] | _Triples) -> list[str]:
    """Each triple's N-Triples line (see :func:`ntriples_text`), in the order given; of a
    :class:`_Triples`, the subject and predicate formatted once for all their objects."""
    from rdflib.plugins.serializers.nt import _quoteLiteral

    known: dict[object, str] = {}

    def term(node: object) -> str:
        text = known.get(node)
        if text is None:
            text = known[node] = node.n3()  # type: ignore[attr-defined]
        return text

    def obj(o: object) -> str:
        return _quoteLiteral(o) if isinstance(o, Literal) else term(o)

    if isinstance(triples, _Triples):
        return [
            f"{head}{obj(o)} .\n"
            for s, po in triples.spo.items()
            for p, objects in po.items()
            for head in (f"{term(s)} {term(p)} ",)
            for o in objects
        ]
    return [f"{term(s)} {term(p)} {obj(o)} .\n" for s, p, o in triples]
