"""Which country a side of an event belongs to, from its sentence and the article.

A mixin of ``arguments.ArgumentResolver``: a bare "the government" or "the president"
belongs to the first country its sentence names outside what its own verb acts on; a group
nothing places ("rebels") to the country the sentence acts in, else the article's main
country; an organisation to its own country; a bloc word ("with Western credentials")
gives a region code.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from newsgraph.events.phrases import hyphenated
from newsgraph.records import Mention

if TYPE_CHECKING:
    from newsgraph.events.arguments import ArgumentResolver

# A bare government word as the subject of a verb, and the verb's arguments on the other
# side of its act, whose countries it is not (``_government_country``).
GOVERNED_SUBJECTS = {"nsubj"}
OTHER_SIDE_DEPS = {"dobj", "dative", "prep", "attr"}
# Where a government acts is mostly its own country ("declared a state of siege *in Haiti*").
WHERE_PREPS = {"in", "at", "inside", "within", "throughout", "across"}


class ActorCountries:
    """The country rules of ``ArgumentResolver`` (which mixes this class in)."""

    def _region_in(self: ArgumentResolver, span: Span) -> str | None:
        """A region code for bloc words in the phrase ("with Western credentials" -> WST),
        not for a word that is part of a name ("NATO", "the West Bank"), says which part
        of a country ("Western Cambodia") or is hyphenated to another word, which makes it
        a qualifier ("East-West relations", "Western-backed", "pro-Western")."""
        for token in span:
            head = token.head
            if (
                self.actors.key_at(token.idx, token.idx + len(token.text))
                or (
                    head != token
                    and self._country_of(self.actors.key_at(head.idx, head.idx + 1) or "")
                )
                or hyphenated(token)
            ):
                continue
            pair = f"{token.lower_} {token.nbor().lower_}" if token.i + 1 < len(self.doc) else ""
            if code := self.words.regions.get(pair) or self.words.regions.get(token.lower_):
                return code  # "West Africans" are of West Africa (WAF), not the West
        return None

    def _country_of(self: ArgumentResolver, key: str) -> str | None:
        actor = self.actors.actors.get(key)
        if actor is None:
            return None
        return actor.key if actor.type == "country" else None

    def _government_country(self: ArgumentResolver, head: Token) -> str | None:
        """The country a bare "the government" or "the president" subject belongs to: the
        first one its sentence names outside what its own verb acts on ("the
        administration cut aid to *Honduras*" is not Honduras's, "the
        president met *Japan's* prime minister" not Japan's): a state does not act on
        itself, so the other side's country is the one it is not."""
        if head.dep_ not in GOVERNED_SUBJECTS:
            return self._sentence_country(head.sent)
        arguments = [a for a in head.head.children if a.dep_ in OTHER_SIDE_DEPS]
        other_side = {token.i for argument in arguments for token in argument.subtree}
        other_side -= {  # where it acts: "declared a state of siege *in Haiti*"
            token.i
            for argument in arguments
            for where in argument.subtree
            if where.dep_ == "prep" and where.lower_ in WHERE_PREPS
            for token in where.subtree
        }
        for mention in self.actors.mentions_in(head.sent.start_char, head.sent.end_char):
            inside = {
                t.i
                for t in self.doc.char_span(
                    mention.span.start, mention.span.end, alignment_mode="expand"
                )
                or ()
            }
            if inside & other_side:
                continue
            if country := self._country_of(mention.actor_key):
                return country
        return None

    def _sentence_country(self: ArgumentResolver, sentence: Span) -> str | None:
        """The first country mentioned in ``sentence`` (a city counts for its country)."""
        return self._country_in(sentence)

    def _country_in(self: ArgumentResolver, span: Span) -> str | None:
        """The first country mentioned inside ``span`` ("suspected *British* militant X")."""
        for mention in self.actors.mentions_in(span.start_char, span.end_char):
            if country := self._country_of(mention.actor_key):
                return country
        return None

    def _place_country(self: ArgumentResolver, sentence: Span) -> str | None:
        """The country of the first place the sentence puts things in ("in Almaty")."""
        for token in sentence:
            if token.dep_ == "prep" and token.lower_ in {"in", "at"}:
                for place in token.children:
                    if place.dep_ == "pobj" and place.ent_type_ in {"GPE", "LOC", "FAC"}:
                        span = self.doc[place.left_edge.i : place.right_edge.i + 1]
                        if country := self._country_in(span):
                            return country
        return None

    def _home_country(self: ArgumentResolver, sentence: Span) -> str | None:
        """The country of a group nothing in its phrase places ("rebels", "the opposition").

        As CAMEO coders do, an unplaced group is domestic: of the country the sentence
        puts the action in ("in Almaty"), else of the article's main country where the
        sentence names it, else of the first country the sentence names, else the
        article's main country.
        """
        if place := self._place_country(sentence):
            return place
        named = [
            country
            for mention in self.actors.mentions_in(sentence.start_char, sentence.end_char)
            if (country := self._country_of(mention.actor_key) or self._owned_by(mention))
        ]
        if self.main_country in named:
            return self.main_country
        return named[0] if named else self.main_country

    def _owned_by(self: ArgumentResolver, mention: Mention) -> str | None:
        """The country of an organisation ("the Nigerian Interior Ministry" -> NGA)."""
        actor = self.actors.actors.get(mention.actor_key)
        return actor.country if actor is not None and actor.type == "organisation" else None

    def _most_mentioned_country(self: ArgumentResolver) -> str | None:
        counts = Counter(
            country
            for mention in self.actors.mentions
            if (country := self._country_of(mention.actor_key))
        )
        return counts.most_common(1)[0][0] if counts else None
