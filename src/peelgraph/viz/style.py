"""What the views take from the reference data, and the colour arithmetic they share.

Each partner type's colour is ``peel:colour`` in ``ontology/partner-types.ttl`` (never a
position in a list, so a type has one colour in every view and format); regions are the
``skos:Collection`` s of ``ontology/regions.ttl``; question texts are the frameworks'
``skos:prefLabel``. Label colours are chosen for contrast (WCAG 2 relative luminance), never
fixed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from .. import iris
from ..errors import ReferenceDataError
from ..iris import PEEL

#: Inspected forces (and regions of forces) are drawn as dark squares: by shape, not by a
#: partner-type colour, so a force as a partner (type "police force") is never confused
#: with an inspected one.
FORCE_FILL = "#222222"
#: The colour of text on the page's white background, and of the light shades' text.
INK = "#1a1a1a"
PAPER = "#ffffff"
#: The colour of a partner whose type the reference data does not know.
UNKNOWN = "#9e9e9e"
#: Matrix shades (evidence count bins), light to dark; the label colour of each is computed.
SHADES = ("#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08519c")  # ColorBrewer Blues
SHADE_BINS = (1, 2, 3, 5, 9)  # a count >= SHADE_BINS[i] gets SHADES[i]

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def label_colour(fill: str) -> str:
    """The text colour (ink or paper) that reads best on ``fill``."""
    return INK if contrast(INK, fill) >= contrast(PAPER, fill) else PAPER


def shade_bins(largest: int, smallest: int = 1) -> tuple[int, ...]:
    """The lower bounds of the five shades for counts from ``smallest`` to ``largest``: 1,
    2, 3, 5, 9 for small counts; for larger ones (aggregated views), five steps of equal
    ratio from the smallest to the largest, so the darkest shade is not everywhere."""
    if largest <= 16:
        return SHADE_BINS
    low = max(1, smallest)
    bins = [low]
    for step in (1, 2, 3, 4):
        bins.append(max(bins[-1] + 1, round(low * (largest / low) ** (step / 5))))
    return tuple(bins)


def bin_labels(bins: tuple[int, ...]) -> list[str]:
    """ "1", "2", "3 to 4", ..., "9 or more" for the bounds of :func:`shade_bins`."""
    labels = []
    for low, high in zip(bins, [*bins[1:], 0], strict=True):
        if not high:
            labels.append(f"{low} or more")
        elif high - 1 == low:
            labels.append(str(low))
        else:
            labels.append(f"{low} to {high - 1}")
    return labels


def shade(count: int, bins: tuple[int, ...] = SHADE_BINS) -> str:
    """The matrix fill of a cell with ``count`` items of evidence (0: none)."""
    colour = PAPER
    for low, fill in zip(bins, SHADES, strict=True):
        if count >= low:
            colour = fill
    return colour


@dataclass(frozen=True)
class Region:
    slug: str
    label: str
    forces: tuple[str, ...]  # force IRIs

    @property
    def iri(self) -> str:
        return str(iris.region(self.slug))


@dataclass(frozen=True)
class VizReference:
    """Partner-type colours (by type label), regions, and question texts (by code)."""

    colours: dict[str, str] = field(default_factory=dict)
    regions: tuple[Region, ...] = ()
    questions: dict[str, str] = field(default_factory=dict)
    type_iris: dict[str, str] = field(default_factory=dict)  # partner type label -> IRI

    def colour(self, partner_type: str) -> str:
        return self.colours.get(partner_type, UNKNOWN)

    def region_of(self, force_iri: str) -> Region | None:
        for region in self.regions:
            if force_iri in region.forces:
                return region
        return None


def viz_reference(graph: Graph) -> VizReference:
    """Read colours, regions and question texts from a reference graph."""
    colours: dict[str, str] = {}
    type_iris: dict[str, str] = {}
    for ptype in graph.subjects(RDF.type, PEEL.PartnerType):
        label = graph.value(ptype, SKOS.prefLabel)
        colour = graph.value(ptype, PEEL.colour)
        if label is None:
            continue
        if colour is None or not _HEX.fullmatch(str(colour)):
            raise ReferenceDataError(
                f"partner type {ptype} has no peel:colour as #RRGGBB in ontology/"
            )
        colours[str(label)] = str(colour).lower()
        type_iris[str(label)] = str(ptype)
    regions = []
    base = str(iris.region(""))
    for node in graph.subjects(RDF.type, SKOS.Collection):
        if not isinstance(node, URIRef) or not str(node).startswith(base):
            continue
        label = graph.value(node, SKOS.prefLabel)
        forces = tuple(sorted(str(f) for f in graph.objects(node, SKOS.member)))
        regions.append(Region(str(node)[len(base) :], str(label or node), forces))
    questions = {}
    for q, code in graph.subject_objects(SKOS.notation):
        label = graph.value(q, SKOS.prefLabel)
        if label is not None and (q, SKOS.inScheme, None) in graph:
            questions[str(code)] = str(label)
    regions.sort(key=lambda r: r.label)
    return VizReference(colours, tuple(regions), questions, type_iris)
