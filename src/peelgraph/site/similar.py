"""Similar items in other forces: TF-IDF vectors of the items' texts (scikit-learn, fitted at
build time on the graph's own texts: no model is downloaded) and cosine similarity."""

from __future__ import annotations

from collections.abc import Sequence

from .data import Item

#: How many similar items each page lists, and the least score worth showing.
TOP = 5
MIN_SCORE = 0.2
_CHUNK = 512


def similar_items(items: Sequence[Item], top: int = TOP, min_score: float = MIN_SCORE) -> None:
    """Set ``item.similar`` for every item: the ``top`` most similar items of other forces,
    with their cosine similarity (rounded to two decimals), best first."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    items = list(items)
    if len(items) < 2:
        return
    # words in more than a fifth of the texts ("force", "crime") say little about likeness
    # and make the similarity product dense: left out
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True, max_df=0.2, dtype=np.float32)
    try:
        matrix = vectors.fit_transform([item.text for item in items])
    except ValueError:  # every text is stop words
        return
    forces = np.array([hash(item.report.force_iri) for item in items])
    transposed = matrix.T.tocsr()
    for start in range(0, len(items), _CHUNK):
        scores = (matrix[start : start + _CHUNK] @ transposed).toarray()
        for offset, row in enumerate(scores):
            index = start + offset
            row[forces == forces[index]] = 0.0
            if top < len(row):
                best = np.argpartition(-row, top)[:top]
            else:
                best = np.arange(len(row))
            chosen = sorted(
                ((float(row[j]), items[j].iri, int(j)) for j in best if row[j] >= min_score),
                key=lambda t: (-t[0], t[1]),
            )
            items[index].similar = [(items[j], round(s, 2)) for s, _, j in chosen]
