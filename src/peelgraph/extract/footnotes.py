"""Footnotes as items: number, text, page, and the passage that cites them.

A footnote is a block that opens with a superscript number ("¹² A multi-agency safeguarding
hub (MASH) brings together ..."); a short "Available at:" line or a bare web address after
it carries it on. The citing passage is where the same superscript number stands in the body
text, after a word or a punctuation mark ("hubs (MASH),¹²").
"""

from __future__ import annotations

import re

from ..model import Footnote, Span
from .layout import SUPERSCRIPTS, Block, clean
from .pages import is_footnote_tail

_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")
_OPENING = re.compile(f"^(?P<marks>[{SUPERSCRIPTS}]+)\\s+(?:\\d+\\s+)?")
#: A superscript marker in running text: after a letter, a closing mark or a punctuation mark.
_MARKER = re.compile(f"(?<=[A-Za-z)\\]'\u2019\u201d\"*.,;:?])(?P<marks>[{SUPERSCRIPTS}]+)")


def _number(marks: str) -> int:
    return int(marks.translate(_DIGITS))


def read_footnotes(blocks: list[Block]) -> list[Footnote]:
    """Every footnote of the blocks, in order, each with its citing passage where found."""
    notes: list[tuple[int, list[Block]]] = []
    previous_was_note = False
    for block in blocks:
        opening = _OPENING.match(block.text)
        if opening:
            notes.append((_number(opening.group("marks")), [block]))
            previous_was_note = True
        elif previous_was_note and is_footnote_tail(block) and notes:
            notes[-1][1].append(block)
        else:
            previous_was_note = False
    citations = _citations(blocks)
    out = []
    for number, parts in notes:
        first = parts[0]
        opening = _OPENING.match(first.text)
        assert opening is not None
        start = first.start + opening.end()
        spans = (Span(start, first.end, first.page),) + tuple(
            Span(b.start, b.end, b.page) for b in parts[1:]
        )
        text = clean(" ".join([first.text[opening.end() :], *(b.text for b in parts[1:])]))
        out.append(Footnote(number, text, spans, citations.get(number)))
    return out


def _citations(blocks: list[Block]) -> dict[int, Span]:
    """The first place in the body text that cites each footnote number: the span of the
    sentence (or heading) that carries the marker."""
    found: dict[int, Span] = {}
    for block in blocks:
        if _OPENING.match(block.text) or block.is_table:
            continue
        for marker in _MARKER.finditer(block.text):
            number = _number(marker.group("marks"))
            if number in found:
                continue
            start = _sentence_start(block.text, marker.start())
            found[number] = Span(block.start + start, block.start + marker.end(), block.page)
    return found


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence that ends at (or runs through) ``position`` starts."""
    cut = max(text.rfind(". ", 0, position - 1), text.rfind("\n", 0, position - 1))
    return 0 if cut < 0 else cut + (2 if text[cut] == "." else 1)


def footnote_blocks(blocks: list[Block]) -> set[int]:
    """Indexes of the blocks that belong to footnotes (their opening and tail blocks)."""
    out: set[int] = set()
    previous_was_note = False
    for index, block in enumerate(blocks):
        if block.is_footnote or (previous_was_note and is_footnote_tail(block)):
            out.add(index)
            previous_was_note = True
        else:
            previous_was_note = False
    return out
