"""Convert the PETRARCH2 actor dictionaries into newsgraph's actor data files.

Run once when the source dictionaries change; the runtime reads only the output:

    python tools/build_actor_dictionary.py \
        ../shared/data/events/dictionaries/Phoenix.Countries.actors.txt \
        src/newsgraph/data/actors \
        --organisations ../shared/data/events/dictionaries/Phoenix.International.actors.txt \
                        ../shared/data/events/dictionaries/Phoenix.MilNonState.actors.txt

writes ``countries.tsv`` (one row per country: ISO alpha-3 key, name, aliases),
``persons.tsv`` (leaders and elites with their CAMEO codes and dated terms) and, from
the international and non-state files, ``organisations_petrarch.tsv`` (IGOs, NGOs,
armed groups with their CAMEO codes: "the PLO" -> PSEREB, "Hamas") and
``persons_international.tsv`` (heads of IGOs with dated terms: Kofi Annan -> IGOUNO).
Aliases the hand-written files already give, aliases under three characters and
one-word aliases other than the name, an acronym or a spelling of the name
("Hizbullah") are left out, so a hand-written entry always wins and no common word
(Hezbollah's "Party") becomes an actor.
Institutions of countries in the country file (ministries, agencies, armies, armed
groups: "Free Syrian Army" -> SYRREB) join the organisations with the code they have now.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

CODE_PATTERN = re.compile(r"\[([A-Z-]+)(?:\s+([^\]]*))?\]")
SMALL_WORDS = {"of", "the", "and", "de", "du", "da", "del", "la", "le", "el", "y", "van", "von"}
VOWELS = set("AEIOUY")
PERSON_MARKER = "CountryInfo"
# Codes PETRARCH uses that ISO 3166 spells differently, and entries that are no country.
ISO_CODES = {"TMP": "TLS", "ANG": "AGO"}
# "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_": a name with its acronym in brackets.
ACRONYM_IN_BRACKETS = re.compile(r"([^()]+?)_*\(([A-Z][A-Z0-9.&-]+)\)_*")
NOT_COUNTRIES = {"KNT", "---"}  # Kinakuta, a fictional test country; "no code"
# CAMEO sector codes: an institution of a country ("RUSSIAN_FEDERAL_ASSEMBLY [RUSLEG]").
SECTOR_CODES = {
    *("GOV", "MIL", "REB", "OPP", "COP", "LEG", "JUD", "SPY", "ELI", "EDU", "BUS", "MED"),
    *("CVL", "LAB", "AGR", "HLH", "REF", "REL", "RAD", "UAF", "PTY", "CRM", "DEV", "HRI"),
}
# Continents named after a country's demonym.
CONTINENTS = {
    f"{part} {name}"
    for part in ("latin", "central", "south", "north")
    for name in ("america", "american")
}
# Code prefixes that are no region: international, non-governmental, multinational
# and international militant actors keep their code whatever their name says.
NOT_PLACED = {"IGO", "NGO", "MNC", "IMG"}
# Undated codes that follow a person's dated terms: what they are once out of office.
AFTER_OFFICE = {"ELI", "---"}
COUNTRY_HEADER = ["key", "type", "name", "code", "country", "aliases"]
PERSON_HEADER = ["name", "country", "terms", "aliases"]
# How alike two one-word names must be to count as spellings of one ("Hizbollah").
SPELLING_SIMILARITY = 0.7


@dataclass
class Entry:
    """One dictionary entry: a head phrase, its synonyms and its dated codes."""

    head: str
    comment: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


def parse_entries(text: str) -> list[Entry]:
    """Split the TABARI .actors format into entries (head line, ``+`` synonyms, code lines)."""
    entries: list[Entry] = []
    for raw_line in text.splitlines():
        line, _, comment = raw_line.partition("#")
        if not line.strip():
            continue
        codes = CODE_PATTERN.findall(line)
        phrase = CODE_PATTERN.sub("", line).strip()
        if raw_line[0].isspace() or not phrase:
            if entries:
                entries[-1].codes.extend(codes)
        elif phrase.startswith("+"):
            if entries:
                entries[-1].aliases.append(phrase[1:].strip())
                entries[-1].codes.extend(codes)
        else:
            entries.append(Entry(head=phrase, comment=comment, codes=list(codes)))
    return entries


def surface_form(phrase: str) -> str:
    """``NUR-SULTAN_`` -> ``Nur-Sultan``; short or vowel-less single words stay acronyms."""
    words = [w for w in re.split(r"[_\s]+", phrase) if w]
    if len(words) == 1 and ("." in words[0] or len(words[0]) <= 3 or not VOWELS & set(words[0])):
        return words[0]
    shaped = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index and lower in SMALL_WORDS:
            shaped.append(lower)
        else:
            shaped.append("-".join(part[:1].upper() + part[1:] for part in lower.split("-")))
    return " ".join(shaped)


def iso_date(value: str) -> str:
    """``20000507`` or CountryInfo's ``000507`` (yymmdd) as ``2000-05-07``."""
    if len(value) == 6:
        century = "20" if int(value[:2]) <= 20 else "19"
        value = century + value
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def term(code: str, dates: str) -> str:
    """A code with its date range as ``CODE start..end`` (either end may be open)."""
    dates = dates.strip()
    if not dates:
        return code
    if dates.startswith(">"):
        return f"{code} {iso_date(dates[1:])}.."
    if dates.startswith("<"):
        return f"{code} ..{iso_date(dates[1:])}"
    start, _, end = dates.partition("-")
    return f"{code} {iso_date(start)}..{iso_date(end)}"


def is_country(entry: Entry) -> str | None:
    """The ISO code when the entry names a country as it stands now.

    A three-letter code with no dates, or one open towards today (``[ARM >911221]``).
    """
    for code, dates in entry.codes:
        if code in SECTOR_CODES | AFTER_OFFICE:
            continue  # "[ELI]" after a person's terms
        if len(code) == 3 and (not dates.strip() or dates.strip().startswith(">")):
            return None if code in NOT_COUNTRIES else ISO_CODES.get(code, code)
    return None


def is_person(entry: Entry) -> bool:
    """CountryInfo leaders are marked; other people are short names with dated codes only."""
    if PERSON_MARKER in entry.comment:
        return True
    words = entry.head.strip("_").split("_")
    dated = [code for code, dates in entry.codes if dates.strip()]
    undated = [code for code, dates in entry.codes if not dates.strip()]
    return (
        bool(dated)
        and all(len(code) > 3 for code in dated)
        # "[ELI]" after the terms: an elite once out of office ("Kofi Annan").
        and all(code in AFTER_OFFICE for code in undated)
        and len(words) <= 4
        and not {"OF", "THE", "AND"} & set(words)
    )


def build_countries(entries: list[Entry]) -> list[list[str]]:
    """One row per country code; aliases claimed by two countries are dropped as ambiguous.

    The name is the head of the country's largest entry (its main block, not a city).
    """
    names: dict[str, str] = {}
    block_sizes: dict[str, int] = {}
    aliases: dict[str, list[str]] = defaultdict(list)
    regions = []
    for entry in entries:
        code = is_country(entry)
        if not code:
            regions += [entry] if region_of(entry) else []
            continue
        if code not in names or len(entry.aliases) > block_sizes[code]:
            names[code] = surface_form(entry.head)
            block_sizes[code] = len(entry.aliases)
        for phrase in [entry.head, *entry.aliases]:
            if "(" not in phrase:
                aliases[code].append(surface_form(phrase))
    for entry in regions:
        # "GAZA_ [PSEGZA]": a region of a country names the country, as its cities do;
        # one coded as a territory with its own ISO code ("GREENLAND_ [DNKGRL]") is left
        # to that code's own entry.
        region = region_of(entry)
        if region and region[:3] in names and region[3:] not in names:
            forms = [surface_form(p) for p in [entry.head, *entry.aliases] if "(" not in p]
            aliases[region[:3]] += [f for f in forms if not _names_another(f, region[:3], names)]
    owners: dict[str, set[str]] = defaultdict(set)
    for code, forms in aliases.items():
        for form in forms:
            owners[form].add(code)
    rows = []
    for code in sorted(names):
        kept = [
            form
            for form in dict.fromkeys(aliases[code])
            if form != names[code] and (len(owners[form]) == 1 or names.get(code) == form)
        ]
        rows.append([code, "country", names[code], code, code, "|".join(kept)])
    return rows


def _names_another(form: str, code: str, names: dict[str, str]) -> bool:
    """Whether a region's name starts with another country's ("Samoan" is no American)."""
    lowered = form.lower()
    return any(lowered.startswith(name.lower()) for key, name in names.items() if key != code)


def region_of(entry: Entry) -> str | None:
    """The undated code of an entry that names a region of a country (``PSEGZA``)."""
    for code, dates in entry.codes:
        if len(code) == 6 and not dates.strip() and code[3:] not in SECTOR_CODES:
            return code
    return None


def build_persons(entries: list[Entry]) -> list[list[str]]:
    """One row per person: name, the country most of its codes name, every term, aliases."""
    rows = []
    for entry in entries:
        if is_country(entry) or not is_person(entry):
            continue
        codes = [(code, dates) for code, dates in entry.codes if code not in AFTER_OFFICE]
        # A post in an international organisation ("IGOUNO" for a UN Secretary-General)
        # is a term like any other; the person's own country is the one their national
        # codes name, none when they have only international ones.
        countries = Counter(code[:3] for code, _ in codes if len(code) >= 3)
        national = Counter({code: n for code, n in countries.items() if code != "IGO"})
        if not countries:
            continue
        name = surface_form(entry.head)
        terms = "; ".join(dict.fromkeys(term(code, dates) for code, dates in codes))
        alias_forms = dict.fromkeys(surface_form(a) for a in entry.aliases)
        alias_forms.pop(name, None)
        country = national.most_common(1)[0][0] if national else ""
        rows.append([name, country, terms, "|".join(alias_forms)])
    return rows


def institutions(entries: list[Entry]) -> list[Entry]:
    """Institutions and armed groups of the country file ("FREE_SYRIAN_ARMY_ [SYRREB]",
    "DGSE [FRASPY]", the ISIL block [IMGMUSISI]), taken with the code they have now;
    an undated elite ([AUSELI]) is a person, left out."""
    return [
        entry
        for entry in entries
        if not is_country(entry)
        and not is_person(entry)
        and not region_of(entry)
        and not (organisation_code(entry) or "").endswith("ELI")
    ]


def organisation_code(entry: Entry) -> str | None:
    """The code an organisation has now: an undated one, else the one open towards today."""
    undated = [code for code, dates in entry.codes if not dates.strip()]
    current = [code for code, dates in entry.codes if dates.strip().startswith(">")]
    return (undated or current or [None])[0]


def build_organisations(entries: list[Entry], known: set[str]) -> list[list[str]]:
    """One row per coded organisation; aliases already ``known`` (normalised) are dropped."""
    rows = []
    keys: set[str] = set()
    for entry in entries:
        code = organisation_code(entry)
        if not code or is_person(entry) or len(code) <= 3:
            continue
        if code[:3] in ISO_CODES:
            code = ISO_CODES[code[:3]] + code[3:]  # "Unita" [ANGREB]: Angola's old code
        # Only the head's acronym: an alias's ("Peoples Liberation Army (PLA)" under the
        # INLA) would take a better-known one from its owner.
        forms = [
            form
            for index, phrase in enumerate((entry.head, *entry.aliases))
            for form in name_forms(phrase)[: 2 if index == 0 else 1]
        ]
        if not forms:
            continue
        name = forms[0]
        key = "org:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        kept = [
            form
            for index, form in enumerate(dict.fromkeys(forms))
            if len(form.replace(".", "")) >= 3
            and normalise(form) not in known
            # A one-word alias other than the name itself may be a common word ("Party"),
            # unless it is a spelling of the name ("Hizbullah" for Hezbollah).
            and (index == 0 or " " in form or form.isupper() or is_spelling_of(form, name))
        ]
        if not kept or key in keys:
            continue
        keys.add(key)
        known.update(normalise(form) for form in kept)
        rows.append([key, "organisation", kept[0], code, "", "|".join(kept[1:])])
    return rows


def name_forms(phrase: str) -> list[str]:
    """The names a phrase gives: ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` is "Aden Abyan
    Islamic Army" and "AAIA"; any other bracket makes it no name."""
    found = ACRONYM_IN_BRACKETS.fullmatch(phrase.strip())
    if found:
        return [surface_form(found.group(1)), found.group(2)]
    return [] if "(" in phrase else [surface_form(phrase)]


def placed_by_name(row: list[str], countries: list[list[str]]) -> list[str]:
    """A group PETRARCH codes by region whose name gives its country: "Palestinian
    Islamic Jihad" [MEAREB] is PSEREB, "Egyptian Islamic Jihad" [INTREB] EGYREB."""
    codes = {country[0] for country in countries}
    code = row[3]
    if code[:3] in codes or code[:3] in NOT_PLACED:
        return row
    names = {
        form.lower(): country[0]
        for country in countries
        for form in [country[2], *country[5].split("|")]
        if form
    }
    words = row[2].lower().split()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            if len(phrase) < 4 or (start and f"{words[start - 1]} {phrase}" in CONTINENTS):
                continue  # "Us" is no US, "Latin American" no American
            if found := names.get(phrase):
                return [*row[:3], found + code[3:], *row[4:]]
    return row


def is_spelling_of(form: str, name: str) -> bool:
    """Whether ``form`` is another transliteration of ``name`` (most letters shared, in order)."""
    return SequenceMatcher(None, form.lower(), name.lower()).ratio() >= SPELLING_SIMILARITY


def normalise(name: str) -> str:
    """The same normalisation the runtime uses to look names up (case, hyphens, "the")."""
    words = name.lower().replace("-", " ").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def known_aliases(out_dir: Path) -> set[str]:
    """Every name and alias of the hand-written and country files, normalised."""
    known = set()
    for name in ("countries.tsv", "countries_curated.tsv", "organisations.tsv"):
        lines = (out_dir / name).read_text(encoding="utf-8").splitlines()[1:]
        for line in lines:
            columns = line.split("\t")
            known.update(normalise(a) for a in [columns[2], *columns[5].split("|")] if a)
    return known


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    lines = ["\t".join(header), *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="Phoenix.Countries.actors.txt")
    parser.add_argument("out_dir", type=Path, help="src/newsgraph/data/actors")
    parser.add_argument(
        "--organisations", type=Path, nargs="*", default=[], help="international/non-state files"
    )
    args = parser.parse_args()
    entries = parse_entries(args.source.read_text(encoding="utf-8", errors="replace"))
    countries = build_countries(entries)
    persons = build_persons(entries)
    write_tsv(args.out_dir / "countries.tsv", COUNTRY_HEADER, countries)
    write_tsv(args.out_dir / "persons.tsv", PERSON_HEADER, persons)
    print(f"{len(countries)} countries, {len(persons)} persons -> {args.out_dir}")
    if args.organisations:
        others = [
            entry
            for path in args.organisations
            for entry in parse_entries(path.read_text(encoding="utf-8", errors="replace"))
        ]
        organisations = build_organisations(
            [*others, *institutions(entries)], known_aliases(args.out_dir)
        )
        organisations = [placed_by_name(row, countries) for row in organisations]
        heads = build_persons(others)
        write_tsv(args.out_dir / "organisations_petrarch.tsv", COUNTRY_HEADER, organisations)
        write_tsv(args.out_dir / "persons_international.tsv", PERSON_HEADER, heads)
        print(f"{len(organisations)} organisations, {len(heads)} persons of IGOs and groups")


if __name__ == "__main__":
    main()
