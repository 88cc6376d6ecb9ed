"""The ``newsgraph`` command: parses arguments, calls the pipeline or the store, prints.

Listings print Rich tables for people and JSON (``--json``) for scripts. No SQL
and no stage logic here.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.records import Actor, ActorRef, Event
from newsgraph.store import Store, open_store

DEFAULT_DB = "newsgraph.db"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

app = typer.Typer(
    help="newsgraph: who said what, who did what to whom, from news articles.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[
    str, typer.Option("--db", help="Store URL: a SQLite path (default ./newsgraph.db).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
DEFAULT_TIMEOUT = 10.0
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for a web server before giving up.")
]


def _store(db: str) -> Store:
    return open_store(db)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(escape("" if cell is None else str(cell)) for cell in row))
    return table


def _short(text: str | None, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _side(side: dict | None) -> str:
    if not side:
        return ""
    label = side.get("name") or side.get("text") or ""
    return f"{label} ({side['code']})" if side.get("code") else label


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders or URLs (.txt .md .json .jsonl .html .html.gz .warc .warc.gz)."
        ),
    ] = None,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="An RSS/Atom feed (URL or file); repeatable.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    model: Annotated[
        str | None, typer.Option(help="spaCy model package or path (default: en_core_web_md).")
    ] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """Read articles, group them into stories, extract facts, store them."""
    from newsgraph.nlp import load_pipeline
    from newsgraph.pipeline import Ingestor
    from newsgraph.read import Fetcher, read_inputs

    if not paths and not feed:
        errors.print("nothing to ingest: give files, folders, URLs or --feed")
        raise typer.Exit(code=2)
    with _store(db) as store:
        with console.status("Loading the language model…"):
            ingestor = Ingestor(store, nlp=load_pipeline(model))
        fetcher = Fetcher(memory=store, timeout=timeout)
        columns = (
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed} articles · {task.fields[words]} words"),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task("Ingesting", total=None, words=0)

            def advance(articles: int, words: int) -> None:
                done_words = progress.tasks[task].fields["words"] + words
                progress.update(task, advance=articles, words=done_words)

            report = ingestor.ingest(read_inputs(paths or (), feed or (), fetcher), advance)
            progress.update(task, total=progress.tasks[task].completed)
        fetcher.commit()
        counts = store.counts()

    summary = Table.grid(padding=(0, 2))
    summary.add_row("read", str(report.read))
    summary.add_row("new stories", str(report.new_stories))
    summary.add_row(
        "duplicates",
        f"{report.duplicates} ({report.joined} joined a story, {report.unchanged} already stored)",
    )
    summary.add_row("skipped", str(len(report.skipped)))
    summary.add_row("store", ", ".join(f"{v} {k}" for k, v in counts.items()))
    console.print(Panel(summary, title="Ingest summary", expand=False))
    for skipped in report.skipped:
        console.print(
            f"[yellow]skipped[/] {escape(skipped.source_ref)}: {escape(skipped.reason)}",
            soft_wrap=True,
        )
    for notice in report.notices:
        console.print(
            f"[cyan]note[/] {escape(notice.source_ref)}: {escape(notice.message)}", soft_wrap=True
        )
    if report.skipped:
        raise typer.Exit(code=1)


@app.command()
def stories(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Stories with their versions, date and publisher, and the same-story group of each
    (level 2: different articles about one event) with its articles and outlets."""
    with _store(db) as store:
        rows = store.stories()
    if as_json:
        _print_json(rows)
        return
    table = _table(
        "Stories",
        [
            "id",
            "published",
            "publisher",
            "versions",
            "same story",
            "outlets",
            "quotes",
            "events",
            "claims",
            "title",
        ],
        (
            (
                s["id"],
                s["published"],
                s["publisher"],
                len(s["versions"]),
                s["same_story"]["id"],
                len(s["same_story"]["publishers"]),
                s["counts"]["quotes"],
                s["counts"]["events"],
                s["counts"]["claims"],
                _short(s["title"], 60),
            )
            for s in rows
        ),
    )
    console.print(table)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="A story id from `newsgraph stories`.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """One story's versions and reporting outlets, its same-story group, clean text and facts."""
    with _store(db) as store:
        data = store.story(story_id)
    if data is None:
        errors.print(f"no story {escape(story_id)}")
        raise typer.Exit(code=1)
    if as_json:
        _print_json(data)
        return
    meta = f"published {data['published']} · {data['publisher']} · {len(data['versions'])} versions"
    console.print(Panel(escape(data["title"] or data["id"]), subtitle=meta))
    console.print(
        _table(
            "Versions",
            ["article", "publisher", "published", "words", "source"],
            (
                (v["article_id"], v["publisher"], v["published"], v["word_count"], v["source_ref"])
                for v in data["versions"]
            ),
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
    _print_quotes(data["quotes"])
    _print_events(data["events"])
    _print_claims(data["claims"])


def _quote_speaker(quote: dict) -> str | None:
    """The speaker's name, or the words describing an unnamed one, marked as such."""
    if quote["speaker_unnamed"] and quote["speaker_text"]:
        return f"{quote['speaker_text']} (unnamed)"
    return quote["speaker"] or quote["speaker_text"]


def _print_quotes(rows: list[dict]) -> None:
    console.print(
        _table(
            "Quotes",
            ["speaker", "cue", "quote", "confidence", "mentions"],
            (
                (
                    _quote_speaker(q),
                    q["cue"],
                    _short(q["text"], 120),
                    "" if q["confidence"] is None else f"{q['confidence']:.2f}",
                    len(q["mentions"]),
                )
                for q in rows
            ),
        )
    )


def _print_events(rows: list[dict]) -> None:
    console.print(
        _table(
            "Events",
            ["source", "verb", "target", "CAMEO", "PLOVER", "Goldstein", "date", "mentions"],
            (
                (
                    _side(e["source"]),
                    e["verb"] + (" (negated)" if e["negated"] else ""),
                    _side(e["target"]),
                    e["cameo"],
                    e["plover"],
                    e["goldstein"],
                    e["date"],
                    len(e["mentions"]),
                )
                for e in rows
            ),
        )
    )


def _print_claims(rows: list[dict]) -> None:
    console.print(
        _table(
            "Claims",
            ["subject", "value", "time", "sentence"],
            ((c["subject"], c["value"], c["time"], _short(c["sentence"], 80)) for c in rows),
        )
    )


@app.command()
def actors(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Actors with type, code, aliases and roles."""
    with _store(db) as store:
        rows = store.actors()
    if as_json:
        _print_json(rows)
        return
    console.print(
        _table(
            "Actors",
            ["name", "type", "code", "country", "roles", "aliases", "mentions"],
            (
                (
                    a["name"],
                    a["type"],
                    a["code"],
                    a["country"],
                    "; ".join(a["roles"]),
                    ", ".join(a["aliases"]),
                    a["mentions"],
                )
                for a in rows
            ),
        )
    )


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="A name, alias or key (RUS, Putin…).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """One actor's dossier: quotes, events as source and as target."""
    with _store(db) as store:
        data = store.actor(name)
    if data is None:
        errors.print(f"no actor matches {escape(name)}")
        raise typer.Exit(code=1)
    if as_json:
        _print_json(data)
        return
    details = [f"{data['type']} · code {data['code'] or '-'} · country {data['country'] or '-'}"]
    if data["roles"]:
        details.append("roles: " + "; ".join(data["roles"]))
    if data["aliases"]:
        details.append("aliases: " + ", ".join(data["aliases"]))
    console.print(Panel(escape("\n".join(details)), title=escape(data["name"]), expand=False))
    _print_quotes(data["quotes"])
    console.print("[bold]As source[/]")
    _print_events(data["events_as_source"])
    console.print("[bold]As target[/]")
    _print_events(data["events_as_target"])


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this actor.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Direct quotes with their speakers."""
    with _store(db) as store:
        rows = store.quotes(speaker=speaker)
    if as_json:
        _print_json(rows)
    else:
        _print_quotes(rows)


@app.command()
def events(
    actor_name: Annotated[
        str | None, typer.Option("--actor", help="Only events with this actor as source or target.")
    ] = None,
    cameo: Annotated[str | None, typer.Option(help="Only this CAMEO root (two digits).")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Events: who did what to whom, coded in CAMEO and PLOVER."""
    with _store(db) as store:
        rows = store.events(actor=actor_name, cameo_root=cameo)
    if as_json:
        _print_json(rows)
    else:
        _print_events(rows)


@app.command()
def claims(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Numbers the articles state, with subject and time."""
    with _store(db) as store:
        rows = store.claims()
    if as_json:
        _print_json(rows)
    else:
        _print_claims(rows)


def _side_json(ref: ActorRef | None, actors: dict[str, Actor]) -> dict[str, Any] | None:
    if ref is None:
        return None
    actor = actors.get(ref.actor_key) if ref.actor_key else None
    return {
        "text": ref.text,
        "actor_key": ref.actor_key,
        "name": actor.name if actor else None,
        "code": ref.code,
        "sector": ref.sector,
    }


def _event_json(event: Event, text: str, actors: dict[str, Actor]) -> dict[str, Any]:
    """An event as ``newsgraph events --json`` shows it, for a text outside the store."""
    return {
        "start": event.span.start,
        "end": event.span.end,
        "verb": event.verb,
        "sentence": text[event.sentence.start : event.sentence.end],
        "source": _side_json(event.source, actors),
        "target": _side_json(event.target, actors),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "plover": event.plover,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "date": event.date,
        "location": event.location,
        "negated": event.negated,
    }


def _coding_inputs(file: Path) -> Iterator[tuple[str, str, str | None] | str]:
    """(id, text, date) of each JSON line of ``file``; for a bad line, why it is bad."""
    with file.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
                yield (
                    str(record.get("id", f"{file}:{number}")),
                    text,
                    _checked_date(record.get("date")),
                )
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                yield f"{file}:{number}: {error.__class__.__name__}: {error}"


def _checked_date(date: Any) -> str | None:
    if date is None or date == "":
        return None
    if not isinstance(date, str) or not DATE.fullmatch(date):
        raise ValueError(f"date {date!r} is not YYYY-MM-DD")
    return date


@app.command()
def code(
    text: Annotated[str | None, typer.Argument(help="A sentence or paragraph to code.")] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help='JSON lines of {"id", "text", "date"}: a JSON line out each.'),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="The text's date (YYYY-MM-DD), unless it states one.")
    ] = None,
    actors_files: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Your own actors: a TSV file in the dictionary's format."),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy model package or path (default: en_core_web_md).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Code the events of a text, or of every line of a JSON lines file, without a store."""
    from newsgraph.actors import ActorDictionary
    from newsgraph.nlp import load_pipeline
    from newsgraph.pipeline import TextCoder

    if (text is None) == (file is None):
        errors.print("give either a TEXT or --file FILE")
        raise typer.Exit(code=2)
    try:
        date = _checked_date(date)
        dictionary = ActorDictionary.load(actors_files or ())
    except (ValueError, OSError) as error:
        errors.print(escape(str(error)))
        raise typer.Exit(code=2) from error
    coder = TextCoder(load_pipeline(model), dictionary)
    if text is not None:
        (coded,) = coder.code([("text", text, date)])
        rows = [_event_json(e, coded.text, coded.actors) for e in coded.events]
        if as_json:
            _print_json(rows)
        else:
            _print_events(rows)
        return
    inputs = list(_coding_inputs(file))
    coded_texts = coder.code(item for item in inputs if not isinstance(item, str))
    problems = 0
    for item in inputs:
        if isinstance(item, str):  # one line out per line in, bad ones say why
            problems += 1
            errors.print(f"[yellow]skipped[/] {escape(item)}", soft_wrap=True)
            sys.stdout.write(json.dumps({"id": None, "error": item}, ensure_ascii=False) + "\n")
            continue
        coded = next(coded_texts)
        events = [_event_json(e, coded.text, coded.actors) for e in coded.events]
        sys.stdout.write(json.dumps({"id": coded.id, "events": events}, ensure_ascii=False) + "\n")
    if problems:
        raise typer.Exit(code=1)


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="json; gdelt (GDELT 2.0 events TSV); csv (one file per table, into the"
            " --output folder); graphml (the actor network, for Gephi).",
        ),
    ] = "json",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File (default stdout); a folder for csv."),
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export the whole store (stories, actors, quotes, events, claims)."""
    from newsgraph.export.csv import TABLES, write_csv
    from newsgraph.export.gdelt import write_gdelt
    from newsgraph.export.graphml import write_graphml
    from newsgraph.export.json import write_json

    formats = ("json", "gdelt", "csv", "graphml")
    if fmt not in formats:
        errors.print(f"unknown export format {escape(fmt)}; supported: {', '.join(formats)}")
        raise typer.Exit(code=2)
    if fmt == "csv" and output is None:
        errors.print("csv writes one file per table: give a folder with --output")
        raise typer.Exit(code=2)
    with _store(db) as store:
        if fmt == "csv":
            output.mkdir(parents=True, exist_ok=True)
            for table in TABLES:
                with (output / f"{table}.csv").open("w", encoding="utf-8", newline="") as stream:
                    write_csv(store, table, stream)
        elif fmt == "graphml":
            if output is None:
                write_graphml(store, sys.stdout.buffer)
            else:
                with output.open("wb") as stream:
                    write_graphml(store, stream)
        else:
            write = write_json if fmt == "json" else write_gdelt
            write(store, sys.stdout if output is None else output)
        if output is not None:
            errors.print(f"wrote {escape(str(output))}")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="NEWSGRAPH_TOKEN", help="Require this token (Bearer or ?token=)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Server processes; one per core by default."),
    ] = None,
) -> None:
    """Open the workbench (web pages and REST API under /api) over the store, read-only."""
    from newsgraph.api import serve as run_server
    from newsgraph.api.server import default_workers

    def warn(message: str) -> None:
        errors.print(f"[bold red]{escape(message)}[/]")

    errors.print(f"newsgraph workbench on http://{host}:{port}/ (API docs at /docs)")
    run_server(
        db, host=host, port=port, token=token, warn=warn, workers=workers or default_workers()
    )


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_SECONDS_PER_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _interval_seconds(text: str) -> float:
    """'15m', '30s', '1h', '90' (seconds) → seconds; a clear error otherwise."""
    match = _INTERVAL.match(text)
    if not match:
        raise typer.BadParameter(f"{text!r} is not an interval such as 30s, 15m or 1h")
    return float(match[1]) * _SECONDS_PER_UNIT[match[2].lower()]


@app.command()
def watch(
    feeds_file: Annotated[
        Path, typer.Argument(help="A file with one feed URL a line (# comments).")
    ],
    every: Annotated[str, typer.Option(help="Time between rounds: 30s, 15m, 1h.")] = "15m",
    rounds: Annotated[
        int | None, typer.Option(help="Stop after this many rounds (default: until Ctrl-C).")
    ] = None,
    db: DbOption = DEFAULT_DB,
    model: Annotated[
        str | None, typer.Option(help="spaCy model package or path (default: en_core_web_md).")
    ] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """Poll feeds and ingest only items not seen before, until stopped (Ctrl-C stops cleanly)."""
    import time

    from newsgraph.nlp import load_pipeline
    from newsgraph.pipeline import Ingestor
    from newsgraph.read import Fetcher, read_inputs

    interval = _interval_seconds(every)
    try:
        lines = feeds_file.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        errors.print(f"cannot read {escape(str(feeds_file))}: {escape(str(error))}")
        raise typer.Exit(code=2) from error
    feeds = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not feeds:
        errors.print(f"no feeds in {escape(str(feeds_file))}")
        raise typer.Exit(code=2)
    with _store(db) as store:
        with console.status("Loading the language model…"):
            ingestor = Ingestor(store, nlp=load_pipeline(model))
        fetcher = Fetcher(memory=store, timeout=timeout)
        done = 0
        try:
            while rounds is None or done < rounds:
                report = ingestor.ingest(read_inputs((), feeds, fetcher))
                fetcher.commit()
                done += 1
                console.print(
                    f"round {done} · {time.strftime('%H:%M:%S')} · {report.read} read · "
                    f"{report.new_stories} new stories · {report.duplicates} duplicates · "
                    f"{len(report.skipped)} skipped",
                    soft_wrap=True,
                )
                for skipped in report.skipped:
                    console.print(
                        f"  [yellow]skipped[/] {escape(skipped.source_ref)}: "
                        f"{escape(skipped.reason)}",
                        soft_wrap=True,
                    )
                if rounds is None or done < rounds:
                    time.sleep(interval)
        except KeyboardInterrupt:
            console.print(f"stopped after {done} rounds; what was stored is kept")


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A saved page (.html, .html.gz) or a URL.")],
    as_json: JsonOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """The article of one web page, cleaned as ingest would, without storing anything."""
    from newsgraph.clean import EmptyArticle, clean_document
    from newsgraph.read import Fetcher, read_inputs
    from newsgraph.records import RawDocument, Skipped

    results = list(read_inputs([source], fetcher=Fetcher(timeout=timeout)))
    document = next((r for r in results if isinstance(r, RawDocument)), None)
    problem = next((r.reason for r in results if isinstance(r, Skipped)), "no article found")
    try:
        if document is None:
            raise EmptyArticle(problem)
        article = clean_document(document)
    except EmptyArticle as error:
        errors.print(f"{escape(source)}: {escape(error.reason)}")
        raise typer.Exit(code=1) from error
    data = {
        "title": article.title,
        "published": article.published,
        "publisher": article.publisher,
        "author": article.author,
        "url": article.url,
        "standfirst": article.standfirst,
        "body": article.body,
        "captions": article.captions,
        "sections": [section.title for section in article.sections],
    }
    if as_json:
        _print_json(data)
        return
    meta = " · ".join(str(data[key]) for key in ("published", "publisher", "author") if data[key])
    console.print(Panel(escape(article.title or source), subtitle=escape(meta), expand=False))
    if article.url:
        console.print(f"[dim]{escape(article.url)}[/]")
    if article.standfirst:
        console.print(f"\n[italic]{escape(article.standfirst)}[/]")
    console.print("\n" + escape(article.body))
    for caption in article.captions:
        console.print(f"[dim]caption: {escape(caption)}[/]")


if __name__ == "__main__":
    app()
