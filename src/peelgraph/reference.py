"""Reading the reference data (ontology, schemes, forces, gazetteer) and its plain-object view.

The Turtle files of ``ontology/`` are read at run time: adding a PEEL year, a force alias or a
partner body is a data change. :func:`vocabulary_of` hands extraction what it needs as plain
objects (see :mod:`peelgraph.vocab`). Nothing here is cached or global: a
:class:`~peelgraph.context.BuildContext` reads the data once and holds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from . import iris
from .errors import ReferenceDataError
from .iris import PEEL, PID
from .resources import SHAPES_FILE, ontology_file, packaged_reference_files
from .vocab import (
    CueDef,
    ForceDef,
    Framework,
    GradeDef,
    GradeScaleDef,
    PartnerDef,
    PillarDef,
    QuestionDef,
    TermDef,
    Vocabulary,
    label_key,
)


def _parse(graph: Graph, resource) -> None:  # type: ignore[no-untyped-def]
    where = str(resource) if isinstance(resource, Path) else f"ontology/{resource.name}"
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceDataError(f"{where} cannot be read as UTF-8 Turtle: {exc}") from exc
    try:
        graph.parse(data=text, format="turtle")
    except Exception as exc:  # rdflib raises many types for bad Turtle
        message = " ".join(str(exc).split())[:300]
        raise ReferenceDataError(f"{where} does not parse as Turtle: {message}") from exc


def reference_files_of(paths: Iterable[Path]) -> list[Path]:
    """The Turtle files named by ``--reference`` options: files as given and every ``*.ttl``
    of a folder; each must exist and parse (the error names the file)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.ttl"))
            if not found:
                raise ReferenceDataError(f"{path} holds no .ttl file")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise ReferenceDataError(f"{path}: no such reference file")
    for file in files:
        _parse(Graph(), file)
    return files


def read_reference_graph(extra: Iterable[Path] = ()) -> Graph:
    """The reference graph: every packaged ``ontology/*.ttl`` but the shapes, then ``extra``
    Turtle files, with peelgraph's prefixes bound. A synthetic framework of ``extra`` that
    ``peel:replaces`` a packaged one takes its place: the packaged scheme and its questions
    are left out (a build has one framework per PEEL year and pillar)."""
    graph = Graph()
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace)
    for resource in packaged_reference_files():
        _parse(graph, resource)
    for path in extra:
        own = Graph()
        _parse(own, path)
        _drop_replaced(graph, own, path)
        graph += own
    return graph


def _drop_replaced(graph: Graph, extra: Graph, path: Path) -> None:
    for scheme, replaced in sorted(extra.subject_objects(PEEL.replaces)):
        if (scheme, PEEL.synthetic, Literal(True)) not in extra:
            raise ReferenceDataError(
                f"{path}: {scheme} replaces {replaced} but is not marked peel:synthetic true",
                hint="only a framework invented for a synthetic corpus may stand in for a "
                "packaged one",
            )
        if (replaced, RDF.type, PEEL.QuestionFramework) not in graph:
            raise ReferenceDataError(
                f"{path}: {scheme} replaces {replaced}, which is no question framework of the "
                "reference data"
            )
        left_out = {replaced, *graph.subjects(SKOS.inScheme, replaced)}
        for node in left_out:
            graph.remove((node, None, None))
            graph.remove((None, None, node))


def read_shapes() -> Graph:
    """The SHACL shapes of ``ontology/shapes.ttl``."""
    graph = Graph()
    _parse(graph, ontology_file(SHAPES_FILE))
    return graph


def _iris(nodes: Iterable[Node]) -> list[URIRef]:
    """The IRIs among ``nodes``, sorted (reference data names every term by an IRI)."""
    return sorted(n for n in nodes if isinstance(n, URIRef))


def _tail(iri: Node, prefix: str) -> str:
    text = str(iri)
    base = str(PID[prefix])
    if not text.startswith(base):
        raise ReferenceDataError(f"{text} is not a {prefix} IRI")
    return text[len(base) :]


def _labels(graph: Graph, node: Node, prop: URIRef = SKOS.altLabel) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in graph.objects(node, prop)))


def _label(graph: Graph, node: Node) -> str:
    label = graph.value(node, SKOS.prefLabel)
    if label is None:
        raise ReferenceDataError(f"{node} has no skos:prefLabel in ontology/")
    return str(label)


def _int(value: object, default: int | None = None) -> int | None:
    return int(value.toPython()) if isinstance(value, Literal) else default


def _bool(value: object) -> bool:
    return bool(value.toPython()) if isinstance(value, Literal) else False


#: The question levels a framework's concepts have, by their class.
_LEVELS = {
    PEEL.HeadlineQuestion: "headline",
    PEEL.CoreQuestion: "core",
    PEEL.DiagnosticQuestion: "diagnostic",
    PEEL.Section: "section",
}


def _frameworks(graph: Graph) -> dict[tuple[int, str], Framework]:
    """Every question framework, by (PEEL year, pillar slug); two for one slot is an error."""
    frameworks: dict[tuple[int, str], Framework] = {}
    schemes: dict[tuple[int, str], URIRef] = {}
    for scheme in _iris(graph.subjects(RDF.type, PEEL.QuestionFramework)):
        year = graph.value(scheme, PEEL.peelYear)
        pillar = graph.value(scheme, PEEL.pillar)
        if year is None or pillar is None:
            raise ReferenceDataError(f"{scheme} lacks peel:peelYear or peel:pillar")
        questions = _questions(graph, scheme)
        key = _tail(scheme, "scheme/")
        allowed = tuple(
            sorted(_tail(g, "grade/") for g in graph.objects(scheme, PEEL.allowedGrade))
        )
        pillar_slug = _tail(pillar, "pillar/")  # type: ignore[arg-type]
        scale = graph.value(scheme, PEEL.gradeScale)
        slot = (int(str(year)[:4]), pillar_slug)
        if slot in schemes:
            raise ReferenceDataError(
                f"two question frameworks for PEEL {slot[0]} {pillar_slug}: {schemes[slot]} "
                f"and {scheme}",
                hint="a build has one framework per PEEL year and pillar; leave out the "
                "--reference file that repeats one the package ships",
            )
        schemes[slot] = scheme
        frameworks[slot] = Framework(
            key=key,
            year=slot[0],
            pillar=pillar_slug,
            questions=tuple(sorted(questions, key=lambda q: q.code)),
            allowed_grades=allowed,
            scale=str(graph.value(scale, SKOS.notation)) if scale is not None else None,
            not_comparable_with=tuple(
                sorted(_tail(o, "scheme/") for o in graph.objects(scheme, PEEL.notComparableWith))
            ),
            synthetic=_bool(graph.value(scheme, PEEL.synthetic)),
        )
    return frameworks


def _questions(graph: Graph, scheme: URIRef) -> list[QuestionDef]:
    """The questions (and sections) of one framework: its concepts that have a level."""
    questions = []
    for node in _iris(graph.subjects(SKOS.inScheme, scheme)):
        level = next((lv for cls, lv in _LEVELS.items() if (node, RDF.type, cls) in graph), None)
        if level is not None:
            questions.append(_question(graph, node, level))
    return questions


def _question(graph: Graph, node: URIRef, level: str) -> QuestionDef:
    parent = graph.value(node, SKOS.broader)
    parent_code = graph.value(parent, SKOS.notation) if parent is not None else None
    pattern = graph.value(node, PEEL.headingPattern)
    return QuestionDef(
        code=str(graph.value(node, SKOS.notation)),
        label=_label(graph, node),
        level=level,
        parent=str(parent_code) if parent_code is not None else None,
        number=_int(graph.value(node, PEEL.questionNumber)),
        graded=_bool(graph.value(node, PEEL.graded)),
        alt_labels=_labels(graph, node),
        heading_pattern=str(pattern) if pattern is not None else None,
        assesses_leadership=_bool(graph.value(node, PEEL.assessesLeadership)),
    )


def _scales(graph: Graph) -> tuple[GradeScaleDef, ...]:
    def slug(node: Node) -> str:
        notation = graph.value(node, SKOS.notation)
        if notation is None:
            raise ReferenceDataError(f"grade scale {node} has no skos:notation in ontology/")
        return str(notation)

    return tuple(
        GradeScaleDef(
            slug=slug(s),
            label=_label(graph, s),
            grades=tuple(sorted(_tail(g, "grade/") for g in graph.objects(s, SKOS.hasTopConcept))),
            not_comparable_with=tuple(
                sorted(slug(o) for o in graph.objects(s, PEEL.notComparableWith))
            ),
        )
        for s in _iris(graph.subjects(RDF.type, PEEL.GradeScale))
    )


def _force_labels(forces: tuple[ForceDef, ...]) -> dict[str, str]:
    """Every label of every force, by its look-up key; a label two forces share is an
    error in the reference data (a page naming it could not be told apart)."""
    owner: dict[str, str] = {}
    for force in forces:
        for label in force.labels:
            key = label_key(label)
            if owner.setdefault(key, force.slug) != force.slug:
                raise ReferenceDataError(
                    f"the force label {label!r} names both force/{owner[key]} and "
                    f"force/{force.slug}",
                    hint="a label may name one force only: remove it from one of them",
                )
    return owner


def _term_defs(graph: Graph, cls: URIRef, prefix: str) -> tuple[TermDef, ...]:
    defs = []
    for node in _iris(graph.subjects(RDF.type, cls)):
        defs.append(
            TermDef(
                slug=_tail(node, prefix),
                label=_label(graph, node),
                terms=tuple(sorted(str(t).lower() for t in graph.objects(node, PEEL.triggerTerm))),
                priority=_int(graph.value(node, PEEL.priority), 0) or 0,
            )
        )
    return tuple(defs)


def vocabulary_of(graph: Graph) -> Vocabulary:
    """The plain :class:`Vocabulary` of a reference graph."""
    grades = _grades(graph)
    pillars = _pillars(graph)
    forces = _forces(graph)
    partners = _partners(graph, forces)
    cues = _cues(graph)
    comparators = _comparators(graph)
    publishers = _publishers(graph)
    vocabulary = Vocabulary(
        frameworks=_frameworks(graph),
        grades=grades,
        pillars=pillars,
        forces=forces,
        partners=partners,
        units=_term_defs(graph, PEEL.Unit, "unit/"),
        themes=_term_defs(graph, PEEL.Theme, "theme/"),
        cues=cues,
        progress=_term_defs(graph, PEEL.ProgressLevel, "progress/"),
        comparator_labels=comparators or ("England and Wales",),
        publishers=publishers,
        boilerplate=_boilerplate(graph),
        quantity_units=_quantity_units(graph),
        partner_roles=_partner_roles(graph),
        scales=_scales(graph),
        force_labels=_force_labels(forces),
    )
    if not vocabulary.frameworks or not vocabulary.grades or not vocabulary.forces:
        raise ReferenceDataError("the reference data has no frameworks, grades or forces")
    return vocabulary


def _named(
    graph: Graph, cls: URIRef, prefix: str, more: URIRef | None = None
) -> Iterator[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """Each instance of ``cls`` as its slug (after ``prefix``), label, alternative labels and
    the labels property ``more`` gives it (a pillar's headline predicates, a force's hidden
    labels): the fields, in order, of the definitions below."""
    for node in _iris(graph.subjects(RDF.type, cls)):
        extra = _labels(graph, node, more) if more is not None else ()
        yield _tail(node, prefix), _label(graph, node), _labels(graph, node), extra


def _grades(graph: Graph) -> tuple[GradeDef, ...]:
    named = _named(graph, PEEL.Grade, "grade/")
    return tuple(GradeDef(slug, label, alt_labels) for slug, label, alt_labels, _ in named)


def _pillars(graph: Graph) -> tuple[PillarDef, ...]:
    named = _named(graph, PEEL.Pillar, "pillar/", PEEL.headlinePredicate)
    return tuple(PillarDef(*fields) for fields in named)


def _forces(graph: Graph) -> tuple[ForceDef, ...]:
    named = _named(graph, PEEL.Force, "force/", SKOS.hiddenLabel)
    return tuple(ForceDef(*fields) for fields in named)


def _partners(graph: Graph, forces: tuple[ForceDef, ...]) -> tuple[PartnerDef, ...]:
    """The partner bodies, arrangements and programmes (each once, by the first class that
    names it), then every force as a partner."""
    partners: list[PartnerDef] = []
    partner_classes = (PEEL.PartnerBody, PEEL.PartnershipArrangement, PEEL.Programme)
    seen: set[URIRef] = set()
    for cls in partner_classes:
        for node in _iris(graph.subjects(RDF.type, cls)):
            if node in seen or not str(node).startswith(str(PID["partner/"])):
                continue
            seen.add(node)
            partners.append(_partner(graph, node))
    for f in forces:
        partners.append(
            PartnerDef(
                id=f"force/{f.slug}",
                label=f.name,
                alt_labels=(),
                acronyms=(),
                partner_type="police-force",
                is_force=True,
            )
        )
    return tuple(partners)


def _partner(graph: Graph, node: URIRef) -> PartnerDef:
    ptype = graph.value(node, PEEL.partnerType)
    return PartnerDef(
        id=_tail(node, ""),
        label=_label(graph, node),
        alt_labels=tuple(
            a for a in _labels(graph, node) if a not in _labels(graph, node, PEEL.acronym)
        ),
        acronyms=_labels(graph, node, PEEL.acronym),
        partner_type=_tail(ptype, "partner-type/") if ptype is not None else None,
    )


def _cues(graph: Graph) -> tuple[CueDef, ...]:
    cues = []
    for cue in _iris(graph.subjects(RDF.type, PEEL.Cue)):
        ftype = graph.value(cue, PEEL.findingType)
        term = graph.value(cue, PEEL.cueTerm)
        if ftype is None or term is None:
            raise ReferenceDataError(f"cue {cue} lacks peel:cueTerm or peel:findingType")
        cues.append(
            CueDef(
                term=str(term).lower(),
                finding_type=_tail(ftype, "finding-type/"),
                weight=_int(graph.value(cue, PEEL.cueWeight), 1) or 1,
            )
        )
    return tuple(cues)


def _comparators(graph: Graph) -> tuple[str, ...]:
    """Every label of every comparator area ("England and Wales", "England & Wales")."""
    comparators = []
    for node in _iris(graph.subjects(RDF.type, PEEL.ComparatorArea)):
        comparators.append(_label(graph, node))
        comparators.extend(_labels(graph, node))
    return tuple(comparators)


def _publishers(graph: Graph) -> dict[str, tuple[str, ...]]:
    return {
        _tail(o, "org/"): (_label(graph, o), *_labels(graph, o))
        for o in _iris(graph.subjects(RDF.type, iris.ORG.Organization))
        if str(o).startswith(str(PID["org/"]))
    }


def _boilerplate(graph: Graph) -> tuple[str, ...]:
    """Patterns of standard wording that is never a finding."""
    return tuple(
        sorted(
            str(o)
            for s in graph.subjects(RDF.type, PEEL.Boilerplate)
            for o in graph.objects(s, PEEL.pattern)
        )
    )


def _quantity_units(graph: Graph) -> dict[str, tuple[str, ...]]:
    """Unit slug -> the words that give a quantity in prose that unit."""
    return {
        _tail(u, "unit/"): tuple(sorted(str(w) for w in graph.objects(u, PEEL.quantityWord)))
        for u in _iris(graph.subjects(RDF.type, PEEL.Unit))
        if (u, PEEL.quantityWord, None) in graph
    }


def _partner_roles(graph: Graph) -> dict[str, tuple[str, ...]]:
    """Partner role slug -> the cue terms that give a mention that role."""
    return {
        _tail(r, "partner-role/"): tuple(
            sorted(str(t).lower() for t in graph.objects(r, PEEL.roleCue))
        )
        for r in _iris(graph.subjects(RDF.type, PEEL.PartnerRole))
    }
