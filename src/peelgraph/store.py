"""Where queries run: an embedded store (Oxigraph behind the rdflib API, or rdflib's own
memory store) or a remote SPARQL 1.1 endpoint. Queries on the Oxigraph store go to pyoxigraph
directly: its terms become plain Python values without passing through rdflib terms.

Queries see the union of all named graphs as their default graph, on every backend: a saved
query never needs ``GRAPH`` clauses. For a remote store, load it with
:func:`load_to_endpoint` (Graph Store HTTP Protocol ``PUT``: reloading replaces a report's
graph, never duplicates it) and start it with the union default graph on (Oxigraph:
``--union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``).
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import time
import urllib.error
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias, cast

import pyoxigraph as ox

from . import storedir
from .errors import EndpointError, GraphFileError, PeelgraphError, QueryError, StoreError
from .graphio import load_dataset, ntriples_of, read_graph_triples
from .queries import SavedQuery, get_query, is_update
from .rdfnames import NAMESPACES, RDFLIB_DEFAULT_GRAPH
from .sortrows import sort_solutions, split_order

if TYPE_CHECKING:
    import urllib.request

    from rdflib import Dataset
    from rdflib.query import Result

# rdflib is imported where an rdflib Dataset or result is met: a query answered by Oxigraph
# (every one-shot command) never needs it, and importing it costs about 40 ms of CPU.

BACKENDS = ("oxigraph", "memory")
_XSD = "http://www.w3.org/2001/XMLSchema#"
# the datatypes whose literals rdflib turns into numbers or booleans
_NUMERIC_TYPES = frozenset(
    _XSD + name
    for name in (
        "boolean decimal float double integer int long short byte nonPositiveInteger "
        "nonNegativeInteger negativeInteger positiveInteger unsignedLong unsignedInt "
        "unsignedShort unsignedByte"
    ).split()
)
# the datatypes whose literals come back as Python values rather than text
_TYPED = _NUMERIC_TYPES | {_XSD + "gYear", _XSD + "date", _XSD + "dateTime", _XSD + "dateTimeStamp"}
_OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
}

# -- results --------------------------------------------------------------------------------


@dataclass
class QueryResult:
    """Rows as dicts of plain Python values: IRIs and strings as str, integers as int,
    decimals and doubles as float, xsd:gYear as int, xsd:date and xsd:dateTime as date and
    datetime; so ``dataframe()`` gets numeric columns."""

    columns: list[str]
    rows: list[dict[str, object]] = field(default_factory=list)
    boolean: bool | None = None  # for ASK

    def dataframe(self):  # type: ignore[no-untyped-def]
        """The rows as a pandas DataFrame (needs the ``pandas`` extra)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise PeelgraphError(
                "pandas is not installed", hint="pip install 'peelgraph[pandas]'"
            ) from exc
        return pd.DataFrame(self.rows, columns=self.columns)


_GYEAR = _XSD + "gYear"
_INTEGER = _XSD + "integer"
_DIGITS = re.compile(r"[+-]?[0-9]+")
_DATES = frozenset(_XSD + name for name in ("date", "dateTime", "dateTimeStamp"))


def _plain(term: object) -> object:
    """A result term as a plain Python value: integers as int, decimals and doubles as
    float, booleans as bool, xsd:gYear as int, dates as date/datetime, the rest as str."""
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype is not None else ""
        if datatype == _GYEAR or datatype in _DATES:
            return _typed_value(str(term), datatype)
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, (int, float, bool)):
            return value
        return str(term)
    return str(term)


@lru_cache(maxsize=4096)
def _typed_value(lexical: str, datatype: str) -> object:
    """A numeric, boolean, year or date literal as a Python value (its lexical form when that
    is not a valid value), so that every backend gives the same values."""
    if datatype == _GYEAR:
        return int(lexical) if lexical.lstrip("-").isdigit() else lexical
    if datatype in _DATES:
        import datetime as dt

        try:
            if datatype == _XSD + "date":
                return dt.date.fromisoformat(lexical[:10])
            return dt.datetime.fromisoformat(lexical.replace("Z", "+00:00"))
        except ValueError:
            return lexical
    if datatype == _INTEGER and _DIGITS.fullmatch(lexical):
        return int(lexical)  # as rdflib reads it, without importing rdflib
    from rdflib import Literal, URIRef

    return _plain(Literal(lexical, datatype=URIRef(datatype)))


def _plain_ox(term: object) -> object:
    """``_plain`` for a pyoxigraph term: numbers, booleans, years and dates as Python
    values, else str."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _TYPED:
            return _typed_value(term.value, datatype)
        return term.value
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return term.value
    return str(term)


def _from_oxigraph(result: object) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult([], [], bool(result))
    if not isinstance(result, ox.QuerySolutions):
        raise EndpointError("only SELECT and ASK queries give rows")
    return _rows_of([v.value for v in result.variables], result)


class _Native(Protocol):
    """A store pyoxigraph answers directly (:class:`NativeStore`, or the rdflib view
    :class:`peelgraph.oxdataset.OxigraphDataset`)."""

    def query_native(self, text: str) -> object: ...


def _rows_of(columns: list[str], solutions: Iterable[Iterable[object]]) -> QueryResult:
    rows = [dict(zip(columns, map(_plain_ox, solution), strict=True)) for solution in solutions]
    return QueryResult(columns, rows)


def _answer_natively(source: _Native, text: str, sort_here: bool) -> QueryResult:
    """Oxigraph's answer to ``text``; with ``sort_here``, a trailing ``ORDER BY`` is applied
    to the rows in Python where that gives Oxigraph's own order (:mod:`peelgraph.sortrows`:
    Oxigraph reads every string it compares from disk again), else the query runs whole."""
    split = split_order(text) if sort_here else None
    if split is not None:
        result = source.query_native(split[0])
        if isinstance(result, ox.QuerySolutions):
            columns = [v.value for v in result.variables]
            rows = sort_solutions(columns, [tuple(s) for s in result], split[1])
            if rows is not None:
                return _rows_of(columns, rows)
    return _from_oxigraph(source.query_native(text))


def _grouped_by_the_spec(ctx, part):  # type: ignore[no-untyped-def]
    """rdflib's evaluation of ``GROUP BY`` over no solutions, as SPARQL 1.1 says (§11.2:
    no groups, so no rows), instead of rdflib's one empty group. That empty row, joined to
    the rest of a query, was the "99 unrelated rows" of issue 18 point 8 (a partner that
    matches nothing, ``--backend memory``), where Oxigraph answered none. A query without
    ``GROUP BY`` (one implicit group, e.g. ``COUNT``) is left to rdflib."""
    if part.name != "AggregateJoin" or part.p.expr is None:
        raise NotImplementedError  # rdflib's own evaluation
    from rdflib.plugins.sparql.aggregates import Aggregator
    from rdflib.plugins.sparql.evaluate import evalPart
    from rdflib.plugins.sparql.evalutils import _eval
    from rdflib.plugins.sparql.sparql import FrozenBindings

    def rows():  # type: ignore[no-untyped-def]
        groups: dict[tuple[object, ...], Aggregator] = {}
        for row in evalPart(ctx, part.p):
            key = tuple(_eval(e, row, False) for e in part.p.expr)
            groups.setdefault(key, Aggregator(aggregations=part.A)).update(row)
        for aggregator in groups.values():
            yield FrozenBindings(ctx, aggregator.get_bindings())

    return rows()


def _with_spec_group_by() -> None:
    """Have rdflib evaluate ``GROUP BY`` as :func:`_grouped_by_the_spec` says, before any
    query runs through rdflib's engine (registered here, not on import: importing rdflib's
    SPARQL engine takes about 0.1 s that a query answered by Oxigraph does not need)."""
    from rdflib.plugins.sparql import CUSTOM_EVALS

    CUSTOM_EVALS["peelgraph-group-by"] = _grouped_by_the_spec


def _from_rdflib(result: Result) -> QueryResult:
    if result.type == "ASK":
        return QueryResult([], [], bool(result.askAnswer))
    if result.type != "SELECT":
        raise EndpointError("only SELECT and ASK queries give rows")
    columns = [str(v) for v in result.vars or []]
    rows = [
        {c: _plain(row[i]) for i, c in enumerate(columns)}  # type: ignore[index]
        for row in result
    ]
    return QueryResult(columns, rows)


# -- embedded stores ------------------------------------------------------------------------


def store_folder(graph_file: Path) -> Path:
    """The persistent Oxigraph store kept beside a built graph file."""
    return storedir.store_folder(graph_file)


def sync_store(
    graph_file: Path, graphs: list[tuple[str, bytes]] | None = None, *, overwrite: bool = False
) -> list[str]:
    """Bring the store beside ``graph_file`` up to date; list the named graphs (re)loaded
    (see :func:`peelgraph.storedir.sync_store`: locked, made aside and swapped in)."""
    return storedir.sync_store(graph_file, graphs, overwrite=overwrite)


def persistent_store(graph_file: Path) -> ox.Store:
    """An Oxigraph store of ``graph_file``, kept beside it and reused while the file is
    unchanged (its SHA-256 is stamped in the folder): only the first query parses the file.
    Where nothing can be written beside the file, a store in memory."""
    return storedir.open_read_only(graph_file)


def open_store(graph_file: Path) -> ox.Store:
    """The query store of a built graph file, for the commands that answer from it."""
    return persistent_store(graph_file)


@dataclass(frozen=True)
class NativeStore:
    """The query store of a built graph, queried with pyoxigraph alone: what a one-shot
    command needs (no rdflib view, whose SPARQL engine alone takes 0.15 s to import)."""

    oxigraph: ox.Store
    folder: Path | None = None  # where it is kept (None: in memory)

    def query_native(self, text: str) -> object:
        """pyoxigraph's answer to ``text``, with peelgraph's prefixes known."""
        return self.oxigraph.query(text, use_default_graph_as_union=True, prefixes=NAMESPACES)


def open_native(graph_file: Path) -> NativeStore:
    """The persistent query store beside ``graph_file`` (made on first use)."""
    return NativeStore(persistent_store(graph_file), storedir.store_folder(graph_file))


def open_dataset(
    graph_file: Path, backend: str = "oxigraph", *, persistent: bool = True
) -> Dataset:
    """A built graph file as an rdflib Dataset whose default graph is the union of its graphs.

    ``oxigraph`` (the default) keeps the rdflib API over a fast native store, persisted beside
    the file unless ``persistent`` is False; ``memory`` is rdflib's own store.
    """
    if backend not in BACKENDS:
        raise EndpointError(f"unknown backend {backend!r}", hint="use " + " or ".join(BACKENDS))
    if backend == "memory":
        ds = load_dataset(graph_file)
        ds.default_union = True
        return ds
    from . import iris
    from .oxdataset import OxigraphDataset

    if persistent:
        store = persistent_store(graph_file)
    else:
        store = storedir.memory_store(graph_file)
    ds = OxigraphDataset(store)
    for prefix, namespace in iris.PREFIXES.items():
        ds.bind(prefix, namespace, override=True)
    return ds


# -- remote endpoints -----------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL 1.1 endpoint: query URL, timeout in seconds, credentials from the environment
    (``PEELGRAPH_ENDPOINT_TOKEN`` for a bearer token, or ``PEELGRAPH_ENDPOINT_USER`` and
    ``PEELGRAPH_ENDPOINT_PASSWORD`` for basic authentication)."""

    url: str
    timeout: float = 30.0

    def __post_init__(self) -> None:
        check_url(self.url)
        check_timeout(self.timeout)

    def headers(self) -> dict[str, str]:
        token = os.environ.get("PEELGRAPH_ENDPOINT_TOKEN")
        if token:
            return {"Authorization": f"Bearer {token}"}
        user = os.environ.get("PEELGRAPH_ENDPOINT_USER")
        if user:
            secret = f"{user}:{os.environ.get('PEELGRAPH_ENDPOINT_PASSWORD', '')}"
            return {"Authorization": "Basic " + base64.b64encode(secret.encode()).decode()}
        return {}


def check_url(url: str, what: str = "endpoint") -> None:
    """Refuse what is not an http(s) URL with a host, in one line."""
    parts = urllib.parse.urlsplit(url)
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise EndpointError(f"not a valid {what} URL: {url!r} ({exc})") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in url):
        raise EndpointError(
            f"not a valid {what} URL: {url!r}", hint="e.g. http://127.0.0.1:7878/query"
        )


def check_timeout(timeout: float) -> None:
    """Refuse a timeout that is not a positive number of seconds."""
    if not timeout > 0 or timeout == float("inf"):
        raise EndpointError(f"--timeout must be a positive number of seconds, not {timeout:g}")


def _within(seconds: float, where: str, call):  # type: ignore[no-untyped-def]
    """``call()``'s result, or an error once ``seconds`` have passed: a server that sends one
    byte a second cannot hold a command past its timeout (the call is left in a daemon
    thread, which the process does not wait for)."""
    import threading

    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise EndpointError(f"no complete answer within {seconds:g} s", where=where,
                            hint="raise --timeout")  # fmt: skip
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


def _path_hint(status: int) -> str | None:
    """What a 404, 405 or 415 from a SPARQL server most often means: the wrong path."""
    if status in (404, 405, 415):
        return (
            "is it the right path? queries go to the query endpoint (Oxigraph: .../query, "
            "Fuseki: .../ds/query), 'peelgraph load' to the Graph Store one (Oxigraph: "
            ".../store, Fuseki: .../ds/data)"
        )
    return None


def _endpoint_error(endpoint: str, exc: BaseException, timeout: float) -> EndpointError:
    if isinstance(exc, urllib.error.HTTPError):
        body = exc.read()[:200].decode("utf-8", "replace") if exc.fp else ""
        return EndpointError(
            f"HTTP {exc.code} {exc.reason}: {' '.join(body.split())}",
            where=endpoint,
            hint=_path_hint(exc.code),
        )
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, (TimeoutError, socket.timeout)) or isinstance(exc, TimeoutError):
        return EndpointError(
            f"no answer within {timeout:g} s", where=endpoint, hint="raise --timeout"
        )
    return EndpointError(
        f"cannot reach the endpoint ({reason})", where=endpoint, hint="is the server running?"
    )


def query_endpoint(endpoint: Endpoint, text: str) -> QueryResult:
    """Run a query on a remote endpoint through SPARQLWrapper (POST, explicit Accept)."""
    from SPARQLWrapper import JSON, POST, POSTDIRECTLY, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint.url)
    client.setMethod(POST)
    client.setRequestMethod(POSTDIRECTLY)  # the query as the body: no 414 for long queries
    client.setReturnFormat(JSON)
    client.setTimeout(int(max(1, endpoint.timeout)))
    client.addCustomHttpHeader("Accept", "application/sparql-results+json")
    for key, value in endpoint.headers().items():
        client.addCustomHttpHeader(key, value)
    # full-line comments go: SPARQLWrapper guesses the query form from the text's keywords
    client.setQuery(
        "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    )
    try:
        raw = _within(endpoint.timeout + 1, endpoint.url,
                      lambda: client.query().response.read())  # fmt: skip
        data = json.loads(raw)
    except urllib.error.URLError as exc:
        raise _endpoint_error(endpoint.url, exc, endpoint.timeout) from exc
    except (TimeoutError, ConnectionError) as exc:
        raise _endpoint_error(endpoint.url, exc, endpoint.timeout) from exc
    except SPARQLWrapperException as exc:
        status = 404 if type(exc).__name__ == "EndPointNotFound" else 0
        raise EndpointError(" ".join(str(exc).split())[:300], where=endpoint.url,
                            hint=_path_hint(status)) from exc  # fmt: skip
    except (ValueError, UnicodeError) as exc:  # truncated or invalid JSON
        raise EndpointError(
            f"the endpoint's answer is not valid JSON ({' '.join(str(exc).split())[:120]})",
            where=endpoint.url,
        ) from exc
    except OSError as exc:  # a connection cut midway
        raise _endpoint_error(endpoint.url, exc, endpoint.timeout) from exc
    return _results_of(data, endpoint.url)


def _results_of(data: object, where: str) -> QueryResult:
    """SPARQL 1.1 JSON results checked for their shape: anything else is one error line."""

    def bad(what: str) -> EndpointError:
        return EndpointError(f"the endpoint did not answer with SPARQL JSON results ({what})",
                             where=where)  # fmt: skip

    if not isinstance(data, dict):
        raise bad(f"a JSON {type(data).__name__}, not an object")
    if "boolean" in data:
        if not isinstance(data["boolean"], bool):
            raise bad("'boolean' is not true or false")
        return QueryResult([], [], data["boolean"])
    head, results = data.get("head"), data.get("results")
    if not isinstance(head, dict) or not isinstance(results, dict):
        raise bad("no 'head' and 'results' objects")
    columns = head.get("vars", [])
    bindings = results.get("bindings")
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise bad("'head.vars' is not a list of names")
    if not isinstance(bindings, list):
        raise bad("'results.bindings' is not a list")
    rows = []
    for binding in bindings:
        if not isinstance(binding, dict):
            raise bad("a binding is not an object")
        row = {}
        for c in columns:
            cell = binding.get(c)
            if cell is not None and not (
                isinstance(cell, dict)
                and isinstance(cell.get("value"), str)
                and isinstance(cell.get("datatype", ""), str)
            ):
                raise bad(f"the value of {c!r} is not a term")
            row[c] = _json_value(cell)
        rows.append(row)
    return QueryResult(columns, rows)


def update_endpoint(endpoint: Endpoint, text: str) -> QueryResult:
    """Send a SPARQL update (only ever asked for with ``--allow-update``): POST, as the
    protocol and Fuseki want. The answer is an empty result."""
    from SPARQLWrapper import POST, POSTDIRECTLY, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint.url, updateEndpoint=endpoint.url)
    client.setMethod(POST)
    client.setRequestMethod(POSTDIRECTLY)
    client.setTimeout(int(max(1, endpoint.timeout)))
    for key, value in endpoint.headers().items():
        client.addCustomHttpHeader(key, value)
    client.setQuery(text)
    try:
        _within(endpoint.timeout + 1, endpoint.url, client.query)
    except urllib.error.URLError as exc:
        raise _endpoint_error(endpoint.url, exc, endpoint.timeout) from exc
    except (TimeoutError, ConnectionError) as exc:
        raise _endpoint_error(endpoint.url, exc, endpoint.timeout) from exc
    except SPARQLWrapperException as exc:
        raise EndpointError(" ".join(str(exc).split())[:300], where=endpoint.url) from exc
    return QueryResult([], [])


def _json_value(cell: dict[str, str] | None) -> object:
    if cell is None:
        return None
    if cell.get("type") == "literal" or cell.get("type") == "typed-literal":
        datatype = cell.get("datatype")
        if datatype:
            from rdflib import Literal, URIRef

            return _plain(Literal(cell["value"], datatype=URIRef(datatype)))
        return cell["value"]
    if cell.get("type") == "bnode":
        from rdflib import BNode

        return str(BNode(cell["value"]))
    return cell["value"]


def _graphs_ntriples(graph_file: Path) -> list[tuple[str | None, bytes]]:
    """Each graph of a file as N-Triples, parsed by pyoxigraph (fast at corpus size): the
    named graphs by IRI, then the default graph (all that a Turtle or N-Triples file holds)
    as ``None``."""
    if not graph_file.is_file():
        raise GraphFileError("no such file", where=str(graph_file))
    fmt = storedir.rdf_format(graph_file)
    if graph_file.stat().st_size == 0:
        raise GraphFileError("file is empty: nothing to load", where=str(graph_file))
    by_graph = read_graph_triples(graph_file, fmt)
    default = by_graph.pop(RDFLIB_DEFAULT_GRAPH, [])
    graphs: list[tuple[str | None, bytes]] = [
        (name, ntriples_of(triples).encode("utf-8")) for name, triples in sorted(by_graph.items())
    ]
    if default:
        graphs.append((None, ntriples_of(default).encode("utf-8")))
    if not graphs:
        raise GraphFileError("holds no triples: nothing to load", where=str(graph_file))
    return graphs


def _send(request: urllib.request.Request, timeout: float) -> None:
    import urllib.request

    with urllib.request.urlopen(request, timeout=timeout) as answer:
        answer.read()


def _put_graph(
    graph: tuple[str | None, bytes],
    store_url: str,
    extra: str,
    headers: dict[str, str],
    timeout: float,
    retries: int,
) -> str:
    """PUT one graph to the Graph Store, retrying connection failures and 5xx answers with
    backoff; its name, once loaded."""
    from urllib.request import Request  # here: it imports http.client, unused by local queries

    name, body = graph
    sep = "&" if "?" in store_url else "?"
    target = "default" if name is None else f"graph={urllib.parse.quote(name, safe='')}"
    url = f"{store_url}{sep}{target}{extra}"
    name = name or "default graph"
    for attempt in range(retries + 1):
        request = Request(url, data=body, method="PUT", headers=headers)
        try:
            _within(timeout + 1, store_url, partial(_send, request, timeout))
            return name
        except urllib.error.HTTPError as exc:
            if exc.code < 500 or attempt == retries:
                error = _endpoint_error(store_url, exc, timeout)
                raise EndpointError(f"loading graph <{name}>: {error.message}", where=store_url,
                                    hint=error.hint) from exc  # fmt: skip
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            if attempt == retries:
                error = _endpoint_error(store_url, exc, timeout)
                raise EndpointError(f"loading graph <{name}>: {error.message}", where=store_url,
                                    hint=error.hint) from exc  # fmt: skip
        time.sleep(min(8.0, 0.5 * 2**attempt))
    raise AssertionError("unreachable")  # pragma: no cover


def load_to_endpoint(
    graph_file: Path,
    store_url: str,
    *,
    timeout: float = 60.0,  # for each graph's whole upload and answer
    retries: int = 3,
    progress=None,  # type: ignore[no-untyped-def]
    workers: int = 3,
    bulk: bool = False,
) -> list[str]:
    """PUT each named graph of ``graph_file`` (and its default graph, which holds all of a
    Turtle or N-Triples file) to a Graph Store HTTP Protocol endpoint (``?default``).

    A PUT replaces the named graph atomically, so reloading never duplicates and a failed
    upload leaves that graph as it was. Connection failures and 5xx answers are retried with
    backoff (PUT is idempotent); the error names the graph and the address. ``workers``
    graphs are sent at once (the store indexes one while the next arrives). ``bulk`` asks
    an Oxigraph server to use its bulk loader (``no_transaction``): about twice as fast, but
    a graph whose upload fails midway is left partly loaded; for a first load.
    """
    check_url(store_url, "Graph Store")
    check_timeout(timeout)
    if retries < 0 or workers < 1:
        raise EndpointError(f"--retries must be 0 or more and --workers 1 or more, not "
                            f"{retries} and {workers}")  # fmt: skip
    graphs = _graphs_ntriples(graph_file)
    headers = {"Content-Type": "application/n-triples", **Endpoint(store_url).headers()}
    extra = "&no_transaction" if bulk else ""

    put = partial(_put_graph, store_url=store_url, extra=extra, headers=headers,
                  timeout=timeout, retries=retries)  # fmt: skip

    loaded: list[str] = []
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        try:
            for name in pool.map(put, graphs):
                loaded.append(name)
                if progress:
                    progress(name)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return loaded


# -- running queries ------------------------------------------------------------------------


Source: TypeAlias = "Dataset | NativeStore | Endpoint"


def run_sparql(
    source: Source,
    text: str,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
    sort_here: bool = False,
) -> QueryResult:
    """Run SPARQL text on an embedded Dataset or a remote endpoint. An update or a
    ``SERVICE`` clause is refused unless allowed (:func:`peelgraph.queries.check_allowed`).
    ``sort_here``: on Oxigraph, apply a trailing ``ORDER BY`` in Python where the order is
    the same (for queries whose keys tell their rows apart)."""
    from .queries import check_allowed

    check_allowed(text, allow_update=allow_update, allow_service=allow_service)
    if isinstance(source, Endpoint):
        if allow_update and is_update(text):
            return update_endpoint(source, text)
        return query_endpoint(source, text)
    try:
        if hasattr(source, "query_native"):  # a NativeStore or an OxigraphDataset
            return _answer_natively(cast(_Native, source), text, sort_here)
        _with_spec_group_by()
        return _from_rdflib(source.query(text))
    except (SyntaxError, ValueError) as exc:
        raise QueryError(f"the query does not run: {' '.join(str(exc).split())[:300]}") from exc
    except (OSError, RuntimeError) as exc:  # a store damaged under the reader
        folder = getattr(source, "folder", None)
        if folder is not None:
            storedir.invalidate(folder)
        raise StoreError(
            f"the query store cannot be read ({' '.join(str(exc).split())[:200]})",
            where=str(folder) if folder else None,
            hint="run the command again: a damaged store is made again from the graph file",
        ) from exc
    except Exception as exc:  # rdflib's parser raises pyparsing errors
        if type(exc).__name__ in ("ParseException", "ParseSyntaxException"):
            raise QueryError(f"the query does not parse: {exc}") from exc
        raise


def run_query(
    name: str | SavedQuery,
    source: Source,
    params: dict[str, str] | None = None,
    *,
    allow_service: bool = False,
) -> QueryResult:
    """Run a saved query by name with parameters, on an embedded Dataset or an endpoint.
    A saved query that calls another server (``SERVICE``) runs only if ``allow_service``."""
    query = name if isinstance(name, SavedQuery) else get_query(name)
    return run_sparql(source, query.bound_text(params), allow_service=allow_service,
                      sort_here=bool(query.header.get("unique_order")))  # fmt: skip
