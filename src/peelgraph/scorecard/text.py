"""Folding text for comparison: the project's identity normaliser, with dashes straightened."""

from __future__ import annotations

from ..textkeys import normalise_text

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """NFKC, quotes and dashes straightened, whitespace collapsed, lower case."""
    return normalise_text(text.translate(_DASHES))
