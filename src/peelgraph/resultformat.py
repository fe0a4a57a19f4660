"""Query results as text: an aligned table (the default), records, CSV, JSON or Markdown.

The table is plain text, aligned in columns like psql's: a header, a rule and one line per row.
In the table and record layouts IRIs are written as prefixed names (``report:kent-2016-...``,
which ``peelgraph explain`` takes back); CSV and JSON keep them whole for programs.

Given a width (a terminal's, or ``--max-width``), the columns share it by what they hold: a
column narrower than its share keeps its width, the wider ones share the rest equally,
never below :data:`MIN_COLUMN` characters, and their cells wrap onto continuation lines (text
at spaces, IRIs at ``/``, ``#`` and ``-``); nothing is cut. When even that does not fit, the
rows are written as records instead (one ``column  value`` line per column, as psql's
expanded mode), which reads at any width. Without a width (output to a pipe or a file) every
row is one line, for ``less -S``, ``grep`` and ``cut``.

It is written directly rather than through a rich Table, which lays out the same lines about
30 times more slowly (5,000 rows of four columns at 120 characters: 0.11 s against 3.5 s; see
docs/benchmarks.md).
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from .cells import safe_cell

if TYPE_CHECKING:  # pragma: no cover
    from .store import QueryResult

FORMATS = ("table", "records", "csv", "tsv", "json", "markdown")
#: What ``--format`` takes, for help texts.
FORMAT_HELP = (
    "table (aligned, wrapped to the terminal), records (one 'column value' line each, "
    "for wide rows), csv, tsv, json or markdown."
)
#: No column is narrowed below this many characters to fit a width (unless its content is
#: narrower): below it the rows are written as records.
MIN_COLUMN = 16
_GAP = "  "
_BREAKS = re.compile(r"[^/#-]*[/#-]+|[^/#-]+$")


def _text(value: object) -> str:
    """A cell on one line: no value is empty, line breaks and tabs become spaces."""
    if value is None:
        return ""
    text = str(value)
    return " ".join(text.split()) if "\n" in text or "\t" in text or "\r" in text else text


def iri_compactor(prefixes: Mapping[str, str]) -> Callable[[str], str]:
    """A function writing an IRI under one of ``prefixes`` (prefix: namespace) as a prefixed
    name, the longest namespace first; any other text comes back as it is."""
    by_namespace = {str(ns): p for p, ns in prefixes.items()}
    if not by_namespace:
        return lambda text: text
    pattern = re.compile(
        "|".join(re.escape(ns) for ns in sorted(by_namespace, key=len, reverse=True))
    )

    def compact(text: str) -> str:
        if not text.startswith("http"):
            return text
        match = pattern.match(text)
        if match is None or match.end() == len(text) or " " in text:
            return text
        return f"{by_namespace[match.group()]}:{text[match.end() :]}"

    return compact


def _wrap(cell: str, width: int) -> list[str]:
    """``cell`` in lines of at most ``width`` characters: text at spaces, a token without
    spaces (an IRI, a slug) after ``/``, ``#`` or ``-``; a piece longer than the width is
    split. No character but the spaces at line ends is lost."""
    if len(cell) <= width:
        return [cell]
    if " " in cell:
        return textwrap.wrap(cell, width, break_on_hyphens=False) or [""]
    lines: list[str] = []
    line = ""
    for piece in _BREAKS.findall(cell):
        if len(line) + len(piece) <= width:
            line += piece
            continue
        if line:
            lines.append(line)
        while len(piece) > width:
            lines.append(piece[:width])
            piece = piece[width:]
        line = piece
    if line:
        lines.append(line)
    return lines


def _natural(columns: list[str], rows: list[list[str]]) -> list[int]:
    natural = [len(c) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            if len(cell) > natural[i]:
                natural[i] = len(cell)
    return natural


def fit_widths(natural: list[int], width: int) -> list[int] | None:
    """Column widths within ``width`` (gaps included), shared fairly: a column narrower than
    its share keeps its width, the wider ones get equal shares of the rest (water-filling).
    None when the share would be under :data:`MIN_COLUMN` (write records)."""
    budget = width - len(_GAP) * (len(natural) - 1)
    if sum(natural) <= budget:
        return list(natural)
    left, wide = budget, len(natural)
    for n in sorted(natural):
        if n * wide > left:
            break
        left -= n
        wide -= 1
    level = left // wide
    if level < MIN_COLUMN:
        return None
    widths = [min(n, level) for n in natural]
    extra = budget - sum(widths)
    for i in range(len(widths)):
        if extra and widths[i] < natural[i]:
            widths[i] += 1
            extra -= 1
    return widths


def text_table(columns: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """``rows`` (lists of cell strings) under ``columns``, aligned; wrapped to ``width``, or
    written as records (:func:`text_records`) when the columns cannot share it readably."""
    natural = _natural(columns, rows)
    widths = fit_widths(natural, width) if width else natural
    if widths is None:
        return text_records(columns, rows, width)
    last = len(columns) - 1

    def lines_of(cells: list[str]) -> list[str]:
        if all(len(cell) <= widths[i] for i, cell in enumerate(cells)):  # one line: pad it
            padded = [cell.ljust(widths[i]) for i, cell in enumerate(cells[:last])]
            return [_GAP.join([*padded, cells[last]]).rstrip()]
        wrapped = [_wrap(cell, widths[i]) for i, cell in enumerate(cells)]
        height = max(len(w) for w in wrapped)
        out = []
        for n in range(height):
            parts = [
                (w[n] if n < len(w) else "").ljust(widths[i]) if i < last else
                (w[n] if n < len(w) else "")
                for i, w in enumerate(wrapped)
            ]  # fmt: skip
            out.append(_GAP.join(parts).rstrip())
        return out

    lines = lines_of(list(columns))
    lines.append(_GAP.join("-" * w for w in widths))
    for row in rows:
        lines.extend(lines_of(row))
    return "\n".join(lines)


def text_records(columns: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """Each row as a record: a ``-[ n ]`` rule, then one ``column  value`` line per column,
    the value wrapped to ``width`` under itself (psql's expanded display)."""
    label = max((len(c) for c in columns), default=0)
    room = max(20, (width or 0) - label - len(_GAP)) if width else None
    indent = " " * (label + len(_GAP))
    lines: list[str] = []
    for n, row in enumerate(rows, 1):
        head = f"-[ {n} ]"
        lines.append(head + "-" * max(0, min(width or 40, 40) - len(head)))
        for name, cell in zip(columns, row, strict=True):
            values = _wrap(cell, room) if room else [cell]
            lines.append(f"{name.ljust(label)}{_GAP}{values[0]}".rstrip())
            lines.extend(f"{indent}{more}".rstrip() for more in values[1:])
    return "\n".join(lines)


def _delimited(result: QueryResult, fmt: str, safe_cells: bool) -> str:
    """CSV or TSV text (LF line ends, minimal quoting), written in one pass over the rows."""
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\n")
    else:
        writer = csv.writer(buffer, dialect="excel-tab", lineterminator="\n")
    columns = result.columns
    writer.writerow(columns)
    cell = safe_cell if safe_cells else _same
    writer.writerows(
        ["" if value is None else str(cell(value)) for value in map(row.__getitem__, columns)]
        for row in result.rows
    )
    return buffer.getvalue().rstrip("\n")


def _same(value: object) -> object:
    return value


def render(
    result: QueryResult,
    fmt: str,
    width: int | None = None,
    prefixes: Mapping[str, str] | None = None,
    *,
    safe_cells: bool = False,
) -> str:
    """A query result as ``table`` (wrapped to ``width`` if given), ``records``, ``csv``,
    ``tsv``, ``json`` or ``markdown`` text; an ASK answer as true or false. ``prefixes``
    (prefix: namespace) shorten IRIs in the table, records and Markdown; ``safe_cells``
    neutralises the CSV and TSV cells a spreadsheet would run as a formula
    (:func:`peelgraph.cells.safe_cell`)."""
    if result.boolean is not None:
        return json.dumps(result.boolean) if fmt == "json" else str(result.boolean).lower()
    columns, rows = result.columns, result.rows
    if fmt == "json":
        return json.dumps(rows, indent=2, default=str, ensure_ascii=False)
    if fmt in ("csv", "tsv"):
        return _delimited(result, fmt, safe_cells)
    compact = iri_compactor(prefixes or {})
    cells = [[compact(_text(r[c])) for c in columns] for r in rows]
    if fmt == "markdown":
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for row in cells:
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
        return "\n".join(lines)
    if fmt == "records":
        return text_records(columns, cells, width) + f"\n{len(rows)} row(s)"
    return text_table(columns, cells, width) + f"\n{len(rows)} row(s)"
