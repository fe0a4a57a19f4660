"""Plain, frozen data classes: what extraction produces and RDF mapping consumes.

No rdflib here. Every extracted item keeps the spans of source text it was read from, as
character offsets into the decoded document text, so that its quote can be checked against
the source and shown to a user.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Span:
    """A passage of the source text: ``text[start:end]``; ``page`` is the printed page number."""

    start: int
    end: int
    page: int | None = None
    doc: str = ""  # SHA-256 of the source document the offsets point into


@dataclass(frozen=True)
class Judgment:
    """A grade given to one question (the headline question for the overall judgment)."""

    question: str  # question code, e.g. 2016-EFF-1
    grade: str  # grade slug, e.g. good
    spans: tuple[Span, ...]
    basis: str  # how it was read: summary-of-findings, overview, judgment-sentence,
    # grade-line (a bare grade line under the question), carried-over (not inspected)
    carried_from: int | None = None  # not inspected: the year whose judgment still stands


@dataclass(frozen=True)
class _Passage:
    """A passage about one question, with the partners and themes it names.

    What it names is given by keyword: each kind of passage adds its own fields after
    ``spans`` (a finding's section, a recommendation's concern and deadline).
    """

    question: str
    text: str
    spans: tuple[Span, ...]
    _: KW_ONLY
    mentions: tuple[str, ...] = ()  # partner ids (gazetteer or force slugs)
    themes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # partner ids named as a source of guidance or data
    cut: bool = False  # the page ends inside it: the text is not whole


@dataclass(frozen=True)
class Finding(_Passage):
    """A narrative paragraph about one question."""

    section: str | None = None
    finding_type: str | None = None
    items: tuple[str, ...] = ()  # the bullets under its lead-in, in order


@dataclass(frozen=True)
class AreaForImprovement(_Passage):
    """'The force should ...': an area for improvement under a core question."""


@dataclass(frozen=True)
class CauseOfConcern(_Passage):
    """A serious shortcoming under a core question (later report formats)."""


@dataclass(frozen=True)
class Recommendation(_Passage):
    """An action recommended to address a cause of concern, perhaps with a deadline."""

    concern: int | None = None  # index into Report.causes_of_concern
    deadline: str | None = None  # "within three months"


#: A free-text item of a report: a passage that names partners, themes and sources.
Item = Finding | AreaForImprovement | CauseOfConcern | Recommendation


@dataclass(frozen=True)
class FollowUp:
    """What a report says about progress on an earlier inspection's point."""

    question: str
    text: str  # the passage, from the reference to the earlier inspection on
    spans: tuple[Span, ...]
    earlier_year: int | None = None
    earlier_text: str | None = None  # "the force should improve ..."
    progress: str | None = None  # progress slug: improved, partly-improved, ...


@dataclass(frozen=True)
class GlossaryEntry:
    """An acronym the report defines."""

    acronym: str
    expansion: str
    spans: tuple[Span, ...]
    refers_to: str | None = None  # partner id when the gazetteer knows it
    footnote: int | None = None  # number of the footnote that defines it, if one does


@dataclass(frozen=True)
class Footnote:
    """A numbered note at the foot of a page, and where the body text cites it."""

    number: int
    text: str
    spans: tuple[Span, ...]  # the note itself (its opening block, then any tail)
    citation: Span | None = None  # the sentence or heading that carries its marker

    @property
    def page(self) -> int | None:
        return self.spans[0].page if self.spans else None


@dataclass(frozen=True)
class Observation:
    """One value of a metric for one area and period."""

    indicator: str  # stable indicator key (slug)
    indicator_label: str
    area: str  # force slug or comparator area slug
    period: str
    unit: str  # unit slug
    value: Decimal
    figure: str  # "Figure 2", "Force in numbers", "text"
    spans: tuple[Span, ...]
    period_end: str | None = None  # ISO date
    source: str | None = None
    row_label: str | None = None
    outcome_number: str | None = None
    row_group: str | None = None
    qualifier: str | None = None  # a comparator the text puts on the value: "more than"


@dataclass(frozen=True)
class SourceFile:
    """The file a document was read from."""

    path: str  # as given by the user
    name: str
    sha256: str
    document_format: str  # full-report, summary, overview, landing-page, news-release
    media_type: str = "text/plain"


@dataclass(frozen=True)
class Document:
    """A source file and its decoded text (span offsets point into ``text``)."""

    source: SourceFile
    text: str


@dataclass(frozen=True)
class Report:
    """Everything extracted about one report (force, year, pillar), from one or more documents.

    A full report and the force's web summary of the same inspection describe one report:
    :func:`peelgraph.merge.merge_reports` combines them, and ``documents`` then holds both.
    """

    documents: tuple[Document, ...]
    force_name: str
    force_slug: str
    force_known: bool
    year: int
    pillar: str  # pillar slug
    framework: str  # question scheme key, e.g. questions-2016-effectiveness
    title: str | None = None
    published: str | None = None  # YYYY-MM
    isbn: str | None = None
    publisher: str | None = None  # org slug, e.g. hmic
    judgments: tuple[Judgment, ...] = ()
    findings: tuple[Finding, ...] = ()
    afis: tuple[AreaForImprovement, ...] = ()
    observations: tuple[Observation, ...] = ()
    causes_of_concern: tuple[CauseOfConcern, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    sections_found: tuple[str, ...] = ()  # question codes whose headings were found
    warnings: tuple[str, ...] = field(default=())

    @property
    def source(self) -> SourceFile:
        """The first (main) document's file."""
        return self.documents[0].source

    @property
    def text(self) -> str:
        return self.documents[0].text

    def text_of(self, sha256: str) -> str:
        """The text of the document with this digest."""
        for doc in self.documents:
            if doc.source.sha256 == sha256:
                return doc.text
        raise KeyError(sha256)

    @property
    def key(self) -> str:
        """The report key used in IRIs: force slug, year and pillar."""
        return f"{self.force_slug}-{self.year}-{self.pillar}"
