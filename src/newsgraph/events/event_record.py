"""The ``Event`` record of a coded verb: spans, codebook values, the date and place stated."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.events import codebook
from newsgraph.events.modality import not_yet_done
from newsgraph.events.patterns import PLACE_ENTITIES
from newsgraph.records import ActorRef, Event
from newsgraph.records import Span as TextSpan
from newsgraph.relative_dates import MONTHS, relative_date

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
# Dependencies by which a date phrase hangs on the verb it dates ("said *Monday*", "met *last
# year*"; "in 1938" is a preposition's object instead).
TIME_ADVERBIALS = {"npadvmod", "tmod", "advmod", "obl"}


def make_event(
    verb: Token,
    code: str,
    source: ActorRef,
    target: ActorRef | None,
    article_id: str,
    date: str | None,
    negated: bool,
) -> Event:
    sentence = verb.sent
    return Event(
        span=TextSpan(article_id, verb.idx, verb.idx + len(verb.text)),
        sentence=TextSpan(article_id, sentence.start_char, sentence.end_char),
        source=source,
        target=target,
        cameo=code,
        plover=codebook.plover(code),
        goldstein=codebook.goldstein(code),
        quad_class=codebook.quad_class(code),
        verb=verb.text,
        date=stated_date(verb, date) or date,
        location=location(verb),
        negated=negated,
    )


def location(verb: Token) -> str | None:
    """The place of an "in X" on the verb, else of the first "in X" in its sentence."""
    own = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
    anywhere = [t for t in verb.sent if t.dep_ == "prep" and t.lower_ == "in"]
    for preposition in own + anywhere:
        for place in preposition.children:
            if place.dep_ == "pobj" and place.ent_type_ in PLACE_ENTITIES:
                return _entity_text(place)
    return None


def _entity_text(token: Token) -> str:
    return _entity_at(token).text


def _entity_at(token: Token) -> Span:
    """The entity a token is in, from the tokens' IOB tags: ``doc.ents`` and ``Span.ents``
    build a span for every entity of the doc on each access."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def stated_date(verb: Token, article_date: str | None = None) -> str | None:
    """The date the clause states for the verb's act, as ISO (``2022-01-05``, ``2022-01``,
    ``1916``): a date adverbial of the verb itself ("rallied *on January 5, 2022*",
    "annexed *in 1938*"), or a date it names relative to ``article_date`` ("invaded *last
    year*", "met *on Monday*", "will meet *on Monday*": relative_dates.py). A year
    elsewhere in the sentence dates something else ("the *2025* bond", "a treaty signed
    *in 1889*" under another verb), so the article's date stands.
    """
    for token in verb.sent:
        if token.ent_iob_ != "B" or token.ent_type_ != "DATE":
            continue
        entity = _entity_at(token)
        if not _dates_verb(entity.root, verb):
            continue
        if (iso := _iso_date(_with_trailing_year(entity))) is not None:
            return iso
        if article_date is None:
            continue
        told = relative_date(entity.text, article_date, to_come=not_yet_done(verb))
        if told is not None:
            return told
    return None


def _dates_verb(date: Token, verb: Token) -> bool:
    """Whether a date phrase modifies the verb: an adverbial of time on it, or the object of
    one of its prepositions ("*in* 1938", "*on* Monday")."""
    if date.head == verb and date.dep_ in TIME_ADVERBIALS:
        return True
    preposition = date.head
    return date.dep_ == "pobj" and preposition.dep_ == "prep" and preposition.head == verb


def _iso_date(text: str) -> str | None:
    year = YEAR.search(text)
    if year is None:
        return None
    words = [word.strip(",.") for word in text.lower().split()]
    month = next((MONTHS.index(word) + 1 for word in words if word in MONTHS), None)
    if month is None:
        return year.group(1)
    day = DAY.search(YEAR.sub("", text))
    if day and 1 <= int(day.group(1)) <= 31:
        return f"{year.group(1)}-{month:02d}-{int(day.group(1)):02d}"
    return f"{year.group(1)}-{month:02d}"


def _with_trailing_year(entity: Span) -> str:
    """The entity's text, with a year the model left outside it ("January 5" ", 2022")."""
    doc = entity.doc
    after = entity.end
    if after + 1 < len(doc) and doc[after].text == "," and YEAR.fullmatch(doc[after + 1].text):
        return f"{entity.text}, {doc[after + 1].text}"
    return entity.text
