"""Event confidence end to end: stored with each event, and every reader (store filters,
CLI, API and pages, exports, the Python API) shows the confident events by default,
with a switch to show all."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.events.confidence import DEFAULT_THRESHOLD
from newsgraph.export.csv import write_csv
from newsgraph.export.gdelt import GDELT_COLUMNS
from newsgraph.export.json import export_json
from newsgraph.pipeline import Ingestor
from newsgraph.records import RawDocument
from newsgraph.store import Filters, open_store
from newsgraph.store.sqlite import load_migrations
from workbench_server import running_server

# One act the coder is sure of (a verb pattern, two named countries) and one it is not
# (only the verb's block default, and a company whose country it had to assume).
SURE = "China denounced Japan's decision to release the water."
UNSURE = "Nissan said it would offer buyers a new engine."
ARTICLE = RawDocument(
    source_ref="confidence-1",
    text=f"{SURE}\n\n{UNSURE}\n",
    title="Water and engines",
    published="2023-08-25",
    publisher="Test Wire",
)
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("confidence") / "confidence.db"
    with open_store(path) as store:
        assert Ingestor(store, nlp=nlp).ingest([ARTICLE]).skipped == []
    return path


def _by_sentence(events: list[dict]) -> dict[str, dict]:
    return {event["sentence"].strip(): event for event in events}


def _sentences(events: list[dict]) -> list[str]:
    return [event["sentence"].strip() for event in events]


def test_each_event_is_stored_with_its_confidence_and_basis(db: Path) -> None:
    with open_store(db) as store:
        events = _by_sentence(store.events())
    sure, unsure = events[SURE], events[UNSURE]
    assert (sure["cameo"], sure["source"]["code"], sure["target"]["code"]) == ("111", "CHN", "JPN")
    assert sure["confidence"] >= DEFAULT_THRESHOLD > unsure["confidence"] > 0
    assert sure["basis"] == "verb coded named"
    # Nissan is a company nothing places: its country was assumed.
    assert unsure["cameo"] == "030" and unsure["basis"].split()[1] == "assumed"


def test_store_filters_keep_events_at_or_above_the_threshold(db: Path) -> None:
    with open_store(db) as store:
        every = store.events()
        confident = store.events(min_confidence=DEFAULT_THRESHOLD)
        assert _sentences(confident) == [SURE]
        assert len(every) == 2
        sure = _by_sentence(every)[SURE]
        # At exactly its own confidence an event is kept: the bound is included.
        assert store.events(min_confidence=sure["confidence"]) == confident
        confident_only = Filters(min_confidence=DEFAULT_THRESHOLD)
        assert [e["id"] for e in store.event_page(confident_only, 10)] == [sure["id"]]
        assert len(store.event_page(Filters(), 10)) == 2
        timeline = store.timeline(confident_only)
        assert sum(day["events"] for day in timeline) == 1
        # The dossier's event lists drop the unsure event; its sums (kept by trigger) count it.
        nissan = _by_sentence(every)[UNSURE]["source"]["actor_key"]
        dossier = store.actor_dossier(nissan, min_confidence=DEFAULT_THRESHOLD)
        assert dossier["events_as_source"] == [] and dossier["totals"]["events_as_source"] == 1
        assert len(store.actor_dossier(nissan)["events_as_source"]) == 1
        # Confidence alone does not narrow stories; with an event filter it does.
        assert len(store.search_stories("", confident_only)) == 1
        unsure_kind = Filters(cameo_root="03", min_confidence=DEFAULT_THRESHOLD)
        assert store.search_stories("", unsure_kind) == []
        assert len(store.search_stories("", Filters(cameo_root="03"))) == 1


def test_a_store_from_before_confidence_keeps_its_events_at_one(db: Path, tmp_path: Path) -> None:
    """The store as it was before migration 0015 (its columns gone, the indexes of 0005
    back, the migration unrecorded), reopened: its events are kept, at 1.0, no basis."""
    old = tmp_path / "old.db"
    with sqlite3.connect(db) as source, sqlite3.connect(old) as target:
        source.backup(target)
    with sqlite3.connect(old) as connection:
        for side, other in (("source", "target"), ("target", "source")):
            connection.execute(f"DROP INDEX events_by_{side}_date")
            connection.execute(f"DROP INDEX events_by_{side}_{other}")
        connection.execute("ALTER TABLE events DROP COLUMN confidence")
        connection.execute("ALTER TABLE events DROP COLUMN basis")
        (workbench_indexes,) = [m for m in load_migrations() if m.version == 5]
        for statement in workbench_indexes.statements:
            if re.match(r"CREATE INDEX events_by_(source|target)_", statement.strip()):
                connection.execute(statement)
        connection.execute("DELETE FROM schema_version WHERE version = 15")
    with open_store(old) as store:
        assert store.schema_version >= 15
        events = store.events()
        assert len(events) == 2
        assert {(e["confidence"], e["basis"]) for e in events} == {(1.0, None)}
        assert len(store.events(min_confidence=DEFAULT_THRESHOLD)) == 2


def test_cli_events_hides_the_unsure_event_and_says_so(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "denounced" in result.stdout and "offer" not in result.stdout
    assert "0.90" in result.stdout
    assert "1 event below confidence 0.5 hidden; --all shows them" in result.stdout

    shown = runner.invoke(app, ["events", "--all", "--db", str(db)], env={"COLUMNS": "160"})
    assert "offer" in shown.stdout and "denounced" in shown.stdout
    assert "hidden" not in shown.stdout

    low = runner.invoke(app, ["events", "--min-confidence", "0.01", "--json", "--db", str(db)])
    rows = json.loads(low.stdout)
    assert set(_sentences(rows)) == {SURE, UNSURE}
    assert all(set(row) >= {"confidence", "basis"} for row in rows)
    strict = runner.invoke(app, ["events", "--json", "--db", str(db)])
    assert _sentences(json.loads(strict.stdout)) == [SURE]
    bad = runner.invoke(app, ["events", "--min-confidence", "2", "--db", str(db)])
    assert bad.exit_code == 2


def test_cli_code_shows_every_event_with_its_confidence() -> None:
    result = runner.invoke(app, ["code", f"{SURE} {UNSURE}", "--json"])
    assert result.exit_code == 0, result.output
    events = {event["verb"]: event for event in json.loads(result.stdout)}
    assert events["denounced"]["confidence"] >= DEFAULT_THRESHOLD > events["offer"]["confidence"]
    assert events["denounced"]["basis"] == "verb coded named"


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[httpx.Client]:
    with running_server(db) as base_url, httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


def test_api_event_routes_take_min_confidence(client: httpx.Client) -> None:
    default = client.get("/api/events").json()["items"]
    assert _sentences(default) == [SURE]
    assert default[0]["confidence"] >= DEFAULT_THRESHOLD and default[0]["basis"]
    every = client.get("/api/events", params={"min_confidence": 0}).json()["items"]
    assert set(_sentences(every)) == {SURE, UNSURE}
    assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422
    days = client.get("/api/timeline", params={"min_confidence": 0}).json()
    assert sum(day["events"] for day in days) == 2
    assert sum(day["events"] for day in client.get("/api/timeline").json()) == 1
    exported = client.get("/api/export/newsgraph.json").json()["events"]
    assert _sentences(exported) == [SURE]
    table = client.get("/api/export/events.csv", params={"min_confidence": 0}).text
    assert len(list(csv.DictReader(io.StringIO(table)))) == 2


def test_pages_show_the_confidence_and_a_switch_to_show_all(client: httpx.Client) -> None:
    search = client.get("/network").text
    assert 'name="min_confidence" value="0"' in search and "low confidence too" in search
    assert "checked" not in search.split('name="min_confidence"')[1].split(">")[0]
    checked = client.get("/network", params={"min_confidence": 0}).text
    assert "checked" in checked.split('name="min_confidence"')[1].split(">")[0]
    china = client.get("/api/events").json()["items"][0]["source"]["actor_key"]
    assert "denounce" in client.get(f"/actors/{china}").text
    assert "0.90" in client.get(f"/actors/{china}").text
    dossier = client.get("/actors/org:nissan").text
    assert "offer" not in dossier and "Show all events" in dossier
    assert "offer" in client.get("/actors/org:nissan", params={"min_confidence": 0}).text


def test_the_story_page_lists_the_confident_events_unless_asked(client: httpx.Client) -> None:
    (story,) = client.get("/api/stories").json()["items"]
    page = client.get(f"/stories/{story['story_id']}").text
    events = page.split('<table class="events">')[1]
    assert "denounce" in events and "offer" not in events
    note = page.split('id="events-confidence-note"')[1]
    assert "1 less sure hidden" in note and "Show all events" in note
    every = client.get(f"/stories/{story['story_id']}", params={"event_confidence": 0}).text
    assert "offer" in every.split('<table class="events">')[1]
    assert "low confidence too" in every.split('id="events-confidence-note"')[1]


def test_exports_hold_the_confident_events_unless_all(db: Path, tmp_path: Path) -> None:
    with open_store(db) as store:
        document = export_json(store, min_confidence=DEFAULT_THRESHOLD)
        assert _sentences(document["events"]) == [SURE]
        assert document["events"][0]["basis"] == "verb coded named"
        buffer = io.StringIO()
        write_csv(store, "events", buffer)
        rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
        assert {row["basis"] for row in rows} == {e["basis"] for e in store.events()}
    output = tmp_path / "events.tsv"
    command = ["export", "--format", "gdelt", "--db", str(db), "-o", str(output)]
    assert runner.invoke(app, command).exit_code == 0
    (row,) = [line.split("\t") for line in output.read_text(encoding="utf-8").splitlines()]
    assert dict(zip(GDELT_COLUMNS, row, strict=True))["EventCode"] == "111"
    assert runner.invoke(app, [*command, "--all"]).exit_code == 0
    assert len(output.read_text(encoding="utf-8").splitlines()) == 2


def test_python_api_events_default_to_confident_ones(db: Path) -> None:
    with newsgraph.open(db, read_only=True) as ng:
        confident = ng.events()
        assert [e.sentence.strip() for e in confident] == [SURE]
        assert confident[0].basis == "verb coded named"
        frame = ng.events(min_confidence=None).to_pandas()
    assert sorted(frame["cameo"]) == ["030", "111"]
    assert {"confidence", "basis"} <= set(frame.columns)
    assert frame["confidence"].between(0, 1).all()
