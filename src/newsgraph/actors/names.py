"""Name forms the actor stages share: keys, possessives, spellings, acronyms, an
entity's core."""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Span

POSSESSIVES = ("'s", "’s", "'", "’")
DETERMINERS = {"the", "a", "an"}
LINKING_WORDS = {"of", "at", "for", "in", "with"}
ACRONYM_SKIP = {"of", "the", "and", "for", "in", "on", "&"}


def slug(name: str) -> str:
    """``Kassym-Jomart Tokayev`` -> ``kassym-jomart-tokayev``: the tail of a stable key."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


# What ends a name after the surname: "John G. Roberts Jr.", "Henry Ford II".
GENERATIONAL_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def name_words(name: str) -> list[str]:
    """A person's name in words, without the generational suffix that can follow the
    surname ("Samuel A. Alito Jr." -> Samuel A. Alito), so that the last word is the
    surname the article calls the person by."""
    words = name.replace(",", " ").split()
    while len(words) > 2 and words[-1].lower().rstrip(".") in GENERATIONAL_SUFFIXES:
        words.pop()
    return words


def strip_possessive(text: str) -> str:
    for ending in POSSESSIVES[:2]:
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def spelling_key(name: str) -> str:
    """What the transliterations of one name share: "Zelensky", "Zelenskyy", "Zelenskiy"
    and "Zelenskii" -> ``zelenski``: ASCII letters, y read as i, doubled letters single."""
    letters = re.sub(r"[^a-z ]", "", slug(name).replace("-", " ")).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", letters)


def is_acronym_of(short: str, long: str) -> bool:
    """``CSTO`` abbreviates ``Collective Security Treaty Organization``."""
    letters = short.replace(".", "")
    if not (letters.isupper() and 2 <= len(letters) <= 8):
        return False
    words = [w for w in re.split(r"[\s-]+", long) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper() == letters.upper()


def core(ent: Span) -> Span:
    """An entity without a leading "the" and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    while end > start and doc[end - 1].text in POSSESSIVES:
        end -= 1
    return doc[start:end]
