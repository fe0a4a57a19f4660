"""Checks of the reference data in ontology/ (grades and grading scales, pillars, question
frameworks of every PEEL cycle, forces and their labels, partner types, gazetteer, themes,
finding types and cues, units).

The first sections read the Turtle files with plain rdflib (no peelgraph import), from the
ontology/ folder next to tests/; the last ones load them through peelgraph (the vocabulary,
the force look-up, the SHACL shapes of the new structure, each shape shown to fail). One
focused test per property the reference data must have.
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
QUESTION_FILES = sorted(p.name for p in ONTOLOGY.glob("questions-*.ttl"))

#: Every question framework the package ships, PEEL year and pillar (2021/22 and 2023-25
#: grade areas of policing: their "pillar" is peel, see pillars.ttl).
FRAMEWORKS = {
    "2014-effectiveness",
    "2014-efficiency",
    "2015-effectiveness",
    "2015-efficiency",
    "2015-legitimacy",
    "2015-leadership",
    "2016-effectiveness",
    "2016-efficiency",
    "2016-legitimacy",
    "2017-effectiveness",
    "2017-efficiency",
    "2017-legitimacy",
    "2018-effectiveness",
    "2018-efficiency",
    "2018-legitimacy",
    "2021-peel",
    "2023-peel",
}
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
    "peel": "PEEL",
}

# "{year}-{PILLAR}", "{year}-{PILLAR}-{n}", "{year}-{PILLAR}-{n}.{m}"; sections "{...}-{n}.S{k}".
CODE = re.compile(
    r"^(?P<year>\d{4})-(?P<pillar>EFF|EFY|LEG|LEA|PEEL)"
    r"(?:-(?P<core>\d+)(?:\.(?P<sub>S?\d+))?|-(?P<area>[a-z]+(?:-[a-z]+)*))?$"
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
    legitimacy = {str(p) for p in graph.objects(pillars["legitimacy"], PEEL.headlinePredicate)}
    assert legitimacy == {"keeping people safe and reducing crime"}
    # the 2021+ scope is no pillar word: nothing in a title or heading can be read as it
    assert list(graph.objects(pillars["peel"], SKOS.altLabel)) == []


# ---------------------------------------------------------------------------------------
# Question frameworks
# ---------------------------------------------------------------------------------------


def test_question_frameworks_are_one_per_year_and_pillar(graph: Graph) -> None:
    schemes = _schemes_by_year(graph)
    assert set(schemes) == FRAMEWORKS
    for key, scheme in schemes.items():
        assert scheme == PID[f"scheme/questions-{key}"]
        assert graph.value(scheme, PEEL.peelYear).datatype == XSD.gYear
        tops = set(graph.objects(scheme, SKOS.hasTopConcept))
        heads = {q for q in tops if (q, RDF.type, PEEL.HeadlineQuestion) in graph}
        if heads:  # one headline question, the only top concept
            assert tops == heads and len(heads) == 1, key
        else:  # no headline question: the core questions are the top concepts
            assert tops == {
                q
                for q in graph.subjects(SKOS.inScheme, scheme)
                if (q, RDF.type, PEEL.CoreQuestion) in graph
            }, key


def test_frameworks_without_a_headline_question_are_the_ones_the_sources_give_none(
    graph: Graph,
) -> None:
    schemes = _schemes_by_year(graph)
    headless = {
        key
        for key, scheme in schemes.items()
        if not any(
            (q, RDF.type, PEEL.HeadlineQuestion) in graph
            for q in graph.objects(scheme, SKOS.hasTopConcept)
        )
    }
    assert headless == {
        "2014-effectiveness",
        "2014-efficiency",
        "2015-leadership",
        "2021-peel",
        "2023-peel",
    }


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
            is_area = (node, RDF.type, PEEL.AreaOfPolicing) in graph
            assert is_area == (match["area"] is not None), (
                f"{code}: only an area of policing (and every one) has a code naming the area"
            )
            if is_area:  # a top concept of a 2021+ framework, with no number of the PAF
                assert pillar == "peel" and level == "core" and int(year) >= 2021, code
                assert graph.value(node, PEEL.questionNumber) is None, code
                assert (node, SKOS.topConceptOf, scheme) in graph, code
                continue
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
            top = (node, SKOS.topConceptOf, scheme) in graph
            if level == "headline" or (level == "core" and top):
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
    ungraded = {
        "2014-EFF-4",
        "2014-EFF-5",
        "2014-EFF-6",
        "2015-LEG-2",
        "2015-LEA-1",
        "2015-LEA-2",
        "2015-LEA-3",
        "2016-EFF-5",
        "2017-EFF-5",
        "2018-EFF-5",
        "2021-PEEL-1",
        "2023-PEEL-1",
    }
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
    four = {"outstanding", "good", "requires-improvement", "inadequate"}
    non_grades = {"ungraded", "not-inspected"}
    for key, scheme in _schemes_by_year(graph).items():
        year = int(key[:4])
        allowed = {_tail(g, "grade") for g in graph.objects(scheme, PEEL.allowedGrade)}
        if key == "2015-leadership":  # assessed, never graded
            assert allowed == non_grades
        else:
            assert allowed == (four if year < 2021 else four | {"adequate"}) | non_grades, key


def test_every_framework_names_its_grading_scale(graph: Graph) -> None:
    for key, scheme in _schemes_by_year(graph).items():
        scales = list(graph.objects(scheme, PEEL.gradeScale))
        expected = "four-tier" if int(key[:4]) < 2021 else "five-tier"
        assert scales == [PID[f"scheme/grade-scale-{expected}"]], key
        scale_grades = set(graph.objects(scales[0], SKOS.hasTopConcept))
        for grade in graph.objects(scheme, PEEL.allowedGrade):
            assert grade in scale_grades or _tail(grade, "grade") in {
                "ungraded",
                "not-inspected",
            }, f"{key} allows {grade}, which is not on its scale"


def test_the_four_and_five_tier_scales_are_distinct_and_not_comparable(graph: Graph) -> None:
    four, five = PID["scheme/grade-scale-four-tier"], PID["scheme/grade-scale-five-tier"]
    for scale in (four, five):
        assert (scale, RDF.type, PEEL.GradeScale) in graph
        assert (scale, RDF.type, SKOS.ConceptScheme) in graph
        assert list(graph.objects(scale, DCTERMS.source)), scale
    tiers = {
        scale: {_tail(g, "grade") for g in graph.objects(scale, SKOS.hasTopConcept)}
        for scale in (four, five)
    }
    assert tiers[four] == {"outstanding", "good", "requires-improvement", "inadequate"}
    assert tiers[five] == tiers[four] | {"adequate"}
    assert (four, PEEL.notComparableWith, five) in graph
    assert (five, PEEL.notComparableWith, four) in graph
    # peel:notComparableWith is declared in the ontology, symmetric
    ontology = _file_graph("peel.ttl")
    assert (PEEL.notComparableWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (PEEL.gradeScale, RDFS.range, PEEL.GradeScale) in ontology
    # each five-tier grade carries HMICFRS's definition
    for grade in tiers[five]:
        note = graph.value(PID[f"grade/{grade}"], SKOS.scopeNote)
        assert note is not None and "characteristics of good" in str(note) or grade == "inadequate"


def test_2021_and_2023_frameworks_are_not_comparable_with_each_other(graph: Graph) -> None:
    a, b = PID["scheme/questions-2021-peel"], PID["scheme/questions-2023-peel"]
    assert (a, PEEL.notComparableWith, b) in graph and (b, PEEL.notComparableWith, a) in graph


def test_no_close_match_crosses_a_break_in_comparability(graph: Graph) -> None:
    def framework(question: URIRef) -> URIRef:
        return next(
            s
            for s in graph.objects(question, SKOS.inScheme)
            if (s, RDF.type, PEEL.QuestionFramework) in graph
        )

    for a, b in graph.subject_objects(SKOS.closeMatch):
        fa, fb = framework(a), framework(b)
        sa, sb = graph.value(fa, PEEL.gradeScale), graph.value(fb, PEEL.gradeScale)
        assert sa == sb, f"{a} closeMatch {b} crosses from {sa} to {sb}"
        assert (fa, PEEL.notComparableWith, fb) not in graph, f"{a} closeMatch {b}"


def test_every_framework_and_question_names_its_source(graph: Graph) -> None:
    """Each wording records the public page it comes from (or the printed report's ISBN)."""
    for key, scheme in _schemes_by_year(graph).items():
        assert list(graph.objects(scheme, DCTERMS.source)), f"{key} has no dcterms:source"
        assert (scheme, PEEL.synthetic, None) not in graph, f"{key} is marked synthetic"
    nodes = set(graph.subjects(RDF.type, PEEL.Question)) | set(
        graph.subjects(RDF.type, PEEL.Section)
    )
    assert len(nodes) > 80
    for node in nodes:
        sources = list(graph.objects(node, DCTERMS.source))
        assert sources, f"{node} has no dcterms:source"
        for source in sources:
            assert isinstance(source, URIRef), f"{node}: source {source!r} is not an IRI"
            assert re.match(r"^(https?://[^\s]+|urn:isbn:97[89]\d{10})$", str(source)), source


def test_no_wording_is_a_placeholder(graph: Graph) -> None:
    """No invented wording: a label never stands in for a question whose wording is unknown."""
    for node in graph.subjects(RDF.type, PEEL.Question):
        for label in graph.objects(node, SKOS.prefLabel):
            text = str(label)
            assert "not recorded" not in text and "placeholder" not in text.lower(), node
            assert not text.endswith(("...", "\u2026")), f"{node}: cut wording {text!r}"
        assert graph.value(node, SKOS.editorialNote) is None or "Placeholder" not in str(
            graph.value(node, SKOS.editorialNote)
        )


def test_question_codes_are_unique(graph: Graph) -> None:
    codes = Counter(
        str(graph.value(q, SKOS.notation))
        for cls in (PEEL.Question, PEEL.Section)
        for q in graph.subjects(RDF.type, cls)
    )
    assert [code for code, n in codes.items() if n > 1] == []
    for q in graph.subjects(RDF.type, PEEL.Question):
        assert len(list(graph.objects(q, SKOS.notation))) == 1, q
        assert len(list(graph.objects(q, SKOS.prefLabel))) == 1, q


def test_2018_leadership_questions_are_the_asterisked_ones(graph: Graph) -> None:
    marked = {
        str(graph.value(q, SKOS.notation))
        for q in graph.subjects(PEEL.assessesLeadership, Literal(True))
    }
    assert marked == {"2018-EFF-1.1", "2018-EFF-2.1", "2018-EFF-3.1"}


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
    assert label("2014-eff-6") == (
        "How effective is the force at meeting its commitments under the Strategic Policing "
        "Requirement?"
    )
    assert label("2015-efy-2") == "How sustainable and affordable is the workforce model?"
    assert label("2014-efy-3") == (
        "To what extent has the force got an affordable way of providing policing?"
    )
    assert label("2015-leg-2") == (
        "To what extent are forces recording crimes in accordance with the Home Office "
        "Counting Rules?"
    )
    assert label("2015-lea-3") == (
        "How is the force developing leadership, motivating the workforce and encouraging "
        "staff engagement?"
    )
    assert label("2016-efy") == (
        "The extent to which the force is efficient at keeping people safe and reducing crime"
    )
    assert label("2018-efy") == (
        "How efficiently does the force operate and how sustainable are its services?"
    )
    assert label("2018-leg-2") == (
        "How well does the force ensure that its workforce behaves ethically and lawfully?"
    )
    assert label("2021-peel-1") == "How good is the force\u2019s service for victims of crime?"
    assert label("2023-peel-1") == label("2021-peel-1")
    # what the stored pages cut off is left out, not completed
    for missing in ("2015-lea-4", "2015-eff-1.1", "2018-eff-4.2", "2021-peel-2", "2023-peel-2"):
        assert (PID[f"question/{missing}"], None, None) not in graph, missing


def test_2017_legitimacy_questions_are_worded_as_the_2017_pages_word_them(graph: Graph) -> None:
    """The 2017 legitimacy headline and core questions 1 and 2 as the PEEL 2017 Thames Valley
    legitimacy page words them; question 3 (cut off there) in its 2018/19 wording, with an
    editorial note saying so; each linked to the 2018/19 question that carried it over."""
    page = URIRef(
        "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2017/thames-valley/"
        "legitimacy/"
    )

    def q(code: str) -> URIRef:
        return PID[f"question/{code}"]

    assert str(graph.value(q("2017-leg"), SKOS.prefLabel)) == (
        "How legitimate is the force at keeping people safe and reducing crime?"
    )
    # the landing pages' judgment wording stays a label of the headline
    alt = {str(a) for a in graph.objects(q("2017-leg"), SKOS.altLabel)}
    judgment = (
        "The extent to which the force is legitimate at keeping people safe and reducing crime"
    )
    assert judgment in alt
    for n in (1, 2, 3):
        code = f"2017-leg-{n}"
        assert graph.value(q(code), PEEL.questionNumber).toPython() == n
        assert graph.value(q(code), PEEL.graded).toPython() is True
        assert (q(code), SKOS.broader, q("2017-leg")) in graph
        # the same wording as the 2018/19 question, which carried the 2017 judgment over
        assert graph.value(q(code), SKOS.prefLabel) == graph.value(
            q(f"2018-leg-{n}"), SKOS.prefLabel
        )
        assert (q(code), SKOS.closeMatch, q(f"2018-leg-{n}")) in graph
    for n in (1, 2):
        assert (q(f"2017-leg-{n}"), DCTERMS.source, page) in graph
    assert (q("2017-leg-3"), DCTERMS.source, page) not in graph
    assert graph.value(q("2017-leg-3"), SKOS.editorialNote) is not None
    # the diagnostic questions are on no page at hand
    assert (q("2017-leg-1.1"), None, None) not in graph


def test_2017_efficiency_records_the_questions_as_pages_word_them(graph: Graph) -> None:
    """Headline and core questions 1 and 2 as the PEEL 2017 Thames Valley efficiency page
    words them; question 3 (cut off there; the press releases grade 'planning for the
    future' but word no question) by the releases' phrasing, with the releases as its
    source, its own wording not invented."""

    def q(code: str) -> URIRef:
        return PID[f"question/{code}"]

    assert str(graph.value(q("2017-efy"), SKOS.prefLabel)) == (
        "How efficient is the force at keeping people safe and reducing crime?"
    )
    assert str(graph.value(q("2017-efy-1"), SKOS.prefLabel)) == (
        "How well does the force understand demand?"
    )
    assert str(graph.value(q("2017-efy-2"), SKOS.prefLabel)) == (
        "How well does the force use its resources?"
    )
    assert str(graph.value(q("2017-efy-3"), SKOS.prefLabel)) == "Planning for the future"
    assert not str(graph.value(q("2017-efy-3"), SKOS.prefLabel)).endswith("?")
    sources = {str(s) for s in graph.objects(q("2017-efy-3"), DCTERMS.source)}
    assert any("peel-police-efficiency-2017-force-press-releases" in s for s in sources)
    assert (q("2017-efy-3"), SKOS.closeMatch, q("2018-efy-2")) in graph
    comment = str(graph.value(PID["scheme/questions-2017-efficiency"], RDFS.comment))
    assert "core question 3" in comment and "not recorded" in comment


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
    for key in FRAMEWORKS - {"2016-effectiveness", "2014-effectiveness"}:
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


# ---------------------------------------------------------------------------------------
# Through peelgraph: the vocabulary, the force look-up, comparability
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def vocab():  # type: ignore[no-untyped-def]
    from peelgraph.reference import read_reference_graph, vocabulary_of

    return vocabulary_of(read_reference_graph())


def test_every_framework_file_loads_as_a_framework_of_the_vocabulary(vocab) -> None:  # type: ignore[no-untyped-def]
    assert {f"{year}-{pillar}" for year, pillar in vocab.frameworks} == FRAMEWORKS
    for (year, pillar), framework in vocab.frameworks.items():
        assert framework.key == f"questions-{year}-{pillar}"
        assert framework.scale == ("four-tier" if year < 2021 else "five-tier")
        assert not framework.synthetic
        assert framework.core() or framework.has_headline, framework.key
        for q in framework.questions:
            assert q.label and q.code.startswith(f"{year}-"), q


def test_a_framework_without_a_headline_says_so_clearly(vocab) -> None:  # type: ignore[no-untyped-def]
    from peelgraph.errors import ReferenceDataError

    framework = vocab.framework(2021, "peel")
    assert not framework.has_headline
    codes = [q.code for q in framework.core()]
    assert codes[0] == "2021-PEEL-1" and "2021-PEEL-responding-to-the-public" in codes
    assert all(q.number is None for q in framework.core()[1:])
    with pytest.raises(ReferenceDataError, match="PEEL 2021 peel framework .* no headline"):
        framework.headline  # noqa: B018
    assert vocab.framework(2016, "effectiveness").headline.code == "2016-EFF"


def test_leadership_marks_reach_the_vocabulary(vocab) -> None:  # type: ignore[no-untyped-def]
    framework = vocab.framework(2018, "effectiveness")
    assert {q.code for q in framework.questions if q.assesses_leadership} == {
        "2018-EFF-1.1",
        "2018-EFF-2.1",
        "2018-EFF-3.1",
    }


def test_grades_are_comparable_only_on_one_scale_within_a_comparable_cycle(vocab) -> None:  # type: ignore[no-untyped-def]
    fw = vocab.framework
    assert vocab.comparable(fw(2016, "effectiveness"), fw(2017, "effectiveness"))
    assert vocab.comparable(fw(2015, "efficiency"), fw(2018, "efficiency"))
    assert not vocab.comparable(fw(2018, "effectiveness"), fw(2021, "peel"))
    assert not vocab.comparable(fw(2021, "peel"), fw(2023, "peel"))  # same scale, new cycle
    scales = {s.slug: s for s in vocab.scales}
    assert set(scales["five-tier"].grades) - set(scales["four-tier"].grades) == {"adequate"}
    assert scales["four-tier"].not_comparable_with == ("five-tier",)


# The names the issue asks for, and others people use, each to its force.
FORCE_NAMES = [
    ("Metropolitan Police Service", "metropolitan"),
    ("the Met", "metropolitan"),
    ("The Met", "metropolitan"),
    ("Metropolitan", "metropolitan"),
    ("MPS", "metropolitan"),
    ("Devon & Cornwall", "devon-and-cornwall"),
    ("Devon and Cornwall Police", "devon-and-cornwall"),
    ("Dyfed-Powys", "dyfed-powys"),
    ("Dyfed Powys Police", "dyfed-powys"),
    ("Heddlu Dyfed-Powys", "dyfed-powys"),
    ("GMP", "greater-manchester"),
    ("Thames Valley", "thames-valley"),
    ("thames valley police", "thames-valley"),
    ("Avon & Somerset Constabulary", "avon-and-somerset"),
    ("Hampshire and Isle of Wight Constabulary", "hampshire"),
    ("Lancashire Police", "lancashire"),
    ("City of London", "city-of-london"),
    ("Kent Police.", "kent"),
]


@pytest.mark.parametrize(("name", "slug"), FORCE_NAMES)
def test_force_labels_resolve(vocab, name: str, slug: str) -> None:  # type: ignore[no-untyped-def]
    force = vocab.force_by_label(name)
    assert force is not None and force.slug == slug, name


@pytest.mark.parametrize(
    "name",
    [
        "Wessex",
        "Wessex Constabulary",
        "Devon",
        "Police",
        "Manchester",
        "British Transport Police",
        "West",
        "HMIC",
        "England and Wales",
        "",
    ],
)
def test_names_that_are_no_force_resolve_to_none(vocab, name: str) -> None:  # type: ignore[no-untyped-def]
    assert vocab.force_by_label(name) is None


def test_every_label_of_every_force_resolves_to_it_and_no_label_is_shared(vocab) -> None:  # type: ignore[no-untyped-def]
    from peelgraph.vocab import label_key

    assert len(vocab.forces) == 43
    owners: dict[str, str] = {}
    for force in vocab.forces:
        assert force.hidden_labels or force.alt_labels, force.slug
        for label in force.labels:
            assert vocab.force_by_label(label).slug == force.slug, label
            assert owners.setdefault(label_key(label), force.slug) == force.slug, label
    # hidden labels are for look-up only: the extractor's short names are the altLabels
    met = vocab.force("metropolitan")
    assert "MPS" in met.hidden_labels and "MPS" not in met.alt_labels


def test_a_label_two_forces_share_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from peelgraph.errors import ReferenceDataError
    from peelgraph.reference import read_reference_graph, vocabulary_of

    extra = tmp_path / "clash.ttl"
    extra.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/peelgraph/id/force/kent> skos:hiddenLabel "the Met"@en .\n',
        encoding="utf-8",
    )
    with pytest.raises(ReferenceDataError, match="'the Met' names both"):
        vocabulary_of(read_reference_graph([extra]))


def test_two_frameworks_for_one_year_and_pillar_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from peelgraph.errors import ReferenceDataError
    from peelgraph.reference import read_reference_graph, vocabulary_of

    extra = tmp_path / "again.ttl"
    extra.write_text(
        "@prefix peel: <https://w3id.org/peelgraph/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "<https://w3id.org/peelgraph/id/scheme/my-2016-efficiency> a peel:QuestionFramework ;\n"
        '  peel:peelYear "2016"^^xsd:gYear ;\n'
        "  peel:pillar <https://w3id.org/peelgraph/id/pillar/efficiency> .\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceDataError, match="two question frameworks for PEEL 2016 effic"):
        vocabulary_of(read_reference_graph([extra]))


def test_the_synthetic_frameworks_stand_in_for_what_is_too_partly_known() -> None:
    from peelgraph.reference import read_reference_graph, vocabulary_of
    from peelgraph.synth.corpus import SYNTHETIC_FRAMEWORKS

    graph = read_reference_graph([SYNTHETIC_FRAMEWORKS])
    vocab = vocabulary_of(graph)
    synthetic = {f"{y}-{p}" for (y, p), f in vocab.frameworks.items() if f.synthetic}
    assert synthetic == {
        "2014-effectiveness",
        "2014-efficiency",
        "2014-legitimacy",
        "2015-efficiency",
        "2015-legitimacy",
        "2016-efficiency",
        "2016-legitimacy",
        "2017-efficiency",
        "2017-legitimacy",
        "2018-legitimacy",
    }
    # the replaced packaged schemes and their wording are gone, not merged with the invented
    for slot in synthetic:
        assert (PID[f"scheme/questions-{slot}"], None, None) not in graph, slot
    assert len(list(graph.objects(PID["question/2016-efy"], SKOS.prefLabel))) == 1
    # what is not replaced is the packaged data, and the packaged data alone is untouched
    assert not vocab.framework(2018, "efficiency").synthetic
    packaged = vocabulary_of(read_reference_graph())
    assert not any(f.synthetic for f in packaged.frameworks.values())


def _extra(tmp_path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "extra.ttl"
    path.write_text(
        "@prefix peel: <https://w3id.org/peelgraph/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix scheme: <https://w3id.org/peelgraph/id/scheme/> .\n" + body,
        encoding="utf-8",
    )
    return path


def test_only_a_synthetic_framework_may_replace_a_packaged_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from peelgraph.errors import ReferenceDataError
    from peelgraph.reference import read_reference_graph

    mine = _extra(
        tmp_path,
        "scheme:mine a peel:QuestionFramework ; peel:replaces scheme:questions-2016-efficiency .\n",
    )
    with pytest.raises(ReferenceDataError, match="is not marked peel:synthetic"):
        read_reference_graph([mine])
    unknown = _extra(
        tmp_path,
        "scheme:mine a peel:QuestionFramework ; peel:synthetic true ;\n"
        "  peel:replaces scheme:questions-2019-efficiency .\n",
    )
    with pytest.raises(ReferenceDataError, match="no question framework of the reference data"):
        read_reference_graph([unknown])


# ---------------------------------------------------------------------------------------
# SHACL: each shape of the new structure passes on the reference data and fails when broken
# ---------------------------------------------------------------------------------------

GRADE = Namespace(str(PID["grade/"]))
SCALE_FOUR = PID["scheme/grade-scale-four-tier"]
SCALE_FIVE = PID["scheme/grade-scale-five-tier"]


@pytest.fixture(params=["turbo", "pyshacl"])
def ctx(request):  # type: ignore[no-untyped-def]
    from peelgraph.context import context_for

    return context_for((), request.param)


@pytest.fixture()
def reference():  # type: ignore[no-untyped-def]
    from peelgraph.reference import read_reference_graph

    return read_reference_graph()


def _violations(ctx, reference: Graph) -> list[tuple[str, str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    from peelgraph.validate import validate_ntriples

    report = validate_ntriples("", ctx, reference=reference.serialize(format="nt"))
    return [(v.focus, v.path, v.value, v.message) for v in report.violations]


def _fails(ctx, reference: Graph, focus: URIRef, message: str) -> None:  # type: ignore[no-untyped-def]
    found = _violations(ctx, reference)
    assert any(f == str(focus) and message in m for f, _, _, m in found), (
        f"expected [{focus}: {message}] in {found}"
    )


def test_the_reference_data_conforms(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    assert _violations(ctx, reference) == []


def test_a_framework_needs_a_grading_scale(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    scheme = PID["scheme/questions-2016-effectiveness"]
    reference.remove((scheme, PEEL.gradeScale, None))
    _fails(ctx, reference, scheme, "names its one grading scale")


def test_a_four_tier_framework_cannot_allow_adequate(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    scheme = PID["scheme/questions-2018-effectiveness"]
    reference.add((scheme, PEEL.allowedGrade, GRADE["adequate"]))
    _fails(ctx, reference, scheme, "allows 'adequate', which is not on its grading scale")
    reference.set((scheme, PEEL.gradeScale, SCALE_FIVE))  # a five-tier framework may
    assert not any(f == str(scheme) for f, *_ in _violations(ctx, reference))


def test_a_framework_names_its_source_unless_synthetic(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    scheme = PID["scheme/questions-2015-efficiency"]
    reference.remove((scheme, DCTERMS.source, None))
    _fails(ctx, reference, scheme, "names the public page its wording comes from")
    reference.add((scheme, PEEL.synthetic, Literal(True)))
    assert not any(f == str(scheme) for f, *_ in _violations(ctx, reference))


def test_a_question_names_its_source_unless_its_framework_is_synthetic(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    question = PID["question/2018-leg-2"]
    reference.remove((question, DCTERMS.source, None))
    _fails(ctx, reference, question, "names no public page it comes from")


def test_not_comparable_is_stated_both_ways(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    reference.remove((SCALE_FIVE, PEEL.notComparableWith, SCALE_FOUR))
    _fails(ctx, reference, SCALE_FOUR, "does not say so in return")


def test_a_scale_lists_grades(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    reference.remove((SCALE_FOUR, SKOS.hasTopConcept, None))
    _fails(ctx, reference, SCALE_FOUR, "lists its grades")


def test_a_core_question_is_a_top_concept_only_without_a_headline(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    question, scheme = PID["question/2016-eff-2"], PID["scheme/questions-2016-effectiveness"]
    reference.remove((question, SKOS.broader, None))
    reference.add((question, SKOS.topConceptOf, scheme))
    _fails(ctx, reference, question, "must sit under it")


def test_a_core_question_of_a_headless_framework_still_belongs_somewhere(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    question = PID["question/2021-peel-1"]
    reference.remove((question, SKOS.topConceptOf, None))
    _fails(ctx, reference, question, "sits under exactly one broader question, or is a top")


def test_a_2021_code_is_a_peel_code(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    question = PID["question/2021-peel-1"]
    reference.set((question, SKOS.notation, Literal("2021-AREA-1")))
    _fails(ctx, reference, question, "one code such as")


def test_a_force_has_one_preferred_name(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    force = PID["force/thames-valley"]
    reference.add((force, SKOS.prefLabel, Literal("TVP", lang="en")))
    _fails(ctx, reference, force, "a force has one name")


def test_leadership_flag_is_a_boolean(ctx, reference) -> None:  # type: ignore[no-untyped-def]
    question = PID["question/2018-eff-1.1"]
    reference.set((question, PEEL.assessesLeadership, Literal("yes")))
    _fails(ctx, reference, question, "one xsd:boolean")


def test_2023_areas_of_policing_are_named_by_their_pages_and_linked_to_no_earlier_question(
    graph: Graph,
) -> None:
    """The 2023-25 areas are recorded as the 2021/22 ones are: graded top concepts with no
    number, each naming the news pages its label was read from, none skos:closeMatch to an
    area or question of another cycle (2023-25 grades are not comparable with 2021/22 ones)."""
    scheme = PID["scheme/questions-2023-peel"]
    areas = set(graph.subjects(RDF.type, PEEL.AreaOfPolicing)) & set(
        graph.subjects(SKOS.inScheme, scheme)
    )
    labels = {str(graph.value(a, SKOS.prefLabel)) for a in areas}
    assert labels == {
        "Investigating crime",
        "Responding to the public",
        "Protecting vulnerable people",
        "Managing offenders",
        "Leadership and force management",
        "Preventing crime",
        "Public treatment",
        "Developing a positive workplace",
        "Crime data integrity",
    }
    # news reports of 2023-25 reports, and HMICFRS's own press releases of them
    news = (
        "hellorayo.co.uk",
        "policeprofessional.com",
        "sloughexpress.co.uk",
        "wiltshiretimes.co.uk",
        "justiceinspectorates.gov.uk/news/news-feed/",
    )
    for area in areas:
        assert (area, SKOS.topConceptOf, scheme) in graph
        assert graph.value(area, PEEL.graded).toPython() is True
        assert graph.value(area, PEEL.questionNumber) is None
        sources = [str(s) for s in graph.objects(area, DCTERMS.source)]
        assert sources and all(any(n in s for n in news) for s in sources), area
        assert (area, SKOS.closeMatch, None) not in graph
        assert (None, SKOS.closeMatch, area) not in graph
