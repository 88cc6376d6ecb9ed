"""The phrases of a parse a claim is read from: what a number measures (``Subject``), a
noun with its modifiers, and the subject of a clause; shared by the reading of what a
figure measures (extract.py) and of whose it is (holders.py)."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUN_TAGS = {"WDT", "WP"}
# The most words of what a share's clause says of its part ("32 percent of voters
# *opposed the tax*") that a subject takes; a longer clause leaves the share unread.
MAX_PREDICATE_WORDS = 12

NOUN_MODIFIERS = {"det", "amod", "compound", "poss", "nmod", "case"}


class Subject(NamedTuple):
    """What a number measures: its words as the claim gives them, and the word of the
    parse they hang on (what the confidence reads, never the text searched again)."""

    text: str
    head: Token


def noun_phrase(noun: Token) -> Span:
    """The noun with its left modifiers and any "of" phrase: "the share of Russians"."""
    start = min([noun.i] + [c.left_edge.i for c in noun.lefts if c.dep_ in NOUN_MODIFIERS])
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
    return noun.doc[start:end]


def share_of_whole(entity: Span) -> Subject | None:
    """What a share measures when the share itself does something: the part of the whole
    its clause tells of. "32 percent of voters opposed the tax" measures the voters that
    opposed the tax, not "percent of voters"; the words are the whole's and the clause's
    (up to a comma or a dash, at most MAX_PREDICATE_WORDS), joined by "that", which
    English allows after people and things alike.
    None when the share is no subject with an "of" phrase, or the clause runs on."""
    root = entity.root
    verb = root.head
    if entity.label_ != "PERCENT" or root.dep_ not in SUBJECTS or verb.pos_ not in {"VERB", "AUX"}:
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
    doc = verb.doc
    start = max(whole.right_edge.i, entity.end - 1) + 1
    predicate = []
    for token in doc[start : verb.right_edge.i + 1]:
        if token.i > verb.i and token.is_punct and not token.is_quote:
            break  # a comma, a dash, a bracket or the full stop closes the phrase
        predicate.append(token)
    words = [token for token in predicate if not token.is_punct]
    if not words or len(words) > MAX_PREDICATE_WORDS or verb not in predicate:
        return None
    part = doc[whole.left_edge.i : whole.right_edge.i + 1].text  # "likely voters in Ohio"
    told = doc[start : predicate[-1].i + 1].text
    return Subject(f"{part} that {told}", whole)


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
