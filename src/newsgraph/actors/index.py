"""The actors of one article and where each is mentioned, for the extractors to query."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable

from spacy.tokens import Doc

from newsgraph.actors.confidence import DEFAULT_THRESHOLD, is_shown
from newsgraph.actors.dictionary import normalise_name
from newsgraph.records import Actor, Mention


class ActorIndex:
    """Actors mentioned in one doc, and lookups from text positions and names to actor keys."""

    def __init__(
        self,
        actors: dict[str, Actor],
        mentions: Iterable[Mention],
        doc: Doc | None,
        naming_none: Collection[tuple[int, int]] = (),
    ):
        self.actors = actors
        # Every mention, those naming no actor included: extractors read where a story
        # is from them.
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        # Offsets of the mentions that name no actor (actors/places.py): a town named as a
        # place, a people's adjective describing a thing, half of an ethnic compound.
        self.naming_none = frozenset(naming_none)
        self._starts = [m.span.start for m in self.mentions]
        # The longest mention bounds how far before a range an overlapping one can start.
        self._longest = max((_length(m) for m in self.mentions), default=0)
        self._doc = doc

    def actor(self, key: str) -> Actor:
        return self.actors[key]

    def named(self, referenced: Collection[str] = ()) -> tuple[list[Actor], list[Mention]]:
        """The actors and mentions to store: every mention but those naming no actor ("a
        rally in Pittsburgh", "French soil"), and every actor with a mention left or that a
        fact refers to (an event's side, a quote's speaker)."""
        mentions = [m for m in self.mentions if (m.span.start, m.span.end) not in self.naming_none]
        keys = {m.actor_key for m in mentions} | set(referenced)
        return [actor for key, actor in self.actors.items() if key in keys], mentions

    def shown(
        self, referenced: Collection[str] = (), threshold: float = DEFAULT_THRESHOLD
    ) -> tuple[list[Actor], list[Mention]]:
        """The actors shown by default and their mentions: the named ones (``named``) at
        or above ``threshold`` and those a fact refers to, which the fact's own confidence
        answers for. "WeWork" typed as a person is left out."""
        actors, mentions = self.named(referenced)
        keys = {
            actor.key
            for actor in actors
            if is_shown(actor.confidence, actor.key in referenced, threshold)
        }
        return (
            [actor for actor in actors if actor.key in keys],
            [mention for mention in mentions if mention.actor_key in keys],
        )

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside the character range [start, end)."""
        first = bisect_left(self._starts, start)
        return [m for m in self.mentions[first:] if m.span.start < end and m.span.end <= end]

    def key_at(self, start: int, end: int) -> str | None:
        """The actor the text in [start, end) is about.

        The mention at the phrase's syntactic head wins ("Russian President Vladimir
        Putin" is the person, not Russia); then the longest mention inside the range;
        then the one overlapping it most.
        """
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end, lo=first)
        overlapping = [m for m in self.mentions[first:last] if m.span.end > start]
        if not overlapping:
            return None
        head = self._head_offset(start, end)
        if head is not None:
            at_head = [m for m in overlapping if m.span.start <= head < m.span.end]
            if at_head:
                return max(at_head, key=_length).actor_key
        inside = [m for m in overlapping if m.span.start >= start and m.span.end <= end]
        if inside:
            return max(inside, key=_length).actor_key
        most = max(overlapping, key=lambda m: min(end, m.span.end) - max(start, m.span.start))
        return most.actor_key

    def find(self, name: str) -> str | None:
        """The key of an actor in this doc known by ``name`` or any alias, case-insensitive."""
        wanted = normalise_name(name.removesuffix("'s").removesuffix("’s"))
        for actor in self.actors.values():
            if any(normalise_name(form) == wanted for form in (actor.name, *actor.aliases)):
                return actor.key
        return None

    def _head_offset(self, start: int, end: int) -> int | None:
        if self._doc is None:
            return None
        span = self._doc.char_span(start, end, alignment_mode="expand")
        return span.root.idx if span is not None and len(span) else None


def _length(mention: Mention) -> int:
    return mention.span.end - mention.span.start
