"""`newsgraph code` and `newsgraph export --format gdelt`: the event fields users script on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEED_000, SEED_001
from newsgraph.cli import app
from newsgraph.export.gdelt import GDELT_COLUMNS, gdelt_rows
from newsgraph.pipeline import Ingestor
from newsgraph.store import open_store

runner = CliRunner()
EVENT_KEYS = {"verb", "start", "end", "sentence", "source", "target", "cameo", "plover"}
EVENT_KEYS |= {"goldstein", "quad_class", "date", "location", "negated", "cameo_root", "place"}
EVENT_KEYS |= {"confidence", "basis"}


def test_code_prints_each_event_with_its_sides_codes_and_verb_span():
    text = "Slovakia has stated that it will support Poland."
    result = runner.invoke(app, ["code", text, "--date", "2022-03-01", "--json"])
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.stdout)
    assert set(event) == EVENT_KEYS
    assert text[event["start"] : event["end"]] == event["verb"] == "support"
    assert event["source"]["code"] == "SVK" and event["target"]["code"] == "POL"
    assert (event["plover"], event["quad_class"], event["date"]) == ("AGREE", 1, "2022-03-01")


def test_code_file_prints_one_line_per_input_and_says_why_a_line_is_bad(tmp_path: Path):
    lines = [
        {"id": "one", "text": "Police arrested protesters in Kyiv.", "date": "2022-02-01"},
        "not json",
        {"id": "three", "text": "The weather was fine."},
        {"id": "four", "text": "France will send troops to Mali.", "date": "1 March"},
    ]
    file = tmp_path / "in.jsonl"
    file.write_text("\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines) + "\n")
    result = runner.invoke(app, ["code", "--file", str(file)])
    assert result.exit_code == 1  # something was skipped
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["one", None, "three", None]
    (arrest,) = out[0]["events"]
    assert (arrest["source"]["code"], arrest["target"]["code"], arrest["cameo"]) == (
        "UKRCOP",
        "UKRCVL",
        "175",
    )
    assert arrest["location"] == "Kyiv"
    assert (arrest["place"]["name"], arrest["place"]["type"], arrest["place"]["country"]) == (
        "Kyiv",
        "city",
        "UKR",
    )
    assert "not JSON" in out[1]["error"] and "YYYY-MM-DD" in out[3]["error"]
    assert out[2]["events"] == []


def test_code_takes_the_users_own_actors(tmp_path: Path):
    actors = tmp_path / "mine.tsv"
    actors.write_text(
        "key\ttype\tname\tcode\tcountry\taliases\n"
        "org:northern-front\torganisation\tNorthern Front\tRURREB\tRUR\tNF\n"
    )
    result = runner.invoke(
        app, ["code", "The Northern Front attacked Kenya.", "--actors", str(actors), "--json"]
    )
    (event,) = json.loads(result.stdout)
    assert (event["source"]["code"], event["target"]["code"]) == ("RURREB", "KEN")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("gdelt") / "seed.db"
    with open_store(path) as store:
        Ingestor(store, nlp=nlp).ingest_paths([SEED_000, SEED_001])
    return path


def test_gdelt_export_writes_the_61_columns_with_codes_dates_and_source(seed_store):
    output = seed_store.parent / "events.tsv"
    command = ["export", "--format", "gdelt", "--all", "--db", str(seed_store), "-o", str(output)]
    assert runner.invoke(app, command).exit_code == 0
    with open_store(seed_store) as store:
        events = store.events()
    rows = [line.split("\t") for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(events) > 0
    assert all(len(row) == len(GDELT_COLUMNS) == 61 for row in rows)
    sent = next(dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows if r[26] == "074")
    assert (sent["Actor1Code"], sent["Actor1CountryCode"], sent["Actor2CountryCode"]) == (
        "RUS",
        "RUS",
        "KAZ",
    )
    assert (sent["EventBaseCode"], sent["EventRootCode"], sent["QuadClass"]) == ("074", "07", "2")
    assert (sent["SQLDATE"], sent["MonthYear"], sent["Year"]) == ("20220110", "202201", "2022")
    assert sent["GoldsteinScale"] == "8.5"
    assert sent["SOURCEURL"].endswith((SEED_000.name, SEED_001.name))
    assert len({r[0] for r in rows}) == len(rows)  # GLOBALEVENTIDs are distinct


def test_gdelt_export_places_the_seed_events_and_gives_their_tone(seed_store):
    output = seed_store.parent / "placed.tsv"
    command = ["export", "--format", "gdelt", "--all", "--db", str(seed_store), "-o", str(output)]
    assert runner.invoke(app, command).exit_code == 0
    rows = [
        dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
        for line in output.read_text(encoding="utf-8").splitlines()
    ]
    with open_store(seed_store) as store:
        (story,) = store.stories()
    tones = {f"{version['tone']}" for version in story["versions"]}
    assert all(row["AvgTone"] in tones for row in rows)  # each row: its article's tone
    by_place = {row["ActionGeo_FullName"]: row for row in rows if row["ActionGeo_Lat"]}
    almaty, astana = by_place["Almaty, Kazakhstan"], by_place["Astana, Kazakhstan"]
    for row in (almaty, astana):
        assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"]) == ("4", "KZ")
    assert (float(almaty["ActionGeo_Lat"]), float(almaty["ActionGeo_Long"])) == pytest.approx(
        (43.25, 76.91), abs=0.05
    )
    assert (float(astana["ActionGeo_Lat"]), float(astana["ActionGeo_Long"])) == pytest.approx(
        (51.18, 71.45), abs=0.05
    )
    country = by_place["Kazakhstan"]
    assert (country["ActionGeo_Type"], country["ActionGeo_FeatureID"]) == ("1", "KZ")
    # "Central Asia" is no place the gazetteer knows: its name stays, without coordinates.
    (region,) = [row for row in rows if row["ActionGeo_FullName"] == "Central Asia"]
    assert region["ActionGeo_Lat"] == region["ActionGeo_Type"] == ""
    # An actor with a country is placed at that country.
    sent = next(row for row in rows if row["EventCode"] == "074")
    assert (sent["Actor1Geo_Type"], sent["Actor1Geo_CountryCode"]) == ("1", "RS")
    assert (sent["Actor2Geo_FullName"], sent["Actor2Geo_FeatureID"]) == ("Kazakhstan", "KZ")


def test_gdelt_values_cannot_break_rows_and_international_codes_split():
    from datetime import UTC, datetime

    event = {
        "id": "s:event:0",
        "article_id": "a",
        "date": "2021-07",
        "sentence_start": 0,
        "cameo": "0234",
        "quad_class": 1,
        "goldstein": 3.4,
        "location": "Al\tmaty\n",
        "source": {"text": "the\tUN", "name": None, "code": "IGOUNO", "sector": None},
        "target": None,
    }
    (row,) = gdelt_rows([event], {"a": "https://example.org/x"}, datetime(2024, 1, 2, tzinfo=UTC))
    assert row["Actor1Name"] == "THE UN" and row["ActionGeo_FullName"] == "Al maty"
    assert (row["Actor1CountryCode"], row["Actor1KnownGroupCode"]) == ("", "UNO")
    assert (row["SQLDATE"], row["IsRootEvent"], row["Actor2Code"]) == ("20210701", "1", "")
    assert row["DATEADDED"] == "20240102000000"
