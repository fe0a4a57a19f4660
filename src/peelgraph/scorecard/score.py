"""Scoring extraction against what a reader found in each page: pure functions.

:func:`score_page` extracts one fragment with :mod:`peelgraph.extract` and compares what it
gives (reports, judgments, forces, items) with the page's :class:`PageExpectation`;
:func:`score_fragments` does it for a folder and :func:`tally` counts the results by page
kind or cycle. Nothing here prints.
"""

from __future__ import annotations

import tempfile
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ..errors import PeelgraphError
from ..model import Judgment, Report
from ..vocab import Vocabulary
from .expectations import Expectations, ExpectedGrade, ExpectedItem, PageExpectation
from .fragments import Fragment
from .text import fold

#: A function from a fragment's text to the reports extracted from it.
Extractor = Callable[[Fragment, Vocabulary], list[Report]]

# page verdicts
ACCEPTED = "accepted"
ACCEPTED_WRONGLY = "accepted wrongly"
REFUSED = "refused with reason"
REFUSED_WRONGLY = "refused wrongly"
CRASHED = "crashed"
# grade verdicts
READ = "read"
MISSED = "missed"
WRONG = "wrong"
OPTIONAL_READ = "optional, read"
OPTIONAL_UNREAD = "optional, not read"
IGNORED = "not counted"
# item verdicts
WHOLE = "whole"
CUT_MARKED = "cut, marked cut"
CUT_AS_WHOLE = "cut, stored as whole"
ITEM_MISSED = "missed"
EXTRA = "extra"


def extract_fragment(fragment: Fragment, vocab: Vocabulary) -> list[Report]:
    """Every report the extractor reads from a fragment's page text (its public entry point,
    on a file that holds the page text alone, named after the fragment)."""
    from ..extract import extract_reports

    stem = Path(fragment.file).stem
    with tempfile.TemporaryDirectory(prefix="peelgraph-check-") as tmp:
        path = Path(tmp) / f"{stem}-{fragment.number}.txt"
        path.write_text(fragment.text, encoding="utf-8")
        return extract_reports(path, vocab)


def refusal_reason(exc: BaseException) -> str:
    """Why the extractor refused a page: the error's ``reason`` code if it has one, then its
    message (without the file name, which is the scorecard's temporary copy)."""
    reason = getattr(exc, "reason", None)
    if isinstance(exc, PeelgraphError):
        return f"{reason}: {exc.message}" if reason else exc.message
    return f"{reason}: {exc}" if reason else str(exc)


@dataclass(frozen=True)
class GradeResult:
    verdict: str
    expected: ExpectedGrade | None = None
    question: str | None = None  # the judgment's question code
    grade: str | None = None  # the grade read
    detail: str = ""


@dataclass(frozen=True)
class ItemResult:
    verdict: str
    kind: str
    text: str  # the expected text (or the extracted one, for an extra item)
    detail: str = ""


@dataclass(frozen=True)
class PageScore:
    """How the extractor did on one page."""

    expectation: PageExpectation
    verdict: str
    reason: str | None = None  # refusal reason, or the crash's last line
    forces: tuple[str, ...] = ()  # force slugs of the reports read
    force_verdict: str | None = None  # right, wrong, invented (accepted pages)
    years: tuple[int, ...] = ()
    cycle_right: bool | None = None
    grades: tuple[GradeResult, ...] = ()
    items: tuple[ItemResult, ...] = ()
    traceback: str | None = None

    @property
    def key(self) -> str:
        return self.expectation.key


@dataclass(frozen=True)
class _Question:
    pillar: str | None
    level: str
    number: int | None
    labels: tuple[str, ...]


def _question_of(report: Report, code: str, vocab: Vocabulary) -> _Question | None:
    """The question a judgment grades, looked up in the reference data (the report's own
    framework first)."""
    own = vocab.framework(report.year, report.pillar)
    frameworks = [own] if own is not None else []
    frameworks += [f for f in vocab.frameworks.values() if f is not own]
    for framework in frameworks:
        for q in framework.questions:
            if q.code == code:
                return _Question(framework.pillar, q.level, q.number, (q.label, *q.alt_labels))
    return None


def _matches(expected: ExpectedGrade, q: _Question) -> bool:
    if expected.pillar is not None and q.pillar != expected.pillar:
        return False
    if expected.question == "headline":
        return q.level == "headline"
    if isinstance(expected.question, int) and q.level == "core" and q.number == expected.question:
        return True
    labels = [fold(label) for label in q.labels]
    return any(fold(phrase) in label for phrase in expected.labels for label in labels)


def _span_text(report: Report, judgment: Judgment) -> list[tuple[str, int, int]]:
    out = []
    for span in judgment.spans:
        try:
            text = report.text_of(span.doc) if span.doc else report.text
        except KeyError:
            text = report.text
        out.append((text, span.start, span.end))
    return out


def _from_sentence(report: Report, judgment: Judgment, sentences: Iterable[str]) -> str | None:
    """The first of ``sentences`` a judgment's source span overlaps, if any."""
    spans = _span_text(report, judgment)
    for sentence in sentences:
        for text, start, end in spans:
            at = text.find(sentence)
            if at >= 0 and at < end and start < at + len(sentence):
                return sentence
            quoted = fold(text[start:end])
            if len(quoted) >= 20 and (quoted in fold(sentence) or fold(sentence) in quoted):
                return sentence
    return None


def score_grades(
    page: PageExpectation, reports: Sequence[Report], vocab: Vocabulary
) -> list[GradeResult]:
    """Each judgment read, and each grade expected, with its verdict."""
    results: list[GradeResult] = []
    taken: dict[int, str] = {}  # index of an expected grade -> the grade read for it
    for report in reports:
        for judgment in report.judgments:
            q = _question_of(report, judgment.question, vocab)
            candidates = [i for i, e in enumerate(page.grades) if q is not None and _matches(e, q)]
            if candidates:
                free = [i for i in candidates if i not in taken]
                index = (free or candidates)[0]
                expected = page.grades[index]
                ok = expected.accepts(judgment.grade)
                if index in taken and ok:
                    continue  # the same grade read twice (two documents, two sentences)
                if ok:
                    taken[index] = judgment.grade
                    verdict = OPTIONAL_READ if expected.optional else READ
                    results.append(
                        GradeResult(verdict, expected, judgment.question, judgment.grade)
                    )
                else:
                    results.append(
                        GradeResult(
                            WRONG,
                            expected,
                            judgment.question,
                            judgment.grade,
                            f"read {judgment.grade}, the page states {expected.grade}",
                        )
                    )
                continue
            if judgment.grade == "ungraded":
                results.append(
                    GradeResult(IGNORED, None, judgment.question, judgment.grade, "ungraded")
                )
                continue
            if q is None:
                detail = f"question {judgment.question} is not in the reference data"
            else:
                sentence = _from_sentence(report, judgment, (n.sentence for n in page.not_grades))
                detail = (
                    f"read from a sentence that is not a grade: {sentence!r}"
                    if sentence
                    else "the page states no grade for this question"
                )
            results.append(GradeResult(WRONG, None, judgment.question, judgment.grade, detail))
    for index, expected in enumerate(page.grades):
        if index not in taken and not any(
            r.expected is expected and r.verdict == WRONG for r in results
        ):
            verdict = OPTIONAL_UNREAD if expected.optional else MISSED
            results.append(GradeResult(verdict, expected, None, None, expected.sentences[0]))
    return results


def _items_of(report: Report, kind: str) -> list[Any]:
    return list(getattr(report, kind, ()) or ())


def _same_item(a: str, b: str) -> bool:
    """Two texts are the same item (perhaps read with another extent) when they agree on
    their first 60 characters, or on the whole of the shorter, up to its last punctuation."""
    fa, fb = fold(a), fold(b)
    n = min(60, len(fa), len(fb))
    return n >= 15 and fa[:n].rstrip(" .,;:") == fb[:n].rstrip(" .,;:")


def score_items(page: PageExpectation, reports: Sequence[Report]) -> list[ItemResult]:
    """Each expected item (whole, cut) and each item read that nobody expected."""
    results: list[ItemResult] = []
    kinds = sorted({item.kind for item in page.items} | {"afis"})
    for kind in kinds:
        extracted = [x for r in reports for x in _items_of(r, kind)]
        used: set[int] = set()
        for expected in (i for i in page.items if i.kind == kind):
            results.append(_score_item(expected, extracted, used))
        for n, item in enumerate(extracted):
            if n not in used:
                results.append(ItemResult(EXTRA, kind, item.text, "read, but not on the page"))
    return results


def _score_item(expected: ExpectedItem, extracted: list[Any], used: set[int]) -> ItemResult:
    want = fold(expected.text)
    exact = [n for n, x in enumerate(extracted) if n not in used and fold(x.text) == want]
    near = [
        n for n, x in enumerate(extracted) if n not in used and _same_item(x.text, expected.text)
    ]
    found = (exact or near)[:1]
    if not found:
        return ItemResult(ITEM_MISSED, expected.kind, expected.text, "not read")
    used.add(found[0])
    item = extracted[found[0]]
    marked_cut = bool(getattr(item, "cut", False))
    if expected.cut:
        if marked_cut:
            return ItemResult(CUT_MARKED, expected.kind, expected.text)
        return ItemResult(CUT_AS_WHOLE, expected.kind, expected.text, "cut by the page's end")
    if not exact:
        return ItemResult(ITEM_MISSED, expected.kind, expected.text, f"read as {item.text!r}")
    if marked_cut:
        return ItemResult(ITEM_MISSED, expected.kind, expected.text, "whole, but marked cut")
    return ItemResult(WHOLE, expected.kind, expected.text)


def _force_verdict(page: PageExpectation, reports: Sequence[Report], vocab: Vocabulary) -> str:
    known = {f.slug for f in vocab.forces}
    slugs = [r.force_slug for r in reports]
    invented = any(
        slug not in known or not getattr(r, "force_known", True)
        for slug, r in zip(slugs, reports, strict=True)
    )
    if invented:
        return "invented"
    if page.force is not None and all(slug == page.force for slug in slugs):
        return "right"
    return "wrong"


def score_page(
    fragment: Fragment,
    page: PageExpectation,
    vocab: Vocabulary,
    extractor: Extractor = extract_fragment,
) -> PageScore:
    """Extract one page and judge the result against what its reader found."""
    try:
        reports = extractor(fragment, vocab)
    except PeelgraphError as exc:
        reason = refusal_reason(exc)
        allowed = page.outcome in ("refuse", "either") and page.reason_ok(reason)
        verdict = REFUSED if allowed else REFUSED_WRONGLY
        grades: list[GradeResult] = []
        items: list[ItemResult] = []
        if page.outcome == "accept":
            grades = score_grades(page, [], vocab)
            items = score_items(page, [])
        return PageScore(page, verdict, reason, grades=tuple(grades), items=tuple(items))
    except Exception as exc:  # noqa: BLE001 - a traceback is what the scorecard counts
        grades = score_grades(page, [], vocab) if page.outcome == "accept" else []
        items = score_items(page, []) if page.outcome == "accept" else []
        return PageScore(
            page,
            CRASHED,
            f"{type(exc).__name__}: {exc}",
            grades=tuple(grades),
            items=tuple(items),
            traceback=traceback.format_exc(),
        )
    verdict = ACCEPTED_WRONGLY if page.outcome == "refuse" else ACCEPTED
    years = tuple(r.year for r in reports)
    return PageScore(
        page,
        verdict,
        forces=tuple(dict.fromkeys(r.force_slug for r in reports)),
        force_verdict=_force_verdict(page, reports, vocab),
        years=years,
        cycle_right=all(y == page.year for y in years),
        grades=tuple(score_grades(page, reports, vocab)),
        items=tuple(score_items(page, reports)),
    )


@dataclass(frozen=True)
class Scorecard:
    """Every page's score, in the expectations' order."""

    pages: tuple[PageScore, ...]
    expectations: str = ""
    folder: str = ""


def score_fragments(
    fragments: Iterable[Fragment],
    expectations: Expectations,
    vocab: Vocabulary,
    extractor: Extractor = extract_fragment,
) -> Scorecard:
    """Score each fragment that has expectations (see :func:`check_expectations` first)."""
    by_key = {f.key: f for f in fragments}
    pages = tuple(
        score_page(by_key[page.key], page, vocab, extractor)
        for page in expectations.pages
        if page.key in by_key
    )
    return Scorecard(pages, expectations.path)


@dataclass
class Tally:
    """Counts over a set of pages (one row of the scorecard)."""

    pages: int = 0
    accepted: int = 0
    refused: int = 0  # refused with the reason expected
    refused_wrongly: int = 0
    accepted_wrongly: int = 0
    crashed: int = 0
    grades: int = 0  # grades stated outright (optional ones left out)
    grades_read: int = 0
    grades_missed: int = 0
    grades_wrong: int = 0
    optional_read: int = 0
    forces_right: int = 0
    forces_wrong: int = 0
    forces_invented: int = 0
    cycles_wrong: int = 0
    items: int = 0
    items_whole: int = 0
    items_cut_marked: int = 0
    items_cut_as_whole: int = 0
    items_missed: int = 0
    items_extra: int = 0

    def add(self, score: PageScore) -> None:
        self.pages += 1
        self.accepted += score.verdict == ACCEPTED
        self.refused += score.verdict == REFUSED
        self.refused_wrongly += score.verdict == REFUSED_WRONGLY
        self.accepted_wrongly += score.verdict == ACCEPTED_WRONGLY
        self.crashed += score.verdict == CRASHED
        self.grades += (
            sum(not g.optional for g in score.expectation.grades)
            if (score.expectation.outcome == "accept")
            else 0
        )
        for g in score.grades:
            self.grades_read += g.verdict == READ
            self.grades_missed += g.verdict == MISSED
            self.grades_wrong += g.verdict == WRONG
            self.optional_read += g.verdict == OPTIONAL_READ
        self.forces_right += score.force_verdict == "right"
        self.forces_wrong += score.force_verdict == "wrong"
        self.forces_invented += score.force_verdict == "invented"
        self.cycles_wrong += score.cycle_right is False
        if score.expectation.outcome == "accept" or score.verdict in (ACCEPTED, ACCEPTED_WRONGLY):
            self.items += len(score.expectation.items)
        for i in score.items:
            self.items_whole += i.verdict == WHOLE
            self.items_cut_marked += i.verdict == CUT_MARKED
            self.items_cut_as_whole += i.verdict == CUT_AS_WHOLE
            self.items_missed += i.verdict == ITEM_MISSED
            self.items_extra += i.verdict == EXTRA

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def share_read(self) -> float | None:
        """Grades read over grades stated (None when none are stated)."""
        return self.grades_read / self.grades if self.grades else None


def tally(scorecard: Scorecard, by: str = "kind") -> dict[str, Tally]:
    """Counts per page kind (``by="kind"``) or cycle (``by="cycle"``), and ``"all"``."""
    from .expectations import KINDS

    rows: dict[str, Tally] = {}
    for score in scorecard.pages:
        group = score.expectation.kind if by == "kind" else score.expectation.cycle
        rows.setdefault(group, Tally()).add(score)
    order = list(KINDS) if by == "kind" else sorted(rows)
    ordered = {key: rows[key] for key in order if key in rows}
    total = Tally()
    for score in scorecard.pages:
        total.add(score)
    ordered["all"] = total
    return ordered


def failures(score: PageScore) -> list[str]:
    """What went wrong on one page, one line each (empty when the page is read right)."""
    problems = []
    if score.verdict not in (ACCEPTED, REFUSED):
        problems.append(f"{score.verdict}" + (f": {score.reason}" if score.reason else ""))
    if score.force_verdict not in (None, "right") and score.verdict == ACCEPTED:
        problems.append(f"force {score.force_verdict}: {', '.join(score.forces)}")
    if score.cycle_right is False:
        problems.append(f"cycle read as {score.years}, expected {score.expectation.year}")
    for g in score.grades:
        if g.verdict in (MISSED, WRONG):
            what = g.expected.label if g.expected else g.question
            problems.append(f"grade {g.verdict}: {what} {g.grade or ''} {g.detail}".rstrip())
    for i in score.items:
        if i.verdict in (ITEM_MISSED, CUT_AS_WHOLE, EXTRA):
            problems.append(f"{i.kind} {i.verdict}: {i.text[:70]!r} {i.detail}".rstrip())
    return problems


def passes(scorecard: Scorecard) -> bool:
    """Whether every page is read as its reader expects."""
    return not any(failures(score) for score in scorecard.pages)


def as_dict(scorecard: Scorecard) -> dict[str, Any]:
    """The scorecard as plain data (for ``--format json``): counts and every page."""
    return {
        "folder": scorecard.folder,
        "expectations": scorecard.expectations,
        "passes": passes(scorecard),
        "by_kind": {k: t.as_dict() for k, t in tally(scorecard, "kind").items()},
        "by_cycle": {k: t.as_dict() for k, t in tally(scorecard, "cycle").items()},
        "pages": [
            {
                "page": s.key,
                "kind": s.expectation.kind,
                "cycle": s.expectation.cycle,
                "expected": s.expectation.outcome,
                "verdict": s.verdict,
                "reason": s.reason,
                "forces": list(s.forces),
                "force": s.force_verdict,
                "years": list(s.years),
                "grades": [
                    {
                        "verdict": g.verdict,
                        "expected": g.expected.label if g.expected else None,
                        "expected_grade": g.expected.grade if g.expected else None,
                        "question": g.question,
                        "grade": g.grade,
                        "detail": g.detail,
                    }
                    for g in s.grades
                ],
                "items": [
                    {"kind": i.kind, "verdict": i.verdict, "text": i.text, "detail": i.detail}
                    for i in s.items
                ],
                "failures": failures(s),
            }
            for s in scorecard.pages
        ],
    }
