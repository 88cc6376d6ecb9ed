"""The workbench's browsing reads, beside the pages of facts themselves.

How many stories a search finds (and in how many same-story groups), the reports of
each story's same-story group (so a page can collapse them or list them), and the
actor list narrowed by words, type and country with the choices those filters offer.
The callers in ``sql_workbench.py`` build the story conditions and fold the words and
pass the store's ``_rows`` to run the SQL, the same on both back-ends; every value
reaches SQL as a parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

JsonDict = dict[str, Any]
RowReader = Callable[[str, Mapping[str, Any]], list[JsonDict]]
# One query and its named parameters, for a store to run with others (SQLStore._rows_together).
Statement = tuple[str, Mapping[str, Any]]


@dataclass(frozen=True)
class MatchedArticles:
    """The articles ``a`` a full-text query matches: the tables to read them from
    (``source``, which names as ``a`` the articles or a narrower table with their
    ``story_id``) and the condition, with its parameters."""

    source: str
    condition: str
    parameters: dict[str, Any]


# Counting stops after ``COUNT_CAP`` matching articles: a common word's count is then
# "more than", at a bounded cost, like the ranking's windows (store/ranking.py).
COUNT_CAP = 1_000
_COUNTED = """
SELECT count(*) AS rows, count(DISTINCT story_id) AS stories, count(DISTINCT group_id) AS groups
FROM ({rows} LIMIT :cap) AS counted
"""
# {source} and {condition} come from the back-end's full-text search (its own table
# names and a parameterised condition), never from the query's text.
_MATCHED_ROWS = """
SELECT s.id AS story_id, coalesce(g.group_id, s.id) AS group_id
FROM {source}
JOIN stories s ON s.id = a.story_id LEFT JOIN story_groups g ON g.story_id = s.id
WHERE {condition} AND {where}
"""
# With no condition on the stories, their table is not read: 1,000 lookups fewer
# (PostgreSQL, a two-word query's count: 2.1 -> 1.1 ms).
_MATCHED_ARTICLE_ROWS = """
SELECT a.story_id, coalesce(g.group_id, a.story_id) AS group_id
FROM {source}
LEFT JOIN story_groups g ON g.story_id = a.story_id
WHERE {condition}
"""
# A search's count read from its first window of matches (the latest SEARCH_WINDOW,
# store/ranking.py and postgres.py): a window that is not full holds every match, so
# the count statement need not find them again (PostgreSQL, a search of 90-480 matches:
# one statement fewer). ``{matches}`` are the window's matches with their ``story_id``,
# counted only when the window ``{window}`` is not full (:window rows at most).
_WINDOW_COUNTED = """
SELECT count(DISTINCT w.story_id) AS stories,
       count(DISTINCT coalesce(g.group_id, w.story_id)) AS groups
FROM {matches} AS w LEFT JOIN story_groups g ON g.story_id = w.story_id
WHERE (SELECT count(*) FROM {window}) < :window
"""
_FILTERED_ROWS = """
SELECT s.id AS story_id, coalesce(g.group_id, s.id) AS group_id
FROM stories s LEFT JOIN story_groups g ON g.story_id = s.id
WHERE {where}
"""

# Every report (story) of each wanted story's group, oldest first, the wanted story
# among them. A story never placed is a group of its own.
_GROUP_REPORTS = """
WITH wanted(of_story, group_id) AS (
    SELECT w.value, coalesce(g.group_id, w.value)
    FROM {stories} LEFT JOIN story_groups g ON g.story_id = w.value
),
members(of_story, group_id, story_id) AS (
    SELECT w.of_story, w.group_id, g.story_id
    FROM wanted w JOIN story_groups g ON g.group_id = w.group_id
    UNION
    SELECT w.of_story, w.group_id, w.group_id FROM wanted w
    WHERE NOT EXISTS (SELECT 1 FROM story_groups x WHERE x.story_id = w.group_id)
)
SELECT m.of_story, m.group_id, s.id AS story_id, s.title, s.published,
       coalesce(a.publisher, s.publisher) AS publisher, a.url, a.source_ref, a.language,
       (SELECT count(*) FROM articles x WHERE x.story_id = s.id) AS articles
FROM members m
JOIN stories s ON s.id = m.story_id
JOIN articles a ON a.id = s.canonical_article_id
ORDER BY m.of_story, s.published IS NULL, s.published, s.id
"""

# Actors whose folded name or alias holds the words, or whose key or code is them.
ACTOR_WORDS = """(
    ac.folded_name LIKE :like ESCAPE '\\' OR ac.key = :words COLLATE NOCASE
    OR ac.code = :words COLLATE NOCASE
    OR ac.key IN (SELECT actor_key FROM actor_aliases WHERE folded_alias LIKE :like ESCAPE '\\')
)"""
ACTOR_TYPE = "ac.type = :type"
ACTOR_COUNTRY = "ac.country = :country COLLATE NOCASE"

# {shown} is "TRUE" or queries.ACTOR_SHOWN: the actors a listing at :min_actor_confidence shows.
_ACTOR_TYPES = """
SELECT type AS value, count(*) AS actors FROM actors ac WHERE {shown}
GROUP BY type ORDER BY type
"""
_ACTOR_COUNTRIES = """
SELECT country AS value, count(*) AS actors FROM actors ac
WHERE country IS NOT NULL AND {shown}
GROUP BY country ORDER BY country
"""


def count_statement(
    where: str, parameters: dict[str, Any], search: MatchedArticles | None = None
) -> Statement:
    """The query of ``story_count``: stories meeting the conditions ``where`` on ``s`` (and
    the full-text ``search``, when there is one), to run alone or beside others."""
    if search is None:
        selected = _FILTERED_ROWS.format(where=where)
    elif where == "TRUE":
        selected = _MATCHED_ARTICLE_ROWS.format(source=search.source, condition=search.condition)
        parameters = {**parameters, **search.parameters}
    else:
        selected = _MATCHED_ROWS.format(
            source=search.source, condition=search.condition, where=where
        )
        parameters = {**parameters, **search.parameters}
    return _COUNTED.format(rows=selected), {**parameters, "cap": COUNT_CAP}


def window_count_sql(matches: str, window: str) -> str:
    """A query of one row, ``stories`` and ``groups``: the ``matches`` of a search's
    first ``window`` (at most ``:window`` rows) counted when they are fewer (all there
    are); for ``window_count`` to read beside how many there are."""
    return _WINDOW_COUNTED.format(matches=matches, window=window)


def window_count(matches: int, stories: int, groups: int, window: int) -> JsonDict | None:
    """``story_count`` of a search from its first window of at most ``window`` matches,
    of which it found ``matches``, and ``stories`` and ``groups`` (``window_count_sql``).
    None when the window was full (there may be more) or reached ``COUNT_CAP``: then
    only the count statement says what ``story_count`` says."""
    if matches >= min(window, COUNT_CAP):
        return None
    return {"stories": stories, "groups": groups, "capped": False}


def story_count(rows: list[JsonDict]) -> JsonDict:
    """``{stories, groups, capped}`` from the rows of ``count_statement``: how many stories,
    in how many same-story groups. ``capped``: counting stopped at ``COUNT_CAP`` rows, so
    there are more."""
    (found,) = rows
    return {
        "stories": found["stories"],
        "groups": found["groups"],
        "capped": found["rows"] == COUNT_CAP,
    }


def group_reports_statement(
    list_table: str, story_ids: list[str], as_list: Callable[[list[str]], Any]
) -> Statement:
    """The query of ``group_reports``. ``list_table`` reads a list parameter made by
    ``as_list`` as a table (the store's ``list_table`` and ``_list``).

    One story (a story's page) is a one-row table of its own: PostgreSQL plans a list of
    unknown length anew at every run (0.3 ms of the server's time), a single value once."""
    if len(story_ids) == 1:
        sql = _GROUP_REPORTS.format(stories="(SELECT CAST(:story AS TEXT) AS value) AS w")
        return sql, {"story": story_ids[0]}
    sql = _GROUP_REPORTS.format(stories=list_table.format(param=":stories", alias="w"))
    return sql, {"stories": as_list(story_ids)}


def group_reports(rows: list[JsonDict], story_ids: list[str]) -> dict[str, JsonDict]:
    """For each of ``story_ids``, from the rows of ``group_reports_statement``: its
    same-story group's ``id`` and ``reports``, one per story of the group with the
    title, date, outlet, URL and source of its canonical article. Unknown ids are left
    out."""
    groups: dict[str, JsonDict] = {}
    for row in rows:
        group = groups.setdefault(row.pop("of_story"), {"id": row["group_id"], "reports": []})
        del row["group_id"]
        group["reports"].append(row)
    return {story_id: groups[story_id] for story_id in story_ids if story_id in groups}


def actor_choices(rows: RowReader, shown: str, parameters: dict[str, Any]) -> JsonDict:
    """The actor types and countries stored, each with how many actors meeting ``shown``
    (a condition on actors ``ac``, with its ``parameters``) have it."""
    return {
        "types": rows(_ACTOR_TYPES.format(shown=shown), parameters),
        "countries": rows(_ACTOR_COUNTRIES.format(shown=shown), parameters),
    }
