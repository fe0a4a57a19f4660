"""JSON-LD compaction against peelgraph's own context, without a JSON-LD processor.

The export writes its JSON-LD tree directly (see :mod:`peelgraph.export.jsonld`); this module
holds the part of JSON-LD 1.1 compaction (term selection, IRI compaction, value compaction)
that a context like ``ontology/context-v1.jsonld`` needs: simple and expanded term
definitions, prefixes, ``@vocab`` (also scoped to a property, for ``@type: @vocab`` terms),
``@type`` coercion, ``@language``, reverse properties and the ``@set`` and ``@language``
containers. It follows the algorithm's choices (which term wins, the shortest compact IRI),
so a value a term cannot carry keeps its full form under another key, and expanding the
document gives back every triple. Contexts using other features (``@list`` values,
``@index``, ``@graph`` containers, ``@direction``, type-scoped contexts) are outside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_GEN_DELIMS = (":", "/", "?", "#", "[", "]", "@")


@dataclass(frozen=True)
class Term:
    """One term of the context: the IRI it maps to and how it carries its values."""

    name: str
    iri: str
    reverse: bool = False
    type: str | None = None  # "@id", "@vocab" or a datatype IRI
    language: str | None = None
    container: str = "@none"  # "@set", "@list", "@language" or "@none"
    vocab: str | None = None  # the @vocab of the term's own (scoped) context


class Compactor:
    """The compaction rules of one context (the value of its ``@context`` key)."""

    def __init__(self, ctx: dict[str, Any]):
        self.vocab: str | None = ctx.get("@vocab")
        simple = {k: v for k, v in ctx.items() if isinstance(v, str) and not k.startswith("@")}
        self.aliases = {v: k for k, v in simple.items() if v.startswith("@")}
        self._simple = {k: v for k, v in simple.items() if not v.startswith("@")}
        self.terms: dict[str, Term] = {}
        self.prefixes: dict[str, str] = {}
        for name, definition in ctx.items():
            if name.startswith("@") or name in self.aliases.values():
                continue
            term = self._term(name, definition)
            self.terms[name] = term
            if isinstance(definition, str) and term.iri.endswith(_GEN_DELIMS):
                self.prefixes[name] = term.iri
        self._inverse: dict[str, dict[str, dict[str, dict[str, Term]]]] = {}
        for term in sorted(self.terms.values(), key=lambda t: (len(t.name), t.name)):
            by_container = self._inverse.setdefault(term.iri, {})
            entry = by_container.setdefault(term.container, {"@language": {}, "@type": {}})
            if term.reverse:
                entry["@type"].setdefault("@reverse", term)
            elif term.type is not None:
                entry["@type"].setdefault(term.type, term)
            elif term.language is not None:
                entry["@language"].setdefault(term.language, term)
            else:
                entry["@language"].setdefault("@none", term)
                entry["@type"].setdefault("@none", term)
        self._iris: dict[tuple[str, bool, str | None], str] = {}
        self.id_key = self.aliases.get("@id", "@id")
        self.type_key = self.aliases.get("@type", "@type")

    def _expand(self, value: str) -> str:
        prefix, colon, rest = value.partition(":")
        if colon and not rest.startswith("//") and prefix in self._simple:
            return self._simple[prefix] + rest
        if not colon and self.vocab:
            return self.vocab + value
        return value

    def _term(self, name: str, definition: Any) -> Term:
        if isinstance(definition, str):
            return Term(name, self._expand(definition))
        reverse = "@reverse" in definition
        iri = self._expand(definition["@reverse"] if reverse else definition.get("@id", name))
        kind = definition.get("@type")
        if kind is not None and kind not in ("@id", "@vocab"):
            kind = self._expand(kind)
        scoped = definition.get("@context", {})
        return Term(name, iri, reverse, kind, definition.get("@language"),
                    definition.get("@container", "@none"), scoped.get("@vocab"))  # fmt: skip

    # -- IRIs ----------------------------------------------------------------------------------

    def iri(self, iri: str, *, vocab: bool = False, scoped: str | None = None) -> str:
        """An IRI compacted on its own (a node's id, a type, a reference's value): a term,
        then (with ``vocab``) relative to ``@vocab``, then the shortest compact IRI."""
        key = (iri, vocab, scoped)
        found = self._iris.get(key)
        if found is None:
            found = self._iris[key] = self._compact_iri(iri, vocab, scoped, has_value=False)
        return found

    def _compact_iri(self, iri: str, vocab: bool, scoped: str | None, has_value: bool) -> str:
        if vocab and not has_value:
            term = self._select(iri, ["@set", "@none"], "@type", ["@id", "@none"])
            if term is not None:
                return term.name
        base = scoped or self.vocab
        if vocab and base and iri.startswith(base) and iri != base:
            suffix = iri[len(base) :]
            if suffix not in self.terms and suffix not in self.aliases.values():
                return suffix
        candidate = None
        for name, prefix in self.prefixes.items():
            if iri == prefix or not iri.startswith(prefix):
                continue
            curie = f"{name}:{iri[len(prefix) :]}"
            usable = curie not in self.terms or (not has_value and self.terms[curie].iri == iri)
            if usable and (candidate is None or (len(curie), curie) < (len(candidate), candidate)):
                candidate = curie
        return candidate or iri

    def _select(self, iri: str, containers: list[str], which: str, prefs: list[str]) -> Term | None:
        by_container = self._inverse.get(iri)
        if not by_container:
            return None
        for container in containers:
            entry = by_container.get(container)
            if entry is None:
                continue
            for pref in prefs:
                term = entry[which].get(pref)
                if term is not None:
                    return term
        return None

    # -- properties and values -----------------------------------------------------------------

    def term_for(self, predicate: str, value: dict[str, Any]) -> Term | None:
        """The term a value of ``predicate`` is written under (None: no term fits it).
        ``value`` is in expanded form: ``{"@id": ...}`` or ``{"@value": ..., ...}``."""
        if "@value" not in value:
            ident = value["@id"]
            named = self.terms.get(self.iri(ident, vocab=True))
            vocab_first = named is not None and named.iri == ident
            first = ["@vocab", "@id"] if vocab_first else ["@id", "@vocab"]
            return self._select(predicate, ["@set", "@none"], "@type", [*first, "@none"])
        if "@language" in value:
            return self._select(predicate, ["@language", "@set", "@none"], "@language",
                                [value["@language"], "@none"])  # fmt: skip
        if "@type" in value:
            return self._select(predicate, ["@set", "@none"], "@type", [value["@type"], "@none"])
        return self._select(predicate, ["@set", "@none", "@language"], "@language",
                            ["@null", "@none"])  # fmt: skip

    def key(self, predicate: str, term: Term | None) -> str:
        """The key a value goes under: its term, else the predicate as a compact IRI."""
        if term is not None:
            return term.name
        return self._compact_iri(predicate, True, None, has_value=True)

    def reverse_term(self, predicate: str) -> Term | None:
        """The term of a reverse property, if the context has one."""
        return self._select(predicate, ["@set", "@none"], "@type", ["@reverse"])

    def reference(self, term: Term | None, ident: str) -> Any:
        """A reference to a node, as written under ``term``."""
        if term is not None and term.type == "@id":
            return self.iri(ident)
        if term is not None and term.type == "@vocab":
            return self.iri(ident, vocab=True, scoped=term.vocab)
        return {self.id_key: self.iri(ident)}

    def literal(self, term: Term | None, value: dict[str, Any]) -> Any:
        """A literal (expanded form) as written under ``term``."""
        if "@type" in value:
            if term is not None and term.type == value["@type"]:
                return value["@value"]
            return {self.type_key: self.iri(value["@type"], vocab=True), "@value": value["@value"]}
        if "@language" in value:
            if term is not None and term.type is None and term.language == value["@language"]:
                return value["@value"]
            if term is not None and term.container == "@language":
                return value["@value"]  # the map's key says the language
            return {"@language": value["@language"], "@value": value["@value"]}
        if term is None or (term.type is None and term.language is None):
            return value["@value"]
        return {"@value": value["@value"]}
