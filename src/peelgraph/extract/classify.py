"""Term lexicons applied to text: themes, finding types (cues) and progress levels.

Every lexicon is reference data (ontology/themes.ttl, finding-types.ttl, progress.ttl). A term
matches as whole words, case-insensitively, with hyphen and space alike and quotes
straightened; where terms overlap, the longest match wins ("as well as" hides "well",
"not good" hides "good").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..vocab import CueDef, TermDef

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _term_regex(term: str) -> str:
    words = [re.escape(w) for w in re.split(r"[\s\-]+", term.strip()) if w]
    body = r"[\s\-]+".join(words)
    start = r"\b" if term[:1].isalnum() else ""
    end = r"\b" if term[-1:].isalnum() else ""
    return start + body + end


class TermMatcher:
    """Finds which keys' terms occur in a text; longest match first, no overlaps."""

    def __init__(self, terms: Iterable[tuple[str, str]]):
        self._key_of: dict[str, str] = {}
        for term, key in terms:
            folded = " ".join(term.lower().replace("-", " ").split())
            if folded:
                self._key_of.setdefault(folded, key)
        ordered = sorted(self._key_of, key=len, reverse=True)
        self._regex = (
            re.compile("|".join(_term_regex(t) for t in ordered), re.IGNORECASE)
            if ordered
            else None
        )

    def matches(self, text: str) -> list[tuple[str, str]]:
        """(key, matched term) for every non-overlapping match, in order."""
        if self._regex is None:
            return []
        out = []
        for match in self._regex.finditer(text.translate(_QUOTES)):
            folded = " ".join(match.group(0).lower().replace("-", " ").split())
            key = self._key_of.get(folded)
            if key is not None:
                out.append((key, folded))
        return out

    def keys(self, text: str) -> list[str]:
        """The keys matched, each once, in order of first match."""
        return list(dict.fromkeys(key for key, _ in self.matches(text)))


class ThemeClassifier:
    """Themes of a finding or area for improvement from the theme scheme's trigger terms."""

    def __init__(self, themes: tuple[TermDef, ...], fallback: str | None = "general-policing"):
        self._matcher = TermMatcher((t, theme.slug) for theme in themes for t in theme.terms)
        slugs = {t.slug for t in themes}
        self._fallback = fallback if fallback in slugs else None

    def themes(self, text: str, *, need_one: bool = False) -> tuple[str, ...]:
        found = sorted(self._matcher.keys(text))
        if not found and need_one and self._fallback:
            return (self._fallback,)
        return tuple(found)


class FindingTypeClassifier:
    """Strength, concern or neutral, by the weights of the cue terms a paragraph holds."""

    def __init__(self, cues: tuple[CueDef, ...]):
        self._weights = {" ".join(c.term.replace("-", " ").split()): c for c in cues}
        self._matcher = TermMatcher((c.term, c.term) for c in cues)

    def scores(self, text: str) -> Counter[str]:
        totals: Counter[str] = Counter()
        for key, _ in self._matcher.matches(text):
            cue = self._weights.get(" ".join(key.replace("-", " ").split()))
            if cue is not None and cue.weight:
                totals[cue.finding_type] += cue.weight
        return totals

    def classify(self, text: str) -> str:
        totals = self.scores(text)
        strength, concern = totals.get("strength", 0), totals.get("concern", 0)
        if strength > concern:
            return "strength"
        if concern > strength:
            return "concern"
        return "neutral"


class ProgressClassifier:
    """Improved, partly improved, not improved or unclear, for a follow-up passage."""

    def __init__(self, levels: tuple[TermDef, ...]):
        self._matcher = TermMatcher((t, level.slug) for level in levels for t in level.terms)
        self._slugs = {level.slug for level in levels}

    def classify(self, text: str) -> str | None:
        if not self._slugs:
            return None
        counts = Counter(key for key, _ in self._matcher.matches(text))
        if counts.get("not-improved"):
            return "not-improved"
        if counts.get("improved") and counts.get("partly-improved"):
            return "partly-improved"
        if counts:
            return counts.most_common(1)[0][0]
        return "unclear" if "unclear" in self._slugs else None
