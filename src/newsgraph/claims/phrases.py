"""The phrases of a parse a claim is read from: what a number measures (``Subject``), a
noun with its modifiers, and the subject of a clause; shared by the reading of what a
figure measures (extract.py) and of whose it is (holders.py)."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from newsgraph.nlp import joins_words

SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUN_TAGS = {"WDT", "WP"}
# The most words of what a share's clause says of its part ("32 percent of voters
# *opposed the tax*") that a subject takes; a longer clause leaves the share unread.
MAX_PREDICATE_WORDS = 12
# A participle with no auxiliary follows its noun with no "that" ("voters *viewing* her
# positively", "the troops *posted* abroad"): "voters that viewing" is no English.
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})

NOUN_MODIFIERS = {"det", "amod", "compound", "poss", "nmod", "case"}
OF = frozenset({"of"})


class Subject(NamedTuple):
    """What a number measures: its words as the claim gives them, and the word of the
    parse they hang on (what the confidence reads, never the text searched again)."""

    text: str
    head: Token


def noun_phrase(noun: Token, prepositions: frozenset[str] = OF) -> Span:
    """The noun with its left modifiers and any "of" phrase ("the share of Russians"), or
    a phrase of other ``prepositions`` ("an increase in wages")."""
    start = min([noun.i] + [c.left_edge.i for c in noun.lefts if c.dep_ in NOUN_MODIFIERS])
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            end = child.right_edge.i + 1
    return noun.doc[start:end]


def share_of_whole(entity: Span, fraction: bool = False) -> Subject | None:
    """What a share measures when the share itself does something: the part of the whole
    its clause tells of. "32 percent of voters opposed the tax" measures the voters that
    opposed the tax, not "percent of voters"; so does a ``fraction`` ("half of voters").
    None when the share is no subject with an "of" phrase, or its clause runs on
    (``part_that``)."""
    root = entity.root
    if not (entity.label_ == "PERCENT" or fraction) or root.dep_ not in SUBJECTS:
        return None
    wholes = [
        noun
        for preposition in root.rights
        if preposition.dep_ == "prep" and preposition.lower_ == "of"
        for noun in preposition.children
        if noun.dep_ == "pobj" and noun.pos_ in {"NOUN", "PROPN"}
    ]
    if not wholes:
        return None
    whole = wholes[0]
    return part_that(whole, root.head, whole.left_edge.i, max(whole.right_edge.i, entity.end - 1))


def part_that(whole: Token, verb: Token, start: int, told_after: int) -> Subject | None:
    """The part of ``whole`` (its words from ``start``) that does what the clause of
    ``verb`` tells after the word ``told_after``: "voters that opposed the tax". The
    clause's words run up to a comma or a dash, at most MAX_PREDICATE_WORDS, and are
    joined by "that", which English allows after people and things alike. None when
    ``verb`` is no verb or the clause runs on."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    doc = verb.doc
    whole_end = _word_end(whole.right_edge)
    told_after = max(told_after, whole_end)
    if any(token.dep_ == "cc" for token in doc[told_after + 1 : verb.i]):
        return None  # one of coordinated subjects: "89% of X and 83% of Y endorse it"
    predicate = []
    for token in doc[told_after + 1 : verb.right_edge.i + 1]:
        if token.i > verb.i and token.is_punct and not token.is_quote and not joins_words(token):
            break  # a comma, a dash, a bracket or the full stop closes the phrase
        if token.i > verb.i and _opens_another_clause(token, verb):
            break  # "chose Clinton *while* 40 percent chose Trump"
        predicate.append(token)
    words = [token for token in predicate if not token.is_punct]
    if not words or len(words) > MAX_PREDICATE_WORDS or verb not in predicate:
        return None
    if is_cut_short(words[-1]):
        return None  # "people that were": the rest of the clause was moved or cut
    last = predicate[-1].i
    if any(token.head.i > last for token in predicate if token.i > verb.i):
        return None  # "insiders that said Clinton's deficit": cut inside what they said
    part = doc[start : whole_end + 1].text  # "likely voters in Ohio"
    told = doc[told_after + 1 : predicate[-1].i + 1].text
    if verb.tag_ in PARTICIPLE_TAGS and not any(
        c.dep_ in {"aux", "auxpass"} for c in verb.children
    ):
        return Subject(f"{part} {told}", whole)  # "voters viewing her positively"
    return Subject(f"{part} that {told}", whole)


def is_cut_short(last: Token) -> bool:
    """Whether a clause's last word leaves it unfinished: a preposition with no object
    ("who were there *for*") or a bare auxiliary or copula ("where 100 people *were*"),
    as a parse that hung the rest elsewhere, or a clause whose complement was moved,
    leaves it."""
    if last.dep_ == "prep":  # not a particle: "got *out*"
        return not any(c.dep_ in {"pobj", "pcomp"} for c in last.children)
    return last.pos_ == "AUX" or (last.lemma_ == "be" and not list(last.rights))


def _word_end(token: Token) -> int:
    """The last token of the written word ``token`` begins or is in: spaCy splits a
    hyphenated word ("e-mails", "co-workers") into parts the parser may hang apart, and a
    phrase ends with the word, not inside it."""
    doc, index = token.doc, token.i
    while (
        index + 1 < len(doc)
        and not doc[index].whitespace_
        and "-" in (doc[index].text, doc[index + 1].text)
    ):
        index += 1
    return index


def _opens_another_clause(word: Token, verb: Token) -> bool:
    """Whether a word opens a clause beside the one ``verb`` heads: a conjunction joining
    another predicate to it, or the subordinator of an adverbial clause ("while",
    "although"); not "that" before what the verb says."""
    if word.dep_ == "cc":
        return word.head == verb
    return word.dep_ == "mark" and word.head.dep_ == "advcl" and word.head.head == verb


def verb_with_particle(verb: Token) -> Span:
    """A verb with its particle: "laid off", "took in"."""
    end = max([verb.i, *(t.i for t in verb.rights if t.dep_ == "prt")]) + 1
    return verb.doc[verb.i : end]


def clause_of(word: Token) -> Token:
    """The verb of the clause a word stands in (the word itself when it is one)."""
    clause = word
    while clause.pos_ not in {"VERB", "AUX"} and clause.head != clause:
        clause = clause.head
    return clause


def clause_subject(verb: Token) -> Token | None:
    """The subject of a clause, through a relative clause ("the senator, who won ...");
    a pronoun as it stands (the caller decides what one is worth)."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == "relcl":
                return verb.head
            return child
    return None


def counted_of(number: Token) -> Token | None:
    """The noun of an "of" phrase a number counts: "hundreds *of people*"."""
    counted = [
        pobj
        for prep in number.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return counted[0] if counted else None
