"""``newsgraph code``: the events of standalone texts, without a store, as JSON lines
(``newsgraph.cli`` registers it)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from newsgraph.cli import (
    DATE,
    EXIT_FAILED,
    EXIT_SKIPPED,
    JsonOption,
    app,
    errors,
    language_model,
    print_json,
)
from newsgraph.cli_listings import print_events
from newsgraph.records import Actor, ActorRef, Event, Place
from newsgraph.untrusted import path_text, printable, storable


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
    coder = TextCoder(language_model(model), dictionary)
    if text is not None:
        (coded,) = coder.code([("text", storable(text), date)])
        rows = [_event_json(e, coded.text, coded.actors) for e in coded.events]
        if as_json:
            print_json(rows)
        else:
            print_events(rows, with_story=False)
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
