"""A query's ``ORDER BY`` applied in Python to Oxigraph's rows, where that is the same order.

Oxigraph's on-disk ``ORDER BY`` reads the text of every string it compares from the store
again (a long string is kept once, under a hash), so sorting the 7,848 rows of
``select_items_by_theme`` by force, year, kind, code and text took 0.3 s of its 0.6 s on the
full corpus; the same sort of the same terms in Python takes 0.01 s. :func:`split_order`
takes a trailing ``ORDER BY`` of plain variables (``?v``, ``ASC(?v)``, ``DESC(?v)``) off a
query, and :func:`sort_solutions` sorts the rows by it as SPARQL orders them (unbound first;
IRIs by their text; strings, language strings of one language, numbers and four-digit years
by value), or returns None when it cannot promise Oxigraph's own order: a key of another kind
(a blank node, a date, kinds mixed in one column) or two different rows with equal keys, whose
order SPARQL leaves to the engine. The caller then runs the query with its ``ORDER BY``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(
    _XSD + name
    for name in (
        "integer int long short byte nonPositiveInteger nonNegativeInteger negativeInteger "
        "positiveInteger unsignedLong unsignedInt unsignedShort unsignedByte"
    ).split()
)
_FLOATS = frozenset((_XSD + "double", _XSD + "float"))
_STRING = _XSD + "string"
_YEAR = re.compile(r"\d{4}")
_CONDITION = r"(?:\?\w+|(?:ASC|DESC)\s*\(\s*\?\w+\s*\))"
_ORDER_BY = re.compile(rf"\bORDER\s+BY((?:\s+{_CONDITION})+)\s*$", re.IGNORECASE)
_ONE = re.compile(r"(?:(ASC|DESC)\s*\(\s*)?\?(\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class Condition:
    """One ``ORDER BY`` key: a variable, descending or not."""

    variable: str
    descending: bool = False


def split_order(text: str) -> tuple[str, tuple[Condition, ...]] | None:
    """The query without its trailing ``ORDER BY`` and that clause's keys; None when the
    query does not end with an ``ORDER BY`` of plain variables (then nothing is taken off)."""
    match = _ORDER_BY.search(text)
    if match is None:
        return None
    keys = tuple(
        Condition(m.group(2), (m.group(1) or "").upper() == "DESC")
        for m in _ONE.finditer(match.group(1))
    )
    return text[: match.start()], keys


class _UnsureError(Exception):
    """A key whose place in Oxigraph's order this module does not promise."""


def _number(term: ox.Literal, datatype: str) -> object:
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype == _XSD + "decimal":
            return Decimal(term.value)
        value = float(term.value)
    except (ValueError, InvalidOperation) as exc:
        raise _UnsureError(term.value) from exc
    if value != value:  # NaN orders apart from every number
        raise _UnsureError(term.value)
    return value


def _key(term: object) -> tuple[int, object, str]:
    """(0 if unbound else 1, value, kind): terms compare by value only within one kind, so a
    key of a kind met before in its column is refused by :func:`sort_solutions`."""
    if term is None:
        return (0, "", "")
    if isinstance(term, ox.Literal):
        language = term.language
        if language is not None:
            return (1, term.value, "@" + language)
        datatype = term.datatype.value
        if datatype == _STRING:
            return (1, term.value, "string")
        if datatype in _INTEGERS or datatype in _FLOATS or datatype == _XSD + "decimal":
            return (1, _number(term, datatype), "number")
        if datatype == _XSD + "gYear" and _YEAR.fullmatch(term.value):
            return (1, int(term.value), "year")
        raise _UnsureError(term)
    if isinstance(term, ox.NamedNode):
        return (1, term.value, "iri")
    raise _UnsureError(term)  # a blank node or a triple term


def sort_solutions(
    columns: list[str], rows: list[tuple[object, ...]], keys: tuple[Condition, ...]
) -> list[tuple[object, ...]] | None:
    """``rows`` (pyoxigraph terms, in ``columns`` order) in the order of ``keys``; None if
    that order may differ from Oxigraph's (see the module's docstring)."""
    if any(k.variable not in columns for k in keys):
        return None
    where = [columns.index(k.variable) for k in keys]
    try:
        keyed = [tuple([_key(row[i]) for i in where]) for row in rows]
    except _UnsureError:
        return None
    for n in range(len(keys)):  # one kind per key (unbound aside)
        if len({k[n][2] for k in keyed} - {""}) > 1:
            return None
    order = list(range(len(rows)))
    if not any(k.descending for k in keys):
        order.sort(key=keyed.__getitem__)
    else:
        for n in reversed(range(len(keys))):  # stable sorts, the last key first
            column = [k[n] for k in keyed]
            order.sort(key=column.__getitem__, reverse=keys[n].descending)
    for before, after in zip(order, order[1:], strict=False):
        if keyed[before] == keyed[after] and rows[before] != rows[after]:
            return None  # a tie: its order is the engine's
    return [rows[i] for i in order]
