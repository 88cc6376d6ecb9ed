"""Stage 3: versions of one article are found and merged; different articles are not."""

from __future__ import annotations

import json

from conftest import EXTRACTION, SEED_000, SEED_001
from newsgraph.records import Article
from newsgraph.stories import Signature, VersionIndex, add_version


def _article(article_id: str, text: str, **metadata: str) -> Article:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return Article(id=article_id, source_ref=article_id, paragraphs=paragraphs, **metadata)


def _seed_articles() -> tuple[Article, Article]:
    truncated = _article("000", SEED_000.read_text(encoding="utf-8"), published="2022-01-10")
    full = _article("001", SEED_001.read_text(encoding="utf-8"), publisher="TRT World")
    return truncated, full


def test_truncated_copy_is_contained_in_full_version() -> None:
    truncated, full = _seed_articles()
    small, large = Signature.of(truncated), Signature.of(full)
    assert small.jaccard(large) < 0.6  # plain Jaccard would miss it
    assert small.containment(large) > 0.9


def test_seeds_match_whichever_comes_first() -> None:
    truncated, full = _seed_articles()
    for first, second in ((truncated, full), (full, truncated)):
        index = VersionIndex()
        index.add(first.id, "story", Signature.of(first))
        assert index.match(Signature.of(second)) == "story"


def test_signature_survives_a_round_trip_through_bytes() -> None:
    _, full = _seed_articles()
    signature = Signature.of(full)
    restored = Signature.from_bytes(signature.to_bytes())
    assert restored.size == signature.size
    assert list(restored.digest) == list(signature.digest)


def test_different_real_articles_do_not_match() -> None:
    bodies = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    index = VersionIndex()
    for article_id, record in list(bodies.items())[:60]:
        signature = Signature.of(_article(article_id, record["articleBody"]))
        assert index.match(signature) is None, article_id
        index.add(article_id, article_id, signature)


def test_merged_story_takes_date_from_one_version_and_publisher_from_another() -> None:
    truncated, full = _seed_articles()
    for first, second in ((truncated, full), (full, truncated)):
        story = add_version(add_version(None, first), second)
        assert story.id == first.id
        assert story.canonical_id == "001"
        assert story.published == "2022-01-10"
        assert story.publisher == "TRT World"
        assert [v.id for v in story.versions] == [first.id, second.id]


def test_adding_the_same_version_twice_keeps_one_copy() -> None:
    truncated, _ = _seed_articles()
    story = add_version(add_version(None, truncated), truncated)
    assert len(story.versions) == 1
