"""Speaker phrases to actors: names, pronouns, descriptions and documents.

spaCy's English model has no coreference component, so this is a small rule-based
resolver for the phrases that attribute quotes:

* a name is the actor the actor resolver found there;
* a pronoun ("she said") is the latest fitting actor before it in this or the two
  paragraphs before, preferring the subject of a clause, never one of the other gender.
  A person's gender is read from the article itself: honorifics ("Ms."), gendered
  titles and appositives ("congresswoman", "his wife"), what is said of them ("one of
  the first Muslim women"), and pronouns in sentences about them alone. Subject
  pronouns are resolved in text order, so "she" can stand for a person last named
  several paragraphs back through the pronouns between;
* a description ("the president", "China's ambassador") is, of the people whose role or
  title is that noun (written out or short: "Sen."), the one last spoken of before it, a
  clause's subject first, or failing that the first named after it; a definite one with
  no such person ("the actor said") stands for a person the way "he" or "she" would,
  while an indefinite one ("a senior official") is an unnamed source and stays unnamed;
* a document ("the statement said") speaks for whoever issued it ("a report from X",
  "the US military said in a statement");
* what an actor speaks through, with a possessive pronoun ("her statement", "his
  campaign", "its ad"), speaks for whom the pronoun's subject form would stand for;
  "his wife" is someone else.

The word lists are data, in ``data/quotes/speakers.toml``.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.dictionary import people_rules
from newsgraph.given_names import given_names

if TYPE_CHECKING:
    from newsgraph.actors import ActorIndex

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How many paragraphs before the pronoun's own an antecedent may be found in.
ANTECEDENT_PARAGRAPHS = 2
# A title, honorific or gendered noun next to a name outweighs a pronoun nearby.
NAMED_GENDER_WEIGHT = 3
# How far up the parse "said in a statement" may be from the statement to its verb.
ISSUER_VERB_DEPTH = 3
DEFINITE_DETERMINERS = ("the", "this", "that")
INDEFINITE_DETERMINERS = ("a", "an", "another", "one", "some", "several", "two", "three", "many")


@cache
def _role_nouns() -> frozenset[str]:
    """The actor dictionary's role nouns ("ambassador", "envoy"), each a person's."""
    return frozenset(people_rules().role_nouns)


@dataclass(frozen=True)
class SpeakerRules:
    """The words of ``speakers.toml``."""

    pronoun_gender: dict[str, str]
    honorifics: dict[str, str]
    gendered_nouns: dict[str, str]
    person_nouns: frozenset[str]
    document_nouns: frozenset[str]
    document_issuers: frozenset[str]
    indefinite_pronouns: frozenset[str]
    speech_nouns: frozenset[str]
    voiced_nouns: frozenset[str]
    title_abbreviations: dict[str, str]
    possessive_pronouns: dict[str, str]


@cache
def speaker_rules() -> SpeakerRules:
    source = resources.files("newsgraph") / "data" / "quotes" / "speakers.toml"
    table = tomllib.loads(source.read_text(encoding="utf-8"))
    gender = table["gender"]
    return SpeakerRules(
        pronoun_gender=dict(gender["pronouns"]),
        honorifics=dict(gender["honorifics"]),
        gendered_nouns={noun: kind for kind, nouns in gender["nouns"].items() for noun in nouns},
        person_nouns=frozenset(table["person_nouns"]),
        document_nouns=frozenset(table["document_nouns"]),
        document_issuers=frozenset(table["document_issuers"]),
        indefinite_pronouns=frozenset(table["indefinite_pronouns"]),
        speech_nouns=frozenset(table["speech_nouns"]),
        voiced_nouns=frozenset(table["voiced_nouns"]),
        title_abbreviations=dict(table["title_abbreviations"]),
        possessive_pronouns=dict(table["possessive_pronouns"]),
    )


def given_name_gender(name: str, honorifics: dict[str, str]) -> str | None:
    """The gender a person's given name nearly always has ("Maria Lopez": female),
    where the article shows none; None for a surname alone or a name used by both."""
    words = [w for w in name.split() if w.lower() not in honorifics]
    if len(words) < 2 or not words[0].isalpha():
        return None
    return given_names().get(words[0].lower())


@dataclass(frozen=True)
class _Candidate:
    """An actor mentioned (or pronoun resolved) at ``offset``, outside any quote."""

    offset: int
    key: str
    subject: bool
    main: bool = False  # the subject of its sentence's main clause
    sentence: int = 0  # where its sentence starts
    gender: str | None = None  # as this mention shows it ("Ms. Khan"), or the pronoun's
    surname_only: bool = False  # a name of one word ("Trump"), which namesakes share


def _is_indefinite(noun: Token) -> bool:
    """ "a senior official", "one diplomat", "officials": a speaker not named before."""
    determiners = [c for c in noun.children if c.dep_ in ("det", "nummod", "poss")]
    if not determiners:
        return noun.tag_ in ("NNS", "NNPS")
    return any(d.lower_ in INDEFINITE_DETERMINERS for d in determiners)


def verbless_subject(token: Token) -> bool:
    """Whether a noun the parser made the root of a sentence with no finite verb is the
    subject of the verb it hangs from it as a modifier: in "Ohio Gov. John Kasich, a
    contender, predicted that …" the parser may read "predicted" as a participle on
    "Kasich", but a sentence of news prose has a predicate, and that is it."""
    return (
        token.dep_ == "ROOT"
        and token.pos_ in ("NOUN", "PROPN")
        and any(child.dep_ == "acl" and child.pos_ == "VERB" for child in token.children)
    )


def _is_main_subject(token: Token) -> bool:
    """The subject of the sentence's main verb, or of a verb joined to it ("Hale took his
    daughter there to explain who Ali was": Hale, not Ali)."""
    while token.dep_ in ("appos", "compound", "flat"):
        token = token.head
    if verbless_subject(token):
        return True
    if token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _is_subject(token: Token) -> bool:
    """A clause's subject, or a name in apposition to it ("The company, Big Machine, …")."""
    if token.dep_ in SUBJECT_DEPS or verbless_subject(token):
        return True
    return token.dep_ in ("appos", "compound") and (
        token.head.dep_ in SUBJECT_DEPS or verbless_subject(token.head)
    )


class SpeakerResolver:
    """Turns the speaker phrases of one document into actor keys."""

    def __init__(
        self,
        doc: Doc,
        actors: ActorIndex,
        quoted: bytearray,
        paragraphs: list[tuple[int, int]],
        pronoun_kinds: dict[str, frozenset[str]],
    ) -> None:
        self.doc = doc
        self.actors = actors
        self.quoted = quoted
        self.paragraph_starts = [start for start, _ in paragraphs]
        self.pronoun_kinds = pronoun_kinds
        self.rules = speaker_rules()
        self.mentions = self._mentions_outside_quotes()
        self.genders = self._genders()
        self._surnames: dict[str, set[str]] = {}
        for _, key in self.mentions:
            actor = self.actors.actor(key)
            if actor.type == "person" and actor.name.split():
                self._surnames.setdefault(actor.name.split()[-1].lower(), set()).add(key)
        self.resolved: dict[int, str | None] = {}
        self.candidates = self._resolve_pronouns()
        self._candidate_offsets = [c.offset for c in self.candidates]

    # -- what the article says ---------------------------------------------------------

    def _mentions_outside_quotes(self) -> list[tuple[Span, str]]:
        found = []
        for mention in self.actors.mentions:
            span = self.doc.char_span(mention.span.start, mention.span.end, "expand")
            if span is not None and len(span) and not self.quoted[span.start]:
                found.append((span, mention.actor_key))
        return found

    def _genders(self) -> dict[str, str]:
        """Each person's gender as the article shows it, where it does."""
        votes: dict[str, Counter[str]] = {}
        people_by_sentence: dict[int, set[str]] = {}
        for span, key in self.mentions:
            if self.actors.actor(key).type != "person":
                continue
            people_by_sentence.setdefault(span.sent.start, set()).add(key)
            if self._names_another(span, key):
                continue
            for kind in self._named_gender(span):
                votes.setdefault(key, Counter())[kind] += NAMED_GENDER_WEIGHT
        for span, key in self.mentions:
            if people_by_sentence.get(span.sent.start) != {key}:
                continue
            kind = self._first_pronoun_gender(span)
            if kind is not None:
                votes.setdefault(key, Counter())[kind] += 1
            people_by_sentence[span.sent.start] = set()  # count each sentence once
        for key in {key for _, key in self.mentions}:
            actor = self.actors.actor(key)
            by_name = given_name_gender(actor.name, self.rules.honorifics)
            if actor.type == "person" and by_name is not None:
                votes.setdefault(key, Counter())[by_name] += NAMED_GENDER_WEIGHT
        genders = {}
        for key, counts in votes.items():
            ranked = counts.most_common()
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                genders[key] = ranked[0][0]
        return genders

    def _names_another(self, span: Span, key: str) -> bool:
        """Whether a mention gives a given name its actor's name lacks ("Ty Woods" for
        Dorothy Woods, where the article names a couple): what is said next to it
        ("her husband, Ty Woods") tells the namesake's gender, not the actor's."""
        names = given_names()
        actor_words = {w.lower() for w in self.actors.actor(key).name.split()}
        # The mention may leave out a given name written just before it.
        words = self.doc[max(span.start - 1, 0) : span.end]
        return any(
            t.lower_ in names and t.lower_ not in actor_words and t.pos_ == "PROPN" for t in words
        )

    def _first_pronoun_gender(self, name: Span) -> str | None:
        """The gender of the first gendered subject or possessive pronoun after a
        person's name in a sentence about them alone: it stands for them ("Woods said
        she …", "Woods continued her talk"), while a later one may stand for someone the
        sentence has brought in meanwhile ("… her husband's sacrifice … at his grave"),
        and an object pronoun of the name's own clause is someone else ("Clinton
        accused him")."""
        for token in self.doc[name.end : name.sent.end]:
            kind = self.rules.pronoun_gender.get(token.lower_)
            if not kind or token.pos_ != "PRON" or self.quoted[token.i]:
                continue
            if token.dep_ in (*SUBJECT_DEPS, "poss") or token.lower_.endswith("self"):
                return kind
        return None

    def _named_gender(self, name: Span) -> list[str]:
        """Genders shown next to a name: "Ms. Warren", "congresswoman Ocasio-Cortez",
        "his wife, Kimberly", "Omar is one of the first two Muslim women"."""
        root = name.root
        words: list[Token] = []
        if name.start > 0:
            words.append(self.doc[name.start - 1])
        if root.dep_ in ("appos", "compound"):
            words.append(root.head)
        words += [c for c in root.children if c.dep_ in ("appos", "compound")]
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            for attribute in (c for c in root.head.children if c.dep_ == "attr"):
                words.append(attribute)
                if attribute.lower_ == "one":
                    words += [p for c in attribute.children if c.lower_ == "of" for p in c.children]
        kinds = []
        for word in words:
            if word.i != root.head.i and any(c.dep_ == "poss" for c in word.children):
                continue  # "X, whose husband, …": a noun with its own possessor is kin
            kind = self.rules.honorifics.get(word.lower_) or self.rules.gendered_nouns.get(
                word.lemma_.lower()
            )
            if kind:
                kinds.append(kind)
        return kinds

    def _resolve_pronouns(self) -> list[_Candidate]:
        """Mentions and subject pronouns in text order, each pronoun resolved against
        what came before it; the resolved ones stand as mentions for later pronouns."""
        candidates: list[_Candidate] = []
        mentions = iter(self.mentions)
        pending = next(mentions, None)
        for token in self.doc:
            while pending is not None and pending[0].start <= token.i:
                span, key = pending
                root = span.root
                shown = set(self._named_gender(span))
                candidates.append(
                    _Candidate(
                        span.start_char,
                        key,
                        _is_subject(root),
                        _is_main_subject(root),
                        root.sent.start_char,
                        shown.pop() if len(shown) == 1 else None,
                        surname_only=len(span) == 1,
                    )
                )
                pending = next(mentions, None)
            if (
                token.lower_ in self.pronoun_kinds
                and token.dep_ in SUBJECT_DEPS
                and not self.quoted[token.i]
            ):
                key = self._pick(token, candidates, self.pronoun_kinds[token.lower_])
                self.resolved[token.i] = key
                if key is not None:
                    candidates.append(
                        _Candidate(
                            token.idx,
                            key,
                            True,
                            _is_main_subject(token),
                            token.sent.start_char,
                            self.rules.pronoun_gender.get(token.lower_),
                        )
                    )
        return candidates

    def _paragraph_start(self, offset: int, back: int) -> int:
        paragraph = max(0, bisect_right(self.paragraph_starts, offset) - 1 - back)
        return self.paragraph_starts[paragraph] if self.paragraph_starts else 0

    def _pick(self, word: Token, candidates: list[_Candidate], kinds: frozenset[str]) -> str | None:
        """The latest fitting candidate before ``word``: a clause subject if there is one,
        and of the subjects in that sentence, the main clause's. A mention's own gender
        ("Ms. Khan", "she") counts before the one the article shows for its actor, which
        may be mixed where two people share a surname. A word that carries no gender ("the
        nominee", "it") fits either."""
        gender = self.rules.pronoun_gender.get(word.lower_) or self.rules.gendered_nouns.get(
            word.lemma_.lower()
        )
        lower = self._paragraph_start(word.idx, ANTECEDENT_PARAGRAPHS)

        def fitting(candidate: _Candidate) -> _Candidate | None:
            if not (
                lower <= candidate.offset < word.idx
                and self.actors.actor(candidate.key).type in kinds
            ):
                return None
            namesake = self._namesake(candidate.key, gender) if candidate.surname_only else None
            if namesake is not None:
                return replace(candidate, key=namesake, gender=gender)
            if (
                gender is None
                or (candidate.gender or self.genders.get(candidate.key, gender)) == gender
            ):
                return candidate
            return None

        # Walked back from the word, and only as far as the answer needs: the candidates
        # are in text order, and a long paragraph holds thousands.
        latest: _Candidate | None = None
        for index in range(len(candidates) - 1, -1, -1):
            if candidates[index].offset < lower:
                break
            candidate = fitting(candidates[index])
            if candidate is None:
                continue
            latest = latest or candidate
            if not candidate.subject:
                continue
            if candidate.main:
                return candidate.key
            for before in range(index - 1, -1, -1):
                if candidates[before].sentence != candidate.sentence:
                    break
                main = fitting(candidates[before])
                if main is not None and main.main and main.offset < candidate.offset:
                    return main.key
            return candidate.key
        return latest.key if latest else None

    def _namesake(self, key: str, gender: str | None) -> str | None:
        """For a mention of a person of the other gender, the one person of this gender
        the article names with the same surname: "Clinton … she" where both Bill and
        Hillary Clinton are named, and the bare surname went to him."""
        known = self.genders.get(key)
        if gender is None or known is None or known == gender:
            return None
        surname = self.actors.actor(key).name.split()[-1].lower()
        others = [
            other
            for other in self._surnames.get(surname, ())
            if other != key and self.genders.get(other) == gender
        ]
        return others[0] if len(others) == 1 else None

    # -- speaker phrases -------------------------------------------------------------------

    def key_of(self, phrase: Span | None) -> str | None:
        """The actor a phrase names; for a pronoun or a description, the one it stands for."""
        if phrase is None or len(phrase) == 0:
            return None
        root = phrase.root
        if self._is_indefinite_pronoun(root):
            return None
        if root.pos_ == "PRON":
            if root.dep_ == "poss" and root.lower_ in self.rules.possessive_pronouns:
                return self._owner(root)
            if root.lower_ not in self.pronoun_kinds:
                return self.actors.key_at(phrase.start_char, phrase.end_char)
            if root.i in self.resolved:
                return self.resolved[root.i]
            return self._pick(root, self._before(root.idx), self.pronoun_kinds[root.lower_])
        if root.pos_ == "NOUN":
            # A description: what its left part names ("Kremlin spokesman"; never a place
            # in its tail, "ambassador to Britain"); a definite one may also name a person
            # the article names elsewhere. "A senior official" is nobody named.
            left_part = self._possessor(root) or self.actors.key_at(
                phrase.start_char, root.idx + len(root)
            )
            if _is_indefinite(root):
                return left_part
            return self.described(root) or left_part or self._definite_person(root)
        return self.actors.key_at(phrase.start_char, phrase.end_char)

    def _possessor(self, noun: Token) -> str | None:
        """The actor a description's possessor names ("New Hampshire Sen. Kelly Ayotte's
        campaign": Ayotte, not the state in the possessor's title): whose campaign,
        office or spokesman it is."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.pos_ == "PROPN":
            return self.actors.key_at(owner.idx, owner.idx + len(owner))
        if owner.lower_ in self.rules.possessive_pronouns and self._voices_owner(noun):
            return self._owner(owner)  # "his campaign", "its ad"; never "his wife"
        return None

    def _voices_owner(self, noun: Token) -> bool:
        """Whether a possessed noun speaks for its possessor: a document, words said, or
        what an actor speaks through ("his campaign"), not a person beside them."""
        lemma = noun.lemma_.lower()
        rules = self.rules
        return any(
            lemma in nouns
            for nouns in (rules.document_nouns, rules.speech_nouns, rules.voiced_nouns)
        )

    def _owner(self, possessive: Token) -> str | None:
        """The actor a possessive pronoun names, found as its subject form would be ("his"
        as "he")."""
        subject_form = self.rules.possessive_pronouns[possessive.lower_]
        kinds = self.pronoun_kinds.get(subject_form)
        if kinds is None:
            return None
        return self._pick(possessive, self._before(possessive.idx), kinds)

    def kind_of(self, phrase: Span, key: str | None) -> str:
        """What kind of speaker phrase resolved to ``key``: a name, a pronoun (or one
        left unresolved), a description of someone named, or an unnamed one ("a
        senior official", "the commission" with no actor of that name)."""
        root = phrase.root
        if self._is_indefinite_pronoun(root):
            return "unnamed"
        if root.pos_ == "PRON":
            return "pronoun" if key is not None else "unresolved"
        if root.pos_ == "NOUN":
            return "unnamed" if key is None or _is_indefinite(root) else "description"
        return "name"

    def _is_indefinite_pronoun(self, word: Token) -> bool:
        """ "Some", "another", "those": a pronoun (or a determiner standing alone) that
        stands for nobody named."""
        return word.pos_ in ("PRON", "DET") and word.lower_ in self.rules.indefinite_pronouns

    def _before(self, offset: int) -> list[_Candidate]:
        return self.candidates[: bisect_right(self._candidate_offsets, offset)]

    def _definite_person(self, noun: Token) -> str | None:
        """ "The actor said": the person a definite description of a person stands for."""
        if noun.lemma_.lower() not in self.rules.person_nouns:
            return None
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            return None  # "his wife", "her lawyer": someone beside the person, not them
        determiners = [c for c in noun.children if c.dep_ in ("det", "poss")]
        if not any(d.lower_ in DEFINITE_DETERMINERS or d.dep_ == "poss" for d in determiners):
            return None
        return self._pick(noun, self._before(noun.idx), frozenset({"person"}))

    def described(self, noun: Token) -> str | None:
        """The person a description ("the president", "China's ambassador") refers to: of
        the people whose role, or a word next to one of whose mentions, is that noun
        ("Ambassador Liu Xiaoming", "Liu Xiaoming, China's ambassador"), the one last
        spoken of before it, a clause's subject first, as for a pronoun; failing that,
        the first named after it (news often names later)."""
        title = noun.lemma_.lower()
        if title not in self.rules.person_nouns and title not in _role_nouns():
            return None  # "the US military", "the institute": what names no person
        holders = {key for span, key in self.mentions if self._holds(span, key, title)}
        if not holders:
            return None
        before = [c for c in self._before(noun.idx) if c.key in holders and c.offset < noun.idx]
        lower = self._paragraph_start(noun.idx, ANTECEDENT_PARAGRAPHS)
        recent = [c for c in before if c.offset >= lower]
        subjects = [c for c in recent if c.subject]
        if subjects or recent or before:
            return (subjects or recent or before)[-1].key
        return next((k for s, k in self.mentions if s.start_char > noun.idx and k in holders), None)

    def _holds(self, span: Span, key: str, title: str) -> bool:
        """Whether the person named at ``span`` holds ``title``, as a role or as a word
        next to the name."""
        actor = self.actors.actor(key)
        if actor.type != "person":
            return False
        if any(
            title in map(self._title, role.lower().replace(",", " ").split())
            for role in actor.roles
        ):
            return True
        root = span.root
        # "Ambassador Liu Xiaoming", "Liu Xiaoming, China's ambassador", and through a
        # preposition, "China's ambassador to Britain Liu Xiaoming"; the title may be
        # part of the mention itself ("President Obama").
        neighbours = [root.head, root.head.head, *root.children, *root.head.children]
        return any(self._title(t.lemma_.lower()) == title and t.i != root.i for t in neighbours)

    def _title(self, word: str) -> str:
        """A title word written out: "sen." is "senator"."""
        return self.rules.title_abbreviations.get(word, word)

    # -- documents -------------------------------------------------------------------------

    def issuer(self, phrase: Span) -> Span | None:
        """Who issued the document a speaker phrase names: "a report from Kotak", "the
        ministry's statement", else the subject that last "said in a statement"."""
        root = phrase.root
        lemma = root.lemma_.lower()
        if root.pos_ != "NOUN" or lemma not in self.rules.document_nouns:
            return None
        own = self._named_issuer(root)
        if own is not None:
            return own
        for token in reversed(self.doc[: root.i]):
            if token.lemma_.lower() != lemma or self.quoted[token.i]:
                continue
            named = self._named_issuer(token)
            if named is not None:
                return named
            verb = token
            for _ in range(ISSUER_VERB_DEPTH):
                verb = verb.head
                if verb.pos_ in ("VERB", "AUX"):
                    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
                    return subject.doc[subject.left_edge.i : subject.i + 1] if subject else None
        return None

    def _named_issuer(self, document: Token) -> Span | None:
        for child in document.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
                return child.doc[child.left_edge.i : child.i + 1]
            if (
                child.dep_ == "poss"
                and child.lower_ in self.rules.possessive_pronouns
                and self._owner(child) is not None
            ):
                return child.doc[child.i : child.i + 1]  # "his statement": whom "he" names
            if child.dep_ == "prep" and child.lower_ in self.rules.document_issuers:
                for target in child.children:
                    if target.dep_ == "pobj" and target.pos_ == "PROPN":
                        return target.doc[target.left_edge.i : target.i + 1]
        return None
