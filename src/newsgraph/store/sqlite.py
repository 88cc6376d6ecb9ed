"""The SQLite backend: WAL journal, FTS5 search, migrations applied on open.

Dialect-specific choices live here: the migration files under
``data/store/sqlite``, FTS5 ``MATCH`` queries, ``ON CONFLICT`` upserts and
``BEGIN IMMEDIATE`` transactions. Every value reaches SQL as a parameter:
article text is hostile input.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.records import (
    Actor,
    ActorRef,
    Article,
    Claim,
    Event,
    FactMention,
    Place,
    Quote,
    SameStoryPlacement,
    Section,
    Span,
    Story,
    StoryFacts,
)
from newsgraph.store import browse, ranking, summaries
from newsgraph.store import places as place_queries
from newsgraph.store.base import Filters, JsonDict, Store, StoreError, StoreIntegrityError
from newsgraph.store.fulltext import full_text_query
from newsgraph.store.ingest_lock import IngestFileLock

MIGRATIONS = resources.files("newsgraph") / "data" / "store" / "sqlite"
_MIGRATION_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>\w+)\.sql$")
# Words of a search query; everything else (quotes, operators, brackets) is dropped.
BUSY_TIMEOUT_MS = 10_000
# A reader maps the file into memory (up to this size): pages come straight from the
# OS page cache, shared by every connection, instead of a read() and a copy each.
READER_MMAP_BYTES = 1 << 34


@dataclass(frozen=True)
class Migration:
    """One schema change: its number, its name and the statements it runs."""

    version: int
    name: str
    statements: list[str]


def load_migrations() -> list[Migration]:
    """The migration files in version order, each split into single statements."""
    migrations = []
    for entry in MIGRATIONS.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            statements = _split_statements(entry.read_text(encoding="utf-8"))
            migrations.append(Migration(int(match["version"]), match["name"], statements))
    migrations.sort(key=lambda migration: migration.version)
    versions = [migration.version for migration in migrations]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migration files share a version number: {versions}")
    return migrations


def _split_statements(script: str) -> list[str]:
    """Split a script at statement ends; sqlite3 knows a trigger body is one statement."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise StoreError(f"migration ends inside a statement: {pending.strip()[:60]!r}")
    return statements


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _fold(text: str) -> str:
    """The form names are compared in: case-insensitive beyond ASCII."""
    return " ".join(text.casefold().split())


def _like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Stories of :story_id's level-2 group (one never placed is a group of its own).
_GROUP_MEMBERS = """s.id IN (
    WITH target(group_id) AS (
        SELECT coalesce((SELECT group_id FROM story_groups WHERE story_id = :story_id), id)
        FROM stories WHERE id = :story_id
    )
    SELECT story_id FROM story_groups WHERE group_id = (SELECT group_id FROM target)
    UNION
    SELECT group_id FROM target
    WHERE NOT EXISTS (
        SELECT 1 FROM story_groups WHERE story_id = (SELECT group_id FROM target)
    )
)"""

# Keys of actors whose key, name or alias equals :term (case-insensitively).
_MATCHING_ACTOR_KEYS = """(
    SELECT key FROM actors WHERE key = :term COLLATE NOCASE OR folded_name = :folded
    UNION SELECT actor_key FROM actor_aliases WHERE folded_alias = :folded
)"""

_QUOTE_SELECT = """
SELECT q.id, q.story_id, q.article_id, q.span_start AS start, q.span_end AS "end", q.text,
       q.speaker_key, speaker.name AS speaker, q.speaker_text, q.cue,
       q.addressee_key, addressee.name AS addressee, q.via, q.partial,
       q.speaker_unnamed, q.confidence,
       substr(a.text, q.sentence_start + 1, q.sentence_end - q.sentence_start) AS sentence,
       q.sentence_start, q.sentence_end
FROM quotes q
JOIN articles a ON a.id = q.article_id
JOIN stories s ON s.id = q.story_id
LEFT JOIN actors speaker ON speaker.key = q.speaker_key
LEFT JOIN actors addressee ON addressee.key = q.addressee_key
WHERE {where}
ORDER BY s.published IS NULL, s.published, q.story_id, q.span_start, q.id
"""

_EVENT_SELECT = """
SELECT e.id, e.story_id, e.article_id, e.span_start AS start, e.span_end AS "end", e.verb,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
       e.sentence_start, e.sentence_end,
       e.source_text, e.source_actor_key, source.name AS source_name,
       e.source_code, e.source_sector,
       e.target_text, e.target_actor_key, target.name AS target_name,
       e.target_code, e.target_sector,
       e.cameo, e.cameo_root, e.plover, e.goldstein, e.quad_class,
       e.event_date AS date, e.location, e.negated,
       e.place_name, e.latitude, e.longitude, e.place_type, e.place_country,
       e.confidence, e.basis
FROM events e
JOIN articles a ON a.id = e.article_id
JOIN stories s ON s.id = e.story_id
LEFT JOIN actors source ON source.key = e.source_actor_key
LEFT JOIN actors target ON target.key = e.target_actor_key
WHERE {where}
ORDER BY s.published IS NULL, s.published, e.story_id, e.span_start, e.id
"""

_SIDES = ("source", "target")
_NEWEST_EVENTS_PAGE = " ORDER BY e.event_date DESC, e.id DESC LIMIT :limit OFFSET :offset"
# Event dict keys that come before the nested sides, in the order the API documents.
_EVENT_HEAD = (
    "id",
    "story_id",
    "article_id",
    "start",
    "end",
    "verb",
    "sentence",
    "sentence_start",
    "sentence_end",
)

_CLAIM_SELECT = """
SELECT c.id, c.story_id, c.article_id, c.span_start AS start, c.span_end AS "end",
       substr(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence,
       c.sentence_start, c.sentence_end, c.subject, c.value, c.number, c.unit, c.time,
       c.confidence
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN stories s ON s.id = c.story_id
WHERE {where}
ORDER BY s.published IS NULL, s.published, c.story_id, c.span_start, c.id
"""

_STORY_SELECT = """
SELECT s.id, s.title, s.published, s.publisher, s.canonical_article_id,
       (SELECT count(*) FROM articles x WHERE x.story_id = s.id) AS articles,
       (SELECT count(*) FROM quotes x WHERE x.story_id = s.id) AS quotes,
       (SELECT count(*) FROM events x WHERE x.story_id = s.id) AS events,
       (SELECT count(*) FROM claims x WHERE x.story_id = s.id) AS claims,
       (SELECT tone FROM articles x WHERE x.id = s.canonical_article_id) AS tone
FROM stories s
WHERE {where}
ORDER BY s.published IS NULL, s.published, s.id
"""

_ACTOR_SELECT = """
SELECT ac.key, ac.name, ac.type, ac.code, ac.country, ac.sector,
       {mentions} AS mentions
FROM actors ac
WHERE {where}
ORDER BY mentions DESC, ac.key
"""

_VERSION_SELECT = """
SELECT story_id, id AS article_id, source_ref, title, published, publisher, author, url,
       word_count, tone, language
FROM articles WHERE {where} ORDER BY story_id, position
"""


class SQLiteStore(Store):
    """A store in one SQLite file (or in memory for ``:memory:``).

    The connection may be shared between threads (an API server's worker pool);
    writes are serialised by a lock and each story is one ``BEGIN IMMEDIATE``
    transaction, so a crash leaves either all of a story or none of it.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = False
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # An in-memory store is this object's alone: nothing else can ingest into it.
        self._ingest_lock = None if self.path == ":memory:" else IngestFileLock(self.path)
        self._connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._connection.row_factory = sqlite3.Row
        self._write_lock = threading.Lock()
        self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        self._connection.execute("PRAGMA foreign_keys = ON")
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.execute("PRAGMA synchronous = NORMAL")
        self._migrate()
        if read_only:
            # After migrating: from here on this connection refuses every write.
            self.read_only = True
            self._connection.execute("PRAGMA query_only = ON")
            self._connection.execute(f"PRAGMA mmap_size = {READER_MMAP_BYTES:d}")

    def close(self) -> None:
        self._connection.close()

    def ingest_lock(self) -> AbstractContextManager[None]:
        return nullcontext() if self._ingest_lock is None else self._ingest_lock.held()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back on any error."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; nothing was written")
        with self._write_lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
                self._connection.execute("COMMIT")
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise

    def _migrate(self) -> None:
        """Apply, in order, each migration not yet recorded in ``schema_version``."""
        self._connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        # Every migration not recorded, not only those above the highest: files numbered
        # by different branches may land out of order.
        applied = {row[0] for row in self._connection.execute("SELECT version FROM schema_version")}
        pending = [m for m in load_migrations() if m.version not in applied]
        for migration in pending:
            with self._transaction() as connection:
                # Re-checked under the write lock: another process may have just applied it.
                applied = connection.execute(
                    "SELECT 1 FROM schema_version WHERE version = ?", (migration.version,)
                ).fetchone()
                if applied:
                    continue
                for statement in migration.statements:
                    connection.execute(statement)
                connection.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, datetime.now(UTC).isoformat()),
                )

    @property
    def schema_version(self) -> int:
        row = self._connection.execute("SELECT max(version) FROM schema_version").fetchone()
        return row[0] or 0

    @property
    def journal_mode(self) -> str:
        """SQLite's journal mode: ``wal`` for a file store, ``memory`` in memory."""
        return self._connection.execute("PRAGMA journal_mode").fetchone()[0]

    # --- writes ---

    def has_article(self, article_id: str) -> bool:
        row = self._connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    def story_of(self, article_id: str) -> str | None:
        row = self._connection.execute(
            "SELECT story_id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row["story_id"] if row else None

    def load_story(self, story_id: str) -> Story | None:
        story = self._connection.execute(
            "SELECT * FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        if story is None:
            return None
        rows = self._connection.execute(
            "SELECT * FROM articles WHERE story_id = ? ORDER BY position", (story_id,)
        ).fetchall()
        return Story(
            id=story["id"],
            versions=[_article_from_row(row) for row in rows],
            canonical_id=story["canonical_article_id"],
            published=story["published"],
            publisher=story["publisher"],
            title=story["title"],
        )

    def story_signatures(self) -> Iterator[tuple[str, str, bytes]]:
        # Read whole before yielding, so a caller may save stories while iterating.
        rows = self._connection.execute(
            "SELECT id, story_id, signature FROM articles WHERE signature IS NOT NULL ORDER BY seq"
        ).fetchall()
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
                _write_story(connection, story, signatures)
                if facts is not None:
                    _replace_facts(connection, story.id, facts)
                    fact_mentions = facts.fact_mentions
                if fact_mentions is not None:
                    _replace_fact_mentions(connection, story.id, fact_mentions)
                if same_story is not None:
                    _place_story(connection, story.id, same_story)
        except sqlite3.IntegrityError as error:
            raise StoreIntegrityError(f"story {story.id} not saved: {error}") from error

    def fact_sentences(self, story_id: str) -> list[FactMention]:
        rows = self._connection.execute(
            "SELECT 'quote' AS kind, id, article_id, span_start, span_end, sentence_start,"
            " sentence_end FROM quotes WHERE story_id = :story"
            " UNION ALL SELECT 'event', id, article_id, span_start, span_end, sentence_start,"
            " sentence_end FROM events WHERE story_id = :story",
            {"story": story_id},
        )
        return [
            FactMention(
                kind=row["kind"],
                index=_fact_index(row["id"]),
                span=Span(row["article_id"], row["span_start"], row["span_end"]),
                sentence=None
                if row["sentence_start"] is None
                else Span(row["article_id"], row["sentence_start"], row["sentence_end"]),
            )
            for row in rows
        ]

    def same_story_profiles(self) -> Iterator[tuple[str, str, str]]:
        # Read whole before yielding, so a caller may save stories while iterating.
        rows = self._connection.execute(
            "SELECT story_id, group_id, profile FROM story_groups ORDER BY placed"
        ).fetchall()
        for row in rows:
            yield row["story_id"], row["group_id"], row["profile"]

    def fetch_validators(self, url: str) -> tuple[str | None, str | None] | None:
        row = self._connection.execute(
            "SELECT etag, last_modified FROM fetches WHERE url = ?", (url,)
        ).fetchone()
        return (row["etag"], row["last_modified"]) if row else None

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
        rows = self._connection.execute(
            "SELECT item_key FROM feed_items WHERE feed_url = ?", (feed_url,)
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

    def _rows(self, sql: str, parameters: dict[str, Any] | Sequence[Any] = ()) -> list[JsonDict]:
        return [dict(row) for row in self._connection.execute(sql, parameters)]

    def _story_dicts(self, story_id: str | None = None) -> list[JsonDict]:
        """Summaries of every story, or of the one story ``story_id`` names."""
        parameters = {"story_id": story_id}
        story_where, version_where = (
            ("s.id = :story_id", "story_id = :story_id") if story_id else ("1", "1")
        )
        rows = self._rows(_STORY_SELECT.format(where=story_where), parameters)
        versions: dict[str, list[JsonDict]] = defaultdict(list)
        for version in self._rows(_VERSION_SELECT.format(where=version_where), parameters):
            versions[version.pop("story_id")].append(version)
        groups = self._same_story_summaries(story_id)
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
                "publishers": _distinct(v["publisher"] for v in versions[row["id"]]),
                "same_story": groups[row["id"]],
            }
            for row in rows
        ]

    def _same_story_summaries(self, story_id: str | None = None) -> dict[str, JsonDict]:
        """Level 2 for every story (or one): its group's stories, articles and outlets.

        A story never placed in a group is a group of its own.
        """
        # One story's group is found along the indexes: its group id, then the members.
        member_rows = self._rows(
            f"""
            SELECT s.id, coalesce(g.group_id, s.id) AS group_id
            FROM stories s LEFT JOIN story_groups g ON g.story_id = s.id
            WHERE {_GROUP_MEMBERS if story_id else "1"}
            ORDER BY s.published IS NULL, s.published, s.id
            """,
            {"story_id": story_id},
        )
        publishers: dict[str, list[str | None]] = defaultdict(list)
        for row in self._connection.execute(
            "SELECT story_id, publisher FROM articles"
            " WHERE story_id IN (SELECT value FROM json_each(?)) ORDER BY story_id, position",
            (_json([row["id"] for row in member_rows]),),
        ):
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
                "publishers": _distinct(outlets),
            }
            summaries.update((story, summary) for story in stories)
        return summaries

    def same_story(self, story_id: str) -> JsonDict | None:
        groups = self._same_story_summaries(story_id)
        if story_id not in groups:
            return None
        group = dict(groups[story_id])
        by_stories = {"stories": _json(group["stories"])}
        in_group = "{}.story_id IN (SELECT value FROM json_each(:stories))"
        group["quotes"] = _merge_reports(
            self._quote_dicts(in_group.format("q"), by_stories), self._same_keys("quotes", group)
        )
        group["events"] = _merge_reports(
            self._event_dicts(in_group.format("e"), by_stories), self._same_keys("events", group)
        )
        return group

    def _same_keys(self, table: str, group: JsonDict) -> dict[str, str]:
        # The table is one of the two fixed names at the call sites, never input.
        rows = self._connection.execute(
            f"SELECT id, coalesce(same_key, id) FROM {table}"
            " WHERE story_id IN (SELECT value FROM json_each(?))",
            (_json(group["stories"]),),
        )
        return dict(rows.fetchall())

    def _attach_fact_mentions(self, facts: list[JsonDict]) -> list[JsonDict]:
        """Give each quote or event ``mentions``: its own place, then the other versions
        of its story that repeat its sentence."""
        extra: dict[str, list[JsonDict]] = defaultdict(list)
        for row in self._connection.execute(
            "SELECT fact_id, article_id, span_start, span_end, sentence_start, sentence_end"
            " FROM fact_mentions WHERE fact_id IN (SELECT value FROM json_each(?))"
            " ORDER BY rowid",
            (_json([fact["id"] for fact in facts]),),
        ):
            extra[row["fact_id"]].append(_mention_dict(row))
        for fact in facts:
            own = {
                "article_id": fact["article_id"],
                "start": fact["start"],
                "end": fact["end"],
                "sentence_start": fact["sentence_start"],
                "sentence_end": fact["sentence_end"],
            }
            fact["mentions"] = [own, *extra[fact["id"]]]
        return facts

    def stories(self) -> list[JsonDict]:
        return self._story_dicts()

    def story(self, story_id: str) -> JsonDict | None:
        found = self._story_dicts(story_id)
        if not found:
            return None
        story = found[0]
        canonical = self._connection.execute(
            "SELECT standfirst, body, text, captions, sections FROM articles WHERE id = ?",
            (story["canonical_article_id"],),
        ).fetchone()
        by_story = {"story_id": story_id}
        story.update(
            standfirst=canonical["standfirst"],
            body=canonical["body"],
            text=canonical["text"],
            captions=json.loads(canonical["captions"]),
            sections=json.loads(canonical["sections"]),
            # Here an actor's `mentions` counts its mentions in this story only.
            actors=self._actor_dicts(
                "ac.key IN (SELECT actor_key FROM mentions WHERE story_id = :story_id)",
                by_story,
                mention_filter="AND m.story_id = :story_id",
            ),
            quotes=self._quote_dicts("q.story_id = :story_id", by_story),
            events=self._event_dicts("e.story_id = :story_id", by_story),
            claims=self._rows(_CLAIM_SELECT.format(where="c.story_id = :story_id"), by_story),
        )
        return story

    def _actor_dicts(
        self, where: str, parameters: dict[str, Any], mention_filter: str = "", page: str = ""
    ) -> list[JsonDict]:
        """Actor dicts; ``mention_filter`` narrows which mentions are counted, ``page``
        is an optional LIMIT clause."""
        mentions = (
            f"(SELECT count(*) FROM mentions m WHERE m.actor_key = ac.key {mention_filter})"
            if mention_filter
            else summaries.MENTIONS_OF_ACTOR
        )
        actors = self._rows(_ACTOR_SELECT.format(where=where, mentions=mentions) + page, parameters)
        keys = [actor["key"] for actor in actors]
        aliases = self._values_by_key("actor_aliases", "alias", keys)
        roles = self._values_by_key("actor_roles", "role", keys)
        for actor in actors:
            actor["aliases"] = aliases[actor["key"]]
            actor["roles"] = roles[actor["key"]]
            actor["mentions"] = actor.pop("mentions")  # last, as the API documents it
        return actors

    def _values_by_key(self, table: str, column: str, keys: list[str]) -> dict[str, list[str]]:
        """Aliases or roles of the given actors, sorted, grouped by actor key."""
        values: dict[str, list[str]] = defaultdict(list)
        if not keys:
            return values
        # Table and column come from the two call sites above, never from input.
        rows = self._connection.execute(
            f"SELECT actor_key, {column} FROM {table}"
            " WHERE actor_key IN (SELECT value FROM json_each(?))"
            f" ORDER BY actor_key, {column}",
            (_json(keys),),
        )
        for key, value in rows:
            values[key].append(value)
        return values

    def actors(self) -> list[JsonDict]:
        return self._actor_dicts("1", {})

    def _find_actor(self, name_or_key: str) -> JsonDict | None:
        term = {"term": name_or_key.strip(), "folded": _fold(name_or_key)}
        # An exact key wins over a name, a name over an alias; then the most mentioned.
        found = self._actor_dicts(f"ac.key IN {_MATCHING_ACTOR_KEYS}", term)
        if not found:
            return None
        rank = {"key": 0, "name": 1, "alias": 2}
        found.sort(key=lambda a: rank[_how_matched(a, term["term"], term["folded"])])
        return found[0]

    def actor(self, name_or_key: str, min_confidence: float | None = None) -> JsonDict | None:
        actor = self._find_actor(name_or_key)
        if actor is None:
            return None
        by_key = {"key": actor["key"], "min_confidence": min_confidence or 0.0}
        actor["quotes"] = self._quote_dicts("q.speaker_key = :key", by_key)
        for side in _SIDES:
            actor[f"events_as_{side}"] = self._event_dicts(
                f"e.{side}_actor_key = :key AND e.confidence >= :min_confidence", by_key
            )
        return actor

    def _quote_dicts(self, where: str, parameters: dict[str, Any]) -> list[JsonDict]:
        quotes = self._rows(_QUOTE_SELECT.format(where=where), parameters)
        for quote in quotes:
            quote["partial"] = bool(quote["partial"])
            quote["speaker_unnamed"] = bool(quote["speaker_unnamed"])
        return self._attach_fact_mentions(quotes)

    def quotes(self, speaker: str | None = None) -> list[JsonDict]:
        if speaker is None:
            return self._quote_dicts("1", {})
        return self._quote_dicts(
            f"(q.speaker_key IN {_MATCHING_ACTOR_KEYS} OR q.speaker_text LIKE :like ESCAPE '\\')",
            {"term": speaker.strip(), "folded": _fold(speaker), "like": _like_pattern(speaker)},
        )

    def _event_dicts(self, where: str, parameters: dict[str, Any]) -> list[JsonDict]:
        return self._attach_fact_mentions(
            [
                _event_from_row(row)
                for row in self._rows(_EVENT_SELECT.format(where=where), parameters)
            ]
        )

    def events(
        self,
        actor: str | None = None,
        cameo_root: str | None = None,
        min_confidence: float | None = None,
    ) -> list[JsonDict]:
        conditions, parameters = ["1"], {}
        if actor is not None:
            conditions.append(
                f"(e.source_actor_key IN {_MATCHING_ACTOR_KEYS}"
                f" OR e.target_actor_key IN {_MATCHING_ACTOR_KEYS}"
                " OR e.source_text LIKE :like ESCAPE '\\' OR e.target_text LIKE :like ESCAPE '\\')"
            )
            parameters.update(term=actor.strip(), folded=_fold(actor), like=_like_pattern(actor))
        if cameo_root is not None:
            cameo_conditions, cameo_parameters = _cameo_conditions(cameo_root, "e")
            conditions += cameo_conditions
            parameters |= cameo_parameters
        if min_confidence is not None:
            conditions.append("e.confidence >= :min_confidence")
            parameters["min_confidence"] = min_confidence
        return self._event_dicts(" AND ".join(conditions), parameters)

    def claims(self, min_confidence: float | None = None) -> list[JsonDict]:
        if min_confidence is None:
            return self._rows(_CLAIM_SELECT.format(where="1"))
        return self._rows(
            _CLAIM_SELECT.format(where="c.confidence >= :min_confidence"),
            {"min_confidence": min_confidence},
        )

    def search(self, query: str, limit: int = 20) -> list[JsonDict]:
        search = full_text_query(query)
        if search is None or limit <= 0:
            return []
        # FTS5 orders by rank itself, so snippets are made only for the rows read here;
        # one hit per story, from its best-matching version: versions repeat each other.
        # The table name is one of store/fulltext.py's two; the query is a parameter.
        index = search.index
        rows = self._connection.execute(
            f"""
            SELECT a.story_id, a.id AS article_id, coalesce(a.title, s.title) AS title,
                   snippet({index}, 1, '[', ']', '…', 16) AS snippet
            FROM {index}
            JOIN articles a ON a.seq = {index}.rowid
            JOIN stories s ON s.id = a.story_id
            WHERE {search.condition}
            ORDER BY rank
            """,
            search.parameters,
        )
        hits: dict[str, JsonDict] = {}
        for row in rows:
            hits.setdefault(row["story_id"], dict(row))
            if len(hits) == limit:
                break
        rows.close()
        return list(hits.values())

    def counts(self) -> dict[str, int]:
        row = self._connection.execute(
            """
            SELECT (SELECT count(*) FROM stories) AS stories,
                   (SELECT count(*) FROM articles) AS articles,
                   (SELECT count(*) FROM actors) AS actors,
                   (SELECT count(*) FROM quotes) AS quotes,
                   (SELECT count(*) FROM events) AS events,
                   (SELECT count(*) FROM claims) AS claims
            """
        ).fetchone()
        return dict(row)

    # --- workbench reads ---

    def _ids(self, sql: str, parameters: dict[str, Any]) -> list[str]:
        return [row[0] for row in self._connection.execute(sql, parameters)]

    def search_stories(
        self, query: str, filters: Filters, limit: int = 20, offset: int = 0
    ) -> list[JsonDict]:
        if limit <= 0:
            return []
        conditions, parameters = _story_conditions(filters)
        where = " AND ".join(conditions)
        search = full_text_query(query)
        if search is None:
            rows = self._rows(
                f"""
                SELECT s.id AS story_id, s.canonical_article_id AS article_id, s.title,
                       s.published, s.publisher,
                       substr(coalesce(a.standfirst, a.body), 1, 200) AS snippet
                FROM stories s JOIN articles a ON a.id = s.canonical_article_id
                WHERE {where}
                ORDER BY s.published DESC, s.id DESC
                LIMIT :limit OFFSET :offset
                """,
                {**parameters, "limit": limit, "offset": offset},
            )
            for row in rows:
                row["snippet"] = [{"text": row["snippet"], "match": False}]
            return rows
        # Ranked by bm25 in windows of the latest matches (store/ranking.py).
        page = ranking.ranked_hits(self._connection, search, where, parameters, offset + limit)
        page = page[offset:]
        for hit in page:
            hit["snippet"] = _snippet_pieces(hit["snippet"] or "")
        return page

    def search_count(self, query: str, filters: Filters) -> JsonDict:
        conditions, parameters = _story_conditions(filters)
        return browse.story_count(
            self._connection, " AND ".join(conditions), parameters, full_text_query(query)
        )

    def same_story_reports(self, story_ids: list[str]) -> dict[str, JsonDict]:
        return browse.group_reports(self._connection, story_ids)

    def story_mentions(self, story_id: str) -> list[JsonDict]:
        return self._rows(
            """
            SELECT m.span_start AS start, m.span_end AS "end", m.text, m.actor_key,
                   ac.name, ac.type
            FROM mentions m
            JOIN stories s ON s.id = m.story_id AND s.canonical_article_id = m.article_id
            JOIN actors ac ON ac.key = m.actor_key
            WHERE m.story_id = ?
            ORDER BY m.span_start, m.span_end
            """,
            (story_id,),
        )

    def actor_page(
        self,
        limit: int,
        offset: int = 0,
        *,
        words: str | None = None,
        actor_type: str | None = None,
        country: str | None = None,
    ) -> list[JsonDict]:
        conditions, parameters = ["1"], {"limit": limit, "offset": offset}
        if words and words.strip():
            conditions.append(browse.ACTOR_WORDS)
            parameters.update(words=words.strip(), like=_like_pattern(_fold(words)))
        if actor_type:
            conditions.append(browse.ACTOR_TYPE)
            parameters["type"] = actor_type
        if country:
            conditions.append(browse.ACTOR_COUNTRY)
            parameters["country"] = country.strip()
        return self._actor_dicts(
            " AND ".join(conditions), parameters, page="LIMIT :limit OFFSET :offset"
        )

    def actor_choices(self) -> JsonDict:
        return browse.actor_choices(self._connection)

    def actor_dossier(
        self, name_or_key: str, limit: int = 50, min_confidence: float | None = None
    ) -> JsonDict | None:
        actor = self._find_actor(name_or_key)
        if actor is None:
            return None
        by_key = {"key": actor["key"], "limit": limit, "min_confidence": min_confidence or 0.0}
        # Totals, days and partners come from the sums kept by trigger (store/summaries.py).
        actor["totals"] = summaries.actor_totals(self._connection, actor["key"])
        # Latest first along one index (migration 0008 keeps each quote's story date).
        quote_ids = self._ids(
            "SELECT id FROM quotes WHERE speaker_key = :key"
            " ORDER BY story_published DESC, story_id DESC, id LIMIT :limit",
            by_key,
        )
        actor["quotes"] = self._quotes_by_id(quote_ids)
        for side in _SIDES:
            event_ids = self._ids(
                f"SELECT id FROM events WHERE {side}_actor_key = :key"
                " AND confidence >= :min_confidence"
                " ORDER BY event_date DESC, id DESC LIMIT :limit",
                by_key,
            )
            actor[f"events_as_{side}"] = self._events_by_id(event_ids)
        actor["over_time"] = summaries.actor_over_time(self._connection, actor["key"])
        actor["interactions"] = summaries.actor_interactions(self._connection, actor["key"])
        return actor

    def _quotes_by_id(self, ids: list[str]) -> list[JsonDict]:
        quotes = self._quote_dicts(
            "q.id IN (SELECT value FROM json_each(:ids))", {"ids": _json(ids)}
        )
        return _in_order(quotes, ids)

    def _events_by_id(self, ids: list[str]) -> list[JsonDict]:
        events = self._event_dicts(
            "e.id IN (SELECT value FROM json_each(:ids))", {"ids": _json(ids)}
        )
        return _in_order(events, ids)

    def quote_page(self, speaker_key: str | None, limit: int, offset: int = 0) -> list[JsonDict]:
        where = "1" if speaker_key is None else "q.speaker_key = :key"
        ids = self._ids(
            f"SELECT q.id FROM quotes q JOIN stories s ON s.id = q.story_id WHERE {where}"
            " ORDER BY s.published DESC, q.id LIMIT :limit OFFSET :offset",
            {"key": speaker_key, "limit": limit, "offset": offset},
        )
        return self._quotes_by_id(ids)

    def event_page(self, filters: Filters, limit: int, offset: int = 0) -> list[JsonDict]:
        conditions, parameters = _event_conditions(replace(filters, actor=None))
        where = " AND ".join(conditions)
        parameters.update(limit=limit, offset=offset)
        if filters.actor is None:
            sql = f"SELECT e.id FROM events e WHERE {where}" + _NEWEST_EVENTS_PAGE
        else:
            # An actor's events as source and as target, each side newest first along
            # its own index and cut at the page's end, then merged: a busy actor's
            # 60,000 events are never all sorted. The actor's keys come first, so that
            # each side is an equality the (side, date) index answers in order.
            keys = self._ids(
                f"SELECT * FROM {_MATCHING_ACTOR_KEYS}",
                {"term": filters.actor.strip(), "folded": _fold(filters.actor)},
            )
            if not keys:
                return []
            sides = []
            for number, key in enumerate(keys):
                parameters[f"key{number}"] = key
                sides += [
                    "SELECT * FROM (SELECT e.id, e.event_date FROM events e"
                    f" WHERE e.{side}_actor_key = :key{number} AND {where}"
                    " ORDER BY e.event_date DESC, e.id DESC LIMIT :limit + :offset)"
                    for side in _SIDES
                ]
            sql = f"SELECT e.id FROM ({' UNION '.join(sides)}) e" + _NEWEST_EVENTS_PAGE
        return self._events_by_id(self._ids(sql, parameters))

    def event(self, event_id: str) -> JsonDict | None:
        found = self._event_dicts("e.id = :id", {"id": event_id})
        if not found:
            return None
        event = found[0]
        story = self._connection.execute(
            "SELECT title, published, publisher FROM stories WHERE id = ?", (event["story_id"],)
        ).fetchone()
        event["story"] = {"id": event["story_id"], **dict(story)}
        return event

    def claim_page(
        self, limit: int, offset: int = 0, min_confidence: float | None = None
    ) -> list[JsonDict]:
        ids = self._ids(
            "SELECT c.id FROM claims c JOIN stories s ON s.id = c.story_id"
            " WHERE c.confidence >= :min_confidence"
            " ORDER BY s.published DESC, c.id LIMIT :limit OFFSET :offset",
            {"limit": limit, "offset": offset, "min_confidence": min_confidence or 0.0},
        )
        claims = self._rows(
            _CLAIM_SELECT.format(where="c.id IN (SELECT value FROM json_each(:ids))"),
            {"ids": _json(ids)},
        )
        return _in_order(claims, ids)

    def graph(self, filters: Filters, max_edges: int = 300) -> JsonDict:
        conditions, parameters = _event_conditions(filters)
        edges = self._rows(
            f"""
            SELECT e.source_actor_key AS source, e.target_actor_key AS target,
                   count(*) AS events, avg(e.goldstein) AS goldstein,
                   sum(e.quad_class = 1) AS verbal_cooperation,
                   sum(e.quad_class = 2) AS material_cooperation,
                   sum(e.quad_class = 3) AS verbal_conflict,
                   sum(e.quad_class = 4) AS material_conflict
            FROM events e
            WHERE e.source_actor_key IS NOT NULL AND e.target_actor_key IS NOT NULL
              AND e.source_actor_key != e.target_actor_key AND e.negated = 0
              AND {" AND ".join(conditions)}
            GROUP BY e.source_actor_key, e.target_actor_key
            ORDER BY events DESC, source, target
            LIMIT :max_edges
            """,
            {**parameters, "max_edges": max_edges},
        )
        keys = sorted({edge[side] for edge in edges for side in _SIDES})
        nodes = self._rows(
            """
            SELECT ac.key, ac.name, ac.type, ac.code, ac.country,
                   (SELECT count(*) FROM mentions m WHERE m.actor_key = ac.key) AS mentions
            FROM actors ac WHERE ac.key IN (SELECT value FROM json_each(:keys))
            ORDER BY mentions DESC, ac.key
            """,
            {"keys": _json(keys)},
        )
        return {"nodes": nodes, "edges": edges}

    def places(self, filters: Filters) -> list[JsonDict]:
        conditions, parameters = _event_conditions(filters)
        return place_queries.event_places(self._connection, " AND ".join(conditions), parameters)

    def place_events(
        self, name: str, country: str, filters: Filters, limit: int = 50
    ) -> list[JsonDict]:
        conditions, parameters = _event_conditions(filters)
        ids = place_queries.place_event_ids(
            self._connection, " AND ".join(conditions), parameters, name, country, limit
        )
        return self._events_by_id(ids)

    def timeline(self, filters: Filters) -> list[JsonDict]:
        conditions, parameters = _event_conditions(filters)
        return self._rows(
            f"""
            SELECT e.event_date AS date, e.quad_class, count(*) AS events,
                   count(DISTINCT e.story_id) AS stories
            FROM events e
            WHERE e.event_date IS NOT NULL AND e.quad_class IS NOT NULL AND e.negated = 0
              AND {" AND ".join(conditions)}
            GROUP BY e.event_date, e.quad_class
            ORDER BY e.event_date, e.quad_class
            """,
            parameters,
        )


def _how_matched(actor: JsonDict, term: str, folded: str) -> str:
    if actor["key"].casefold() == term.casefold():
        return "key"
    if _fold(actor["name"]) == folded:
        return "name"
    return "alias"


def _event_conditions(filters: Filters) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on events ``e`` (with their parameters) for the filters."""
    conditions, parameters = ["1"], {}
    if filters.date_from:
        conditions.append("e.event_date >= :date_from")
        parameters["date_from"] = filters.date_from
    if filters.date_to:
        conditions.append("e.event_date <= :date_to")
        parameters["date_to"] = filters.date_to
    if filters.actor:
        conditions.append(
            f"(e.source_actor_key IN {_MATCHING_ACTOR_KEYS}"
            f" OR e.target_actor_key IN {_MATCHING_ACTOR_KEYS})"
        )
        parameters.update(term=filters.actor.strip(), folded=_fold(filters.actor))
    if filters.source:
        conditions.append("e.source_actor_key = :source")
        parameters["source"] = filters.source
    if filters.target:
        conditions.append("e.target_actor_key = :target")
        parameters["target"] = filters.target
    if filters.publisher:
        conditions.append(
            "e.story_id IN (SELECT story_id FROM articles WHERE publisher = :publisher"
            " COLLATE NOCASE)"
        )
        parameters["publisher"] = filters.publisher.strip()
    conditions_on_kind, kind_parameters = _event_kind_conditions(filters, "e")
    return conditions + conditions_on_kind, parameters | kind_parameters


def _event_kind_conditions(filters: Filters, alias: str) -> tuple[list[str], dict[str, Any]]:
    """Conditions on what an event is: CAMEO root, PLOVER category, QuadClass."""
    conditions, parameters = [], {}
    if filters.cameo_root:
        cameo_conditions, cameo_parameters = _cameo_conditions(filters.cameo_root, alias)
        conditions += cameo_conditions
        parameters |= cameo_parameters
    if filters.plover:
        conditions.append(f"{alias}.plover = :plover COLLATE NOCASE")
        parameters["plover"] = filters.plover.strip()
    if filters.quad_class is not None:
        conditions.append(f"{alias}.quad_class = :quad_class")
        parameters["quad_class"] = filters.quad_class
    if filters.min_confidence is not None:
        conditions.append(f"{alias}.confidence >= :min_confidence")
        parameters["min_confidence"] = filters.min_confidence
    return conditions, parameters


def _cameo_conditions(code: str, alias: str) -> tuple[list[str], dict[str, Any]]:
    """Events whose CAMEO code starts with ``code``, of any depth: the root (indexed)
    and, for a deeper code, the code's prefix. One digit is a root: 7 is 07."""
    code = code.strip()
    root = code.zfill(2) if code.isdigit() and len(code) == 1 else code[:2]
    conditions = [f"{alias}.cameo_root = :cameo_root"]
    parameters = {"cameo_root": root}
    if len(code) > 2:
        conditions.append(f"{alias}.cameo LIKE :cameo_prefix ESCAPE '\\'")
        parameters["cameo_prefix"] = _like_pattern(code)[1:]
    return conditions, parameters


def _story_conditions(filters: Filters) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on stories ``s`` for the filters: an actor is one it mentions, a
    publisher any outlet that reported it. Dates are the story's date, or, when an
    event filter is set (CAMEO, PLOVER, QuadClass, source, target), that event's date:
    the stories behind one day's bar of the timeline."""
    conditions, parameters = ["1"], {}
    # The confidence alone does not narrow stories: it only says which events count.
    unsure = replace(filters, min_confidence=None)
    event_conditions, event_parameters = _event_kind_conditions(unsure, "ev")
    if filters.source:
        event_conditions.append("ev.source_actor_key = :source")
        event_parameters["source"] = filters.source
    if filters.target:
        event_conditions.append("ev.target_actor_key = :target")
        event_parameters["target"] = filters.target
    if event_conditions and filters.min_confidence is not None:
        event_conditions.append("ev.confidence >= :min_confidence")
        event_parameters["min_confidence"] = filters.min_confidence
    dated = "ev.event_date" if event_conditions else "s.published"
    if filters.date_from:
        (event_conditions or conditions).append(f"{dated} >= :date_from")
        parameters["date_from"] = filters.date_from
    if filters.date_to:
        (event_conditions or conditions).append(f"{dated} <= :date_to")
        parameters["date_to"] = filters.date_to
    if filters.actor:
        conditions.append(
            f"s.id IN (SELECT story_id FROM mentions WHERE actor_key IN {_MATCHING_ACTOR_KEYS})"
        )
        parameters.update(term=filters.actor.strip(), folded=_fold(filters.actor))
    if filters.publisher:
        conditions.append(
            "s.id IN (SELECT story_id FROM articles WHERE publisher = :publisher COLLATE NOCASE)"
        )
        parameters["publisher"] = filters.publisher.strip()
    if event_conditions:
        conditions.append(
            f"s.id IN (SELECT ev.story_id FROM events ev WHERE {' AND '.join(event_conditions)})"
        )
    return conditions, parameters | event_parameters


_SNIPPET_MATCH = re.compile("\x02(.*?)\x03", re.DOTALL)


def _snippet_pieces(snippet: str) -> list[JsonDict]:
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


def _distinct(values: Iterable[str | None]) -> list[str]:
    """The values present, each once (compared case-insensitively), in first-seen order."""
    seen: dict[str, str] = {}
    for value in values:
        if value:
            seen.setdefault(_fold(value), value)
    return list(seen.values())


def _mention_dict(row: sqlite3.Row) -> JsonDict:
    return {
        "article_id": row["article_id"],
        "start": row["span_start"],
        "end": row["span_end"],
        "sentence_start": row["sentence_start"],
        "sentence_end": row["sentence_end"],
    }


def _merge_reports(facts: list[JsonDict], same_keys: dict[str, str]) -> list[JsonDict]:
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


def _in_order(rows: list[JsonDict], ids: list[str]) -> list[JsonDict]:
    """``rows`` in the order of ``ids`` (the order a paging query chose)."""
    position = {row_id: index for index, row_id in enumerate(ids)}
    return sorted(rows, key=lambda row: position[row["id"]])


def _article_from_row(row: sqlite3.Row) -> Article:
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


def _event_from_row(row: JsonDict) -> JsonDict:
    """Fold the flat source_*/target_* columns into the nested sides of an event dict."""
    side_fields = ("text", "actor_key", "name", "code", "sector")
    source, target = ({f: row.pop(f"{side}_{f}") for f in side_fields} for side in _SIDES)
    event = {key: row.pop(key) for key in _EVENT_HEAD}
    event["source"] = source
    event["target"] = target if target["text"] is not None else None
    event.update(row)
    event["negated"] = bool(event["negated"])
    place = {f: event.pop(f"place_{f}") for f in ("name", "type", "country")}
    coordinates = {f: event.pop(f) for f in ("latitude", "longitude")}
    event["place"] = None if place["name"] is None else {**place, **coordinates}
    return event


# --- the write path of save_story, inside its transaction ---


def _write_story(
    connection: sqlite3.Connection, story: Story, signatures: dict[str, bytes]
) -> None:
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
            _article_row(story.id, position, article, signatures.get(article.id))
            for position, article in enumerate(story.versions)
        ),
    )


def _article_row(
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
        _json(article.paragraphs),
        _json(article.captions),
        _json(sections),
        article.word_count,
        article.text,
        article.body,
        signature,
        article.tone,
        article.language,
    )


def _replace_facts(connection: sqlite3.Connection, story_id: str, facts: StoryFacts) -> None:
    """Delete the story's previous facts, merge its actors, insert the new facts."""
    for table in ("mentions", "quotes", "events", "claims"):
        # Table names are the fixed tuple above, never input.
        connection.execute(f"DELETE FROM {table} WHERE story_id = ?", (story_id,))
    _merge_actors(connection, facts.actors)
    connection.executemany(
        "INSERT INTO mentions (story_id, article_id, actor_key, span_start, span_end, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            (story_id, m.span.article_id, m.actor_key, m.span.start, m.span.end, m.text)
            for m in facts.mentions
        ),
    )
    connection.executemany(
        """
        INSERT INTO quotes (id, story_id, article_id, span_start, span_end, text, speaker_key,
                            speaker_text, cue, addressee_key, via, partial,
                            sentence_start, sentence_end, same_key, speaker_unnamed,
                            confidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        _quote_rows(story_id, facts.quotes),
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
        _event_rows(story_id, facts.events),
    )
    connection.executemany(
        """
        INSERT INTO claims (id, story_id, article_id, span_start, span_end, sentence_start,
                            sentence_end, subject, value, number, unit, time, confidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        _claim_rows(story_id, facts.claims),
    )


def _merge_actors(connection: sqlite3.Connection, actors: Iterable[Actor]) -> None:
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
        ((a.key, a.name, _fold(a.name), a.type, a.code, a.country, a.sector) for a in actors),
    )
    connection.executemany(
        "INSERT INTO actor_aliases (actor_key, alias, folded_alias) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        ((a.key, alias, _fold(alias)) for a in actors for alias in a.aliases),
    )
    connection.executemany(
        "INSERT INTO actor_roles (actor_key, role) VALUES (?, ?) ON CONFLICT DO NOTHING",
        ((a.key, role) for a in actors for role in a.roles),
    )


def _fact_id(story_id: str, kind: str, index: int) -> str:
    """Ids derived from the story and the fact's place in it, so a re-save keeps them."""
    return f"{story_id}:{kind}:{index}"


def _fact_index(fact_id: str) -> int:
    """The fact's place in its story's list, back from its ``_fact_id``."""
    return int(fact_id.rsplit(":", 1)[1])


def _replace_fact_mentions(
    connection: sqlite3.Connection, story_id: str, mentions: Iterable[FactMention]
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
                _fact_id(story_id, m.kind, m.index),
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


def _place_story(
    connection: sqlite3.Connection, story_id: str, placement: SameStoryPlacement
) -> None:
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


def _quote_rows(story_id: str, quotes: Iterable[Quote]) -> Iterator[tuple[Any, ...]]:
    for index, q in enumerate(quotes):
        sentence = q.sentence
        yield (
            _fact_id(story_id, "quote", index),
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


def _event_rows(story_id: str, events: Iterable[Event]) -> Iterator[tuple[Any, ...]]:
    for index, e in enumerate(events):
        yield (
            _fact_id(story_id, "event", index),
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


def _claim_rows(story_id: str, claims: Iterable[Claim]) -> Iterator[tuple[Any, ...]]:
    for index, c in enumerate(claims):
        yield (
            _fact_id(story_id, "claim", index),
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
        )
