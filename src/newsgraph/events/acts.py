"""Which act a verb names: its pattern, refined by particle, object, complement or purpose."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsgraph.events import codebook
from newsgraph.events.clauses import (
    PASSIVE_SUBJECTS,
    SUBJECTS,
    auxiliary,
    is_infinitive,
    is_passive,
    is_result_adjective,
    makes_statement,
    objects_of,
)
from newsgraph.events.patterns import (
    FORCE_SECTORS,
    VerbPattern,
    default_target_preps,
    event_nouns,
    group_words,
    light_verbs,
    modality,
    occurrence_verbs,
    pattern_only_verbs,
    purpose_roots,
    verb_patterns,
)
from newsgraph.events.senses import used_otherwise
from newsgraph.events.verb_dictionary import dates_only, verb_dictionary

STATE_ENTITIES = {"GPE", "NORP"}
# Entities no one gives back as property: people (released or sent back) and times
# ("return to Geneva *this week*").
UNGIVEN_ENTITIES = {"PERSON", "NORP", "DATE", "TIME", "CARDINAL"}
# A bare statement ("said", "announced") codes no event of its own: its clause does.
STATEMENT_CODES = {"010"}
# The code of a hand-written verb that is no event of its own (verbs.toml ``code = ""``).
NO_EVENT = ""
PROTEST_ROOT = "14"
# Agreements, demands and warnings that can only report a fact ("agreed that the rebellion
# was organised externally", "insisted that ...", "cautioned that ...").
ASSERTABLE_ROOTS = {"03", "10", "13"}
# Forms that only the indicative takes (a subjunctive "that he resign" is tagged VB or VBP).
INDICATIVE_TAGS = {"VBD", "VBZ"}
INDICATIVE_AUXILIARIES = {"had", "has", "have", "was", "were", "is", "are", "did", "does"}
# QuadClasses of material cooperation and conflict: actions, not words.
MATERIAL_QUADS = {2, 4}
MATERIAL_CONFLICT = 4
# What opens an indirect question: a wh-word ("how", "what", "why", "who") or "whether"/"if".
QUESTION_TAGS = {"WDT", "WP", "WP$", "WRB"}
QUESTION_MARKS = {"whether", "if"}
# QuadClasses of words: verbal cooperation and conflict.
VERBAL_QUADS = {1, 3}
# CAMEO roots of asking (02 appeal, 10 demand) and of conflict; an act of conflict asked of
# others against someone rallies opposition against them (113, "Solicit other parties to
# take actions against the recipient").
ASKING_ROOTS = {"02", "10"}
CONFLICT_QUADS = {3, 4}
RALLY_OPPOSITION = "113"
# Adjectives that say who did an act: "is *responsible* for the killings".
RESPONSIBLE_WORDS = {"responsible", "culpable", "guilty"}
# Opening and closing quotation marks as the tagger marks them.
QUOTE_TAGS = {"``", "''"}
# Dependents that hold a quoted clause (the parser hangs some as adverbial clauses).
QUOTED_CLAUSES = {"ccomp", "advcl", "parataxis"}


def code_token(verb: Token) -> tuple[str, VerbPattern] | None:
    """The CAMEO code of a verb in its context, and the pattern that tells its arguments.

    A material action done to protest is a protest, whatever it is ("shunned work *to
    protest* at the settlements", "burned tyres *to protest*"): CAMEO 14 takes every act
    of dissent. Words are not ("urged people *to protest*" is an appeal).
    """
    coded = _code_token(verb)
    assertable = coded and (
        coded[0][:2] in ASSERTABLE_ROOTS
        or (coded[1].bare and codebook.quad_class(coded[0]) in VERBAL_QUADS)
    )
    if assertable and _asserts(verb):
        # "insisted that troops had not entered": a claim, not a demand; "argued that it
        # was the first victim": a verb coded by its block alone that states a fact
        return None
    if sent_for := _dispatch_purpose(verb):
        return sent_for  # "sent personnel to Bosnia to investigate": 090, not 062
    if coded and (purpose := _finer_purpose(verb, coded[0])):
        return purpose, coded[1]  # "reopened the crossing to allow aid in": 0863, not 085
    if coded and (ordered := _ordered_force(verb)):
        # "ordered the newspaper to suspend publication": 1721, whose target is the ordered
        # act's ("ordered the police to arrest the opposition leaders")
        return ordered, replace(coded[1], theme=True)
    if coded is None or codebook.quad_class(coded[0]) not in MATERIAL_QUADS:
        return coded
    if coded[0].startswith(PROTEST_ROOT):
        return coded  # "blocked roads to protest" keeps its obstruction (144)
    for purpose in verb.children:
        if (
            purpose.dep_ in {"advcl", "xcomp"}
            and is_infinitive(purpose)
            and purpose.lemma_.lower() in modality().protest_purposes
            and (protest := _code_token(purpose))
        ):
            return protest[0], coded[1]
    return coded


def _finer_purpose(verb: Token, code: str) -> str | None:
    """The code of a purpose infinitive that says more of the same kind of act: opening a
    crossing (085) *to allow aid in* (0863) is allowing aid."""
    for purpose in verb.children:
        if purpose.dep_ not in {"advcl", "xcomp"} or not is_infinitive(purpose):
            continue
        inner = _code_token(purpose)
        if inner and inner[0][:2] == code[:2] and len(inner[0]) > len(code):
            return inner[0]
    return None


def _dispatch_purpose(verb: Token) -> tuple[str, VerbPattern] | None:
    """The code of the investigation or complaint someone is sent or called for ("sent 21
    personnel to Bosnia *to investigate*", "summoned Niger's ambassador *to complain*"):
    the sending is how it is done, and the sending's arguments are its arguments."""
    rules = modality()
    lemma = verb.lemma_.lower()
    if lemma not in rules.dispatch_heads:
        return None
    for purpose in verb.children:
        if purpose.dep_ not in {"advcl", "xcomp"} or not is_infinitive(purpose):
            continue
        inner = _code_token(purpose)
        if inner and inner[0].startswith(rules.dispatch_purposes):
            pattern = verb_patterns().get(lemma) or VerbPattern(lemma, None, default_target_preps())
            return inner[0], pattern
    return None


def _ordered_force(verb: Token) -> str | None:
    """The code of the force or restriction a command orders ("ordered La Prensa *to
    suspend* publication", "ordered the police *to arrest*", "ordered *airstrikes*
    against"): the commander's own act. A state ordered is only asked ("the UN ordered
    Iraq to destroy its weapons")."""
    if verb.lemma_.lower() not in modality().command_heads:
        return None
    if any(thing.ent_type_ in STATE_ENTITIES for thing in objects_of(verb)):
        return None
    for thing in objects_of(verb):
        code = noun_code(thing, event_nouns())
        if code and codebook.quad_class(code) == MATERIAL_CONFLICT:
            return code
    for child in verb.children:
        inner = _code_token(child) if child.dep_ == "xcomp" and is_infinitive(child) else None
        if inner and codebook.quad_class(inner[0]) == MATERIAL_CONFLICT:
            return inner[0]
    return None


def _asserts(verb: Token) -> bool:
    """Whether the verb's clause states a fact rather than what someone must or will do: a
    demand takes the subjunctive or "must" ("insisted that Israel *withdraw*"), a warning
    the future ("warned that it *would* retaliate"), a claim the indicative ("insisted
    that troops *had not entered*", "cautioned that no date *had been agreed*")."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(
            c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in clause.children
        ):
            continue
        auxiliaries = {auxiliary(c) for c in clause.children if c.dep_ in {"aux", "auxpass"}}
        if auxiliaries & modality().obligation_auxiliaries:
            return False
        return clause.tag_ in INDICATIVE_TAGS or bool(auxiliaries & INDICATIVE_AUXILIARIES)
    return False


def _code_token(verb: Token) -> tuple[str, VerbPattern] | None:
    """The CAMEO code of a verb in its context, and the pattern that tells its arguments.

    The hand-written table (``verbs.toml``) refines first (an object, particle,
    complement or preposition it lists); then a PETRARCH2 pattern whose words the
    phrase has ("lodged a protest"); then the hand-written default; then PETRARCH2's.
    A bare statement ("said", "announced") is no event: what it reports is.
    """
    if verb.pos_ not in {"VERB", "AUX"} or _attributes_quote(verb) or makes_statement(verb):
        return None
    if used_otherwise(verb):
        return None  # "as demonstrated by his departure": shown, not protested
    curated = verb_patterns().get(verb.lemma_.lower())
    refined = refine_verb(verb, curated) if curated else None
    if refined:
        return refined, curated
    rules = modality()
    heads = rules.intent_heads | rules.refusal_heads | rules.action_heads | rules.threat_heads
    if verb.lemma_.lower() in heads and any(
        is_infinitive(child) and (code_token(child) or not (curated and curated.code))
        for child in verb.children
        if child.dep_ == "xcomp"
    ):
        # "plans to attack": the attack is the event, coded as intended; a head of its
        # own ("refused to respond", "vowed to democratize") codes when its action does not
        return None
    if curated is not None and curated.code == NO_EVENT:
        return None  # "both rebellions failed", "faced criticism": no event of its own
    dictionary = verb_dictionary()
    lemma = dictionary.lemma(verb) if verb.pos_ == "VERB" else None
    found = dictionary.match(verb, lemma) if lemma else None
    hand_coded = curated is not None and curated.code is not None
    # "stepped up their war": a pattern of the particle alone ("step up" 060) says only
    # that more is done; what is done is the event its object names
    particle_only = found is not None and found.by_pattern and _particle_only(verb, found.words)
    if particle_only and verb.lemma_.lower() in light_verbs() and (named := _noun_event(verb)):
        return named
    if found and found.by_pattern and not (hand_coded and (found.is_default or found.borrowed)):
        base = curated or VerbPattern(lemma, None, default_target_preps())
        theme = base.theme or _moves_forces(verb, found.words)
        # a pattern whose code is the verb's default ("gone *to* the polls") says no more
        return _told_act(found.code, curated), replace(base, theme=theme, bare=found.is_default)
    if verb.lemma_.lower() in light_verbs() and (named := _noun_event(verb)):
        return named  # "held talks", "launched an attack": the noun is the event
    if curated and curated.code:
        return curated.code, curated
    if found and found.code not in STATEMENT_CODES:
        if not found.by_pattern and lemma in pattern_only_verbs():
            return None  # "has taken the covers off": not one of take's coded senses
        pattern = VerbPattern(lemma, found.code, default_target_preps(), bare=True)
        return found.code, pattern
    if named := _noun_event(verb) or _purpose_event(verb) or _held_responsible(verb):
        return named
    if _is_willing_to(verb):
        code = rules.willing
        return code, VerbPattern(verb.lemma_.lower(), code, default_target_preps())
    return None


def _particle_only(verb: Token, words: frozenset[int]) -> bool:
    """Whether the words a pattern matched are only the verb's particles ("step *up*")."""
    return bool(words) and all(verb.doc[i].dep_ == "prt" for i in words)


def _told_act(code: str, curated: VerbPattern | None) -> str:
    """The verb's own act where a pattern assumed the intent of it: PETRARCH2 codes "meet
    *for talks*" as the intent to meet (036), but "Merkel met Erdogan for talks" met (040).
    Whether the act is still to come is the sentence's to tell (``recode_for_modality``:
    "will meet" is 036 again)."""
    if not curated or not curated.code:
        return code
    for act, intent in modality().intent.items():
        if intent == code and curated.code.startswith(act):
            return curated.code
    return code


def subject_event(verb: Token) -> tuple[str, Token] | None:
    """The event a verb of occurrence says of its subject ("protests *broke out* in
    Tehran", "fighting *continued*"), with that subject: the noun, not the verb, tells
    what happened ("broke out" alone would be fighting)."""
    if verb.lemma_.lower() not in occurrence_verbs() or verb.pos_ != "VERB":
        return None
    for subject in verb.children:
        if subject.dep_ == "nsubj" and (code := noun_code(subject, event_nouns())):
            return code, subject
    return None


def _is_willing_to(verb: Token) -> bool:
    """An action someone says they are ready for ("is willing to send material", "is
    committed to lowering its tariffs"): an intent to cooperate, whatever the action."""
    if verb.pos_ != "VERB":
        return False
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "to":
        head = head.head
    elif verb.dep_ != "xcomp" or not is_infinitive(verb):
        return False
    adjective = head.pos_ == "ADJ" or head.tag_ == "VBN"  # "is prepared to", not "prepared to"
    return adjective and head.lower_ in modality().willing_heads


def _noun_event(verb: Token) -> tuple[str, VerbPattern] | None:
    """The event its object names, for a verb that says nothing itself ("announced a
    suspension of flights to Ghana", "mounted an invasion of the island")."""
    if verb.pos_ != "VERB":
        return None
    for thing in objects_of(verb):
        if code := noun_code(thing, event_nouns()):
            return code, VerbPattern(verb.lemma_.lower(), code, default_target_preps(), theme=True)
    return None


def _purpose_event(verb: Token) -> tuple[str, VerbPattern] | None:
    """The event a verb that codes nothing is done for ("return to Geneva *for talks*",
    "gathered *for a rally*"): a meeting or a protest named after "for"."""
    if verb.pos_ != "VERB" or is_passive(verb):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for noun in prep.children:
            code = noun_code(noun, event_nouns()) if noun.dep_ == "pobj" else None
            if code and code.startswith(purpose_roots()):
                return code, VerbPattern(verb.lemma_.lower(), code, default_target_preps())
    return None


def _held_responsible(verb: Token) -> tuple[str, VerbPattern] | None:
    """The act its subject is said to be responsible for ("the army *is responsible for*
    the killings"): saying who is responsible for an act of force says who did it. Only
    material conflict: "responsible for the talks" organises, it does not meet."""
    if verb.lemma_.lower() != "be":
        return None
    for state in verb.children:
        if state.dep_ != "acomp" or state.lemma_.lower() not in RESPONSIBLE_WORDS:
            continue
        for prep in state.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for noun in prep.children:
                code = noun_code(noun, event_nouns()) if noun.dep_ == "pobj" else None
                if code and codebook.quad_class(code) == MATERIAL_CONFLICT:
                    return code, VerbPattern("be", code, default_target_preps(), theme=True)
    return None


def noun_code(noun: Token, table: dict[str, str]) -> str | None:
    """The code ``table`` gives a noun phrase: its compound with the head ("hunger
    strike", "tear gas"), its head, a modifying noun ("a *mediation* mission"), or what a measure
    word is made of ("a state *of emergency*", "a series of *strikes*")."""
    head = noun.lemma_.lower()
    modifiers = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound"]
    adjectives = [c.lower_ for c in noun.children if c.dep_ == "amod"]  # "*tear* gas"
    for key in [*(f"{m} {head}" for m in modifiers + adjectives), head, *modifiers]:
        if code := table.get(key):
            return code
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for inner in child.children:
                if inner.dep_ == "pobj" and (code := table.get(inner.lemma_.lower())):
                    return code
    return None


def _attributes_quote(verb: Token) -> bool:
    """Whether the verb only says who spoke a direct quotation ('"...," warned X', 'X
    said: "..."'): the quoted clause tells the event, the speech verb none of its own.
    Quotation marks around the verb itself ('"strongly condemned"') are no quotation."""
    marks = [c for c in verb.children if c.dep_ == "punct" and c.tag_ in QUOTE_TAGS]
    clauses = [c for c in verb.children if c.dep_ in QUOTED_CLAUSES]
    closed_before = any(m.tag_ == "''" and m.i < verb.i for m in marks) and any(
        c.i < verb.i for c in clauses
    )
    opened_after = any(m.tag_ == "``" and m.i > verb.i for m in marks) and any(
        c.i > verb.i for c in clauses
    )
    return closed_before or opened_after


def _moves_forces(verb: Token, pattern_words: frozenset[int]) -> bool:
    """Whether the pattern's object is armed forces being moved ("deployed troops"):
    then they are what is acted with, and the target lies elsewhere."""
    sectors = group_words().sectors
    return any(
        thing.i in pattern_words and sectors.get(thing.lemma_.lower()) in FORCE_SECTORS
        for thing in objects_of(verb)
    )


def refine_verb(verb: Token, pattern: VerbPattern) -> str | None:
    """The code of a particle, object, complement, preposition or clause the pattern lists."""
    if _rallies_opposition(verb, pattern):
        return RALLY_OPPOSITION
    particles = [child.lower_ for child in verb.children if _is_particle(child)]
    for particle in particles:
        for thing in [*objects_of(verb), *_out_of(verb)]:
            if code := pattern.objects.get(f"{particle} {thing.lemma_.lower()}"):
                return code
    for particle in particles:
        if code := pattern.particles.get(particle):
            return code
    for thing in objects_of(verb):
        if code := noun_code(thing, pattern.objects):
            return code
    for child in verb.children:
        if child.dep_ == "xcomp" and (code := pattern.xcomps.get(child.lemma_.lower())):
            return code
    if pattern.recipient and _given_to_someone(verb):
        return pattern.recipient
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in pattern.preps or dates_only(child):
            continue
        # what it is for, as an object would say it: "asked *for aid*" (023), "placed
        # *under house arrest*" (173, where "under" alone codes nothing)
        asked = [noun_code(c, pattern.objects) for c in child.children if c.dep_ == "pobj"]
        if code := next((c for c in asked if c), pattern.preps[child.lower_]):
            return code
    if pattern.clause and any(
        child.dep_ == "ccomp" and not _is_question(child) for child in verb.children
    ):
        return pattern.clause
    if pattern.complement and any(
        child.dep_ == "xcomp" and is_infinitive(child) for child in verb.children
    ):
        return pattern.complement
    return None


def _rallies_opposition(verb: Token, pattern: VerbPattern) -> bool:
    """Whether the verb asks for an act of conflict against someone ("called *for
    sanctions against* Turkey", "urged *attacks against* the rebels"): whoever is asked,
    the one it is against is the target of a rallied opposition (CAMEO 113), not of a plea."""
    asked = list(objects_of(verb)) if (pattern.code or "")[:2] in ASKING_ROOTS else []
    for child in verb.children:
        if child.dep_ == "prep" and pattern.preps.get(child.lower_, "")[:2] in ASKING_ROOTS:
            asked += [c for c in child.children if c.dep_ == "pobj"]
    for thing in asked:
        code = noun_code(thing, event_nouns())
        against = any(c.dep_ == "prep" and c.lower_ == "against" for c in thing.children)
        if code and against and codebook.quad_class(code) in CONFLICT_QUADS:
            return True
    return False


def _given_to_someone(verb: Token) -> bool:
    """Whether the verb hands a thing to someone: an object that is no person or pronoun
    ("returned *two paintings* to Brazil", not "returned *them*", "returned *home*" nor
    "returned *the migrants*") and a "to" phrase for whom it goes to. An object a comma
    sets off after the verb is none ("return to Geneva this week, *an issue* likely to ...":
    an aside the parser hung there)."""
    people = group_words().sectors
    things = [
        thing
        for thing in objects_of(verb)
        if thing.pos_ in {"NOUN", "PROPN"}
        and thing.ent_type_ not in UNGIVEN_ENTITIES
        and thing.lemma_.lower() not in people
        and not any(token.text == "," for token in verb.doc[verb.i : thing.left_edge.i])
    ]
    recipient = any(c.dep_ in {"prep", "dative"} and c.lower_ == "to" for c in verb.children)
    return bool(things) and recipient


def _is_particle(child: Token) -> bool:
    """A verb's particle, also one the parser made the head of a compound preposition
    ("pulled *out* of Gaza", "forced residents *out* of their homes") and a resultative
    adjective, which makes a phrasal verb as a particle does ("set *free*")."""
    return (
        child.dep_ == "prt"
        or is_result_adjective(child)
        or (
            child.dep_ == "prep"
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in child.children)
        )
    )


def _out_of(verb: Token) -> list[Token]:
    """What a verb's compound particle takes the act out of: "pulled out *of the talks*"."""
    return [
        pobj
        for child in verb.children
        if child.dep_ == "prep"
        for of in child.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for pobj in of.children
        if pobj.dep_ == "pobj"
    ]


def _is_question(clause: Token) -> bool:
    """Whether a clause complement is an indirect question ("asked Lopez *how voters
    should see it*", "*whether* she would run"): asking one is no appeal."""
    first = clause.left_edge
    return first.tag_ in QUESTION_TAGS or first.lower_ in QUESTION_MARKS
