"""JSON and JSON Lines articles: records with a ``text`` field and optional metadata.

A ``.json`` file holds one record, a list of records, or ``{"articles": [...]}``.
A ``.jsonl`` file holds one record per line and is streamed, so a feed dump of
any size can be read; each record still has the one-article size limit. A bad
record or line is skipped with its reason and the others still come through.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

from newsgraph.read.decode import bom_encoding, decode_bytes, looks_binary, normalise_text
from newsgraph.read.notice import Notice, ReadResult
from newsgraph.read.text import (
    MAX_ARTICLE_BYTES,
    UnreadableFile,
    open_regular,
    os_error_reason,
    read_capped,
    size_reason,
    split_date_header,
)
from newsgraph.records import RawDocument, Skipped
from newsgraph.untrusted import BadJSON, parse_json, path_text, storable

JSON_SUFFIXES = frozenset({".json", ".jsonl"})
# A .json file is parsed whole; past this size a feed belongs in JSON Lines.
MAX_JSON_FILE_BYTES = 256 * 1024 * 1024
# Human-written dates that are not ISO 8601 or RFC 2822 but are unambiguous.
_WRITTEN_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d")
# How much of a file's start is sniffed for binary content.
_SNIFF_BYTES = 8192
# How much of an over-long line is read at a time while passing over it.
_SKIP_CHUNK = 1024 * 1024


def read_json_file(path: Path) -> Iterator[ReadResult]:
    """Yield the article records of a ``.json`` file (one object, a list, or ``articles``)."""
    source_ref = path_text(path)
    try:
        raw = read_capped(path, MAX_JSON_FILE_BYTES)
    except UnreadableFile as error:
        hint = "; use JSON Lines for large feeds" if error.too_big else ""
        yield Skipped(source_ref, f"{error}{hint}")
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
    try:
        content = parse_json(decoded.text)
    except BadJSON as error:
        yield Skipped(source_ref, error.reason)
        return
    if isinstance(content, dict) and isinstance(content.get("articles"), list):
        content = content["articles"]
    if isinstance(content, dict):
        yield from record_to_document(content, source_ref)
    elif isinstance(content, list) and content:
        for index, record in enumerate(content):
            yield from record_to_document(record, f"{source_ref}#{index}")
    elif isinstance(content, list):
        yield Skipped(source_ref, "JSON holds no article records (an empty list)")
    else:
        yield Skipped(source_ref, f"JSON holds no article records (a {type(content).__name__})")


@dataclass(frozen=True)
class JsonLine:
    """One non-blank line of a JSON Lines file: its record, or why it has none."""

    number: int
    record: Any = None
    problem: str | None = None


def read_json_lines(path: Path) -> Iterator[JsonLine | Notice]:
    """Stream the non-blank lines of a JSON Lines file, parsed, each at most one article big.

    A file with a UTF-16 or UTF-32 byte order mark is split into lines after decoding
    (its newline is not the byte 0x0A); any other file line by line as bytes, each
    decoded like a text file. Raises UnreadableFile when the file cannot be opened.
    """
    source_ref = path_text(path)
    with open_regular(path) as raw_stream:
        head = raw_stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        if looks_binary(head):
            raise UnreadableFile("binary file, not text")
        wide = bom_encoding(head)
        stream: IO = raw_stream
        if wide:
            stream = io.TextIOWrapper(raw_stream, encoding=wide, errors="replace", newline="")
        told_fallback = False
        for number, line, size in _bounded_lines(stream, MAX_ARTICLE_BYTES):
            if line is None:
                too_big = size_reason(size, what="record")
                yield JsonLine(number, problem=f"line {number}: {too_big}")
                continue
            if not line.strip():
                continue
            if isinstance(line, bytes):
                decoded = decode_bytes(line)
                if decoded.notice and not told_fallback:
                    told_fallback = True
                    yield Notice(source_ref, f"{decoded.notice} (from line {number})")
                line = decoded.text
            try:
                yield JsonLine(number, parse_json(line.strip(), say_line=False))
            except BadJSON as error:
                yield JsonLine(number, problem=f"line {number}: {error.reason}")


def _bounded_lines(stream: IO, limit: int) -> Iterator[tuple[int, Any, int]]:
    """(number, line, size) for each line; the line is None when it is over ``limit``
    (its rest is read past in chunks, never held whole)."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        newline = b"\n" if isinstance(line, bytes) else "\n"
        size = len(line)
        if size <= limit or line.endswith(newline):
            yield number, line, size
            continue
        while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(newline):
            size += len(rest)
        yield number, None, size + len(rest)


def read_jsonl_file(path: Path) -> Iterator[ReadResult]:
    """Stream the records of a ``.jsonl`` file, one article per non-blank line."""
    source_ref = path_text(path)
    lines = 0
    try:
        for line in read_json_lines(path):
            if isinstance(line, Notice):
                yield line
                continue
            lines += 1
            line_ref = f"{source_ref}:{line.number}"
            if line.problem:
                yield Skipped(line_ref, line.problem)
            else:
                yield from record_to_document(line.record, line_ref)
    except UnreadableFile as error:
        yield Skipped(source_ref, str(error))
        return
    except OSError as error:
        yield Skipped(source_ref, os_error_reason(error))
        return
    if not lines:
        yield Skipped(source_ref, "empty file")


def record_ref(position_ref: str, label: str | None) -> str:
    """How a record is named in the summary: where it is, then its id or URL."""
    return f"{position_ref} ({label})" if label and label != position_ref else position_ref


def record_to_document(record: Any, position_ref: str) -> Iterator[ReadResult]:
    """Turn one JSON record into a RawDocument, or a Skipped when it carries no article.

    ``position_ref`` (path, ``path:line`` or ``path#index``) is the source_ref used
    when the record has neither an ``id`` nor a ``url``; the summary names a record
    by its position and its id.
    """
    if not isinstance(record, dict):
        yield Skipped(position_ref, f"record is a JSON {type(record).__name__}, not an object")
        return
    record_id = _scalar_text(record.get("id"))
    url = _scalar_text(record.get("url"))
    source_ref = record_id or url or position_ref
    summary_ref = record_ref(position_ref, record_id or url)
    text = record.get("text")
    if not isinstance(text, str):
        yield Skipped(summary_ref, "record has no text field")
        return
    if not text.strip():
        yield Skipped(summary_ref, "record text is empty")
        return
    text = storable(text)
    too_big = size_reason(len(text.encode("utf-8")), what="record text")
    if too_big:
        yield Skipped(summary_ref, too_big)
        return
    raw_date = record.get("date", record.get("published"))
    published = normalise_date(raw_date)
    if raw_date not in (None, "") and published is None:
        yield Notice(
            summary_ref, f"date {storable(repr(raw_date))[:80]} not understood; left empty"
        )
    # Text copied from a dated text file keeps its header; the record's own date wins.
    text, header_date = split_date_header(normalise_text(text))
    yield RawDocument(
        source_ref=source_ref,
        text=text,
        title=_scalar_text(record.get("title")),
        published=published or header_date,
        url=url,
        publisher=_scalar_text(record.get("publisher")),
        origin=position_ref,
    )


def normalise_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` for a date or datetime in ISO 8601, RFC 2822 or plain words."""
    if not isinstance(value, str) or not value.strip():
        return None
    written = value.strip()
    try:
        return datetime.fromisoformat(written).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(written).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for layout in _WRITTEN_DATE_FORMATS:
        try:
            return datetime.strptime(written, layout).date().isoformat()
        except ValueError:
            continue
    return None


def _scalar_text(value: Any) -> str | None:
    """A metadata value as stripped text; ids may be numbers, nothing else may be nested."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        return storable(str(value)).strip() or None
    return None
