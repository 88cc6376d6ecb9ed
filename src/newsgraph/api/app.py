"""The FastAPI application: store per worker thread, optional token, security headers."""

from __future__ import annotations

import secrets
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from newsgraph.store import Store, open_store

STATIC = resources.files("newsgraph") / "web" / "static"
# Threads per worker process that run requests (and hold a store connection each).
REQUEST_THREADS = 4
TOKEN_COOKIE = "newsgraph_token"
# No inline script anywhere in the pages: hostile text that slipped through escaping
# still could not run. Inline styles are allowed (Cytoscape.js sets them on its
# canvas); Swagger UI's page (/docs) also needs its one inline start-up script.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


class StoreProvider:
    """One store connection per worker thread, so concurrent reads never share a cursor."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, read_only=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


def create_app(db: str, token: str | None = None) -> FastAPI:
    """The workbench over the store at ``db``; with ``token``, every request must carry it."""
    from newsgraph.api.routes import router as api_router
    from newsgraph.web.pages import router as page_router

    # Opened once here so that a bad URL fails at start-up, and migrations run before serving.
    open_store(db).close()
    stores = StoreProvider(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Each request thread keeps its own store connection, cold until it has served
        # a few: a few threads with warm caches beat anyio's default of 40 cold ones.
        to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
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

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if token is not None and not _carries_token(request, token):
            return JSONResponse({"detail": "a valid token is required"}, status_code=401)
        response = await call_next(request)
        if token is not None and request.query_params.get("token"):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        docs_page = request.url.path == "/docs"
        response.headers["Content-Security-Policy"] = DOCS_POLICY if docs_page else PAGE_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app


def _carries_token(request: Request, token: str) -> bool:
    """The token as ``Authorization: Bearer``, as ``?token=`` or in the cookie it sets."""
    header = request.headers.get("authorization", "")
    offered = (
        header.removeprefix("Bearer ").strip()
        or request.query_params.get("token")
        or request.cookies.get(TOKEN_COOKIE)
        or ""
    )
    return secrets.compare_digest(offered.encode(), token.encode())
