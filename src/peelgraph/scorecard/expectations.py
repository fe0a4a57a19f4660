"""What each page fragment states, written by a reader: the judge of the extractor.

The expectations file (YAML) is described in its own header; this module reads it into
frozen objects and checks it against the fragments it describes (every sentence and item
quoted verbatim from its fragment, every fragment described once).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from .fragments import Fragment
from .text import fold

#: The kinds of page, in the order the scorecard lists them.
KINDS = (
    "overview",
    "landing",
    "question-summary",
    "full-report",
    "pdf-copy",
    "integrated-report",
    "report-2021",
    "force-news",
    "recommendations",
    "national",
)
OUTCOMES = ("accept", "refuse", "either")
#: The item lists of a fragment and the Report attribute each is compared with.
ITEM_KINDS = {
    "afis": "afis",
    "recommendations": "recommendations",
    "causes_of_concern": "causes_of_concern",
}


@dataclass(frozen=True)
class ExpectedGrade:
    """A grade the page states outright, with the sentences that state it."""

    pillar: str | None
    question: str | int | None  # "headline", a core question's number, or None (by labels)
    grade: str
    sentences: tuple[str, ...]
    wording: str | None = None
    labels: tuple[str, ...] = ()
    optional: bool = False
    carried_grade: str | None = None
    carried_from: int | None = None

    def accepts(self, grade: str) -> bool:
        return grade in (self.grade, self.carried_grade)

    @property
    def label(self) -> str:
        pillar = self.pillar or "area"
        if self.question == "headline":
            return f"{pillar} headline"
        if isinstance(self.question, int):
            return f"{pillar} Q{self.question}"
        return f"{pillar} '{self.wording or ', '.join(self.labels)}'"


@dataclass(frozen=True)
class NotGrade:
    """A sentence with a grade word that must not give a grade."""

    sentence: str
    why: str


@dataclass(frozen=True)
class ExpectedItem:
    """An area for improvement, recommendation or cause of concern, verbatim."""

    kind: str  # afis, recommendations, causes_of_concern
    text: str
    cut: bool = False
    pillar: str | None = None
    question: int | None = None


@dataclass(frozen=True)
class PageExpectation:
    """Everything one fragment states, as its reader found it."""

    file: str
    fragment: int
    source: str
    kind: str
    cycle: str
    year: int
    outcome: str  # accept, refuse, either
    force: str | None
    reason_any: tuple[str, ...] = ()
    grades: tuple[ExpectedGrade, ...] = ()
    not_grades: tuple[NotGrade, ...] = ()
    items: tuple[ExpectedItem, ...] = ()
    notes: str = ""

    @property
    def key(self) -> str:
        return f"{self.file}#{self.fragment}"

    def reason_ok(self, reason: str) -> bool:
        """Whether a refusal's reason says what the reader expects (one of ``reason_any``)."""
        folded = fold(reason)
        return any(fold(word) in folded for word in self.reason_any)


@dataclass(frozen=True)
class Expectations:
    """The whole expectations file."""

    path: str
    pages: tuple[PageExpectation, ...]

    def by_key(self) -> dict[str, PageExpectation]:
        return {page.key: page for page in self.pages}


def _need(entry: dict[str, Any], key: str, where: str) -> Any:
    if key not in entry:
        raise InputError(f"'{key}' is missing", where=where)
    return entry[key]


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError("must be a list of strings", where=where)
    return tuple(value)


def _grade(entry: dict[str, Any], where: str) -> ExpectedGrade:
    question = entry.get("question")
    if not (question is None or question == "headline" or isinstance(question, int)):
        raise InputError(f"question {question!r}: use 'headline', a number or null", where=where)
    sentences = _strings(_need(entry, "sentences", where), f"{where}: sentences")
    labels = _strings(entry.get("labels"), f"{where}: labels")
    if question is None and not labels:
        raise InputError("a grade with no question number needs labels", where=where)
    return ExpectedGrade(
        pillar=entry.get("pillar"),
        question=question,
        grade=str(_need(entry, "grade", where)),
        sentences=sentences,
        wording=entry.get("wording"),
        labels=labels,
        optional=bool(entry.get("optional", False)),
        carried_grade=entry.get("carried_grade"),
        carried_from=entry.get("carried_from"),
    )


def _page(entry: Any, where: str) -> PageExpectation:
    if not isinstance(entry, dict):
        raise InputError("a fragment's entry must be a mapping", where=where)
    kind = _need(entry, "kind", where)
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}", where=where, hint=", ".join(KINDS))
    outcome = _need(entry, "outcome", where)
    if outcome not in OUTCOMES:
        raise InputError(f"unknown outcome {outcome!r}", where=where, hint=", ".join(OUTCOMES))
    reason_any = _strings(entry.get("reason_any"), f"{where}: reason_any")
    if outcome != "accept" and not reason_any:
        raise InputError(f"outcome {outcome} needs reason_any", where=where)
    if outcome == "accept" and not entry.get("force"):
        raise InputError("a page to accept needs its force", where=where)
    grades = tuple(
        _grade(g, f"{where}: grades[{i}]") for i, g in enumerate(entry.get("grades") or [])
    )
    not_grades = tuple(
        NotGrade(str(_need(n, "sentence", where)), str(_need(n, "why", where)))
        for n in entry.get("not_grades") or []
    )
    items = []
    for kind_key in ITEM_KINDS:
        for n, item in enumerate(entry.get(kind_key) or []):
            here = f"{where}: {kind_key}[{n}]"
            items.append(
                ExpectedItem(
                    kind=kind_key,
                    text=str(_need(item, "text", here)),
                    cut=bool(item.get("cut", False)),
                    pillar=item.get("pillar"),
                    question=item.get("question"),
                )
            )
    return PageExpectation(
        file=str(_need(entry, "file", where)),
        fragment=int(_need(entry, "fragment", where)),
        source=str(_need(entry, "source", where)),
        kind=kind,
        cycle=str(_need(entry, "cycle", where)),
        year=int(_need(entry, "year", where)),
        outcome=outcome,
        force=entry.get("force"),
        reason_any=reason_any,
        grades=grades,
        not_grades=not_grades,
        items=tuple(items),
        notes=str(entry.get("notes") or ""),
    )


def load_expectations(path: Path) -> Expectations:
    """Read an expectations file (errors name the file and the entry)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", where=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise InputError(f"is not valid YAML: {getattr(exc, 'problem', exc)}", where=where) from exc
    if not isinstance(data, dict) or not isinstance(data.get("fragments"), list):
        raise InputError("has no 'fragments' list", where=str(path))
    pages = tuple(
        _page(entry, f"{path}: fragments[{i}]") for i, entry in enumerate(data["fragments"])
    )
    seen: set[str] = set()
    for page in pages:
        if page.key in seen:
            raise InputError(f"{page.key} is described twice", where=str(path))
        seen.add(page.key)
    return Expectations(str(path), pages)


def _quoted(needle: str, text: str) -> bool:
    return " ".join(needle.split()) in " ".join(text.split())


def check_expectations(
    expectations: Expectations, fragments: Iterable[Fragment], grades: Iterable[str] = ()
) -> list[str]:
    """What is wrong with the expectations for these fragments (empty when they agree):
    a fragment with no entry or an entry with no fragment, another source address, a
    sentence or item that is not in its fragment's text, a grade slug that is not known."""
    problems = []
    known_grades = set(grades)
    by_key = {f.key: f for f in fragments}
    expected = expectations.by_key()
    for key in by_key.keys() - expected.keys():
        problems.append(f"{key}: a fragment with no expectations")
    for key in expected.keys() - by_key.keys():
        problems.append(f"{key}: expectations for a fragment that does not exist")
    for key, page in expected.items():
        fragment = by_key.get(key)
        if fragment is None:
            continue
        if fragment.source != page.source:
            problems.append(f"{key}: source {page.source} but the fragment says {fragment.source}")
        quotes = [s for g in page.grades for s in g.sentences]
        quotes += [n.sentence for n in page.not_grades] + [i.text for i in page.items]
        for quote in quotes:
            if not _quoted(quote, fragment.text):
                problems.append(f"{key}: not in the fragment's text: {quote!r}")
        for grade in page.grades:
            for slug in (grade.grade, grade.carried_grade):
                if known_grades and slug is not None and slug not in known_grades:
                    problems.append(f"{key}: unknown grade {slug!r}")
    return sorted(problems)
