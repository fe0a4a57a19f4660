"""Query results as text: an aligned table (the default), CSV, JSON or Markdown.

The table is plain text, aligned in columns like psql's: a header, a rule and one line per row.
Given a width (a terminal's), the widest columns are narrowed until the table fits and their
cells wrap onto continuation lines; nothing is cut. It is written directly rather than through
a rich Table, which takes a second or more to lay out the thousands of rows a corpus-wide
query returns.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .store import QueryResult

FORMATS = ("table", "csv", "json", "markdown")
#: No column is narrowed below this many characters to fit a width.
MIN_COLUMN = 12
_GAP = "  "


def _text(value: object) -> str:
    """A cell on one line: no value is empty, line breaks and tabs become spaces."""
    if value is None:
        return ""
    text = str(value)
    return " ".join(text.split()) if "\n" in text or "\t" in text else text


def _fit(widths: list[int], width: int) -> list[int]:
    """Column widths that fit ``width`` (gaps included), narrowing the widest column first."""
    widths = list(widths)
    budget = width - len(_GAP) * (len(widths) - 1)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= MIN_COLUMN:
            break  # every column as narrow as it goes: the table stays wider than the width
        second = max((w for i, w in enumerate(widths) if i != widest), default=0)
        target = max(MIN_COLUMN, widths[widest] - (sum(widths) - budget), second)
        widths[widest] = target if target < widths[widest] else widths[widest] - 1
    return widths


def text_table(columns: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """``rows`` (lists of cell strings) under ``columns``, aligned; wrapped to ``width``."""
    natural = [len(c) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            if len(cell) > natural[i]:
                natural[i] = len(cell)
    widths = _fit(natural, width) if width else natural
    last = len(columns) - 1

    def lines_of(cells: list[str]) -> list[str]:
        if all(len(cell) <= widths[i] for i, cell in enumerate(cells)):  # one line: pad it
            padded = [cell.ljust(widths[i]) for i, cell in enumerate(cells[:last])]
            return [_GAP.join([*padded, cells[last]]).rstrip()]
        wrapped = [
            textwrap.wrap(cell, widths[i], break_on_hyphens=False) or [""]
            if len(cell) > widths[i]
            else [cell]
            for i, cell in enumerate(cells)
        ]
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


def render(result: QueryResult, fmt: str, width: int | None = None) -> str:
    """A query result as ``table`` (wrapped to ``width`` if given), ``csv``, ``json`` or
    ``markdown`` text; an ASK answer as true or false."""
    if result.boolean is not None:
        return json.dumps(result.boolean) if fmt == "json" else str(result.boolean).lower()
    columns, rows = result.columns, result.rows
    if fmt == "json":
        return json.dumps(rows, indent=2, default=str, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if r[c] is None else str(r[c]) for c in columns] for r in rows])
        return buffer.getvalue().rstrip("\n")
    if fmt == "markdown":
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for r in rows:
            cells = [_text(r[c]).replace("|", "\\|") for c in columns]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)
    table = [[_text(r[c]) for c in columns] for r in rows]
    return text_table(columns, table, width) + f"\n{len(rows)} row(s)"
