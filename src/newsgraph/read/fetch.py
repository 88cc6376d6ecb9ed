"""URLs: fetch a page over HTTP(S) politely and defensively, then read it as HTML.

urllib3 does the HTTP: timeouts, redirects and retries with exponential back-off
(on connection errors and 429/5xx answers, honouring Retry-After). Here: a
User-Agent that names newsgraph, a size cap checked before and while reading, a
deadline for the whole body, and conditional GET: the ETag and Last-Modified of
every page fetched are remembered, so a page fetched before is asked for with
If-None-Match / If-Modified-Since and a 304 answer costs no transfer.

What was fetched is remembered only by ``Fetcher.commit``, called once the
documents are stored: a run that dies half-way fetches the lost pages again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Protocol
from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    NewConnectionError,
    ReadTimeoutError,
    ResponseError,
)
from urllib3.util import Retry, Timeout

from newsgraph.read.html import MAX_PAGE_BYTES, page_to_documents
from newsgraph.read.notice import Notice, ReadResult
from newsgraph.read.text import size_reason
from newsgraph.records import Skipped

try:
    _VERSION = version("newsgraph")
except PackageNotFoundError:  # running from a source tree
    _VERSION = "dev"
USER_AGENT = (
    f"newsgraph/{_VERSION} (news-intelligence engine; +https://pypi.org/project/newsgraph/)"
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


def is_url(text: str) -> bool:
    """Whether a command-line input names a web page rather than a file."""
    return text.lower().startswith(("http://", "https://"))


class FetchMemory(Protocol):
    """Where fetches and feed items are remembered across runs (the store implements it)."""

    def fetch_validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) of the last fetch of ``url``, or None if never fetched."""

    def remember_fetches(self, fetches: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Record (url, ETag, Last-Modified) of pages fetched."""

    def seen_feed_items(self, feed_url: str) -> set[str]:
        """Keys (guid or link) of a feed's items already ingested."""

    def remember_feed_items(self, feed_url: str, keys: Iterable[str]) -> None:
        """Record feed items as ingested."""


class FetchError(Exception):
    """A URL that gave no page; ``transient`` errors (timeouts, 5xx) may succeed later."""

    def __init__(self, reason: str, transient: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class Fetched:
    """A response: the body, or ``not_modified`` when the copy fetched before still holds."""

    url: str
    body: bytes = b""
    content_type: str = ""
    not_modified: bool = False


@dataclass
class Fetcher:
    """Fetches URLs with timeouts, retries, a size cap and conditional GET.

    ``timeout`` bounds connecting and each wait for data; ``deadline`` the whole
    response. ``memory`` (the store) holds the validators between runs.
    """

    memory: FetchMemory | None = None
    timeout: float = 10.0
    deadline: float = 60.0
    max_bytes: int = MAX_PAGE_BYTES
    retries: int = 2
    backoff: float = 0.5
    _pending_fetches: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    _pending_items: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        retry = Retry(
            total=self.retries,
            redirect=MAX_REDIRECTS,
            backoff_factor=self.backoff,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,
        )
        self._pool = urllib3.PoolManager(
            retries=retry,
            timeout=Timeout(connect=self.timeout, read=self.timeout),
        )

    def get(self, url: str, conditional: bool = True) -> Fetched:
        """GET ``url``; raises ``FetchError`` with a one-line reason when no body comes back."""
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        validators = self.memory.fetch_validators(url) if self.memory and conditional else None
        if validators:
            etag, last_modified = validators
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        try:
            response = self._pool.request(
                "GET", url, headers=headers, preload_content=False, decode_content=True
            )
        except MaxRetryError as error:
            raise _fetch_error(error.reason) from error
        except (HTTPError, ValueError) as error:
            raise _fetch_error(error) from error
        try:
            return self._read(url, response)
        finally:
            response.release_conn()

    def _read(self, url: str, response: urllib3.BaseHTTPResponse) -> Fetched:
        final_url = urljoin(url, response.geturl() or url)  # a redirect may be relative
        if response.status == 304:
            return Fetched(final_url, not_modified=True)
        if response.status >= 400:
            transient = response.status in RETRY_STATUSES
            raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip(), transient)
        declared = response.headers.get("Content-Length", "")
        too_big = declared.isdigit() and size_reason(int(declared), self.max_bytes, "response")
        if too_big:
            raise FetchError(too_big)
        body = bytearray()
        started = time.monotonic()
        try:
            for chunk in response.stream(_CHUNK):
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(f"response is over the {self.max_bytes // 2**20} MB limit")
                if time.monotonic() - started > self.deadline:
                    raise FetchError(f"response took over {self.deadline:g} s", transient=True)
        except HTTPError as error:
            raise _fetch_error(error) from error
        etag, last_modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        if etag or last_modified:
            self._pending_fetches.append((url, etag, last_modified))
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        return Fetched(final_url, bytes(body), content_type)

    def remember_item(self, feed_url: str, key: str) -> None:
        """Mark a feed item as done, to be recorded by ``commit``."""
        self._pending_items.setdefault(feed_url, set()).add(key)

    def seen_items(self, feed_url: str) -> set[str]:
        """Feed items done in earlier runs or earlier in this one."""
        seen = self.memory.seen_feed_items(feed_url) if self.memory else set()
        return seen | self._pending_items.get(feed_url, set())

    def commit(self) -> None:
        """Record what was fetched and which feed items were done; call once they are stored."""
        if self.memory is None:
            return
        self.memory.remember_fetches(self._pending_fetches)
        for feed_url, keys in self._pending_items.items():
            self.memory.remember_feed_items(feed_url, keys)
        self._pending_fetches.clear()
        self._pending_items.clear()


def _fetch_error(error: object) -> FetchError:
    """A one-line reason for what urllib3 raised, and whether trying later may help."""
    # First: urllib3's NewConnectionError (a refused connection, an unknown host)
    # subclasses ConnectTimeoutError, though nothing timed out.
    if isinstance(error, NewConnectionError):
        return FetchError("cannot connect", transient=True)
    if isinstance(error, ConnectTimeoutError | ReadTimeoutError | TimeoutError):
        return FetchError("timed out", transient=True)
    if isinstance(error, ResponseError):
        return FetchError(str(error).split(":")[-1].strip() or "bad response", transient=True)
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return FetchError(text[:200], transient=isinstance(error, HTTPError))


def read_url(
    url: str, fetcher: Fetcher, title: str | None = None, published: str | None = None
) -> Iterator[ReadResult]:
    """Yield the article at ``url``, or why there is none; a 304 yields only a notice."""
    try:
        fetched = fetcher.get(url)
    except FetchError as error:
        yield Skipped(url, error.reason)
        return
    yield from fetched_page_documents(fetched, url, title, published)


def fetched_page_documents(
    fetched: Fetched, url: str, title: str | None = None, published: str | None = None
) -> Iterator[ReadResult]:
    """The article of a fetched page; ``url`` (as asked for) is its source reference."""
    if fetched.not_modified:
        yield Notice(url, "not modified since the last fetch")
        return
    if fetched.content_type and not fetched.content_type.startswith(HTML_TYPES):
        yield Skipped(url, f"not an HTML page: {fetched.content_type}")
        return
    yield from page_to_documents(fetched.body, url, fetched.url, title, published)
