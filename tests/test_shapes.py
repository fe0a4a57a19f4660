"""Each SHACL shape is shown to pass on a small valid graph and to fail on a broken one.

The valid graph is built from model objects (not from a document), so every test starts from
a known-good state and breaks exactly one thing; the assertions name the focus node, the
path and the message the shape reports. Every test runs on both SHACL engines (pyshacl-turbo,
the default, and pySHACL), which must report the same results.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, QB, RDF, SKOS, XSD

from peelgraph import iris
from peelgraph.context import ENGINES, BuildContext, context_for, default_context
from peelgraph.iris import OA, PEEL
from peelgraph.model import (
    AreaForImprovement,
    CauseOfConcern,
    Document,
    Finding,
    FollowUp,
    Footnote,
    GlossaryEntry,
    Judgment,
    Observation,
    Recommendation,
    Report,
    SourceFile,
    Span,
)
from peelgraph.rdf import report_graph
from peelgraph.validate import validate_graph

TEXT = (
    "PEEL: Police effectiveness 2016\n\nGood\n\nThe force works with the MASH well.\n\n"
    "- The force should improve.\n\nRecorded crime\t55.5\t68.2\n"
)
SHA = "a" * 64
KEY = "thames-valley-2016-effectiveness"
REPORT = iris.report(KEY)


def _span(fragment: str) -> tuple[Span, ...]:
    start = TEXT.index(fragment)
    return (Span(start, start + len(fragment), 3, SHA),)


def valid_report() -> Report:
    return Report(
        documents=(Document(SourceFile("r.txt", "r.txt", SHA, "full-report"), TEXT),),
        force_name="Thames Valley Police",
        force_slug="thames-valley",
        force_known=True,
        year=2016,
        pillar="effectiveness",
        framework="questions-2016-effectiveness",
        title="PEEL: Police effectiveness 2016",
        published="2017-03",
        isbn="978-1-78655-374-4",
        publisher="hmic",
        judgments=(
            Judgment("2016-EFF-1", "good", _span("Good"), "summary-of-findings"),
            Judgment("2016-EFF-5", "ungraded", _span("Good"), "summary-of-findings"),
        ),
        findings=(
            Finding(
                "2016-EFF-1.1",
                "The force works with the MASH well.",
                _span("The force works with the MASH well."),
                mentions=("partner/mash",),
                items=("The force works", "with the MASH well."),
                sources=("partner/home-office",),
            ),
        ),
        afis=(
            AreaForImprovement(
                "2016-EFF-1",
                "The force should improve.",
                _span("The force should improve."),
                themes=("general-policing",),
            ),
        ),
        causes_of_concern=(
            CauseOfConcern(
                "2016-EFF-1", "The force should improve.", _span("The force should improve.")
            ),
        ),
        recommendations=(
            Recommendation(
                "2016-EFF-1",
                "The force should improve.",
                _span("The force should improve."),
                concern=0,
                deadline="within three months",
            ),
        ),
        follow_ups=(
            FollowUp(
                "2016-EFF-1.1",
                "The force works with the MASH well.",
                _span("The force works with the MASH well."),
                earlier_year=2015,
                earlier_text="the force should work with the MASH.",
                progress="improved",
            ),
        ),
        glossary=(
            GlossaryEntry(
                "MASH", "multi-agency safeguarding hub", _span("MASH"), "partner/mash", footnote=1
            ),
        ),
        footnotes=(
            Footnote(
                1,
                "The force should improve.",
                _span("The force should improve."),
                _span("The force works with the MASH well.")[0],
            ),
        ),
        observations=(
            Observation(
                "crime/recorded",
                "Recorded crime",
                "thames-valley",
                "12 months to 30 June 2016",
                "per-1000-population",
                Decimal("55.5"),
                "Figure 2",
                _span("55.5"),
                period_end="2016-06-30",
            ),
            Observation(
                "crime/recorded",
                "Recorded crime",
                "england-and-wales",
                "12 months to 30 June 2016",
                "per-1000-population",
                Decimal("68.2"),
                "Figure 2",
                _span("68.2"),
            ),
        ),
    )


@pytest.fixture(params=ENGINES)
def ctx(request) -> BuildContext:
    """Run the test on each SHACL engine in turn."""
    return context_for((), request.param)


@pytest.fixture()
def graph() -> Graph:
    report = valid_report()
    return report_graph(report, default_context().vocabulary.framework(report.year, report.pillar))


def _node(g: Graph, cls: URIRef) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def results(g: Graph, ctx: BuildContext) -> list[tuple[str, str | None, str]]:
    report = validate_graph(g, ctx)
    return [(v.focus, v.path, v.message) for v in report.violations]


def assert_fails(
    g: Graph, ctx: BuildContext, focus: URIRef, path: URIRef | None, message: str
) -> None:
    found = results(g, ctx)
    assert any(
        f == str(focus) and (path is None or p == str(path)) and message in m for f, p, m in found
    ), f"expected [{focus} {path}: {message}] in {found}"


def assert_fails_with_value(
    g: Graph, ctx: BuildContext, focus: URIRef, value: URIRef, message: str
) -> None:
    found = [(v.focus, v.value, v.message) for v in validate_graph(g, ctx).violations]
    assert any(f == str(focus) and v == str(value) and message in m for f, v, m in found), (
        f"expected [{focus} value {value}: {message}] in {found}"
    )


def test_the_valid_graph_conforms(graph, ctx):
    report = validate_graph(graph, ctx)
    assert report.conforms, report.as_text()
    assert report.violations == []


def test_the_shapes_conform_to_shacl_itself():
    conforms, _, text = shacl_validate(
        Graph(), shacl_graph=default_context().shapes, meta_shacl=True
    )
    assert conforms, text


def test_report_needs_one_title(graph, ctx):
    graph.remove((REPORT, DCTERMS.title, None))
    assert_fails(graph, ctx, REPORT, DCTERMS.title, "exactly one title")


def test_report_is_about_one_force(graph, ctx):
    graph.add((REPORT, PEEL.force, iris.force("hampshire")))
    assert_fails(graph, ctx, REPORT, PEEL.force, "exactly one peel:Force")


def test_report_year_is_a_gyear(graph, ctx):
    graph.set((REPORT, PEEL.peelYear, Literal("twenty sixteen")))
    assert_fails(graph, ctx, REPORT, PEEL.peelYear, "PEEL year")


def test_source_document_digest_must_be_sha256(graph, ctx):
    source = _node(graph, PEEL.SourceDocument)
    graph.set((source, PEEL.sha256, Literal("not-a-digest")))
    assert_fails(graph, ctx, source, PEEL.sha256, "SHA-256")


def test_source_document_format_is_known(graph, ctx):
    source = _node(graph, PEEL.SourceDocument)
    graph.set((source, PEEL.documentFormat, Literal("tweet")))
    assert_fails(graph, ctx, source, PEEL.documentFormat, "one of the page kinds read")


def test_judgment_grade_must_be_allowed_by_the_framework(graph, ctx):
    judgment = iris.judgment(KEY, "2016-EFF-1")
    graph.set((judgment, PEEL.grade, iris.grade("adequate")))
    assert_fails_with_value(graph, ctx, REPORT, judgment, "which the framework does not allow")


def test_ungraded_question_cannot_be_graded(graph, ctx):
    judgment = iris.judgment(KEY, "2016-EFF-5")
    graph.set((judgment, PEEL.grade, iris.grade("good")))
    assert_fails_with_value(graph, ctx, REPORT, judgment, "is not graded by its framework")


def test_judgment_grades_a_core_or_headline_question(graph, ctx):
    judgment = iris.judgment(KEY, "2016-EFF-1")
    graph.set((judgment, PEEL.question, iris.question("2016-EFF-1.1")))
    assert_fails(graph, ctx, judgment, PEEL.question, "headline or core question")


def test_two_judgments_of_one_question(graph, ctx):
    other = URIRef(str(iris.judgment(KEY, "2016-EFF-1")) + "-copy")
    for p, o in graph.predicate_objects(iris.judgment(KEY, "2016-EFF-1")):
        graph.add((other, p, o))
    assert_fails_with_value(graph, ctx, REPORT, other, "has two judgments of question")


def test_judgment_needs_a_span(graph, ctx):
    judgment = iris.judgment(KEY, "2016-EFF-1")
    graph.remove((judgment, PEEL.hasSpan, None))
    assert_fails(graph, ctx, judgment, PEEL.hasSpan, "source text that states it")


def test_item_question_must_be_in_the_reports_framework(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.set((finding, PEEL.question, iris.question("2015-EFF-1")))
    assert_fails_with_value(graph, ctx, REPORT, finding, "is not in the framework of its report")


def test_finding_text_must_not_be_empty(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.set((finding, PEEL.text, Literal("")))
    assert_fails(graph, ctx, finding, PEEL.text, "non-empty text")


def test_finding_needs_an_ordinal(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.remove((finding, PEEL.ordinal, None))
    assert_fails(graph, ctx, finding, PEEL.ordinal, "one ordinal")


def test_finding_text_hash_is_twelve_hex_digits(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.set((finding, PEEL.textHash, Literal("not-a-hash")))
    assert_fails(graph, ctx, finding, PEEL.textHash, "one text hash")


def test_finding_needs_a_text_hash(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.remove((finding, PEEL.textHash, None))
    assert_fails(graph, ctx, finding, PEEL.textHash, "one text hash")


def test_follow_up_needs_a_text_hash(graph, ctx):
    follow_up = _node(graph, PEEL.FollowUp)
    graph.remove((follow_up, PEEL.textHash, None))
    assert_fails(graph, ctx, follow_up, PEEL.textHash, "one text hash")


def test_an_items_former_iri_is_an_iri(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.add((finding, OWL.sameAs, Literal("old")))
    assert_fails(graph, ctx, finding, OWL.sameAs, "former IRIs are IRIs")


def test_finding_mentions_only_reference_partners(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.add((finding, PEEL.mentions, iris.partner("no-such-body")))
    assert_fails(graph, ctx, finding, PEEL.mentions, "partner bodies")


def test_finding_type_from_the_scheme(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.add((finding, PEEL.findingType, iris.grade("good")))
    assert_fails(graph, ctx, finding, PEEL.findingType, "at most one type")


def test_finding_theme_from_the_scheme(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.add((finding, PEEL.theme, iris.grade("good")))
    assert_fails(graph, ctx, finding, PEEL.theme, "theme scheme")


def test_finding_has_one_question(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.add((finding, PEEL.question, iris.question("2016-EFF-1.2")))
    assert_fails(graph, ctx, finding, PEEL.question, "exactly one framework question")


def test_area_for_improvement_sits_under_a_core_question(graph, ctx):
    afi = _node(graph, PEEL.AreaForImprovement)
    graph.set((afi, PEEL.question, iris.question("2016-EFF-1.1")))
    assert_fails(graph, ctx, afi, PEEL.question, "exactly one core question")


def test_area_for_improvement_needs_a_span(graph, ctx):
    afi = _node(graph, PEEL.AreaForImprovement)
    graph.remove((afi, PEEL.hasSpan, None))
    assert_fails(graph, ctx, afi, PEEL.hasSpan, "at least one span")


def test_span_points_into_a_source_document(graph, ctx):
    span = _node(graph, OA.SpecificResource)
    graph.remove((span, OA.hasSource, None))
    assert_fails(graph, ctx, span, OA.hasSource, "exactly one source document")


def test_span_has_one_position_selector(graph, ctx):
    span = _node(graph, OA.SpecificResource)
    for selector in list(graph.objects(span, OA.hasSelector)):
        if (selector, RDF.type, OA.TextPositionSelector) in graph:
            graph.remove((span, OA.hasSelector, selector))
    assert_fails(graph, ctx, span, OA.hasSelector, "text position selector")


def test_span_page_is_a_positive_integer(graph, ctx):
    span = _node(graph, OA.SpecificResource)
    graph.set((span, PEEL.page, Literal(0)))
    assert_fails(graph, ctx, span, PEEL.page, "positive integer")


def test_a_graph_read_back_from_a_triple_store_conforms(graph, ctx):
    """Oxigraph (like other stores) reads xsd:nonNegativeInteger and xsd:positiveInteger back
    as xsd:integer: the shapes accept that, so a graph exported from a store validates."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    back = Graph().parse(
        data=ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads"
    )
    selector = _node(back, OA.TextPositionSelector)
    assert back.value(selector, OA.end).datatype == XSD.integer  # what the store did
    assert validate_graph(back, ctx).conforms, validate_graph(back, ctx).as_text()


@pytest.mark.parametrize(
    ("cls", "path", "value", "message"),
    [
        (OA.SpecificResource, PEEL.page, Literal("3"), "positive integer"),
        (OA.SpecificResource, PEEL.page, Literal(-2, datatype=XSD.integer), "positive integer"),
        (PEEL.Finding, PEEL.firstPage, Literal(0, datatype=XSD.integer), "first page"),
        (PEEL.Finding, PEEL.firstPage, Literal(2.0), "first page"),
        (OA.TextPositionSelector, OA.end, Literal("12"), "one end offset"),
        (OA.TextPositionSelector, OA.end, Literal(-1, datatype=XSD.integer), "one end offset"),
        (OA.TextPositionSelector, OA.start, Literal(-1, datatype=XSD.integer), "before its end"),
    ],
)
def test_offsets_and_pages_are_integers_in_range(graph, cls, path, value, message, ctx):
    node = _node(graph, cls)
    graph.set((node, path, value))
    assert_fails(graph, ctx, node, path, message)


def test_position_start_is_before_end(graph, ctx):
    selector = _node(graph, OA.TextPositionSelector)
    end = graph.value(selector, OA.end)
    graph.set((selector, OA.start, Literal(end.toPython() + 5, datatype=XSD.nonNegativeInteger)))
    assert_fails(graph, ctx, selector, OA.start, "before its end")


def test_quote_selector_quotes_a_passage(graph, ctx):
    selector = _node(graph, OA.TextQuoteSelector)
    graph.remove((selector, OA.exact, None))
    assert_fails(graph, ctx, selector, OA.exact, "non-empty passage")


def test_partner_link_needs_evidence(graph, ctx):
    link = _node(graph, PEEL.PartnerLink)
    graph.remove((link, PEEL.evidence, None))
    assert_fails(graph, ctx, link, PEEL.evidence, "evidenced by findings")


def test_partner_link_ends_at_a_partner(graph, ctx):
    link = _node(graph, PEEL.PartnerLink)
    graph.set((link, PEEL.partner, iris.grade("good")))
    assert_fails(graph, ctx, link, PEEL.partner, "exactly one partner")


def test_data_set_needs_a_structure(graph, ctx):
    ds = _node(graph, QB.DataSet)
    graph.remove((ds, QB.structure, None))
    assert_fails(graph, ctx, ds, QB.structure, "structure definition")


def test_observation_needs_a_unit(graph, ctx):
    obs = _node(graph, QB.Observation)
    graph.remove((obs, PEEL.unit, None))
    assert_fails(graph, ctx, obs, PEEL.unit, "exactly one unit")


def test_observation_value_is_a_decimal(graph, ctx):
    obs = _node(graph, QB.Observation)
    graph.set((obs, PEEL.value, Literal("55.5")))
    assert_fails(graph, ctx, obs, PEEL.value, "xsd:decimal value")


def test_observation_area_is_a_force_or_comparator(graph, ctx):
    obs = _node(graph, QB.Observation)
    graph.set((obs, PEEL.refArea, iris.partner("mash")))
    assert_fails(graph, ctx, obs, PEEL.refArea, "exactly one area")


def test_observations_do_not_share_all_dimensions(graph, ctx):
    first, second = sorted(graph.subjects(RDF.type, QB.Observation))
    graph.set((second, PEEL.refArea, graph.value(first, PEEL.refArea)))
    assert_fails_with_value(graph, ctx, _node(graph, QB.DataSet), first, "IC-12")


def test_indicator_needs_a_label(graph, ctx):
    indicator = _node(graph, PEEL.Indicator)
    graph.remove((indicator, SKOS.prefLabel, None))
    assert_fails(graph, ctx, indicator, SKOS.prefLabel, "indicator has a label")


def test_force_slug_is_lower_case_words(graph, ctx):
    force = iris.force("wessex")
    graph.add((force, RDF.type, PEEL.Force))
    graph.add((force, SKOS.prefLabel, Literal("Wessex Police")))
    graph.add((force, PEEL.slug, Literal("Wessex Police")))
    assert_fails(graph, ctx, force, PEEL.slug, "one slug")


def test_question_code_follows_the_rule(graph, ctx):
    question = iris.question("2016-EFF-9")
    graph.add((question, RDF.type, PEEL.Question))
    graph.add((question, SKOS.prefLabel, Literal("How?")))
    graph.add((question, SKOS.notation, Literal("Q9")))
    graph.add((question, SKOS.inScheme, iris.scheme("questions-2016-effectiveness")))
    assert_fails(graph, ctx, question, SKOS.notation, "one code")


def test_core_question_sits_under_a_broader_question(graph, ctx):
    question = iris.question("2016-EFF-9")
    graph.add((question, RDF.type, PEEL.CoreQuestion))
    assert_fails(graph, ctx, question, None, "sits under exactly one broader question")


def test_diagnostic_question_sits_under_a_broader_question(graph, ctx):
    question = iris.question("2016-EFF-1.9")
    graph.add((question, RDF.type, PEEL.DiagnosticQuestion))
    assert_fails(graph, ctx, question, SKOS.broader, "exactly one broader question")


def test_partner_needs_a_type(graph, ctx):
    partner = iris.partner("new-body")
    graph.add((partner, RDF.type, PEEL.PartnerBody))
    graph.add((partner, SKOS.prefLabel, Literal("New body")))
    assert_fails(graph, ctx, partner, PEEL.partnerType, "type from the partner-type scheme")


def test_area_for_improvement_has_a_theme(graph, ctx):
    afi = _node(graph, PEEL.AreaForImprovement)
    graph.remove((afi, PEEL.theme, None))
    assert_fails(graph, ctx, afi, PEEL.theme, "at least one theme")


def test_follow_up_year_is_a_gyear(graph, ctx):
    follow_up = _node(graph, PEEL.FollowUp)
    graph.set((follow_up, PEEL.earlierYear, Literal("last year")))
    assert_fails(graph, ctx, follow_up, PEEL.earlierYear, "earlier year")


def test_follow_up_progress_from_the_scheme(graph, ctx):
    follow_up = _node(graph, PEEL.FollowUp)
    graph.set((follow_up, PEEL.progress, iris.grade("good")))
    assert_fails(graph, ctx, follow_up, PEEL.progress, "progress scheme")


def test_follow_up_needs_text(graph, ctx):
    follow_up = _node(graph, PEEL.FollowUp)
    graph.remove((follow_up, PEEL.text, None))
    assert_fails(graph, ctx, follow_up, PEEL.text, "non-empty text")


def test_glossary_entry_needs_an_expansion(graph, ctx):
    entry = _node(graph, PEEL.GlossaryEntry)
    graph.remove((entry, PEEL.expansion, None))
    assert_fails(graph, ctx, entry, PEEL.expansion, "exactly one expansion")


def test_glossary_entry_refers_to_a_partner(graph, ctx):
    entry = _node(graph, PEEL.GlossaryEntry)
    graph.set((entry, PEEL.refersTo, iris.grade("good")))
    assert_fails(graph, ctx, entry, PEEL.refersTo, "at most one partner")


def test_recommendation_addresses_a_cause_of_concern(graph, ctx):
    recommendation = _node(graph, PEEL.Recommendation)
    graph.set((recommendation, PEEL.addresses, _node(graph, PEEL.AreaForImprovement)))
    assert_fails(graph, ctx, recommendation, PEEL.addresses, "at most one cause of concern")


def test_cause_of_concern_without_recommendation_is_a_warning(graph, ctx):
    recommendation = _node(graph, PEEL.Recommendation)
    graph.remove((recommendation, PEEL.addresses, None))
    report = validate_graph(graph, ctx)
    assert report.conforms  # a warning, not a violation
    concern = _node(graph, PEEL.CauseOfConcern)
    assert [(v.focus, v.severity) for v in report.violations] == [(str(concern), "warning")]


def test_cause_of_concern_sits_under_a_core_question(graph, ctx):
    concern = _node(graph, PEEL.CauseOfConcern)
    graph.set((concern, PEEL.question, iris.question("2016-EFF-1.1")))
    assert_fails(graph, ctx, concern, PEEL.question, "exactly one core question")


def test_finding_is_evidence_for_at_most_one_judgment(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    assert graph.value(finding, PEEL.evidenceFor) == iris.judgment(KEY, "2016-EFF-1")
    graph.add((finding, PEEL.evidenceFor, iris.judgment(KEY, "2016-EFF-5")))
    assert_fails(graph, ctx, finding, PEEL.evidenceFor, "evidence for at most one judgment")


def test_finding_is_evidence_for_a_judgment_only(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.set((finding, PEEL.evidenceFor, REPORT))
    assert_fails_with_value(graph, ctx, finding, REPORT, "evidence for at most one judgment")


def test_area_for_improvement_is_supported_by_findings_only(graph, ctx):
    afi = _node(graph, PEEL.AreaForImprovement)
    graph.add((afi, PEEL.supportedBy, REPORT))
    assert_fails_with_value(graph, ctx, afi, REPORT, "supported by findings of its own report")


def test_observation_is_compared_with_a_comparator_area_value(graph, ctx):
    force_value, comparator = (
        iris.observation(KEY, "crime/recorded", area, "12 months to 30 June 2016")
        for area in ("thames-valley", "england-and-wales")
    )
    assert graph.value(force_value, PEEL.comparedWith) == comparator
    graph.add((comparator, PEEL.comparedWith, force_value))  # the force's is no comparator's
    assert_fails_with_value(
        graph, ctx, comparator, force_value, "compared with observations of a comparator area"
    )


def test_what_is_read_from_the_text_names_its_documents_and_first_page(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    source = iris.source_document(KEY, SHA)
    assert graph.value(finding, PROV.wasDerivedFrom) == source
    assert graph.value(finding, PEEL.firstPage) == Literal(3, datatype=XSD.positiveInteger)
    graph.remove((finding, PROV.wasDerivedFrom, None))
    graph.add((finding, PEEL.firstPage, Literal(4, datatype=XSD.positiveInteger)))
    assert_fails(graph, ctx, finding, PROV.wasDerivedFrom, "names the source documents")
    assert_fails(graph, ctx, finding, PEEL.firstPage, "at most one first page")


def test_footnote_needs_a_number(graph, ctx):
    note = _node(graph, PEEL.Footnote)
    graph.remove((note, PEEL.footnoteNumber, None))
    assert_fails(graph, ctx, note, PEEL.footnoteNumber, "exactly one number")


def test_footnote_number_is_positive(graph, ctx):
    note = _node(graph, PEEL.Footnote)
    graph.set((note, PEEL.footnoteNumber, Literal(0)))
    assert_fails(graph, ctx, note, PEEL.footnoteNumber, "positive integer")


def test_footnote_needs_a_text_and_a_span(graph, ctx):
    note = _node(graph, PEEL.Footnote)
    graph.remove((note, PEEL.text, None))
    graph.remove((note, PEEL.hasSpan, None))
    assert_fails(graph, ctx, note, PEEL.text, "non-empty text")
    assert_fails(graph, ctx, note, PEEL.hasSpan, "its passage")


def test_footnote_is_cited_in_a_finding(graph, ctx):
    note = _node(graph, PEEL.Footnote)
    assert graph.value(note, PEEL.citedIn) == _node(graph, PEEL.Finding)
    graph.set((note, PEEL.citedIn, _node(graph, PEEL.AreaForImprovement)))
    assert_fails(graph, ctx, note, PEEL.citedIn, "cited in at most one finding")


def test_glossary_entry_is_defined_in_a_footnote(graph, ctx):
    entry = _node(graph, PEEL.GlossaryEntry)
    assert graph.value(entry, PEEL.definedIn) == _node(graph, PEEL.Footnote)
    graph.set((entry, PEEL.definedIn, _node(graph, PEEL.Finding)))
    assert_fails(graph, ctx, entry, PEEL.definedIn, "defined in at most one footnote")


def test_bullet_list_holds_texts(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    head = graph.value(finding, PEEL.bulletList)
    assert [str(x) for x in graph.items(head)] == ["The force works", "with the MASH well."]
    graph.set((head, RDF.first, Literal("")))
    assert_fails(graph, ctx, finding, PEEL.bulletList, "list of bullets")


def test_a_cited_source_is_a_reference_body(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    assert graph.value(finding, PEEL.citesSource) == iris.partner("home-office")
    graph.add((finding, PEEL.citesSource, iris.partner("no-such-body")))
    assert_fails(graph, ctx, finding, PEEL.citesSource, "cites as sources")


def test_an_item_is_cut_once_and_only_as_true(graph, ctx):
    afi = _node(graph, PEEL.AreaForImprovement)
    graph.add((afi, PEEL.isCut, Literal(True)))
    assert not [r for r in results(graph, ctx) if r[1] == str(PEEL.isCut)]  # true is valid
    graph.add((afi, PEEL.isCut, Literal("yes")))
    assert_fails(graph, ctx, afi, PEEL.isCut, "an item cut short by its page says so once")


def test_a_whole_item_does_not_say_cut_false(graph, ctx):
    finding = _node(graph, PEEL.Finding)
    graph.add((finding, PEEL.isCut, Literal(False)))
    assert_fails(graph, ctx, finding, PEEL.isCut, "as true (absent when whole)")


def test_a_carried_over_judgment_names_one_earlier_year(graph, ctx):
    judgment = iris.judgment(KEY, "2016-EFF-1")
    graph.add((judgment, PEEL.carriedOverFrom, Literal("2015")))  # a string, not a gYear
    assert_fails(graph, ctx, judgment, PEEL.carriedOverFrom, "at most one earlier year")


def test_a_judgment_carries_over_one_earlier_judgment(graph, ctx):
    later, first, second = (
        iris.judgment(KEY, c) for c in ("2016-EFF-1", "2016-EFF-2", "2016-EFF-3")
    )
    graph.add((later, PEEL.carriedOverJudgment, first))
    graph.add((later, PEEL.carriedOverJudgment, second))
    assert_fails(graph, ctx, later, PEEL.carriedOverJudgment, "at most one earlier judgment")


def test_an_area_of_policing_has_no_question_number_nor_a_numbered_code(graph, ctx):
    area = iris.question("2021-PEEL-juggling")
    graph.add((area, RDF.type, PEEL.AreaOfPolicing))
    graph.add((area, RDF.type, PEEL.CoreQuestion))
    graph.add((area, RDF.type, PEEL.Question))
    graph.add((area, SKOS.notation, Literal("2021-PEEL-4")))
    graph.add((area, PEEL.questionNumber, Literal(4)))
    assert_fails(graph, ctx, area, SKOS.notation, "never a framework number")
    assert_fails(graph, ctx, area, PEEL.questionNumber, "has no question number")


def test_a_question_code_is_a_number_or_an_area_name(graph, ctx):
    question = iris.question("2016-EFF-juggling")
    graph.add((question, RDF.type, PEEL.Question))
    graph.add((question, SKOS.notation, Literal("2016-EFF-Juggling")))
    assert_fails(graph, ctx, question, SKOS.notation, "a question has one code")


def test_a_judgment_of_a_packaged_area_of_policing_conforms(ctx):
    from peelgraph.extract import extract_text

    from .conftest import FICTIONAL_FORCES
    from .extract.test_areas_2021 import REPORT

    context = context_for((FICTIONAL_FORCES,), ctx.engine)
    report = extract_text(REPORT, context.vocabulary, path="page.txt", sha256="0" * 64)
    g = report_graph(report, context.vocabulary.framework(2021, "peel"))
    result = validate_graph(g, context)
    assert result.conforms, result.as_text()
