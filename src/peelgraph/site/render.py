"""Pages as files: the templates (compiled once a process), each page rendered with links
relative to its own depth, its bytes written and counted. Used by the parent process and by
the worker processes that write the item pages (:mod:`.items`)."""

from __future__ import annotations

import functools
import posixpath
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from .linked import ITEM_COLUMNS, item_row, item_triples, script_json, to_csv, turtle

if TYPE_CHECKING:
    from .data import Item, SiteData

ID_BASE = "https://w3id.org/peelgraph/id/"
PLURALS = {
    "Area for improvement": "areas for improvement",
    "Cause of concern": "causes of concern",
    "Recommendation": "recommendations",
    "Follow-up of an earlier finding": "follow-ups of earlier findings",
    "Finding": "findings",
}


def path_of(iri: str) -> str:
    """The site path of a graph IRI (``id/.../index.html``)."""
    if not iri.startswith(ID_BASE):
        raise ValueError(f"not a peelgraph IRI: {iri}")
    return "id/" + iri[len(ID_BASE) :].strip("/") + "/index.html"


@functools.cache
def environment() -> Environment:
    """The templates, compiled once a process (packaged files: never reloaded)."""
    return Environment(
        loader=PackageLoader("peelgraph.site", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


class Writer:
    """Renders templates to files, each page knowing its depth for relative links; counts
    the pages of each kind and keeps the largest. ``data`` is what every template may read
    (None in a worker, whose item pages are given all they show)."""

    def __init__(
        self,
        folder: Path,
        data: SiteData | None = None,
        ego: Callable[[str], str | None] | None = None,
    ):
        self.folder = folder
        self.data = data
        self.ego = ego
        self.env = environment()
        self.pages: Counter[str] = Counter()
        self.largest = ("", 0)
        # each item's Turtle block and CSV line, made once: an item is in the downloads of
        # its force, report, question and themes
        self._turtle: dict[str, str] = {}
        self._csv: dict[str, str] = {}

    def write(self, path: str, template: str, kind: str, **context: object) -> None:
        depth = path.count("/")
        root = "../" * depth
        here = posixpath.dirname(path)

        def url(iri: str) -> str:
            return root + path_of(iri)

        def link(target: str) -> str:
            return posixpath.relpath(target, here or ".")

        jsonld = context.pop("jsonld", None)
        html = self.env.get_template(template).render(
            root=root,
            url=url,
            link=link,
            data=self.data,
            kind=kind,
            plurals=PLURALS,
            jsonld=Markup(script_json(jsonld)) if jsonld else None,
            **context,
        )
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        encoded = html.encode("utf-8")
        target.write_bytes(encoded)
        self.count(kind, path, len(encoded))

    def count(self, kind: str, path: str, size: int) -> None:
        self.pages[kind] += 1
        self.count_largest(path, size)

    def count_largest(self, path: str, size: int) -> None:
        """Keep the largest page (of equal sizes, the first path): whatever the order."""
        if (-size, path) < (-self.largest[1], self.largest[0]) or not self.largest[0]:
            self.largest = (path, size)

    def downloads(
        self, path: str, triples: Iterable, columns: Sequence[str], rows: Iterable
    ) -> None:  # type: ignore[type-arg]
        """The Turtle and CSV beside the page at ``path`` (its folder exists)."""
        base = self.folder / path.removesuffix(".html")
        base.with_suffix(".ttl").write_bytes(turtle(triples).encode("utf-8"))
        base.with_suffix(".csv").write_bytes(to_csv(columns, rows).encode("utf-8"))

    def item_downloads(
        self,
        path: str,
        items: Sequence[Item],
        more: Iterable = (),  # type: ignore[type-arg]
    ) -> None:
        """The Turtle (the items', then ``more`` triples of other subjects) and CSV (the
        items in ``sorted_items`` order) of a page listing ``items``: the same text as
        :meth:`downloads` writes from all their triples and rows."""
        blocks = [self._item_turtle(item) for item in items]
        if extra := turtle(more):
            blocks.append(extra)
        lines = [to_csv(ITEM_COLUMNS, [])] + [self._item_csv(i) for i in sorted_items(items)]
        base = self.folder / path.removesuffix(".html")
        base.with_suffix(".ttl").write_bytes("\n".join(blocks).encode("utf-8"))
        base.with_suffix(".csv").write_bytes("".join(lines).encode("utf-8"))

    def _item_turtle(self, item: Item) -> str:
        if (text := self._turtle.get(item.iri)) is None:
            text = self._turtle[item.iri] = turtle(item_triples(item))
        return text

    def _item_csv(self, item: Item) -> str:
        if (text := self._csv.get(item.iri)) is None:
            text = to_csv(ITEM_COLUMNS, [item_row(item)]).split("\n", 1)[1]
            self._csv[item.iri] = text
        return text


def sorted_items(items: Iterable[Item]) -> list[Item]:
    """Items in the order every listing and download gives them."""
    return sorted(items, key=lambda i: (i.force, i.year, i.code, i.iri))
