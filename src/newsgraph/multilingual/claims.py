"""Claims in French and Russian: the figures a text cites, what they measure and when.

A figure is a number followed by a unit word of ``data/claims/languages.toml``
("68 процентов", "68 %", "19 pour cent"); the parse gives what it measures, as in
English: the subject of the verb the figure completes ("казахи составляли 68
процентов"), else the noun the unit hangs from or the one it governs ("pour les
Russes"). The time is the year in the sentence, else the year last named in the
paragraph, else the article's date. The confidence comes from the unit as in English
(claims/confidence.py).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from newsgraph.claims.confidence import Basis, confidence, kind_of_unit
from newsgraph.nlp import doc_text
from newsgraph.records import Claim
from newsgraph.records import Span as TextSpan

NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
YEAR = re.compile(r"1[89]\d\d|20\d\d")
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
# Relations through which a unit word names what the figure is a share of.
MEASURED_DEPS = frozenset({"nmod", "obl", "obl:mod"})


@dataclass(frozen=True)
class FigureWords:
    """One language's table of ``languages.toml``."""

    units: tuple[tuple[tuple[str, ...], str], ...]  # longest first
    scales: dict[str, int]
    year_words: frozenset[str]
    said_of: frozenset[str]


@cache
def figure_words(language: str) -> FigureWords | None:
    path = resources.files("newsgraph") / "data" / "claims" / "languages.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8")).get(language)
    if table is None:
        return None
    units = sorted(
        ((tuple(words), unit) for words, unit in table["units"]), key=lambda u: -len(u[0])
    )
    return FigureWords(
        tuple(units),
        dict(table["scales"]),
        frozenset(table["year_words"]),
        frozenset(table["said_of"]),
    )


def extract_claims_in(
    doc: Doc, article_id: str, language: str, *, date: str | None = None
) -> list[Claim]:
    """Claims for every figure of a French or Russian ``doc`` whose subject the parse gives."""
    words = figure_words(language)
    if words is None:
        return []
    text = doc_text(doc)
    claims: list[Claim] = []
    paragraph_year: str | None = None
    previous: Span | None = None
    for sentence in doc.sents:
        if previous is None or "\n\n" in text[previous.start_char : sentence.start_char]:
            paragraph_year = None
        years = [t.text for t in sentence if _is_year(t, words)]
        for token in sentence:
            figure = _figure(token, words)
            if figure is None:
                continue
            value, number, unit = figure
            subject = _subject(value, words)
            if subject is None:
                continue
            claims.append(
                Claim(
                    span=TextSpan(article_id, value.start_char, value.end_char),
                    sentence=TextSpan(article_id, sentence.start_char, sentence.end_char),
                    subject=subject,
                    value=value.text,
                    number=number,
                    unit=unit,
                    time=(years[0] if years else paragraph_year) or date,
                    confidence=confidence(
                        Basis(kind_of_unit(unit, number), support="dated" if years else "none")
                    ),
                )
            )
        paragraph_year = years[-1] if years else paragraph_year
        previous = sentence
    return claims


def _is_year(token: Token, words: FigureWords) -> bool:
    if not YEAR.fullmatch(token.text):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    before = token.doc[token.i - 1] if token.i else None
    return (following is not None and following.lemma_.lower() in words.year_words) or (
        before is not None and before.lower_ in {"в", "en", "à", "depuis", "с", "до"}
    )


def _figure(token: Token, words: FigureWords) -> tuple[Span, float, str] | None:
    """(value span, number, unit) when ``token`` starts a figure."""
    if not NUMBER.fullmatch(token.text) or (token.i and NUMBER.fullmatch(token.nbor(-1).text)):
        return None
    doc = token.doc
    number = float(re.sub(r"[ \u00a0\u202f]", "", token.text).replace(",", "."))
    end = token.i + 1
    while end < len(doc) and doc[end].lemma_.lower() in words.scales:
        number *= words.scales[doc[end].lemma_.lower()]
        end += 1
    for unit_words, unit in words.units:
        following = doc[end : end + len(unit_words)]
        if len(following) == len(unit_words) and all(
            t.lemma_.lower() == w or t.lower_ == w
            for t, w in zip(following, unit_words, strict=True)
        ):
            return doc[token.i : end + len(unit_words)], number, unit
    return None


def _subject(value: Span, words: FigureWords) -> str | None:
    """What the figure measures: whom it is said of ("19 % pour les Russes"), else the
    subject of the verb it completes ("казахи составляли 68 процентов"), else what the
    unit word names ("68 процентов населения")."""
    after = [
        child
        for token in value
        for child in token.children
        if child.dep_ in MEASURED_DEPS and child.i >= value.end
    ]
    for child in after:
        if any(c.dep_ == "case" and c.lower_ in words.said_of for c in child.children):
            return _phrase(child)
    verb = value.root.head
    if verb.pos_ in ("VERB", "AUX") and verb.i not in range(value.start, value.end):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return _phrase(subject)
    return _phrase(after[0]) if after else None


def _phrase(head: Token) -> str:
    """The noun phrase of ``head``, without its preposition ("les Russes", not "pour …")."""
    words = [t for t in head.subtree if not t.is_punct]
    while len(words) > 1 and words[0].dep_ == "case":
        words = words[1:]
    return head.doc[words[0].i : words[-1].i + 1].text
