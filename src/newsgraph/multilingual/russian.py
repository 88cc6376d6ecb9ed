"""Russian through natasha, handed on as a spaCy ``Doc``.

natasha (razdel tokens and sentences, slovnet morphology, syntax and NER, pymorphy2
lemmas) ships its models inside its PyPI packages, so nothing is downloaded. Its
annotation is copied into a ``Doc`` over ``spacy.blank("ru")``'s vocabulary (words
and spaces, sentences, heads and UD relations, POS, lemmas, entities as PERSON / GPE /
ORG), so the stages after parsing read one kind of annotation for every language.
Each entity's normal form (natasha's "России" -> "Россия") is kept in
``doc.user_data`` for the name lookups, since Russian names inflect.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.tokens import Doc

# natasha's entity types as the labels the other stages read.
ENTITY_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
NORMAL_FORMS = "newsgraph.normal_forms"  # user_data key: entity start char -> normal form
LANGUAGE = "ru"


class RussianPipeline:
    """natasha's models loaded once; ``pipe`` and ``__call__`` behave like spaCy's."""

    def __init__(self) -> None:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self.vocab = spacy.blank(LANGUAGE).vocab
        self.meta = {"lang": LANGUAGE, "name": "natasha", "version": _natasha_version()}

    def __call__(self, text: str) -> Doc:
        return self._annotate(text, full=True)

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def lemmas(self, phrase: str) -> Doc:
        """``phrase`` tokenised and lemmatised (no syntax or entities): a name pattern
        matched on lemmas, so that it finds the name in any case."""
        return self._annotate(phrase, full=False)

    def _annotate(self, text: str, *, full: bool) -> Doc:
        from natasha import Doc as NatashaDoc

        parsed = NatashaDoc(text)
        parsed.segment(self.segmenter)
        parsed.tag_morph(self.morph_tagger)
        if full:
            parsed.parse_syntax(self.syntax_parser)
            parsed.tag_ner(self.ner_tagger)
        for token in parsed.tokens:
            token.lemmatize(self.morph_vocab)
        return self._to_doc(text, parsed, full=full)

    def _to_doc(self, text: str, parsed: Any, *, full: bool) -> Doc:
        """natasha's tokens as Doc words; whitespace other than one space between two
        words becomes a token of its own, as spaCy keeps it, so offsets stay the text's."""
        words: list[str] = []
        spaces: list[bool] = []
        rows: list[tuple[Any, int] | None] = []  # natasha token and its Doc index, or space
        position: dict[str, int] = {}
        end = 0
        for token in [*parsed.tokens, None]:
            gap = text[end : token.start if token is not None else len(text)]
            if gap == " " and words:
                spaces[-1] = True
            elif gap:
                if gap.startswith(" ") and words:
                    spaces[-1], gap = True, gap[1:]
                words.append(gap)
                spaces.append(False)
                rows.append(None)
            if token is None:
                break
            position[token.id] = len(words)
            words.append(token.text)
            spaces.append(False)
            rows.append(token)
            end = token.stop
        starts = {sentence.tokens[0].id for sentence in parsed.sents if sentence.tokens}
        heads = []
        for i, row in enumerate(rows):
            head = position.get(row.head_id, i) if row is not None else max(i - 1, 0)
            heads.append(head)
        doc = Doc(
            self.vocab,
            words=words,
            spaces=spaces,
            pos=[row.pos or "X" if row is not None else "SPACE" for row in rows],
            morphs=[_features(row.feats) if row else "" for row in rows],
            lemmas=[
                (row.lemma or row.text).lower() if row else word
                for row, word in zip(rows, words, strict=True)
            ],
            heads=heads if full else None,
            deps=[_relation(row.rel) if row else "dep" for row in rows] if full else None,
            sent_starts=[bool(row) and row.id in starts for row in rows],
        )
        if full:
            self._add_entities(doc, parsed)
        doc.user_data["newsgraph.language"] = LANGUAGE
        return doc

    def _add_entities(self, doc: Doc, parsed: Any) -> None:
        entities = []
        normal_forms: dict[int, str] = {}
        for span in parsed.spans:
            entity = doc.char_span(
                span.start, span.stop, label=ENTITY_LABELS.get(span.type, span.type)
            )
            if entity is None:
                continue
            span.normalize(self.morph_vocab)
            normal_forms[entity.start_char] = span.normal or span.text
            entities.append(entity)
        doc.ents = entities
        doc.user_data[NORMAL_FORMS] = normal_forms


def _relation(rel: str | None) -> str:
    """UD relations as spaCy keeps them; the root of a sentence is "ROOT" in spaCy."""
    if not rel or rel == "root":
        return "ROOT"
    return rel


def _features(feats: dict[str, str] | None) -> str:
    """natasha's morphological features in UD's FEATS notation ("Case=Dat|Number=Sing")."""
    return "|".join(f"{name}={value}" for name, value in sorted((feats or {}).items()))


def _natasha_version() -> str:
    from importlib.metadata import version

    return version("natasha")
