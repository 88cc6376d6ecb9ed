"""Write data/actors/given_names.txt: given names common enough to tell a person's name.

The names are those of nomquamgender (MIT, Ian Van Buskirk), which counts given names
over many national and international sources. A name counts when at least
``MIN_SOURCES`` sources and ``MIN_COUNT`` bearers give it: "Kate", "Guido", "Ahmad" do;
"WeWork", "Sportback" and "Logar" are no given names, and rare ones ("Moon", "Apple",
"Tesla") are left out because news uses them for other things.

    pip install nomquamgender==0.1.4 && python tools/build_given_names.py
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "data" / "actors"
MIN_SOURCES = 10
MIN_COUNT = 1000


def main() -> None:
    data = json.loads((resources.files("nomquamgender") / "name_data.json").read_text("utf-8"))
    names = sorted(
        name
        for name, (sources, count, *_) in data.items()
        if sources >= MIN_SOURCES and count >= MIN_COUNT and name.replace("-", "").isalpha()
    )
    header = (
        "# Given names from nomquamgender 0.1.4 (MIT, Copyright (c) 2022 Ian Van Buskirk):\n"
        f"# at least {MIN_SOURCES} sources and {MIN_COUNT} bearers. Made by\n"
        "# tools/build_given_names.py; do not edit by hand.\n"
    )
    (OUT / "given_names.txt").write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names")


if __name__ == "__main__":
    main()
