"""Write data/actors/countries_<lang>.tsv: every country's name in another language.

Names are CLDR's territory names as Babel ships them, keyed by the ISO alpha-3 code the
English dictionary (countries.tsv) uses, so "Россия" and "Russie" resolve to RUS as
"Russia" does. Demonyms, capitals and metonyms are hand-written in names_<lang>.tsv.

    python tools/build_language_names.py ru fr
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from babel import Locale
from babel.core import get_global

ACTORS = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "data" / "actors"


def english_country_keys() -> set[str]:
    with (ACTORS / "countries.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["key"] for row in reader if row["type"] == "country"}


def country_names(language: str, keys: set[str]) -> list[tuple[str, str]]:
    """(alpha-3 key, name) for every territory CLDR names and the dictionary knows."""
    aliases = get_global("territory_aliases")
    territories = Locale.parse(language).territories
    rows = []
    for alpha3 in sorted(keys):
        alpha2 = (aliases.get(alpha3) or [None])[0]
        name = territories.get(alpha2) if alpha2 else None
        if name:
            rows.append((alpha3, name))
    return rows


def main(languages: list[str]) -> None:
    keys = english_country_keys()
    for language in languages:
        path = ACTORS / f"countries_{language}.tsv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write("key\taliases\n")
            for key, name in country_names(language, keys):
                handle.write(f"{key}\t{name}\n")
        print(f"{path}: {len(country_names(language, keys))} countries")


if __name__ == "__main__":
    main(sys.argv[1:] or ["ru", "fr"])
