"""RSS and Atom feeds: every item not seen before is fetched and read as a page.

feedparser reads the feed (from bytes newsgraph fetched itself, so the fetcher's
timeouts, size cap and User-Agent apply). An item is known by its guid, else its
link; items are remembered in the store once ingested, so a feed read again, or
polled by ``watch``, fetches only what is new. An item that failed for a reason
that may pass (a timeout, a 503) is tried again next time; one that cannot
succeed (a 404, not an article) is not.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import feedparser

from newsgraph.read.fetch import Fetcher, FetchError, fetched_page_documents, is_url
from newsgraph.read.html import MAX_PAGE_BYTES
from newsgraph.read.notice import Notice, ReadResult
from newsgraph.read.text import UnreadableFile, read_capped
from newsgraph.records import Skipped


def read_feed(feed: str, fetcher: Fetcher) -> Iterator[ReadResult]:
    """Yield the article of every new item of the feed at ``feed`` (a URL or a file)."""
    body = yield from _feed_bytes(feed, fetcher)
    if body is None:
        return
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"malformed feed: {problem}" if problem else "feed has no items"
        yield Skipped(feed, reason.splitlines()[0])
        return
    if parsed.get("bozo_exception"):
        problem = str(parsed.bozo_exception).splitlines()[0]
        yield Notice(feed, f"malformed feed, its readable items were used: {problem}")
    seen = fetcher.seen_items(feed)
    for position, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        key = entry.get("id") or link
        if not key:
            yield Skipped(f"{feed}#{position}", "feed item has no link")
            continue
        if key in seen:
            continue
        if not link:
            yield Skipped(key, "feed item has no link")
            fetcher.remember_item(feed, key)
            continue
        try:
            fetched = fetcher.get(link)
        except FetchError as error:
            yield Skipped(link, error.reason)
            if not error.transient:
                fetcher.remember_item(feed, key)
            continue
        yield from fetched_page_documents(fetched, link, entry.get("title"), _entry_date(entry))
        fetcher.remember_item(feed, key)


def _feed_bytes(feed: str, fetcher: Fetcher):
    """The feed document's bytes, or None after yielding why there are none."""
    if not is_url(feed):
        try:
            return read_capped(Path(feed), MAX_PAGE_BYTES)
        except UnreadableFile as error:
            yield Skipped(feed, str(error))
            return None
    try:
        fetched = fetcher.get(feed)
    except FetchError as error:
        yield Skipped(feed, f"feed unavailable: {error.reason}")
        return None
    if fetched.not_modified:
        yield Notice(feed, "feed not modified since the last fetch")
        return None
    return fetched.body


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    """The item's publication (or update) date as YYYY-MM-DD."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
