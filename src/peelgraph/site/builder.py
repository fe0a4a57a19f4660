"""Write the static site: one page per force, report, judgment, question, theme and item,
the home page (the grade pivot and the national picture), search, and each page's linked data.

Paths mirror the graph's IRIs: ``https://w3id.org/peelgraph/id/X`` is ``id/X/index.html``
(links name ``index.html`` so they work from ``file://``), with ``index.ttl`` and
``index.csv`` beside it. Everything is relative and local: the site works from a folder.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import charts
from .data import STATUSES, TRACKED, Item, Judgment, Report, SiteData
from .items import ItemPages, Task, Written, flat
from .linked import judgment_triples, subject_jsonld
from .render import ID_BASE, PLURALS, Writer, path_of, sorted_items
from .search import write_index

__all__ = ["ID_BASE", "SiteOutcome", "path_of", "write_site"]

#: A listing longer than this goes on numbered pages of its own (keeps pages under 1 MB).
PAGE_ITEMS = 250
#: Reports (with their judgments) a worker writes at once.
REPORTS = 40
KIND_ORDER = (
    "Area for improvement",
    "Cause of concern",
    "Recommendation",
    "Follow-up of an earlier finding",
    "Finding",
)


@dataclass
class SiteOutcome:
    folder: Path
    pages: dict[str, int]
    search: dict[str, int]
    largest_page: tuple[str, int]


def _grouped(items: Iterable[Item]) -> list[tuple[str, list[Item]]]:
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[item.kind].append(item)
    order = {k: n for n, k in enumerate(KIND_ORDER)}
    return [
        (k, sorted_items(v)) for k, v in sorted(groups.items(), key=lambda kv: order.get(kv[0], 9))
    ]


def write_site(
    folder: Path, data: SiteData, ego: Callable[[str], str | None], workers: int = 1
) -> SiteOutcome:
    """Write every page of the site for ``data`` into ``folder`` (which must be new or
    empty); ``ego`` gives a force's partnership SVG by slug (None: no partners). The
    similar items and the report, judgment and item pages are the work of ``workers``
    processes while this one writes the other pages."""
    w = Writer(folder, data, ego)
    _assets(folder)
    with ItemPages(folder, data.items, workers, _report_tasks(data)) as item_pages:
        _home(w, data)
        tracked_of: dict[str, list[Item]] = defaultdict(list)
        for item in data.items.values():
            if item.kind in TRACKED:
                tracked_of[item.report.force_iri].append(item)
        for force in data.forces.values():
            judged = [j for j in data.judgments if j.report.force_iri == force.iri]
            _force(w, data, force, judged, tracked_of[force.iri])
        _questions(w, data)
        _themes(w, data)
        pages, largest = item_pages.result()
    w.pages.update(pages)
    w.count_largest(*largest)
    search = write_index(folder / "search", sorted_items(data.items.values()), path_of)
    w.write("search.html", "search.html.j2", "search")
    return SiteOutcome(folder, dict(sorted(w.pages.items())), search, w.largest)


def _assets(folder: Path) -> None:
    """The stylesheet, the scripts and the JSON-LD context, under ``assets/``."""
    from ..resources import ontology_dir

    static = resources.files("peelgraph.site") / "static"
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    for name in ("site.css", "site.js", "search.js"):
        (folder / "assets" / name).write_bytes((static / name).read_bytes())
    (folder / "assets" / "context-v1.jsonld").write_bytes(
        (ontology_dir() / "context-v1.jsonld").read_bytes()
    )


# -- home ----------------------------------------------------------------------------------


def _pivot(data: SiteData) -> list[dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    for j in data.judgments:
        if j.level not in ("overall", "core"):
            continue
        row = rows.setdefault(j.report.iri, {"report": j.report, "cells": {}})
        row["cells"][j.number] = j  # type: ignore[index]

    def order(row: dict[str, object]) -> tuple[str, int, str]:
        report = row["report"]
        assert isinstance(report, Report)
        return (report.force, report.year, report.pillar)

    return sorted(rows.values(), key=order)


def _home(w: Writer, data: SiteData) -> None:
    rows = _pivot(data)
    columns = sorted({n for r in rows for n in r["cells"]})  # type: ignore[attr-defined]
    chart = charts.national_picture_svg(data.judgments)
    if chart:
        (w.folder / "national-picture.svg").write_text(chart, encoding="utf-8")
    grades = sorted({j.grade for j in data.judgments})
    regions = sorted({f.region_label for f in data.forces.values() if f.region_label})
    years = sorted({r.year for r in data.reports.values()})
    counts = Counter(i.kind for i in data.items.values())
    w.write(
        "index.html",
        "home.html.j2",
        "home",
        rows=rows,
        columns=columns,
        chart=bool(chart),
        grades=grades,
        regions=regions,
        years=years,
        counts=counts,
        jsonld=subject_jsonld(ID_BASE, "Dataset", "peelgraph: PEEL inspection findings"),
    )
    triples = [t for j in data.judgments for t in judgment_triples(j)]
    w.downloads(
        "index.html",
        triples,
        ("judgment", "force", "year", "pillar", "code", "grade"),
        (
            (j.iri, j.report.force, j.report.year, j.report.pillar, j.code, j.grade)
            for j in data.judgments
        ),
    )


# -- force ---------------------------------------------------------------------------------


def _force(  # type: ignore[no-untyped-def]
    w: Writer, data: SiteData, force, judgments: list[Judgment], tracked: list[Item]
) -> None:
    path = path_of(force.iri)
    folder = (w.folder / path).parent
    folder.mkdir(parents=True, exist_ok=True)
    history = charts.grade_history_svg(judgments, force.label)
    if history:
        (folder / "grades.svg").write_text(history, encoding="utf-8")
    metric_charts = []
    by_unit: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in data.metrics.get(force.label, []):
        if row.get("forceValue") is not None and row.get("comparatorValue") is not None:
            by_unit[str(row["unit"])].append(row)
    for n, (unit, rows) in enumerate(sorted(by_unit.items())):
        for part in range(0, len(rows), 12):
            name = f"metrics-{n + 1}-{part // 12 + 1}.svg"
            chunk = rows[part : part + 12]
            (folder / name).write_text(
                charts.metrics_svg(chunk, force.label, unit), encoding="utf-8"
            )
            metric_charts.append((name, unit, chunk))
    ego = w.ego(force.slug) if w.ego else None
    if ego:
        (folder / "partnerships.svg").write_text(ego, encoding="utf-8")
    statuses = Counter(i.status for i in tracked)
    reports = sorted(force.reports, key=lambda r: (r.year, r.pillar))
    w.write(
        path,
        "force.html.j2",
        "force",
        force=force,
        history=bool(history),
        metric_charts=metric_charts,
        ego=bool(ego),
        groups=_grouped(tracked),
        statuses=[(s, statuses[s]) for s in STATUSES],
        reports=reports,
        partners=data.partners.get(force.label, []),
        documents={r.iri: data.documents.get(r.iri, []) for r in reports},
        jsonld=subject_jsonld(force.iri, "Force", force.label),
    )
    w.item_downloads(path, tracked)


# -- report and judgment -----------------------------------------------------------------------


def _report(
    w: Writer, report: Report, items: list[Item], judgments: list[Judgment], documents: list
) -> None:  # type: ignore[type-arg]
    path = path_of(report.iri)
    judgments = sorted(judgments, key=lambda j: j.code)
    w.write(
        path,
        "report.html.j2",
        "report",
        report=report,
        judgments=judgments,
        groups=_grouped(items),
        documents=documents,
        jsonld=subject_jsonld(report.iri, "InspectionReport", report.title or report.key),
    )
    w.item_downloads(path, items, [t for j in judgments for t in judgment_triples(j)])


def _judgment(w: Writer, j: Judgment) -> None:
    path = path_of(j.iri)
    w.write(
        path,
        "judgment.html.j2",
        "judgment",
        j=j,
        jsonld={
            **subject_jsonld(j.iri, "Judgment", f"{j.code}: {j.grade}"),
            "question": j.question_iri,
            "partOf": j.report.iri,
            "grade": j.grade_iri.rsplit("/", 1)[-1],
        },
    )
    w.downloads(
        path,
        judgment_triples(j),
        ("judgment", "force", "year", "pillar", "code", "grade"),
        [(j.iri, j.report.force, j.report.year, j.report.pillar, j.code, j.grade)],
    )


ReportPage = tuple[Report, list[Item], list[Judgment], list]  # type: ignore[type-arg]


def write_reports(folder: Path, reports: list[ReportPage]) -> Written:
    """The pages of some reports and of their judgments (in a worker, or in the parent)."""
    w = Writer(folder)
    for report, items, judgments, documents in reports:
        _report(w, report, items, judgments, documents)
        for j in judgments:
            _judgment(w, j)
    return w.pages, w.largest


def _report_tasks(data: SiteData) -> list[Task]:
    """The report and judgment pages, a few reports a task: each task makes its payload
    (the items as flat copies, see :func:`.items.flat`) when it is sent."""
    items_of: dict[str, list[Item]] = defaultdict(list)
    for item in data.items.values():
        items_of[item.report.iri].append(item)
    judgments_of: dict[str, list[Judgment]] = defaultdict(list)
    for j in data.judgments:
        judgments_of[j.report.iri].append(j)
    reports = list(data.reports.values())

    def task(chunk: list[Report]) -> Task:
        return lambda: (write_reports, [
            (r, [flat(i) for i in items_of[r.iri]], judgments_of[r.iri],
             data.documents.get(r.iri, [])) for r in chunk])  # fmt: skip

    return [task(reports[n : n + REPORTS]) for n in range(0, len(reports), REPORTS)]


# -- questions and themes ------------------------------------------------------------------------


def _listing(w: Writer, path: str, groups: list[tuple[str, list[Item]]]) -> list[dict[str, object]]:
    """Each kind's items, inline when few, else on numbered pages beside ``path``."""
    sections = []
    for kind, items in groups:
        forces = len({i.report.force_iri for i in items})
        pages = []
        if len(items) > PAGE_ITEMS:
            slug = kind.lower().replace(" ", "-")
            for n, start in enumerate(range(0, len(items), PAGE_ITEMS), start=1):
                sub = posixpath.join(posixpath.dirname(path), f"{slug}-{n}.html")
                chunk = items[start : start + PAGE_ITEMS]
                w.write(
                    sub,
                    "list.html.j2",
                    "list",
                    title=f"{PLURALS.get(kind, kind)} {n}",
                    items=chunk,
                    back=path,
                )
                pages.append((posixpath.basename(sub), chunk[0], chunk[-1]))
        sections.append(
            {
                "kind": kind,
                "entries": items if not pages else [],
                "pages": pages,
                "count": len(items),
                "forces": forces,
                "since": min(i.year for i in items),
            }
        )
    return sections


def _questions(w: Writer, data: SiteData) -> None:
    judged: dict[str, list[Judgment]] = defaultdict(list)
    labels: dict[str, tuple[str, str]] = {}
    for j in data.judgments:
        judged[j.question_iri].append(j)
        labels[j.question_iri] = (j.code, j.question)
    items: dict[str, list[Item]] = defaultdict(list)
    for i in data.items.values():
        items[i.question_iri].append(i)
        labels.setdefault(i.question_iri, (i.code, i.question))
    index = []
    for iri, (code, label) in sorted(labels.items(), key=lambda kv: kv[1][0]):
        path = path_of(iri)
        js = sorted(judged.get(iri, []), key=lambda j: (j.report.force, j.report.year))
        sections = _listing(w, path, _grouped(items.get(iri, [])))
        grades = Counter(j.grade for j in js)
        w.write(
            path,
            "question.html.j2",
            "question",
            code=code,
            label=label,
            judgments=js,
            grades=sorted(grades.items()),
            sections=sections,
            jsonld={**subject_jsonld(iri, "Concept", label), "notation": code},
        )
        w.item_downloads(path, items.get(iri, []))
        index.append((iri, code, label, len(js), len(items.get(iri, []))))
    w.write("questions.html", "questions.html.j2", "questions", questions=index)


def _themes(w: Writer, data: SiteData) -> None:
    items: dict[str, list[Item]] = defaultdict(list)
    labels: dict[str, str] = {}
    for i in data.items.values():
        for slug, label in i.themes:
            items[slug].append(i)
            labels[slug] = label
    index = []
    for slug, label in sorted(labels.items(), key=lambda kv: kv[1]):
        iri = f"{ID_BASE}theme/{slug}"
        path = path_of(iri)
        sections = _listing(w, path, _grouped(items[slug]))
        w.write(
            path,
            "theme.html.j2",
            "theme",
            label=label,
            sections=sections,
            forces=len({i.report.force_iri for i in items[slug]}),
            jsonld=subject_jsonld(iri, "Concept", label),
        )
        w.item_downloads(path, items[slug])
        index.append((iri, label, sections))
    w.write("themes.html", "themes.html.j2", "themes", themes=index)
