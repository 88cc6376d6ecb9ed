"""RSS feeds from a real HTTP server on 127.0.0.1: items become stories, new ones alone fetched."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXTRACTION, needs_shared
from local_web import LocalWeb, serve
from newsgraph.cli import app
from newsgraph.pipeline import Ingestor
from newsgraph.read import Fetcher, Notice, read_inputs
from newsgraph.records import Skipped
from newsgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
PAGES = EXTRACTION / "html"
SEED_PAGE = (ROOT / "samples" / "seed.html").read_bytes()
# Two English news pages of the extraction benchmark (BBC, WSJ).
BENCHMARK_PAGES = ["70cb2d5b", "042bb7b5"]
ITEMS = ["/news/seed", "/news/bbc", "/news/wsj", "/news/gone", "/news/slow"]


def _rss(web: LocalWeb, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Item {i}</title><link>{web.url(path)}</link>"
        f"<guid>{web.url(path)}</guid><pubDate>Mon, 10 Jan 2022 09:00:00 GMT</pubDate></item>"
        for i, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Local news</title><link>{web.base}</link>{items}</channel></rss>"
    ).encode()


def _serve_news(web: LocalWeb) -> None:
    """The feed (with an ETag, answering 304 when it still holds) and its item pages."""
    feed = _rss(web, ITEMS)

    def feed_route(request) -> tuple[int, dict[str, str], bytes]:
        if request.headers.get("If-None-Match") == '"feed-1"':
            return 304, {"ETag": '"feed-1"'}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": '"feed-1"'}, feed

    web.routes["/rss.xml"] = feed_route
    web.page("/news/seed", SEED_PAGE)
    for path, prefix in zip(["/news/bbc", "/news/wsj"], BENCHMARK_PAGES, strict=True):
        web.page(path, gzip.decompress(next(PAGES.glob(f"{prefix}*.html.gz")).read_bytes()))
    web.routes["/news/slow"] = lambda _r: (time.sleep(2.5), (200, {}, b"<p>late</p>"))[1]


@pytest.fixture(scope="module")
def feed_run(nlp, tmp_path_factory):
    """Ingest the feed twice into one store; keep both reports and the request log."""
    db = tmp_path_factory.mktemp("feeds") / "feeds.db"
    with serve() as web, open_store(db) as store:
        _serve_news(web)
        ingestor = Ingestor(store, nlp=nlp)
        fetcher = Fetcher(memory=store, timeout=1, retries=0)
        first = ingestor.ingest(read_inputs((), [web.url("/rss.xml")], fetcher))
        fetcher.commit()
        requests_before = len(web.requests)
        fetcher = Fetcher(memory=store, timeout=1, retries=0)
        second = ingestor.ingest(read_inputs((), [web.url("/rss.xml")], fetcher))
        fetcher.commit()
        yield web, store, first, second, web.requests[requests_before:]


@needs_shared
def test_feed_items_become_stories(feed_run) -> None:
    web, store, first, _second, _ = feed_run
    assert first.read == 3 and first.new_stories == 3
    stories = {s["title"]: s for s in store.stories()}
    seed = stories["Why Russia and China oppose a colour revolution in Kazakhstan"]
    assert seed["publisher"] == "TRT World" and seed["published"] == "2022-01-10"
    assert [v["source_ref"] for v in seed["versions"]] == [web.url("/news/seed")]


@needs_shared
def test_404_and_timeout_are_reported_and_the_run_goes_on(feed_run) -> None:
    web, store, first, _second, _ = feed_run
    assert Skipped(web.url("/news/gone"), "HTTP 404 Not Found") in first.skipped
    assert Skipped(web.url("/news/slow"), "timed out") in first.skipped
    seen = store.seen_feed_items(web.url("/rss.xml"))
    assert web.url("/news/gone") in seen  # a 404 will not come back
    assert web.url("/news/slow") not in seen  # a timeout is tried again


@needs_shared
def test_second_run_fetches_nothing_new(feed_run) -> None:
    _web, _store, _first, second, requests = feed_run
    assert [path for path, _ in requests] == ["/rss.xml"]
    assert requests[0][1]["If-None-Match"] == '"feed-1"'
    assert second.read == 0 and second.new_stories == 0 and not second.skipped


def test_changed_feed_fetches_only_new_items_and_retries_a_timeout(nlp, store_url) -> None:
    with serve() as web, open_store(store_url) as store:
        web.page("/news/seed", SEED_PAGE)
        web.routes["/news/slow"] = lambda _r: (500, {}, b"")
        web.page("/rss.xml", _rss(web, ["/news/seed", "/news/slow"]))
        ingestor = Ingestor(store, nlp=nlp)
        for _round in range(2):
            fetcher = Fetcher(memory=store, timeout=1, retries=0)
            report = ingestor.ingest(read_inputs((), [web.url("/rss.xml")], fetcher))
            fetcher.commit()
    assert report.read == 0
    first_round = ["/rss.xml", "/news/seed", "/news/slow"]
    assert web.paths_requested() == [*first_round, "/rss.xml", "/news/slow"]


def test_malformed_and_unreachable_feeds_are_skipped_with_a_reason() -> None:
    with serve() as web:
        web.page("/broken.xml", b"<rss><channel><item><title>oops", content_type="text/xml")
        web.page("/garbage.xml", b"{ this is not a feed", content_type="text/xml")
        feeds = [web.url(path) for path in ("/broken.xml", "/garbage.xml", "/missing.xml")]
        results = list(read_inputs((), feeds, Fetcher(timeout=1, retries=0)))
    broken, no_link, garbage, missing = results
    assert isinstance(broken, Notice) and broken.message.startswith("malformed feed, its readable")
    assert no_link == Skipped(web.url("/broken.xml#1"), "feed item has no link")
    assert isinstance(garbage, Skipped) and garbage.reason.startswith("malformed feed:")
    assert missing == Skipped(web.url("/missing.xml"), "feed unavailable: HTTP 404 Not Found")


def test_watch_survives_a_feed_that_is_down_and_remembers_across_restarts(
    tmp_path, store_url
) -> None:
    db = store_url
    feeds = tmp_path / "feeds.txt"
    with serve() as web:
        web.page("/news/seed", SEED_PAGE)
        web.page("/rss.xml", _rss(web, ["/news/seed"]))
        feeds.write_text(f"# local feeds\n{web.url('/down.xml')}\n{web.url('/rss.xml')}\n")
        runner = CliRunner()
        arguments = ["watch", str(feeds), "--every", "0s", "--db", str(db), "--timeout", "1"]
        first = runner.invoke(app, [*arguments, "--rounds", "2"])
        second = runner.invoke(app, [*arguments, "--rounds", "1"])
    assert first.exit_code == 0, first.output
    assert "round 1" in first.output and "1 new stories" in first.output
    assert "round 2" in first.output and "0 read" in first.output.split("round 2")[1]
    assert "feed unavailable: HTTP 404" in first.output
    assert second.exit_code == 0 and "0 read" in second.output
    assert web.paths_requested().count("/news/seed") == 1


def test_ctrl_c_stops_watch_cleanly(tmp_path) -> None:
    feeds = tmp_path / "feeds.txt"
    with serve() as web:
        web.page("/news/seed", SEED_PAGE)
        web.page("/rss.xml", _rss(web, ["/news/seed"]))
        feeds.write_text(web.url("/rss.xml") + "\n")
        command = [sys.executable, "-m", "newsgraph", "watch", str(feeds), "--every", "1h"]
        watcher = subprocess.Popen(
            [*command, "--db", str(tmp_path / "watch.db")],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
            # a suite run as a background job inherits SIGINT ignored, and so would the
            # watcher, which Ctrl-C then never reaches: it starts as a terminal's would
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        lines = []
        for line in watcher.stdout:  # wait for the first round, then press Ctrl-C
            lines.append(line)
            if line.startswith("round 1"):
                watcher.send_signal(signal.SIGINT)
                break
        output, _ = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, "".join(lines) + output
    assert "1 new stories" in "".join(lines)
    assert "stopped after 1 rounds" in output
    with open_store(tmp_path / "watch.db") as store:
        assert store.seen_feed_items(web.url("/rss.xml")) == {web.url("/news/seed")}
