"""A story's versions and the metadata merged across them.

The most complete version (most body words) is canonical, since NLP runs on it
alone; metadata a version lacks is taken from the others: the date from one
copy, the publisher from another.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.records import Article, Story


def _most_common(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    return Counter(present).most_common(1)[0][0] if present else None


def add_version(story: Story | None, article: Article) -> Story:
    """The story with ``article`` added (a new story when ``story`` is None)."""
    if story is None:
        story = Story(id=article.id, versions=[], canonical_id=article.id)
    if all(version.id != article.id for version in story.versions):
        story.versions.append(article)
    canonical = max(story.versions, key=lambda a: (a.word_count, len(a.captions), a.id))
    story.canonical_id = canonical.id
    dates = sorted(v.published for v in story.versions if v.published)
    story.published = dates[0] if dates else None
    ordered = [canonical, *(v for v in story.versions if v is not canonical)]
    story.publisher = canonical.publisher or _most_common([v.publisher for v in ordered])
    story.title = canonical.title or next((v.title for v in ordered if v.title), None)
    return story
