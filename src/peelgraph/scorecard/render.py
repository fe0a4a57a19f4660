"""The scorecard as Rich tables (per page kind, per cycle) and as details per page."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .score import (
    ACCEPTED,
    CUT_AS_WHOLE,
    EXTRA,
    ITEM_MISSED,
    MISSED,
    OPTIONAL_READ,
    OPTIONAL_UNREAD,
    READ,
    REFUSED,
    REFUSED_WRONGLY,
    WRONG,
    PageScore,
    Scorecard,
    Tally,
    failures,
    tally,
)

_PAGE_COLUMNS = (
    ("pages", "pages"),
    ("accepted", "built"),
    ("refused", "refused\nwith reason"),
    ("refused_wrongly", "refused\nwrongly"),
    ("accepted_wrongly", "built\nwrongly"),
    ("crashed", "trace-\nbacks"),
    ("forces_right", "force\nright"),
    ("forces_wrong", "force\nwrong"),
    ("forces_invented", "force\ninvented"),
    ("cycles_wrong", "cycle\nwrong"),
)
_GRADE_COLUMNS = (
    ("grades", "grades\nstated"),
    ("grades_read", "read"),
    ("grades_missed", "missed"),
    ("grades_wrong", "wrong"),
    ("items", "AFIs &\nrecs"),
    ("items_whole", "whole"),
    ("items_cut_marked", "cut,\nmarked"),
    ("items_cut_as_whole", "cut stored\nas whole"),
    ("items_missed", "missed"),
    ("items_extra", "extra"),
)
#: Counts that must be zero (the issue's targets): shown in red when they are not.
_MUST_BE_ZERO = {
    "refused_wrongly",
    "accepted_wrongly",
    "crashed",
    "forces_wrong",
    "forces_invented",
    "cycles_wrong",
    "grades_wrong",
    "grades_missed",
    "items_cut_as_whole",
    "items_missed",
    "items_extra",
}


def _cell(name: str, value: int) -> Text:
    style = "red" if value and name in _MUST_BE_ZERO else ""
    return Text(str(value), style=style)


def _share(row: Tally) -> Text:
    share = row.share_read
    if share is None:
        return Text("-")
    return Text(f"{share:.0%}", style="" if share >= 0.95 else "red")


def _table(title: str, first: str, rows: dict[str, Tally], columns: Any, share: bool) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column(first, no_wrap=True)
    for _, header in columns:
        table.add_column(header, justify="right")
        if share and header == "read":
            table.add_column("read\n%", justify="right")
    for key, row in rows.items():
        cells: list[Text | str] = [Text(key, style="bold" if key == "all" else "")]
        for name, header in columns:
            cells.append(_cell(name, getattr(row, name)))
            if share and header == "read":
                cells.append(_share(row))
        table.add_row(*cells, end_section=key == list(rows)[-2] if len(rows) > 1 else False)
    return table


def render_tables(scorecard: Scorecard) -> Group:
    """Three tables: pages and forces per kind, grades and items per kind, grades per cycle."""
    kinds = tally(scorecard, "kind")
    cycles = tally(scorecard, "cycle")
    return Group(
        _table("Pages and forces, per page kind", "kind", kinds, _PAGE_COLUMNS, False),
        _table("Grades and items, per page kind", "kind", kinds, _GRADE_COLUMNS, True),
        _table(
            "Per cycle",
            "cycle",
            cycles,
            (
                ("pages", "pages"),
                ("accepted", "built"),
                ("refused", "refused\nwith reason"),
                ("refused_wrongly", "refused\nwrongly"),
                *_GRADE_COLUMNS[:4],
            ),
            True,
        ),
    )


def _page_lines(score: PageScore) -> list[Text]:
    page = score.expectation
    head = Text(f"{page.key}  ", style="bold")
    head.append(f"[{page.kind}, {page.cycle}, expected {page.outcome}] ")
    ok = score.verdict in (ACCEPTED, REFUSED)
    head.append(score.verdict, style="green" if ok else "red")
    lines = [head]
    if score.reason:
        lines.append(Text(f"    reason: {score.reason}"))
    if score.verdict == REFUSED_WRONGLY and page.outcome != "accept":
        words = ", ".join(page.reason_any[:6]) + (", ..." if len(page.reason_any) > 6 else "")
        lines.append(Text(f"    expected a reason with one of: {words}", style="dim"))
    if score.forces:
        style = "green" if score.force_verdict == "right" else "red"
        lines.append(
            Text(
                f"    force: {', '.join(score.forces)} ({score.force_verdict}; "
                f"expected {page.force or 'none'})",
                style=style,
            )
        )
    if score.cycle_right is False:
        lines.append(Text(f"    cycle: read {score.years}, expected {page.year}", style="red"))
    for g in score.grades:
        what = g.expected.label if g.expected else (g.question or "?")
        text = f"    grade {g.verdict}: {what}"
        if g.grade:
            text += f" = {g.grade}"
        if g.detail:
            text += f" ({g.detail})"
        style = {READ: "green", OPTIONAL_READ: "green", MISSED: "red", WRONG: "red"}.get(
            g.verdict, "dim" if g.verdict == OPTIONAL_UNREAD else ""
        )
        lines.append(Text(text, style=style))
    for i in score.items:
        short = i.text if len(i.text) <= 90 else i.text[:87] + "..."
        text = f"    {i.kind} {i.verdict}: {short}"
        if i.detail:
            text += f" ({i.detail})"
        bad = i.verdict in (ITEM_MISSED, CUT_AS_WHOLE, EXTRA)
        lines.append(Text(text, style="red" if bad else "green"))
    return lines


def render_details(scorecard: Scorecard, only_failures: bool = False) -> Group:
    """One block per page: verdict, reason, force, each grade and item with its verdict."""
    blocks: list[Text] = []
    for score in scorecard.pages:
        if only_failures and not failures(score):
            continue
        blocks.extend(_page_lines(score))
    return Group(*blocks)


def _markdown_table(
    first: str, rows: dict[str, Tally], columns: Any, share: bool = True
) -> list[str]:
    headers = [first] + [header.replace("\n", " ") for _, header in columns]
    headers += ["grades read %"] if share else []
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for key, row in rows.items():
        cells = [f"**{key}**" if key == "all" else key]
        cells += [str(getattr(row, name)) for name, _ in columns]
        if share:
            cells.append("-" if row.share_read is None else f"{row.share_read:.0%}")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render_markdown(scorecard: Scorecard) -> str:
    """The scorecard's tables as Markdown (for the documentation)."""
    kinds = tally(scorecard, "kind")
    cycles = tally(scorecard, "cycle")
    pages = (
        ("pages", "pages"),
        ("accepted", "built"),
        ("refused", "refused with reason"),
        ("refused_wrongly", "refused wrongly"),
        ("accepted_wrongly", "built wrongly"),
        ("crashed", "tracebacks"),
    )
    forces = (
        ("forces_right", "force right"),
        ("forces_wrong", "force wrong"),
        ("forces_invented", "force invented"),
        ("cycles_wrong", "cycle wrong"),
    )
    lines = ["Pages, forces and grades per page kind:", ""]
    lines += _markdown_table("kind", kinds, pages + forces + _GRADE_COLUMNS[:4])
    lines += ["", "Areas for improvement, recommendations, causes of concern per page kind:", ""]
    lines += _markdown_table("kind", kinds, _GRADE_COLUMNS[4:], share=False)
    lines += ["", "Per cycle:", ""]
    lines += _markdown_table("cycle", cycles, pages[:4] + _GRADE_COLUMNS[:4])
    return "\n".join(lines) + "\n"
