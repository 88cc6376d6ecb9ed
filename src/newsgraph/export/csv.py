"""CSV exports: one table of the store per file (stories, actors, quotes, events, claims).

Built from the store's read API. Every row of a story or a fact carries where it comes
from, so that a row can be checked on its own: the story id, the article's URL,
publisher and date, and (for facts) the sentence. Article text is hostile: a cell
that a spreadsheet would run as a formula (starting with = + - @ or a tab) is written
with a leading apostrophe, the usual guard against CSV injection.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from newsgraph.store import Store

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _articles(store: Store) -> dict[str, dict[str, Any]]:
    """Where each article comes from: ``article_url``, ``publisher`` and ``published``
    (the story's when the article names none), by article id."""
    return {
        version["article_id"]: {
            "article_url": version["url"],
            "publisher": version["publisher"] or story["publisher"],
            "published": version["published"] or story["published"],
        }
        for story in store.stories()
        for version in story["versions"]
    }


def _story_rows(store: Store) -> Iterable[dict[str, Any]]:
    for story in store.stories():
        canonical = next(
            v for v in story["versions"] if v["article_id"] == story["canonical_article_id"]
        )
        yield {
            **{k: story[k] for k in ("id", "title", "published", "publisher")},
            "canonical_article_id": story["canonical_article_id"],
            "article_url": canonical["url"],
            "versions": len(story["versions"]),
            "sources": " | ".join(v["source_ref"] for v in story["versions"]),
            **story["counts"],
            "tone": story["tone"],
        }


def _actor_rows(store: Store, min_confidence: float | None = None) -> Iterable[dict[str, Any]]:
    for actor in store.actors(min_confidence=min_confidence):
        yield {
            **{k: actor[k] for k in ("key", "name", "type", "code", "country", "sector")},
            "aliases": " | ".join(actor["aliases"]),
            "roles": " | ".join(actor["roles"]),
            "mentions": actor["mentions"],
            "confidence": actor["confidence"],
            "referenced": actor["referenced"],
        }


def _quote_rows(store: Store, min_confidence: float | None = None) -> Iterable[dict[str, Any]]:
    articles = _articles(store)
    keys = ("start", "end", "speaker_key", "speaker")
    for quote in store.quotes(min_confidence=min_confidence):
        yield {
            **{k: quote[k] for k in ("id", "story_id", "article_id")},
            **articles[quote["article_id"]],
            **{k: quote[k] for k in keys},
            **{k: quote[k] for k in ("speaker_text", "cue", "addressee", "via", "partial")},
            "speaker_unnamed": quote["speaker_unnamed"],
            "confidence": quote["confidence"],
            "text": quote["text"],
            "sentence": quote["sentence"],
        }


def _event_rows(store: Store, min_confidence: float | None = None) -> Iterable[dict[str, Any]]:
    articles = _articles(store)
    for event in store.events(min_confidence=min_confidence):
        row = {k: event[k] for k in ("id", "story_id", "article_id")}
        row |= articles[event["article_id"]]
        row |= {k: event[k] for k in ("start", "end", "date")}
        for side in ("source", "target"):
            ref = event[side] or {}
            for field in ("actor_key", "name", "text", "code"):
                row[f"{side}_{field}"] = ref.get(field)
        keys = ("verb", "cameo", "plover", "goldstein", "quad_class", "negated")
        place = event["place"] or {}
        yield (
            row
            | {k: event[k] for k in keys}
            | {"confidence": event["confidence"], "basis": event["basis"]}
            | {"sentence": event["sentence"], "location": event["location"]}
            | {k: place.get(k) for k in ("latitude", "longitude")}
        )


def _claim_rows(store: Store, min_confidence: float | None = None) -> Iterable[dict[str, Any]]:
    articles = _articles(store)
    keys = (
        "start",
        "end",
        "holder",
        "subject",
        "value",
        "number",
        "unit",
        "time",
        "confidence",
        "sentence",
    )
    for claim in store.claims(min_confidence=min_confidence):
        yield {
            **{k: claim[k] for k in ("id", "story_id", "article_id")},
            **articles[claim["article_id"]],
            **{k: claim[k] for k in keys},
        }


TABLES: dict[str, Callable[[Store], Iterable[dict[str, Any]]]] = {
    "stories": _story_rows,
    "actors": _actor_rows,
    "quotes": _quote_rows,
    "events": _event_rows,
    "claims": _claim_rows,
}


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(
    store: Store, table: str, stream: TextIO, min_confidence: float | None = None
) -> None:
    """Write one table (a key of ``TABLES``) as CSV with a header row; the quotes, events
    and claims tables hold only those at or above ``min_confidence`` when given, the actors
    table those shown at it."""
    if table == "quotes":
        rows = _quote_rows(store, min_confidence)
    elif table == "actors":
        rows = _actor_rows(store, min_confidence)
    elif table == "events":
        rows = _event_rows(store, min_confidence)
    elif table == "claims":
        rows = _claim_rows(store, min_confidence)
    else:
        rows = TABLES[table](store)
    writer: csv.DictWriter | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({key: _cell(value) for key, value in row.items()})
