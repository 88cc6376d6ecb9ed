"""HTML pages: extraction quality on real pages, metadata, captions, bad pages skipped with why."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import needs_shared
from newsgraph.cli import app
from newsgraph.extract import extract_page
from newsgraph.pipeline import Ingestor
from newsgraph.read import read_paths
from newsgraph.records import RawDocument, Skipped
from newsgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGE = ROOT / "samples" / "seed.html"

GERMAN_PAGE = """<html lang="de"><head><title>Hochwasser in Sachsen</title></head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Hochwasser in Sachsen: Pegel steigen weiter</h1>
<p>Nach tagelangem Regen sind die Pegel der Elbe und ihrer Nebenflüsse in Sachsen weiter
gestiegen. Die Behörden haben in mehreren Landkreisen die höchste Warnstufe ausgerufen.</p>
<p>Feuerwehr und Technisches Hilfswerk sind seit dem Morgen im Einsatz, um Deiche zu sichern.
Anwohner wurden aufgefordert, Keller zu räumen und sich auf eine Evakuierung vorzubereiten.</p>
<p>Der Ministerpräsident kündigte Soforthilfen für betroffene Gemeinden an. Die Lage bleibe
angespannt, sagte ein Sprecher des Innenministeriums am Nachmittag in Dresden.</p>
</article></body></html>"""

BROKEN_PAGE = """<html><head><title>Council votes on budget</title><body>
<div class="story"><h1>Council votes on budget
<p>The city council voted on Tuesday to approve a budget that raises spending on
road repairs by a fifth, after a debate that ran late into the night.
<p>Members who opposed the plan said it left too little for libraries and parks, and
warned that the repairs would take years to show.</div></span>
<p>The mayor said the vote showed the council could agree on what mattered most to residents.
</td></table></body>"""

NAVIGATION_PAGE = """<html><head><title>Sections</title></head><body>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav><footer>© Example</footer></body></html>"""


def _load_benchmark():
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.append(str(ROOT / "benchmarks"))  # it splits pages as benchmarks/plv.py does
    spec = importlib.util.spec_from_file_location("extraction", ROOT / "benchmarks/extraction.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_extraction_beats_plain_trafilatura_on_the_benchmark_pages() -> None:
    """The issue's goal on ../shared/data/extraction: F1 >= 0.97 and never below trafilatura,
    on all pages (every language in) and on the English ones."""
    benchmark = _load_benchmark()
    pages = benchmark.load_pages()
    newsgraph, trafilatura, texts = benchmark.run(pages)
    assert newsgraph.f1 >= 0.97
    assert newsgraph.f1 >= trafilatura.f1
    info = benchmark.page_info(pages)
    english = [key for key, page in info.items() if page.language == "en"]
    assert len(english) < len(info)  # other languages are scored too
    ours, theirs = (benchmark.mean_scores(texts[name], info, english)[2] for name in texts)
    assert ours >= 0.97 and ours >= theirs


def test_seed_page_metadata_and_captions_come_from_the_page(gold: dict) -> None:
    page = extract_page(SEED_PAGE.read_bytes())
    assert page.title == "Why Russia and China oppose a colour revolution in Kazakhstan"
    assert page.published == gold["story"]["published"]
    assert page.publisher == gold["story"]["publisher"]
    assert page.author == "Sample Writer"
    assert page.url.startswith("https://www.trtworld.com/magazine/")
    assert page.language == "en"
    assert len(page.captions) == 2 and "(Mariya Gordeyeva / Reuters)" in page.captions[0]
    for furniture in ("Live TV", "Privacy policy", "All rights reserved", "The CSTO explained"):
        assert furniture not in page.text
    assert not page.text.startswith(page.title)


def test_extract_command_prints_the_cleaned_article(gold: dict) -> None:
    result = CliRunner().invoke(app, ["extract", str(SEED_PAGE), "--json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    story = gold["story"]
    assert article["standfirst"] == story["standfirst"]
    assert article["captions"] == story["captions"]
    assert article["sections"] == story["sections"]
    assert "Reuters" not in article["body"] and "Source:" not in article["body"]
    assert article["author"] == "Sample Writer"


def test_html_seed_joins_the_text_seeds_story(nlp, tmp_path: Path, gold: dict) -> None:
    with open_store(tmp_path / "samples.db") as store:
        report = Ingestor(store, nlp=nlp).ingest_paths([ROOT / "samples"])
        stories = store.stories()
    assert report.read == 3 and report.new_stories == 1 and not report.skipped
    (story,) = stories
    refs = sorted(Path(v["source_ref"]).name for v in story["versions"])
    assert refs == [*gold["story"]["articles"], "seed.html"]
    assert story["publisher"] == "TRT World" and story["published"] == "2022-01-10"
    # The page's byline is kept with its version (the text seeds name none).
    authors = {Path(v["source_ref"]).name: v["author"] for v in story["versions"]}
    assert authors == {**dict.fromkeys(gold["story"]["articles"]), "seed.html": "Sample Writer"}


def test_a_page_in_any_language_is_read_with_its_language(tmp_path: Path) -> None:
    (tmp_path / "german.html").write_bytes(GERMAN_PAGE.encode())
    (document,) = read_paths([tmp_path])
    assert isinstance(document, RawDocument)
    assert document.language == "de"
    assert "Pegel der Elbe" in document.text


def test_extract_command_reads_a_page_in_any_language(tmp_path: Path) -> None:
    page = tmp_path / "german.html"
    page.write_bytes(GERMAN_PAGE.encode())
    result = CliRunner().invoke(app, ["extract", str(page), "--json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    assert article["language"] == "de"
    assert "Feuerwehr und Technisches Hilfswerk" in article["body"]


def test_bad_pages_are_skipped_with_a_reason(tmp_path: Path) -> None:
    files = {
        "sections.html": NAVIGATION_PAGE.encode(),
        "report.html": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "cut.html.gz": gzip.compress(SEED_PAGE.read_bytes())[:500],
        "empty.htm": b"  \n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    results = {Path(r.source_ref).name: r for r in read_paths([tmp_path])}
    assert all(isinstance(r, Skipped) for r in results.values())
    assert results["sections.html"].reason == "no article text found on the page"
    assert results["report.html"].reason == "not an HTML page: a PDF document"
    assert results["cut.html.gz"].reason.startswith("not readable as gzip")
    assert results["empty.htm"].reason == "empty page"


@pytest.mark.parametrize("suffix", [".html", ".html.gz"])
def test_broken_html_still_gives_its_article(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    data = BROKEN_PAGE.encode()
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    (document,) = read_paths([path])
    assert isinstance(document, RawDocument)
    assert "raises spending on road repairs" in document.text
    assert "too little for libraries and parks" in document.text
