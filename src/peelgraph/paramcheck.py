"""Parameter values checked against the graph before a saved query runs.

A misspelt force slug or theme would otherwise match nothing and give an empty answer that
looks like a real one. A parameter named ``force``, ``theme``, ``partner``, ``question``,
``year`` or ``indicator`` (the names the saved queries share) is looked up among the values
the graph itself holds (its reference graph: forces, themes, partner bodies, question codes;
its reports: PEEL years; its indicators), on the same store or endpoint the query will run on;
an unknown value is a :class:`~peelgraph.errors.QueryError` naming the closest known ones.
Empty values (every force, every theme) and free-text parameters (``acronym``) are not checked.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from .errors import QueryError

_PID = "https://w3id.org/peelgraph/id/"


@dataclass(frozen=True)
class _Known:
    """How to list a parameter's known values, and how a given value matches one."""

    what: str
    query: str
    match: Callable[[str, list[str]], bool]


def _exact(value: str, known: list[str]) -> bool:
    return value in known


def _any_case(value: str, known: list[str]) -> bool:
    return value.lower() in {k.lower() for k in known}


def _within(value: str, known: list[str]) -> bool:
    wanted = value.lower()
    return any(wanted in k.lower() for k in known)


def _slugs(klass: str, namespace: str) -> str:
    return (
        f"SELECT DISTINCT ?v WHERE {{ ?x a {klass} . "
        f'FILTER STRSTARTS(STR(?x), "{namespace}") '
        f'BIND (STRAFTER(STR(?x), "{namespace}") AS ?v) }}'
    )


KNOWN: dict[str, _Known] = {
    "force": _Known("force", _slugs("peel:Force", _PID + "force/"), _exact),
    "theme": _Known(
        "theme",
        "SELECT DISTINCT ?v WHERE { ?x skos:prefLabel ?l . "
        f'FILTER STRSTARTS(STR(?x), "{_PID}theme/") '
        f'BIND (STRAFTER(STR(?x), "{_PID}theme/") AS ?v) }}',
        _exact,
    ),
    "question": _Known(
        "question code",
        "SELECT DISTINCT ?v WHERE { ?x skos:notation ?n . "
        f'FILTER STRSTARTS(STR(?x), "{_PID}question/") BIND (STR(?n) AS ?v) }}',
        _exact,
    ),
    "partner": _Known(
        "partner body",
        "SELECT DISTINCT ?v WHERE { "
        "VALUES ?type { peel:PartnerBody peel:PartnershipArrangement peel:Programme peel:Force }"
        " ?x a ?type . { ?x skos:prefLabel ?l } UNION { ?x peel:acronym ?l } "
        "UNION { ?x peel:slug ?l } BIND (STR(?l) AS ?v) }",
        _any_case,
    ),
    "year": _Known(
        "PEEL year", "SELECT DISTINCT ?v WHERE { ?r peel:peelYear ?y BIND (STR(?y) AS ?v) }", _exact
    ),
    "indicator": _Known(
        "indicator",
        "SELECT DISTINCT ?v WHERE { ?x skos:prefLabel ?l . "
        f'FILTER STRSTARTS(STR(?x), "{_PID}indicator/") BIND (STR(?l) AS ?v) }}',
        _within,
    ),
}
_PREFIXES = (
    "PREFIX peel: <https://w3id.org/peelgraph/ontology#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


def close_matches(value: str, known: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` known values closest to ``value`` (case-insensitive)."""
    by_lower: dict[str, str] = {}
    for k in sorted(known):
        by_lower.setdefault(k.lower(), k)
    found = difflib.get_close_matches(value.lower(), list(by_lower), n=n, cutoff=0.6)
    if not found:  # a fragment: the known values that contain it, or start like it
        found = [k for k in by_lower if value.lower()[:4] in k][:n]
    return [by_lower[k] for k in found]


def check_values(
    values: dict[str, str], run: Callable[[str], list[str]], *, query: str = ""
) -> None:
    """Refuse a value of a known kind of parameter that the graph does not hold.

    ``values`` are the values given (not the defaults); ``run`` answers a SELECT of ``?v``
    on the query's own source with the list of values.
    """
    for name, value in values.items():
        known_kind = KNOWN.get(name)
        if known_kind is None or not value.strip():
            continue
        known = run(_PREFIXES + known_kind.query)
        if not known or known_kind.match(value, known):
            continue  # a graph without reference data: nothing to check against
        near = close_matches(value, known)
        hint = ("did you mean " + " or ".join(near) + "?") if near else None
        if hint is None and len(known) <= 12:
            hint = "known: " + ", ".join(sorted(known))
        where = f"query {query}: " if query else ""
        raise QueryError(
            f"{where}no {known_kind.what} {value!r} in the graph (--param {name}={value})",
            hint=hint or f"'peelgraph query run' with {name} empty lists every one",
        )
