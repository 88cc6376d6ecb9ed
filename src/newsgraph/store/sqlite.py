"""The SQLite back-end: WAL journal, FTS5 search, migrations applied on open.

What only SQLite does lives here: the connection and its pragmas, ``BEGIN IMMEDIATE``
transactions, the migration files under ``data/store/sqlite`` and FTS5 search
(``fulltext.py``, ``ranking.py``). The SQL both back-ends share is in ``sql.py``,
``sql_workbench.py`` and ``queries.py``. Every value reaches SQL as a parameter:
article text is hostile input.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsgraph.store import migrations, ranking
from newsgraph.store.base import JsonDict, StoreError
from newsgraph.store.browse import MatchedArticles, Statement
from newsgraph.store.fulltext import full_text_query
from newsgraph.store.ingest_lock import IngestFileLock
from newsgraph.store.migrations import Migration
from newsgraph.store.sql_workbench import SQLWorkbenchStore

BUSY_TIMEOUT_MS = 10_000
# A reader maps the file into memory (up to this size): pages come straight from the
# OS page cache, shared by every connection, instead of a read() and a copy each.
READER_MMAP_BYTES = 1 << 34


def load_migrations() -> list[Migration]:
    """SQLite's migration files in version order, each split into single statements."""
    return migrations.load_migrations("sqlite", _split_statements)


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


class SQLiteStore(SQLWorkbenchStore):
    """A store in one SQLite file (or in memory for ``:memory:``).

    The connection may be shared between threads (an API server's worker pool);
    writes are serialised by a lock and each story is one ``BEGIN IMMEDIATE``
    transaction, so a crash leaves either all of a story or none of it.
    """

    integrity_errors = (sqlite3.IntegrityError,)
    insertion_order = "rowid"
    list_table = "json_each({param}) AS {alias}"

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.url = self.path  # what open_store was given, as PostgresStore.url
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
        self._connection.execute(migrations.SCHEMA_VERSION_TABLE)
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

    def _rows(self, sql: str, parameters: Mapping[str, Any]) -> list[JsonDict]:
        return [dict(row) for row in self._connection.execute(sql, parameters)]

    def _json_rows(self, columns: Sequence[str], source: str, order: str) -> str:
        # The ordered rows' arrays, re-read as JSON: a subquery's result loses its JSON
        # subtype, and json_group_array would quote it as text.
        return (
            f"(SELECT json_group_array(json(row)) FROM"
            f" (SELECT json_array({', '.join(columns)}) AS row FROM {source} ORDER BY {order}))"
        )

    def _list(self, values: list[str]) -> str:
        # A JSON array, which json_each reads as a table.
        return json.dumps(values, ensure_ascii=False)

    # --- full-text search: FTS5 ---

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

    def _ranked_hits(
        self,
        query: str,
        where: str,
        parameters: dict[str, Any],
        wanted: int,
        together: Sequence[Statement] = (),
        count: bool = False,
    ) -> tuple[list[JsonDict], list[list[JsonDict]], JsonDict | None]:
        search = full_text_query(query)
        if search is None:
            return [], self._rows_together(together), None
        # Ranked by bm25 in windows of the latest matches (store/ranking.py).
        hits, story_count = ranking.ranked_hits(
            self._connection, search, where, parameters, wanted, count
        )
        return hits, self._rows_together(together), story_count

    def _matched_articles(self, query: str) -> MatchedArticles | None:
        search = full_text_query(query)
        if search is None:
            return None
        index = search.index  # one of store/fulltext.py's two table names
        return MatchedArticles(
            f"{index} JOIN articles a ON a.seq = {index}.rowid", search.condition, search.parameters
        )
