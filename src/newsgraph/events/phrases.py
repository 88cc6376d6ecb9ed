"""The parts of a noun phrase the coder reads: conjuncts, text without asides, naming core."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.events.patterns import groups_table

# Left-hand modifiers that belong to the name of what a phrase refers to.
CORE_MODIFIERS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "npadvmod"}
# Parts of a noun phrase left out of its text: clauses and asides about the noun.
PHRASE_CUTS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}
# Brackets that open an aside after a noun: a party and state, an acronym, a gloss.
ASIDE_OPENERS = {"(", "["}
# Prepositions whose phrase after a proper name still says which one is meant.
NAME_PREPOSITIONS = {"of", "from"}


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
    """The token and the tokens coordinated with it ("Brazil and the United States"), less
    a conjunct that is the subject of the next clause (``clause_for_stranded_subject``)."""
    return [token, *(c for c in token.conjuncts if not clause_for_stranded_subject(c))]


# Tags of a verb that tells its own tense: it heads a clause of its own, with a subject.
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# Words of a clause's verb group that may stand between its subject and its verb.
VERB_GROUP = {"aux", "auxpass", "neg", "advmod"}
# The tag of an infinitive's "to", which makes no clause finite ("Senegal *to* mediate").
INFINITIVE_TO = "TO"


def clause_for_stranded_subject(noun: Token) -> Token | None:
    """The verb whose subject the parser joined to the last clause's object: in "Russia
    criticised Ukraine and China praised Pakistan" it reads "China" as a second object of
    "criticised" and "praised" as a verb with no subject. A noun phrase coordinated with
    another and followed at once by a finite verb (or an auxiliary and its verb) that has
    no subject of its own is that verb's subject: verbs that share one subject follow the
    "and" directly ("criticised Ukraine and praised Pakistan")."""
    if noun.dep_ != "conj" or noun.pos_ not in {"PROPN", "NOUN"}:
        return None
    doc = noun.doc
    after = noun.right_edge.i + 1
    while after < len(doc) and doc[after].dep_ in VERB_GROUP and doc[after].tag_ != INFINITIVE_TO:
        after += 1
    if after >= len(doc):
        return None
    verb = doc[after]
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in {"conj", "advcl"}:
        return None
    group = [c for c in verb.lefts if c.i > noun.right_edge.i]
    finite = verb.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ != INFINITIVE_TO for c in group
    )
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children)
    if not finite or own_subject or verb.head.i > noun.i:
        return None
    return verb


def phrase(head: Token, *, with_adjuncts: bool = False) -> Span:
    """The noun phrase headed by ``head``, without relative clauses, asides or conjuncts:
    the text a side shows. Without ``with_adjuncts``, also without the clause's adjuncts
    the parser hung on it and what brackets after it hold, which still say where the act
    was or whose the actor is ("the summit *in New York*", "Sen. Ortiz *(D-Nev.)*") when
    a country is sought."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in PHRASE_CUTS and (with_adjuncts or not _clause_adjunct(head, child)):
            tokens.extend(child.subtree)
    start = min(token.i for token in tokens)
    end = max(token.i for token in tokens) + 1
    if head.dep_ == "dobj" and end < len(head.doc):
        following = head.doc[end]
        # The parser often hangs "with ..." on the verb: "accusing powers with Western ties".
        if following.dep_ == "prep" and following.lower_ == "with" and following.head == head.head:
            end = following.right_edge.i + 1
    opening = next((t.i for t in head.doc[head.i + 1 : end] if t.text in ASIDE_OPENERS), None)
    if opening is not None and not with_adjuncts:
        end = opening  # "Sen. Bernie Sanders (I-Vt.)": what brackets hold is an aside
    span = head.doc[start:end]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span


def _clause_adjunct(head: Token, child: Token) -> bool:
    """Whether a prepositional phrase on a noun belongs to the clause, not the noun.

    A proper name refers on its own, so a phrase after it outside the name says where, when
    or why the act was done ("praised Trump *at a news conference*", "fired back at Trump
    *over the proposal*"); only "of" and "from" still say which one is meant ("Sanders *of
    Vermont*"). A phrase that only dates ("the mayor *on Tuesday*") dates the act on any
    noun.
    """
    if child.dep_ != "prep" or child.i < head.i or child.ent_iob_ == "I":
        return False
    if _is_name(head) and child.lower_ not in NAME_PREPOSITIONS:
        return True
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _is_name(word: Token) -> bool:
    """A proper noun, or a capitalised word inside a sentence, which the tagger sometimes
    takes for a common noun ("praised *Trump* at ...")."""
    return word.pos_ == "PROPN" or (word.text[:1].isupper() and not word.is_sent_start)


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
