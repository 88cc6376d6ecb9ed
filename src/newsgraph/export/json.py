"""The JSON export: the whole store in one document, described by export.schema.json.

Built from the store's read API only, so it works with any backend. Every fact
keeps its article id and offsets into that article's ``text``; each story
carries its canonical ``text`` so those offsets can be checked without the store.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from newsgraph.store import Store

# What a story carries in the export; its facts are listed once, at the top level.
STORY_KEYS = (
    "id",
    "title",
    "published",
    "publisher",
    "canonical_article_id",
    "tone",
    "versions",
    "counts",
    "publishers",
    "same_story",
    "standfirst",
    "body",
    "text",
    "captions",
    "sections",
)


def export_json(store: Store, min_confidence: float | None = None) -> dict[str, Any]:
    """The store as one JSON-ready dict: stories, actors, quotes, events and claims (only
    the quotes, events and claims at or above ``min_confidence`` when given, and the actors
    shown at it: that confident, or that a quote or event refers to)."""
    stories = []
    for summary in store.stories():
        story = store.story(summary["id"])
        if story is not None:
            stories.append({key: story[key] for key in STORY_KEYS})
    return {
        "schema_version": store.schema_version,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "stories": stories,
        "actors": store.actors(min_confidence=min_confidence),
        "quotes": store.quotes(min_confidence=min_confidence),
        "events": store.events(min_confidence=min_confidence),
        "claims": store.claims(min_confidence=min_confidence),
    }


def write_json(
    store: Store,
    path_or_stream: str | os.PathLike[str] | TextIO,
    min_confidence: float | None = None,
) -> None:
    """Write ``export_json(store)`` as UTF-8 JSON to a file path or an open text stream."""
    document = export_json(store, min_confidence)
    if isinstance(path_or_stream, str | os.PathLike):
        with Path(path_or_stream).open("w", encoding="utf-8") as stream:
            _dump(document, stream)
    else:
        _dump(document, path_or_stream)


def _dump(document: dict[str, Any], stream: TextIO) -> None:
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
