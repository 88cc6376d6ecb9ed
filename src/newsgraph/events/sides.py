"""What a coded side shows: the actor, where its phrase names only something the actor owns.

CAMEO codes an act on "Trump's remarks" or "Britain's vote" as an act on Trump or on
Britain, and the coder does; but the side's text was the thing's phrase, which reads as
if the remarks or the vote were the actor. Where the side's code is its owner's own, the
side shows the owner's name; the sentence still says what was denounced or hailed. A
noun that changes the code ("Russia's *army*" is RUSMIL, not RUS) names an actor of its
own and keeps its phrase.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsgraph.events.arguments import ArgumentResolver
from newsgraph.events.phrases import phrase
from newsgraph.records import ActorRef

# The possessive ending, left out of the owner's name ("Trump" of "Trump's").
POSSESSIVE_DEPS = {"case"}


def named_side(verb: Token, side: ActorRef | None, resolver: ArgumentResolver) -> ActorRef | None:
    """``side``, showing its owner's name where its phrase under ``verb`` names a thing
    that owner has, coded as the owner."""
    if side is None or side.actor_key is None:
        return side
    for word in verb.subtree:
        # the cheap tests first: a sentence may be long, and most words own nothing
        if word.text not in side.text or word.i == verb.i or word.pos_ != "NOUN" or word.ent_type_:
            continue
        owner = _owner(word)
        if owner is None or phrase(word).text != side.text:
            continue
        coded = resolver.resolve(owner)
        if coded is None or (coded.actor_key, coded.code) != (side.actor_key, side.code):
            return side  # the noun adds a sector or a relation: an actor of its own
        tokens = [t for t in owner.subtree if t.dep_ not in POSSESSIVE_DEPS]
        return replace(side, text=word.doc[tokens[0].i : tokens[-1].i + 1].text)
    return side


def _owner(word: Token) -> Token | None:
    """The possessor written before a noun ("*Trump's* remarks"), if it is no pronoun."""
    owners = [c for c in word.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return owners[0] if len(owners) == 1 else None
