"""Stage 3: versions of one article are found and merged; different articles are not."""

from __future__ import annotations

import json

import pytest

from conftest import EXTRACTION, SEED_000, SEED_001, SHARED, needs_shared
from newsgraph.records import Article
from newsgraph.stories import Signature, VersionIndex, add_version
from newsgraph.stories.same_story import Profile, SameStoryIndex
from newsgraph.stories.versions import SignatureFormatError, digest_texts

ECB_DEV = SHARED / "data" / "stories" / "ecbplus_dev.jsonl"


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


@needs_shared
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


def test_syndicated_copy_with_new_headline_and_footer_joins() -> None:
    _, full = _seed_articles()
    copy = _article(
        "syndicated",
        "Breaking: Russia's troops land in Almaty as unrest grows\n\n"
        + SEED_001.read_text(encoding="utf-8")
        + "\n\nCopyright 2022 The Wire. All rights reserved. This material may not be"
        " published, broadcast, rewritten or redistributed.",
    )
    index = VersionIndex()
    index.add(full.id, "story", Signature.of(full))
    assert index.match(Signature.of(copy)) == "story"


@needs_shared
def test_a_batch_places_copies_with_their_original_and_keeps_others_apart() -> None:
    truncated, full = _seed_articles()
    bodies = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    others = [_article(key, record["articleBody"]) for key, record in list(bodies.items())[:5]]
    batch = [full, *others, truncated]
    stories = VersionIndex().assign([a.id for a in batch], Signature.many(batch))
    assert stories == [a.id for a in batch[:-1]] + [full.id]


def _real_bodies() -> list[str]:
    records = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    return [record["articleBody"] for record in records.values()]


def _versions_corpus() -> list[Article]:
    """Real articles, each followed later by a truncated copy or one with a footer."""
    bodies = _real_bodies()[:40]
    originals = [_article(f"o{n}", body) for n, body in enumerate(bodies)]
    copies = []
    for n, original in enumerate(originals):
        paragraphs = original.paragraphs
        if n % 2:
            kept = paragraphs[: max(1, round(len(paragraphs) * 0.7))]
            copies.append(_article(f"c{n}", "\n\n".join(kept)))
        else:
            footer = "Copyright 2024 The Wire. All rights reserved. Do not redistribute."
            copies.append(_article(f"c{n}", "\n\n".join([*paragraphs, footer])))
    return [*originals[:20], *copies[:10], *originals[20:], *copies[10:]]


@needs_shared
def test_batch_placement_agrees_with_one_article_at_a_time() -> None:
    corpus = _versions_corpus()
    signatures = Signature.many(corpus)
    one_at_a_time = VersionIndex()
    expected = []
    for article, signature in zip(corpus, signatures, strict=True):
        story = one_at_a_time.match(signature) or article.id
        one_at_a_time.add(article.id, story, signature)
        expected.append(story)
    batched = VersionIndex()
    placed = batched.assign([a.id for a in corpus[:25]], signatures[:25])
    placed += batched.assign([a.id for a in corpus[25:]], signatures[25:])
    assert placed == expected
    copies = [(a.id, story) for a, story in zip(corpus, placed, strict=True) if a.id[0] == "c"]
    assert all(story == "o" + copy[1:] for copy, story in copies)


@needs_shared
def test_a_signature_does_not_depend_on_the_batch_it_is_hashed_in() -> None:
    texts = [*_real_bodies(), "", "two words", "a text\x01with the batch separator in it"]
    texts *= 2  # more texts than one hashing chunk
    digests, sizes = digest_texts(texts)
    for position in (0, 88, 89, 90, 127, 128, 129, len(texts) - 1):
        alone, size = digest_texts([texts[position]])
        assert list(alone[0]) == list(digests[position])
        assert size[0] == sizes[position]


def test_quotes_dashes_spacing_and_ascii_case_make_no_new_shingles() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    restyled = (
        text.replace("'", "\u2019").replace(" - ", " \u2014 ").replace(" ", "\u00a0", 40).upper()
    )
    original, copy = Signature.of(_article("a", text)), Signature.of(_article("b", restyled))
    assert copy.size == original.size
    assert list(copy.digest) == list(original.digest)


@needs_shared
def test_a_copy_of_a_copy_joins_the_first_story_within_one_batch() -> None:
    paragraphs = [p for body in _real_bodies()[:10] for p in body.split("\n") if len(p) > 200]
    first = _article("first", "\n\n".join(paragraphs[:12]))
    middle = _article("middle", "\n\n".join(paragraphs[4:12]))  # inside the first
    last = _article("last", "\n\n".join(paragraphs[4:24]))  # holds the middle, not the first
    signatures = Signature.many([first, middle, last])
    assert signatures[2].containment(signatures[0]) < 0.8
    stories = VersionIndex().assign(["first", "middle", "last"], signatures)
    assert stories == ["first", "first", "first"]


@needs_shared
def test_an_index_rebuilt_from_stored_signatures_places_a_new_copy() -> None:
    truncated, full = _seed_articles()
    others = [_article(f"r{n}", body) for n, body in enumerate(_real_bodies()[:20])]
    stored = [(a.id, a.id, Signature.of(a).to_bytes()) for a in [*others, full]]
    index = VersionIndex()
    index.load(stored)
    assert len(index) == 21
    assert index.assign([truncated.id], [Signature.of(truncated)]) == [full.id]


def test_signature_bytes_of_another_format_are_refused() -> None:
    _, full = _seed_articles()
    data = Signature.of(full).to_bytes()
    with pytest.raises(SignatureFormatError, match="re-ingest"):
        Signature.from_bytes(b"NGv2" + data[4:])


def _ecb_texts(cluster: str, count: int) -> list[str]:
    lines = ECB_DEV.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return [r["text"] for r in records if r["cluster"] == cluster][:count]


def test_the_seeds_are_one_same_story_whichever_comes_first(nlp) -> None:
    truncated, full = _seed_articles()
    profiles = {
        a.id: Profile.of(doc)
        for a, doc in zip((truncated, full), nlp.pipe([truncated.text, full.text]), strict=True)
    }
    for order in (["000", "001"], ["001", "000"]):
        index = SameStoryIndex()
        for article_id in order:
            index.add(article_id, profiles[article_id])
        assert index.story_of("000") == index.story_of("001") == order[0]
