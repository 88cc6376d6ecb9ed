"""Level 2: different articles about one event are one story; a similar event is not.

Real texts from ECB+ (CC BY 3.0): topic 20 holds reports of two earthquakes on
Iran's Qeshm island, one in 2008 (cluster 20ecb) and one in 2005 (20ecbplus);
topic 1 reports of an actress entering rehab (1ecb), topic 10 of a baseball
team's offer to a player (10ecb).
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import SHARED, skip_module_without_shared
from newsgraph.cli import app
from newsgraph.pipeline import Ingestor
from newsgraph.store import open_store
from newsgraph.stories import same_story
from newsgraph.stories.same_story import Profile, SameStoryIndex

skip_module_without_shared()
ECB_DEV = SHARED / "data" / "stories" / "ecbplus_dev.jsonl"
OUTLETS = ["Wire One", "Gulf Daily", "Tehran Times", "World Radio"]


def _ecb_texts(cluster: str, count: int) -> list[str]:
    records = [json.loads(line) for line in ECB_DEV.read_text(encoding="utf-8").splitlines()]
    return [r["text"] for r in records if r["cluster"] == cluster][:count]


def _groups(index: SameStoryIndex, labels: dict[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, label in labels.items():
        groups.setdefault(str(index.story_of(article_id)), set()).add(label)
    return groups


def test_two_earthquakes_on_one_island_stay_two_stories_in_either_order(nlp) -> None:
    quakes = {"2008": _ecb_texts("20ecb", 4), "2005": _ecb_texts("20ecbplus", 4)}
    profiles = {
        f"{year}-{number}": Profile.of(doc)
        for year, texts in quakes.items()
        for number, doc in enumerate(nlp.pipe(texts))
    }
    for first, second in (("2008", "2005"), ("2005", "2008")):
        order = [f"{year}-{n}" for n in range(4) for year in (first, second)]
        index = SameStoryIndex()
        for article_id in order:
            index.add(article_id, profiles[article_id])
        groups = _groups(index, {article_id: article_id[:4] for article_id in order})
        assert all(len(years) == 1 for years in groups.values()), groups
        assert len(groups) < len(order)  # reports of one quake do come together


def _write_reports(path: Path, records: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")


def test_outlets_reporting_one_event_are_one_story_with_their_counts(tmp_path: Path, nlp) -> None:
    # Four outlets report each of three events (the quake's first text, a blogger's
    # aside on the tremor, is left out: it hardly reports the quake).
    reports = [
        [
            {"id": f"{event}-{n}", "text": text, "publisher": OUTLETS[n]}
            for n, text in enumerate(texts)
        ]
        for event, texts in (
            ("quake", _ecb_texts("20ecbplus", 5)[1:]),
            ("rehab", _ecb_texts("1ecb", 4)),
            ("offer", _ecb_texts("10ecb", 4)),
        )
    ]
    first_run, second_run = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    _write_reports(first_run, [record for n in range(3) for record in (r[n] for r in reports)])
    _write_reports(second_run, [records[3] for records in reports])
    db = tmp_path / "quakes.db"
    with open_store(db) as store:
        Ingestor(store, nlp=nlp).ingest_paths([first_run])
    with open_store(db) as store:  # a later run continues the grouping kept in the store
        Ingestor(store, nlp=nlp).ingest_paths([second_run])
    listed = json.loads(CliRunner().invoke(app, ["stories", "--db", str(db), "--json"]).stdout)
    assert len(listed) == 12  # twelve different articles: twelve level-1 stories
    groups: dict[str, set[str]] = {}
    for story in listed:
        event = story["versions"][0]["source_ref"].split("-")[0]
        groups.setdefault(story["same_story"]["id"], set()).add(event)
    assert sorted(map(sorted, groups.values())) == [["offer"], ["quake"], ["rehab"]]
    for story in listed:
        group = story["same_story"]
        assert len(group["stories"]) == group["articles"] == 4
        assert len(group["publishers"]) == 4
    shown = CliRunner().invoke(app, ["story", listed[0]["id"], "--db", str(db)])
    assert shown.exit_code == 0
    assert "4 stories, 4 articles, 4 outlets" in shown.stdout
    assert listed[0]["versions"][0]["publisher"] in shown.stdout


def test_a_group_too_big_to_cluster_again_is_joined_by_average_similarity(nlp, monkeypatch) -> None:
    texts = [*_ecb_texts("1ecb", 6), *_ecb_texts("10ecb", 1)]  # rehab reports, then an offer
    profiles = [Profile.of(doc) for doc in nlp.pipe(texts)]

    def grouping() -> list[str | None]:
        index = SameStoryIndex()
        for number, profile in enumerate(profiles):
            index.add(str(number), profile)
        return [index.story_of(str(number)) for number in range(len(profiles))]

    unbounded = grouping()
    monkeypatch.setattr(same_story, "MAX_REGROUPED", 3)
    assert grouping() == unbounded
    assert unbounded.count("0") >= 4  # the bound was reached: later reports joined by average
    assert unbounded[-1] == str(len(texts) - 1)  # the baseball offer opens its own story
