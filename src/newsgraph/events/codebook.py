"""CAMEO code lookups: label, PLOVER category, Goldstein score and QuadClass.

The tables live in ``data/events`` (see its README for sources and licences).
A code missing from a table falls back to its parent (``0234`` -> ``023`` -> ``02``),
since CAMEO codes are hierarchical and the tables do not list every leaf.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import TypeVar

DATA_DIR = resources.files("newsgraph") / "data" / "events"

# CAMEO roots 01-05 are verbal cooperation, 06-08 material cooperation,
# 09-13 verbal conflict and 14-20 material conflict.
QUAD_CLASS_BOUNDS = ((5, 1), (8, 2), (13, 3), (20, 4))

Value = TypeVar("Value")


def _read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file; lines starting with ``#`` are credits and notes."""
    text = DATA_DIR.joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def _labels() -> dict[str, str]:
    return {row["cameo"]: row["label"] for row in _read_tsv("cameo_codebook.tsv")}


@cache
def _plover() -> dict[str, str]:
    table = {row["cameo"]: row["plover"] for row in _read_tsv("plover_roots.tsv")}
    table.update({row["cameo"]: row["plover"] for row in _read_tsv("cameo2plover.tsv")})
    return table


@cache
def _goldstein() -> dict[str, float]:
    return {row["cameo"]: float(row["goldstein"]) for row in _read_tsv("goldstein.tsv")}


def _lookup(table: dict[str, Value], code: str) -> Value | None:
    """The entry for ``code`` or its nearest listed parent; a root is listed either as
    itself (``17``) or as its unspecified code (``170``, so PETRARCH2's ``176``, a code
    newer than the codebook, still has its root's category)."""
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return table.get(code[:2] + "0")


def is_known(code: str) -> bool:
    """Whether ``code`` is a CAMEO event code of the codebook."""
    return code in _labels()


def label(code: str) -> str | None:
    """The codebook label of ``code`` (``141`` -> ``Demonstrate or rally``)."""
    return _labels().get(code)


def plover(code: str) -> str | None:
    """The PLOVER category of ``code`` (``074`` -> ``AID``); None for statements (01)."""
    return _lookup(_plover(), code)


def goldstein(code: str) -> float | None:
    """The Goldstein score of ``code``, from -10 (most hostile) to +10 (most cooperative)."""
    return _lookup(_goldstein(), code)


def quad_class(code: str) -> int | None:
    """QuadClass 1-4 from the CAMEO root (verbal/material cooperation/conflict)."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    root = int(code[:2])
    return next((quad for bound, quad in QUAD_CLASS_BOUNDS if 1 <= root <= bound), None)
