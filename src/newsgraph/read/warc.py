"""WARC files from crawls (``.warc``, ``.warc.gz``): every HTML response is a page.

warcio streams the records, so a crawl of any size is read in constant memory.
Requests, metadata, redirects, errors and non-HTML responses (images, scripts,
PDFs) are passed over: they are part of any crawl, not bad input. A file cut
short mid-record keeps the pages read before the cut and reports where it ended.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.read.html import MAX_PAGE_BYTES, page_to_documents
from newsgraph.read.jsonl import record_ref
from newsgraph.read.notice import ReadResult
from newsgraph.read.text import UnreadableFile, open_regular, os_error_reason, size_reason
from newsgraph.records import Skipped
from newsgraph.untrusted import path_text, printable

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Enough of what follows the last whole record to tell blank lines from a cut record.
_TAIL_BYTES = 4096
_HTTP_STATUS_LINE = re.compile(r"HTTP/\d(?:\.\d)? \d{3}(?: |$)")
# What warcio raises on garbage: its own error, a cut gzip stream, and the errors of
# its parsing code on records it did not expect (no target URI, a length of 20 digits).
_GARBLED = (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError, OverflowError)
_REASON_CHARS = 100


def read_warc_file(path: Path) -> Iterator[ReadResult]:
    """Yield the article of every HTML response (status 200) in a WARC file."""
    source_ref = path_text(path)
    records = whole = 0
    try:
        with open_regular(path) as stream:
            small = os.fstat(stream.fileno()).st_size <= _TAIL_BYTES
            if small and not stream.peek(_TAIL_BYTES)[:_TAIL_BYTES].strip():
                yield Skipped(source_ref, "empty file")
                return
            archive = ArchiveIterator(stream)
            complete_to = 0  # where the last whole record ends
            for records, record in enumerate(archive, start=1):
                if record.format != "warc" or record.rec_type is None:
                    yield Skipped(source_ref, f"not a WARC file (record {records} is not WARC)")
                    return
                yield from _response_page(record, source_ref, records)
                archive.read_to_end()
                if getattr(record.raw_stream, "limit", 0):
                    break  # the record's block was cut short
                whole += 1
                complete_to = archive.get_record_offset() + archive.get_record_length()
            stream.seek(complete_to)
            cut_short = bool(stream.read(_TAIL_BYTES).strip())
    except UnreadableFile as error:
        yield Skipped(source_ref, str(error))
        return
    except OSError as error:
        yield Skipped(source_ref, os_error_reason(error))
        return
    except _GARBLED as error:
        yield Skipped(source_ref, f"WARC unreadable after {records} records: {_reason(error)}")
        return
    if cut_short:
        what = "not a WARC file" if whole == 0 else f"WARC cut short after {whole} whole records"
        yield Skipped(source_ref, f"{what}: it ends inside a record")


def _reason(error: Exception) -> str:
    """The first line of warcio's message, short and printable (it may quote raw bytes)."""
    if isinstance(error, ArchiveLoadFailed) and str(error).strip():
        return printable(str(error).strip().splitlines()[0], _REASON_CHARS)
    return f"garbled record ({type(error).__name__})"


def _response_page(record, source_ref: str, number: int) -> Iterator[ReadResult]:
    """The article of a response record holding an HTML page with HTTP status 200.

    Other records (requests, metadata, redirects, errors, images, DNS lookups) are
    passed over; a response that claims to be HTTP but has no HTTP status line, or
    whose target is not a web address, is garbage and is reported.
    """
    if record.rec_type != "response":
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    position_ref = record_ref(f"{source_ref}#{number}", url)
    if record.http_headers is None:
        declared = (record.rec_headers.get_header("Content-Type") or "").lower()
        if declared.startswith("application/http"):
            target = printable(url or "none", _REASON_CHARS)
            yield Skipped(position_ref, f"record {number}: target is not a web address: {target}")
        return
    if not _HTTP_STATUS_LINE.match(
        f"{record.http_headers.protocol} {record.http_headers.statusline}"
    ):
        yield Skipped(position_ref, f"record {number}: response has no HTTP status line")
        return
    if record.http_headers.get_statuscode() != "200":
        return
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if content_type.startswith(HTML_TYPES):
        yield from _page_of(record, url, position_ref)


def _page_of(record, url: str | None, position_ref: str) -> Iterator[ReadResult]:
    """The article of one HTML response record, referred to by its URL."""
    document_ref = url or position_ref
    body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    too_big = size_reason(len(body), MAX_PAGE_BYTES, what="page")
    if too_big:
        yield Skipped(position_ref, too_big)
        return
    if getattr(record.raw_stream, "limit", 0):
        yield Skipped(position_ref, "page cut short in the WARC file")
        return
    yield from page_to_documents(body, document_ref, url=url, origin=position_ref)
