"""Find the actors of a parsed article: countries, organisations and people.

Dictionary phrases (countries with their demonyms and capitals, international
organisations) are found first; spaCy's PERSON and ORG entities then add the people and
organisations the dictionary does not know. A person's role and country come from the
words around the name: a title before it ("Kazakh President"), an appositive after it
("director-general of the Russian International Affairs Council"), or the leaders data
(``roles``).
Short forms (a surname, a Chinese family name, an acronym) then join the full name
wherever they recur in the article (``linking``); organisations the dictionary does not
know are in ``organisations``. Every actor gets a confidence from its evidence
(``confidence``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.actors.confidence import (
    Evidence,
    confidence,
    context_words,
    is_given_name,
    usage,
)
from newsgraph.actors.dictionary import (
    ActorDictionary,
    DictionaryMatch,
    Leader,
    normalise_name,
    region_names,
)
from newsgraph.actors.index import ActorIndex
from newsgraph.actors.linking import ArticleLinks
from newsgraph.actors.names import (
    POSSESSIVES,
    is_acronym_of,
    slug,
    spelling_key,
    strip_possessive,
)
from newsgraph.actors.names import core as name_core
from newsgraph.actors.organisations import Organisations
from newsgraph.actors.places import (
    before_a_name,
    describes_a_thing,
    in_ethnic_compound,
    is_origin,
    is_town_or_state,
    names_a_place,
)
from newsgraph.actors.roles import Roles
from newsgraph.nlp import doc_text
from newsgraph.records import Actor, Mention
from newsgraph.records import Span as TextSpan

# A photo credit: "(Mariya Gordeyeva / Reuters)".
CREDIT = re.compile(r"\([^()\n]*\S\s*/\s*[^()\n]*\)")
# A byline on a line of its own: "By Jane Harlow", "By Jane Harlow, Reuters".
BYLINE = re.compile(r"^[ \t]*By[ \t]+[A-Z][^\n.!?]{0,80}$", re.MULTILINE)
# A newsroom's credit line, in the sentence that gives it: "Jane Harlow contributed
# reporting from Kabul.", "Reporting by Jane Harlow; Editing by Tom Ash".
CONTRIBUTION = re.compile(
    r"\bcontributed (?:reporting|research|to (?:this|the) (?:report|story|article))\b"
    r"|^\W*(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch) by\b",
    re.MULTILINE,
)
PLACE_LABELS = {"FAC", "LOC", "ORG"}
# The title of a work: a book, a film, a song, a slogan ("Make Mexico Great Again").
NAMED_WORKS = {"WORK_OF_ART"}
# Prepositions of place: what they take after a verb is where something happens.
LOCATIVE_PREPOSITIONS = {"in", "near", "outside", "inside", "across", "throughout"}
# What a credit names its photographer after ("AP Photo/Jacquelyn Martin").
PHOTOGRAPHER_CREDIT = " Photo"
# Where a name the parser missed can stand: subject, object, conjunct or apposition.
NAME_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss"}
# Entities that count or date: "May 15" or "21 June" inside one is no group of that name.
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
# Sectors of titles that name no office of state ("Dr.", "Professor"): the name after one
# is no leader's surname.
NO_OFFICE_SECTORS = {"", "EDU", None}


@dataclass
class _Found:
    """An actor as the resolver assembles it, before it becomes a records.Actor."""

    key: str
    name: str
    type: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    short_name: str | None = None
    evidence: Evidence = field(default_factory=Evidence)


def resolve_actors(
    doc: Doc,
    article_id: str,
    dictionary: ActorDictionary,
    *,
    exclude_names: Collection[str] = (),
    date: str | None = None,
    min_confidence: float = 0.0,
) -> ActorIndex:
    """Every actor mentioned in ``doc`` and every mention, with offsets into ``doc.text``.

    ``exclude_names`` are never actors (the article's publisher, e.g. "TRT World").
    ``date`` (ISO, the article's) picks the leader in office among namesakes and the
    role a leader held then. Every actor carries its confidence (``actors/confidence.py``);
    those under ``min_confidence`` are left out with their mentions. The extractors see
    them all (a quote's speaker, an event's target); what is stored and shown by default
    is ``ActorIndex.shown``.
    """
    resolution = _Resolution(doc, article_id, dictionary, exclude_names, date)
    return resolution.run(min_confidence)


class _Resolution(Roles, Organisations, ArticleLinks):
    """The working state of resolving one doc."""

    def __init__(
        self,
        doc: Doc,
        article_id: str,
        dictionary: ActorDictionary,
        exclude_names: Collection[str],
        date: str | None = None,
    ) -> None:
        self.doc = doc
        self.date = date
        self.article_id = article_id
        self.dictionary = dictionary
        self.people = dictionary.people
        self.title_words = dictionary.people.title_words
        self.role_nouns = frozenset(dictionary.people.role_nouns)
        self.excluded = {normalise_name(name) for name in exclude_names}
        self.found: dict[str, _Found] = {}
        self.mentions: list[Mention] = []
        self.covered: set[int] = set()
        self.blocked = self._blocked_tokens(exclude_names)
        self.short_forms: dict[str, str] = {}
        # Every actor a short form stands for, in the order named: "Biden" -> Hunter
        # Biden, then Joe Biden ("Vice President Biden"); a bare one is the latest named.
        self.form_owners: dict[str, list[str]] = {}
        # Where "the president" stands for the person the article gave that title.
        self.role_references: set[int] = set()
        # People by the spelling key of their full name and surname (``spelling_key``).
        self.spellings: dict[str, str] = {}
        # The people named in full whose given name is the key: "Kate" -> Kate York.
        self.given_name_owners: dict[str, set[str]] = {}
        # Mentions that name no actor (actors/places.py), by offsets.
        self.naming_none: set[tuple[int, int]] = set()
        self.country_at: dict[int, DictionaryMatch] = {}
        self.organisation_at: dict[int, DictionaryMatch] = {}
        self.entity_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}

    def run(self, min_confidence: float) -> ActorIndex:
        self._add_dictionary_matches()
        self._add_people()
        self._add_organisations()
        self._add_unrecognised_leaders()
        self._add_short_form_mentions()
        self._add_role_references()
        self._fill_missing_person_countries()
        actors = self._actors(min_confidence)
        mentions = [m for m in self.mentions if m.actor_key in actors]
        return ActorIndex(actors, mentions, self.doc, self.naming_none)

    # -- what is never an actor ------------------------------------------------------

    def _blocked_tokens(self, exclude_names: Collection[str]) -> set[int]:
        """Tokens inside photo credits, bylines and credit lines, the publisher's name,
        regions that hold a country's name ("North American") and defined technical terms."""
        text = doc_text(self.doc)
        ranges = [m.span() for m in CREDIT.finditer(text)]
        ranges += [m.span() for m in BYLINE.finditer(text)]
        ranges += [m.span() for m in _regions().finditer(text)]
        for name in exclude_names:
            ranges += [m.span() for m in re.finditer(re.escape(name), text, re.IGNORECASE)]
        blocked: set[int] = set()
        for start, end in ranges:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                blocked.update(range(span.start, span.end))
        blocked.update(self._defined_terms())
        for match in CONTRIBUTION.finditer(text):
            # the sentence of the credit, and the rest of its line ("...; Editing by X")
            line_end = text.find("\n", match.end())
            line_end = len(text) if line_end < 0 else line_end
            credited = self.doc.char_span(match.start(), line_end, alignment_mode="expand")
            if credited is None:
                continue
            opening = next((t for t in credited if not t.is_space), credited[-1]).sent
            blocked.update(range(opening.start, max(opening.end, credited.end)))
        return blocked

    def _defined_terms(self) -> set[int]:
        """Acronyms defined by lowercase words, "liquefied petroleum gas (LPG)": no actors."""
        terms = set()
        for token in self.doc:
            if (
                token.text != "("
                or token.i + 2 >= len(self.doc)
                or self.doc[token.i + 2].text != ")"
            ):
                continue
            short = self.doc[token.i + 1].text
            words = [t.text for t in self.doc[max(0, token.i - len(short)) : token.i]]
            if words and all(w.islower() for w in words) and is_acronym_of(short, " ".join(words)):
                terms.add(short)
        return {t.i for t in self.doc if t.text in terms} if terms else set()

    # -- dictionary ------------------------------------------------------------------

    def _add_dictionary_matches(self) -> None:
        kept = []
        people_nouns = context_words()["people_nouns"]
        for match in self.dictionary.matches(self.doc):
            span = match.span
            if any(i in self.blocked for i in range(span.start, span.end)):
                continue
            if self._inside_longer_entity(span) or self._inside_numeric_entity(span):
                continue
            kept.append(Span(self.doc, span.start, span.end, label=match.key))
        for span in filter_spans(kept):
            actor = self.dictionary.actors[span.label_]
            at = self.country_at if actor.type == "country" else self.organisation_at
            for i in range(span.start, span.end):
                at[i] = DictionaryMatch(span, span.label_)
            if actor.type == "organisation" and self._titles_a_name(span):
                continue  # "former Secretary of State Hillary Clinton": her title (roles.py)
            found = self._ensure(span.label_, actor.name, actor.type, actor.code, actor.country)
            found.evidence.dictionary = True
            self._mention(span, span.label_)
            if actor.type == "country" and (
                self._names_a_place(span, actor.key)
                or describes_a_thing(span, people_nouns)
                or in_ethnic_compound(span, people_nouns)
                or before_a_name(span)
            ):
                self.naming_none.add((span.start_char, span.end_char))

    def _titles_a_name(self, span: Span) -> bool:
        """Whether an office the dictionary names stands right before a person's name, as
        the title it gives them: "Secretary of State Hillary Clinton"."""
        after = self.entity_at.get(span.end)
        return after is not None and after.label_ == "PERSON" and after.start == span.end

    def _names_a_place(self, span: Span, country: str) -> bool:
        """A town or state of ``country``, or a building that stands for its government
        ("at the White House", which spaCy labels a facility), named where a place is; or
        any name of the country saying where someone or something comes from ("a
        Russian-born investor")."""
        words = context_words()
        if is_origin(span, words["origin_participles"]):
            return True
        building = self.entity_at.get(span.root.i)
        if not is_town_or_state(span.text, country) and (
            building is None or building.label_ != "FAC"
        ):
            return False
        return names_a_place(span, words["place_prepositions"], self._acting_nouns)

    @cached_property
    def _acting_nouns(self) -> frozenset[str]:
        """Words of a noun naming who can act: an office, a title, an institution."""
        words = context_words()
        role_words = {word for noun in self.role_nouns for word in noun.split()}
        return words["organisation_words"] | words["honorifics"] | self.title_words | role_words

    def _inside_numeric_entity(self, span: Span) -> bool:
        """A name inside a date or a count ("on May 15", "a max FPS of 147") is no actor."""
        return any(
            i in self.entity_at and self.entity_at[i].label_ in NUMERIC_LABELS
            for i in range(span.start, span.end)
        )

    def _inside_longer_entity(self, span: Span) -> bool:
        """A phrase inside a longer name is part of that name.

        "Jordan" in "Michael Jordan" is no country, "Tiananmen" in "Tiananmen Square" is a
        place, the Shanghai Cooperation Organization inside "Shanghai Cooperation
        Organization Studies Center" is not that centre, and "Mexico" in the slogan "Make
        Mexico Great Again" is a word of its title.
        """
        entities = {self.entity_at[i] for i in range(span.start, span.end) if i in self.entity_at}
        for ent in entities:
            if ent.label_ not in PLACE_LABELS | NAMED_WORKS | {"PERSON"}:
                continue
            core = name_core(ent)
            if core.start <= span.start and span.end <= core.end and len(core) > len(span):
                rest = [*self.doc[core.start : span.start], *self.doc[span.end : core.end]]
                if not all(t.lower_ in self.people.place_directions for t in rest):
                    return True  # "Western Cambodia" is Cambodia; "Tiananmen Square" is not
        return False

    # -- people ----------------------------------------------------------------------

    def _add_people(self) -> None:
        """Full names first, so that lone surnames can join them afterwards."""
        people = [ent for ent in self.doc.ents if ent.label_ == "PERSON" and self._free(ent)]
        named = []
        for ent in people:
            name_span = self._name_without_title(ent)
            if name_span is None or normalise_name(name_span.text) in self.excluded:
                continue
            if self._named_by_kind_of_organisation(name_span):
                self._add_organisation_named(name_span)
                continue
            if self.people.looks_like_name(name_span.text):
                named.append(name_span)
        for span in sorted(named, key=len, reverse=True):
            if len(span.text.split()) > 1:
                self._add_person(span)
        for span in named:
            if len(span.text.split()) == 1 and span.text not in self.short_forms:
                owners = self.given_name_owners.get(span.text, set())
                spelt = self.spellings.get(spelling_key(span.text))
                if len(owners) == 1 and is_given_name(span.text):
                    self._mention(span, next(iter(owners)))  # "Kate" of "Kate York"
                elif spelt:
                    self._join_spelling(span, spelt)  # "Podoliak" of "Mykhailo Podolyak"
                else:
                    self._add_lone_name(span)
            elif len(span.text.split()) == 1 and self._titled_namesake(span):
                self._add_lone_name(span)  # "Vice President Biden" beside "Hunter Biden"

    def _named_by_kind_of_organisation(self, name: Span) -> bool:
        """Whether a name follows the common noun of a kind of organisation, as its name:
        "the law firm *Mayer Brown*" (spaCy: PERSON)."""
        if name.start == 0:
            return False
        kind = self.doc[name.start - 1]
        nouns = context_words()["organisation_nouns"]
        return kind.pos_ == "NOUN" and kind.lower_ in nouns and kind.text.islower()

    def _add_organisation_named(self, name: Span) -> None:
        key = self.short_forms.get(name.text) or f"org:{slug(name.text)}"
        self._ensure(key, name.text, "organisation").evidence.kind_named = True
        self._mention(name, key)
        self.short_forms.setdefault(name.text, key)

    def _name_without_title(self, ent: Span) -> Span | None:
        """The entity minus titles and abbreviated honorifics spaCy sometimes includes ("Mr
        Farage", written without a point) and a trailing possessive."""
        start, end = ent.start, ent.end
        start = self._past_credit(start, end)
        if start is None:
            return None
        leading = self.title_words | self.people.modifiers | _abbreviated_honorifics()
        while start < end and self.doc[start].lower_ in leading:
            start += 1
        while end > start and self.doc[end - 1].text in POSSESSIVES:
            end -= 1
        return self.doc[start:end] if end > start else None

    def _past_credit(self, start: int, end: int) -> int | None:
        """The first token after an agency credit that opens a name ("Getty Images Kristi
        Noem": a caption's credit glued to the next line), ``start`` when none does, and
        None for a photographer's own credit ("AP Photo Jacquelyn Martin"): no actor."""
        before = self.doc[self.doc[start].sent.start : start].text.rstrip(" /")
        if any(
            before.endswith(c) for c in self.people.credit_names if c.endswith(PHOTOGRAPHER_CREDIT)
        ):
            return None
        text = self.doc[start:end].text
        for credit in self.people.credit_names:
            if text.startswith(credit + " "):
                if credit.endswith(PHOTOGRAPHER_CREDIT):
                    return None
                last = self.doc[end - 1]
                after = self.doc.char_span(
                    self.doc[start].idx + len(credit) + 1, last.idx + len(last)
                )
                return after.start if after is not None else start
        return start

    def _add_person(self, name_span: Span) -> None:
        name = name_span.text
        leader = self.dictionary.leader(name, self.date)
        key = f"person:{slug(leader.name if leader else name)}"
        if not leader:
            key = self.spellings.get(spelling_key(name)) or self._same_person(name.split()) or key
        person = self._ensure(key, name, "person")
        person.evidence.leader = person.evidence.leader or leader is not None
        if len(name) > len(person.name):
            person.name = name
        title_role, title_country = self._title_before(name_span)
        appositive_role, appositive_country = self._appositive_after(name_span)
        heading_role, heading_country = self._role_the_name_renames(name_span)
        title_role = title_role or heading_role
        title_country = title_country or heading_country
        person.code = (
            person.code
            or (title_role and self._international_before(name_span))
            or self._international_appositive(name_span)
            or (leader and self._leader_code(leader))
        )
        for role in (title_role, appositive_role):
            if role and role not in person.roles:
                person.roles.append(role)
        person.country = (
            person.country
            or title_country
            or self._country_of_after(name_span)
            or appositive_country
            or (leader and self._leader_country(leader))
        )
        if leader and not person.sector and self._leader_term(leader):
            # in office on the date, the office sets the sector: "Ayatollah Ali
            # Khamenei" is Iran's government (IRNGOV), not its clergy
            person.sector = self._leader_sector(leader)
        if title_role and not person.sector:
            person.sector = self.people.sector_of(title_role)
        if leader and not person.sector:
            person.sector = self._leader_sector(leader)
        self._mention(name_span, key)
        words = name.split()
        self.short_forms.setdefault(name, key)
        self.short_forms.setdefault(words[-1], key)
        self.form_owners.setdefault(words[-1], []).append(key)
        for form in (name, words[-1]):
            self.spellings.setdefault(spelling_key(form), key)
        if words[0] not in self.people.family_name_first:
            self.given_name_owners.setdefault(words[0], set()).add(key)
        if words[0] in self.people.family_name_first:
            self.short_forms.setdefault(words[0], key)
        person.short_name = person.short_name or self._short_name(words)

    def _short_name(self, words: list[str]) -> str | None:
        """How the article would call the person for short: "Putin", "Xi" (family name first)."""
        if len(words) < 2:
            return None
        return words[0] if words[0] in self.people.family_name_first else words[-1]

    def _add_lone_name(self, span: Span) -> None:
        """A surname with no full name in the article: a known leader's, or its own person.
        A lone untitled name that is where something happens ("spoke *in Pierre*", "*near*
        Logar") is a place the model took for a name."""
        title, title_country = self._title_before(span)
        preposition = span.root.head
        if (
            not title
            and span.root.dep_ == "pobj"
            and preposition.lower_ in LOCATIVE_PREPOSITIONS
            and preposition.head.pos_ in {"VERB", "AUX"}
        ):
            return
        governs = span.end < len(self.doc) and self.doc[span.end].lemma_ in self.people.governed_by
        if title and title.split()[-1].lower() in self.people.given_name_titles:
            # "Prince Andrew" is a given name: only a leader known by it, no surname
            leader = self.dictionary.leader(span.text, self.date)
        else:
            of_office = bool(title) and self._names_an_office(title)
            leader = self._leader_by_title(title, span) or self.dictionary.leader(
                span.text, self.date, titled=of_office or governs
            )
        of_country = self._country_of_after(span) or title_country
        if leader and of_country and leader.country != of_country:
            leader = None  # "King Hassan of Morocco" is no namesake of another country
        if leader and not self._may_be(leader):
            leader = None  # "Senator Rubio" in 2016 is no Spanish minister of 2003
        name = leader.name if leader else span.text
        key = f"person:{slug(name)}"
        person = self._ensure(key, name, "person")
        person.evidence.leader = person.evidence.leader or leader is not None
        person.country = person.country or of_country
        if title and title not in person.roles:
            person.roles.append(title)
            person.sector = person.sector or self.people.sector_of(title)
        if leader:
            person.country = person.country or self._leader_country(leader)
            person.sector = person.sector or self._leader_sector(leader)
        person.code = (
            person.code
            or (title and self._international_before(span))
            or (leader and self._leader_code(leader))
        )
        if leader and title and span.text in self.short_forms:
            self._absorb_bare_surname(self.short_forms[span.text], key)
        self.short_forms[span.text] = key
        self.form_owners.setdefault(span.text, []).append(key)
        self._mention(span, key)

    def _leader_by_title(self, title: str | None, surname: Span) -> Leader | None:
        """The leader the data calls by this title and surname ("Secretary Clinton" is
        Hillary Clinton, though Bill, a president, is the better-known Clinton who
        governed): the whole title first, then its last word ("former Secretary")."""
        if not title:
            return None
        words = title.split()
        for form in (title, words[-1]) if len(words) > 1 else (title,):
            if leader := self.dictionary.leader(f"{form} {surname.text}", self.date):
                return leader
        return None

    def _names_an_office(self, title: str) -> bool:
        """Whether a title is one of an office whose holders the leaders data lists: not
        an academic's or a doctor's ("Professor Alba" is no Mexican minister)."""
        return self.people.sector_of(title) not in NO_OFFICE_SECTORS

    def _may_be(self, leader: Leader) -> bool:
        """Whether a leader found by a surname may be the one meant in a dated article:
        one of a country the article names, or one well known (a former vice president
        named by his surname in a story of Ukraine). A surname is shared across
        countries, and an obscure minister of a country the article never names is a
        namesake ("Governor Christie" of New Jersey, not the Bahamas' Perry Christie)."""
        if not self.date:
            return True
        named = {match.key for match in self.country_at.values()}
        return leader.country in named or self.dictionary.is_well_known(leader)

    def _add_unrecognised_leaders(self) -> None:
        """A surname the parser took for no name ("Macron met Scholz"): an actor when it
        heads a noun phrase and a leader bearing it governs on the article's date."""
        if not self.date:
            return
        for token in self.doc:
            if (
                token.dep_ in NAME_DEPS
                and token.pos_ in {"PROPN", "NOUN"}  # "Macron" is a NOUN to the parser
                and token.text.istitle()
                and token.lower_ not in self.title_words
                and token.text not in self.short_forms  # "Lois Scholz" named in full
                and self._free(self.doc[token.i : token.i + 1])
                and self.dictionary.leader(token.text, self.date)
            ):
                self._add_lone_name(self.doc[token.i : token.i + 1])

    # -- bookkeeping -----------------------------------------------------------------

    def _free(self, span: Span) -> bool:
        return not any(i in self.covered or i in self.blocked for i in range(span.start, span.end))

    def _ensure(
        self,
        key: str,
        name: str,
        type_: str,
        code: str | None = None,
        country: str | None = None,
    ) -> _Found:
        if key not in self.found:
            self.found[key] = _Found(key=key, name=name, type=type_, code=code, country=country)
        return self.found[key]

    def _mention(self, span: Span, key: str) -> None:
        self.covered.update(range(span.start, span.end))
        text_span = TextSpan(self.article_id, span.start_char, span.end_char)
        self.mentions.append(Mention(span=text_span, text=span.text, actor_key=key))

    def _actors(self, min_confidence: float) -> dict[str, Actor]:
        aliases: dict[str, list[str]] = {}
        spans: dict[str, list[Span]] = {}
        for mention in self.mentions:
            if self.found[mention.actor_key].type in {"person", "organisation"}:
                span = self.doc.char_span(mention.span.start, mention.span.end)
                if span is not None:
                    spans.setdefault(mention.actor_key, []).append(span)
        for mention in sorted(self.mentions, key=lambda m: m.span.start):
            forms = aliases.setdefault(mention.actor_key, [])
            if mention.span.start in self.role_references:
                continue  # "president" is no name of Trump's
            surface = strip_possessive(mention.text)
            if surface not in forms:
                forms.append(surface)
        actors = {}
        for key, found in self.found.items():
            if key not in aliases:
                continue
            found.evidence.role = bool(found.roles)
            trust = confidence(
                found.type,
                found.name,
                found.evidence,
                usage(spans.get(key, ())),
                found.name.split()[0] in self.people.family_name_first,
            )
            if trust < min_confidence:
                continue
            if found.short_name and found.short_name not in aliases[key]:
                aliases[key].append(found.short_name)
            code = found.code
            if found.type == "person" and found.country and found.sector and not code:
                code = f"{found.country}{found.sector}"
            actors[key] = Actor(
                key=key,
                name=found.name,
                type=found.type,
                code=code,
                country=found.country,
                sector=found.sector,
                aliases=aliases[key],
                roles=found.roles,
                confidence=trust,
            )
        return actors


@cache
def _regions() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, region_names())) + r")(?![\w-])")


@cache
def _abbreviated_honorifics() -> frozenset[str]:
    """ "mr", "mrs", "dr": the honorifics also written with a point, which spaCy keeps in
    a name when the point is left out; "Lady" and "Sir" can open a name of their own."""
    honorifics = set(context_words()["honorifics"])
    return frozenset(w for w in honorifics if w.endswith(".") or f"{w}." in honorifics)
