"""The write path of ``save_story``, the same SQL on both back-ends.

Each function runs inside the transaction the store opened, through a ``Writer``: the
SQLite connection itself, or the PostgreSQL store's cursor that reads ``?`` as its
placeholders. Upserts are ``INSERT ... ON CONFLICT``, which both databases know.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from newsgraph.records import Actor, FactMention, SameStoryPlacement, Story, StoryFacts
from newsgraph.store.mapping import (
    article_row,
    claim_rows,
    event_rows,
    fact_id,
    mention_rows,
    quote_rows,
)
from newsgraph.store.queries import fold


class Writer(Protocol):
    """What the write path needs of a connection inside a transaction."""

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any: ...


def write_story(connection: Writer, story: Story, signatures: dict[str, bytes]) -> None:
    connection.execute(
        """
        INSERT INTO stories (id, canonical_article_id, title, published, publisher)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
            canonical_article_id = excluded.canonical_article_id,
            title = excluded.title,
            published = excluded.published,
            publisher = excluded.publisher
        """,
        (story.id, story.canonical_id, story.title, story.published, story.publisher),
    )
    # Content never changes under an article id; only its place in a story can.
    connection.executemany(
        """
        INSERT INTO articles (id, story_id, position, source_ref, title, published, publisher,
                              author, url, standfirst, paragraphs, captions, sections,
                              word_count, text, body, signature, tone, language)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
            story_id = excluded.story_id,
            position = excluded.position,
            signature = coalesce(excluded.signature, articles.signature)
        """,
        (
            article_row(story.id, position, article, signatures.get(article.id))
            for position, article in enumerate(story.versions)
        ),
    )


def replace_facts(connection: Writer, story_id: str, facts: StoryFacts) -> None:
    """Delete the story's previous facts, merge its actors, insert the new facts."""
    for table in ("mentions", "quotes", "events", "claims"):
        # Table names are the fixed tuple above, never input.
        connection.execute(f"DELETE FROM {table} WHERE story_id = ?", (story_id,))
    merge_actors(connection, facts.actors)
    connection.executemany(
        "INSERT INTO mentions (story_id, article_id, actor_key, span_start, span_end, text,"
        " confidence, referenced) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        mention_rows(story_id, facts),
    )
    connection.executemany(
        """
        INSERT INTO quotes (id, story_id, article_id, span_start, span_end, text, speaker_key,
                            speaker_text, cue, addressee_key, via, partial,
                            sentence_start, sentence_end, same_key, speaker_unnamed,
                            confidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        quote_rows(story_id, facts.quotes),
    )
    connection.executemany(
        """
        INSERT INTO events (id, story_id, article_id, span_start, span_end, sentence_start,
                            sentence_end, verb, source_text, source_actor_key, source_code,
                            source_sector, target_text, target_actor_key, target_code,
                            target_sector, cameo, cameo_root, plover, goldstein, quad_class,
                            event_date, location, negated, same_key, place_name, latitude,
                            longitude, place_type, place_country, confidence, basis)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?, ?)
        """,
        event_rows(story_id, facts.events),
    )
    connection.executemany(
        """
        INSERT INTO claims (id, story_id, article_id, span_start, span_end, sentence_start,
                            sentence_end, subject, value, number, unit, time, confidence,
                            holder)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        claim_rows(story_id, facts.claims),
    )


def merge_actors(connection: Writer, actors: Iterable[Actor]) -> None:
    """Upsert actors by key; aliases and roles accumulate as sets across stories."""
    actors = list(actors)
    connection.executemany(
        """
        INSERT INTO actors (key, name, folded_name, type, code, country, sector)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET
            name = excluded.name,
            folded_name = excluded.folded_name,
            type = excluded.type,
            code = coalesce(excluded.code, actors.code),
            country = coalesce(excluded.country, actors.country),
            sector = coalesce(excluded.sector, actors.sector)
        """,
        ((a.key, a.name, fold(a.name), a.type, a.code, a.country, a.sector) for a in actors),
    )
    connection.executemany(
        "INSERT INTO actor_aliases (actor_key, alias, folded_alias) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        ((a.key, alias, fold(alias)) for a in actors for alias in a.aliases),
    )
    connection.executemany(
        "INSERT INTO actor_roles (actor_key, role) VALUES (?, ?) ON CONFLICT DO NOTHING",
        ((a.key, role) for a in actors for role in a.roles),
    )


def replace_fact_mentions(
    connection: Writer, story_id: str, mentions: Iterable[FactMention]
) -> None:
    connection.execute("DELETE FROM fact_mentions WHERE story_id = ?", (story_id,))
    connection.executemany(
        """
        INSERT INTO fact_mentions (fact_id, kind, story_id, article_id, span_start, span_end,
                                   sentence_start, sentence_end)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (
            (
                fact_id(story_id, m.kind, m.index),
                m.kind,
                story_id,
                m.span.article_id,
                m.span.start,
                m.span.end,
                m.sentence.start if m.sentence else None,
                m.sentence.end if m.sentence else None,
            )
            for m in mentions
        ),
    )


def place_story(connection: Writer, story_id: str, placement: SameStoryPlacement) -> None:
    """Record the story's level-2 group, and the new groups of stories it moved."""
    connection.execute(
        """
        INSERT INTO story_groups (story_id, group_id, profile, placed)
        VALUES (?, ?, ?, (SELECT coalesce(max(placed), 0) + 1 FROM story_groups))
        ON CONFLICT (story_id) DO UPDATE SET
            group_id = excluded.group_id, profile = excluded.profile
        """,
        (story_id, placement.group_id, placement.profile),
    )
    connection.executemany(
        "UPDATE story_groups SET group_id = ? WHERE story_id = ?",
        ((group_id, story) for story, group_id in placement.regrouped),
    )
