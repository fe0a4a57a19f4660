"""Layout of a report's text: blocks with offsets, footnotes, headings, page numbers.

Text converted from PDF carries page-break artefacts: a paragraph cut by a page break
continues after the page's footnotes; headings keep leader dots; quotes are curly. This
module turns the raw text into :class:`Block` objects that keep exact character offsets into
the text, so every extracted item can point back at its source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPTS}]+")
_CARET_NOTE = re.compile(r"\^\{[\d,\s]+\}|\^\d+")
_FOOTNOTE_START = re.compile(f"^[{SUPERSCRIPTS}]+\\s")
_BLOCK_SPLIT = re.compile(r"\n[ \t\u00a0\f]*\n|\f")
_LIST_MARKER = re.compile(r"^(?:[-\u2022\u25aa\u2013*]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)")
_EMPHASIS = re.compile(r"\*\*([^*]+)\*\*|\*([^*\s][^*]*?)\*")
_TRAILING_DOTS = re.compile(r"[\s.\u2026]+$")
_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
#: A full stop that ends a sentence (not leader dots, not a detached " ." after a heading).
_FULL_STOP = re.compile(r"(?<![.\s])\.$")


@dataclass(frozen=True)
class Block:
    """A run of text between blank lines: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    page: int | None = None

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def is_footnote(self) -> bool:
        return bool(_FOOTNOTE_START.match(self.text))

    @property
    def is_table(self) -> bool:
        return "\t" in self.text and not self.text.startswith("Contents")

    @property
    def is_list(self) -> bool:
        return bool(_LIST_MARKER.match(self.text))


def split_blocks(text: str, pages: list[int] | None = None) -> list[Block]:
    """Split text at blank lines into blocks, trimmed, with offsets into ``text``.

    ``pages`` (from :func:`page_starts`) gives the offset at which each printed page starts;
    a block's page is then the page its first character is on.
    """
    blocks: list[Block] = []
    position = 0
    for match in [*_BLOCK_SPLIT.finditer(text), None]:
        end = match.start() if match else len(text)
        raw = text[position:end]
        stripped = raw.strip()
        if stripped and stripped.replace("\f", "").strip():
            lead = len(raw) - len(raw.lstrip())
            start = position + lead
            block_text = stripped
            # a form feed inside a block marks a page break: keep the block whole
            blocks.append(Block(start, start + len(block_text), block_text))
        if match:
            position = match.end()
    if pages:
        blocks = [Block(b.start, b.end, b.text, page_at(pages, b.start)) for b in blocks]
    return blocks


def line_blocks(text: str) -> list[Block]:
    """Each non-empty line as a block, trimmed, with offsets into ``text`` (the pages read
    line by line: web summaries, overviews, news releases, 2018/19 and 2021+ reports)."""
    blocks = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            blocks.append(Block(offset + lead, offset + lead + len(stripped), stripped))
        offset += len(line) + 1
    return blocks


#: A line that ends a sentence, a heading's colon or a quotation: no hard break after it.
_LINE_END = re.compile(r"[.!?:;\u201d\u2019\"')]\s*$")
#: A line that opens a list item: never joined to the line above.
_ITEM_START = re.compile(r"^\s*(?:[-\u2022\u00b7*]\s|\d+[.)]\s)")


def unwrap_hard_breaks(text: str) -> str:
    """The text with the line breaks inside its sentences turned into spaces, if it is
    hard-wrapped (a copy that broke every paragraph into short lines: "graded Humberside
    Police\u2019s\nperformance across nine areas of\npolicing ..."); else the text as it is.
    Hard-wrapped: most lines followed by another line end in mid-sentence. A break after a
    sentence's end, before a blank line or before a list item is kept. The length is kept,
    so offsets into the text stay those of the original."""
    lines = text.split("\n")
    inner = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    broken = [i for i in inner if not _LINE_END.search(lines[i])
              and not _ITEM_START.match(lines[i + 1])]  # fmt: skip
    if len(broken) < 8 or len(broken) < 0.6 * len(inner):
        return text
    joined = set(broken)
    return "".join(line + (" " if i in joined else "\n") for i, line in enumerate(lines))[:-1]


def page_starts(text: str, first_page: int = 1) -> list[int]:
    """Offsets at which pages start, from form feeds; empty if the text has none."""
    if "\f" not in text:
        return []
    return [0] + [m.end() for m in re.finditer("\f", text)]


def page_at(pages: list[int], offset: int, first_page: int = 1) -> int:
    """The printed page number of an offset, given page start offsets."""
    page = first_page
    for number, start in enumerate(pages, start=first_page):
        if start <= offset:
            page = number
        else:
            break
    return page


def fold(text: str) -> str:
    """Text folded for comparing headings and labels.

    Footnote markers, emphasis marks and leader dots go; quotes and dashes are straightened;
    case and whitespace are folded.
    """
    text = unicodedata.normalize("NFKC", _SUPERSCRIPT_RUN.sub("", text))
    text = _CARET_NOTE.sub("", text).translate(_QUOTES).replace("*", "")
    text = _TRAILING_DOTS.sub("", text.strip())
    text = re.sub(r"\s+([?.,;:])", r"\1", text)
    return " ".join(text.split()).lower()


def clean(text: str) -> str:
    """Readable text of a passage: footnote markers and emphasis marks removed, one line."""
    text = _SUPERSCRIPT_RUN.sub("", text)
    text = _CARET_NOTE.sub("", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return " ".join(text.split())


def strip_marker(line: str) -> tuple[int, str]:
    """A list line without its bullet or number: (characters removed, rest)."""
    match = _LIST_MARKER.match(line)
    if not match:
        return 0, line
    return match.end(), line[match.end() :]


def is_continuation(previous: Block, following: Block) -> bool:
    """True when ``following`` carries on a paragraph that a page break cut after ``previous``.

    A sentence is closed by a full stop, '?', '!', ':' or ';', also inside a closing quote or
    bracket (a bare closing quote is an apostrophe: "National Police Chiefs'"). A lower-case
    start carries on any sentence left open; an upper-case start ("IOM team work ...",
    "Customs. The force ...") carries on a long sentence left open, unless it reads as a
    heading.
    """
    if previous.is_table or following.is_table or following.is_list or following.is_footnote:
        return False
    if "\n" in previous.text or "\n" in following.text:
        return False
    tail = _SUPERSCRIPT_RUN.sub("", previous.text).rstrip()
    if not tail:
        return False
    first = following.text.lstrip()[:1]
    # a closing quote or bracket ends a sentence only after what it closes does: "Chiefs'"
    # (a possessive cut from "Council" by the page break) is left open
    if tail.rstrip("'\"\u2019\u201d)").endswith((".", "?", "!", ":", ";")):
        return False
    if first.islower():
        return True
    if first.isdigit():
        return not following.text.rstrip().endswith("?")
    return len(tail.split()) >= 8 and not looks_like_heading(following)


def looks_like_heading(block: Block) -> bool:
    """A one-line block that reads as a heading (a question, or a short title-like line)."""
    if "\n" in block.text or block.is_table or block.is_footnote or block.is_list:
        return False
    text = fold(block.text)
    if not text or len(text) > 300:
        return False
    if text.endswith("?"):
        return True
    first = block.text.lstrip("*")[:1]
    if _FULL_STOP.search(_SUPERSCRIPT_RUN.sub("", block.text).rstrip()):
        return False  # a one-sentence paragraph, however short
    return (
        len(text) <= 90
        and first.isupper()
        and not text.endswith((".", ",", ";", ":", ")"))
        and len(text.split()) <= 12
    )
