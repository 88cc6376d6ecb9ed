"""Fetching URLs from a real HTTP server on 127.0.0.1: no mock of the HTTP layer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from local_web import serve
from newsgraph.read.fetch import USER_AGENT, Fetcher, FetchError, read_url
from newsgraph.records import RawDocument, Skipped
from newsgraph.store import open_store

SEED_PAGE = (Path(__file__).resolve().parents[1] / "samples" / "seed.html").read_bytes()


def test_user_agent_names_newsgraph_and_redirects_are_followed() -> None:
    with serve() as web:
        web.page("/article", SEED_PAGE)
        web.routes["/old"] = lambda _r: (301, {"Location": "/article"}, b"")
        fetched = Fetcher(timeout=2).get(web.url("/old"))
    assert fetched.url == web.url("/article")
    assert fetched.body == SEED_PAGE
    assert "newsgraph" in USER_AGENT
    assert all(headers["User-Agent"] == USER_AGENT for _, headers in web.requests)


def test_404_and_timeout_are_clear_errors() -> None:
    with serve() as web:
        web.routes["/slow"] = lambda _r: (time.sleep(3), (200, {}, b"<p>late</p>"))[1]
        fetcher = Fetcher(timeout=1, retries=0)
        with pytest.raises(FetchError) as missing:
            fetcher.get(web.url("/missing"))
        started = time.monotonic()
        with pytest.raises(FetchError) as slow:
            fetcher.get(web.url("/slow"))
        waited = time.monotonic() - started
    assert missing.value.reason == "HTTP 404 Not Found" and not missing.value.transient
    assert slow.value.reason == "timed out" and slow.value.transient
    assert waited < 2.5


def test_server_errors_are_retried_with_back_off() -> None:
    answers = iter([503, 503, 200])
    with serve() as web:
        web.routes["/flaky"] = lambda _r: (next(answers), {"Content-Type": "text/html"}, b"ok")
        fetched = Fetcher(timeout=2, retries=2, backoff=0.05).get(web.url("/flaky"))
    assert fetched.body == b"ok"
    assert web.paths_requested() == ["/flaky"] * 3


def test_huge_responses_are_refused_before_and_while_reading() -> None:
    with serve() as web:
        web.routes["/claims-200mb"] = lambda _r: (
            200,
            {"Content-Type": "text/html", "Content-Length": str(200 * 2**20)},
            b"<html>",
        )
        web.page("/big", b"<p>" + b"x" * 300_000 + b"</p>")
        fetcher = Fetcher(timeout=2, max_bytes=100_000)
        with pytest.raises(FetchError, match=r"response is 200\.0 MB, over the"):
            fetcher.get(web.url("/claims-200mb"))
        with pytest.raises(FetchError, match="over the"):
            fetcher.get(web.url("/big"))


def test_pdf_and_image_behind_a_url_are_skipped_with_their_type() -> None:
    with serve() as web:
        web.page("/report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", content_type="application/pdf")
        web.page("/photo", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="text/html")
        fetcher = Fetcher(timeout=2)
        pdf = list(read_url(web.url("/report.pdf"), fetcher))
        png = list(read_url(web.url("/photo"), fetcher))
    assert pdf == [Skipped(web.url("/report.pdf"), "not an HTML page: application/pdf")]
    assert png == [Skipped(web.url("/photo"), "not an HTML page: a PNG image")]


def test_a_page_fetched_before_is_asked_for_conditionally(tmp_path: Path) -> None:
    def article(request) -> tuple[int, dict[str, str], bytes]:
        if request.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"Content-Type": "text/html", "ETag": '"v1"'}, SEED_PAGE

    with serve() as web, open_store(tmp_path / "web.db") as store:
        web.routes["/article"] = article
        first = Fetcher(memory=store, timeout=2)
        documents = list(read_url(web.url("/article"), first))
        first.commit()
        again = list(read_url(web.url("/article"), Fetcher(memory=store, timeout=2)))
    assert isinstance(documents[0], RawDocument)
    assert documents[0].publisher == "TRT World"
    assert [type(item).__name__ for item in again] == ["Notice"]
    assert again[0].message == "not modified since the last fetch"
    assert web.requests[1][1].get("If-None-Match") == '"v1"'
