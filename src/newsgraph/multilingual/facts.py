"""The facts of a French or Russian article: actors, quotes and claims (events stay
English-only: the CAMEO verb patterns are English), and its features for grouping it
with reports of the same event in other languages."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors import ActorDictionary
from newsgraph.multilingual.actors import language_names, resolve_actors_in
from newsgraph.multilingual.claims import extract_claims_in
from newsgraph.multilingual.quotes import extract_quotes_in
from newsgraph.multilingual.registry import ENGLISH, article_language, pipeline_for
from newsgraph.records import Story, StoryFacts


def annotate_in_languages(
    texts: Iterable[str], english: Language, batch_size: int = 32
) -> Iterator[tuple[Doc, str]]:
    """Each text parsed by its language's pipeline, in order, with the language.

    English texts stream through ``english`` in batches as before; a French or Russian
    one loads its pipeline the first time one arrives.
    """
    texts = list(texts)
    languages = [article_language(text) for text in texts]
    english_texts = (
        text for text, language in zip(texts, languages, strict=True) if language == ENGLISH
    )
    english_docs = english.pipe(english_texts, batch_size=batch_size)
    for text, language in zip(texts, languages, strict=True):
        if language == ENGLISH:
            yield next(english_docs), language
        else:
            yield pipeline_for(language)(text), language


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
    return StoryFacts(
        story_id=story.id,
        article_id=article.id,
        actors=list(actors.actors.values()),
        mentions=actors.mentions,
        quotes=extract_quotes_in(doc, article.id, actors, language),
        claims=extract_claims_in(doc, article.id, language, date=story.published),
    )
