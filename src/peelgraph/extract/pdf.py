"""PDF files as the text the other readers take: pages joined with form feeds.

pdfplumber gives every word with its position, size and font; from those this module
rebuilds what PDF text extraction breaks: the lines of one paragraph are joined (a word
hyphenated at a line end is mended), running headers, footers and page numbers are
dropped, raised small digits become superscript footnote markers, bold words inside a line
are marked ``**bold**``, table cells are separated by tabs in their columns, and a contents
line's leader dots become the tab before its page number. Curly quotes are kept.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..limits import MAX_PDF_INFLATED, MAX_PDF_PAGES
from ..model import Report
from .reading import RawDocument

PDF_MEDIA_TYPE = "application/pdf"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\u00ad": ""})  # fmt: skip
_LIST_START = re.compile(r"^(?:[\u2022\u25aa\u25cf\u2013\-*]|\d{1,2}[.)]|\(?[a-z]\))$")
_LEADERS = re.compile(r"[ \t]*(?:[.\u2026][ ]?){3,}[ \t]*(\d{1,3})$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
#: Prefixes that keep their hyphen when a line break falls after them ("anti-", "multi-").
_PREFIXES = frozenset(
    "anti multi non co cross self well inter intra pre post ex counter cyber semi so".split()
)


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    words: list[Word] = field(default_factory=list)

    @property
    def size(self) -> float:
        sizes = Counter(round(w.size, 1) for w in self.words for _ in w.text)
        return sizes.most_common(1)[0][0]

    @property
    def body(self) -> list[Word]:
        """The words in the line's own size (not raised footnote markers)."""
        return [w for w in self.words if not self._is_marker(w)] or self.words

    @property
    def top(self) -> float:
        return min(w.top for w in self.body)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.body)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def bold(self) -> bool:
        body = self.body
        return sum(len(w.text) for w in body if w.bold) > sum(len(w.text) for w in body) / 2

    def _is_marker(self, word: Word) -> bool:
        size = max(w.size for w in self.words)
        return word.size < 0.85 * size and bool(re.fullmatch(r"\d{1,3}(?:,\d{1,3})*", word.text))

    def cells(self, bold_block: bool | None = None) -> list[tuple[str, float, float]]:
        """The line's text in cells (split at wide gaps), with each cell's x range.

        Bold words are marked ``**bold**`` unless the block they are in is bold as a whole
        (a heading): by default, unless the line is.
        """
        out: list[tuple[str, float, float]] = []
        text, start, end = "", self.words[0].x0, self.words[0].x0
        size = self.size
        bold_line = self.bold if bold_block is None else bold_block
        previous: Word | None = None
        in_bold = False
        for word in self.words:
            marker = self._is_marker(word)
            piece = word.text.translate(_SUPERSCRIPT) if marker else word.text
            if previous is not None:
                gap = word.x0 - previous.x1
                after_bullet = (
                    previous is self.words[0]
                    and _LIST_START.match(previous.text)
                    and gap < 3 * size  # a bullet's indent, not a table's column
                )
                if gap > 1.5 * size and not marker and not after_bullet:
                    if in_bold:
                        text += "**"
                        in_bold = False
                    out.append((text, start, end))
                    text, start = "", word.x0
                elif not marker and gap > 0.12 * size:
                    piece = " " + piece
            bold = word.bold and not bold_line and not marker
            if bold and not in_bold:
                piece = piece.replace(piece.lstrip(), "**" + piece.lstrip(), 1)
                in_bold = True
            elif not bold and in_bold and not marker:
                text += "**"
                in_bold = False
            text += piece
            end = word.x1
            previous = word
        if in_bold:
            text += "**"
        out.append((text, start, end))
        leaders = _LEADERS.search(out[-1][0])
        if leaders and leaders.start() > 0:
            # a contents line: leader dots run up to the page number
            text, start, end = out.pop()
            last = self.words[-1]
            out.extend(
                [(text[: leaders.start()], start, last.x0 - 1), (leaders.group(1), last.x0, end)]
            )
        return out

    def text(self, bold_block: bool | None = None) -> str:
        return "\t".join(cell for cell, _, _ in self.cells(bold_block))


def as_pdf(report: Report) -> Report:
    """The report with its source file's media type set to PDF."""
    documents = tuple(
        dataclasses.replace(d, source=dataclasses.replace(d.source, media_type=PDF_MEDIA_TYPE))
        for d in report.documents
    )
    return dataclasses.replace(report, documents=documents)


def pdf_text(doc: RawDocument) -> str:
    """The document's text: one block per paragraph, pages separated by form feeds."""
    pages, heights = _read_pages(doc)
    if not any(pages):
        raise InputError(
            "the PDF has no text layer (a scanned document?)",
            where=str(doc.path),
            hint="run OCR on it first (for example ocrmypdf), or give the report as text",
        )
    pages = _drop_running_lines(pages, heights)
    vocabulary = _vocabulary(pages)
    blocks = [[_block_text(b, vocabulary) for b in _blocks(lines)] for lines in pages]
    _mend_across_pages(blocks, vocabulary)
    return "\f".join("\n\n".join(b for b in page if b) + "\n" for page in blocks)


def _read_pages(doc: RawDocument) -> tuple[list[list[Line]], list[float]]:
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError("reading PDF needs pdfplumber", where=str(doc.path)) from exc
    check_inflated_size(doc)
    try:
        with pdfplumber.open(io.BytesIO(doc.data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise InputError(
                    f"the PDF has {len(pdf.pages):,} pages, over the limit of {MAX_PDF_PAGES:,}",
                    where=str(doc.path),
                )
            return [_lines(page) for page in pdf.pages], [float(p.height) for p in pdf.pages]
    except InputError:
        raise
    except Exception as exc:
        causes = [exc, *exc.args, exc.__cause__, exc.__context__]
        names = " ".join(type(c).__name__.lower() for c in causes if c is not None)
        if "password" in names or "encrypt" in names:
            raise InputError(
                "the PDF is password-protected or encrypted",
                where=str(doc.path),
                hint="save an unprotected copy (print to PDF) and build that",
            ) from exc
        _not_readable(doc, exc, PDFSyntaxError)
        raise


def _not_readable(doc: RawDocument, exc: Exception, syntax_error: type) -> None:
    if isinstance(exc, (syntax_error, ValueError, KeyError, TypeError)):
        raise InputError(
            f"not a readable PDF ({type(exc).__name__})",
            where=str(doc.path),
            hint="check that the file is complete and not password-protected",
        ) from exc
    if type(exc).__module__.startswith(("pdfminer", "pdfplumber", "pypdfium2")):
        detail = " ".join(str(exc).split())[:200]
        raise InputError(
            f"not a readable PDF ({type(exc).__name__}{': ' + detail if detail else ''})",
            where=str(doc.path),
        ) from exc


_STREAM = re.compile(rb"stream\r?\n")


def check_inflated_size(doc: RawDocument, limit: int = MAX_PDF_INFLATED) -> None:
    """Refuse a PDF whose compressed streams inflate past ``limit`` bytes in all, before the
    PDF library inflates any: each stream is inflated in bounded chunks and only counted."""
    total = 0
    data = doc.data
    for match in _STREAM.finditer(data):
        start = match.end()
        if data[start : start + 1] != b"\x78":  # not a zlib stream
            continue
        end = data.find(b"endstream", start)
        inflater = zlib.decompressobj()
        chunk = memoryview(data)[start : end if end >= 0 else len(data)]
        try:
            while chunk:
                total += len(inflater.decompress(chunk, 1 << 20))
                if total > limit:
                    raise InputError(
                        f"the PDF's compressed streams inflate to over {limit:,} bytes "
                        "(a decompression bomb?)",
                        where=str(doc.path),
                    )
                if inflater.eof:
                    break
                chunk = memoryview(inflater.unconsumed_tail)
        except zlib.error:
            continue


def _lines(page: Any) -> list[Line]:
    words = page.extract_words(
        extra_attrs=["size", "fontname"], x_tolerance=1.5, keep_blank_chars=False
    )
    lines: list[Line] = []
    for raw in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        text = raw["text"].translate(_LIGATURES)
        if not text.strip():
            continue
        word = Word(
            text,
            float(raw["x0"]),
            float(raw["x1"]),
            float(raw["top"]),
            float(raw["bottom"]),
            float(raw["size"]),
            "bold" in raw["fontname"].lower(),
        )
        for line in reversed(lines[-3:]):
            top, bottom = min(w.top for w in line.words), max(w.bottom for w in line.words)
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap > 0.3 * min(word.bottom - word.top, bottom - top):
                line.words.append(word)
                break
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda line: line.top)
    return lines


def _drop_running_lines(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Pages without running headers, footers and page numbers.

    The first or last line of a page, in the page's outer margin (its top or bottom 8%), is
    running matter when it is a bare page number, or when the same text (digits aside)
    stands at the same height on several pages.
    """

    def key(line: Line) -> tuple[str, int]:
        return re.sub(r"\d+", "#", line.text()).strip().lower(), round(line.top / 4)

    def edges(lines: list[Line], height: float) -> list[int]:
        out = []
        if lines and lines[0].top < 0.08 * height:
            out.append(0)
        if lines and lines[-1].bottom > 0.92 * height:
            out.append(len(lines) - 1)
        return out

    counts: Counter[tuple[str, int]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        for n in edges(lines, height):
            counts[key(lines[n])] += 1
    repeated = max(2, len(pages) // 3)
    out = []
    for lines, height in zip(pages, heights, strict=True):
        running = {
            n
            for n in edges(lines, height)
            if counts[key(lines[n])] >= repeated or _PAGE_NUMBER.match(lines[n].text().strip())
        }
        out.append([line for n, line in enumerate(lines) if n not in running])
    return out


def _vocabulary(pages: list[list[Line]]) -> Counter[str]:
    """Every word of the document, for mending words hyphenated at line ends."""
    words: Counter[str] = Counter()
    for lines in pages:
        for line in lines:
            text = line.text()
            found = _WORD.findall(text)[1:]  # the first may end a word broken above
            if text.endswith("-"):
                found = found[:-1]  # the last is broken here
            words.update(w.lower() for w in found)
    return words


def _mend_across_pages(pages: list[list[str]], vocabulary: Counter[str]) -> None:
    """A word hyphenated at the foot of a page is moved whole to the top of the next page.

    The paragraph's last block on the page (footnotes come after it) loses the fragment,
    and the next page's first block starts with the mended word, so that the two blocks
    still read as one paragraph cut by a page break.
    """
    for page, following in zip(pages, pages[1:], strict=False):
        body = [n for n, b in enumerate(page) if b and b[:1] not in _SUPERSCRIPTS]
        if not body or not following or not following[0][:1].islower():
            continue
        last = body[-1]
        match = re.search(r"(?:^|\s)([A-Za-z]+-)$", page[last])
        if not match or "\t" in page[last]:
            continue
        word = _join(match.group(1), following[0].split(" ", 1)[0], vocabulary)
        rest = following[0].split(" ", 1)[1] if " " in following[0] else ""
        page[last] = page[last][: match.start()].rstrip()
        following[0] = f"{word} {rest}".rstrip()


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into blocks: a new block at a wider gap, a change of type or a note."""
    blocks: list[list[Line]] = []
    previous: Line | None = None
    for line in lines:
        if previous is None or _starts_block(previous, line):
            blocks.append([line])
        else:
            blocks[-1].append(line)
        previous = line
    return blocks


def _starts_block(previous: Line, line: Line) -> bool:
    size = line.size
    if line.top - previous.bottom > 0.75 * min(size, previous.size):
        return True
    if abs(size - previous.size) > 0.6:
        return True
    tabbed = "\t" in previous.text() or "\t" in line.text()
    if previous.bold and not line.bold and not tabbed:
        return True  # a heading ends (a bold line inside a paragraph does not start one)
    first = line.text()[:1]
    return first in _SUPERSCRIPTS  # a footnote starts with its marker


def _block_text(lines: list[Line], vocabulary: Counter[str]) -> str:
    words = [w for line in lines for w in line.body]
    bold = sum(len(w.text) for w in words if w.bold) * 2 > sum(len(w.text) for w in words)
    rows = [line.cells(bold) for line in lines]
    if sum(len(r) > 1 for r in rows) * 2 >= len(rows) and any(len(r) > 1 for r in rows):
        return _table(rows)
    items: list[str] = []
    for line in lines:
        text = _LEADERS.sub(r"\t\1", line.text(bold))
        first_word = line.words[0].text
        if not items or _LIST_START.match(first_word) and len(line.words) > 1:
            items.append(text)
        else:
            items[-1] = _join(items[-1], text, vocabulary)
    return "\n".join(items)


def _join(left: str, right: str, vocabulary: Counter[str]) -> str:
    """Two lines of one paragraph as one, mending a word hyphenated at the break."""
    match = re.search(r"([A-Za-z]+)-$", left)
    if not match or not right[:1].isalpha():
        return f"{left} {right}"
    head = match.group(1)
    tail = re.match(r"[A-Za-z]+", right)
    assert tail is not None
    rest = tail.group(0)
    hyphenated = f"{head}-{rest}".lower()
    joined = f"{head}{rest}".lower()
    if vocabulary[hyphenated] > 0 or (
        not vocabulary[joined]
        and (head.lower() in _PREFIXES or (vocabulary[head.lower()] and vocabulary[rest.lower()]))
    ):
        return left + right  # a compound broken at its own hyphen
    return left[:-1] + right


def _table(rows: list[list[tuple[str, float, float]]]) -> str:
    """Rows of cells placed in columns (an empty cell where a row has no value)."""
    contents = all(
        len(r) == 1 or (len(r) == 2 and re.fullmatch(r"\d{1,3}", r[1][0].strip())) for r in rows
    )
    if contents:
        return _contents(rows)
    spans = sorted((x0, x1) for row in rows for _, x0, x1 in row)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    out = []
    for row in rows:
        cells = [""] * len(columns)
        for text, x0, x1 in row:
            middle = (x0 + x1) / 2
            index = next(
                (n for n, (a, b) in enumerate(columns) if a <= middle <= b), len(columns) - 1
            )
            cells[index] = f"{cells[index]} {text}".strip()
        out.append("\t".join(cells).rstrip("\t") if not any(cells[1:]) else "\t".join(cells))
    return "\n".join(out)


def _contents(rows: list[list[tuple[str, float, float]]]) -> str:
    """A contents list: an entry wrapped over lines is joined up to its page number."""
    entries: list[str] = []
    pending = ""
    for row in rows:
        text = _LEADERS.sub(r"\t\1", "\t".join(cell for cell, _, _ in row))
        if "\t" in text:
            heading, page = text.rsplit("\t", 1)
            heading = re.sub(r"[\s.\u2026]+$", "", heading)
            entries.append(f"{(pending + ' ' + heading).strip()}\t{page.strip()}")
            pending = ""
        else:
            pending = f"{pending} {text}".strip()
    if pending:
        entries.append(pending)
    return "\n".join(entries)
