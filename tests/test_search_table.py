"""PostgreSQL's narrow search table (migration 0006): kept in step with the articles
by ingest and re-ingest, filled for a store from before it, and searched as the
articles' own text was; and, on both back-ends, a re-ingest that leaves search as it was.

The real article bodies of the extraction data set (``../shared``) are the corpus."""

from __future__ import annotations

import dataclasses
from typing import Any

from newsgraph.records import Story
from newsgraph.store import Filters, Store, open_store
from store_records import ground_truth_stories, seed_facts, seed_story, signatures_of

QUERIES = (
    "bitcoin mining",
    "protest",
    "the",
    "prevention of another colour revolution",
    "Kazakhstan president",
    "Atlantis",
)
# Each article's tsvector as migration 0001's generated column made it from its text.
_VECTOR = (
    "setweight(to_tsvector('newsgraph', coalesce(a.title, '')), 'A')"
    " || setweight(to_tsvector('newsgraph', a.body), 'B')"
)
# Ranked as the search ranks one window (all of this corpus's matches): each story's
# best version, best first, ties newest first.
_RANKED_FROM_TEXT = f"""
WITH matched AS (
    SELECT a.seq, a.story_id, ts_rank({_VECTOR}, query) AS rank
    FROM articles a CROSS JOIN plainto_tsquery('newsgraph', %s) AS query
    WHERE {_VECTOR} @@ query
),
best AS (
    SELECT DISTINCT ON (story_id) seq, story_id, rank FROM matched
    ORDER BY story_id, rank DESC, seq DESC
)
SELECT best.story_id, a.id, coalesce(a.title, s.title)
FROM best JOIN articles a ON a.seq = best.seq JOIN stories s ON s.id = best.story_id
ORDER BY best.rank DESC, best.seq DESC
"""
# The schema before migration 0006: the tsvector a generated column of the articles.
_BEFORE_0006 = (
    "DROP TRIGGER articles_search_insert ON articles",
    "DROP TRIGGER articles_search_update ON articles",
    "DROP FUNCTION article_search_kept()",
    "DROP TABLE article_search",
    "ALTER TABLE articles ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS ("
    " setweight(to_tsvector('newsgraph'::regconfig, coalesce(title, '')), 'A')"
    " || setweight(to_tsvector('newsgraph'::regconfig, body), 'B')) STORED",
    "CREATE INDEX articles_search ON articles USING gin (search_vector)",
    "DELETE FROM schema_version WHERE version = 6",
)


def _save_corpus(store: Store, stories: list[Story]) -> None:
    seed = seed_story()
    store.save_story(seed, signatures_of(seed), seed_facts(seed))
    for story in stories:
        store.save_story(story, {}, None)


def _searched(store: Store) -> list[Any]:
    """Everything the search gives for ``QUERIES``: hits, counts, pages past the first."""
    found: list[Any] = []
    for query in QUERIES:
        found.append(store.search(query, limit=50))
        found.append(store.counted_search(query, Filters(), 10, 0))
        found.append(store.counted_search(query, Filters(), 10, 10))
        found.append(store.search_stories(query, Filters(date_from="2000-01-01"), 10))
    return found


def _search_table(url: str) -> list[tuple]:
    """The narrow table's rows, and each article's from its text: the two must agree."""
    import psycopg

    with psycopg.connect(url) as connection:
        kept = connection.execute(
            "SELECT seq, story_id, CAST(search_vector AS text) FROM article_search ORDER BY seq"
        ).fetchall()
        from_text = connection.execute(
            f"SELECT a.seq, a.story_id, CAST({_VECTOR} AS text) FROM articles a ORDER BY a.seq"
        ).fetchall()
    assert kept == from_text
    return kept


def test_the_search_table_follows_ingest_re_ingest_and_a_moved_version(postgres) -> None:
    url = postgres.new_database()
    stories = ground_truth_stories(20)
    with open_store(url) as store:
        _save_corpus(store, stories)
        rows = _search_table(url)
        assert len(rows) == store.counts()["articles"] == len(stories) + 2
        searched = _searched(store)
        # Ingested again (idempotent): the same rows, none twice, the same hits.
        _save_corpus(store, stories)
        assert _search_table(url) == rows
        assert _searched(store) == searched
        # A version saved into another story moves there, and its search row with it.
        seed = seed_story()
        moved = seed.versions[0]
        store.save_story(Story(id="moved", versions=[moved], canonical_id=moved.id), {}, None)
        moved_rows = _search_table(url)
        assert len(moved_rows) == len(rows)
        assert {row[1] for row in moved_rows} - {row[1] for row in rows} == {"moved"}


def test_postgresql_search_ranks_as_the_articles_own_text(postgres) -> None:
    """The hits read from the narrow table are those ranked over the articles' text."""
    import psycopg

    url = postgres.new_database()
    with open_store(url) as store:
        _save_corpus(store, ground_truth_stories())
        with psycopg.connect(url) as connection:
            for query in QUERIES:
                expected = connection.execute(_RANKED_FROM_TEXT, (query,)).fetchall()
                hits = store.search_stories(query, Filters(), limit=200)
                assert [(h["story_id"], h["article_id"], h["title"]) for h in hits] == expected
                count = store.search_count(query, Filters())
                assert count["stories"] == len(expected)
        assert store.search_stories("bitcoin mining", Filters())[0]["story_id"] == seed_story().id


def test_a_postgresql_store_from_before_the_search_table_is_migrated(postgres) -> None:
    """A store from before migration 0006, reopened, gets the narrow table filled from
    its articles, searches as before and keeps the table in step from then on."""
    import psycopg

    url = postgres.new_database()
    stories = ground_truth_stories(30)
    with open_store(url) as store:
        _save_corpus(store, stories[:20])
        version = store.schema_version
        searched = _searched(store)
    with psycopg.connect(url, autocommit=True) as connection:
        for statement in _BEFORE_0006:
            connection.execute(statement)
    with open_store(url) as store:
        assert store.schema_version == version
        assert len(_search_table(url)) == store.counts()["articles"]
        assert _searched(store) == searched
        for story in stories[20:]:
            store.save_story(story, {}, None)
        assert len(_search_table(url)) == store.counts()["articles"]
    with psycopg.connect(url) as connection:
        columns = connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'articles'"
        ).fetchall()
    assert ("search_vector",) not in columns


def test_a_re_ingest_leaves_search_as_it_was(store_url: str) -> None:
    """On both back-ends: the same stories saved again, or a story's versions saved again
    in another order, give the same hits and counts, no story twice."""
    stories = ground_truth_stories(20)
    with open_store(store_url) as store:
        _save_corpus(store, stories)
        searched = _searched(store)
        _save_corpus(store, stories)
        seed = seed_story()
        reordered = dataclasses.replace(seed, versions=seed.versions[::-1])
        store.save_story(reordered, signatures_of(seed), seed_facts(seed))
        assert _searched(store) == searched
        hits = store.search_stories("the", Filters(), limit=200)
        assert len(hits) == len({hit["story_id"] for hit in hits})
