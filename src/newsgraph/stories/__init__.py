"""Stage 3: group articles into stories (versions of one article, merged metadata),
and stories into same-story groups (different articles about one event)."""

from newsgraph.stories.merge import add_version
from newsgraph.stories.same_story import Profile, SameStoryIndex
from newsgraph.stories.story_facts import canonical_places, version_mentions
from newsgraph.stories.versions import Signature, VersionIndex

__all__ = [
    "Profile",
    "SameStoryIndex",
    "Signature",
    "VersionIndex",
    "add_version",
    "canonical_places",
    "version_mentions",
]
