"""Printed page numbers of a report's blocks.

Text converted from PDF with form feeds has exact pages (see :func:`layout.page_starts`).
Text without them gets its pages from two marks the conversion keeps: the contents list (a
listed heading starts on its listed page) and the footnotes (a run of footnotes ends a page,
so the next block of body text starts the next one).
"""

from __future__ import annotations

import re

from .layout import Block, fold

TOC_LINE = re.compile(r"^(?P<heading>.+?)[\s.\u2026]*\t\s*(?P<page>\d{1,3})\s*$")
#: Lines that carry a footnote on after its first block: "Available at:" and a bare web address.
_FOOTNOTE_TAIL = re.compile(
    r"^(?:(?:available|accessible)\s+(?:at|from|online)\s*:?|(?:https?://|www\.)\S+)$", re.I
)


def table_of_contents(blocks: list[Block]) -> tuple[dict[str, list[int]], int]:
    """Headings of the contents list, each with its pages in order (a heading such as
    "Summary of findings" is listed once per section), and the index of the first block
    after the list."""
    toc: dict[str, list[int]] = {}
    end = 0
    for index, block in enumerate(blocks[:200]):
        if fold(block.text) == "contents":
            end = index + 1
            continue
        if end == 0:
            continue
        matches = [TOC_LINE.match(line) for line in block.text.split("\n")]
        if not all(matches):
            break
        for m in matches:
            assert m is not None
            toc.setdefault(fold(m.group("heading")), []).append(int(m.group("page")))
        end = index + 1
    return toc, end


def is_footnote_tail(block: Block) -> bool:
    """True for a block that carries on the footnote above it ("Available at:", a URL)."""
    return "\n" not in block.text and bool(_FOOTNOTE_TAIL.match(block.text.strip()))


class _PageCounter:
    """The running page of a walk over the blocks, without form feeds."""

    def __init__(self, toc: dict[str, list[int]]):
        self.listed = {heading: list(pages) for heading, pages in toc.items()}
        self.page: int | None = None
        self.after_footnotes = False

    def listed_page(self, block: Block) -> int | None:
        """The contents page of a heading block: the first listed page not before the
        running page, consumed so that the next heading of the same wording gets the next."""
        if "\n" in block.text:
            return None
        pages = self.listed.get(fold(block.text))
        while pages:
            if self.page is None or pages[0] >= self.page:
                return pages.pop(0)
            pages.pop(0)
        return None

    def page_of(self, block: Block) -> int | None:
        if block.is_footnote or (self.after_footnotes and is_footnote_tail(block)):
            self.after_footnotes = True
            return self.page
        listed = self.listed_page(block)
        if listed is not None:
            self.page = listed  # a listed heading starts its page, footnotes or not
        elif self.after_footnotes and self.page is not None:
            self.page += 1
        self.after_footnotes = False
        return self.page


def assign_pages(blocks: list[Block], toc: dict[str, list[int]]) -> list[Block]:
    """Page numbers for text without form feeds, derived from the contents list.

    A heading listed in the contents starts on its listed page; a block of footnotes ends a
    page. Blocks before the first listed heading get no page.
    """
    if any(b.page is not None for b in blocks) or not toc:
        return blocks
    counter = _PageCounter(toc)
    return [Block(b.start, b.end, b.text, counter.page_of(b)) for b in blocks]
