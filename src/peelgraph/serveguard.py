"""A guard in front of Oxigraph's read-only server for ``peelgraph serve``: it refuses
queries with a ``SERVICE`` clause (Oxigraph's server would call any address a client names
from this machine: server-side request forgery) and passes everything else through.

It is not a SPARQL server: Oxigraph's server answers every query (with its own per-query
time limit); the guard only reads the query text of each request (a ``query`` URL or form
parameter, or a ``application/sparql-query`` body) and forwards the request unchanged to the
server on a private port.
"""

from __future__ import annotations

import http.server
import socketserver
import urllib.error
import urllib.parse
import urllib.request

from .queries import uses_service

#: The request headers passed on to the server, and the answer headers passed back.
_FORWARD = ("Content-Type", "Accept", "Accept-Encoding", "Authorization")
_BACK = ("Content-Type", "Content-Encoding", "Cache-Control", "Location")
#: The largest request body read, in bytes (a query is a few kilobytes).
MAX_BODY = 8 << 20


def query_texts(path: str, content_type: str, body: bytes) -> list[str]:
    """Every query or update text a request carries."""
    texts = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).get("query", [])
    texts += urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).get("update", [])
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        texts += form.get("query", []) + form.get("update", [])
    elif kind in ("application/sparql-query", "application/sparql-update") or body:
        texts.append(body.decode("utf-8", "replace"))
    return texts


def guard(upstream: str, timeout: float) -> type[http.server.BaseHTTPRequestHandler]:
    """A request handler that forwards to ``upstream`` what carries no ``SERVICE``."""

    class Guard(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._refuse(413, "request too large")
                return
            body = self.rfile.read(length) if length else b""
            texts = query_texts(self.path, self.headers.get("Content-Type", ""), body)
            if any(uses_service(text) for text in texts):
                self._refuse(403, "SERVICE clauses are refused by this server (peelgraph "
                             "serve --allow-service allows them)")  # fmt: skip
                return
            headers = {k: v for k in _FORWARD if (v := self.headers.get(k))}
            request = urllib.request.Request(upstream + self.path, data=body or None,
                                             method=self.command, headers=headers)  # fmt: skip
            try:
                answer = urllib.request.urlopen(request, timeout=timeout)
            except urllib.error.HTTPError as exc:
                answer = exc
            except OSError as exc:
                self._refuse(502, f"the query server did not answer ({exc})")
                return
            with answer:
                data = answer.read()
                self.send_response(answer.status)
                for key in _BACK:
                    if value := answer.headers.get(key):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        def _refuse(self, status: int, message: str) -> None:
            data = (message + "\n").encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Guard


class GuardServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_guarded(
    command: list[str],
    host: str,
    port: int,
    timeout: float,
    ready=None,  # type: ignore[no-untyped-def]
) -> None:
    """Run Oxigraph's server (``command``, to which ``--bind`` is added) on a private port and
    the guard on ``host:port`` until interrupted (Ctrl-C or SIGTERM); stop both then."""
    import signal
    import subprocess
    import time

    from .errors import EndpointError

    inner = _free_port()
    try:
        server = GuardServer((host, port), guard(f"http://127.0.0.1:{inner}", timeout + 10))
    except OSError as exc:
        raise EndpointError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc
    process = subprocess.Popen([*command, "--bind", f"127.0.0.1:{inner}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    previous = signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{inner}/", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    detail = (
                        process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
                    )
                    raise EndpointError(
                        f"the Oxigraph server did not start ({' '.join(detail.split())[:200]})"
                    ) from None
                time.sleep(0.1)
        if ready:
            ready()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
