"""Actors in French and Russian, with the keys and codes English gives them.

Per-language name data (``data/actors/countries_<lang>.tsv``, CLDR's country names;
``names_<lang>.tsv``, hand-written demonyms, capitals, metonyms, organisations and
people) names actors of the English dictionary, so "Кремль" is RUS and "Токаев" is
``person:kassym-jomart-tokayev`` as "Tokayev" is. Russian inflects: its names are
matched on lemmas as well as on their written forms, and a person entity is looked up
by natasha's normal form ("Токаева" -> "Токаев"). People the data does not know keep
the name the text gives them.

Each actor's confidence weighs the evidence English weighs, with English's factors
(``actors/confidence.py``): a name the data knows; for a name it does not, a common
given name first, and what the mentions do in the parse (the subject of a cue verb of
``data/quotes/languages.toml``, of another verb, an il/elle or он/она after a speaking
mention). A name spaCy or natasha labels and nothing else supports stays below the
default threshold, as in English.
"""

from __future__ import annotations

import csv
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from anyascii import anyascii
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.actors import ActorDictionary, ActorIndex
from newsgraph.actors.confidence import Evidence, Usage, confidence
from newsgraph.actors.dictionary import normalise_name
from newsgraph.actors.names import slug
from newsgraph.multilingual.quotes import QuoteRules, quote_rules
from newsgraph.multilingual.russian import NORMAL_FORMS
from newsgraph.records import Actor, Mention
from newsgraph.records import Span as TextSpan

DATA_PACKAGE = "newsgraph.data.actors"
PERSON_PREFIX = "person:"
PERSON_LABELS = frozenset({"PERSON", "PER"})
ORGANISATION_LABELS = frozenset({"ORG"})
# Languages whose names inflect, matched on lemmas too.
LEMMATISED = frozenset({"ru"})
# Universal Dependencies' subject relation, which both pipelines give.
SUBJECTS = frozenset({"nsubj"})


@dataclass(frozen=True)
class _Name:
    """A name of an actor in one language: the key it resolves to, and its form."""

    key: str  # a dictionary key (RUS, org:...) or person:<English name>
    alias: str


def name_files(language: str) -> tuple[str, ...]:
    return (f"countries_{language}.tsv", f"names_{language}.tsv")


def _read_names(language: str) -> list[_Name]:
    names = []
    folder = resources.files(DATA_PACKAGE)
    for file_name in name_files(language):
        path = Path(str(folder / file_name))
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                for alias in row["aliases"].split("|"):
                    if alias.strip():
                        names.append(_Name(row["key"].strip(), alias.strip()))
    return names


class LanguageNames:
    """The names of one language, with matchers over its pipeline's vocabulary."""

    def __init__(self, language: str, nlp: Any) -> None:
        self.language = language
        self.names = _read_names(language)
        self.by_form = {normalise_name(name.alias): name.key for name in self.names}
        self.lowercase = {
            (name.key, normalise_name(name.alias)) for name in self.names if name.alias[0].islower()
        }
        self.written = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemmas = PhraseMatcher(nlp.vocab, attr="LEMMA") if language in LEMMATISED else None
        make_pattern = nlp.lemmas if self.lemmas is not None else nlp.make_doc
        by_key: dict[str, list[str]] = {}
        for name in self.names:
            by_key.setdefault(name.key, []).append(name.alias)
        for key, aliases in by_key.items():
            patterns = [make_pattern(alias) for alias in aliases]
            self.written.add(key, patterns)
            if self.lemmas is not None:
                self.lemmas.add(key, patterns)

    def matches(self, doc: Doc) -> list[Span]:
        """Longest non-overlapping names in ``doc``, labelled with their key; a name
        written with a capital ("Того", "Maurice") must be capitalised in the text too."""
        found = []
        for matcher in (self.written, self.lemmas):
            if matcher is None:
                continue
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                span = Span(doc, start, end, label=key)
                if span[0].text[:1].isupper() or self._written_small(key, span):
                    found.append(span)
        return filter_spans(found)

    def _written_small(self, key: str, span: Span) -> bool:
        """Whether the data writes this name in lowercase (an adjective: "российский")."""
        lemmas = " ".join(token.lemma_ for token in span)
        return any((key, normalise_name(form)) in self.lowercase for form in (span.text, lemmas))

    def key_of(self, name: str) -> str | None:
        return self.by_form.get(normalise_name(name))


@cache
def language_names(language: str, nlp: Any) -> LanguageNames:
    return LanguageNames(language, nlp)


def resolve_actors_in(
    doc: Doc,
    article_id: str,
    dictionary: ActorDictionary,
    names: LanguageNames,
    *,
    exclude_names: Collection[str] = (),
    date: str | None = None,
) -> ActorIndex:
    """The actors of a French or Russian ``doc``, keyed as the English resolver keys them."""
    return _Resolution(doc, article_id, dictionary, names, exclude_names, date).run()


class _Resolution:
    def __init__(
        self,
        doc: Doc,
        article_id: str,
        dictionary: ActorDictionary,
        names: LanguageNames,
        exclude_names: Collection[str],
        date: str | None,
    ) -> None:
        self.doc = doc
        self.article_id = article_id
        self.dictionary = dictionary
        self.names = names
        self.excluded = {normalise_name(name) for name in exclude_names}
        self.date = date
        self.normal_forms: dict[int, str] = doc.user_data.get(NORMAL_FORMS, {})
        self.actors: dict[str, Actor] = {}
        self.evidence: dict[str, Evidence] = {}
        self.mentions: list[Mention] = []
        self.covered: set[int] = set()

    def run(self) -> ActorIndex:
        people = [ent for ent in self.doc.ents if ent.label_ in PERSON_LABELS]
        for span in self.names.matches(self.doc):
            if not self._inside_a_longer_name(span, people):
                self._add_known(span, span.label_)
        for ent in sorted(people, key=lambda e: -len(e)):  # full names before surnames
            self._add_entity(ent, "person")
        for ent in self.doc.ents:
            if ent.label_ in ORGANISATION_LABELS:
                self._add_entity(ent, "organisation")
        self._weigh_evidence()
        return ActorIndex(self.actors, self.mentions, self.doc)

    def _weigh_evidence(self) -> None:
        """Each actor's confidence from what the data knew and what its mentions do."""
        rules = quote_rules(self.names.language)
        spans: dict[str, list[Span]] = {}
        for mention in self.mentions:
            span = self.doc.char_span(mention.span.start, mention.span.end)
            if span is not None:
                spans.setdefault(mention.actor_key, []).append(span)
        for key, actor in self.actors.items():
            used = _usage(spans.get(key, []), rules)
            evidence = self.evidence.get(key, Evidence())
            # The given-name list is romanised: "Дмитрий" is looked up as "Dmitrii".
            name = anyascii(actor.name) if actor.type == "person" else actor.name
            actor.confidence = confidence(actor.type, name, evidence, used, False)

    @staticmethod
    def _inside_a_longer_name(span: Span, people: list[Span]) -> bool:
        """A country's name inside a person's ("Maurice Papon" is no Mauritius)."""
        return not span.label_.startswith(PERSON_PREFIX) and any(
            ent.start <= span.start and span.end <= ent.end and len(ent) > len(span)
            for ent in people
        )

    def _normal(self, ent: Span) -> str:
        return self.normal_forms.get(ent.start_char, ent.text)

    def _add_entity(self, ent: Span, kind: str) -> None:
        if any(i in self.covered for i in range(ent.start, ent.end)):
            return
        normal = self._normal(ent)
        if normalise_name(normal) in self.excluded or normalise_name(ent.text) in self.excluded:
            return
        key = next(filter(None, map(self.names.key_of, self._forms(ent, normal, kind))), None)
        if key is not None:
            self._add_known(ent, key)
            return
        if kind == "person":
            key = self._same_person(normal) or f"person:{slug(anyascii(normal))}"
        else:
            key = f"org:{slug(anyascii(normal))}"
        if key.endswith(":"):
            return
        self.actors.setdefault(key, Actor(key=key, name=normal, type=kind))
        self._mention(ent, key)

    @staticmethod
    def _forms(ent: Span, normal: str, kind: str) -> list[str]:
        """How the data may write the entity: its normal form, as written, its lemmas;
        for a person also the surname alone (natasha leaves some inflected names be)."""
        forms = [normal, ent.text, " ".join(token.lemma_ for token in ent)]
        if kind == "person" and len(ent) > 1:
            forms += [ent[-1].lemma_, ent[-1].text]
        return forms

    def _same_person(self, normal: str) -> str | None:
        """A surname alone is the person named in full earlier with it."""
        if " " in normal:
            return None
        for actor in self.actors.values():
            if actor.type == "person" and actor.name.split()[-1] == normal:
                return actor.key
        return None

    def _add_known(self, span: Span, key: str) -> None:
        if key.startswith(PERSON_PREFIX):
            key = self._add_leader(key.removeprefix(PERSON_PREFIX))
        else:
            known = self.dictionary.actor(key)
            if known is None:
                return
            self.evidence[key] = Evidence(dictionary=True)
            self.actors.setdefault(
                key,
                Actor(
                    key=key,
                    name=known.name,
                    type=known.type,
                    code=known.code,
                    country=known.country,
                ),
            )
        self._mention(span, key)

    def _add_leader(self, english_name: str) -> str:
        """A person the data names in English: the leaders data gives their code on the
        article's date, as for an English article."""
        key = f"{PERSON_PREFIX}{slug(english_name)}"
        if key in self.actors:
            return key
        leader = self.dictionary.leader(english_name, self.date)
        # The language's name data names this person, whether or not the leaders data does.
        self.evidence[key] = Evidence(dictionary=True, leader=leader is not None)
        code = country = sector = None
        if leader is not None:
            code = (leader.code_on(self.date) if self.date else None) or leader.latest_code
            country = leader.country
            sector = code[3:6] if code and len(code) > 3 else None
        self.actors[key] = Actor(
            key=key, name=english_name, type="person", code=code, country=country, sector=sector
        )
        return key

    def _mention(self, span: Span, key: str) -> None:
        self.covered.update(range(span.start, span.end))
        text_span = TextSpan(self.article_id, span.start_char, span.end_char)
        self.mentions.append(Mention(span=text_span, text=span.text, actor_key=key))
        actor = self.actors[key]
        if span.text not in actor.aliases:
            actor.aliases.append(span.text)


def _usage(spans: list[Span], rules: QuoteRules | None) -> Usage:
    """What an actor's mentions do in their sentences, from the parse and the language's
    cue verbs and personal pronouns (no honorifics or product readings: those lists are
    English)."""
    speech = rules.speech if rules else frozenset()
    pronouns = rules.pronouns if rules else frozenset()
    speaks = acts = person = near = False
    for span in spans:
        root = span.root
        after = span.doc[span.end : span.sent.end]
        pronoun_after = any(t.lower_ in pronouns and t.pos_ == "PRON" for t in after)
        near = near or pronoun_after
        if root.dep_ in SUBJECTS and root.head.lemma_.lower() in speech:
            speaks = True
            person = person or pronoun_after
        elif root.dep_ in SUBJECTS and root.head.pos_ == "VERB":
            acts = True
    return Usage(
        speaks=speaks, acts=speaks or acts, referred_to_as_person=person, pronoun_near=near
    )
