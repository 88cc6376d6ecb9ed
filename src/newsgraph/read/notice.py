"""Notices: things worth telling the user about an input that was still used."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.records import RawDocument, Skipped


@dataclass(frozen=True)
class Notice:
    """A one-line remark about a document that was read anyway (unlike ``Skipped``).

    The pipeline lists notices in its summary without counting them as skipped,
    e.g. a file that had to be decoded as Windows-1252.
    """

    source_ref: str
    message: str


# What every reader yields: an article, an input it could not use, or a remark.
ReadResult = RawDocument | Skipped | Notice
