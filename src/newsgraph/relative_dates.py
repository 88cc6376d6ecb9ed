"""Dates a phrase names relative to the article's own date ("last year", "four years ago",
"on Monday", "yesterday", "last month"), which only the article's date turns into dates.

A figure or an act told "last year" in a story of 2016 is of 2015, and one done "on
Monday" in a story of Wednesday 5 January 2022 is of 3 January; without this, a phrase with
no year in it left the article's own date on the fact. Claims keep only the year
(``relative_year``), events the day where the phrase names one (``relative_date``): a
weekday is the last one on or before the article's date, or the next one after it for an
act still to come. Phrases relative to another time in the text ("a year earlier", "the
following Monday") are not resolved.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
MONTHS = [name.lower() for name in calendar.month_name[1:]]
WEEKDAYS = [name.lower() for name in calendar.day_name]
# "last year", "earlier this year", "late next year", "last month"
DEICTIC = re.compile(
    r"(?:(?:early|earlier|late|later|mid)[ -])?(?P<shift>last|this|next) (?P<unit>year|month)"
)
SHIFT = {"last": -1, "this": 0, "next": 1}
# "four years ago", "2 years ago", "a year ago"
YEARS_AGO = re.compile(r"(?:some |about |nearly |almost )?(\d{1,2}|[a-z]+) years? ago")
# "Monday", "last Monday", "Monday night", "on Tuesday morning"
WEEKDAY = re.compile(
    r"(?:(last|this|next) )?(" + "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?"
)
DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
# "Jan. 3", "January 3", "Sept. 30", "3 January": a day of a month the year is left out of
MONTH_DAY = re.compile(
    r"(?:(?P<month>[a-z]{3,9})\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month2>[a-z]{3,9})\.?)"
)
ARTICLE_DATE = re.compile(r"(1[89]\d\d|20\d\d)(?:-(\d\d)(?:-(\d\d))?)?$")


def relative_year(phrase: str, article_date: str | None) -> str | None:
    """The year ``phrase`` (a DATE entity's text) names, counted from ``article_date``
    (ISO); None when the phrase is not one of these or the article has no date."""
    found = ARTICLE_DATE.match(article_date or "")
    if found is None:
        return None
    year = int(found.group(1))
    text = _normalised(phrase)
    if (words := DEICTIC.fullmatch(text)) and words["unit"] == "year":
        return str(year + SHIFT[words["shift"]])
    if words := YEARS_AGO.fullmatch(text):
        count = words.group(1)
        years = int(count) if count.isdigit() else SMALL_NUMBERS.get(count)
        return str(year - years) if years else None
    return None


def relative_date(phrase: str, article_date: str | None, *, to_come: bool = False) -> str | None:
    """The date ``phrase`` names counted from ``article_date``, as ISO: a day for a weekday
    or "yesterday", a month for "last month", else a year (``relative_year``); an act
    ``to_come`` is on the next such weekday, a done one on the last."""
    found = ARTICLE_DATE.match(article_date or "")
    if found is None:
        return None
    text = _normalised(phrase)
    year, month, day = found.groups()
    if month and (words := DEICTIC.fullmatch(text)) and words["unit"] == "month":
        shifted = int(year) * 12 + int(month) - 1 + SHIFT[words["shift"]]
        return f"{shifted // 12}-{shifted % 12 + 1:02d}"
    if day:
        today = date(int(year), int(month), int(day))
        if text in DAY_WORDS:
            return (today + timedelta(days=DAY_WORDS[text])).isoformat()
        if words := WEEKDAY.fullmatch(text):
            return _weekday(today, words.group(1), WEEKDAYS.index(words.group(2)), to_come)
        if words := MONTH_DAY.fullmatch(text):
            return _day_of_month(today, words, to_come)
    return relative_year(phrase, article_date)


def _day_of_month(today: date, words: re.Match[str], to_come: bool) -> str | None:
    """A month and day with no year ("Jan. 3"): in the article's year, or the year before
    where that day is after the article's date for a done act (a story of 2 January
    telling of "Dec. 30")."""
    name = words.group("month") or words.group("month2")
    month = next((i for i, full in enumerate(MONTHS, 1) if full.startswith(name)), None)
    day = int(words.group("day") or words.group("day2"))
    if month is None or (len(name) > 4 and name != MONTHS[month - 1]):
        return None  # a month's name or its abbreviation ("Sept"), not any prefix of it
    try:
        told = date(today.year, month, day)
    except ValueError:
        return None
    if not to_come and told > today:
        if (month, day) == (2, 29):
            return None
        told = told.replace(year=today.year - 1)
    return told.isoformat()


def _weekday(today: date, which: str | None, weekday: int, to_come: bool) -> str | None:
    """The date of a weekday near the article's date: "last Monday" the one before it,
    "next Monday" the one after, a bare "Monday" the last on or before it (the first on or
    after it for an act to come); "this Monday" says neither, and is left alone."""
    if which == "this":
        return None
    if which == "next" or (which is None and to_come):
        ahead = (weekday - today.weekday()) % 7
        if which == "next" and ahead == 0:
            ahead = 7
        return (today + timedelta(days=ahead)).isoformat()
    back = (today.weekday() - weekday) % 7
    if which == "last" and back == 0:
        back = 7
    return (today - timedelta(days=back)).isoformat()


def _normalised(phrase: str) -> str:
    words = phrase.lower().replace("’", "'").split()
    if words and words[0] in {"on", "in", "since", "from"}:
        words = words[1:]
    return " ".join(words)
