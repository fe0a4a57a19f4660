"""Links across reports: follow-ups and recurring areas for improvement of the same force."""

from __future__ import annotations

from rdflib import Dataset

from peelgraph import iris
from peelgraph.build import build
from peelgraph.iris import LINKS_GRAPH, PEEL
from peelgraph.links import cross_report_links, similarity

from .conftest import SEED_FULL, TEST_DATA
from .helpers import fictional_context

WESSEX_2015 = TEST_DATA / "wessex-constabulary-2015-effectiveness.txt"
WESSEX_2016 = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"


def test_similarity_is_about_content_words():
    assert (
        similarity(
            "The force should review its capacity", "the constabulary should review its capacity"
        )
        == 1
    )
    assert similarity("The force should train officers", "Victims wait too long") == 0


def test_follow_up_and_recurring_afis_are_linked_to_the_earlier_report():
    result = build([WESSEX_2015, WESSEX_2016, SEED_FULL], workers=1, context=fictional_context())
    assert result.validation.conforms, result.validation.as_text()
    links = cross_report_links(result.reports)
    kinds = sorted((link.later_kind, link.earlier.text[:40]) for link in links)
    assert kinds == [
        ("afi", "The constabulary should improve its unde"),
        ("afi", "The constabulary should review its capac"),
        ("follow-up", "The constabulary should ensure that offi"),
    ]
    follow_up = next(link for link in links if link.later_kind == "follow-up")
    assert follow_up.later.earlier_year == 2015
    assert follow_up.later.progress == "improved"
    assert {link.earlier_report for link in links} == {"wessex-2015-effectiveness"}
    # the links have their own named graph in the output
    ds = Dataset()
    ds.parse(data=result.nquads().decode("utf-8"), format="nquads")
    graph = ds.graph(LINKS_GRAPH)
    assert len(list(graph.triples((None, PEEL.followsUp, None)))) == 3


def test_no_links_across_forces_or_without_an_earlier_report():
    result = build([WESSEX_2016, SEED_FULL], workers=1, context=fictional_context())
    assert cross_report_links(result.reports) == []
    assert b"#followsUp>" not in result.links  # the cross-report graph holds partnerships only


def test_link_shape_fails_when_the_earlier_item_is_not_an_afi():
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    from peelgraph.validate import validate_links

    later, earlier, other = (URIRef(f"https://example.org/{n}") for n in ("later", "e", "o"))
    g = Graph()
    g.add((later, PEEL.followsUp, earlier))
    g.add((later, PEEL.followsUp, other))
    g.add((earlier, RDF.type, PEEL.AreaForImprovement))
    g.add((other, RDF.type, PEEL.Finding))
    report = validate_links(g.serialize(format="nt"), "", fictional_context())
    messages = {(v.focus, v.message) for v in report.violations}
    assert (str(later), "an item follows up at most one earlier area for improvement") in messages


def test_a_built_file_with_links_validates_and_a_broken_link_is_named(tmp_path):
    """'peelgraph validate' checks the links graph as the build does: the link shape, with
    the types of both ends taken from their report graphs."""
    from rdflib import URIRef

    from peelgraph.graphio import load_dataset, write_graphs
    from peelgraph.validate import validate_dataset

    result = build([WESSEX_2015, WESSEX_2016], workers=1, context=fictional_context())
    out = tmp_path / "peel.trig"
    write_graphs(out, [data for _, data in result.graphs()], "trig")
    ds = load_dataset(out)
    ctx = fictional_context()
    assert validate_dataset(ds, ctx).conforms, validate_dataset(ds, ctx).as_text()
    later = next(ds.graph(LINKS_GRAPH).subjects(PEEL.followsUp, None))
    judgment = next(ds.quads((None, PEEL.grade, None, None)))[0]
    ds.graph(LINKS_GRAPH).add((later, PEEL.followsUp, URIRef(judgment)))
    report = validate_dataset(ds, ctx)
    assert not report.conforms
    assert {(v.graph, v.focus) for v in report.violations} == {(str(LINKS_GRAPH), str(later))}


def test_a_file_validates_the_same_read_natively_or_through_rdflib(tmp_path):
    """'peelgraph validate' reads TriG and N-Quads with Oxigraph's parser: the same report as
    an rdflib Dataset gives, conforming or not, for report graphs and the links graph."""
    from rdflib import Literal, URIRef

    from peelgraph.graphio import load_dataset, write_graphs
    from peelgraph.validate import validate_dataset, validate_file

    result = build([WESSEX_2015, WESSEX_2016], workers=1, context=fictional_context())
    good = tmp_path / "peel.trig"
    write_graphs(good, [data for _, data in result.graphs()], "trig")
    assert validate_file(good, fictional_context()) == validate_dataset(
        load_dataset(good), fictional_context()
    )
    assert (
        validate_file(good, fictional_context()).graphs == 3
        and validate_file(good, fictional_context()).conforms
    )

    ds = load_dataset(good)
    later = next(ds.graph(LINKS_GRAPH).subjects(PEEL.followsUp, None))
    judgment, _, _, graph = next(ds.quads((None, PEEL.grade, None, None)))
    ds.graph(LINKS_GRAPH).add((later, PEEL.followsUp, URIRef(judgment)))
    ds.graph(graph).set((judgment, PEEL.grade, Literal("excellent")))
    for suffix, fmt in ((".trig", "trig"), (".nq", "nquads")):
        broken = tmp_path / f"broken{suffix}"
        broken.write_bytes(ds.serialize(format=fmt, encoding="utf-8"))
        native, through_rdflib = (
            validate_file(broken, fictional_context()),
            validate_dataset(load_dataset(broken), fictional_context()),
        )
        assert native == through_rdflib
        assert {v.graph for v in native.violations} == {str(LINKS_GRAPH), str(graph)}


_SUMMARY = """Wessex PEEL {year}
Effectiveness
How effective is the force at keeping people safe and reducing crime?
How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?
{text}
"""  # noqa: E501


def test_a_judgment_carried_over_links_to_the_earlier_judgment(tmp_path):
    from rdflib import Graph

    from peelgraph.validate import validate_file

    earlier = tmp_path / "wessex-2016.txt"
    earlier.write_text(
        _SUMMARY.format(year=2016, text="Wessex Constabulary is good at preventing crime."),
        encoding="utf-8",
    )
    later = tmp_path / "wessex-2017.txt"
    stands = (
        "This question was not inspected in 2017. The grade and findings from last "
        "year\u2019s inspection still stand."
    )
    later.write_text(_SUMMARY.format(year=2017, text=stands), encoding="utf-8")
    result = build([earlier, later], workers=1, context=fictional_context())
    assert result.validation.conforms and result.links_validation.conforms
    links = Graph()
    for s, p, o, _g in result.dataset.quads((None, PEEL.carriedOverJudgment, None, None)):
        links.add((s, p, o))
    assert set(links.subject_objects(PEEL.carriedOverJudgment)) == {
        (iris.judgment("wessex-2017-effectiveness", "2017-EFF-1"),
         iris.judgment("wessex-2016-effectiveness", "2016-EFF-1"))
    }  # fmt: skip
    out = tmp_path / "peel.nq"
    out.write_bytes(result.nquads())
    assert validate_file(out, fictional_context()).conforms
