"""SQLite: the workbench's full-text hits, ranked by bm25 within windows of matches.

FTS5 must score every match before it knows the best one: a common word in 100,000
articles is 10,000 matches and 15–30 ms of bm25 per query. Here the matches come
newest first in windows of ``SEARCH_WINDOW`` (FTS5 reads them in rowid order for
free): a first query finds the oldest match of the window, a second lets FTS5 rank
the window itself (``ORDER BY rank``, the same bm25 as its ``rank`` column) and
make snippets for the rows it returns only. The next, older window is ranked only
when a page reaches past this one. A query with fewer matches than a window is
ranked exactly; a broad one shows the best of its latest matches first.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.store import browse
from newsgraph.store.fulltext import FullTextQuery

JsonDict = dict[str, Any]
SEARCH_WINDOW = 500

# A match's article ``a`` and story ``s``: always for the ranked rows, for the window's
# floor only when story filters (on ``s``) need them. ``{index}`` is the FTS5 table
# and ``{condition}`` the search on it (store/fulltext.py).
_STORY_JOIN = "JOIN articles a ON a.seq = {index}.rowid JOIN stories s ON s.id = a.story_id"
_BELOW = "AND {index}.rowid < :below"
_WINDOW_FLOOR = """
SELECT {index}.rowid FROM {index} {join}
WHERE {condition} AND {where} {below}
ORDER BY {index}.rowid DESC LIMIT 1 OFFSET :last
"""
# The first window's floor for a search that is counted: the window's matches kept, so
# that when it is not full (it holds every match) they are counted beside its floor
# (browse.window_count_sql) and the count statement need not find them again.
_COUNTED_FLOOR = """
WITH latest AS MATERIALIZED (
    SELECT {index}.rowid AS seq FROM {index} {join}
    WHERE {condition} AND {where}
    ORDER BY {index}.rowid DESC LIMIT :window
),
counted AS ({counted})
SELECT (SELECT count(*) FROM latest) AS matches, (SELECT min(seq) FROM latest) AS floor,
       counted.stories, counted.groups
FROM counted
"""
_COUNTED_MATCHES = "(SELECT a.story_id FROM latest JOIN articles a ON a.seq = latest.seq)"
# ORDER BY rank alone, so that FTS5 sorts the window itself and snippet() runs for the
# rows returned, not for every row of the window.
_RANKED = """
SELECT a.story_id, a.id AS article_id, coalesce(a.title, s.title) AS title,
       s.published, s.publisher, snippet({index}, 1, char(2), char(3), '…', 24) AS snippet
FROM {index} {join}
WHERE {condition} AND {index}.rowid >= :floor {below} AND {where}
ORDER BY rank LIMIT :rows
"""


def ranked_hits(
    connection: sqlite3.Connection,
    search: FullTextQuery,
    where: str,
    parameters: dict[str, Any],
    wanted: int,
    count: bool = False,
) -> tuple[list[JsonDict], JsonDict | None]:
    """Up to ``wanted`` hits, one per story (its best version), best first; and, asked
    to ``count``, the search's ``browse.story_count`` when its first window held every
    match (else None).

    ``where`` are story conditions on ``s`` ("TRUE" for none); ``parameters`` carry them.
    Each hit has ``snippet``, FTS5's with the matches between STX and ETX.
    """
    index = search.index
    parameters = {**parameters, **search.parameters}
    story_join = _STORY_JOIN.format(index=index)
    below_clause = _BELOW.format(index=index)
    floor_join = story_join if where != "TRUE" else ""
    hits: dict[str, JsonDict] = {}
    story_count: JsonDict | None = None
    below: int | None = None
    while len(hits) < wanted:
        window = {**parameters, "below": below, "last": SEARCH_WINDOW - 1}
        if count and below is None:
            sql = _COUNTED_FLOOR.format(
                index=index,
                condition=search.condition,
                join=floor_join,
                where=where,
                counted=browse.window_count_sql(_COUNTED_MATCHES, "latest"),
            )
            matches, oldest, stories, groups = connection.execute(
                sql, {**window, "window": SEARCH_WINDOW}
            ).fetchone()
            story_count = browse.window_count(matches, stories, groups, SEARCH_WINDOW)
            # The oldest of a full window is its floor, as _WINDOW_FLOOR finds it.
            floor_row = (oldest,) if matches == SEARCH_WINDOW else None
        else:
            floor_row = connection.execute(
                _WINDOW_FLOOR.format(
                    index=index,
                    condition=search.condition,
                    join=floor_join,
                    where=where,
                    below=below_clause if below is not None else "",
                ),
                window,
            ).fetchone()
        floor = floor_row[0] if floor_row else 0
        ranked = _RANKED.format(
            index=index,
            condition=search.condition,
            join=story_join,
            where=where,
            below=below_clause if below is not None else "",
        )
        # Versions of one story can take several rows: ask for more until enough stories.
        rows = wanted
        while True:
            cursor = connection.execute(ranked, {**window, "floor": floor, "rows": rows})
            names = [column[0] for column in cursor.description]
            found = [dict(zip(names, row, strict=True)) for row in cursor]
            window_hits: dict[str, JsonDict] = {}
            for hit in found:
                window_hits.setdefault(hit["story_id"], hit)
            if len(found) < rows or len(hits.keys() | window_hits.keys()) >= wanted:
                break
            rows *= 2
        for story_id, hit in window_hits.items():
            hits.setdefault(story_id, hit)
            if len(hits) == wanted:
                return list(hits.values()), story_count
        if floor_row is None:
            break
        below = floor
    return list(hits.values()), story_count
