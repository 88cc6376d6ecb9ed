"""Whom or what an act is done to: target phrases in order, its place, the thing acted on."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Token

from newsgraph.events import codebook
from newsgraph.events.arguments import ArgumentResolver
from newsgraph.events.clauses import (
    PASSIVE_SUBJECTS,
    SUBJECTS,
    is_passive,
    misparsed_finite,
    objects_of,
    open_complements,
    result_objects,
)
from newsgraph.events.patterns import (
    VerbPattern,
    default_target_preps,
    event_nouns,
    light_verbs,
    weapon_words,
)
from newsgraph.events.phrases import conjuncts, phrase
from newsgraph.records import ActorRef

OWNER_PREPS = {"of", "by", "from"}
ACTOR_ENTITIES = {"ORG", "GPE", "NORP", "PERSON"}
# Prepositions that say where an action happens ("in Kabul", "outside of Basra").
PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
# Prepositions after an event noun that name whom it is about: "an investigation *into*",
# "a mediation mission *between* Kenya and Somalia".
NOUN_PREPS = ("into", "between")
# Prepositions on a thing acted with that say whom it is aimed at: "sanctions *on*
# Uganda", "troops *to* Mali", "a resolution *against* Israel".
AIMED_PREPS = {"on", "upon", "against", "to", "toward", "towards", "into", "at"}
# Clauses with a verb of their own, whose prepositions are theirs.
OWN_CLAUSES = {"relcl", "acl", "advcl", "ccomp"}
# Object pronouns that stand for a person: the one a verb acts on, named or not.
PERSONAL_OBJECTS = {"him", "her", "me", "us", "you"}
# QuadClasses of verbal and material conflict.
CONFLICT_QUADS = {3, 4}
# Entities that are where or when an act is done, not what it is done to.
UNACTED_ENTITIES = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"}


def names_someone(verb: Token, pattern: VerbPattern) -> bool:
    """Whether the verb's object or target preposition names an actor by name, even one
    the dictionary does not know ("trading arms *with the Red Hand Brigade*")."""
    return any(
        token.ent_type_ in ACTOR_ENTITIES
        for heads in target_heads(verb, pattern)
        for head in heads
        for token in [head, *head.lefts]
    )


def thing_acted_on(verb: Token, pattern: VerbPattern) -> ActorRef | None:
    """What an act with no actor as target is done to, as written: "condemned *the
    shelling*", "criticised *plans for a new dam*". Shown, never coded: no
    country, no actor; a pronoun, a number, a place, a time or the weapon fired ("fired
    a missile") is not it."""
    heads = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and not pattern.theme and not _names_the_act(verb, c)
    ]
    heads += [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in pattern.target_preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    # what the hostile event its object names is aimed at, after the event itself when that
    # is what a verb acts on: "launched cyber attacks *on* government websites" (talks "on"
    # something are about it)
    heads += [
        pobj
        for thing in verb.children
        if thing.dep_ == "dobj" and _names_hostility(thing)
        for prep in thing.children
        if prep.dep_ == "prep" and prep.lower_ in (*pattern.target_preps, *NOUN_PREPS)
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for head in heads:
        if (
            head.pos_ in {"NOUN", "PROPN"}
            and head.ent_type_ not in UNACTED_ENTITIES
            and head.lemma_.lower() not in weapon_words()
        ):
            return ActorRef(phrase(head).text, None)
    return None


def _names_hostility(noun: Token) -> bool:
    """Whether a noun names a hostile act (verbal or material conflict: "attack",
    "investigation", "campaign of denunciations"), whose "on" or "against" is its target."""
    code = event_nouns().get(noun.lemma_.lower())
    return code is not None and codebook.quad_class(code) in CONFLICT_QUADS


def _names_the_act(verb: Token, thing: Token) -> bool:
    """Whether a light verb's object is the event itself ("carried out *air strikes*",
    "held *talks*"), not what it is done to."""
    return verb.lemma_.lower() in light_verbs() and thing.lemma_.lower() in event_nouns()


def sides_between(noun: Token) -> list[Token]:
    """The sides of an event noun: "clashes *between* Armenian and Azerbaijani troops"."""
    return [
        side
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ == "between"
        for pobj in child.children
        if pobj.dep_ == "pobj"
        for side in conjuncts(pobj)
    ]


def noun_targets(noun: Token) -> list[list[Token]]:
    """Whom an event noun is aimed at: "riots *against* Israeli policies"."""
    return [
        conjuncts(pobj)
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ in default_target_preps()
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def _noun_phrase_head(token: Token) -> Token:
    """The head of the name a word belongs to ("Minister" -> "Hashimoto")."""
    while token.dep_ == "compound" and token.head != token:
        token = token.head
    return token


def target_heads(verb: Token, pattern: VerbPattern) -> list[list[Token]]:
    """Candidate target phrases in order of preference, each with its conjuncts."""
    candidates: list[list[Token]] = []
    if misparsed_finite(verb):
        candidates.append(conjuncts(_noun_phrase_head(verb.head)))
    if is_passive(verb) and not pattern.theme:
        candidates += [conjuncts(c) for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    if not pattern.theme:
        things = [c for c in verb.children if c.dep_ == "dobj"] or result_objects(verb)
        candidates += [conjuncts(c) for c in things]
        if any(thing.lower_ in PERSONAL_OBJECTS for thing in things):
            # "backed *her* up on CBS's 60 Minutes": the one acted on is the person the
            # pronoun stands for; a phrase after it says where, not whom
            return candidates
    candidates += [conjuncts(c) for c in verb.children if c.dep_ == "dative"]
    if pattern.theme:
        # what the thing acted with is aimed at, on the thing itself: "imposed sanctions
        # *on Uganda* over its support for rebels" (the "over" phrase gives the reason)
        candidates += _on_the_objects(verb, AIMED_PREPS)
    preps = [c for c in verb.children if c.dep_ in {"prep", "dative"}]
    # in the pattern's order of preference: "complained to the UN *over* Russian drone strikes"
    for child in sorted(
        (c for c in preps if c.lower_ in pattern.target_preps),
        key=lambda c: pattern.target_preps.index(c.lower_),
    ):
        candidates += [conjuncts(c) for c in child.children if c.dep_ == "pobj"]
    if pattern.theme:
        candidates += _attached_elsewhere(verb, pattern)
    # The actor behind what is acted on: "demanded the release of Kenyan sailors",
    # "will back Chile's bid".
    for thing in [c for c in verb.children if c.dep_ == "dobj"]:
        # (an "nmod" is the recipient the parser hung on the thing: "gave the Gambia
        # 3 million dollars")
        candidates += [conjuncts(c) for c in thing.children if c.dep_ in {"poss", "nmod"}]
        for child in thing.children:
            if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                candidates += [conjuncts(c) for c in child.children if c.dep_ == "pobj"]
    # The target of a noun event: "lodged a protest *with China*", "an investigation *into*".
    candidates += _on_the_objects(verb, {*pattern.target_preps, *NOUN_PREPS})
    # Whom the thing was done to, as a participle on it tells: "eased curbs *imposed on
    # Bolivia*", "will hand back boats *seized from Thai fishermen*"; or whose it is, by whom
    # it was made: "will not take in migrants *sent by Italy*" (Italy's).
    for thing in objects_of(verb):
        for clause in thing.children:
            if clause.dep_ not in {"acl", "relcl"} or clause.tag_ != "VBN":
                continue
            for child in clause.children:
                if (child.dep_ == "prep" and child.lower_ in pattern.target_preps) or (
                    child.dep_ == "agent"
                ):
                    candidates += [conjuncts(c) for c in child.children if c.dep_ == "pobj"]
    # Who is asked or told to act: "demanded that the United States cancel ...".
    for clause in [c for c in verb.children if c.dep_ == "ccomp"]:
        candidates += [conjuncts(c) for c in clause.children if c.dep_ in SUBJECTS]
    return candidates


def _on_the_objects(verb: Token, preps: Collection[str]) -> list[list[Token]]:
    """The phrases of ``preps`` on the verb's direct objects, each with its conjuncts, in
    the order they are written."""
    return [
        conjuncts(pobj)
        for thing in verb.children
        if thing.dep_ == "dobj"
        for child in thing.children
        if child.dep_ == "prep" and child.lower_ in preps
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def resolved_targets(
    verb: Token, pattern: VerbPattern, resolver: ArgumentResolver
) -> list[ActorRef]:
    """The first candidate target phrase that names an actor or group.

    Failing that, the target of an open complement, wherever the parser hung its
    preposition: "threatened to attack Iran", "promised to continue aid to Mozambique".
    """
    refs = first_resolved(target_heads(verb, pattern), resolver)
    if refs:
        return refs
    if _object_controlled(verb):
        # "training Malian soldiers to fight jihadists": a named actor trained, helped or
        # sent to act is acted on; whom it fights is its own act's target, not this one's
        controlled = [[c] for c in verb.children if c.dep_ == "dobj"]
        if refs := [ref for ref in first_resolved(controlled, resolver) if ref.actor_key]:
            return refs
    inner = replace(pattern, theme=False)
    for complement in open_complements(verb):
        # each in turn: the parser splits "agreed to re-open the frontier to X" in three
        candidates = target_heads(complement, inner) + _attached_elsewhere(complement, inner)
        if refs := first_resolved(candidates, resolver):
            return refs
    return []


def targets_of(
    source: ActorRef, targets: list[ActorRef], places: list[ActorRef]
) -> list[ActorRef | None]:
    """The targets other than the source itself; failing those, the place the action
    is done in, even the source's own country ("Iraqi Kurds demonstrated in Kirkuk");
    none at all (the caller then asks for a domestic one)."""
    return [target for target in targets if _distinct(source, target)] or places


def place_targets(
    verb: Token, complements: list[Token], resolver: ArgumentResolver
) -> list[ActorRef]:
    """The country where the action happens, for an event with no other target.

    "arrived *in Nairobi*", "will close schools *in the Golan Heights*", "marched
    *in Qamishli*": as in CAMEO coding, the place an action is done in is what it acts on.
    """
    for word in [verb, *complements]:
        holders = [word, *(c for c in word.children if c.dep_ in {"dobj", "attr"})]
        # "put under investigation *in Rome*": the place of the phrase that names the act
        holders += [
            pobj
            for prep in word.children
            if prep.dep_ == "prep"
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in event_nouns()
        ]
        for holder in holders:
            for child in holder.children:
                if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS:
                    continue
                for place in child.subtree:
                    if place.dep_ == "pobj" and (ref := resolver.place(place)):
                        return [ref]
    return []


def first_resolved(candidates: list[list[Token]], resolver: ArgumentResolver) -> list[ActorRef]:
    for heads in candidates:
        refs = resolver.resolve_targets(heads)
        if refs:
            return refs
    return []


def _attached_elsewhere(verb: Token, pattern: VerbPattern) -> list[list[Token]]:
    """Target prepositions that the parser hung lower in the clause.

    "sent its forces under the CSTO, an alliance ..., to Kazakhstan": the destination
    is about the sending even when a long aside in between captured the preposition.
    Not inside a clause of its own: in "a mediation effort between Bahrain and Qatar,
    whose ties have been hurt by Doha's warm relations *with Iran*", the "with" is the
    hurting's.
    """
    found = []
    controlled = {t.i for complement in _object_controlled(verb) for t in complement.subtree}
    for token in _outside_clauses(verb):
        if token.i in controlled:
            continue  # "training Syrian forces to fight *against* Islamic State": theirs
        if (
            token.i > verb.i
            and token.dep_ == "prep"
            and token.head != verb
            and token.lower_ in pattern.target_preps
        ):
            found += [conjuncts(c) for c in token.children if c.dep_ == "pobj" and c.ent_type_]
    return found


def _object_controlled(verb: Token) -> list[Token]:
    """Open complements and purposes said of the verb's object ("trained Iraqi forces *to
    fight*", "helped Iraq *fight*"): what they act on is the object's act's, not the verb's."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return []
    return open_complements(verb)


def _outside_clauses(verb: Token) -> list[Token]:
    """The tokens of the verb's subtree that no clause below it with a verb of its own
    holds (a "which is ..." clause has none: it tells nothing done)."""
    found, stack = [], list(verb.children)
    while stack:
        token = stack.pop()
        if token.dep_ in OWN_CLAUSES and token.pos_ == "VERB":
            continue
        found.append(token)
        stack.extend(token.children)
    return found


def _distinct(source: ActorRef, target: ActorRef) -> bool:
    """No event of an actor upon itself."""
    return target.actor_key is None or (target.actor_key, target.code) != (
        source.actor_key,
        source.code,
    )
