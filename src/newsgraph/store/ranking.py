"""SQLite: the workbench's full-text hits, ranked by bm25 within windows of matches.

FTS5 must score every match before it knows the best one: a common word in 100,000
articles is 10,000 matches and 15–30 ms of bm25 per query. Here the matches come
newest first (FTS5 reads them in rowid order for free) in windows of
``SEARCH_WINDOW`` articles; each window is ranked by bm25 (the same score as FTS5's
``rank``) and the next, older window follows only when a page reaches past it.
A query with fewer matches than a window is ranked exactly as before; a broad one
shows the best of its latest matches first.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

JsonDict = dict[str, Any]
SEARCH_WINDOW = 1000

# Story filters name ``s`` (stories); joined only when there are any.
_FILTER_JOIN = "JOIN articles a ON a.seq = articles_fts.rowid JOIN stories s ON s.id = a.story_id"
_WINDOW = """
SELECT articles_fts.rowid, bm25(articles_fts) FROM articles_fts {join}
WHERE articles_fts MATCH :match AND {where} {older}
ORDER BY articles_fts.rowid DESC LIMIT :window
"""
_HITS = """
SELECT a.seq, a.story_id, a.id AS article_id, coalesce(a.title, s.title) AS title,
       s.published, s.publisher
FROM articles a JOIN stories s ON s.id = a.story_id
WHERE a.seq IN (SELECT value FROM json_each(:seqs))
"""


def ranked_hits(
    connection: sqlite3.Connection, where: str, parameters: dict[str, Any], wanted: int
) -> list[JsonDict]:
    """Up to ``wanted`` hits, one per story (its best version), best first.

    ``where`` are story conditions on ``s`` ("1" for none); ``parameters`` carry them
    and ``match``, the FTS5 query. Each hit has ``seq`` (the article's FTS rowid).
    """
    hits: dict[str, JsonDict] = {}
    older_than: int | None = None
    while len(hits) < wanted:
        window = connection.execute(
            _WINDOW.format(
                join=_FILTER_JOIN if where != "1" else "",
                where=where,
                older="" if older_than is None else "AND articles_fts.rowid < :older_than",
            ),
            {**parameters, "older_than": older_than, "window": SEARCH_WINDOW},
        ).fetchall()
        ranked = [seq for seq, _ in sorted(window, key=lambda row: (row[1], -row[0]))]
        # Articles are read for the best few only; more when versions of one story repeat.
        for start in range(0, len(ranked), wanted):
            for hit in _hit_rows(connection, ranked[start : start + wanted]):
                hits.setdefault(hit["story_id"], hit)
                if len(hits) == wanted:
                    return list(hits.values())
        if len(window) < SEARCH_WINDOW:
            break
        older_than = window[-1][0]
    return list(hits.values())


def _hit_rows(connection: sqlite3.Connection, seqs: list[int]) -> list[JsonDict]:
    """The stories and titles of these articles, in the order given."""
    cursor = connection.execute(_HITS, {"seqs": json.dumps(seqs)})
    names = [column[0] for column in cursor.description]
    rows = {row[0]: dict(zip(names, row, strict=True)) for row in cursor}
    return [rows[seq] for seq in seqs if seq in rows]
