"""Readings of a coded act that change whether it happened, what it is or whom it is done
to, from the words around the verb and from who the sides are (``readings.toml``).

"too small *to provide* aid" and "has yet *to recognize*" tell an act not done; "*If* Smith
wins, he offers Jones a seat" and "Smith *would* invite Jones" only suppose one; politicians
"attacking" one another attack in words (CAMEO 111); "met tough Russian standards" names no
partner to meet, only a thing a country owns. Each is a fact about English or about the
CAMEO codebook, not about one sentence.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.events import codebook
from newsgraph.events.acts import QUOTE_TAGS, noun_code
from newsgraph.events.clauses import auxiliary, is_infinitive, reporting_verb
from newsgraph.events.patterns import event_nouns, group_words
from newsgraph.events.phrases import phrase
from newsgraph.records import ActorRef, Event

if TYPE_CHECKING:
    from newsgraph.actors import ActorIndex
    from newsgraph.events.arguments import ArgumentResolver

# Clauses and phrases whose act is supposed when what they hang on is: "Smith would come
# *and sign*", "*By inviting* Jones, Smith would show", "would travel *to meet*".
CARRIED = {"xcomp", "advcl", "conj", "pcomp", "prep", "acl"}
SUPPOSE_REACH = 4
# Where an argument of the verb is named: its object, recipient, passive subject, and
# the objects of its prepositions.
ARGUMENT_DEPS = {"dobj", "dative", "nsubjpass", "attr"}
# The prepositions that introduce whom an appeal is made to: "called on", "appealed to".
ADDRESSEE_PREPS = {"on", "upon", "to"}
NAME_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
VERBAL_COOPERATION = 1
MATERIAL_CONFLICT = 4
# Who an event noun is said to be done by: "*Trump's* attack", "the *Trump* attack", and
# a people's adjective: "the *Chinese* attack".
OWNER_DEPS = {"poss", "compound"}
DEMONYM_DEP, DEMONYM_ENTITY = "amod", "NORP"
# The simple present, of a verb in a relative clause: what holds of the noun it describes.
PRESENT_TAGS = {"VBZ", "VBP"}
# A gerund or a bare infinitive: a verb with no tense of its own ("plans *confiscating*").
UNTENSED_TAGS = {"VBG", "VB"}


@cache
def _rules() -> dict:
    path = resources.files("newsgraph") / "data" / "events" / "readings.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def not_reached(verb: Token) -> bool:
    """Whether an infinitive's act is said not to be reached: "are too small *to provide*
    aid", "has yet *to recognize* the government"."""
    if verb.dep_ != "xcomp" or not is_infinitive(verb):
        return False
    rules = _rules()["not_reached"]
    return any(
        c.dep_ == "advmod"
        and c.lower_ in rules["adverbs"]
        and not (c.i > 0 and c.doc[c.i - 1].lower_ in rules["intensified"])  # "only too happy"
        for c in verb.head.children
    )


def alleged(verb: Token) -> bool:
    """Whether the act is only what an allegation, claim or rumour says ("denied
    *allegations that* its troops had crossed the border")."""
    nouns = _rules()["alleged"]["nouns"]
    token = verb
    for _ in range(SUPPOSE_REACH):
        head = token.head
        if head == token:
            return False
        if token.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN" and head.lemma_.lower() in nouns:
            return True
        if token.dep_ not in CARRIED:
            return False
        token = head
    return False


def only_supposed(verb: Token, resolver: ArgumentResolver) -> bool:
    """Whether the writer only supposes the act: a conditional auxiliary or an "if"
    clause on the verb or on what its clause hangs on, outside any reported clause
    ("said it would invite" is a statement of intent, coded as one), or what a speaker
    predicts another will do."""
    if _predicted_of_another(verb, resolver):
        return True
    rules = _rules()["supposed"]
    token = verb
    found = False
    for _ in range(SUPPOSE_REACH):
        found = found or any(
            c.dep_ == "aux" and auxiliary(c) in rules["auxiliaries"] for c in token.children
        )
        if token.dep_ in rules["reported"]:
            return False
        if token.dep_ not in CARRIED or token.head == token:
            break
        token = token.head
    while token.head != token:  # a report further up makes it the reporter's
        if token.dep_ in rules["reported"]:
            return False
        token = token.head
    # "If Smith wins, he offers": a condition before the verb, wherever the parser hung it
    found = found or any(
        mark.dep_ == "mark"
        and mark.lower_ in rules["conditions"]
        and mark.head.dep_ == "advcl"
        and mark.head.i < verb.i
        for mark in verb.doc[verb.left_edge.i : verb.i]
    )
    if not found or any(c.dep_ == "parataxis" for c in token.children):
        return False
    return not any(t.tag_ in QUOTE_TAGS for t in verb.sent)  # '"We would ...," he said'


def not_told_as_done(verb: Token) -> bool:
    """Whether the sentence never tells the act as done, whoever reports it: under a modal
    perfect ("would have objected to Ukraine *opening* an inquiry"), in the condition of
    another act ("*unless* Israel *ends* its occupation", "confiscating money *until*
    Mexico *agreed*"), as what is talked about ("told reporters *about extending* his
    support") or as what a noun's relative clause holds of it ("the benefits *that Mexico
    provides*")."""
    return _counterfactual(verb) or _in_condition(verb) or _topic(verb) or _standing(verb)


def _standing(verb: Token) -> bool:
    """Whether the verb says in the simple present what a noun's relative clause holds of
    it, a standing state, not an occurrence: "the grain *that Ukraine sells* to
    Egypt", "the rebels who *fight* the army"."""
    return (
        verb.dep_ == "relcl"
        and verb.tag_ in PRESENT_TAGS
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _counterfactual(verb: Token) -> bool:
    rules = _rules()["counterfactual"]
    token = verb
    for _ in range(SUPPOSE_REACH + 1):
        auxiliaries = {auxiliary(c) for c in token.children if c.dep_ == "aux"}
        if (
            token.tag_ == "VBN"
            and auxiliaries & set(rules["modals"])
            and auxiliaries & set(rules["perfect"])
        ):
            return True
        if token.dep_ not in CARRIED | {"ccomp"} or token.head == token:
            return False
        token = token.head
    return False


def _in_condition(verb: Token) -> bool:
    rules = _rules()["condition"]
    clause = verb.head if verb.dep_ == "conj" else verb  # "unless Israel ends X and *frees* Y"
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if marks & set(rules["always"]):
        return True
    if not marks & set(rules["bounding"]) or clause.dep_ != "advcl":
        return False
    bounded = clause.head
    auxiliaries = {auxiliary(c) for c in bounded.children if c.dep_ == "aux"}
    untensed = bounded.tag_ in UNTENSED_TAGS and bounded.dep_ != "ROOT"
    return untensed or bool(auxiliaries & set(rules["future"]))


def _topic(verb: Token) -> bool:
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ in _rules()["topic"]["preps"]
    )


def read_target(aimed: str, verb: Token, code: str, stated: str, target: ActorRef) -> str:
    """The kind of target (events/confidence.py) once the sentence is read: ``aimed`` as
    the sides gave it, made ``owned``, ``related``, ``aside`` or ``thing`` where the named
    target is not who the act was done to, or ``host`` where a place abroad is the state a
    meeting visits. ``stated`` is the verb's own code, ``code``
    the one the sentence gave it."""
    if aimed == "named" and _names_only_owner(verb, stated, target):
        aimed = "owned"  # "met tough Russian standards": no partner named
    elif aimed == "named" and _related_only(verb, target):
        aimed = "related"  # "backs American adversaries": not America
    if aimed in {"named", "place"} and _partner_aside(verb, code, target):
        aimed = "aside"  # "met to end the shelling of Mosul": not Iraq met
    if aimed == "named" and _names_what_is_needed(verb, code, target):
        aimed = "aside"  # "stressed the need for a commitment to Israel"
    if aimed in {"named", "implied"} and _beyond_an_owner(verb, target):
        aimed = "aside"  # "endorsed the secretary of state's bid for the White House"
    if aimed in {"named", "implied"} and _inside_the_addressees_act(verb, target):
        aimed = "aside"  # "urged voters to back Ortiz": an appeal to the voters
    if aimed in {"named", "implied", "assumed"} and _meets_a_thing(verb, code):
        aimed = "thing"  # "met stiff resistance from the far right"
    if aimed in {"named", "implied"} and _backs_own_thing(verb, code):
        aimed = "owned"  # "defended his record against the Islamic State"
    if aimed == "place" and _is_meeting(code):
        aimed = "host"  # "met in Geneva": a visit to Switzerland, as CAMEO codes it
    return aimed


def _related_only(verb: Token, target: ActorRef) -> bool:
    """Whether the target is coded from the actor that the noun naming it relates to, not
    from the actor it names: "Russia's *allies*" are not Russia, "backs *American
    adversaries*" is not backing America."""
    rules = _rules()["relation"]
    for token in _arguments(verb):
        if phrase(token).text != target.text:
            continue
        lemma = token.lemma_.lower()
        if token.ent_type_ in NAME_ENTITIES or lemma not in rules["owned"]:
            return False
        owners = [c for c in token.children if c.dep_ == "poss"]
        if lemma in rules["modified"]:
            owners += [c for c in token.children if c.dep_ in {"amod", "compound"}]
        return any(owner.ent_type_ in NAME_ENTITIES or owner.pos_ == "PRON" for owner in owners)
    return False


def anothers_act(verb: Token, code: str, source: ActorRef, resolver: ArgumentResolver) -> bool:
    """Whether the act is only the event the verb's object names, and that event is
    another actor's: "Grassley *downplayed Trump's attack*" is no attack of Grassley's (an
    event's owner is its agent, as in "agreed to *US* mediation"), nor is one named
    ("was reluctant to *call the attack* terrorism")."""
    naming = _rules()["naming"]
    for thing in (c for c in verb.children if c.dep_ == "dobj"):
        if noun_code(thing, event_nouns()) != code:
            continue
        if verb.lemma_.lower() in naming["verbs"] and (
            any(c.dep_ == "oprd" for c in verb.children)
            or any(c.dep_ == "det" and c.lower_ in naming["definite"] for c in thing.children)
        ):
            return True  # "called *the attack* terrorism": an event named, not done
        owners = [
            c
            for c in thing.children
            if c.dep_ in OWNER_DEPS or (c.dep_ == DEMONYM_DEP and c.ent_type_ == DEMONYM_ENTITY)
        ]
        refs = [ref for owner in owners if (ref := resolver.resolve(owner)) is not None]
        if any(not _same_actor(ref, source) for ref in refs):
            return True
        if owners and not refs:
            # The owner words together: "Donald Trump‘s attack", where a quote for "'"
            # leaves "Donald" and "Trump‘s" two modifiers of the noun, neither a name alone
            start = min(owner.left_edge.idx for owner in owners)
            end = max(owner.idx + len(owner.text) for owner in owners)
            named = resolver.actors.mentions_in(start, end)
            if any(m.actor_key != source.actor_key for m in named):
                return True
            if not named and _names_another(owners, source):
                return True  # a name no actor stands for is still someone else's
    return False


def _names_another(owners: list[Token], source: ActorRef) -> bool:
    """Whether the owner words hold a proper name that the source's words do not."""
    names = {t.lower_ for owner in owners for t in owner.subtree if t.pos_ == "PROPN"}
    return bool(names) and not names & set(source.text.lower().split())


def _same_actor(one: ActorRef, other: ActorRef) -> bool:
    if one.actor_key and other.actor_key:
        return one.actor_key == other.actor_key
    return one.code == other.code or one.text == other.text


def _is_meeting(code: str) -> bool:
    """Whether a CAMEO code is a meeting's (``readings.toml`` ``[meeting]``)."""
    return code.startswith(tuple(_rules()["meeting"]["roots"]))


def _meets_a_thing(verb: Token, code: str) -> bool:
    """Whether a verb coded as a meeting has a thing for its object, which no one meets:
    "is *meeting stiff resistance* from the far right", "*met the deadline*". Whoever a
    preposition names is then not met."""
    if not _is_meeting(code):
        return False
    for thing in (c for c in verb.children if c.dep_ == "dobj"):
        told = noun_code(thing, event_nouns())
        if told is not None and _is_meeting(told):
            continue  # "held talks", "met for a meeting"
        if thing.ent_type_ not in NAME_ENTITIES and (told is not None or _is_thing(thing)):
            return True
    return False


def _backs_own_thing(verb: Token, code: str) -> bool:
    """Whether words of cooperation (support, praise, defence) are said of the source's
    own thing ("defended *his record* against the Islamic State", "defend *his praise*
    of Putin"): they back no one else, so whoever a preposition names is not their
    partner. A material act with one's own thing has one ("sold *its* gas to China")."""
    if codebook.quad_class(code) != VERBAL_COOPERATION:
        return False
    return any(
        thing.dep_ == "dobj"
        and _is_thing(thing)
        and any(c.dep_ == "poss" and c.lower_ in _rules()["own"]["owners"] for c in thing.children)
        for thing in verb.children
    )


def private_travel(code: str, source: ActorRef) -> bool:
    """Whether a meeting, visit or intent to meet is a journey of private people
    ("thousands of migrants *are coming to* the United States"): CAMEO's consultations
    are between political actors, and people travelling make none."""
    rules = _rules()["travel"]
    return code.startswith(tuple(rules["codes"])) and _sector(source) in rules["sectors"]


def with_the_press(code: str, source: ActorRef, target: ActorRef | None) -> bool:
    """Whether a statement, appeal, intent or consultation has a news outlet on either
    side ("told CNN", "Politico asked Clinton"): a report or an interview."""
    rules = _rules()["press"]
    sectors = {_sector(source), _sector(target) if target is not None else None}
    return code.startswith(tuple(rules["codes"])) and bool(sectors & set(rules["sectors"]))


def _sector(side: ActorRef) -> str | None:
    """A side's sector, or the one its code gives ("USAMED": a news outlet)."""
    return side.sector or (side.code[3:6] if side.code and len(side.code) >= 6 else None)


def campaign_rally(code: str, source: ActorRef, aimed: str) -> bool:
    """Whether a rally is a politician's own at home ("the senator *held a rally* in
    Ohio"), aimed at no one: a campaign event, not the dissent CAMEO 141 codes, which is
    against someone ("rallied against the trade deal with China" still is)."""
    rules = _rules()["rally"]
    return (
        code.startswith(tuple(rules["codes"]))
        and source.sector in rules["sectors"]
        and aimed in rules["targets"]
    )


def by_accident(verb: Token, code: str) -> bool:
    """Whether a killing or a destruction is told of an accident or a disaster ("were
    killed *in a helicopter crash*", "an *earthquake* killed ten"): no one's act of force,
    which CAMEO codes."""
    if codebook.quad_class(code) != MATERIAL_CONFLICT:
        return False
    rules = _rules()["accident"]
    causes = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
    causes += [
        noun
        for prep in verb.children
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in rules["preps"]
        for noun in prep.children
        if noun.dep_ == "pobj"
    ]
    return any(cause.lemma_.lower() in rules["nouns"] for cause in causes)


def _partner_aside(verb: Token, code: str, target: ActorRef) -> bool:
    """Whether a meeting's target is named only inside a clause of its own ("met *to
    halt the bombing of Aleppo*", "met in an effort *to end the war in Syria*"): what a
    meeting is for is not whom it meets (``readings.toml`` ``[meeting]``)."""
    if not _is_meeting(code):
        return False
    found = _target_words(verb, target)
    return bool(found) and all(_under_another_verb(t, verb) for t in found)


def _names_what_is_needed(verb: Token, code: str, target: ActorRef) -> bool:
    """Whether an appeal's or demand's target is named only inside what it says is
    needed ("emphasized *the need for a commitment to Israel*": Israel is not asked; "the
    need *for Greece* to cut its debt" asks Greece)."""
    rules = _rules()["need"]
    if not code.startswith(tuple(rules["roots"])):
        return False
    found = _target_words(verb, target)
    return bool(found) and all(_inside_a_needed_thing(t, verb, rules["nouns"]) for t in found)


def _beyond_an_owner(verb: Token, target: ActorRef) -> bool:
    """Whether the target is named inside an object that belongs to someone else, who
    could not be coded: "endorsed *the former secretary of state's* bid *for the White
    House*" endorses the secretary, not the White House (an owner coded is the target
    itself: "denounced *Japan's* decision")."""
    for thing in (c for c in verb.children if c.dep_ == "dobj"):
        owners = [c for c in thing.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if not owners:
            continue
        owned = {t.i for owner in owners for t in owner.subtree}
        inside = [
            t
            for t in thing.subtree
            if t.i != thing.i and t.i not in owned and phrase(t).text == target.text
        ]
        if inside:
            return True
    return False


def _inside_the_addressees_act(verb: Token, target: ActorRef) -> bool:
    """Whether the target is named only inside what the verb's object or addressee is
    urged, asked or told to do: "urged voters *to back Ortiz*", "called on his followers
    *to protest against Ortiz*" are appeals to the voters and the followers; Ortiz is what
    their own act would be aimed at."""
    addressed = any(
        c.dep_ == "dobj"
        or (
            c.dep_ == "prep"
            and c.lower_ in ADDRESSEE_PREPS
            and any(g.dep_ == "pobj" for g in c.children)
        )
        for c in verb.children
    )
    if not addressed:
        return False
    inside = {t.i for c in verb.children if c.dep_ == "xcomp" for t in c.subtree}
    return any(word.i in inside for word in _target_words(verb, target))


def _target_words(verb: Token, target: ActorRef) -> list[Token]:
    """The words below ``verb`` whose phrase is the target's."""
    return [
        t
        for t in verb.subtree
        # a word's own text is in its phrase's: the cheap test first, in a long sentence
        if t.i != verb.i and t.text in target.text and phrase(t).text == target.text
    ]


def _heads_below(token: Token, verb: Token) -> Iterator[Token]:
    """The heads between ``token`` and ``verb``, nearest first (up to the sentence's
    root, when ``verb`` is not above it)."""
    head = token.head
    while head.i != verb.i and head.head.i != head.i:
        yield head
        head = head.head


def _inside_a_needed_thing(token: Token, verb: Token, needs: list[str]) -> bool:
    things = 0  # nouns between the target and the need: what is needed
    for head in _heads_below(token, verb):
        if head.pos_ == "NOUN" and head.lemma_.lower() in needs:
            return things > 0
        things += head.pos_ == "NOUN"
    return False


def _under_another_verb(token: Token, verb: Token) -> bool:
    return any(head.pos_ in {"VERB", "AUX"} for head in _heads_below(token, verb))


def _predicted_of_another(verb: Token, resolver: ArgumentResolver) -> bool:
    """Whether the verb is what someone says, fears or predicts another will do
    ("Trump predicted that China *would invade* Taiwan"); a government announcing what
    its own leader will do speaks for its side ("the Kremlin said Putin would meet")."""
    rules = _rules()["predicted"]
    if verb.dep_ != "ccomp" or not any(
        c.dep_ == "aux" and auxiliary(c) in rules["auxiliaries"] for c in verb.children
    ):
        return False
    reporter = reporting_verb(verb)
    if reporter.i > verb.i or reporter.lemma_.lower() not in rules["reporters"]:
        return False  # "Fischer will visit Albania, officials said": the news, sourced
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    speakers = [c for c in reporter.children if c.dep_ == "nsubj"]
    sides = {_country(resolver.resolve(c)) for c in speakers} - {None}
    return bool(subjects) and all(
        c.pos_ != "PRON"
        and phrase(c).text.lower() not in {phrase(s).text.lower() for s in speakers}
        and _country(resolver.resolve(c)) not in sides
        for c in subjects
    )


def _country(ref: ActorRef | None) -> str | None:
    return ref.code[:3] if ref is not None and ref.code and len(ref.code) >= 3 else None


def verbal_force(
    code: str, verb: Token, source: ActorRef, target: ActorRef | None, actors: ActorIndex
) -> str:
    """The code of an act of force between two politicians, or between a politician and
    a news outlet, or by lawmakers, parties, the opposition or the elite, who command no
    force, which is criticism (CAMEO 111): "Cruz attacked Trump", "fired back at Trump",
    "launched an attack against Obama", "Trump attacked CNN", "Sanders's allies mounted an
    attack on private equity firms"; else ``code``."""
    rules = _rules()["verbal_force"]
    if target is None or not code.startswith(tuple(rules["codes"])):
        return code
    politicians = [_is_politician(side, actors, rules) for side in (source, target)]
    press = [_sector(side) in rules["press"] for side in (source, target)]
    unarmed_source = _sector(source) in rules["unarmed"]
    between_talkers = all(p or m for p, m in zip(politicians, press, strict=True))
    if not unarmed_source and not (between_talkers and any(politicians)):
        return code
    words = {verb.lemma_.lower()}
    words |= {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
    return rules["code"] if words & set(rules["words"]) else code


def political_contest(verb: Token, events: list[Event], actors: ActorIndex) -> bool:
    """Whether the verb tells politicians defeating one another ("Trump *defeated* Cruz
    in Indiana"): an election, no event."""
    if verb.lemma_.lower() not in _rules()["contest"]["words"]:
        return False
    sectors = _rules()["verbal_force"]["sectors"]
    return all(
        event.target is not None
        and all(_is_person(side, actors) for side in (event.source, event.target))
        and {event.source.sector, event.target.sector} <= set(sectors)
        for event in events
    )


def _is_politician(side: ActorRef, actors: ActorIndex, rules: dict) -> bool:
    return _is_person(side, actors) and side.sector in rules["sectors"]


def _is_person(side: ActorRef, actors: ActorIndex) -> bool:
    return side.actor_key in actors.actors and actors.actor(side.actor_key).type == "person"


def _names_only_owner(verb: Token, code: str, target: ActorRef) -> bool:
    """Whether the target was found only as the owner of a thing the act is done to or
    with ("settling a dispute at *Mr. Obama's request*", "meet tough *Russian* standards"),
    for an act that needs a partner rather than something to answer (``owner_target``),
    or is an occasion ("pledged at the UN *Summit*")."""
    rules = _rules()["owner_target"]
    for token in _arguments(verb):
        if phrase(token).text != target.text:
            continue
        if _of_a_kind(token):
            return True  # "supports *Hillary-style* healthcare": a kind, whatever the act
        answers = code.startswith(tuple(rules["stands_for"]))  # "boycotted the elections"
        return not answers and (token.lemma_.lower() in rules["occasions"] or _is_thing(token))
    return False


def _is_thing(token: Token) -> bool:
    """A common noun that names no actor: no name, group, government or actor noun, and
    no event, whose owner is its agent ("agreed to *US mediation*")."""
    words = group_words()
    lemma = token.lemma_.lower()
    return (
        token.pos_ == "NOUN"
        and token.ent_type_ not in NAME_ENTITIES
        and lemma not in words.sectors
        and lemma not in words.government
        and lemma not in _rules()["owner_target"]["actor_nouns"]
        and noun_code(token, event_nouns()) is None
    )


def _in_ceremony(verb: Token) -> bool:
    """Whether the verb marches in a parade or a ceremony ("marched in the Pride
    *parade*"), which celebrates or mourns rather than protests."""
    rules = _rules()["ceremony"]
    return verb.lemma_.lower() in rules["verbs"] and any(
        noun.dep_ == "pobj" and noun.lemma_.lower() in rules["nouns"]
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in rules["preps"]
        for noun in prep.children
    )


def _of_a_kind(thing: Token) -> bool:
    """Whether a compound modifier of ``thing`` is a kind ("Hillary-style")."""
    kinds = _rules()["owner_target"]["kinds"]
    return any(
        t.lower_ in kinds and t.i > 0 and t.doc[t.i - 1].tag_ == "HYPH"
        for t in thing.subtree
        if t.i < thing.i
    )


def describes_only(verb: Token) -> bool:
    """Whether the verb only says what its subject is or presents ("*posed* a threat"),
    or tells of an event it names ("*recalled* the meeting"), so that the event noun it
    takes is no act of its subject; or it marches in a parade, which is no protest."""
    rules = _rules()["being"]
    lemma = verb.lemma_.lower()
    if _in_ceremony(verb):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in rules["verbs"]:
        return bool(objects)
    return lemma in rules["telling"] and any(
        noun_code(thing, event_nouns()) is not None for thing in objects
    )


def _arguments(verb: Token) -> list[Token]:
    heads = [c for c in verb.children if c.dep_ in ARGUMENT_DEPS]
    for prep in verb.children:
        if prep.dep_ in {"prep", "dative"}:
            heads += [c for c in prep.children if c.dep_ == "pobj"]
    return heads
