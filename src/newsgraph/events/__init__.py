"""Stage 7: events, who did what to whom, coded in CAMEO and PLOVER.

``patterns`` loads the verb and group tables, ``phrases`` reads noun phrases,
``arguments`` resolves the actors of a verb, ``coder`` walks the parse with ``acts``,
``clauses``, ``targets``, ``modality`` and ``senses``, ``event_record`` builds the record,
``codebook`` adds PLOVER, Goldstein and QuadClass and ``confidence`` scores it.
``extract_events`` is imported on first use, so that readers of the store that only
need ``confidence.DEFAULT_THRESHOLD`` (the CLI's listings, the API) do not load spaCy.
"""

from typing import Any

__all__ = ["extract_events"]


def __getattr__(name: str) -> Any:
    if name == "extract_events":
        from newsgraph.events.coder import extract_events

        return extract_events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
