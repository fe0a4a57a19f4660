"""Figures as RDF Data Cube facts: tab-separated tables under 'Figure N:' captions.

A figure's table has one column for the force and one for England and Wales; the other
columns hold row labels (and, for outcome tables, the Home Office outcome number). A figure
whose table was lost in conversion (a chart) yields no observation, never a zero.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..model import Observation, Span
from ..textkeys import slugify
from ..vocab import TermDef
from .layout import Block, clean, fold
from .periods import Period, find_period, strip_period

CAPTION = re.compile(r"^Figure\s+(?P<n>\d+)\s*[:.\u2013-]\s*(?P<caption>.+)$")
_SOURCE = re.compile(r"^Source:\s*(?P<source>.+)$", re.MULTILINE)
_NUMBER = re.compile(r"^[+\u2212-]?\d[\d,]*(?:\.\d+)?%?$")


@dataclass(frozen=True)
class Areas:
    """Who the value columns can belong to: the report's force and the comparator areas."""

    force_slug: str
    force_labels: tuple[str, ...]
    comparators: dict[str, str]  # folded label -> area slug

    def area_of(self, header: str) -> str | None:
        folded = fold(header)
        if folded in {fold(label) for label in self.force_labels}:
            return self.force_slug
        return self.comparators.get(folded)


def parse_number(cell: str) -> Decimal | None:
    """A table cell as a number ('12.5', '1,700', '+6.1%'); None for blanks and dashes."""
    text = cell.strip().replace("\u2212", "-")
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.rstrip("%").replace(",", "").lstrip("+"))
    except InvalidOperation:
        return None


def choose_unit(text: str, units: tuple[TermDef, ...]) -> str | None:
    """The unit whose trigger terms occur in ``text``: highest priority, then longest term."""
    folded = fold(text)
    best: tuple[int, int, str] | None = None
    for unit in units:
        for term in unit.terms:
            if term and term in folded:
                candidate = (unit.priority, len(term), unit.slug)
                if best is None or candidate > best:
                    best = candidate
    return best[2] if best else None


def caption_stem(caption: str, force_labels: tuple[str, ...]) -> str:
    """A caption with force name, period and footnote markers removed: the indicator's family."""
    text = strip_period(clean(caption))
    for label in sorted(force_labels, key=len, reverse=True):
        text = re.sub(rf"\s*\b(?:in|for|by)\s+{re.escape(label)}\b", "", text, flags=re.I)
    text = re.sub(r"\s*\b(?:in|for)\s+(?:the\s+)?(?=,|$)", "", text)
    text = re.sub(r"\s*,\s*(?:in|for)?\s*(?:the\s+)?(?=,|$)", "", text)
    text = re.sub(r"\s+,", ",", text)
    text = re.sub(r",\s*,", ",", text)
    return text.strip(" ,;:")


def _cells(line: str, line_start: int) -> list[tuple[str, int]]:
    """Cells of a tab-separated line with their offsets."""
    out = []
    position = line_start
    for cell in line.split("\t"):
        out.append((cell, position))
        position += len(cell) + 1
    return out


def _page_of(blocks: list[Block], offset: int) -> int | None:
    """The page of the block that holds ``offset``."""
    return next((b.page for b in blocks if b.start <= offset <= b.end), None)


def read_figures(
    blocks: list[Block], areas: Areas, units: tuple[TermDef, ...]
) -> tuple[list[Observation], list[str]]:
    """Observations from every figure table; warnings for figures that could not be read."""
    observations: list[Observation] = []
    warnings: list[str] = []
    for index, block in enumerate(blocks):
        match = CAPTION.match(block.text)
        if not match or "\n" in block.text:
            continue
        table, after = _table_after(blocks, index)
        if table is None:
            continue
        figure = f"Figure {match.group('n')}"
        found, problem = _read_table(
            figure, match.group("caption"), table, blocks[after : after + 6], areas, units
        )
        observations.extend(found)
        if problem:
            warnings.append(f"{figure}: {problem}")
    return observations, warnings


def _table_after(blocks: list[Block], index: int) -> tuple[list[Block] | None, int]:
    rows: list[Block] = []
    position = index + 1
    while position < len(blocks) and position <= index + 3 + len(rows):
        block = blocks[position]
        if block.is_table:
            rows.append(block)
        elif rows or not block.is_footnote:
            break
        position += 1
    return (rows or None), position


def _read_table(
    figure: str,
    caption: str,
    table: list[Block],
    notes: list[Block],
    areas: Areas,
    units: tuple[TermDef, ...],
) -> tuple[list[Observation], str | None]:
    lines: list[tuple[str, int]] = []
    for block in table:
        offset = block.start
        for line in block.text.split("\n"):
            lines.append((line, offset))
            offset += len(line) + 1
    header = [cell for cell, _ in _cells(*lines[0])]
    value_columns = {i: a for i, cell in enumerate(header) if (a := areas.area_of(cell))}
    if not value_columns:
        return [], "no column for the force or England and Wales"
    period = find_period(caption)
    if period is None:
        return [], "no reference period in the caption"
    reader = _TableReader(figure, table, header, value_columns, period, units)
    unit = choose_unit(caption + " " + " ".join(header[i] for i in reader.label_columns), units)
    if unit is None:
        return [], "no unit in the caption or header"
    reader.read_notes(notes)
    return reader.observations(lines[1:], unit, caption_stem(caption, areas.force_labels)), None


class _TableReader:
    """The rows of one figure's table as observations: its columns, notes and row groups."""

    def __init__(
        self,
        figure: str,
        table: list[Block],
        header: list[str],
        value_columns: dict[int, str],
        period: Period,
        units: tuple[TermDef, ...],
    ):
        self.figure, self.table, self.period, self.units = figure, table, period, units
        self.value_columns = value_columns
        self.number_column = next(
            (i for i, c in enumerate(header) if "number" in fold(c) and i not in value_columns),
            None,
        )
        self.label_columns = [
            i for i in range(len(header)) if i not in value_columns and i != self.number_column
        ]
        self.source: str | None = None
        self.star_note: str | None = None

    def read_notes(self, notes: list[Block]) -> None:
        """The "Source:" line and the starred row note under the table."""
        for note in notes:
            source_match = _SOURCE.search(note.text)
            if source_match and self.source is None:
                self.source = clean(source_match.group("source"))
            elif note.text.startswith("*") and self.star_note is None:
                self.star_note = note.text

    def rows(self, lines: list[tuple[str, int]]) -> list[tuple[str, str, list[tuple[str, int]]]]:
        """Each row's label, outcome number and cells."""
        rows = []
        for line, offset in lines:
            cells = _cells(line, offset)
            label = " ".join(
                clean(cells[i][0])
                for i in self.label_columns
                if i < len(cells) and cells[i][0].strip()
            )
            number = cells[self.number_column][0].strip() if self.number_column is not None else ""
            rows.append((label, number, cells))
        return rows

    def observations(self, lines: list[tuple[str, int]], unit: str, stem: str) -> list[Observation]:
        rows = self.rows(lines)
        counts = Counter(label.rstrip("*").strip() for label, _, _ in rows)
        out: list[Observation] = []
        group: str | None = None
        for label, number, cells in rows:
            starred = label.endswith("*")
            label = label.rstrip("*").strip()
            if not label:
                continue
            if self.number_column is not None and not number:
                group = label  # a row without an outcome number heads the rows below it
            row_unit = unit
            if starred and self.star_note:
                row_unit = choose_unit(self.star_note, self.units) or unit
            row_group = group if counts[label] > 1 and group and group != label else None
            qualified = f"{row_group}: {label}" if row_group else label
            row = _Row(label, qualified, number or None, row_group, row_unit)
            out.extend(self.row_observations(row, cells, stem))
        return out

    def row_observations(
        self, row: _Row, cells: list[tuple[str, int]], stem: str
    ) -> list[Observation]:
        out = []
        for column, area in sorted(self.value_columns.items()):
            if column >= len(cells):
                continue
            cell, cell_offset = cells[column]
            value = parse_number(cell)
            if value is None:
                continue
            start = cell_offset + len(cell) - len(cell.lstrip())
            out.append(
                Observation(
                    indicator=f"{slugify(stem, 60)}/{slugify(row.qualified, 60)}",
                    indicator_label=f"{row.qualified} \u2014 {stem}",
                    area=area,
                    period=self.period.text,
                    period_end=self.period.end,
                    unit=row.unit,
                    value=value,
                    figure=self.figure,
                    spans=(
                        Span(start, start + len(cell.strip()), _page_of(self.table, cell_offset)),
                    ),
                    source=self.source,
                    row_label=row.label,
                    outcome_number=row.number if self.number_column is not None else None,
                    row_group=row.group,
                )
            )
        return out


@dataclass(frozen=True)
class _Row:
    label: str
    qualified: str  # "group: label" where the label occurs in several groups
    number: str | None  # the Home Office outcome number
    group: str | None
    unit: str
