"""Forces come only from the reference data: a printed name is resolved, never minted.

A page names its force by its full name ("Avon and Somerset Constabulary"), a short name
("Avon and Somerset", "Thames Valley") or a name people use ("Devon & Cornwall", "the Met").
:class:`ForceNames` resolves each of them against the reference forces' SKOS labels
(``skos:prefLabel``, every ``skos:altLabel`` and ``skos:hiddenLabel``), plus the short name
a full name gives without its last word ("Hampshire Constabulary" -> "Hampshire",
"Metropolitan Police Service" -> "Metropolitan"). A name that resolves to no force, or to
two, resolves to nothing: the page is then refused (:func:`force_or_refuse`) quoting the
line it tried, unless the run names the force itself (``build --force SLUG``).

Nothing here adds a label to a reference force: the names derived here live only in this
index, for reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import FormatError
from ..vocab import ForceDef, Vocabulary
from .layout import clean, fold

#: The words a force's full name ends with; what precedes them is a short name of the force.
_SUFFIXES = ("police service", "police force", "constabulary", "police")
_POSSESSIVE = re.compile(r"(?:'s|s')$")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2011": "-"})


def _key(name: str) -> str:
    """A name folded for lookup: case, quotes, '&' and a leading 'the' do not matter."""
    folded = fold(name.translate(_QUOTES)).strip(" .,:;")
    folded = _POSSESSIVE.sub("", folded).strip()
    folded = re.sub(r"\s*&\s*", " and ", folded)
    folded = re.sub(r"^the\s+", "", folded)
    return " ".join(folded.split())


def _short(name: str) -> str | None:
    key = _key(name)
    for suffix in _SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1].strip() or None
    return None


def _name_regex(key: str) -> str:
    words = [re.escape(w) for w in key.split()]
    return r"\s+".join(words).replace(r"\s+and\s+", r"\s*(?:and|&)\s*")


class ForceNames:
    """Every name of every reference force, for resolving names and finding them in lines."""

    def __init__(self, forces: Iterable[ForceDef]):
        self.forces = tuple(forces)
        self._by_slug = {f.slug: f for f in self.forces}
        owners: dict[str, set[str]] = {}
        for force in self.forces:
            for label in force.labels:  # prefLabel, altLabels and hiddenLabels
                for key in (_key(label), _short(label)):
                    if key:
                        owners.setdefault(key, set()).add(force.slug)
        # a name two forces could own names neither
        self._index = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
        words = sorted(self._index, key=len, reverse=True)
        body = "|".join(_name_regex(w) for w in words)
        self._regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    @classmethod
    def of(cls, vocab: Vocabulary) -> ForceNames:
        return cls(vocab.forces)

    def by_slug(self, slug: str) -> ForceDef | None:
        return self._by_slug.get(slug)

    def resolve(self, name: str) -> ForceDef | None:
        """The reference force ``name`` is a label of, or None (unknown or ambiguous)."""
        slug = self._index.get(_key(name))
        if slug is None:
            short = _short(name)
            slug = self._index.get(short) if short else None
        return self._by_slug[slug] if slug else None

    def find(self, text: str) -> list[tuple[ForceDef, int, int]]:
        """Every force named in ``text`` (whole names, longest first), with its offsets."""
        out = []
        for match in self._regex.finditer(text.translate(_QUOTES)):
            force = self.resolve(match.group(0))
            if force is not None:
                out.append((force, match.start(), match.end()))
        return out

    def named_in(self, text: str) -> list[ForceDef]:
        """The distinct forces a text names, in order of first mention."""
        seen: dict[str, ForceDef] = {}
        for force, _, _ in self.find(text):
            seen.setdefault(force.slug, force)
        return list(seen.values())


def override_force(slug: str, vocab: Vocabulary, where: str) -> ForceDef:
    """The reference force ``build --force SLUG`` names, or an error listing the slugs."""
    force = ForceNames.of(vocab).by_slug(slug) or ForceNames.of(vocab).resolve(slug)
    if force is None:
        raise FormatError(
            f"--force {slug!r} is not a reference force",
            where=where,
            hint="give a force slug such as "
            + ", ".join(f.slug for f in vocab.forces[:3])
            + " ('peelgraph sparql' lists them all)",
            reason="unknown-force",
        )
    return force


def force_or_refuse(
    name: str | None,
    line: str,
    vocab: Vocabulary,
    where: str,
    *,
    override: str | None = None,
    what: str = "its title line",
) -> ForceDef:
    """The reference force a page is about: the run's ``--force`` if given, else the one
    ``name`` (read from ``line``) resolves to; otherwise refuse, quoting ``line``."""
    if override:
        return override_force(override, vocab, where)
    force = ForceNames.of(vocab).resolve(name) if name else None
    if force is None:
        quoted = clean(line)[:160]
        tried = f" ({name!r} is no force's name or short name)" if name else ""
        raise FormatError(
            f"no reference force is named by {what}: {quoted!r}{tried}",
            where=where,
            hint="name the force for this run with 'build --force SLUG'",
            reason="no-force",
        )
    return force


def subjects_of(force: ForceDef, printed: str | None = None) -> tuple[str, ...]:
    """What a judgment sentence may call the force: its names, 'the force', 'the constabulary'."""
    return (*names_of(force, printed), "the force", "the constabulary", "this force")


def names_of(force: ForceDef, printed: str | None = None) -> tuple[str, ...]:
    """The force's names: printed, preferred, alternative and short, '&' and 'and' alike."""
    names = list(force.labels)
    short = _short(force.name)
    if short:
        names.append(short)
    if printed:
        names.append(printed)
    variants = {n.replace("&", "and") for n in names} | {n.replace(" and ", " & ") for n in names}
    return tuple(dict.fromkeys([*names, *sorted(variants)]))


#: How often a page must name its one force for other forces named in passing not to make
#: it a page about several.
ONE_FORCE_MENTIONS = 3
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def one_force_of(text: str, names: ForceNames) -> ForceDef | None:
    """The one force a page is about: the only force it names, or the force it names at
    least :data:`ONE_FORCE_MENTIONS` times when every other force it names is named in
    passing, in one sentence that names that force too ("... for Norfolk Constabulary has
    been published today along with constabularies based in Lancashire, Essex and
    Warwickshire"). None when it names none, or several otherwise."""
    found = names.find(text)
    counts: dict[str, int] = {}
    for force, _, _ in found:
        counts[force.slug] = counts.get(force.slug, 0) + 1
    if len(counts) <= 1:
        return found[0][0] if found else None
    main = max(counts, key=lambda slug: counts[slug])
    if counts[main] < ONE_FORCE_MENTIONS:
        return None
    sentences = {_sentence_at(text, start) for force, start, _ in found if force.slug != main}
    if len(sentences) != 1:
        return None
    ((first, last),) = sentences
    if not any(f.slug == main and first <= s < last for f, s, _ in found):
        return None
    return next(f for f, _, _ in found if f.slug == main)


def _sentence_at(text: str, at: int) -> tuple[int, int]:
    """The (start, end) of the sentence of ``text`` that holds offset ``at``."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    end = _SENTENCE_END.search(text, at)
    return (starts[-1] if starts else 0, end.start() if end else len(text))
