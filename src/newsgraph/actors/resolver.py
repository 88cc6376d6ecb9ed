"""Find the actors of a parsed article: countries, organisations and people.

Dictionary phrases (countries with their demonyms and capitals, international
organisations) are found first; spaCy's PERSON and ORG entities then add the people and
organisations the dictionary does not know. A person's role and country come from the
words around the name: a title before it ("Kazakh President"), an appositive after it
("director-general of the Russian International Affairs Council"), or the leaders data
(``roles``).
Short forms (a surname, a Chinese family name, an acronym) then join the full name
wherever they recur in the article (``linking``); people are found in ``people``, and
organisations the dictionary does not know in ``organisations``. Every actor gets a
confidence from its evidence (``confidence``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.actors.confidence import (
    Evidence,
    confidence,
    context_words,
    usage,
)
from newsgraph.actors.dictionary import (
    ActorDictionary,
    DictionaryMatch,
    normalise_name,
    region_names,
)
from newsgraph.actors.index import ActorIndex
from newsgraph.actors.linking import ArticleLinks
from newsgraph.actors.names import core as name_core
from newsgraph.actors.names import (
    is_acronym_of,
    strip_possessive,
)
from newsgraph.actors.organisations import Organisations
from newsgraph.actors.people import People
from newsgraph.actors.places import (
    MODIFIER_DEPS,
    before_a_name,
    describes_a_thing,
    in_ethnic_compound,
    in_party_label,
    is_capital,
    is_country_name,
    is_origin,
    is_town_or_state,
    listed_together,
    may_be_town_or_state,
    names_a_place,
    office_sought,
    where_something_happens,
)
from newsgraph.actors.roles import Roles
from newsgraph.nlp import doc_text
from newsgraph.records import Actor, Mention
from newsgraph.records import Span as TextSpan

# A photo credit: "(Mariya Gordeyeva / Reuters)".
CREDIT = re.compile(r"\([^()\n]*\S\s*/\s*[^()\n]*\)")
# A photo credit on a line of its own, source and owner around a slash: "Facebook/Jane
# Harlow.", "Getty Images/AFP".
CREDIT_LINE = re.compile(r"^[ \t]*[A-Z][\w&'’. -]{0,30}/[ \t]*[A-Z][\w&'’. -]{0,50}$", re.MULTILINE)
# A byline on a line of its own: "By Jane Harlow", "By Jane Harlow, Reuters".
BYLINE = re.compile(r"^[ \t]*By[ \t]+[A-Z][^\n.!?]{0,80}$", re.MULTILINE)
# A newsroom's credit line, in the sentence that gives it: "Jane Harlow contributed
# reporting from Kabul.", "Reporting by Jane Harlow; Editing by Tom Ash", "Contributing:
# Jane Harlow", "Story by Jane Harlow; video produced by Tom Ash", any label of who did
# what for the page ("Tested by: Jane Harlow", "Written by:"), and the writer's own
# line under a story: "Follow Jane Harlow on Twitter @jharlow".
CONTRIBUTION = re.compile(
    r"\bcontributed (?:reporting|research|to (?:this|the) (?:report|story|article))\b"
    r"|^\W*(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch) by\b"
    r"|^\W*(?:Story|Text|Video|Photos?|Graphics?|Produced|Edited) by\b"
    r"|^\W*[A-Z][a-z]+(?:ed|en) by:"
    r"|^\W*Contributing:"
    r"|^\W*Follow [A-Z][^\n]{0,60} on (?:Twitter|Facebook|Instagram)\b",
    re.MULTILINE,
)
# A writer's signature on a line of its own, under an opinion piece or a letter: "Jane T.
# Harlow.". A name alone on a line that the story goes on to speak of is a caption's, of
# someone in the story.
SIGNATURE = re.compile(
    r"^[ \t]*[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,3}\.?[ \t]*$", re.MULTILINE
)
# A dateline's news agency, which credits the wire the story came from: "WASHINGTON (AP)
# —", "PARIS, Aug 31 (Reuters) -".
DATELINE_AGENCY = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ -]*[A-Z.](?:,[^\n()]{1,30})?[ \t]*"
    r"\((?P<agency>[A-Z][\w&.' -]{0,30})\)[ \t]*[-—–]",
    re.MULTILINE,
)
PLACE_LABELS = {"FAC", "LOC", "ORG"}
# The title of a work (a book, a film, a song, a slogan: "Make Mexico Great Again") or the
# name of an event ("the Iraq War", "the Vietnam War"): a country in it names no actor.
NAMED_WORKS = {"WORK_OF_ART", "EVENT"}
# Entities that count or date: "May 15" or "21 June" inside one is no group of that name.
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _only_signed(signature: re.Match[str], text: str) -> bool:
    """Whether the surname of a name alone on a line occurs nowhere else in the text."""
    surname = signature.group().strip().rstrip(".").split()[-1]
    return len(re.findall(rf"\b{re.escape(surname)}\b", text)) == 1


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


class _Resolution(People, Roles, Organisations, ArticleLinks):
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
        self._link_national_bodies()
        self._leave_out_offices_sought()
        self._leave_out_families_and_buildings()
        actors = self._actors(min_confidence)
        mentions = [m for m in self.mentions if m.actor_key in actors]
        return ActorIndex(actors, mentions, self.doc, self.naming_none)

    # -- what is never an actor ------------------------------------------------------

    def _blocked_tokens(self, exclude_names: Collection[str]) -> set[int]:
        """Tokens inside photo credits (bracketed or a line of their own), bylines,
        signatures, credit lines and a dateline's agency, the publisher's name,
        regions that hold a country's name ("North American") and defined technical terms."""
        text = doc_text(self.doc)
        ranges = [m.span() for m in CREDIT.finditer(text)]
        ranges += [m.span() for m in CREDIT_LINE.finditer(text)]
        ranges += [m.span() for m in SIGNATURE.finditer(text) if _only_signed(m, text)]
        ranges += [m.span() for m in BYLINE.finditer(text)]
        ranges += [m.span("agency") for m in DATELINE_AGENCY.finditer(text)]
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
        kept = filter_spans(kept)
        by_sentence: dict[int, list[Span]] = {}
        for span in kept:
            by_sentence.setdefault(span.sent.start, []).append(span)
        for span in kept:
            state_of = self._state_among_states(span, by_sentence[span.sent.start])
            if state_of is not None:
                span = Span(self.doc, span.start, span.end, label=state_of)
            actor = self.dictionary.actors[span.label_]
            at = self.country_at if actor.type == "country" else self.organisation_at
            for i in range(span.start, span.end):
                at[i] = DictionaryMatch(span, span.label_)
            if actor.type == "organisation" and self._titles_a_name(span):
                continue  # "former Secretary of State Hillary Clinton": her title (roles.py)
            self._mention_known(span, span.label_)
            if actor.type == "country" and (
                self._names_a_place(span, actor.key)
                or describes_a_thing(
                    span, people_nouns, by_name=not is_town_or_state(span.text, actor.key)
                )
                or in_ethnic_compound(span, people_nouns)
                or before_a_name(span)
            ):
                self.naming_none.add((span.start_char, span.end_char))

    def _state_among_states(self, span: Span, matches: list[Span]) -> str | None:
        """The country whose state or town a country's name is, where its sentence (whose
        ``matches`` are given) names other states or towns of that country: "Arizona,
        North Carolina and Georgia" is the American Georgia. A capital's name stands for
        its government unless listed with them or given its state ("Moscow, Idaho"):
        "Moscow warned Washington" and "Paris and Washington" are Russia's and France's."""
        if self.dictionary.actors[span.label_].type != "country":
            return None
        own_name = is_country_name(span.text)
        for other in matches:
            if (
                other.label_ != span.label_
                and (own_name or (listed_together(span, other) and not is_capital(other.text)))
                and is_town_or_state(other.text, other.label_)
                and may_be_town_or_state(span.text, other.label_)
            ):
                return other.label_
        return None

    def _spans_of(self, key: str) -> Iterator[Span]:
        """The spans of the actor's mentions, in the order they were found."""
        for mention in self.mentions:
            if mention.actor_key == key:
                span = self.doc.char_span(mention.span.start, mention.span.end)
                if span is not None:
                    yield span

    def _leave_out(self, names_no_actor: Callable[[Span, _Found], bool]) -> None:
        """Mark each mention ``names_no_actor`` picks, from its text and the actor it was
        linked to, as naming no actor: kept for the extractors, never stored."""
        for mention in self.mentions:
            span = self.doc.char_span(mention.span.start, mention.span.end)
            if span is not None and names_no_actor(span, self.found[mention.actor_key]):
                self.naming_none.add((mention.span.start, mention.span.end))

    def _leave_out_offices_sought(self) -> None:
        """A country's seat or a body named as the office a candidate seeks ("a bid for the
        White House") names no actor."""
        seeking = context_words()["office_seeking"]
        self._leave_out(lambda span, actor: actor.type != "person" and office_sought(span, seeking))

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
        if is_country_name(span.text) and where_something_happens(span):
            return True
        building = self.entity_at.get(span.root.i)
        if not is_town_or_state(span.text, country) and (
            building is None or building.label_ != "FAC"
        ):
            return False
        return (
            self._in_a_title(span)
            or self._whose_office(span)
            or in_party_label(span)
            or names_a_place(span, words["place_prepositions"], words["time_prepositions"])
        )

    def _in_a_title(self, span: Span) -> bool:
        """Whether a town or state only says whose office a person's title is ("*Ohio*
        Gov. John Kasich", "*Queens* Rep. Joe Crowley"): part of the person's title, as an
        office the dictionary knows is ("Secretary of State Hillary Clinton"), not an
        actor of its own. So it is when the title stands for its unnamed holder ("the
        *Vermont* senator", "the former *Ohio* governor"): the person is meant, as with
        "Senator Ted Cruz of Texas"."""
        index = span.end
        while index < len(self.doc) and self.doc[index].lower_ in self.title_words:
            index += 1
        if index == span.end:
            return False
        named = self.entity_at.get(index)
        if named is not None and named.label_ == "PERSON":
            return True
        title = self.doc[index - 1]
        return (
            span.root.head == title
            and span.root.dep_ in MODIFIER_DEPS
            and self._is_an_office(title)
        )

    def _whose_office(self, span: Span) -> bool:
        """Whether a town or state is the "of" phrase of a title, saying whose office it
        is ("the first governor *of Massachusetts*", "mayor *of London*"), as it does
        before the title ("the Massachusetts governor")."""
        preposition = span.root.head
        title = preposition.head
        return span.root.dep_ == "pobj" and preposition.lower_ == "of" and self._is_an_office(title)

    def _is_an_office(self, word: Token) -> bool:
        """Whether a word of a title names the office itself ("senator", "governor"), not
        a word that only modifies or links one ("former", "deputy", "of")."""
        lowered = word.lower_
        return (
            lowered in self.title_words and lowered not in self.people.modifiers and lowered != "of"
        )

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
        Organization Studies Center" is not that centre, "Mexico" in the slogan "Make
        Mexico Great Again" is a word of its title, and "Iraq" in "the Iraq War" one of
        the war's name.
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

    def _ensure_known(self, key: str) -> _Found:
        """The dictionary's actor ``key``, found on the dictionary's evidence."""
        actor = self.dictionary.actors[key]
        found = self._ensure(key, actor.name, actor.type, actor.code, actor.country)
        found.evidence.dictionary = True
        return found

    def _mention_known(self, span: Span, key: str) -> None:
        """A mention of the dictionary's actor ``key``."""
        self._ensure_known(key)
        self._mention(span, key)

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
