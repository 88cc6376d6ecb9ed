"""The REST API under /api: the same store queries the pages use, as paginated JSON.

Reads bounded by a page or one item are ``async``: they run on the event loop, with
no hop to a worker thread and no contention for the GIL between threads, which set
the tail latency under load. Those that read without bound (exports, the graph, the
timeline, counts) stay plain functions, run in the thread pool, so they never hold
up the loop.
"""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from newsgraph.api.params import (
    ActorChoice,
    Paging,
    actor_choice,
    actor_confidence,
    claim_confidence,
    confidence,
    filters,
    paging,
    quote_confidence,
    store,
)
from newsgraph.api.responses import NOT_FOUND, CSVResponse, GraphMLResponse, JSONResponse
from newsgraph.export.csv import TABLES, write_csv
from newsgraph.export.graphml import write_graphml
from newsgraph.export.json import export_json
from newsgraph.store import Filters, Store

# Store reads are JSON-ready dicts: JSONResponse (orjson) sends them as they are,
# skipping FastAPI's per-field re-encoding (a third of a dossier's time).
router = APIRouter(prefix="/api", default_response_class=JSONResponse)

StoreDep = Annotated[Store, Depends(store)]
FiltersDep = Annotated[Filters, Depends(filters)]
PagingDep = Annotated[Paging, Depends(paging)]
ActorChoiceDep = Annotated[ActorChoice, Depends(actor_choice)]
ConfidenceDep = Annotated[float, Depends(confidence)]
ClaimConfidenceDep = Annotated[float, Depends(claim_confidence)]
ActorConfidenceDep = Annotated[float, Depends(actor_confidence)]
QuoteConfidenceDep = Annotated[float, Depends(quote_confidence)]
QueryText = Annotated[str, Query(max_length=500, description="words to find")]


def _found(item: Any, what: str) -> Any:
    if item is None:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return item


@router.get("/health", summary="The server answers (no store access)")
async def health() -> JSONResponse:
    return JSONResponse({"status": "ok"})


@router.get("/counts", summary="How many stories, articles, actors and facts are stored")
def counts(store: StoreDep) -> JSONResponse:
    return JSONResponse(store.counts())


def _story_hits(store: Store, page: Paging, where: Filters, q: str) -> dict[str, Any]:
    """A page of hits, each with its ``same_story`` group (id and stories, so a client
    can collapse reports of one event), and ``total``: every hit's count."""
    hits, count = store.counted_search(q, where, page.limit, page.offset)
    groups = store.same_story_reports([hit["story_id"] for hit in hits])
    for hit in hits:
        group = groups.get(hit["story_id"], {"id": hit["story_id"], "reports": []})
        hit["same_story"] = {
            "id": group["id"],
            "stories": [report["story_id"] for report in group["reports"]],
        }
    return page.page(hits) | {"total": count}


@router.get("/search", summary="Full-text search over stories, with filters")
async def search(
    store: StoreDep, page: PagingDep, where: FiltersDep, q: QueryText = ""
) -> JSONResponse:
    return JSONResponse(_story_hits(store, page, where, q))


@router.get("/stories", summary="Stories, newest first (or best first with q)")
async def stories(
    store: StoreDep, page: PagingDep, where: FiltersDep, q: QueryText = ""
) -> JSONResponse:
    return JSONResponse(_story_hits(store, page, where, q))


@router.get(
    "/stories/{story_id}",
    responses=NOT_FOUND,
    summary="One story: text, versions, actor mentions, facts",
)
async def story(story_id: str, store: StoreDep) -> JSONResponse:
    return JSONResponse(_found(store.story_view(story_id), "story"))


@router.get(
    "/actors",
    summary="Actors, most mentioned first; by words, type and country; the confident ones"
    " and those a quote or event refers to unless asked",
)
async def actors(
    store: StoreDep,
    page: PagingDep,
    choice: ActorChoiceDep,
    min_confidence: ActorConfidenceDep,
) -> JSONResponse:
    found = store.actor_page(
        page.limit,
        page.offset,
        words=choice.words,
        actor_type=choice.actor_type,
        country=choice.country,
        min_confidence=min_confidence,
    )
    return JSONResponse(page.page(found))


@router.get("/actors/{name_or_key}", responses=NOT_FOUND, summary="An actor's dossier")
async def actor(
    name_or_key: str,
    store: StoreDep,
    min_confidence: ConfidenceDep,
    limit: Annotated[int, Query(ge=1, le=500, description="latest quotes and events")] = 25,
) -> JSONResponse:
    return JSONResponse(_found(store.actor_dossier(name_or_key, limit, min_confidence), "actor"))


@router.get("/quotes", summary="Quotes, newest first")
async def quotes(
    store: StoreDep,
    page: PagingDep,
    min_confidence: QuoteConfidenceDep,
    speaker: Annotated[str | None, Query(max_length=200, description="actor key")] = None,
) -> JSONResponse:
    quotes = store.quote_page(speaker or None, page.limit, page.offset, min_confidence)
    return JSONResponse(page.page(quotes))


@router.get("/events", summary="Events, newest first, with filters")
async def events(store: StoreDep, page: PagingDep, where: FiltersDep) -> JSONResponse:
    return JSONResponse(page.page(store.event_page(where, page.limit, page.offset)))


@router.get(
    "/events/{event_id}", responses=NOT_FOUND, summary="One event with its sentence and story"
)
async def event(event_id: str, store: StoreDep) -> JSONResponse:
    return JSONResponse(_found(store.event(event_id), "event"))


@router.get("/claims", summary="Claims, newest first, the confident ones unless asked")
async def claims(
    store: StoreDep, page: PagingDep, min_confidence: ClaimConfidenceDep
) -> JSONResponse:
    return JSONResponse(page.page(store.claim_page(page.limit, page.offset, min_confidence)))


@router.get("/graph", summary="The actor network: nodes and directed, weighted edges")
def graph(
    store: StoreDep,
    where: FiltersDep,
    max_edges: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> JSONResponse:
    return JSONResponse(store.graph(where, max_edges))


@router.get("/timeline", summary="Events per day and QuadClass")
def timeline(store: StoreDep, where: FiltersDep) -> JSONResponse:
    return JSONResponse(store.timeline(where))


@router.get("/map", summary="Events by place: coordinates, counts per QuadClass")
def event_map(store: StoreDep, where: FiltersDep) -> JSONResponse:
    return JSONResponse(store.places(where))


@router.get("/map/events", summary="The latest events at one place of the map")
async def place_events(
    store: StoreDep,
    where: FiltersDep,
    place: Annotated[str, Query(max_length=200, description="the place's name, as /api/map")],
    country: Annotated[str, Query(max_length=3, description="ISO alpha-3, as /api/map")],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> JSONResponse:
    return JSONResponse(store.place_events(place, country, where, limit))


def _download(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/export/newsgraph.json", summary="The whole store as JSON (export schema)")
def export_whole_json(store: StoreDep, min_confidence: ConfidenceDep) -> JSONResponse:
    return JSONResponse(export_json(store, min_confidence), headers=_download("newsgraph.json"))


@router.get(
    "/export/{table}.csv",
    response_class=CSVResponse,
    responses=NOT_FOUND,
    summary=f"One table as CSV: {', '.join(TABLES)}",
)
def export_csv(table: str, store: StoreDep, min_confidence: ConfidenceDep) -> CSVResponse:
    if table not in TABLES:
        raise HTTPException(status_code=404, detail=f"tables: {', '.join(TABLES)}")
    buffer = io.StringIO()
    write_csv(store, table, buffer, min_confidence)
    return CSVResponse(buffer.getvalue(), headers=_download(f"{table}.csv"))


@router.get(
    "/export/network.graphml",
    response_class=GraphMLResponse,
    summary="The actor network as GraphML (Gephi)",
)
def export_graphml(store: StoreDep, where: FiltersDep) -> GraphMLResponse:
    buffer = io.BytesIO()
    write_graphml(store, buffer, where)
    return GraphMLResponse(buffer.getvalue(), headers=_download("network.graphml"))
