"""What text a coded side shows: the noun phrase, not the clause's words hung on it."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.events.phrases import phrase

ENGLISH = spacy.blank("en")


def parsed(words, heads, deps, pos, ents=()):
    """A parse as the tagger and parser sometimes give it, fixed so that the test does not
    depend on the model's choice of attachment."""
    doc = Doc(ENGLISH.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [doc.char_span(*span) for span in ents] if ents else []
    return doc


def test_a_name_leaves_out_a_phrase_that_says_where_the_act_was_done():
    doc = parsed(
        ["Lula", "praised", "Macron", "at", "the", "summit", "."],
        [1, 1, 1, 2, 5, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
        ["PROPN", "VERB", "PROPN", "ADP", "DET", "NOUN", "PUNCT"],
    )
    assert phrase(doc[2]).text == "Macron"


def test_a_capitalised_name_tagged_as_a_common_noun_is_still_a_name():
    doc = parsed(
        ["Fox", "hit", "back", "at", "Trump", "over", "the", "wall", "."],
        [1, 1, 1, 1, 3, 4, 7, 5, 1],
        ["nsubj", "ROOT", "advmod", "prep", "pobj", "prep", "det", "pobj", "punct"],
        ["PROPN", "VERB", "ADV", "ADP", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
    )
    assert phrase(doc[4]).text == "Trump"


def test_of_and_from_after_a_name_say_which_one_is_meant():
    doc = parsed(
        ["Senator", "Ortiz", "of", "Nevada", "spoke", "."],
        [1, 4, 1, 2, 4, 4],
        ["compound", "nsubj", "prep", "pobj", "ROOT", "punct"],
        ["PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
    )
    assert phrase(doc[1]).text == "Senator Ortiz of Nevada"


def test_a_phrase_inside_the_name_stays():
    doc = parsed(
        ["Doctors", "Without", "Borders", "left", "."],
        [3, 0, 1, 3, 3],
        ["nsubj", "prep", "pobj", "ROOT", "punct"],
        ["PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
        ents=[(0, 23, "ORG")],
    )
    assert phrase(doc[0]).text == "Doctors Without Borders"


def test_a_phrase_that_only_dates_the_act_leaves_any_noun():
    doc = parsed(
        ["the", "mayor", "on", "Tuesday", "resigned", "."],
        [1, 4, 1, 2, 4, 4],
        ["det", "nsubj", "prep", "pobj", "ROOT", "punct"],
        ["DET", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
        ents=[(13, 20, "DATE")],
    )
    assert phrase(doc[1]).text == "the mayor"
    doc = parsed(
        ["the", "mayor", "of", "Tulsa", "resigned", "."],
        [1, 4, 1, 2, 4, 4],
        ["det", "nsubj", "prep", "pobj", "ROOT", "punct"],
        ["DET", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
        ents=[(13, 18, "GPE")],
    )
    assert phrase(doc[1]).text == "the mayor of Tulsa"


def test_what_brackets_hold_after_a_name_is_an_aside():
    doc = parsed(
        ["Sen.", "Ortiz", "(", "D", "-", "Nev.", ")", "spoke", "."],
        [1, 7, 1, 1, 3, 3, 1, 7, 7],
        ["compound", "nsubj", "punct", "npadvmod", "punct", "npadvmod", "punct", "ROOT", "punct"],
        ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PUNCT"],
    )
    assert phrase(doc[1]).text == "Sen. Ortiz"
