"""What SQLite and PostgreSQL share: every write and read of the store, written once.

``SQLStore`` runs the SQL of ``queries.py`` and ``writes.py`` through a few hooks
each back-end fills in: running a query (``_rows``), a write transaction, how a list
of ids travels as one parameter, and full-text search, which each database does its
own way. Rows become the dicts the API documents in ``mapping.py``.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from newsgraph.records import FactMention, SameStoryPlacement, Span, Story, StoryFacts
from newsgraph.store import mapping, writes
from newsgraph.store import queries as q
from newsgraph.store.base import JsonDict, Store, StoreIntegrityError
from newsgraph.store.browse import Statement

# A list of ids travelling as one parameter (see ``SQLStore._in_list``).
ListParameter = Any


class SQLStore(Store):
    """The store over a SQL database; a subclass says how to reach its database."""

    # Errors of the driver that mean a write broke a constraint.
    integrity_errors: tuple[type[Exception], ...]
    # A column that orders rows of a table as they were inserted.
    insertion_order: str
    # A table of one column, ``value``, out of a list parameter: {param} and {alias}.
    list_table: str

    @abstractmethod
    def _rows(self, sql: str, parameters: Mapping[str, Any]) -> list[JsonDict]:
        """Run one query with named ``:parameters``; its rows as dicts."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[writes.Writer]:
        """One write transaction: committed whole, or rolled back on any error."""

    @abstractmethod
    def _list(self, values: list[str]) -> ListParameter:
        """A list of strings as the one parameter ``list_table`` reads."""

    def _in_list(self, column: str, parameter: str) -> str:
        """The condition that ``column`` is one of the values of a list parameter."""
        table = self.list_table.format(param=parameter, alias="listed")
        return f"{column} IN (SELECT listed.value FROM {table})"

    def _ids(self, sql: str, parameters: dict[str, Any]) -> list[str]:
        return [next(iter(row.values())) for row in self._rows(sql, parameters)]

    # --- writes ---

    def has_article(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE id = :id", {"id": article_id}))

    def story_of(self, article_id: str) -> str | None:
        found = self._rows("SELECT story_id FROM articles WHERE id = :id", {"id": article_id})
        return found[0]["story_id"] if found else None

    def load_story(self, story_id: str) -> Story | None:
        by_story = {"story_id": story_id}
        found = self._rows("SELECT * FROM stories WHERE id = :story_id", by_story)
        if not found:
            return None
        story = found[0]
        rows = self._rows(
            "SELECT * FROM articles WHERE story_id = :story_id ORDER BY position", by_story
        )
        return Story(
            id=story["id"],
            versions=[mapping.article_from_row(row) for row in rows],
            canonical_id=story["canonical_article_id"],
            published=story["published"],
            publisher=story["publisher"],
            title=story["title"],
        )

    def story_signatures(self) -> Iterator[tuple[str, str, bytes]]:
        # Read whole before yielding, so a caller may save stories while iterating.
        rows = self._rows(
            "SELECT id, story_id, signature FROM articles WHERE signature IS NOT NULL ORDER BY seq",
            {},
        )
        for row in rows:
            yield row["id"], row["story_id"], bytes(row["signature"])

    def save_story(
        self,
        story: Story,
        signatures: dict[str, bytes],
        facts: StoryFacts | None,
        fact_mentions: list[FactMention] | None = None,
        same_story: SameStoryPlacement | None = None,
    ) -> None:
        if facts is not None and facts.story_id != story.id:
            raise StoreIntegrityError(f"facts of story {facts.story_id} saved with {story.id}")
        try:
            with self._transaction() as connection:
                writes.write_story(connection, story, signatures)
                if facts is not None:
                    writes.replace_facts(connection, story.id, facts)
                    fact_mentions = facts.fact_mentions
                if fact_mentions is not None:
                    writes.replace_fact_mentions(connection, story.id, fact_mentions)
                if same_story is not None:
                    writes.place_story(connection, story.id, same_story)
        except self.integrity_errors as error:
            raise StoreIntegrityError(f"story {story.id} not saved: {error}") from error

    def fact_sentences(self, story_id: str) -> list[FactMention]:
        rows = self._rows(
            "SELECT 'quote' AS kind, id, article_id, span_start, span_end, sentence_start,"
            " sentence_end FROM quotes WHERE story_id = :story"
            " UNION ALL SELECT 'event', id, article_id, span_start, span_end, sentence_start,"
            " sentence_end FROM events WHERE story_id = :story",
            {"story": story_id},
        )
        return [
            FactMention(
                kind=row["kind"],
                index=mapping.fact_index(row["id"]),
                span=Span(row["article_id"], row["span_start"], row["span_end"]),
                sentence=None
                if row["sentence_start"] is None
                else Span(row["article_id"], row["sentence_start"], row["sentence_end"]),
            )
            for row in rows
        ]

    def same_story_profiles(self) -> Iterator[tuple[str, str, str]]:
        # Read whole before yielding, so a caller may save stories while iterating.
        rows = self._rows(
            "SELECT story_id, group_id, profile FROM story_groups ORDER BY placed", {}
        )
        for row in rows:
            yield row["story_id"], row["group_id"], row["profile"]

    def fetch_validators(self, url: str) -> tuple[str | None, str | None] | None:
        found = self._rows("SELECT etag, last_modified FROM fetches WHERE url = :url", {"url": url})
        return (found[0]["etag"], found[0]["last_modified"]) if found else None

    def remember_fetches(self, fetches: Iterable[tuple[str, str | None, str | None]]) -> None:
        now = datetime.now(UTC).isoformat()
        with self._transaction() as connection:
            connection.executemany(
                "INSERT INTO fetches (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
                " last_modified = excluded.last_modified, fetched_at = excluded.fetched_at",
                [(url, etag, last_modified, now) for url, etag, last_modified in fetches],
            )

    def seen_feed_items(self, feed_url: str) -> set[str]:
        rows = self._rows(
            "SELECT item_key FROM feed_items WHERE feed_url = :feed", {"feed": feed_url}
        )
        return {row["item_key"] for row in rows}

    def remember_feed_items(self, feed_url: str, keys: Iterable[str]) -> None:
        now = datetime.now(UTC).isoformat()
        with self._transaction() as connection:
            connection.executemany(
                "INSERT INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                [(feed_url, key, now) for key in keys],
            )

    # --- reads ---

    def _rows_together(self, statements: Sequence[Statement]) -> list[list[JsonDict]]:
        """The rows of each statement, in order. They must not depend on each other's
        results: a back-end may send them at once (PostgreSQL pipelines them, one round
        trip for all instead of one each)."""
        return [self._rows(sql, parameters) for sql, parameters in statements]

    def _story_statements(self, story_id: str | None) -> list[Statement]:
        """The queries of ``_stories_from``: every story, or the one ``story_id`` names."""
        parameters = {"story_id": story_id}
        story_where, version_where = (
            ("s.id = :story_id", "story_id = :story_id") if story_id else ("TRUE", "TRUE")
        )
        return [
            (q.STORY_SELECT.format(where=story_where), parameters),
            (q.VERSION_SELECT.format(where=version_where), parameters),
            *self._same_story_statements(story_id),
        ]

    def _stories_from(self, results: list[list[JsonDict]]) -> list[JsonDict]:
        """Story summaries from the rows of ``_story_statements``."""
        rows, version_rows, *group_rows = results
        versions: dict[str, list[JsonDict]] = defaultdict(list)
        for version in version_rows:
            versions[version.pop("story_id")].append(version)
        groups = self._same_story_summaries(*group_rows)
        return [
            {
                "id": row["id"],
                "title": row["title"],
                "published": row["published"],
                "publisher": row["publisher"],
                "canonical_article_id": row["canonical_article_id"],
                "tone": row["tone"],
                "versions": versions[row["id"]],
                "counts": {key: row[key] for key in ("articles", "quotes", "events", "claims")},
                "publishers": mapping.distinct(v["publisher"] for v in versions[row["id"]]),
                "same_story": groups[row["id"]],
            }
            for row in rows
        ]

    def _same_story_statements(self, story_id: str | None) -> list[Statement]:
        """Level 2 for every story (or one): its group's members, and their outlets."""
        # One story's group is found along the indexes: its group id, then the members.
        members, outlets = (q.GROUP_MEMBERS, f"story_id IN {q.GROUP_MEMBER_IDS}")
        if story_id is None:
            members = outlets = "TRUE"
        parameters = {"story_id": story_id}
        return [
            (
                f"""
                SELECT s.id, coalesce(g.group_id, s.id) AS group_id
                FROM stories s LEFT JOIN story_groups g ON g.story_id = s.id
                WHERE {members}
                ORDER BY s.published IS NULL, s.published, s.id
                """,
                parameters,
            ),
            (
                f"SELECT story_id, publisher FROM articles WHERE {outlets}"
                " ORDER BY story_id, position",
                parameters,
            ),
        ]

    def _same_story_summaries(
        self, member_rows: list[JsonDict], outlet_rows: list[JsonDict]
    ) -> dict[str, JsonDict]:
        """Each story's group (from ``_same_story_statements``): its stories, articles
        and outlets. A story never placed in a group is a group of its own."""
        publishers: dict[str, list[str | None]] = defaultdict(list)
        for row in outlet_rows:
            publishers[row["story_id"]].append(row["publisher"])
        members: dict[str, list[str]] = defaultdict(list)
        for row in member_rows:
            members[row["group_id"]].append(row["id"])
        summaries = {}
        for group_id, stories in members.items():
            outlets = [publisher for story in stories for publisher in publishers[story]]
            summary = {
                "id": group_id,
                "stories": stories,
                "articles": len(outlets),
                "publishers": mapping.distinct(outlets),
            }
            summaries.update((story, summary) for story in stories)
        return summaries

    def same_story(self, story_id: str) -> JsonDict | None:
        groups = self._same_story_summaries(
            *self._rows_together(self._same_story_statements(story_id))
        )
        if story_id not in groups:
            return None
        group = dict(groups[story_id])
        by_stories = {"stories": self._list(group["stories"])}
        in_group = self._in_list("{}.story_id", ":stories")
        quotes, events, quote_keys, event_keys = self._rows_together(
            [
                self._quote_statement(in_group.format("q"), by_stories),
                self._event_statement(in_group.format("e"), by_stories),
                self._same_keys_statement("quotes", by_stories),
                self._same_keys_statement("events", by_stories),
            ]
        )
        group["quotes"] = mapping.merge_reports(self._quotes_from(quotes), _same_keys(quote_keys))
        group["events"] = mapping.merge_reports(self._events_from(events), _same_keys(event_keys))
        return group

    def _same_keys_statement(self, table: str, by_stories: Mapping[str, Any]) -> Statement:
        # The table is one of the two fixed names at the call sites, never input.
        return (
            f"SELECT id, coalesce(same_key, id) AS same_key FROM {table}"
            f" WHERE {self._in_list('story_id', ':stories')}",
            by_stories,
        )

    @abstractmethod
    def _json_rows(self, columns: Sequence[str], source: str, order: str) -> str:
        """A scalar subquery: the rows of ``source`` (``table alias WHERE …``) as a JSON
        array of arrays of ``columns``, in ``order``; an empty array when there are none.
        A list that belongs to each row of a query is read with it, not by a query of
        its own."""

    def _fact_mentions_json(self, fact: str) -> str:
        """The other places of fact ``fact`` (a quote or event alias), in insertion order."""
        return self._json_rows(
            [f"fm.{column}" for column in mapping.FACT_MENTION_COLUMNS],
            f"fact_mentions fm WHERE fm.fact_id = {fact}.id",
            f"fm.{self.insertion_order}",
        )

    def stories(self) -> list[JsonDict]:
        return self._stories_from(self._rows_together(self._story_statements(None)))

    def story(self, story_id: str) -> JsonDict | None:
        return self._story_from(self._rows_together(self._story_read(story_id)))

    def _story_read(self, story_id: str) -> list[Statement]:
        """The statements of ``story``, to run together: ``_story_from`` reads their rows."""
        by_story = {"story_id": story_id}
        return [
            *self._story_statements(story_id),
            (
                "SELECT standfirst, body, text, captions, sections FROM articles"
                " WHERE id = (SELECT canonical_article_id FROM stories WHERE id = :story_id)",
                by_story,
            ),
            # Here an actor's `mentions` counts its mentions in this story only.
            self._actor_statement("TRUE", by_story, in_story=True),
            self._quote_statement("q.story_id = :story_id", by_story),
            self._event_statement("e.story_id = :story_id", by_story),
            (q.CLAIM_SELECT.format(where="c.story_id = :story_id"), by_story),
        ]

    def _story_from(self, results: list[list[JsonDict]]) -> JsonDict | None:
        *summary_rows, canonical, actors, quotes, events, claims = results
        found = self._stories_from(summary_rows)
        if not found or not canonical:
            return None
        story = found[0]
        story.update(
            standfirst=canonical[0]["standfirst"],
            body=canonical[0]["body"],
            text=canonical[0]["text"],
            captions=json.loads(canonical[0]["captions"]),
            sections=json.loads(canonical[0]["sections"]),
            actors=self._actors_from(actors),
            quotes=self._quotes_from(quotes),
            events=self._events_from(events),
            claims=claims,
        )
        return story

    def _actor_statement(
        self, where: str, parameters: Mapping[str, Any], in_story: bool = False, page: str = ""
    ) -> Statement:
        """The actors meeting ``where``, or ``in_story`` those of :story_id with their
        mentions there alone; ``page`` is an optional LIMIT clause."""
        of_actor = "x.actor_key = ac.key"
        select = q.ACTOR_SELECT.format(
            where=where,
            counts=q.ACTOR_IN_STORY if in_story else q.ACTOR_OVERALL,
            aliases=self._json_rows(["x.alias"], f"actor_aliases x WHERE {of_actor}", "x.alias"),
            roles=self._json_rows(["x.role"], f"actor_roles x WHERE {of_actor}", "x.role"),
        )
        return select + page, parameters

    def _actors_from(self, rows: list[JsonDict]) -> list[JsonDict]:
        """Actor dicts, in the keys' documented order, from ``_actor_statement``'s rows."""
        actors = []
        for row in rows:
            actor = {key: row[key] for key in ("key", "name", "type", "code", "country", "sector")}
            actor["aliases"] = [alias for (alias,) in mapping.json_rows(row["aliases"])]
            actor["roles"] = [role for (role,) in mapping.json_rows(row["roles"])]
            # An actor no counted mention names any more is trusted by nothing.
            actor["confidence"] = row["confidence"] if row["confidence"] is not None else 0.0
            actor["referenced"] = bool(row["referenced"])
            actor["mentions"] = row["mentions"]  # last, as the API documents it
            actors.append(actor)
        return actors

    def _actor_dicts(
        self, where: str, parameters: Mapping[str, Any], page: str = ""
    ) -> list[JsonDict]:
        return self._actors_from(self._rows(*self._actor_statement(where, parameters, page=page)))

    def actors(self, min_confidence: float | None = None) -> list[JsonDict]:
        if min_confidence is None:
            return self._actor_dicts("TRUE", {})
        return self._actor_dicts(q.ACTOR_SHOWN, {"min_actor_confidence": min_confidence})

    def _with_actor(
        self, name_or_key: str, statements_of: Callable[[str], list[Statement]]
    ) -> tuple[JsonDict, list[list[JsonDict]]] | None:
        """The actor ``name_or_key`` names, and the rows of ``statements_of(its key)``.

        An exact key wins over a name, a name over an alias; then the most mentioned. The
        text is first taken for a key, as the workbench's links give it, and its statements
        read together with the lookup (one round trip on PostgreSQL); they are read again
        only when the text was a name."""
        term = {"term": name_or_key.strip(), "folded": q.fold(name_or_key)}
        lookup = self._actor_statement(f"ac.key IN {q.MATCHING_ACTOR_KEYS}", term)
        found, *rows = self._rows_together([lookup, *statements_of(term["term"])])
        if not found:
            return None
        rank = {"key": 0, "name": 1, "alias": 2}
        actors = self._actors_from(found)
        actors.sort(key=lambda a: rank[q.how_matched(a, term["term"], term["folded"])])
        actor = actors[0]
        if actor["key"] != term["term"]:
            rows = self._rows_together(statements_of(actor["key"]))
        return actor, rows

    def actor(self, name_or_key: str, min_confidence: float | None = None) -> JsonDict | None:
        def statements_of(key: str) -> list[Statement]:
            by_key = {"key": key, "min_confidence": min_confidence or 0.0}
            return [
                self._quote_statement(f"q.speaker_key = :key AND {q.QUOTE_SHOWN}", by_key),
                *(
                    self._event_statement(
                        f"e.{side}_actor_key = :key AND e.confidence >= :min_confidence", by_key
                    )
                    for side in q.SIDES
                ),
            ]

        found = self._with_actor(name_or_key, statements_of)
        if found is None:
            return None
        actor, (quotes, *sides) = found
        actor["quotes"] = self._quotes_from(quotes)
        for side, events in zip(q.SIDES, sides, strict=True):
            actor[f"events_as_{side}"] = self._events_from(events)
        return actor

    def _quote_statement(
        self,
        where: str,
        parameters: Mapping[str, Any],
        order: str = q.QUOTES_IN_STORY_ORDER,
        quotes: str = "quotes",
    ) -> Statement:
        select = q.QUOTE_SELECT.format(
            quotes=quotes, where=where, fact_mentions=self._fact_mentions_json("q"), order=order
        )
        return select, parameters

    def _quotes_from(self, rows: list[JsonDict]) -> list[JsonDict]:
        for quote in rows:
            quote["partial"] = bool(quote["partial"])
            quote["speaker_unnamed"] = bool(quote["speaker_unnamed"])
        return [mapping.with_fact_mentions(quote) for quote in rows]

    def _quote_dicts(self, where: str, parameters: Mapping[str, Any]) -> list[JsonDict]:
        return self._quotes_from(self._rows(*self._quote_statement(where, parameters)))

    def quotes(
        self, speaker: str | None = None, min_confidence: float | None = None
    ) -> list[JsonDict]:
        conditions, parameters = ["TRUE"], {}
        if speaker is not None:
            conditions.append(
                f"(q.speaker_key IN {q.MATCHING_ACTOR_KEYS}"
                " OR q.speaker_text LIKE :like ESCAPE '\\')"
            )
            parameters.update(
                term=speaker.strip(), folded=q.fold(speaker), like=q.like_pattern(speaker)
            )
        if min_confidence is not None:
            conditions.append(q.QUOTE_SHOWN)
            parameters["min_confidence"] = min_confidence
        return self._quote_dicts(" AND ".join(conditions), parameters)

    def _event_statement(
        self,
        where: str,
        parameters: Mapping[str, Any],
        order: str = q.EVENTS_IN_STORY_ORDER,
        events: str = "events",
    ) -> Statement:
        select = q.EVENT_SELECT.format(
            events=events, where=where, fact_mentions=self._fact_mentions_json("e"), order=order
        )
        return select, parameters

    def _events_from(self, rows: list[JsonDict]) -> list[JsonDict]:
        return [mapping.with_fact_mentions(mapping.event_from_row(row)) for row in rows]

    def _event_dicts(self, where: str, parameters: Mapping[str, Any]) -> list[JsonDict]:
        return self._events_from(self._rows(*self._event_statement(where, parameters)))

    def events(
        self,
        actor: str | None = None,
        cameo_root: str | None = None,
        min_confidence: float | None = None,
    ) -> list[JsonDict]:
        conditions, parameters = ["TRUE"], {}
        if actor is not None:
            conditions.append(
                f"(e.source_actor_key IN {q.MATCHING_ACTOR_KEYS}"
                f" OR e.target_actor_key IN {q.MATCHING_ACTOR_KEYS}"
                " OR e.source_text LIKE :like ESCAPE '\\' OR e.target_text LIKE :like ESCAPE '\\')"
            )
            parameters.update(term=actor.strip(), folded=q.fold(actor), like=q.like_pattern(actor))
        if cameo_root is not None:
            cameo_conditions, cameo_parameters = q.cameo_conditions(cameo_root, "e")
            conditions += cameo_conditions
            parameters |= cameo_parameters
        if min_confidence is not None:
            conditions.append("e.confidence >= :min_confidence")
            parameters["min_confidence"] = min_confidence
        return self._event_dicts(" AND ".join(conditions), parameters)

    def claims(self, min_confidence: float | None = None) -> list[JsonDict]:
        if min_confidence is None:
            return self._rows(q.CLAIM_SELECT.format(where="TRUE"), {})
        return self._rows(
            q.CLAIM_SELECT.format(where="c.confidence >= :min_confidence"),
            {"min_confidence": min_confidence},
        )

    def counts(self) -> dict[str, int]:
        return self._rows(
            """
            SELECT (SELECT count(*) FROM stories) AS stories,
                   (SELECT count(*) FROM articles) AS articles,
                   (SELECT count(*) FROM actors) AS actors,
                   (SELECT count(*) FROM quotes) AS quotes,
                   (SELECT count(*) FROM events) AS events,
                   (SELECT count(*) FROM claims) AS claims
            """,
            {},
        )[0]


def _same_keys(rows: list[JsonDict]) -> dict[str, str]:
    return {row["id"]: row["same_key"] for row in rows}
