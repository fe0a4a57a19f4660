"""Synthetic reports as text, in the three formats the extractor reads.

The full report is paginated the way text converted from a PDF is: blocks separated by blank
lines, footnotes at the foot of the page their marker is on, a paragraph cut by a page break
carried on after the footnotes, pages separated by form feeds (or not, as in the seed).
"""

from __future__ import annotations

import math
import textwrap

from .facts import ReportFacts
from .generate import judgment_sentence
from .layout import (
    BULLETS,
    CONTENTS,
    HEADING,
    NEW_PAGE,
    PARA,
    TABLE,
    Item,
    Style,
    report_items,
)

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LINE_WIDTH = 95
PAGE_LINES = 44


def superscript(number: int) -> str:
    return str(number).translate(SUPERSCRIPT)


class _Pages:
    """Fills pages with blocks of text, footnotes at the foot of each page."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.notes: list[list[str]] = [[]]
        self.used = 0
        self.footnote_count = 0

    @property
    def number(self) -> int:
        return len(self.pages)

    def new_page(self) -> None:
        if self.pages[-1] or self.notes[-1]:
            self.pages.append([])
            self.notes.append([])
            self.used = 0

    def room(self) -> int:
        return PAGE_LINES - self.used

    def put(self, text: str, lines: int | None = None) -> None:
        needed = lines if lines is not None else _lines(text)
        if needed > self.room() and self.used:
            self.new_page()
        self.pages[-1].append(text)
        self.used += needed + 1

    def note(self, text: str) -> str:
        self.footnote_count += 1
        marker = superscript(self.footnote_count)
        self.notes[-1].append(f"{marker} {text}")
        self.used += _lines(text) + 1
        return marker

    def pages_with_notes(self) -> list[list[str]]:
        return [blocks + notes for blocks, notes in zip(self.pages, self.notes, strict=True)]


def _lines(text: str) -> int:
    return sum(max(1, math.ceil(len(line) / LINE_WIDTH)) for line in text.split("\n"))


def _paginate(
    items: list[Item], style: Style, toc: dict[int, int]
) -> tuple[list[list[str]], list[tuple[str, int]]]:
    """Lay the items out on pages; the contents list takes the pages of a first pass."""
    out = _Pages()
    listed: list[tuple[str, int]] = []
    index = 0
    while index < len(items):
        item = items[index]
        if item.kind == NEW_PAGE:
            out.new_page()
        elif item.kind == CONTENTS:
            out.put("Contents")
            entries = [i for i in items if i.listed]
            lines = []
            for n, entry in enumerate(entries):
                dots = " ....." if style.leader_dots and n % 3 == 1 else ""
                lines.append(f"{entry.text}{dots}\t{toc.get(n, 0)}")
            out.put("\n".join(lines))
        else:
            # keep a heading with what follows it
            group = [item]
            while group[-1].keep_with_next and index + 1 < len(items):
                if items[index + 1].kind == NEW_PAGE:
                    break
                index += 1
                group.append(items[index])
            needed = sum(_lines(_plain(i, style)) + 1 for i in group[:-1])
            last_lines = _lines(_plain(group[-1], style))
            splittable = group[-1].kind == PARA and last_lines > 3
            if needed + (2 if splittable else last_lines) > out.room() and out.used:
                out.new_page()
            for member in group:
                if member.listed:
                    listed.append((member.text, out.number))
                _put(out, member, style)
        index += 1
    return out.pages_with_notes(), listed


def _plain(item: Item, style: Style) -> str:
    if item.lines:
        return "\n".join(_bullet_lines(item, style))
    return item.text


def _bullet_lines(item: Item, style: Style) -> list[str]:
    if item.kind != BULLETS or not style.wrap_bullets:
        return list(item.lines)
    out = []
    for line in item.lines:
        out.extend(textwrap.wrap(line, style.wrap_bullets, break_on_hyphens=False))
    return out


def _put(out: _Pages, item: Item, style: Style) -> None:
    if item.kind in (BULLETS, TABLE) or item.lines:
        out.put("\n".join(_bullet_lines(item, style)))
        return
    text = item.text
    if item.kind == PARA and _lines(text) > out.room() - 1 and out.room() > 3:
        # a page break cuts the paragraph: the rest carries on after the footnotes
        cut = _cut(text, (out.room() - 2) * LINE_WIDTH)
        first, rest = text[:cut].rstrip(), text[cut:].lstrip()
        at = item.footnote_at
        if item.footnote and at is not None and at <= len(first):
            first = first[:at] + out.note(item.footnote) + first[at:]
            out.put(first, lines=out.room() - 1)
            out.new_page()
            out.put(rest)
            return
        out.put(first, lines=out.room() - 1)
        out.new_page()
        if item.footnote and at is not None:
            shift = cut + (len(text[cut:]) - len(rest))
            rest = rest[: at - shift] + out.note(item.footnote) + rest[at - shift :]
        out.put(rest)
        return
    if item.footnote and item.footnote_at is not None:
        at = item.footnote_at
        text = text[:at] + out.note(item.footnote) + text[at:]
    out.put(text)


def _cut(text: str, limit: int) -> int:
    """Where to cut a paragraph: the last space before ``limit`` characters.

    Never right after a full stop, a semicolon or a colon: a paragraph cut between two
    sentences cannot be told from two paragraphs, in a real report as here, nor one cut
    after a clause ending in ';' or ':' from a list whose items have lost their bullets
    (extract.layout.is_continuation reads both as ends).
    """
    space = text.rfind(" ", 0, max(1, limit))
    while space > 0 and text[space - 1] in ".?!;:":
        space = text.rfind(" ", 0, space)
    return space if space > 0 else len(text)


def _join(pages: list[list[str]], style: Style) -> str:
    texts = ["\n\n".join(blocks) + "\n" for blocks in pages]
    if style.form_feeds:
        return "\f".join(texts)
    return "\n".join(texts)


def render_full_report(facts: ReportFacts, style: Style | None = None) -> str:
    """The full report as text, with a contents list whose page numbers are right."""
    style = style or Style()
    items = report_items(facts, style)
    _, listed = _paginate(items, style, {})
    toc = {n: page for n, (_, page) in enumerate(listed)}
    pages, _ = _paginate(items, style, toc)
    return "\n\n\n" + _join(pages, style)


def render_summary(facts: ReportFacts) -> str:
    """The force's web summary: one line per paragraph under the core-question headings."""
    lines = [
        f"{facts.force_short} PEEL {facts.year_label}",
        facts.pillar_label.capitalize(),
        facts.headline_label,
    ]
    for section in facts.headed():
        lines.append(facts.labels[section.question])
        lines.extend(p.text for p in section.summary)
        if section.afis:
            lines.append("Areas for improvement")
            lines.extend(f"- {afi}" for afi in section.afis)
    return "\n".join(lines) + "\n"


def render_landing_page(
    facts: ReportFacts,
    cut_after: int | None = None,
    others: tuple[tuple[str, str, str], ...] = (),
) -> str:
    """The force's PEEL page for the year: judgment sentences and the HMI's observations.

    ``others`` adds pillars (label, adjective, grade slug) after the report's own, as a page
    that grades every pillar of the year does. ``cut_after`` keeps only that many
    paragraphs of the report's observations, the last one cut mid-sentence, and drops the
    rest of the page, as a page saved before it finished loading.
    """
    from .generate import landing_sentence, pillar_sentence

    lines = [facts.force_name, f"PEEL {facts.year_label}"]
    lines += _landing_pillar(facts.pillar_label, landing_sentence(facts), facts.inspector)
    observations = [p.text for p in facts.overview]
    if cut_after is not None:
        observations = observations[: cut_after + 1]
        last = observations[-1]
        observations[-1] = last[: max(12, len(last) // 2)].rsplit(" ", 1)[0]
        return "\n".join(lines + observations) + "\n"
    lines += observations
    for label, adjective, grade in others:
        sentence = pillar_sentence(facts.subject, adjective, facts.headline_predicate, grade)
        lines += _landing_pillar(label, sentence, facts.inspector)
        lines.append(f"The {facts.subject} has made progress in this area since last year.")
    return "\n".join(lines) + "\n"


def _landing_pillar(label: str, sentence: str, inspector: str) -> list[str]:
    return [
        label.capitalize(),
        sentence,
        f"{inspector}, HM Inspector of Constabulary",
        "HMI\u2019s observations",
    ]


__all__ = [
    "render_full_report",
    "render_landing_page",
    "render_summary",
    "judgment_sentence",
    "HEADING",
]
