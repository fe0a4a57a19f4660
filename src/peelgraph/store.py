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
import hashlib
import json
import os
import shutil
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result

from . import iris
from .errors import EndpointError, GraphFileError, PeelgraphError
from .graphio import FORMATS, NATIVE_QUAD_FORMATS, load_dataset, read_graph_triples
from .queries import SavedQuery, get_query

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
_DATES = frozenset(_XSD + name for name in ("date", "dateTime", "dateTimeStamp"))


def _plain(term: object) -> object:
    """A result term as a plain Python value: integers as int, decimals and doubles as
    float, booleans as bool, xsd:gYear as int, dates as date/datetime, the rest as str."""
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
    columns = [v.value for v in result.variables]
    rows = [dict(zip(columns, map(_plain_ox, solution), strict=True)) for solution in result]
    return QueryResult(columns, rows)


def _from_rdflib(result: Result) -> QueryResult:
    if result.type == "ASK":
        return QueryResult([], [], bool(result.askAnswer))
    if result.type != "SELECT":
        raise EndpointError("only SELECT and ASK queries give rows")
    columns = [str(v) for v in result.vars or []]
    rows = [{c: _plain(row[i]) for i, c in enumerate(columns)} for row in result]
    return QueryResult(columns, rows)


# -- embedded stores ------------------------------------------------------------------------


def _rdf_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(f"cannot tell the RDF format from {path.suffix!r}", where=str(path))
    return fmt


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def store_folder(graph_file: Path) -> Path:
    """The persistent Oxigraph store kept beside a built graph file."""
    return graph_file.with_name(graph_file.name + ".oxigraph")


_STAMP = "peelgraph-source.json"


def _read_stamp(folder: Path) -> dict[str, object]:
    try:
        stamp = json.loads((folder / _STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def _write_stamp(folder: Path, graph_file: Path, digest: str, graphs: dict[str, str]) -> None:
    info = graph_file.stat()
    stamp = {
        "sha256": digest,
        "file": graph_file.name,
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "graphs": graphs,
    }
    (folder / _STAMP).write_text(json.dumps(stamp, sort_keys=True), encoding="utf-8")


def _unchanged(graph_file: Path, stamp: dict[str, object]) -> bool:
    """Whether the stamp still describes the file: same size and modification time (as make
    and git judge it, without reading a large file), else the same SHA-256."""
    info = graph_file.stat()
    if stamp.get("size") == info.st_size and stamp.get("mtime_ns") == info.st_mtime_ns:
        return True
    return stamp.get("sha256") == _digest(graph_file)


def _graph_digests(graphs: list[tuple[str, bytes]]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in graphs}


def persistent_store(graph_file: Path) -> ox.Store:
    """An Oxigraph store of ``graph_file``, kept beside it and reused while the file is
    unchanged (its SHA-256 is stamped in the folder): only the first query parses the file."""
    sync_store(graph_file)
    return ox.Store.read_only(str(store_folder(graph_file)))


def open_store(graph_file: Path) -> ox.Store:
    """The query store of a built graph file, for the commands that answer from it."""
    return persistent_store(graph_file)


def sync_store(graph_file: Path, graphs: list[tuple[str, bytes]] | None = None) -> list[str]:
    """Bring the store beside ``graph_file`` up to date; list the named graphs (re)loaded.

    The build passes ``graphs``, the file's named graphs as (IRI, N-Quads): the store is
    then updated in place, replacing only the graphs whose N-Quads changed (a rebuild after
    one report changes reloads that report's graph and the links), or filled from them
    without parsing the file. An update cut short leaves no stamp: the next use reloads.
    """
    if not graph_file.is_file():
        raise GraphFileError("no such file", where=str(graph_file), hint="build it first")
    _rdf_format(graph_file)  # before any folder is made beside it
    folder = store_folder(graph_file)
    stamp = _read_stamp(folder)
    if stamp and _unchanged(graph_file, stamp):
        return []
    digest = _digest(graph_file)
    held = stamp.get("graphs")
    if graphs is not None and isinstance(held, dict) and held:
        wanted = _graph_digests(graphs)
        if _few_changed(held, wanted, graphs):
            return _update_store(folder, graph_file, digest, held, wanted, graphs)
    return _load_store(folder, graph_file, digest, graphs)


def _few_changed(
    held: dict[str, object], wanted: dict[str, str], graphs: list[tuple[str, bytes]]
) -> bool:
    """Whether updating the store in place is worth it: under a quarter of the data changed.
    Otherwise (a first build after an upgrade changes every graph) a fresh bulk load is
    several times faster and takes a fraction of the memory of one transaction a graph."""
    changed = sum(len(data) for name, data in graphs if held.get(name) != wanted[name])
    return changed * 4 < sum(len(data) for _, data in graphs)


def _update_store(
    folder: Path,
    graph_file: Path,
    digest: str,
    held: dict[str, object],
    wanted: dict[str, str],
    graphs: list[tuple[str, bytes]],
) -> list[str]:
    """Replace the named graphs whose digests (``wanted``) differ from the stamp's (``held``)."""
    (folder / _STAMP).unlink()
    changed = []
    store = ox.Store(str(folder))
    try:
        for name in sorted(held.keys() - wanted.keys()):
            store.remove_graph(ox.NamedNode(name))
            changed.append(name)
        for name, data in graphs:
            if held.get(name) == wanted[name]:
                continue
            graph = ox.NamedNode(name)
            if store.contains_named_graph(graph):
                store.clear_graph(graph)
            store.load(data, format=ox.RdfFormat.N_QUADS)
            changed.append(name)
        store.flush()
    finally:
        del store
    _write_stamp(folder, graph_file, digest, wanted)
    return changed


def _batches(chunks: list[bytes], size: int = 16 << 20) -> Iterator[bytes]:
    """N-Quads chunks joined into batches of about ``size`` bytes: one bulk load each keeps
    Oxigraph's loader buffers small (one bulk load of a whole corpus takes gigabytes)."""
    batch: list[bytes] = []
    held = 0
    for chunk in chunks:
        batch.append(chunk)
        held += len(chunk)
        if held >= size:
            yield b"".join(batch)
            batch, held = [], 0
    if batch:
        yield b"".join(batch)


def _bulk_load_file(store: ox.Store, graph_file: Path) -> None:
    """Load a graph file into ``store``: natively where Oxigraph reads the format, else
    through rdflib."""
    fmt = _rdf_format(graph_file)
    if fmt in _OX_FORMATS:
        store.bulk_load(path=str(graph_file), format=_OX_FORMATS[fmt])
    else:
        data = load_dataset(graph_file).serialize(format="nquads", encoding="utf-8")
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)


def _load_store(
    folder: Path, graph_file: Path, digest: str, graphs: list[tuple[str, bytes]] | None
) -> list[str]:
    """Fill a new store (from ``graphs``, or by parsing the file) and swap it into place."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    try:
        if graphs is not None:
            for batch in _batches([data for _, data in graphs]):
                store.bulk_load(batch, format=ox.RdfFormat.N_QUADS)
        else:
            _bulk_load_file(store, graph_file)
        store.optimize()  # compact the bulk loader's files: queries about 3x faster
        store.flush()
    except (SyntaxError, ValueError, OSError) as exc:
        del store
        shutil.rmtree(tmp, ignore_errors=True)
        raise GraphFileError(f"cannot load into Oxigraph: {exc}", where=str(graph_file)) from exc
    del store
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)
    _write_stamp(folder, graph_file, digest, _graph_digests(graphs) if graphs else {})
    return [name for name, _ in graphs] if graphs else ["*"]


class OxigraphDataset(Dataset):
    """An rdflib Dataset over an Oxigraph store (default graph: the union of its graphs) that
    can also be queried natively, skipping rdflib's per-term conversion."""

    def __init__(self, store: ox.Store):
        from oxrdflib import OxigraphStore  # here: it imports rdflib's SPARQL engine

        super().__init__(store=OxigraphStore(store=store), default_union=True)
        self.oxigraph = store

    def query_native(self, text: str) -> object:
        """pyoxigraph's answer to ``text``, with the Dataset's prefixes known (as in rdflib)."""
        prefixes = {prefix: str(namespace) for prefix, namespace in self.namespaces()}
        return self.oxigraph.query(text, use_default_graph_as_union=True, prefixes=prefixes)


@dataclass(frozen=True)
class NativeStore:
    """The query store of a built graph, queried with pyoxigraph alone: what a one-shot
    command needs (no rdflib view, whose SPARQL engine alone takes 0.15 s to import)."""

    oxigraph: ox.Store

    def query_native(self, text: str) -> object:
        """pyoxigraph's answer to ``text``, with peelgraph's prefixes known."""
        prefixes = {prefix: str(namespace) for prefix, namespace in iris.PREFIXES.items()}
        return self.oxigraph.query(text, use_default_graph_as_union=True, prefixes=prefixes)


def open_native(graph_file: Path) -> NativeStore:
    """The persistent query store beside ``graph_file`` (made on first use)."""
    return NativeStore(persistent_store(graph_file))


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
    if persistent:
        store = persistent_store(graph_file)
    else:
        store = ox.Store()
        _bulk_load_file(store, graph_file)
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

    def headers(self) -> dict[str, str]:
        token = os.environ.get("PEELGRAPH_ENDPOINT_TOKEN")
        if token:
            return {"Authorization": f"Bearer {token}"}
        user = os.environ.get("PEELGRAPH_ENDPOINT_USER")
        if user:
            secret = f"{user}:{os.environ.get('PEELGRAPH_ENDPOINT_PASSWORD', '')}"
            return {"Authorization": "Basic " + base64.b64encode(secret.encode()).decode()}
        return {}


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
        data = client.queryAndConvert()
    except urllib.error.URLError as exc:
        raise _endpoint_error(endpoint.url, exc, endpoint.timeout) from exc
    except (TimeoutError, ConnectionError) as exc:
        raise _endpoint_error(endpoint.url, exc, endpoint.timeout) from exc
    except SPARQLWrapperException as exc:
        status = 404 if type(exc).__name__ == "EndPointNotFound" else 0
        raise EndpointError(" ".join(str(exc).split())[:300], where=endpoint.url,
                            hint=_path_hint(status)) from exc  # fmt: skip
    if not isinstance(data, dict):
        raise EndpointError(
            "the endpoint did not answer with SPARQL JSON results", where=endpoint.url
        )
    if "boolean" in data:
        return QueryResult([], [], bool(data["boolean"]))
    columns = list(data.get("head", {}).get("vars", []))
    rows = []
    for binding in data.get("results", {}).get("bindings", []):
        rows.append({c: _json_value(binding.get(c)) for c in columns})
    return QueryResult(columns, rows)


def _json_value(cell: dict[str, str] | None) -> object:
    if cell is None:
        return None
    if cell.get("type") == "literal" or cell.get("type") == "typed-literal":
        datatype = cell.get("datatype")
        if datatype:
            return _plain(Literal(cell["value"], datatype=URIRef(datatype)))
        return cell["value"]
    if cell.get("type") == "bnode":
        return str(BNode(cell["value"]))
    return cell["value"]


def _named_graphs_ntriples(graph_file: Path) -> list[tuple[str, bytes]]:
    """Each named graph of a file as N-Triples, parsed by pyoxigraph (fast at corpus size)."""
    if not graph_file.is_file():
        raise GraphFileError("no such file", where=str(graph_file))
    fmt = _rdf_format(graph_file)
    by_graph: dict[str, list[ox.Triple]] = {}
    if fmt in NATIVE_QUAD_FORMATS:
        if graph_file.stat().st_size:
            by_graph = read_graph_triples(graph_file, fmt)
            by_graph.pop(str(DATASET_DEFAULT_GRAPH_ID), None)
    else:
        data = load_dataset(graph_file).serialize(format="nquads", encoding="utf-8")
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, ox.NamedNode):
                by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
    return [
        (name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        for name, triples in sorted(by_graph.items())
    ]


def load_to_endpoint(
    graph_file: Path,
    store_url: str,
    *,
    timeout: float = 60.0,
    retries: int = 3,
    progress=None,  # type: ignore[no-untyped-def]
    workers: int = 3,
    bulk: bool = False,
) -> list[str]:
    """PUT each named graph of ``graph_file`` to a Graph Store HTTP Protocol endpoint.

    A PUT replaces the named graph atomically, so reloading never duplicates and a failed
    upload leaves that graph as it was. Connection failures and 5xx answers are retried with
    backoff (PUT is idempotent); the error names the graph and the address. ``workers``
    graphs are sent at once (the store indexes one while the next arrives). ``bulk`` asks
    an Oxigraph server to use its bulk loader (``no_transaction``): about twice as fast, but
    a graph whose upload fails midway is left partly loaded; for a first load.
    """
    graphs = _named_graphs_ntriples(graph_file)
    headers = {"Content-Type": "application/n-triples", **Endpoint(store_url).headers()}
    extra = "&no_transaction" if bulk else ""

    def put(graph: tuple[str, bytes]) -> str:
        name, body = graph
        sep = "&" if "?" in store_url else "?"
        url = f"{store_url}{sep}graph={urllib.parse.quote(name, safe='')}{extra}"
        for attempt in range(retries + 1):
            request = urllib.request.Request(url, data=body, method="PUT", headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=timeout) as answer:
                    answer.read()
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

    loaded: list[str] = []
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


Source = Dataset | NativeStore | Endpoint


def run_sparql(source: Source, text: str) -> QueryResult:
    """Run SPARQL text on an embedded Dataset or a remote endpoint."""
    if isinstance(source, Endpoint):
        return query_endpoint(source, text)
    try:
        if isinstance(source, (OxigraphDataset, NativeStore)):
            return _from_oxigraph(source.query_native(text))
        return _from_rdflib(source.query(text))
    except (SyntaxError, ValueError) as exc:
        from .errors import QueryError

        raise QueryError(f"the query does not run: {' '.join(str(exc).split())[:300]}") from exc
    except Exception as exc:  # rdflib's parser raises pyparsing errors
        if type(exc).__name__ in ("ParseException", "ParseSyntaxException"):
            from .errors import QueryError

            raise QueryError(f"the query does not parse: {exc}") from exc
        raise


def run_query(
    name: str | SavedQuery, source: Source, params: dict[str, str] | None = None
) -> QueryResult:
    """Run a saved query by name with parameters, on an embedded Dataset or an endpoint."""
    query = name if isinstance(name, SavedQuery) else get_query(name)
    return run_sparql(source, query.bound_text(params))
