"""Whom a pronoun in a claim's subject, or a description as its holder, stands for.

"58 percent of respondents said she could not be trusted" measures what respondents say of
someone the line does not name: an analyst reading "respondents that said she could not be
trusted | 58 percent" cannot tell of whom. A singular personal pronoun of a person ("he",
"him", "his", "she", "her") refers, most often, to the nearest person named before it in
its sentence ("As Mrs. Harlow launched her campaign, 58 percent of respondents said she
..."); the subject then names that person. Where the sentence names no one before the
pronoun, who is meant is not known.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.actors.confidence import honorific_gender
from newsgraph.actors.places import is_country_name, is_town, is_us_state

# Pronouns of one person, by their gender; the possessive forms take "'s" on the name.
PERSON_PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
POSSESSIVE_TAG = "PRP$"


def name_the_pronouns(subject: str, value: Span) -> str | None:
    """``subject`` with each person's pronoun in it replaced by the person its sentence
    names before it ("respondents that said Harlow could not be trusted"); the subject as
    it is when it holds none; None when one of them refers to no one the sentence names.
    ``value`` is the figure's words, after which a subject's pronoun usually stands ("58
    percent of respondents said *she*")."""
    named = subject
    for word in _pronouns_in(subject, value):
        person = _antecedent(word)
        if person is None:
            return None
        name = f"{person.text}'s" if word.tag_ == POSSESSIVE_TAG else person.text
        named = re.sub(rf"\b{re.escape(word.text)}\b", name, named, count=1)
    return named


def _pronouns_in(subject: str, value: Span) -> list[Token]:
    """The person pronouns of the sentence whose words the subject holds, one token for
    each word: the first after the figure, else the last before it."""
    words = set(re.findall(r"[A-Za-z]+", subject.lower()))
    found: dict[str, Token] = {}
    for token in value.sent:
        if token.lower_ not in PERSON_PRONOUNS or token.lower_ not in words:
            continue
        if token.lower_ not in found or found[token.lower_].i < value.start:
            found[token.lower_] = token
    return list(found.values())


def _antecedent(pronoun: Token) -> Span | None:
    """The last person named before the pronoun in its sentence whose gender, where an
    honorific gives it, is the pronoun's."""
    gender = PERSON_PRONOUNS[pronoun.lower_]
    sentence = pronoun.sent
    people = [e for e in sentence.ents if e.label_ == "PERSON" and e.end <= pronoun.i]
    for person in reversed(people):
        if honorific_gender(person) in {None, gender}:
            return person
    return None


# A holder given as a definite description of a kind of place or body ("the city", "the
# state's delegates", "the company") stands for the nearest name of that kind before it;
# the claim names it ("Harbor City: spent"). Which kind of name each noun takes.
DESCRIBED_KINDS = {
    "city": "town",
    "town": "town",
    "state": "state",
    "country": "country",
    "nation": "country",
    "company": "body",
    "firm": "body",
    "corporation": "body",
    "agency": "body",
    "campaign": "body",
    "committee": "body",
    "group": "body",
}
DEFINITE = {"the", "this", "that"}
# How far back a description's name may be: sentences before the claim's.
DESCRIPTION_REACH = 5


def name_the_description(holder: str | None, value: Span) -> str | None:
    """The name a holder that is only "the <kind>" stands for, the nearest one of that
    kind before the figure within DESCRIPTION_REACH sentences; the holder as it is
    otherwise."""
    words = holder.lower().split() if holder else []
    if len(words) != 2 or words[0] not in DEFINITE or words[1] not in DESCRIBED_KINDS:
        return holder
    kind = DESCRIBED_KINDS[words[1]]
    doc = value.doc
    sentences = list(doc.sents)
    index = max(i for i, sentence in enumerate(sentences) if sentence.start <= value.start)
    start = sentences[max(0, index - DESCRIPTION_REACH)].start
    names = [e for e in doc.ents if start <= e.start and e.end <= value.start]
    for name in reversed(names):
        if _is_of_kind(name, kind):
            return name.text
    return holder


def _is_of_kind(name: Span, kind: str) -> bool:
    if kind == "body":
        return name.label_ == "ORG"
    if name.label_ != "GPE":
        return False
    if kind == "country":
        return is_country_name(name.text)
    if kind == "state":
        return is_us_state(name.text)
    return is_town(name.text) and not is_country_name(name.text)
