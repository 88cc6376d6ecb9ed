"""The FastAPI application: pooled store connections, Host check, token, security headers."""

from __future__ import annotations

import gc
import secrets
import threading
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from importlib import resources
from urllib.parse import urlencode

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.store import Store, open_store

STATIC = resources.files("newsgraph") / "web" / "static"
# Threads per worker process for the routes that may run long (exports, graph,
# timeline, counts); the quick, bounded reads run on the event loop itself.
REQUEST_THREADS = 4
TOKEN_COOKIE = "newsgraph_token"
TOKEN_PARAMETER = "token"
# Names a browser on this machine uses for a loopback server; any other Host header is
# refused (a DNS-rebinding page names its own domain) unless the user allows it.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
# No inline script anywhere in the pages: hostile text that slipped through escaping
# still could not run. Inline styles are allowed (Cytoscape.js sets them on its
# canvas); Swagger UI's page (/docs) also needs its one inline start-up script.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


class StorePool:
    """Read-only store connections, each lent to one request at a time: to the event
    loop's routes and the thread pool's alike, whichever thread a request runs on."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._idle: list[Store] = []
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = open_store(self.db, read_only=True)
            with self._lock:
                self._opened.append(store)
        try:
            yield store
        finally:
            with self._lock:
                self._idle.append(store)

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
            self._idle.clear()


def create_app(db: str, token: str | None = None, hosts: Sequence[str] = ()) -> FastAPI:
    """The workbench over the store at ``db``; with ``token``, every request must carry it.

    Requests must name a loopback host or one of ``hosts`` in their Host header (any
    port); ``"*"`` among ``hosts`` allows every name.
    """
    from newsgraph.api.routes import router as api_router
    from newsgraph.web.pages import router as page_router

    allowed = [*LOOPBACK_HOSTS, *(host_pattern(host) for host in hosts)]
    # Opened once here so that a bad URL fails at start-up, and migrations run before serving.
    open_store(db).close()
    stores = StorePool(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # A few threads, not anyio's default of 40: each busy one holds a connection.
        to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        # What start-up made (FastAPI, pydantic, Jinja: ~80,000 objects) lives as long
        # as the server: out of the collector's sight, a full collection no longer
        # stalls a request for tens of milliseconds.
        gc.collect()
        gc.freeze()
        yield
        stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsgraph workbench",
        description="Read-only access to stories, actors, quotes, events and claims.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.stores = stores
    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsgraph API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    app.add_middleware(Guard, token=token)
    # Outermost: a foreign Host is refused before anything else looks at the request.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed, www_redirect=False)
    return app


def host_pattern(name: str) -> str:
    """``name`` as the Host header check matches it: lower case, an IPv6 address in
    brackets; ``*.example.org`` for its subdomains, ``*`` for any name. ValueError for
    a name the check cannot match."""
    pattern = name.strip().lower()
    if ":" in pattern and not pattern.startswith("["):
        pattern = f"[{pattern}]"
    wildcard_ok = pattern == "*" or (pattern.startswith("*.") and "*" not in pattern[1:])
    if not pattern or ("*" in pattern and not wildcard_ok):
        raise ValueError(f"{name!r} is not a host name, '*.domain' or '*'")
    return pattern


class Guard:
    """Checks the token and adds the security headers to every response.

    Plain ASGI rather than ``@app.middleware("http")``: Starlette's BaseHTTPMiddleware
    runs each request through an extra task and memory streams, a cost every page and
    API call would pay.
    """

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if self.token is not None and not _carries_token(request, self.token):
            refusal = JSONResponse({"detail": "a valid token is required"}, status_code=401)
            await refusal(scope, receive, send)
            return
        extra = _SECURITY_HEADERS[scope["path"] == "/docs"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *extra]
            await send(message)

        if self.token is not None and TOKEN_PARAMETER in request.query_params:
            # The token moves into a cookie and out of the URL, so that no page, link,
            # history entry or Referer carries it.
            await _without_token(request, self.token)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _headers(policy: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    ]


# Indexed by "is this the /docs page".
_SECURITY_HEADERS = (_headers(PAGE_POLICY), _headers(DOCS_POLICY))


def _without_token(request: Request, token: str) -> Response:
    """A redirect to the same URL less its ``?token=``, setting the cookie that carries
    the token from then on."""
    query = request.query_params.multi_items()
    kept = urlencode([(key, value) for key, value in query if key != TOKEN_PARAMETER])
    # The path as sent (``a%2Fb`` stays one piece), with one leading slash: ``//host``
    # would send the browser to another site.
    path = request.scope.get("raw_path", b"").decode("latin-1") or request.url.path
    location = "/" + path.lstrip("/") + (f"?{kept}" if kept else "")
    response = RedirectResponse(location, status_code=303)
    # Lax, not Strict: a browser withholds a Strict cookie from a redirect that another
    # site's link started, so a ?token= link from a chat or mail would end on a 401.
    # Lax still keeps it from other sites' scripts, images and frames.
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="lax")
    return response


def _carries_token(request: Request, token: str) -> bool:
    """The token as ``Authorization: Bearer`` (any case), as ``?token=`` or in the
    cookie that ``?token=`` sets."""
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    offered = (
        (credentials.strip() if scheme.lower() == "bearer" else "")
        or request.query_params.get(TOKEN_PARAMETER)
        or request.cookies.get(TOKEN_COOKIE)
        or ""
    )
    return secrets.compare_digest(offered.encode(), token.encode())
