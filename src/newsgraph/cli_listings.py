"""The commands that list what the store holds: stories, actors, quotes, events, claims
(``newsgraph.cli`` registers them). Confident facts by default, ``--all`` for every one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel

from newsgraph import listings
from newsgraph.actors.confidence import DEFAULT_THRESHOLD as ACTOR_THRESHOLD
from newsgraph.actors.confidence import is_shown
from newsgraph.claims.confidence import DEFAULT_THRESHOLD as CLAIM_THRESHOLD
from newsgraph.cli import (
    DEFAULT_DB,
    DEFAULT_THRESHOLD,
    AllEventsOption,
    DbOption,
    JsonOption,
    MinConfidenceOption,
    all_option,
    app,
    confidence_option,
    console,
    errors,
    print_json,
    shown_threshold,
    store_or_exit,
)
from newsgraph.quotes.confidence import DEFAULT_THRESHOLD as QUOTE_THRESHOLD
from newsgraph.quotes.confidence import is_shown as quote_is_shown


@app.command()
def stories(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Stories with their versions, date and publisher, and the same-story group of each
    (level 2: different articles about one event) with its articles and outlets."""
    with store_or_exit(db) as store:
        rows = store.stories()
    if as_json:
        print_json(rows)
        return
    console.print(listings.stories_table(rows, console.width))


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="A story id from `newsgraph stories`.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """One story's versions and reporting outlets, its same-story group, clean text and facts."""
    with store_or_exit(db) as store:
        data = store.story(story_id)
    if data is None:
        errors.print(f"no story {escape(story_id)}")
        raise typer.Exit(code=1)
    if as_json:
        print_json(data)
        return
    meta = f"published {data['published']} · {data['publisher']} · {len(data['versions'])} versions"
    console.print(Panel(escape(data["title"] or data["id"]), subtitle=meta))
    console.print(
        listings.table(
            "Versions",
            [
                listings.Column("article"),
                listings.Column("publisher", cap=24),
                listings.Column("published"),
                listings.Column("words"),
                listings.Column("source", flexible=True),
            ],
            (
                (v["article_id"], v["publisher"], v["published"], v["word_count"], v["source_ref"])
                for v in data["versions"]
            ),
            console.width,
        )
    )
    group = data["same_story"]
    others = [other for other in group["stories"] if other != data["id"]]
    console.print(
        f"reporting outlets: {escape(', '.join(data['publishers']) or 'unknown')}\n"
        f"same story {escape(group['id'])}: {len(group['stories'])} stories,"
        f" {group['articles']} articles, {len(group['publishers'])} outlets"
        + (f" ({escape(', '.join(group['publishers']))})" if group["publishers"] else "")
        + (f"; other stories: {escape(', '.join(others))}" if others else "")
    )
    if data["standfirst"]:
        console.print(f"\n[italic]{escape(data['standfirst'])}[/]")
    console.print("\n" + escape(data["body"]))
    for caption in data["captions"]:
        console.print(f"[dim]caption: {escape(caption)}[/]")
    _print_quotes(data["quotes"], with_story=False)
    print_events(data["events"], with_story=False)
    _print_claims(data["claims"], with_story=False)


def _print_quotes(rows: list[dict], with_story: bool = True) -> None:
    console.print(listings.quotes_table(rows, console.width, with_story))


def print_events(rows: list[dict], with_story: bool = True) -> None:
    console.print(listings.events_table(rows, console.width, with_story))


def _print_claims(rows: list[dict], with_story: bool = True) -> None:
    console.print(listings.claims_table(rows, console.width, with_story))


def _list_shown(
    fact: str,
    every: list[dict],
    shown: Callable[[dict], bool],
    print_rows: Callable[[list[dict]], None],
    threshold: float | None,
    as_json: bool,
) -> None:
    """A listing of the ``fact``s ``shown`` keeps of ``every`` one (read whole, so that the
    hidden ones are counted exactly): JSON, or a table closed by how many it hid, if any."""
    rows = [row for row in every if shown(row)]
    if as_json:
        print_json(rows)
        return
    print_rows(rows)
    if hidden := len(every) - len(rows):
        console.print(
            f"{hidden} {fact}{'s' if hidden != 1 else ''} below confidence {threshold:g} hidden;"
            " --all shows them"
        )


ActorConfidenceOption = confidence_option("actors", also=", or that a quote or event refers to")
AllActorsOption = all_option("actor")


@app.command()
def actors(
    min_confidence: ActorConfidenceOption = ACTOR_THRESHOLD,
    all_actors: AllActorsOption = False,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Actors with type, code, aliases, roles and confidence; by default only those at
    least as confident as the threshold or that a quote or event refers to, the closing
    line says how many it hid."""
    threshold = shown_threshold(min_confidence, all_actors)
    with store_or_exit(db) as store:
        every = store.actors()
    _list_shown(
        "actor",
        every,
        lambda a: is_shown(a["confidence"], a["referenced"], threshold),
        _print_actors,
        threshold,
        as_json,
    )


def _print_actors(rows: list[dict]) -> None:
    console.print(
        listings.table(
            "Actors",
            [
                listings.Column("name", cap=28),
                listings.Column("type"),
                listings.Column("code", cap=10),
                listings.Column("country"),
                listings.Column("mentions"),
                listings.Column("conf."),
                listings.Column("roles · aliases", flexible=True),
            ],
            (
                (
                    a["name"],
                    a["type"],
                    a["code"],
                    a["country"],
                    a["mentions"],
                    f"{a['confidence']:.2f}",
                    "\n".join(filter(None, ("; ".join(a["roles"]), ", ".join(a["aliases"])))),
                )
                for a in rows
            ),
            console.width,
        )
    )


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="A name, alias or key (RUS, Putin…).")],
    min_confidence: MinConfidenceOption = DEFAULT_THRESHOLD,
    all_events: AllEventsOption = False,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """One actor's dossier: quotes, events as source and as target (confident ones
    unless --all)."""
    with store_or_exit(db) as store:
        data = store.actor(name, shown_threshold(min_confidence, all_events))
    if data is None:
        errors.print(f"no actor matches {escape(name)}")
        raise typer.Exit(code=1)
    if as_json:
        print_json(data)
        return
    details = [f"{data['type']} · code {data['code'] or '-'} · country {data['country'] or '-'}"]
    if data["roles"]:
        details.append("roles: " + "; ".join(data["roles"]))
    if data["aliases"]:
        details.append("aliases: " + ", ".join(data["aliases"]))
    console.print(Panel(escape("\n".join(details)), title=escape(data["name"]), expand=False))
    _print_quotes(data["quotes"])
    console.print("[bold]As source[/]")
    print_events(data["events_as_source"])
    console.print("[bold]As target[/]")
    print_events(data["events_as_target"])


QuoteConfidenceOption = confidence_option("quotes")
AllQuotesOption = all_option("quote")


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this actor.")] = None,
    min_confidence: QuoteConfidenceOption = QUOTE_THRESHOLD,
    all_quotes: AllQuotesOption = False,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Direct quotes with their speakers; by default only those at least as confident as
    the threshold (not one-word fragments, nor quotes whose speaker was not found), the
    closing line says how many it hid."""
    threshold = shown_threshold(min_confidence, all_quotes)
    with store_or_exit(db) as store:
        every = store.quotes(speaker=speaker)
    _list_shown(
        "quote",
        every,
        lambda q: quote_is_shown(q["confidence"], threshold),
        _print_quotes,
        threshold,
        as_json,
    )


@app.command()
def events(
    actor_name: Annotated[
        str | None, typer.Option("--actor", help="Only events with this actor as source or target.")
    ] = None,
    cameo: Annotated[
        str | None,
        typer.Option(help="Only events whose CAMEO code starts so, at any depth: 19, 190, 1901."),
    ] = None,
    min_confidence: MinConfidenceOption = DEFAULT_THRESHOLD,
    all_events: AllEventsOption = False,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Events: who did what to whom, coded in CAMEO and PLOVER; by default only those
    at least as confident as the threshold, the closing line says how many it hid."""
    threshold = shown_threshold(min_confidence, all_events)
    with store_or_exit(db) as store:
        every = store.events(actor=actor_name, cameo_root=cameo)
    _list_shown(
        "event",
        every,
        lambda e: threshold is None or e["confidence"] >= threshold,
        print_events,
        threshold,
        as_json,
    )


ClaimConfidenceOption = confidence_option("claims")
AllClaimsOption = all_option("claim")


@app.command()
def claims(
    min_confidence: ClaimConfidenceOption = CLAIM_THRESHOLD,
    all_claims: AllClaimsOption = False,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Figures the articles cite, with subject, unit, time and confidence; by default only
    those at least as confident as the threshold, the closing line says how many it hid."""
    threshold = shown_threshold(min_confidence, all_claims)
    with store_or_exit(db) as store:
        every = store.claims()
    _list_shown(
        "claim",
        every,
        lambda c: threshold is None or c["confidence"] >= threshold,
        _print_claims,
        threshold,
        as_json,
    )
