"""The README's workbench screenshots, taken from the demo store in a real browser.

Ingests samples/ (the seed articles and samples/seed.html, as ``make demo`` does) and
tools/readme_reports.jsonl (two other outlets' reports of the seed's story, written for
these pictures, so that the story page has a same-story group) into a fresh store,
serves it on a free loopback port and has Debian's headless chromium, driven by
Playwright, save the seed's story page with a quote opened, the network with its
Russia -> Kazakhstan edge opened, Russia's dossier and the map with Almaty's
events opened under docs/screenshots/.

    .venv/bin/python tools/readme_screenshots.py
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from newsgraph.api.server import wait_until_serving

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
NEWSGRAPH = Path(sys.executable).with_name("newsgraph")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _until(page: Page, expression: str, seconds: float = 15) -> None:
    """Poll ``expression``: wait_for_function needs eval, which the pages' CSP forbids."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.05)


def _network(page: Page, base: str) -> None:
    page.goto(f"{base}/network")
    _until(page, "window.newsgraphNetwork && window.newsgraphNetwork.edges().length")
    point = page.evaluate(
        """() => {
            const cy = window.newsgraphNetwork;
            const edge = cy.edges().filter((e) => e.data('source') === 'RUS'
                                                 && e.data('target') === 'KAZ')[0];
            const box = cy.container().getBoundingClientRect();
            const middle = edge.renderedMidpoint();
            return {x: box.left + middle.x, y: box.top + middle.y};
        }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#edge-sentences li a")
    page.screenshot(path=str(SHOTS / "network.png"), full_page=True)


def _story(page: Page, base: str) -> None:
    hits = page.request.get(f"{base}/api/search", params={"q": "Tokayev", "publisher": "TRT World"})
    page.goto(f"{base}/stories/{hits.json()['items'][0]['story_id']}")
    page.wait_for_selector("#same-story")
    page.click("#story-quotes li button >> nth=0")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(
        path=str(SHOTS / "story.png"), clip={"x": 0, "y": 0, "width": 1400, "height": 1000}
    )


def _dossier(page: Page, base: str) -> None:
    page.goto(f"{base}/actors/RUS")
    page.wait_for_selector("#over-time")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(SHOTS / "dossier.png"), full_page=True)


def _map(page: Page, base: str) -> None:
    page.goto(f"{base}/map?min_confidence=0")  # every event, as the box shows them
    _until(page, "document.getElementById('map').dataset.ready === 'true'")
    page.click("#map circle.marker[data-place='Almaty']")
    page.wait_for_selector("#place-events li a")
    page.screenshot(path=str(SHOTS / "map.png"), full_page=True)


def main() -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "demo.db")
        inputs = [str(ROOT / "samples"), str(ROOT / "tools" / "readme_reports.jsonl")]
        subprocess.run([NEWSGRAPH, "ingest", *inputs, "--db", db], check=True)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [NEWSGRAPH, "serve", "--db", db, "--port", str(port), "--workers", "1"]
        )
        try:
            wait_until_serving(f"{base}/api/health")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                _story(page, base)
                _network(page, base)
                _dossier(page, base)
                _map(page, base)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"saved story.png, network.png, dossier.png and map.png under {SHOTS}")


if __name__ == "__main__":
    main()
