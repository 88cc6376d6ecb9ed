"""The store's query surface, independent of any database dialect.

The pipeline, CLI, API and exports code against ``Store`` only, so that a
PostgreSQL backend can sit beside the SQLite one without touching them. Reads
return plain JSON-ready dicts and lists: callers never see rows or SQL.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from newsgraph.records import FactMention, SameStoryPlacement, Story, StoryFacts

JsonDict = dict[str, Any]


class StoreError(Exception):
    """Something the store could not do; the message says which story or URL."""


class StoreIntegrityError(StoreError):
    """A write broke a constraint (unknown actor, bad offsets); nothing was written."""


class StoreBusy(StoreError):
    """Another ingest is writing this store; running a second one at once is refused."""


class UnsupportedStoreURL(StoreError, ValueError):
    """The store URL names a database this version cannot open."""


@dataclass(frozen=True)
class Filters:
    """What a workbench query narrows to; a field left None means any.

    ``actor`` is a key, name or alias (source or target of an event, mentioned in
    a story); ``source`` and ``target`` are exact actor keys (one edge of the
    network). Dates are ISO ``YYYY-MM-DD`` and both ends are included; for stories
    they are the story's date, or, when an event filter is set, its events' dates.
    ``min_confidence`` keeps events at or above that confidence (events/confidence.py);
    it narrows stories only together with another event filter.
    """

    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    publisher: str | None = None
    cameo_root: str | None = None  # a CAMEO code prefix of any depth (19, 190, 1901)
    plover: str | None = None
    quad_class: int | None = None
    min_confidence: float | None = None


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
    def ingest_lock(self) -> AbstractContextManager[None]:
        """Held by an ingest for its whole run: one ingest at a time per store, since
        two at once would each store the same stories. Raises ``StoreBusy`` at once when
        another process holds it; re-entrant within this store object."""

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
        self,
        story: Story,
        signatures: dict[str, bytes],
        facts: StoryFacts | None,
        fact_mentions: list[FactMention] | None = None,
        same_story: SameStoryPlacement | None = None,
    ) -> None:
        """Write a story, its new articles and (when given) its facts in one transaction.

        Facts replace the story's previous facts; actors are merged globally.
        The versions that repeat a fact come with the facts, or, when the facts stay,
        as ``fact_mentions`` (replacing the story's previous ones). ``same_story``
        records the story's level-2 group and the new groups of other stories it moved.
        Saving the same story twice leaves the store unchanged. Raises
        ``StoreIntegrityError`` (and writes nothing) when a record breaks a constraint.
        """

    @abstractmethod
    def fact_sentences(self, story_id: str) -> list[FactMention]:
        """Where each stored quote and event of the story sits in its canonical article."""

    @abstractmethod
    def same_story_profiles(self) -> Iterator[tuple[str, str, str]]:
        """(story_id, group_id, profile JSON) of every placed story, in placement order."""

    # --- web input memory (read.fetch.FetchMemory) ---

    @abstractmethod
    def fetch_validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) of the last fetch of ``url``, or None if never fetched."""

    @abstractmethod
    def remember_fetches(self, fetches: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Record (url, ETag, Last-Modified) of pages fetched; a later fetch replaces them."""

    @abstractmethod
    def seen_feed_items(self, feed_url: str) -> set[str]:
        """Keys (guid or link) of a feed's items already ingested."""

    @abstractmethod
    def remember_feed_items(self, feed_url: str, keys: Iterable[str]) -> None:
        """Record feed items as ingested; recording one twice changes nothing."""

    # --- reads (CLI, API, export) ---

    @abstractmethod
    def stories(self) -> list[JsonDict]:
        """Every story with its versions and fact counts, ordered by date then id.

        Each also carries its distinct ``publishers`` and ``same_story``: the level-2
        group's id, its stories, how many articles and which publishers report it.
        """

    @abstractmethod
    def story(self, story_id: str) -> JsonDict | None:
        """One story with its canonical text, the actors it mentions and its facts.

        Each actor's ``mentions`` here counts its mentions in this story, and its
        ``confidence`` and ``referenced`` are those of this story.
        """

    @abstractmethod
    def same_story(self, story_id: str) -> JsonDict | None:
        """Level 2: the group of a story (different articles about one event).

        ``stories``, ``articles`` (versions across them), ``publishers`` (distinct
        outlets) and its quotes and events with reports of one fact merged: the first
        report, with every report's ``mentions`` and the ``stories`` they came from.
        """

    @abstractmethod
    def actors(self, min_confidence: float | None = None) -> list[JsonDict]:
        """Every actor with aliases, roles, confidence (the highest of its mentions'),
        ``referenced`` (a quote or event refers to it) and mention count, most mentioned
        first; only those shown at ``min_confidence`` when given (at least that confident
        or referenced: actors/confidence.py ``is_shown``)."""

    @abstractmethod
    def actor(self, name_or_key: str, min_confidence: float | None = None) -> JsonDict | None:
        """The actor a key, name or alias names, with its quotes and events (only those
        at or above ``min_confidence`` when given)."""

    @abstractmethod
    def quotes(
        self, speaker: str | None = None, min_confidence: float | None = None
    ) -> list[JsonDict]:
        """Quotes, optionally only those of a speaker (actor key, name, alias or words),
        and only those at or above ``min_confidence`` when given (quotes/confidence.py)."""

    @abstractmethod
    def events(
        self,
        actor: str | None = None,
        cameo_root: str | None = None,
        min_confidence: float | None = None,
    ) -> list[JsonDict]:
        """Events, optionally only those involving an actor and/or whose CAMEO code
        starts with ``cameo_root`` (any depth: 19, 190, 1901; one digit is a root)
        and/or whose confidence is at least ``min_confidence``."""

    @abstractmethod
    def claims(self, min_confidence: float | None = None) -> list[JsonDict]:
        """Every claim with the sentence it was stated in (only those at or above
        ``min_confidence`` when given: claims/confidence.py)."""

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[JsonDict]:
        """Full-text search over article bodies; any user text is a safe query."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """How many stories, articles, actors, quotes, events and claims are stored."""

    # --- workbench reads (API, web pages): paginated and filtered ---

    @abstractmethod
    def search_stories(
        self, query: str, filters: Filters, limit: int = 20, offset: int = 0
    ) -> list[JsonDict]:
        """Stories matching the words of ``query`` (best first) and the filters.

        "Best" may be judged within windows of the latest matching articles (SQLite:
        1,000), so that a common word does not cost scoring all of its matches.

        An empty query lists the filtered stories, newest first. Each hit carries
        ``snippet``: a list of ``{"text", "match"}`` pieces, matched words marked.
        """

    @abstractmethod
    def search_count(self, query: str, filters: Filters) -> JsonDict:
        """How many stories ``search_stories`` finds in all (``stories``), in how many
        same-story groups they fall (``groups``), and ``capped``: whether counting
        stopped early at a bound (SQLite: 1,000 matching articles), so that there are more."""

    def counted_search(
        self, query: str, filters: Filters, limit: int = 20, offset: int = 0
    ) -> tuple[list[JsonDict], JsonDict]:
        """``search_stories`` and ``search_count`` of one search page, which a back-end
        may read together."""
        return self.search_stories(query, filters, limit, offset), self.search_count(query, filters)

    @abstractmethod
    def same_story_reports(self, story_ids: list[str]) -> dict[str, JsonDict]:
        """The same-story group of each story named: its ``id`` and ``reports``, one per
        story of the group (the named one included), oldest first, each with
        ``story_id``, ``title``, ``published``, ``publisher``, ``url``, ``source_ref``
        and ``articles``. Ids of no story are left out."""

    @abstractmethod
    def story_mentions(self, story_id: str) -> list[JsonDict]:
        """Every actor mention in the story's canonical article, with its offsets, its
        actor's ``confidence`` in the story and whether a fact there ``referenced`` it."""

    def story_view(self, story_id: str, with_group: bool = False) -> JsonDict | None:
        """``story`` with its canonical text's actor mentions (``mentions``, as
        ``story_mentions`` gives them) and, ``with_group``, its same-story group
        (``group``, its entry of ``same_story_reports``), which a back-end may read
        together."""
        story = self.story(story_id)
        if story is None:
            return None
        story["mentions"] = self.story_mentions(story_id)
        if with_group:
            story["group"] = self.same_story_reports([story_id]).get(story_id)
        return story

    @abstractmethod
    def actor_page(
        self,
        limit: int,
        offset: int = 0,
        *,
        words: str | None = None,
        actor_type: str | None = None,
        country: str | None = None,
        min_confidence: float | None = None,
    ) -> list[JsonDict]:
        """A page of ``actors()``, most mentioned first, optionally only those whose
        name or alias holds ``words`` (or whose key or code is them), of one type, of
        one country (a code) and shown at ``min_confidence``."""

    @abstractmethod
    def actor_choices(self, min_confidence: float | None = None) -> JsonDict:
        """What the actor filters can choose: ``types`` and ``countries``, each a list
        of ``{value, actors}``, counting the actors shown at ``min_confidence`` when given
        (as ``actor_page`` lists them)."""

    @abstractmethod
    def actor_dossier(
        self, name_or_key: str, limit: int = 50, min_confidence: float | None = None
    ) -> JsonDict | None:
        """One actor with totals, its latest quotes and events (as source, as target;
        only those at or above ``min_confidence`` when given) and the actors it interacts
        with most, by cooperation and conflict. Totals, days and partners are sums kept
        as events are written, so they count every event, whatever its confidence."""

    @abstractmethod
    def quote_page(
        self,
        speaker_key: str | None,
        limit: int,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> list[JsonDict]:
        """A page of quotes, newest first, optionally of one speaker (exact key), only
        those at or above ``min_confidence`` when given."""

    @abstractmethod
    def event_page(self, filters: Filters, limit: int, offset: int = 0) -> list[JsonDict]:
        """A page of events matching the filters, newest first."""

    @abstractmethod
    def event(self, event_id: str) -> JsonDict | None:
        """One event with the title and date of its story."""

    @abstractmethod
    def claim_page(
        self, limit: int, offset: int = 0, min_confidence: float | None = None
    ) -> list[JsonDict]:
        """A page of claims, newest first (only those at or above ``min_confidence``
        when given)."""

    @abstractmethod
    def graph(self, filters: Filters, max_edges: int = 300) -> JsonDict:
        """Actors and who acts on whom: ``nodes`` and directed ``edges``.

        An edge sums the non-negated events from one actor to another (count,
        mean Goldstein, count per QuadClass); only the ``max_edges`` busiest are
        kept, and nodes are the actors they join, sized by their mentions.
        """

    @abstractmethod
    def timeline(self, filters: Filters) -> list[JsonDict]:
        """Non-negated events per day and QuadClass: ``{date, quad_class, events, stories}``."""

    @abstractmethod
    def places(self, filters: Filters) -> list[JsonDict]:
        """Where non-negated events happened: one entry per place the gazetteer put
        them at (``name``, ``type``, ``country``, ``latitude``, ``longitude``), with
        ``events``, ``stories``, a count per QuadClass and the ``quad_class`` most of
        them have; busiest first."""

    @abstractmethod
    def place_events(
        self, name: str, country: str, filters: Filters, limit: int = 50
    ) -> list[JsonDict]:
        """The latest non-negated events at one place (its ``name`` and ISO ``country``
        as ``places`` gives them) matching the filters, newest first."""
