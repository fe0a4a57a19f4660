"""Second pass over an extracted report: types, themes, follow-ups, glossary, text metrics.

Runs the data-driven lexicons (cue terms, theme triggers, progress terms, the gazetteer) over
what the structural pass found. Works the same for every document format.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TypeVar

from ..model import (
    AreaForImprovement,
    CauseOfConcern,
    Finding,
    FollowUp,
    Footnote,
    GlossaryEntry,
    Observation,
    Recommendation,
    Report,
)
from ..vocab import Vocabulary
from .classify import FindingTypeClassifier, ProgressClassifier, ThemeClassifier
from .entities import PartnerMatcher
from .followups import find_follow_up
from .glossary import find_acronyms
from .layout import clean
from .numbers import comparisons
from .quantities import quantities
from .tables import Areas

Listed = TypeVar("Listed", AreaForImprovement, CauseOfConcern, Recommendation)


@dataclass(frozen=True)
class Lexicons:
    """The compiled matchers of one vocabulary (built once, reused for every report)."""

    themes: ThemeClassifier
    types: FindingTypeClassifier
    progress: ProgressClassifier
    partners: PartnerMatcher


_CACHE: dict[int, tuple[Vocabulary, Lexicons]] = {}


def lexicons(vocab: Vocabulary) -> Lexicons:
    """The matchers for ``vocab``, compiled on first use."""
    held = _CACHE.get(id(vocab))
    if held is None or held[0] is not vocab:
        held = (
            vocab,
            Lexicons(
                ThemeClassifier(vocab.themes),
                FindingTypeClassifier(vocab.cues),
                ProgressClassifier(vocab.progress),
                PartnerMatcher(vocab.partners),
            ),
        )
        _CACHE[id(vocab)] = held
    return held[1]


def enrich(report: Report, vocab: Vocabulary, areas: Areas | None = None) -> Report:
    """The report with finding types, themes, partner mentions, follow-ups and glossary."""
    lex = lexicons(vocab)
    themes, types, partners = lex.themes, lex.types, lex.partners
    own = frozenset({f"force/{report.force_slug}"})

    def roles(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found, sources = partners.find_roles(text, vocab.partner_roles, own)
        return tuple(found), tuple(sources)

    def annotate_finding(f: Finding) -> Finding:
        found, sources = roles(f.text)
        return dataclasses.replace(
            f,
            finding_type=types.classify(f.text),
            themes=themes.themes(f.text),
            mentions=found,
            sources=sources,
        )

    def annotate_item(item: Listed) -> Listed:
        """Themes (at least one) and partner mentions of a listed item: AFI, concern, ..."""
        found, sources = roles(item.text)
        return dataclasses.replace(
            item, themes=themes.themes(item.text, need_one=True), mentions=found, sources=sources
        )

    def annotate(items: tuple[Listed, ...]) -> tuple[Listed, ...]:
        return tuple(annotate_item(item) for item in items)

    findings = tuple(annotate_finding(f) for f in report.findings)
    observations = list(report.observations)
    if areas is not None:
        observations.extend(_text_metrics(report, findings, areas, vocab))
    return dataclasses.replace(
        report,
        findings=findings,
        afis=annotate(report.afis),
        causes_of_concern=annotate(report.causes_of_concern),
        recommendations=annotate(report.recommendations),
        follow_ups=_follow_ups(report, findings, lex.progress),
        glossary=_glossary(report, vocab),
        observations=tuple(_unique(observations)),
    )


def _follow_ups(
    report: Report, findings: tuple[Finding, ...], progress: ProgressClassifier
) -> tuple[FollowUp, ...]:
    out = []
    for f in findings:
        hit = find_follow_up(f.text, report.year)
        if hit is None:
            continue
        passage = f.text[hit.start :].strip()
        after = passage
        if hit.earlier_text and hit.earlier_text in passage:
            after = passage[passage.index(hit.earlier_text) + len(hit.earlier_text) :]
        out.append(
            FollowUp(
                question=f.question,
                text=passage,
                spans=f.spans,
                earlier_year=hit.earlier_year,
                earlier_text=clean(hit.earlier_text) if hit.earlier_text else None,
                progress=progress.classify(after or passage),
            )
        )
    return tuple(out)


def _glossary(report: Report, vocab: Vocabulary) -> tuple[GlossaryEntry, ...]:
    by_acronym = {a: p.id for p in vocab.partners for a in p.acronyms}
    by_label = {
        " ".join(label.lower().replace("-", " ").split()): p.id
        for p in vocab.partners
        for label in (p.label, *p.alt_labels)
    }
    entries = []
    for doc in report.documents:
        for acronym in find_acronyms(doc.text):
            expansion = " ".join(acronym.expansion.lower().replace("-", " ").split())
            singular = expansion[:-1] if expansion.endswith("s") else expansion
            refers = (
                by_acronym.get(acronym.acronym) or by_label.get(expansion) or by_label.get(singular)
            )
            span = dataclasses.replace(acronym.span, doc=doc.source.sha256)
            entries.append(
                GlossaryEntry(acronym.acronym, clean(acronym.expansion), (span,), refers)
            )
    seen: dict[str, GlossaryEntry] = {}
    for entry in entries:
        seen.setdefault(entry.acronym, entry)
    return tuple(_defined_in_footnote(e, report.footnotes) for e in seen.values())


def _defined_in_footnote(entry: GlossaryEntry, footnotes: tuple[Footnote, ...]) -> GlossaryEntry:
    """The entry with the number of the first footnote that defines its acronym, if any."""
    for note in footnotes:
        if any(a.acronym == entry.acronym for a in find_acronyms(note.text)):
            return dataclasses.replace(entry, footnote=note.number)
    return entry


def _text_metrics(
    report: Report, findings: tuple[Finding, ...], areas: Areas, vocab: Vocabulary
) -> list[Observation]:
    """The figures the findings state: comparisons with England and Wales, then the
    quantities stated outside them."""
    out: list[Observation] = []
    comparator_label = vocab.comparator_labels[0]
    for f in findings:
        for span in f.spans:
            text = report.text_of(span.doc) if span.doc else report.text
            passage = text[span.start : span.end]
            found = comparisons(
                passage, span.start, span.page, areas, vocab.units, comparator_label
            )
            taken = [(s.start, s.end) for o in found for s in o.spans]
            stated = quantities(
                passage, span.start, span.page, areas, vocab.quantity_units, report.year
            )
            found.extend(q for q in stated if not any(a <= q.spans[0].start < b for a, b in taken))
            out.extend(
                dataclasses.replace(
                    o, spans=tuple(dataclasses.replace(s, doc=span.doc) for s in o.spans)
                )
                for o in found
            )
    return out


def _unique(observations: list[Observation]) -> list[Observation]:
    """One observation per measured fact: per indicator, area and period (the first one
    read), and a figure a sentence restates (same area, period, unit and value, and an
    indicator label sharing two content words) is the table's observation with one more
    span."""
    seen: dict[tuple[str, str, str], Observation] = {}
    for o in observations:
        held = seen.get((o.indicator, o.area, o.period))
        if held is None and o.figure == "text":
            held = next((h for h in seen.values() if _restates(o, h)), None)
            if held is not None:
                key = (held.indicator, held.area, held.period)
                seen[key] = dataclasses.replace(held, spans=(*held.spans, *o.spans))
                continue
        if held is None:
            seen[(o.indicator, o.area, o.period)] = o
    return list(seen.values())


_STOP = frozenset("the in of for to a an and by over per year years change".split())


def _content_words(label: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", label.lower()) if w not in _STOP and len(w) > 2}


def _restates(text: Observation, table: Observation) -> bool:
    """True when a sentence's observation states the same fact as a table's."""
    return (
        table.figure != "text"
        and (text.area, text.period, text.unit, text.value)
        == (table.area, table.period, table.unit, table.value)
        and len(_content_words(text.indicator_label) & _content_words(table.indicator_label)) >= 2
    )


__all__ = ["Lexicons", "enrich", "lexicons"]
