"""HTML pages: search, story, actor dossier, event, network, timeline, map.

Each page calls the same store queries as the API; the templates are autoescaped,
data for scripts goes through ``tojson`` into non-executable JSON script blocks,
and links are only made from http(s) URLs. Pages run on the event loop, as the
API's bounded reads do (see api/routes.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from newsgraph.actors.confidence import is_shown
from newsgraph.api.params import (
    ActorChoice,
    Paging,
    StoryThresholds,
    actor_choice,
    actor_confidence,
    confidence,
    filters,
    paging,
    store,
    story_thresholds,
)
from newsgraph.language import supported
from newsgraph.multilingual import LANGUAGES
from newsgraph.quotes.confidence import is_shown as quote_is_shown
from newsgraph.store import Filters, Store
from newsgraph.web.highlight import QUAD_CLASSES, segments, story_marks


class _PageEnvironment(Environment):
    """Jinja's environment, looking ``x.name`` up as a key first: the store hands the
    templates plain dicts, and trying the attribute first took a quarter of a render."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@lru_cache(maxsize=16_384)
def _quote_path(value: str) -> str:
    """Jinja's ``urlencode`` of one path piece, remembered: ids and keys repeat."""
    return quote(value, safe="/")


environment = _PageEnvironment(
    loader=PackageLoader("newsgraph", "web/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    auto_reload=False,  # templates ship with the package; no stat() per render
)
environment.globals["QUAD_CLASSES"] = QUAD_CLASSES
# ``tojson`` through orjson (a busy actor's 730 days of events, 6x faster than json);
# Jinja still escapes <, >, & and ' in what it returns.
environment.policies["json.dumps_function"] = lambda value: orjson.dumps(value).decode()
environment.policies["json.dumps_kwargs"] = {}
environment.filters["urlencode"] = lambda value: _quote_path(str(value))
environment.filters["web_link"] = lambda url: url if _is_web_url(url) else None
environment.filters["source_label"] = lambda version: _source_label(version)
templates = Jinja2Templates(env=environment)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(store)]
# Languages whose facts are read, by name ("Russian"); any other shows as its code.
LANGUAGE_NAMES = {code: language.name for code, language in LANGUAGES.items()}
FiltersDep = Annotated[Filters, Depends(filters)]
PagingDep = Annotated[Paging, Depends(paging)]
ActorChoiceDep = Annotated[ActorChoice, Depends(actor_choice)]


def _is_web_url(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))


# How much of a URL's host and path a link shows.
SOURCE_LABEL_LENGTH = 60


def _source_label(version: dict[str, Any]) -> str:
    """What a link to an article says: a web article's host and path, or, for a local
    file, its name alone (the reader's folders are nobody's business on a page)."""
    url = version.get("url")
    if _is_web_url(url):
        parts = urlsplit(url)
        label = parts.netloc + parts.path.rstrip("/")
    else:
        source = str(version.get("source_ref") or "")
        label = PurePosixPath(source.replace("\\", "/")).name or source
    if len(label) > SOURCE_LABEL_LENGTH:
        return label[: SOURCE_LABEL_LENGTH - 1] + "…"
    return label


def _collapse_same_story(hits: list[dict], groups: dict[str, dict]) -> list[dict]:
    """One entry per same-story group on the page, at its best hit: the group's other
    reports go under it (``matched`` when they are hits too), not in the list again."""
    matched = {hit["story_id"] for hit in hits}
    entries: dict[str, dict] = {}
    for hit in hits:
        group = groups.get(hit["story_id"], {"id": hit["story_id"], "reports": []})
        if group["id"] in entries:
            continue
        others = [
            {**report, "matched": report["story_id"] in matched}
            for report in group["reports"]
            if report["story_id"] != hit["story_id"]
        ]
        entries[group["id"]] = {**hit, "other_reports": others}
    return list(entries.values())


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _missing(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no such {what}")


def _next_page_url(request: Request, page: Paging, items: list[Any]) -> str | None:
    if len(items) < page.limit:
        return None
    query = dict(request.query_params) | {"offset": str(page.offset + page.limit)}
    return f"{request.url.path}?{urlencode(query)}"


def _show_all_url(request: Request) -> str:
    """This list from its first page with every item, low confidence too."""
    query = dict(request.query_params) | {"min_confidence": "0"}
    query.pop("offset", None)
    return f"{request.url.path}?{urlencode(query)}"


@router.get("/")
async def search_page(
    request: Request,
    store: StoreDep,
    where: FiltersDep,
    page: PagingDep,
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    hits, count = store.counted_search(q, where, page.limit, page.offset)
    groups = store.same_story_reports([hit["story_id"] for hit in hits])
    return _render(
        request,
        "search.html",
        q=q,
        filters=where,
        count=count,
        entries=_collapse_same_story(hits, groups),
        next_url=_next_page_url(request, page, hits),
    )


@router.get("/stories/{story_id}")
async def story_page(
    request: Request,
    story_id: str,
    store: StoreDep,
    thresholds: Annotated[StoryThresholds, Depends(story_thresholds)],
) -> HTMLResponse:
    story = store.story_view(story_id, with_group=True)
    if story is None:
        raise _missing("story")
    # Only the confident quotes, claims, events and actors (and the actors a fact refers to) are
    # listed and highlighted unless asked for all.
    hidden_claims = _hold_back(story, "claims", lambda c: c["confidence"] >= thresholds.claims)
    hidden_events = _hold_back(story, "events", lambda e: e["confidence"] >= thresholds.events)
    hidden_quotes = _hold_back(
        story, "quotes", lambda q: quote_is_shown(q["confidence"], thresholds.quotes)
    )
    hidden_actors = _hold_back(story, "actors", lambda a: _shown(a, thresholds.actors))
    mentions = [m for m in story.pop("mentions") if _shown(m, thresholds.actors)]
    group = story.pop("group")
    facts = {
        "mention": mentions,
        "quote": story["quotes"],
        "event": story["events"],
        "claim": story["claims"],
    }
    canonical = next(
        (v for v in story["versions"] if v["article_id"] == story["canonical_article_id"]), {}
    )
    language = canonical.get("language")
    return _render(
        request,
        "story.html",
        story=story,
        segments=segments(story["text"], story_marks(story, mentions)),
        facts=facts,
        group=group,
        language=language,
        facts_read=supported(language),
        language_names=LANGUAGE_NAMES,
        min_confidence=thresholds.claims,
        hidden_claims=hidden_claims,
        actor_confidence=thresholds.actors,
        hidden_actors=hidden_actors,
        event_confidence=thresholds.events,
        hidden_events=hidden_events,
        quote_confidence=thresholds.quotes,
        hidden_quotes=hidden_quotes,
    )


def _hold_back(story: dict[str, Any], kind: str, shown: Callable[[dict[str, Any]], bool]) -> int:
    """Keep the story's ``kind`` facts that ``shown`` accepts; how many were held back."""
    every = story[kind]
    story[kind] = [fact for fact in every if shown(fact)]
    return len(every) - len(story[kind])


def _shown(actor_or_mention: dict[str, Any], threshold: float) -> bool:
    return is_shown(actor_or_mention["confidence"], actor_or_mention["referenced"], threshold)


@router.get("/actors")
async def actors_page(
    request: Request,
    store: StoreDep,
    page: PagingDep,
    choice: ActorChoiceDep,
    min_confidence: Annotated[float, Depends(actor_confidence)],
) -> HTMLResponse:
    actors = store.actor_page(
        page.limit,
        page.offset,
        words=choice.words,
        actor_type=choice.actor_type,
        country=choice.country,
        min_confidence=min_confidence,
    )
    return _render(
        request,
        "actors.html",
        actors=actors,
        choice=choice,
        min_confidence=min_confidence,
        show_all_url=_show_all_url(request),
        choices=store.actor_choices(min_confidence),
        next_url=_next_page_url(request, page, actors),
    )


@router.get("/actors/{name_or_key}")
async def dossier_page(
    request: Request,
    name_or_key: str,
    store: StoreDep,
    min_confidence: Annotated[float, Depends(confidence)],
) -> HTMLResponse:
    actor = store.actor_dossier(name_or_key, limit=25, min_confidence=min_confidence)
    if actor is None:
        raise _missing("actor")
    return _render(request, "actor.html", actor=actor, min_confidence=min_confidence)


@router.get("/events/{event_id}")
async def event_page(request: Request, event_id: str, store: StoreDep) -> HTMLResponse:
    event = store.event(event_id)
    if event is None:
        raise _missing("event")
    sentence = event["sentence"] or ""
    start = min(max(event["start"] - event["sentence_start"], 0), len(sentence))
    end = min(max(event["end"] - event["sentence_start"], start), len(sentence))
    parts = (sentence[:start], sentence[start:end], sentence[end:])
    return _render(request, "event.html", event=event, parts=parts)


@router.get("/network")
async def network_page(request: Request, where: FiltersDep) -> HTMLResponse:
    return _render(request, "network.html", filters=where)


@router.get("/timeline")
async def timeline_page(request: Request, where: FiltersDep) -> HTMLResponse:
    return _render(request, "timeline.html", filters=where)


@router.get("/map")
async def map_page(request: Request, where: FiltersDep) -> HTMLResponse:
    return _render(request, "map.html", filters=where)
