"""The CLI's listings: each fact names its story and shows its sentence, ``--cameo``
takes a code of any depth, and at 80 columns titles are cut, never folded."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph import cli
from newsgraph.store import Store, open_store
from store_records import ground_truth_stories, seed_facts, seed_story, signatures_of

TITLE = "Why Russia and China are on the same page over Kazakhstan"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """The seed story with hand-written facts and two real one-version stories."""
    with open_store(store_url) as opened:
        story = seed_story()
        opened.save_story(story, signatures_of(story), seed_facts(story))
        for other in ground_truth_stories(limit=2):
            opened.save_story(other, {}, None)
        yield opened


def _listing(store: Store, monkeypatch, *arguments: str, columns: int = 80) -> list[str]:
    """The command's output lines at a terminal ``columns`` wide."""
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setattr(cli, "console", Console())  # reads COLUMNS now, as a terminal would
    result = CliRunner().invoke(
        cli.app, [*arguments, "--db", store.url], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_titles_at_80_columns_are_cut_not_folded(store: Store, monkeypatch) -> None:
    lines = _listing(store, monkeypatch, "stories")
    assert max(len(line) for line in lines) <= 80
    [title_line] = [line for line in lines if "Why Russia" in line]
    shown = title_line.split("Why Russia", 1)[1].strip()
    # The title's words stay whole on one line; a title too long for it ends in "…".
    assert ("Why Russia " + shown).rstrip("…") in TITLE
    assert len(shown) >= 15
    assert not any(
        line.strip().startswith(("China are", "page over", "Kazakhst")) for line in lines
    )
    wide = _listing(store, monkeypatch, "stories", columns=160)
    assert any(TITLE in line for line in wide)


def test_events_name_their_story_and_show_their_sentence(store: Store, monkeypatch) -> None:
    story_id = seed_story().id
    text = "\n".join(_listing(store, monkeypatch, "events", columns=160))
    for event in store.events():
        assert event["story_id"] == story_id
        # The sentence is shown from a little before the event's own words.
        own = event["start"] - event["sentence_start"]
        assert event["sentence"][max(own - 10, 0) : own + 25] in text
    assert text.count(story_id) == len(store.events())
    assert "Russia (RUS) → send → Kazakhstan (KAZ)" in text


def test_quotes_and_claims_name_their_story_and_show_their_sentence(
    store: Store, monkeypatch
) -> None:
    story_id = seed_story().id
    quotes = "\n".join(_listing(store, monkeypatch, "quotes", columns=200))
    assert quotes.count(story_id) == len(store.quotes()) == 3
    assert '"The measures taken by the CSTO' in quotes
    claims = "\n".join(_listing(store, monkeypatch, "claims", columns=160))
    [claim] = store.claims()
    assert story_id in claims and "Kazakh share of Kazakhstan's population: 68 percent" in claims
    own = claim["start"] - claim["sentence_start"]
    assert claim["sentence"][own - 20 : own + 40] in claims


def _cameo_codes(store: Store, monkeypatch, code: str) -> list[str]:
    lines = _listing(store, monkeypatch, "events", "--cameo", code, columns=160)
    return sorted(re.findall(r"\s(0\d{2,3})\s", "\n".join(lines)))


@pytest.mark.parametrize(
    ("code", "expected"),
    [("0311", ["0311"]), ("031", ["0311"]), ("03", ["0311"]), ("7", ["074"]), ("074", ["074"])],
)
def test_cameo_takes_a_code_of_any_depth(store: Store, monkeypatch, code, expected) -> None:
    assert _cameo_codes(store, monkeypatch, code) == expected
    assert [event["cameo"] for event in store.events(cameo_root=code)] == expected


def test_a_cameo_code_no_event_has_lists_none(store: Store, monkeypatch) -> None:
    assert _cameo_codes(store, monkeypatch, "0312") == []
    assert store.events(cameo_root="190") == []
