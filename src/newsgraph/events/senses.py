"""Senses of an act that the verb alone does not fix: how it is used and who does it.

"Thousands *demonstrated* in Athens" is a protest, "as *demonstrated* by his departure"
is not: some verbs name their event only without an object. Troops or police "taking to
the streets" show force, civilians doing it protest; teachers "surrounding" the
Statehouse block it, troops surrounding a town besiege it. The verbs and codes are data
(``[senses]`` in ``verbs.toml``); the facts are the codebook's: a protest is civilians'
dissent, a show of force the state's, and a military act needs an armed actor.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.events.arguments import ArgumentResolver
from newsgraph.events.patterns import PLACE_ENTITIES
from newsgraph.events.verb_dictionary import dates_only
from newsgraph.records import ActorRef

# Dependents that make a verb transitive: an object, a clause, or a passive subject or agent.
OBJECT_DEPS = {"dobj", "ccomp", "nsubjpass", "agent"}
PROTEST_ROOT = "14"
NAMING_POS = {"NOUN", "PROPN"}
# Parts of a longer name, resolved with the phrase they belong to.
NAME_PARTS = {"compound", "amod"}
OPPOSING_PREPS = {"against", "over", "in"}


@dataclass(frozen=True)
class BySource:
    """An act coded ``codes`` (prefixes) by a source of one of ``sectors`` is ``code``;
    ``verbs``, when given, limits the rule to those lemmas."""

    codes: tuple[str, ...]
    sectors: frozenset[str]
    code: str
    verbs: frozenset[str] = frozenset()


@cache
def _senses() -> dict:
    path = resources.files("newsgraph") / "data" / "events" / "verbs.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))["senses"]


@cache
def _by_source() -> tuple[BySource, ...]:
    return tuple(
        BySource(
            tuple(rule["codes"]),
            frozenset(rule["sectors"]),
            rule["code"],
            frozenset(rule.get("verbs", ())),
        )
        for rule in _senses()["by_source"]
    )


def used_otherwise(verb: Token) -> bool:
    """Whether a verb whose event sense takes no object has one: "demonstrated its
    resolve", "as demonstrated by his departure", "rallied support"; or one whose event
    sense takes an object takes up a thing with a preposition instead: "seized on his
    remarks"."""
    lemma = verb.lemma_.lower()
    if lemma in _senses()["intransitive_only"]:
        return _has_object(verb)
    preps = _senses()["taken_up_with"].get(lemma)
    return (
        bool(preps)
        and not _has_object(verb)
        and any(
            child.dep_ in {"prep", "prt"} and child.lower_ in preps and not dates_only(child)
            for child in verb.children
        )
    )


def _has_object(verb: Token) -> bool:
    return any(child.dep_ in OBJECT_DEPS for child in verb.children)


def code_by_source(code: str, verb: Token, sector: str | None) -> str:
    """The code of the act as the source's sector reads it ("troops took to the streets":
    a show of force, 150, not a protest), else ``code``."""
    lemma = verb.lemma_.lower()
    for rule in _by_source():
        if (
            sector in rule.sectors
            and code.startswith(rule.codes)
            and (not rule.verbs or lemma in rule.verbs)
        ):
            return rule.code
    return code


def protested(verb: Token, code: str, resolver: ArgumentResolver) -> list[ActorRef]:
    """Whom a protest that names no target is against: the first actor named in what it
    wants or opposes, its purpose or its "against", "over" or "in protest of" phrase
    ("marched *to demand reforms from the Peruvian government*", "a sit-in *in protest
    of the mayor's decision*"); not in what only dates it ("after the police raids"). A
    place is where it happens, not whom it is against; the caller falls back on it, then
    on the source's own government."""
    if not code.startswith(PROTEST_ROOT):
        return []
    for part in verb.children:
        if not _says_what_is_opposed(part):
            continue
        for token in part.subtree:
            if (
                token.pos_ in NAMING_POS
                and token.ent_type_ not in PLACE_ENTITIES
                and token.dep_ not in NAME_PARTS
                and (refs := resolver.resolve_targets([token]))
            ):
                return refs
    return []


def _says_what_is_opposed(part: Token) -> bool:
    """A purpose ("to demand"), a participle ("protesting the cuts") or a phrase of
    opposition ("against", "over", "in protest of") on a protest verb."""
    if part.dep_ == "prep":
        return part.lower_ in OPPOSING_PREPS
    if part.dep_ in {"advcl", "xcomp"}:
        return part.tag_ == "VBG" or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in part.children
        )
    return False
