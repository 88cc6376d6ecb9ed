"""Codes who-did-what-to-whom events from the dependency parse.

Every verb with a pattern in ``verbs.toml`` is a candidate. Its source is the subject
(the "by" agent in the passive, the governing clause's subject for participle and
infinitive clauses), its target the object or the object of a target preposition;
coordinated subjects or objects give one event each. A reported event ("X said Y
attacked Z") is coded from its own clause, so it is Y -> Z.

This module walks the parse and decides, sentence by sentence, which events stand; the
parts it asks are ``acts`` (which act a verb names), ``clauses`` (who acts), ``targets``
(to whom), ``modality`` (whether the sentence tells it as done) and ``event_record``
(the record with its date and place).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.events import codebook
from newsgraph.events.acts import (
    MATERIAL_CONFLICT,
    PROTEST_ROOT,
    code_token,
    noun_code,
    subject_event,
)
from newsgraph.events.arguments import ArgumentResolver
from newsgraph.events.clauses import (
    DESCRIBING_CLAUSES,
    PASSIVE_SUBJECTS,
    RELATIVE_PRONOUN_TAGS,
    SUBJECTS,
    is_free_participle,
    is_passive,
    misparsed_finite,
    misparsed_predicate,
    objects_of,
    obliged,
    open_complements,
    reporting_verb,
    source_heads,
    source_is_distant,
    statement_maker,
    told_in_background,
)
from newsgraph.events.confidence import Basis, confidence, source_kind, target_kind
from newsgraph.events.event_record import make_event
from newsgraph.events.modality import (
    conditional_demand,
    not_yet_done,
    recode_for_modality,
    reported_obligation,
    tells_no_act,
)
from newsgraph.events.patterns import VerbPattern, event_nouns, fighting_beside, joint_codes, riot
from newsgraph.events.phrases import conjuncts
from newsgraph.events.readings import (
    anothers_act,
    by_accident,
    campaign_rally,
    not_told_as_done,
    only_supposed,
    political_contest,
    private_travel,
    read_target,
    verbal_force,
    with_the_press,
)
from newsgraph.events.senses import code_by_source, protested
from newsgraph.events.sides import named_side
from newsgraph.events.targets import (
    first_resolved,
    names_someone,
    noun_targets,
    place_targets,
    resolved_targets,
    sides_between,
    targets_of,
    thing_acted_on,
)
from newsgraph.records import ActorRef, Event

if TYPE_CHECKING:
    from newsgraph.actors import ActorIndex

# QuadClasses of verbal and material conflict.
CONFLICT_QUADS = {3, 4}
# Intents and threats are said of what is to come: the saying is the event.
FUTURE_ROOTS = ("03", "13")
# Words that never carry an event themselves: skipped before any rule looks at them
# (most of a text's tokens; each rule would read their neighbours for nothing).
NO_EVENT_POS = frozenset(
    {"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "NUM", "PRON", "PART", "SYM", "SPACE", "X", "INTJ"}
)
# What joins the two sides of a score ("6-3", "2–1").
SCORE_DASHES = {"-", "–"}


def extract_events(
    doc: Doc, article_id: str, actors: ActorIndex, *, date: str | None = None
) -> list[Event]:
    """Events coded from every coded verb in ``doc`` whose source is an actor or group."""
    resolver = ArgumentResolver(doc, actors)
    by_verb: dict[int, list[Event]] = {}
    games: set[int] = set()
    for verb in doc:
        if verb.pos_ in NO_EVENT_POS:
            continue
        bare = implied = from_place = unrealised = supposed = untold = False
        backgrounded = distant = False
        stated = ""  # the verb's own code, before what the sentence says of it
        acted_on: tuple[Token, VerbPattern] | None = None  # where to find the thing acted on
        thing = home_place = None
        if demand := reported_obligation(verb):
            act = "demand"
            stated = code = demand
            negated = False
            sources = resolver.resolve_each(source_heads(reporting_verb(verb)))
            targets, places = resolver.resolve_each(obliged(verb)), []
            if not targets:
                continue  # "the verdict should be seen in a broader view": an opinion
        elif occurrence := subject_event(verb):
            # "Palestinian riots against Israeli policies are continuing": the noun's event
            act = "noun"
            stated, noun = occurrence
            code, negated = recode_for_modality(verb, stated)
            places = place_targets(verb, [], resolver)
            sides = resolver.resolve_each(sides_between(noun))  # "talks between X and Y"
            if len(sides) > 1 and codebook.quad_class(code) in CONFLICT_QUADS:
                if tells_no_act(verb):
                    continue
                # "clashes between Armenian and Azerbaijani troops": each side on the other
                by_verb[verb.i] = [
                    _trusted(
                        make_event(verb, code, side, other, article_id, date, negated),
                        Basis(act, source_kind(side, False), "named", negated),
                    )
                    for side in sides
                    for other in sides
                    if other is not side
                ]
                continue
            sources = resolver.resolve_each(conjuncts(noun)) or sides
            from_place = not sources
            sources = sources or places
            targets = first_resolved(noun_targets(noun), resolver)
        else:
            coded = code_token(verb)
            if coded is None or _is_content_of(verb):
                continue
            code, pattern = coded
            bare = pattern.bare
            act = "default" if bare else "verb"
            stated, (code, negated) = code, recode_for_modality(verb, code)
            heads = source_heads(verb)
            sources = resolver.resolve_each(heads)
            if not sources and is_passive(verb) and pattern.theme:
                # "UN peacekeepers were withdrawn", "Russian troops were deployed": the
                # forces moved act for their own side, whoever gave the order
                sources = resolver.resolve_each(objects_of(verb))
            if code in joint_codes() and _done_jointly(verb, sources):
                code = joint_codes()[code]  # "French and Egyptian warships launched war games"
            from_place = not sources
            if not sources and is_passive(verb):
                # "three soldiers were killed in Baghdad": done by someone in Iraq.
                sources = place_targets(verb, [], resolver)
            sources = sources or resolver.weapon_place(heads, code)
            if not sources:
                continue  # no one acts: no event, whatever its target
            unrealised = (
                code == stated
                and not negated
                and not code.startswith(FUTURE_ROOTS)
                and not_yet_done(verb)
            )
            supposed = only_supposed(verb, resolver)
            untold = not_told_as_done(verb)
            if code == stated:
                # unless what the sentence says of the act changed its code ("refused to
                # endorse" is a rejection, "eager to praise" an intent): then the act told
                # is the framing verb's, and so is its subject
                backgrounded = told_in_background(verb)
                distant = source_is_distant(verb, heads)
            targets = resolved_targets(verb, pattern, resolver)
            implied = not targets
            targets = (
                targets or resolver.implied_targets(verb, code) or protested(verb, code, resolver)
            )
            places = place_targets(verb, open_complements(verb), resolver)
            acted_on = verb, pattern
        targets = resolver.apart_from(sources, targets)
        places = resolver.apart_from(sources, places)
        found = []
        for source in sources:
            named = resolver.beyond_home(source, targets, code)
            where = resolver.beyond_home(source, places, code)
            chosen = targets_of(source, named, where)
            if not chosen:
                if acted_on is not None:
                    thing = thing or thing_acted_on(*acted_on)
                fallback = resolver.domestic_target(source, code, tuple(sources), thing) or thing
                if fallback is None and places and not where:
                    # "Ugandan rebels surrendered *in Soroti*": where an act at home is
                    # done, as written; not coded, for the act is on no one at home
                    fallback = home_place = ActorRef(places[0].text, None)
                chosen = [fallback]
            for target in chosen:
                shown_only = target is not None and (target is thing or target is home_place)
                aimed = "thing" if shown_only else None
                aimed = aimed or target_kind(target, named, where)
                aimed = "implied" if aimed == "named" and implied else aimed
                aimed = read_target(aimed, verb, code, stated, target)
                if aimed == "named" and resolver.only_home(source, target):
                    aimed = "home"
                acting = source_kind(source, from_place)
                done = "borrowed" if anothers_act(verb, stated, source, resolver) else act
                done = "travel" if private_travel(code, source) else done
                done = "rally" if campaign_rally(code, source, aimed) else done
                done = "press" if with_the_press(code, source, target) else done
                done = "accident" if by_accident(verb, code) else done
                basis = Basis(
                    done,
                    acting,
                    aimed,
                    negated,
                    unrealised,
                    supposed,
                    untold=untold,
                    backgrounded=backgrounded,
                    distant=distant,
                )
                found.append(
                    _trusted(
                        make_event(verb, code, source, target, article_id, date, negated), basis
                    )
                )
        found = [_read_by_source(event, verb, article_id, date) for event in found]
        found = [_read_by_sides(event, verb, resolver, article_id, date) for event in found]
        if found and codebook.quad_class(code) == MATERIAL_CONFLICT and _during_protest(verb):
            found = [_as_riot(event, verb, article_id, date) for event in found]
        if bare and not names_someone(verb, pattern):
            # A block's default with no one acted on is rarely an event between actors
            # ("Toyota is giving the SUV a lower centre", "the MacBook hit 44 dBa").
            found = [event for event in found if _aims_at_actor(event)]
        if (
            found
            and _is_contest(code)
            and (_tells_a_score(verb) or political_contest(verb, found, resolver.actors))
        ):
            # "Nadal defeated Khachanov 6-3, 7-6": a game, not an attack; what its
            # clauses say ("giving France a 2-1 victory") is the game's too; so is an
            # election ("Trump defeated Cruz in Indiana")
            games.add(verb.i)
        # Checked last: most tokens code nothing, and these read the whole sentence.
        if found and not tells_no_act(verb):
            found += _conditional_demands(verb, sources, resolver, article_id, date)
            by_verb[verb.i] = found + _fighting_beside(verb, found, article_id, date)
    kept = {
        i: found
        for i, found in by_verb.items()
        if i not in games and not _under_another_event(doc[i], by_verb)
    }
    return [
        replace(event, target=named_side(doc[i], event.target, resolver))
        for i, found in kept.items()
        for event in found
        if not _untargeted_twin(doc[i], event, kept)
    ]


def _trusted(event: Event, basis: Basis) -> Event:
    basis = replace(basis, unclassed=event.plover is None)
    event.confidence, event.basis = confidence(basis), str(basis)
    return event


def _conditional_demands(
    verb: Token,
    sources: list[ActorRef],
    resolver: ArgumentResolver,
    article_id: str,
    date: str | None,
) -> list[Event]:
    """What a refusal on a condition asks of another, beside the refusal: "will not free
    the hostages *unless the government frees* the prisoners" refuses a release and demands
    one of the government (CAMEO 10, refined by the act asked)."""
    asked = conditional_demand(verb)
    if asked is None:
        return []
    code, holders = asked
    targets = resolver.apart_from(sources, resolver.resolve_each(holders))
    return [
        _trusted(
            make_event(verb, code, source, target, article_id, date, False),
            Basis("demand", source_kind(source, False), "named", False),
        )
        for source in sources
        for target in targets
    ]


def _read_by_sides(
    event: Event, verb: Token, resolver: ArgumentResolver, article_id: str, date: str | None
) -> Event:
    """Force between two politicians is criticism: "Cruz attacked Trump" (111)."""
    code = verbal_force(event.cameo, verb, event.source, event.target, resolver.actors)
    return event if code == event.cameo else _recoded(event, code, verb, article_id, date)


def _untargeted_twin(verb: Token, event: Event, by_verb: dict[int, list[Event]]) -> bool:
    """Whether an event with no target is told again, with one, by a coordinated verb of
    the same source, category and negation: "restored ties with and reopened an embassy in
    Lima" is one act of support to Peru, not also one to no one."""
    return not _aims_at_actor(event) and any(
        _aims_at_actor(other)
        and other.source.code == event.source.code
        and (other.plover, other.negated) == (event.plover, event.negated)
        and other.plover is not None
        for twin in verb.conjuncts
        for other in by_verb.get(twin.i, ())
    )


def _during_protest(verb: Token) -> bool:
    """Whether the verb's act is done during a protest ("threw stones *during
    demonstrations*", "clashed with police *at the rally*")."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in riot().preps
        and (code := noun_code(noun, event_nouns())) is not None
        and code.startswith(PROTEST_ROOT)
        for prep in verb.children
        for noun in prep.children
        if noun.dep_ == "pobj"
    )


def _as_riot(event: Event, verb: Token, article_id: str, date: str | None) -> Event:
    """A violent act of civilians during a protest is rioting (CAMEO 145); a force's,
    an official's or an armed group's keeps its code."""
    rules = riot()
    if event.source.sector not in rules.sectors or event.cameo.startswith(PROTEST_ROOT):
        return event
    return _recoded(event, rules.code, verb, article_id, date)


def _read_by_source(event: Event, verb: Token, article_id: str, date: str | None) -> Event:
    """The event as its source's sector reads the act: troops taking to the streets show
    force, teachers surrounding the Statehouse block it (events/senses.py)."""
    code = code_by_source(event.cameo, verb, event.source.sector)
    return event if code == event.cameo else _recoded(event, code, verb, article_id, date)


def _recoded(event: Event, code: str, verb: Token, article_id: str, date: str | None) -> Event:
    """The same event, between the same sides, with another code."""
    recoded = make_event(verb, code, event.source, event.target, article_id, date, event.negated)
    recoded.confidence, recoded.basis = event.confidence, event.basis
    return recoded


def _is_contest(code: str) -> bool:
    """Codes that a game's result reads as: defeating, beating, routing (material
    conflict) and rallying (protest)."""
    return codebook.quad_class(code) == MATERIAL_CONFLICT or code.startswith(PROTEST_ROOT)


def _tells_a_score(verb: Token) -> bool:
    """Whether the verb's phrase gives a game's score ("defeated Khachanov *6-3*, 7-6",
    "beat Germany *2-1*"), which a count is not ("killed *20-30* villagers")."""
    return any(
        token.pos_ == "NUM"
        and token.head.pos_ != "NOUN"
        and any(
            part.pos_ == "NUM" and any(mark.text in SCORE_DASHES for mark in part.children)
            for part in token.children
        )
        for token in verb.subtree
    )


def _fighting_beside(
    verb: Token, events: list[Event], article_id: str, date: str | None
) -> list[Event]:
    """The fight a military act was done in or after ("retook the village *after fierce
    fighting*", "captured the stronghold *after five days of fighting*"), between the
    act's sides: who took the village fought for it."""
    rules = fighting_beside()
    if not events[0].cameo.startswith(rules.acts):
        return []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in rules.preps:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and (code := noun_code(noun, rules.nouns)):
                beside = [
                    make_event(noun, code, e.source, e.target, article_id, date, e.negated)
                    for e in events
                ]
                for fighting, event in zip(beside, events, strict=True):
                    fighting.confidence, fighting.basis = event.confidence, event.basis
                return beside
    return []


def _done_jointly(verb: Token, sources: list[ActorRef]) -> bool:
    """Whether several actors act together, or the act is "joint" or "with" a partner."""
    partner = any(
        c.dep_ == "prep" and c.lower_ == "with"
        for word in [verb, *objects_of(verb)]  # "staged war games *with* Belarus"
        for c in word.children
    )
    joint = any(
        a.lower_ == "joint" for thing in objects_of(verb) for a in thing.subtree if a.dep_ == "amod"
    )
    return len(sources) > 1 or partner or joint


def _under_another_event(verb: Token, by_verb: dict[int, list[Event]]) -> bool:
    """Whether a verb above ``verb`` in its sentence already carries an event.

    A sentence reports one main event; what its subordinate, relative, purpose or
    reported clauses say ("demanded an admission that forces *murdered*", "a resolution
    that aims to *impose* a blockade") is background to it. Coordinated verbs stand
    side by side ("established ties and *opened* an embassy"), so a "conj" link does
    not put one under the other. A report without a target ("Tokayev *suggested* ...")
    leaves the event to the clause it reports.
    """
    token = verb
    while token.head != token:
        above = by_verb.get(token.head.i)
        if above and token.dep_ != "conj" and not _is_untargeted_report(token, above):
            return True
        token = token.head
    return False


def _is_untargeted_report(clause: Token, events: list[Event]) -> bool:
    return clause.dep_ == "ccomp" and not any(_aims_at_actor(event) for event in events)


def _aims_at_actor(event: Event) -> bool:
    """Whether the event's target is an actor or group, not only the thing acted on."""
    return event.target is not None and bool(event.target.code or event.target.actor_key)


def _is_content_of(verb: Token) -> bool:
    """Whether ``verb`` only says what a coded verb is about ("threatened to *attack*"),
    or why ("sent troops *to help* him"), or describes one of its arguments ("the
    hostages *taken* last year", "peacekeepers, who are *deployed* there")."""
    if (
        misparsed_finite(verb)
        or misparsed_predicate(verb)
        or (verb.dep_ in DESCRIBING_CLAUSES and statement_maker(verb.head))
    ):
        # "issued a statement *condemning* the raid": what the statement says
        return False
    if verb.dep_ in DESCRIBING_CLAUSES and not is_free_participle(verb):
        # "the square where hundreds *were protesting*" has its own subject: an event.
        own_subjects = [
            child
            for child in verb.children
            if child.dep_ in SUBJECTS | PASSIVE_SUBJECTS and child.tag_ not in RELATIVE_PRONOUN_TAGS
        ]
        return not own_subjects
    infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and infinitive):
        return code_token(verb.head) is not None
    return False
