"""Facts across articles: a quote or event reported by several articles is one fact
with several mentions, each pointing at its own article's sentence."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from conftest import ROOT, SEED_000, SEED_001
from newsgraph.pipeline import Ingestor
from newsgraph.records import SameStoryPlacement, Span, Story
from newsgraph.store import Store, open_store
from store_records import seed_facts, seed_story, signatures_of

SAMPLES = ROOT / "samples"


def _texts(store: Store, story_id: str) -> dict[str, str]:
    story = store.load_story(story_id)
    assert story is not None
    return {version.id: version.text for version in story.versions}


def _assert_mentions_point_at_the_sentence(fact: dict, texts: dict[str, str]) -> None:
    sentence = fact["sentence"]
    for mention in fact["mentions"]:
        text = texts[mention["article_id"]]
        assert text[mention["sentence_start"] : mention["sentence_end"]] == sentence
        assert mention["sentence_start"] <= mention["start"] < mention["end"]
        assert mention["end"] <= mention["sentence_end"]


def test_an_event_reported_by_three_versions_is_one_event_with_three_mentions(
    tmp_path: Path, nlp
) -> None:
    with open_store(tmp_path / "samples.db") as store:
        Ingestor(store, nlp=nlp).ingest_paths([SAMPLES])
        (story,) = store.stories()
        assert len(story["versions"]) == 3
        texts = _texts(store, story["id"])
        events = store.events()
        # One row per event of the canonical article: the versions add mentions, not copies.
        assert len(events) == store.story(story["id"])["counts"]["events"]
        sent = [
            e
            for e in events
            if e["cameo_root"] == "07" and "has sent its military forces" in e["sentence"]
        ]
        assert len(sent) == 1
        (event,) = sent
        assert len(event["mentions"]) == 3
        assert {m["article_id"] for m in event["mentions"]} == set(texts)
        _assert_mentions_point_at_the_sentence(event, texts)
        for quote in store.quotes():
            for mention in quote["mentions"]:
                text = texts[mention["article_id"]]
                assert " ".join(text[mention["start"] : mention["end"]].split()) == " ".join(
                    quote["text"].split()
                )


def test_a_version_joining_later_gets_the_mentions_without_new_nlp(tmp_path: Path, nlp) -> None:
    with open_store(tmp_path / "seeds.db") as store:
        Ingestor(store, nlp=nlp).ingest_paths([SEED_001])
        later = Ingestor(store, nlp=nlp).ingest_paths([SEED_000])
        assert (later.joined, later.annotated) == (1, 0)
        (story,) = store.stories()
        texts = _texts(store, story["id"])
        truncated = next(v["article_id"] for v in story["versions"] if v["word_count"] < 500)
        events = store.events()
        in_truncated = [e for e in events if truncated in {m["article_id"] for m in e["mentions"]}]
        # The truncated copy holds the opening of the article, not its end.
        assert 0 < len(in_truncated) < len(events)
        for event in in_truncated:
            _assert_mentions_point_at_the_sentence(event, texts)


def _other_outlet(story: Story) -> Story:
    """The canonical seed article reported again as a story of another outlet."""
    canonical = story.canonical
    article = dataclasses.replace(canonical, id="other-outlet", publisher="Kazakh Wire")
    return Story(
        id=article.id, versions=[article], canonical_id=article.id, publisher="Kazakh Wire"
    )


def _moved(facts, story: Story):
    def move(span: Span | None) -> Span | None:
        return None if span is None else dataclasses.replace(span, article_id=story.canonical_id)

    return dataclasses.replace(
        facts,
        story_id=story.id,
        article_id=story.canonical_id,
        mentions=[dataclasses.replace(m, span=move(m.span)) for m in facts.mentions],
        quotes=[
            dataclasses.replace(q, span=move(q.span), sentence=move(q.sentence))
            for q in facts.quotes
        ],
        events=[
            dataclasses.replace(e, span=move(e.span), sentence=move(e.sentence))
            for e in facts.events
        ],
        claims=[
            dataclasses.replace(c, span=move(c.span), sentence=move(c.sentence))
            for c in facts.claims
        ],
    )


def test_reports_of_one_event_in_a_same_story_group_count_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "group.db") as store:
        first = seed_story()
        facts = seed_facts(first)
        store.save_story(
            first, signatures_of(first), facts, same_story=SameStoryPlacement(first.id, "{}")
        )
        second = _other_outlet(first)
        store.save_story(
            second, {}, _moved(facts, second), same_story=SameStoryPlacement(first.id, "{}")
        )
        group = store.same_story(second.id)
        assert group is not None
        assert group["id"] == first.id
        assert group["stories"] == [first.id, second.id]  # by date; undated last
        assert group["articles"] == 3
        assert group["publishers"] == ["TRT World", "Kazakh Wire"]
        assert len(group["events"]) == len({e.same_key for e in facts.events})
        assert len(group["quotes"]) == len({q.same_key for q in facts.quotes})
        for event in group["events"]:
            assert set(event["stories"]) == {first.id, second.id}
            assert {m["article_id"] for m in event["mentions"]} == {
                first.canonical_id,
                "other-outlet",
            }
        # Each story still lists its own facts; the stories listing shows the group.
        listed = {s["id"]: s["same_story"] for s in store.stories()}
        assert listed[first.id] == listed[second.id]
        assert listed[first.id]["articles"] == 3


def test_stories_a_newcomer_regroups_move_to_their_new_group(tmp_path: Path) -> None:
    with open_store(tmp_path / "absorb.db") as store:
        first = seed_story()
        store.save_story(first, {}, None, same_story=SameStoryPlacement(first.id, "{}"))
        second = _other_outlet(first)
        store.save_story(second, {}, None, same_story=SameStoryPlacement(second.id, "{}"))
        bridge = dataclasses.replace(
            second,
            id="bridge",
            versions=[dataclasses.replace(second.canonical, id="bridge")],
            canonical_id="bridge",
        )
        placement = SameStoryPlacement(first.id, "{}", regrouped=((second.id, first.id),))
        store.save_story(bridge, {}, None, same_story=placement)
        groups = {s["id"]: s["same_story"]["id"] for s in store.stories()}
        assert groups == {first.id: first.id, second.id: first.id, "bridge": first.id}
        assert [row[:2] for row in store.same_story_profiles()] == [
            (first.id, first.id),
            (second.id, first.id),
            ("bridge", first.id),
        ]
