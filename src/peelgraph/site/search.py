"""The offline search index: prebuilt at build time, loaded by the search page as plain
``<script>`` files (a page opened from ``file://`` may not fetch, but may load scripts), in
shards so a search loads only what it needs.

- ``search/docs-N.js``: items N*SHARD .. as [path, kind, force, year, text excerpt];
- ``search/w-XY.js``: the words that start with XY, each with the ids of the items holding it;
- ``search/shards.js``: the XY of every word shard.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from .data import Item

SHARD = 1000
EXCERPT = 220
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> set[str]:
    """The words search knows a text by (lower case letters and digits, two or more)."""
    return {w for w in _WORD.findall(text.lower()) if len(w) >= 2}


def shard_key(word: str) -> str:
    return word[:2]


def _js(variable: str, key: object, value: object) -> str:
    data = json.dumps(value, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e")
    return f"window.PEEL_SEARCH.{variable}[{json.dumps(key)}]={data};\n"


def write_index(
    folder: Path, items: Sequence[Item], path_of: Callable[[str], str]
) -> dict[str, int]:
    """Write the index of ``items`` under ``folder`` (the site's ``search/``)."""
    folder.mkdir(parents=True, exist_ok=True)
    postings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    docs: list[list[object]] = []
    for n, item in enumerate(items):
        text = " ".join(item.text.split())
        excerpt = text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"
        docs.append([path_of(item.iri), item.kind, item.force, item.year, excerpt])
        for word in sorted(words(f"{item.text} {item.force} {item.code}")):
            postings[shard_key(word)][word].append(n)
    for start in range(0, len(docs), SHARD):
        (folder / f"docs-{start // SHARD}.js").write_text(
            _js("docs", start // SHARD, docs[start : start + SHARD]), encoding="utf-8"
        )
    for key, table in postings.items():
        (folder / f"w-{key}.js").write_text(_js("words", key, table), encoding="utf-8")
    # which word shards exist: the page loads no script that is not there
    keys = json.dumps(sorted(postings), separators=(",", ":"))
    (folder / "shards.js").write_text(
        "window.PEEL_SEARCH=window.PEEL_SEARCH||{words:{},docs:{}};"
        f"window.PEEL_SEARCH.shards={keys};\n",
        encoding="utf-8",
    )
    return {"items": len(docs), "shards": len(postings), "shard_size": SHARD}
