"""Linking an article's mentions across it: short forms, spellings, titles, roles.

A mixin of the resolver's working state (``resolver._Resolution``). A surname, acronym
or other spelling joins the full name the article gives ("Podoliak" is Mykhailo
Podolyak); of two people sharing a surname, a bare one is the one named last, and a titled
one the leader who bore the title ("Vice President Biden" beside "Hunter Biden");
"the president" is the person the article titled so; a titled official with no country
of their own is of the article's main country, unless they visit it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsgraph.actors.confidence import honorific_gender, is_given_name
from newsgraph.actors.names import DETERMINERS, LINKING_WORDS, name_words, slug, spelling_key
from newsgraph.given_names import given_names
from newsgraph.nlp import doc_text

if TYPE_CHECKING:
    from newsgraph.actors.dictionary import Leader
    from newsgraph.actors.resolver import _Resolution

# The fewest letters a short given name shares with the long one it stands for ("Pat"
# for "Patrick"); an initial ("J. Apte") is one letter.
MIN_SHORT_GIVEN = 3
# Prepositions of where someone goes: "flew *to* Ukraine".
DESTINATION_PREPOSITIONS = {"to", "into"}
# Words after a title that say which holder is meant ("the president *of* Ukraine", "the
# senator *from* Vermont", "Ukraine*'s*"); "in" is left out: "the editor *in* chief".
ROLE_RESTRICTORS = {"of", "from", "'s", "’s"}
# What names the owner of an object: "the *Iranian* government", "*Iran*'s minister".
OBJECT_OWNERS = {"amod", "poss", "compound"}


class ArticleLinks:
    """The linking rules of ``_Resolution`` (which mixes this class in)."""

    def _join_spelling(self: _Resolution, span: Span, key: str) -> None:
        """Another spelling of a person's surname is that person, with its title."""
        title, _ = self._title_before(span)
        person = self.found[key]
        if title and title not in person.roles:
            person.roles.append(title)
            person.sector = person.sector or self.people.holder_sector(title)
        self.short_forms[span.text] = key
        self._mention(span, key)

    def _titled_namesake(self: _Resolution, surname: Span) -> bool:
        """Whether a titled surname names someone other than the person the article
        names in full with it: "Vice President Biden" is Joe Biden, not the untitled
        "Hunter Biden" of the same article; the data's "President Clinton" and "Mr.
        Clinton" are Bill Clinton, not the "Hillary Clinton" named before; and "Mr." is
        no woman's honorific."""
        form = surname.text
        owners = [
            key
            for key in dict.fromkeys([self.short_forms[form], *self.form_owners.get(form, [])])
            if key in self.found and self.found[key].type == "person"
        ]
        if not owners:
            return False
        gender = honorific_gender(surname)
        if gender is not None and all(self._gender_of(key) not in {gender, None} for key in owners):
            return True
        title = self._title_before(surname)[0]
        called = self._leader_by_title(title, surname)
        if called is not None:
            return not self._named_as(owners, called)
        owner = self.found[owners[0]]
        if not title or owner.roles or owner.evidence.leader:
            return False
        leader = self.dictionary.leader(surname.text, self.date, titled=True)
        return leader is not None and slug(leader.name) != slug(owner.name)

    def _absorb_bare_surname(self: _Resolution, bare_key: str, leader_key: str) -> None:
        """The person named so far by a surname alone ("Clinton said") is the leader a
        title then names with it ("Secretary Clinton"): the article gave no other clue to
        tell them apart. A person named in full ("Hunter Biden") stays apart."""
        bare = self.found.get(bare_key)
        if (
            bare_key == leader_key
            or bare is None
            or bare.type != "person"
            or len(bare.name.split()) > 1
            or bare.roles
            or bare.evidence.leader
        ):
            return
        self._absorb_person(bare_key, leader_key)

    def _absorb_misspelt_leader(self: _Resolution, name: str, leader_key: str) -> None:
        """A leader's name spelt otherwise earlier in the article ("Hilary Clinton" before
        "Hillary Clinton") is the leader: the spelling was taken for a person of its own
        only because the leaders data knows the other one."""
        spelt = self.spellings.get(spelling_key(name))
        found = self.found.get(spelt) if spelt else None
        if found is not None and spelt != leader_key and not found.evidence.leader:
            self._absorb_person(spelt, leader_key)

    def _absorb_person(self: _Resolution, old_key: str, new_key: str) -> None:
        """Every mention and short form of one person, given to another."""
        old = self.found.pop(old_key)
        new = self.found[new_key]
        new.roles.extend(role for role in old.roles if role not in new.roles)
        self._move_mentions({old_key: new_key})
        for table in (self.short_forms, self.spellings):
            for form, key in table.items():
                if key == old_key:
                    table[form] = new_key
        for owners in self.form_owners.values():
            owners[:] = [new_key if key == old_key else key for key in owners]
        for owners in self.given_name_owners.values():
            if old_key in owners:
                owners.discard(old_key)
                owners.add(new_key)

    def _move_mentions(self: _Resolution, moved: dict[str, str]) -> None:
        """Each mention of an actor in ``moved`` given to the actor it maps to."""
        self.mentions = [
            replace(m, actor_key=moved[m.actor_key]) if m.actor_key in moved else m
            for m in self.mentions
        ]

    def _add_short_form_mentions(self: _Resolution) -> None:
        """Surnames and acronyms wherever they recur: "Putin", "Nazarbayev's", "Xi"."""
        if not self.short_forms:
            return
        forms = sorted(self.short_forms, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
        for match in pattern.finditer(doc_text(self.doc)):
            span = self.doc.char_span(match.start(), match.end())
            if span is None or not self._free(span) or span[0].pos_ == "PRON":
                continue  # "He" opening a sentence is no short form of Liu He
            self._mention(span, self._latest_owner(match.group(), span))

    def _add_role_references(self: _Resolution) -> None:
        """ "the president" after "President Donald Trump" is Trump: a title with "the"
        and nothing else before it or after it ("the president *of Ukraine*", "the
        *Ukrainian* president" are someone else) is the person the article gave it. The
        title is read whole, its modifiers too ("the former governor" is the one named
        "former Gov.", never the sitting one), and abbreviations spelt out."""
        spelt = self.people.title_abbreviations
        holders: dict[tuple[str, ...], list[str]] = {}
        for key, found in self.found.items():
            for role in found.roles if found.type == "person" else ():
                words = tuple(spelt.get(w, w) for w in role.lower().replace("-", " ").split())
                if words and self._names_a_role(words):
                    holders.setdefault(words, []).append(key)
        if not holders:
            return
        longest = 2 * max(map(len, holders))  # hyphens are tokens of their own
        first_words = {words[0] for words in holders}
        for token in self.doc[:-1]:
            if token.lower_ != "the" or self.doc[token.i + 1].lower_ not in first_words:
                continue
            for size in range(longest, 0, -1):
                role = self.doc[token.i + 1 : token.i + 1 + size]
                words = tuple(t.lower_ for t in role if t.text != "-")
                if len(role) < size or words not in holders or not self._free(role):
                    continue
                after = self.doc[role.end] if role.end < len(self.doc) else None
                if after is not None and after.lower_ in ROLE_RESTRICTORS:
                    break  # "the senator *from Vermont*" says which one: not this one
                self.role_references.add(role.start_char)
                self._mention(role, self._latest_owner_of(holders[words], role.start_char))
                break

    def _names_a_role(self: _Resolution, words: tuple[str, ...]) -> bool:
        """Whether a person's role ends in a word that names one ("president", "chief",
        "journalist"), not in a word that only qualifies a title ("State" of "State Fire
        Marshall", "Interior") or links it ("defense of"): "the state" is no one. In
        "secretary of state" the head comes before "of"."""
        if words[-1] in LINKING_WORDS | DETERMINERS:
            return False
        last = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        return (
            last not in self.people.modifiers
            or last in self.role_nouns
            or last.title() in self.people.titles
        )

    def _latest_owner_of(self: _Resolution, keys: list[str], start: int) -> str:
        """Of several actors, the one a bare name at ``start`` refers to: the one named
        last before it when that was in its sentence or the one before; else the one the
        article has named most so far, the topic a reader keeps in mind ("Clinton" in a
        story of Hillary Clinton that named Bill a page earlier), the latest of equals;
        with none named before (a headline), the one the article names most, of equals
        the one it names first. One with
        evidence of being a person (a given name, a title, the leaders data) comes before
        one without ("Tim Cook" before a "Hosting Cook" spaCy made of a heading)."""
        likely = [key for key in keys if self._evidently_a_person(key)]
        keys = likely or keys
        owners = set(keys)
        named = [m for m in self.mentions if m.actor_key in owners]
        before = [m for m in named if m.span.start < start]
        if not before:
            counts = Counter(m.actor_key for m in named)
            first = {m.actor_key: -m.span.start for m in reversed(named)}
            return (
                max(keys, key=lambda key: (counts[key], first.get(key, 0))) if counts else keys[0]
            )
        latest = max(before, key=lambda m: m.span.start)
        if self._sentence_at(start) - self._sentence_at(latest.span.start) <= 1:
            return latest.actor_key
        counts = Counter(m.actor_key for m in before)
        most = max(counts.values())
        if counts[latest.actor_key] == most:
            return latest.actor_key
        return max(before, key=lambda m: (counts[m.actor_key] == most, m.span.start)).actor_key

    def _sentence_at(self: _Resolution, char: int) -> int:
        """The number of the sentence a character offset falls in."""
        return bisect_right(self._sentence_starts, char) - 1

    @cached_property
    def _sentence_starts(self: _Resolution) -> list[int]:
        return [sentence.start_char for sentence in self.doc.sents]

    def _evidently_a_person(self: _Resolution, key: str) -> bool:
        found = self.found[key]
        return (
            found.type != "person"
            or found.evidence.leader
            or bool(found.roles)
            or is_given_name(found.name.split()[0])
        )

    def _same_person(self: _Resolution, words: list[str]) -> str | None:
        """The person already named with this surname and a given name this one shortens
        or lengthens: "Josh Apte" is the "Joshua Apte" of the article, "Pat Carlineo" its
        "Patrick W. Carlineo"; "Hunter Biden" is not "Joe Biden"."""
        if len(words) < 2:
            return None
        given, surname = words[0].lower().rstrip("."), words[-1].lower()
        for key, found in self.found.items():
            other = name_words(found.name)
            if found.type != "person" or len(other) < 2 or other[-1].lower() != surname:
                continue
            known = other[0].lower().rstrip(".")
            shorter, longer = sorted((given, known), key=len)
            if longer.startswith(shorter) and (
                len(shorter) >= MIN_SHORT_GIVEN or len(shorter) == 1
            ):
                return key
        return self._compound_surname_of(words)

    def _compound_surname_of(self: _Resolution, words: list[str]) -> str | None:
        """The person whose longer full name ends in these words: "Wasserman Schultz" is
        the article's "Debbie Wasserman Schultz", a surname of two words, as "Schultz"
        alone would be; "Van Dyke" and "de Blasio" are surnames with a particle, whatever
        their case; "Leo Butz" is "Norbert Leo Butz" by his middle name."""
        tail = [word.lower() for word in words]
        for key, found in self.found.items():
            other = [word.lower() for word in name_words(found.name)]
            if found.type == "person" and len(other) > len(tail) and other[-len(tail) :] == tail:
                return key
        return None

    def _latest_owner(self: _Resolution, form: str, span: Span) -> str:
        """The actor a short form stands for at ``span``: of several bearing it, the one
        the leaders data calls by the title or honorific before it ("Secretary Clinton"),
        else the one named last before it, among those an honorific before it allows
        ("Mrs. Clinton" is not Bill Clinton, whoever was named last), and of those, the
        ones whose given name agrees with it over those whose given name tells no gender
        ("Mr. Okafor" is David Okafor, not Robin Okafor named after him)."""
        owners = self.form_owners.get(form, [])
        if len(set(owners)) < 2:
            return self.short_forms[form]
        keys = [self.short_forms[form], *owners]
        called = self._leader_by_title(self._title_before(span)[0], span)
        if called is not None and (titled := self._named_as(keys, called)):
            return titled[0]  # whoever was named last
        gender = honorific_gender(span)
        if gender is None:
            return self._latest_owner_of(keys, span.start_char)
        agreeing = [key for key in keys if self._gender_of(key) == gender]
        fitting = agreeing or [key for key in keys if self._gender_of(key) is None]
        return self._latest_owner_of(fitting or keys, span.start_char)

    def _named_as(self: _Resolution, keys: list[str], leader: Leader) -> list[str]:
        """Those of ``keys`` whose name is the leader's."""
        return [key for key in keys if slug(self.found[key].name) == slug(leader.name)]

    def _gender_of(self: _Resolution, key: str) -> str | None:
        """A person's gender as their given name tells it, where nearly all who bear it
        share one; None for anyone else."""
        found = self.found[key]
        words = found.name.split()
        if found.type != "person" or len(words) < 2:
            return None
        return given_names().get(words[0].lower().rstrip("."))

    def _fill_missing_person_countries(self: _Resolution) -> None:
        """A person whose title puts them in a sector (a minister, a general) and who has
        no country of their own belongs to the article's main one, unless they go to it
        or act on it ("Energy Secretary Rick Perry *visited Kyiv*"): a visitor is foreign.
        The main country is the one named most where the person's own phrase names it
        ("*Russian* Defense Minister ..."); else that of the people the article names whose
        country is known, most mentioned: a story of Russia from Washington names Russia
        more than the United States, but its senators are American, even in a sentence
        that names Russia; else, with no such person, the country named most. A role of
        no sector ("lawyer", "expert") gives no country to assume."""
        dominant = self._most_named_country()
        if dominant is None:
            return
        fallback = self._country_of_people() or dominant
        for actor in self.found.values():
            if (
                actor.type != "person"
                or not any(self.people.sector_of(role) for role in actor.roles)
                or actor.country
                or actor.code
            ):
                continue
            country = dominant if self._named_in_own_phrase(actor.key, dominant) else fallback
            if not self._acts_on_country(actor.key, country):
                actor.country = country

    def _country_of_people(self: _Resolution) -> str | None:
        """The country of the people the article names whose country is known, most
        mentioned: a story of Russia from Washington quotes Americans."""
        of_people = Counter(
            self.found[m.actor_key].country
            for m in self.mentions
            if self.found[m.actor_key].type == "person" and self.found[m.actor_key].country
        )
        return of_people.most_common(1)[0][0] if of_people else None

    def _most_named_country(self: _Resolution) -> str | None:
        """The country the article names most so far: the story's main one."""
        named = Counter(
            m.actor_key for m in self.mentions if self.found[m.actor_key].type == "country"
        )
        return named.most_common(1)[0][0] if named else None

    def _named_in_own_phrase(self: _Resolution, person_key: str, country: str) -> bool:
        """Whether the country is named in the person's own phrase: their title, an
        apposition or a phrase on their name ("*Russian* Defense Minister Sergei Shoigu",
        "Shoigu, *Russia's* defense minister"). A country elsewhere in the sentence, what
        they speak of or act on ("Gov. Nathan Deal vowed to block Syrian refugees"), says
        nothing of whose official they are."""
        for span in self._spans_of(person_key):
            phrase = span.root.head if span.root.dep_ == "appos" else span.root
            words = range(phrase.left_edge.i, phrase.right_edge.i + 1)
            if any(self._country_key_at(i) == country for i in words):
                return True
            start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
            if any(  # an organisation of the country in the title: "Philippine ... Office"
                start <= other.span.start < end
                and country in (other.actor_key, self.found[other.actor_key].country)
                for other in self.mentions
            ):
                return True
        return False

    def _acts_on_country(self: _Resolution, person_key: str, country: str) -> bool:
        """Whether a clause the person is the subject of names ``country`` as its object,
        its object's owner or where it goes: "Perry visited Kyiv", "Perry flew to Ukraine",
        "Jordan condemned the Iranian government" (not "spoke in
        Warsaw": being somewhere says nothing of whose official one is)."""
        for span in self._spans_of(person_key):
            if span.root.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            verb = span.root.head
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            objects += [
                g
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in DESTINATION_PREPOSITIONS
                for g in c.children
            ]
            # the object itself, or the country that owns it: "condemned *the Iranian
            # government*", "met *Iran's* foreign minister"
            objects += [c for o in objects for c in o.children if c.dep_ in OBJECT_OWNERS]
            if any(self._country_key_at(o.i) == country for o in objects):
                return True
        return False

    def _country_key_at(self: _Resolution, index: int) -> str | None:
        match = self.country_at.get(index)
        return match.key if match else None
