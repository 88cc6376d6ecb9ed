"""Stage 3: group articles into stories (versions of one article, merged metadata)."""

from newsgraph.stories.merge import add_version
from newsgraph.stories.versions import Signature, VersionIndex

__all__ = ["Signature", "VersionIndex", "add_version"]
