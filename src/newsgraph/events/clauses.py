"""Clause structure around a verb: its subject (own or inherited), objects and complements."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.patterns import modality, statement_nouns, stative_participles
from newsgraph.events.phrases import clause_for_stranded_subject, conjuncts

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
RELATIVE_PRONOUN_TAGS = {"WDT", "WP"}
# Clauses that describe a noun rather than tell an event of their own.
DESCRIBING_CLAUSES = {"relcl", "acl", "amod"}
# Clauses whose act the sentence does not tell as its own: an open complement ("was quick
# *to praise*", "the first *to endorse*"), a relative or noun clause that describes ("the leader
# who *met*", "a plan *to sell*"), a preposition's clause ("by *heading*", "after
# *accusing*").
BACKGROUND_CLAUSES = {"xcomp", "relcl", "acl", "pcomp"}
# Arcs of the parse between a verb and its subject's head, from which the subject was found
# through clauses above the verb's own, where the coder most often takes another's doer.
DISTANT_SOURCE_ARCS = 3
# What ends a news story's dateline ("MOSCOW --", "Canberra:", "BEIJING (Reuters) -").
DATELINE_MARKS = {"--", "—", "–", "-", ":", "_"}
# What a dateline is made of: the place, its country, the date, the agency.
DATELINE_ENTITIES = {"GPE", "LOC", "DATE", "ORG"}
DATELINE_PUNCT = {",", "(", ")", "."}
# A dateline is a few words: a place, a country, a date and an agency at most.
DATELINE_MAX_TOKENS = 12
# The part-of-speech tag of a modal auxiliary: "can", "would", "'d", "wo" of "won't".
MODAL_TAG = "MD"


def auxiliary(token: Token) -> str:
    """An auxiliary as its full word: a modal's contraction as the modal it stands for
    ("he*'d*" would, "*wo*n't" will, "*ca*n't" can, "they*'ll*" will); any other as written
    ("'d" before a participle is "had", no modal)."""
    return token.lemma_.lower() if token.tag_ == MODAL_TAG else token.lower_


def is_infinitive(verb: Token) -> bool:
    """A "to" infinitive ("refused *to meet*"), not a participle the parser hung there
    ("reject *proposed* changes")."""
    return verb.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def source_heads(verb: Token) -> list[Token]:
    """Heads of the phrases that act: subject, passive agent, or the governing clause's."""
    if misparsed_finite(verb) or misparsed_predicate(verb):
        return conjuncts(verb.sent.root)
    if is_passive(verb):
        agents = [
            pobj
            for child in verb.children
            if child.dep_ == "agent"
            for pobj in child.children
            if pobj.dep_ == "pobj"
        ]
        return [token for agent in agents for token in conjuncts(agent)]
    # the subject of a stative participle ("forces were engaged in") is a passive one
    stative = verb.lemma_.lower() in stative_participles()
    subjects = SUBJECTS | PASSIVE_SUBJECTS if stative else SUBJECTS
    dateline = dateline_end(verb)
    for child in verb.children:
        if child.dep_ in subjects:
            if child.i < dateline:
                # "Oslo: Norwegian Prime Minister Ola Berg rejected": the parser
                # made the dateline the subject and the actor its apposition
                named = [c for c in child.children if c.dep_ == "appos" and c.i > dateline]
                if named:
                    return conjuncts(named[0])
                continue  # "LIMA -- A Lima court on Friday ruled": the court
            if child.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == "relcl":
                # "adopted a resolution that demands": who adopted it
                maker = statement_maker(verb.head)
                return source_heads(maker) if maker else conjuncts(verb.head)
            return conjuncts(child)
    return _inherited_subjects(verb)


def told_in_background(verb: Token) -> bool:
    """Whether the verb's clause depends on a word that frames it (``BACKGROUND_CLAUSES``):
    what such a clause tells is an attempt, a description or a circumstance, and its doer is
    never its own subject but one the parse passes down. An open complement of a verb of
    doing ("began to criticize", "tried to block": ``action_heads``) is the act itself."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in modality().action_heads:
        return False
    return verb.dep_ in BACKGROUND_CLAUSES


def source_is_distant(verb: Token, heads: list[Token]) -> bool:
    """Whether every one of the verb's ``source_heads`` is ``DISTANT_SOURCE_ARCS`` or more
    arcs of the parse from it: a doer passed down through two clauses or more ("Governor
    Ortiz, commenting on a gunman shooting two officers, said": not the governor)."""
    if stranded_subject(verb) in heads:
        return False  # the verb's own subject, which the parser hung elsewhere
    return bool(heads) and min(_arcs_between(head, verb) for head in heads) >= DISTANT_SOURCE_ARCS


def _arcs_between(first: Token, second: Token) -> int:
    """The length of the parse's path between two tokens of one sentence."""
    up = {token.i: arcs for arcs, token in enumerate([first, *first.ancestors])}
    for arcs, token in enumerate([second, *second.ancestors]):
        if token.i in up:
            return up[token.i] + arcs
    return len(first.sent)


def dateline_end(token: Token) -> int:
    """Where the dateline opening ``token``'s sentence ends (its mark's index), or -1.

    A news story opens with where (and when, and from which agency) it was filed:
    "MANILA, Philippines --", "JUBA, Aug. 9 (Xinhua) --", "Canberra:". The place is no
    participant, though the parser often makes it the subject of the first verb.
    """
    sentence = token.sent
    if sentence[0].ent_type_ not in {"GPE", "LOC"}:
        return -1
    for word in sentence[1:DATELINE_MAX_TOKENS]:
        if word.text in DATELINE_MARKS and not word.ent_type_:
            return word.i
        if not (word.ent_type_ in DATELINE_ENTITIES or word.text in DATELINE_PUNCT):
            return -1
    return -1


def misparsed_finite(verb: Token) -> bool:
    """A past-tense verb the parser took for an adjective in a sentence it left without a
    verb ("Chile's president on Monday *welcomed* Peruvian Prime Minister Ruiz": "president"
    the root, "welcomed" modifying "Minister"): the root is its subject, the noun its object."""
    root = verb.sent.root
    return (
        verb.dep_ == "amod"
        and verb.tag_ == "VBD"
        and root.pos_ in {"PROPN", "NOUN"}
        and root.i < verb.i
    )


def misparsed_predicate(verb: Token) -> bool:
    """A sentence's verb the parser hung on its subject as a participle, leaving the noun
    the root ("The Chadian army *carried out* two raids": "army" the root,
    "carried" describing it). A participle that describes a noun takes no direct object
    ("the forces *deployed* there"); one with an object is the sentence's verb, and the
    root its subject."""
    root = verb.sent.root
    return (
        verb.dep_ == "acl"
        and verb.head == root
        and root.pos_ in {"PROPN", "NOUN"}
        and verb.tag_ in {"VBD", "VBN"}
        and any(child.dep_ == "dobj" for child in verb.children)
    )


def is_passive(verb: Token) -> bool:
    """A passive verb, but not a participle that only says what state the subject is in
    ("the militia was engaged in looting the town": it looted)."""
    if verb.lemma_.lower() in stative_participles():
        return False
    return any(child.dep_ in PASSIVE_SUBJECTS or child.dep_ == "auxpass" for child in verb.children)


def open_complements(verb: Token) -> list[Token]:
    """Open complements and purpose infinitives: "threatened *to attack* Iran", "opened
    fire *to disperse* demonstrators" say what the action is aimed at."""
    return [
        child
        for child in verb.children
        if child.dep_ == "xcomp" or (child.dep_ == "advcl" and is_infinitive(child))
    ]


def objects_of(verb: Token) -> list[Token]:
    """What the verb acts on, for pattern refinement (the subject, in the passive; an
    object predicate the parser made of a lone object, "called *a general strike*"; the
    object of a resultative the parser hung on its adjective, "set *the hostages* free")."""
    dependents = {"dobj", *PASSIVE_SUBJECTS} if is_passive(verb) else {"dobj"}
    found = [c for c in verb.children if c.dep_ in dependents]
    found = found or [c for c in verb.children if c.dep_ == "oprd"]
    return found or result_objects(verb)


def result_objects(verb: Token) -> list[Token]:
    """The object of a resultative that the parser hung on its adjective: "let free *six
    hostages*", "set *the journalists* free"."""
    return [
        c
        for result in verb.children
        if is_result_adjective(result)
        for c in result.children
        if c.dep_ in {"dobj", "nsubj"}
    ]


def is_result_adjective(child: Token) -> bool:
    """An adjective that says the state the verb leaves its object in, a resultative
    ("let the hostages *free*", "set *free* a journalist"), which the parser hangs on the
    verb as a clause: with the verb it means what a phrasal verb does ("set free": release)."""
    return child.pos_ == "ADJ" and child.dep_ in {"ccomp", "advcl", "xcomp", "acomp", "oprd"}


def statement_maker(noun: Token) -> Token | None:
    """The verb that issues ``noun`` when it is a statement ("*issued* a declaration",
    "*released* a statement"): what the statement says is that verb's subject's event."""
    nouns, verbs = statement_nouns()
    if noun.dep_ == "dobj" and noun.lemma_.lower() in nouns and noun.head.lemma_.lower() in verbs:
        return noun.head
    return None


def obliged(clause: Token) -> list[Token]:
    """Who a reported obligation falls on: the clause's subject, or, when that is a
    pronoun, whom the report is addressed to ("told *Sweden* it must extradite")."""
    subjects = source_heads(clause)
    if subjects and all(token.tag_ == "PRP" for token in subjects):
        reporter = reporting_verb(clause)
        # "told *Sweden*", "issued a reminder *to Iraq*" (on the verb or on its statement)
        holders = [reporter, *(c for c in reporter.children if statement_maker(c))]
        addressees = [
            c for c in reporter.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP"
        ]
        addressees += [
            pobj
            for holder in holders
            for c in holder.children
            if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
            for pobj in c.children
            if pobj.dep_ == "pobj"
        ]
        people = [a for a in addressees if a.lemma_.lower() not in statement_nouns()[0]]
        if people:
            return conjuncts(people[0])
    return subjects


def reporting_verb(clause: Token) -> Token:
    """The verb that reports a clause: its head, or the verb issuing the statement
    noun the clause hangs on ("issued a declaration *that* ...")."""
    return statement_maker(clause.head) or clause.head


def makes_statement(verb: Token) -> bool:
    """Whether the verb only issues a statement ("issued a reminder that ...")."""
    return any(statement_maker(child) for child in verb.children if child.dep_ == "dobj")


def _inherited_subjects(verb: Token) -> list[Token]:
    """The subject of a clause without its own: the one it depends on supplies it."""
    head = verb.head
    if head == verb:
        return []
    if stranded := stranded_subject(verb):
        return [stranded, *(c for c in stranded.conjuncts if c.i > stranded.i)]
    if verb.dep_ == "conj":
        if is_passive(head) and not is_passive(verb):
            # "X has been indicted by Y and will resign": X resigns, not Y
            subjects = [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]
            return conjuncts(subjects[0]) if subjects else []
        return source_heads(head)
    if verb.dep_ == "xcomp":
        # "forced the rebels to withdraw": an object before the complement, not one the
        # parser made of a later word ("threatened to deliver blows ..., a weekly *reports*")
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
        if not objects and is_passive(head) and not source_heads(head):
            # "is expected to visit", "was forced to withdraw": who is expected or forced
            objects = [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]
        return conjuncts(objects[0]) if objects else source_heads(head)
    if verb.dep_ == "acomp":  # "is willing to send": the subject of "is"
        return source_heads(head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"ADJ", "VERB"}:
        # "is committed to opening": who is committed
        owner = head.head
        auxiliaries = [c for c in owner.children if c.dep_ in {"aux", "auxpass"}]
        subjects = [
            c
            for word in [owner, *auxiliaries]  # the parser may hang it on "is"
            for c in word.children
            if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS
        ]
        return conjuncts(subjects[0]) if subjects else source_heads(owner)
    if verb.dep_ in DESCRIBING_CLAUSES and (maker := statement_maker(head)):
        return source_heads(maker)
    if verb.dep_ in {"acl", "advcl"} and is_free_participle(verb):
        return _governing_active_subjects(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return conjuncts(head)
    if verb.dep_ == "advcl" and is_reduced_passive(verb):
        return []  # "Asked about the plan, the senator said ...": the senator was asked
    if verb.dep_ == "advcl":
        return source_heads(head)
    return []


def stranded_subject(verb: Token) -> Token | None:
    """The subject the parser joined to the clause before as a conjunct of its object
    ("Russia criticised Ukraine and *China* praised Pakistan"), read back for the verb."""
    start = min((c.i for c in verb.lefts), default=verb.i)
    word = verb.doc[start - 1] if start > 0 else None
    # from the last word before the verb's group up to the head of its noun phrase
    while word is not None and word.dep_ != "conj" and word.i < word.head.i < start:
        word = word.head
    if word is not None and clause_for_stranded_subject(word) == verb:
        return word
    return None


def is_reduced_passive(verb: Token) -> bool:
    """A past participle heading a clause with no subject and no auxiliary of its own
    ("*Asked* about the plan, ...", "*Accused* of fraud, ..."): a passive whose patient is
    the main clause's subject, so the main subject did not do it."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ in SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass"} for c in verb.children
    )


def is_free_participle(verb: Token) -> bool:
    """A participle clause set off by a comma: it tells what the main clause's subject did."""
    previous = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return verb.tag_ == "VBG" and previous is not None and previous.text == ","


def _governing_active_subjects(verb: Token) -> list[Token]:
    """Subjects of the nearest clause above ``verb`` that has an active subject."""
    token = verb.head
    while token.head != token:
        if token.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECTS for c in token.children):
            break
        token = token.head
    subjects = [c for c in token.children if c.dep_ in SUBJECTS]
    return conjuncts(subjects[0]) if subjects else []
