"""A real HTTP server on 127.0.0.1 for the web-input tests: routes set per test, requests logged.

Each route is a function of the request handler returning (status, headers, body);
it may sleep (a slow server) or look at the request headers (conditional GET).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Response = tuple[int, dict[str, str], bytes]
Route = Callable[[BaseHTTPRequestHandler], Response]


@dataclass
class LocalWeb:
    """The server's base URL, its routes and the (path, headers) of every request it got."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def page(
        self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        """Serve ``body`` at ``path`` with a 200."""
        extra = {name.replace("_", "-"): value for name, value in headers.items()}
        self.routes[path] = lambda _request: (200, {"Content-Type": content_type, **extra}, body)


@contextmanager
def serve() -> Iterator[LocalWeb]:
    """Run a server on an ephemeral port for the duration of the block."""
    web = LocalWeb(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            web.requests.append((self.path, dict(self.headers.items())))
            route = web.routes.get(self.path)
            status, headers, body = route(self) if route else (404, {}, b"not found")
            try:
                self.send_response(status)
                headers.setdefault("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    web.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield web
    finally:
        server.shutdown()
        server.server_close()
