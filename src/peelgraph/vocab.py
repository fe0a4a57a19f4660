"""Reference knowledge as plain objects, for extraction (which knows no RDF).

``reference.load_vocabulary()`` builds a :class:`Vocabulary` from the Turtle in ``ontology/``;
the extractor only ever sees these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuestionDef:
    code: str  # 2016-EFF-1.2
    label: str
    level: str  # headline, core, diagnostic, section
    parent: str | None
    number: int | None
    graded: bool
    alt_labels: tuple[str, ...] = ()
    heading_pattern: str | None = None  # for sections: wording with {area}


@dataclass(frozen=True)
class Framework:
    key: str  # questions-2016-effectiveness
    year: int
    pillar: str
    questions: tuple[QuestionDef, ...]
    allowed_grades: tuple[str, ...]

    @property
    def headline(self) -> QuestionDef:
        return next(q for q in self.questions if q.level == "headline")

    def core(self) -> list[QuestionDef]:
        return sorted((q for q in self.questions if q.level == "core"), key=lambda q: q.number or 0)

    def children(self, code: str) -> list[QuestionDef]:
        return [q for q in self.questions if q.parent == code]

    def by_code(self, code: str) -> QuestionDef:
        return next(q for q in self.questions if q.code == code)


@dataclass(frozen=True)
class GradeDef:
    slug: str
    label: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class PillarDef:
    slug: str
    label: str
    alt_labels: tuple[str, ...] = ()
    headline_predicates: tuple[str, ...] = ()


@dataclass(frozen=True)
class ForceDef:
    slug: str
    name: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartnerDef:
    id: str  # slug; for forces, the force slug
    label: str
    alt_labels: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    partner_type: str | None = None
    is_force: bool = False


@dataclass(frozen=True)
class TermDef:
    """A concept recognised by trigger terms: a theme or a unit."""

    slug: str
    label: str
    terms: tuple[str, ...]
    priority: int = 0


@dataclass(frozen=True)
class CueDef:
    term: str
    finding_type: str
    weight: int = 1


@dataclass(frozen=True)
class Vocabulary:
    frameworks: dict[tuple[int, str], Framework]
    grades: tuple[GradeDef, ...]
    pillars: tuple[PillarDef, ...]
    forces: tuple[ForceDef, ...]
    partners: tuple[PartnerDef, ...]
    units: tuple[TermDef, ...] = ()
    themes: tuple[TermDef, ...] = ()
    cues: tuple[CueDef, ...] = ()
    progress: tuple[TermDef, ...] = ()
    comparator_labels: tuple[str, ...] = ("England and Wales",)
    publishers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: regular expressions (matched at the start of folded text) of standard wording that is
    #: never a finding ("this question was not inspected in 2017 ...")
    boilerplate: tuple[str, ...] = ()
    #: partner roles: slug -> cue terms that, next to a mention, give it that role
    partner_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: units of quantities in prose: slug -> the words that give them ("months", "£")
    quantity_units: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def framework(self, year: int, pillar: str) -> Framework | None:
        return self.frameworks.get((year, pillar))
