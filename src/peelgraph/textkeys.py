"""Text as identity: the one normaliser that decides when two texts are the same, and the
slugs and hashes built on it. A leaf module (no rdflib): extraction, merging and the IRIs of
:mod:`peelgraph.iris` all use it, so that they agree on what "the same text" means.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise_text(text: str) -> str:
    """Text folded for identity: NFKC, quotes straightened, whitespace collapsed, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTES)
    return " ".join(text.split()).lower()


def short_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:12]


def slugify(text: str, max_length: int = 80) -> str:
    """A lower-case, hyphenated ASCII slug of ``text``; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text.lower().replace("&", " and ")).strip("-")
    if len(slug) > max_length:  # keep distinct texts distinct: end with a hash of the whole
        slug = slug[: max_length - 13].rstrip("-") + "-" + short_hash(text)
    return slug or "x" + short_hash(text)
