"""Saved SPARQL queries: the registry of ``queries/*.rq`` and running them with parameters.

Each file opens with ``#+ key: value`` comment lines (the grlc convention, YAML once the
``#+`` is taken off): ``summary``, ``description``, ``params`` (name, type, default,
description), ``returns``, ``tags``, ``example``, and ``unique_order: true`` where the
query's ``ORDER BY`` keys tell its rows apart (on Oxigraph the rows are then sorted in
Python, which is faster: see :mod:`peelgraph.sortrows`; a tie found runs the query whole).
A parameter ``p`` is the variable ``?_p`` in the query; its value is bound as a typed RDF
term in a ``VALUES`` block at the start of each ``WHERE`` group that uses it (the outer one,
or a subquery's), never spliced into the query text as text, so any value is harmless.
The queries are plain SPARQL 1.1 and run on any store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING

import yaml

from .errors import QueryError
from .resources import queries_dir

if TYPE_CHECKING:
    from rdflib.term import Node

HEADER_KEYS = ("summary", "description", "params", "returns", "tags", "example", "unique_order")
REQUIRED_KEYS = ("summary", "description", "returns")
PARAM_TYPES = ("string", "integer", "decimal", "iri", "year")
#: What a scan of query text tells apart: strings, IRIs and comments (which may hold braces
#: or variable names without being structure), WHERE groups, other braces and parameters.
_TOKEN = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*)"
    r"|(?P<where>\bWHERE\s*\{)|(?P<open>\{)|(?P<close>\})"
    r"|[?$](?P<param>_[A-Za-z0-9_]+)",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_IRI = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*")
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: What a SPARQL string in double quotes cannot hold as it is (STRING_LITERAL2).
_STRING_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"
    default: str | None = None
    description: str = ""

    def check(self, value: str) -> None:
        """A QueryError naming the parameter if ``value`` is not of its type."""
        try:
            if self.type == "integer":
                int(value)
            elif self.type == "decimal":
                Decimal(value)
            elif self.type == "year" and not re.fullmatch(r"\d{4}", value):
                raise ValueError(value)
            elif self.type == "iri" and not _IRI.fullmatch(value):
                raise ValueError(value)
        except (ValueError, InvalidOperation) as exc:
            raise QueryError(
                f"parameter {self.name!r} must be {self.type}, not {value!r}",
                hint=self.description or None,
            ) from exc

    def term(self, value: str) -> Node:
        """The value as a typed rdflib term, or a QueryError naming the parameter."""
        from rdflib import Literal, URIRef
        from rdflib.namespace import XSD

        self.check(value)
        if self.type == "integer":
            return Literal(int(value), datatype=XSD.integer)
        if self.type == "decimal":
            return Literal(Decimal(value), datatype=XSD.decimal)
        if self.type == "year":
            return Literal(value, datatype=XSD.gYear)
        if self.type == "iri":
            return URIRef(value)
        return Literal(value)

    def sparql(self, value: str) -> str:
        """The value as a typed RDF term in SPARQL syntax: the term :meth:`term` gives,
        written without rdflib (which a one-shot query then never imports); or a QueryError
        naming the parameter."""
        self.check(value)
        if self.type == "integer":
            return f'"{int(value)}"^^<{_XSD}integer>'
        if self.type == "decimal":
            return self.term(value).n3()  # rdflib's lexical form of the decimal
        if self.type == "year":
            return f'"{value}"^^<{_XSD}gYear>'
        if self.type == "iri":
            return f"<{value}>"
        return '"' + value.translate(_STRING_ESCAPES) + '"'


@dataclass(frozen=True)
class SavedQuery:
    """A query file of queries/: its name (the file stem), SPARQL text, the summary and
    description of its header, and the parameters the header declares."""

    name: str
    text: str
    summary: str
    description: str = ""
    params: tuple[Param, ...] = ()
    returns: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    example: str = ""
    header: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def form(self) -> str:
        """select, ask or construct, from the file name."""
        return self.name.split("_", 1)[0]

    def bindings(self, values: dict[str, str] | None = None) -> dict[str, str]:
        """Every parameter's variable (``_name``) and typed term in SPARQL syntax
        (:meth:`Param.sparql`): the given values, else the defaults."""
        values = dict(values or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            listed = ", ".join(sorted(known)) or "none"
            raise QueryError(
                f"query {self.name} has no parameter {', '.join(unknown)}",
                hint=f"its parameters: {listed}",
            )
        out: dict[str, str] = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError(f"query {self.name} needs a value for {p.name!r}")
            out[f"_{p.name}"] = p.sparql(str(value))
        return out

    def bound_text(self, values: dict[str, str] | None = None) -> str:
        """The query with its parameters bound as RDF terms: a VALUES block at the start of
        every WHERE group that uses them, the outer one and any subquery's (a subquery sees
        no bindings from outside it, so a filter on a parameter can sit where it narrows
        the most)."""
        bindings = self.bindings(values)
        if not bindings:
            return self.text
        groups = _where_groups(self.text)
        if not groups:
            raise QueryError(f"query {self.name} has no WHERE group to bind parameters in")
        text = self.text
        for position, used in sorted(groups, reverse=True):
            names = [name for name in bindings if name in used]
            if not names:
                continue
            terms = " ".join(bindings[name] for name in names)
            block = f"\n  VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}\n"
            text = text[:position] + block + text[position:]
        return text


def _where_groups(text: str) -> list[tuple[int, set[str]]]:
    """Each WHERE group of a query: where its body starts, and the parameter variables
    (``?_name``) used in it outside the WHERE groups of its subqueries."""
    stack: list[tuple[bool, int, set[str]]] = []  # (is a WHERE group, body start, params)
    found: list[tuple[int, set[str]]] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "where" or kind == "open":
            stack.append((kind == "where", match.end(), set()))
        elif kind == "close" and stack:
            is_where, start, used = stack.pop()
            if is_where:
                found.append((start, used))
        elif kind == "param":
            for is_where, _, used in reversed(stack):
                if is_where:
                    used.add(match.group("param"))
                    break
    return found


def parse_saved_query(name: str, text: str) -> SavedQuery:
    """A saved query from its file's text; QueryError if the header is malformed."""
    header_lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            header_lines.append(line[2:].removeprefix(" "))
        elif line.strip() and not line.startswith("#"):
            break
    try:
        header = yaml.safe_load("\n".join(header_lines)) or {}
    except yaml.YAMLError as exc:
        raise QueryError(f"queries/{name}.rq: the #+ header is not valid YAML: {exc}") from exc
    if not isinstance(header, dict):
        raise QueryError(f"queries/{name}.rq: the #+ header must be key: value lines")
    missing = [k for k in REQUIRED_KEYS if k not in header]
    if missing:
        raise QueryError(f"queries/{name}.rq: header lacks {', '.join(missing)}")
    params = []
    for raw in header.get("params") or []:
        if not isinstance(raw, dict) or "name" not in raw:
            raise QueryError(f"queries/{name}.rq: each param needs a name")
        ptype = str(raw.get("type", "string"))
        if ptype not in PARAM_TYPES or not _NAME.match(str(raw["name"])):
            raise QueryError(f"queries/{name}.rq: bad param {raw!r}")
        default = raw.get("default")
        params.append(
            Param(
                name=str(raw["name"]),
                type=ptype,
                default=None if default is None else str(default),
                description=str(raw.get("description", "")),
            )
        )
    return SavedQuery(
        name=name,
        text=text,
        summary=str(header["summary"]),
        description=" ".join(str(header.get("description", "")).split()),
        params=tuple(params),
        returns=tuple(str(r) for r in header.get("returns") or ()),
        tags=tuple(str(t) for t in header.get("tags") or ()),
        example=str(header.get("example", "")),
        header=header,
    )


@lru_cache(maxsize=1)
def _registry() -> dict[str, SavedQuery]:
    out = {}
    for item in sorted(queries_dir().iterdir(), key=lambda f: f.name):
        if item.name.endswith(".rq"):
            name = item.name[: -len(".rq")]
            out[name] = parse_saved_query(name, item.read_text(encoding="utf-8"))
    return out


def list_queries() -> list[SavedQuery]:
    """Every saved query, by name."""
    return list(_registry().values())


@lru_cache(maxsize=16)
def _one(name: str) -> SavedQuery | None:
    """The saved query of that name read on its own (None if there is no such file): a
    command that runs one query parses one header, not all of them."""
    path = queries_dir() / f"{name}.rq"
    if not _NAME.match(name) or not path.is_file():
        return None
    return parse_saved_query(name, path.read_text(encoding="utf-8"))


def get_query(name: str) -> SavedQuery:
    """A saved query by name; QueryError listing the names if there is none."""
    if name.endswith(".rq"):
        name = name[:-3]
    found = _one(name)
    if found is not None:
        return found
    registry = _registry()
    if name not in registry:
        raise QueryError(
            f"no saved query named {name!r}",
            hint="saved queries: " + ", ".join(registry),
        )
    return registry[name]


# -- what a query may do --------------------------------------------------------------------

#: Strings, IRIs and comments: text that may hold any word without being a keyword.
_INERT = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
#: A keyword (not a variable, nor part of a prefixed name or of a longer word).
_WORD = r"(?<![\w?$:\-.]){}(?![\w:\-])"
_SERVICE = re.compile(_WORD.format("SERVICE"), re.IGNORECASE)
_QUERY_FORMS = re.compile(_WORD.format("(SELECT|ASK|CONSTRUCT|DESCRIBE)"), re.IGNORECASE)
_UPDATE_FORMS = re.compile(
    _WORD.format("(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)"), re.IGNORECASE
)
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[\w.\-]*:|BASE)\s*)", re.IGNORECASE)


def _structure(text: str) -> str:
    """The query text with strings, IRIs and comments blanked out."""
    return _INERT.sub(" ", text)


def is_update(text: str) -> bool:
    """Whether SPARQL text is an update (INSERT, DELETE, DROP, LOAD, CLEAR ...) rather than a
    query: its first keyword after the prologue is not SELECT, ASK, CONSTRUCT or DESCRIBE."""
    body = _structure(text)
    first = _QUERY_FORMS.search(body)
    update = _UPDATE_FORMS.search(body)
    if update is None:
        return False
    return first is None or update.start() < first.start()


def uses_service(text: str) -> bool:
    """Whether SPARQL text holds a ``SERVICE`` clause (a federated call to another server)."""
    return _SERVICE.search(_structure(text)) is not None


def check_allowed(text: str, *, allow_update: bool = False, allow_service: bool = False) -> None:
    """Refuse an update or a ``SERVICE`` clause unless asked for: a query never writes, and
    never makes the machine call another server, by accident (or by a hostile saved query)."""
    if not allow_update and is_update(text):
        raise QueryError(
            "this is an update (it would change the store); not sent",
            hint="pass --allow-update if it is meant to write",
        )
    if not allow_service and uses_service(text):
        raise QueryError(
            "the query has a SERVICE clause (it would make this machine call another server)"
            "; not run",
            hint="pass --allow-service if that call is meant",
        )
