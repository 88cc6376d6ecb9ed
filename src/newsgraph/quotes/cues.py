"""Finding the cue of a quote: the reporting verb next to it, before or after, or the
verb its words hang from in the parse. Who the cue's speaker is, is read in
``attribution.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.nlp import doc_text
from newsgraph.quotes.attribution import MAX_GOVERNOR_DEPTH, SUBJECT_DEPS
from newsgraph.quotes.scan import CueLexicon, Quotation
from newsgraph.quotes.shapes import hung_outside, quoted_tokens

SENTENCE_FINAL = (".", "!", "?")
NESTED_CLOSING_MARKS = "'’\"”"
# How many tokens may separate a quote from its cue verb before the tie is too loose.
MAX_ATTRIBUTION_GAP = 12
# After a quote, every word up to the cue must belong to the cue's clause (a long
# appositive subject is common: "…," Andrey Kortunov, director-general of …, warned).
MAX_ATTRIBUTION_GAP_AFTER = 30
# Words a cue may have beside its subject and still report nothing of its own: "…." Trump
# later said. / "…." said Putin (the name after the verb, where the parser gives it no
# subject role).
BARE_CUE_DEPS = ("aux", "advmod", "neg", "dobj", "attr", "npadvmod", "appos", "nsubj")


def _belongs_to_cue(token: Token, cue: Token, quoted: bytearray) -> bool:
    """Whether a token between a quote and its cue is part of the cue's own clause (its
    subject with any appositive, auxiliaries and adverbs), punctuation, or words that
    still modify the quoted ones ("…the little deal" announced in October, said X)."""
    if token.is_punct or token.is_space:
        return True
    for ancestor in (token, *token.ancestors):
        if ancestor.head.i == cue.i and ancestor.dep_ in (*SUBJECT_DEPS, "aux", "advmod", "neg"):
            return True
        if ancestor.i == cue.i:
            return False
        if quoted[ancestor.head.i]:
            return True
    return False


def cue_after(window: list[Token], lexicon: CueLexicon, quoted: bytearray) -> Token | None:
    """A cue whose clause starts right after the quote: "…," Tokayev said / said Putin /
    "…?" He Jianxiong, the former executive director for China at the IMF, said.
    A participle that modifies the quoted words ("the deal" announced in October) is
    no cue of its own, nor is a verb in a relative clause ("…" in a race that he said
    was lost) or an infinitive ("…" to thank her): neither clause reports the quote."""
    for position, token in enumerate(window[:MAX_ATTRIBUTION_GAP_AFTER]):
        if not (lexicon.is_cue(token) or lexicon.source_phrase(token) is not None):
            continue
        if token.dep_ == "acl" and quoted[token.head.i]:
            continue
        if token.dep_ == "relcl" or any(
            child.dep_ == "aux" and child.tag_ == "TO" for child in token.children
        ):
            continue
        if all(_belongs_to_cue(between, token, quoted) for between in window[:position]):
            return token
        return None
    return None


def bare_cue_after(window: list[Token], lexicon: CueLexicon, quoted: bytearray) -> Token | None:
    """After a quote that ends its sentence, a sentence on the same line that is nothing
    but a speaker and a cue ("…." Trump said. / "…." said Trump.): a speech verb with no
    words of its own to report has only the quote before it to report."""
    ending = [t for t in window if not t.is_space][-1:]
    if any("\n" in t.text for t in window) or not ending or ending[0].text not in SENTENCE_FINAL:
        return None  # a cue that goes on to a quote of its own: Clinton replied, "…"
    cue = cue_after(window, lexicon, quoted)
    if cue is None:
        return None
    speaker = {t.i for c in cue.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    for token in window:
        if token.is_punct or token.i == cue.i or token.i in speaker:
            continue
        if token.head.i != cue.i or token.dep_ not in BARE_CUE_DEPS:
            return None
    return cue


def cue_before(window: list[Token], lexicon: CueLexicon) -> Token | None:
    """A cue whose clause runs on into the quote: Tokayev said: "…" / told X that "…"."""
    for position in range(len(window) - 1, -1, -1):
        token = window[position]
        is_source = lexicon.source_phrase(token) is not None
        if not (lexicon.is_cue(token) or lexicon.is_label_cue(token) or is_source):
            continue
        if _object_relative(token) and not lexicon.is_label_cue(token):
            continue
        between = window[position + 1 :]
        if len(between) > MAX_ATTRIBUTION_GAP:
            return None
        if any(t.text in SENTENCE_FINAL for t in between):
            return None
        subtree = {t.i for t in token.subtree}
        if is_source or all(t.i in subtree or t.is_punct for t in between):
            return token
    return None


def _object_relative(cue: Token) -> bool:
    """A cue in a relative clause that modifies what was said ("Nothing the president
    said "will calm fears," the senator said"): the quote that follows is not its
    complement. One whose subject is a relative pronoun ("the ministry, which said: "…"")
    still introduces it, and a labelling verb's quote is its complement ("what the group
    calls "…"")."""
    if cue.dep_ != "relcl":
        return False
    return not any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WP", "WDT") for c in cue.children)


def _parenthetical_cue(clause: Token, quoted: bytearray, lexicon: CueLexicon) -> Token | None:
    """A reporting clause set into the clause it reports: "The economy, the minister
    said, is "turning the corner"" (the parser hangs "said" from "turning" as parataxis)."""
    for child in clause.children:
        if child.dep_ == "parataxis" and not quoted[child.i] and lexicon.is_cue(child):
            return child
    return None


def governing_cue(
    doc: Doc, quote: Quotation, quoted: bytearray, lexicon: CueLexicon
) -> Token | None:
    """A cue verb the quoted fragment hangs from in the parse: called it a "witch hunt",
    accused him of years of "incessant bullying", described the idea … as "absurd".

    The way up may pass verbs, prepositions and the nouns they lead through, but no
    noun the quote modifies: in his "tough on China" stance the quote only describes a
    noun, it quotes nobody. A quote introduced by "as" is what a labelling verb
    anywhere above it calls something ("dubbed Sondland's role in … as "the problem"").
    """
    inside = [t for t in quoted_tokens(doc, quote) if not t.is_punct]
    for token in inside:
        parenthetical = _parenthetical_cue(token, quoted, lexicon)
        if parenthetical is not None:
            return parenthetical
    roots = hung_outside(inside, quote)
    for root in sorted(roots, key=lambda t: t.head.i):
        below = root
        steps = 0  # prepositions are free: "accused the board of years of "…""
        for ancestor in root.ancestors:
            steps += ancestor.pos_ != "ADP"
            if steps > MAX_GOVERNOR_DEPTH:
                break
            if quoted[ancestor.i]:
                below = ancestor
                continue  # words of another quote: the fragment belongs to the same speech
            if lexicon.is_cue(ancestor) or lexicon.is_label_cue(ancestor):
                return ancestor
            parenthetical = _parenthetical_cue(ancestor, quoted, lexicon)
            if parenthetical is not None:
                return parenthetical
            if ancestor.pos_ in ("NOUN", "PROPN") and below.dep_ != "prep":
                break
            if ancestor.pos_ == "ADP" and ancestor.lower_ not in lexicon.quoting_prepositions:
                break
            below = ancestor
        if root.head.lower_ == "as":
            labelling = next((a for a in root.head.ancestors if lexicon.is_label_cue(a)), None)
            if labelling is not None:
                return labelling
    return _labelling_after_object(roots, quote, quoted, lexicon)


def _labelling_after_object(
    roots: list[Token], quote: Quotation, quoted: bytearray, lexicon: CueLexicon
) -> Token | None:
    """The labelling verb of a quote that ends its object: in "called the agency's use of
    phone lines "deeply careless"" the quote is what the object is called, however the
    parser hung it inside the object's words (on "lines", on a verb of the object's own
    clause, in apposition)."""
    for root in roots:
        for ancestor in root.ancestors:
            if quoted[ancestor.i]:
                continue
            if ancestor.dep_ != "dobj" or not lexicon.is_label_cue(ancestor.head):
                continue
            words = [t for t in ancestor.subtree if not (t.is_punct or t.is_space)]
            if words and quote.start <= words[-1].idx < quote.end and words[0].idx < quote.start:
                return ancestor.head
    return None


def enclosing_speech(
    doc: Doc, quote: Quotation, quoted: bytearray, lexicon: CueLexicon
) -> Token | None:
    """The nearest speech verb anywhere above a fragment in its sentence: the words in
    someone's reported speech are theirs however deep they sit ("Ford backed Reed,
    saying the state needs "a governor who answers the phone"")."""
    inside = [t for t in quoted_tokens(doc, quote) if not t.is_punct]
    roots = hung_outside(inside, quote)
    for root in roots:
        for ancestor in root.ancestors:
            if not quoted[ancestor.i] and lexicon.is_cue(ancestor):
                return ancestor
    return None


def manner_of_speaking(
    doc: Doc, quotation: Quotation, after: list[Token], quoted: bytearray
) -> Token | None:
    """The verb of ""…," the coach deadpanned" or ""…?" the host pressed": after a quote
    that ends in a comma, question or exclamation mark, a main clause of a subject and
    its verb reports the quote whatever the verb, as no speech verb list can hold every
    verb of manner of speaking."""
    ending = doc_text(doc)[quotation.start : quotation.end].rstrip().rstrip(NESTED_CLOSING_MARKS)
    if ending[-1:] not in (",", "?", "!"):
        return None
    words = [t for t in after[:MAX_ATTRIBUTION_GAP] if not (t.is_punct or t.is_space)]
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    if verb is None or verb.dep_ != "ROOT" or quoted[verb.i]:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not words or subject.left_edge.i != words[0].i:
        return None
    between = [t for t in words if t.i < verb.i]
    if all(t.i in {s.i for s in subject.subtree} or t.dep_ in ("aux", "advmod") for t in between):
        return verb
    return None
