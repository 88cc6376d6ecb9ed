"""Whether a claim's figure is stated, only supposed (a condition, an indirect question)
or still to come (a plan, an intent, the future)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.claims.confidence import table
from newsgraph.claims.phrases import clause_of
from newsgraph.claims.subjects import NOUN_CLAUSES
from newsgraph.events.modality import not_yet_done


def mood(entity: Span) -> str:
    """Whether the figure is stated, only supposed or still to come."""
    if _only_supposed(entity):
        return "supposed"
    return "planned" if _still_to_come(entity) else "stated"


def _still_to_come(entity: Span) -> bool:
    """Whether the figure's clause tells what is planned, wanted or expected, not what is
    ("wants to take in 250,000 refugees", "a plan to shield five million immigrants",
    "troops would remain", "will need 60 million votes"): the events stage's reading of
    the future, intents and plans (events/modality.py), which a figure shares with the
    act its clause tells."""
    clause = clause_of(entity.root)
    return clause.pos_ == "VERB" and not_yet_done(clause)


def _only_supposed(entity: Span) -> bool:
    """Whether a figure stands in a condition or an indirect question, or in a clause a
    condition governs: "*if* she wins 60 percent", "*whether* she would get 90 percent",
    "If the bill passes, the state *needs* 3,000 teachers". A noun's clause on the way
    up is a description the sentence states ("the rule, which was blocked after ten
    states sued")."""
    token = entity.root
    while token.head != token and token.dep_ not in NOUN_CLAUSES:
        token = token.head
        for child in token.children:
            if child.dep_ == "mark" and _supposes(child):
                return True  # the figure's own clause is the condition or the question
            if child.dep_ == "advcl" and any(
                mark.dep_ == "mark" and _supposes(mark) and not _asks(mark)
                for mark in child.children
            ):
                return True  # a condition governs the clause the figure stands in
    return False


def _supposes(mark: Token) -> bool:
    return mark.lower_ in table().conditions


def _asks(mark: Token) -> bool:
    """Whether a conjunction puts a question after a verb of asking ("asked *if*")."""
    return mark.i > 0 and mark.doc[mark.i - 1].lemma_.lower() in table().asking_verbs
