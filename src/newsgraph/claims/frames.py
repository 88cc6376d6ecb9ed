"""Where a figure holds: the place or the contest its clause sets it in.

"In Nebraska, 40 percent of registered voters turned out" and "six in ten voters were
over 50 in the May caucuses" measure Nebraska's voters and those caucuses': the subject
alone ("registered voters that turned out") says what is counted but not whose, and a
reader of the claim cannot tell one state's turnout from another's. A phrase of place on
the figure's clause ("in Nebraska", "in Kansas and Iowa") or of the contest it was counted
in ("in the Republican primary") goes with the subject, as the text gives it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.actors.places import PLACE_ENTITIES
from newsgraph.claims.numbers import number_words
from newsgraph.claims.phrases import clause_of, noun_phrase

# The most words a frame keeps; a longer phrase keeps its noun and modifiers only.
MAX_FRAME_WORDS = 8


def place_frame(entity: Span, subject: str) -> str | None:
    """The phrase of place or contest on the clause that states ``entity`` ("in
    Florida"), when the subject does not already hold it; None when there is none."""
    words = number_words()
    prepositions, contests = words.frame_prepositions, words.frame_contests
    verb = clause_of(entity.root)
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    measured = entity.root.head  # "19 percent support *in Iowa*": on the measured noun
    on_noun = list(measured.children) if measured.pos_ in {"NOUN", "PROPN"} else []
    for preposition in [*verb.children, *on_noun]:
        if preposition.dep_ != "prep" or preposition.lower_ not in prepositions:
            continue
        place = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if place is None or not _is_place_or_contest(place, contests):
            continue
        if place.text.lower() not in subject.lower():  # "people killed in Paris" has it
            return _phrase(preposition, place)
    return None


def _is_place_or_contest(noun: Token, contests: frozenset[str]) -> bool:
    return noun.ent_type_ in PLACE_ENTITIES or noun.lemma_.lower() in contests


def _phrase(preposition: Token, place: Token) -> str:
    """ "in South Dakota, Idaho and Alaska" as written; a longer phrase keeps its noun
    and what is before it ("in the 2012 Florida race")."""
    doc = preposition.doc
    end = place.right_edge.i + 1
    while end > place.i + 1 and doc[end - 1].is_punct:
        end -= 1  # "in San Bernardino, Calif.," ends at its state
    rest = doc[preposition.i + 1 : end]
    if len(rest) >= MAX_FRAME_WORDS:
        rest = noun_phrase(place)
    return f"{preposition.lower_} {rest.text}"
