"""The actor dictionary: countries, organisations and known people, loaded from data files.

Everything the resolver knows about the world lives in ``data/actors/`` so that it can be
corrected without touching code. Two tab-separated formats are read, told apart by their
header row:

* actors (``key type name code country aliases``): countries, organisations, programmes;
  rows with the same key merge, a later non-empty name overrides an earlier one;
* persons (``name country terms aliases``): leaders with CAMEO codes and dated terms.

Aliases are ``|``-separated. One written without lowercase letters (``CSTO``, ``WHO``,
``AU``) is matched exactly; any other is matched case-insensitively but must start with
a capital where the alias does, so "WHO" never matches "who" nor "Chad" a chad.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

DATA_PACKAGE = "newsgraph.data.actors"
CLEANING_DATA_PACKAGE = "newsgraph.data.clean"
CLEANING_RULES_FILE = "rules.toml"
# Hand-written files come after the converted ones, so that their names win.
ACTOR_FILES = (
    "countries.tsv",
    "organisations_petrarch.tsv",
    "countries_curated.tsv",
    "organisations.tsv",
    "media.tsv",
)
# The hand-written file last: it adds terms PETRARCH's 2016 data could not know.
PERSON_FILES = ("persons.tsv", "persons_international.tsv", "persons_curated.tsv")
PEOPLE_RULES_FILE = "people.toml"
# Names the converted files give that English text uses for something else.
NOT_ACTORS_FILE = "not_actors.toml"
ACTOR_COLUMNS = ("key", "type", "name", "code", "country", "aliases")
PERSON_COLUMNS = ("name", "country", "terms", "aliases")
# Demonyms whose plural names the people ("Albanian" -> "Albanians", "Pakistani").
DEMONYM_ENDINGS = ("an", "i")
# Nouns of a body of the state that English names either way round: "the Department of
# Justice" and "the Justice Department", "the Ministry of Defence" and "the Defence Ministry".
BODY_KIND_NOUNS = frozenset({"department", "ministry"})
GOVERNMENT = "GOV"
# The sector of someone who held a state office but holds none at the article's date.
ELITE = "ELI"
# Sectors of a state's own bodies: government, legislature, courts, forces, police, spies.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
# A term's dates: ISO days, either end open ("RUSGOV 2008-05-08..").
TERM_DATES = re.compile(r"(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?")
# Regnal numbers end a name ("Juan Carlos I") without being a surname.
REGNAL = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})


@dataclass
class DictionaryActor:
    """A known actor: its stable key, canonical name, CAMEO code and every alias."""

    key: str
    type: str
    name: str
    code: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Leader:
    """A person the dictionary knows, with the CAMEO codes of their terms (``RUSGOV``)."""

    name: str
    country: str
    terms: tuple[str, ...]

    @property
    def sector(self) -> str | None:
        """The sector of the coded term that started last (``GOV`` for Merkel, whose
        PETRARCH row ends in an undated ``DEUELI``), else of the latest-listed one."""
        coded = [
            (dates.partition("..")[0], code)
            for code, _, dates in (term.partition(" ") for term in self.terms)
            if len(code) > 3 and not code.startswith("IGO")
        ]
        dated = [found for found in coded if found[0]]
        if dated:
            return max(dated)[1][3:6]
        return coded[-1][1][3:6] if coded else None

    @property
    def sectors(self) -> frozenset[str]:
        """The sector of every coded term ("GOV", "LEG"): every office held."""
        return frozenset(term.split()[0][3:6] for term in self.terms)

    @property
    def latest_code(self) -> str | None:
        """The code of the term that started last: what an undated text most likely means."""
        dated = [
            (dates.partition("..")[0], code)
            for code, _, dates in (term.partition(" ") for term in self.terms)
            if dates
        ]
        return max(dated)[1] if dated else None

    def code_on(self, date: str) -> str | None:
        """The code of the term that covers ``date`` (ISO, or its year or month): a
        head of government only while in office. The latest-starting term wins."""
        covering = []
        for term in self.terms:
            code, _, dates = term.partition(" ")
            start, _, end = dates.partition("..")
            if (
                dates
                and (start or "0") <= date[: len(start) or 10]
                and (not end or date[: len(end)] <= end)
            ):
                covering.append((start, code))
        return max(covering)[1] if covering else None

    def in_office(self, date: str) -> bool:
        """Whether a coded term of this person covers ``date``."""
        return self.code_on(date) is not None


@dataclass(frozen=True)
class PeopleRules:
    """Words that mark a person's role: titles before a name, role nouns after it."""

    titles: dict[str, str]
    modifiers: frozenset[str]
    role_nouns: tuple[str, ...]
    family_name_first: frozenset[str]
    name_particles: frozenset[str]
    governed_by: frozenset[str] = frozenset()
    place_directions: frozenset[str] = frozenset()
    given_name_titles: frozenset[str] = frozenset()
    state_bodies: frozenset[str] = frozenset()
    body_titles: frozenset[str] = frozenset()
    # News and photo agencies of photo credits ("Getty Images", "AP Photo"), longest first:
    # a credit glued to a caption's name ("Getty Images Kristi Noem") is no part of it.
    credit_names: tuple[str, ...] = ()
    # Modifiers of a title no longer held ("former President"): "the president" is not them.
    past_modifiers: frozenset[str] = frozenset()
    # "former", "ex": the holder has left the office ("former Gov.").
    left_office_modifiers: frozenset[str] = frozenset()
    # Titles only one state grants, lowercased, and that state ("pope": the Holy See).
    title_states: dict[str, str] = field(default_factory=dict)
    # Abbreviated titles, lowercased, and the words they stand for ("gov.": "governor").
    title_abbreviations: dict[str, str] = field(default_factory=dict)

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every single word of every title, lowercased, for walking left of a name."""
        return frozenset(word.lower() for title in self.titles for word in title.split())

    @cached_property
    def title_or_modifier_words(self) -> frozenset[str]:
        """The words a title before a name is made of: its own and its modifiers ("former",
        "vice")."""
        return self.title_words | self.modifiers

    def looks_like_name(self, text: str) -> bool:
        """Capitalised words (name particles aside), no digits, links or handles.

        A hyphenated word needs only its first part capitalised: "Lee Jae-myung",
        "Kim Jong-un"; a particle may lead it: "al-Sisi".
        """
        words = text.split()
        return (
            bool(words)
            and not any(ch.isdigit() or ch in "@/:" for ch in text)
            and all(
                w[:1].isupper() or w.split("-")[0].lower() in self.name_particles for w in words
            )
            and words[0][:1].isupper()
        )

    def sector_of(self, role: str) -> str | None:
        """The sector of the longest title contained in ``role`` (``former President`` -> GOV)."""
        # hyphenated as one word or apart: "Vice-President", "then-Gov."
        lowered = f" {role.lower()} {role.lower().replace('-', ' ')} "
        found = [t for t in self.titles if f" {t.lower()} " in lowered and self.titles[t]]
        return self.titles[max(found, key=len)] if found else None

    def holder_sector(self, role: str) -> str | None:
        """The sector a title gives the person who bears it: its office's, but a state
        office its holder has left ("former Ohio Gov.", "ex-President") makes one of
        the elite, as CAMEO codes former officials."""
        words = {word.strip(".").lower() for word in re.split(r"[\s-]+", role)}
        return self.office_sector(self.sector_of(role), words)

    def office_sector(self, sector: str | None, modifiers: Iterable[str]) -> str | None:
        """An office's sector as its holder bears it, given the words written with it: a
        state office left ("former", "ex", "then") makes one of the elite."""
        if sector in STATE_SECTORS and not self.left_office_modifiers.isdisjoint(modifiers):
            return ELITE
        return sector


@dataclass(frozen=True)
class DictionaryMatch:
    """A stretch of a doc that names a dictionary actor."""

    span: Span
    key: str


def _both_orders(words: list[str]) -> list[str]:
    """A body's name as written and in English's other order for a department or a
    ministry: "department of justice" is also the "justice department", "ministry of
    defence" the "defence ministry"."""
    name = " ".join(words)
    if len(words) > 2 and words[0] in BODY_KIND_NOUNS and words[1] == "of":
        return [name, " ".join([*words[2:], words[0]])]
    return [name]


def normalise_name(name: str) -> str:
    """Case-, hyphen- and space-insensitive form used to look names up."""
    return " ".join(name.lower().replace("-", " ").replace("’", "'").split())


def is_exact_alias(alias: str) -> bool:
    """Aliases without lowercase letters are acronyms and codes: matched case-sensitively."""
    return not any(ch.islower() for ch in alias)


def _read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader.fieldnames or []), list(reader)


def _split_aliases(value: str | None) -> list[str]:
    return [alias.strip() for alias in (value or "").split("|") if alias.strip()]


class ActorDictionary:
    """Known actors and the phrase matchers that find them in a parsed doc.

    Matchers are built once per spaCy vocabulary and reused for every doc.
    """

    def __init__(
        self,
        actors: dict[str, DictionaryActor],
        leaders: Iterable[tuple[Leader, list[str]]],
        people: PeopleRules,
    ) -> None:
        self.actors = actors
        self.people = people
        leaders = list(leaders)
        self._leaders = _index_leaders(leaders)
        self._namesakes: dict[str, list[Leader]] = defaultdict(list)
        self._surnames: dict[str, list[Leader]] = defaultdict(list)
        self._fame = {leader: len(aliases) for leader, aliases in leaders}
        for leader, aliases in leaders:
            for form in {normalise_name(leader.name), *map(normalise_name, aliases)}:
                self._namesakes[form].append(leader)
            if surname := _surname(leader.name):
                self._surnames[surname].append(leader)
        for actor in actors.values():
            if actor.type == "country":
                actor.aliases.extend(_demonym_plurals(actor))
        self._not_actors = _load_not_actor_names()
        self._alias_keys: dict[str, str] = {}
        for actor in actors.values():
            for alias in (actor.name, *actor.aliases):
                if normalise_name(alias) not in self._not_actors:
                    self._alias_keys.setdefault(normalise_name(alias), actor.key)
        self._matchers: dict[int, tuple[Vocab, PhraseMatcher, PhraseMatcher]] = {}
        self._bodies: dict[str, dict[str, str]] | None = None

    def national_bodies(self, country: str) -> dict[str, str]:
        """The bodies of a country's state the dictionary names with the country's name
        before them, by the rest of that name: for USA, "supreme court" (of "United
        States Supreme Court"), "senate" (of "Us Senate"), "state department". Only the
        state's own (government, legislature, courts, forces, police): "American
        Airlines" gives no "airlines"."""
        if self._bodies is None:
            self._bodies = self._index_national_bodies()
        return self._bodies.get(country, {})

    def _index_national_bodies(self) -> dict[str, dict[str, str]]:
        bodies: dict[str, dict[str, str]] = defaultdict(dict)
        for actor in self.actors.values():
            code = actor.code or ""
            country = self.actors.get(code[:3])
            if actor.type != "organisation" or country is None or country.type != "country":
                continue
            if code[3:6] not in STATE_SECTORS:
                continue
            prefixes = {normalise_name(a) for a in (country.name, *country.aliases)}
            for alias in (actor.name, *actor.aliases):
                words = normalise_name(alias).split()
                for size in range(1, len(words)):
                    if " ".join(words[:size]) in prefixes:
                        for body in _both_orders(words[size:]):
                            bodies[country.key].setdefault(body, actor.key)
        return dict(bodies)

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = ()) -> ActorDictionary:
        """The packaged dictionary, plus actors from user files in the same formats.

        Without extra files the result is cached, so every caller shares one dictionary
        (and its matchers).
        """
        if not extra_paths:
            return _default_dictionary()
        return cls._from_files([*_packaged_paths(), *map(Path, extra_paths)])

    @classmethod
    def _from_files(cls, paths: Sequence[Path]) -> ActorDictionary:
        actors: dict[str, DictionaryActor] = {}
        leaders: dict[str, tuple[Leader, list[str]]] = {}
        for path in paths:
            columns, rows = _read_tsv(path)
            if tuple(columns[: len(ACTOR_COLUMNS)]) == ACTOR_COLUMNS:
                for row in rows:
                    _merge_actor(actors, row)
            elif tuple(columns[: len(PERSON_COLUMNS)]) == PERSON_COLUMNS:
                for row in rows:
                    _merge_leader(leaders, row)
            else:
                raise ValueError(f"{path}: header is neither {ACTOR_COLUMNS} nor {PERSON_COLUMNS}")
        return cls(actors, leaders.values(), people_rules())

    def actor(self, key: str) -> DictionaryActor | None:
        return self.actors.get(key)

    def key_for_alias(self, text: str) -> str | None:
        """The key of the actor called ``text`` (any alias, case-insensitive)."""
        return self._alias_keys.get(normalise_name(text))

    def leader(
        self,
        name: str,
        date: str | None = None,
        *,
        titled: bool = False,
    ) -> Leader | None:
        """The known person called ``name`` (full name or unambiguous alias).

        With a ``date``, a name several leaders share is the one in office then. A bare
        surname is a leader's only where the data gives it as an alias ("Putin",
        "Macron"): thousands of ministers share their surnames with words and other
        people ("Garrett", "Webb", "May", "Johnson"), even in a country the article names.
        One with a title in front ("President Bush", "the Bush administration") is a
        leader for sure: the one member of government bearing it on the date, else, or
        undated, the best-known namesake who ever governed (most aliases in the
        dictionary).
        """
        form = normalise_name(name)
        if date:
            holders = [leader for leader in self._namesakes.get(form, ()) if leader.in_office(date)]
            if len(holders) == 1:
                return holders[0]
        known = self._leaders.get(form)
        if known is not None or " " in form:
            return known
        if not titled:
            return None
        if date:
            governing = [
                leader
                for leader in self._surnames.get(form, ())
                if (leader.code_on(date) or "")[3:6] == GOVERNMENT
            ]
            if governing:
                return governing[0] if len(governing) == 1 else None
        governed = [
            leader for leader in self._surnames.get(form, ()) if GOVERNMENT in leader.sectors
        ]
        return max(governed, key=lambda leader: self._fame[leader], default=None)

    def is_well_known(self, leader: Leader) -> bool:
        """Whether the data gives the leader other names (spellings, a surname alone),
        as it does for the people the news names often ("Biden", "Joe Biden Jr.")."""
        return self._fame.get(leader, 0) > 0

    def matches(self, doc: Doc) -> list[DictionaryMatch]:
        """Every stretch of ``doc`` that names a dictionary actor, overlaps included."""
        _, exact, caseless = self._matchers_for(doc.vocab)
        found = []
        for matcher, must_check_case in ((exact, False), (caseless, True)):
            for match_id, start, end in matcher(doc):
                span = doc[start:end]
                key = doc.vocab.strings[match_id]
                if must_check_case and not _capitalised_like_alias(span, self, key):
                    continue
                found.append(DictionaryMatch(span, key))
        return found

    def _matchers_for(self, vocab: Vocab) -> tuple[Vocab, PhraseMatcher, PhraseMatcher]:
        cached = self._matchers.get(id(vocab))
        if cached is None:
            cached = (vocab, *self._build_matchers(vocab))
            self._matchers[id(vocab)] = cached
        return cached

    def _build_matchers(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
        tokenizer = English(vocab=vocab).tokenizer
        exact = PhraseMatcher(vocab, attr="ORTH")
        caseless = PhraseMatcher(vocab, attr="LOWER")
        for actor in self.actors.values():
            forms = list(dict.fromkeys((actor.name, *actor.aliases)))
            forms = [form for form in forms if normalise_name(form) not in self._not_actors]
            exact_forms = [form for form in forms if is_exact_alias(form)]
            caseless_forms = [form for form in forms if not is_exact_alias(form)]
            if exact_forms:
                exact.add(actor.key, list(tokenizer.pipe(exact_forms)))
            if caseless_forms:
                caseless.add(actor.key, list(tokenizer.pipe(caseless_forms)))
        return exact, caseless


def _demonym_plurals(actor: DictionaryActor) -> list[str]:
    """ "Albanians", "Pakistanis": the people of a country, from its one-word demonyms."""
    known = {actor.name, *actor.aliases}
    return [
        alias + "s"
        for alias in actor.aliases
        if " " not in alias
        and alias[:1].isupper()
        and alias.endswith(DEMONYM_ENDINGS)
        and alias + "s" not in known
    ]


def _surname(name: str) -> str | None:
    """The word a leader is called by alone: "Blondin-Andrew" whole (no "Andrew"), none
    for a regnal name ("Juan Carlos I") or a one-word one."""
    words = name.split()
    if len(words) < 2 or words[-1].lower().rstrip(".") in REGNAL or len(words[-1]) < 2:
        return None
    return normalise_name(words[-1])


def _index_leaders(leaders: Iterable[tuple[Leader, list[str]]]) -> dict[str, Leader]:
    """Leaders by full name and by every alias that names only one of them."""
    by_name: dict[str, Leader] = {}
    by_alias: dict[str, list[Leader]] = defaultdict(list)
    for leader, aliases in leaders:
        by_name.setdefault(normalise_name(leader.name), leader)
        for alias in aliases:
            by_alias[normalise_name(alias)].append(leader)
    unambiguous = {form: found[0] for form, found in by_alias.items() if len(found) == 1}
    return {**unambiguous, **by_name}


def _capitalised_like_alias(span: Span, dictionary: ActorDictionary, key: str) -> bool:
    """A caseless match must open with a capital unless its alias opens in lowercase.

    ("the Kremlin" may start with "the"; "Chad" must not match "chad"). A one-word match
    at the start of a sentence proves nothing by its capital, so there it must also be a
    proper noun or part of a named entity ("Nice weather" is no French city).
    """
    first = span[0]
    if first.text[:1].isupper():
        if len(span) == 1 and first.is_sent_start and first.pos_ != "PROPN":
            return bool(first.ent_type_)
        return True
    if first.lower_ in dictionary.people.name_particles and any(
        token.text[:1].isupper() for token in span[1:]
    ):
        return True  # "al-Qaeda", "de Klerk": a particle written small before the name
    actor = dictionary.actors[key]
    lowered = span.text.lower()
    return any(
        alias.lower() == lowered and alias[:1].islower() for alias in (actor.name, *actor.aliases)
    )


def _merge_actor(actors: dict[str, DictionaryActor], row: dict[str, str]) -> None:
    key = row["key"].strip()
    known = actors.get(key)
    aliases = _split_aliases(row.get("aliases"))
    if known is None:
        actors[key] = DictionaryActor(
            key=key,
            type=row["type"].strip(),
            name=row["name"].strip(),
            code=row.get("code", "").strip() or None,
            country=row.get("country", "").strip() or None,
            aliases=aliases,
        )
        return
    if row.get("name", "").strip():
        if known.name not in known.aliases:
            known.aliases.append(known.name)
        known.name = row["name"].strip()
    known.code = row.get("code", "").strip() or known.code
    known.country = row.get("country", "").strip() or known.country
    known.aliases.extend(alias for alias in aliases if alias not in known.aliases)


def _merge_leader(leaders: dict[str, tuple[Leader, list[str]]], row: dict[str, str]) -> None:
    """Rows for one name (PETRARCH lists some people twice) become one leader."""
    name = row["name"].strip()
    terms = tuple(
        term
        for term in (" ".join(part.split()) for part in row.get("terms", "").split(";"))
        if term and (" " not in term or TERM_DATES.fullmatch(term.partition(" ")[2]))
    )
    aliases = _split_aliases(row.get("aliases"))
    known = leaders.get(name)
    if known:
        leader, known_aliases = known
        terms = _restated(leader.terms, terms)
        aliases = list(dict.fromkeys((*known_aliases, *aliases)))
    leaders[name] = (Leader(name=name, country=row["country"].strip(), terms=terms), aliases)


def _restated(earlier: tuple[str, ...], later: tuple[str, ...]) -> tuple[str, ...]:
    """Both rows' terms, a later term with the code and start of an earlier one replacing
    it: how a hand-written row ends a term PETRARCH left open ("BELGOVDEV 2008-01-01.."
    restated as "BELGOVDEV 2008-01-01..2011-12-06")."""
    opening = {term.partition("..")[0]: term for term in later}
    merged = [opening.pop(term.partition("..")[0], term) for term in earlier]
    return tuple(dict.fromkeys((*merged, *later)))


def _packaged_paths() -> list[Path]:
    folder = resources.files(DATA_PACKAGE)
    return [Path(str(folder / name)) for name in (*ACTOR_FILES, *PERSON_FILES)]


@cache
def people_rules() -> PeopleRules:
    """The packaged words of people's titles and roles, one copy for every dictionary."""
    raw = tomllib.loads(resources.files(DATA_PACKAGE).joinpath(PEOPLE_RULES_FILE).read_text())
    return PeopleRules(
        titles=dict(raw["titles"]),
        modifiers=frozenset(word.lower() for word in raw["modifiers"]),
        role_nouns=tuple(sorted((n.lower() for n in raw["role_nouns"]), key=len, reverse=True)),
        family_name_first=frozenset(raw["family_name_first"]),
        name_particles=frozenset(raw["name_particles"]),
        governed_by=frozenset(raw["governed_by"]),
        place_directions=frozenset(raw["place_directions"]),
        given_name_titles=frozenset(word.lower() for word in raw["given_name_titles"]),
        state_bodies=frozenset(word.lower() for word in raw["state_bodies"]),
        body_titles=frozenset(word.lower() for word in raw["body_titles"]),
        credit_names=_credit_names(),
        past_modifiers=frozenset(word.lower() for word in raw["past_modifiers"]),
        left_office_modifiers=frozenset(raw["left_office_modifiers"]),
        title_states=dict(raw["title_states"]),
        title_abbreviations=dict(raw["title_abbreviations"]),
    )


def _credit_names() -> tuple[str, ...]:
    """The agencies that the cleaning rules know from photo credits (one list for both)."""
    rules = resources.files(CLEANING_DATA_PACKAGE).joinpath(CLEANING_RULES_FILE).read_text()
    credits = tomllib.loads(rules)["credits"]
    names = [*credits["agencies"], *(f"{a} Photo" for a in credits["agencies"])]
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _load_not_actor_names() -> frozenset[str]:
    raw = tomllib.loads(resources.files(DATA_PACKAGE).joinpath(NOT_ACTORS_FILE).read_text())
    return frozenset(normalise_name(name) for name in raw["names"])


@cache
def region_names() -> tuple[str, ...]:
    """Regions larger than a country that hold a country's name ("North American"),
    longest first: no part of them names that country."""
    raw = tomllib.loads(resources.files(DATA_PACKAGE).joinpath(NOT_ACTORS_FILE).read_text())
    return tuple(sorted(raw["regions"], key=len, reverse=True))


@cache
def _default_dictionary() -> ActorDictionary:
    return ActorDictionary._from_files(_packaged_paths())
