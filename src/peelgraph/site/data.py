"""What the site shows, read from the graph through saved queries only, and what it derives:
each area for improvement's status and follow-up chain from the graph's follow-up links.

Status of an area for improvement, cause of concern or recommendation (an "earlier item"):

- **open**: no later report of the same force and pillar is in the graph yet;
- **recurring**: the latest thing a later report says about it is an area for improvement
  linked to it (the same point raised again);
- **progress reported**: the latest thing said is a follow-up passage about it (with the
  progress level the follow-up gives);
- **no longer raised**: later reports of the force and pillar exist, and the latest of them
  says nothing linked to it.

The chain follows links transitively (an area for improvement that recurs and is followed
up again), and is ordered by year.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..store import Source, run_query

#: The kinds of item that can be followed up and so have a status.
TRACKED = ("Area for improvement", "Cause of concern", "Recommendation")
STATUSES = ("open", "progress reported", "recurring", "no longer raised")


@dataclass
class Report:
    iri: str
    key: str
    force_iri: str
    slug: str
    force: str
    year: int
    pillar_iri: str
    pillar: str
    issued: str
    title: str


@dataclass
class Judgment:
    iri: str
    report: Report
    question_iri: str
    code: str
    question: str
    level: str
    grade_iri: str
    grade: str
    files: str
    first_page: int | None

    @property
    def number(self) -> int:
        """The core question's number (0 for the overall judgment)."""
        tail = self.code.rsplit("-", 1)[-1]
        return int(tail) if self.level == "core" and tail.isdigit() else 0


@dataclass
class Link:
    later: str
    kind: str
    progress: str
    earlier: str


@dataclass
class Item:
    iri: str
    kind: str
    report: Report
    question_iri: str
    code: str
    question: str
    text: str
    finding_type: str
    files: str
    first_page: int | None
    themes: list[tuple[str, str]] = field(default_factory=list)  # (slug, label)
    partners: list[tuple[str, str, str]] = field(default_factory=list)  # (iri, label, type)
    passages: list[tuple[str, str, int | None]] = field(default_factory=list)  # quote,file,page
    follows: list[Link] = field(default_factory=list)  # links from this item to earlier ones
    chain: list[tuple[Item, Link]] = field(default_factory=list)  # later items about this one
    status: str = ""
    status_item: Item | None = None  # the later item the status rests on
    similar: list[tuple[Item, float]] = field(default_factory=list)

    @property
    def force(self) -> str:
        return self.report.force

    @property
    def year(self) -> int:
        return self.report.year


@dataclass
class Force:
    iri: str
    slug: str
    label: str
    region: str
    region_label: str
    reports: list[Report] = field(default_factory=list)


@dataclass
class SiteData:
    forces: dict[str, Force]  # by IRI, only forces with reports
    regions: dict[str, str]  # force IRI -> region label, for every force
    reports: dict[str, Report]
    judgments: list[Judgment]
    items: dict[str, Item]
    metrics: dict[str, list[dict[str, object]]]  # by force label
    partners: dict[str, list[dict[str, object]]]  # by force label
    documents: dict[str, list[dict[str, object]]]  # by report IRI
    links: list[Link]

    def items_of(self, *kinds: str) -> list[Item]:
        return [i for i in self.items.values() if not kinds or i.kind in kinds]


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def _s(value: object) -> str:
    return "" if value is None else str(value)


def read_site_data(source: Source) -> SiteData:
    """Every row the site needs, from the saved queries, tied together."""
    regions = {}
    for row in run_query("select_force_regions", source).rows:
        regions[_s(row["forceIri"])] = (_s(row["region"]), _s(row["regionLabel"]))
    forces, reports = _reports(source, regions)
    judgments = [
        _judgment(r, reports[_s(r["report"])])
        for r in run_query("select_judgments", source).rows
        if _s(r["report"]) in reports
    ]
    items = _items(source, reports)
    links = [
        Link(_s(r["later"]), _s(r["kind"]), _s(r["progress"]), _s(r["earlier"]))
        for r in run_query("select_follow_up_links", source).rows
    ]
    data = SiteData(
        dict(sorted(forces.items(), key=lambda kv: kv[1].label)),
        {iri: label for iri, (_, label) in regions.items()},
        reports,
        judgments,
        items,
        _rows_by(source, "select_metrics_vs_comparator", "force"),
        _rows_by(source, "select_partners_by_force", "force"),
        _rows_by(source, "select_source_documents", "report"),
        links,
    )
    derive_status(data)
    return data


def _reports(
    source: Source, regions: dict[str, tuple[str, str]]
) -> tuple[dict[str, Force], dict[str, Report]]:
    """The forces (with their region) and their reports, by IRI."""
    reports: dict[str, Report] = {}
    forces: dict[str, Force] = {}
    for row in run_query("select_reports", source).rows:
        iri = _s(row["report"])
        report = Report(iri, iri.rsplit("/", 1)[-1], _s(row["forceIri"]), _s(row["slug"]),
                        _s(row["force"]), int(_s(row["year"])), _s(row["pillarIri"]),
                        _s(row["pillar"]), _s(row["issued"]), _s(row["title"]))  # fmt: skip
        reports[iri] = report
        region, region_label = regions.get(report.force_iri, ("", ""))
        force = forces.setdefault(
            report.force_iri,
            Force(report.force_iri, report.slug, report.force, region, region_label),
        )
        force.reports.append(report)
    return forces, reports


def _judgment(r: dict[str, object], report: Report) -> Judgment:
    return Judgment(_s(r["judgment"]), report, _s(r["questionIri"]), _s(r["code"]),
                    _s(r["question"]), _s(r["level"]), _s(r["gradeIri"]), _s(r["grade"]),
                    _s(r["files"]), _int(r["firstPage"]))  # fmt: skip


def _items(source: Source, reports: dict[str, Report]) -> dict[str, Item]:
    """Every item of the reports, with its themes, partners and passages, in the order of
    their IRIs (the queries leave their rows' order to the store)."""
    items: dict[str, Item] = {}
    for r in run_query("select_items", source).rows:
        report = reports.get(_s(r["report"]))
        if report is None:
            continue
        iri = _s(r["item"])
        items[iri] = Item(iri, _s(r["kind"]), report, _s(r["questionIri"]), _s(r["code"]),
                          _s(r["question"]), _s(r["text"]), _s(r["findingType"]),
                          "",  # from the passages, below
                          _int(r["firstPage"]))  # fmt: skip
    for r in run_query("select_item_themes", source).rows:
        item = items.get(_s(r["item"]))
        if item is not None and (theme := (_s(r["slug"]), _s(r["label"]))) not in item.themes:
            item.themes.append(theme)
    for r in run_query("select_item_partners", source).rows:
        item = items.get(_s(r["item"]))
        partner = (_s(r["partner"]), _s(r["label"]), _s(r["partnerType"]))
        if item is not None and partner not in item.partners:
            item.partners.append(partner)
    for r in run_query("select_item_passages", source).rows:
        if (item := items.get(_s(r["item"]))) is not None:
            passage = (_s(r["quote"]), _s(r["file"]), _int(r["page"]))
            if passage not in item.passages:
                item.passages.append(passage)
    for item in items.values():
        item.passages.sort(key=lambda p: (p[1], p[2] or 0, p[0]))
        item.themes.sort(key=lambda theme: (theme[1], theme[0]))
        item.partners.sort(key=lambda partner: (partner[1], partner[0], partner[2]))
        item.files = "; ".join(sorted({file for _, file, _ in item.passages}))
    # by IRI: the site does not depend on the order in which the store returns the rows
    return dict(sorted(items.items()))


def _rows_by(source: Source, query: str, key: str) -> dict[str, list[dict[str, object]]]:
    """A saved query's rows grouped by one column."""
    grouped: dict[str, list[dict[str, object]]] = defaultdict(list)
    for r in run_query(query, source).rows:
        grouped[_s(r[key])].append(r)
    return dict(grouped)


def derive_status(data: SiteData) -> None:
    """Fill each item's follow-up links, chain and status (see the module docstring)."""
    later_of: dict[str, list[Link]] = defaultdict(list)
    for link in data.links:
        if link.later in data.items and link.earlier in data.items:
            later_of[link.earlier].append(link)
            data.items[link.later].follows.append(link)
    years: dict[tuple[str, str], list[int]] = defaultdict(list)
    for report in data.reports.values():
        years[(report.force_iri, report.pillar_iri)].append(report.year)
    for item in data.items.values():
        if item.kind not in TRACKED:
            continue
        item.chain = _chain(item, data.items, later_of)
        later_years = [
            y for y in years[(item.report.force_iri, item.report.pillar_iri)] if y > item.year
        ]
        if not later_years:
            item.status = "open"
        elif not item.chain:
            item.status = "no longer raised"
        else:
            last, link = item.chain[-1]
            item.status_item = last
            if max(later_years) > last.year:
                item.status = "no longer raised"
            elif link.kind == "Area for improvement":
                item.status = "recurring"
            else:
                item.status = "progress reported"


def _chain(
    item: Item, items: dict[str, Item], later_of: dict[str, list[Link]]
) -> list[tuple[Item, Link]]:
    """Every later item linked to ``item``, directly or through a recurring item, by year
    (a follow-up before a recurring item of the same year)."""
    found: dict[str, tuple[Item, Link]] = {}
    todo = [item.iri]
    while todo:
        for link in later_of.get(todo.pop(), []):
            if link.later not in found:
                found[link.later] = (items[link.later], link)
                todo.append(link.later)
    return sorted(
        found.values(),
        key=lambda pair: (pair[0].year, pair[0].kind == "Area for improvement", pair[0].iri),
    )
