"""The wheel works on its own: install it into an empty virtual environment, run the
documented model step, ingest the samples and serve them, and check that the workbench
pages load every script and stylesheet they reference.

    make check-wheel            # builds the wheel (with its web assets) and runs this
    python tools/check_wheel.py dist/newsgraph-0.1.0-py3-none-any.whl

Dependencies come from PyPI (pip's cache makes a second run quick). Only the standard
library is used here, so that nothing of the checkout leaks into what is checked: the
commands run from the new environment, outside the checkout, without PYTHONPATH.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import venv
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
VENDOR = "newsgraph/web/static/vendor/"
# The pages whose browser libraries come from npm at build time. Each is fetched, then
# every local script and stylesheet it references.
PAGES = ("/network", "/map", "/docs")
# What the pages' scripts then ask for, by the key that must not be empty (None: the list).
DATA = {"/api/graph": "nodes", "/api/map": None, "/openapi.json": "paths"}
# Data a page fetches from the vendored assets rather than naming it in a tag.
FETCHED = ("/static/vendor/countries-110m.json",)


class CheckFailed(Exception):
    """One step of the check failed; the message says which and why."""


class _Assets(HTMLParser):
    """The local ``<script src>`` and ``<link href>`` URLs of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href"}.get(tag)
        url = dict(attrs).get(wanted) if wanted else None
        if url and url.startswith("/"):
            self.urls.append(url)


@contextmanager
def _timed(name: str, timings: dict[str, float]) -> Iterator[None]:
    print(f"== {name}", flush=True)
    started = time.monotonic()
    yield
    timings[name] = time.monotonic() - started


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    completed = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise CheckFailed(
            f"`{' '.join(command)}` exited {completed.returncode}:\n"
            f"{completed.stdout[-2000:]}{completed.stderr[-2000:]}"
        )
    return completed.stdout


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise CheckFailed(f"GET {url}: HTTP {error.code}") from error


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CheckFailed(f"newsgraph serve exited {server.returncode} before answering")
        try:
            _get(url)
            return
        except (OSError, CheckFailed):
            time.sleep(0.3)
    raise CheckFailed(f"newsgraph serve did not answer {url} within {seconds:.0f} s")


def check_contents(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    vendored = [name for name in names if name.startswith(VENDOR)]
    if not vendored:
        raise CheckFailed(f"{wheel.name} has no {VENDOR}: build the web assets first")
    print(f"   {len(vendored)} vendored web assets: {', '.join(Path(n).name for n in vendored)}")


def check_pages(base: str) -> None:
    for page in PAGES:
        parser = _Assets()
        parser.feed(_get(base + page).decode("utf-8"))
        if not parser.urls:
            raise CheckFailed(f"{page} references no script or stylesheet")
        for url in parser.urls:
            if not _get(base + url):
                raise CheckFailed(f"{url} (referenced by {page}) is empty")
        print(f"   {page}: {len(parser.urls)} assets load ({', '.join(parser.urls)})")
    for url in FETCHED:
        if not json.loads(_get(base + url)):
            raise CheckFailed(f"{url} is empty")
    for url, key in DATA.items():
        data = json.loads(_get(base + url))
        if not (data.get(key) if key else data):
            raise CheckFailed(f"{url} has no {key}")


def check(wheel: Path, keep: bool) -> dict[str, float]:
    timings: dict[str, float] = {}
    with _timed("wheel contents", timings):
        check_contents(wheel)
    work = Path(tempfile.mkdtemp(prefix="newsgraph-wheel-"))
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.pop("VIRTUAL_ENV", None)
    bin_dir = work / "venv" / "bin"
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    newsgraph = str(bin_dir / "newsgraph")
    database = str(work / "news.db")
    try:
        with _timed("empty virtual environment", timings):
            venv.create(work / "venv", with_pip=True)
        with _timed("pip install the wheel", timings):
            _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], work, env)
        with _timed("newsgraph setup (the model)", timings):
            print("   " + _run([newsgraph, "setup"], work, env).strip())
        with _timed("newsgraph ingest samples", timings):
            _run([newsgraph, "ingest", str(SAMPLES), "--db", database], work, env)
        with _timed("newsgraph serve: pages and their assets", timings):
            port = _free_port()
            command = [newsgraph, "serve", "--db", database, "--port", str(port), "--workers", "1"]
            with subprocess.Popen(
                command, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            ) as server:
                try:
                    base = f"http://127.0.0.1:{port}"
                    _wait_for(base + "/api/health", server)
                    check_pages(base)
                finally:
                    server.terminate()
                    server.wait(timeout=30)
    finally:
        if keep:
            print(f"   kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--keep", action="store_true", help="Keep the environment and store.")
    arguments = parser.parse_args()
    started = time.monotonic()
    try:
        timings = check(arguments.wheel.resolve(), arguments.keep)
    except CheckFailed as error:
        print(f"wheel check FAILED: {error}", file=sys.stderr)
        return 1
    for name, seconds in timings.items():
        print(f"   {seconds:6.1f} s  {name}")
    print(f"wheel check passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
