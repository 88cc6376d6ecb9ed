"""Write data/quotes/given_name_genders.tsv: given names that nearly always name a woman,
or nearly always a man, so that "she" and "he" find their speaker where an article shows a
person's gender nowhere else (newsgraph.quotes.speakers).

The names and their shares are those of nomquamgender (MIT, Ian Van Buskirk), which counts
given names over many national and international sources. A name is kept when at least
``MIN_SOURCES`` sources and ``MIN_COUNT`` bearers give it (as for data/actors/given_names.txt)
and at most ``CERTAINTY`` of its bearers have the other gender: "Deborah" f, "Geraldo" m;
"Jean", "Kim" and "Ban" are left out.

    pip install nomquamgender==0.1.4 && python tools/build_name_genders.py
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "data" / "quotes"
MIN_SOURCES = 10
MIN_COUNT = 1000
CERTAINTY = 0.05


def main() -> None:
    data = json.loads((resources.files("nomquamgender") / "name_data.json").read_text("utf-8"))
    rows = []
    for name, (sources, count, share_female, *_) in sorted(data.items()):
        if sources < MIN_SOURCES or count < MIN_COUNT or not name.replace("-", "").isalpha():
            continue
        if share_female >= 1 - CERTAINTY:
            rows.append(f"{name}\tf")
        elif share_female <= CERTAINTY:
            rows.append(f"{name}\tm")
    header = (
        "# Given names and the gender nearly all their bearers have (f, m), from\n"
        "# nomquamgender 0.1.4 (MIT, Copyright (c) 2022 Ian Van Buskirk): at least\n"
        f"# {MIN_SOURCES} sources and {MIN_COUNT} bearers, at most {CERTAINTY:.0%} of the other"
        " gender.\n# Made by tools/build_name_genders.py; do not edit by hand.\n"
    )
    (OUT / "given_name_genders.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} given names")


if __name__ == "__main__":
    main()
