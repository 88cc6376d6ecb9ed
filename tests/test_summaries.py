"""The workbench's quick reads equal the slow ones: dossier sums (kept by trigger,
migration 0007) equal a direct count, one story's group equals the listing's.

The dossier reads totals, events per day and top partners from summary tables
instead of summing an actor's events on every view. These tests sum the same things
from what the store lists (events, quotes, each story's mentions) on the seed store
built by the real pipeline, and again after a story's facts are replaced.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

import pytest

from conftest import BACKENDS, new_store_url
from newsgraph.records import (
    Actor,
    ActorRef,
    Article,
    Event,
    Mention,
    Quote,
    SameStoryPlacement,
    Span,
    Story,
    StoryFacts,
)
from newsgraph.store import Filters, Store, open_store
from newsgraph.store.summaries import TOP_PARTNERS
from workbench_server import build_workbench_store


def direct_dossier(store: Store, key: str) -> dict:
    """Totals, events per day and partners of ``key``, summed from the listed facts."""
    events = store.events()
    totals = {
        "quotes": sum(q["speaker_key"] == key for q in store.quotes()),
        "events_as_source": sum(e["source"]["actor_key"] == key for e in events),
        "events_as_target": sum(
            e["target"] is not None and e["target"]["actor_key"] == key for e in events
        ),
    }
    days: dict[str, Counter] = defaultdict(Counter)
    partners: dict[str, Counter] = defaultdict(Counter)
    goldstein: dict[str, list[float]] = defaultdict(list)
    for event in events:
        if event["negated"]:
            continue
        source = event["source"]["actor_key"]
        target = event["target"]["actor_key"] if event["target"] else None
        for side, actor in (("as_source", source), ("as_target", target)):
            if actor == key and event["date"]:
                days[event["date"]][side] += 1
        if None in (source, target) or source == target or key not in (source, target):
            continue
        other = target if source == key else source
        partners[other]["events"] += 1
        partners[other]["as_source"] += source == key
        partners[other]["cooperation"] += event["quad_class"] in (1, 2)
        partners[other]["conflict"] += event["quad_class"] in (3, 4)
        if event["goldstein"] is not None:
            goldstein[other].append(event["goldstein"])
    over_time = [
        {"date": day, "as_source": days[day]["as_source"], "as_target": days[day]["as_target"]}
        for day in sorted(days)
    ]
    ranked = sorted(partners, key=lambda other: (-partners[other]["events"], other))
    interactions = [
        {
            "key": other,
            "events": partners[other]["events"],
            "as_source": partners[other]["as_source"],
            "as_target": partners[other]["events"] - partners[other]["as_source"],
            "cooperation": partners[other]["cooperation"],
            "conflict": partners[other]["conflict"],
            "goldstein": (
                pytest.approx(sum(goldstein[other]) / len(goldstein[other]))
                if goldstein[other]
                else None
            ),
        }
        for other in ranked[:TOP_PARTNERS]
    ]
    return {"totals": totals, "over_time": over_time, "interactions": interactions}


def stored_dossier(store: Store, key: str) -> dict:
    dossier = store.actor_dossier(key)
    assert dossier is not None
    interactions = [
        {
            field: partner[field]
            for field in (
                "key",
                "events",
                "as_source",
                "as_target",
                "cooperation",
                "conflict",
                "goldstein",
            )
        }
        for partner in dossier["interactions"]
    ]
    return {
        "totals": dossier["totals"],
        "over_time": dossier["over_time"],
        "interactions": interactions,
    }


def direct_mentions(store: Store) -> Counter:
    """Mentions per actor, counted story by story (the story's own count, not the sum)."""
    counts: Counter = Counter()
    for story in store.stories():
        for actor in store.story(story["id"])["actors"]:
            counts[actor["key"]] += actor["mentions"]
    return counts


@pytest.fixture(scope="module", params=BACKENDS)
def seed_db(request, tmp_path_factory, nlp) -> str:
    """The workbench's seed store, on each back-end: the sums are triggers on both."""
    folder = tmp_path_factory.mktemp("summaries")
    return build_workbench_store(new_store_url(request, folder), nlp)


def test_seed_store_dossier_sums_equal_direct_counts(seed_db: str) -> None:
    with open_store(str(seed_db)) as store:
        actors = store.actors()
        assert any(store.actor_dossier(a["key"])["interactions"] for a in actors)
        for actor in actors:
            assert stored_dossier(store, actor["key"]) == direct_dossier(store, actor["key"])
        mentions = direct_mentions(store)
        assert {a["key"]: a["mentions"] for a in actors} == {
            a["key"]: mentions[a["key"]] for a in actors
        }


ACTORS = [
    Actor("KAZ", "Kazakhstan", "country", code="KAZ"),
    Actor("RUS", "Russia", "country", code="RUS"),
    Actor("USA", "United States", "country", code="USA"),
]


def _story(
    number: int, actions: list[tuple[str, str, int, float, bool]]
) -> tuple[Story, StoryFacts]:
    """A one-version story whose sentences each carry one event (source, target,
    QuadClass, Goldstein, negated) and whose first actor speaks one quote."""
    names = {actor.key: actor for actor in ACTORS}
    article_id = f"art-{number}"
    text, mentions, events = "", [], []
    for source, target, quad, goldstein, negated in actions:
        start = len(text)
        sentence = f"{names[source].name} answered {names[target].name} today."
        text += sentence + " "
        target_start = start + sentence.index(names[target].name)
        mentions += [
            Mention(
                Span(article_id, start, start + len(names[source].name)), names[source].name, source
            ),
            Mention(
                Span(article_id, target_start, target_start + len(names[target].name)),
                names[target].name,
                target,
            ),
        ]
        verb = start + sentence.index("answered")
        events.append(
            Event(
                span=Span(article_id, verb, verb + len("answered")),
                sentence=Span(article_id, start, start + len(sentence)),
                source=ActorRef(names[source].name, source, names[source].code),
                target=ActorRef(names[target].name, target, names[target].code),
                cameo="040" if quad < 3 else "111",
                plover="CONSULT" if quad < 3 else "ACCUSE",
                goldstein=goldstein,
                quad_class=quad,
                verb="answered",
                date=f"2022-01-{10 + number:02d}",
                negated=negated,
            )
        )
    quote_text = "We talked"
    text += f'"{quote_text}," an official said.'
    quote_start = text.index(quote_text)
    quotes = [
        Quote(
            Span(article_id, quote_start, quote_start + len(quote_text)),
            quote_text,
            actions[0][0],
            names[actions[0][0]].name,
            "said",
        )
    ]
    article = Article(
        id=article_id,
        source_ref=f"test:{number}",
        paragraphs=[text],
        title=f"Story {number}",
        published=f"2022-01-{10 + number:02d}",
        publisher="Test Wire",
    )
    story = Story(
        f"story-{number}", [article], article_id, article.published, "Test Wire", article.title
    )
    return story, StoryFacts(story.id, article_id, ACTORS, mentions, quotes, events, [])


def _save(store: Store, number: int, actions: list[tuple[str, str, int, float, bool]]) -> None:
    story, facts = _story(number, actions)
    store.save_story(story, {}, facts)


def test_sums_follow_replaced_facts(store_url: str) -> None:
    """Facts replaced on a second save (events gone, negated, moved to other actors)
    leave the sums exact: no stale day or partner stays behind."""
    with open_store(store_url) as store:
        _save(store, 1, [("KAZ", "RUS", 1, 1.0, False), ("RUS", "KAZ", 4, -10.0, False)])
        _save(store, 2, [("USA", "KAZ", 3, -2.0, False), ("KAZ", "KAZ", 1, 3.0, False)])
        for key in ("KAZ", "RUS", "USA"):
            assert stored_dossier(store, key) == direct_dossier(store, key)
        assert [p["key"] for p in store.actor_dossier("RUS")["interactions"]] == ["KAZ"]
        # By a name or a key in another case, the dossier is the same as by the key: the
        # statements read with the lookup, taken for a key, are read again with the key.
        by_key = store.actor_dossier("RUS")
        assert store.actor_dossier(by_key["name"]) == by_key
        assert store.actor_dossier("rus") == by_key

        # Story 1 again: its RUS events are gone, one event is now negated.
        _save(store, 1, [("KAZ", "USA", 2, 7.0, False), ("USA", "KAZ", 4, -8.0, True)])
        for key in ("KAZ", "RUS", "USA"):
            assert stored_dossier(store, key) == direct_dossier(store, key)
        russia = store.actor_dossier("RUS")
        assert russia["interactions"] == []
        assert russia["over_time"] == []
        assert russia["totals"] == {"quotes": 0, "events_as_source": 0, "events_as_target": 0}
        mentions = direct_mentions(store)
        assert {a["key"]: a["mentions"] for a in store.actors()} == {
            key: mentions[key] for key in ("KAZ", "RUS", "USA")
        }


def test_a_postgresql_store_from_before_covering_days_is_migrated(postgres) -> None:
    """PostgreSQL's migration 0005 gives actor_days a primary key that carries the day's
    counts; a store from before it, reopened, gets it, and the sums stay exact."""
    import psycopg

    url = postgres.new_database()
    with open_store(url) as store:
        _save(store, 1, [("KAZ", "RUS", 1, 1.0, False), ("RUS", "KAZ", 4, -10.0, False)])
        version = store.schema_version
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(
            "ALTER TABLE actor_days DROP CONSTRAINT actor_days_pkey,"
            " ADD PRIMARY KEY (actor_key, event_date)"
        )
        connection.execute("DELETE FROM schema_version WHERE version = 5")
    with open_store(url) as store:
        assert store.schema_version == version
        _save(store, 2, [("USA", "KAZ", 3, -2.0, False), ("KAZ", "KAZ", 1, 3.0, False)])
        for key in ("KAZ", "RUS", "USA"):
            assert stored_dossier(store, key) == direct_dossier(store, key)
    with psycopg.connect(url) as connection:
        [definition] = connection.execute(
            "SELECT pg_get_indexdef('actor_days_pkey'::regclass)"
        ).fetchone()
    assert definition.endswith("(actor_key, event_date) INCLUDE (as_source, as_target)")


def test_one_story_reads_the_same_group_as_the_listing(store_url: str) -> None:
    """The story page finds its level-2 group along the indexes; it must be the group
    the full listing computes, for grouped, regrouped and never-placed stories."""
    with open_store(store_url) as store:
        placements = {
            1: SameStoryPlacement("story-1", "{}"),
            2: SameStoryPlacement("story-2", "{}"),
            3: SameStoryPlacement("story-1", "{}", regrouped=(("story-2", "story-1"),)),
            4: None,
        }
        for number, placement in placements.items():
            story, facts = _story(number, [("KAZ", "RUS", 1, 1.0, False)])
            store.save_story(story, {}, facts, same_story=placement)
        listed = {story["id"]: story["same_story"] for story in store.stories()}
        assert listed["story-2"]["stories"] == ["story-1", "story-2", "story-3"]
        assert listed["story-4"]["stories"] == ["story-4"]
        for story_id, group in listed.items():
            assert store.story(story_id)["same_story"] == group
        assert store.story("no-such-story") is None


def test_dossier_quotes_follow_their_story_dates(store_url: str) -> None:
    """A dossier lists the latest quotes by story date (kept on each quote by trigger,
    migration 0008), also after a later version re-dates a story."""
    with open_store(store_url) as store:
        for number in (1, 2, 3):
            _save(store, number, [("KAZ", "RUS", 1, 1.0, False)])

        def latest() -> list[str]:
            return [quote["story_id"] for quote in store.actor_dossier("KAZ")["quotes"]]

        assert latest() == ["story-3", "story-2", "story-1"]
        # Story 1 saved again with no facts, now dated after the others.
        story, _ = _story(1, [("KAZ", "RUS", 1, 1.0, False)])
        store.save_story(dataclasses.replace(story, published="2022-02-01"), {}, None)
        assert latest() == ["story-1", "story-3", "story-2"]
        assert [q["story_id"] for q in store.actor_dossier("KAZ", limit=2)["quotes"]] == [
            "story-1",
            "story-3",
        ]


def test_an_actors_event_pages_merge_both_sides_newest_first(store_url: str) -> None:
    """The events API's actor filter walks source and target separately and merges
    them: page after page, the same events as filtering every event directly."""
    with open_store(store_url) as store:
        _save(store, 1, [("KAZ", "RUS", 1, 1.0, False), ("RUS", "USA", 4, -10.0, False)])
        _save(store, 2, [("USA", "KAZ", 3, -2.0, False), ("KAZ", "KAZ", 1, 3.0, False)])
        _save(store, 3, [("RUS", "KAZ", 2, 7.0, True), ("KAZ", "USA", 1, 1.0, False)])
        _save(store, 4, [("USA", "RUS", 1, 1.0, False)])
        expected = sorted(
            (
                e
                for e in store.events()
                if "KAZ" in (e["source"]["actor_key"], e["target"]["actor_key"])
            ),
            key=lambda e: (e["date"], e["id"]),
            reverse=True,
        )
        for term in ("KAZ", "Kazakhstan"):
            paged, offset = [], 0
            while page := store.event_page(Filters(actor=term), limit=2, offset=offset):
                paged += [e["id"] for e in page]
                offset += 2
            assert paged == [e["id"] for e in expected]
        assert len(expected) == 5
        later = store.event_page(Filters(actor="KAZ", date_from="2022-01-12"), limit=10)
        assert [e["id"] for e in later] == [e["id"] for e in expected if e["date"] >= "2022-01-12"]
