"""Rows to records and back, the same for every back-end: what a story's write turns
into (one tuple per row) and how read rows become the dicts the API documents.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import orjson

from newsgraph.records import (
    ActorRef,
    Article,
    Claim,
    Event,
    Place,
    Quote,
    Section,
    StoryFacts,
)
from newsgraph.store.base import JsonDict
from newsgraph.store.queries import EVENT_HEAD, SIDES, fold

_SNIPPET_MATCH = re.compile("\x02(.*?)\x03", re.DOTALL)


def snippet_pieces(snippet: str) -> list[JsonDict]:
    """Split an FTS5 snippet, whose matches sit between STX and ETX, into pieces."""
    pieces, position = [], 0
    for match in _SNIPPET_MATCH.finditer(snippet):
        if match.start() > position:
            pieces.append({"text": snippet[position : match.start()], "match": False})
        pieces.append({"text": match[1], "match": True})
        position = match.end()
    if position < len(snippet):
        pieces.append({"text": snippet[position:], "match": False})
    return [
        {"text": piece["text"].replace("\x02", "").replace("\x03", ""), "match": piece["match"]}
        for piece in pieces
    ]


def distinct(values: Iterable[str | None]) -> list[str]:
    """The values present, each once (compared case-insensitively), in first-seen order."""
    seen: dict[str, str] = {}
    for value in values:
        if value:
            seen.setdefault(fold(value), value)
    return list(seen.values())


# A fact's place in an article, as fact_mentions stores it (SQLStore._fact_mentions_json).
FACT_MENTION_COLUMNS = ("article_id", "span_start", "span_end", "sentence_start", "sentence_end")


def json_rows(value: Any) -> list[list[Any]]:
    """A JSON array read with its row (SQLStore._json_rows): SQLite gives its text,
    psycopg the value already decoded."""
    return orjson.loads(value) if isinstance(value, str) else value


def with_fact_mentions(fact: JsonDict) -> JsonDict:
    """Give a quote or event ``mentions``: its own place, then the other versions of its
    story that repeat its sentence (the ``other_mentions`` read with it)."""
    others = json_rows(fact.pop("other_mentions"))
    own = {
        "article_id": fact["article_id"],
        "start": fact["start"],
        "end": fact["end"],
        "sentence_start": fact["sentence_start"],
        "sentence_end": fact["sentence_end"],
    }
    fact["mentions"] = [own] + [dict(zip(own, row, strict=True)) for row in others]
    return fact


def merge_reports(facts: list[JsonDict], same_keys: dict[str, str]) -> list[JsonDict]:
    """Quotes or events of a same-story group with one ``same_key`` become one fact:
    the first report, with every report's mentions and the stories they came from."""
    merged: dict[str, JsonDict] = {}
    for fact in facts:
        key = same_keys.get(fact["id"], fact["id"])
        first = merged.get(key)
        if first is None:
            merged[key] = {**fact, "stories": [fact["story_id"]]}
            continue
        first["mentions"] = [*first["mentions"], *fact["mentions"]]
        if fact["story_id"] not in first["stories"]:
            first["stories"].append(fact["story_id"])
    return list(merged.values())


def in_order(rows: list[JsonDict], ids: list[str]) -> list[JsonDict]:
    """``rows`` in the order of ``ids`` (the order a paging query chose)."""
    position = {row_id: index for index, row_id in enumerate(ids)}
    return sorted(rows, key=lambda row: position[row["id"]])


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(
        id=row["id"],
        source_ref=row["source_ref"],
        paragraphs=json.loads(row["paragraphs"]),
        title=row["title"],
        published=row["published"],
        publisher=row["publisher"],
        author=row["author"],
        url=row["url"],
        standfirst=row["standfirst"],
        captions=json.loads(row["captions"]),
        sections=[Section(**section) for section in json.loads(row["sections"])],
        tone=row["tone"],
        language=row["language"],
    )


def event_from_row(row: JsonDict) -> JsonDict:
    """Fold the flat source_*/target_* columns into the nested sides of an event dict."""
    side_fields = ("text", "actor_key", "name", "code", "sector")
    source, target = ({f: row.pop(f"{side}_{f}") for f in side_fields} for side in SIDES)
    event = {key: row.pop(key) for key in EVENT_HEAD}
    event["source"] = source
    event["target"] = target if target["text"] is not None else None
    event.update(row)
    event["negated"] = bool(event["negated"])
    place = {f: event.pop(f"place_{f}") for f in ("name", "type", "country")}
    coordinates = {f: event.pop(f) for f in ("latitude", "longitude")}
    event["place"] = None if place["name"] is None else {**place, **coordinates}
    return event


# --- the write path of save_story, inside its transaction ---


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def article_row(
    story_id: str, position: int, article: Article, signature: bytes | None
) -> tuple[Any, ...]:
    sections = [{"title": s.title, "paragraph_index": s.paragraph_index} for s in article.sections]
    return (
        article.id,
        story_id,
        position,
        article.source_ref,
        article.title,
        article.published,
        article.publisher,
        article.author,
        article.url,
        article.standfirst,
        to_json(article.paragraphs),
        to_json(article.captions),
        to_json(sections),
        article.word_count,
        article.text,
        article.body,
        signature,
        article.tone,
        article.language,
    )


def fact_id(story_id: str, kind: str, index: int) -> str:
    """Ids derived from the story and the fact's place in it, so a re-save keeps them."""
    return f"{story_id}:{kind}:{index}"


def fact_index(fact_id: str) -> int:
    """The fact's place in its story's list, back from its ``fact_id``."""
    return int(fact_id.rsplit(":", 1)[1])


def mention_rows(story_id: str, facts: StoryFacts) -> Iterator[tuple[Any, ...]]:
    """Each mention with its actor's confidence in this story and whether a quote or
    event of the story refers to the actor (migration 0017)."""
    confidence = {actor.key: actor.confidence for actor in facts.actors}
    referenced = facts.referenced_actors()
    for m in facts.mentions:
        yield (
            story_id,
            m.span.article_id,
            m.actor_key,
            m.span.start,
            m.span.end,
            m.text,
            confidence.get(m.actor_key, 1.0),
            int(m.actor_key in referenced),
        )


def quote_rows(story_id: str, quotes: Iterable[Quote]) -> Iterator[tuple[Any, ...]]:
    for index, q in enumerate(quotes):
        sentence = q.sentence
        yield (
            fact_id(story_id, "quote", index),
            story_id,
            q.span.article_id,
            q.span.start,
            q.span.end,
            q.text,
            q.speaker_key,
            q.speaker_text,
            q.cue,
            q.addressee_key,
            q.via,
            int(q.partial),
            sentence.start if sentence else None,
            sentence.end if sentence else None,
            q.same_key,
            int(q.speaker_unnamed),
            q.confidence,
        )


def _side(ref: ActorRef | None) -> tuple[Any, ...]:
    if ref is None:
        return (None, None, None, None)
    return (ref.text, ref.actor_key, ref.code, ref.sector)


def _place(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return (None, None, None, None, None)
    return (place.name, place.latitude, place.longitude, place.type, place.country)


def event_rows(story_id: str, events: Iterable[Event]) -> Iterator[tuple[Any, ...]]:
    for index, e in enumerate(events):
        yield (
            fact_id(story_id, "event", index),
            story_id,
            e.span.article_id,
            e.span.start,
            e.span.end,
            e.sentence.start,
            e.sentence.end,
            e.verb,
            *_side(e.source),
            *_side(e.target),
            e.cameo,
            e.cameo_root,
            e.plover,
            e.goldstein,
            e.quad_class,
            e.date,
            e.location,
            int(e.negated),
            e.same_key,
            *_place(e.place),
            e.confidence,
            e.basis,
        )


def claim_rows(story_id: str, claims: Iterable[Claim]) -> Iterator[tuple[Any, ...]]:
    for index, c in enumerate(claims):
        yield (
            fact_id(story_id, "claim", index),
            story_id,
            c.span.article_id,
            c.span.start,
            c.span.end,
            c.sentence.start,
            c.sentence.end,
            c.subject,
            c.value,
            c.number,
            c.unit,
            c.time,
            c.confidence,
            c.holder,
        )
