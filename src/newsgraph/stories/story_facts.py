"""Facts across the versions of one story: one quote or event, several mentions.

NLP runs on a story's canonical version only. The other versions (syndicated,
truncated, re-headlined copies) mostly repeat its sentences word for word, so a
fact's mentions in them are found by looking for its sentence in their text: a
string search, no parsing. Each mention keeps its article and offsets there.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.records import FactMention, Span, Story, StoryFacts


def canonical_places(facts: StoryFacts) -> list[FactMention]:
    """Where each quote and event sits in the canonical article it was read from."""
    places = [
        FactMention("quote", index, quote.span, quote.sentence)
        for index, quote in enumerate(facts.quotes)
    ]
    places += [
        FactMention("event", index, event.span, event.sentence)
        for index, event in enumerate(facts.events)
    ]
    return places


def version_mentions(story: Story, places: Iterable[FactMention]) -> list[FactMention]:
    """The mentions of the canonical article's facts in the story's other versions.

    A fact is found in a version that contains its sentence (or, without one, its
    own words); the mention's offsets keep the fact's place within that sentence.
    """
    canonical = story.canonical
    places = list(places)
    mentions = []
    for version in story.versions:
        if version.id == canonical.id:
            continue
        text = version.text
        found: dict[str, int] = {}
        for place in places:
            anchor = place.sentence or place.span
            passage = canonical.text[anchor.start : anchor.end]
            if not passage.strip():
                continue
            if passage not in found:
                found[passage] = text.find(passage)
            at = found[passage]
            if at < 0:
                continue
            shift = at - anchor.start
            mentions.append(
                FactMention(
                    place.kind,
                    place.index,
                    Span(version.id, place.span.start + shift, place.span.end + shift),
                    None if place.sentence is None else Span(version.id, at, at + len(passage)),
                )
            )
    return mentions
