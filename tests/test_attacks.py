"""The attacks of issue 18 as tests: hostile endpoint answers from a local fake server,
queries that would write or call out, outputs that cannot be written, unreadable inputs,
formula cells, terminal escapes and PDF bombs. Each must end in one line and exit 2, or be
made harmless, never a traceback."""

from __future__ import annotations

import errno
import http.server
import json
import os
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peelgraph.cli import app

from .conftest import TEST_DATA

DOC = TEST_DATA / "wessex-constabulary-2016-effectiveness.txt"
#: Wessex is a fictional force: the tests' reference file declares it (a page never mints one)
REF = ["--reference", str(TEST_DATA / "fictional-forces.ttl")]
SELECT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"


class FakeServer:
    """A local HTTP server answering every request with one canned answer, and counting
    the requests it gets."""

    def __init__(self, body: bytes = b"", status: int = 200, drip: float = 0.0):
        self.body, self.status, self.drip = body, status, drip
        self.requests: list[str] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                owner.requests.append(f"{self.command} {self.path}")
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self.send_response(owner.status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header(
                    "Content-Length", str(len(owner.body) + (100 if owner.drip else 0))
                )
                self.end_headers()
                try:
                    if owner.drip:
                        for byte in owner.body:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(owner.drip)
                    else:
                        self.wfile.write(owner.body)
                except OSError:
                    pass

            do_GET = do_POST = do_PUT = _answer  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def fake() -> Iterator[FakeServer]:
    server = FakeServer()
    yield server
    server.close()


def one_error_line(result, code: int = 2) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("[ERROR]")]
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- hostile endpoints ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "val',
        b"[1, 2, 3]",
        b'{"head": {"vars": "s"}, "results": {"bindings": []}}',
        b'{"head": {"vars": ["s"]}, "results": {"bindings": [["not", "an", "object"]]}}',
        b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri"}}]}}',
        b'{"boolean": "yes"}',
        b'"just a string"',
        b"\xff\xfe not utf-8",
        b"",
    ],
    ids=["truncated", "list", "vars", "binding", "cell", "boolean", "string", "bytes", "empty"],
)
def test_a_malformed_endpoint_answer_is_one_line(fake, body):
    fake.body = body
    result = CliRunner().invoke(app, ["sparql", SELECT, "--endpoint", f"{fake.url}/query"])
    line = one_error_line(result)
    assert fake.url in line


def test_an_endpoint_that_drips_is_cut_at_the_timeout(fake):
    fake.body = b'{"head": {"vars": []}, "results": {"bindings": []}}' * 20
    fake.drip = 0.5
    started = time.monotonic()
    result = CliRunner().invoke(
        app, ["sparql", SELECT, "--endpoint", f"{fake.url}/query", "--timeout", "1"]
    )
    assert time.monotonic() - started < 6
    assert "within" in one_error_line(result)


@pytest.mark.parametrize("url", ["not a url", "ftp://example.org/sparql", "http://", "http://h:x/"])
def test_an_endpoint_that_is_not_a_url_is_one_line(url):
    for args in (["sparql", SELECT, "--endpoint", url], ["load", str(DOC), "--endpoint", url]):
        assert "URL" in one_error_line(CliRunner().invoke(app, args))


@pytest.mark.parametrize("timeout", ["-1", "0", "nan"])
def test_a_timeout_that_is_not_positive_is_one_line(fake, timeout, tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    for args in (
        ["load", str(graph), "--endpoint", f"{fake.url}/store", "--timeout", timeout],
        ["sparql", SELECT, "--endpoint", f"{fake.url}/query", "--timeout", timeout],
    ):
        assert "timeout" in one_error_line(CliRunner().invoke(app, args))
    assert fake.requests == []


def test_loading_a_turtle_file_sends_its_triples_to_the_default_graph(fake, tmp_path):
    graph = tmp_path / "b.ttl"
    graph.write_text("<https://example.org/s> <https://example.org/p> 'o' .\n")
    result = CliRunner().invoke(app, ["load", str(graph), "--endpoint", f"{fake.url}/store"])
    assert result.exit_code == 0, result.stderr
    assert fake.requests == ["PUT /store?default"]
    assert "Loaded the default graph" in result.stdout


def test_loading_a_turtle_file_into_a_server_that_is_down_is_an_error(tmp_path):
    server = FakeServer()
    url = f"{server.url}/store"
    server.close()
    graph = tmp_path / "b.ttl"
    graph.write_text("<https://example.org/s> <https://example.org/p> 'o' .\n")
    result = CliRunner().invoke(app, ["load", str(graph), "--endpoint", url, "--retries", "0"])
    line = one_error_line(result)
    assert "cannot reach" in line and "Loaded" not in result.stdout


# -- no writes, no calls out, unless asked --------------------------------------------------


@pytest.mark.parametrize(
    "update",
    ["DROP ALL", "clear default", "PREFIX ex: <https://example.org/>\nINSERT DATA { ex:a ex:b 1 }",
     "# a comment SELECT\nDELETE WHERE { ?s ?p ?o }", "LOAD <http://example.org/x>"],
)  # fmt: skip
def test_an_update_is_never_sent_without_allow_update(fake, update):
    result = CliRunner().invoke(app, ["sparql", update, "--endpoint", f"{fake.url}/update"])
    assert "update" in one_error_line(result)
    assert fake.requests == []


def test_an_update_is_sent_with_allow_update(fake):
    result = CliRunner().invoke(
        app, ["sparql", "DROP ALL", "--endpoint", f"{fake.url}/update", "--allow-update"]
    )
    assert result.exit_code == 0, result.stderr
    assert [r.split()[0] for r in fake.requests] == ["POST"]


def test_a_select_that_mentions_update_words_is_not_an_update():
    from peelgraph.queries import is_update, uses_service

    text = 'SELECT ?drop WHERE { ?s <https://x/delete> "INSERT DATA" . ?s ex:service ?o }'
    assert not is_update(text) and not uses_service(text)
    assert uses_service("SELECT * WHERE { service <http://x/> { ?s ?p ?o } }")


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_a_service_clause_calls_nobody_without_allow_service(fake, backend, tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    text = f"SELECT * WHERE {{ SERVICE <{fake.url}/sparql> {{ ?s ?p ?o }} }}"
    result = CliRunner().invoke(app, ["sparql", text, "-d", str(graph), "--backend", backend])
    assert "SERVICE" in one_error_line(result)
    endpoint = CliRunner().invoke(app, ["sparql", text, "--endpoint", f"{fake.url}/query"])
    assert "SERVICE" in one_error_line(endpoint)
    assert fake.requests == []


def test_a_saved_query_with_a_service_clause_is_refused(fake, tmp_path):
    from peelgraph.errors import QueryError
    from peelgraph.queries import parse_saved_query
    from peelgraph.store import open_dataset, run_query

    graph = tmp_path / "g.nt"
    graph.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    header = "#+ summary: s\n#+ description: d\n#+ returns: [s]\n"
    query = parse_saved_query(
        "select_x", header + f"SELECT ?s WHERE {{ SERVICE <{fake.url}/q> {{ ?s ?p ?o }} }}"
    )
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(query, open_dataset(graph, "memory"))
    assert fake.requests == []


def test_serve_refuses_a_timeout_that_is_not_positive(tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    result = CliRunner().invoke(app, ["serve", str(graph), "--timeout", "-5"])
    assert "timeout" in one_error_line(result)


# -- outputs that cannot be written ---------------------------------------------------------


def _fail_writes(monkeypatch, code: int) -> None:
    import tempfile

    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        if code == errno.EACCES:
            raise PermissionError(code, os.strerror(code), kwargs.get("dir"))
        fd, name = real(*args, **kwargs)
        os.close(fd)
        # a descriptor whose writes fail as on a full disk
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


@pytest.fixture(scope="module")
def built(wessex_built) -> Path:
    return wessex_built


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOSPC], ids=["read-only", "full"])
@pytest.mark.parametrize("command", ["build", "export", "docs", "synth"])
def test_an_output_that_cannot_be_written_is_one_line_and_leaves_nothing(
    command, code, monkeypatch, tmp_path, built
):
    if code == errno.ENOSPC and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    out = tmp_path / "out"
    out.mkdir()
    args = {
        "build": [
            "build",
            *REF,
            str(DOC),
            "-o",
            str(out / "g.trig"),
            "--no-cache",
            "--workers",
            "1",
        ],
        "export": ["export", str(built), "-o", str(out / "g.ttl")],
        "docs": ["docs", "-o", str(out / "o.html")],
        "synth": ["synth", "-o", str(out / "s"), "--count", "1"],
    }[command]
    _fail_writes(monkeypatch, code)
    result = CliRunner().invoke(app, args)
    line = one_error_line(result)
    assert ("space" in line) if code == errno.ENOSPC else ("ermission" in line)
    written = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert written == []


def test_a_full_disk_while_making_the_store_is_one_line(monkeypatch, tmp_path, built):
    import peelgraph.storedir as storedir

    real = storedir._fill_fresh

    def fill_then_fail(tmp, graph_file, graphs):  # type: ignore[no-untyped-def]
        real(tmp, graph_file, graphs)  # a half-written store left in the temporary folder
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storedir, "_fill_fresh", fill_then_fail)
    graph = tmp_path / "g.trig"
    graph.write_bytes(built.read_bytes())
    result = CliRunner().invoke(app, ["query", "run", "select_glossary", "-d", str(graph)])
    assert "disk space" in one_error_line(result)
    assert not storedir.store_folder(graph).exists()
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# -- inputs that cannot be read -------------------------------------------------------------


def _unreadable(monkeypatch, bad: Path) -> None:
    """Make ``bad`` (a folder or a file) unreadable, as chmod 000 does for a non-root user."""
    real_scandir, real_access = os.scandir, os.access

    def scandir(path=".", *args):  # type: ignore[no-untyped-def]
        if Path(path) == bad:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path, *args)

    def access(path, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == bad:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", access)


@pytest.mark.parametrize("what", ["folder", "file"])
def test_an_unreadable_part_of_the_input_is_named_and_skippable(what, monkeypatch, tmp_path):
    tree = tmp_path / "in"
    (tree / "a").mkdir(parents=True)
    (tree / "b").mkdir()
    (tree / "a" / DOC.name).write_bytes(DOC.read_bytes())
    other = (TEST_DATA / "wessex-constabulary-2015-effectiveness.txt").read_bytes()
    (tree / "b" / "2015.txt").write_bytes(other)
    bad = tree / "b" if what == "folder" else tree / "b" / "2015.txt"
    _unreadable(monkeypatch, bad)
    out = tmp_path / "g.trig"
    args = ["build", *REF, str(tree), "-o", str(out), "--no-cache", "--workers", "1", "--no-store"]
    line = one_error_line(CliRunner().invoke(app, args))
    assert str(bad) in line and not out.exists()
    result = CliRunner().invoke(app, [*args, "--keep-going"])
    assert result.exit_code == 0, result.stderr
    assert f"[WARNING] skipped {bad}" in result.stderr
    assert "skipped files          1" in result.stdout


# -- output that is safe to open ------------------------------------------------------------


def test_formula_cells_are_neutralised_unless_raw():
    from peelgraph.export.tables import safe_cell, to_csv

    assert safe_cell('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    for cell in ("+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(cell) == "'" + cell
    for cell in ("-3.2", "+4", "12", "1e-3", "text", "", 5, None):
        assert safe_cell(cell) == cell
    rows = [{"a": "=1+1", "b": "-7"}]
    assert to_csv(rows, ("a", "b")) == b"a,b\n'=1+1,-7\n"
    assert to_csv(rows, ("a", "b"), raw=True) == b"a,b\n=1+1,-7\n"


def test_terminal_escapes_in_results_are_shown_escaped(tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text('<https://example.org/s> <https://example.org/p> "a\\u001B]0;pwned\\u0007b'
                     '\\u001B[2J" .\n')  # fmt: skip
    for fmt in ("table", "markdown"):
        result = CliRunner().invoke(app, ["sparql", "SELECT ?o WHERE { ?s ?p ?o }", "-d",
                                          str(graph), "-f", fmt])  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "a\\x1b]0;pwned\\x07b\\x1b[2J" in result.stdout


# -- PDFs -----------------------------------------------------------------------------------


def _pdf_with_stream(data: bytes) -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Length " + str(len(data)).encode()
        + b" /Filter /FlateDecode >>\nstream\n" + data
        + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )  # fmt: skip


def test_a_pdf_bomb_is_refused_before_it_is_inflated(tmp_path):
    from peelgraph.errors import InputError
    from peelgraph.extract.pdf import check_inflated_size
    from peelgraph.extract.reading import RawDocument

    bomb = _pdf_with_stream(zlib.compress(b"\0" * (8 << 20), 9))
    doc = RawDocument(tmp_path / "bomb.pdf", bomb, "x")
    with pytest.raises(InputError, match="bomb"):
        check_inflated_size(doc, limit=4 << 20)
    check_inflated_size(doc, limit=16 << 20)  # under the limit: fine
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf_with_stream(zlib.compress(b"\0" * (600 << 20), 9)))
    result = CliRunner().invoke(app, ["build", *REF, str(path), "-o", str(tmp_path / "g.trig")])
    assert "bomb" in one_error_line(result)


def test_a_password_protected_pdf_says_so(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    result = CliRunner().invoke(app, ["build", *REF, str(path), "-o", str(tmp_path / "g.trig")])
    assert "password" in one_error_line(result)


def test_serve_refuses_service_clauses_and_answers_other_queries(tmp_path):
    """``serve`` (a guard in front of Oxigraph's server): a SERVICE query is refused and the
    address it names sees no request; other queries, GET and POST, are answered."""
    import subprocess
    import sys
    import urllib.error
    import urllib.parse
    import urllib.request

    from .test_endpoint import free_port

    graph = tmp_path / "g.nt"
    graph.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    fake = FakeServer(b'{"head": {"vars": []}, "results": {"bindings": [{}]}}')
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "peelgraph", "serve", str(graph), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        assert process.stdout is not None and "Serving" in process.stdout.readline()
        service = f"SELECT * WHERE {{ SERVICE <{fake.url}/sparql> {{ ?s ?p ?o }} }}"
        for request in (
            urllib.request.Request(f"{base}/query?query={urllib.parse.quote(service)}"),
            urllib.request.Request(f"{base}/query", data=service.encode(),
                                   headers={"Content-Type": "application/sparql-query"}),
            urllib.request.Request(f"{base}/query",
                                   data=urllib.parse.urlencode({"query": service}).encode()),
        ):  # fmt: skip
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert refused.value.code == 403
        assert fake.requests == []
        plain = urllib.parse.quote("SELECT ?o WHERE { ?s ?p ?o }")
        answer = urllib.request.urlopen(
            urllib.request.Request(f"{base}/query?query={plain}",
                                   headers={"Accept": "application/sparql-results+json"}),
            timeout=10,
        ).read()  # fmt: skip
        assert b"https://example.org/o" in answer
    finally:
        process.terminate()
        process.wait(timeout=15)
        fake.close()


def test_json_ld_contexts_are_never_fetched(fake, tmp_path, built):
    from peelgraph.export.jsonld import CONTEXT_URL
    from peelgraph.graphio import JSONLD_CONTEXT_URL

    assert JSONLD_CONTEXT_URL == CONTEXT_URL
    hostile = tmp_path / "remote.jsonld"
    doc = {"@context": f"{fake.url}/ctx", "@id": "https://example.org/s", "name": "x"}
    hostile.write_text(json.dumps(doc))
    for command in ("stats", "validate"):
        line = one_error_line(CliRunner().invoke(app, [command, str(hostile)]))
        assert "remote JSON-LD context" in line
    assert fake.requests == []
    linked = tmp_path / "linked.jsonld"
    result = CliRunner().invoke(app, ["export", str(built), "-o", str(linked), "--link-context"])
    assert result.exit_code == 0, result.stderr
    assert CONTEXT_URL in linked.read_text()
    stats = CliRunner().invoke(app, ["stats", str(linked), "--format", "json"])
    assert stats.exit_code == 0, stats.stderr
    assert '"reports": 1' in stats.stdout


def test_a_store_that_drips_its_answer_to_a_load_is_cut_at_the_timeout(fake, tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    fake.body = b"x" * 40
    fake.drip = 0.5
    started = time.monotonic()
    result = CliRunner().invoke(app, ["load", str(graph), "--endpoint", f"{fake.url}/store",
                                      "--timeout", "1", "--retries", "0"])  # fmt: skip
    assert time.monotonic() - started < 8
    assert "within" in one_error_line(result)
