"""Organisations spaCy finds that the dictionary does not know, and their short forms.

A mixin of the resolver's working state (``resolver._Resolution``): an ORG entity is a
dictionary organisation by alias, a person spaCy mistagged (by an appositive role, the
leaders data, another spelling of a person's name or a "he" after it), or an organisation
of its own; a role spaCy took into it ("Founder of Ceres Robotics Inc.") and a ticker
("US30YT=RR") are no part of any.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsgraph.actors.confidence import (
    context_words,
    has_model_number,
    has_organisation_word,
    is_given_name,
    usage,
)
from newsgraph.actors.dictionary import normalise_name
from newsgraph.actors.names import LINKING_WORDS, is_acronym_of, slug, spelling_key
from newsgraph.actors.names import core as name_core
from newsgraph.actors.places import is_town_or_state

if TYPE_CHECKING:
    from newsgraph.actors.resolver import _Resolution

# Symbols that join a name into a code or ticker: "US30YT=RR", "#Apple".
CODE_JOINERS = {"=", "#", "^"}
# Words that open a place's name ending in a country's: "New England", "New Guinea".
LONGER_PLACE_OPENERS = {"New", "Nova"}
# What stands between the parties of a lawsuit's name: "Roe v. Wade".
CASE_SEPARATORS = {"v.", "vs.", "v", "vs"}
# How a place's name says whose a body is: "Manila's House", "the Ohio Senate".
PLACING_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
PLACE_NAME_ENTITIES = frozenset({"GPE", "NORP", "LOC"})
# CAMEO's sector of the news media: "USAMED".
MEDIA_SECTOR = "MED"
# An acronym written with points: "F.B.I.", "M.I.T." (a house style for "FBI", "MIT").
DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}")


class Organisations:
    """The organisation rules of ``_Resolution`` (which mixes this class in)."""

    def _add_organisations(self: _Resolution) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or not self._free(ent):
                continue
            if any(ch in ent.text for ch in "@/:") or self._inside_code(ent):
                continue
            core = self._past_role(name_core(ent))
            if not len(core) or normalise_name(core.text) in self.excluded:
                continue
            if all(t.lower_ in self.people.title_or_modifier_words for t in core):
                continue  # "Energy" of "Energy Secretary Rick Perry" is part of a title
            if core.text in context_words()["kind_acronyms"]:
                continue  # "a super PAC": a kind of organisation, no name
            if core[-1].text in context_words()["law_heads"]:
                continue  # "the Endangered Species Act": a law, no organisation
            titled = self._titled_name_within(core)
            if titled is not None:
                # "Justice Sotomayor" tagged ORG: a person with the title before her name
                if len(titled) > 1:
                    self._add_person(titled)
                elif not self._short_for_full_name(titled.text) or self._titled_namesake(titled):
                    self._add_lone_name(titled)
                # else the surname of a person named in full: a short form of theirs
                continue
            spelt = self.spellings.get(spelling_key(core.text))
            if spelt and self.people.looks_like_name(core.text):
                self._mention(core, spelt)  # a person's name, another spelling, tagged ORG
                continue
            if (
                len(core) == 1
                and core.text not in self.short_forms
                and self.dictionary.leader(core.text, self.date)
            ):
                self._add_lone_name(core)
                continue
            if self._reads_as_a_persons_name(core) and (
                self._appositive_after(core)[0]
                or (len(core) > 1 and self.dictionary.leader(core.text, self.date))
                or usage([core]).referred_to_as_person
            ):
                # "Eswar Prasad, a trade professor at Cornell", "Shigeru Ishiba called
                # Donald Trump", "Okonkwo said he would appeal": people spaCy tagged ORG.
                if len(core) > 1:
                    self._add_person(core)
                else:
                    self._add_lone_name(core)
                continue
            if not core.text[:1].isupper() and not core.text[:1].isdigit():
                continue
            town_of = self._town_of_named_country(core)
            if town_of is not None:
                self._add_town(core, town_of)
                continue
            partners = self._known_partners(core)
            if partners:
                for part, key in partners:
                    self._mention_known(part, key)  # "a Washington Post-ABC News poll"
                continue
            outlet = self._outlet_by_last_word(core)
            if outlet is not None:
                self._mention(core, outlet)  # "the Post" after "The Washington Post"
                continue
            bare = _undotted(core.text)
            known = self.dictionary.key_for_alias(core.text) or (
                bare and self.dictionary.key_for_alias(bare)
            )
            if known:
                self._mention_known(core, known)
                continue
            key = self.short_forms.get(core.text) or f"org:{slug(bare or core.text)}"
            found = self._ensure(key, core.text, "organisation", country=self._country_within(core))
            found.evidence.product = found.evidence.product or has_model_number(core.text)
            self._mention(core, key)
            if _names_no_body(core):
                # extractors still see it: an occasion is where an act happens, not its target
                self.naming_none.add((core.start_char, core.end_char))
            self.short_forms.setdefault(core.text, key)
            self._link_acronym(core, key)

    def _known_partners(self: _Resolution, core: Span) -> list[tuple[Span, str]]:
        """The two organisations an entity joins with a hyphen, as the sponsors of a poll
        are ("a Washington Post-ABC News poll"), where the dictionary knows both: no
        organisation of that joint name."""
        joints = [t.i for t in core if t.text == "-" and not t.whitespace_]
        if len(joints) != 1:
            return []
        parts = [self.doc[core.start : joints[0]], self.doc[joints[0] + 1 : core.end]]
        keys = [self.dictionary.key_for_alias(part.text) for part in parts if len(part)]
        if len(keys) != 2 or not all(keys):
            return []
        return list(zip(parts, keys, strict=True))

    def _outlet_by_last_word(self: _Resolution, core: Span) -> str | None:
        """The news outlet of the article a one-word name is the last word of: a paper
        named in full is then "the Post", "the Times", "the Journal"."""
        if len(core) != 1:
            return None
        outlets = [
            key
            for key, found in self.found.items()
            if found.type == "organisation"
            and (found.code or "")[3:6] == MEDIA_SECTOR
            and len(found.name.split()) > 1
            and found.name.split()[-1] == core.text
        ]
        return outlets[0] if len(outlets) == 1 else None

    def _titled_name_within(self: _Resolution, core: Span) -> Span | None:
        """The name after a one-word title that opens an ORG entity ("Justice
        Sotomayor", "Senator Warren"), when what follows reads as a person's name and no
        word is an organisation's; "General" also names firms ("General Motors")."""
        first = core[0]
        if (
            len(core) < 2
            or first.text not in self.people.titles
            or first.lower_ in context_words()["firm_titles"]
            or has_organisation_word(core.text)
        ):
            return None
        name = self.doc[core.start + 1 : core.end]
        return name if self.people.looks_like_name(name.text) else None

    def _short_for_full_name(self: _Resolution, form: str) -> bool:
        """Whether a word is the short form of a person the article names in full
        ("Sotomayor" after "Justice Sonia Sotomayor")."""
        owner = self.found.get(self.short_forms.get(form, ""))
        return owner is not None and owner.type == "person" and len(owner.name.split()) > 1

    def _town_of_named_country(self: _Resolution, core: Span) -> str | None:
        """The country an ORG entity is a town of, when the article names that country
        and the name has no organisation's word and is no common given name: "the attack
        in Nice" in a story that names France is the French town, not an organisation
        ("with Chelsea" is a person)."""
        if (
            has_organisation_word(core.text)
            or is_given_name(core.text)
            or self.dictionary.key_for_alias(core.text)
        ):
            return None
        countries = [key for key, found in self.found.items() if found.type == "country"]
        return next((key for key in countries if is_town_or_state(core.text, key)), None)

    def _add_town(self: _Resolution, town: Span, country: str) -> None:
        """A town stands for its country where an actor stands, as the dictionary's towns
        do (actors/places.py); named as a place, it names none."""
        self._mention(town, country)
        if self._names_a_place(town, country):
            self.naming_none.add((town.start_char, town.end_char))

    def _reads_as_a_persons_name(self: _Resolution, core: Span) -> bool:
        """Whether an ORG entity is written as a person's name can be: capitalised words,
        not an acronym ("the AP", "CNN"), not after "the" ("the Times") and not a plural
        common noun opening a sentence ("Friends say ..."), none of which a person's name
        is."""
        after_the = core.start > 0 and self.doc[core.start - 1].lower_ == "the"
        acronym = len(core) == 1 and len(core.text) > 1 and core.text.isupper()
        plural = len(core) == 1 and core[0].tag_ == "NNS"
        return self.people.looks_like_name(core.text) and not (after_the or acronym or plural)

    def _inside_code(self: _Resolution, ent: Span) -> bool:
        """A name glued to a symbol before it is part of a code: "US30YT=RR", "GBP=X"."""
        before = self.doc[ent.start - 1] if ent.start else None
        return before is not None and not before.whitespace_ and before.text in CODE_JOINERS

    def _past_role(self: _Resolution, core: Span) -> Span:
        """An organisation's name without a role spaCy took into it: "Founder of Ceres
        Robotics Inc." is Ceres Robotics Inc."""
        for index in range(core.start, core.end - 1):
            if self.doc[index].lower_ in LINKING_WORDS:
                role = " ".join(self.doc[core.start : index].text.lower().split())
                if role in self.role_nouns:
                    return self.doc[index + 1 : core.end]
                break
        return core

    def _link_acronym(self: _Resolution, name: Span, key: str) -> None:
        """ "Foo Bar Council (FBC)" or "FBC (Foo Bar Council)": both names, one actor."""
        after = name.end
        if after + 2 >= len(self.doc) or self.doc[after].text != "(":
            return
        closing = next((t.i for t in self.doc[after:] if t.text == ")"), None)
        if closing is None:
            return
        inner = self.doc[after + 1 : closing]
        if is_acronym_of(inner.text, name.text):
            self.short_forms.setdefault(inner.text, key)
        elif is_acronym_of(name.text, inner.text):
            self.short_forms.setdefault(inner.text, key)
            self.found[key].name = inner.text

    def _link_national_bodies(self: _Resolution) -> None:
        """A body of the state named without its country ("the Senate", "the State
        Department", "the Supreme Court") is the article's main country's, where the
        dictionary names that body with the country's name before it ("United States
        Supreme Court", "Us State Department"): in a story of the United States, "the
        Supreme Court" is that court. The main country is the one the article names most;
        a body it has none of is that of the country of the people the article names ("the
        State Department" of a story of Iran that quotes Americans)."""
        main, of_people = self._most_named_country(), self._country_of_people()
        bodies = [self.dictionary.national_bodies(c) for c in dict.fromkeys((main, of_people)) if c]
        moved: dict[str, str] = {}
        for key, found in self.found.items():
            if found.type == "organisation" and not found.evidence.dictionary and not found.code:
                name = normalise_name(found.name).removeprefix("the ")
                owners = bodies if not self._placed_by_a_name(key) else bodies[:1]
                if body := next((b[name] for b in owners if name in b), None):
                    moved[key] = body
        for body in set(moved.values()):
            self._ensure_known(body)
        self._move_mentions(moved)

    def _placed_by_a_name(self: _Resolution, key: str) -> bool:
        """Whether a mention of the organisation is owned or modified by a place's name
        ("*Manila's* House of Representatives"), which says whose body it is."""
        return any(
            child.dep_ in PLACING_DEPS and child.ent_type_ in PLACE_NAME_ENTITIES
            for span in self._spans_of(key)
            for word in span
            for child in word.children
            if not span.start <= child.i < span.end
        )

    def _country_within(self: _Resolution, span: Span) -> str | None:
        """The first country named inside an organisation's name ("Russian ... Council"),
        not the end of a longer place's name ("Western *New England* University")."""
        for size in (3, 2, 1):
            for start in range(span.start, span.end - size + 1):
                words = self.doc[start : start + size]
                if not words[0].text[:1].isupper():
                    continue
                if start > span.start and self.doc[start - 1].text in LONGER_PLACE_OPENERS:
                    continue
                key = self.dictionary.key_for_alias(words.text)
                if key and self.dictionary.actors[key].type == "country":
                    return key
        return None


def _names_no_body(core: Span) -> bool:
    """Whether an ORG entity names an occasion ("the Trump Immigration Rally") or a
    lawsuit ("Fisher v. University of Texas"), not a body that acts."""
    words = core.text.split()
    if any(word in CASE_SEPARATORS for word in words[1:-1]):
        return True
    return len(words) > 1 and words[-1].lower() in context_words()["occasion_nouns"]


def _undotted(name: str) -> str:
    """An acronym written with points without them ("F.B.I." -> "FBI"); else ""."""
    return name.replace(".", "") if DOTTED_ACRONYM.fullmatch(name) else ""
