"""People named in an article: full names, lone surnames and the leaders data.

A mixin of the resolver's working state (``resolver._Resolution``). Full names come
first, so that a lone surname can join the person the article names in full; a surname
with a title is the leader who bore it ("Secretary Clinton"); a surname with nothing to
go on is a leader's only where the data says so, else its own person.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsgraph.actors.confidence import context_words, honorific_gender, is_given_name
from newsgraph.actors.dictionary import Leader, normalise_name
from newsgraph.actors.names import POSSESSIVES, name_words, slug, spelling_key

if TYPE_CHECKING:
    from newsgraph.actors.resolver import _Resolution

# Prepositions of place: what they take after a verb is where something happens.
LOCATIVE_PREPOSITIONS = {"in", "near", "outside", "inside", "across", "throughout"}
# What a credit names its photographer after ("AP Photo/Jacquelyn Martin").
PHOTOGRAPHER_CREDIT = " Photo"
# Where a name the parser missed can stand: subject, object, conjunct or apposition.
NAME_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss"}
# Sectors of titles that name no office of state ("Dr.", "Professor"): the name after one
# is no leader's surname.
NO_OFFICE_SECTORS = {"", "EDU", None}
# Suffixes a person's key leaves out: papers write them or not ("Thomas Barrack Jr.").
KEYLESS_SUFFIXES = {"jr", "sr"}


class People:
    """The people rules of ``_Resolution`` (which mixes this class in)."""

    def _add_people(self: _Resolution) -> None:
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

    def _leave_out_families_and_buildings(self: _Resolution) -> None:
        """A surname before a noun of a family names the family ("the Koch brothers",
        "the Bush family"), and a name in the name of a building or place names that thing
        ("Trump Tower", "the Kennedy Center"), not the person it was linked to: no actor
        of its own."""
        self._leave_out(
            lambda span, actor: (
                actor.type == "person" and (_before_a_family_noun(span) or _names_a_building(span))
            )
        )

    def _named_by_kind_of_organisation(self: _Resolution, name: Span) -> bool:
        """Whether a name follows the common noun of a kind of organisation, as its name:
        "the law firm *Mayer Brown*" (spaCy: PERSON). The two hang together; a name
        that only comes next, as the subject of a clause on the noun, is no name of it
        ("the coalition *Obama* enjoyed")."""
        if name.start == 0:
            return False
        kind = self.doc[name.start - 1]
        nouns = context_words()["organisation_nouns"]
        return (
            kind.pos_ == "NOUN"
            and kind.lower_ in nouns
            and kind.text.islower()
            and (name.root.head == kind or kind.head == name.root)
        )

    def _add_organisation_named(self: _Resolution, name: Span) -> None:
        key = self.short_forms.get(name.text) or f"org:{slug(name.text)}"
        self._ensure(key, name.text, "organisation").evidence.kind_named = True
        self._mention(name, key)
        self.short_forms.setdefault(name.text, key)

    def _name_without_title(self: _Resolution, ent: Span) -> Span | None:
        """The entity minus titles and abbreviated honorifics spaCy sometimes includes ("Mr
        Farage", written without a point), and cut before a verb or a possessive
        inside it, with the adverbs before the verb: a headline in title case runs a name
        into its clause ("Donald Trump Finally Endorses ..."), and no name holds a verb."""
        start, end = ent.start, ent.end
        start = self._past_credit(start, end)
        if start is None:
            return None
        leading = self.people.title_or_modifier_words | _abbreviated_honorifics()
        while start < end and self.doc[start].lower_ in leading:
            start += 1
        clause = next(
            (
                token.i
                for token in self.doc[start:end]
                if token.tag_.startswith("VB") or token.tag_ == "POS"
            ),
            None,
        )
        if clause is not None:
            end = clause
            while end > start and self.doc[end - 1].tag_ == "RB":
                end -= 1  # "Finally" of "Donald Trump Finally Endorses"
        while end > start and self.doc[end - 1].text in POSSESSIVES:
            end -= 1
        return self.doc[start:end] if end > start else None

    def _past_credit(self: _Resolution, start: int, end: int) -> int | None:
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

    def _add_person(self: _Resolution, name_span: Span) -> None:
        name = name_span.text
        leader = self.dictionary.leader(name, self.date) or self._leader_without_initials(name)
        key = f"person:{slug(leader.name if leader else _name_for_key(name))}"
        if not leader:
            spelt = self.spellings.get(spelling_key(name))
            key = spelt or self._same_person(name_words(name)) or key
        person = self._ensure(key, name, "person")
        person.evidence.leader = person.evidence.leader or leader is not None
        if leader:
            self._absorb_misspelt_leader(name, key)
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
            person.sector = self.people.holder_sector(title_role)
        if leader and not person.sector:
            person.sector = self._leader_sector(leader)
        self._mention(name_span, key)
        words = name_words(name)
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

    def _leader_without_initials(self: _Resolution, name: str) -> Leader | None:
        """The leader a name with middle initials or a generational suffix is, as the data
        writes the name without them ("John F. Kerry", "Harry M. Reid", "Joseph R. Biden
        Jr."); one the data writes with initials of its own is a different person
        ("George Bush" is not "George W. Bush")."""
        words = [w for w in name_words(name) if not _is_initial(w)]
        if len(words) < 2 or words == name.split():
            return None
        leader = self.dictionary.leader(" ".join(words), self.date)
        if leader is None or any(_is_initial(w) for w in leader.name.split()):
            return None
        return leader

    def _short_name(self: _Resolution, words: list[str]) -> str | None:
        """How the article would call the person for short: "Putin", "Xi" (family name first)."""
        if len(words) < 2:
            return None
        return words[0] if words[0] in self.people.family_name_first else words[-1]

    def _add_lone_name(self: _Resolution, span: Span) -> None:
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
        if leader and title and not self._held_such_an_office(leader, title):
            leader = None  # "Justice Kennedy" is no president Kennedy
        name = leader.name if leader else span.text
        key = f"person:{slug(name)}"
        person = self._ensure(key, name, "person")
        person.evidence.leader = person.evidence.leader or leader is not None
        person.country = person.country or of_country
        if title and title not in person.roles:
            person.roles.append(title)
            person.sector = person.sector or self.people.holder_sector(title)
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

    def _leader_by_title(self: _Resolution, title: str | None, surname: Span) -> Leader | None:
        """The leader the data calls by this title and surname ("Secretary Clinton" is
        Hillary Clinton, though Bill, a president, is the better-known Clinton who
        governed): the whole title first, then its last word ("former Secretary"); with
        no title, by the honorific before the surname ("Mr. Clinton" is Bill Clinton's)."""
        if not title:
            if honorific_gender(surname) is None:
                return None
            title = self.doc[surname.start - 1].text.rstrip(".")
        words = title.split()
        for form in (title, words[-1]) if len(words) > 1 else (title,):
            if leader := self.dictionary.leader(f"{form} {surname.text}", self.date):
                return leader
        return None

    def _names_an_office(self: _Resolution, title: str) -> bool:
        """Whether a title is one of an office whose holders the leaders data lists: not
        an academic's or a doctor's ("Professor Alba" is no Mexican minister)."""
        return self.people.sector_of(title) not in NO_OFFICE_SECTORS

    def _held_such_an_office(self: _Resolution, leader: Leader, title: str) -> bool:
        """Whether a leader found by a titled surname ever held an office of the title's
        sector (a judge's, a legislator's, a soldier's): the best-known namesake who
        governed is no "Justice" or "General" of that name."""
        sector = self.people.sector_of(title)
        if sector in NO_OFFICE_SECTORS:
            return True
        return not leader.sectors or sector in leader.sectors

    def _may_be(self: _Resolution, leader: Leader) -> bool:
        """Whether a leader found by a surname may be the one meant in a dated article:
        one of a country the article names, or one well known (a former vice president
        named by his surname in a story of Ukraine). A surname is shared across
        countries, and an obscure minister of a country the article never names is a
        namesake ("Governor Christie" of New Jersey, not the Bahamas' Perry Christie)."""
        if not self.date:
            return True
        named = {match.key for match in self.country_at.values()}
        return leader.country in named or self.dictionary.is_well_known(leader)

    def _add_unrecognised_leaders(self: _Resolution) -> None:
        """A surname the parser took for no name ("Macron met Scholz"): an actor when it
        heads a noun phrase and a leader bearing it governs on the article's date; in an
        undated text, when the leaders data gives it as that leader's name ("Trump",
        "Putin"), as it does for the ones the news names by surname alone."""
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


def _before_a_family_noun(span: Span) -> bool:
    """Whether a name is compounded before a noun of a family: family, clan or dynasty,
    or a kinship noun in the plural ("the Koch *brothers*")."""
    if span.root.dep_ != "compound":
        return False
    words = context_words()
    noun = span.root.head
    lemma = noun.lemma_.lower()
    return lemma in words["family_nouns"] or (lemma in words["kin_nouns"] and noun.tag_ == "NNS")


def _names_a_building(span: Span) -> bool:
    """Whether a name is compounded into the proper name of a building, place or
    structure: a capitalised noun of one (tower, plaza, center, library, airport,
    bridge...) stands between the name and the head it modifies ("Trump *Tower* Manila",
    "the Reagan *Library*"). What the name is given to is that thing, not its namesake; a
    common noun after it ("the Trump campaign") still speaks of the person."""
    if span.root.dep_ != "compound" or span.root.head.i < span.end:
        return False
    nouns = context_words()["building_nouns"]
    return any(
        word.text[:1].isupper() and word.lemma_.lower() in nouns
        for word in span.doc[span.end : span.root.head.i + 1]
    )


@cache
def _abbreviated_honorifics() -> frozenset[str]:
    """ "mr", "mrs", "dr": the honorifics also written with a point, which spaCy keeps in
    a name when the point is left out; "Lady" and "Sir" can open a name of their own."""
    honorifics = set(context_words()["honorifics"])
    return frozenset(w for w in honorifics if w.endswith(".") or f"{w}." in honorifics)


def _name_for_key(name: str) -> str:
    """A person's name as their key spells it: without middle initials or "Jr." and "Sr.",
    which papers drop at will (an ordinal stays: "John Paul II"), so that "Paul D. Ryan" of
    one paper and "Paul Ryan" of another, or "Thomas Barrack Jr." and "Thomas Barrack",
    are one actor across the store."""
    words = [word for word in name.replace(",", " ").split() if not _is_initial(word)]
    while len(words) > 2 and words[-1].lower().rstrip(".") in KEYLESS_SUFFIXES:
        words.pop()
    return " ".join(words) if len(words) > 1 else name


def _is_initial(word: str) -> bool:
    """ "F.", "H.W.": a name's initial, not a name."""
    letters = word.replace(".", "")
    return word.endswith(".") and letters.isalpha() and letters.isupper() and len(letters) <= 2
