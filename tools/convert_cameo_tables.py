"""Convert the shared CAMEO codebook and CAMEO->PLOVER table into the TSV files the coder loads.

Run from the repository root::

    python tools/convert_cameo_tables.py ../shared/data/events src/newsgraph/data/events

The shared files are free-form text (``LABEL: 010= Make statement``,
``051: SUPPORT,  , diplomatic # Praise or endorse``); the package reads plain
TSV so that loading stays a few lines of stdlib code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT_HEADER = re.compile(r"^//(\d{2})[:=]\s*(.+)$")
LABEL_LINE = re.compile(r"^LABEL(i?):\s*(\d{2,4})=\s*(.+)$")
PLOVER_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#\s*(.*)$")


def convert_codebook(source: Path) -> list[tuple[str, str]]:
    """(code, label) rows: the last CAMEO label (typo fixes follow the original) wins,
    and an ICEWS revision (``LABELi``) only fills codes CAMEO lacks."""
    labels: dict[str, str] = {}
    revised: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if header := ROOT_HEADER.match(line):
            labels.setdefault(header.group(1), header.group(2).strip().capitalize())
        elif label := LABEL_LINE.match(line):
            if label.group(1):
                revised.setdefault(label.group(2), label.group(3).strip())
            else:
                labels[label.group(2)] = label.group(3).strip()
    for code, label in revised.items():
        labels.setdefault(code, label)
    return sorted(labels.items())


def convert_plover(source: Path) -> list[tuple[str, str, str, str]]:
    """(code, category, mode, context) rows, first mapping of each code kept."""
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if match := PLOVER_LINE.match(line.strip()):
            code, category, mode, context, _label = (part.strip() for part in match.groups())
            rows.setdefault(code, (code, category, mode, context))
    return sorted(rows.values())


def write_tsv(path: Path, header: str, credit: str, rows: list[tuple[str, ...]]) -> None:
    lines = [f"# {credit}", header, *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(shared: Path, target: Path) -> None:
    write_tsv(
        target / "cameo_codebook.tsv",
        "cameo\tlabel",
        "CAMEO 0.7b5 codebook, from openeventdata/text_to_CAMEO (MIT); see README.md",
        convert_codebook(shared / "cameo_codebook.txt"),
    )
    write_tsv(
        target / "cameo2plover.tsv",
        "cameo\tplover\tmode\tcontext",
        "CAMEO2PLOVER-2021 by Philip Schrodt, openeventdata/PLOVER (CC BY-SA 4.0); see README.md",
        convert_plover(shared / "cameo2plover.txt"),
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
