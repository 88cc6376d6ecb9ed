"""When a claim's figure holds: the year its sentence gives it, the period it spans, or
the year its paragraph opened with. The article's date, the fallback, is the caller's."""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsgraph.claims.numbers import MEASURES, number_words
from newsgraph.claims.phrases import NOUN_MODIFIERS
from newsgraph.relative_dates import relative_date, relative_year

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def framing_year(sentence: Span, entities: list[Span]) -> str | None:
    """The year a sentence opens with as the frame of what follows ("In 1970, Kazakhs
    ceased to be a majority."): such an opening sets the time of the next sentences of
    its paragraph, as a year inside a clause ("the 1994 crime bill", "rose from its 2008
    level") or one that opens a span ("Since 1990, ...") does not."""
    for entity in entities:
        if entity.label_ != "DATE" or names_a_thing(entity):
            continue
        opening = [t for t in sentence.doc[sentence.start : entity.start] if not t.is_punct]
        if all(t.lower_ in number_words().framing_prepositions for t in opening):
            if _period_end(entity, entities) is not None:
                return None  # "Between 1990 and 2013, ...": the period of one change
            found = YEAR.search(entity.text)
            return found.group(1) if found else None
    return None


def names_a_thing(date: Span) -> bool:
    """A year that modifies a noun ("their 2020 session", "the 2016 campaign") names that
    thing; it does not date what the next sentences report."""
    root = date.root
    return root.dep_ in NOUN_MODIFIERS | {"nummod"} and root.head.pos_ in {"NOUN", "PROPN"}


def nearest_year(entity: Span, sentence_entities: list[Span]) -> str | None:
    """The time of the DATE closest to the number among its sentence's entities: its year,
    or the period it spans as an ISO 8601 interval ("soared 565 percent between 1990 and
    2013": 1990/2013). A year after the number is not its own when another figure stands
    between them: in "41 percent opposed it, down from 55 percent in 2012" the year is the
    55 percent's, while "In 2019 it exported $4 billion of wheat and 2 million tonnes of
    barley" dates both."""
    figures = [e for e in sentence_entities if e.label_ in MEASURES and e != entity]
    dated = [
        (abs(date.start - entity.start), time)
        for date in sentence_entities
        if date.label_ == "DATE"
        and (time := _time_of(date, sentence_entities))
        and not (date.start > entity.start and any(_between(f, entity, date) for f in figures))
    ]
    return min(dated)[1] if dated else None


def year_said_relative(
    entity: Span, sentence_entities: list[Span], article_date: str | None
) -> str | None:
    """The year a phrase relative to the article's date gives the figure ("*last year*
    only 32 percent opposed it": the year before the article's; "on Dec. 30" in a story
    of January: the year before), the phrase nearest it; not one that names a thing
    ("last year's election")."""
    dated = [
        (abs(date.start - entity.start), year)
        for date in sentence_entities
        if date.label_ == "DATE"
        and not names_a_thing(date)
        and (year := _year_said(date.text, article_date))
    ]
    return min(dated)[1] if dated else None


def _year_said(phrase: str, article_date: str | None) -> str | None:
    """The year of a relative phrase: one that names a year ("last year"), or a day or a
    month that falls in another year than the article's ("on Dec. 30", "last month" in
    January); a day of the article's own year leaves the article's date to stand."""
    if year := relative_year(phrase, article_date):
        return year
    told = relative_date(phrase, article_date)
    return told[:4] if told and article_date and told[:4] != article_date[:4] else None


def _time_of(date: Span, sentence_entities: list[Span]) -> str | None:
    """A DATE's year, or the period ("1990/2013") it opens with the next DATE when the two
    are one span ("from 2010 through 2015") or it names two years as one ("2000-2013")."""
    years = YEAR.findall(date.text)
    if not years:
        return None
    later = _period_end(date, sentence_entities)
    if later is not None and later > years[0]:
        return f"{years[0]}/{later}"
    return years[0]


def _period_end(date: Span, sentence_entities: list[Span]) -> str | None:
    """The last year of the period a DATE opens, or None when it names a point in time."""
    words = number_words()
    doc = date.doc
    opener = doc[date.start - 1].lower_ if date.start > 0 else ""
    opens = date[0].lower_ in words.period_openers or opener in words.period_openers
    joiners = words.period_joiners | ({"and"} if opens else set())
    years = YEAR.findall(date.text)
    if len(years) > 1 and any(t.lower_ in joiners for t in date):
        return years[-1]
    following = [e for e in sentence_entities if e.label_ == "DATE" and e.start == date.end + 1]
    joined = opens and following and doc[date.end].lower_ in joiners
    found = YEAR.findall(following[0].text) if joined else []
    return found[-1] if found else None


def _between(middle: Span, one: Span, other: Span) -> bool:
    return min(one.start, other.start) < middle.start < max(one.start, other.start)
