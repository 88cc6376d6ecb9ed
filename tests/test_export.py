"""The JSON export: valid against its schema, documented, stable, and traceable to text."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from newsgraph.export.json import export_json, write_json
from newsgraph.store import Store, open_store
from store_records import ground_truth_stories, seed_facts, seed_story, signatures_of

SCHEMA = json.loads(
    (resources.files("newsgraph") / "schema" / "export.schema.json").read_text(encoding="utf-8")
)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """The seed story with hand-written facts, plus three real one-version stories."""
    with open_store(store_url) as opened:
        story = seed_story()
        opened.save_story(story, signatures_of(story), seed_facts(story))
        for other in ground_truth_stories(limit=3):
            opened.save_story(other, {}, None)
        yield opened


def without_timestamp(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "generated_at"}


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _properties(schema: Any, path: str = "#") -> Iterator[tuple[str, dict]]:
    """Every (path, subschema) that sits under a ``properties`` keyword."""
    if isinstance(schema, dict):
        for name, subschema in schema.get("properties", {}).items():
            yield f"{path}/{name}", subschema
        for key, value in schema.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from _properties(value, f"{path}/{index}")


def test_every_property_is_described_and_required() -> None:
    undescribed = [path for path, sub in _properties(SCHEMA) if not sub.get("description")]
    assert undescribed == []
    for definition in [SCHEMA, *SCHEMA["$defs"].values()]:
        if "properties" in definition:
            assert set(definition["required"]) == set(definition["properties"])


def test_export_validates_against_the_schema(store: Store) -> None:
    document = export_json(store)
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []
    assert document["schema_version"] == store.schema_version
    assert len(document["stories"]) == store.counts()["stories"] == 4


def test_export_holds_the_whole_store(store: Store) -> None:
    document = export_json(store)
    counts = store.counts()
    for key in ("actors", "quotes", "events", "claims"):
        assert len(document[key]) == counts[key]
    versions = [v for story in document["stories"] for v in story["versions"]]
    assert len(versions) == counts["articles"]
    assert {v["source_ref"] for v in versions} >= {a.source_ref for a in seed_story().versions}


def test_fact_offsets_point_into_the_exported_story_text(store: Store) -> None:
    document = export_json(store)
    texts = {s["canonical_article_id"]: s["text"] for s in document["stories"]}
    for quote in document["quotes"]:
        assert texts[quote["article_id"]][quote["start"] : quote["end"]] == quote["text"]
    for fact in document["quotes"] + document["events"] + document["claims"]:
        text = texts[fact["article_id"]]
        assert text[fact["sentence_start"] : fact["sentence_end"]] == fact["sentence"]


def test_export_is_stable_across_a_resave(store: Store) -> None:
    before = export_json(store)
    story = seed_story()
    store.save_story(story, signatures_of(story), seed_facts(story))
    assert without_timestamp(export_json(store)) == without_timestamp(before)


def test_export_follows_replaced_facts(store: Store) -> None:
    story = seed_story()
    facts = seed_facts(story)
    store.save_story(story, {}, dataclasses.replace(facts, quotes=facts.quotes[:1]))
    document = export_json(store)
    assert [q["text"] for q in document["quotes"]] == [facts.quotes[0].text]


def test_write_json_to_a_path_and_a_stream(store: Store, tmp_path: Path) -> None:
    expected = without_timestamp(export_json(store))
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    write_json(store, target)
    assert without_timestamp(json.loads(target.read_text(encoding="utf-8"))) == expected
    stream = io.StringIO()
    write_json(store, stream)
    assert without_timestamp(json.loads(stream.getvalue())) == expected
    # Non-ASCII text is written as itself, not as escapes.
    assert "Central Asia’s" in stream.getvalue()


def test_cli_exports_csv_tables_and_the_graphml_network(store: Store, tmp_path: Path) -> None:
    import csv

    import networkx as nx
    from typer.testing import CliRunner

    from newsgraph.cli import app

    runner = CliRunner()
    folder = tmp_path / "tables"
    command = ["export", "--format", "csv", "--db", store.url, "-o", str(folder)]
    assert runner.invoke(app, command).exit_code == 0
    assert sorted(path.name for path in folder.iterdir()) == [
        "actors.csv",
        "claims.csv",
        "events.csv",
        "quotes.csv",
        "stories.csv",
    ]
    with (folder / "quotes.csv").open(encoding="utf-8", newline="") as stream:
        quotes = list(csv.DictReader(stream))
    assert [row["text"] for row in quotes] == [quote["text"] for quote in store.quotes()]
    no_folder = runner.invoke(app, ["export", "--format", "csv", "--db", store.url])
    assert no_folder.exit_code == 2 and "--output" in no_folder.output

    network = tmp_path / "network.graphml"
    command = ["export", "--format", "graphml", "--db", store.url, "-o", str(network)]
    assert runner.invoke(app, command).exit_code == 0
    assert ("RUS", "KAZ") in nx.read_graphml(network).edges


def test_every_fact_row_of_the_csv_says_where_it_comes_from(store: Store) -> None:
    import csv

    from newsgraph.export.csv import write_csv

    seed = seed_story()
    canonical = seed.canonical
    for table in ("quotes", "events", "claims"):
        stream = io.StringIO()
        write_csv(store, table, stream)
        rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
        facts = {"quotes": store.quotes, "events": store.events, "claims": store.claims}[table]()
        assert len(rows) == len(facts) >= 1
        for row, fact in zip(rows, facts, strict=True):
            assert row["story_id"] == seed.id == fact["story_id"]
            assert (
                row["article_url"]
                == canonical.url
                == "https://www.trtworld.com/opinion/kazakhstan-russia-china"
            )
            assert row["publisher"] == canonical.publisher
            assert row["published"] == canonical.published
            assert row["sentence"] == fact["sentence"] and len(row["sentence"]) > 20
    stream = io.StringIO()
    write_csv(store, "stories", stream)
    stories = {row["id"]: row for row in csv.DictReader(io.StringIO(stream.getvalue()))}
    assert stories[seed.id]["article_url"] == canonical.url
    assert stories[seed.id]["publisher"] == "TRT World"
    others = [row for story_id, row in stories.items() if story_id != seed.id]
    assert others and all(row["article_url"].startswith("http") for row in others)
