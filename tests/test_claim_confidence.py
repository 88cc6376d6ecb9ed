"""Claim confidence end to end: stored with each claim, and every reader (CLI, API and the
story page, exports, the Python API) shows the confident claims by default, with a switch
to show all."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.claims.confidence import DEFAULT_THRESHOLD
from newsgraph.cli import app
from newsgraph.export.csv import write_csv
from newsgraph.export.json import export_json
from newsgraph.pipeline import Ingestor
from newsgraph.records import RawDocument
from newsgraph.store import open_store
from workbench_server import running_server

# A count of people harmed, with its source; and a product's specification (a range).
SURE = "Officials said 30 people were killed in the fighting."
UNSURE = "The car will go 230 miles per charge."
ARTICLE = RawDocument(
    source_ref="claim-confidence-1",
    text=f"{SURE}\n\n{UNSURE}\n",
    title="Fighting and phones",
    published="2023-08-25",
    publisher="Test Wire",
)
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("claim-confidence") / "claims.db"
    with open_store(path) as store:
        assert Ingestor(store, nlp=nlp).ingest([ARTICLE]).skipped == []
    return path


def _values(claims: list[dict]) -> list[str]:
    return [claim["value"] for claim in claims]


def test_each_claim_is_stored_with_its_confidence(db: Path) -> None:
    with open_store(db) as store:
        by_value = {claim["value"]: claim for claim in store.claims()}
        assert (
            by_value["30"]["confidence"] >= DEFAULT_THRESHOLD > by_value["230 miles"]["confidence"]
        )
        assert _values(store.claims(min_confidence=DEFAULT_THRESHOLD)) == ["30"]
        assert len(store.claim_page(10, 0, min_confidence=0.0)) == 2


def test_a_store_from_before_confidence_keeps_its_claims_at_one(db: Path, tmp_path: Path) -> None:
    """The store as it was before migration 0016, reopened: its claims are kept, at 1.0."""
    old = tmp_path / "old.db"
    with sqlite3.connect(db) as source, sqlite3.connect(old) as target:
        source.backup(target)
    with sqlite3.connect(old) as connection:
        connection.execute("ALTER TABLE claims DROP COLUMN confidence")
        connection.execute("DELETE FROM schema_version WHERE version = 16")
    with open_store(old) as store:
        assert store.schema_version >= 16
        assert {claim["confidence"] for claim in store.claims()} == {1.0}


def test_cli_claims_hides_the_unsure_claim_and_says_so(db: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(db)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "people killed in the fighting: 30" in result.stdout
    assert "230 miles" not in result.stdout
    assert "1 claim below confidence 0.5 hidden; --all shows them" in result.stdout

    shown = runner.invoke(app, ["claims", "--all", "--db", str(db)], env={"COLUMNS": "160"})
    assert "230 miles" in shown.stdout and "hidden" not in shown.stdout
    rows = json.loads(runner.invoke(app, ["claims", "--all", "--json", "--db", str(db)]).stdout)
    assert sorted(_values(rows)) == ["230 miles", "30"]
    assert all(0 <= row["confidence"] <= 1 for row in rows)
    assert runner.invoke(app, ["claims", "--min-confidence", "2", "--db", str(db)]).exit_code == 2


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[httpx.Client]:
    with running_server(db) as base_url, httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


def test_api_and_story_page_show_the_confident_claims_unless_asked(client: httpx.Client) -> None:
    assert _values(client.get("/api/claims").json()["items"]) == ["30"]
    every = client.get("/api/claims", params={"min_confidence": 0}).json()["items"]
    assert sorted(_values(every)) == ["230 miles", "30"]
    assert client.get("/api/claims", params={"min_confidence": 1.5}).status_code == 422
    assert _values(client.get("/api/export/newsgraph.json").json()["claims"]) == ["30"]

    story_id = every[0]["story_id"]
    page = client.get(f"/stories/{story_id}").text
    claims = page.split('id="story-claims"')[1]
    assert "people killed" in claims and "230 miles" not in claims
    assert "1 less sure hidden" in claims and "Show all claims" in claims
    everything = client.get(f"/stories/{story_id}", params={"min_confidence": 0}).text
    assert "230 miles" in everything.split('id="story-claims"')[1]


def test_exports_and_python_api_hold_the_confident_claims_unless_all(db: Path) -> None:
    with open_store(db) as store:
        assert _values(export_json(store, DEFAULT_THRESHOLD)["claims"]) == ["30"]
        assert len(export_json(store)["claims"]) == 2
        buffer = io.StringIO()
        write_csv(store, "claims", buffer, DEFAULT_THRESHOLD)
        (row,) = csv.DictReader(io.StringIO(buffer.getvalue()))
        assert row["value"] == "30" and float(row["confidence"]) >= DEFAULT_THRESHOLD
    with newsgraph.open(db, read_only=True) as ng:
        assert [claim.value for claim in ng.claims()] == ["30"]
        assert len(ng.claims(min_confidence=None)) == 2
