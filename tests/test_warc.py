"""WARC files written here with warcio: HTML responses become articles, the rest is passed over."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.pipeline import Ingestor
from newsgraph.read import read_paths
from newsgraph.records import RawDocument, Skipped
from newsgraph.store import open_store

SEED_PAGE = (Path(__file__).resolve().parents[1] / "samples" / "seed.html").read_bytes()
SEED_URL = "https://www.trtworld.com/magazine/kazakhstan"


def _write_warc(path: Path, compress: bool) -> None:
    """A small crawl: the seed page, an image, a redirect, a 404 page and a request record."""
    responses = [
        (SEED_URL, "200 OK", "text/html; charset=utf-8", SEED_PAGE),
        ("https://www.trtworld.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://www.trtworld.com/old", "301 Moved Permanently", "text/html", b"moved"),
        ("https://www.trtworld.com/gone", "404 Not Found", "text/html", b"<p>not found</p>"),
    ]
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        request = StatusAndHeaders("GET /magazine/kazakhstan HTTP/1.1", [], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(SEED_URL, "request", payload=BytesIO(), http_headers=request)
        )
        for url, status, content_type, body in responses:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_only_html_responses_are_read(tmp_path: Path, name: str) -> None:
    warc = tmp_path / name
    _write_warc(warc, compress=name.endswith(".gz"))
    results = list(read_paths([warc]))
    assert [type(r) for r in results] == [RawDocument]
    page = results[0]
    assert page.source_ref == SEED_URL
    assert page.publisher == "TRT World" and page.published == "2022-01-10"
    assert "Tokayev invited Russian forces" in page.text


def test_warc_records_are_ingested_as_a_story(nlp, tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(warc, compress=True)
    with open_store(tmp_path / "warc.db") as store:
        report = Ingestor(store, nlp=nlp).ingest_paths([tmp_path])
        stories = store.stories()
    assert report.read == 1 and report.new_stories == 1 and not report.skipped
    assert stories[0]["versions"][0]["source_ref"] == SEED_URL
    assert stories[0]["counts"]["quotes"] > 0


def test_truncated_warc_keeps_what_came_before_the_cut(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    _write_warc(whole, compress=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    results = list(read_paths([cut]))
    assert isinstance(results[0], RawDocument)
    assert results[-1] == Skipped(
        str(cut), "WARC cut short after 4 whole records: it ends inside a record"
    )


def test_a_file_that_is_not_a_warc_is_skipped(tmp_path: Path) -> None:
    fake = tmp_path / "notes.warc"
    fake.write_text("these are my crawl notes, not a crawl\n")
    assert list(read_paths([fake])) == [
        Skipped(str(fake), "not a WARC file (record 1 is not WARC)")
    ]
