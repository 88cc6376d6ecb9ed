"""The office an act was done in, where the sentence dates the actor's title.

A person is coded as at the article's date: a "then" governor has left office since. But
the act a sentence tells with the "then" title ("*then-vice president* Al Gore distanced
himself from *then-president* Bill Clinton") was done in that office, and CAMEO codes an
actor as at the act.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.actors.dictionary import people_rules

# The word that dates a title to the act told of: "then-Sen. Obama".
THEN = "then"


def office_then(named: Span) -> str | None:
    """The sector of a "then" title the name is written with, before it or inside it."""
    doc = named.doc
    title_words = people_rules().title_or_modifier_words

    def in_title(token: Token) -> bool:
        return token.text == "-" or token.lower_ in title_words

    start = named.start
    while start < named.end - 1 and doc[start].pos_ == "DET":
        start += 1  # "*the* then governor Ann Marsh"
    while start > named.sent.start and in_title(doc[start - 1]):
        start -= 1
    end = start
    while end < named.end and in_title(doc[end]):
        end += 1
    words = [token.lower_ for token in doc[start:end] if token.text != "-"]
    if len(words) < 2 or words[0] != THEN:
        return None
    return people_rules().sector_of(" ".join(words[1:]))
