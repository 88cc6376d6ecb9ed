"""How surely a quote's speaker was found, from how the attribution was found and what
kind of phrase names the speaker; the factors are data, in ``data/quotes/confidence.toml``."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

# Quotes shown by default: below are one-word fragments (a word quoted in the reporter's
# sentence) and quotes whose speaker was not found. On PolNeAR's held-apart articles the
# shown quotes' precision is 97.2 % (93.4 % for all) and their speakers 90.5 % right.
DEFAULT_THRESHOLD = 0.5


def is_shown(confidence: float | None, threshold: float | None) -> bool:
    """Whether a quote of ``confidence`` is listed at ``threshold`` (None: every quote).
    A quote whose confidence was never measured (stored before migration 0011 gave
    quotes one) is not known to be unsure, and is shown; the store's listings say the
    same in SQL (QUOTE_SHOWN)."""
    return threshold is None or confidence is None or confidence >= threshold


@cache
def _factors() -> dict[str, dict[str, float]]:
    """The factors of ``confidence.toml``: by how the speaker was found, and by its kind."""
    source = resources.files("newsgraph") / "data" / "quotes" / "confidence.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))


def confidence(how: str, kind: str | None, one_word: bool = False) -> float:
    """The confidence (0 to 1) of a speaker found ``how`` (subject, inverted, label,
    colon, according, preceding, context, carried, woven, repeated, none) by a phrase of
    ``kind`` (name, unnamed, document, pronoun, description, unresolved; None for no
    speaker phrase), lowered for a ``one_word`` fragment and, for a carried speaker, by
    its kind."""
    factors = _factors()
    if kind is None:
        return factors["how"]["none" if how in ("carried", "none") else "cue"]
    quoted = factors["quote"]["one_word"] if one_word else 1.0
    carried = factors["carried"].get(kind, 1.0) if how == "carried" else 1.0
    return round(factors["how"][how] * factors["speaker"][kind] * quoted * carried, 2)
