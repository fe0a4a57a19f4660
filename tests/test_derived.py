"""The relations the build derives: evidence for a judgment, support of an area for
improvement, partnerships across reports; on hand-made reports (each rule alone), and on the
seed report and the fictional Wessex pair as built."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from peelgraph import iris
from peelgraph.build import build
from peelgraph.derived import (
    QuestionTree,
    comparisons,
    evidence_for,
    partnerships,
    supporting_findings,
)
from peelgraph.iris import LINKS_GRAPH, PEEL
from peelgraph.model import (
    AreaForImprovement,
    Document,
    Finding,
    Judgment,
    Observation,
    Report,
    SourceFile,
)
from peelgraph.rdf import partnership_ntriples
from peelgraph.validate import validate_links

from .conftest import REPORTS, TEST_DATA
from .helpers import fictional_context

FRAMEWORK = fictional_context().vocabulary.framework(2016, "effectiveness")
WESSEX = [TEST_DATA / f"wessex-constabulary-{y}-effectiveness.txt" for y in (2015, 2016)]


def report(
    *,
    force: str = "kent",
    year: int = 2016,
    judged: tuple[str, ...] = ("2016-EFF", "2016-EFF-1", "2016-EFF-2"),
    findings: tuple[Finding, ...] = (),
    afis: tuple[AreaForImprovement, ...] = (),
) -> Report:
    sha = f"{force}{year}".ljust(64, "0")
    return Report(
        documents=(Document(SourceFile("r.txt", "r.txt", sha, "full-report"), "text"),),
        force_name=force.title(),
        force_slug=force,
        force_known=True,
        year=year,
        pillar="effectiveness",
        framework=f"questions-{year}-effectiveness",
        judgments=tuple(Judgment(code, "good", (), "summary-of-findings") for code in judged),
        findings=findings,
        afis=afis,
    )


def finding(question: str, *themes: str, mentions: tuple[str, ...] = ()) -> Finding:
    return Finding(question, f"A finding on {question} ({', '.join(themes)}).", (),
                   themes=themes, mentions=mentions)  # fmt: skip


def afi(question: str, *themes: str, mentions: tuple[str, ...] = ()) -> AreaForImprovement:
    text = f"The force should act on {question} ({', '.join(themes)})."
    return AreaForImprovement(question, text, (), themes=themes, mentions=mentions)


# -- the question tree ------------------------------------------------------------------------


def test_the_question_tree_walks_up_to_the_headline():
    tree = QuestionTree.of(FRAMEWORK)
    assert list(tree.ancestors("2016-EFF-1.2")) == ["2016-EFF-1.2", "2016-EFF-1", "2016-EFF"]
    assert tree.core("2016-EFF-1.2") == "2016-EFF-1"
    assert tree.core("2016-EFF-1.S1") == "2016-EFF-1"  # a section, under its core question
    assert tree.core("2016-EFF-3") == "2016-EFF-3"
    assert tree.core("2016-EFF") == "2016-EFF"
    assert tree.core("1999-XYZ-1") == "1999-XYZ-1"  # unknown to the framework: itself
    assert list(QuestionTree.of(None).ancestors("2016-EFF-1.1")) == ["2016-EFF-1.1"]


# -- evidence for a judgment --------------------------------------------------------------------


def test_a_finding_is_evidence_for_the_nearest_judged_question():
    r = report(
        judged=("2016-EFF", "2016-EFF-1"),
        findings=(
            finding("2016-EFF-1.1"),  # diagnostic -> its core question's judgment
            finding("2016-EFF-1"),  # the core question itself
            finding("2016-EFF-2.3"),  # core question 2 is not judged here -> the overall grade
            finding("2016-EFF"),  # the headline question
        ),
    )
    assert evidence_for(r, FRAMEWORK) == {
        0: "2016-EFF-1", 1: "2016-EFF-1", 2: "2016-EFF", 3: "2016-EFF",
    }  # fmt: skip


def test_a_finding_with_no_judged_question_above_it_is_evidence_for_nothing():
    r = report(judged=("2016-EFF-2",), findings=(finding("2016-EFF-1.1"),))
    assert evidence_for(r, FRAMEWORK) == {}


# -- support of an area for improvement ---------------------------------------------------------


def test_an_area_for_improvement_is_supported_by_findings_sharing_a_theme():
    r = report(
        findings=(
            finding("2016-EFF-1.2", "training"),  # under the AFI's question, shared theme
            finding("2016-EFF-1", "training", "digital-evidence"),  # same question
            finding("2016-EFF-1.1", "neighbourhood-policing"),  # no shared theme
            finding("2016-EFF-2.1", "training"),  # another core question
            finding("2016-EFF-1.1", "general-policing"),  # only the catch-all theme in common
        ),
        afis=(
            afi("2016-EFF-1", "training", "general-policing"),
            afi("2016-EFF-1", "general-policing"),
            afi("2016-EFF-2", "digital-evidence"),
        ),
    )
    assert supporting_findings(r, FRAMEWORK) == {0: [0, 1]}


# -- comparisons -----------------------------------------------------------------------------


def test_a_force_value_is_compared_with_the_comparator_value_of_the_same_measure():
    def obs(area: str, indicator: str = "crime", period: str = "2016", unit: str = "percent"):
        return Observation(indicator, indicator, area, period, unit, Decimal("1"), "Figure 1", ())

    observations = [
        obs("kent"),
        obs("england-and-wales"),
        obs("kent", period="2015"),  # no comparator for this period
        obs("kent", unit="per-1000-population"),  # nor in this unit
        obs("england-and-wales", indicator="outcomes"),  # nor of the force for this indicator
        obs("kent", indicator="outcomes"),
    ]
    assert comparisons(observations, "kent") == [(0, 1), (5, 4)]
    assert comparisons(observations, "surrey") == []


# -- partnerships ----------------------------------------------------------------------------


def test_partnerships_gather_one_force_and_partner_across_reports():
    earlier = report(
        year=2015,
        judged=("2015-EFF",),
        findings=(finding("2015-EFF-3", mentions=("partner/mash",)),),
    )
    later = report(
        findings=(
            finding("2016-EFF-1.1", mentions=("partner/mash", "hampshire")),
            finding("2016-EFF-3.2", mentions=("partner/mash",)),
        ),
        afis=(afi("2016-EFF-3", "training", mentions=("partner/mash",)),),
    )
    other_force = report(force="surrey", findings=(finding("2016-EFF-1", mentions=("kent",)),))
    vocab = fictional_context().vocabulary
    found = {(p.force, p.partner): p for p in partnerships([earlier, later, other_force], vocab)}
    assert set(found) == {("kent", "partner/mash"), ("kent", "hampshire"), ("surrey", "kent")}
    mash = found[("kent", "partner/mash")]
    assert mash.reports == ("kent-2015-effectiveness", "kent-2016-effectiveness")
    assert mash.years == (2015, 2016)
    assert mash.core_questions == ("2015-EFF-3", "2016-EFF-1", "2016-EFF-3")
    assert Counter(e.kind for e in mash.evidence) == {"finding": 3, "afi": 1}


def test_partnership_triples_conform_and_each_break_is_named():
    p = partnerships([report(findings=(finding("2016-EFF-1.1", mentions=("partner/mash",)),))],
                     fictional_context().vocabulary)  # fmt: skip
    lines, types = partnership_ntriples(p)
    node = iris.partnership("kent", "partner/mash")
    g = Graph()
    g.parse(data=lines + types, format="nt")
    assert g.value(node, PEEL.evidenceCount) == Literal(1)
    assert g.value(node, PEEL.firstYear) == Literal("2016", datatype=XSD.gYear)
    assert validate_links(g.serialize(format="nt"), "", fictional_context()).conforms

    def broken(change) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
        copy = Graph()
        copy += g
        change(copy)
        report = validate_links(copy.serialize(format="nt"), "", fictional_context())
        return {(v.focus, v.message) for v in report.violations}

    focus = str(node)
    assert (focus, "a partnership has one evidence count, at least 1") in broken(
        lambda c: c.set((node, PEEL.evidenceCount, Literal(0)))
    )
    assert (focus, "a partnership has one first year (xsd:gYear)") in broken(
        lambda c: c.set((node, PEEL.firstYear, Literal("2016")))
    )
    link = iris.partner_link("kent-2016-effectiveness", "partner/mash")
    assert (focus, "a partnership gathers one or more partner links of reports") in broken(
        lambda c: c.remove((link, RDF.type, None))
    )
    assert (focus, "a partnership starts from exactly one force") in broken(
        lambda c: c.add((node, PEEL.force, iris.force("surrey")))
    )
    assert (focus, "a partnership names the core questions of its evidence") in broken(
        lambda c: c.remove((node, PEEL.coreQuestion, None))
    )


# -- as built --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    return build([REPORTS, *WESSEX], workers=1, context=fictional_context())


def test_the_built_graphs_hold_the_derived_relations(built):
    ds = built.dataset
    tv = next(r for r in built.reports if r.force_slug == "thames-valley")
    graph = ds.graph(iris.report_graph(tv.key))
    judgments = set(graph.subjects(RDF.type, PEEL.Judgment))
    evidence = list(graph.subject_objects(PEEL.evidenceFor))
    assert len(evidence) == len(evidence_for(tv, FRAMEWORK)) > 100
    assert {j for _, j in evidence} <= judgments
    supported = set(graph.subjects(PEEL.supportedBy, None))
    assert len(supported) == len(supporting_findings(tv, FRAMEWORK))
    # one partnership a force and partner; Wessex's span its two reports
    links = ds.graph(LINKS_GRAPH)
    gathered = {
        (str(links.value(p, PEEL.force)), str(links.value(p, PEEL.partner)))
        for p in links.subjects(RDF.type, PEEL.Partnership)
    }
    per_report = {
        (str(ds.graph(g).value(link, PEEL.force)), str(ds.graph(g).value(link, PEEL.partner)))
        for link, _, _, g in ds.quads((None, RDF.type, PEEL.PartnerLink, None))
    }
    assert gathered == per_report
    spans = {
        int(links.value(p, PEEL.reportCount)) for p in links.subjects(RDF.type, PEEL.Partnership)
    }
    assert spans == {1, 2}
    assert built.links.count(b"ontology#Partnership> ") == len(gathered)
