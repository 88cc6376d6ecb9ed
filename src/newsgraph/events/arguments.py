"""Turns a noun phrase of the parse into one side of an event (an ``ActorRef``).

A phrase is an actor when the actor index resolves it ("Russia", "Russian forces",
"Tokayev"), or a described group with a CAMEO sector code when its head is a group
word ("protesters", "hundreds of people", "foreign powers with Western credentials").
A bare "the government" belongs to a country named in the same sentence, else to the
article's most-mentioned country (``countries``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.dictionary import ActorDictionary, people_rules
from newsgraph.actors.index import ActorIndex
from newsgraph.events.countries import ActorCountries
from newsgraph.events.offices import office_then
from newsgraph.events.patterns import (
    FORCE_SECTORS,
    PLACE_ENTITIES,
    GroupWords,
    acted_on_at_home_roots,
    domestic_roots,
    group_words,
    groups_table,
    weapon_words,
)
from newsgraph.events.phrases import CORE_MODIFIERS, conjuncts, core, is_stance, phrase
from newsgraph.records import Actor, ActorRef, Mention

SINGULAR_TAGS = {"NNP", "NN"}
# Entities a place name can be tagged as where it qualifies a noun ("*Benghazi* victims").
PLACE_NAMES = {"GPE", "LOC", "FAC", "ORG"}

GOVERNMENT_SECTOR = "GOV"
# Pronouns that stand for an actor named earlier in the sentence ("Syria says *it* will").
ACTOR_PRONOUNS = {"it", "they", "he", "she", "we"}
PERSONAL_PRONOUNS = {"he", "she"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Entities that name a state: countries, capitals, cities (spaCy's geopolitical entity).
STATE_ENTITIES = {"GPE"}
PLACE_PREPS = {"in", "near", "at"}
# "the offices *of* the administrators", "a camp *for* refugees": whose a thing is.
OWNER_PREPS = frozenset({"of", "for"})
NON_GOVERNMENTAL = "NGO"
THREAT_ROOT = "13"
# Assault, fight, mass violence: acts a weapon or a blast can do with no actor named.
VIOLENCE_ROOTS = ("18", "19", "20")
CONDITION_MARKS = {"if", "unless"}
PLURAL_TAGS = {"NNS", "NNPS"}
# "the Albanians *of* southern Serbia", "Kurds *in* Iraq": where a people lives.
RESIDENCE_PREPS = {"of", "in"}
ETHNIC = "ethnic"
# The state's own sectors: what they do with no target named acts on their country.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}


def is_international(name: str) -> bool:
    """Whether an organisation's name says it is no country's ("World Water Forum",
    "Association of African Jurists")."""
    table = groups_table()
    words = set(name.lower().split())
    return bool(words & {*table["international_names"]["words"], *table["regions"]})


def _office_modifiers(head: Token) -> set[str]:
    """The words written with a noun of an office that may say its holder has left it:
    its adjectives and adverbs ("Ohio's *former* governor"), a prefix hyphened to it ("the
    *ex*-president")."""
    words = {c.lower_ for c in head.lefts if c.dep_ in {"amod", "advmod"}}
    doc = head.doc
    if head.i >= 2 and doc[head.i - 1].text == "-":
        words.add(doc[head.i - 2].lower_)
    return words


def _nationality_unknown(head: Token) -> bool:
    """Whether a country word names people whose country is not the state acting: one
    person ("*an* American", "*the first* Syrian": a nationality; a singular demonym with
    no article is a name or one person: "*Cuban* said") or people a place
    names by what happened there ("two *Benghazi* victims", ``groups.toml``
    ``[nationality]``)."""
    words = groups_table()["nationality"]
    role = head.head if head.dep_ == "compound" else head
    if role.lemma_.lower() in words["event_roles"] and any(
        c.dep_ == "compound" and c.ent_type_ in PLACE_NAMES for c in role.children
    ):
        return True
    if head.ent_type_ != "NORP" or head.tag_ not in SINGULAR_TAGS:
        return False
    if not any(c.dep_ == "det" for c in head.children):
        return True  # "*Cuban* said he supports": a surname or one person, no people
    return any(
        (c.dep_ == "det" and c.lower_ in words["articles"])
        or (c.dep_ in {"amod", "nummod"} and c.lower_ in words["pickers"])
        for c in head.children
    )


class ArgumentResolver(ActorCountries):
    """Resolves event arguments of one document against its actor index."""

    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc = doc
        self.actors = ActorIndex(actors.actors, self._acting_mentions(actors), doc)
        self.words: GroupWords = group_words()
        self.main_country = self._most_mentioned_country()

    def _acting_mentions(self, actors: ActorIndex) -> list[Mention]:
        """Mentions that can stand for a side of an event: not "anti-Syria" in "an
        anti-Syria journalist", nor "Israeli" in "the Israeli-occupied West Bank"."""
        kept = []
        for mention in actors.mentions:
            span = self.doc.char_span(mention.span.start, mention.span.end)
            if span is None or not is_stance(self.doc, span.start, span.end):
                kept.append(mention)
        return kept

    def resolve_targets(self, heads: list[Token]) -> list[ActorRef]:
        """The actors acted on through the phrases headed by ``heads``: as sides, and
        where a phrase names none, the nearest actor it is aimed at or comes from ("a
        war *against Iraq*", "a request *from the Kenyan president*", ``groups.toml``
        ``[target_owners]``)."""
        return self.resolve_each(heads, frozenset(groups_table()["target_owners"]["preps"]))

    def resolve_each(
        self, heads: list[Token], owner_preps: frozenset[str] = OWNER_PREPS
    ) -> list[ActorRef]:
        """Every actor the phrases headed by ``heads`` name, coordinated modifiers
        included: "Hungarian and Romanian officials" are two sides, HUNGOV and ROUGOV."""
        refs: list[ActorRef] = []
        for head in self._with_counted_conjuncts(heads):
            ref = self.resolve(head)
            if ref is None:
                refs += self._owners(head, owner_preps)
                continue
            refs.append(self._sharing_country(ref, head, refs))
            for modifier in self._counted_group(head).lefts:
                if modifier.dep_ in CORE_MODIFIERS and modifier.conjuncts:
                    for country in (modifier, *modifier.conjuncts):
                        other = self._country_ref(country, ref)
                        if other and all(r.actor_key != other.actor_key for r in refs):
                            refs.append(other)
        return refs

    def _with_counted_conjuncts(self, heads: list[Token]) -> list[Token]:
        """The heads, and the groups coordinated inside a count: "scores of Sierra
        Leonean and Liberian refugees" counts the Liberian refugees too."""
        found = []
        for head in heads:
            found.append(head)
            group = self._counted_group(head)
            if group is not head:
                found += [c for c in group.conjuncts if c.i > group.i and c not in heads]
        return found

    def _sharing_country(self, ref: ActorRef, head: Token, before: list[ActorRef]) -> ActorRef:
        """A group coordinated with an earlier side shares its country when it names
        none of its own: "Israeli helicopters and *tanks*" are both Israeli."""
        if ref.actor_key or not ref.sector or not before or head.dep_ != "conj":
            return ref
        if self._country_in(core(head)) or not (country := self._country_code(before[0].code)):
            return ref
        return ActorRef(ref.text, None, country + ref.sector, ref.sector)

    def _country_ref(self, modifier: Token, group: ActorRef) -> ActorRef | None:
        """The country a coordinated modifier names, with the sector of its group."""
        key = self.actors.key_at(modifier.idx, modifier.idx + len(modifier.text))
        if key is None or self.actors.actor(key).type != "country":
            return None
        named = self.doc[modifier.i : modifier.i + 1]
        return self._actor_ref(group.text, key, self.actors.actor(key), named, group.sector)

    def resolve(self, head: Token) -> ActorRef | None:
        """The actor or group ``head``'s phrase refers to; None when it is neither."""
        if head.lower_ in ACTOR_PRONOUNS and head.pos_ == "PRON":
            antecedent = self._antecedent(head)
            return self.resolve(antecedent) if antecedent is not None else None
        if head.lower_ in groups_table()["anaphors"]["words"]:
            same_kind = self._same_kind(head)
            return self.resolve(same_kind) if same_kind is not None else None
        text = phrase(head).text
        group_head = self._counted_group(head)
        if group_head.lemma_.lower() in groups_table()["not_actors"]["nouns"]:
            return None
        named = core(group_head)
        key = self.actors.key_at(named.start_char, named.end_char)
        sector = self._sector_of(group_head)
        if key is not None and not self._only_names_a_group(key, named, sector):
            key = self._residence(group_head, key) or key
            return self._actor_ref(text, key, self.actors.actor(key), named, sector)
        if group_head.lemma_.lower() in self.words.government:
            stated = self._government_country(head)
            country = stated or self.main_country
            if country is not None:
                return ActorRef(
                    text, country, country + GOVERNMENT_SECTOR, GOVERNMENT_SECTOR, not stated
                )
        region = self._region_in(phrase(head, with_adjuncts=True))
        if region is not None:
            return ActorRef(text, None, region, sector)
        if self._non_governmental(group_head):
            return ActorRef(text, None, NON_GOVERNMENTAL, None)
        if sector is not None:
            country = self._country_in(phrase(head, with_adjuncts=True))
            assumed = country is None and not self._foreign(group_head)
            if assumed:
                country = self._home_country(head.sent)
            return ActorRef(text, None, (country or "") + sector, sector, assumed)
        return None

    def _same_kind(self, head: Token) -> Token | None:
        """What "others" stands for: the noun it is coordinated with ("one soldier and
        two others"), or the same argument of the verb its verb is coordinated with
        ("shot one guard and injured three others")."""
        for other in head.conjuncts:
            if other.lower_ != head.lower_:
                return other
        verb = head.head
        for other in verb.conjuncts if head.dep_ != "conj" else ():
            for child in other.children:
                if child.dep_ == head.dep_ and child.lower_ != head.lower_:
                    return child
        return None

    def _non_governmental(self, head: Token) -> bool:
        """Whether a group noun is qualified as an NGO: "a human rights group", "a
        humanitarian organisation" (``groups.toml`` ``[non_governmental]``)."""
        table = groups_table()["non_governmental"]
        if head.lemma_.lower() not in table["heads"]:
            return False
        return head.lower_ not in table["qualifiers"] and any(
            child.dep_ in {"compound", "amod"}
            and (child.lemma_.lower() in table["qualifiers"] or child.lower_ in table["qualifiers"])
            for child in head.lefts
        )

    def _foreign(self, head: Token) -> bool:
        """Whether a group is said to be from outside ("foreign forces"): of no country
        the sentence names (``groups.toml`` ``[foreign]``)."""
        words = groups_table()["foreign"]["words"]
        return any(child.lower_ in words for child in head.lefts)

    def _only_names_a_group(self, key: str, named: Span, sector: str | None) -> bool:
        """Whether a name the dictionary cannot place only qualifies a group noun: "the
        main *Hutu* rebel group", "*Ibo* traditional elders" are groups of their country."""
        actor = self.actors.actor(key)
        if sector is None or actor.code or actor.country or actor.type == "country":
            return False
        return self.actors.key_at(named.root.idx, named.root.idx + len(named.root)) != key

    def _owners(self, head: Token, preps: frozenset[str] = OWNER_PREPS) -> list[ActorRef]:
        """Whose a thing is, for a phrase that names no actor: "a camp *for Congolese
        refugees*", "aid *for Romania and Poland*" act on them."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for owner in child.children:
                    if owner.dep_ == "pobj" and (
                        refs := self.resolve_each(conjuncts(owner), preps)
                    ):
                        return refs
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and head.ent_type_:
                # a named site takes its country: "Esfahan Uranium Conversion
                # Facilities in central Iran"
                for place in child.children:
                    if place.dep_ == "pobj" and (ref := self.place(place)):
                        return [ref]
        return []

    def _residence(self, head: Token, key: str) -> str | None:
        """The country a people named by its demonym lives in, when the phrase says so.

        "Bosnian Serbs" are of Bosnia, "the Albanians of southern Serbia" of Serbia: a
        plural demonym is an ethnic group, of the country a demonym before it or a place
        after it names. "Ethnic Albanians" are of the country the sentence places them
        in, else of the other country it names, as CAMEO codes residents.
        """
        if self._country_of(key) is None or head.tag_ not in PLURAL_TAGS:
            return None
        ethnic = any(
            word.lower_ == ETHNIC for modifier in head.lefts for word in (modifier, *modifier.lefts)
        )
        if self.actors.key_at(head.idx, head.idx + len(head.text)) != key and not ethnic:
            # "Russian troops": a group with a country, not a people; "ethnic Albanian
            # guerrillas" are a people's group, of the country they live in
            return None
        for modifier in head.lefts:
            found = self.actors.key_at(modifier.idx, modifier.idx + len(modifier.text))
            if modifier.dep_ in CORE_MODIFIERS and found != key and self._country_of(found or ""):
                return found
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in RESIDENCE_PREPS:
                span = self.doc[prep.i : prep.right_edge.i + 1]
                if (country := self._country_in(span)) and country != key:
                    return country
        if not ethnic:
            return None
        if (place := self._place_country(head.sent)) and place != key:
            return place
        others = [
            country
            for mention in self.actors.mentions_in(head.sent.start_char, head.sent.end_char)
            if (country := self._country_of(mention.actor_key)) and country != key
        ]
        return others[0] if others else None

    def apart_from(self, sources: list[ActorRef], targets: list[ActorRef]) -> list[ActorRef]:
        """The targets that are none of the sources' countries: "Israel and Lebanon
        renewed negotiations on an Israeli troop pullback" is two actors acting
        together, not Lebanon acting on Israel. Nor is a state's own unnamed forces what
        it acts on: "the government ordered patrols by police" uses them."""
        states = {
            self._country_code(source.code)
            for source in sources
            if source.sector in (None, GOVERNMENT_SECTOR)
        }
        targets = [
            t
            for t in targets
            if t.actor_key
            or t.sector not in FORCE_SECTORS
            or self._country_code(t.code) not in states
        ]
        if len(sources) < 2:
            return targets
        together = {self._country_code(source.code) for source in sources} - {None}
        return [t for t in targets if self._country_code(t.code) not in together]

    def weapon_place(self, heads: list[Token], code: str) -> list[ActorRef]:
        """Who attacks when a weapon or blast does ("a roadside bombing near Samarra
        killed", "killed by a bomb outside Basra"): the country of the place the phrase
        names, as for a passive with no agent."""
        if not code.startswith(VIOLENCE_ROOTS):
            return []
        for head in heads:
            span = self.doc[head.left_edge.i : head.right_edge.i + 1]
            if country := self._country_in(span):
                return [ActorRef(span.text, country, country)]
        return []

    def implied_targets(self, verb: Token, code: str) -> list[ActorRef]:
        """Who an act that names no target answers or is aimed at: what it reacts to
        ("in defiance of Chinese authorities", "in retaliation for the Israeli raids"),
        or, for a threat, the subject of its condition."""
        return self._reaction_targets(verb) or self._condition_targets(verb, code)

    def _reaction_targets(self, verb: Token) -> list[ActorRef]:
        """The actor an "in protest at", "in defiance of", "in response to" phrase
        on the verb names, or whose is the thing it names."""
        reactions = groups_table()["reactions"]["nouns"]
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in reactions:
                    continue
                for inner in noun.children:
                    if inner.dep_ != "prep":
                        continue
                    for thing in inner.children:
                        if thing.dep_ == "pobj" and (refs := self._named_or_owned(thing)):
                            return refs
        return []

    def _named_or_owned(self, head: Token) -> list[ActorRef]:
        return self.resolve_each(conjuncts(head)) or self._owners(head)

    def _condition_targets(self, verb: Token, code: str) -> list[ActorRef]:
        """Who a threat is aimed at when it names no one: the subject of the condition
        it sets ("threatened to quit the talks *if Peru* signs the deal",
        "a strike *unless Israel* rescinds the annexation")."""
        if not code.startswith(THREAT_ROOT):
            return []
        for token in verb.subtree:
            if token.dep_ == "advcl" and any(
                child.dep_ == "mark" and child.lower_ in CONDITION_MARKS for child in token.children
            ):
                subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
                if subjects:
                    return self.resolve_each(conjuncts(subjects[0]))
        return []

    def beyond_home(self, source: ActorRef, refs: list[ActorRef], code: str) -> list[ActorRef]:
        """The targets an act can have: the source's own country, named bare, only for an
        act that must have a target (see ``domestic_target``). "The Serbian president
        promised to democratize Serbia", "declared a ceasefire in south Lebanon",
        "completed their withdrawal from the Bosnian town" target no one."""
        if code.startswith(domestic_roots()):
            return refs
        home = self._country_code(source.code)
        return [ref for ref in refs if not (ref.actor_key == home and ref.code == home)]

    def only_home(self, source: ActorRef, target: ActorRef) -> bool:
        """Whether the target is coded as nothing but the source's own country: a place at
        home ("toured a museum in Omaha") or the nation's people at large ("attacked the Ohio
        delegation's backers", both USA for a Nebraska senator). CAMEO codes
        acts within a country between its sectors (government, opposition, civilians); the
        bare code says neither whom nor which side, so such an event is as good as one
        aimed at a place."""
        home = self._country_code(source.code)
        return home is not None and target.code == home

    def domestic_target(
        self,
        source: ActorRef,
        code: str,
        sources: tuple[ActorRef, ...] = (),
        thing: ActorRef | None = None,
    ) -> ActorRef | None:
        """The target of an act that names none, when the act must have one.

        A protest, demand, threat, coercion or concession with no target named is, as
        CAMEO coders take it, aimed at home: "Bolivian miners began a hunger strike"
        acts on Bolivia's government, "the military government declared a state of
        siege" on its own country. Which CAMEO roots are such acts is data
        (``groups.toml``, ``[domestic_targets]``). Several ``sources`` acting together
        ("Chileans and Peruvians could not agree") act on no one, and so
        does an attack that names only the weapon it fires. The ``thing`` a coercion,
        assault, rejection or concession is done to, when it names one ("deported
        *children*", "rejected *an appeal*"), is that home target as written: coded by the
        country alone, for it is at home but need not be the government.
        """
        country = self._country_code(source.code)
        if country is None or not code.startswith(domestic_roots()) or len(sources) > 1:
            return None
        if source.sector is None and self._names_a_state(source):
            return None  # "France protested", "Beijing refused": the state, not its people
        if code.startswith(VIOLENCE_ROOTS) and self._fires_a_weapon(source):
            return None
        if thing is not None and code.startswith(acted_on_at_home_roots()):
            return ActorRef(thing.text, None, country)
        state = source.sector in STATE_SECTORS
        code = country if state else country + GOVERNMENT_SECTOR
        # The country is the article's actor only when the article names it.
        key = country if country in self.actors.actors else None
        # Shown by the country's name where the article names it, not by a bare code.
        text = self.actors.actors[key].name if key else country
        return ActorRef(text, key, code, None if state else GOVERNMENT_SECTOR)

    def _names_a_state(self, source: ActorRef) -> bool:
        """Whether the side is named as a state (a country or its capital as metonym,
        "France", "Beijing"), which is its government and cannot act on itself, rather
        than as its people ("thousands of Greeks")."""
        name = source.text.casefold().removeprefix("the ")
        return any(
            entity.label_ in STATE_ENTITIES and entity.text.casefold().removeprefix("the ") == name
            for entity in self.doc.ents
        )

    def _fires_a_weapon(self, source: ActorRef) -> bool:
        """Whether ``source`` is the subject of a verb whose object is a weapon ("North
        Korea fired a missile into the sea"): the attack names what it fires, not whom
        it hits, so it has no domestic target (``groups.toml`` ``[weapons]``)."""
        weapons = weapon_words()
        return any(
            token.dep_ in SUBJECT_DEPS
            and phrase(token).text == source.text
            and any(
                child.dep_ == "dobj" and child.lemma_.lower() in weapons
                for child in token.head.children
            )
            for token in self.doc
        )

    def _country_code(self, code: str | None) -> str | None:
        """The country of an actor code ("DZACVL" -> DZA); None for IGO, NGO, regions."""
        if not code or len(code) < 3:
            return None
        actor = ActorDictionary.load().actor(code[:3])
        return actor.key if actor is not None and actor.type == "country" else None

    def place(self, head: Token) -> ActorRef | None:
        """The country of a named place ("Amman" -> JOR, "the Gaza Strip" -> PSE,
        "Kosovo province" -> KSV)."""
        named = [head, *(c for c in head.lefts if c.dep_ == "compound")]
        if not any(token.ent_type_ in PLACE_ENTITIES for token in named):
            return None
        span = self.doc[head.left_edge.i : head.right_edge.i + 1]
        country = self._country_in(span)
        return ActorRef(phrase(head).text, country, country) if country else None

    def _antecedent(self, pronoun: Token) -> Token | None:
        """What a pronoun subject stands for: the subject of a clause above it, else the
        first actor named before it in the sentence ("Hungary said it will support").
        "He" and "she" stand for a person, never a place ("In Atlanta, *he* shot")."""
        personal = pronoun.lower_ in PERSONAL_PRONOUNS
        token = pronoun.head
        while token.head != token:
            token = token.head
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS and child.pos_ != "PRON" and child.i < pronoun.i:
                    return None if personal and child.ent_type_ in PLACE_ENTITIES else child
        sentence = pronoun.sent
        for mention in self.actors.mentions_in(sentence.start_char, pronoun.idx):
            span = self.doc.char_span(mention.span.start, mention.span.end)
            if span is None or (personal and self._is_place(mention, span)):
                continue
            return span.root
        return None

    def _is_place(self, mention: Mention, span: Span) -> bool:
        """Whether a mention names a place or a country, which "he" or "she" is not."""
        actor = self.actors.actors.get(mention.actor_key)
        return span.root.ent_type_ in PLACE_ENTITIES or (
            actor is not None and actor.type == "country"
        )

    def _actor_ref(
        self, text: str, key: str, actor: Actor, named: Span, head_sector: str | None
    ) -> ActorRef:
        """Code a dictionary actor; a group noun after it adds a sector ("Russian forces")."""
        if actor.type == "country":
            country = actor.code or actor.key
            # "*an American* flew to Syria": one person of the country, not its state
            nationality = head_sector is None and _nationality_unknown(named.root)
            return ActorRef(text, key, country + (head_sector or ""), head_sector, nationality)
        if actor.type == "person":
            if actor.country and (then := office_then(named)):
                return ActorRef(text, key, actor.country + then, then)
            sector = actor.sector or self._role_sector(actor, named)
            if actor.code and len(actor.code) > 3:
                return ActorRef(text, key, actor.code, sector)
            country = actor.country or self._country_in(named) or self._appositive_country(named)
            code = (country or "") + (sector or "")
            # A person with no role is no actor CAMEO codes: the country alone is a guess.
            return ActorRef(text, key, code or actor.code, sector, bool(code) and not sector)
        country = actor.country or self._country_in(phrase(named.root, with_adjuncts=True))
        if actor.code is None and not country:
            if is_international(actor.name):
                # One whose name says it is international ("Third World Water Forum")
                # is taken for a non-governmental one: the dictionary knows the IGOs.
                return ActorRef(text, key, NON_GOVERNMENTAL, actor.sector or head_sector)
            # An organisation nothing places is domestic, as an unplaced group is.
            country = self._home_country(named.sent)
            assumed = True
        else:
            assumed = False
        if actor.code is None and country:
            # An organisation the dictionary does not know takes the country its name
            # or phrase gives ("the Ivory Coast's Supreme Court" -> CIV JUD, "the
            # Latvian Constitutional Court" -> LVA).
            sector = actor.sector or head_sector or self._sector_of(named.root)
            return ActorRef(text, key, country + (sector or ""), sector, assumed)
        return ActorRef(text, key, actor.code, actor.sector or head_sector)

    def _appositive_country(self, named: Span) -> str | None:
        """The country an aside gives a person: "Sidhoum, *Algeria's* leading activist"."""
        for child in named.root.children:
            if child.dep_ == "appos":
                span = self.doc[child.left_edge.i : child.right_edge.i + 1]
                if country := self._country_in(span):
                    return country
        return None

    def _role_sector(self, actor: Actor, named: Span) -> str | None:
        """GOV for heads of state or government, from the actor's roles or the title in text."""
        words = [word for role in actor.roles for word in role.lower().split()]
        words += [token.lemma_.lower() for token in named if not token.ent_type_]
        sectors = {self.words.sectors.get(word) for word in words}
        return GOVERNMENT_SECTOR if GOVERNMENT_SECTOR in sectors else None

    def _counted_group(self, head: Token) -> Token:
        """For "hundreds of people" the group is "people", not the count."""
        if head.lemma_.lower() in self.words.quantifiers:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [grand for grand in child.children if grand.dep_ == "pobj"]
                    if objects:
                        return objects[0]
        return head

    def _sector_of(self, head: Token) -> str | None:
        """The sector of a group noun; a named entity is not a group."""
        if head.ent_type_ and head.ent_type_ not in {"CARDINAL", "NORP"}:
            return None
        if sector := self.words.sectors.get(head.lemma_.lower()):
            return people_rules().office_sector(sector, _office_modifiers(head))
        if head.lemma_.lower() not in self.words.quantifiers:
            return None
        # "a rebel group", "opposition groups": the noun in front names the group.
        modifiers = [c for c in head.lefts if c.dep_ in {"compound", "amod"} and not c.ent_type_]
        return next(
            (sector for c in modifiers if (sector := self.words.sectors.get(c.lemma_.lower()))),
            None,
        )
