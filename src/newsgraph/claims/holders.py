"""Whose figure a claim is: the words of the text that name its holder, read from the
parse, never guessed.

English ties a figure to whom it belongs in a few ways, each a rule here, the words each
reads kept in ``data/claims/holders.toml``:

- the possessor of the measured noun: "China's growth rate", "the company's revenue";
  a pronoun ("its revenue") is no holder, as newsgraph does not resolve it here, and
  the figure is then someone's the text does not name (``Holding.unnamed``), as it is
  when a pronoun has, wins or does what it counts ("he won 221 delegates", "they
  recruited 70 candidates"; not a harm, whose victims are a count of their own);
- a name before a measure noun, or in its "of", "for" or "on" phrase (or "in" before a
  place): "Acme revenue", "support for the senator", "the tariff on Chinese steel";
- the subject of a clause whose verb has, wins, gets, raises or spends the figure: "the
  senator won 221 delegates", "the fund raised $4 million"; of one that gets votes, for
  a percent: "the senator took 27 percent"; and of one the figure comes "with" ("she
  leads the field with 36 percent support"). A sum paid out measures what it went on or
  to whom, which the verb's phrase after it says ("spent $1 million *on ads*"); where
  none does, the claim misses what it measures (``Holding.open_sum``).

When the holder's words stood in the subject, the subject drops them ("China's growth
rate" is China's "growth rate"); when the subject was the holder itself (a percent a
candidate took), it becomes what the holder got: the "of" phrase ("the vote") or else
the verb ("took").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from newsgraph.claims.numbers import MEASURES, number_words
from newsgraph.claims.phrases import (
    SUBJECTS,
    Subject,
    clause_of,
    clause_subject,
    noun_phrase,
    verb_with_particle,
)

# Roles in which a number stands on the noun it counts or measures ("221 delegates").
ON_NOUN = {"nummod", "compound", "amod", "npadvmod", "nmod", "quantmod"}
NAME_TAGS = {"NNP", "NNPS"}
PERSON = "PERSON"
# A purpose clause after a sum, read into what the sum was paid for when this short.
PURPOSE_CLAUSES = {"xcomp", "advcl"}
MAX_PURPOSE_WORDS = 6
# What else on a verb of paying says what a sum is for: the one paid ("gave *the
# campaign* $2 million"), a purpose ("paid $3 million *to direct the film*").
SUM_ENDS = PURPOSE_CLAUSES | {"dative"}
PERSONAL_PRONOUN_TAGS = {"PRP", "PRP$"}
# The Penn tag of "whose", which stands for the noun its relative clause hangs on.
RELATIVE_POSSESSIVE_TAG = "WP$"
# Clauses whose subject is the verb's they hang on: "wants *to take in*", "and *spent*".
OPEN_CLAUSES = {"xcomp", "conj"}
MAX_CLAUSES_UP = 3
# Prepositions that give the reason a verb's object is praised, blamed or accused: the
# object does what the gerund after them tells ("blamed Lopez *for* cutting").
REASON_PREPOSITIONS = {"for", "of"}


@dataclass(frozen=True)
class HolderWords:
    """The tables of ``data/claims/holders.toml``."""

    holding_verbs: frozenset[str]
    vote_verbs: frozenset[str]
    showing_verbs: frozenset[str]
    measure_nouns: frozenset[str]
    held_nouns: frozenset[str]
    prepositions: frozenset[str]
    sum_prepositions: frozenset[str]
    paying_verbs: frozenset[str]
    place_prepositions: frozenset[str]
    holder_labels: frozenset[str]
    place_labels: frozenset[str]


@cache
def holder_words() -> HolderWords:
    path = resources.files("newsgraph") / "data" / "claims" / "holders.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return HolderWords(**{name: frozenset(words) for name, words in table.items()})


@dataclass(frozen=True)
class Holding:
    """Whose a figure is (None when the text does not say) and what it measures, without
    the holder's words."""

    holder: str | None
    subject: Subject
    # The figure is someone's whom the text names only by a pronoun: whose is not known.
    unnamed: bool = False
    # A sum paid or given whose text says neither on what nor to whom ("Ross: paid |
    # $3 million"): what it measures is missing.
    open_sum: bool = False


def holding(entity: Span, subject: Subject, light_verbs: frozenset[str]) -> Holding:
    """Whose the figure ``entity`` is, with its ``subject`` as it then reads;
    ``light_verbs`` say nothing of what a figure is ("have", "get")."""
    words = holder_words()
    found = _by_verb(entity, subject, words, light_verbs)
    if found is None:
        found = _by_possessor(entity, subject, words) or _by_phrase(entity, subject, words)
    if found is None and entity.label_ != "PERCENT":
        found = _by_agent(entity, subject, words)
    return found or Holding(None, subject)


def wants_holder(subject: Subject, holder: str | None) -> bool:
    """Whether a figure lacks the holder its measure always has: delegates, votes,
    support, a rate or a budget are someone's (a candidate's, a state's, a country's), and
    "delegates | 222" with no one named, by a holder or by a name before the noun ("Texas
    delegates", "Democratic support"), says only half of what it measures."""
    if holder is not None:
        return False
    head = subject.head
    return _is_held(head, holder_words()) and not _names_its_holder(head)


def sum_of_no_one(subject: Subject, holder: str | None) -> bool:
    """Whether a sum of money is told with no one whose it is: a sum is always someone's
    (spent, paid, raised, owed or cut by someone), and "a renovation project | $97 million"
    does not say whose project."""
    return holder is None and not _names_its_holder(subject.head)


def _names_its_holder(head: Token) -> bool:
    """Whether a name before the noun says whose it is ("Texas delegates", "Democratic
    support", "Ivanka Trump clothing")."""
    return any(
        _is_name(word) for word in head.lefts if word.dep_ in {"amod", "compound", "poss", "nmod"}
    )


def _measured_word(entity: Span, subject: Subject) -> Token:
    """The word that stands in the clause for the figure: the noun a number counts or
    measures ("221 *delegates*", "36 percent *support*"), else the number itself."""
    root = entity.root
    if root.dep_ in ON_NOUN and root.head == subject.head:
        return subject.head
    return root


def _by_verb(
    entity: Span, subject: Subject, words: HolderWords, light_verbs: frozenset[str]
) -> Holding | None:
    """The subject of a verb that has, wins, gets, raises or spends the figure, or that
    the figure comes "with"."""
    figure = _measured_word(entity, subject)
    if figure.dep_ == "dobj":
        verb = figure.head
        is_share = entity.label_ == "PERCENT" and figure == entity.root
        verbs = words.vote_verbs if is_share else words.holding_verbs
        if verb.lemma_.lower() not in verbs:
            return None
    elif figure.dep_ == "pobj" and figure.head.lower_ == "with":
        verb = figure.head.head
        owned = figure != entity.root and _is_held(figure, words)
        if verb.pos_ != "VERB" or not (owned or verb.lemma_.lower() in words.vote_verbs):
            return None
        named = _object_before(verb, figure.head)
        if owned and named is not None and verb.lemma_.lower() in words.showing_verbs:
            # "a poll showed Lopez with 34 percent support": the "with" phrase tells of
            # the object, not of the verb's subject
            return Holding(_phrase(_by_name(named)), subject)
    elif _gives_what_is_held(figure, subject, words):
        # "Mrs. Lopez has support from 52 percent of voters": her support
        verb = subject.head.head
    else:
        return None
    holder = _verb_subject(verb)
    if holder is not None and _is_personal_pronoun(holder):
        return Holding(None, subject, unnamed=True)  # "he won 221 delegates"
    if holder is None or holder.pos_ == "PRON" or _inside(holder, entity):
        return None
    text = _phrase(_by_name(holder))
    if subject.head != holder:
        return Holding(text, subject)
    # The subject was the holder itself ("the senator | 27 percent"): what the holder
    # got is the "of" phrase of the figure ("the vote"), else the verb ("took").
    got = _got(entity, verb)
    if got is not None:
        return Holding(text, Subject(noun_phrase(got).text, got))
    if verb.lemma_.lower() in light_verbs:
        return None  # "the borrowers have $1.3 trillion": "have" says nothing of what
    act, open_sum = _act_of_sum(verb, entity, words)
    return Holding(text, Subject(act, verb), open_sum=open_sum)


def _act_of_sum(verb: Token, entity: Span, words: HolderWords) -> tuple[str, bool]:
    """What the holder did with a figure: the verb, and for a sum the first phrase after it
    that says what the money went on or came from ("spent on digital ads", "gave to a
    super PAC"); not one that gives another sum ("from $272,000 on clothing"). Whether a
    sum paid out is left open: a verb of paying or giving that says neither on what nor
    to whom (``HolderWords.paying_verbs``)."""
    act = verb_with_particle(verb)
    if entity.label_ != "MONEY":
        return act.text, False
    for child in verb.rights:
        if child.dep_ != "prep" or child.i < entity.end:
            continue
        if child.lower_ not in words.sum_prepositions:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if objects and all(
            o.pos_ in {"NOUN", "PROPN"} and o.ent_type_ not in MEASURES for o in objects
        ):
            end = max(noun_phrase(objects[-1]).end, _name_end(objects[-1]))
            return f"{act.text} {verb.doc[child.i : end].text}", False
    for purpose in verb.rights:
        # "paid $3 million *to direct the film*": what the sum is for
        if (
            purpose.dep_ in PURPOSE_CLAUSES
            and purpose.i > entity.end
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children)
        ):
            clause = verb.doc[purpose.left_edge.i : purpose.right_edge.i + 1]
            if len([t for t in clause if not t.is_punct]) <= MAX_PURPOSE_WORDS:
                return f"{act.text} {clause.text}", False
    # "gave *the campaign* $2 million", "paid $3 million *to direct a film about a war*"
    told = any(c.dep_ in SUM_ENDS for c in verb.children)
    return act.text, not told and verb.lemma_.lower() in words.paying_verbs


def _name_end(word: Token) -> int:
    """Where the name a word is part of ends ("the Club *for Growth*"), else after it."""
    name = _name_of(word)
    return name.end if name is not None else word.i + 1


def _name_of(word: Token) -> Span | None:
    """The entity a word is part of, if any."""
    return next((e for e in word.doc.ents if e.start <= word.i < e.end), None)


def _by_agent(entity: Span, subject: Subject, words: HolderWords) -> Holding | None:
    """The one a name says does what the figure's verb tells: "Israel freed 1,000
    prisoners", "1,000 prisoners were freed by Israel", "Merkel chose to take in a
    million migrants" (the subject of the verb an open clause depends on). Only a name:
    in "gunmen killed 14 people" no one holds the count."""
    figure = _measured_word(entity, subject)
    if figure.dep_ not in {"dobj", "nsubjpass"} or figure.head.pos_ != "VERB":
        return None
    agent = _agent(figure.head)
    if agent is not None and _is_personal_pronoun(agent):
        # "they recruited 70 candidates": theirs; "they killed 14 people": victims
        harm = figure.head.lemma_.lower() in number_words().harm_verbs
        return None if harm else Holding(None, subject, unnamed=True)
    if agent is None or agent.pos_ == "PRON" or _inside(agent, entity):
        return None
    if agent == subject.head:
        return None  # "Acme clothing generated $100 million": what earned it, not whose
    agent = _by_name(agent)
    return Holding(_phrase(agent), subject) if _names(agent, words.holder_labels) else None


def _agent(verb: Token) -> Token | None:
    """Who does what ``verb`` tells: its subject, its passive's "by" phrase, or the
    subject of the verb it is an open clause of or joined to ("wants *to take in*",
    "raised $4 million and *spent*")."""
    for _ in range(MAX_CLAUSES_UP):
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if (controller := _controller(verb)) is not None:
            return controller
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            # "Obama's plan to shield five million": whose plan it is does it
            return next((c for c in verb.head.children if c.dep_ == "poss"), None)
        if verb.dep_ not in OPEN_CLAUSES or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        verb = verb.head
    return None


def _object_before(verb: Token, preposition: Token) -> Token | None:
    """The verb's object, a noun before ``preposition``: the one a phrase after the
    object tells of ("showed *Lopez* with 34 percent support")."""
    nouns = {"NOUN", "PROPN"}
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.i < preposition.i and c.pos_ in nouns),
        None,
    )


def _gives_what_is_held(figure: Token, subject: Subject, words: HolderWords) -> bool:
    """Whether the figure says whom a held measure comes "from" ("has support *from 52
    percent* of voters") and that measure is what a verb of having takes: the verb's
    subject holds it."""
    measure = subject.head
    return (
        figure.dep_ == "pobj"
        and figure.head.lower_ == "from"
        and figure.head.head == measure
        and _is_held(measure, words)
        and measure.dep_ == "dobj"
        and measure.head.lemma_.lower() in words.holding_verbs
    )


def _got(entity: Span, verb: Token) -> Token | None:
    """What a figure is a part or a sum of, as its phrase says: a share's "of" phrase
    ("27 percent *of the vote*"), a sum's "in" phrase ("$1.3 trillion *in student
    debt*"), on the figure or on the verb that has it."""
    kind = {"PERCENT": "of", "MONEY": "in"}.get(entity.label_)
    for word in (entity.root, verb):
        for preposition in word.rights:
            if preposition.dep_ != "prep" or preposition.lower_ != kind:
                continue
            for noun in preposition.children:
                # On the verb, "in" can say when or where ("raised $4 million in May").
                if noun.dep_ == "pobj" and (word == entity.root or _is_common_noun(noun)):
                    return noun
    return None


def _is_common_noun(word: Token) -> bool:
    return word.pos_ == "NOUN" and not word.ent_type_


def _by_possessor(entity: Span, subject: Subject, words: HolderWords) -> Holding | None:
    """The possessor of the measured noun or of the figure: "China's growth rate",
    "the senator's 76 percent"; a pronoun possessor leaves no holder. The subject's
    possessor counts only when the subject is what the figure counts or a measure that
    is someone's: "the party's elite put $5 million" is the elite's sum, not the
    party's."""
    head = subject.head
    measured = (
        _measured_word(entity, subject) == head  # "Brazil's 40 million voters"
        or (head.dep_ == "pobj" and head.head.head == entity.root)  # "a quarter of X's"
        or _is_held(head, words)  # "X's growth rate"
    )
    for word in (head, entity.root) if measured else (entity.root,):
        possessor = next((c for c in word.children if c.dep_ == "poss"), None)
        if possessor is None:
            continue
        if _is_personal_pronoun(possessor):
            return Holding(None, subject, unnamed=True)  # "its revenue"
        if possessor.tag_ == RELATIVE_POSSESSIVE_TAG:
            antecedent = _antecedent(possessor)
            if antecedent is None:
                return Holding(None, subject, unnamed=True)
            return Holding(_phrase(antecedent), _without(subject, possessor))
        if possessor.pos_ == "PRON" or _inside(possessor, entity):
            return Holding(None, subject)
        return Holding(_phrase(possessor), _without(subject, possessor))
    return None


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative clause hangs on, which its relative word stands for ("a
    council *whose* members": the council)."""
    token = relative
    while token.dep_ != "relcl" and token.head != token:
        token = token.head
    antecedent = token.head
    if token.dep_ != "relcl" or antecedent.pos_ not in {"NOUN", "PROPN"}:
        return None
    return antecedent


def _by_phrase(entity: Span, subject: Subject, words: HolderWords) -> Holding | None:
    """A name before a measure noun or in its "of", "for", "on" (or, for a place, "in")
    phrase: "Acme revenue", "the tariff on Chinese steel"."""
    head = subject.head
    if not _is_held(head, words):
        return None
    for child in head.children:
        if child.dep_ == "compound" and _names(child, words.holder_labels):
            return Holding(_phrase(child), _without(subject, child))
    for preposition in head.rights:
        if preposition.dep_ != "prep":
            continue
        kind = preposition.lower_
        for named in preposition.children:
            if named.dep_ != "pobj" or _inside(named, entity):
                continue
            if kind in words.place_prepositions:
                # "the unemployment rate in Spain": a measure's place, not a count's.
                holds = named.ent_type_ in words.place_labels and (
                    head.lemma_.lower() in words.measure_nouns
                )
            else:
                holds = kind in words.prepositions and _names(named, words.holder_labels)
            if holds:
                if kind == "of":
                    trimmed = head.doc[noun_phrase(head).start : preposition.i]
                    return Holding(_phrase(named), Subject(trimmed.text, head))
                return Holding(_phrase(named), subject)
    return None


def _is_personal_pronoun(word: Token) -> bool:
    """Whether a word is a personal pronoun or its possessive ("he", "they", "its"), which
    stands for someone named elsewhere; not "who", "which" or "everyone"."""
    return word.tag_ in PERSONAL_PRONOUN_TAGS


def _is_held(noun: Token, words: HolderWords) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in words.measure_nouns or lemma in words.held_nouns


def _names(word: Token, labels: frozenset[str]) -> bool:
    """Whether a noun phrase holds a name of one of ``labels`` ("Chinese steel", "the
    Federal Reserve"); a name with no entity the tagger found counts too."""
    phrase = noun_phrase(word)
    return any(t.ent_type_ in labels for t in phrase) or (
        word.tag_ in NAME_TAGS and not word.ent_type_
    )


def _is_name(word: Token) -> bool:
    """Whether a word is itself a name that can hold a figure ("Texas", "Lopez")."""
    return word.ent_type_ in holder_words().holder_labels or word.tag_ in NAME_TAGS


def _verb_subject(verb: Token) -> Token | None:
    """The subject of ``verb``'s clause, or of the verb it is joined to ("she raised
    $4 million and spent $3 million")."""
    clause = clause_of(verb)
    subject = clause_subject(clause)
    if subject is None and clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
        subject = clause_subject(clause.head)
    return subject if subject is not None else _controller(clause)


def _controller(verb: Token) -> Token | None:
    """Who does what a gerund with no subject of its own tells: the subject of the clause
    it hangs on ("the premier earned praise for *taking in* refugees", "wrecked it
    by *staging* a war"), or the name that clause's verb takes as its object where a
    "for" or "of" phrase gives the reason ("praised Merkel for *taking in*", "accused
    Lopez of *hiding*"). A participle set off after its clause ("Lopez fared well,
    *receiving* 19 percent") is the subject's only when the subject is a name: it can
    tell what the whole event brought about ("the contest was a win, *giving* him 99
    delegates")."""
    if verb.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if verb.dep_ == "advcl":
        host = verb.head
        subject = clause_subject(host) if host.pos_ in {"VERB", "AUX"} else None
        return subject if subject is not None and _is_name(subject) else None
    if verb.dep_ != "pcomp":
        return None
    reason = verb.head.lower_ in REASON_PREPOSITIONS
    host = verb.head.head
    if host.pos_ in {"NOUN", "PROPN"} and host.dep_ in {"dobj", "attr"}:
        host = host.head  # "deserves *credit* for taking": the credit is no one
    elif host.pos_ in {"VERB", "AUX"} and reason:
        named = next((c for c in host.children if c.dep_ == "dobj"), None)
        if named is not None and named.tag_ in NAME_TAGS:
            return named
    return clause_subject(host) if host.pos_ in {"VERB", "AUX"} else None


def _by_name(word: Token) -> Token:
    """The name a description of a holder stands for, where the clause gives it: its
    appositive ("Right to Rise USA, *the super PAC*"), or the subject it is said to be
    ("Lopez is *a tireless campaigner* who raised $4 million"); else the word itself."""
    named = [c for c in word.children if c.dep_ == "appos" and c.tag_ in NAME_TAGS]
    if named and word.tag_ not in NAME_TAGS:
        return named[0]
    if word.dep_ == "appos" and word.head.tag_ in NAME_TAGS:
        return word.head
    if word.dep_ == "attr" and word.head.lemma_ == "be":
        said = clause_subject(word.head)
        if said is not None and said.tag_ in NAME_TAGS:
            return said
    return word


def _phrase(word: Token) -> str:
    """A holder's words: its noun phrase with those joined to it ("Ms. Carver and her
    husband"), without the possessive ending; the whole name where the phrase is part of
    one ("The Club for Growth")."""
    phrase = noun_phrase(word)
    start, end = phrase.start, phrase.end
    if word.ent_type_ in holder_words().holder_labels and word.ent_iob_ in {"B", "I"}:
        name = _name_of(word)
        if name is not None:
            start, end = min(start, name.start), max(end, name.end)
            if name.label_ == PERSON:
                # a person is the name and the titles before it ("Ohio Gov. John Kasich"),
                # not common nouns the parser compounded on ("Police allege John Harlow")
                start = max(start, _titled_start(name, start))
    for joined in word.conjuncts:
        if joined.i > word.i:
            end = max(end, noun_phrase(joined).end)
    # a possessive ending goes, one space stays: "Florida’s contest", not "Floridacontest"
    # (nor "People  Council" where the text spaced the ending off: "People 's Council")
    return " ".join(
        "".join(
            t.whitespace_ if t.dep_ == "case" else t.text_with_ws for t in word.doc[start:end]
        ).split()
    )


def _titled_start(name: Span, limit: int) -> int:
    """Where a person's name begins with the proper nouns (titles, places) right before it."""
    start = name.start
    while start > limit and name.doc[start - 1].tag_ in NAME_TAGS:
        start -= 1
    return start


def _inside(word: Token, entity: Span) -> bool:
    """Whether a word is part of the figure itself ("$5 billion's")."""
    return entity.start <= word.i < entity.end


def _without(subject: Subject, holder: Token) -> Subject:
    """The subject without the holder's words ("China's growth rate" -> "growth rate"),
    when it opens with the noun phrase they stand in (and what the figure did after it:
    "China's exports fell" -> "exports fell")."""
    phrase = noun_phrase(subject.head)
    start, end = holder.left_edge.i, holder.right_edge.i + 1
    if not subject.text.startswith(phrase.text) or not (
        phrase.start <= start and end <= phrase.end
    ):
        return subject
    kept = [t for t in phrase if not start <= t.i < end]
    text = "".join(t.text_with_ws for t in kept).strip()
    told = subject.text[len(phrase.text) :]
    return Subject(text + told, subject.head) if text else subject
