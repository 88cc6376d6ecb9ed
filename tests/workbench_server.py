"""Helpers for the workbench tests: the seed store plus a hostile article, and a real
uvicorn server on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from spacy.language import Language

from conftest import SEED_000, SEED_001
from newsgraph.api import create_app
from newsgraph.pipeline import Ingestor
from newsgraph.records import RawDocument
from newsgraph.store import open_store

# Article text is hostile: every payload here must reach the pages as inert text.
HOSTILE_TITLE = "Kazakh unrest <img src=x onerror=\"window.__xss = 'title'\">"
HOSTILE_PUBLISHER = "<script>window.__xss = 'publisher'</script>Evil Wire"
HOSTILE_TEXT = """\
Russian President Vladimir Putin said on Monday that Moscow would send troops to \
Kazakhstan <script>window.__xss = 'script'</script> after a week of violent protests.

"We will not allow <img src=x onerror="window.__xss = 'onerror'"> anyone to destabilise \
the region," Putin told reporters in Moscow.

Protesters in Almaty carried banners reading <a href="javascript:window.__xss='link'">click \
here</a> and <svg onload="window.__xss = 'svg'"></svg>, witnesses said.

Kazakhstan accused foreign-trained militants of attacking government buildings in Almaty.

The Kremlin said 2,500 troops had arrived by Thursday. ' OR 1=1; DROP TABLE stories; --
"""
HOSTILE_MARKERS = ("<script>", "onerror=", "javascript:", "onload=")


def hostile_article() -> RawDocument:
    return RawDocument(
        source_ref="hostile-1",
        text=HOSTILE_TEXT,
        title=HOSTILE_TITLE,
        published="2022-01-11",
        url="javascript:window.__xss='url'",
        publisher=HOSTILE_PUBLISHER,
    )


def build_workbench_store(path: Path, nlp: Language) -> Path:
    """The two seed articles and the hostile article, through the real pipeline."""
    with open_store(str(path)) as store:
        ingestor = Ingestor(store, nlp=nlp)
        assert ingestor.ingest_paths([SEED_000, SEED_001]).skipped == []
        assert ingestor.ingest([hostile_article()]).skipped == []
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(db: Path, token: str | None = None, hosts: Sequence[str] = ()) -> Iterator[str]:
    """Serve the workbench over ``db`` on 127.0.0.1; yields its base URL."""
    port = free_port()
    app = create_app(str(db), token=token, hosts=hosts)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
