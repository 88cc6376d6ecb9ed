"""Nothing we ship quotes the unlicensed evaluation sets (PLV, the PLOVER GSR, PolNeAR).

Those sets may be measured on, never shipped: tests and docstrings are written from
sentences of our own. This test finds any shipped text that shares a run of eight words
with one of those sets' texts, and says where and which words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SHARED

RUN = 8
WORD = re.compile(r"[a-z0-9']+")
DATA = SHARED / "data"
PLV = DATA / "events" / "plv_dev.tsv"
GSR = DATA / "events" / "plover_gsr.json"
POLNEAR = DATA / "quotes" / "polnear" / "articles.jsonl"
SHIPPED = ("src/**/*.py", "src/**/*.toml", "tests/**/*.py", "tests/data/*", "README.md")
SHIPPED += ("benchmarks/*.py",)
# Lists of real names (organisations, people) match the sets' names by right.
NAME_LISTS = "src/newsgraph/data/actors/*.tsv"

if not DATA.is_dir():
    pytest.skip(
        f"needs the evaluation sets in {DATA} (absent beside this clone)", allow_module_level=True
    )


def runs(text: str) -> Iterator[str]:
    """Every run of RUN consecutive lower-cased words of one text."""
    words = WORD.findall(text.lower())
    for start in range(len(words) - RUN + 1):
        yield " ".join(words[start : start + RUN])


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def dev_set_runs() -> set[str]:
    """The word runs of every PLV row, every GSR string and every PolNeAR article."""
    texts = [*PLV.read_text(encoding="utf-8").splitlines()]
    texts += strings(json.loads(GSR.read_text(encoding="utf-8")))
    with POLNEAR.open(encoding="utf-8") as lines:
        texts += (json.loads(line)["text"] for line in lines if line.strip())
    return {run for text in texts for run in runs(text)}


def shipped_files() -> list[Path]:
    """The files a release ships, less the name lists."""
    skipped = set(ROOT.glob(NAME_LISTS))
    found = {path for pattern in SHIPPED for path in ROOT.glob(pattern) if path.is_file()}
    return sorted(found - skipped)


def quoted_runs(path: Path, dev_runs: set[str]) -> Iterator[str]:
    """``line: words`` for each run of the file shared with a dev set; runs cross line
    breaks, since a test's sentence is often a string wrapped over several lines."""
    text = path.read_text(encoding="utf-8", errors="replace").lower()
    words = list(WORD.finditer(text))
    for start in range(len(words) - RUN + 1):
        run = " ".join(match.group() for match in words[start : start + RUN])
        if run in dev_runs:
            yield f"{text.count(chr(10), 0, words[start].start()) + 1}: {run}"


def test_no_shipped_text_shares_eight_words_with_an_unlicensed_dev_set():
    dev_runs = dev_set_runs()
    leaks = [
        f"{path.relative_to(ROOT)}:{found}"
        for path in shipped_files()
        for found in quoted_runs(path, dev_runs)
    ]
    assert not leaks, "text quoting PLV / GSR / PolNeAR:\n" + "\n".join(leaks)
