"""Direct quotations in French and Russian, and who said them.

The marks, dashes, cue verbs, source phrases and pronouns of each language are data
(``data/quotes/languages.toml``). Quotations are found on the text: text between a
language's quotation marks (outermost only: "„…“" inside "«…»" is part of it), and a
Russian line of dialogue opened by a dash ("— …, — сказал он."). The attribution comes
from the parse, as in English: the cue verb next to the quote, its subject as the
speaker, the person it addresses ("сказал Токаеву", "a dit à Tokaïev"), the channel
("по данным …", "selon …"). A pronoun speaker is the person last named before the quote.
Each quote's confidence comes from how its speaker was found and what kind of phrase
names it, by English's factors (``quotes/confidence.py``): no French or Russian quotes
with their speakers are at hand to set factors of their own.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from newsgraph.actors import ActorIndex
from newsgraph.nlp import doc_text
from newsgraph.quotes.confidence import confidence
from newsgraph.records import Quote
from newsgraph.records import Span as TextSpan

# Fewer words than this between marks is a name or a term («Газпром», « gilets jaunes »).
MIN_QUOTE_WORDS = 4
# How far (in tokens) a cue may be from the quote it attributes.
MAX_CUE_GAP = 24
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
OBJECT_DEPS = frozenset({"iobj", "obj", "obl", "obl:arg", "obl:mod"})
SENTENCE_END = frozenset({".", "!", "?", "…"})
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class QuoteRules:
    """One language's table of ``languages.toml``."""

    marks: dict[str, str]  # opening mark -> closing mark
    dashes: frozenset[str]
    speech: frozenset[str]
    addressee_cases: frozenset[str]
    addressee_prepositions: frozenset[str]
    sources: tuple[tuple[str, ...], ...]
    pronouns: frozenset[str]


@cache
def quote_rules(language: str) -> QuoteRules | None:
    path = resources.files("newsgraph") / "data" / "quotes" / "languages.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8")).get(language)
    if table is None:
        return None
    return QuoteRules(
        marks=dict(table["marks"]),
        dashes=frozenset(table["dashes"]),
        speech=frozenset(table["speech"]),
        addressee_cases=frozenset(table.get("addressee_cases", ())),
        addressee_prepositions=frozenset(table.get("addressee_prepositions", ())),
        sources=tuple(tuple(words) for words in table["sources"]),
        pronouns=frozenset(table["pronouns"]),
    )


@dataclass(frozen=True)
class Quoted:
    """Quoted words: ``start``/``end`` without the marks, ``outer_*`` with them."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int, outer_start: int, outer_end: int) -> Quoted:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quoted(start, end, outer_start, outer_end)


def _marked(text: str, lower: int, upper: int, rules: QuoteRules) -> list[Quoted]:
    """Outermost quotations between the language's marks within one paragraph."""
    found: list[Quoted] = []
    stack: list[tuple[str, int]] = []  # (closing mark awaited, where its opening mark is)
    for i in range(lower, upper):
        char = text[i]
        if stack and char == stack[-1][0]:
            _, opened = stack.pop()
            if not stack:
                found.append(_trimmed(text, opened + 1, i, opened, i + 1))
        elif char in rules.marks and (rules.marks[char] != char or not stack):
            stack.append((rules.marks[char], i))
    return found


def _dialogue(text: str, lower: int, upper: int, rules: QuoteRules) -> Quoted | None:
    """A paragraph opened by a dash: the line of dialogue up to the dash that hands over
    to the attribution ("— Мы готовы, — сказал он.")."""
    line = text[lower:upper].lstrip()
    if not line or line[0] not in rules.dashes:
        return None
    dash = upper - len(line)
    handover = re.compile(rf"[,.!?…]\s+[{''.join(rules.dashes)}]\s").search(text, dash + 1, upper)
    if handover is None:
        return _trimmed(text, dash + 1, upper, dash, upper)
    # The comma before the dash is the reporter's; a full stop or a "!" is the speaker's.
    end = handover.start() + (0 if text[handover.start()] == "," else 1)
    return _trimmed(text, dash + 1, end, dash, handover.end() - 1)


def find_quotations(text: str, rules: QuoteRules) -> list[Quoted]:
    """Quotations of at least a few words, in text order."""
    found = []
    for lower, upper in _paragraphs(text):
        dialogue = _dialogue(text, lower, upper, rules)
        if dialogue is not None:
            found.append(dialogue)
        else:
            found.extend(_marked(text, lower, upper, rules))
    return [q for q in found if len(text[q.start : q.end].split()) >= MIN_QUOTE_WORDS]


def extract_quotes_in(doc: Doc, article_id: str, actors: ActorIndex, language: str) -> list[Quote]:
    """The direct quotations of a French or Russian ``doc``, attributed to actors."""
    rules = quote_rules(language)
    if rules is None:
        return []
    return _Attributor(doc, article_id, actors, rules).quotes()


class _Attributor:
    def __init__(self, doc: Doc, article_id: str, actors: ActorIndex, rules: QuoteRules) -> None:
        self.doc = doc
        self.article_id = article_id
        self.actors = actors
        self.rules = rules
        self.text = doc_text(doc)
        self.quotations = find_quotations(self.text, rules)
        self.starts = [token.idx for token in doc]
        self.quoted = bytearray(len(doc))
        for quoted in self.quotations:
            for i in range(
                self._token_at(quoted.outer_start), self._token_at(quoted.outer_end - 1) + 1
            ):
                self.quoted[i] = 1
        self.paragraphs = _paragraphs(self.text)

    def _token_at(self, offset: int) -> int:
        return max(0, bisect_left(self.starts, offset + 1) - 1)

    def quotes(self) -> list[Quote]:
        return [self._quote(quoted) for quoted in self.quotations]

    def _paragraph(self, offset: int) -> tuple[int, int]:
        return next(((s, e) for s, e in self.paragraphs if s <= offset <= e), (0, len(self.text)))

    def _window_after(self, quoted: Quoted) -> list[Token]:
        _, paragraph_end = self._paragraph(quoted.start)
        window = []
        for token in self.doc[self._token_at(quoted.outer_end - 1) + 1 :]:
            if token.idx >= paragraph_end or len(window) >= MAX_CUE_GAP or self.quoted[token.i]:
                break
            if token.text in SENTENCE_END:
                break
            window.append(token)
        return window

    def _window_before(self, quoted: Quoted) -> list[Token]:
        paragraph_start, _ = self._paragraph(quoted.start)
        window = []
        for token in reversed(self.doc[: self._token_at(quoted.outer_start)]):
            if token.idx < paragraph_start or len(window) >= MAX_CUE_GAP or self.quoted[token.i]:
                break
            if token.text in SENTENCE_END:
                break
            window.append(token)
        return window[::-1]

    def _cue(self, window: list[Token], *, nearest_last: bool) -> Token | None:
        cues = [t for t in window if t.lemma_.lower() in self.rules.speech and t.pos_ == "VERB"]
        if not cues:
            return None
        return cues[-1] if nearest_last else cues[0]

    def _quote(self, quoted: Quoted) -> Quote:
        after = self._window_after(quoted)
        before = self._window_before(quoted)
        cue = self._cue(after, nearest_last=False) or self._cue(before, nearest_last=True)
        speaker, how = None, "none"
        if cue is not None:
            speaker, how = self._phrase(self._subject(cue)), "subject"
            if speaker is None:
                speaker, how = self._named_after(cue), "inverted"
        speaker_key = self._speaker_key(speaker, quoted)
        addressee = self._addressee(cue) if cue is not None else None
        kind = self._kind(speaker, speaker_key)
        offsets = [quoted.outer_start, quoted.outer_end - 1, *([cue.idx] if cue else [])]
        return Quote(
            span=TextSpan(self.article_id, quoted.start, quoted.end),
            text=self.text[quoted.start : quoted.end],
            speaker_key=speaker_key,
            speaker_text=speaker.text if speaker is not None else None,
            cue=cue.lemma_.lower() if cue is not None else None,
            addressee_key=self._key(addressee) if addressee is not None else None,
            via=self._source(before + after),
            sentence=self._sentence(offsets),
            speaker_unnamed=kind == "unnamed",
            confidence=confidence(how, kind),
        )

    def _kind(self, speaker: Span | None, speaker_key: str | None) -> str | None:
        """The kind of speaker phrase, as English quotes name them (quotes/confidence.py):
        a pronoun resolved to the person named before it or not, a phrase that names an
        actor, or one that names nobody ("un porte-parole", "источник в ведомстве")."""
        if speaker is None:
            return None
        if self._is_pronoun(speaker):
            return "pronoun" if speaker_key is not None else "unresolved"
        return "name" if speaker_key is not None else "unnamed"

    def _is_pronoun(self, speaker: Span) -> bool:
        return len(speaker) == 1 and speaker[0].lower_ in self.rules.pronouns

    @staticmethod
    def _subject(cue: Token) -> Token | None:
        return next((child for child in cue.children if child.dep_ in SUBJECT_DEPS), None)

    def _named_after(self, cue: Token) -> Span | None:
        """The speaker named right after the cue ("…», a affirmé Kassym-Jomart Tokaïev")
        where the parser gave it no subject role."""
        for token in self.doc[cue.i + 1 : cue.i + 6]:
            if self.quoted[token.i] or token.text in SENTENCE_END:
                return None
            for mention in self.actors.mentions_in(token.idx, len(self.text)):
                if mention.span.start == token.idx:
                    return self.doc.char_span(mention.span.start, mention.span.end)
        return None

    def _phrase(self, head: Token | None) -> Span | None:
        """The subject's words outside the quote: "президент России Владимир Путин"."""
        if head is None:
            return None
        words = [t for t in head.subtree if not self.quoted[t.i] and not t.is_punct]
        return self.doc[words[0].i : words[-1].i + 1] if words else None

    def _key(self, phrase: Span) -> str | None:
        return self.actors.key_at(phrase.start_char, phrase.end_char)

    def _speaker_key(self, speaker: Span | None, quoted: Quoted) -> str | None:
        if speaker is None:
            return None
        if self._is_pronoun(speaker):
            return self._person_before(quoted.outer_start)
        return self._key(speaker)

    def _person_before(self, offset: int) -> str | None:
        """The person named last before ``offset``, outside quotations: whom "он" is."""
        for mention in reversed(self.actors.mentions):
            if mention.span.start >= offset or self.quoted[self._token_at(mention.span.start)]:
                continue
            if self.actors.actor(mention.actor_key).type == "person":
                return mention.actor_key
        return None

    def _addressee(self, cue: Token) -> Span | None:
        for child in cue.children:
            if child.dep_ not in OBJECT_DEPS or self.quoted[child.i]:
                continue
            cases = set(child.morph.get("Case"))
            prepositions = {c.lower_ for c in child.children if c.dep_ == "case"}
            if (
                cases & self.rules.addressee_cases
                or prepositions & self.rules.addressee_prepositions
            ):
                return self._phrase(child)
        return None

    def _source(self, window: list[Token]) -> str | None:
        """The channel in "по данным китайских СМИ, …" / "selon les médias chinois, …"."""
        lemmas = [t.lemma_.lower() for t in window]
        for phrase in self.rules.sources:
            for i in range(len(window) - len(phrase) + 1):
                if tuple(lemmas[i : i + len(phrase)]) != phrase:
                    continue
                words = []
                for token in window[i + len(phrase) :]:
                    if token.is_punct:
                        break
                    words.append(token)
                if words:
                    return self.doc[words[0].i : words[-1].i + 1].text
        return None

    def _sentence(self, offsets: list[int]) -> TextSpan:
        sentences = [self.doc[self._token_at(offset)].sent for offset in offsets]
        return TextSpan(
            self.article_id,
            min(s.start_char for s in sentences),
            max(s.end_char for s in sentences),
        )
