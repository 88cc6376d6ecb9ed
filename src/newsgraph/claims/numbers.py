"""How the claims extractor reads a number: its value, its unit and, for a ratio, the share
it gives (the tables of ``data/claims/numbers.toml``)."""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Span, Token

from newsgraph.claims.confidence import table
from newsgraph.claims.phrases import counted_of

# The pronoun-like noun a count may stand on: "two others" are two more of a kind named
# before.
OTHERS = "others"
PEOPLE = "people"

# spaCy's labels of the entities a figure is: the claims read from them, and a phrase
# that holds one tells no end of a sum.
MEASURES = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
PERCENT_WORDS = frozenset({"percent", "%", "pct"})


@dataclass(frozen=True)
class NumberWords:
    """The tables of ``data/claims/numbers.toml``."""

    words: dict[str, int]
    scales: dict[str, int]
    currencies: dict[str, str]
    named_currencies: dict[str, str]
    vague: frozenset[str]
    name_labels: frozenset[str]
    light_verbs: frozenset[str]
    catenatives: frozenset[str]
    smallest_count: int
    harm_verbs: frozenset[str]
    result_prepositions: frozenset[str]
    kitchen_units: frozenset[str]
    not_glued_units: frozenset[str]
    changes: frozenset[str]
    directions: frozenset[str]
    ratio_joiners: tuple[tuple[str, ...], ...]
    fractions: dict[str, float]
    framing_prepositions: frozenset[str]
    period_openers: frozenset[str]
    period_joiners: frozenset[str]
    bound_prefixes: frozenset[str]
    event_nouns: frozenset[str]
    frame_prepositions: frozenset[str]
    frame_contests: frozenset[str]


@cache
def number_words() -> NumberWords:
    path = resources.files("newsgraph") / "data" / "claims" / "numbers.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return NumberWords(
        words=table["words"],
        scales=table["scales"],
        currencies=table["currencies"],
        named_currencies=table["named_currencies"],
        vague=frozenset(table["vague"]["words"]),
        name_labels=frozenset(table["names"]["labels"]),
        light_verbs=frozenset(table["light_verbs"]["lemmas"]),
        catenatives=frozenset(table["catenatives"]["lemmas"]),
        smallest_count=table["counts"]["smallest"],
        harm_verbs=frozenset(table["counts"]["harm_verbs"]),
        result_prepositions=frozenset(table["counts"]["result_prepositions"]),
        kitchen_units=frozenset(table["kitchen"]["units"]),
        not_glued_units=frozenset(table["glued"]["not_units"]) | frozenset(table["scales"]),
        changes=frozenset(table["changes"]["lemmas"]),
        directions=frozenset(table["changes"]["directions"]),
        ratio_joiners=tuple(tuple(words) for words in table["ratios"]["joiners"]),
        fractions=table["fractions"],
        framing_prepositions=frozenset(table["years"]["framing_prepositions"]),
        period_openers=frozenset(table["years"]["period_openers"]),
        period_joiners=frozenset(table["years"]["period_joiners"]),
        bound_prefixes=frozenset(table["compounds"]["bound_prefixes"]),
        event_nouns=frozenset(table["events"]["nouns"]),
        frame_prepositions=frozenset(table["frames"]["prepositions"]),
        frame_contests=frozenset(table["frames"]["contests"]),
    )


def parse_number(entity: Span, words: NumberWords) -> float | None:
    """The value as a number ("$5 billion" -> 5e9, "68 percent" -> 68); None when vague."""
    number: float | None = None
    for token in entity:
        lower = token.lower_
        if lower in words.vague:
            return None
        if number is None and NUMBER.fullmatch(token.text):
            try:
                number = float(token.text.replace(",", ""))
            except ValueError:
                return None  # "2018.04.05", "1.234.567": no one number
        elif number is None and lower in words.words:
            number = float(words.words[lower])
        elif number is not None and lower in words.scales:
            number *= words.scales[lower]
    return number


def unit_of(entity: Span, words: NumberWords) -> str | None:
    """percent, an ISO currency code, a unit of measure, or the counted noun."""
    if entity.label_ == "PERCENT" or any(t.lower_ in PERCENT_WORDS for t in entity):
        return "percent"  # spaCy labels some ranges CARDINAL: "between 57 and 60 percent"
    if entity.label_ == "MONEY":
        lemmas = " ".join(t.lemma_.lower() for t in entity)
        for name, code in words.named_currencies.items():
            if name in lemmas:
                return code
        for token in entity:
            code = words.currencies.get(token.lower_) or words.currencies.get(token.lemma_.lower())
            if code:
                return code
        return None
    if entity.label_ == "QUANTITY":
        units = [t.lemma_.lower() for t in entity if t.is_alpha and t.lower_ not in words.scales]
        return units[-1] if units else None
    root = entity.root
    if root.dep_ == "nummod":
        noun = compound_head(root.head, words)
        return PEOPLE if others_are_people(noun) else noun.lemma_.lower()
    counted = counted_of(root)  # "hundreds of people"
    return counted.lemma_.lower() if counted is not None else None


def compound_head(noun: Token, words: NumberWords) -> Token:
    """The last part of a hyphenated noun the parser left in pieces ("three *co*-workers",
    "two *co* - workers" as tokenised text spaces it): an English compound is headed by
    its last word ("workers")."""
    doc = noun.doc
    while _joined_by_hyphen(noun, words) and doc[noun.i + 2].is_alpha:
        noun = doc[noun.i + 2]
    return noun


def compound_start(word: Token, words: NumberWords) -> int:
    """Where the hyphenated word that ends in ``word`` begins ("co-workers", "co - workers")."""
    doc, start = word.doc, word.i
    while start >= 2 and doc[start - 2].is_alpha and _joined_by_hyphen(doc[start - 2], words):
        start -= 2
    return start


def _joined_by_hyphen(part: Token, words: NumberWords) -> bool:
    """Whether ``part``, a hyphen and the token after it are one written word: glued, or
    spaced only after a prefix that never stands alone (``bound_prefixes``)."""
    doc = part.doc
    if part.i + 2 >= len(doc) or doc[part.i + 1].text != "-":
        return False
    glued = not part.whitespace_ and not doc[part.i + 1].whitespace_
    return glued or part.lower_ in words.bound_prefixes


def others_are_people(noun: Token) -> bool:
    """Whether "others" counts people: the nearest noun counted before it in its sentence
    is a noun of people (confidence.toml) ("killed five soldiers and wounded 18 *others*":
    18 other people, soldiers or not)."""
    if noun.lower_ != OTHERS:
        return False
    counted = [
        t
        for t in noun.sent
        if t.i < noun.i
        and t.pos_ == "NOUN"
        and t.lower_ != OTHERS
        and any(c.dep_ == "nummod" for c in t.children)
    ]
    return bool(counted) and counted[-1].lemma_.lower() in table().people


class Ratio(NamedTuple):
    """A ratio written with two numbers ("seven in 10 voters"): where it starts and the
    share it gives, in percent."""

    start: int
    percent: float


def ratio_ending(entity: Span, words: NumberWords) -> Ratio | None:
    """The ratio whose denominator is ``entity`` ("seven in *10*", "three out of *four*"),
    None when no number and joiner stand before it. English writes a share of people
    this way; the denominator alone is no count of anything."""
    doc = entity.doc
    for joiner in words.ratio_joiners:
        at = entity.start - len(joiner) - 1
        if at < 0 or tuple(t.lower_ for t in doc[at + 1 : entity.start]) != joiner:
            continue
        numerator, denominator = number_of(doc[at], words), parse_number(entity, words)
        if not _closes_a_ratio((doc[at], numerator), (entity[-1], denominator)):
            return None
        start = at
        while doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == doc[at].ent_type_:
            start -= 1  # "Roughly seven": the numerator's whole entity
        return Ratio(start, round(100 * numerator / denominator, 1))
    return None


def is_ratio_numerator(entity: Span, words: NumberWords) -> bool:
    """Whether a count is the first number of a ratio ("*seven* in 10"), which the
    claim of its denominator gives: a number of no greater value follows its joiner as a
    count of its own ("seven in 2019" is no ratio)."""
    doc = entity.doc
    for joiner in words.ratio_joiners:
        after = entity.end + len(joiner)
        if after >= len(doc) or tuple(t.lower_ for t in doc[entity.end : after]) != joiner:
            continue
        numerator, denominator = number_of(entity[-1], words), number_of(doc[after], words)
        return (
            entity.label_ == "CARDINAL"
            and doc[after].ent_type_ == "CARDINAL"
            and _closes_a_ratio((entity[-1], numerator), (doc[after], denominator))
        )
    return False


def _closes_a_ratio(
    numerator: tuple[Token, float | None], denominator: tuple[Token, float | None]
) -> bool:
    """Whether two numbers (each its last word and value), joined by "in" or "out of",
    are one ratio: the first no greater than the second, the second one that can close a
    ratio as English writes one (ten or less, or a power of ten: "one in five", "seven in
    10", "one in 1,000"), and both one phrase of the parse ("12 in 15 attacks" counts
    attacks)."""
    (first, top), (second, bottom) = numerator, denominator
    if top is None or not bottom or top > bottom:
        return False
    return (bottom <= 10 or math.log10(bottom).is_integer()) and _one_phrase(first, second)


def _one_phrase(numerator: Token, denominator: Token) -> bool:
    """Whether two numbers are one ratio's in the parse: the first hangs on the second,
    both count one noun ("*three* out of *four* nurses"), or the joiner hangs on the first
    or beside it and holds the second ("made up *two* in *10* voters"). In "killed 12 in
    15 attacks" the first is a count of its own."""
    if numerator.head in {denominator, denominator.head} or numerator in denominator.ancestors:
        return True
    joiner = numerator.nbor(1)
    return joiner.head in {numerator, numerator.head} and denominator in joiner.subtree


def number_of(token: Token, words: NumberWords) -> float | None:
    """One word's value: digits ("10") or a number word ("seven")."""
    if NUMBER.fullmatch(token.text):
        try:
            return float(token.text.replace(",", ""))
        except ValueError:
            return None
    value = words.words.get(token.lower_)
    return float(value) if value is not None else None


def fraction_of(entity: Span, words: NumberWords) -> float | None:
    """The share in percent a fraction of a whole gives ("about half *of voters*", "two-thirds
    *of the farmers*"); None for any other number, and for a fraction of nothing named."""
    last = entity[-1].lower_.split("-")[-1]
    if last not in words.fractions or counted_of(entity.root) is None:
        return None
    return words.fractions[last]
