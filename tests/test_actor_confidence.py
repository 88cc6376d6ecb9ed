"""Actor confidence end to end: every actor is stored, each mention with its actor's
confidence in its story, and every reader (CLI, API, the workbench's actor list and story
page, exports, the Python API) shows the confident actors and those a quote or event
refers to by default, with a switch to show all. On both back-ends."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator

import httpx
import pytest
from typer.testing import CliRunner

import newsgraph
from conftest import BACKENDS, new_store_url
from newsgraph.actors.confidence import DEFAULT_THRESHOLD
from newsgraph.cli import app
from newsgraph.export.csv import write_csv
from newsgraph.export.json import export_json
from newsgraph.pipeline import Ingestor
from newsgraph.records import RawDocument
from newsgraph.store import open_store
from workbench_server import running_server

# A firm the dictionary knows and a person with a title; a given name alone that names an
# assistant ("Ask Siri"); a lone unknown name whose only evidence is that it is quoted.
CONFIDENT = "Apple said on Tuesday that its chief executive, Tim Cook, would visit Paris."
UNSURE = "Ask Siri to set a timer, and Siri will answer."
QUOTED = '"Prices will rise again," said Zorblax.'
ARTICLE = RawDocument(
    source_ref="actor-confidence-1",
    text=f"{CONFIDENT}\n\n{UNSURE}\n\n{QUOTED}\n",
    title="Phones and prices",
    published="2023-08-25",
    publisher="Test Wire",
)
HIDDEN = "Siri"
QUOTED_NAME = "Zorblax"
runner = CliRunner()
WIDE = {"COLUMNS": "200"}


def _ingest(url: str, nlp) -> str:
    with open_store(url) as store:
        assert Ingestor(store, nlp=nlp).ingest([ARTICLE]).skipped == []
    return url


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory, nlp) -> str:
    return _ingest(new_store_url(request, tmp_path_factory.mktemp("actor-confidence")), nlp)


def _names(actors: list[dict]) -> set[str]:
    return {actor["name"] for actor in actors}


def test_every_actor_is_stored_with_its_confidence(db: str) -> None:
    with open_store(db) as store:
        by_name = {actor["name"]: actor for actor in store.actors()}
        assert by_name["Apple"]["confidence"] >= DEFAULT_THRESHOLD
        unsure = by_name[HIDDEN]
        assert unsure["confidence"] < DEFAULT_THRESHOLD and unsure["referenced"] is False
        # Quoted, so shown whatever its own confidence: the quote answers for it.
        quoted = by_name[QUOTED_NAME]
        assert quoted["confidence"] < DEFAULT_THRESHOLD and quoted["referenced"] is True

        shown = _names(store.actors(min_confidence=DEFAULT_THRESHOLD))
        assert HIDDEN not in shown and {"Apple", QUOTED_NAME} <= shown
        assert _names(store.actor_page(50, min_confidence=DEFAULT_THRESHOLD)) == shown
        assert HIDDEN in _names(store.actor_page(50))
        # A stricter threshold still keeps the actor a fact refers to.
        assert QUOTED_NAME in _names(store.actors(min_confidence=0.99))

        story_id = store.stories()[0]["id"]
        story = store.story(story_id)
        assert story is not None
        assert {a["name"]: a["confidence"] for a in story["actors"]}[HIDDEN] < DEFAULT_THRESHOLD
        mentions = [m for m in store.story_mentions(story_id) if m["name"] == HIDDEN]
        assert mentions and all(m["confidence"] < DEFAULT_THRESHOLD for m in mentions)


def test_a_store_from_before_actor_confidence_keeps_its_actors_at_one(store_url: str, nlp) -> None:
    """A store as it was before the migration (SQLite 0017, PostgreSQL 0002), reopened:
    every actor is kept, each at 1.0, and all are shown."""
    _ingest(store_url, nlp)
    with open_store(store_url) as store:
        before = _names(store.actors())
        version = 17 if store_url.endswith(".db") else 2
    downgrade = [
        "DROP INDEX mentions_by_actor",
        "ALTER TABLE mentions DROP COLUMN confidence",
        "ALTER TABLE mentions DROP COLUMN referenced",
        "CREATE INDEX mentions_by_actor ON mentions (actor_key)",
        f"DELETE FROM schema_version WHERE version = {version}",
    ]
    if store_url.endswith(".db"):
        with sqlite3.connect(store_url) as connection:
            for statement in downgrade:
                connection.execute(statement)
    else:
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as connection:
            for statement in downgrade:
                connection.execute(statement)
    with open_store(store_url) as store:
        assert store.schema_version >= version
        actors = store.actors(min_confidence=DEFAULT_THRESHOLD)
        assert _names(actors) == before
        assert {actor["confidence"] for actor in actors} == {1.0}


def test_cli_actors_hides_the_unsure_actor_and_says_so(db: str) -> None:
    result = runner.invoke(app, ["actors", "--db", db], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Tim Cook" in result.stdout and QUOTED_NAME in result.stdout
    assert HIDDEN not in result.stdout
    assert "1 actor below confidence 0.5 hidden; --all shows them" in result.stdout

    shown = runner.invoke(app, ["actors", "--all", "--db", db], env=WIDE)
    assert HIDDEN in shown.stdout and "hidden" not in shown.stdout
    rows = json.loads(runner.invoke(app, ["actors", "--all", "--json", "--db", db]).stdout)
    assert HIDDEN in _names(rows) and all(0 <= row["confidence"] <= 1 for row in rows)
    strict = json.loads(
        runner.invoke(app, ["actors", "--min-confidence", "0.99", "--json", "--db", db]).stdout
    )
    assert QUOTED_NAME in _names(strict) and "Tim Cook" not in _names(strict)
    assert runner.invoke(app, ["actors", "--min-confidence", "2", "--db", db]).exit_code == 2


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[httpx.Client]:
    with running_server(db) as base_url, httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


def test_api_shows_the_confident_actors_unless_asked(client: httpx.Client) -> None:
    confident = _names(client.get("/api/actors", params={"limit": 50}).json()["items"])
    assert HIDDEN not in confident and {"Apple", QUOTED_NAME} <= confident
    every = client.get("/api/actors", params={"limit": 50, "min_confidence": 0}).json()
    assert HIDDEN in _names(every["items"])
    assert client.get("/api/actors", params={"min_confidence": 1.5}).status_code == 422
    assert HIDDEN not in _names(client.get("/api/export/newsgraph.json").json()["actors"])


def test_workbench_lists_the_confident_actors_with_a_switch(client: httpx.Client) -> None:
    page = client.get("/actors").text
    table = page.split('id="actors"')[-1]
    assert "Tim Cook" in table and f">{HIDDEN}<" not in table
    assert "Show all actors" in page and "min_confidence=0" in page
    everything = client.get("/actors", params={"min_confidence": 0}).text
    assert f">{HIDDEN}<" in everything.split('id="actors"')[-1]

    story_id = client.get("/api/stories").json()["items"][0]["story_id"]
    story = client.get(f"/stories/{story_id}").text
    chips = story.split('id="story-actors"')[1].split("</ul>")[0]
    assert "Tim Cook" in chips and f">{HIDDEN}<" not in chips
    note = story.split('id="actors-confidence-note"')[1]
    assert "1 less sure hidden" in note and "Show all actors" in note
    shown = client.get(f"/stories/{story_id}", params={"actor_confidence": 0}).text
    assert f">{HIDDEN}<" in shown.split('id="story-actors"')[1].split("</ul>")[0]

    dossier = client.get(f"/actors/{HIDDEN}").text
    shown_confidence = dossier.split('id="actor-confidence">')[1].split("<")[0]
    assert float(shown_confidence) < DEFAULT_THRESHOLD


def test_the_actor_filters_count_the_actors_the_list_shows(db: str) -> None:
    """The type and country choices of the actors page count what it lists: the confident
    actors by default, every actor with the switch."""
    with open_store(db) as store:
        shown = store.actor_page(200, 0, min_confidence=DEFAULT_THRESHOLD)
        every = store.actor_page(200, 0)
        assert len(shown) < len(every)
        for threshold, listed in ((DEFAULT_THRESHOLD, shown), (None, every)):
            choices = store.actor_choices(threshold)
            assert sum(option["actors"] for option in choices["types"]) == len(listed)
            with_country = [a for a in listed if a["country"] is not None]
            assert sum(option["actors"] for option in choices["countries"]) == len(with_country)


def test_exports_and_python_api_hold_the_confident_actors_unless_all(db: str) -> None:
    with open_store(db) as store:
        assert HIDDEN not in _names(export_json(store, DEFAULT_THRESHOLD)["actors"])
        assert HIDDEN in _names(export_json(store)["actors"])
        buffer = io.StringIO()
        write_csv(store, "actors", buffer, DEFAULT_THRESHOLD)
        rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
        assert HIDDEN not in {row["name"] for row in rows}
        quoted = next(row for row in rows if row["name"] == QUOTED_NAME)
        assert float(quoted["confidence"]) < DEFAULT_THRESHOLD and quoted["referenced"] == "True"
    with newsgraph.open(db, read_only=True) as ng:
        assert HIDDEN not in {actor.name for actor in ng.actors()}
        every = {actor.name: actor for actor in ng.actors(min_confidence=None)}
        assert every[HIDDEN].confidence < DEFAULT_THRESHOLD and not every[HIDDEN].referenced
