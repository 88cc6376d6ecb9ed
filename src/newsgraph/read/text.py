"""Plain-text and Markdown articles: one file, one article.

A file may open with a ``date YYYY-MM-DD`` header (on its own line or running into
the text) and then with a title line. Only a line that clearly looks like a title
is taken as one, so a first paragraph that is part of the article stays in it.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from newsgraph.read.decode import decode_bytes, looks_binary
from newsgraph.read.notice import Notice
from newsgraph.records import RawDocument, Skipped
from newsgraph.untrusted import path_text

TEXT_SUFFIXES = frozenset({".txt", ".md"})
# One article is never this big; a larger text file is a dump or a mistake.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# Past this many characters (spaCy's own limit for one text) an article is cut, with
# a notice: no news article is this long, and the cost of reading grows with length.
MAX_ARTICLE_CHARS = 1_000_000
_MEGABYTE = 1024 * 1024

_DATE_HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_TITLE_MAX_WORDS = 20
_TITLE_MAX_CHARS = 200
_TITLE_TERMINAL_PUNCTUATION = tuple('.!?:;,…"”')


def size_reason(size: int, limit: int = MAX_ARTICLE_BYTES, what: str = "file") -> str | None:
    """The one-line reason to skip ``size`` bytes of text, or None when it is within ``limit``."""
    if size <= limit:
        return None
    return (
        f"{what} is {size / _MEGABYTE:.1f} MB, "
        f"over the {limit / _MEGABYTE:g} MB limit for one article"
    )


def os_error_reason(error: OSError) -> str:
    """A one-line, lower-case reason for an unreadable path."""
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read file: {(error.strerror or str(error)).lower()}"


class UnreadableFile(Exception):
    """An input file that cannot be used, with the one-line reason for the summary."""

    def __init__(self, reason: str, *, too_big: bool = False) -> None:
        super().__init__(reason)
        self.too_big = too_big


def _file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for the reason it is skipped."""
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    )
    return next((kind for test, kind in kinds if test(mode)), "not a plain file")


def open_regular(path: Path, limit: int | None = None) -> BinaryIO:
    """Open a regular file for reading; raises UnreadableFile for anything else.

    The file is opened without blocking (a FIFO would wait for a writer forever) and
    checked once open, so a symlink to ``/dev/zero`` or a FIFO named ``*.txt`` is
    refused rather than read until memory runs out. ``limit`` refuses a larger file.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise UnreadableFile(os_error_reason(error)) from error
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"not a regular file: {_file_kind(info.st_mode)}")
        too_big = size_reason(info.st_size, limit) if limit is not None else None
        if too_big:
            raise UnreadableFile(too_big, too_big=True)
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_capped(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a regular file; raises UnreadableFile when it is over ``limit``
    (its size is checked again while reading: it may grow) or unreadable."""
    with open_regular(path, limit) as stream:
        try:
            raw = stream.read(limit + 1)
        except OSError as error:
            raise UnreadableFile(os_error_reason(error)) from error
    too_big = size_reason(len(raw), limit)
    if too_big:
        raise UnreadableFile(too_big, too_big=True)
    return raw


def read_text_file(path: Path) -> Iterator[RawDocument | Skipped | Notice]:
    """Yield the article in a text file, or a ``Skipped`` saying why there is none."""
    source_ref = path_text(path)
    try:
        raw = read_capped(path)
    except UnreadableFile as error:
        yield Skipped(source_ref, str(error))
        return
    if not raw.strip():
        yield Skipped(source_ref, "empty file")
        return
    if looks_binary(raw):
        yield Skipped(source_ref, "binary file, not text")
        return
    decoded = decode_bytes(raw)
    if decoded.notice:
        yield Notice(source_ref, decoded.notice)
    text, published = split_date_header(decoded.text)
    title, text = split_title(text, markdown=path.suffix.lower() == ".md")
    if not text.strip():
        yield Skipped(source_ref, "empty file")
        return
    yield RawDocument(source_ref=source_ref, text=text, title=title, published=published)


def split_date_header(text: str) -> tuple[str, str | None]:
    """Take a leading ``date YYYY-MM-DD`` header off the text: (rest, ISO date or None)."""
    match = _DATE_HEADER.match(text)
    if not match:
        return text, None
    try:
        published = date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return text, None
    return text[match.end() :].lstrip(" \t"), published


def split_title(text: str, *, markdown: bool = False) -> tuple[str | None, str]:
    """Take a title line off the text when the first line looks like one: (title, rest).

    A title is short, has no sentence-final punctuation and is followed by a blank
    line; anything else (a standfirst or lede sentence) stays part of the text.
    """
    stripped = text.lstrip("\n")
    first_line, separator, rest = stripped.partition("\n")
    if not separator or not rest.startswith("\n") or not rest.strip():
        return None, text
    candidate = first_line.strip()
    if markdown:
        candidate = _MARKDOWN_HEADING.sub("", candidate)
    if (
        not candidate
        or len(candidate) > _TITLE_MAX_CHARS
        or len(candidate.split()) > _TITLE_MAX_WORDS
        or candidate.endswith(_TITLE_TERMINAL_PUNCTUATION)
    ):
        return None, text
    return candidate, rest.lstrip("\n")
