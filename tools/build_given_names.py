"""Write data/names/given_names.tsv: given names common enough to tell a person's name,
each with the gender nearly all its bearers have (f, m) or none where both are common.

The names and their shares are those of nomquamgender (MIT, Ian Van Buskirk), which counts
given names over many national and international sources. A name counts when at least
``MIN_SOURCES`` sources and ``MIN_COUNT`` bearers give it: "Kate", "Guido", "Ahmad" do;
"WeWork", "Sportback" and "Logar" are no given names, and rare ones ("Moon", "Apple",
"Tesla") are left out because news uses them for other things. Its gender is given only
when at most ``CERTAINTY`` of its bearers have the other: "Deborah" f, "Geraldo" m; "Jean",
"Kim" and "Ban" none.

Read by the actors stage (a PERSON whose first word is a given name is likely a person)
and the quotes stage (which person "she" or "he" is, where the article shows no gender).

    pip install nomquamgender==0.1.4 && python tools/build_given_names.py
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "data" / "names"
MIN_SOURCES = 10
MIN_COUNT = 1000
CERTAINTY = 0.05


def gender(share_female: float) -> str:
    if share_female >= 1 - CERTAINTY:
        return "f"
    if share_female <= CERTAINTY:
        return "m"
    return ""


def main() -> None:
    data = json.loads((resources.files("nomquamgender") / "name_data.json").read_text("utf-8"))
    rows = [
        f"{name}\t{gender(share_female)}"
        for name, (sources, count, share_female, *_) in sorted(data.items())
        if sources >= MIN_SOURCES and count >= MIN_COUNT and name.replace("-", "").isalpha()
    ]
    header = (
        "# Given names from nomquamgender 0.1.4 (MIT, Copyright (c) 2022 Ian Van Buskirk):\n"
        f"# at least {MIN_SOURCES} sources and {MIN_COUNT} bearers; the gender (f, m) where at"
        f" most {CERTAINTY:.0%}\n# of its bearers have the other, else empty.\n"
        "# Made by tools/build_given_names.py; do not edit by hand.\n"
    )
    (OUT / "given_names.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} given names")


if __name__ == "__main__":
    main()
