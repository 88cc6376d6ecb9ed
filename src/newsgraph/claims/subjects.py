"""What a number measures: the words of its subject, as the parse gives them.

A count's subject is the noun it counts, with what they did or had done to them ("people
killed", "loss of jobs"); a value that modifies a noun measures that noun ("a $5 billion
loan"); one that completes a verb measures the verb's subject ("the Kazakh population
topped 68 percent"), told as a change when the verb is one ("exports fell"). Whose it is
is the holder's to say (holders.py); extract.py reads the claim around it.
"""

from __future__ import annotations

from collections.abc import Iterable

from lemminflect import getInflection
from spacy.tokens import Span, Token

from newsgraph.claims.holders import holder_words
from newsgraph.claims.numbers import (
    compound_head,
    compound_start,
    number_words,
    others_are_people,
)
from newsgraph.claims.phrases import (
    OF,
    SUBJECTS,
    Subject,
    clause_of,
    clause_subject,
    counted_of,
    is_cut_short,
    noun_phrase,
    part_that,
    verb_with_particle,
)

# Roles in which a value completes a verb ("topped 68 percent", "was 19 percent").
VERB_COMPLEMENTS = {"dobj", "attr", "npadvmod", "acomp", "oprd", "advmod", "pobj", "nsubj"}
# Prepositions whose object says how much something changed: "raised inflation by 3%".
CHANGE_PREPOSITIONS = {"by", "to", "from"}
# The most words of what a counted subject did that its subject takes ("cast a vote",
# "became newly eligible for drought relief"), and of a clause that tells who they are ("living
# abroad"); longer ones are left out, as a parse that runs on would be.
MAX_OBJECT_WORDS = 9
# An agent read into a subject ("people killed *by the quake*") is a short noun phrase.
MAX_AGENT_WORDS = 5
# Entity labels of names that say who: a person, a body or a people; with a country's,
# those a holder takes (holders.py), never read into a subject.
WHO_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
ACTOR_ENTITIES = WHO_ENTITIES | {"GPE"}
DETERMINERS = frozenset({"det", "poss", "nummod"})
BREAKS = frozenset({"--", "—", "–", ":", ";", "(", ")"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MAX_CLAUSE_WORDS = 6
# The Penn tags of a past participle and a past tense, the forms lemminflect gives.
PAST_PARTICIPLE = "VBN"
PAST_TENSE = "VBD"
# Clauses on a counted noun that say which of them are counted: "citizens *living
# abroad*", "workers *who lost their jobs*".
NOUN_CLAUSES = frozenset({"acl", "relcl"})
# Penn tags of plural nouns: only a bare plural joins the noun a count is of.
PLURAL_NOUNS = frozenset({"NNS", "NNPS"})
# An infinitive on the noun says what they are for, not which they are ("votes *to win*").
INFINITIVE_TAGS = frozenset({"VB"})
# Phrases that complete what a counted subject did: an object, a preposition's phrase, an
# adjective ("were left dead").
COMPLEMENTS = frozenset({"dobj", "prep", "agent", "acomp", "oprd", "xcomp"})


def measured_subject(entity: Span) -> Subject | None:
    """What the number measures, as words of the text with the word they hang on; None
    when the parse does not say. A share that does something is read before, by
    ``share_of_whole`` ("32 percent of voters opposed the tax": the voters that opposed it)."""
    if entity.label_ == "CARDINAL":
        return _counted(entity)
    root = entity.root
    measured = counted_of(root)
    if entity.label_ == "QUANTITY" and measured is not None and measured.pos_ == "NOUN":
        return _noun_subject(measured)  # "3.7 million tonnes of wheat": the wheat
    head = root.head
    while (head.pos_ in {"ADJ", "ADV"} or head.dep_ == "amod") and head.head != head:
        head = head.head
    if root.dep_ in {"nummod", "compound", "amod", "npadvmod", "nmod", "quantmod"} and (
        head.pos_ in {"NOUN", "PROPN"}
    ):
        noun = _modified_noun(head)
        kept = OF
        if noun.lemma_.lower() in number_words().changes:
            kept = OF | {"in"}  # "a 5 percent increase in wages"
        elif entity.label_ == "PERCENT":
            kept = OF | {"among"}  # "34 percent support among women": whose share
        phrase = noun_phrase(noun, kept)
        # "a $5 billion loan", "34 percent support": the subject is what follows the value.
        if phrase.start < entity.end and entity.start < phrase.end:
            phrase = phrase.doc[max(entity.end, phrase.start) : phrase.end]
        return Subject(phrase.text, noun) if phrase.text else None
    if root.dep_ == "pobj":
        preposition = head
        governor = preposition.head
        if governor.pos_ in {"NOUN", "PROPN"}:
            return _noun_subject(governor)
        if preposition.lower_ in CHANGE_PREPOSITIONS:
            changed = [c for c in governor.children if c.dep_ == "dobj"]
            if changed:
                return _as_change(_noun_subject(changed[0]), governor, preposition)
        return _as_change(subject_of(governor), governor, preposition)
    if root.dep_ in VERB_COMPLEMENTS:
        direction = root.head if root.head.lower_ in number_words().directions else None
        subject = subject_of(head)
        # "shares up"; a subject that ends in no word ("GBP=") stays so, for the confidence
        if direction is not None and subject is not None and subject.text[-1].isalpha():
            return Subject(f"{subject.text} {direction.lower_}", subject.head)
        extent = root.dep_ == "npadvmod" or entity.label_ == "PERCENT"
        return _as_change(subject, head, root) if extent else subject
    return None


def _as_change(subject: Subject | None, verb: Token, extent: Token) -> Subject | None:
    """A subject with the verb of change whose extent a figure gives: "exports of copper
    fell | 12 percent", "the health budget cut | $3 billion" ("by" a sum). A figure a
    change goes "to" or "from" is a level, not the change, and keeps the bare subject."""
    if (
        subject is None
        or verb.pos_ != "VERB"
        or verb.lemma_.lower() not in number_words().changes
        or extent.lower_ in {"to", "from"}
    ):
        return subject
    return Subject(f"{subject.text} {verb_with_particle(verb).text}", subject.head)


def _modified_noun(noun: Token) -> Token:
    """Climb from a modifier noun to the noun it modifies ("petroleum" -> "gas")."""
    while noun.dep_ in {"compound", "amod"} and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    return noun


def _counted(entity: Span) -> Subject | None:
    """For a count, the counted noun; with the verb it is the object of ("people killed")."""
    noun = counted_noun(entity)
    if noun is None:
        return None
    verb = count_verb(entity)
    event = _event_of(noun)
    if event is not None:
        # "the loss of 3,000 jobs": the jobs lost, not the jobs there are
        return Subject(f"{event.text} of {_counted_phrase(noun, entity)}", noun)
    if verb is None:
        return _counted_that(noun, entity) or _existing(noun, entity) or _noun_subject(noun)
    if _is_object(noun, entity):
        told = _as_done_to(verb)
    elif verb.dep_ == "xcomp" and verb.tag_ in INFINITIVE_TAGS:
        told = _inflected(verb, PAST_TENSE)  # "managed to leave": left
    else:
        told = verb_with_particle(verb).text
    counted = _counted_phrase(noun, entity)
    if counted == noun.text and others_are_people(noun):
        counted = "other people"  # "killed five soldiers and wounded 18 others"
    done = _what_they_did(noun, verb) or _what_became_of(noun, verb) or _how_done_to(noun, verb)
    return Subject(f"{counted} {told} {done}" if done else f"{counted} {told}", noun)


def _is_object(noun: Token, entity: Span) -> bool:
    """Whether the count is what its verb acts on ("killing 80 people")."""
    return _counted_head(noun, entity).dep_ == "dobj"


def _counted_head(noun: Token, entity: Span) -> Token:
    """The word that stands for the count in its clause: the counted noun ("80 *people*"),
    or the number itself where the noun is in its "of" phrase ("*six* of the seats")."""
    return noun if entity.root.dep_ == "nummod" else entity.root


def _as_done_to(verb: Token) -> str:
    """The verb, with its particle, as what was done to the ones counted: its past
    participle after their noun ("killing 80 people": "people killed", "needs 67
    delegates": "delegates needed"), which the tense it was written in would misread
    ("people killing" are those who kill)."""
    return _inflected(verb, PAST_PARTICIPLE)


def _inflected(verb: Token, tag: str) -> str:
    """The verb, with its particle, in the form of Penn ``tag``."""
    words = verb_with_particle(verb)
    form = getInflection(verb.lemma_.lower(), tag=tag)
    if not form or not verb.lower_.isalpha():
        return words.text
    return " ".join([form[0], *(t.text for t in words[1:])])


def _counted_that(noun: Token, entity: Span) -> Subject | None:
    """A count that is the subject of a verb too general to say what is counted ("be",
    "have", "see"): the ones that are, have or see what the clause tells, as a share's
    part is told ("5 million farmers could be eligible for the program": the farmers that
    could be eligible for it, not a count of farmers), or of the whole its "of" phrase
    names ("six *of the seats* are in swing states": the seats that are)."""
    acting = _counted_head(noun, entity)
    verb = acting.head
    if acting.dep_ != "nsubj" or verb.lemma_.lower() not in number_words().light_verbs:
        return None
    return part_that(noun, verb, max(entity.end, noun.left_edge.i), noun.right_edge.i)


def _existing(noun: Token, entity: Span) -> Subject | None:
    """A count that a sentence says exists ("there were a dozen people *on the scene*",
    "there were 9 million deaths *stemming from pollution*"): the counted noun with the
    phrase or clause after it, which says which of them the sentence counts, as a
    sentence of "there is" always does."""
    verb = noun.head
    if noun.dep_ != "attr" or not any(c.dep_ == "expl" for c in verb.children):
        return None
    counted = _counted_phrase(noun, entity)
    after = next((c for c in noun.rights if c.dep_ in {"prep", *NOUN_CLAUSES}), None)
    if after is None:
        return Subject(counted, noun)
    phrase = noun.doc[after.left_edge.i : after.right_edge.i + 1]
    if phrase.text in counted or len(_words(phrase)) > MAX_CLAUSE_WORDS:
        return Subject(counted, noun)  # already read with the noun, or a parse run on
    return Subject(f"{counted} {phrase.text}", noun)


def _counted_phrase(noun: Token, entity: Span) -> str:
    """The counted noun with its modifiers, "of" phrase and a short clause that says which
    of them are counted, after the count: "Dallas police officers" of "five Dallas police
    officers", "people of Filipino descent", "citizens living abroad". A possessor
    says whose they are, which is the holder's to say (holders.py), not what is counted."""
    phrase = noun_phrase(noun)
    owners = [c.right_edge.i + 1 for c in noun.lefts if c.dep_ == "poss"]
    start = max([entity.end, min(phrase.start, compound_start(noun, number_words())), *owners])
    end = phrase.end
    clauses = [
        c
        for c in noun.rights
        if c.dep_ in NOUN_CLAUSES and c.left_edge.i == end and c.tag_ not in INFINITIVE_TAGS
    ]
    if (
        clauses
        and len(_words(clauses[0].subtree)) <= MAX_CLAUSE_WORDS
        and not is_cut_short(clauses[0].right_edge)
    ):
        end = clauses[0].right_edge.i + 1
    doc = phrase.doc
    others = [
        c.i
        for c in noun.lefts
        if c.dep_ == "nummod"
        and c.i >= entity.end
        and any(t.dep_ == "cc" for t in doc[entity.end : c.i])
    ]
    if others:
        # "12 Somali and 11 Yemeni nationals": the 12 are the Somali ones
        cut = min(others)
        while cut > start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
            cut -= 1
        own = doc[start:cut].text
        return f"{own} {doc[noun.i : end].text}" if own else doc[noun.i : end].text
    if end == noun.i + 1:
        end = _joined_uncounted(noun, end)
    return doc[start:end].text or noun.text


def _joined_uncounted(noun: Token, end: int) -> int:
    """Where a counted noun's phrase ends with the nouns joined to it that have no count of
    their own: "121 adults and children" counts both ("adults and children"); "30
    citizens and 15 nationals" each its own."""
    for joined in noun.conjuncts:
        if joined.i < end:
            continue
        # a bare plural as the counted one is ("adults and children"); "a policeman" and
        # "15 nationals" have a count of their own, and in "damaged buildings" the
        # parser may have misread a verb
        if joined.tag_ != noun.tag_ or joined.tag_ not in PLURAL_NOUNS or list(joined.lefts):
            break
        between = joined.doc[end : joined.left_edge.i]
        if any(not (t.dep_ == "cc" or t.is_punct) for t in between):
            break
        end = noun_phrase(joined).end
    return end


def _event_of(noun: Token) -> Token | None:
    """The noun of an act or event whose "of" phrase a counted noun is ("the *loss* of
    3,000 jobs", "the *evacuation* of 10,000 residents", "the *arrest* of 20
    protesters"): a noun made from a verb, which takes what the verb acts on in its "of"
    phrase (``[events]`` of numbers.toml)."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.pos_ != "NOUN":
        return None
    event = preposition.head
    lemma = event.lemma_.lower()
    return event if lemma in number_words().event_nouns else None


def _what_they_did(noun: Token, verb: Token) -> str | None:
    """What the verb a counted noun is the subject of says they did, where it is short
    enough to be read with it: its object ("13 million people cast *a vote*", "55 people
    were issued *citations*"), else the first phrase that completes it, a preposition's
    ("25 senators voted *against the bill*") or an adjective's ("14 people were left
    *dead*"); None for a count that is the object itself."""
    if noun.dep_ not in SUBJECTS:
        return None
    after = [c for c in verb.rights if c.dep_ in COMPLEMENTS and not _names_an_actor(c)]
    objects = [c for c in after if c.dep_ == "dobj"]
    if objects:
        done = _whole_if_short(noun_phrase(objects[0]), objects[0])
        told = _phrase_of(next((c for c in after if c.dep_ == "prep" and c.i >= done.end), None))
        if told is not None and told.start == done.end:
            # "17 million people acquired coverage *under the new law*"
            whole = done.doc[done.start : told.end]
            done = whole if len(_words(whole)) <= MAX_OBJECT_WORDS else done
    elif not after:
        return None
    elif after[0].dep_ in {"prep", "agent"}:
        done = _phrase_of(after[0])
        if done is None:
            return None
    else:
        done = after[0].doc[after[0].left_edge.i : after[0].right_edge.i + 1]
    return done.text if len(_words(done)) <= MAX_OBJECT_WORDS else None


def _phrase_of(preposition: Token | None) -> Span | None:
    """A preposition with its object's noun phrase; None for none, or for one that says
    when ("voted *in 2008*"), not what was done."""
    if preposition is None:
        return None
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if not objects or objects[0].ent_type_ in {"DATE", "TIME"}:
        return None
    phrase = preposition.doc[preposition.i : noun_phrase(objects[0]).end]
    if any(_is_a_break(t) for t in phrase):
        return None
    return _whole_if_short(phrase, preposition)


def _whole_if_short(phrase: Span, head: Token) -> Span:
    """The phrase with all its head's words where they are few: an object's own
    modifiers ("cast *a ballot for the governor*") and a preposition's coordinated
    objects ("for *either Smith or Jones*") belong to what was done."""
    end = max(phrase.end, head.right_edge.i + 1)
    while end > phrase.end and phrase.doc[end - 1].is_punct:
        end -= 1  # "in San Bernardino, Calif*.,*"
    whole = phrase.doc[phrase.start : end]
    if len(_words(whole)) > MAX_OBJECT_WORDS or any(_breaks_off(t) for t in whole):
        return phrase
    return whole


def _breaks_off(token: Token) -> bool:
    """A dash, colon or bracket, or a verb that is finite: past them a phrase the parser
    ran on is another clause ("in November - *raised* new questions")."""
    return _is_a_break(token) or token.tag_ in FINITE_TAGS


def _is_a_break(token: Token) -> bool:
    """A dash, colon or bracket; a hyphen inside a word ("fast-tracking") is none."""
    if token.text == "-":
        return bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in BREAKS


def _what_became_of(noun: Token, verb: Token) -> str | None:
    """What a verb left the ones it acts on, where an adjective after them says it ("left
    14 people *dead*", "left 3,000 families *homeless*"), or where it put them ("threw a
    million people *out of work*"): the parser hangs it on the noun or on the verb."""
    if noun.dep_ != "dobj":
        return None
    states = [c for c in noun.rights if c.dep_ == "amod" and c.pos_ == "ADJ"]
    states += [c for c in verb.rights if c.dep_ in {"oprd", "acomp"} and c.i > noun.i]
    states += [  # "threw a million people *out of work*"
        c
        for c in verb.rights
        if c.dep_ == "prep"
        and c.i > noun.i
        and c.lower_ in number_words().result_prepositions
        and any(g.dep_ in {"pobj", "pcomp", "prep"} for g in c.children)
    ]
    if not states:
        return None
    state = min(states, key=lambda word: word.i)
    done = state.doc[state.left_edge.i : state.right_edge.i + 1]
    return done.text if len(_words(done)) <= MAX_OBJECT_WORDS else None


def _how_done_to(noun: Token, verb: Token) -> str | None:
    """By what, and where or why, a verb's act was done to the ones it counts, as the same
    act told in the passive says it: "the bombing killed two women" gives "women killed *by
    the bombing*", "shot three people *at a plant in Ohio*", "arrested 20 protesters *for
    disorderly conduct*"; not a date."""
    if noun.dep_ != "dobj":
        return None
    where = _where_done_to(noun, verb)
    parts = [part for part in (_by_what(verb), where.text if where else None) if part]
    for done in (" ".join(parts), *reversed(parts)):  # both, else where, else by what
        if done and len(done.split()) <= MAX_OBJECT_WORDS:
            return done
    return None


def _by_what(verb: Token) -> str | None:
    """A verb's subject as the agent of its act, where it is a thing or a description
    ("the quake", "gunmen") rather than a name or a pronoun: a name is the figure's
    holder (holders.py). All of the subject, where it is short: a longer one is a
    description the line cannot carry, or a parse gone astray."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "a bomb exploded at the market, *killing* 12 people": the clause's subject did it
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ != "NOUN":
        return None
    if verb.lemma_.lower() in holder_words().holding_verbs:
        return None  # "the senator won 230 delegates": the subject holds them
    subject = subjects[0]
    agent = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    own = noun_phrase(subject, frozenset())
    if (
        len(_words(agent)) > MAX_AGENT_WORDS
        or any(t.pos_ in {"PROPN", "PRON"} for t in own)
        or any(t.ent_type_ in WHO_ENTITIES for t in agent)
        or any(_breaks_off(t) for t in agent)
        or (subject.tag_ == "NN" and not any(c.dep_ in DETERMINERS for c in subject.lefts))
    ):
        # "a Michigan man", "it"; "the attack by ISIS" names its holder; a singular noun
        # with no determiner is no subject English writes, so a parse gone astray
        return None
    first = agent[0]
    acronym = first.is_upper and len(first.text) > 1
    opening = first.text if first.pos_ == "PROPN" or acronym else first.lower_
    return " ".join(["by", opening, *(t.text for t in agent[1:])])


def _where_done_to(noun: Token, verb: Token) -> Span | None:
    after = next((c for c in verb.rights if c.dep_ == "prep" and c.i > noun.right_edge.i), None)
    done = _phrase_of(after)
    if done is None or done.start != noun.right_edge.i + 1:
        return None
    return done


def _names_an_actor(token: Token) -> bool:
    """Whether a word, or the object of a preposition ("by *Israel*"), names a person, a
    body or a country: the holder's to say."""
    named = [c for c in token.children if c.dep_ == "pobj"] if token.dep_ == "agent" else [token]
    return any(t.ent_type_ in ACTOR_ENTITIES for t in named)


def _words(tokens: Iterable[Token]) -> list[Token]:
    return [token for token in tokens if not token.is_punct]


def counted_noun(entity: Span) -> Token | None:
    root = entity.root
    if root.dep_ == "nummod" and root.head.pos_ == "NOUN":
        return compound_head(root.head, number_words())
    return counted_of(root)


def count_verb(entity: Span) -> Token | None:
    """The verb whose subject or object a count is, unless too general to say what is
    counted ("has 300 employees")."""
    noun = counted_noun(entity)
    if noun is None:
        return None
    counted_head = _counted_head(noun, entity)
    verb = counted_head.head
    if (
        counted_head.dep_ in {"dobj", "nsubj", "nsubjpass"}
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in number_words().light_verbs
    ):
        return _complement_act(verb) if counted_head.dep_ == "nsubj" else verb
    return None


def _complement_act(verb: Token) -> Token:
    """The act a catenative verb's complement names, which is what its subject did ("12
    people managed *to leave*": left), else the verb itself."""
    if verb.lemma_.lower() not in number_words().catenatives:
        return verb
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return acts[0] if acts else verb


def subject_of(verb: Token) -> Subject | None:
    """The subject of the clause a value completes, through relative clauses and ``be``."""
    subject = clause_subject(clause_of(verb))
    if subject is None or subject.pos_ == "PRON":
        return None
    return _noun_subject(subject)


def _noun_subject(noun: Token) -> Subject:
    return Subject(noun_phrase(noun).text, noun)
