"""The scorecard: how well extraction reads real pages, judged by what a reader found in them.

A folder of page fragments (each opening with its ``# source:`` line) and an expectations
file (YAML: per fragment its kind, force, cycle, every grade stated with its sentences,
sentences that are not grades, and every item verbatim) go in; per page kind and cycle come
out pages built or refused with the right reason, grades read, missed or wrong, forces right,
wrong or invented, and items whole, cut or missed. Extraction runs through
:mod:`peelgraph.extract` with the vocabulary of a :class:`~peelgraph.context.BuildContext`.
These are pure functions: nothing prints; :mod:`peelgraph.scorecard.render` makes the tables.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..errors import InputError
from ..vocab import Vocabulary
from .expectations import Expectations, PageExpectation, check_expectations, load_expectations
from .fragments import Fragment, read_fragments, split_fragments
from .render import render_details, render_markdown, render_tables
from .score import (
    Extractor,
    PageScore,
    Scorecard,
    Tally,
    as_dict,
    extract_fragment,
    failures,
    passes,
    refusal_reason,
    score_fragments,
    score_page,
    tally,
)

__all__ = [
    "Expectations",
    "Extractor",
    "Fragment",
    "PageExpectation",
    "PageScore",
    "Scorecard",
    "Tally",
    "as_dict",
    "check_expectations",
    "extract_fragment",
    "failures",
    "load_expectations",
    "passes",
    "read_fragments",
    "refusal_reason",
    "render_details",
    "render_markdown",
    "render_tables",
    "score_folder",
    "score_fragments",
    "score_page",
    "split_fragments",
    "tally",
]


def score_folder(
    folder: Path,
    expect: Path,
    vocab: Vocabulary,
    extractor: Extractor = extract_fragment,
) -> Scorecard:
    """Score every fragment of ``folder`` against the expectations file ``expect``.

    The expectations are checked first (every fragment described, every quote found in its
    fragment, grade slugs known): a mismatch is an :class:`~peelgraph.errors.InputError`
    naming the expectations file and the first problems, not a score.
    """
    fragments = read_fragments(folder)
    expectations = load_expectations(expect)
    problems = check_expectations(expectations, fragments, [g.slug for g in vocab.grades])
    if problems:
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        shown = "; ".join(problems[:3]) + more
        raise InputError(
            f"does not describe the fragments of {folder}: {shown}",
            where=str(expect),
            hint="every fragment needs one entry whose sentences and items are quoted from it",
        )
    scorecard = score_fragments(fragments, expectations, vocab, extractor)
    return dataclasses.replace(scorecard, folder=str(folder))
