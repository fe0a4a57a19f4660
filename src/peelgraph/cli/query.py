"""Commands for querying: ``query list|show|run``, ``sparql``, ``load``, ``serve``."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EndpointError, QueryError
from ..resultformat import FORMAT_HELP, FORMATS, render
from .common import DEFAULT_DATA, DataOption, err, out, reports_errors

AllowServiceOption = Annotated[
    bool,
    typer.Option(
        "--allow-service",
        help="Run a query with a SERVICE clause (it makes this machine call another server); "
        "refused without.",
    ),
]


def _params(values: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values or []:
        if "=" not in item:
            raise QueryError(f"--param {item!r} is not key=value", hint="e.g. --param force=kent")
        key, value = item.split("=", 1)
        out[key.strip()] = value
    return out


def _source(data: Path, endpoint: str | None, backend: str, timeout: float):  # type: ignore[no-untyped-def]
    from ..store import Endpoint, open_dataset, open_native

    if endpoint:
        return Endpoint(endpoint, timeout)
    if backend == "oxigraph":
        return open_native(data)
    return open_dataset(data, backend)


MaxWidthOption = Annotated[
    int | None,
    typer.Option(
        "--max-width",
        help="Wrap the table to this many characters (default: the terminal's width; "
        "unwrapped, one line a row, when the output is not a terminal).",
    ),
]


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}", hint="use " + ", ".join(FORMATS))


RawOption = Annotated[
    bool,
    typer.Option(
        "--raw",
        help="csv, tsv: write cells as they are, even those a spreadsheet would run as a "
        "formula (by default a cell starting =, +, -, @ that is not a number gets a leading "
        "apostrophe).",
    ),
]


def _write(result, fmt: str, max_width: int | None = None, raw: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Print a result on stdout (see :func:`_rendered`)."""
    sys.stdout.write(_rendered(result, fmt, _width(max_width), raw))
    sys.stdout.flush()


def _width(max_width: int | None) -> int | None:
    """The table width: ``max_width``, else the terminal's when stdout is one."""
    if max_width is None and sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return max_width


def _rendered(result, fmt: str, width: int | None, raw: bool) -> str:  # type: ignore[no-untyped-def]
    """A result as printed: a table fits ``width``, IRIs written as prefixed names. CSV and
    TSV keep the data verbatim when written to a file or a pipe, except that cells a
    spreadsheet would run as a formula are neutralised unless ``raw``; anything written to a
    terminal has its control characters escaped."""
    from ..rdfnames import NAMESPACES

    text = render(result, fmt, width, NAMESPACES, safe_cells=not raw)
    if fmt in ("table", "records", "markdown") or sys.stdout.isatty():
        text = escape_controls(text)  # never send the data's control characters to a terminal
    return text + "\n"


_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE | re.MULTILINE)
_AT = re.compile(r"(error at |line:? ?)(\d+)(:|, col:? ?)(\d+)")


def with_prefixes(text: str) -> tuple[str, str]:
    """The query with peelgraph's prefixes it does not declare itself added in front, on its
    first line (so that line numbers stay the user's), and the added text."""
    from ..rdfnames import NAMESPACES

    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)}
    added = "".join(f"PREFIX {p}: <{ns}> " for p, ns in NAMESPACES.items() if p not in declared)
    return added + text, added


def user_position(message: str, added: str) -> str:
    """A parser's message with positions on the first line counted in the user's text (the
    columns of the prefixes added in front taken off)."""

    def shift(match: re.Match[str]) -> str:
        line, column = int(match.group(2)), int(match.group(4))
        if line == 1:
            column = max(1, column - len(added))
        return f"{match.group(1)}{line}{match.group(3)}{column}"

    message = _AT.sub(shift, message)
    return re.sub(r" ?\(at char \d+\),?", "", message)


#: C0 and C1 control characters other than tab and newline, DEL, and the Unicode line and
#: paragraph separators: what can move a terminal's cursor, retitle or clear it.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str) -> str:
    """``text`` with control characters written as visible escapes (``\\x1b``)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                         else f"\\u{ord(m.group()):04x}", text)  # fmt: skip


def query_list() -> None:
    """List the saved queries: name and summary."""
    from ..queries import list_queries

    for q in list_queries():
        out.print(f"{q.name:36} {q.summary}", markup=False)


def query_show(name: Annotated[str, typer.Argument(help="Saved query name.")]) -> None:
    """Show a saved query: what it answers, its parameters and its SPARQL."""
    from ..queries import get_query

    q = get_query(name)
    out.print(f"{q.name}: {q.summary}\n\n{q.description}\n", markup=False)
    for p in q.params:
        out.print(
            f"  --param {p.name}=<{p.type}>  default {p.default!r}  {p.description}",
            markup=False,
        )
    if q.example:
        out.print(f"\nexample: {q.example}\n", markup=False)
    out.print(q.text, markup=False)


def query_run(
    name: Annotated[str, typer.Argument(help="Saved query name (see 'query list').")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
    max_width: MaxWidthOption = None,
    data: DataOption = DEFAULT_DATA,
    endpoint: Annotated[
        str | None, typer.Option(help="SPARQL endpoint URL to query instead of --data.")
    ] = None,
    backend: Annotated[
        str, typer.Option(help="Embedded store: oxigraph (default, persisted) or memory.")
    ] = "oxigraph",
    timeout: Annotated[float, typer.Option(help="Remote query timeout, seconds.")] = 30.0,
    allow_service: AllowServiceOption = False,
    raw: RawOption = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Compute the answer afresh: do not print, or keep, the answer kept with "
            "the query store.",
        ),
    ] = False,
) -> None:
    """Run a saved query with typed parameters, on the built graph or an endpoint.

    A force, theme, partner, question or year the graph does not hold is an error naming the
    closest ones it does. On a built graph the answer printed is kept with its query store
    until the graph file changes: asking again reads it (--no-cache computes it afresh)."""
    from ..app import run_saved_query
    from ..queries import get_query

    _check_format(output_format)
    query = get_query(name)
    values = _params(param)
    query.bindings(values)  # check names and types before opening anything
    width = _width(max_width)
    kept = None
    if endpoint is None and backend == "oxigraph" and not no_cache:
        options = f"{output_format}|{width}|{raw}|{sys.stdout.isatty()}|{sys.stdout.encoding}"
        kept = _KeptAnswer(data, query.bound_text(values), options)
        if kept.printed():
            return
    result = run_saved_query(query, _source(data, endpoint, backend, timeout), values,
                             allow_service=allow_service)  # fmt: skip
    text = _rendered(result, output_format, width, raw)
    sys.stdout.write(text)
    sys.stdout.flush()
    if kept is not None:
        kept.keep(text.encode(sys.stdout.encoding or "utf-8"))


class _KeptAnswer:
    """Where a saved query's printed answer is kept with the store (:mod:`peelgraph.answers`)."""

    def __init__(self, data: Path, text: str, options: str) -> None:
        from ..answers import Answers

        self.answers = Answers(data)
        self.text, self.options = text, options
        self.key = self.answers.key(text, options)

    def printed(self) -> bool:
        """Print the answer kept for this query and options, if there is one."""
        answer = self.answers.get(self.key) if self.key is not None else None
        _warn(self.answers.warnings)
        self.answers.warnings.clear()
        if answer is None:
            return False
        sys.stdout.buffer.write(answer)
        sys.stdout.flush()
        return True

    def keep(self, answer: bytes) -> None:
        if self.key is None:  # the store was made by this query: its key now
            self.key = self.answers.key(self.text, self.options)
        if self.key is not None:
            self.answers.keep(self.key, answer)
        _warn(self.answers.warnings)


def _warn(messages: list[str]) -> None:
    for message in messages:
        err.print(f"[WARNING] {message}", markup=False)


def sparql(
    query: Annotated[str, typer.Argument(help="SPARQL text, or a file holding it.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
    max_width: MaxWidthOption = None,
    data: DataOption = DEFAULT_DATA,
    endpoint: Annotated[str | None, typer.Option(help="SPARQL endpoint URL.")] = None,
    backend: Annotated[str, typer.Option(help="oxigraph or memory.")] = "oxigraph",
    timeout: Annotated[float, typer.Option(help="Remote query timeout, seconds.")] = 30.0,
    allow_update: Annotated[
        bool,
        typer.Option(
            "--allow-update",
            help="Send an update (INSERT, DELETE, DROP ...) to --endpoint; refused without.",
        ),
    ] = False,
    allow_service: AllowServiceOption = False,
    raw: RawOption = False,
) -> None:
    """Run an ad hoc SPARQL query (the default graph is the union of all graphs).

    peelgraph's prefixes (peel:, pid:, force:, report:, skos:, ...) are known without
    PREFIX lines; a syntax error names the line and column of the text given. Updates are
    refused unless --allow-update, and SERVICE clauses (calls from this machine to other
    servers) unless --allow-service."""
    from ..store import run_sparql

    _check_format(output_format)
    path = Path(query)
    text = path.read_text(encoding="utf-8") if len(query) < 4096 and path.is_file() else query
    from ..queries import check_allowed, is_update

    check_allowed(text, allow_update=allow_update, allow_service=allow_service)
    if allow_update and not endpoint:
        raise QueryError("--allow-update needs --endpoint: the embedded store is read-only")
    full, added = with_prefixes(text)
    source = _source(data, endpoint, backend, timeout)
    try:
        result = run_sparql(source, full, allow_update=allow_update, allow_service=allow_service)
    except QueryError as exc:
        exc.message = user_position(exc.message, added)
        exc.args = (exc.message,)
        if path.is_file() and exc.where is None:
            exc.where = str(path)
        raise
    if allow_update and is_update(text):
        out.print(f"Update sent to {endpoint}", markup=False)
        return
    _write(result, output_format, max_width, raw)


def load(
    file: Annotated[Path, typer.Argument(help="Built graph file (.trig, .nq).")],
    endpoint: Annotated[
        str,
        typer.Option(
            help="Graph Store HTTP Protocol URL, e.g. http://127.0.0.1:7878/store "
            "(Oxigraph) or http://localhost:3030/ds/data (Fuseki)."
        ),
    ],
    timeout: Annotated[float, typer.Option(help="Seconds per request.")] = 60.0,
    retries: Annotated[int, typer.Option(help="Retries (with backoff) per graph.")] = 3,
    workers: Annotated[int, typer.Option(help="Graphs uploaded at once.")] = 3,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="Oxigraph only: use the server's bulk loader (no_transaction), about "
            "twice as fast; a graph whose upload fails is left partly loaded.",
        ),
    ] = False,
) -> None:
    """Upload each named graph with HTTP PUT: reloading replaces, never duplicates.

    Credentials come from PEELGRAPH_ENDPOINT_TOKEN (bearer) or PEELGRAPH_ENDPOINT_USER and
    PEELGRAPH_ENDPOINT_PASSWORD (basic).
    """
    from ..store import load_to_endpoint

    loaded = load_to_endpoint(
        file,
        endpoint,
        timeout=timeout,
        retries=retries,
        progress=lambda name: err.print(f"loaded <{name}>", markup=False),
        workers=workers,
        bulk=bulk,
    )
    named = [name for name in loaded if name != "default graph"]
    what = f"{len(named)} named graph(s)"
    if len(named) < len(loaded):
        what = f"the default graph and {what}" if named else "the default graph"
    out.print(f"Loaded {what} into {endpoint}", markup=False)


def serve(
    file: Annotated[Path, typer.Argument(help="Built graph file.")] = DEFAULT_DATA,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 7878,
    timeout: Annotated[
        float, typer.Option(help="Longest a query may run, seconds (then it is cancelled).")
    ] = 30.0,
    allow_service: AllowServiceOption = False,
) -> None:
    """Serve a built graph as a read-only SPARQL endpoint with a query page (Oxigraph's
    own server, union default graph), on 127.0.0.1 by default. Each query is cancelled
    after --timeout seconds; queries with a SERVICE clause are refused (a guard in front of
    the server) unless --allow-service."""
    from ..store import persistent_store, store_folder

    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).exists():
        raise EndpointError(
            "the Oxigraph server is not installed", hint="pip install 'peelgraph[server]'"
        )
    from ..store import check_timeout

    check_timeout(timeout)
    if not 0 < port < 65536:
        raise EndpointError(f"--port must be between 1 and 65535, not {port}")
    _check_port(host, port)
    persistent_store(file)
    folder = store_folder(file)
    if not folder.is_dir():
        raise EndpointError(
            "no query store can be kept beside the graph file (read-only folder?)",
            where=str(file),
            hint="copy it somewhere writable",
        )
    command = [binary, "serve-read-only", "--location", str(folder), "--union-default-graph",
               "--timeout-s", str(max(1, round(timeout)))]  # fmt: skip
    message = (
        f"Serving {file} read-only at http://{host}:{port}/ (query endpoint "
        f"http://{host}:{port}/query); Ctrl-C stops"
    )
    if allow_service:
        out.print(message, markup=False)
        sys.stdout.flush()
        # the server takes this process's place, so that stopping it stops the server
        os.execv(binary, [*command, "--bind", f"{host}:{port}"])
    from ..serveguard import serve_guarded

    def ready() -> None:
        out.print(message, markup=False)
        sys.stdout.flush()

    serve_guarded(command, host, port, timeout, ready)


def _check_port(host: str, port: int) -> None:
    """Refuse a port another program listens on, before anything is printed or started."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise EndpointError(f"cannot serve on {host}: {exc.strerror or exc}",
                            hint="pass --host 127.0.0.1") from exc  # fmt: skip
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(address)
        except OSError as exc:
            raise EndpointError(
                f"cannot serve on {host}:{port}: {exc.strerror or exc}",
                hint=f"another program uses port {port}: pass --port {port + 1}",
            ) from exc


def register(app: typer.Typer) -> None:
    query_app = typer.Typer(help="Saved SPARQL queries (queries/*.rq).", no_args_is_help=True)
    app.add_typer(query_app, name="query")
    query_app.command("list")(reports_errors(query_list))
    query_app.command("show")(reports_errors(query_show))
    query_app.command("run")(reports_errors(query_run))
    for command in (sparql, load, serve):
        app.command()(reports_errors(command))
