"""What the graph of the seed report must hold (issue 2, point 5), asserted on the RDF."""

from __future__ import annotations

import hashlib

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, SKOS, XSD

from peelgraph import iris
from peelgraph.iris import OA, PEEL, PID

from .conftest import SEED_FULL

REPORT = iris.report("thames-valley-2016-effectiveness")
FORCE = iris.force("thames-valley")


def q(code: str) -> URIRef:
    return iris.question(code)


def test_build_conforms(seed_full_build):
    assert seed_full_build.validation.conforms, seed_full_build.validation.as_text()


def test_force_is_linked_to_its_reference_entry(seed_graph):
    assert (REPORT, PEEL.force, FORCE) in seed_graph
    assert (FORCE, RDF.type, PEEL.Force) in seed_graph
    assert seed_graph.value(FORCE, SKOS.prefLabel) == Literal("Thames Valley Police", lang="en")
    assert seed_graph.value(FORCE, PEEL.onsCode) == Literal("E23000029")


def test_report_metadata(seed_graph):
    g = seed_graph
    assert "PEEL: Police effectiveness 2016" in str(g.value(REPORT, DCTERMS.title))
    assert g.value(REPORT, DCTERMS.issued) == Literal("2017-03", datatype=XSD.gYearMonth)
    assert g.value(REPORT, PEEL.isbn) == Literal("978-1-78655-374-4")
    assert g.value(REPORT, DCTERMS.publisher) == iris.organisation("hmic")
    assert g.value(REPORT, PEEL.peelYear) == Literal("2016", datatype=XSD.gYear)
    assert g.value(REPORT, PEEL.pillar) == iris.pillar("effectiveness")
    assert g.value(REPORT, PEEL.framework) == iris.scheme("questions-2016-effectiveness")


def test_report_source_file_and_digest(seed_graph):
    source = seed_graph.value(REPORT, PROV.wasDerivedFrom)
    assert seed_graph.value(source, PEEL.fileName) == Literal(SEED_FULL.name)
    digest = hashlib.sha256(SEED_FULL.read_bytes()).hexdigest()
    assert seed_graph.value(source, PEEL.sha256) == Literal(digest)


def _grades(g) -> dict[str, str]:
    out = {}
    for j in g.subjects(RDF.type, PEEL.Judgment):
        code = str(g.value(g.value(j, PEEL.question), SKOS.notation))
        out[code] = str(g.value(j, PEEL.grade)).rsplit("/", 1)[-1]
    return out


def test_judgments(seed_graph):
    assert _grades(seed_graph) == {
        "2016-EFF": "good",
        "2016-EFF-1": "good",
        "2016-EFF-2": "good",
        "2016-EFF-3": "good",
        "2016-EFF-4": "good",
        "2016-EFF-5": "ungraded",
    }


def test_each_judgment_is_linked_to_its_question_in_the_2016_scheme(seed_graph):
    scheme = iris.scheme("questions-2016-effectiveness")
    for j in seed_graph.subjects(RDF.type, PEEL.Judgment):
        question = seed_graph.value(j, PEEL.question)
        assert (question, SKOS.inScheme, scheme) in seed_graph
        assert (j, DCTERMS.isPartOf, REPORT) in seed_graph


def test_diagnostic_questions_found_under_their_core_questions(seed_report, seed_graph):
    diagnostic = {c for c in seed_report.sections_found if "." in c}
    assert diagnostic == {
        "2016-EFF-1.1", "2016-EFF-1.2",
        "2016-EFF-2.1", "2016-EFF-2.2", "2016-EFF-2.3",
        "2016-EFF-3.1", "2016-EFF-3.2", "2016-EFF-3.3",
        "2016-EFF-4.1", "2016-EFF-4.2", "2016-EFF-4.3",
        "2016-EFF-5.1", "2016-EFF-5.2",
    }  # fmt: skip
    for code in diagnostic:
        core = code.split(".")[0]
        assert (q(code), SKOS.broader, q(core)) in seed_graph
        findings = set(seed_graph.subjects(PEEL.question, q(code)))
        assert findings, f"no finding under {code}"


def _afis(g) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in g.subjects(RDF.type, PEEL.AreaForImprovement):
        code = str(g.value(g.value(a, PEEL.question), SKOS.notation))
        out.setdefault(code, []).append(str(g.value(a, PEEL.text)))
    return out


def test_exactly_eight_areas_for_improvement_by_core_question(seed_graph):
    afis = _afis(seed_graph)
    counts = {code: len(texts) for code, texts in afis.items()}
    assert counts == {"2016-EFF-1": 1, "2016-EFF-2": 4, "2016-EFF-4": 3}
    assert sum(counts.values()) == 8


def test_areas_for_improvement_keep_their_full_text(seed_graph):
    afis = _afis(seed_graph)
    assert afis["2016-EFF-1"] == [
        "The force should adopt a structured and consistent approach to problem-solving to "
        "enable it to tackle crime and anti-social behaviour more effectively."
    ]
    assert (
        "The force should ensure that it is fully compliant with the Code of Practice for "
        "Victims of Crime." in afis["2016-EFF-2"]
    )
    assert (
        "The force should consider widening its approach to integrated offender management to "
        "include a broader range of offenders. There should be clear measures of success which "
        "enable the force to evaluate how effectively it is protecting the public from prolific "
        "and harmful offenders." in afis["2016-EFF-2"]
    )
    for texts in afis.values():
        for text in texts:
            assert text.startswith("The force should") and text.endswith(".")


def test_every_span_quotes_the_source_exactly(seed_graph):
    text = SEED_FULL.read_text(encoding="utf-8")
    spans = list(seed_graph.subjects(RDF.type, OA.SpecificResource))
    assert len(spans) > 150
    for span in spans:
        selectors = list(seed_graph.objects(span, OA.hasSelector))
        pos = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in seed_graph)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in seed_graph)
        start = seed_graph.value(pos, OA.start).toPython()
        end = seed_graph.value(pos, OA.end).toPython()
        assert text[start:end] == str(seed_graph.value(quote, OA.exact))


def test_findings_are_paragraphs_under_their_questions(seed_graph):
    findings = set(seed_graph.subjects(RDF.type, PEEL.Finding))
    assert len(findings) > 150
    texts = {str(seed_graph.value(f, PEEL.text)) for f in findings}
    assert any(
        t.startswith("The force has a range of methods of engaging with the public.") for t in texts
    )
    # a paragraph cut by a page break and a footnote is one finding with two spans
    cut = next(t for t in texts if t.startswith("HMIC found that the staff in safer neighbourhood"))
    assert "at least once in the previous week. We were reassured" in cut
    node = next(f for f in findings if str(seed_graph.value(f, PEEL.text)) == cut)
    assert len(list(seed_graph.objects(node, PEEL.hasSpan))) == 2
    assert seed_graph.value(node, PEEL.question) == q("2016-EFF-1.1")
    # footnotes are not findings
    assert not any(t.startswith("Neighbourhood Action Groups (NAGS)") for t in texts)


def test_finding_page_numbers_follow_the_contents_list(seed_graph):
    for f in seed_graph.subjects(RDF.type, PEEL.Finding):
        if str(seed_graph.value(f, PEEL.text)).startswith("The force has a range of methods"):
            span = seed_graph.value(f, PEEL.hasSpan)
            assert seed_graph.value(span, PEEL.page).toPython() >= 12


EXPECTED_PARTNERS = {
    "partner/mash", "partner/marac", "partner/mappa", "partner/iom", "partner/serocu",
    "partner/nca", "partner/college-of-policing", "partner/acro", "partner/gain",
    "partner/karma-nirvana", "force/hampshire",
}  # fmt: skip


def _linked_partners(g) -> dict[str, set[URIRef]]:
    out: dict[str, set[URIRef]] = {}
    for link in g.subjects(RDF.type, PEEL.PartnerLink):
        partner = str(g.value(link, PEEL.partner))[len(str(PID)) :]
        out[partner] = set(g.objects(link, PEEL.evidence))
    return out


def test_partner_bodies_are_linked_to_the_findings_that_mention_them(seed_graph):
    links = _linked_partners(seed_graph)
    missing = EXPECTED_PARTNERS - set(links)
    assert not missing, f"partners not found: {sorted(missing)}"
    for partner, evidence in links.items():
        for item in evidence:
            assert (item, PEEL.mentions, PID[partner]) in seed_graph
    karma = links["partner/karma-nirvana"]
    assert any("Karma Nirvana" in str(seed_graph.value(i, PEEL.text)) for i in karma)
    assert "force/thames-valley" not in links


@pytest.mark.parametrize(
    ("figure", "rows"),
    [("Figure 2", 5), ("Figure 4", 20), ("Figure 8", 6)],
)
def test_figure_rows_become_observations_for_force_and_england_and_wales(seed_graph, figure, rows):
    g = seed_graph
    observations = [o for o in g.subjects(PEEL.figure, Literal(figure))]
    areas = {g.value(o, PEEL.refArea) for o in observations}
    assert areas == {FORCE, iris.area("england-and-wales")}
    assert len(observations) == 2 * rows
    for o in observations:
        assert (o, RDF.type, QB.Observation) in g
        assert g.value(o, PEEL.indicator) is not None
        assert g.value(o, PEEL.refPeriod) is not None
        assert g.value(o, PEEL.unit) is not None
        assert g.value(o, PEEL.value).datatype == XSD.decimal


def _value(g, figure: str, row: str, area: URIRef):
    for o in g.subjects(PEEL.figure, Literal(figure)):
        if g.value(o, PEEL.rowLabel) == Literal(row) and g.value(o, PEEL.refArea) == area:
            return o
    raise AssertionError(f"no observation for {figure} {row}")


def test_figure_values_units_and_periods(seed_graph):
    g = seed_graph
    ew = iris.area("england-and-wales")
    o = _value(g, "Figure 2", "Victim-based crime", FORCE)
    assert float(g.value(o, PEEL.value).toPython()) == pytest.approx(50.2)
    assert g.value(o, PEEL.unit) == iris.unit("per-1000-population")
    assert str(g.value(o, PEEL.refPeriod)) == "12 months to 30 June 2016"
    assert str(g.value(o, PEEL.dataSource)) == "Home Office data"
    burglary = _value(g, "Figure 2", "Burglary in a dwelling", ew)
    assert float(g.value(burglary, PEEL.value).toPython()) == pytest.approx(8.1)
    assert g.value(burglary, PEEL.unit) == iris.unit("per-1000-households")
    charged = _value(g, "Figure 4", "Charged/Summoned", FORCE)
    assert g.value(charged, PEEL.outcomeNumber) == Literal("1")
    assert g.value(charged, PEEL.unit) == iris.unit("percent")
    da = _value(g, "Figure 8", "Community resolution", ew)
    assert float(g.value(da, PEEL.value).toPython()) == pytest.approx(1.4)


def test_duplicate_row_labels_are_told_apart_by_their_group(seed_graph):
    g = seed_graph
    suspects = [
        o
        for o in g.subjects(PEEL.rowLabel, Literal("Suspect identified"))
        if g.value(o, PEEL.refArea) == FORCE
    ]
    assert len(suspects) == 2
    assert len({g.value(o, PEEL.indicator) for o in suspects}) == 2
    values = sorted(float(g.value(o, PEEL.value).toPython()) for o in suspects)
    assert values == [pytest.approx(7.7), pytest.approx(9.0)]


def test_a_graphic_without_numbers_yields_no_observation(seed_graph):
    for figure in ("Figure 1", "Figure 3", "Figure 5", "Figure 6", "Figure 7", "Figure 9"):
        assert not list(seed_graph.subjects(PEEL.figure, Literal(figure)))
