"""Quotation marks and the cue lexicon: finding quoted text on the raw string.

Quotes are found on the text, not the parse: quotation-mark pairs are scanned
paragraph by paragraph (a quote may run on into the next paragraph only when the
next paragraph opens with a quotation mark and the previous one did not close),
so a nested 'colour revolution' inside a “…” quote never cuts it.

The cue words, pronouns and quotation marks are data, in ``data/quotes/cues.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from spacy.tokens import Token

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
OPENING_CONTEXT = "([{—–-/ \t\n"


@dataclass(frozen=True)
class QuoteMarks:
    """One family of quotation marks: those that only open, only close, or do either."""

    opening: frozenset[str]
    closing: frozenset[str]
    either: frozenset[str]
    doubled: tuple[str, ...] = ()

    @cached_property
    def all(self) -> frozenset[str]:
        """Every mark of the family, joined once: the scanner asks for it at each character."""
        return self.opening | self.closing | self.either


@dataclass(frozen=True)
class CueLexicon:
    """The words that tie a quote to its speaker, loaded from ``cues.toml``."""

    speech: frozenset[str]
    labelling: frozenset[str]
    scare_markers: tuple[str, ...]
    mention_nouns: frozenset[str]
    mention_links: frozenset[str]
    title_small_words: frozenset[str]
    quoting_prepositions: frozenset[str]
    addressing: frozenset[str]
    speaker_passives: frozenset[str]
    source_labels: frozenset[str]
    source_phrases: tuple[tuple[str, str], ...]
    verb_phrases: dict[str, str]
    pronoun_kinds: dict[str, frozenset[str]]
    double: QuoteMarks
    single: QuoteMarks

    def is_cue(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX"):
            return False
        lemma = token.lemma_.lower()
        if lemma in self.speech:
            return True
        # The word a phrase needs is a particle, not a preposition with its own object:
        # "she went on" reports speech, "the Senate goes on recess" does not.
        needed = self.verb_phrases.get(lemma)
        return needed is not None and any(
            c.lower_ == needed and not any(g.dep_ == "pobj" for g in c.children)
            for c in token.children
        )

    def is_label_cue(self, token: Token) -> bool:
        return token.pos_ == "VERB" and token.lemma_.lower() in self.labelling

    def source_phrase(self, token: Token) -> Token | None:
        """The preposition of "according to" when ``token`` opens such a phrase."""
        for word, preposition in self.source_phrases:
            if token.lower_ == word:
                for child in token.children:
                    if child.lower_ == preposition:
                        return child
                following = token.nbor(1) if token.i + 1 < len(token.doc) else None
                if following is not None and following.lower_ == preposition:
                    return following
        return None


def _marks(table: dict[str, list[str]]) -> QuoteMarks:
    return QuoteMarks(
        frozenset(table["open"]),
        frozenset(table["close"]),
        frozenset(table["either"]),
        tuple(table.get("doubled", ())),
    )


@cache
def cue_lexicon() -> CueLexicon:
    """The cue lexicon, read once from the package data."""
    source = resources.files("newsgraph") / "data" / "quotes" / "cues.toml"
    table = tomllib.loads(source.read_text(encoding="utf-8"))
    return CueLexicon(
        speech=frozenset(table["speech"]),
        labelling=frozenset(table["labelling"]),
        scare_markers=tuple(table["scare_markers"]),
        mention_nouns=frozenset(table["mention_nouns"]),
        mention_links=frozenset(table["mention_links"]),
        title_small_words=frozenset(table["title_small_words"]),
        quoting_prepositions=frozenset(table["quoting_prepositions"]),
        addressing=frozenset(table["addressing"]),
        speaker_passives=frozenset(table["speaker_passives"]),
        source_labels=frozenset(table["source_labels"]),
        source_phrases=tuple((word, prep) for word, prep in table["source_phrases"]),
        verb_phrases=dict(table["verb_phrases"]),
        pronoun_kinds={word: frozenset(kinds) for word, kinds in table["pronouns"].items()},
        double=_marks(table["marks"]["double"]),
        single=_marks(table["marks"]["single"]),
    )


# --- finding quotations on the text -------------------------------------------------------


@dataclass(frozen=True)
class Quotation:
    """Text between quotation marks: one piece per paragraph (or per split) it runs over.

    ``pieces`` are content offsets without the marks; ``outer_start``/``outer_end``
    include the marks, so the text around the quote is what lies outside them.
    """

    pieces: tuple[tuple[int, int], ...]
    outer_start: int
    outer_end: int

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, source: str) -> str:
        """The quoted words: pieces in other paragraphs join by a blank line, others by a space."""
        joined = source[self.pieces[0][0] : self.pieces[0][1]]
        for (_, previous_end), (start, end) in zip(self.pieces, self.pieces[1:], strict=False):
            separator = "\n\n" if PARAGRAPH_BREAK.search(source, previous_end, start) else " "
            joined += separator + source[start:end]
        return joined

    def joined_with(self, other: Quotation) -> Quotation:
        return Quotation(self.pieces + other.pieces, self.outer_start, other.outer_end)

    def without_trailing_comma(self, source: str) -> Quotation:
        """The quote without the comma that hands over to the attribution ("…," he said):
        it is the reporter's punctuation, not the speaker's words."""
        start, end = self.pieces[-1]
        trimmed = start + len(source[start:end].rstrip().rstrip(",").rstrip())
        if trimmed <= start:
            return self
        return Quotation((*self.pieces[:-1], (start, trimmed)), self.outer_start, self.outer_end)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, trimmed of white space."""
    spans = []
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        if chunk.strip():
            start = position + len(chunk) - len(chunk.lstrip())
            spans.append((start, position + len(chunk.rstrip())))
        position = match.end() if match else len(text)
    return spans


def _mark_width(text: str, i: int, marks: QuoteMarks) -> int:
    """How many characters the quotation mark at ``i`` takes: 2 for a doubled mark (the
    ``''`` that typewriter-style and plain-text archives write for “ and ”), 1 for one
    mark, 0 for none."""
    if text.startswith(marks.doubled, i):
        return 2
    return 1 if text[i] in marks.all else 0


def _can_open(text: str, i: int, width: int, marks: QuoteMarks, bounds: tuple[int, int]) -> bool:
    lower, upper = bounds
    following = text[i + width] if i + width < upper else " "
    if following.isspace():
        return False
    if width == 2:
        return text[i] == "`" or text[i - 1 : i] == "" or text[i - 1] in OPENING_CONTEXT
    if text[i] in marks.closing:
        return False
    if text[i] in marks.opening:
        return True
    preceding = text[i - 1] if i > lower else " "
    return preceding in OPENING_CONTEXT or preceding in marks.all


def _can_close(text: str, i: int, width: int, marks: QuoteMarks, bounds: tuple[int, int]) -> bool:
    """Whether the mark at ``i`` closes the open quote. An opening mark set where a
    closing one belongs, on the end of a word with nothing to open after it
    ("“It's unusual,“ said Noble", "stand.“[HuffPost.]"), is a misprint for the closing
    mark: it closes."""
    lower, upper = bounds
    preceding = text[i - 1] if i > lower else " "
    following = text[i + width] if i + width < upper else " "
    if text[i] == "`":
        return False
    if text[i] in marks.opening:
        return (
            width == 1
            and not preceding.isspace()
            and preceding not in OPENING_CONTEXT
            and not following.isalnum()
            and following not in marks.all
        )
    if text[i] in marks.closing:
        return True
    return not preceding.isspace() or not following.isalnum()


def _scan_double(
    text: str, paragraphs: list[tuple[int, int]], marks: QuoteMarks
) -> list[Quotation]:
    """Balanced double-quote pairs; an unclosed quote continues only into a paragraph
    that opens with a quotation mark, otherwise it is dropped as unbalanced."""
    found: list[Quotation] = []
    carried: list[tuple[int, int]] = []
    carried_from = 0
    for number, bounds in enumerate(paragraphs):
        lower, upper = bounds
        opened: tuple[int, int] | None = None  # where the open quote's mark and words start
        i = lower
        while i < upper:
            width = _mark_width(text, i, marks)
            if not width:
                i += 1
                continue
            if opened is None:
                if _can_open(text, i, width, marks, bounds):
                    opened = (i, i + width)
            elif _can_close(text, i, width, marks, bounds):
                outer_start = carried_from if carried else opened[0]
                found.append(Quotation((*carried, (opened[1], i)), outer_start, i + width))
                carried, opened = [], None
            i += width
        next_opens = False
        if number + 1 < len(paragraphs):
            following = paragraphs[number + 1]
            width = _mark_width(text, following[0], marks)
            next_opens = bool(width) and _can_open(text, following[0], width, marks, following)
        if opened is not None and next_opens:
            carried_from = carried_from if carried else opened[0]
            carried.append((opened[1], upper))
        else:
            carried = []
    return found


def _scan_single(text: str, lower: int, upper: int, marks: QuoteMarks) -> Iterator[Quotation]:
    """Single-quote pairs in a stretch of one paragraph outside any double quote.

    An opening mark must follow a space or bracket and precede a letter; a closing
    one must follow a non-space and precede no letter, so apostrophes never pair.
    """
    opened_at: int | None = None
    for i in range(lower, upper):
        if text[i] not in marks.all:
            continue
        preceding = text[i - 1] if i > lower else " "
        following = text[i + 1] if i + 1 < upper else " "
        if opened_at is None:
            if (
                text[i] not in marks.closing
                and preceding in OPENING_CONTEXT
                and following.isalpha()
            ):
                opened_at = i
        elif text[i] not in marks.opening and not preceding.isspace() and not following.isalnum():
            yield Quotation(((opened_at + 1, i),), opened_at, i + 1)
            opened_at = None


def scan_quotations(text: str) -> list[Quotation]:
    """Every top-level quotation in ``text``, in order; quotes nested inside others are
    part of the outer quote and not listed."""
    lexicon = cue_lexicon()
    paragraphs = paragraph_spans(text)
    doubles = _scan_double(text, paragraphs, lexicon.double)
    singles: list[Quotation] = []
    for lower, upper in paragraphs:
        position = lower
        for quote in [q for q in doubles if lower <= q.outer_start < upper] + [None]:
            stop = min(quote.outer_start, upper) if quote else upper
            singles.extend(_scan_single(text, position, stop, lexicon.single))
            position = max(position, quote.outer_end) if quote else upper
    found = [
        quote
        for quote in doubles + singles
        if text[quote.start : quote.end].strip() and quote.end > quote.start
    ]
    return sorted(found, key=lambda quote: quote.start)
