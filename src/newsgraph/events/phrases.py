"""The parts of a noun phrase the coder reads: conjuncts, text without asides, naming core."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.events.patterns import groups_table

# Left-hand modifiers that belong to the name of what a phrase refers to.
CORE_MODIFIERS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "npadvmod"}
# Parts of a noun phrase left out of its text: clauses and asides about the noun.
PHRASE_CUTS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}


def is_stance(doc: Doc, start: int, end: int) -> bool:
    """Whether the name in tokens [start, end) only says what something is for or
    against: "anti-Syria", "pro-Iranian", "Israeli-occupied", "Syrian-backed"."""
    table = groups_table()["stance"]
    before = doc[start - 2 : start] if start >= 2 else None
    after = doc[end : end + 2]
    return bool(
        (before and before[1].text == "-" and before[0].lower_ in table["prefixes"])
        or (len(after) == 2 and after[0].text == "-" and after[1].lower_ in table["participles"])
    )


def hyphenated(token: Token) -> bool:
    """Whether a hyphen joins the token to a word beside it ("East-*West*", "*Western*-backed")."""
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text == "-") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    )


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Brazil and the United States")."""
    return [token, *token.conjuncts]


def phrase(head: Token) -> Span:
    """The noun phrase headed by ``head``, without relative clauses, asides or conjuncts."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in PHRASE_CUTS:
            tokens.extend(child.subtree)
    start = min(token.i for token in tokens)
    end = max(token.i for token in tokens) + 1
    if head.dep_ == "dobj" and end < len(head.doc):
        following = head.doc[end]
        # The parser often hangs "with ..." on the verb: "accusing powers with Western ties".
        if following.dep_ == "prep" and following.lower_ == "with" and following.head == head.head:
            end = following.right_edge.i + 1
    span = head.doc[start:end]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def core(head: Token) -> Span:
    """The naming part of a phrase: the head with its left modifiers and name parts."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in CORE_MODIFIERS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in {"compound", "flat"} and child.i == end:
            end = child.i + 1
    return head.doc[start:end]
