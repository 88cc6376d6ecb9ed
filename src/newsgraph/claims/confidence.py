"""How far a claim is a figure an analyst can use, from what it measures and how it is told.

A number an article prints is a claim worth listing when it measures something about the
world the news is about (a share, a sum of money, a count of people, a quantity of goods),
when the parse names what it measures, when it is stated in a sentence rather than a table
row, and, better still, when the sentence says where it comes from. Each of these has a
factor in ``data/claims/confidence.toml``, about the share of claims of that kind judged
meaningful on the fit part of the audit pages (benchmarks/claims_audit.py); a claim's
confidence is their product. Listings, exports and the workbench show claims at or above
``DEFAULT_THRESHOLD`` unless asked for all.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

DEFAULT_THRESHOLD = 0.5
# A sum of money this large is about an economy or an institution, not a product.
LARGE_SUM = 1_000_000
# A count of things this large is a figure in itself ("5 million face masks").
LARGE_COUNT = 1_000_000


@dataclass(frozen=True)
class Basis:
    """What a claim measures (``kind``), and how its subject, sentence and source were found.

    ``kind``: share, money, price, people, places, measure, mass, count, spec or sample
    (see the table); ``subject``: named or poor; ``sentence``: clause, specs, aside or
    fragment; ``value``: exact or vague; ``holder``: given, or missing where the measure
    is always someone's, or described where only a description gives it; ``support``:
    sourced, dated or none; ``mood``: stated, or supposed in a condition or an indirect
    question, or planned (still to come).
    """

    kind: str
    subject: str = "named"
    sentence: str = "clause"
    value: str = "exact"
    holder: str = "given"
    support: str = "none"
    mood: str = "stated"


@dataclass(frozen=True)
class ConfidenceTable:
    factors: dict[str, dict[str, float]]
    people: frozenset[str]
    places: frozenset[str]
    units: frozenset[str]
    vague_subjects: frozenset[str]
    sources: frozenset[str]
    reports: frozenset[str]
    surveys: frozenset[str]
    share_measures: frozenset[str]
    parts: frozenset[str]
    conditions: frozenset[str]
    asking_verbs: frozenset[str]


@cache
def table() -> ConfidenceTable:
    path = resources.files("newsgraph") / "data" / "claims" / "confidence.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = data.pop("words")
    return ConfidenceTable(
        factors=data,
        people=frozenset(words["people"]),
        places=frozenset(words["places"]),
        units=frozenset(words["units"]),
        vague_subjects=frozenset(words["vague_subjects"]),
        sources=frozenset(words["sources"]),
        reports=frozenset(words["reports"]),
        surveys=frozenset(words["surveys"]),
        share_measures=frozenset(words["share_measures"]),
        parts=frozenset(words["parts"]),
        conditions=frozenset(words["conditions"]),
        asking_verbs=frozenset(words["asking_verbs"]),
    )


def kind_of(label: str, number: float | None, unit: str | None, unit_words: list[str]) -> str:
    """The kind of a figure of entity ``label`` (PERCENT, MONEY, QUANTITY or CARDINAL);
    ``unit_words`` are the lemmas of its unit and of the noun it counts."""
    words = table()
    if label == "PERCENT" or unit == "percent":
        return "share"
    if label == "MONEY":
        return "money" if number is None or number >= LARGE_SUM else "price"
    if any(word in words.people for word in unit_words):
        return "people"
    if label == "CARDINAL" and any(word in words.places for word in unit_words):
        return "places"
    if label == "QUANTITY":
        return "measure" if any(word in words.units for word in unit_words) else "spec"
    return "mass" if number is not None and number >= LARGE_COUNT else "count"


def kind_of_unit(unit: str, number: float | None) -> str:
    """The kind of a figure whose unit is already known as newsgraph writes it: percent,
    an ISO 4217 code, a counted noun or a unit of measure (the French and Russian readers)."""
    if unit == "percent":
        return "share"
    if len(unit) == 3 and unit.isupper():
        return "money" if number is None or number >= LARGE_SUM else "price"
    words = table()
    if unit in words.people:
        return "people"
    return "measure" if unit in words.units else "spec"


def confidence(basis: Basis) -> float:
    factors = table().factors
    value = (
        factors["kind"][basis.kind]
        * factors["subject"][basis.subject]
        * factors["sentence"][basis.sentence]
        * factors["value"][basis.value]
        * factors["holder"][basis.holder]
        * factors["support"][basis.support]
        * factors["mood"][basis.mood]
    )
    return round(value, 2)
