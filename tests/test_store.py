"""The store on both back-ends (SQLite and PostgreSQL): migrations, one transaction per
story, reads and search; SQLite's WAL."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph.records import (
    Article,
    Mention,
    Quote,
    SameStoryPlacement,
    Span,
    Story,
    StoryFacts,
    content_id,
)
from newsgraph.store import (
    Filters,
    SQLiteStore,
    Store,
    StoreBusy,
    StoreError,
    StoreIntegrityError,
    UnsupportedStoreURL,
    open_store,
    ranking,
)
from newsgraph.store.base import JsonDict
from newsgraph.store.sqlite import load_migrations

try:
    from newsgraph.store import postgres as postgres_store
except ImportError:  # no psycopg: only SQLite's half of these tests runs
    postgres_store = None
from conftest import BACKENDS, new_store_url
from store_records import (
    PUTIN,
    TOKAYEV,
    ground_truth_stories,
    seed_facts,
    seed_story,
    signatures_of,
    span_of,
)


@pytest.fixture
def db_path(store_url: str) -> str:
    """The store's path or URL, on each back-end."""
    return store_url


@pytest.fixture
def store(db_path: Path):
    with open_store(db_path) as opened:
        yield opened


@pytest.fixture
def seeded(store: Store) -> Store:
    story = seed_story()
    store.save_story(story, signatures_of(story), seed_facts(story))
    return store


def dump(db_path: str) -> list[str]:
    """Every schema object and row of the database, read from outside: SQLite's file
    as SQL, a PostgreSQL database's rows table by table."""
    if not db_path.startswith("postgresql://"):
        with sqlite3.connect(db_path) as connection:
            return list(connection.iterdump())
    import psycopg

    # Identity columns (mentions.id, fact_mentions.seq) are left out: PostgreSQL never
    # hands out a number twice, where SQLite reuses the highest after a delete.
    with psycopg.connect(db_path) as connection:
        columns = connection.execute(
            "SELECT table_name, string_agg(quote_ident(column_name), ', '"
            " ORDER BY ordinal_position) FROM information_schema.columns"
            " WHERE table_schema = 'public' AND is_identity = 'NO' GROUP BY table_name"
            " ORDER BY table_name"
        ).fetchall()
        return [
            f"{table}: {row!r}"
            for table, names in columns
            for row in sorted(
                connection.execute(f'SELECT {names} FROM "{table}"').fetchall(), key=repr
            )
        ]


def schema_version_of(store: Store) -> int:
    """The number of the last migration file of the store's back-end."""
    if isinstance(store, SQLiteStore):
        return load_migrations()[-1].version
    return postgres_store.load_migrations()[-1].version


def hostile_article(words: str) -> Article:
    paragraphs = [f"Protesters chanted {words} outside parliament.", "Police said 12 were held."]
    return Article(
        id=content_id("\n\n".join(paragraphs)), source_ref="hostile", paragraphs=paragraphs
    )


# --- opening and migrating ---


def test_open_store_parses_paths_and_urls(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "plain.db")) as plain:
        assert isinstance(plain, SQLiteStore)
    with open_store(f"sqlite:///{tmp_path}/url.db") as from_url:
        assert Path(from_url.path) == tmp_path / "url.db"
    with open_store("sqlite://") as in_memory:
        assert in_memory.counts()["stories"] == 0
    assert (tmp_path / "plain.db").exists()


def test_postgresql_urls_open_the_postgresql_store(postgres) -> None:
    url = postgres.new_database()
    for spelling in (url, url.replace("postgresql://", "postgres://")):
        with open_store(spelling) as opened:
            assert type(opened).__name__ == "PostgresStore"
            assert opened.counts()["stories"] == 0


def test_an_unreachable_postgresql_server_is_one_clear_error(postgres) -> None:
    # The server answers, but has no such database: one line says so.
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        open_store(f"postgresql://nobody@127.0.0.1:{postgres.port}/no_such_database")


def test_unknown_url_scheme_is_refused() -> None:
    with pytest.raises(UnsupportedStoreURL, match="mysql"):
        open_store("mysql://localhost/news")


def test_schema_version_is_the_last_migration(store: Store) -> None:
    assert store.schema_version == schema_version_of(store) >= 1


def test_migrating_an_existing_database_is_a_no_op(seeded: Store, db_path: Path) -> None:
    before = dump(db_path)
    seeded.close()
    with open_store(db_path) as reopened:
        assert reopened.schema_version == schema_version_of(reopened)
        assert reopened.counts()["stories"] == 1
    assert dump(db_path) == before


def test_wal_journal_and_foreign_keys_are_on(tmp_path: Path) -> None:
    db_path = tmp_path / "wal.db"
    store = SQLiteStore(db_path)
    assert store.journal_mode == "wal"
    with sqlite3.connect(db_path) as outside:
        assert outside.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# --- writing ---


def test_saved_story_loads_back_equal(seeded: Store) -> None:
    story = seed_story()
    assert seeded.load_story(story.id) == story
    assert seeded.load_story("no-such-story") is None
    for article in story.versions:
        assert seeded.has_article(article.id)
        assert seeded.story_of(article.id) == story.id
    assert not seeded.has_article("no-such-article")
    assert seeded.story_of("no-such-article") is None


def test_story_signatures_give_back_every_article(seeded: Store) -> None:
    story = seed_story()
    signatures = signatures_of(story)
    assert sorted(seeded.story_signatures()) == sorted(
        (article_id, story.id, signature) for article_id, signature in signatures.items()
    )


def test_saving_twice_leaves_the_store_identical(seeded: Store, db_path: Path) -> None:
    before, counts = dump(db_path), seeded.counts()
    story = seed_story()
    seeded.save_story(story, signatures_of(story), seed_facts(story))
    assert seeded.counts() == counts
    assert dump(db_path) == before


def test_saving_without_facts_keeps_the_facts(seeded: Store) -> None:
    counts = seeded.counts()
    story = seed_story()
    seeded.save_story(story, {}, None)
    assert seeded.counts() == counts
    assert len(list(seeded.story_signatures())) == 2


def test_new_facts_replace_the_old(seeded: Store) -> None:
    story = seed_story()
    facts = seed_facts(story)
    kept = facts.quotes[0]
    seeded.save_story(story, {}, dataclasses.replace(facts, quotes=[kept], claims=[]))
    quotes = seeded.quotes()
    assert [q["text"] for q in quotes] == [kept.text]
    assert seeded.claims() == []
    assert seeded.counts()["events"] == len(facts.events)
    assert seeded.stories()[0]["counts"] == {
        "articles": 2,
        "quotes": 1,
        "events": len(facts.events),
        "claims": 0,
    }


def test_actors_merge_aliases_and_roles_across_stories(seeded: Store) -> None:
    article = hostile_article("Putin's name")
    story = Story(id=article.id, versions=[article], canonical_id=article.id)
    putin = dataclasses.replace(
        PUTIN, aliases=["Putin", "President Putin"], roles=["Kremlin leader"], code=None
    )
    facts = StoryFacts(
        story_id=story.id,
        article_id=article.id,
        actors=[putin],
        mentions=[Mention(span_of(article, "Putin"), "Putin", putin.key)],
    )
    seeded.save_story(story, {}, facts)
    actor = seeded.actor("president putin")
    assert actor is not None
    assert actor["aliases"] == ["President Putin", "Putin"]
    assert actor["roles"] == ["Kremlin leader", "Russian President"]
    assert actor["code"] == PUTIN.code  # a missing value does not erase a known one


def test_failed_save_leaves_the_store_unchanged(seeded: Store, db_path: Path) -> None:
    before = dump(db_path)
    article = hostile_article("slogans")
    story = Story(id=article.id, versions=[article], canonical_id=article.id)
    unknown_speaker = Quote(
        span=span_of(article, "slogans"),
        text="slogans",
        speaker_key="person:nobody-stored",
        speaker_text="a protester",
        cue="chanted",
    )
    facts = StoryFacts(story.id, article.id, quotes=[unknown_speaker])
    with pytest.raises(StoreIntegrityError, match=r"(?i)FOREIGN KEY"):
        seeded.save_story(story, {article.id: b"signature"}, facts)
    assert dump(db_path) == before
    assert not seeded.has_article(article.id)


def test_failed_resave_keeps_the_previous_facts(seeded: Store, db_path: Path) -> None:
    before = dump(db_path)
    story = seed_story()
    facts = seed_facts(story)
    backwards = dataclasses.replace(facts.quotes[0], span=Span(story.canonical_id, 50, 10))
    with pytest.raises(StoreIntegrityError, match=r"(?i)CHECK"):
        seeded.save_story(story, {}, dataclasses.replace(facts, quotes=[backwards]))
    assert dump(db_path) == before
    # The store stays usable after the rollback.
    seeded.save_story(story, {}, facts)
    assert dump(db_path) == before


def test_canonical_outside_the_versions_fails_at_commit(store: Store, db_path: Path) -> None:
    before = dump(db_path)
    article = hostile_article("nothing")
    orphan = Story(id=article.id, versions=[article], canonical_id="not-an-article")
    with pytest.raises(StoreIntegrityError):
        store.save_story(orphan, {}, None)
    assert dump(db_path) == before


def test_hostile_text_is_stored_verbatim(store: Store) -> None:
    article = hostile_article("'); DROP TABLE articles; -- \" NEAR( *")
    story = Story(id=article.id, versions=[article], canonical_id=article.id)
    store.save_story(story, {}, None)
    assert store.load_story(story.id) == story
    assert store.counts()["articles"] == 1


# --- reading ---


def test_stories_lists_versions_and_counts(seeded: Store) -> None:
    story = seed_story()
    facts = seed_facts(story)
    [listed] = seeded.stories()
    assert listed["id"] == story.id
    assert listed["canonical_article_id"] == story.canonical_id
    assert (listed["published"], listed["publisher"]) == ("2022-01-10", "TRT World")
    assert [v["source_ref"] for v in listed["versions"]] == [a.source_ref for a in story.versions]
    assert listed["versions"][1]["word_count"] == story.canonical.word_count
    assert listed["counts"] == {
        "articles": 2,
        "quotes": len(facts.quotes),
        "events": len(facts.events),
        "claims": len(facts.claims),
    }


def test_story_carries_canonical_text_and_facts_with_their_sentences(seeded: Store) -> None:
    story = seed_story()
    canonical = story.canonical
    data = seeded.story(story.id)
    assert data is not None
    assert data["text"] == canonical.text
    assert data["body"] == canonical.body
    assert data["standfirst"] == canonical.standfirst
    assert data["captions"] == canonical.captions
    assert data["sections"] == [
        {"title": "Russian interests", "paragraph_index": 13},
        {"title": "Chinese interests", "paragraph_index": 21},
    ]
    for fact in data["quotes"] + data["events"] + data["claims"]:
        assert data["text"][fact["sentence_start"] : fact["sentence_end"]] == fact["sentence"]
    for quote in data["quotes"]:
        assert data["text"][quote["start"] : quote["end"]] == quote["text"]
    assert {a["key"] for a in data["actors"]} == {a.key for a in seed_facts(story).actors}
    assert seeded.story("no-such-story") is None


def test_a_story_view_is_the_story_its_mentions_and_its_group(seeded: Store) -> None:
    """story_view (a story's page: on PostgreSQL one round trip) gives what story,
    story_mentions and same_story_reports give apart."""
    story_id = seed_story().id
    view = seeded.story_view(story_id, with_group=True)
    assert view is not None and view["mentions"]
    assert view.pop("group") == seeded.same_story_reports([story_id])[story_id]
    assert view.pop("mentions") == seeded.story_mentions(story_id)
    assert view == seeded.story(story_id)
    assert "group" not in seeded.story_view(story_id)
    assert seeded.story_view("no-such-story", with_group=True) is None


def test_actors_are_ordered_by_mentions(seeded: Store) -> None:
    facts = seed_facts(seed_story())
    actors = seeded.actors()
    counted = {a["key"]: a["mentions"] for a in actors}
    expected = {actor.key: 0 for actor in facts.actors}
    for mention in facts.mentions:
        expected[mention.actor_key] += 1
    assert counted == expected
    assert [a["mentions"] for a in actors] == sorted(counted.values(), reverse=True)


@pytest.mark.parametrize("name", ["person:vladimir-putin", "VLADIMIR PUTIN", "putin"])
def test_actor_matches_key_name_or_alias(seeded: Store, name: str) -> None:
    actor = seeded.actor(name)
    assert actor is not None
    assert actor["key"] == PUTIN.key
    assert [q["speaker"] for q in actor["quotes"]] == ["Vladimir Putin"]
    assert actor["events_as_source"] == actor["events_as_target"] == []


def test_an_actor_key_in_any_case_is_read_along_an_index(seeded: Store) -> None:
    """A dossier, event filter or quote listing finds its actor by key in any case
    (``key = … COLLATE NOCASE``) through an index, not by reading every actor."""
    lookup = "SELECT key FROM actors WHERE key = :term COLLATE NOCASE"
    if isinstance(seeded, SQLiteStore):
        rows = seeded._connection.execute("EXPLAIN QUERY PLAN " + lookup, {"term": "x"})
        plan = " ".join(str(tuple(row)) for row in rows)
    else:
        # The seeded table is a few rows, which PostgreSQL would rather read whole.
        seeded._connection.execute("SET enable_seqscan = off")
        plan = " ".join(str(row) for row in seeded._rows("EXPLAIN " + lookup, {"term": "x"}))
    assert "actors_by_key_nocase" in plan
    assert seeded.actor(PUTIN.key.upper())["key"] == PUTIN.key


def test_actor_events_by_side(seeded: Store) -> None:
    tokayev = seeded.actor("Tokayev")
    assert tokayev is not None
    assert [e["verb"] for e in tokayev["events_as_target"]] == ["tell"]
    assert seeded.actor("Nobody Known") is None


def test_quotes_filter_by_actor_or_attribution_words(seeded: Store) -> None:
    assert len(seeded.quotes()) == 3
    [xi] = seeded.quotes(speaker="xi jinping")
    assert (xi["addressee"], xi["addressee_key"]) == ("Kassym-Jomart Tokayev", TOKAYEV.key)
    assert xi["via"] == "Chinese state media"
    assert xi["partial"] is False
    [kortunov] = seeded.quotes(speaker="kortun")
    assert kortunov["speaker_key"] is None
    assert kortunov["speaker"] is None
    assert seeded.quotes(speaker="%") == []


def test_events_filter_by_actor_and_cameo_root(seeded: Store) -> None:
    events = seeded.events()
    assert len(events) == 3
    [sent] = seeded.events(actor="Kazakhstan")
    assert sent["source"] == {
        "text": "Russia",
        "actor_key": "RUS",
        "name": "Russia",
        "code": "RUS",
        "sector": None,
    }
    assert sent["target"]["name"] == "Kazakhstan"
    assert sent["sentence"].startswith("Russia has sent its military forces")
    assert [e["cameo"] for e in seeded.events(cameo_root="7")] == ["074"]
    assert [e["verb"] for e in seeded.events(actor="rus", cameo_root="03")] == ["interest"]
    [negated] = seeded.events(cameo_root="03")
    assert negated["negated"] is True
    assert negated["target"] is None


def test_claims_keep_value_and_sentence(seeded: Store) -> None:
    [claim] = seeded.claims()
    assert (claim["value"], claim["number"], claim["unit"], claim["time"]) == (
        "68 percent",
        68.0,
        "percent",
        "2020",
    )
    assert "Kazakh population topped 68 percent in 2020" in claim["sentence"]


def test_counts(seeded: Store) -> None:
    facts = seed_facts(seed_story())
    assert seeded.counts() == {
        "stories": 1,
        "articles": 2,
        "actors": len(facts.actors),
        "quotes": len(facts.quotes),
        "events": len(facts.events),
        "claims": len(facts.claims),
    }


# --- full-text search ---


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The seed story and the 88 real article bodies of the extraction data set."""
    with open_store(new_store_url(request, tmp_path_factory.mktemp("corpus"))) as opened:
        story = seed_story()
        opened.save_story(story, signatures_of(story), seed_facts(story))
        for other in ground_truth_stories():
            opened.save_story(other, {}, None)
        yield opened


def test_search_finds_words_with_a_snippet(corpus: Store) -> None:
    story = seed_story()
    hits = corpus.search("bitcoin mining")
    assert hits[0]["story_id"] == story.id
    assert hits[0]["article_id"] == story.canonical_id
    assert "[bitcoin]" in hits[0]["snippet"].lower()
    assert all(set(hit) == {"story_id", "article_id", "title", "snippet"} for hit in hits)


def test_search_gives_one_hit_per_story(corpus: Store) -> None:
    # Both seed versions hold this paragraph; the story is listed once.
    hits = corpus.search("prevention of another colour revolution")
    assert [hit["story_id"] for hit in hits] == [seed_story().id]
    assert hits[0]["title"] == seed_story().title


def test_search_stems_and_limits(corpus: Store) -> None:
    # Porter stemming: "protest" finds "protesting" and "protests".
    assert any("[protest" in hit["snippet"].lower() for hit in corpus.search("protest"))
    assert len(corpus.search("the", limit=5)) == 5
    assert corpus.search("the", limit=0) == []


@pytest.mark.parametrize(
    "query",
    ['"', "'; DROP TABLE stories; --", "NEAR(", "*", "AND OR NOT", "title:x", "(", "^", ""],
)
def test_search_survives_hostile_queries(corpus: Store, query: str) -> None:
    stories = corpus.counts()["stories"]
    assert isinstance(corpus.search(query), list)
    assert corpus.counts()["stories"] == stories


def _all_pages(store: Store, query: str, limit: int, where: Filters) -> list[str]:
    stories, offset = [], 0
    while page := store.search_stories(query, where, limit, offset):
        stories += [hit["story_id"] for hit in page]
        offset += limit
    return stories


def test_workbench_search_ranks_exactly_within_one_window(corpus: Store) -> None:
    # "the" matches every article: one window holds them all, so bm25 order is exact.
    exact = [hit["story_id"] for hit in corpus.search("the", limit=200)]
    ranked = corpus.search_stories("the", Filters(), limit=200)
    assert [hit["story_id"] for hit in ranked] == exact
    assert any(piece["match"] for piece in ranked[0]["snippet"])


def test_workbench_search_pages_through_every_window_once(
    corpus: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = {hit["story_id"] for hit in corpus.search("the", limit=200)}
    monkeypatch.setattr(ranking, "SEARCH_WINDOW", 7)
    if postgres_store is not None:
        monkeypatch.setattr(postgres_store, "SEARCH_WINDOW", 7)
    paged = _all_pages(corpus, "the", 10, Filters())
    assert len(paged) == len(set(paged)) == len(every)
    assert set(paged) == every
    # The seed story has two versions in the newest window: listed once, first among them.
    assert paged.count(seed_story().id) == 1
    # Filters narrow the windows themselves: only the seed story's publisher.
    filtered = _all_pages(corpus, "the", 3, Filters(publisher="TRT World"))
    assert filtered == [seed_story().id]


def test_shared_sql_becomes_psycopg_placeholders() -> None:
    if postgres_store is None:
        pytest.skip("psycopg is not installed")
    shared = (
        "SELECT x::text FROM t WHERE a = :term AND b LIKE :like ESCAPE '\\'"
        " AND c = ? AND d ILIKE '50%'"
    )
    assert postgres_store.postgres_sql(shared) == (
        "SELECT x::text FROM t WHERE a = %(term)s AND b ILIKE %(like)s ESCAPE '\\'"
        " AND c = %s AND d ILIKE '50%%'"
    )


def test_a_second_ingest_on_postgresql_is_refused_while_one_writes(postgres) -> None:
    url = postgres.new_database()
    with open_store(url) as first, open_store(url) as second:
        with (
            first.ingest_lock(),
            pytest.raises(StoreBusy, match="another ingest is writing"),
            second.ingest_lock(),
        ):
            pass
        # Re-entrant within one store, as on SQLite; released with the outermost hold.
        with first.ingest_lock(), first.ingest_lock():
            pass
        # Released with the first ingest: the next one may write.
        with second.ingest_lock():
            story = seed_story()
            second.save_story(story, signatures_of(story), seed_facts(story))
    with open_store(url) as reader:
        assert reader.counts()["stories"] == 1


def test_a_read_only_store_reads_and_refuses_writes(store_url: str) -> None:
    path = store_url
    story = seed_story()
    with open_store(path) as writer:
        writer.save_story(story, signatures_of(story), seed_facts(story))
    with open_store(path, read_only=True) as reader:
        assert reader.counts()["stories"] == 1
        assert reader.search_stories("bitcoin", Filters())[0]["story_id"] == story.id
        with pytest.raises(StoreError, match="read-only"):
            reader.save_story(story, signatures_of(story), seed_facts(story))
        with pytest.raises(StoreError, match="read-only"):
            reader.remember_feed_items("https://example.org/feed", ["item"])
    with open_store(path) as writer:
        assert writer.counts()["stories"] == 1


def test_search_count_counts_every_matching_story_up_to_a_bound(
    corpus: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.store import browse

    for query in ("the", "protest", "bitcoin mining", "prevention of another colour revolution"):
        everything = _all_pages(corpus, query, 50, Filters())
        count = corpus.search_count(query, Filters())
        # One story, one group here: the corpus holds no same-story groups.
        assert count == {"stories": len(everything), "groups": len(everything), "capped": False}
    assert corpus.search_count("", Filters())["stories"] == corpus.counts()["stories"]
    assert corpus.search_count("Atlantis", Filters())["stories"] == 0
    # Under a bound of two articles, counting stops at the first two matches: the seed
    # story's two versions, one story, and says that there are more.
    monkeypatch.setattr(browse, "COUNT_CAP", 2)
    assert corpus.search_count("the", Filters()) == {"stories": 1, "groups": 1, "capped": True}
    assert corpus.search_count("bitcoin mining", Filters())["capped"] is False


def test_a_search_page_and_its_count_read_together_are_those_read_apart(corpus: Store) -> None:
    """counted_search (the workbench's search page: PostgreSQL sends both queries in one
    round trip) gives what search_stories and search_count give, with and without words,
    filters and an offset."""
    dated = Filters(date_from="2000-01-01")
    for query, filters, offset in [
        ("protest", Filters(), 0),
        ("the", Filters(), 2),
        ("the", dated, 0),
        ("", Filters(), 1),
        ("Atlantis", Filters(), 0),
    ]:
        hits, count = corpus.counted_search(query, filters, 3, offset)
        assert hits == corpus.search_stories(query, filters, 3, offset)
        assert count == corpus.search_count(query, filters)
    assert corpus.counted_search("the", Filters(), 0) == ([], corpus.search_count("the", Filters()))


def _true_count(store: Store, query: str, filters: Filters) -> JsonDict:
    """A search's count from every page of its hits and each hit's same-story group."""
    stories = _all_pages(store, query, 7, filters)
    groups = store.same_story_reports(stories)
    return {
        "stories": len(stories),
        "groups": len({groups[story]["id"] for story in stories}),
        "capped": False,
    }


def test_a_search_page_counts_from_its_window_or_its_statement_alike(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search page's count read from its first window (which holds every match when
    it is not full) and one from the count statement (after a full window) are both the
    true count, with same-story groups, a filter and a later page."""
    from newsgraph.store import browse
    from newsgraph.store.browse import Statement
    from newsgraph.store.sql_workbench import SQLWorkbenchStore

    seed = seed_story()
    store.save_story(seed, signatures_of(seed), seed_facts(seed))
    for number, other in enumerate(stories := ground_truth_stories()):
        # Stories in threes are same-story groups: fewer groups than stories; every
        # other one is dated, for a filter to narrow them.
        group = SameStoryPlacement(stories[number - number % 3].id, "{}")
        other = dataclasses.replace(other, published="2023-03-01" if number % 2 else None)
        store.save_story(other, {}, None, same_story=group)
    dated = Filters(date_from="2023-01-01")
    searches = [
        (query, filters, offset)
        for query in ("the", "protest", "Kazakhstan president", "Atlantis")
        for filters in (Filters(), dated)
        for offset in (0, 7)
    ]
    truth = {(query, filters): _true_count(store, query, filters) for query, filters, _ in searches}
    assert truth["the", Filters()]["groups"] < truth["the", Filters()]["stories"]
    assert 0 < truth["the", dated]["stories"] < truth["the", Filters()]["stories"]

    def counted() -> list[JsonDict]:
        return [store.counted_search(q, f, 7, offset)[1] for q, f, offset in searches]

    def no_statement(*_: object) -> None:
        raise AssertionError("the count statement ran for a window that held every match")

    with monkeypatch.context() as narrow:
        # Every window holds all of this corpus's matches: the count is the window's.
        narrow.setattr(SQLWorkbenchStore, "_count_statement", no_statement)
        assert counted() == [truth[q, f] for q, f, _ in searches]
    # Windows of three: full for most searches, counted by the statement.
    for windowed in (ranking, postgres_store):
        if windowed is not None:
            monkeypatch.setattr(windowed, "SEARCH_WINDOW", 3)
    statements = []
    statement = SQLWorkbenchStore._count_statement

    def counting(self: SQLWorkbenchStore, *arguments: Any) -> Statement:
        statements.append(arguments)
        return statement(self, *arguments)

    monkeypatch.setattr(SQLWorkbenchStore, "_count_statement", counting)
    assert counted() == [truth[q, f] for q, f, _ in searches]
    assert len(statements) >= 8
    # A window that is not full but reaches the count's bound says so, as the statement.
    monkeypatch.undo()
    monkeypatch.setattr(browse, "COUNT_CAP", 2)
    for query, filters, offset in searches:
        bounded = store.counted_search(query, filters, 7, offset)[1]
        assert bounded == store.search_count(query, filters)
    assert store.counted_search("the", Filters(), 7)[1]["capped"] is True
