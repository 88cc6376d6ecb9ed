"""The whole pipeline: idempotency, order independence, bad input, resuming, real articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXTRACTION, SEED_000, SEED_001, needs_shared
from newsgraph.cli import app
from newsgraph.export.json import export_json
from newsgraph.pipeline import Ingestor
from newsgraph.store import open_store


def _without_timestamp(export: dict) -> dict:
    return {key: value for key, value in export.items() if key != "generated_at"}


def test_ingesting_the_same_files_again_changes_nothing(store_url, nlp) -> None:
    with open_store(store_url) as store:
        ingestor = Ingestor(store, nlp=nlp)
        first = ingestor.ingest_paths([SEED_000, SEED_001])
        before = _without_timestamp(export_json(store))
        again = Ingestor(store, nlp=nlp).ingest_paths([SEED_000, SEED_001])
        after = _without_timestamp(export_json(store))
    assert (first.new_stories, first.joined, first.unchanged) == (1, 1, 0)
    assert (again.new_stories, again.joined, again.unchanged, again.annotated) == (0, 0, 2, 0)
    assert before == after


def _story_summary(path: Path, nlp, order: list[Path]) -> dict:
    with open_store(str(path)) as store:
        for seed in order:  # one run per file, as a user adding articles over time
            Ingestor(store, nlp=nlp).ingest_paths([seed])
        (story,) = store.stories()
        detail = store.story(story["id"])
        return {
            "versions": sorted(v["article_id"] for v in story["versions"]),
            "canonical": story["canonical_article_id"],
            "published": story["published"],
            "publisher": story["publisher"],
            "body": detail["body"],
            "quotes": sorted((q["speaker"], q["text"]) for q in store.quotes()),
            "events": sorted((e["cameo"], e["verb"]) for e in store.events()),
            "claims": sorted((c["subject"], c["value"]) for c in store.claims()),
            "counts": store.counts(),
        }


def test_either_order_gives_the_same_single_story(tmp_path, nlp) -> None:
    forward = _story_summary(tmp_path / "a.db", nlp, [SEED_000, SEED_001])
    backward = _story_summary(tmp_path / "b.db", nlp, [SEED_001, SEED_000])
    assert forward == backward
    assert forward["counts"]["stories"] == 1


def _write_bad_inputs(folder: Path) -> None:
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    latin = 'Café owners in São Paulo said prices rose. "Nobody can pay," said Ana Souza.'
    (folder / "latin1.txt").write_bytes(latin.encode("latin-1", errors="replace"))
    with (folder / "huge.txt").open("w") as handle:
        handle.write("Word salad. " * (50 * 1024 * 1024 // 12))
    records = [
        json.dumps({"id": "good-1", "text": SEED_000.read_text(encoding="utf-8")}),
        "{this is not json",
        json.dumps({"id": "no-text", "title": "nothing here"}),
    ]
    (folder / "records.jsonl").write_text("\n".join(records) + "\n")


def test_bad_input_is_reported_and_the_rest_goes_on(tmp_path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    _write_bad_inputs(inputs)
    db = tmp_path / "store.db"
    result = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("skipped")]
    reasons = "\n".join(lines)
    assert "empty.txt" in reasons and "empty" in reasons
    assert "binary.txt" in reasons and "binary" in reasons
    assert "huge.txt" in reasons and "MB" in reasons
    assert "records.jsonl:2" in reasons and "JSON" in reasons
    assert "no-text" in reasons or "records.jsonl:3" in reasons
    assert "latin1.txt" not in reasons  # decoded, not lost
    with open_store(str(db)) as store:
        refs = {v["source_ref"] for s in store.stories() for v in s["versions"]}
        speakers = {q["speaker_text"] for q in store.quotes()}
    assert "good-1" in refs
    assert any(ref.endswith("latin1.txt") for ref in refs)
    assert any(speaker and "Souza" in speaker for speaker in speakers)


def test_a_clean_run_exits_zero_and_lists_stories_as_json(store_url) -> None:
    db = store_url
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SEED_000), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert listed.exit_code == 0
    (story,) = json.loads(listed.stdout)
    assert story["versions"][0]["source_ref"].endswith(SEED_000.name)


class _CrashingStore:
    """A real store that dies after a number of saves, as a killed process would."""

    def __init__(self, store, saves_before_crash: int) -> None:
        self._store = store
        self._left = saves_before_crash

    def save_story(self, *args, **kwargs) -> None:
        if self._left == 0:
            raise KeyboardInterrupt
        self._left -= 1
        self._store.save_story(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._store, name)


def _bodies(count: int) -> list[dict]:
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        {"id": key, "url": value.get("url"), "text": value["articleBody"]}
        for key, value in list(truth.items())[:count]
    ]


@needs_shared
def test_a_crashed_run_resumes_without_losing_or_doubling(tmp_path, store_url, nlp) -> None:
    source = tmp_path / "bodies.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in _bodies(6)) + "\n")
    with open_store(store_url) as store:
        with pytest.raises(KeyboardInterrupt):
            Ingestor(_CrashingStore(store, 3), nlp=nlp).ingest_paths([source])
        assert store.counts()["stories"] == 3
        resumed = Ingestor(store, nlp=nlp).ingest_paths([source])
        assert resumed.unchanged == 3
        assert store.counts()["stories"] == store.counts()["articles"] == 6


@needs_shared
def test_real_articles_give_plausible_actors_and_speakers(tmp_path, nlp) -> None:
    source = tmp_path / "bodies.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in _bodies(12)) + "\n")
    with open_store(str(tmp_path / "store.db")) as store:
        report = Ingestor(store, nlp=nlp).ingest_paths([source])
        assert report.skipped == []
        stories = store.stories()
        assert len(stories) == 12
        for story in stories:
            assert store.story(story["id"])["body"].strip()
        actors = {a["key"]: a for a in store.actors()}
        assert {a["type"] for a in actors.values()} <= {
            "country",
            "person",
            "organisation",
            "group",
            "programme",
        }
        assert any(a["type"] == "person" for a in actors.values())
        quotes = store.quotes()
    assert quotes, "twelve news articles without one direct quote is implausible"
    for quote in quotes:
        if quote["speaker_key"] is not None:
            assert actors[quote["speaker_key"]]["type"] in {"person", "organisation", "country"}


def test_a_failure_in_one_story_facts_keeps_it_and_goes_on(tmp_path, nlp, monkeypatch) -> None:
    """A fact extractor raising on one article's text (a parser or rule bug no one has met
    yet) loses nothing: that story is stored without facts, with its one line, and the
    other stories get theirs."""
    import newsgraph.pipeline as pipeline

    extract_claims = pipeline.extract_claims

    def failing_on_budgets(doc, article_id, date=None):
        if "budget" in doc.text:
            raise ValueError("unexpected number format")
        return extract_claims(doc, article_id, date=date)

    monkeypatch.setattr(pipeline, "extract_claims", failing_on_budgets)
    records = [
        {
            "id": "flood",
            "text": 'Floods hit Dhaka on Monday. "We lost everything," said Rahim Uddin.',
        },
        {"id": "budget", "text": "The minister cut the budget by 12 percent, said Maria Lopez."},
        {
            "id": "strike",
            "text": 'Dockers in Antwerp went on strike. "We want pay," said Jan Peeters.',
        },
    ]
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    with open_store(str(tmp_path / "store.db")) as store:
        report = Ingestor(store, nlp=nlp).ingest_paths([source])
        assert store.counts()["stories"] == 3
        speakers = {q["speaker_text"] for q in store.quotes()}
    assert report.annotated == 2
    (skipped,) = report.skipped
    assert "budget" in skipped.source_ref
    assert "stored without facts" in skipped.reason and "unexpected number format" in skipped.reason
    assert {"Rahim Uddin", "Jan Peeters"} <= speakers
