"""What kind of quotation a quote is: a whole utterance or a fragment in the reporter's
sentence, a label on a noun, a term or a title rather than anyone's words. Read by
``extract.py`` before it looks for a speaker."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsgraph.quotes.scan import CueLexicon, Quotation

# A title in quotation marks: capitalised words, at most this many.
TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
TITLE_MAX_WORDS = 6
CLAUSE_END_MARKS = ",.;:!?"
# Comparative and superlative adjectives and adverbs: "smarter", "most", "more".
GRADED_TAGS = ("JJR", "JJS", "RBR", "RBS")


def token_start(token: Token) -> int:
    return token.idx


def quoted_tokens(doc: Doc, quote: Quotation) -> Span:
    return doc[
        bisect_left(doc, quote.start, key=token_start) : bisect_left(
            doc, quote.end, key=token_start
        )
    ]


def hung_outside(tokens: Iterable[Token], quote: Quotation) -> list[Token]:
    """Those of the quote's ``tokens`` whose head is outside the quoted words: where the
    quote hangs in the sentence's parse."""
    return [t for t in tokens if not (quote.start <= t.head.idx < quote.end)]


def is_embedded(text: str, quote: Quotation, before: list[Token], lexicon: CueLexicon) -> bool:
    """Whether the quote is a fragment inside the reporter's own sentence rather than a
    whole utterance. A quote that a cue introduces (said: "…", said "…") is whole; else
    it is a fragment when it starts in lower case or other words lead into it."""
    leading = [t for t in before[-2:] if not t.is_space]
    if leading and leading[-1].is_punct and leading[-1].text in ",:":
        leading = leading[:-1]
    if leading and (lexicon.is_cue(leading[-1]) or lexicon.is_label_cue(leading[-1])):
        return False
    first_letter = next((c for c in text[quote.start : quote.end] if c.isalpha()), "")
    if first_letter.islower():
        return True
    words = [t for t in before if not t.is_space]  # a no-break space leads into nothing
    return bool(words) and not words[-1].is_punct


def modifies_noun(doc: Doc, quote: Quotation, quoted_text: str) -> bool:
    """Whether a short quote sits before a noun as its modifier: his "tough on China"
    stance, the "Pose" actor. Such quotes label things; they quote nobody. A quote that
    ends a clause ("is our dream," Benioff said) or takes the noun as its object (have
    "vilified" educators) does not modify it."""
    if quoted_text.rstrip()[-1:] in CLAUSE_END_MARKS:
        return False
    position = bisect_left(doc, quote.outer_end, key=token_start)
    if position == len(doc):
        return False
    following = doc[position]
    if following.pos_ not in ("NOUN", "PROPN") or following.is_sent_start:
        return False
    roots = hung_outside(quoted_tokens(doc, quote), quote)
    return not roots or any(root.head.i >= following.i for root in roots)


def is_graded(doc: Doc, quote: Quotation) -> bool:
    """Whether quoted words grade a quality ("very exclusive", "more aggressive", "smarter
    and tougher"): a comparative or superlative, or an adverb of degree on an adjective.
    A graded phrase before a noun is someone's judgement of it; a name or a term for a
    thing ("phase one", "one country, two systems") takes no degree."""
    return any(
        token.tag_ in GRADED_TAGS or (token.dep_ == "advmod" and token.head.pos_ == "ADJ")
        for token in quoted_tokens(doc, quote)
    )


def names_a_term(
    text: str, quotation: Quotation, before: list[Token], lower: int, lexicon: CueLexicon
) -> bool:
    """Whether the words before the quote make it a name or a term, not anyone's words:
    the so-called "Gang of Eight", the term "three amigos", the tagline? "…"."""
    if text[lower : quotation.outer_start].rstrip().lower().endswith(lexicon.scare_markers):
        return True
    for token in reversed(before):
        if token.is_punct or token.pos_ == "DET" or token.lower_ in lexicon.mention_links:
            continue
        return token.lemma_.lower() in lexicon.mention_nouns
    return False


def is_title(quoted_text: str, lexicon: CueLexicon) -> bool:
    """Whether a quote is written as a title ("Prison Break", "Fox News Sunday", "Latin
    History for Dummies"): a few words, each capitalised but the small ones titles keep
    in lower case."""
    words = TITLE_WORD.findall(quoted_text)
    if not words or len(words) > TITLE_MAX_WORDS or not words[0][0].isupper():
        return False
    return all(w[0].isupper() for w in words if w.lower() not in lexicon.title_small_words)


def names_a_party(doc: Doc, quotation: Quotation, lexicon: CueLexicon) -> bool:
    """Whether a quote written as a title is a name in the sentence, not words said: the
    one spoken to ("she told "Morning Report," …") or a name in apposition ("his memoir,
    "A Long Road," …")."""
    inside = quoted_tokens(doc, quotation)
    roots = [
        t for t in inside if not t.is_punct and t.head.i not in range(inside.start, inside.end)
    ]
    return len(roots) == 1 and (
        roots[0].dep_ in ("appos", "dative")
        or (roots[0].dep_ == "dobj" and roots[0].head.lemma_.lower() in lexicon.addressing)
    )


def word_count(text: str) -> int:
    return len(text.split())
