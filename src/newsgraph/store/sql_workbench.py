"""The workbench's reads, shared by SQLite and PostgreSQL: pages of stories, facts
and actors narrowed by the filters, the network, the timeline and the map.

Full-text search is the one part each database does its own way: a back-end gives
its ranked hits (``_ranked_hits``) and the articles a query matches
(``_matched_articles``), and the rest is the same SQL.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from newsgraph.store import browse, mapping, summaries
from newsgraph.store import places as place_queries
from newsgraph.store import queries as q
from newsgraph.store.base import Filters, JsonDict
from newsgraph.store.browse import Statement
from newsgraph.store.sql import SQLStore


class SQLWorkbenchStore(SQLStore):
    """``SQLStore`` with the workbench's paginated and filtered reads."""

    @abstractmethod
    def _ranked_hits(
        self,
        query: str,
        where: str,
        parameters: dict[str, Any],
        wanted: int,
        together: Sequence[Statement] = (),
        count: bool = False,
    ) -> tuple[list[JsonDict], list[list[JsonDict]], JsonDict | None]:
        """Up to ``wanted`` hits of the words of ``query`` among stories ``s`` meeting
        ``where``, one per story, best first, each with ``story_id``, ``article_id``,
        ``title``, ``published``, ``publisher`` and ``snippet``: text whose matches sit
        between STX and ETX; the rows of the ``together`` statements, run beside the
        first window's; and, asked to ``count``, the search's ``browse.story_count``
        when the first window held every match (``browse.window_count``), else None."""

    @abstractmethod
    def _matched_articles(self, query: str) -> browse.MatchedArticles | None:
        """The articles ``a`` the words of ``query`` match; None when it has none."""

    # --- workbench reads ---

    def search_stories(
        self, query: str, filters: Filters, limit: int = 20, offset: int = 0
    ) -> list[JsonDict]:
        return self._search(query, _where(filters), limit, offset)[0]

    def search_count(self, query: str, filters: Filters) -> JsonDict:
        return browse.story_count(self._rows(*self._count_statement(query, _where(filters))))

    def counted_search(
        self, query: str, filters: Filters, limit: int = 20, offset: int = 0
    ) -> tuple[list[JsonDict], JsonDict]:
        where = _where(filters)
        if limit > 0 and q.search_terms(query):
            # A word search's first window holds every match when it is not full, and
            # counts them: the count statement runs only after a full one.
            hits, _, counted = self._search(query, where, limit, offset, count=True)
            if counted is None:
                counted = browse.story_count(self._rows(*self._count_statement(query, where)))
            return hits, counted
        # The count's query goes with the page's first (PostgreSQL: one round trip).
        counting = self._count_statement(query, where)
        hits, (rows,), _ = self._search(query, where, limit, offset, [counting])
        return hits, browse.story_count(rows)

    def _count_statement(self, query: str, selected: tuple[str, dict[str, Any]]) -> Statement:
        where, parameters = selected
        return browse.count_statement(where, parameters, self._matched_articles(query))

    def _search(
        self,
        query: str,
        selected: tuple[str, dict[str, Any]],
        limit: int,
        offset: int,
        together: Sequence[Statement] = (),
        count: bool = False,
    ) -> tuple[list[JsonDict], list[list[JsonDict]], JsonDict | None]:
        """A page of hits for the stories ``selected`` (``_where``), the rows of the
        ``together`` statements, run beside the page's first query, and the count of a
        word search asked to ``count`` when its first window gave it (``_ranked_hits``)."""
        where, parameters = selected
        if limit <= 0:
            return [], self._rows_together(together), None
        if q.search_terms(query):
            ranked, beside, counted = self._ranked_hits(
                query, where, parameters, offset + limit, together, count
            )
            hits = ranked[offset:]
            for hit in hits:
                hit["snippet"] = mapping.snippet_pieces(hit["snippet"] or "")
            return hits, beside, counted
        listing = (
            f"""
            SELECT s.id AS story_id, s.canonical_article_id AS article_id, s.title,
                   s.published, s.publisher,
                   substr(coalesce(a.standfirst, a.body), 1, 200) AS snippet
            FROM stories s JOIN articles a ON a.id = s.canonical_article_id
            WHERE {where}
            ORDER BY s.published DESC NULLS LAST, s.id DESC
            LIMIT :limit OFFSET :offset
            """,
            {**parameters, "limit": limit, "offset": offset},
        )
        hits, *beside = self._rows_together([listing, *together])
        for row in hits:
            row["snippet"] = [{"text": row["snippet"], "match": False}]
        return hits, beside, None

    def same_story_reports(self, story_ids: list[str]) -> dict[str, JsonDict]:
        statement = browse.group_reports_statement(self.list_table, story_ids, self._list)
        return browse.group_reports(self._rows(*statement), story_ids)

    def story_mentions(self, story_id: str) -> list[JsonDict]:
        return _mentions_from(self._rows(*_story_mentions_statement(story_id)))

    def story_view(self, story_id: str, with_group: bool = False) -> JsonDict | None:
        # One round trip on PostgreSQL for the story, its mentions and its group.
        story_read = self._story_read(story_id)
        beside = [_story_mentions_statement(story_id)]
        if with_group:
            beside.append(browse.group_reports_statement(self.list_table, [story_id], self._list))
        results = self._rows_together([*story_read, *beside])
        story = self._story_from(results[: len(story_read)])
        if story is None:
            return None
        mentions, *group = results[len(story_read) :]
        story["mentions"] = _mentions_from(mentions)
        if with_group:
            story["group"] = browse.group_reports(group[0], [story_id]).get(story_id)
        return story

    def actor_page(
        self,
        limit: int,
        offset: int = 0,
        *,
        words: str | None = None,
        actor_type: str | None = None,
        country: str | None = None,
        min_confidence: float | None = None,
    ) -> list[JsonDict]:
        conditions, parameters = ["TRUE"], {"limit": limit, "offset": offset}
        if min_confidence is not None:
            conditions.append(q.ACTOR_SHOWN)
            parameters["min_actor_confidence"] = min_confidence
        if words and words.strip():
            conditions.append(browse.ACTOR_WORDS)
            parameters.update(words=words.strip(), like=q.like_pattern(q.fold(words)))
        if actor_type:
            conditions.append(browse.ACTOR_TYPE)
            parameters["type"] = actor_type
        if country:
            conditions.append(browse.ACTOR_COUNTRY)
            parameters["country"] = country.strip()
        return self._actor_dicts(
            " AND ".join(conditions), parameters, page="LIMIT :limit OFFSET :offset"
        )

    def actor_choices(self, min_confidence: float | None = None) -> JsonDict:
        if min_confidence is None:
            return browse.actor_choices(self._rows, "TRUE", {})
        return browse.actor_choices(
            self._rows, q.ACTOR_SHOWN, {"min_actor_confidence": min_confidence}
        )

    def actor_dossier(
        self, name_or_key: str, limit: int = 50, min_confidence: float | None = None
    ) -> JsonDict | None:
        def statements_of(key: str) -> list[Statement]:
            by_key = {"key": key, "limit": limit, "min_confidence": min_confidence or 0.0}
            # Latest first along one index (migration 0008 keeps each quote's story date):
            # each page is its latest rows as a subquery, joined in the same order.
            latest_quotes = (
                f"(SELECT * FROM quotes q WHERE q.speaker_key = :key AND {q.QUOTE_SHOWN}"
                f" ORDER BY {q.QUOTES_LATEST_FIRST} LIMIT :limit)"
            )
            statements = [
                self._quote_statement("TRUE", by_key, q.QUOTES_LATEST_FIRST, latest_quotes)
            ]
            for side in q.SIDES:
                latest_events = (
                    f"(SELECT * FROM events e WHERE e.{side}_actor_key = :key"
                    " AND e.confidence >= :min_confidence"
                    f" ORDER BY {q.EVENTS_LATEST_FIRST} LIMIT :limit)"
                )
                statements.append(
                    self._event_statement("TRUE", by_key, q.EVENTS_LATEST_FIRST, latest_events)
                )
            # Totals, days and partners come from the sums kept by trigger (summaries.py).
            return statements + summaries.dossier_statements(key)

        found = self._with_actor(name_or_key, statements_of)
        if found is None:
            return None
        actor, (quotes, as_source, as_target, totals, over_time, interactions) = found
        actor["totals"] = totals[0]
        actor["quotes"] = self._quotes_from(quotes)
        actor["events_as_source"] = self._events_from(as_source)
        actor["events_as_target"] = self._events_from(as_target)
        actor["over_time"] = over_time
        actor["interactions"] = interactions
        return actor

    def _events_by_id(self, ids: list[str]) -> list[JsonDict]:
        events = self._event_dicts(self._in_list("e.id", ":ids"), {"ids": self._list(ids)})
        return mapping.in_order(events, ids)

    def quote_page(
        self,
        speaker_key: str | None,
        limit: int,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> list[JsonDict]:
        where = "TRUE" if speaker_key is None else "q.speaker_key = :key"
        # The page's ids as a subquery, its rows read in the same order: one statement,
        # planned once (a list of ids was planned anew at every run on PostgreSQL).
        newest = "s.published DESC NULLS LAST, q.id"
        page = (
            f"SELECT q.id FROM quotes q JOIN stories s ON s.id = q.story_id WHERE {where}"
            f" AND {q.QUOTE_SHOWN} ORDER BY {newest} LIMIT :limit OFFSET :offset"
        )
        parameters = {
            "key": speaker_key,
            "min_confidence": min_confidence or 0.0,
            "limit": limit,
            "offset": offset,
        }
        return self._quotes_from(
            self._rows(*self._quote_statement(f"q.id IN ({page})", parameters, newest))
        )

    def event_page(self, filters: Filters, limit: int, offset: int = 0) -> list[JsonDict]:
        conditions, parameters = q.event_conditions(replace(filters, actor=None))
        where = " AND ".join(conditions)
        parameters.update(limit=limit, offset=offset)
        if filters.actor is None:
            sql = f"SELECT e.id FROM events e WHERE {where}" + q.NEWEST_EVENTS_PAGE
        else:
            # An actor's events as source and as target, each side newest first along
            # its own index and cut at the page's end, then merged: a busy actor's
            # 60,000 events are never all sorted. The actor's keys come first, so that
            # each side is an equality the (side, date) index answers in order.
            keys = self._ids(
                f"SELECT * FROM {q.MATCHING_ACTOR_KEYS} AS matching",
                {"term": filters.actor.strip(), "folded": q.fold(filters.actor)},
            )
            if not keys:
                return []
            sides = []
            for number, key in enumerate(keys):
                parameters[f"key{number}"] = key
                sides += [
                    "SELECT * FROM (SELECT e.id, e.event_date FROM events e"
                    f" WHERE e.{side}_actor_key = :key{number} AND {where}"
                    " ORDER BY e.event_date DESC NULLS LAST, e.id DESC"
                    " LIMIT :limit + :offset) AS side"
                    for side in q.SIDES
                ]
            sql = f"SELECT e.id FROM ({' UNION '.join(sides)}) e" + q.NEWEST_EVENTS_PAGE
        # The page's ids as a subquery, its rows read in the same order (as quote_page).
        statement = self._event_statement(f"e.id IN ({sql})", parameters, q.EVENTS_LATEST_FIRST)
        return self._events_from(self._rows(*statement))

    def event(self, event_id: str) -> JsonDict | None:
        found = self._event_dicts("e.id = :id", {"id": event_id})
        if not found:
            return None
        event = found[0]
        story = self._rows(
            "SELECT title, published, publisher FROM stories WHERE id = :id",
            {"id": event["story_id"]},
        )[0]
        event["story"] = {"id": event["story_id"], **story}
        return event

    def claim_page(
        self, limit: int, offset: int = 0, min_confidence: float | None = None
    ) -> list[JsonDict]:
        ids = self._ids(
            "SELECT c.id FROM claims c JOIN stories s ON s.id = c.story_id"
            " WHERE c.confidence >= :min_confidence"
            " ORDER BY s.published DESC NULLS LAST, c.id LIMIT :limit OFFSET :offset",
            {"limit": limit, "offset": offset, "min_confidence": min_confidence or 0.0},
        )
        claims = self._rows(
            q.CLAIM_SELECT.format(where=self._in_list("c.id", ":ids")),
            {"ids": self._list(ids)},
        )
        return mapping.in_order(claims, ids)

    def graph(self, filters: Filters, max_edges: int = 300) -> JsonDict:
        conditions, parameters = q.event_conditions(filters)
        edges = self._rows(
            f"""
            SELECT e.source_actor_key AS source, e.target_actor_key AS target,
                   count(*) AS events, avg(e.goldstein) AS goldstein,
                   count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
                   count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict
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
        keys = sorted({edge[side] for edge in edges for side in q.SIDES})
        nodes = self._rows(
            f"""
            SELECT ac.key, ac.name, ac.type, ac.code, ac.country,
                   (SELECT count(*) FROM mentions m WHERE m.actor_key = ac.key) AS mentions
            FROM actors ac WHERE {self._in_list("ac.key", ":keys")}
            ORDER BY mentions DESC, ac.key
            """,
            {"keys": self._list(keys)},
        )
        return {"nodes": nodes, "edges": edges}

    def places(self, filters: Filters) -> list[JsonDict]:
        conditions, parameters = q.event_conditions(filters)
        return place_queries.event_places(self._rows, " AND ".join(conditions), parameters)

    def place_events(
        self, name: str, country: str, filters: Filters, limit: int = 50
    ) -> list[JsonDict]:
        conditions, parameters = q.event_conditions(filters)
        ids = place_queries.place_event_ids(
            self._rows, " AND ".join(conditions), parameters, name, country, limit
        )
        return self._events_by_id(ids)

    def timeline(self, filters: Filters) -> list[JsonDict]:
        conditions, parameters = q.event_conditions(filters)
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


def _where(filters: Filters) -> tuple[str, dict[str, Any]]:
    """The condition on stories ``s`` that ``filters`` set, with its parameters; read once
    for a search page's hits and its count."""
    conditions, parameters = q.story_conditions(filters)
    return " AND ".join(conditions), parameters


def _story_mentions_statement(story_id: str) -> Statement:
    """The actor mentions of a story's canonical text, in text order."""
    return (
        """
        SELECT m.span_start AS start, m.span_end AS "end", m.text, m.actor_key,
               ac.name, ac.type, m.confidence, m.referenced
        FROM mentions m
        JOIN stories s ON s.id = m.story_id AND s.canonical_article_id = m.article_id
        JOIN actors ac ON ac.key = m.actor_key
        WHERE m.story_id = :story_id
        ORDER BY m.span_start, m.span_end
        """,
        {"story_id": story_id},
    )


def _mentions_from(rows: list[JsonDict]) -> list[JsonDict]:
    for mention in rows:
        mention["referenced"] = bool(mention["referenced"])
    return rows
