"""Stage 1, read: files, folders, URLs and feeds in, one RawDocument per article out.

Web pages of every origin (saved files, WARC records, URLs, feed items) are read
through ``read.html``, which hands them to the extract stage (``newsgraph.extract``).

Bad input never stops a run: every file or record that cannot be used becomes a
``Skipped`` with a one-line reason, and a document that was used despite a
problem (a legacy encoding, a date that could not be read) comes with a ``Notice``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsgraph.read.feed import read_feed
from newsgraph.read.fetch import Fetcher, is_url, read_url
from newsgraph.read.html import read_html_file
from newsgraph.read.jsonl import read_json_file, read_jsonl_file
from newsgraph.read.notice import Notice, ReadResult
from newsgraph.read.text import (
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_CHARS,
    os_error_reason,
    read_text_file,
)
from newsgraph.read.warc import read_warc_file
from newsgraph.records import RawDocument, Skipped
from newsgraph.textcut import cut_text
from newsgraph.untrusted import path_text, printable, storable

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_ARTICLE_CHARS",
    "Fetcher",
    "Notice",
    "read_inputs",
    "read_paths",
]

# A file's first this many skipped records are listed one by one; the rest are counted.
MAX_SKIPS_LISTED = 10

Reader = Callable[[Path], Iterator[ReadResult]]
_READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".html.gz": read_html_file,
    ".htm.gz": read_html_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
}


def _reader_for(path: Path) -> Reader | None:
    """The reader for a file's type, by its last suffix or last two (``.warc.gz``)."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    return _READERS.get("".join(suffixes[-2:])) or _READERS.get("".join(suffixes[-1:]))


def read_paths(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Yield every article under ``paths`` (files, or folders read recursively in sorted order).

    Inside a folder, files of other types and hidden files are ignored; a file named
    explicitly with an unsupported type is reported as skipped.
    """
    for given in paths:
        yield from _checked(_read_path(Path(given)))


def read_inputs(
    sources: Iterable[str | Path], feeds: Iterable[str] = (), fetcher: Fetcher | None = None
) -> Iterator[ReadResult]:
    """Yield every article of ``sources`` (files, folders or URLs), then of ``feeds``."""
    fetcher = fetcher or Fetcher()
    for source in sources:
        if is_url(str(source)):
            yield from _checked(read_url(str(source), fetcher))
        else:
            yield from _checked(_read_path(Path(source)))
    for feed in feeds:
        yield from _checked(read_feed(feed, fetcher))


def _read_path(path: Path) -> Iterator[ReadResult]:
    if path.is_dir():
        yield from _read_folder(path)
    elif not path.exists():
        yield Skipped(path_text(path), os_error_reason(FileNotFoundError()))
    else:
        reader = _reader_for(path)
        if reader is None:
            yield Skipped(path_text(path), f"unsupported file type {path.suffix or '(none)'}")
        else:
            yield from _read_file(path, reader)


def _read_folder(folder: Path) -> Iterator[ReadResult]:
    """The articles of the files below ``folder`` in sorted order, hidden ones left out;
    a subfolder that cannot be listed is reported, and the walk goes on."""
    unreadable: list[OSError] = []
    for root, folders, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:
            yield _unlisted(unreadable.pop(0), root)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            file_path = Path(root, name)
            reader = _reader_for(file_path)
            if not name.startswith(".") and reader is not None:
                yield from _read_file(file_path, reader)
    for error in unreadable:
        yield _unlisted(error, folder)


def _unlisted(error: OSError, fallback: str | Path) -> Skipped:
    """Why a folder could not be listed."""
    reason = (error.strerror or type(error).__name__).lower()
    return Skipped(path_text(error.filename or fallback), f"cannot list folder: {reason}")


def _read_file(path: Path, reader: Reader) -> Iterator[ReadResult]:
    """One file's results, whatever the file holds: past ``MAX_SKIPS_LISTED`` skipped
    records the rest are counted in one line, and an error no reader foresaw costs
    the rest of this file, never the run."""
    listed = hidden = 0
    try:
        for result in reader(path):
            if isinstance(result, Skipped) and listed >= MAX_SKIPS_LISTED:
                hidden += result.count
                continue
            listed += isinstance(result, Skipped)
            yield result
    except Exception as error:  # a bug met on hostile input: reported, the run goes on
        reason = printable(f"{type(error).__name__}: {error}", 120)
        yield Skipped(path_text(path), f"could not be read (unexpected {reason})")
    if hidden:
        yield Skipped(path_text(path), f"…and {hidden:,} more records skipped in this file", hidden)


def _checked(results: Iterable[ReadResult]) -> Iterator[ReadResult]:
    """Results fit to store and print: lone surrogates replaced, and an article over
    ``MAX_ARTICLE_CHARS`` cut at a paragraph boundary, with a notice."""
    for result in results:
        result = _storable(result)
        if isinstance(result, RawDocument) and len(result.text) > MAX_ARTICLE_CHARS:
            kept = cut_text(result.text, MAX_ARTICLE_CHARS)
            yield Notice(
                result.origin or result.source_ref,
                f"text is {len(result.text):,} characters; only its first {len(kept):,}"
                f" are read (the limit is {MAX_ARTICLE_CHARS:,})",
            )
            result = dataclasses.replace(result, text=kept)
        yield result


def _storable(result: ReadResult) -> ReadResult:
    """``result`` with every text field made storable (see ``untrusted.storable``)."""
    changes = {}
    for field in dataclasses.fields(result):
        value = getattr(result, field.name)
        if isinstance(value, str) and storable(value) is not value:
            changes[field.name] = storable(value)
        elif isinstance(value, tuple) and any(storable(v) is not v for v in value):
            changes[field.name] = tuple(storable(v) for v in value)
    return dataclasses.replace(result, **changes) if changes else result
