"""Level 2: different articles about one event are one story; a similar event is not.

Real texts from ECB+ (CC BY 3.0): topic 20 holds reports of two earthquakes on
Iran's Qeshm island, one in 2008 (cluster 20ecb) and one in 2005 (20ecbplus);
topic 1 reports of an actress entering rehab (1ecb), topic 10 of a baseball
team's offer to a player (10ecb).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
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


@pytest.fixture(scope="module")
def ecb_profiles(nlp) -> list[Profile]:
    """Every sixth ECB+ dev text, so that most topics are there, several reports each."""
    records = [json.loads(line) for line in ECB_DEV.read_text(encoding="utf-8").splitlines()]
    return [Profile.of(doc) for doc in nlp.pipe(r["text"] for r in records[::6])]


def _place(index: SameStoryIndex, profiles: list[Profile], first: int = 0) -> None:
    for number, profile in enumerate(profiles, start=first):
        index.add(str(number), profile)


def test_groups_do_not_depend_on_where_a_run_stopped(ecb_profiles) -> None:
    # One run, against runs stopped after `split` stories and continued from what the
    # store keeps (each story's profile and current group, in order of placement);
    # a window of 30 so that stories also leave it.
    whole = SameStoryIndex(window=30)
    _place(whole, ecb_profiles)
    expected = [whole.story_of(str(n)) for n in range(len(ecb_profiles))]
    assert len(set(expected)) < len(expected)  # reports do come together
    for split in (1, 17, 45, 70):
        first = SameStoryIndex(window=30)
        _place(first, ecb_profiles[:split])
        continued = SameStoryIndex(window=30)
        for number, profile in enumerate(ecb_profiles[:split]):
            continued.add(str(number), profile, story_id=first.story_of(str(number)))
        _place(continued, ecb_profiles[split:], first=split)
        assert [continued.story_of(str(n)) for n in range(len(ecb_profiles))] == expected


def test_work_and_memory_per_arrival_are_bounded(ecb_profiles, monkeypatch) -> None:
    monkeypatch.setattr(same_story, "BLOCKING_FEATURES", 4)
    monkeypatch.setattr(same_story, "CANDIDATES_PER_FEATURE", 3)
    monkeypatch.setattr(same_story, "MAX_REGROUPED", 6)
    window = 20
    index = SameStoryIndex(window=window)
    left_in: dict[str, str | None] = {}  # a story's group when it left the window
    compared, sizes = [], []
    for number, profile in enumerate(ecb_profiles):
        index.add(str(number), profile)
        compared.append(index.compared)
        assert index.regrouped <= 6
        assert index.kept() == min(number + 1, window)
        if number >= window:
            left_in[str(number - window)] = index.story_of(str(number - window))
        if number >= 2 * window:
            sizes.append(index.nbytes)
    assert len(ecb_profiles) > 3 * window
    assert 0 < max(compared) <= 4 * 3 + 6
    # Stories that left the window are no longer moved, and are still answered for.
    assert {story: index.story_of(story) for story in left_in} == left_in
    # Memory stopped growing once the window was full.
    assert len(set(sizes)) == 1
