"""How far an actor the resolver found can be trusted, from the evidence it had.

spaCy's PERSON and ORG labels are guesses from the shape of a name: on real news it types
firms, products and places as persons ("WeWork", "Sportback", "Logar") and products as
organisations ("Note 10 Plus", "HDMI"). What the resolver knows besides the label is
evidence: a name the dictionary knows, a title, role or honorific ("Mr."), a common given
name, a name ending in a word only organisations bear, and what the name does in its
sentences (the subject of "said", a possessor, the object of "by"; a he or she after it).
Being named like a thing made ("a new MacBook Pro", a model number) is evidence against an
organisation. Each kind of evidence has a factor in ``data/actors/confidence.toml``, the
share of such actors judged right on the fit part of the real-news audit pages; an actor
takes the factor of its best evidence. Actors under ``DEFAULT_THRESHOLD`` are not shown by
default (``is_shown``: ``ActorIndex.shown``, the store's listings) unless a fact refers to
them. Every actor is stored, each mention with its actor's confidence in that story.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from newsgraph.given_names import given_names

if TYPE_CHECKING:
    from spacy.tokens import Span

DATA_PACKAGE = "newsgraph.data.actors"
DEFAULT_THRESHOLD = 0.5
# A word after the first that holds a digit is a model designation: "Note 10 Plus",
# "iPhone 11 Pro", "Galaxy S10", "A380".
MODEL_NUMBER = re.compile(r"\S\s+\S*\d")
SUBJECTS = {"nsubj"}
POSSESSORS = {"poss"}


def is_shown(confidence: float, referenced: bool, threshold: float | None) -> bool:
    """Whether an actor is shown at ``threshold`` (None: every actor is): it is at least
    that confident, or a quote or event refers to it and the fact's confidence answers
    for it."""
    return threshold is None or confidence >= threshold or referenced


@dataclass
class Evidence:
    """What the resolver knew about an actor when it made it."""

    dictionary: bool = False
    leader: bool = False
    role: bool = False
    product: bool = False
    kind_named: bool = False  # named after the noun of its kind: "the law firm Mayer Brown"


@dataclass(frozen=True)
class Usage:
    """What an actor's mentions do in their sentences."""

    speaks: bool = False  # the subject of a speech or thought verb: "Prakash said"
    acts: bool = False  # a subject of another verb, a possessor, the object of "by"/"at"
    referred_to_as_person: bool = False  # a he or she follows a speaking mention in its sentence
    # More mentions read as a thing made than as an agent: "the 2016 MacBook Pro",
    # "Google's Stadia" (a number or an organisation owns it)
    made: bool = False
    honoured: bool = False  # an honorific before a mention: "Mr. Dubrovsky"
    # a he or she later in the sentence of any mention: "Rose-Lynn's way ... she never"
    pronoun_near: bool = False


@cache
def _factors() -> dict[str, dict[str, float]]:
    text = resources.files(DATA_PACKAGE).joinpath("confidence.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def context_words() -> dict[str, frozenset[str]]:
    text = resources.files(DATA_PACKAGE).joinpath("actor_evidence.toml").read_text("utf-8")
    return {name: frozenset(words) for name, words in tomllib.loads(text).items()}


def honorific_gender(span: Span) -> str | None:
    """ "male" after "Mr.", "female" after "Mrs.", "Ms." or "Miss"; else None."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1].lower_
    words = context_words()
    if before in words["male_honorifics"]:
        return "male"
    return "female" if before in words["female_honorifics"] else None


def is_given_name(word: str) -> bool:
    """ "Kate", "Jo-Wilfried" (by its first part), "Ming-Chi": a common given name."""
    lowered = word.lower().rstrip(".")
    names = given_names()
    return lowered in names or lowered.split("-")[0] in names


def has_model_number(name: str) -> bool:
    return bool(MODEL_NUMBER.search(name))


def has_organisation_word(name: str) -> bool:
    """ "Ceres Robotics Inc.", "University of Texas", "Parliament": a word only
    organisations bear."""
    words = name.lower().replace(",", " ").split()
    return any(word in context_words()["organisation_words"] for word in words)


def usage(spans: Iterable[Span]) -> Usage:
    """What the mentions ``spans`` of one actor do in their sentences."""
    words = context_words()
    speaks = person = honoured = near = False
    agent = made = 0
    for span in spans:
        root = span.root
        head = root.head
        before = span.doc[span.start - 1] if span.start else None
        honoured = honoured or (before is not None and before.lower_ in words["honorifics"])
        near = near or _pronoun_follows(span, words["personal_pronouns"])
        if _made(span):
            made += 1
        elif root.dep_ in SUBJECTS and head.lemma_.lower() in words["speech_verbs"]:
            speaks = True
            agent += 1
            person = person or _pronoun_follows(span, words["personal_pronouns"])
        elif (
            (root.dep_ in SUBJECTS and head.pos_ == "VERB")
            or root.dep_ in POSSESSORS
            or (root.dep_ == "pobj" and head.lower_ in words["agent_prepositions"])
        ):
            agent += 1
    return Usage(speaks, agent > made, person, made > agent, honoured, near)


def _made(span: Span) -> bool:
    """A name read as a thing made: a proper name of an organisation takes no article
    but "the", no possessive pronoun and no number, a product's name does ("a new MacBook
    Pro", "my MacBook Pro", "the 2016 MacBook Pro", "a 15-inch MacBook Pro"), and an
    organisation's possessive owns a product ("Google's Stadia")."""
    for child in span.root.children:
        if child.i >= span.start:
            continue
        if child.dep_ in {"det", "poss"} and child.lower_ in context_words()["count_determiners"]:
            return True
        if child.dep_ == "nummod" or any(t.like_num for t in child.subtree):
            return True
        if child.dep_ in POSSESSORS and child.ent_type_ == "ORG":
            return True
    return False


def _pronoun_follows(span: Span, pronouns: frozenset[str]) -> bool:
    """A personal pronoun later in the sentence: "Prakash said *he*...", "Okonkwo said
    *he* would appeal" (a sentence further on may be about someone else)."""
    doc = span.doc
    return any(t.lower_ in pronouns and t.pos_ == "PRON" for t in doc[span.end : span.sent.end])


def person_evidence(name: str, evidence: Evidence, used: Usage, family_name_first: bool) -> str:
    """The best evidence that ``name`` is a person's (a key of ``[person]``)."""
    if evidence.leader or evidence.dictionary:
        return "leader"
    if evidence.role or used.honoured:
        return "role"
    words = name.split()
    candidates = words[:2] if family_name_first and len(words) > 1 else words[:1]
    if any(is_given_name(word) for word in candidates):
        # a given name alone, with no he or she near it, may name an assistant or a brand
        # ("Ask Siri"): "Kate" of "Kate York" joined the full name before this
        return "given_name" if len(words) > 1 or used.pronoun_near else "lone_given_name"
    if used.referred_to_as_person:
        return "pronoun"
    if len(words) > 1:
        return "full_name_acts" if used.speaks or used.acts else "full_name"
    return "lone_name"


def organisation_evidence(name: str, evidence: Evidence, used: Usage) -> str:
    """The best evidence that ``name`` is an organisation's (a key of ``[organisation]``)."""
    if evidence.dictionary:
        return "dictionary"
    if has_organisation_word(name) or evidence.kind_named:
        return "organisation_word"
    if evidence.product or used.made:
        return "product"
    if used.speaks or used.acts:
        return "acts"
    return "named"


def confidence(
    actor_type: str, name: str, evidence: Evidence, used: Usage, family_name_first: bool
) -> float:
    """The factor of the actor's best evidence (``confidence.toml``)."""
    factors = _factors()
    if actor_type == "person":
        return factors["person"][person_evidence(name, evidence, used, family_name_first)]
    if actor_type == "organisation":
        return factors["organisation"][organisation_evidence(name, evidence, used)]
    return factors["other"]["dictionary"]
