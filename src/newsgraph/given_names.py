"""Common given names and the gender nearly all their bearers have, read once for the
stages that use them: actors (a PERSON whose first word is one is likely a person) and
quotes (which person "she" or "he" is). ``data/names/given_names.tsv`` is written from
nomquamgender's counts (MIT) by ``tools/build_given_names.py``."""

from __future__ import annotations

from functools import cache
from importlib import resources

GENDERS = {"f": "female", "m": "male", "": None}


@cache
def given_names() -> dict[str, str | None]:
    """Lowercased given name → "female", "male", or None where both are common."""
    source = resources.files("newsgraph") / "data" / "names" / "given_names.tsv"
    names: dict[str, str | None] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            names[name] = GENDERS[gender]
    return names
