"""Partner bodies named in text: gazetteer labels, acronyms, plurals and other forces.

The gazetteer is reference data (ontology/gazetteer.ttl, ontology/forces.ttl). Matching is
by label (hyphen or space, singular or plural; case-insensitive for a common noun such as
"local authority", case-sensitive for a proper name such as "Victim Support", so that
"victim support professionals" names no charity) and by acronym (case-sensitive, with a
plural 's'). Other forces are matched by full name, or by short name in a list that ends in
'force(s)' ("Hampshire, Sussex and Surrey forces").

Each mention has a role (ontology/partner-roles.ttl): a source of guidance or data when a
cue of that role stands next to the name ("ACPO guidance", "reference is made to the
National Police Chiefs' Council, the College of Policing ..."), a partner otherwise.
"""

from __future__ import annotations

import re

from ..vocab import PartnerDef

PARTNER = "partner"
SOURCE = "source"
#: Small words that a proper name may keep in lower case ("College of Policing").
_MINOR = frozenset("of the and for in on to a an".split())
#: What may stand between two names of one list ("..., the College of Policing and ...").
_LIST_GAP = re.compile(r"^(?:\s*\([A-Z]{2,}s?\))?\s*(?:,|and|,\s*and)\s+(?:the\s+)?$")


def is_proper_name(label: str) -> bool:
    """True for a label written as a proper name: every word but the small ones capitalised."""
    words = [w for w in re.split(r"[\s\-]+", label.strip()) if w]
    major = [w for w in words if w.lower() not in _MINOR]
    return bool(major) and all(w[:1].isupper() for w in major)


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
    # the small words of a proper name may take a capital ("The Magistrates")
    parts = [f"(?i:{p})" if w.lower() in _MINOR else p for p, w in zip(parts, words, strict=True)]
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
                flags = 0 if is_proper_name(label) else re.IGNORECASE
                regex = re.compile(_label_regex(label), flags)
                first = _word_key(words[0].rstrip(",;:.'\u2019"))
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
        return [pid for _, _, pid in self._mentions(text, exclude)]

    def _mentions(self, text: str, exclude: frozenset[str]) -> list[tuple[int, int, str]]:
        """Each mention's start, end and partner id, in order (a partner once, first place)."""
        found: list[tuple[int, int, str]] = []
        covered_to = -1
        for word in _WORD.finditer(text):
            if word.start() < covered_to:
                continue
            token = word.group(0)
            pid = self._acronyms.get(token)
            if pid is not None and not _hyphenated(text, word):
                found.append((word.start(), word.end(), pid))
                continue
            for regex, candidate in self._by_word.get(_word_key(token), ()):
                match = regex.match(text, word.start())
                if match:
                    found.append((word.start(), match.end(), candidate))
                    covered_to = match.end()
                    break
        if self._force_list is not None and self._names is not None:
            for match in self._force_list.finditer(text):
                for name in self._names.finditer(match.group("list")):
                    pid = self._short.get(name.group(0).lower())
                    if pid:
                        at = match.start("list") + name.start()
                        found.append((at, match.start("list") + name.end(), pid))
        return [m for m in sorted(found) if m[2] not in exclude]

    def find_roles(
        self, text: str, cues: dict[str, tuple[str, ...]], exclude: frozenset[str] = frozenset()
    ) -> tuple[list[str], list[str]]:
        """The partners ``text`` names as partners, and those it names only as sources of
        guidance or data (by the role cues of the reference data), each once, in order. A
        body named in any other role (one the force should set up, one in other forces) is
        in neither."""
        mentions = self._mentions(text, exclude)
        roles: list[str] = []
        for n, (start, end, _) in enumerate(mentions):
            role = _role_at(text, start, end, cues)
            if role == PARTNER and n and roles[-1] != PARTNER:
                # "reference is made to the NPCC, the College of Policing and ...": a list
                # after a cue shares its role
                if _LIST_GAP.match(text[mentions[n - 1][1] : start]):
                    role = roles[-1]
            roles.append(role)
        pairs = [(pid, role) for (_, _, pid), role in zip(mentions, roles, strict=True)]
        partners = list(dict.fromkeys(pid for pid, role in pairs if role == PARTNER))
        sources = [
            pid
            for pid in dict.fromkeys(p for p, role in pairs if role == SOURCE)
            if pid not in partners
        ]
        return partners, sources


def _role_at(text: str, start: int, end: int, cues: dict[str, tuple[str, ...]]) -> str:
    """The role of the mention at ``text[start:end]``: the first role one of whose cues
    stands next to it, else partner."""
    after = re.sub(r"^\s*\([A-Z][A-Za-z]{1,10}\)", "", text[end : end + 120])
    after = re.split(r"[,;:.]", after, maxsplit=1)[0].lower()
    after_words = after.split()
    before = " ".join(text[max(0, start - 80) : start].lower().split())
    before = re.sub(r"\b(?:the|a|an)$", "", before).rstrip()
    for role, terms in cues.items():
        for term in terms:
            if term.startswith("_ "):
                cue = term[2:].split()
                for skip in range(3):  # up to two words between ("NCA strategic threat ...")
                    if after_words[skip : skip + len(cue)] == cue:
                        return role
            elif term.endswith(" _") and (before + " ").endswith(term[:-1]):
                return role
    return PARTNER


_WORD = re.compile(r"[A-Za-z0-9&]+(?:['\u2019][A-Za-z]+)?")


def _word_key(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _hyphenated(text: str, word: re.Match[str]) -> bool:
    """An acronym inside a hyphenated word ("MASH-based") is not a mention on its own."""
    before = text[word.start() - 1 : word.start()]
    after = text[word.end() : word.end() + 1]
    return before == "-" or after == "-"
