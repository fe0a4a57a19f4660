"""Reference knowledge as plain objects, for extraction (which knows no RDF).

``reference.load_vocabulary()`` builds a :class:`Vocabulary` from the Turtle in ``ontology/``;
the extractor only ever sees these objects.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .errors import ReferenceDataError


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
    assesses_leadership: bool = False  # 2017 on: also a question of the leadership assessment


@dataclass(frozen=True)
class Framework:
    key: str  # questions-2016-effectiveness
    year: int
    pillar: str
    questions: tuple[QuestionDef, ...]
    allowed_grades: tuple[str, ...]
    scale: str | None = None  # the grade scale's slug: four-tier, five-tier
    not_comparable_with: tuple[str, ...] = ()  # keys of frameworks HMICFRS says not to compare
    synthetic: bool = False

    @property
    def has_headline(self) -> bool:
        """Whether the framework has a headline question (an overall, pillar judgment).
        PEEL 2014 effectiveness, 2015 leadership and the 2021/22 and 2023-25 frameworks
        have none: their core questions are the top of the scheme."""
        return any(q.level == "headline" for q in self.questions)

    @property
    def headline(self) -> QuestionDef:
        for q in self.questions:
            if q.level == "headline":
                return q
        raise ReferenceDataError(
            f"the PEEL {self.year} {self.pillar} framework ({self.key}) has no headline "
            "question, so it gives no overall judgment",
            hint="check has_headline before asking for the headline question",
        )

    def core(self) -> list[QuestionDef]:
        """The core questions in their framework's order; areas of policing recorded by name
        (no question number) after the numbered ones, by code."""
        core = (q for q in self.questions if q.level == "core")
        return sorted(core, key=lambda q: (q.number is None, q.number or 0, q.code))

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
class GradeScaleDef:
    """A grading scale: four-tier (PEEL 2014 to 2018/19) or five-tier (2021/22 on)."""

    slug: str
    label: str
    grades: tuple[str, ...]
    not_comparable_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class ForceDef:
    slug: str
    name: str
    alt_labels: tuple[str, ...] = ()  # short names reports print (skos:altLabel)
    hidden_labels: tuple[str, ...] = ()  # acronyms and variants, for look-up only

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.alt_labels, *self.hidden_labels)


def label_key(text: str) -> str:
    """The form under which a force's labels are compared: case, accents, curly quotes,
    '&' and 'and', hyphens and spacing, a leading 'the' and a trailing full stop do not
    count ('The Met.' and 'the met', 'Devon & Cornwall' and 'Devon and Cornwall',
    'Dyfed-Powys' and 'Dyfed Powys' are the same key)."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[\s\-\u2010-\u2015]+", " ", text).strip(" .,;:")
    return re.sub(r"^the ", "", text)


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
    scales: tuple[GradeScaleDef, ...] = ()
    #: label_key of every label of every force -> the force's slug (built by the loader,
    #: which refuses a label shared by two forces)
    force_labels: dict[str, str] = field(default_factory=dict)

    def framework(self, year: int, pillar: str) -> Framework | None:
        return self.frameworks.get((year, pillar))

    def force(self, slug: str) -> ForceDef | None:
        return next((f for f in self.forces if f.slug == slug), None)

    def force_by_label(self, label: str) -> ForceDef | None:
        """The reference force that any of its labels names: full name, short name, or a
        name people use ('the Met', 'MPS', 'Devon & Cornwall', 'Dyfed-Powys'); None if no
        force has that label. Never guesses from part of a name."""
        slug = self.force_labels.get(label_key(label))
        return self.force(slug) if slug else None

    def scale(self, slug: str | None) -> GradeScaleDef | None:
        return next((s for s in self.scales if s.slug == slug), None)

    def comparable(self, earlier: Framework, later: Framework) -> bool:
        """Whether grades of the two frameworks may be set side by side: both on the same
        scale, and neither framework nor scale declared not comparable with the other."""
        if earlier.scale is None or earlier.scale != later.scale:
            return False
        scale = self.scale(earlier.scale)
        if scale is not None and later.scale in scale.not_comparable_with:
            return False
        return (
            later.key not in earlier.not_comparable_with
            and earlier.key not in later.not_comparable_with
        )
