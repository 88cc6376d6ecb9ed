"""The year a date phrase names relative to the article's own date ("last year", "four
years ago"), which only the article's date can turn into a year.

A figure or an act told "last year" in a story of 2016 is of 2015; without this, a phrase
with no year in it left the article's year on it, a year wrong. Phrases relative to another
time in the text ("a year earlier", "the following year") are not resolved, nor months and
weeks, which may or may not cross a year's end.
"""

from __future__ import annotations

import re

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# "last year", "earlier this year", "late next year"
DEICTIC = re.compile(r"(?:(?:early|earlier|late|later|mid)[ -])?(last|this|next) year")
DEICTIC_SHIFT = {"last": -1, "this": 0, "next": 1}
# "four years ago", "2 years ago", "a year ago"
AGO = re.compile(r"(?:some |about |nearly |almost )?(\d{1,2}|[a-z]+) years? ago")
ARTICLE_YEAR = re.compile(r"(1[89]\d\d|20\d\d)(?:-|$)")


def relative_year(phrase: str, article_date: str | None) -> str | None:
    """The year ``phrase`` (a DATE entity's text) names, counted from ``article_date``
    (ISO); None when the phrase is not one of these or the article has no date."""
    year = ARTICLE_YEAR.match(article_date or "")
    if year is None:
        return None
    text = " ".join(phrase.lower().split())
    if found := DEICTIC.fullmatch(text):
        return str(int(year.group(1)) + DEICTIC_SHIFT[found.group(1)])
    if found := AGO.fullmatch(text):
        count = found.group(1)
        years = int(count) if count.isdigit() else SMALL_NUMBERS.get(count)
        return str(int(year.group(1)) - years) if years else None
    return None
