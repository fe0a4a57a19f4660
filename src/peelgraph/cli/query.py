"""Commands for querying: ``query list|show|run``, ``sparql``, ``load``, ``serve``."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EndpointError, QueryError
from ..resultformat import FORMATS, render
from .common import DEFAULT_DATA, DataOption, err, out, reports_errors


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


def _write(result, fmt: str) -> None:  # type: ignore[no-untyped-def]
    """Print a result on stdout: a table fits the terminal when stdout is one."""
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    sys.stdout.write(render(result, fmt, width) + "\n")
    sys.stdout.flush()


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
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or markdown.")
    ] = "table",
    data: DataOption = DEFAULT_DATA,
    endpoint: Annotated[
        str | None, typer.Option(help="SPARQL endpoint URL to query instead of --data.")
    ] = None,
    backend: Annotated[
        str, typer.Option(help="Embedded store: oxigraph (default, persisted) or memory.")
    ] = "oxigraph",
    timeout: Annotated[float, typer.Option(help="Remote query timeout, seconds.")] = 30.0,
) -> None:
    """Run a saved query with typed parameters, on the built graph or an endpoint."""
    from ..queries import get_query
    from ..store import run_query

    if output_format not in FORMATS:
        raise QueryError(f"unknown format {output_format!r}", hint="use " + ", ".join(FORMATS))
    query = get_query(name)
    values = _params(param)
    query.bindings(values)  # check names and types before opening anything
    result = run_query(query, _source(data, endpoint, backend, timeout), values)
    _write(result, output_format)


def sparql(
    query: Annotated[str, typer.Argument(help="SPARQL text, or a file holding it.")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or markdown.")
    ] = "table",
    data: DataOption = DEFAULT_DATA,
    endpoint: Annotated[str | None, typer.Option(help="SPARQL endpoint URL.")] = None,
    backend: Annotated[str, typer.Option(help="oxigraph or memory.")] = "oxigraph",
    timeout: Annotated[float, typer.Option(help="Remote query timeout, seconds.")] = 30.0,
) -> None:
    """Run an ad hoc SPARQL query (the default graph is the union of all graphs)."""
    from ..iris import PREFIXES
    from ..store import run_sparql

    path = Path(query)
    text = path.read_text(encoding="utf-8") if len(query) < 4096 and path.is_file() else query
    if "prefix" not in text.lower():
        text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + text
    if output_format not in FORMATS:
        raise QueryError(f"unknown format {output_format!r}", hint="use " + ", ".join(FORMATS))
    result = run_sparql(_source(data, endpoint, backend, timeout), text)
    _write(result, output_format)


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
    out.print(f"Loaded {len(loaded)} named graph(s) into {endpoint}", markup=False)


def serve(
    file: Annotated[Path, typer.Argument(help="Built graph file.")] = DEFAULT_DATA,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 7878,
) -> None:
    """Serve a built graph as a read-only SPARQL endpoint with a query page (Oxigraph's
    own server, union default graph), on 127.0.0.1 by default."""
    from ..store import persistent_store, store_folder

    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).exists():
        raise EndpointError(
            "the Oxigraph server is not installed", hint="pip install 'peelgraph[server]'"
        )
    persistent_store(file)
    folder = store_folder(file)
    out.print(
        f"Serving {file} read-only at http://{host}:{port}/ (query endpoint "
        f"http://{host}:{port}/query); Ctrl-C stops",
        markup=False,
    )
    sys.stdout.flush()
    # the server takes this process's place, so that stopping it stops the server
    os.execv(
        binary,
        [binary, "serve-read-only", "--location", str(folder), "--bind", f"{host}:{port}",
         "--union-default-graph"],
    )  # fmt: skip


def register(app: typer.Typer) -> None:
    query_app = typer.Typer(help="Saved SPARQL queries (queries/*.rq).", no_args_is_help=True)
    app.add_typer(query_app, name="query")
    query_app.command("list")(reports_errors(query_list))
    query_app.command("show")(reports_errors(query_show))
    query_app.command("run")(reports_errors(query_run))
    for command in (sparql, load, serve):
        app.command()(reports_errors(command))
