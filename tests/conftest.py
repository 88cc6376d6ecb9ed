"""Shared fixtures: the spaCy pipeline (loaded once) and paths to the shared data.

The evaluation data (gold annotations, benchmark pages, ECB+ texts) lives in
``../shared`` beside the checkout. A clone without it still runs every test that
does not need it: the others skip with one line saying so (``needs_shared``, the
``gold`` fixture, ``skip_module_without_shared``). The seed articles themselves
ship in ``samples/`` (the same bytes as ``../shared/seeds``).
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "samples"
SEED_000 = SAMPLES / "000_07eda4ab0cbebf71.txt"
SEED_001 = SAMPLES / "001_daaf3d0a82d16b8c.txt"
GOLD = SHARED / "acceptance" / "seeds.gold.json"
EXTRACTION = SHARED / "data" / "extraction"

# `newsgraph ingest` parses in this process unless a test asks for workers: the tests'
# inputs are small, and worker processes would each load the model again.
os.environ.setdefault("NEWSGRAPH_WORKERS", "1")

HAVE_SHARED = SHARED.is_dir()
SHARED_MISSING = f"needs the evaluation data in {SHARED} (absent beside this clone)"
needs_shared = pytest.mark.skipif(not HAVE_SHARED, reason=SHARED_MISSING)


def skip_module_without_shared() -> None:
    """Skip the calling test module when every test of it needs ``../shared``."""
    if not HAVE_SHARED:
        pytest.skip(SHARED_MISSING, allow_module_level=True)


@functools.cache
def gold_data() -> dict[str, Any]:
    """shared/acceptance/seeds.gold.json, read once; only under ``needs_shared``."""
    return json.loads(GOLD.read_text(encoding="utf-8"))


def gold_items(section: str) -> list[dict[str, Any]]:
    """The required items of a gold section, to parametrize a ``needs_shared`` test
    with: none without ``../shared``, where the test then skips with the reason."""
    if not HAVE_SHARED:
        return []
    return [item for item in gold_data()[section] if item.get("required", True)]


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    """The seeds' gold; a test that asks for it skips without ``../shared``."""
    if not HAVE_SHARED:
        pytest.skip(SHARED_MISSING)
    return gold_data()


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def dictionary():
    """The packaged actor dictionary (one for every caller: ActorDictionary.load)."""
    from newsgraph.actors import ActorDictionary

    return ActorDictionary.load()


@pytest.fixture(scope="session")
def code_quotes(nlp, dictionary):
    """A text's quotes and the actor index they refer to."""
    from newsgraph.actors import resolve_actors
    from newsgraph.quotes import extract_quotes

    def code(text: str) -> tuple[list, Any]:
        doc = nlp(text)
        actors = resolve_actors(doc, "test", dictionary)
        return extract_quotes(doc, "test", actors), actors

    return code


def quote_of(quotes: list, starts_with: str) -> Any:
    """The one quote that starts with ``starts_with``."""
    (quote,) = [q for q in quotes if q.text.startswith(starts_with)]
    return quote


def speaker_of(quotes: list, actors: Any, starts_with: str) -> str:
    """The one quote starting with ``starts_with``: its actor's name and speaker words."""
    quote = quote_of(quotes, starts_with)
    name = actors.actor(quote.speaker_key).name if quote.speaker_key else ""
    return f"{name} {quote.speaker_text or ''}"


def quote_shown(quote: Any) -> bool:
    """Whether a quote has a measured confidence that the default listings show
    (quotes/confidence.py DEFAULT_THRESHOLD)."""
    from newsgraph.quotes.confidence import DEFAULT_THRESHOLD

    return quote.confidence is not None and quote.confidence >= DEFAULT_THRESHOLD


@pytest.fixture(scope="session")
def code_events(nlp, dictionary):
    """A text's events, coded as ingest codes an article's: its actors and its events read
    on the article's ``date`` (None: an undated article)."""
    from newsgraph.actors import resolve_actors
    from newsgraph.events import extract_events

    def code(text: str, date: str | None = None) -> list:
        doc = nlp(text)
        return extract_events(
            doc, "test", resolve_actors(doc, "test", dictionary, date=date), date=date
        )

    return code


# The date the political-news event tests code on: leaders resolve as of mid-2016 (Obama
# president, Trump and Clinton candidates), the time of PolNeAR's articles.
POLITICAL_NEWS_DATE = "2016-05-10"


@pytest.fixture(scope="session")
def events_in_2016(code_events):
    """``code_events`` for an article of ``POLITICAL_NEWS_DATE``."""
    return functools.partial(code_events, date=POLITICAL_NEWS_DATE)


def shown_events(events: list) -> list:
    """The events a listing shows by default (events/confidence.py DEFAULT_THRESHOLD)."""
    from newsgraph.events.confidence import DEFAULT_THRESHOLD

    return [event for event in events if event.confidence >= DEFAULT_THRESHOLD]


@pytest.fixture(scope="session")
def postgres():
    """A throw-away PostgreSQL server for the session (tests/postgres_server.py); without
    PostgreSQL installed the tests that ask for it skip, unless NEWSGRAPH_REQUIRE_POSTGRES
    is set (.ci/run), where they fail."""
    from postgres_server import REQUIRE_ENV, PostgresServer, binaries

    bin_dir = binaries()
    missing = "PostgreSQL is not installed (no initdb): its half of the store tests skips"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        bin_dir, missing = None, "psycopg is not installed: the PostgreSQL tests skip"
    if bin_dir is None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(missing)
        pytest.skip(missing)
    server = PostgresServer(bin_dir)
    server.start()
    yield server
    server.stop()


BACKENDS = ["sqlite", "postgresql"]


def new_store_url(request: pytest.FixtureRequest, folder: Path) -> str:
    """A new, empty store on the back-end ``request.param`` names: a SQLite file in
    ``folder`` or a database of the session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(folder / "store.db")
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store on each back-end, one test run per back-end."""
    return new_store_url(request, tmp_path)
