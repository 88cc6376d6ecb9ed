"""End to end on the seeds: every required item of shared/acceptance/seeds.gold.json.

Both seed files go through the whole pipeline (read, clean, stories, NLP, actors,
quotes, events, claims) into a real SQLite store, and the checks read the store
back through the same query surface the CLI uses.
"""

from __future__ import annotations

import re

import pytest

from conftest import SEED_000, SEED_001, gold_data, skip_module_without_shared
from newsgraph.pipeline import Ingestor
from newsgraph.store import open_store

skip_module_without_shared()
GOLD_DATA = gold_data()


def _required(items: list[dict]) -> list[dict]:
    return [item for item in items if item.get("required", True)]


def _normalise(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return " ".join(text.split())


def _surname(name: str) -> str:
    return name.split()[-1].lower()


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_store(str(path)) as store:
        report = Ingestor(store, nlp=nlp).ingest_paths([SEED_000, SEED_001])
        assert report.skipped == []
        yield store


@pytest.fixture(scope="module")
def the_story(seed_store) -> dict:
    stories = seed_store.stories()
    assert len(stories) == 1, [s["versions"] for s in stories]
    return seed_store.story(stories[0]["id"])


def test_one_story_with_both_articles(the_story) -> None:
    gold = GOLD_DATA["story"]
    sources = sorted(v["source_ref"].rsplit("/", 1)[-1] for v in the_story["versions"])
    assert sources == sorted(gold["articles"])
    canonical = next(
        v for v in the_story["versions"] if v["article_id"] == the_story["canonical_article_id"]
    )
    assert canonical["source_ref"].endswith(gold["canonical"])


def test_story_metadata_is_merged(the_story) -> None:
    gold = GOLD_DATA["story"]
    assert the_story["published"] == gold["published"]
    assert the_story["publisher"] == gold["publisher"]
    assert the_story["standfirst"] == gold["standfirst"]
    assert [s["title"] for s in the_story["sections"]] == gold["sections"]


def test_body_has_no_captions_credits_or_source_line(the_story) -> None:
    gold = GOLD_DATA["story"]
    for boilerplate in gold["boilerplate_not_in_body"]:
        assert boilerplate not in the_story["body"]
    assert [_normalise(c) for c in the_story["captions"]] == [
        _normalise(c) for c in gold["captions"]
    ]


def _quote_for(quotes: list[dict], starts_with: str) -> dict:
    matches = [q for q in quotes if _normalise(q["text"]).startswith(_normalise(starts_with))]
    assert len(matches) == 1, (starts_with, [q["text"][:40] for q in quotes])
    return matches[0]


def _speaker_matches(quote: dict, gold_name: str) -> bool:
    said_by = " ".join(filter(None, [quote["speaker"], quote["speaker_text"]])).lower()
    return quote["speaker_key"] is not None and _surname(gold_name) in said_by


def test_all_seven_quotes_with_their_speakers(seed_store) -> None:
    quotes = seed_store.quotes()
    assert len(quotes) == len(GOLD_DATA["quotes"])
    for gold in GOLD_DATA["quotes"]:
        quote = _quote_for(quotes, gold["starts_with"])
        assert _speaker_matches(quote, gold["speaker"]), (gold, quote)


def test_xi_quote_is_whole_with_addressee_and_channel(seed_store) -> None:
    gold = next(q for q in GOLD_DATA["quotes"] if q["speaker"] == "Xi Jinping")
    quote = _quote_for(seed_store.quotes(), gold["starts_with"])
    assert "'colour revolution' in Kazakhstan" in _normalise(quote["text"])
    assert _surname(gold["addressee"]) in (quote["addressee"] or "").lower()
    assert quote["via"] == gold["via"]


def _actor(actors: list[dict], gold: dict) -> dict:
    if gold["type"] == "country":
        found = [a for a in actors if a["key"] == gold["code"]]
    else:
        names = {gold["name"].lower()}
        found = [
            a
            for a in actors
            if a["name"].lower() in names or names & {alias.lower() for alias in a["aliases"]}
        ]
    assert len(found) == 1, (gold["name"], [a["name"] for a in actors])
    return found[0]


def test_actors_with_codes_aliases_and_roles(seed_store) -> None:
    actors = seed_store.actors()
    for gold in _required(GOLD_DATA["actors"]):
        actor = _actor(actors, gold)
        expected_type = {"organisation": "organisation"}.get(gold["type"], gold["type"])
        assert actor["type"] == expected_type, (gold, actor)
        if "code" in gold:
            assert actor["code"] == gold["code"]
        if "country" in gold:
            assert actor["country"] == gold["country"], (gold, actor)
        if "role" in gold:
            main_word = re.split(r"[ ,]", gold["role"])[0].lower()
            assert any(main_word in role.lower() for role in actor["roles"]), (gold, actor)
        aliases = {alias.lower() for alias in actor["aliases"]} | {actor["name"].lower()}
        for alias in gold.get("aliases_in_text", []):
            assert alias.lower() in aliases or f"the {alias.lower()}" in aliases, (alias, actor)


def test_no_photo_credit_or_publisher_as_actor(seed_store) -> None:
    names = set()
    for actor in seed_store.actors():
        names |= {actor["name"].lower(), *(alias.lower() for alias in actor["aliases"])}
    for not_actor in GOLD_DATA["not_actors"]:
        assert not_actor["name"].lower() not in names


# Gold names non-country sides in words; these are the words a side's text may use.
GROUP_WORDS = {"Western powers": ("west", "foreign"), "protesters": ("protest", "people")}


def _side_matches(side: dict | None, gold: str) -> bool:
    if side is None:
        return False
    if re.fullmatch(r"[A-Z]{3}", gold):
        return (side.get("code") or "").startswith(gold)
    text = (side.get("text") or "").lower()
    return any(word in text for word in GROUP_WORDS[gold])


def test_required_events_with_source_target_and_cameo_root(seed_store) -> None:
    events = seed_store.events()
    for gold in _required(GOLD_DATA["events"]):
        found = [
            e
            for e in events
            if e["cameo_root"] == gold["cameo_root"]
            and _side_matches(e["source"], gold["source"])
            and _side_matches(e["target"], gold["target"])
        ]
        assert found, (gold, [(e["source"], e["cameo"], e["target"]) for e in events])
        if "location" in gold:
            assert any(e["location"] == gold["location"] for e in found), found


def test_population_claims(seed_store) -> None:
    claims = seed_store.claims()
    for gold in _required(GOLD_DATA["claims"]):
        group = "Kazakh" if gold["subject"].startswith("Kazakh") else "Russian"
        number = float(re.search(r"\d+", gold["value"]).group())
        found = [
            c
            for c in claims
            if group.lower() in c["subject"].lower()
            and c["number"] == number
            and c["time"] == gold["time"]
        ]
        assert found, (gold, claims)


def test_every_fact_points_at_its_sentence(seed_store, the_story) -> None:
    text = the_story["text"]
    for quote in seed_store.quotes():
        assert _normalise(text[quote["start"] : quote["end"]]) == _normalise(quote["text"])
        assert quote["sentence_start"] <= quote["start"] < quote["end"] <= quote["sentence_end"]
    for event in seed_store.events():
        assert text[event["sentence_start"] : event["sentence_end"]] == event["sentence"]
        assert event["verb"] in text[event["start"] : event["end"]]
    for claim in seed_store.claims():
        assert claim["value"].split()[-1] in text[claim["sentence_start"] : claim["sentence_end"]]


def test_seed_000_alone_gives_its_four_quotes(tmp_path, nlp) -> None:
    with open_store(str(tmp_path / "000.db")) as store:
        Ingestor(store, nlp=nlp).ingest_paths([SEED_000])
        quotes = store.quotes()
    expected = [q for q in GOLD_DATA["quotes"] if q["in_000"]]
    assert len(quotes) == len(expected) == 4
    for gold in expected:
        assert _speaker_matches(_quote_for(quotes, gold["starts_with"]), gold["speaker"])
