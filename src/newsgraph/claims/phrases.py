"""The phrases of a parse a claim is read from: what a number measures (``Subject``), a
noun with its modifiers, and the subject of a clause; shared by the reading of what a
figure measures (extract.py) and of whose it is (holders.py)."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUN_TAGS = {"WDT", "WP"}
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
