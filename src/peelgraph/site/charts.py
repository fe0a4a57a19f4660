"""Charts drawn at build time as SVG with matplotlib: readable without JavaScript, each with
a title, its units and its source. Text stays text in the SVG (searchable, small)."""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Iterable

from .data import Judgment

#: Grades on each scale, worst first. From 2021 the inspectorate grades on five points
#: (``adequate`` between good and requires improvement): the two scales are drawn apart.
OLD_SCALE = ("inadequate", "requires improvement", "good", "outstanding")
NEW_SCALE = ("inadequate", "requires improvement", "adequate", "good", "outstanding")
SCALE_BREAK = 2021
GRADE_COLOURS = {
    "outstanding": "#1b7837",
    "good": "#5aae61",
    "adequate": "#a6dba0",
    "requires improvement": "#f1a340",
    "inadequate": "#b2182b",
    "ungraded": "#999999",
}
_PILLAR_STYLES = ("o-", "s--", "^-.", "D:", "v-")


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "peelgraph",
            "font.size": 9,
            "font.family": "DejaVu Sans",
        }
    )
    return plt


def _svg(fig) -> str:  # type: ignore[no-untyped-def]
    plt = _pyplot()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def grade_history_svg(judgments: Iterable[Judgment], force: str) -> str | None:
    """The overall grade of each pillar across PEEL years; before and from 2021 in two panels
    (the scales differ), so no line crosses the break."""
    series: dict[str, dict[int, str]] = defaultdict(dict)
    for j in judgments:
        if j.level == "overall" and j.grade in NEW_SCALE:
            series[j.report.pillar][j.report.year] = j.grade
    if not series:
        return None
    eras: list[tuple[str, tuple[str, ...], list[int]]] = []
    years = sorted({y for points in series.values() for y in points})
    if any(y < SCALE_BREAK for y in years):
        eras.append(("to 2020: four grades", OLD_SCALE, [y for y in years if y < SCALE_BREAK]))
    if any(y >= SCALE_BREAK for y in years):
        eras.append(("from 2021: five grades", NEW_SCALE, [y for y in years if y >= SCALE_BREAK]))
    plt = _pyplot()
    widths = [max(2, len(e[2])) for e in eras]
    fig, axes = plt.subplots(
        1,
        len(eras),
        figsize=(3 + 1.1 * sum(widths), 3.2),
        squeeze=False,
        gridspec_kw={"width_ratios": widths},
    )
    for ax, (label, scale, era_years) in zip(axes[0], eras, strict=True):
        for n, (pillar, points) in enumerate(sorted(series.items())):
            xs = [y for y in era_years if y in points and points[y] in scale]
            ax.plot(
                xs,
                [scale.index(points[y]) for y in xs],
                _PILLAR_STYLES[n % 5],
                label=pillar,
                color=f"C{n}",
            )
        ax.set_yticks(range(len(scale)), scale)
        ax.set_ylim(-0.5, len(scale) - 0.5)
        ax.set_xticks(era_years, [str(y) for y in era_years])
        ax.set_xlim(min(era_years) - 0.5, max(era_years) + 0.5)
        ax.set_title(f"Grade scale {label}", fontsize=9)
        ax.set_xlabel("PEEL year")
        ax.grid(axis="y", color="#dddddd")
    axes[0][0].legend(title="Pillar", fontsize=8, loc="best")
    note = "" if len(eras) == 2 else " (from 2021 the scale has five grades: drawn apart)"
    fig.suptitle(f"{force}: overall grade by pillar and PEEL year{note}", fontsize=10)
    fig.text(0.01, -0.04, "Source: HMICFRS PEEL reports, as read by peelgraph", fontsize=8)
    return _svg(fig)


def national_picture_svg(judgments: Iterable[Judgment]) -> str | None:
    """How many overall judgments (force and pillar) were at each grade, per PEEL year."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for j in judgments:
        if j.level == "overall":
            counts[j.report.year][j.grade] += 1
    if not counts:
        return None
    plt = _pyplot()
    years = sorted(counts)
    fig, ax = plt.subplots(figsize=(2.5 + 0.9 * len(years), 3.4))
    bottom = [0] * len(years)
    grades = [g for g in (*reversed(NEW_SCALE), "ungraded") if any(counts[y][g] for y in years)]
    grades += sorted({g for c in counts.values() for g in c} - set(grades))
    for grade in grades:
        values = [counts[y][grade] for y in years]
        ax.bar(
            [str(y) for y in years],
            values,
            bottom=bottom,
            label=grade,
            color=GRADE_COLOURS.get(grade, "#777777"),
            edgecolor="white",
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("Overall judgments (forces x pillars)")
    ax.set_xlabel("PEEL year")
    ax.set_title("National picture: overall grades per PEEL year", fontsize=10)
    ax.legend(title="Grade", fontsize=8, bbox_to_anchor=(1.02, 1), loc="upper left")
    fig.text(0.01, -0.04, "Source: HMICFRS PEEL reports, as read by peelgraph", fontsize=8)
    return _svg(fig)


def metrics_svg(rows: list[dict[str, object]], force: str, unit: str) -> str:
    """The force's value beside England and Wales for each indicator of one unit: horizontal
    bars written as SVG directly (hundreds of these per corpus; matplotlib took 0.15 s each)."""
    from xml.sax.saxutils import escape

    label_w, bar_w, row_h, top = 330, 330, 30, 46
    title = f"{force} and England and Wales ({unit})"
    values = [(float(r["forceValue"]), float(r["comparatorValue"])) for r in rows]  # type: ignore[arg-type]
    largest = max([abs(v) for pair in values for v in pair] + [1e-9])
    height = top + row_h * len(rows) + 58
    width = label_w + bar_w + 90
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif" font-size="11">',
        f'<text x="4" y="16" font-size="13">{escape(title)}</text>',
        f'<rect x="{label_w}" y="24" width="10" height="10" fill="#2166ac"/>'
        f'<text x="{label_w + 14}" y="33">{escape(force)}</text>',
        f'<rect x="{label_w + 190}" y="24" width="10" height="10" fill="#8c8c8c"/>'
        f'<text x="{label_w + 204}" y="33">England and Wales</text>',
    ]
    for n, (row, (mine, theirs)) in enumerate(zip(rows, values, strict=True)):
        y = top + n * row_h
        label = f"{_short(str(row['indicator']), 42)} ({row['period']})"
        out.append(
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end" font-size="9">'
            f"{escape(label)}</text>"
        )
        for k, (value, colour) in enumerate(((mine, "#2166ac"), (theirs, "#8c8c8c"))):
            w = max(1.0, bar_w * abs(value) / largest)
            out.append(
                f'<rect x="{label_w}" y="{y + 3 + k * 12}" width="{w:.1f}" height="11" '
                f'fill="{colour}"/><text x="{label_w + w + 4:.1f}" y="{y + 12 + k * 12}" '
                f'font-size="9">{value:g}</text>'
            )
    axis_y = top + row_h * len(rows) + 4
    out.append(f'<line x1="{label_w}" y1="{top}" x2="{label_w}" y2="{axis_y}" stroke="#1a1a1a"/>')
    out.append(
        f'<text x="{label_w}" y="{axis_y + 16}">{escape(unit)} (bar length from 0 to '
        f"{largest:g})</text>"
    )
    figures = sorted({str(r["figure"]) for r in rows if r.get("figure")})
    where = f" ({', '.join(figures)})" if figures else ""
    out.append(
        f'<text x="4" y="{axis_y + 40}" font-size="9">'
        f"{escape(f'Source: HMICFRS PEEL reports{where}, as read by peelgraph')}</text>"
    )
    out.append("</svg>")
    return "\n".join(out)


def _short(indicator: str, limit: int = 60) -> str:
    """An indicator's own name, without the table title after the dash; cut at a word."""
    name = indicator.split(" — ")[0]
    if len(name) <= limit:
        return name
    return name[:limit].rsplit(" ", 1)[0] + "…"
