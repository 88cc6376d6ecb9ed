"""newsgraph.open: the Python API over a store built from the bundled samples."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

import newsgraph
from conftest import BACKENDS, new_store_url
from newsgraph.results import EventRecord, Records
from newsgraph.store import UnsupportedStoreURL

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module", params=BACKENDS)
def graph(request, nlp, tmp_path_factory):
    """The samples ingested through ``newsgraph.open``, on each back-end."""
    database = new_store_url(request, tmp_path_factory.mktemp("api"))
    with newsgraph.open(database) as ng:
        report = ng.ingest(SAMPLES)
        yield ng, report


def test_ingest_reports_what_it_did(graph) -> None:
    ng, report = graph
    assert (report.read, report.new_stories, report.duplicates, report.skipped) == (3, 1, 2, [])
    assert ng.counts()["articles"] == 3


def test_a_url_and_a_path_open_the_same_store(graph) -> None:
    ng, _ = graph
    url = ng.store.url
    url = url if url.startswith("postgresql://") else f"sqlite:///{url}"
    with newsgraph.open(url, read_only=True) as again:
        assert again.counts() == ng.counts()
    with pytest.raises(UnsupportedStoreURL, match="mysql"):
        newsgraph.open("mysql://localhost/news")


def test_stories_are_typed_and_filtered(graph) -> None:
    ng, _ = graph
    (story,) = ng.stories()
    assert story.published == datetime.date(2022, 1, 10)
    assert story.publisher == "TRT World"
    assert len(story.versions) == 3 and story.events > 0
    assert [s.id for s in ng.stories(actor="China", since="2022-01-01")] == [story.id]
    assert [s.id for s in ng.stories(query="colour revolution")] == [story.id]
    assert ng.stories(until=datetime.date(2021, 12, 31)) == []
    assert ng.stories(publisher="No Such Outlet") == []


def test_events_of_an_actor_between_dates(graph) -> None:
    ng, _ = graph
    russia = ng.events(actor="Russia", since="2022-01-01", until="2022-01-31")
    assert russia
    for event in russia:
        sides = {side.key for side in (event.source, event.target) if side is not None}
        assert "RUS" in sides
        assert event.date == datetime.date(2022, 1, 10)
        assert event.sentence and event.verb in event.sentence
    assert ng.events(actor="Russia", since="2022-01-11") == []
    assert len(ng.events(limit=2)) == 2
    with pytest.raises(ValueError, match="not a date"):
        ng.events(since="January 2022")


def test_events_become_a_flat_dataframe(graph) -> None:
    ng, _ = graph
    frame = ng.events(actor="RUS").to_pandas()
    sent = frame[frame["verb"] == "sent"].iloc[0]
    assert (sent["source_name"], sent["target_name"], sent["plover"]) == (
        "Russia",
        "Kazakhstan",
        "AID",
    )
    assert sent["reports"] == 3  # the three versions of the article each tell it
    assert str(frame["date"].dtype).startswith("datetime64")
    assert "source" not in frame.columns


def test_quotes_by_speaker_group_in_pandas(graph) -> None:
    ng, _ = graph
    putin = ng.quotes(speaker="Putin")
    assert putin and {quote.speaker for quote in putin} == {"Vladimir Putin"}
    counts = ng.quotes().to_pandas().groupby("speaker").size()
    assert counts["Vladimir Putin"] == len(putin)
    assert counts["Xi Jinping"] >= 1


def test_story_gives_text_and_facts(graph) -> None:
    ng, _ = graph
    (story,) = ng.stories()
    detail = ng.story(story.id)
    assert detail.story == story
    assert [section.title for section in detail.sections] == [
        "Russian interests",
        "Chinese interests",
    ]
    for claim in detail.claims:  # each fact cites the words it was read from
        assert detail.text[claim.start : claim.end] == claim.value
    for event in detail.events:
        assert detail.text[event.start : event.end] == event.verb
    assert len(detail.events) == story.events
    with pytest.raises(KeyError, match="no story"):
        ng.story("no-such-story")


def test_empty_listing_keeps_its_columns() -> None:
    frame = Records(EventRecord).to_pandas()
    assert frame.empty
    assert {"date", "source_name", "target_code", "reports"} <= set(frame.columns)


def test_to_pandas_without_pandas_names_the_extra(graph, monkeypatch) -> None:
    ng, _ = graph
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"pip install 'newsgraph\[pandas\]'"):
        ng.claims().to_pandas()
