"""Facts in languages other than English: the pipeline registry and each stage's
language-specific reading (actors, quotes, claims, story features), rules as data."""

from newsgraph.multilingual.registry import (
    ENGLISH,
    LANGUAGES,
    FactLanguage,
    pipeline_for,
)

__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "FactLanguage",
    "pipeline_for",
]
