"""Which language an article is in, and what that means for the stages after cleaning.

Every language is read, cleaned, grouped into stories and searchable; only the
languages with a pipeline in the registry (``multilingual.registry.LANGUAGES``) go
through the NLP stages (actors, quotes, claims; events in English). ``supported`` is
the one place that decides. Scripts written without spaces (Chinese, Japanese, Thai, ...) have no
words to count or shingle; here they get characters instead, so that story
grouping and the word-count thresholds work for them as they do for English.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import py3langid

from newsgraph.multilingual.registry import LANGUAGES

RULES_FILE = files("newsgraph") / "data" / "language" / "language.toml"


def _character_class(ranges: list[list[str]]) -> str:
    return "".join(f"{chr(int(low, 16))}-{chr(int(high, 16))}" for low, high in ranges)


@dataclass(frozen=True)
class LanguageRules:
    """The compiled settings of data/language/language.toml (see that file for each)."""

    spaceless: re.Pattern[str]
    separators: re.Pattern[str]
    sample_chars: int
    min_identified_chars: int

    @classmethod
    def load(cls) -> LanguageRules:
        data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
        return cls(
            spaceless=re.compile(f"[{_character_class(data['spaceless_ranges'])}]"),
            separators=re.compile(f"[{_character_class(data['separator_ranges'])}]+"),
            sample_chars=data["identify"]["sample_chars"],
            min_identified_chars=data["identify"]["min_identified_chars"],
        )


@cache
def default_rules() -> LanguageRules:
    return LanguageRules.load()


def supported(language: str | None) -> bool:
    """Whether the NLP stages read ``language`` (an unknown language gets the benefit)."""
    return language is None or language in LANGUAGES


def identify_language(text: str, declared: str | None = None) -> str | None:
    """The language of ``text`` (py3langid); ``declared`` when there is too little text."""
    rules = default_rules()
    if len(text) < rules.min_identified_chars:
        return declared
    language, _score = py3langid.classify(text[: rules.sample_chars])
    return language


def has_spaceless_script(text: str) -> bool:
    """Whether any of ``text`` is in a script written without spaces between words."""
    return default_rules().spaceless.search(text) is not None


def spaced_characters(text: str) -> str:
    """``text`` with every character of a spaceless script a word of its own.

    Ideographic punctuation becomes a space; other text (Latin names, figures
    inside a Chinese sentence) keeps its words. Text without such scripts comes
    back unchanged.
    """
    rules = default_rules()
    if rules.spaceless.search(text) is None:
        return text
    text = rules.separators.sub(" ", text)
    return rules.spaceless.sub(lambda match: f" {match.group()} ", text)


def count_words(text: str) -> int:
    """Words in ``text``, each character of a spaceless script counting as one."""
    return len(spaced_characters(text).split())
