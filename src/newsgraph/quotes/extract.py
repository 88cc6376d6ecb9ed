"""Attributing quotations: the cue next to each quote, its speaker, and the Quote records.

The parse is used only for the attribution: the cue verb next to the quote (or
governing it), its subject as the speaker, its object as the addressee, and
"according to X" as the channel the quote came through (the cue is found in
``cues.py``, the clause around it read in ``attribution.py``). Speaker phrases become
actors in ``speakers.py``; each quote's confidence comes from ``confidence.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.nlp import doc_text
from newsgraph.quotes.attribution import (
    SUBJECT_DEPS,
    Attribution,
    attribution_at,
    colon_clause,
    introducing_sentence,
    name_label,
    phrase,
    preceding_attribution,
    reporting_verb_above,
    signature,
    source_label,
)
from newsgraph.quotes.confidence import confidence
from newsgraph.quotes.cues import (
    NESTED_CLOSING_MARKS,
    bare_cue_after,
    cue_after,
    cue_before,
    enclosing_speech,
    governing_cue,
    manner_of_speaking,
)
from newsgraph.quotes.scan import (
    CueLexicon,
    Quotation,
    cue_lexicon,
    paragraph_spans,
    scan_quotations,
)
from newsgraph.quotes.shapes import (
    is_embedded,
    is_graded,
    is_title,
    modifies_noun,
    names_a_party,
    names_a_term,
    quoted_tokens,
    token_start,
    word_count,
)
from newsgraph.quotes.speakers import SpeakerResolver
from newsgraph.records import Quote
from newsgraph.records import Span as TextSpan

if TYPE_CHECKING:
    from newsgraph.actors import ActorIndex

SENTENCE_END = re.compile(r"[.!?]\s")
OPENING_CONTEXT = "([{—–-/ \t\n"
SCARE_QUOTE_MAX_WORDS = 3
# A fragment of at least this many words is the words of whoever's speech it sits in,
# however deep ("Trump says she has done a "serviceable job""), unless it modifies a noun
# (committed to the "one country, two systems" formula): a term. One word alone is as
# often the reporter's emphasis.
ENCLOSED_MIN_WORDS = 2
QUOTE_RUN_ON_ENDINGS = ",?!—–-…:;"
# A list number or bullet before a subheading: "6. ", "• ".
ENUMERATOR = re.compile(r"^\s*(?:\d+[.)]|[-•*–—])\s*")
# How many paragraphs back an unattributed quote may borrow the previous speaker from.
SPEAKER_CARRY_PARAGRAPHS = 1
# Tags of a finite verb: quoted words with one are a clause someone said, not a term.
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def _token_end(token: Token) -> int:
    return token.idx + len(token)


def _window_after(doc: Doc, quote: Quotation, quoted: bytearray, limit: int) -> list[Token]:
    """Tokens after the closing mark, to the end of that sentence or paragraph, or the
    next quote."""
    position = bisect_left(doc, quote.outer_end, key=token_start)
    if position == len(doc):
        return []
    first = doc[position]
    sentence_end = first.sent.end
    window = []
    for token in doc[first.i : sentence_end]:
        if quoted[token.i] or token.idx >= limit:
            break
        window.append(token)
    return window


def _window_before(doc: Doc, quote: Quotation, quoted: bytearray, limit: int) -> list[Token]:
    """Tokens before the opening mark, back to the start of that sentence or paragraph,
    or the previous quote; in text order."""
    position = bisect_right(doc, quote.outer_start, key=_token_end) - 1
    if position < 0:
        return []
    last = doc[position]
    window = []
    for token in reversed(doc[last.sent.start : last.i + 1]):
        if quoted[token.i] or token.idx < limit:
            break
        window.append(token)
    return window[::-1]


@dataclass(frozen=True)
class _Speaker:
    """A resolved speaker, carried on to quote paragraphs that have no attribution."""

    key: str | None
    text: str | None
    paragraph: int
    unnamed: bool = False
    kind: str = "name"


def _carried(quote: Quote, paragraph: int) -> _Speaker:
    """A quote's speaker, to carry on to the quotes after it."""
    kind = "name" if quote.speaker_key else "unnamed" if quote.speaker_unnamed else "unresolved"
    return _Speaker(quote.speaker_key, quote.speaker_text, paragraph, quote.speaker_unnamed, kind)


class _Attributor:
    """Resolves attributions of one document to actors and builds its Quote records."""

    def __init__(self, doc: Doc, article_id: str, actors: ActorIndex, quoted: bytearray) -> None:
        self.doc = doc
        self.article_id = article_id
        self.lexicon = cue_lexicon()
        self.text = doc_text(doc)
        self.paragraphs = paragraph_spans(self.text)
        self.token_starts = [token.idx for token in doc]  # once, not once per quote
        self.speakers = SpeakerResolver(
            doc, actors, quoted, self.paragraphs, self.lexicon.pronoun_kinds
        )

    def paragraph_of(self, offset: int) -> int:
        return next(
            (n for n, (_, end) in enumerate(self.paragraphs) if offset <= end),
            len(self.paragraphs) - 1,
        )

    def names_no_other_subject(self, quotation: Quotation, carried: _Speaker) -> bool:
        """Whether the sentence around a quoted fragment has no subject, outside the
        quote, that names someone other than the carried speaker: a name or a personal
        pronoun that stands for another actor."""
        first = self.doc[max(0, bisect_right(self.token_starts, quotation.outer_start) - 1)]
        last = self.doc[max(0, bisect_right(self.token_starts, quotation.outer_end - 1) - 1)]
        subjects = [
            token
            for token in self.doc[first.sent.start : last.sent.end]
            if not self.speakers.quoted[token.i]
            and token.dep_ in SUBJECT_DEPS
            and (token.pos_ == "PROPN" or token.lower_ in self.lexicon.pronoun_kinds)
        ]
        return all(
            carried.key is not None and self.speakers.key_of(phrase(token)) == carried.key
            for token in subjects
        )

    def sentence_bounds(self, offsets: list[int]) -> TextSpan:
        """The sentence or sentences that hold all of ``offsets``."""
        # An offset on the space between tokens (text tokenised with spaces around its
        # quotation marks) falls in no token: it belongs to the token before it.
        starts = self.token_starts
        sentences = [self.doc[max(0, bisect_right(starts, o) - 1)].sent for o in offsets]
        return TextSpan(
            self.article_id,
            min(s.start_char for s in sentences),
            max(s.end_char for s in sentences),
        )

    def quote(
        self,
        quotation: Quotation,
        attribution: Attribution | None,
        partial: bool,
        carried: _Speaker | None = None,
        how: str = "carried",
    ) -> Quote:
        """The Quote record; without an attribution the carried speaker is credited
        (``how`` says how it was carried)."""
        offsets = [quotation.outer_start, quotation.outer_end - 1]
        speaker_key = carried.key if carried else None
        speaker_text = carried.text if carried else None
        unnamed = carried.unnamed if carried else False
        kind = carried.kind if carried else None
        via = attribution.via.text if attribution and attribution.via is not None else None
        if attribution is not None:
            how = attribution.how if attribution.speaker is not None or not carried else how
            before = how in ("preceding", "context")  # not the quote's sentence
            if not before:
                offsets.append(attribution.cue.idx)
            if attribution.speaker is not None:
                if not before:
                    offsets.append(attribution.speaker.start_char)
                speaker = attribution.speaker
                issuer = self.speakers.issuer(speaker)
                if issuer is not None:
                    # "the statement said": the issuer speaks, through its statement; the
                    # attribution's words stay those of the text, as "he" does for a person.
                    via = via or speaker.text
                speaker_key = self.speakers.key_of(issuer if issuer is not None else speaker)
                speaker_text = speaker.text
                kind = (
                    "document"
                    if issuer is not None
                    else self.speakers.kind_of(speaker, speaker_key)
                )
                unnamed = kind == "unnamed"
        elif carried is None:
            how = "none"
        return Quote(
            span=TextSpan(self.article_id, quotation.start, quotation.end),
            text=quotation.text(self.text),
            speaker_key=speaker_key,
            speaker_text=speaker_text,
            cue=attribution.cue_lemma if attribution else None,
            addressee_key=self.speakers.key_of(attribution.addressee) if attribution else None,
            via=via,
            partial=partial,
            sentence=self.sentence_bounds(offsets),
            speaker_unnamed=unnamed,
            confidence=confidence(
                how, kind, partial and len(quotation.text(self.text).split()) == 1
            ),
        )


def _quoted_mask(doc: Doc, quotations: list[Quotation]) -> bytearray:
    """1 for every token inside a quotation (marks included), so windows stop there."""
    mask = bytearray(len(doc))
    for quote in quotations:
        span = doc.char_span(quote.outer_start, quote.outer_end, "expand")
        if span is not None:
            mask[span.start : span.end] = b"\x01" * len(span)
    return mask


def _continues_after_attribution(text: str, first: Quotation, second: Quotation) -> bool:
    """Whether ``second`` resumes the sentence of ``first`` after its attribution:
    "We will win," he said, "and soon." """
    between = text[first.outer_end : second.outer_start]
    resumed = next((c for c in text[second.start : second.end] if c.isalpha()), "")
    return (
        between.rstrip().endswith(",")
        and not SENTENCE_END.search(between)
        and "\n" not in between
        and resumed.islower()
        and text[first.start : first.end].rstrip().endswith(",")
    )


def _runs_on(quoted_text: str) -> bool:
    """Whether the sentence goes on after the closing mark (a comma, a question, a dash),
    so that an attribution after it belongs to this quote. A quote nested at the end
    ("… do you need?’” Weaver said) ends where the words inside it end."""
    ending = quoted_text.rstrip().rstrip(NESTED_CLOSING_MARKS).rstrip()[-1:]
    return ending in QUOTE_RUN_ON_ENDINGS or ending.isalnum()


@dataclass(frozen=True)
class _Context:
    """What surrounds one quotation: the tokens on either side and how it sits there."""

    before: list[Token]
    after: list[Token]
    embedded: bool
    runs_on: bool


def _directly_introduces(cue: Token, before: list[Token]) -> bool:
    """Whether only punctuation stands between the cue and the quote: said, "…"."""
    return all(t.is_punct or t.is_space for t in before if t.i > cue.i)


def _attribute(
    doc: Doc, quotation: Quotation, context: _Context, quoted: bytearray, lexicon: CueLexicon
) -> Attribution | None:
    """The quote's attribution: the cue clause right after it (when the sentence runs on
    past the closing mark), the one that introduces it, or the verb that governs it.

    When a cue introduces the quote right before its opening mark and another follows
    it (he said, "…," the office said), the first is the speaker and the second the
    channel it came through; otherwise the cue after the quote wins.
    """
    window = context.after + context.before
    if context.runs_on:
        after = cue_after(context.after, lexicon, quoted)
    else:
        after = bare_cue_after(context.after, lexicon, quoted)
    before = None if context.embedded else cue_before(context.before, lexicon)
    if before is not None and (after is None or _directly_introduces(before, context.before)):
        introduced = attribution_at(before, lexicon, quoted, context.before, inverted=False)
        if after is None or introduced.speaker is None:
            return introduced
        reported = attribution_at(after, lexicon, quoted, context.after, inverted=True)
        return Attribution(
            introduced.cue,
            introduced.cue_lemma,
            introduced.speaker,
            introduced.addressee,
            reported.speaker or introduced.via,
            introduced.how,
        )
    if after is not None:
        return attribution_at(after, lexicon, quoted, window, inverted=True)
    governing = governing_cue(doc, quotation, quoted, lexicon)
    quoted_text = doc_text(doc)[quotation.start : quotation.end]
    if (
        governing is None
        and context.embedded
        and word_count(quoted_text) >= ENCLOSED_MIN_WORDS
        and not _names_a_thing(doc, quotation, quoted_text)
    ):
        governing = enclosing_speech(doc, quotation, quoted, lexicon)
    if governing is not None:
        if not lexicon.is_label_cue(governing):  # who calls it "…" is who says it
            governing = reporting_verb_above(governing, lexicon, quoted) or governing
        return attribution_at(governing, lexicon, quoted, window, inverted=False)
    if context.embedded:
        return None
    manner = manner_of_speaking(doc, quotation, context.after, quoted)
    if manner is not None:
        return attribution_at(manner, lexicon, quoted, window, inverted=True)
    return (
        name_label(context.before, lexicon)
        or source_label(context.before, lexicon)
        or colon_clause(context.before, lexicon)
    )


def _reported_before(
    doc: Doc, quotation: Quotation, paragraph: tuple[int, int], quoted: bytearray
) -> Attribution | None:
    """For a quote that opens its paragraph with no speaker of its own and none of an
    earlier quote to continue, whoever the paragraph before reports as speaking: news
    introduces a quoted paragraph by a paraphrase ("The mayor added that the plan
    would wait." ¶ "Not this year, not with this budget."). Not a passive cue's subject
    ("X was accused"), which is not who speaks."""
    text = doc_text(doc)
    sentence = introducing_sentence(doc, quotation.outer_start, text, paragraph, across=True)
    if sentence is None:
        return None
    found = preceding_attribution(sentence, cue_lexicon(), quoted, how="context")
    if found is None or found.speaker is None or found.speaker.root.dep_ == "nsubjpass":
        return None
    return found


def extract_quotes(doc: Doc, article_id: str, actors: ActorIndex) -> list[Quote]:
    """Direct quotes in ``doc`` with speaker, cue, addressee and source.

    Fragments inside the reporter's sentence that no cue governs, and short ones
    that modify a noun, are scare quotes, titles or terms and are dropped, save a
    quoted clause in the paragraph of a speaker's quote, which is that speaker's; a
    whole quoted sentence with no cue of its own is credited to the speaker of the
    previous quote in the same or the previous paragraph.
    """
    text = doc_text(doc)
    quotations = scan_quotations(text)
    if not quotations:
        return []  # no speakers to resolve either
    quoted = _quoted_mask(doc, quotations)
    attributor = _Attributor(doc, article_id, actors, quoted)
    lexicon = attributor.lexicon
    quotes: list[Quote] = []
    last_speaker: _Speaker | None = None
    standalone: list[tuple[Quotation, _Speaker | None, bool, Attribution | None]] = []
    index = 0
    while index < len(quotations):
        quotation = quotations[index]
        following = quotations[index + 1] if index + 1 < len(quotations) else None
        index += 1
        paragraph = attributor.paragraph_of(quotation.outer_start)
        lower, upper = attributor.paragraphs[paragraph]
        preceding_end = quotations[index - 2].outer_end if index > 1 else 0
        after_limit = min(following.outer_start if following else len(text), upper)
        before = _window_before(doc, quotation, quoted, max(preceding_end, lower))
        quoted_text = text[quotation.start : quotation.end]
        context = _Context(
            before=before,
            after=_window_after(doc, quotation, quoted, after_limit),
            embedded=is_embedded(text, quotation, before, lexicon),
            runs_on=_runs_on(quoted_text),
        )
        short = word_count(quoted_text) <= SCARE_QUOTE_MAX_WORDS
        if context.embedded and short and _names_a_thing(doc, quotation, quoted_text):
            continue
        if names_a_term(text, quotation, before, lower, lexicon):
            continue
        if is_title(quoted_text, lexicon) and (
            context.embedded or names_a_party(doc, quotation, lexicon)
        ):
            continue
        carried = last_speaker
        if carried is None or paragraph - carried.paragraph > SPEAKER_CARRY_PARAGRAPHS:
            carried = None
        attribution = _attribute(doc, quotation, context, quoted, lexicon)
        if attribution is None and not context.embedded:
            sentence = introducing_sentence(doc, quotation.outer_start, text, (lower, upper))
            if sentence is not None:
                attribution = (
                    preceding_attribution(sentence, lexicon, quoted)
                    or colon_clause(list(sentence), lexicon)
                    or name_label(list(sentence), lexicon)
                    or source_label(list(sentence), lexicon)
                )
        if attribution and following and _continues_after_attribution(text, quotation, following):
            quotation = quotation.joined_with(following)
            index += 1
        quotation = quotation.without_trailing_comma(text)
        if attribution is None and _stands_alone(text, quotation, lower, upper):
            attribution = signature(doc, attributor.paragraphs, paragraph)
        if attribution is None:
            reported = None
            if carried is None and not context.embedded:
                reported = _reported_before(doc, quotation, (lower, upper), quoted)
            if _stands_alone(text, quotation, lower, upper):
                standalone.append((quotation, carried, context.embedded, reported))
                continue
            # A quoted clause woven into the reporter's sentence in the paragraph of a
            # speaker's quote, with no cue and no one else as subject, goes on with that
            # speaker's words: "…," said Ann Ford. Even so, "we are closer than ever."
            if (
                context.embedded
                and carried is not None
                and carried.paragraph == paragraph
                and _is_woven_clause(doc, quotation, lexicon)
                and attributor.names_no_other_subject(quotation, carried)
            ):
                quotes.append(attributor.quote(quotation, None, True, carried, "woven"))
                continue
            if context.embedded or (carried is None and short):
                continue
            if reported is None:
                quotes.append(attributor.quote(quotation, None, context.embedded, carried))
                continue
            attribution = reported
        # A cue whose speaker cannot be read ("…," added, "…") leaves the quote to the
        # speaker of the quotes before it, as one with no cue.
        quote = attributor.quote(quotation, attribution, context.embedded, carried)
        quotes.append(quote)
        if quote.speaker_text is not None:
            last_speaker = _carried(quote, attributor.paragraph_of(quotation.end))
    quotes += _pull_quotes(text, standalone, quotes, attributor)
    return sorted(quotes, key=lambda quote: quote.span.start)


def _names_a_thing(doc: Doc, quotation: Quotation, quoted_text: str) -> bool:
    """Whether quoted words before a noun modify it as a term for a thing (committed to
    the "one country, two systems" formula) rather than grade a quality, which is someone's
    judgement of it (golf clubs with "very exclusive" memberships; one graded word alone
    is as often the reporter's emphasis)."""
    return modifies_noun(doc, quotation, quoted_text) and not (
        word_count(quoted_text) >= ENCLOSED_MIN_WORDS and is_graded(doc, quotation)
    )


def _is_woven_clause(doc: Doc, quotation: Quotation, lexicon: CueLexicon) -> bool:
    """Whether quoted words can be a clause woven into the reporter's sentence: a clause
    of their own (a finite verb), not a term, in double quotation marks (single ones
    in running text are as often apostrophes paired by mistake: "the Academy 's own"),
    on one line."""
    text = doc_text(doc)
    marks = lexicon.double
    return (
        (
            text[quotation.outer_start] in marks.all
            or text.startswith(marks.doubled, quotation.outer_start)
        )
        and "\n" not in text[quotation.start : quotation.end]
        and any(t.tag_ in FINITE_TAGS for t in quoted_tokens(doc, quotation))
    )


def _stands_alone(text: str, quotation: Quotation, lower: int, upper: int) -> bool:
    """Whether the quote is its paragraph's only content, bar a list number ("6.")."""
    before = ENUMERATOR.sub("", text[lower : quotation.outer_start])
    after = text[quotation.outer_end : upper]
    return not before.strip() and not after.strip(" .!?")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _repeats(words: list[str], other: list[str]) -> bool:
    """Whether one run of words holds the other (two words at least)."""
    short, long = sorted((words, other), key=len)
    return len(short) >= 2 and any(
        long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)
    )


def _pull_quotes(
    text: str,
    standalone: list[tuple[Quotation, _Speaker | None, bool, Attribution | None]],
    quotes: list[Quote],
    attributor: _Attributor,
) -> list[Quote]:
    """Quotes alone in their paragraph with no attribution. One whose words repeat a
    quote of the article (a pull quote or subheading: "6. "The Gordon problem"") is
    that quote's speaker's; any other whole sentence continues the previous speaker,
    while a fragment, or a short quote with no speaker to continue, is a heading or
    slogan and no quote."""
    found = []
    for quotation, carried, fragment, reported in standalone:
        words = _words(quotation.text(text))
        repeated = [
            quote
            for quote in quotes
            if quote.speaker_text is not None and _repeats(words, _words(quote.text))
        ]
        if repeated:
            nearest = min(repeated, key=lambda quote: abs(quote.span.start - quotation.start))
            carried = _carried(nearest, 0)
            how = "repeated"
        elif fragment or (carried is None and len(words) <= SCARE_QUOTE_MAX_WORDS):
            continue
        elif carried is None and reported is not None:
            found.append(attributor.quote(quotation, reported, False))
            continue
        else:
            how = "carried"
        found.append(attributor.quote(quotation, None, False, carried, how))
    return found
