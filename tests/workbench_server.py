"""Helpers for the workbench tests: the seed store plus a hostile article, and a real
uvicorn server on a free loopback port."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from spacy.language import Language

from conftest import SEED_000, SEED_001, SHARED
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
ECB_DEV = SHARED / "data" / "stories" / "ecbplus_dev.jsonl"
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


def build_workbench_store(path: str | Path, nlp: Language) -> str:
    """The two seed articles and the hostile article, through the real pipeline, in
    the store at ``path`` (a SQLite path or a store URL); gives it back as a string."""
    with open_store(str(path)) as store:
        ingestor = Ingestor(store, nlp=nlp)
        assert ingestor.ingest_paths([SEED_000, SEED_001]).skipped == []
        assert ingestor.ingest([hostile_article()]).skipped == []
    return str(path)


# Four outlets' reports of one earthquake (ECB+ topic 20, CC BY 3.0): one same-story
# group. The last comes from a local file, whose folders no page may show.
QUAKE_OUTLETS = (
    ("Wire One", "https://wire-one.example/world/2005/11/27/iran-quake"),
    ("Gulf Daily", "https://gulf-daily.example/news/qeshm-earthquake"),
    ("Tehran Times", "https://tehran-times.example/2005/11/28/aftershocks"),
    ("World Radio", None),
)
QUAKE_LOCAL_FILE = "/home/analyst/private/feeds/world-radio-qeshm.txt"
# Dated reports for the timeline's axis: 1889, 2001 and four days of 2019.
TIMELINE_REPORTS = (
    (
        "1889-03-04",
        "France accused Germany of massing troops on the border, the foreign "
        "ministry said in Paris on Monday.",
    ),
    (
        "2001-09-12",
        "The United States condemned the attack and promised aid to Pakistan on "
        "Wednesday, officials said.",
    ),
    *(
        (day, f"Ukraine accused Russia of shelling Kharkiv on {weekday}, the army said.")
        for day, weekday in (
            ("2019-06-03", "Monday"),
            ("2019-06-04", "Tuesday"),
            ("2019-06-05", "Wednesday"),
            ("2019-06-06", "Thursday"),
        )
    ),
)


def quake_reports() -> list[RawDocument]:
    records = [json.loads(line) for line in ECB_DEV.read_text(encoding="utf-8").splitlines()]
    texts = [record["text"] for record in records if record["cluster"] == "20ecbplus"][1:5]
    return [
        RawDocument(
            source_ref=url or QUAKE_LOCAL_FILE,
            text=text,
            title=f"Qeshm earthquake, as {publisher} reported it",
            published="2005-11-27",
            url=url,
            publisher=publisher,
        )
        for text, (publisher, url) in zip(texts, QUAKE_OUTLETS, strict=True)
    ]


def timeline_reports() -> list[RawDocument]:
    return [
        RawDocument(
            source_ref=f"timeline-{date}",
            text=text,
            title=f"Report of {date}",
            published=date,
            url=f"https://archive.example/{date}/report",
            publisher="Archive Wire",
        )
        for date, text in TIMELINE_REPORTS
    ]


def build_evidence_store(path: Path, nlp: Language) -> Path:
    """The seed story (quotes, claims, a local file), four outlets' reports of one
    earthquake, and reports dated from 1889 to 2019, through the real pipeline."""
    with open_store(str(path)) as store:
        ingestor = Ingestor(store, nlp=nlp)
        assert ingestor.ingest_paths([SEED_000, SEED_001]).skipped == []
        assert ingestor.ingest([*quake_reports(), *timeline_reports()]).skipped == []
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(
    db: str | Path, token: str | None = None, hosts: Sequence[str] = ()
) -> Iterator[str]:
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
