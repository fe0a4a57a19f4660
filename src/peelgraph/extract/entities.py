"""Partner bodies named in text: gazetteer labels, acronyms, plurals and other forces.

The gazetteer is reference data (ontology/gazetteer.ttl, ontology/forces.ttl). Matching is
by label (case-insensitive, hyphen or space, singular or plural) and by acronym
(case-sensitive, with a plural 's'). Other forces are matched by full name, or by short name
in a list that ends in 'force(s)' ("Hampshire, Sussex and Surrey forces").
"""

from __future__ import annotations

import re

from ..vocab import PartnerDef


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _label_regex(label: str) -> str:
    words = re.split(r"[\s\-]+", label.strip())
    words = [w for w in words if w]
    parts = [re.escape(w).replace("\\'", "['\u2019]") for w in words]
    last = words[-1]
    if last[:1].isalpha():
        parts[-1] = f"(?:{re.escape(last)}|{re.escape(_plural(last))})"
    return r"\b" + r"[\s\-]+".join(parts) + r"\b"


class PartnerMatcher:
    """Finds the partners a passage mentions.

    Labels are indexed by their first word, so a passage is scanned once, word by word, and
    only the few labels that start with that word are tried there: matching time grows with
    the passage, not with the size of the gazetteer.
    """

    def __init__(self, partners: tuple[PartnerDef, ...]):
        self._by_word: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        self._acronyms: dict[str, str] = {}
        short_force: list[tuple[str, str]] = []
        for p in partners:
            labels = [p.label, *p.alt_labels]
            if p.is_force:
                full = [x for x in labels if re.search(r"\b(?:police|constabulary)\b", x, re.I)]
                shorts = [x for x in labels if x not in full]
                short_force.extend((p.id, s) for s in shorts)
                short_force.append((p.id, re.sub(r"\s+(?:Police|Constabulary).*$", "", p.label)))
                labels = full
            for label in labels:
                words = [w for w in re.split(r"[\s\-]+", label.strip()) if w]
                if len(label) <= 2 or not words:
                    continue
                regex = re.compile(_label_regex(label), re.IGNORECASE)
                first = _word_key(words[0].rstrip(",;:."))
                keys = {first}
                if len(words) == 1:
                    keys.add(_word_key(_plural(words[0])))
                for key in keys:
                    self._by_word.setdefault(key, []).append((regex, p.id))
            for acronym in p.acronyms:
                if acronym:
                    self._acronyms.setdefault(acronym, p.id)
                    self._acronyms.setdefault(acronym + "s", p.id)
        for candidates in self._by_word.values():
            candidates.sort(key=lambda c: -len(c[0].pattern))
        self._short: dict[str, str] = {s.lower(): pid for pid, s in short_force if s}
        names = "|".join(
            re.escape(s) for s in sorted({s for _, s in short_force if s}, key=len, reverse=True)
        )
        self._force_list = (
            re.compile(
                rf"\b(?P<list>(?:{names})(?:\s*,\s*(?:{names}))*(?:\s*,?\s*and\s+(?:{names}))?)"
                rf"\s+(?:police\s+)?forces?\b"
            )
            if names
            else None
        )
        self._names = re.compile(rf"\b(?:{names})\b") if names else None

    def find(self, text: str, exclude: frozenset[str] = frozenset()) -> list[str]:
        """Partner ids mentioned in ``text`` (but those in ``exclude``), each once, in order."""
        found: list[tuple[int, str]] = []
        covered_to = -1
        for word in _WORD.finditer(text):
            if word.start() < covered_to:
                continue
            token = word.group(0)
            pid = self._acronyms.get(token)
            if pid is not None and not _hyphenated(text, word):
                found.append((word.start(), pid))
                continue
            for regex, candidate in self._by_word.get(_word_key(token), ()):
                match = regex.match(text, word.start())
                if match:
                    found.append((word.start(), candidate))
                    covered_to = match.end()
                    break
        if self._force_list is not None and self._names is not None:
            for match in self._force_list.finditer(text):
                for name in self._names.finditer(match.group("list")):
                    pid = self._short.get(name.group(0).lower())
                    if pid:
                        found.append((match.start() + name.start(), pid))
        seen: dict[str, None] = {}
        for _, pid in sorted(found):
            if pid not in exclude:
                seen.setdefault(pid, None)
        return list(seen)


_WORD = re.compile(r"[A-Za-z0-9&]+(?:['\u2019][A-Za-z]+)?")


def _word_key(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _hyphenated(text: str, word: re.Match[str]) -> bool:
    """An acronym inside a hyphenated word ("MASH-based") is not a mention on its own."""
    before = text[word.start() - 1 : word.start()]
    after = text[word.end() : word.end() + 1]
    return before == "-" or after == "-"
