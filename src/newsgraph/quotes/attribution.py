"""The attribution clause of a quote: its cue, the cue's subject as the speaker, whom to,
and through whom.

A cue's speaker is its grammatical subject, not the nearest name: for a cue with no
subject of its own ("…, adding that") the subject of the speech verb above it; after
the quote, the noun after the verb in an inversion ("…," said Putin); for a relative
pronoun ("Mike Lee, who declared …") the noun its clause modifies. A quote with no cue
of its own may take the speaker of a cue in the sentence before ("He said:"), or a name
before a colon; words inside someone's reported clause are the reporter's.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import joins_words
from newsgraph.quotes.scan import CueLexicon
from newsgraph.quotes.speakers import speaker_rules, verbless_subject

# How many words (prepositions aside) up the parse a fragment may be from the verb that
# governs it.
MAX_GOVERNOR_DEPTH = 4

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Cues without a subject of their own ("..., adding that") take the subject of these heads.
SUBJECTLESS_CUE_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl", "dep")
NAME_LEFT_DEPS = ("det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "flat")
# How far after an inverted cue its speaker may end ("mused radio co-host Ann Berry").
INVERTED_REACH = 8
# Dashes that open a signature line: "— Mark Twain".
SIGNATURE_DASHES = ("-", "—", "–", "--")
# How many title words may stand between the dash and the name ("-President Obama").
SIGNATURE_TITLE_WORDS = 3
# Verbs whose infinitive takes their subject, not their object, as its own: "promised
# him to say".
SUBJECT_CONTROL = ("promise", "vow", "pledge", "swear", "threaten")
INVERTED_SPEAKER_DEPS = ("dobj", "attr", "npadvmod", "appos", "dative", "oprd", "nsubj")


@dataclass(frozen=True)
class Attribution:
    """Who said a quote and how: the cue, the speaker phrase, whom to, and through whom."""

    cue: Token
    cue_lemma: str
    speaker: Span | None
    addressee: Span | None = None
    via: Span | None = None
    # How the speaker was found: "subject" of the cue, "inverted" after it ("said X"),
    # "according" to X, "preceding" sentence's cue, a name "label" before a colon.
    how: str = "subject"


def phrase(head: Token) -> Span:
    """The name phrase headed by ``head``: its modifiers and compounds, never an
    appositive or relative clause ("Andrey Kortunov", not "…, director-general of …").
    A description with a name in apposition gives the name: "China's ambassador, Liu
    Xiaoming" is "Liu Xiaoming", and so is "Liu Xiaoming, China's ambassador" reached
    through its appositive."""
    if head.pos_ != "PROPN" and head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return phrase(head.head)
    if head.pos_ != "PROPN":
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return phrase(child)
    left = min(
        (child.left_edge.i for child in head.lefts if child.dep_ in NAME_LEFT_DEPS),
        default=head.i,
    )
    right = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (
            child.dep_ == "prep" and head.pos_ != "PROPN" and child.i == right + 1
        ):
            right = max(right, child.right_edge.i)
    doc = head.doc
    while left < head.i and doc[left].is_punct:
        left += 1
    while right > head.i and doc[right].is_punct:
        right -= 1
    return doc[left : _past_title_stop(doc, right) + 1]


def _past_title_stop(doc: Doc, right: int) -> int:
    """Where a phrase that ends in a short title ends once the name after it is added:
    the parser may end a sentence at the title's full stop ("said Navy Capt. Ann Ford"),
    leaving the name out of the phrase."""
    if right + 2 >= len(doc) or doc[right + 1].text != ".":
        return right
    if doc[right].lower_ + "." not in speaker_rules().title_abbreviations:
        return right
    end = right + 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        end += 1
    return end if end > right + 1 else right


def speakers_phrase(head: Token) -> Span:
    """The speaker phrase with the names joined to it: "Zeliff and Giancola said" is
    said by both, so both are the speaker's words (the first is its actor)."""
    speaker = phrase(head)
    if head.pos_ != "PROPN":
        return speaker
    end = speaker.end
    for conjunct in head.conjuncts:
        if conjunct.i > head.i and conjunct.pos_ == "PROPN":
            end = max(end, phrase(conjunct).end)
    return head.doc[speaker.start : end]


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the name ("Senior author Dr. Silvia Martins" parses as
    two subjects, "author" and "Martins")."""
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    return next((s for s in subjects if s.pos_ == "PROPN"), subjects[0] if subjects else None)


def _subject(verb: Token, lexicon: CueLexicon, quoted: bytearray) -> Token | None:
    """The subject of a cue verb; for a cue with none ("…, adding that", "warning:",
    "issued a statement saying"), the subject of the nearest speech verb above it, else
    of the nearest verb above it that has one; never a verb among the quoted words."""
    subject = (
        _passive_agent(verb, lexicon)
        or _own_subject(verb)
        or _as_subject(verb)
        or _controller(verb, lexicon, quoted)
        or _subject_of_misread_clause(verb, lexicon, quoted)
    )
    if subject is None and verb.dep_ == "acl" and verbless_subject(verb.head):
        return verb.head  # "John Kasich, a contender, predicted" misread as a participle
    if subject is not None or verb.dep_ not in SUBJECTLESS_CUE_DEPS or verb.head.i == verb.i:
        return subject
    above = [a for a in list(verb.ancestors)[:MAX_GOVERNOR_DEPTH] if not quoted[a.i]]
    for ancestor in above:
        if lexicon.is_cue(ancestor) and _own_subject(ancestor) is not None:
            return _own_subject(ancestor)
    for ancestor in above:
        if ancestor.pos_ in ("VERB", "AUX") and _own_subject(ancestor) is not None:
            return _own_subject(ancestor)
    return None


def _subject_of_misread_clause(verb: Token, lexicon: CueLexicon, quoted: bytearray) -> Token | None:
    """The subject of a cue that the parser put inside a clause it hung before the cue as
    its complement: in "Ann Ford, whose firm sells maps, said …" it reads "Ford … sells
    maps" as what was said. A reported clause follows its verb unless it is quoted, so a
    complement before the cue, unquoted and opening the sentence, is its subject with a
    relative or appositive clause, and that clause's subject speaks."""
    for clause in verb.lefts:
        if clause.dep_ != "ccomp" or quoted[clause.i]:
            continue
        subject = _own_subject(clause)
        if subject is None or subject.left_edge.i != verb.sent.start:
            continue
        if _can_speak(subject, lexicon) or subject.ent_type_ in ("PERSON", "ORG"):
            return subject
    return None


def _passive_agent(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The speaker of a passive speech verb: its agent ("was asked by the host"), not its
    subject, who is the one spoken to or about; save for verbs whose passive subject is
    the speaker ("was quoted by the paper as saying")."""
    if not any(child.dep_ == "nsubjpass" for child in verb.children):
        return None
    if verb.lemma_.lower() in lexicon.speaker_passives:
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


def _controller(verb: Token, lexicon: CueLexicon, quoted: bytearray) -> Token | None:
    """The speaker of an infinitive cue whose verb above has an object: that object
    controls it ("That prompted Rubio to call Trump "…"", "the record led the almanac
    to state "…""), as English object control has it, not the subject above ("That").
    A verb of subject control ("she promised him to say") keeps its subject, and a
    speech verb above ("urged graduates to "…"") is itself the cue of the words."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "make a joke and call Trump "…"": the first verb's place
    if clause.dep_ != "xcomp" or clause.head.lemma_.lower() in SUBJECT_CONTROL:
        return None
    if lexicon.is_cue(clause.head) or lexicon.is_label_cue(clause.head):
        return None
    objects = [
        child
        for child in clause.head.children
        if child.dep_ == "dobj" and child.i < clause.i and not quoted[child.i]
    ]
    return objects[0] if objects and _can_speak(objects[0], lexicon) else None


def _can_speak(word: Token, lexicon: CueLexicon) -> bool:
    """A name, a personal pronoun, or a noun for a person or a document: what can be
    said to speak ("The reason is simple: "…"" quotes nobody)."""
    rules = speaker_rules()
    return (
        word.pos_ == "PROPN"
        or word.lower_ in lexicon.pronoun_kinds
        or word.lemma_.lower() in rules.person_nouns | rules.document_nouns
    )


def _as_subject(verb: Token) -> Token | None:
    """The speaker of "as Tom Ridge put it", which the parser reads as a prepositional
    phrase ("as Tom Ridge") on the verb rather than its subject."""
    for child in verb.lefts:
        if child.dep_ == "prep" and child.lower_ == "as":
            named = [t for t in child.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
            if named:
                return named[0]
    return None


def _antecedent_of_relative(subject: Token) -> Token:
    """For a relative pronoun ("Ann Ford, who declared …", "Kim, who is running and
    who thanked the volunteers, praising …"), the noun its clause modifies."""
    clause = subject.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if subject.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
        return clause.head
    return subject


def _inverted_speaker(verb: Token, quoted: bytearray, names_only: bool = False) -> Token | None:
    """The speaker after the verb in "…," said Putin when the parser gave it no subject
    role; of the words there, the name ("mused radio co-host Ann Berry"); only a name
    when ``names_only``."""
    found = []
    for token in verb.doc[verb.i + 1 : verb.i + INVERTED_REACH]:
        if quoted[token.i] or (token.is_punct and not joins_words(token)):
            break
        if token.pos_ in ("PROPN", "NOUN", "PRON") and token.dep_ in INVERTED_SPEAKER_DEPS:
            found.append(token)
    named = next((t for t in found if t.pos_ == "PROPN"), None)
    return named if names_only else named or (found[0] if found else None)


def _subject_between(cue: Token, quoted: bytearray) -> Token | None:
    """In ""Your Honour," Smith said" the words between the closing mark and the cue are its
    subject, though the parser gave that role to the quoted words: the head of those
    words, a name, pronoun or noun."""
    words = []
    for token in reversed(cue.doc[cue.sent.start : cue.i]):
        if quoted[token.i]:
            break
        words.append(token)
    indices = {t.i for t in words}
    heads = [
        t
        for t in reversed(words)
        if t.pos_ in ("PROPN", "PRON", "NOUN") and (t.head.i not in indices or t.head.i == t.i)
    ]
    return heads[0] if heads else None


def _source(lexicon: CueLexicon, window: list[Token]) -> Span | None:
    """The object of "according to" in the attribution window, as a phrase."""
    for token in window:
        preposition = lexicon.source_phrase(token)
        if preposition is None:
            continue
        objects = [child for child in preposition.children if child.dep_ == "pobj"]
        if objects:
            return phrase(objects[0])
    return None


def _addressee(cue: Token, lexicon: CueLexicon) -> Span | None:
    if cue.lemma_.lower() not in lexicon.addressing:
        return None
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return phrase(child)
    return None


def attribution_at(
    cue: Token, lexicon: CueLexicon, quoted: bytearray, window: list[Token], inverted: bool
) -> Attribution:
    """The attribution around a cue token (a verb or the "according" of "according to");
    ``inverted`` when the cue follows the quote, where "said Putin" may put the speaker
    after the verb."""
    preposition = lexicon.source_phrase(cue)
    if preposition is not None:
        source = _source(lexicon, [cue])
        lemma = " ".join((cue.lower_, preposition.lower_))
        return Attribution(cue, lemma, source, how="according")
    speaker = _subject(cue, lexicon, quoted)
    if speaker is not None and quoted[speaker.i]:
        speaker = None  # the parser made the quoted words the subject
    if speaker is None and inverted:
        speaker = _subject_between(cue, quoted)
    how = "subject"
    if speaker is not None:
        speaker = _antecedent_of_relative(speaker)
        if quoted[speaker.i]:
            speaker = None  # "a "clerical slip" that was reported": quoted words say nothing
    if speaker is None and (inverted or cue.lemma_.lower() not in lexicon.addressing):
        # "…," said Putin; and before the quote, "In short, explained Ann Ford: "…"": a
        # name after a speech verb that has no subject, and whose object is not the one
        # spoken to, is its subject put after it.
        speaker, how = _inverted_speaker(cue, quoted, names_only=not inverted), "inverted"
    via = _source(lexicon, window)
    return Attribution(
        cue,
        cue.lemma_.lower(),
        speakers_phrase(speaker) if speaker is not None else None,
        _addressee(cue, lexicon),
        via,
        how,
    )


def preceding_attribution(
    sentence: Span, lexicon: CueLexicon, quoted: bytearray, how: str = "preceding"
) -> Attribution | None:
    """The speaker a sentence introduces for the quote after it: its last cue with a
    speaker ("Dianne Bystrom agreed." / "He said:" before a quoted paragraph)."""
    for token in reversed(sentence):
        if quoted[token.i] or not lexicon.is_cue(token):
            continue
        found = attribution_at(token, lexicon, quoted, [], inverted=True)
        if found.speaker is not None and found.how != "according":
            return Attribution(found.cue, found.cue_lemma, found.speaker, how=how)
    return None


def name_label(before: list[Token], lexicon: CueLexicon) -> Attribution | None:
    """A name alone before a colon that introduces the quote ("Jeffrey M. Jones: "…"",
    "— Sen. Ted Cruz: "…""): the name is the speaker, as in a transcript."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text != ":":
        return None
    last = words[-2]
    first = _name_start(last) or (last if last.pos_ == "PROPN" else None)
    if first is None:
        return None
    doc = last.doc
    # Names joined by "and" label a quote together: "Frank Newport and Jim Harter: "…"".
    while first.i > 1 and doc[first.i - 1].lower_ in ("and", "&"):
        joined = _name_start(doc[first.i - 2])
        if joined is None or joined not in words:
            break
        first = joined
    speaker = doc[first.i : last.i + 1]
    opener = doc[first.i - 1] if first.i > 0 else None
    # "Continued Stone: "…"", "Stated party chair Ann Ford: "…"": a speech verb put before
    # its speaker at the start of a clause (one the tagger may take for a name), with a
    # title or two between.
    cue = opener
    while cue is not None and cue in words and cue.pos_ in ("NOUN", "PROPN"):
        cue = doc[cue.i - 1] if cue.i > 0 else None
    if cue is not None and cue in words and _is_fronted_cue(cue, lexicon):
        before_cue = doc[cue.i - 1] if cue.i > 0 else None
        if before_cue is None or before_cue not in words or before_cue.is_punct:
            return Attribution(cue, cue.lower_, speaker, how="inverted")
    if first.i == last.i and _name_start(last) is None:
        return None  # one proper noun is a name only after a speech verb
    if opener is not None and opener in words and not opener.is_punct:
        return None
    return Attribution(words[-1], ":", speaker, how="label")


def source_label(before: list[Token], lexicon: CueLexicon) -> Attribution | None:
    """ "From the report: "…"", "More from Jones: "…"": a phrase of the preposition that
    names a source ("from"), alone before the colon that introduces the quote, names where
    the words come from, as "according to" does."""
    words = [t for t in before if not t.is_space]
    if len(words) < 3 or words[-1].text != ":":
        return None
    opener = next((t for t in words if t.lower_ in lexicon.source_labels), None)
    if opener is None or any(
        not (t.is_punct or t.pos_ in ("ADV", "ADJ")) for t in words[: words.index(opener)]
    ):
        return None
    source = next((c for c in opener.children if c.dep_ == "pobj"), None)
    if source is None or any(
        t.i not in {s.i for s in source.subtree} for t in words[words.index(opener) + 1 : -1]
    ):
        return None
    return Attribution(words[-1], opener.lower_, phrase(source), how="according")


def _is_fronted_cue(token: Token, lexicon: CueLexicon) -> bool:
    """A speech verb in its past or present form, whatever tag the parser gave a verb in
    an unusual first place ("Stated Stone:" reads to it as a name)."""
    word = token.lower_
    stems = (word, word[:-1], word[:-2]) if word.endswith(("ed", "es")) else (word,)
    return word.endswith(("ed", "s")) and any(stem in lexicon.speech for stem in stems)


def _name_start(last: Token) -> Token | None:
    """The first word of the name that ends at ``last``: a person or organisation the
    tagger found, or a run of two or more capitalised proper nouns it missed ("Jeffrey
    M. Jones")."""
    doc = last.doc
    if last.ent_type_ in ("PERSON", "ORG") and last.ent_iob_ != "O":
        first = last
        while first.ent_iob_ == "I" and first.i > 0:
            first = doc[first.i - 1]
        return first
    first = last
    while first.i > 0 and _capitalised_name_word(doc[first.i - 1]):
        first = doc[first.i - 1]
    if first.i == last.i or not _capitalised_name_word(last):
        return None
    return first


def _capitalised_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper


def colon_clause(before: list[Token], lexicon: CueLexicon) -> Attribution | None:
    """The subject of a clause whose colon introduces the quote, though its verb is no
    speech verb: "The governor makes the same case in every town: "…"", "The ministry
    released a statement: "…"". Only a name, a personal pronoun or a noun for a person
    or a document speaks so; "The reason is simple: "…"" quotes nobody."""
    words = [t for t in before if not t.is_space]
    if len(words) < 3 or words[-1].text != ":":
        return None
    verb = words[-2].sent.root
    if verb.pos_ not in ("VERB", "AUX") or verb.i >= words[-1].i:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i < words[0].i:
        return None
    if subject.lemma_.lower() in speaker_rules().speech_nouns:
        # "Clinton's response was: "…"": who gave the response said it.
        subject = next((c for c in subject.children if c.dep_ == "poss"), subject)
    if not _can_speak(subject, lexicon):
        return None
    return Attribution(words[-1], ":", phrase(subject), how="colon")


def reporting_verb_above(cue: Token, lexicon: CueLexicon, quoted: bytearray) -> Token | None:
    """The speech verb whose reported clause holds ``cue``: in "Ford said the network's
    managers were phoning "every half hour"" the words are Ford's report, not the managers'."""
    clause = cue
    for _ in range(MAX_GOVERNOR_DEPTH):
        if clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
            return None
        head = clause.head
        if clause.dep_ == "ccomp" and lexicon.is_cue(head) and not quoted[head.i]:
            return head
        clause = head
    return None


def introducing_sentence(
    doc: Doc, opening: int, text: str, paragraph: tuple[int, int], across: bool = False
) -> Span | None:
    """The sentence before a quote (opening mark at ``opening``) that opens a sentence of
    its own: the one before it in its paragraph, or, for a quote that opens its paragraph,
    the previous paragraph's last sentence when that ends with a colon ("He said:") or,
    ``across`` paragraphs, whatever it ends with: a quoted paragraph with no speaker of
    its own continues whoever the paragraph before reports ("The mayor added that the
    plan would wait." ¶ "Not this year.")."""
    position = bisect_left(doc, opening, key=lambda token: token.idx)
    if position >= len(doc) or position == 0:
        return None
    sentence = doc[position].sent
    if any(not t.is_punct and not t.is_space for t in doc[sentence.start : position]):
        return None  # words of the reporter's lead into the quote
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else None
    if previous is None:
        return None
    lower, _ = paragraph
    if previous.start_char >= lower:
        return previous
    if opening == lower and (across or text[: previous.end_char].rstrip().endswith(":")):
        return previous
    return None


def signature(doc: Doc, paragraphs: list[tuple[int, int]], paragraph: int) -> Attribution | None:
    """The name on the line after a quoted paragraph that opens with a dash and signs it,
    as under an epigraph or in a list of quotes: "…" ¶ "— President Obama, tweeting"."""
    if paragraph + 1 >= len(paragraphs):
        return None
    start, _ = paragraphs[paragraph + 1]
    position = bisect_left(doc, start, key=lambda token: token.idx)
    words = [t for t in doc[position : position + SIGNATURE_TITLE_WORDS + 3] if not t.is_space]
    if not words or not words[0].text.startswith(SIGNATURE_DASHES):
        return None
    # The tokeniser may keep the dash on the first word: "-President".
    first = 0 if words[0].text.lstrip("".join(SIGNATURE_DASHES)) else 1
    for token in words[first : first + SIGNATURE_TITLE_WORDS + 1]:
        if token.ent_type_ in ("PERSON", "ORG"):
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return Attribution(words[0], "—", doc[token.i : end], how="label")
        if token.pos_ not in ("PROPN", "NOUN") or not token.text[-1:].isalpha():
            return None
    return None
