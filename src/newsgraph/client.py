"""The Python API: ``newsgraph.open(url)`` gives a ``NewsGraph`` over one store.

A thin facade for notebooks and scripts over what the CLI and the workbench use:
``Ingestor`` (pipeline) to ingest, the ``Store`` queries to list. It adds no
query of its own; it turns the store's dicts into typed records (results.py)
that ``.to_pandas()`` makes DataFrames of.

    import newsgraph

    with newsgraph.open("news.db") as ng:
        ng.ingest("samples")
        events = ng.events(actor="Russia", since="2022-01-01").to_pandas()
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from newsgraph.actors.confidence import DEFAULT_THRESHOLD as ACTOR_THRESHOLD
from newsgraph.claims.confidence import DEFAULT_THRESHOLD as CLAIM_THRESHOLD
from newsgraph.events.confidence import DEFAULT_THRESHOLD
from newsgraph.quotes.confidence import DEFAULT_THRESHOLD as QUOTE_THRESHOLD
from newsgraph.results import (
    ActorRecord,
    ClaimRecord,
    EventRecord,
    QuoteRecord,
    Records,
    StoryDetail,
    StoryRecord,
)
from newsgraph.store import Filters, Store, open_store

if TYPE_CHECKING:
    from newsgraph.pipeline import Ingestor, IngestReport

DateLike = datetime.date | str | None
PathLike = str | os.PathLike[str]
# Rows asked of the store at a time when a listing pages through a paged query.
PAGE_SIZE = 1000


def _iso_date(value: DateLike, name: str) -> str | None:
    """A date filter as the store compares it (``YYYY-MM-DD``); a clear error otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime.date):  # a datetime too: its day
        return value.isoformat()[:10]
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError as error:
        raise ValueError(f"{name}={value!r} is not a date such as 2022-01-31") from error


def _paths(paths: PathLike | Iterable[PathLike]) -> list[str]:
    """One path, URL or folder, or many, as strings (a lone string is one path)."""
    if isinstance(paths, str | os.PathLike):
        return [os.fspath(paths)]
    return [os.fspath(path) for path in paths]


class NewsGraph:
    """One store, opened for analysis: ingest articles, list what was found in them.

    Listings return ``Records`` (lists of typed records with ``.to_pandas()``);
    ``store`` is the underlying ``Store`` for anything this facade does not cover.
    """

    def __init__(self, url: PathLike, read_only: bool = False) -> None:
        self.store: Store = open_store(url, read_only=read_only)
        self._ingestors: dict[str | None, Ingestor] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the store; this object cannot be used afterwards."""
        self._ingestors.clear()
        self.store.close()

    # --- ingest ---

    def ingest(
        self,
        paths: PathLike | Iterable[PathLike] = (),
        feeds: Iterable[str] = (),
        model: str | None = None,
        timeout: float = 10.0,
        workers: int = 1,
        cluster: str | None = None,
    ) -> IngestReport:
        """Read files, folders or URLs (and RSS/Atom ``feeds``) into the store, as
        ``newsgraph ingest`` does: skipped inputs are listed in the report, not raised.

        The spaCy ``model`` is loaded on the first call and kept for the next ones;
        without one installed this raises ``ModelNotFound`` naming ``newsgraph setup``.
        ``workers`` processes on this box (or the Dask scheduler at ``cluster``) parse
        the articles, as ``--workers`` and ``--cluster`` do; a script that uses more
        than one worker runs its code under ``if __name__ == "__main__":``. Raises
        ``StoreBusy`` when another ingest is writing the store.
        """
        from newsgraph.read import Fetcher, read_inputs
        from newsgraph.workers import parsing_executor

        fetcher = Fetcher(memory=self.store, timeout=timeout)
        with self.store.ingest_lock(), parsing_executor(workers, cluster, model) as executor:
            items = read_inputs(_paths(paths), feeds, fetcher)
            report = self._ingestor(model).ingest(items, executor=executor)
        fetcher.commit()
        return report

    def _ingestor(self, model: str | None) -> Ingestor:
        """The ingestor for ``model``, kept across calls; it loads the model when this
        process first parses (workers load their own)."""
        if model not in self._ingestors:
            from newsgraph.pipeline import Ingestor

            self._ingestors[model] = Ingestor(self.store, model=model)
        return self._ingestors[model]

    # --- listings ---

    def stories(
        self,
        query: str | None = None,
        actor: str | None = None,
        publisher: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
    ) -> Records[StoryRecord]:
        """Stories, oldest first; with a filter, those that match it (best first for a
        ``query`` of words, else newest first). ``actor`` is one the story mentions (key,
        name or alias); ``since``/``until`` bound the story's date, both included."""
        stories = self.store.stories()
        filters = Filters(
            date_from=_iso_date(since, "since"),
            date_to=_iso_date(until, "until"),
            actor=actor,
            publisher=publisher,
        )
        if not query and filters == Filters():
            return Records.of(StoryRecord, stories)
        by_id = {story["id"]: story for story in stories}
        hits = self._all_pages(
            lambda limit, offset: self.store.search_stories(query or "", filters, limit, offset)
        )
        return Records.of(StoryRecord, (by_id[hit["story_id"]] for hit in hits))

    def story(self, story_id: str) -> StoryDetail:
        """One story with its text, actors and facts; ``KeyError`` if there is none."""
        data = self.store.story(story_id)
        if data is None:
            raise KeyError(f"no story {story_id!r}")
        return StoryDetail.from_store(data)

    def events(
        self,
        actor: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        cameo: str | None = None,
        plover: str | None = None,
        quad_class: int | None = None,
        publisher: str | None = None,
        limit: int | None = None,
        min_confidence: float | None = DEFAULT_THRESHOLD,
    ) -> Records[EventRecord]:
        """Events, newest first. ``actor`` is a source or target (key, name or alias);
        ``since``/``until`` bound the event's date, both included; ``cameo`` is a
        CAMEO root (two digits); ``quad_class`` 1-4; ``limit`` keeps the newest;
        ``min_confidence`` keeps the confident ones (None or 0: every event)."""
        filters = Filters(
            date_from=_iso_date(since, "since"),
            date_to=_iso_date(until, "until"),
            actor=actor,
            publisher=publisher,
            cameo_root=cameo,
            plover=plover,
            quad_class=quad_class,
            min_confidence=min_confidence,
        )
        rows = self._all_pages(
            lambda page, offset: self.store.event_page(filters, page, offset), limit
        )
        return Records.of(EventRecord, rows)

    def quotes(
        self, speaker: str | None = None, min_confidence: float | None = QUOTE_THRESHOLD
    ) -> Records[QuoteRecord]:
        """Quotes, optionally of one speaker (actor key, name, alias or the words that
        name the speaker in the article), as ``newsgraph quotes`` lists them;
        ``min_confidence`` keeps the confident ones (None or 0: every quote)."""
        return Records.of(
            QuoteRecord, self.store.quotes(speaker=speaker, min_confidence=min_confidence)
        )

    def claims(self, min_confidence: float | None = CLAIM_THRESHOLD) -> Records[ClaimRecord]:
        """The numbers the articles state, with subject, unit and time; ``min_confidence``
        keeps the confident ones (None or 0: every claim)."""
        return Records.of(ClaimRecord, self.store.claims(min_confidence=min_confidence))

    def actors(self, min_confidence: float | None = ACTOR_THRESHOLD) -> Records[ActorRecord]:
        """The actors, most mentioned first; ``min_confidence`` keeps the confident ones
        and those a quote or event refers to (None or 0: every actor)."""
        return Records.of(ActorRecord, self.store.actors(min_confidence=min_confidence))

    def counts(self) -> dict[str, int]:
        """How many stories, articles, actors, quotes, events and claims are stored."""
        return self.store.counts()

    @staticmethod
    def _all_pages(
        fetch: Callable[[int, int], list[dict[str, Any]]], limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every row of a paged store query (or the first ``limit``), a page at a time."""
        offset = 0
        while limit is None or offset < limit:
            size = PAGE_SIZE if limit is None else min(PAGE_SIZE, limit - offset)
            page = fetch(size, offset)
            yield from page
            if len(page) < size:
                return
            offset += size

    def __repr__(self) -> str:
        counts = ", ".join(f"{value} {name}" for name, value in self.counts().items())
        return f"<NewsGraph {counts}>"
