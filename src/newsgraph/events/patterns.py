"""Loads the verb patterns and group words that the coder applies to a parse.

Both are data (``data/events/verbs.toml`` and ``groups.toml``) so that coverage grows
by editing a table, not the coder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

DATA_DIR = resources.files("newsgraph") / "data" / "events"
# spaCy entity labels of places, and the CAMEO sectors of armed state forces.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
FORCE_SECTORS = frozenset({"MIL", "COP"})


@dataclass(frozen=True)
class VerbPattern:
    """How one verb lemma is coded; see the header of ``verbs.toml`` for each field."""

    lemma: str
    code: str | None
    target_preps: tuple[str, ...]
    particles: dict[str, str] = field(default_factory=dict)
    objects: dict[str, str] = field(default_factory=dict)
    xcomps: dict[str, str] = field(default_factory=dict)
    preps: dict[str, str] = field(default_factory=dict)
    clause: str | None = None
    complement: str | None = None
    recipient: str | None = None
    theme: bool = False
    # The code is PETRARCH2's block default: no word of the phrase, no hand-written
    # entry gave it, so it codes only an act on someone.
    bare: bool = False


@dataclass(frozen=True)
class Modality:
    """How the future, intent, refusal and obligation recode an action (``[modality]``
    in verbs.toml)."""

    future_auxiliaries: frozenset[str]
    intent_heads: frozenset[str]
    refusal_heads: frozenset[str]
    doubt_heads: frozenset[str]
    allegation_heads: frozenset[str]
    action_heads: frozenset[str]
    threat_heads: frozenset[str]
    command_heads: frozenset[str]
    protest_purposes: frozenset[str]
    dispatch_heads: frozenset[str]
    dispatch_purposes: tuple[str, ...]
    obligation_auxiliaries: frozenset[str]
    willing_heads: frozenset[str]
    willing: str
    conditional_auxiliaries: frozenset[str]
    conditions: frozenset[str]
    demand_conditions: frozenset[str]
    suppositions: frozenset[str]
    intent: dict[str, str]
    threat: dict[str, str]
    refusal: dict[str, str]
    obligation: dict[str, str]
    preparation_heads: frozenset[str]
    plan_heads: frozenset[str]
    preparation: dict[str, str]


@dataclass(frozen=True)
class FightingBeside:
    """Fighting named in a time adjunct of a military act (``[fighting_beside]``)."""

    acts: tuple[str, ...]
    preps: frozenset[str]
    nouns: dict[str, str]


@dataclass(frozen=True)
class Riot:
    """When a violent act is rioting (``[riot]``): done during a protest by civilians."""

    code: str
    preps: frozenset[str]
    sectors: frozenset[str]


@dataclass(frozen=True)
class GroupWords:
    """Words that make a noun phrase a collective actor without a dictionary entry."""

    sectors: dict[str, str]
    regions: dict[str, str]
    government: frozenset[str]
    quantifiers: frozenset[str]


@cache
def _load_toml(name: str) -> dict:
    return tomllib.loads(DATA_DIR.joinpath(name).read_text(encoding="utf-8"))


@cache
def verb_patterns() -> dict[str, VerbPattern]:
    """Verb patterns keyed by lemma."""
    table = _load_toml("verbs.toml")
    default_preps = tuple(table["defaults"]["target_preps"])
    return {
        lemma: VerbPattern(
            lemma=lemma,
            code=entry.get("code"),
            target_preps=tuple(entry.get("target_preps", default_preps)),
            particles=entry.get("particles", {}),
            objects=entry.get("objects", {}),
            xcomps=entry.get("xcomps", {}),
            preps=entry.get("preps", {}),
            clause=entry.get("clause"),
            complement=entry.get("complement"),
            recipient=entry.get("recipient"),
            theme=entry.get("theme", False),
        )
        for lemma, entry in table["verbs"].items()
    }


@cache
def event_nouns() -> dict[str, str]:
    """CAMEO codes of nouns that name an event ("invasion", "suspension"), by lemma."""
    return _load_toml("verbs.toml")["nouns"]


@cache
def joint_codes() -> dict[str, str]:
    """The code of an act done together, by the code of the act ("war games" 150 ->
    joint war games 062)."""
    return _load_toml("verbs.toml")["joint"]


@cache
def fighting_beside() -> FightingBeside:
    """The acts, prepositions and nouns of fighting coded beside a military act."""
    table = _load_toml("verbs.toml")["fighting_beside"]
    return FightingBeside(tuple(table["acts"]), frozenset(table["preps"]), table["nouns"])


@cache
def riot() -> Riot:
    """The code, prepositions and sectors that make a violent act during a protest a riot."""
    table = _load_toml("verbs.toml")["riot"]
    return Riot(table["code"], frozenset(table["preps"]), frozenset(table["sectors"]))


@cache
def default_target_preps() -> tuple[str, ...]:
    """Prepositions whose object is a verb's target unless its pattern says otherwise."""
    return tuple(_load_toml("verbs.toml")["defaults"]["target_preps"])


@cache
def purpose_roots() -> tuple[str, ...]:
    """CAMEO roots of event nouns that, after "for", say what a verb is done for."""
    return tuple(_load_toml("verbs.toml")["defaults"]["purpose_roots"])


@cache
def light_verbs() -> frozenset[str]:
    """Verbs whose object names the event ("held talks", "launched an attack")."""
    return frozenset(_load_toml("verbs.toml")["defaults"]["light_verbs"])


@cache
def statement_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns of a statement whose content is the event, and the verbs that issue them
    ("*issued* a *declaration* demanding")."""
    defaults = _load_toml("verbs.toml")["defaults"]
    return frozenset(defaults["statement_nouns"]), frozenset(defaults["statement_verbs"])


@cache
def stative_participles() -> frozenset[str]:
    """Verbs whose passive is a state of the subject ("were engaged in fighting")."""
    return frozenset(_load_toml("verbs.toml")["defaults"]["stative_participles"])


@cache
def occurrence_verbs() -> frozenset[str]:
    """Verbs that only say an event happens ("protests *broke out*", "fighting *raged*")."""
    return frozenset(_load_toml("verbs.toml")["defaults"]["occurrence_verbs"])


@cache
def pattern_only_verbs() -> frozenset[str]:
    """Verbs whose PETRARCH2 block default is too rare a sense to code them alone ("take"
    is seized in "took the town", not in "took the covers off"): only a pattern does."""
    return frozenset(_load_toml("verbs.toml")["defaults"]["pattern_only"])


@cache
def fixed_expression_places() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """Each word of a fixed expression (word sequences, lower-cased, in which a pattern
    verb codes no event) -> the expressions it is in, with its place."""
    places: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for expression in _load_toml("verbs.toml")["defaults"]["fixed_expressions"]:
        words = tuple(expression.split())
        for offset, word in enumerate(words):
            places.setdefault(word, []).append((words, offset))
    return {word: tuple(found) for word, found in places.items()}


@cache
def modality() -> Modality:
    """The future, intent and refusal rules of ``verbs.toml``."""
    table = _load_toml("verbs.toml")["modality"]
    return Modality(
        future_auxiliaries=frozenset(table["future_auxiliaries"]),
        intent_heads=frozenset(table["intent_heads"]),
        refusal_heads=frozenset(table["refusal_heads"]),
        doubt_heads=frozenset(table["doubt_heads"]),
        allegation_heads=frozenset(table["allegation_heads"]),
        action_heads=frozenset(table["action_heads"]),
        threat_heads=frozenset(table["threat_heads"]),
        command_heads=frozenset(table["command_heads"]),
        protest_purposes=frozenset(table["protest_purposes"]),
        dispatch_heads=frozenset(table["dispatch_heads"]),
        dispatch_purposes=tuple(table["dispatch_purposes"]),
        obligation_auxiliaries=frozenset(table["obligation_auxiliaries"]),
        willing_heads=frozenset(table["willing_heads"]),
        willing=table["willing"],
        conditional_auxiliaries=frozenset(table["conditional_auxiliaries"]),
        conditions=frozenset(table["conditions"]),
        demand_conditions=frozenset(table["demand_conditions"]),
        suppositions=frozenset(table["suppositions"]),
        intent=table["intent"],
        threat=table["threat"],
        refusal=table["refusal"],
        obligation=table["obligation"],
        preparation_heads=frozenset(table["preparation_heads"]),
        plan_heads=frozenset(table["plan_heads"]),
        preparation=table["preparation"],
    )


@cache
def group_words() -> GroupWords:
    """The group, region, government and quantifier words of ``groups.toml``."""
    table = _load_toml("groups.toml")
    return GroupWords(
        sectors=table["sectors"],
        regions=table["regions"],
        government=frozenset(table["government_words"]["words"]),
        quantifiers=frozenset(table["collective_quantifiers"]["words"]),
    )


def groups_table() -> dict:
    """The whole of ``groups.toml``, for the rules that read one of its sections."""
    return _load_toml("groups.toml")


def domestic_roots() -> tuple[str, ...]:
    """CAMEO roots of acts that always have a target, the source's own country failing
    any other (``groups.toml``)."""
    return tuple(groups_table()["domestic_targets"]["roots"])


@cache
def acted_on_at_home_roots() -> tuple[str, ...]:
    """CAMEO roots of the acts with a home target whose object is that target as written
    (``groups.toml`` ``[domestic_targets]`` ``acted_on_roots``)."""
    return tuple(groups_table()["domestic_targets"]["acted_on_roots"])


@cache
def weapon_words() -> frozenset[str]:
    """Nouns of what is fired or launched ("missile", "rocket"): what an attack is done
    with, not to (``groups.toml`` ``[weapons]``)."""
    return frozenset(groups_table()["weapons"]["words"])
