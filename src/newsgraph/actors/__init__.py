"""Stage 5: who acts in an article. A dictionary as data, and a resolver over spaCy docs.

The resolver and its dictionary are imported on first use, so that readers of the store
that only need ``confidence.DEFAULT_THRESHOLD`` and ``is_shown`` (the CLI's listings, the
API) do not load spaCy.
"""

from importlib import import_module
from typing import Any

__all__ = ["ActorDictionary", "ActorIndex", "resolve_actors"]

_HOMES = {
    "ActorDictionary": "newsgraph.actors.dictionary",
    "ActorIndex": "newsgraph.actors.index",
    "resolve_actors": "newsgraph.actors.resolver",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
