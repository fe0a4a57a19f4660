"""Colours and regions of the views come from the reference data: each partner type a fixed
colour, distinct at a glance with and without colour-vision deficiency, its labels readable
(contrast at least 4.5:1, computed here from WCAG 2's definition); the 43 forces each in one
region."""

from __future__ import annotations

import itertools
import math

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from peelgraph.errors import ReferenceDataError
from peelgraph.iris import PEEL, PID
from peelgraph.viz.style import (
    FORCE_FILL,
    INK,
    PAPER,
    SHADES,
    contrast,
    label_colour,
    luminance,
    shade,
    viz_reference,
)


@pytest.fixture(scope="module")
def reference(context):
    return viz_reference(context.reference_graph)


def test_wcag_arithmetic():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)
    assert luminance("#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # WCAG's example


def test_every_partner_type_has_its_own_colour(reference, context):
    graph = context.reference_graph
    types = {
        str(graph.value(t, SKOS.prefLabel)) for t in graph.subjects(RDF.type, PEEL.PartnerType)
    }
    assert len(reference.colours) == 12
    assert len(set(reference.colours.values())) == 12
    assert reference.colours["multi-agency arrangement"] == "#cc6677"
    assert types == set(reference.colours)


@pytest.mark.parametrize(
    "fill", ["type colours", "matrix shades", "force fill"], ids=lambda x: x.replace(" ", "-")
)
def test_labels_on_fills_read_at_4_5_to_1(reference, fill):
    fills = {
        "type colours": list(reference.colours.values()),
        "matrix shades": list(SHADES),
        "force fill": [FORCE_FILL],
    }[fill]
    for colour in fills:
        assert contrast(label_colour(colour), colour) >= 4.5, colour
    assert contrast(INK, PAPER) >= 4.5


# Colour-vision deficiency simulation (Machado, Oliveira and Fernandes 2009, severity 1) and
# CIE76 distance in CIELAB: the twelve colours stay apart for every kind of vision.
_SIMULATIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _linear(colour: str) -> list[float]:
    out = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return out


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    m = ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505))
    x, y, z = (sum(m[i][j] * rgb[j] for j in range(3)) for i in range(3))

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x / 0.95047), f(y), f(z / 1.08883)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


@pytest.mark.parametrize("vision", sorted(_SIMULATIONS))
def test_type_colours_are_distinct_for_every_vision(reference, vision):
    matrix = _SIMULATIONS[vision]
    labs = {}
    for name, colour in reference.colours.items():
        rgb = _linear(colour)
        seen = [min(1.0, max(0.0, sum(matrix[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
        labs[name] = _lab(seen)
    closest = min((math.dist(labs[a], labs[b]), a, b) for a, b in itertools.combinations(labs, 2))
    assert closest[0] > 10, closest


def test_shades_grow_with_the_count():
    assert shade(0) == PAPER
    fills = [shade(n) for n in (1, 2, 3, 5, 9, 40)]
    assert fills[:5] == list(SHADES) and fills[5] == SHADES[-1]
    assert [luminance(f) for f in SHADES] == sorted((luminance(f) for f in SHADES), reverse=True)


def test_regions_cover_the_43_forces_once(reference, vocab):
    forces = {str(PID[f"force/{f.slug}"]) for f in vocab.forces}
    assert len(forces) == 43
    members = [f for region in reference.regions for f in region.forces]
    assert len(members) == len(set(members)) == 43 and set(members) == forces
    assert len(reference.regions) == 10
    south_east = reference.region_of(str(PID["force/thames-valley"]))
    assert south_east is not None and south_east.label == "South East"
    assert len(south_east.forces) == 5


def test_question_texts(reference):
    text = reference.questions["2016-EFF-1"]
    assert text.startswith("How effective is the force at preventing crime") and text.endswith("?")


def test_a_partner_type_without_a_colour_is_an_error(context):
    graph = Graph()
    for triple in context.reference_graph:
        graph.add(triple)
    graph.remove((PID["partner-type/academic"], PEEL.colour, None))
    with pytest.raises(ReferenceDataError, match="academic has no peel:colour"):
        viz_reference(graph)


def test_shade_steps_follow_the_largest_count():
    from peelgraph.viz.style import bin_labels, shade_bins

    assert bin_labels(shade_bins(9)) == ["1", "2", "3 to 4", "5 to 8", "9 or more"]
    bins = shade_bins(98, 16)  # counts by region: from about 16 to about a hundred
    assert bins[0] == 16 and list(bins) == sorted(set(bins)) and bins[-1] < 98
    assert shade(98, bins) == SHADES[-1] and shade(16, bins) == SHADES[0]
    assert len({shade(n, bins) for n in range(16, 99)}) == 5
    assert bin_labels(bins)[0] == f"16 to {bins[1] - 1}"
    assert bin_labels(bins)[-1] == f"{bins[-1]} or more"
