"""Quote confidence end to end: every reader (CLI, API and the story page, exports, the
Python API) shows the confident quotes by default, with a switch to show all. Below the
threshold are one-word fragments and quotes whose speaker was not found."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.export.csv import write_csv
from newsgraph.export.json import export_json
from newsgraph.pipeline import Ingestor
from newsgraph.quotes.confidence import DEFAULT_THRESHOLD, is_shown
from newsgraph.records import RawDocument
from newsgraph.store import open_store
from workbench_server import running_server

# A named speaker's quote, a one-word fragment in the reporter's sentence, and a quoted
# paragraph that carries on the speaker before it.
ARTICLE = RawDocument(
    source_ref="quote-confidence-1",
    text=(
        '"We will not back down," Prime Minister Jane Okafor said on Tuesday.\n\n'
        'The opposition leader, Tom Reyes, called the budget "reckless".\n\n'
        '"Nothing is settled yet."\n'
    ),
    title="Budget row",
    published="2024-03-05",
    publisher="Test Wire",
)
SHOWN = ["We will not back down", "Nothing is settled yet."]
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("quote-confidence") / "quotes.db"
    with open_store(path) as store:
        assert Ingestor(store, nlp=nlp).ingest([ARTICLE]).skipped == []
    return path


def _texts(quotes: list[dict]) -> list[str]:
    return [quote["text"] for quote in quotes]


def test_the_store_keeps_the_confident_quotes_when_asked(db: Path) -> None:
    with open_store(db) as store:
        every = {quote["text"]: quote for quote in store.quotes()}
        assert every["reckless"]["confidence"] < DEFAULT_THRESHOLD
        assert every["We will not back down"]["confidence"] >= DEFAULT_THRESHOLD
        assert _texts(store.quotes(min_confidence=DEFAULT_THRESHOLD)) == SHOWN
        assert len(store.quote_page(None, 10, 0, min_confidence=0.0)) == 3
        assert set(_texts(store.quote_page(None, 10, 0, DEFAULT_THRESHOLD))) == set(SHOWN)


def test_a_quote_never_measured_is_shown() -> None:
    assert is_shown(None, DEFAULT_THRESHOLD) and is_shown(0.1, None)
    assert not is_shown(0.47, DEFAULT_THRESHOLD)


def test_cli_quotes_hides_the_unsure_quote_and_says_so(db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", str(db)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "reckless" not in result.stdout and "back down" in result.stdout
    assert "1 quote below confidence 0.5 hidden; --all shows them" in result.stdout
    every = json.loads(runner.invoke(app, ["quotes", "--all", "--json", "--db", str(db)]).stdout)
    assert len(every) == 3
    assert runner.invoke(app, ["quotes", "--min-confidence", "2", "--db", str(db)]).exit_code == 2


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[httpx.Client]:
    with running_server(db) as base_url, httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


def test_api_and_story_page_show_the_confident_quotes_unless_asked(client: httpx.Client) -> None:
    assert set(_texts(client.get("/api/quotes").json()["items"])) == set(SHOWN)
    every = client.get("/api/quotes", params={"min_confidence": 0}).json()["items"]
    assert len(every) == 3
    assert client.get("/api/quotes", params={"min_confidence": 1.5}).status_code == 422
    assert _texts(client.get("/api/export/newsgraph.json").json()["quotes"]) == SHOWN

    story_id = every[0]["story_id"]
    page = client.get(f"/stories/{story_id}").text
    quotes = page.split('id="story-quotes"')[1].split('id="story-claims"')[0]
    assert "back down" in quotes and "reckless" not in quotes
    assert "1 less sure hidden" in quotes and "Show all quotes" in quotes
    everything = client.get(f"/stories/{story_id}", params={"quote_confidence": 0}).text
    assert "reckless" in everything.split('id="story-quotes"')[1].split('id="story-claims"')[0]


def test_exports_and_python_api_hold_the_confident_quotes_unless_all(db: Path) -> None:
    with open_store(db) as store:
        assert _texts(export_json(store, DEFAULT_THRESHOLD)["quotes"]) == SHOWN
        assert len(export_json(store)["quotes"]) == 3
        buffer = io.StringIO()
        write_csv(store, "quotes", buffer, DEFAULT_THRESHOLD)
        rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
        assert [row["text"] for row in rows] == SHOWN
        assert all(float(row["confidence"]) >= DEFAULT_THRESHOLD for row in rows)
    with newsgraph.open(db, read_only=True) as ng:
        assert [quote.text for quote in ng.quotes()] == SHOWN
        assert len(ng.quotes(min_confidence=None)) == 3
