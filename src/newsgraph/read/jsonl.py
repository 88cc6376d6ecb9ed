"""JSON and JSON Lines articles: records with a ``text`` field and optional metadata.

A ``.json`` file holds one record, a list of records, or ``{"articles": [...]}``.
A ``.jsonl`` file holds one record per line and is streamed, so a feed dump of
any size can be read; each record still has the one-article size limit. A bad
record or line is skipped with its reason and the others still come through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from newsgraph.read.decode import decode_bytes, normalise_text
from newsgraph.read.notice import Notice, ReadResult
from newsgraph.read.text import (
    UnreadableFile,
    os_error_reason,
    read_capped,
    size_reason,
    split_date_header,
)
from newsgraph.records import RawDocument, Skipped

JSON_SUFFIXES = frozenset({".json", ".jsonl"})
# A .json file is parsed whole; past this size a feed belongs in JSON Lines.
MAX_JSON_FILE_BYTES = 256 * 1024 * 1024
# Human-written dates that are not ISO 8601 or RFC 2822 but are unambiguous.
_WRITTEN_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d")


def read_json_file(path: Path) -> Iterator[ReadResult]:
    """Yield the article records of a ``.json`` file (one object, a list, or ``articles``)."""
    source_ref = str(path)
    try:
        raw = read_capped(path, MAX_JSON_FILE_BYTES)
    except UnreadableFile as error:
        hint = "; use JSON Lines for large feeds" if error.too_big else ""
        yield Skipped(source_ref, f"{error}{hint}")
        return
    if not raw.strip():
        yield Skipped(source_ref, "empty file")
        return
    decoded = decode_bytes(raw)
    if decoded.notice:
        yield Notice(source_ref, decoded.notice)
    try:
        content = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        yield Skipped(source_ref, f"not JSON ({error.msg} at line {error.lineno})")
        return
    if isinstance(content, dict) and isinstance(content.get("articles"), list):
        content = content["articles"]
    if isinstance(content, dict):
        yield from record_to_document(content, source_ref)
    elif isinstance(content, list):
        for index, record in enumerate(content):
            yield from record_to_document(record, f"{source_ref}#{index}")
    else:
        yield Skipped(source_ref, "JSON holds no article records")


def read_jsonl_file(path: Path) -> Iterator[ReadResult]:
    """Stream the records of a ``.jsonl`` file, one article per non-blank line."""
    source_ref = str(path)
    told_fallback = False
    try:
        with path.open("rb") as lines:
            for line_number, raw_line in enumerate(lines, start=1):
                line_ref = f"{source_ref}:{line_number}"
                if not raw_line.strip():
                    continue
                too_big = size_reason(len(raw_line), what="record")
                if too_big:
                    yield Skipped(line_ref, f"line {line_number}: {too_big}")
                    continue
                decoded = decode_bytes(raw_line)
                if decoded.notice and not told_fallback:
                    told_fallback = True
                    yield Notice(source_ref, f"{decoded.notice} (from line {line_number})")
                try:
                    record = json.loads(decoded.text.strip())
                except json.JSONDecodeError as error:
                    yield Skipped(line_ref, f"line {line_number}: not JSON ({error.msg})")
                    continue
                yield from record_to_document(record, line_ref)
    except OSError as error:
        yield Skipped(source_ref, os_error_reason(error))


def record_to_document(record: Any, position_ref: str) -> Iterator[ReadResult]:
    """Turn one JSON record into a RawDocument, or a Skipped when it carries no article.

    ``position_ref`` (path, ``path:line`` or ``path#index``) is the source_ref used
    when the record has neither an ``id`` nor a ``url``.
    """
    if not isinstance(record, dict):
        yield Skipped(position_ref, f"record is a JSON {type(record).__name__}, not an object")
        return
    record_id = _scalar_text(record.get("id"))
    url = _scalar_text(record.get("url"))
    source_ref = record_id or url or position_ref
    text = record.get("text")
    if not isinstance(text, str):
        yield Skipped(source_ref, "record has no text field")
        return
    if not text.strip():
        yield Skipped(source_ref, "record text is empty")
        return
    too_big = size_reason(len(text.encode("utf-8")), what="record text")
    if too_big:
        yield Skipped(source_ref, too_big)
        return
    raw_date = record.get("date", record.get("published"))
    published = normalise_date(raw_date)
    if raw_date not in (None, "") and published is None:
        yield Notice(source_ref, f"date {raw_date!r} not understood; left empty")
    # Text copied from a dated text file keeps its header; the record's own date wins.
    text, header_date = split_date_header(normalise_text(text))
    yield RawDocument(
        source_ref=source_ref,
        text=text,
        title=_scalar_text(record.get("title")),
        published=published or header_date,
        url=url,
        publisher=_scalar_text(record.get("publisher")),
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
        return str(value).strip() or None
    return None
