"""Synthetic reports as PDF (fpdf2), laid out the way the published reports are.

Body text in 11 pt, headings in bold, footnote markers raised in small type with the notes
at the foot of the page, a running header and a page number on every page but the first,
long words hyphenated at line ends, figure tables in columns, a contents list with the pages
the headings fell on (two passes). What the PDF extractor must repair comes from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import PeelgraphError
from .facts import ReportFacts
from .layout import (
    BULLETS,
    CAPTION,
    CONTENTS,
    GRADE,
    HEADING,
    NEW_PAGE,
    NOTE,
    PARA,
    SUBHEADING,
    TABLE,
    TITLE,
    Item,
    Style,
    report_items,
)

PAGE_W, PAGE_H = 595.28, 841.89
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 72.0, 72.0
WIDTH = PAGE_W - LEFT - RIGHT
BODY = 11.0
LEADING = 1.4
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")
_SPLIT_SUP = re.compile(f"([{SUPERSCRIPTS}]+)")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")

#: Where a Unicode TrueType font may be found (regular, bold): fpdf2's core fonts are
#: Latin-1 only, and reports have curly quotes and dashes.
_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
)


class MissingFontError(PeelgraphError):
    """No Unicode TrueType font to write a PDF with."""


def find_fonts(font: Path | None = None) -> tuple[Path, Path]:
    """A regular and a bold Unicode TrueType font (DejaVu Sans, shipped with matplotlib)."""
    if font is not None:
        bold = font.with_name(font.stem + "-Bold" + font.suffix)
        return font, bold if bold.exists() else font
    candidates: list[Path] = []
    try:
        import matplotlib

        candidates.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:
        pass
    candidates.extend(Path(d) for d in _FONT_DIRS)
    for folder in candidates:
        regular = folder / "DejaVuSans.ttf"
        if regular.exists():
            bold = folder / "DejaVuSans-Bold.ttf"
            return regular, bold if bold.exists() else regular
    raise MissingFontError(
        "no Unicode TrueType font found to write PDF with",
        hint="pip install matplotlib (it ships DejaVu Sans) or pass --font FILE.ttf",
    )


def _fpdf() -> Any:
    try:
        from fpdf import FPDF
    except ImportError as exc:  # pragma: no cover - fpdf2 is a dev and synth extra
        raise PeelgraphError(
            "writing PDF needs fpdf2", hint="pip install 'peelgraph[synth]'"
        ) from exc
    return FPDF


def check_pdf_writer(font: Path | None = None) -> None:
    """Raise the error writing a PDF would give (no fpdf2, no font), before anything is
    written."""
    _fpdf()
    find_fonts(font)


@dataclass
class _Page:
    notes: list[str] = field(default_factory=list)


class _Writer:
    """Lays items out line by line, so that footnotes land on the page of their marker."""

    def __init__(self, header: str, fonts: tuple[Path, Path], toc: dict[int, int]):
        fpdf_class = _fpdf()
        self.pdf = fpdf_class(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creation_date(_FIXED_DATE)
        self.pdf.add_font("body", "", str(fonts[0]))
        self.pdf.add_font("body", "B", str(fonts[1]))
        self.toc = toc
        self.listed: list[tuple[str, int]] = []
        self.notes: list[str] = []
        self.note_count = 0
        self.y = TOP
        self.header = header
        self._new_page(first=True)

    # ---- pages ---------------------------------------------------------------------------

    def _new_page(self, first: bool = False) -> None:
        if not first:
            self._finish_page()
        self.pdf.add_page()
        self.y = TOP
        self.notes = []

    def _finish_page(self) -> None:
        page = self.pdf.page_no()
        if self.notes:
            size = 8.0
            height = sum(len(self._wrap(n, size, False)) for n in self.notes) * size * LEADING
            y = PAGE_H - BOTTOM - height + 6
            self.pdf.set_draw_color(0)
            self.pdf.line(LEFT, y - 6, LEFT + 120, y - 6)
            for note in self.notes:
                for line in self._wrap(note, size, False):
                    self._text_line(LEFT, y, line, size, False)
                    y += size * LEADING
        if page > 1:
            self._text_line(LEFT, 36, self.header, 8, False)
            number = str(page)
            self.pdf.set_font("body", "", 9)
            x = PAGE_W / 2 - self.pdf.get_string_width(number) / 2
            self._text_line(x, PAGE_H - 40, number, 9, False)

    def _notes_height(self, extra: list[str] = ()) -> float:  # type: ignore[assignment]
        notes = [*self.notes, *extra]
        if not notes:
            return 0.0
        return sum(len(self._wrap(n, 8.0, False)) for n in notes) * 8.0 * LEADING + 12

    def _room(self, extra_notes: list[str] = ()) -> float:  # type: ignore[assignment]
        return PAGE_H - BOTTOM - self._notes_height(extra_notes) - self.y

    # ---- text ----------------------------------------------------------------------------

    def _width(self, text: str, size: float, bold: bool) -> float:
        self.pdf.set_font("body", "B" if bold else "", size)
        return float(self.pdf.get_string_width(_BOLD.sub(r"\1", text).translate(_TO_DIGITS)))

    def _wrap(self, text: str, size: float, bold: bool, width: float = WIDTH) -> list[str]:
        """Lines of at most ``width``; long words hyphenated, compounds broken at hyphens."""
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            candidate = f"{current} {word}" if current else word
            if self._width(candidate, size, bold) <= width:
                current = candidate
                continue
            head, tail = self._break_word(current, word, size, bold, width)
            if head:
                lines.append(f"{current} {head}" if current else head)
                current = tail
            else:
                if current:
                    lines.append(current)
                current = word
        if current:
            lines.append(current)
        return lines

    def _break_word(
        self, current: str, word: str, size: float, bold: bool, width: float
    ) -> tuple[str, str]:
        """Hyphenate a long lower-case word at the line end.

        A compound is never broken at its own hyphen: whether 'anti-/social' keeps its
        hyphen cannot be told without a dictionary, and the extractor only guesses it from
        the rest of the document.
        """
        prefix = f"{current} " if current else ""
        letters = re.fullmatch(r"([a-z]{9,})([,;.]?)", word)
        if letters:
            stem = letters.group(1)
            for cut in range(len(stem) - 4, 3, -1):
                if self._width(prefix + stem[:cut] + "-", size, bold) <= width:
                    return stem[:cut] + "-", word[cut:]
        return "", word

    def _text_line(self, x: float, y: float, line: str, size: float, bold: bool) -> None:
        """One line at baseline-ish ``y``: superscript markers raised, **bold** runs bold."""
        for index, chunk in enumerate(_BOLD.split(line)):
            chunk_bold = bold or index % 2 == 1
            for part in _SPLIT_SUP.split(chunk):
                if not part:
                    continue
                self.pdf.set_font("body", "B" if chunk_bold else "", size)
                if part[0] in SUPERSCRIPTS:
                    self.pdf.char_vpos = "SUP"
                    part = part.translate(_TO_DIGITS)
                width = self.pdf.get_string_width(part)
                self.pdf.set_xy(x, y)
                self.pdf.cell(width, size, part)
                self.pdf.char_vpos = "LINE"
                x += width

    def block(self, text: str, size: float = BODY, bold: bool = False, gap: float = 8.0,
              indent: float = 0.0, note: str | None = None) -> None:  # fmt: skip
        """A paragraph: lines placed one by one, the page broken where it is full."""
        lines = self._wrap(text, size, bold, WIDTH - indent)
        height = size * LEADING
        pending = [note] if note else []
        for n, line in enumerate(lines):
            marker = any(c in SUPERSCRIPTS for c in line) and pending
            room = self._room(pending if marker else [])
            # a page never breaks a paragraph between two sentences: that break could not
            # be told from the end of a paragraph, in a real report as here
            sentence_end = n + 1 < len(lines) and line.rstrip().endswith((".", "?", "!"))
            if sentence_end:
                upcoming = any(c in SUPERSCRIPTS for c in lines[n + 1]) and pending
                room = min(room, self._room(pending if marker or upcoming else []))
            if room < height or (sentence_end and room < 2 * height and self.y > TOP):
                self._new_page()
            if marker:
                self.notes.extend(pending)
                pending = []
            self._text_line(LEFT + indent, self.y, line, size, bold)
            self.y += height
        self.y += gap

    def need(self, height: float) -> None:
        if self._room() < height and self.y > TOP:
            self._new_page()

    # ---- items ---------------------------------------------------------------------------

    def item(self, item: Item, style: Style, following: list[Item]) -> None:
        kind = item.kind
        if kind == NEW_PAGE:
            self._new_page()
            return
        if item.keep_with_next:
            # a heading (or caption) is never the last thing on a page
            self.need(self._height(item, style) + sum(self._height(i, style) for i in following))
        if item.listed:
            self.listed.append((item.text, self.pdf.page_no()))
        if kind == TITLE:
            text = " ".join(item.lines) if item.lines else item.text
            big = item.text.startswith("PEEL") or item.text.startswith("An inspection")
            self.block(text, 20 if big else 12, big, gap=18)
        elif kind == CONTENTS:
            self._contents(item)
        elif kind == HEADING:
            self.block(item.text, 14, True, gap=10)
        elif kind == SUBHEADING:
            text, note = self._with_marker(item)
            self.block(text, 12, True, gap=8, note=note)
        elif kind == GRADE:
            self.block(item.text, 12, True, gap=10)
        elif kind in (PARA, NOTE, CAPTION):
            text, note = self._with_marker(item)
            size = 9.0 if kind == NOTE else BODY
            self.block(text, size, kind == CAPTION, note=note)
        elif kind == BULLETS:
            for line in item.lines:
                marker, _, rest = line.partition(" ")
                lines = self._wrap(rest, BODY, False, WIDTH - 18)
                for n, text in enumerate(lines):
                    if self._room() < BODY * LEADING:
                        self._new_page()
                    if n == 0:
                        self._text_line(LEFT, self.y, marker, BODY, False)
                    self._text_line(LEFT + 18, self.y, text, BODY, False)
                    self.y += BODY * LEADING
                self.y += 3
            self.y += 6
        elif kind == TABLE:
            self._table(item)
        elif kind == LISTED_CONTENTS:
            self._listed_contents(item)
        elif kind == FOOTNOTE:  # a note is never split over two pages
            self.need(len(self._wrap(item.text, 8, False)) * 8 * LEADING)
            self.block(item.text, 8, False, gap=6)

    def _with_marker(self, item: Item) -> tuple[str, str | None]:
        """The item's text with its footnote marker, and the footnote line for the page."""
        if not item.footnote or item.footnote_at is None:
            return item.text, None
        self.note_count += 1
        marker = str(self.note_count).translate(str.maketrans("0123456789", SUPERSCRIPTS))
        at = item.footnote_at
        return item.text[:at] + marker + item.text[at:], f"{marker} {item.footnote}"

    def _height(self, item: Item, style: Style) -> float:
        if item.kind == TABLE:
            return len(item.lines) * 9 * LEADING + 12
        if item.kind == BULLETS:
            return BODY * LEADING * 2
        size = 14 if item.kind == HEADING else BODY
        return min(3, len(self._wrap(item.text, size, False))) * size * LEADING + 10

    def _table(self, item: Item) -> None:
        size = 9.0
        rows = [line.split("\t") for line in item.lines]
        columns = max(len(r) for r in rows)
        widths = [
            max(self._width(r[c], size, n == 0) for n, r in enumerate(rows) if c < len(r))
            for c in range(columns)
        ]
        gap = 18.0
        total = sum(widths) + gap * (columns - 1)
        if total > WIDTH:  # a wide table is set in smaller type
            scale = (WIDTH - gap * (columns - 1)) / sum(widths)
            size, widths = size * scale, [w * scale for w in widths]
        xs = [LEFT]
        for w in widths[:-1]:
            xs.append(xs[-1] + w + gap)
        self.need(len(rows) * size * LEADING + 10)
        for n, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell:
                    self._text_line(xs[c], self.y, cell, size, n == 0)
            self.y += size * LEADING
        self.y += 10

    def _contents(self, item: Item) -> None:
        self.block("Contents", 14, True, gap=10)
        size = 10.0
        entries = [i for i in self._all_items if i.listed]
        for n, entry in enumerate(entries):
            page = str(self.toc.get(n, 0))
            lines = self._wrap(entry.text, size, False, WIDTH - 40)
            for k, line in enumerate(lines):
                if self._room() < size * LEADING:
                    self._new_page()
                self._text_line(LEFT, self.y, line, size, False)
                if k == len(lines) - 1:
                    if self.style.leader_dots:
                        start = LEFT + self._width(line, size, False) + 6
                        dots = "." * max(3, int((PAGE_W - RIGHT - 30 - start) / 3))
                        self._text_line(start, self.y, dots, size, False)
                    x = PAGE_W - RIGHT - self._width(page, size, False)
                    self._text_line(x, self.y, page, size, False)
                self.y += size * LEADING
            self.y += 2

    def _listed_contents(self, item: Item) -> None:
        """A contents list given as 'heading<TAB>page' lines."""
        size = 10.0
        for entry in item.lines:
            heading, _, page = entry.rpartition("\t")
            lines = self._wrap(heading.strip(), size, False, WIDTH - 40)
            for k, line in enumerate(lines):
                if self._room() < size * LEADING:
                    self._new_page()
                self._text_line(LEFT, self.y, line, size, False)
                if k == len(lines) - 1:
                    x = PAGE_W - RIGHT - self._width(page.strip(), size, False)
                    self._text_line(x, self.y, page.strip(), size, False)
                self.y += size * LEADING
            self.y += 2
        self.y += 8

    def run(self, items: list[Item], style: Style) -> None:
        self._all_items = items
        self.style = style
        for index, item in enumerate(items):
            following = []
            position = index
            while items[position].keep_with_next and position + 1 < len(items):
                position += 1
                if items[position].kind == NEW_PAGE:
                    break
                following.append(items[position])
            self.item(item, style, following[:1])
        self._finish_page()


_FIXED_DATE = __import__("datetime").datetime(2017, 3, 1, tzinfo=__import__("datetime").UTC)


def render_pdf(facts: ReportFacts, style: Style | None = None, font: Path | None = None) -> bytes:
    """The full report as a PDF; the same facts give the same bytes."""
    style = style or Style()
    fonts = find_fonts(font)
    items = report_items(facts, style)
    header = f"PEEL: Police {facts.pillar_label} {facts.year_label} \u2013 {facts.force_name}"
    first = _Writer(header, fonts, {})
    first.run(items, style)
    toc = {n: page for n, (_, page) in enumerate(first.listed)}
    second = _Writer(header, fonts, toc)
    second.run(items, style)
    return bytes(second.pdf.output())


LISTED_CONTENTS = "listed-contents"
FOOTNOTE = "footnote"


def text_to_pdf(text: str, font: Path | None = None) -> bytes:
    """A report in the text format (the seed) printed as a PDF, block by block.

    Headings in bold, footnotes in small type where the text has them, tables in columns,
    the contents list with the page numbers the text gives. The printed pages are this
    layout's own, so page numbers read from the PDF differ from the text's contents list.
    The printer reads the text with its own rules (below), not the extractor's, so that
    reading the PDF back is a check of the extractor rather than of itself.
    """
    items: list[Item] = []
    header = ""
    in_contents = False
    for body in _printed_blocks(text):
        lines = body.split("\n")
        if not header and body.startswith("PEEL:"):
            header = body
        if body.strip(" .*").casefold() == "contents":
            items.append(Item(HEADING, "Contents"))
            in_contents = True
            continue
        if in_contents and all(_CONTENTS_LINE.match(line) for line in lines):
            items.append(Item(LISTED_CONTENTS, lines=tuple(lines)))
            continue
        in_contents = False
        items.append(_printed_item(body, lines))
    writer = _Writer(header, find_fonts(font), {})
    writer.run(items, Style())
    return bytes(writer.pdf.output())


#: A contents line: heading, leader dots or spaces, a tab, the page number.
_CONTENTS_LINE = re.compile(r"^\S.*\t\s*\d{1,3}\s*$")
_BLOCK_BREAK = re.compile(r"\n[ \t\u00a0\f]*\n|\f")
_BULLET = re.compile(r"^(?:[-\u2022\u25aa\u2013*]|\d{1,2}[.)]|\(?[a-z]\))\s")


def _printed_blocks(text: str) -> list[str]:
    """The text's blocks as a printer sees them: runs of lines between blank lines."""
    return [b.strip() for b in _BLOCK_BREAK.split(text) if b.strip(" \t\n\f\u00a0")]


def _printed_item(body: str, lines: list[str]) -> Item:
    """How one block of the text format is printed."""
    if "\t" in body:
        return Item(TABLE, lines=tuple(lines))
    if body[0] in SUPERSCRIPTS:
        return Item(FOOTNOTE, " ".join(lines))
    if _BULLET.match(body):
        return Item(BULLETS, lines=tuple(lines))
    if len(lines) == 1 and "**" not in body and _is_heading_line(body):
        return Item(HEADING, body)
    return Item(PARA, " ".join(lines))


def _is_heading_line(line: str) -> bool:
    """A question, or a short capitalised line that does not end like a sentence."""
    bare = line.translate({ord(c): None for c in SUPERSCRIPTS}).strip()
    if not bare or len(bare) > 300:
        return False
    if bare.endswith("?"):
        return True
    return (
        len(bare) <= 90
        and bare[0].isupper()
        and not bare.rstrip(" .\u2026").endswith((",", ";", ":", ")"))
        and not re.search(r"(?<![.\s])\.$", bare)
        and len(bare.split()) <= 12
    )
