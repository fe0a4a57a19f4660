"""Checks of the reference data in ontology/ (grades, pillars, question frameworks, forces,
partner types, gazetteer, themes, finding types and cues, units).

Plain rdflib, no peelgraph import: the Turtle files are read from the ontology/ folder next
to tests/. One focused test per property the reference data must have.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDFS, SKOS, XSD

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"

PEEL = Namespace("https://w3id.org/peelgraph/ontology#")
PID = Namespace("https://w3id.org/peelgraph/id/")

FIXED_FILES = [
    "grades.ttl",
    "pillars.ttl",
    "forces.ttl",
    "partner-types.ttl",
    "gazetteer.ttl",
    "themes.ttl",
    "finding-types.ttl",
    "units.ttl",
]
QUESTION_FILES = [
    "questions-2015-effectiveness.ttl",
    "questions-2016-effectiveness.ttl",
    "questions-2017-effectiveness.ttl",
    "questions-2018-effectiveness.ttl",
    "questions-2018-efficiency.ttl",
]
REFERENCE_FILES = FIXED_FILES + QUESTION_FILES

REQUIRED_PREFIXES = {
    "peel": "https://w3id.org/peelgraph/ontology#",
    "pid": "https://w3id.org/peelgraph/id/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}

PILLAR_CODES = {
    "effectiveness": "EFF",
    "efficiency": "EFY",
    "legitimacy": "LEG",
    "leadership": "LEA",
}

# "{year}-{PILLAR}", "{year}-{PILLAR}-{n}", "{year}-{PILLAR}-{n}.{m}"; sections "{...}-{n}.S{k}".
CODE = re.compile(
    r"^(?P<year>\d{4})-(?P<pillar>EFF|EFY|LEG|LEA)(?:-(?P<core>\d+)(?:\.(?P<sub>S?\d+))?)?$"
)

# The eight areas for improvement of the seed report (PEEL: Police effectiveness 2016,
# Thames Valley Police), with the themes they must get, no more and no fewer.
SEED_AFIS = {
    "The force should adopt a structured and consistent approach to problem-solving to enable "
    "it to tackle crime and anti-social behaviour more effectively.": {"problem-solving"},
    "The force should ensure that the capacity in the office-based research team is adequate, "
    "so that criminal investigations can be undertaken in an effective and timely manner.": {
        "workload-and-capacity"
    },
    "The force should review its capacity to retrieve digital evidence from mobile phones, "
    "computers and other electronic devices to ensure that investigations are not delayed.": {
        "digital-evidence",
        "workload-and-capacity",
    },
    "The force should ensure that it is fully compliant with the Code of Practice for Victims "
    "of Crime.": {"victims-code"},
    "The force should consider widening its approach to integrated offender management to "
    "include a broader range of offenders. There should be clear measures of success which "
    "enable the force to evaluate how effectively it is protecting the public from prolific "
    "and harmful offenders.": {"offender-management", "evidence-based-policing"},
    "The force should further develop its serious and organised crime local profiles in "
    "conjunction with partner organisations to enhance its understanding of the threat posed "
    "by serious and organised crime and inform joint work aimed at reducing this threat.": {
        "organised-crime",
        "partnership-working",
    },
    "The force should engage routinely with partner agencies at a senior level to enhance "
    "intelligence sharing and promote an effective, multi-agency response to serious and "
    "organised crime.": {"organised-crime", "partnership-working"},
    "The force should improve the awareness of organised crime groups among neighbourhood "
    "teams to ensure that they can reliably identify these groups, collect intelligence and "
    "disrupt their activity.": {"organised-crime", "neighbourhood-policing"},
}


@cache
def _file_graph(name: str) -> Graph:
    return Graph().parse(ONTOLOGY / name, format="turtle")


@pytest.fixture(scope="module")
def graph() -> Graph:
    merged = Graph()
    for name in REFERENCE_FILES:
        merged += _file_graph(name)
    return merged


def _tail(node: URIRef, kind: str) -> str:
    base = str(PID[f"{kind}/"])
    assert str(node).startswith(base), f"{node} is not a pid:{kind}/ IRI"
    return str(node)[len(base) :]


def _matches(text: str, term: str) -> bool:
    """Whole-word, case-insensitive match, as the extractor's trigger matching does."""
    pattern = r"(?<![a-z0-9])" + re.escape(term.lower()) + r"(?![a-z0-9])"
    return re.search(pattern, text.lower()) is not None


def _schemes_by_year(graph: Graph) -> dict[str, URIRef]:
    return {
        str(graph.value(s, PEEL.peelYear)) + "-" + _tail(graph.value(s, PEEL.pillar), "pillar"): s
        for s in graph.subjects(RDF.type, PEEL.QuestionFramework)
    }


# ---------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_file_parses_as_turtle(name: str) -> None:
    assert len(_file_graph(name)) > 0


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_file_declares_the_project_prefixes(name: str) -> None:
    text = (ONTOLOGY / name).read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name} lacks a header comment"
    for prefix, namespace in REQUIRED_PREFIXES.items():
        assert re.search(rf"@prefix {prefix}:\s+<{re.escape(namespace)}>\s*\.", text), (
            f"{name} does not declare {prefix}: <{namespace}>"
        )


# ---------------------------------------------------------------------------------------
# Schemes and concepts
# ---------------------------------------------------------------------------------------


def test_every_concept_has_an_english_preflabel_and_a_scheme(graph: Graph) -> None:
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        labels = list(graph.objects(concept, SKOS.prefLabel))
        assert len(labels) == 1, f"{concept} has {len(labels)} skos:prefLabel"
        assert labels[0].language == "en", f"{concept}'s prefLabel is not @en"
        in_schemes = set(graph.objects(concept, SKOS.inScheme))
        assert in_schemes, f"{concept} has no skos:inScheme"
        assert in_schemes <= schemes, f"{concept} is in a scheme that is not a skos:ConceptScheme"


def test_every_scheme_has_a_title_and_consistent_top_concepts(graph: Graph) -> None:
    for scheme in graph.subjects(RDF.type, SKOS.ConceptScheme):
        assert graph.value(scheme, DCTERMS.title) is not None, f"{scheme} has no dcterms:title"
        tops = set(graph.objects(scheme, SKOS.hasTopConcept))
        assert tops, f"{scheme} has no skos:hasTopConcept"
        assert tops == set(graph.subjects(SKOS.topConceptOf, scheme)), (
            f"{scheme}: skos:hasTopConcept and skos:topConceptOf disagree"
        )
        for top in tops:
            assert (top, SKOS.inScheme, scheme) in graph, f"top concept {top} is not in {scheme}"
            assert graph.value(top, SKOS.broader) is None, (
                f"top concept {top} has a broader concept"
            )


def test_every_broader_target_exists_in_the_same_scheme(graph: Graph) -> None:
    for narrower, broader in graph.subject_objects(SKOS.broader):
        assert graph.value(broader, SKOS.prefLabel) is not None, (
            f"{narrower}: broader {broader} is not defined"
        )
        assert set(graph.objects(narrower, SKOS.inScheme)) & set(
            graph.objects(broader, SKOS.inScheme)
        ), f"{narrower} and its broader {broader} share no scheme"


# ---------------------------------------------------------------------------------------
# Grades and pillars
# ---------------------------------------------------------------------------------------


def test_grades_have_lower_case_labels_slugs_and_ranks(graph: Graph) -> None:
    expected = {
        "outstanding": 1,
        "good": 2,
        "adequate": 3,
        "requires-improvement": 4,
        "inadequate": 5,
        "ungraded": None,
        "not-inspected": None,
    }
    grades = {_tail(g, "grade"): g for g in graph.subjects(RDF.type, PEEL.Grade)}
    assert set(grades) == set(expected)
    for slug, rank in expected.items():
        node = grades[slug]
        label = str(graph.value(node, SKOS.prefLabel))
        assert label == label.lower() and label == slug.replace("-", " ")
        assert str(graph.value(node, SKOS.notation)) == slug
        assert graph.value(node, SKOS.definition) is not None
        value = graph.value(node, PEEL.rank)
        if rank is None:
            assert value is None, f"{slug} is not a real grade and must have no rank"
        else:
            assert value == Literal(rank, datatype=XSD.integer)
    alt = {str(a) for a in graph.objects(grades["requires-improvement"], SKOS.altLabel)}
    assert {"Requires improvement", "requires-improvement"} <= alt


def test_pillars_have_codes_and_headline_predicates(graph: Graph) -> None:
    pillars = {_tail(p, "pillar"): p for p in graph.subjects(RDF.type, PEEL.Pillar)}
    assert set(pillars) == set(PILLAR_CODES)
    for slug, code in PILLAR_CODES.items():
        assert str(graph.value(pillars[slug], SKOS.notation)) == code
    predicates = {str(p) for p in graph.objects(pillars["effectiveness"], PEEL.headlinePredicate)}
    assert predicates == {
        "keeping people safe and reducing crime",
        "reducing crime and keeping people safe",
    }
    alt = {str(a) for a in graph.objects(pillars["effectiveness"], SKOS.altLabel)}
    assert {"effective", "police effectiveness"} <= alt


# ---------------------------------------------------------------------------------------
# Question frameworks
# ---------------------------------------------------------------------------------------


def test_question_frameworks_are_one_per_year_and_pillar(graph: Graph) -> None:
    schemes = _schemes_by_year(graph)
    assert set(schemes) == {
        "2015-effectiveness",
        "2016-effectiveness",
        "2017-effectiveness",
        "2018-effectiveness",
        "2018-efficiency",
    }
    for key, scheme in schemes.items():
        assert scheme == PID[f"scheme/questions-{key}"]
        assert graph.value(scheme, PEEL.peelYear).datatype == XSD.gYear
        heads = [q for q in graph.objects(scheme, SKOS.hasTopConcept)]
        assert len(heads) == 1 and (heads[0], RDF.type, PEEL.HeadlineQuestion) in graph


def test_question_codes_follow_the_code_rule(graph: Graph) -> None:
    levels = {
        PEEL.HeadlineQuestion: "headline",
        PEEL.CoreQuestion: "core",
        PEEL.DiagnosticQuestion: "diagnostic",
        PEEL.Section: "section",
    }
    for key, scheme in _schemes_by_year(graph).items():
        year, pillar = key.split("-")
        for node in graph.subjects(SKOS.inScheme, scheme):
            kinds = [lv for cls, lv in levels.items() if (node, RDF.type, cls) in graph]
            assert len(kinds) == 1, f"{node} is not exactly one of headline/core/diagnostic/section"
            level = kinds[0]
            code = str(graph.value(node, SKOS.notation))
            match = CODE.match(code)
            assert match, f"{node}: code {code!r} does not follow the rule"
            assert node == PID[f"question/{code.lower()}"], (
                f"{node}: IRI does not match code {code}"
            )
            assert match["year"] == year and match["pillar"] == PILLAR_CODES[pillar]
            core, sub = match["core"], match["sub"]
            shape = (
                "headline"
                if core is None
                else "core"
                if sub is None
                else "section"
                if sub.startswith("S")
                else "diagnostic"
            )
            assert shape == level, f"{code} is typed {level} but its code says {shape}"
            parent = graph.value(node, SKOS.broader)
            if level == "headline":
                assert parent is None
                continue
            expected_parent = f"{year}-{PILLAR_CODES[pillar]}" + (
                "" if level == "core" else f"-{core}"
            )
            assert parent == PID[f"question/{expected_parent.lower()}"], (
                f"{code}: wrong skos:broader {parent}"
            )
            if level in ("core", "diagnostic"):
                number = int(core if level == "core" else sub)
                assert graph.value(node, PEEL.questionNumber) == Literal(
                    number, datatype=XSD.integer
                )
            if level != "section":
                assert (node, RDF.type, PEEL.Question) in graph


def test_graded_flags(graph: Graph) -> None:
    ungraded = {"2016-EFF-5", "2017-EFF-5", "2018-EFF-5"}
    for node in graph.subjects(RDF.type, PEEL.Question):
        code = str(graph.value(node, SKOS.notation))
        graded = graph.value(node, PEEL.graded)
        if (node, RDF.type, PEEL.DiagnosticQuestion) in graph:
            assert graded is None, f"diagnostic question {code} must carry no peel:graded"
        else:
            assert graded is not None and graded.datatype == XSD.boolean, (
                f"{code} lacks peel:graded"
            )
            assert graded.toPython() is (code not in ungraded), f"{code}: wrong peel:graded"


def test_allowed_grades_follow_the_year(graph: Graph) -> None:
    before_2021 = {
        "outstanding",
        "good",
        "requires-improvement",
        "inadequate",
        "ungraded",
        "not-inspected",
    }
    for scheme in graph.subjects(RDF.type, PEEL.QuestionFramework):
        year = int(str(graph.value(scheme, PEEL.peelYear)))
        allowed = {_tail(g, "grade") for g in graph.objects(scheme, PEEL.allowedGrade)}
        assert allowed == (before_2021 if year < 2021 else before_2021 | {"adequate"}), scheme


def test_question_wording_is_the_reference_wording(graph: Graph) -> None:
    def label(code: str) -> str:
        return str(graph.value(PID[f"question/{code}"], SKOS.prefLabel))

    assert (
        label("2016-eff") == "How effective is the force at keeping people safe and reducing crime?"
    )
    assert label("2016-eff-3.3") == (
        "How effectively does the force investigate offences involving vulnerable victims and "
        "work with external partners to keep victims safe?"
    )
    assert (
        label("2018-eff") == "How effective is the force at reducing crime and keeping people safe?"
    )
    assert (
        label("2018-efy-1")
        == "How well does the force use its resources to meet the demand it faces?"
    )
    alt = {str(a) for a in graph.objects(PID["question/2018-eff-2"], SKOS.altLabel)}
    assert "How effective is the force at investigating crime and reducing re-offending?" in alt


def test_2016_sections_are_sections_with_heading_patterns(graph: Graph) -> None:
    scheme = PID["scheme/questions-2016-effectiveness"]
    sections = {
        str(graph.value(s, SKOS.notation)): str(graph.value(s, PEEL.headingPattern))
        for s in graph.subjects(RDF.type, PEEL.Section)
        if (s, SKOS.inScheme, scheme) in graph
    }
    assert sections == {
        "2016-EFF-1.S1": "How much crime and anti-social behaviour is there in {area}?",
        "2016-EFF-2.S1": "How well does the force bring offenders to justice?",
        "2016-EFF-3.S1": "Has the force improved since HMIC's 2015 vulnerability inspection?",
    }
    assert sections["2016-EFF-1.S1"].format(area="Thames Valley") == (
        "How much crime and anti-social behaviour is there in Thames Valley?"
    )
    for section in graph.subjects(RDF.type, PEEL.Section):
        assert (section, RDF.type, PEEL.Question) not in graph


def test_close_matches_are_symmetric_and_link_different_years(graph: Graph) -> None:
    assert not list(graph.triples((None, OWL.sameAs, None))), (
        "use skos:closeMatch, never owl:sameAs"
    )
    pairs = list(graph.subject_objects(SKOS.closeMatch)) + list(
        graph.subject_objects(SKOS.relatedMatch)
    )
    assert pairs
    for a, b in pairs:
        prop = SKOS.closeMatch if (a, SKOS.closeMatch, b) in graph else SKOS.relatedMatch
        assert (b, prop, a) in graph, f"{a} {prop} {b} has no inverse"
        assert (a, RDF.type, PEEL.Question) in graph and (b, RDF.type, PEEL.Question) in graph
        assert str(graph.value(a, SKOS.notation))[:4] != str(graph.value(b, SKOS.notation))[:4]


def test_incomplete_frameworks_say_so(graph: Graph) -> None:
    for key in (
        "2015-effectiveness",
        "2017-effectiveness",
        "2018-effectiveness",
        "2018-efficiency",
    ):
        comment = graph.value(PID[f"scheme/questions-{key}"], RDFS.comment)
        assert comment is not None and "incomplete" in str(comment).lower(), key


# ---------------------------------------------------------------------------------------
# Forces
# ---------------------------------------------------------------------------------------


def test_there_are_exactly_43_forces(graph: Graph) -> None:
    forces = set(graph.subjects(RDF.type, PEEL.Force))
    assert len(forces) == 43
    for force in forces:
        assert (force, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")) in graph
        assert (force, SKOS.inScheme, PID["scheme/forces"]) in graph
    labels = {str(graph.value(f, SKOS.prefLabel)) for f in forces}
    assert not any("British Transport" in label for label in labels)


def test_force_ons_codes_are_the_43_police_force_area_codes(graph: Graph) -> None:
    codes = [str(graph.value(f, PEEL.onsCode)) for f in graph.subjects(RDF.type, PEEL.Force)]
    assert len(set(codes)) == 43
    expected = {f"E23{n:06d}" for n in range(1, 40)} | {f"W15{n:06d}" for n in range(1, 5)}
    assert set(codes) == expected
    for force in graph.subjects(RDF.type, PEEL.Force):
        code = str(graph.value(force, PEEL.onsCode))
        assert str(graph.value(force, PEEL.country)) == (
            "England" if code.startswith("E") else "Wales"
        )
    assert str(graph.value(PID["force/thames-valley"], PEEL.onsCode)) == "E23000029"
    assert str(graph.value(PID["force/hampshire"], PEEL.onsCode)) == "E23000030"


def test_force_slugs_are_distinct_and_match_their_iris(graph: Graph) -> None:
    slugs = []
    for force in graph.subjects(RDF.type, PEEL.Force):
        slug = str(graph.value(force, PEEL.slug))
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", slug), slug
        assert force == PID[f"force/{slug}"]
        slugs.append(slug)
    assert len(set(slugs)) == 43
    for slug in (
        "thames-valley",
        "metropolitan",
        "city-of-london",
        "devon-and-cornwall",
        "dyfed-powys",
    ):
        assert slug in slugs


def test_forces_have_short_names_and_are_typed_as_partners(graph: Graph) -> None:
    for force in graph.subjects(RDF.type, PEEL.Force):
        assert list(graph.objects(force, SKOS.altLabel)), f"{force} has no short name"
        assert graph.value(force, PEEL.partnerType) == PID["partner-type/police-force"]
    alt = {str(a) for a in graph.objects(PID["force/metropolitan"], SKOS.altLabel)}
    assert "the Met" in alt


def test_comparator_area_and_inspectorates(graph: Graph) -> None:
    area = PID["area/england-and-wales"]
    assert (area, RDF.type, PEEL.ComparatorArea) in graph
    assert str(graph.value(area, PEEL.onsCode)) == "K04000001"
    assert "England & Wales" in {str(a) for a in graph.objects(area, SKOS.altLabel)}
    hmic, hmicfrs = PID["org/hmic"], PID["org/hmicfrs"]
    assert (hmicfrs, DCTERMS.replaces, hmic) in graph
    assert "HMIC" in {str(a) for a in graph.objects(hmic, SKOS.altLabel)}
    assert "HMICFRS" in {str(a) for a in graph.objects(hmicfrs, SKOS.altLabel)}


# ---------------------------------------------------------------------------------------
# Partner types and the gazetteer
# ---------------------------------------------------------------------------------------

PARTNER_CLASSES = (PEEL.PartnerBody, PEEL.PartnershipArrangement, PEEL.Programme)


def _partners(graph: Graph) -> set[URIRef]:
    return {p for cls in PARTNER_CLASSES for p in graph.subjects(RDF.type, cls)}


def test_partner_types_are_the_agreed_twelve(graph: Graph) -> None:
    types = {_tail(t, "partner-type") for t in graph.subjects(RDF.type, PEEL.PartnerType)}
    assert types == {
        "multi-agency-arrangement",
        "regional-body",
        "national-body",
        "government-department",
        "police-force",
        "local-service",
        "health-service",
        "criminal-justice",
        "voluntary-sector",
        "academic",
        "programme",
        "other",
    }
    for ptype in graph.subjects(RDF.type, PEEL.PartnerType):
        assert graph.value(ptype, SKOS.definition) is not None


def test_every_partner_has_one_class_and_a_known_partner_type(graph: Graph) -> None:
    types = set(graph.subjects(RDF.type, PEEL.PartnerType))
    for partner in _partners(graph):
        assert str(partner).startswith(str(PID["partner/"])), partner
        classes = [c for c in PARTNER_CLASSES if (partner, RDF.type, c) in graph]
        assert len(classes) == 1, f"{partner} has {len(classes)} partner classes"
        ptypes = list(graph.objects(partner, PEEL.partnerType))
        assert len(ptypes) == 1 and ptypes[0] in types, f"{partner}: bad peel:partnerType"
        assert (partner, SKOS.inScheme, PID["scheme/partners"]) in graph
        assert graph.value(partner, SKOS.definition) is not None, f"{partner} has no definition"


def test_no_two_partners_share_an_acronym(graph: Graph) -> None:
    acronyms = Counter(
        str(a).upper() for p in _partners(graph) for a in graph.objects(p, PEEL.acronym)
    )
    assert acronyms, "no acronyms at all"
    assert [a for a, n in acronyms.items() if n > 1] == []


def test_no_label_is_shared_between_partners_or_is_a_plural(graph: Graph) -> None:
    owner: dict[str, URIRef] = {}
    for partner in _partners(graph):
        labels = {
            str(label).lower()
            for prop in (SKOS.prefLabel, SKOS.altLabel, PEEL.acronym)
            for label in graph.objects(partner, prop)
        }
        for label in labels:
            assert owner.setdefault(label, partner) == partner, f"{label!r} names two partners"
            assert label + "s" not in labels, f"{partner} lists the plural of {label!r}"


def test_gazetteer_covers_the_seed_and_design_partners(graph: Graph) -> None:
    acronyms = {str(a) for p in _partners(graph) for a in graph.objects(p, PEEL.acronym)}
    for acronym in (
        "MASH",
        "MARAC",
        "MAPPA",
        "IOM",
        "CSP",
        "JTAC",
        "LRF",
        "DARIM",
        "GAIN",
        "SEROCU",
        "ROCU",
        "NCA",
        "NPCC",
        "ACPO",
        "ACRO",
        "HMRC",
        "DWP",
        "UKVI",
        "CPS",
        "IDVA",
        "PCC",
    ):
        assert acronym in acronyms, acronym
    labels = {str(label) for p in _partners(graph) for label in graph.objects(p, SKOS.prefLabel)}
    labels |= {str(label) for p in _partners(graph) for label in graph.objects(p, SKOS.altLabel)}
    for label in (
        "multi-agency safeguarding hub",
        "multi agency safeguarding hub",
        "Multi Agency Risk Assessment Conference",
        "South East Regional Organised Crime Unit",
        "Association of Chief Police Officers Criminal Records Office",
        "Government Agency Intelligence Network",
        "National Crime Agency",
        "College of Policing",
        "Home Office",
        "UK Visas and Immigration",
        "HM Revenue and Customs",
        "Department for Work and Pensions",
        "Action Fraud",
        "Ministry of Justice",
        "Crown Prosecution Service",
        "HM Prisons",
        "probation service",
        "local authority",
        "Trading Standards",
        "fire service",
        "Karma Nirvana",
        "Jill Dando Institute",
        "Troubled Families programme",
        "Ending Gang and Youth Violence programme",
        "Operation Encompass",
        "police and crime commissioner",
        "Victim Support",
        "voluntary sector",
        "social services",
        "children's services",
        "housing authority",
        "education authority",
        "drugs and alcohol treatment provider",
        "drug support worker",
    ):
        assert label in labels, label
    assert (PID["partner/acpo"], DCTERMS.isReplacedBy, PID["partner/npcc"]) in graph


def test_gazetteer_leaves_out_internal_units_forces_and_data_sources(graph: Graph) -> None:
    names = {
        str(label).lower()
        for p in _partners(graph)
        for prop in (SKOS.prefLabel, SKOS.altLabel, PEEL.acronym)
        for label in graph.objects(p, prop)
    }
    for unwanted in (
        "obrt",
        "office based research team",
        "daiu",
        "child abuse investigation team",
        "police enquiry centre",
        "pec",
        "morile",
        "davm",
        "hampshire constabulary",
        "office for national statistics",
        "ons",
        "british transport police",
    ):
        assert unwanted not in names, unwanted
    assert not _partners(graph) & set(graph.subjects(RDF.type, PEEL.Force))


# ---------------------------------------------------------------------------------------
# Themes
# ---------------------------------------------------------------------------------------


def test_themes_have_definitions_and_lower_case_trigger_terms(graph: Graph) -> None:
    themes = set(graph.subjects(RDF.type, PEEL.Theme))
    assert len(themes) == 23
    catch_all = PID["theme/general-policing"]
    assert catch_all in themes and not list(graph.objects(catch_all, PEEL.triggerTerm))
    for theme in themes - {catch_all}:
        assert graph.value(theme, SKOS.definition) is not None, theme
        terms = [str(t) for t in graph.objects(theme, PEEL.triggerTerm)]
        assert len(terms) >= 3, f"{theme} has too few trigger terms"
        assert all(t == t.lower() and t == t.strip() for t in terms), theme


def test_each_seed_area_for_improvement_gets_the_right_themes(graph: Graph) -> None:
    themes = {
        _tail(theme, "theme"): [str(t) for t in graph.objects(theme, PEEL.triggerTerm)]
        for theme in graph.subjects(RDF.type, PEEL.Theme)
    }
    for text, expected in SEED_AFIS.items():
        found = {slug for slug, terms in themes.items() if any(_matches(text, t) for t in terms)}
        assert found == expected, (
            f"{text[:60]}...: themes {sorted(found)}, expected {sorted(expected)}"
        )


# ---------------------------------------------------------------------------------------
# Finding types and cues
# ---------------------------------------------------------------------------------------


def test_finding_types_and_their_cues(graph: Graph) -> None:
    types = {_tail(t, "finding-type"): t for t in graph.subjects(RDF.type, PEEL.FindingType)}
    assert set(types) == {"strength", "concern", "neutral"}
    cues = list(graph.subjects(RDF.type, PEEL.Cue))
    seen: set[tuple[str, str]] = set()
    for cue in cues:
        terms = list(graph.objects(cue, PEEL.cueTerm))
        assert len(terms) == 1, f"{cue} has {len(terms)} cue terms"
        term = str(terms[0])
        assert term == term.lower() and term == term.strip()
        weight = graph.value(cue, PEEL.cueWeight)
        ftype = graph.value(cue, PEEL.findingType)
        kind = _tail(ftype, "finding-type")
        assert weight is not None and weight.datatype == XSD.integer
        if kind == "neutral":  # neutralising phrases ("as well as") weigh nothing
            assert weight.toPython() == 0, cue
            continue
        assert 1 <= weight.toPython() <= 3, cue
        assert kind in ("strength", "concern"), cue
        assert cue == PID[f"cue/{kind}/{re.sub(r'[^a-z0-9]+', '-', term).strip('-')}"], cue
        assert (kind, term) not in seen, f"duplicate cue {term!r}"
        seen.add((kind, term))
    strength = {t for k, t in seen if k == "strength"}
    concern = {t for k, t in seen if k == "concern"}
    assert not strength & concern, "a term cannot cue both strength and concern"
    assert {"good", "effective", "well", "commended", "robust", "impressed"} <= strength
    assert {
        "however",
        "should",
        "too high",
        "backlog",
        "delays",
        "not good",
        "not effective",
    } <= concern
    assert graph.value(types["neutral"], SKOS.definition) is not None


# ---------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------


def _unit_for(graph: Graph, text: str) -> str | None:
    best = None
    for unit in graph.subjects(RDF.type, PEEL.Unit):
        if any(_matches_unit(text, str(t)) for t in graph.objects(unit, PEEL.triggerTerm)):
            priority = graph.value(unit, PEEL.priority).toPython()
            if best is None or priority > best[0]:
                best = (priority, _tail(unit, "unit"))
    return best[1] if best else None


def _matches_unit(text: str, term: str) -> bool:
    if not term[0].isalnum():  # "%"
        return term in text
    return _matches(text, term)


def test_units_of_quantities_in_prose_have_words_and_no_trigger_terms(graph: Graph) -> None:
    """Durations and money are read from prose by their words ("months", "£"); a trigger term
    would give a figure's caption ("12 months to ...") a duration unit."""
    quantity = {
        _tail(u, "unit"): u
        for u in graph.subjects(RDF.type, PEEL.Unit)
        if (u, PEEL.quantityWord, None) in graph
    }
    assert set(quantity) == {"pounds-sterling", "days", "weeks", "months", "years"}
    for slug, unit in quantity.items():
        assert str(graph.value(unit, SKOS.notation)) == slug
        assert graph.value(unit, SKOS.prefLabel) is not None
        assert not list(graph.objects(unit, PEEL.triggerTerm)), slug


def test_units_have_labels_notations_and_distinct_priorities(graph: Graph) -> None:
    units = {
        _tail(u, "unit"): u
        for u in graph.subjects(RDF.type, PEEL.Unit)
        if (u, PEEL.quantityWord, None) not in graph
    }
    assert set(units) == {
        "per-1000-population",
        "per-1000-households",
        "percent",
        "per-100-offences",
        "per-million-population",
        "count",
        "percentage-change",
        "rate-per-100-ocgs",
    }
    assert str(graph.value(units["per-1000-population"], SKOS.prefLabel)) == "per 1,000 population"
    priorities = [graph.value(u, PEEL.priority) for u in units.values()]
    assert all(p is not None and p.datatype == XSD.integer for p in priorities)
    assert len({p.toPython() for p in priorities}) == len(priorities), "priorities must not tie"
    for slug, unit in units.items():
        assert str(graph.value(unit, SKOS.notation)) == slug
        terms = [str(t) for t in graph.objects(unit, PEEL.triggerTerm)]
        assert terms and all(t == t.lower() for t in terms), slug


# Captions and sentences of the seed report, and the unit each must get.
UNIT_CASES = [
    (
        "Figure 2: Police-recorded crime rates (per 1,000 population) in Thames Valley",
        "per-1000-population",
    ),
    (
        "* The rate of burglary in a dwelling is the rate for 1,000 households, "
        "rather than population",
        "per-1000-households",
    ),
    (
        "Figure 3: Percentage change in the rate of anti-social behaviour incidents "
        "(per 1,000 population)",
        "percentage-change",
    ),
    (
        "Change in recorded crime 12 months to 30 June 2015 against 12 months to 30 June 2016",
        "percentage-change",
    ),
    (
        "Figure 4: Proportion of outcomes assigned to offences recorded in Thames Valley Police",
        "percent",
    ),
    (
        "Figure 8: Rate of outcomes recorded in 12 months to 30 June 2016 for domestic-related "
        "offences",
        "percent",
    ),
    (
        "Figure 7: Domestic abuse arrest rate (per 100 domestic abuse crimes), by force",
        "per-100-offences",
    ),
    (
        "Figure 9: Organised crime groups per one million population, by force, as at 1 July 2016",
        "per-million-population",
    ),
    ("in line with the rate for England and Wales per 100 mapped OCGs", "rate-per-100-ocgs"),
    ("the number of Serious Crime Prevention Orders", "count"),
]


@pytest.mark.parametrize(("text", "unit"), UNIT_CASES)
def test_the_most_specific_unit_wins(graph: Graph, text: str, unit: str) -> None:
    assert _unit_for(graph, text) == unit
