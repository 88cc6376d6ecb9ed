"""Stage 1, read: files, folders, URLs and feeds in, one RawDocument per article out.

Web pages of every origin (saved files, WARC records, URLs, feed items) are read
through ``read.html``, which hands them to the extract stage (``newsgraph.extract``).

Bad input never stops a run: every file or record that cannot be used becomes a
``Skipped`` with a one-line reason, and a document that was used despite a
problem (a legacy encoding, a date that could not be read) comes with a ``Notice``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsgraph.read.feed import read_feed
from newsgraph.read.fetch import Fetcher, is_url, read_url
from newsgraph.read.html import read_html_file
from newsgraph.read.jsonl import read_json_file, read_jsonl_file
from newsgraph.read.notice import Notice, ReadResult
from newsgraph.read.text import MAX_ARTICLE_BYTES, os_error_reason, read_text_file
from newsgraph.read.warc import read_warc_file
from newsgraph.records import Skipped

__all__ = ["MAX_ARTICLE_BYTES", "Fetcher", "Notice", "read_inputs", "read_paths"]


_READERS: dict[str, Callable[[Path], Iterator[ReadResult]]] = {
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


def _reader_for(path: Path) -> Callable[[Path], Iterator[ReadResult]] | None:
    """The reader for a file's type, by its last suffix or last two (``.warc.gz``)."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    return _READERS.get("".join(suffixes[-2:])) or _READERS.get("".join(suffixes[-1:]))


def read_paths(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Yield every article under ``paths`` (files, or folders read recursively in sorted order).

    Inside a folder, files of other types and hidden files are ignored; a file named
    explicitly with an unsupported type is reported as skipped.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file_path, reader in _files_under(path):
                yield from reader(file_path)
        elif not path.exists():
            yield Skipped(str(path), os_error_reason(FileNotFoundError()))
        else:
            reader = _reader_for(path)
            if reader is None:
                yield Skipped(str(path), f"unsupported file type {path.suffix or '(none)'}")
            else:
                yield from reader(path)


def read_inputs(
    sources: Iterable[str | Path], feeds: Iterable[str] = (), fetcher: Fetcher | None = None
) -> Iterator[ReadResult]:
    """Yield every article of ``sources`` (files, folders or URLs), then of ``feeds``."""
    fetcher = fetcher or Fetcher()
    for source in sources:
        if is_url(str(source)):
            yield from read_url(str(source), fetcher)
        else:
            yield from read_paths([source])
    for feed in feeds:
        yield from read_feed(feed, fetcher)


def _files_under(folder: Path) -> Iterator[tuple[Path, Callable[[Path], Iterator[ReadResult]]]]:
    """Article files below ``folder`` with their readers, in sorted order, hidden ones left out."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            file_path = Path(root, name)
            reader = _reader_for(file_path)
            if not name.startswith(".") and reader is not None:
                yield file_path, reader
