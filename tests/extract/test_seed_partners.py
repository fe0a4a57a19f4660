"""Partner mentions of the seed report by role, each partner link checked by hand.

Every body below was read in its passages of data/reports/thames-valley-peel-effectiveness-2016.txt
and judged a body the force works with (or, for the generic concept, "partner organisations" /
"partner agencies"). Bodies named only as the source of guidance or data, bodies the force
is advised to set up, bodies "in other forces", and common phrases that hold a proper name
("victim support professionals") are not partners.
"""

from __future__ import annotations

from rdflib.namespace import RDF

from peelgraph.derived import mentions
from peelgraph.iris import PEEL
from peelgraph.rdf import report_graph

CHECKED_PARTNERS = {
    "force/hampshire",  # "Together with Hampshire, Sussex and Surrey forces" / joint armed policing
    "force/surrey",
    "force/sussex",
    "partner/acro",  # "makes good use of the ... Criminal Records Office (ACRO)"
    "partner/action-fraud",  # GAIN members the force works with
    "partner/college-of-policing",  # "developed this guidance in conjunction with ... the College"
    "partner/csp",
    "partner/darim",
    "partner/drug-and-alcohol-treatment",
    "partner/dwp",
    "partner/education-authority",
    "partner/ending-gang-and-youth-violence",
    "partner/fire-service",
    "partner/gain",
    "partner/hmrc",
    "partner/housing",
    "partner/idva",
    "partner/iom",
    "partner/jill-dando-institute",
    "partner/jtac",
    "partner/karma-nirvana",
    "partner/local-authority",
    "partner/lrf",
    "partner/mappa",
    "partner/marac",
    "partner/mash",
    "partner/mental-health-service",
    "partner/nca",  # "alongside regional organised crime units (ROCU), the National Crime Agency"
    "partner/neighbourhood-action-group",
    "partner/nhs",
    "partner/partner-organisations",  # the generic concept
    "partner/pcc",  # preparedness "reported to the police and crime commissioner"
    "partner/prison-service",
    "partner/probation-service",
    "partner/rocu",
    "partner/school",
    "partner/serocu",
    "partner/social-services",
    "partner/trading-standards",
    "partner/troubled-families",
    "partner/ukvi",
    "partner/voluntary-sector",
}
#: bodies the seed names only as sources of guidance or data
CHECKED_SOURCES = {"partner/acpo", "partner/home-office", "partner/npcc", "partner/academic-body"}
#: never partners of this force: a common phrase, a board it is advised to set up, a pilot
NOT_PARTNERS = {
    "partner/victim-support",
    "partner/organised-crime-partnership-board",
    "partner/business-sector",
    "partner/operation-encompass",
}


def test_every_partner_link_was_checked_by_hand(seed_report):
    assert set(mentions(seed_report)) == CHECKED_PARTNERS


def test_sources_of_guidance_or_data_are_not_partners(seed_report):
    partners = set(mentions(seed_report))
    sources = {p for f in seed_report.findings for p in f.sources}
    assert CHECKED_SOURCES - partners <= sources
    assert not (CHECKED_SOURCES - {"partner/academic-body"}) & partners
    assert not NOT_PARTNERS & partners


def test_the_definition_from_the_acpo_guidance_cites_a_source(seed_report):
    (finding,) = [f for f in seed_report.findings if "definition from the ACPO guidance" in f.text]
    assert finding.sources == ("partner/acpo",)
    assert "partner/acpo" not in finding.mentions


def test_afis_involving_partners_are_three_of_three(seed_report, context):
    framework = context.vocabulary.framework(seed_report.year, seed_report.pillar)
    graph = report_graph(seed_report, framework)
    found = {
        str(row.afi)
        for row in graph.query(
            "SELECT DISTINCT ?afi WHERE { ?afi a peel:AreaForImprovement ; peel:mentions ?p }",
            initNs={"peel": PEEL},
        )
    }
    texts = sorted(str(graph.value(a, PEEL.text))[:40] for a in map(_iri, found))
    assert texts == [
        "The force should consider widening its a",
        "The force should engage routinely with p",
        "The force should further develop its ser",
    ]
    assert len(list(graph.subjects(RDF.type, PEEL.AreaForImprovement))) == 8


def _iri(text):
    from rdflib import URIRef

    return URIRef(text)
