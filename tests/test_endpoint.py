"""A real Oxigraph server on 127.0.0.1: load with the Graph Store protocol, query through
SPARQLWrapper, compare with the embedded store; and what happens when it is down or slow."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peelgraph.cli import app
from peelgraph.errors import EndpointError
from peelgraph.queries import list_queries
from peelgraph.store import Endpoint, load_to_endpoint, open_dataset, run_query, run_sparql

from .conftest import REPORTS
from .helpers import canonical_rows

pytestmark = pytest.mark.server
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, location: Path, port: int):
        self.location, self.port = location, port
        self.base = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        self.process = subprocess.Popen(
            [OXIGRAPH, "serve", "--location", str(self.location), "--bind",
             f"127.0.0.1:{self.port}", "--union-default-graph"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the Oxigraph server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("e") / "peel.trig"
    result = CliRunner().invoke(app, ["build", str(REPORTS), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture()
def server(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server binary is missing: pip install oxigraph")
    s = Server(tmp_path / "store", free_port()).start()
    yield s
    s.stop()


def test_load_then_query_gives_the_embedded_answers(graph_file, server):
    result = CliRunner().invoke(
        app, ["load", str(graph_file), "--endpoint", f"{server.base}/store"]
    )
    assert result.exit_code == 0, result.stderr
    assert "Loaded 3 named graph(s)" in result.stdout  # reference, report, cross-report
    remote = Endpoint(f"{server.base}/query", timeout=30)
    local = open_dataset(graph_file)
    for query in list_queries():
        remote_rows, local_rows = run_query(query, remote).rows, run_query(query, local).rows
        assert canonical_rows(remote_rows) == canonical_rows(local_rows), query.name
    cli = CliRunner().invoke(
        app,
        ["query", "run", "select_grade_pivot", "--endpoint", f"{server.base}/query", "-f", "csv"],
    )
    assert cli.exit_code == 0 and "Thames Valley Police,2016,Effectiveness,good" in cli.stdout


def test_reloading_replaces_and_never_duplicates(graph_file, server):
    endpoint = Endpoint(f"{server.base}/query")
    load_to_endpoint(graph_file, f"{server.base}/store")
    once = run_sparql(endpoint, COUNT).rows[0]["n"]
    load_to_endpoint(graph_file, f"{server.base}/store")
    assert run_sparql(endpoint, COUNT).rows[0]["n"] == once
    assert once == len(open_dataset(graph_file, "memory"))


def test_a_bulk_parallel_load_replaces_each_graph_like_a_transactional_one(tmp_path, server):
    """--bulk (Oxigraph's no_transaction) with several graphs at once: the same store, and a
    changed graph is replaced, not merged."""
    graph_file = tmp_path / "two.nq"
    quad = '<https://example.org/s> <https://example.org/p> "{}" <https://example.org/{}> .\n'
    graph_file.write_text(quad.format("a", "g1") + quad.format("b", "g2"), encoding="utf-8")
    endpoint = Endpoint(f"{server.base}/query")
    rows = "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    load_to_endpoint(graph_file, f"{server.base}/store", workers=2, bulk=True)
    assert [r["o"] for r in run_sparql(endpoint, rows).rows] == ["a", "b"]
    graph_file.write_text(quad.format("c", "g1") + quad.format("b", "g2"), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["load", str(graph_file), "--endpoint", f"{server.base}/store", "--bulk"]
    )
    assert result.exit_code == 0, result.stderr
    assert [r["o"] for r in run_sparql(endpoint, rows).rows] == ["c", "b"]


def test_an_unreachable_endpoint_is_one_clear_line():
    url = f"http://127.0.0.1:{free_port()}/query"
    result = CliRunner().invoke(app, ["query", "run", "select_grade_pivot", "--endpoint", url])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"[ERROR] {url}: cannot reach the endpoint")
    assert len(result.stderr.strip().splitlines()) == 1


def test_loading_into_a_server_that_is_down_names_the_address(graph_file):
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(EndpointError) as raised:
        load_to_endpoint(graph_file, url, retries=1, timeout=2)
    assert raised.value.where == url and "loading graph <" in raised.value.message


def test_a_slow_endpoint_times_out():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:  # accepts, never answers
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    try:
        result = CliRunner().invoke(
            app, ["query", "run", "select_grade_pivot", "--endpoint", url, "--timeout", "1"]
        )
        assert result.exit_code == 2
        assert result.stderr.startswith(f"[ERROR] {url}:")
        assert "1 s" in result.stderr or "timed out" in result.stderr
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in accepted:
            conn.close()
        listener.close()


def test_a_server_killed_mid_load_leaves_each_graph_whole_or_untouched(graph_file, tmp_path):
    location = tmp_path / "killed"
    server = Server(location, free_port()).start()
    errors: list[BaseException] = []

    def load() -> None:
        try:
            for _ in range(20):
                load_to_endpoint(graph_file, f"{server.base}/store", retries=0, timeout=5)
        except EndpointError as exc:
            errors.append(exc)

    thread = threading.Thread(target=load)
    thread.start()
    time.sleep(0.5)
    server.stop()
    thread.join(timeout=60)
    assert errors, "the load should have failed when the server died"
    assert errors[0].where == f"{server.base}/store"
    restarted = Server(location, free_port()).start()
    try:
        expected = {
            str(g.identifier): len(g) for g in open_dataset(graph_file, "memory").graphs() if len(g)
        }
        found = run_sparql(
            Endpoint(f"{restarted.base}/query"),
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        ).rows
        for row in found:
            assert row["n"] == expected[row["g"]], row["g"]  # whole, never half
    finally:
        restarted.stop()


def test_serve_is_a_read_only_endpoint_with_a_query_page(graph_file):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "peelgraph", "serve", str(graph_file), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                page = (
                    urllib.request.urlopen(f"{base}/", timeout=2).read().decode("utf-8", "replace")
                )
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    message = process.stderr.read().decode() if process.stderr else ""
                    raise AssertionError(message) from None
                time.sleep(0.3)
        assert "<html" in page.lower()
        rows = run_query("select_grade_pivot", Endpoint(f"{base}/query")).rows
        assert rows[0]["overall"] == "good"
        update = urllib.request.Request(
            f"{base}/update", data=b"DROP ALL", method="POST",
            headers={"Content-Type": "application/sparql-update"},
        )  # fmt: skip
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(update, timeout=5)
    finally:
        process.terminate()
        process.wait(timeout=10)
