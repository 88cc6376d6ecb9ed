"""Stage 7: events, who did what to whom, coded in CAMEO and PLOVER.

``patterns`` loads the verb and group tables, ``arguments`` resolves the actors of a
verb, ``coder`` walks the parse and ``codebook`` adds PLOVER, Goldstein and QuadClass.
"""

from newsgraph.events.coder import extract_events

__all__ = ["extract_events"]
