"""The PostgreSQL back-end: a database server shared by several ingests and readers.

What only PostgreSQL does lives here: the connection (psycopg 3), its placeholders,
migrations under ``data/store/postgresql`` applied under an advisory lock, full-text
search over a narrow table of tsvectors (``article_search``, GIN index; migration 0006)
and, for scripts written without spaces, a trigram index (pg_trgm) on the articles.
The SQL both back-ends share is in ``sql.py``, ``sql_workbench.py`` and ``queries.py``;
every value reaches SQL as a parameter.
"""

from __future__ import annotations

import functools
import re
import threading
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import orjson
import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import set_json_loads

from newsgraph.language import has_spaceless_script
from newsgraph.store import browse, migrations
from newsgraph.store.base import JsonDict, StoreBusy, StoreError
from newsgraph.store.browse import MatchedArticles, Statement
from newsgraph.store.migrations import Migration
from newsgraph.store.queries import search_terms
from newsgraph.store.sql_workbench import SQLWorkbenchStore

# Named ``:parameters`` of the shared SQL (not ``::`` casts), its ``?`` placeholders,
# and its LIKE, which ignores case in SQLite and so is ILIKE here.
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_LIKE = re.compile(r"\bLIKE\b")
# Articles in these languages are also in the trigram index (migration 0001), as in
# SQLite's articles_trigram (its migration 0014).
SPACELESS_LANGUAGES = ("zh", "ja", "th", "lo", "km", "my", "bo")
# The latest matches ranked together, as SQLite's windows (store/ranking.py).
SEARCH_WINDOW = 500
# ts_headline's options: matches between STX and ETX, one passage of about 24 words.
_HEADLINE = "StartSel=\x02, StopSel=\x03, MaxFragments=1, MaxWords=24, MinWords=12"
_TRIGRAM_SNIPPET_CHARACTERS = 160
# The advisory lock an ingest holds (pg_try_advisory_lock), one number for newsgraph.
INGEST_LOCK = zlib.crc32(b"newsgraph ingest")
_MIGRATION_LOCK = zlib.crc32(b"newsgraph migrate")
PREPARED_STATEMENTS = 512
# A word search: the query parsed once (not once a row, as a generic plan would), and
# the articles it matches in the narrow search table (migration 0006).
_WORDS = "plainto_tsquery('newsgraph', :match) AS query"
_WORDS_MATCH = "a.search_vector @@ query"


@functools.lru_cache(maxsize=1024)
def postgres_sql(sql: str) -> str:
    """The shared SQL in psycopg's own placeholders: ``%(name)s`` and ``%s``."""
    sql = sql.replace("%", "%%").replace("?", "%s")
    return _LIKE.sub("ILIKE", _NAMED.sub(r"%(\1)s", sql))


def _text(value: Any) -> Any:
    """PostgreSQL's text cannot hold NUL, which article text or a query may carry:
    it becomes U+FFFD, as an undecodable byte does, and nothing is refused for it."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _values(parameters: Any) -> Any:
    """Parameters (a mapping or a sequence) with every string made storable."""
    if isinstance(parameters, Mapping):
        return {name: _text(value) for name, value in parameters.items()}
    return [_text(value) for value in parameters]


def load_migrations() -> list[Migration]:
    """PostgreSQL's migration files in version order, each run as one script."""
    return migrations.load_migrations("postgresql", lambda script: [script])


class _Writer:
    """The write path's ``Writer`` on a psycopg cursor: the shared SQL, translated."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor

    def execute(self, sql: str, parameters: Any = ()) -> psycopg.Cursor[Any]:
        return self._cursor.execute(postgres_sql(sql), _values(parameters))

    def executemany(self, sql: str, rows: Any) -> None:
        self._cursor.executemany(postgres_sql(sql), [_values(row) for row in rows])


class PostgresStore(SQLWorkbenchStore):
    """A store in a PostgreSQL database named by a ``postgresql://`` URL.

    One connection per store, in autocommit for reads; each story is one transaction,
    so a crash leaves either all of a story or none of it. Writes from threads sharing
    the store are serialised by a lock, as on SQLite.
    """

    integrity_errors = (psycopg.errors.IntegrityError,)
    insertion_order = "seq"
    list_table = "unnest(CAST({param} AS text[])) AS {alias}(value)"

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        self.read_only = False
        try:
            self._connection = psycopg.connect(url, autocommit=True, row_factory=dict_row)
            # Prepared from their second run on, and kept: the store's queries are few and
            # planning one cost about as much as running it.
            self._connection.prepare_threshold = 1
            self._connection.prepared_max = PREPARED_STATEMENTS
            # The JSON arrays read with rows (_json_rows), decoded by orjson: a dossier
            # decodes about 70, a third of its time in psycopg with json.loads.
            set_json_loads(orjson.loads, self._connection)
        except psycopg.OperationalError as error:
            reason = " ".join(line.strip() for line in str(error).splitlines() if line.strip())
            reason = reason or "no reason given"
            raise StoreError(f"cannot connect to PostgreSQL: {reason}") from error
        self._write_lock = threading.Lock()
        self._ingest_depth = 0
        self._ingest_connection: psycopg.Connection[Any] | None = None
        self._migrate()
        if read_only:
            # After migrating: from here on this connection refuses every write.
            self.read_only = True
            self._connection.execute("SET default_transaction_read_only = on")

    def close(self) -> None:
        self._connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[_Writer]:
        if self.read_only:
            raise StoreError("the store is open read-only; nothing was written")
        with self._write_lock, self._connection.transaction():
            yield _Writer(self._connection.cursor())

    def _migrate(self) -> None:
        """Apply, in order, each migration not yet recorded in ``schema_version``; an
        advisory lock makes a second process opening the store at once wait."""
        with self._connection.transaction():
            self._connection.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._connection.execute(migrations.SCHEMA_VERSION_TABLE)
            applied = {
                row["version"]
                for row in self._connection.execute("SELECT version FROM schema_version")
            }
            for migration in load_migrations():
                if migration.version in applied:
                    continue
                for statement in migration.statements:
                    # The whole file, run as it is: no parameters, so no placeholders.
                    self._connection.execute(statement.encode())
                self._connection.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                    (migration.version, migration.name, datetime.now(UTC).isoformat()),
                )

    @property
    def schema_version(self) -> int:
        row = self._connection.execute("SELECT max(version) AS version FROM schema_version")
        return row.fetchone()["version"] or 0

    def _rows(self, sql: str, parameters: Mapping[str, Any]) -> list[JsonDict]:
        return self._connection.execute(postgres_sql(sql), _values(parameters)).fetchall()

    def _rows_together(self, statements: Sequence[Statement]) -> list[list[JsonDict]]:
        # Pipelined: sent together and answered together, one round trip to the server
        # instead of one a statement (a story page's reads went from 16 to 3).
        if len(statements) < 2:
            return super()._rows_together(statements)
        with self._connection.pipeline():
            cursors = [
                self._connection.execute(postgres_sql(sql), _values(parameters))
                for sql, parameters in statements
            ]
        return [cursor.fetchall() for cursor in cursors]

    def _json_rows(self, columns: Sequence[str], source: str, order: str) -> str:
        return (
            f"(SELECT coalesce(json_agg(json_build_array({', '.join(columns)}) ORDER BY {order}),"
            f" CAST('[]' AS json)) FROM {source})"
        )

    def _list(self, values: list[str]) -> list[str]:
        return values

    def _in_list(self, column: str, parameter: str) -> str:
        # = ANY walks the column's index once per value; IN (SELECT unnest(...)) was
        # planned as a hash join over the whole table.
        return f"{column} = ANY(CAST({parameter} AS text[]))"

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        """Held while an ingest writes: a second ingest on the same database, from any
        process or machine, is refused with ``StoreBusy`` instead of doubling stories.
        The lock lives on a connection of its own, so it ends with the ingest, or with
        the process if it dies; re-entrant within this store object."""
        if self._ingest_depth == 0:
            connection = psycopg.connect(self.url, autocommit=True)
            locked = connection.execute("SELECT pg_try_advisory_lock(%s)", (INGEST_LOCK,))
            if not locked.fetchone()[0]:
                connection.close()
                raise StoreBusy("another ingest is writing to this store")
            self._ingest_connection = connection
        self._ingest_depth += 1
        try:
            yield
        finally:
            self._ingest_depth -= 1
            if self._ingest_depth == 0 and self._ingest_connection is not None:
                # Closing the session releases its advisory lock.
                self._ingest_connection.close()
                self._ingest_connection = None

    # --- full-text search: tsvector and trigrams ---

    def search(self, query: str, limit: int = 20) -> list[JsonDict]:
        if limit <= 0:
            return []
        hits, _, _ = self._ranked_hits(query, "TRUE", {}, limit)
        return [
            {
                "story_id": hit["story_id"],
                "article_id": hit["article_id"],
                "title": hit["title"],
                "snippet": (hit["snippet"] or "").replace("\x02", "[").replace("\x03", "]"),
            }
            for hit in hits
        ]

    def _matched_articles(self, query: str) -> MatchedArticles | None:
        terms = search_terms(query)
        if not terms:
            return None
        if not _spaceless(terms):
            return MatchedArticles(
                f"article_search a CROSS JOIN {_WORDS}", _WORDS_MATCH, {"match": " ".join(terms)}
            )
        # Each word is a substring of the title or body, which the trigram index answers
        # for three characters or more and a scan of those languages' articles below.
        conditions = ["a.language IN (SELECT unnest(CAST(:spaceless AS text[])))"]
        parameters: dict[str, Any] = {"spaceless": list(SPACELESS_LANGUAGES)}
        for number, term in enumerate(terms):
            conditions.append(f"(coalesce(a.title, '') || ' ' || a.body) LIKE :like{number}")
            escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            parameters[f"like{number}"] = f"%{escaped}%"
        return MatchedArticles("articles a", " AND ".join(conditions), parameters)

    def _ranked_hits(
        self,
        query: str,
        where: str,
        parameters: dict[str, Any],
        wanted: int,
        together: Sequence[Statement] = (),
        count: bool = False,
    ) -> tuple[list[JsonDict], list[list[JsonDict]], JsonDict | None]:
        """Hits ranked by ts_rank within windows of the latest ``SEARCH_WINDOW`` matches
        (as SQLite ranks by bm25 in its windows); trigram hits come newest first."""
        matched = self._matched_articles(query)
        if matched is None:
            return [], self._rows_together(together), None
        terms = search_terms(query)
        spaceless = _spaceless(terms)
        if spaceless:
            rank = "0"
            start = f"greatest(strpos(a.body, :first) - {_TRIGRAM_SNIPPET_CHARACTERS // 4}, 1)"
            snippet = f"substr(a.body, {start}, {_TRIGRAM_SNIPPET_CHARACTERS})"
            # The trigram search reads the articles alone, for its window and its page.
            articles = matched.source
        else:
            rank = "ts_rank(a.search_vector, query)"
            snippet = "ts_headline('newsgraph', a.body, query, :headline)"
            # A word search finds its window in the narrow search table and reads the
            # wide articles for the page's rows alone, beside its parsed query: a join,
            # bracketed to be joined on.
            articles = f"(articles a CROSS JOIN {_WORDS})"
        values = {
            **parameters,
            **matched.parameters,
            "first": terms[0],
            "headline": _HEADLINE,
            "window": SEARCH_WINDOW,
            "wanted": wanted,
        }
        # With no condition on the stories their table is not read (as in the count): a
        # lookup fewer for each of the window's matches.
        stories = "" if where == "TRUE" else "JOIN stories s ON s.id = a.story_id"
        # Asked to count: the first window's matches counted as the count statement
        # counts them (browse.window_count_sql), by the server only when they are all;
        # materialized, or the generic plan counted them again for each of the page's rows.
        counted, counts = "", ""
        if count:
            counted = f", counted AS MATERIALIZED ({browse.window_count_sql('latest', 'latest')})"
            counts = ", counted.stories, counted.groups"
        # One query a window: its matches (newest first) are found and ranked in one walk
        # (each row's tsvector read once, not again to rank it), and the page's rows get
        # their snippets (ts_headline reads the whole body, so only those). The matches
        # come from the GIN index, sorted: ``seq + 0`` is not the order of the primary
        # key, which the statement's generic plan walked backwards, testing every row,
        # on the narrow table (a word in 1 % of 20,000 articles: 1.2 -> 6.3 ms).
        ranked = f"""
            WITH latest AS MATERIALIZED (
                SELECT a.seq, a.story_id, {rank} AS rank
                FROM {matched.source} {stories}
                WHERE {matched.condition} AND {where} {{below}}
                ORDER BY a.seq + 0 DESC LIMIT :window
            ),
            best AS (
                SELECT DISTINCT ON (story_id) seq, rank FROM latest
                ORDER BY story_id, rank DESC, seq DESC
            ),
            page AS (SELECT * FROM best ORDER BY rank DESC, seq DESC LIMIT :wanted)
            {{counted}}
            SELECT a.story_id, a.id AS article_id, coalesce(a.title, s.title) AS title,
                   s.published, s.publisher, {snippet} AS snippet,
                   (SELECT min(seq) FROM latest) AS floor,
                   (SELECT count(*) FROM latest) AS matches {{counts}}
            FROM page JOIN {articles} ON a.seq = page.seq JOIN stories s ON s.id = a.story_id
            {{counts_from}}
            ORDER BY page.rank DESC, page.seq DESC
        """
        hits: dict[str, JsonDict] = {}
        below: int | None = None
        beside: list[list[JsonDict]] = []
        # No match at all: no row, and nothing to count.
        story_count = browse.window_count(0, 0, 0, SEARCH_WINDOW) if count else None
        while len(hits) < wanted:
            if below is None:  # the first window, sent with the statements beside it
                first = ranked.format(
                    below="",
                    counted=counted,
                    counts=counts,
                    counts_from="CROSS JOIN counted" if count else "",
                )
                found, *beside = self._rows_together([(first, values), *together])
                if count and found:
                    first_hit = found[0]
                    story_count = browse.window_count(
                        first_hit["matches"],
                        first_hit["stories"],
                        first_hit["groups"],
                        SEARCH_WINDOW,
                    )
            else:
                later = ranked.format(
                    below="AND a.seq < :below", counted="", counts="", counts_from=""
                )
                found = self._rows(later, {**values, "below": below})
            for hit in found:
                hits.setdefault(hit["story_id"], hit)
            if not found or found[0]["matches"] < SEARCH_WINDOW:
                break
            below = found[0]["floor"]
        for hit in hits.values():
            for column in ("floor", "matches", "stories", "groups"):
                hit.pop(column, None)
        page = list(hits.values())[:wanted]
        if spaceless:
            for hit in page:
                hit["snippet"] = _marked(hit["snippet"] or "", terms)
        return page, beside, story_count


def _spaceless(terms: list[str]) -> bool:
    """Whether a word is in a script written without spaces (Chinese, Japanese, Thai)."""
    return any(map(has_spaceless_script, terms))


def _marked(text: str, terms: list[str]) -> str:
    """``text`` with each occurrence of a search word between STX and ETX."""
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len)[::-1]))
    return pattern.sub(lambda match: f"\x02{match[0]}\x03", text)
