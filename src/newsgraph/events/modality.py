"""Whether the sentence tells the act as done: negated, refused, intended, demanded or no act."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events import codebook
from newsgraph.events.acts import QUOTE_TAGS, code_token
from newsgraph.events.clauses import (
    MODAL_TAG,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    auxiliary,
    is_infinitive,
    reporting_verb,
)
from newsgraph.events.patterns import Modality, fixed_expression_places, modality
from newsgraph.events.readings import alleged, describes_only, not_reached

CONSULT_ROOT = "04"
# Praise or endorsement withheld is not given, not refused: "has not endorsed him" tells
# no act, "refused to endorse him" and "will not endorse him" a rejection.
PRAISE_ROOT = "05"
MATERIAL_COOPERATION = 2
# Clauses that report what someone says must be done: "said that Sudan *must* return".
REPORTED_CLAUSES = {"ccomp", "acl"}
# An infinitive hung on a noun says what the noun wants or plans ("pressure for Damascus
# *to allow* aid", "a plan *to attack*"), not what was done.
NOUN_CLAUSES = {"acl"}
# An infinitive adverbial clause says what its clause's act is for ("adopted a strategy
# *to defend* the image of Mexicans"): a purpose, not an act done.
PURPOSE_CLAUSES = {"advcl"}
UNDONE_INFINITIVES = NOUN_CLAUSES | PURPOSE_CLAUSES
# Clauses that take the modality of what they hang on ("will present a resolution
# *asking*", "will travel and *meet*"), followed up to MODAL_REACH clauses up.
CARRIED_CLAUSES = {"xcomp", "advcl", "conj", "acl"}
MODAL_REACH = 4
# Where an imperative stands: a sentence or a quoted or reported clause of its own.
IMPERATIVE_DEPS = {"ROOT", "ccomp", "parataxis"}


def tells_no_act(verb: Token) -> bool:
    """Whether the verb, coded or not, tells no act: it sits in a fixed expression, an
    open question or supposition, an imperative or an allegation (a verb's or a noun's:
    "allegations that"), or it only says what its subject is ("posed a threat")."""
    return (
        _in_fixed_expression(verb)
        or _is_open_question(verb)
        or _is_unreal(verb)
        or describes_only(verb)
        or alleged(verb)
    )


def _is_unreal(verb: Token) -> bool:
    """Whether the verb tells no act that happened: an imperative (teachers chanted "*Fund*
    our schools") or what someone is accused of ("have been accused of *blocking* aid"),
    which is the accusation's, coded or not."""
    subject_or_aux = SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass"}
    opens_quote = verb.i > 0 and verb.doc[verb.i - 1].tag_ == "``"  # '"Fund our schools"'
    if (
        verb.tag_ == "VB"
        and (verb.dep_ in IMPERATIVE_DEPS or opens_quote)
        and not any(c.dep_ in subject_or_aux for c in verb.children)
    ):
        return True
    token = verb
    while token.head != token:
        # "blamed Hamas and *launched* airstrikes": done beside the allegation, not in it
        head = token.head
        if (
            head.pos_ == "VERB"  # "pleaded guilty to *charges* he threatened" is no allegation
            and head.lemma_.lower() in modality().allegation_heads
            and token.dep_ != "conj"
        ):
            return True
        token = token.head
    return False


def _is_open_question(verb: Token) -> bool:
    """Whether the verb only asks or supposes: its clause is a question ("Is Smith going
    to get the snaps?") or a "whether"/"if" clause ("scrutiny over *whether* it violated
    rules", "depends on *whether* he believes"), none of which says the act happened."""
    if [t.text for t in verb.sent if t.tag_ not in QUOTE_TAGS][-1:] == ["?"]:
        return True
    return any(c.dep_ == "mark" and c.lower_ in modality().suppositions for c in verb.children)


def recode_for_modality(verb: Token, code: str) -> tuple[str, bool]:
    """The code of what the sentence says about the action, and whether it is negated.

    A refused or negated cooperative action is a rejection ("will not accept" -> 12);
    one in the future or intended is an intent ("will send troops" -> 03) and a
    hostile one a threat ("plans to attack" -> 13). Other negated actions keep their
    code and are marked negated ("did not attack").
    """
    rules = modality()
    negated = is_negated(verb)
    governor = _governor(verb)
    if governor in rules.doubt_heads or (negated and _only_not_done(verb, code, governor, rules)):
        return code, True  # "is unlikely to agree", "does not control"
    if not_reached(verb):
        return code, True  # "too small to provide aid", "has yet to recognize"
    if negated or governor in rules.refusal_heads:
        if refusal := _by_prefix(rules.refusal, code):
            return refusal, False
        return code, True  # "reluctant to enforce bans": not done
    condition = _condition(verb, rules)
    if condition and (threat := _by_prefix(rules.threat, code)):
        return threat, False
    if condition == "unless" or governor in rules.threat_heads:
        # "threatened to launch an operation": the threat of it, whatever the action
        return _by_prefix(rules.threat, code) or rules.threat["13"], False
    if governor in rules.preparation_heads and (readied := _by_prefix(rules.preparation, code)):
        return readied, False  # "prepared to resume shelling": a show of force (154)
    intended = _is_future(verb, rules.future_auxiliaries) or governor in rules.intent_heads
    recoded = _by_prefix(rules.intent, code) or _by_prefix(rules.threat, code)
    return (recoded, False) if intended and recoded else (code, False)


def not_yet_done(verb: Token) -> bool:
    """Whether the sentence says the act is still to come, not that it was done: the
    future, a condition or an obligation ("Rice *will* present a resolution asking",
    "the Act *would* impose sanctions"), an intent ("is set *to ask*"), a plan ("was *to
    ask*") or what a noun wants of someone ("a plan *to attack*"), on the verb or on the
    clause it completes. Where the modality already recodes the act (an intent to
    cooperate, a threat), that is the event said, and the caller does not ask."""
    rules = modality()
    to_come = rules.future_auxiliaries | rules.conditional_auxiliaries
    to_come |= rules.obligation_auxiliaries
    token = verb
    for _ in range(MODAL_REACH):
        if any(c.dep_ == "aux" and auxiliary(c) in to_come for c in token.children):
            return True
        governor = _governor(token)
        if governor in rules.intent_heads or governor in rules.plan_heads:
            return True
        if token.dep_ in UNDONE_INFINITIVES and is_infinitive(token):
            return True
        if token.dep_ not in CARRIED_CLAUSES:
            return False
        token = token.head
        while token.pos_ not in {"VERB", "AUX"} and token.head != token:
            token = token.head  # "a resolution *asking*": the resolution's verb
    return False


def _only_not_done(verb: Token, code: str, governor: str | None, rules: Modality) -> bool:
    """Whether a negated act is only not done, not refused: a meeting, an endorsement or
    a material act that did not happen ("the U.S. does not control any actors there",
    "did not meet him", "has not endorsed him"), as against one refused or refused for
    the future ("will not send troops", "refused to meet"), or words of agreement
    withheld ("did not accept the plan")."""
    if governor in rules.refusal_heads:
        return False
    if _is_future(verb, rules.future_auxiliaries | rules.conditional_auxiliaries):
        return False
    if any(child.tag_ == MODAL_TAG for child in verb.children):
        return False  # "cannot support him": a stance toward the act, a refusal
    if code[:2] == PRAISE_ROOT:
        # "is not ready to endorse": the stance toward it is withheld, a refusal
        return governor is None
    return code[:2] == CONSULT_ROOT or codebook.quad_class(code) == MATERIAL_COOPERATION


def _governor(verb: Token) -> str | None:
    """The word whose complement the verb is: "refused *to meet*", "committed *to opening*",
    and of a verb coordinated with the complement ("threatening to assault and *murder*")."""
    if verb.dep_ == "conj" and verb.head.dep_ in {"xcomp", "pcomp"}:
        return _governor(verb.head)
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.dep_ == "xcomp" and head.lemma_.lower() in modality().action_heads:
            return _governor(head)  # "prepared to *resume* shelling": prepared, not done
        return head.lemma_.lower()
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        if verb.head.lower_ == "to":
            return verb.head.head.lower_  # "committed to opening"
        if verb.head.lower_ == "at":
            return verb.head.head.lemma_.lower()  # "balked at signing"
    return None


def _condition(verb: Token, rules: Modality) -> str | None:
    """The conjunction ("if", "unless") of a condition on an announced action.

    A hostile action on a condition is a threat of it ("may halt mediation *if*
    cooperation founders"); any action on an "unless" is a threat ("will withdraw its
    force *unless* a ceasefire is arranged"), a cooperative one on an "if" is not.
    """
    if not _is_future(verb, rules.conditional_auxiliaries):
        return None
    for child in verb.children:
        if child.dep_ == "advcl":
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ in rules.conditions:
                    return mark.lower_
    return None


def reported_obligation(verb: Token) -> str | None:
    """The demand code of a reported clause that says what someone must do.

    "Russia said that Sudan *must* return the helicopter" is Russia demanding of Sudan
    (CAMEO 10, refined by the action: a return is a demand to yield, 105); the
    reporter is the source and the obliged subject the target.
    """
    if verb.dep_ not in REPORTED_CLAUSES:
        return None  # most tokens: no clause, no reporter to look for
    reporter = reporting_verb(verb)
    if reporter.pos_ not in {"VERB", "AUX"}:
        return None
    rules = modality()
    if code_token(reporter):
        return None  # "agreed that they should cooperate" is an agreement
    if not any(
        child.dep_ == "aux" and auxiliary(child) in rules.obligation_auxiliaries
        for child in verb.children
    ):
        return None
    coded = code_token(verb)
    action = coded[0] if coded else ""
    return _by_prefix(rules.obligation, action) or rules.obligation["10"]


def conditional_demand(verb: Token) -> tuple[str, list[Token]] | None:
    """The demand a conditional refusal makes, and of whom: "the dockers will not end the
    strike *until the port authority meets* their demands" asks the port authority to
    (CAMEO 10, refined by the act asked: "unless the army *frees* the prisoners" is 1053).

    Only a coded act refused for the future ("will not", "refused to") on a condition
    with a named subject of its own; a past "did not ... until" tells a time.
    """
    rules = modality()
    refused = _governor(verb) in rules.refusal_heads or (
        is_negated(verb) and _is_future(verb, rules.future_auxiliaries)
    )
    if not refused:
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            mark.dep_ == "mark" and mark.lower_ in rules.demand_conditions
            for mark in clause.children
        ):
            continue
        # a pronoun ("unless *they* leave by Friday") may be anyone's
        asked = [c for c in clause.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
        if asked and code_token(verb):
            coded = code_token(clause)
            action = coded[0] if coded else ""
            return _by_prefix(rules.obligation, action) or rules.obligation["10"], asked
    return None


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The entry for the longest prefix of ``code`` listed in ``table``."""
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


def _is_future(verb: Token, auxiliaries: frozenset[str]) -> bool:
    """A future or conditional auxiliary on the verb, or on the verb it completes."""
    heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return any(
        child.dep_ == "aux" and auxiliary(child) in auxiliaries
        for head in heads
        for child in head.children
    )


def is_negated(verb: Token) -> bool:
    """A "not"/"never" on the verb, or on the verb it completes ("did not try to attack"),
    or on the copula of the adjective it completes ("is *not* ready to support")."""
    negated = _has_negation(verb)
    if verb.dep_ == "xcomp":
        negated = negated or _has_negation(verb.head)
        adjective = verb.head
        if adjective.pos_ == "ADJ" and adjective.dep_ == "acomp":
            negated = negated or _has_negation(adjective.head)
    return negated


def _has_negation(word: Token) -> bool:
    """A negation among the word's dependents. The parser labels a contracted "not" after
    a perfect or modal auxiliary as an adverb when the apostrophe is typographic ("had
    n’t met", "won’t attack"); its lemma is still "not"."""
    return any(
        child.dep_ == "neg" or (child.dep_ == "advmod" and child.lemma_.lower() == "not")
        for child in word.children
    )


def _in_fixed_expression(verb: Token) -> bool:
    """Whether the verb is part of an expression such as "as opposed to" or "take
    advantage of" (a word of the expression matches a token's text or its lemma, so
    "took advantage of" is one too)."""
    doc = verb.doc
    places = fixed_expression_places()
    for words, offset in {*places.get(verb.lower_, ()), *places.get(verb.lemma_.lower(), ())}:
        start = verb.i - offset
        if start < 0 or start + len(words) > len(doc):
            continue
        span = doc[start : start + len(words)]
        if all(_is_word(token, wanted) for token, wanted in zip(span, words, strict=True)):
            return True
    return False


def _is_word(token: Token, word: str) -> bool:
    return word in (token.lower_, token.lemma_.lower())
