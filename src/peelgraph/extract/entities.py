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
    """Finds the partners a passage mentions."""

    def __init__(self, partners: tuple[PartnerDef, ...], exclude: set[str] | None = None):
        exclude = exclude or set()
        label_parts: list[tuple[str, str]] = []
        acronym_parts: list[tuple[str, str]] = []
        short_force: list[tuple[str, str]] = []
        for p in partners:
            if p.id in exclude:
                continue
            labels = [p.label, *p.alt_labels]
            if p.is_force:
                full = [x for x in labels if re.search(r"\b(?:police|constabulary)\b", x, re.I)]
                shorts = [x for x in labels if x not in full]
                short_force.extend((p.id, s) for s in shorts)
                short_force.append((p.id, re.sub(r"\s+(?:Police|Constabulary).*$", "", p.label)))
                labels = full
            label_parts.extend((p.id, _label_regex(x)) for x in labels if len(x) > 2)
            acronym_parts.extend(
                (p.id, rf"(?<![\w-]){re.escape(a)}s?(?![\w-])") for a in p.acronyms if a
            )
        self._groups: dict[str, str] = {}
        pieces = []
        for n, (pid, rx) in enumerate(sorted(label_parts, key=lambda t: -len(t[1]))):
            self._groups[f"l{n}"] = pid
            pieces.append(f"(?P<l{n}>{rx})")
        self._labels = re.compile("|".join(pieces), re.IGNORECASE) if pieces else None
        apieces = []
        for n, (pid, rx) in enumerate(acronym_parts):
            self._groups[f"a{n}"] = pid
            apieces.append(f"(?P<a{n}>{rx})")
        self._acronyms = re.compile("|".join(apieces)) if apieces else None
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

    def find(self, text: str) -> list[str]:
        """Partner ids mentioned in ``text``, each once, in order of first mention."""
        found: list[tuple[int, str]] = []
        for regex in (self._labels, self._acronyms):
            if regex is None:
                continue
            for match in regex.finditer(text):
                group = match.lastgroup
                if group:
                    found.append((match.start(), self._groups[group]))
        if self._force_list is not None and self._names is not None:
            for match in self._force_list.finditer(text):
                for name in self._names.finditer(match.group("list")):
                    pid = self._short.get(name.group(0).lower())
                    if pid:
                        found.append((match.start() + name.start(), pid))
        seen: dict[str, None] = {}
        for _, pid in sorted(found):
            seen.setdefault(pid, None)
        return list(seen)
