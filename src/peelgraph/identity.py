"""Stable identity of a report's free-text items (findings, areas for improvement, causes of
concern, recommendations, follow-ups).

An item is named by its report, its kind, its question and its **ordinal among the distinct
texts of that kind under that question** (``2016-eff-2/3``: the third AFI of core question 2),
not by a hash of its text: a fix in reading (a footnote marker dropped, a hyphen mended) then
keeps the item's IRI, and the follow-up links and notes that point at it stay valid. The
hash of the normalised text is kept beside it as a property (``peel:textHash``), and the
IRI of the text-hash scheme of peelgraph 0.1 is recorded with ``owl:sameAs`` (see
docs/model.md, "IRI policy"). The same text twice under one question is one item.

Plain model objects in, plain strings out: no RDF here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .textkeys import normalise_text


class QuestionText(Protocol):
    @property
    def question(self) -> str: ...

    @property
    def text(self) -> str: ...


def item_keys(items: Iterable[QuestionText]) -> list[str]:
    """The key of each item, in order: ``{question code, lower case}/{ordinal}``, the ordinal
    counting the distinct texts of the items under the same question (from 1); an item whose
    text repeats an earlier one of the same question gets that one's key."""
    seen: dict[tuple[str, str], str] = {}
    counts: dict[str, int] = {}
    keys = []
    for item in items:
        identity = (item.question, normalise_text(item.text))
        key = seen.get(identity)
        if key is None:
            counts[item.question] = counts.get(item.question, 0) + 1
            key = f"{item.question.lower()}/{counts[item.question]}"
            seen[identity] = key
        keys.append(key)
    return keys
