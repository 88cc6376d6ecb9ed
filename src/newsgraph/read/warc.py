"""WARC files from crawls (``.warc``, ``.warc.gz``): every HTML response is a page.

warcio streams the records, so a crawl of any size is read in constant memory.
Requests, metadata, redirects, errors and non-HTML responses (images, scripts,
PDFs) are passed over: they are part of any crawl, not bad input. A file cut
short mid-record keeps the pages read before the cut and reports where it ended.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.read.html import MAX_PAGE_BYTES, page_to_documents
from newsgraph.read.notice import ReadResult
from newsgraph.read.text import os_error_reason, size_reason
from newsgraph.records import Skipped

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Enough of what follows the last whole record to tell blank lines from a cut record.
_TAIL_BYTES = 4096


def read_warc_file(path: Path) -> Iterator[ReadResult]:
    """Yield the article of every HTML response (status 200) in a WARC file."""
    source_ref = str(path)
    records = whole = 0
    try:
        with path.open("rb") as stream:
            archive = ArchiveIterator(stream)
            complete_to = 0  # where the last whole record ends
            for records, record in enumerate(archive, start=1):
                if record.format != "warc":
                    yield Skipped(source_ref, f"not a WARC file (record {records} is not WARC)")
                    return
                if _is_html_page(record):
                    yield from _page_of(record, f"{source_ref}#{records}")
                archive.read_to_end()
                if record.raw_stream.limit:
                    break  # the record's block was cut short
                whole += 1
                complete_to = archive.get_record_offset() + archive.get_record_length()
            stream.seek(complete_to)
            cut_short = bool(stream.read(_TAIL_BYTES).strip())
    except OSError as error:
        yield Skipped(source_ref, os_error_reason(error))
        return
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        yield Skipped(source_ref, f"WARC unreadable after {records} records: {reason}")
        return
    if cut_short:
        what = "not a WARC file" if whole == 0 else f"WARC cut short after {whole} whole records"
        yield Skipped(source_ref, f"{what}: it ends inside a record")


def _page_of(record, position_ref: str) -> Iterator[ReadResult]:
    """The article of one HTML response record, referred to by its URL."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_ref = url or position_ref
    body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    too_big = size_reason(len(body), MAX_PAGE_BYTES, what="page")
    if too_big:
        yield Skipped(record_ref, too_big)
        return
    if record.raw_stream.limit:
        yield Skipped(record_ref, "page cut short in the WARC file")
        return
    yield from page_to_documents(body, record_ref, url=url)


def _is_html_page(record) -> bool:
    """A response record carrying an HTML page with HTTP status 200."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(HTML_TYPES)
