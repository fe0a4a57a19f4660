"""Similar items in other forces: TF-IDF vectors of the items' texts (scikit-learn, fitted at
build time on the graph's own texts: no model is downloaded) and cosine similarity.

The similarity product is taken a chunk of rows at a time and each chunk reduced to its
best scores with array operations; columns are in IRI order, so equal scores fall to the
item with the smaller IRI whatever the chunking. :func:`vectors` and :func:`best` split the
work so that worker processes can take ranges of rows (:mod:`.items`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .data import Item

#: How many similar items each page lists, and the least score worth showing.
TOP = 5
MIN_SCORE = 0.2
_CHUNK = 256  # rows of the product at once: 256 x items floats
#: Follow-ups repeat the text they follow up: not compared.
UNCOMPARED = ("Follow-up of an earlier finding",)

Pair = tuple[int, int, float]  # item, similar item (indexes of the compared items), score


@dataclass(frozen=True)
class Vectors:
    """The compared items' TF-IDF rows, the same as columns in IRI order, and forces."""

    rows: Any  # scipy.sparse.csr_matrix
    columns: Any
    forces: Any  # numpy arrays: each row's force, each column's item and force
    by_iri: Any
    column_forces: Any

    def __len__(self) -> int:
        return int(self.rows.shape[0])


def compared(items: Sequence[Item]) -> list[Item]:
    return [item for item in items if item.kind not in UNCOMPARED]


def vectors(items: Sequence[Item]) -> Vectors | None:
    """The TF-IDF vectors of ``items`` (None: fewer than two, or no word worth comparing)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(items) < 2:
        return None
    # words in more than a fifth of the texts ("force", "crime") say little about likeness
    # and make the similarity product dense: left out
    fitted = TfidfVectorizer(stop_words="english", sublinear_tf=True, max_df=0.2, dtype=np.float32)
    try:
        matrix = fitted.fit_transform([item.text for item in items])
    except ValueError:  # every text is stop words
        return None
    forces = np.unique([item.report.force_iri for item in items], return_inverse=True)[1]
    by_iri = np.array(sorted(range(len(items)), key=lambda n: items[n].iri), dtype=np.int64)
    return Vectors(matrix, matrix[by_iri].T.tocsr(), forces, by_iri, forces[by_iri])


def best(
    v: Vectors, start: int, stop: int, top: int = TOP, min_score: float = MIN_SCORE
) -> list[Pair]:
    """Rows ``start`` to ``stop``: each row's ``top`` best items of other forces scoring at
    least ``min_score``, best first, equal scores in IRI order."""
    import numpy as np

    pairs: list[Pair] = []
    for first in range(start, stop, _CHUNK):
        scores = (v.rows[first : min(first + _CHUNK, stop)] @ v.columns).toarray()
        rows = np.arange(first, first + len(scores))
        scores[v.column_forces[None, :] == v.forces[rows][:, None]] = 0.0
        width = scores.shape[1]
        floor = np.full(len(rows), min_score, dtype=scores.dtype)
        if width > top:  # the top-th best score of each row: nothing below it is shown
            floor = np.maximum(floor, np.partition(scores, width - top, axis=1)[:, width - top])
        at, col = np.nonzero(scores >= floor[:, None])  # by row, then IRI order
        value = scores[at, col]
        ranked = np.lexsort((col, -value, at))
        at, col, value = at[ranked], col[ranked], value[ranked]
        shown = np.arange(len(at)) - np.searchsorted(at, at, side="left") < top
        pairs.extend(
            zip(rows[at[shown]].tolist(), v.by_iri[col[shown]].tolist(),
                [round(s, 2) for s in value[shown].tolist()], strict=True)
        )  # fmt: skip
    return pairs


def attach(items: Sequence[Item], pairs: Sequence[Pair]) -> None:
    """Record ``pairs`` (from :func:`best` over ``items``) on the items, in order."""
    for row, other, score in pairs:
        items[row].similar.append((items[other], score))


def similar_items(items: Sequence[Item], top: int = TOP, min_score: float = MIN_SCORE) -> None:
    """Set ``item.similar`` for every item: the ``top`` most similar items of other forces,
    with their cosine similarity (rounded to two decimals), best first (equal scores in
    IRI order)."""
    items = list(items)
    v = vectors(items)
    if v is not None:
        attach(items, best(v, 0, len(v), top, min_score))
