"""The facts of a French or Russian article: actors, quotes and claims (events stay
English-only: the CAMEO verb patterns are English), and its features for grouping it
with reports of the same event in other languages."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors import ActorDictionary
from newsgraph.multilingual.actors import language_names, resolve_actors_in
from newsgraph.multilingual.claims import extract_claims_in
from newsgraph.multilingual.quotes import extract_quotes_in
from newsgraph.multilingual.registry import ENGLISH, LANGUAGES, pipeline_for
from newsgraph.nlp import annotate_with
from newsgraph.records import Story, StoryFacts

Context = TypeVar("Context")


def annotate_in_languages(
    items: Iterable[tuple[str, str | None, Context]], english: Language, batch_size: int = 32
) -> Iterator[tuple[Doc, str, Context]]:
    """Each (text, language, context) parsed by its language's pipeline, in order, with
    the language it was read in and its context.

    English texts stream through ``english`` in batches, long ones in pieces (see
    ``nlp.annotate_with``); a French or Russian one loads its pipeline the first time one
    arrives. An article whose language was not identified is read as English (the pipeline
    hands on only languages that ``language.supported`` accepts).
    """
    items = [(text, _fact_language(language), context) for text, language, context in items]
    english_docs = annotate_with(
        ((text, context) for text, language, context in items if language == ENGLISH),
        english,
        batch_size=batch_size,
    )
    for text, language, context in items:
        if language == ENGLISH:
            doc, _ = next(english_docs)
            yield doc, language, context
        else:
            yield pipeline_for(language)(text), language, context


def _fact_language(language: str | None) -> str:
    return language if language in LANGUAGES else ENGLISH


def extract_facts_in(
    story: Story,
    doc: Doc,
    dictionary: ActorDictionary,
    language: str,
    exclude_names: Collection[str] = (),
) -> StoryFacts:
    """Actors, quotes and claims of the annotated canonical article of ``story``."""
    article = story.canonical
    names = language_names(language, pipeline_for(language))
    actors = resolve_actors_in(
        doc, article.id, dictionary, names, exclude_names=exclude_names, date=story.published
    )
    facts = StoryFacts(
        story_id=story.id,
        article_id=article.id,
        quotes=extract_quotes_in(doc, article.id, actors, language),
        claims=extract_claims_in(doc, article.id, language, date=story.published),
    )
    facts.actors, facts.mentions = actors.named(facts.referenced_actors())
    return facts
