"""Stage 5: who acts in an article. A dictionary as data, and a resolver over spaCy docs."""

from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.index import ActorIndex
from newsgraph.actors.resolver import resolve_actors

__all__ = ["ActorDictionary", "ActorIndex", "resolve_actors"]
