"""HTML pages, saved as files (optionally gzipped) or fetched: one page, one article.

Every page, wherever it came from (a file, a URL, a feed item, a WARC record),
goes through ``page_to_documents``, so all of them are judged alike: a binary
file or a page without an article becomes a ``Skipped`` with the reason. A page
in any language is kept, with the language it is in.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from newsgraph.extract import ExtractedPage, NotAnArticle, extract_page
from newsgraph.read.decode import looks_binary
from newsgraph.read.notice import ReadResult
from newsgraph.read.text import UnreadableFile, read_capped, size_reason
from newsgraph.records import RawDocument, Skipped
from newsgraph.untrusted import path_text

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
# A saved news page with inline scripts and styles stays well below this.
MAX_PAGE_BYTES = 20 * 1024 * 1024
# Leading bytes of files that are often found where a page was expected.
_SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip data",
}


def read_html_file(path: Path) -> Iterator[ReadResult]:
    """Yield the article of a saved page (``.html``, ``.htm``, or either gzipped)."""
    source_ref = path_text(path)
    try:
        raw = read_capped(path, MAX_PAGE_BYTES)
    except UnreadableFile as error:
        yield Skipped(source_ref, str(error))
        return
    if path.suffix.lower() == ".gz":
        try:
            with gzip.GzipFile(fileobj=BytesIO(raw)) as unzipped:
                raw = unzipped.read(MAX_PAGE_BYTES + 1)
        except (OSError, EOFError, zlib.error) as error:
            yield Skipped(source_ref, f"not readable as gzip: {error}")
            return
        too_big = size_reason(len(raw), MAX_PAGE_BYTES, what="unzipped page")
        if too_big:
            yield Skipped(source_ref, too_big)
            return
    yield from page_to_documents(raw, source_ref)


def page_to_documents(
    raw: bytes,
    source_ref: str,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    origin: str | None = None,
) -> Iterator[ReadResult]:
    """Extract the article of one page's bytes; ``title``/``published`` fill gaps in its metadata.

    ``url`` is where the page was fetched from; its canonical URL replaces it when declared.
    ``origin`` names the page in the summary when it is one record of a file.
    """
    summary_ref = origin or source_ref
    if not raw.strip():
        yield Skipped(summary_ref, "empty page")
        return
    kind = next((kind for magic, kind in _SIGNATURES.items() if raw.startswith(magic)), None)
    if kind or looks_binary(raw):
        yield Skipped(summary_ref, f"not an HTML page: {kind or 'binary data'}")
        return
    try:
        page = extract_page(raw, url)
    except NotAnArticle as error:
        yield Skipped(summary_ref, str(error))
        return
    yield page_document(page, source_ref, url, title, published, origin)


def page_document(
    page: ExtractedPage,
    source_ref: str,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    origin: str | None = None,
) -> RawDocument:
    """The RawDocument of an extracted page; the arguments fill gaps in its metadata."""
    return RawDocument(
        source_ref=source_ref,
        text=page.text,
        title=page.title or title,
        published=page.published or published,
        url=page.url or url,
        publisher=page.publisher,
        author=page.author,
        captions=page.captions,
        origin=origin,
        language=page.language,
    )
