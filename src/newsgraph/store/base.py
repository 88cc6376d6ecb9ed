"""The store's query surface, independent of any database dialect.

The pipeline, CLI, API and exports code against ``Store`` only, so that a
PostgreSQL backend can sit beside the SQLite one without touching them. Reads
return plain JSON-ready dicts and lists: callers never see rows or SQL.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from types import TracebackType
from typing import Any, Self

from newsgraph.records import Story, StoryFacts

JsonDict = dict[str, Any]


class StoreError(Exception):
    """Something the store could not do; the message says which story or URL."""


class StoreIntegrityError(StoreError):
    """A write broke a constraint (unknown actor, bad offsets); nothing was written."""


class UnsupportedStoreURL(StoreError, ValueError):
    """The store URL names a database this version cannot open."""


class Store(ABC):
    """Stories, their article versions and facts: written per story, read as dicts."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""

    @property
    @abstractmethod
    def schema_version(self) -> int:
        """The number of the last migration applied."""

    # --- writes (pipeline) ---

    @abstractmethod
    def has_article(self, article_id: str) -> bool:
        """Whether this exact content is stored, so that ingesting it again is skipped."""

    @abstractmethod
    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, if it is stored."""

    @abstractmethod
    def load_story(self, story_id: str) -> Story | None:
        """The story with its article versions rebuilt, so a new version can join it."""

    @abstractmethod
    def story_signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """(article_id, story_id, MinHash signature) of every stored article with one."""

    @abstractmethod
    def save_story(
        self, story: Story, signatures: dict[str, bytes], facts: StoryFacts | None
    ) -> None:
        """Write a story, its new articles and (when given) its facts in one transaction.

        Facts replace the story's previous facts; actors are merged globally.
        Saving the same story twice leaves the store unchanged. Raises
        ``StoreIntegrityError`` (and writes nothing) when a record breaks a constraint.
        """

    # --- reads (CLI, API, export) ---

    @abstractmethod
    def stories(self) -> list[JsonDict]:
        """Every story with its versions and fact counts, ordered by date then id."""

    @abstractmethod
    def story(self, story_id: str) -> JsonDict | None:
        """One story with its canonical text, the actors it mentions and its facts.

        Each actor's ``mentions`` here counts its mentions in this story.
        """

    @abstractmethod
    def actors(self) -> list[JsonDict]:
        """Every actor with aliases, roles and mention count, most mentioned first."""

    @abstractmethod
    def actor(self, name_or_key: str) -> JsonDict | None:
        """The actor a key, name or alias names, with its quotes and events."""

    @abstractmethod
    def quotes(self, speaker: str | None = None) -> list[JsonDict]:
        """Quotes, optionally only those of a speaker (actor key, name, alias or words)."""

    @abstractmethod
    def events(self, actor: str | None = None, cameo_root: str | None = None) -> list[JsonDict]:
        """Events, optionally only those involving an actor and/or with a CAMEO root."""

    @abstractmethod
    def claims(self) -> list[JsonDict]:
        """Every claim with the sentence it was stated in."""

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[JsonDict]:
        """Full-text search over article bodies; any user text is a safe query."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """How many stories, articles, actors, quotes, events and claims are stored."""
