"""Query parameters shared by the API and the pages: filters and paging, validated once.

HTML forms send empty fields as empty strings, so every filter accepts "" as "any".
Filters and paging are async: they only parse, so they run on the event loop instead
of taking a trip to a worker thread each.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request

from newsgraph.actors.confidence import DEFAULT_THRESHOLD as ACTOR_THRESHOLD
from newsgraph.claims.confidence import DEFAULT_THRESHOLD as CLAIM_THRESHOLD
from newsgraph.events.confidence import DEFAULT_THRESHOLD
from newsgraph.quotes.confidence import DEFAULT_THRESHOLD as QUOTE_THRESHOLD
from newsgraph.store import Filters, Store

DATE = r"^(\d{4}-\d{2}-\d{2})?$"
MAX_PAGE = 200


def _blank_is_none(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _threshold_query(description: str) -> Any:
    """A confidence threshold parameter, between 0 and 1."""
    return Annotated[float, Query(ge=0, le=1, description=description)]


def _confidence_query(facts: str, also: str = "") -> Any:
    """The ``min_confidence`` parameter of a listing of ``facts``."""
    return _threshold_query(
        f"only {facts} at least this confident{also} (0 shows all; the default hides the"
        " unsure ones)"
    )


MinConfidence = _confidence_query("events")
ClaimConfidence = _confidence_query("claims")
ActorConfidence = _confidence_query("actors", also=", or that a quote or event refers to")
QuoteConfidence = _confidence_query("quotes")


async def confidence(min_confidence: MinConfidence = DEFAULT_THRESHOLD) -> float:
    """The confidence events must reach to be shown, for routes without the filters."""
    return min_confidence


async def claim_confidence(min_confidence: ClaimConfidence = CLAIM_THRESHOLD) -> float:
    """The confidence claims must reach to be shown."""
    return min_confidence


async def quote_confidence(min_confidence: QuoteConfidence = QUOTE_THRESHOLD) -> float:
    """The confidence quotes must reach to be shown."""
    return min_confidence


async def actor_confidence(min_confidence: ActorConfidence = ACTOR_THRESHOLD) -> float:
    """The confidence actors must reach to be listed (a fact's actors always are)."""
    return min_confidence


def _story_query(facts: str, listing: str) -> Any:
    """A story page's own threshold for its ``facts``, beside the claims' ``min_confidence``."""
    return _threshold_query(f"the story page's {facts}: as min_confidence of {listing}")


@dataclass(frozen=True)
class StoryThresholds:
    """How confident each kind of fact must be for a story page to show it."""

    claims: float
    actors: float
    events: float
    quotes: float


async def story_thresholds(
    min_confidence: ClaimConfidence = CLAIM_THRESHOLD,
    actor_confidence: _story_query("actors", "/api/actors") = ACTOR_THRESHOLD,
    event_confidence: _story_query("events", "/api/events") = DEFAULT_THRESHOLD,
    quote_confidence: _story_query("quotes", "/api/quotes") = QUOTE_THRESHOLD,
) -> StoryThresholds:
    """The story page's thresholds, one parameter each: the claims' ``min_confidence``,
    ``actor_confidence``, ``event_confidence`` and ``quote_confidence``."""
    return StoryThresholds(min_confidence, actor_confidence, event_confidence, quote_confidence)


async def filters(
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="key, name or alias")] = None,
    source: Annotated[str | None, Query(max_length=200, description="actor key")] = None,
    target: Annotated[str | None, Query(max_length=200, description="actor key")] = None,
    publisher: Annotated[str | None, Query(max_length=200)] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^(\d{1,4})?$", description="CAMEO code, any depth")
    ] = None,
    plover: Annotated[str | None, Query(max_length=200, description="PLOVER category")] = None,
    quad_class: Annotated[str | None, Query(pattern=r"^[1-4]?$")] = None,
    min_confidence: MinConfidence = DEFAULT_THRESHOLD,
) -> Filters:
    quad = _blank_is_none(quad_class)
    return Filters(
        date_from=_blank_is_none(date_from),
        date_to=_blank_is_none(date_to),
        actor=_blank_is_none(actor),
        source=_blank_is_none(source),
        target=_blank_is_none(target),
        publisher=_blank_is_none(publisher),
        cameo_root=_blank_is_none(cameo),
        plover=_blank_is_none(plover),
        quad_class=int(quad) if quad else None,
        min_confidence=min_confidence,
    )


@dataclass(frozen=True)
class ActorChoice:
    """Which actors a list shows: words of a name, alias, key or code; a type; a country."""

    words: str | None = None
    actor_type: str | None = None
    country: str | None = None


async def actor_choice(
    q: Annotated[str | None, Query(max_length=200, description="words of a name or alias")] = None,
    actor_type: Annotated[
        str | None, Query(alias="type", max_length=40, description="country, person, …")
    ] = None,
    country: Annotated[str | None, Query(max_length=10, description="country code")] = None,
) -> ActorChoice:
    return ActorChoice(_blank_is_none(q), _blank_is_none(actor_type), _blank_is_none(country))


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int

    def page(self, items: list[Any]) -> dict[str, Any]:
        """The JSON shape of every list: items and where the next page starts."""
        more = len(items) == self.limit
        return {
            "items": items,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": self.offset + self.limit if more else None,
        }


async def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Paging:
    return Paging(limit, offset)


async def store(request: Request) -> AsyncIterator[Store]:
    """A store connection of the pool, the request's own until it is answered."""
    with request.app.state.stores.borrow() as borrowed:
        yield borrowed
