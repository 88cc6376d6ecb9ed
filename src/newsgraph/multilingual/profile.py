"""Same-story features of a French or Russian article that an English report shares.

Level 2 (``stories.same_story``) compares names, dates, numbers and event words. Across
languages only the first three can meet: a name is given by the actor it resolves to,
in the English words of that actor's name ("Токаев" -> "tokayev", "Кремль" -> "russia"),
and names no actor knows are transliterated (anyascii); years and figures are written
alike. Event words are left out, since they never match another language's; the
similarity then weighs the groups both articles have, so a short foreign report is not
held back by the words it cannot share.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from anyascii import anyascii
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newsgraph.records import StoryFacts
from newsgraph.stories import Profile
from newsgraph.stories.same_story import GROUPS, LEAD_SENTENCES, LEAD_WEIGHT

WORD = re.compile(r"[^\W_]+")
YEAR = re.compile(r"1[89]\d\d|20\d\d")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
NAME_LABELS = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "MISC"})


def _words(name: str) -> list[str]:
    return [w for w in WORD.findall(name.lower()) if w not in STOP_WORDS and not w.isdigit()]


def profile_across_languages(doc: Doc, facts: StoryFacts) -> Profile:
    """Names (as actor names in English), years and figures of ``doc``, lead counted more."""
    groups: dict[str, Counter[str]] = {group: Counter() for group in GROUPS}
    sentence_starts = [sentence.start_char for sentence in doc.sents]

    def weight(offset: int) -> float:
        return LEAD_WEIGHT if bisect_right(sentence_starts, offset) <= LEAD_SENTENCES else 1.0

    actors = {actor.key: actor for actor in facts.actors}
    named: set[int] = set()
    for mention in facts.mentions:
        actor = actors.get(mention.actor_key)
        if actor is None:
            continue
        words = _words(actor.name)
        if actor.type == "person" and len(mention.text.split()) == 1 and words:
            words = words[-1:]  # a surname alone: "Токаев" is "tokayev", as in English
        for word in words:
            groups["name"][word] += weight(mention.span.start)
        named.update(range(mention.span.start, mention.span.end))
    for entity in doc.ents:
        if entity.label_ in NAME_LABELS and entity.start_char not in named:
            for word in _words(anyascii(entity.text)):
                groups["name"][word] += weight(entity.start_char)
    for token in doc:
        if YEAR.fullmatch(token.text):
            groups["date"][token.text] += weight(token.idx)
        elif NUMBER.fullmatch(token.text):
            groups["number"][token.text] += weight(token.idx)
    return Profile({group: dict(counts) for group, counts in groups.items() if group != "word"})
