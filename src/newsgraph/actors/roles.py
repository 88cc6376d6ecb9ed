"""A person's role, country and code from the words around the name and the leaders data.

A mixin of the resolver's working state (``resolver._Resolution``): a title before the
name ("the former Kazakh President"), a role noun the name stands in apposition to
("China's ambassador to Britain, Liu Xiaoming"), an appositive after it ("director-general
of the Russian International Affairs Council"), an international organisation the role is
held in ("U.N. mediator Maria Lind"), and what the leaders data says the person held on
the article's date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from newsgraph.actors.dictionary import ELITE, Leader
from newsgraph.actors.names import DETERMINERS, LINKING_WORDS
from newsgraph.actors.names import core as name_core
from newsgraph.nlp import doc_text

if TYPE_CHECKING:
    from newsgraph.actors.resolver import _Resolution

PHRASE_STOPS = {",", ";", ".", ":", "(", ")", '"', "“", "”", "—", "–"}
# Prepositions that say where a post is held ("ambassador *to* Britain", "envoy *in*
# London"), so the country after them is not the holder's.
HOST_PREPOSITIONS = {"to", "in", "at"}
# The Penn tag of the possessive ending: "China*'s* ambassador".
POSSESSIVE = "POS"
# How the owner of a role hangs on the role noun: "China's ambassador", "the Chinese envoy".
ROLE_OWNERS = {"poss", "amod", "compound", "nmod"}
# Codes of international organisations: a person holding a post in one is coded by it.
INTERNATIONAL = ("IGO", "NGO")
# An American politician's party and state after the name: "(R-Ala.)", "(D-NY)", ", R-Texas".
PARTY_LABEL = re.compile(r"\s*[(,]\s*[RDI]\s?[-–]\s?[A-Z][A-Za-z.]{1,14}(?: [A-Z][a-z.]+)?\s*[),]")
PARTY_LABEL_CHARS = 32
US = "USA"


class Roles:
    """The role rules of ``_Resolution`` (which mixes this class in)."""

    def _country_of_after(self: _Resolution, name_span: Span) -> str | None:
        """The country in "King Hassan *of Morocco*", or the United States' after an
        American politician's party-and-state label ("Sen. Jeff Sessions *(R-Ala.)*",
        "Ted Cruz*, R-Texas*"), a form only American news gives."""
        after = name_span.end
        if after + 1 < len(self.doc) and self.doc[after].lower_ == "of":
            match = self.country_at.get(after + 1)
            return match.key if match else None
        rest = doc_text(self.doc)[name_span.end_char : name_span.end_char + PARTY_LABEL_CHARS]
        return US if PARTY_LABEL.match(rest) else None

    def _leader_term(self: _Resolution, leader: Leader) -> str | None:
        return leader.code_on(self.date) if self.date else None

    def _leader_country(self: _Resolution, leader: Leader) -> str:
        """The country of the leader's term at the article's date, else their own."""
        term = self._leader_term(leader)
        return term[:3] if term and term[:3] != "IGO" else leader.country

    def _leader_code(self: _Resolution, leader: Leader) -> str | None:
        """The organisation's code while the leader holds an international post: Kofi
        Annan is the UN (IGOUNO) as CAMEO codes him, not Ghana. Undated, the latest post."""
        term = self._leader_term(leader) if self.date else leader.latest_code
        return term if term and term.startswith(INTERNATIONAL) else None

    def _international_before(self: _Resolution, name_span: Span) -> str | None:
        """The code of an international organisation named just before a title: "U.N.
        envoy Maria Lind", "Arab League Secretary General Omar Haddad"."""
        index = name_span.start - 1
        while index >= name_span.sent.start and (
            self.doc[index].lower_ in self.people.title_or_modifier_words
            or self.doc[index].is_space
            or self.doc[index].text == "-"
        ):
            index -= 1
        return self._international_at(index)

    def _international_appositive(self: _Resolution, name_span: Span) -> str | None:
        """The code of an international organisation an aside gives a role in: "Martin
        Griffiths, the United Nations relief chief"."""
        index = name_span.end
        if index >= len(self.doc) or self.doc[index].text != ",":
            return None
        index += 1
        while index < name_span.sent.end and self.doc[index].lower_ in DETERMINERS:
            index += 1
        code = self._international_at(index)
        if code is None:
            return None
        end = index
        while end < name_span.sent.end and self.doc[end].text not in PHRASE_STOPS:
            end += 1
        words = {token.lower_ for token in self.doc[index:end]}
        return code if words & self.role_nouns else None

    def _international_at(self: _Resolution, index: int) -> str | None:
        match = self.organisation_at.get(index)
        code = self.dictionary.actors[match.key].code if match else None
        return code if code and code.startswith(INTERNATIONAL) else None

    def _leader_sector(self: _Resolution, leader: Leader) -> str | None:
        """The sector of the leader's term at the article's date; on a date no coded
        term covers, a former (or future) office holder is one of the elite, as PETRARCH
        codes people between and after their terms (Charles Michel in 2025 is BELELI)."""
        term = self._leader_term(leader)
        if term:
            return term[3:6] or None
        return ELITE if self.date and leader.sector else leader.sector

    def _title_before(self: _Resolution, name_span: Span) -> tuple[str | None, str | None]:
        """Role and country from the words just left of a name: "the former Kazakh President"."""
        words: list[str] = []
        country = None
        index = name_span.start - 1
        sentence_start = name_span.sent.start
        while index >= sentence_start:
            token = self.doc[index]
            if token.is_space:
                index -= 1
            elif token.lower_ in self.people.title_or_modifier_words:
                words.insert(0, token.text)
                index -= 1
            elif (
                token.text == "-"
                and words
                and index > sentence_start
                and self.doc[index - 1].is_alpha
                and not (token.whitespace_ or self.doc[index - 1].whitespace_)
            ):  # one hyphenated word ("then-Sen."), not a dash between words
                words[0] = f"{self.doc[index - 1].text}-{words[0]}"  # "Secretary-General"
                index -= 2
            elif index in self.country_at:
                match = self.country_at[index]
                before = match.span.start - 1
                if before >= sentence_start and self.doc[before].lower_ in HOST_PREPOSITIONS:
                    # "ambassador *to Britain* Liu": where the post is held, not whose
                    index = before - 1
                    continue
                country = country or match.key
                index = before
            elif token.tag_ == POSSESSIVE and words and index - 1 in self.country_at:
                index -= 1  # "China*'s* ambassador": the title's owner comes next
            else:
                break
        if not any(
            part in self.title_words and part not in LINKING_WORDS | DETERMINERS
            for word in words
            for part in {word.lower(), *word.lower().split("-")}
        ):
            return None, country  # "the CEO *of* Hipcricket": "of" alone is no title
        if words and index >= sentence_start and not country:
            if index in self.organisation_at:
                # "US Trade Representative Robert Lighthizer": the office's country
                country = self._organisation_country(self.organisation_at[index].key)
            elif (
                self.doc[index].pos_ in {"NOUN", "PROPN"}
                and self.doc[index].dep_ in {"compound", "nmod"}
                and self.doc[index].head.i > index
                and words[-1].lower() in self.people.body_titles
                and self.doc[index].lower_ not in self.people.state_bodies
            ):
                # "Indiana State Teachers Association President Keith Gambill", "team
                # spokesman Tim Mead", "pinup queen Bettie Page": the title is held in
                # that body, not in a state ("Senate President" stays the state's)
                return None, None
        granted_by = self.people.title_states.get(words[-1].lower()) if words else None
        return " ".join(words), country or self._title_owner(name_span) or granted_by

    def _title_owner(self: _Resolution, name_span: Span) -> str | None:
        """The country owning the title just before a name past words that only describe
        its holder: "Berlin's newly elected Catholic mayor Anna Weber" (the parse hangs the
        possessor on the title or on the name; the adjectives between break the walk
        left)."""
        title = self.doc[name_span.start - 1]
        for word in (title, name_span.root):
            for owner in word.children:
                if owner.dep_ in ROLE_OWNERS and owner.i < title.i and owner.i in self.country_at:
                    return self.country_at[owner.i].key
        return None

    def _role_the_name_renames(self: _Resolution, name_span: Span) -> tuple[str | None, str | None]:
        """Role and country when the name stands in apposition to a role noun: "*China's*
        ambassador to Britain, Liu Xiaoming", "the *Chinese* ambassador in London, Liu
        Xiaoming". The role's owner (a possessor or a country adjective) is the person's
        country; where the role is exercised ("to Britain", "in London") is not."""
        root = name_span.root
        role = root.head
        if root.dep_ != "appos" or role.i >= name_span.start or role.lower_ not in self.role_nouns:
            return None, None
        owners = [c for c in role.children if c.dep_ in ROLE_OWNERS and c.i in self.country_at]
        return self._role_with_its_nouns(role), self.country_at[owners[0].i].key if owners else None

    def _role_with_its_nouns(self: _Resolution, role: Token) -> str:
        """A role noun with the nouns compounded before it, which make one office of it:
        "attorney general" is no general, "surgeon general" no soldier."""
        start = role.i
        while (
            start > 0
            and self.doc[start - 1].dep_ == "compound"
            and self.doc[start - 1].head == role
            and start - 1 not in self.country_at
        ):
            start -= 1
        return self.doc[start : role.i + 1].text

    def _organisation_country(self: _Resolution, key: str) -> str | None:
        """The country of a dictionary organisation: its own, or its code's (USAMIL)."""
        actor = self.dictionary.actors[key]
        known = self.dictionary.actor((actor.code or "")[:3])
        return actor.country or (known.key if known and known.type == "country" else None)

    def _appositive_after(self: _Resolution, name_span: Span) -> tuple[str | None, str | None]:
        """Role and country from ", director-general of the Russian International Affairs
        Council" after a name; the organisation's country is the person's."""
        index = name_span.end
        if index >= len(self.doc) or self.doc[index].text != ",":
            return None, None
        end = index + 1
        sentence_end = name_span.sent.end
        while end < sentence_end and self.doc[end].text not in PHRASE_STOPS:
            end += 1
        phrase = self.doc[index + 1 : end]
        start = phrase.start
        country = None
        while start < phrase.end and (
            self.doc[start].is_space
            or self.doc[start].lower_ in DETERMINERS
            or start in self.country_at
            or (self.doc[start].tag_ == POSSESSIVE and start - 1 in self.country_at)
        ):
            if start in self.country_at:
                country = country or self.country_at[start].key
            start += 1
        role_start = start
        while start < phrase.end and self.doc[start].lower_ in self.people.modifiers:
            start += 1
        role_end = self._role_noun_end(start, phrase.end)
        if role_end is None:
            return None, None
        role = self.doc[role_start:role_end].text
        organisation = self._organisation_after(role_end, phrase.end)
        if organisation is not None:
            org_name, org_country = organisation
            return f"{role}, {org_name}", org_country or country
        return role, country

    def _role_noun_end(self: _Resolution, start: int, limit: int) -> int | None:
        """Token index just past the longest role noun starting at ``start``, if any."""
        longest = max(map(len, self.people.role_nouns), default=0)
        best = None
        for end in range(start + 1, limit + 1):
            words = " ".join(self.doc[start:end].text.lower().split())
            if len(words) > longest:
                break
            if words in self.role_nouns:
                best = end
        return best

    def _organisation_after(
        self: _Resolution, index: int, limit: int
    ) -> tuple[str, str | None] | None:
        """The organisation named after "of"/"at" following a role noun, and its country."""
        if index >= limit or self.doc[index].lower_ not in LINKING_WORDS:
            return None
        index += 1
        while index < limit and (self.doc[index].is_space or self.doc[index].lower_ in DETERMINERS):
            index += 1
        if index < limit and index in self.organisation_at:
            # "commander of United States Central Command": the dictionary knows its country
            key = self.organisation_at[index].key
            return self.dictionary.actors[key].name, self._organisation_country(key)
        ent = self.entity_at.get(index)
        if ent is not None and ent.label_ == "ORG":
            core = name_core(ent)
            return core.text, self._country_within(core)
        for mention in self.mentions:
            if mention.span.start == self.doc[index].idx and index < limit:
                actor = self.found[mention.actor_key]
                return actor.name, actor.country
        return None
