"""The pages in a real browser: Debian's headless chromium driven by Playwright.

Each page loads on the seed store without script errors (a CSP violation is one),
an analyst's path is clicked through (search → story → actor → network edge →
sentence, and a timeline bar), and the hostile article runs none of its payloads.
Screenshots go to test-output/web/.
"""

from __future__ import annotations

import datetime
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import local_web
from conftest import HAVE_SHARED, ROOT, SEED_000, SEED_001, SHARED_MISSING
from newsgraph.claims.confidence import DEFAULT_THRESHOLD as CLAIM_THRESHOLD
from workbench_server import (
    QUAKE_OUTLETS,
    build_evidence_store,
    build_workbench_store,
    running_server,
)

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-output" / "web"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> Path:
    return build_workbench_store(tmp_path_factory.mktemp("web") / "workbench.db", nlp)


@pytest.fixture(scope="module")
def base_url(db: Path) -> Iterator[str]:
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    if not CHROMIUM.exists():
        message = "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    """A fresh tab that records script errors and dialogs (an alert is a payload run)."""
    tab = browser_context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(f"{tab.url}: {error}"))
    tab.on(
        "console",
        lambda message: (
            message.type == "error" and tab.problems.append(f"{tab.url}: {message.text}")
        ),
    )

    def on_dialog(dialog) -> None:
        tab.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab
    tab.close()


def _wait_until(page, expression: str, timeout: float = 15) -> None:
    """Poll ``expression`` in the page; wait_for_function would need eval, which CSP forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.05)


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _first_story_id(page, base_url: str, query: str) -> str:
    hits = page.request.get(f"{base_url}/api/search", params={"q": query}).json()["items"]
    return hits[0]["story_id"]


def test_every_page_loads(page, base_url: str) -> None:
    story_id = _first_story_id(page, base_url, "Tokayev")
    event_id = page.request.get(f"{base_url}/api/events?limit=1").json()["items"][0]["id"]
    pages = {
        "search": "/?q=Kazakhstan",
        "story": f"/stories/{story_id}",
        "actors": "/actors",
        "dossier": "/actors/RUS",
        "event": f"/events/{event_id}",
        "network": "/network",
        "timeline": "/timeline",
        "docs": "/docs",
    }
    for name, path in pages.items():
        response = page.goto(base_url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        if name == "network":
            _wait_until(page, "window.newsgraphNetwork && window.newsgraphNetwork.edges().length")
        if name == "docs":
            page.wait_for_selector(".swagger-ui .opblock")
        _shot(page, f"page-{name}")
    assert page.problems == []


def test_search_story_actor_network_sentence(page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("input[name=q]", "Kazakhstan troops")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("#hits .hit mark")
    _shot(page, "1-search")

    page.click("#hits .hit a.hit-title >> nth=0")
    page.wait_for_selector("#story-text")
    quote = page.locator("#story-text .ann-quote").first
    assert quote.get_attribute("title").startswith("said by")
    quote.click()
    assert page.locator("#details .fact-quote").count() >= 1
    _shot(page, "2-story")

    page.click("#story-actors a:text-is('Russia')")
    page.wait_for_selector("h1:text-is('Russia')")
    assert page.locator("#interactions tbody a").count() >= 1
    page.wait_for_selector("#over-time")
    _shot(page, "3-dossier")

    page.click("nav a:text-is('Network')")
    _wait_until(page, "window.newsgraphNetwork && window.newsgraphNetwork.edges().length")
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
    _shot(page, "4-network-edge")

    sentence = page.locator("#edge-sentences li a").first.inner_text()
    page.click("#edge-sentences li a >> nth=0")
    page.wait_for_selector("#sentence mark")
    assert page.locator("#sentence").inner_text().strip() == sentence.strip()
    _shot(page, "5-sentence")
    assert page.problems == []


def test_timeline_bar_opens_its_stories(page, base_url: str) -> None:
    page.goto(base_url + "/timeline")
    _wait_until(page, "window.newsgraphTimeline !== undefined")
    point = page.evaluate(
        """() => {
            const chart = window.newsgraphTimeline;
            const bar = chart.getDatasetMeta(3).data.find((b) => b.height > 0)
                     || chart.getDatasetMeta(0).data[0];
            const box = chart.canvas.getBoundingClientRect();
            return {x: box.left + bar.x, y: box.top + bar.y + 4};
        }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#bar-stories li a")
    _shot(page, "timeline-bar")
    assert page.problems == []


def test_hostile_article_runs_nothing(page, base_url: str) -> None:
    story_id = _first_story_id(page, base_url, "destabilise")
    paths = [f"/stories/{story_id}", "/?q=destabilise+banners", "/actors/RUS", "/network"]
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        for highlight in page.locator("#story-text .ann").all()[:12]:
            highlight.click()
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("img, svg:not(.swagger-ui svg)").count() == 0 or path == "/network"
        assert page.locator("a[href^='javascript']").count() == 0
    page.goto(base_url + f"/stories/{story_id}")
    assert "<script>window.__xss = 'script'</script>" in page.inner_text("#story-text")
    _shot(page, "hostile-story")
    assert [p for p in page.problems if "dialog" in p] == []


def test_token_link_from_another_site_opens_the_page(page, db: Path) -> None:
    """A ``?token=`` link in another site's page (a chat, a mail) opens the workbench; the
    token moves into the cookie, out of the address bar and the page, and the next pages
    are let in by the cookie alone."""
    token = "s3cret-7f2a"
    with running_server(db, token=token) as guarded, local_web.serve() as other_site:
        link = f"{guarded}/?q=Kazakhstan&limit=1&token={token}"
        other_site.page(
            "/", f'<link rel="icon" href="data:,"><a id="open" href="{link}">open</a>'.encode()
        )
        # localhost is another site than 127.0.0.1, as a chat or mail page would be.
        page.goto(other_site.base.replace("127.0.0.1", "localhost") + "/")
        with page.expect_navigation():
            page.click("#open")
        assert page.url == f"{guarded}/?q=Kazakhstan&limit=1"
        assert "a valid token is required" not in page.content()
        page.wait_for_selector("#hits .hit")
        assert token not in page.content()
        page.click("a.more")
        page.wait_for_selector("#hits .hit")
        assert "offset=1" in page.url and token not in page.url
        page.click("nav a:text-is('Actors')")
        page.wait_for_selector("h1")
        assert token not in page.content()
    assert page.problems == []


def test_map_draws_seed_events_at_almaty_and_astana(page, base_url: str) -> None:
    page.goto(base_url + "/map?min_confidence=0")  # every event, however unsure
    _wait_until(page, "document.getElementById('map').dataset.ready === 'true'")
    assert page.locator("#map path.map-country").count() > 100  # the world outline
    markers = {
        marker.get_attribute("data-place"): marker
        for marker in page.locator("#map circle.marker").all()
    }
    assert {"Almaty", "Astana"} <= markers.keys()
    for name in ("Almaty", "Astana"):
        assert markers[name].get_attribute("data-country") == "KAZ"
        assert markers[name].locator("title").text_content().startswith(f"{name} (KAZ): ")
    # Almaty lies south-east of Astana: the projection put them where they are.
    almaty, astana = markers["Almaty"].bounding_box(), markers["Astana"].bounding_box()
    assert almaty["x"] > astana["x"] and almaty["y"] > astana["y"]
    # The seed's clash in Almaty (CAMEO 141, material conflict) colours its circle.
    assert markers["Almaty"].get_attribute("data-quad-class") == "4"
    _shot(page, "map")

    markers["Almaty"].click()
    page.wait_for_selector("#place-events li a")
    sentences = page.locator("#place-events li a").all_inner_texts()
    assert any("Almaty" in sentence for sentence in sentences)
    assert page.evaluate("window.__xss") is None  # the hostile article's Almaty events
    _shot(page, "map-place")

    # The whole world, then back to the events: Almaty and Astana draw closer, then apart.
    apart = almaty["x"] - astana["x"]
    page.click("#map-extent")
    world = markers["Almaty"].bounding_box()["x"] - markers["Astana"].bounding_box()["x"]
    assert 0 < world < apart / 2
    page.click("#map-extent")
    assert markers["Almaty"].bounding_box()["x"] - markers["Astana"].bounding_box()["x"] == (
        pytest.approx(apart, abs=1)
    )

    # Filters narrow the map as they do the network: no events before 2000.
    page.goto(base_url + "/map?to=1999-12-31")
    _wait_until(page, "document.getElementById('map').dataset.ready === 'true'")
    assert page.locator("#map circle.marker").count() == 0
    assert page.problems == []


# --- evidence on every page: same-story groups, fact lists, actor filters, time axis ---


@pytest.fixture(scope="module")
def evidence_url(tmp_path_factory, nlp) -> Iterator[str]:
    if not HAVE_SHARED:  # its four outlets' reports of one event are ECB+ texts
        pytest.skip(SHARED_MISSING)
    db = build_evidence_store(tmp_path_factory.mktemp("evidence") / "evidence.db", nlp)
    with running_server(db) as url:
        yield url


def _story_id_of(page, base_url: str, publisher: str, query: str) -> str:
    hits = page.request.get(f"{base_url}/api/search", params={"q": query, "limit": 50}).json()
    return next(hit["story_id"] for hit in hits["items"] if hit["publisher"] == publisher)


def test_story_page_shows_its_same_story_group_and_fact_lists(page, evidence_url: str) -> None:
    story_id = _story_id_of(page, evidence_url, "Gulf Daily", "Qeshm earthquake")
    page.goto(f"{evidence_url}/stories/{story_id}")
    page.wait_for_load_state("networkidle")
    heading = page.inner_text("#same-story h2")
    assert heading.split() == ["Same", "story:", "4", "reports", "from", "4", "outlets"]
    outlets = page.locator("#group-outlets .outlet").all_inner_texts()
    assert sorted(outlets) == sorted(publisher for publisher, _ in QUAKE_OUTLETS)
    reports = page.locator("#group-reports li")
    assert reports.count() == 4
    assert (
        page.locator("#group-reports li.this-report")
        .inner_text()
        .startswith("Qeshm earthquake, as Gulf Daily reported it")
    )
    # The other reports link to their stories; web sources show host and path, the
    # local file only its name.
    assert page.locator("#group-reports li:not(.this-report) a[href^='/stories/']").count() == 3
    group_text = page.inner_text("#same-story")
    assert "wire-one.example/world/2005/11/27/iran-quake" in group_text
    assert "world-radio-qeshm.txt" in group_text
    assert "/home/analyst" not in page.content()

    # Quotes and claims are listed beside the text; a listed one opens its passage.
    story = page.request.get(f"{evidence_url}/api/stories/{story_id}").json()
    quotes = page.locator("#story-quotes li button")
    claims = page.locator("#story-claims li button")
    assert quotes.count() == len(story["quotes"]) >= 1
    # the page lists the confident claims, the API every one
    shown = [claim for claim in story["claims"] if claim["confidence"] >= CLAIM_THRESHOLD]
    assert claims.count() == len(shown) >= 1
    hidden = len(story["claims"]) - len(shown)
    note = page.inner_text("#claims-confidence-note")
    assert (f"{hidden} less sure hidden" in note) == bool(hidden)
    assert story["quotes"][0]["text"] in quotes.first.inner_text()
    claims.first.click()
    assert page.locator("#details .fact-claim").count() == 1
    claim = shown[0]
    words = claim["sentence"][
        claim["start"] - claim["sentence_start"] : claim["end"] - claim["sentence_start"]
    ]
    assert "".join(page.locator("#story-text .ann.selected").all_inner_texts()) == words
    _shot(page, "story-same-story-group")
    assert page.problems == []


def test_seed_story_page_names_its_local_source_without_its_folders(page, evidence_url) -> None:
    story_id = _story_id_of(page, evidence_url, "TRT World", "Tokayev")
    page.goto(f"{evidence_url}/stories/{story_id}")
    sources = page.locator("table.versions td:last-child").all_inner_texts()
    assert sorted(sources) == sorted([SEED_000.name, SEED_001.name])
    assert str(SEED_000.parent) not in page.content()
    assert "No other outlet's report of this story is stored." in page.inner_text("#same-story")
    assert page.locator("#story-quotes li button").count() >= 5
    page.locator("#story-quotes li button").nth(1).click()
    assert page.locator("#details .fact-quote").count() >= 1
    assert page.problems == []


def test_search_counts_stories_and_collapses_a_same_story_group(page, evidence_url) -> None:
    page.goto(evidence_url + "/?q=Kharkiv")
    count = page.inner_text("#result-count")
    api = page.request.get(f"{evidence_url}/api/search", params={"q": "Kharkiv"}).json()
    assert api["total"] == {"stories": 4, "groups": 1, "capped": False}
    assert count.startswith("4 stories in 1 same-story group")
    assert page.locator("#hits > li.hit").count() == 1
    summary = page.locator("#hits details.same-story summary")
    assert summary.inner_text() == "+3 other reports of this story"
    summary.click()
    others = page.locator("#hits details.same-story li.matched a")
    assert others.count() == 3
    shown = {page.locator("#hits a.hit-title").get_attribute("href")}
    shown |= {others.nth(n).get_attribute("href") for n in range(3)}
    assert shown == {f"/stories/{hit['story_id']}" for hit in api["items"]}
    assert page.problems == []


def test_actors_page_searches_and_filters_by_type_and_country(page, evidence_url) -> None:
    page.goto(evidence_url + "/actors")
    page.fill("#actor-filters input[name=q]", "russ")
    page.click("#actor-filters button[type=submit]")
    page.wait_for_selector("#actors tbody tr")
    names = page.locator("#actors tbody td:first-child").all_inner_texts()
    assert "Russia" in names and all("russ" in name.casefold() for name in names)

    page.goto(evidence_url + "/actors")
    page.select_option("#actor-filters select[name=type]", "person")  # submits by itself
    page.wait_for_url("**type=person**")
    page.select_option("#actor-filters select[name=country]", "KAZ")
    page.wait_for_url("**country=KAZ**")
    rows = page.locator("#actors tbody tr")
    assert rows.count() >= 1
    for row in rows.all():
        cells = row.locator("td").all_inner_texts()
        assert cells[1] == "person" and cells[3] == "KAZ"
    assert "Kassym-Jomart Tokayev" in page.inner_text("#actors")
    _shot(page, "actors-filtered")
    assert page.problems == []


def test_timeline_spaces_bars_by_time(page, evidence_url: str) -> None:
    page.goto(evidence_url + "/timeline")
    _wait_until(page, "window.newsgraphTimeline !== undefined")
    positions = page.evaluate(
        """() => {
            const chart = window.newsgraphTimeline;
            const x = {};
            chart.data.datasets.forEach((dataset, number) => {
                chart.getDatasetMeta(number).data.forEach((bar, index) => {
                    x[dataset.data[index].date] = bar.x;
                });
            });
            return x;
        }"""
    )
    days = {date: datetime.date.fromisoformat(date).toordinal() for date in positions}
    early, middle, late = "1889-03-04", "2001-09-12", "2019-06-03"
    # Pixels per day are the same across 112 years and across 18: a time axis.
    wide = (positions[middle] - positions[early]) / (days[middle] - days[early])
    narrow = (positions[late] - positions[middle]) / (days[late] - days[middle])
    assert wide > 0 and abs(wide - narrow) / wide < 0.01
    # Four consecutive days of 2019 sit next to each other, not a category apart each.
    spread = positions["2019-06-06"] - positions["2019-06-03"]
    assert 0 <= spread < 0.01 * (positions[late] - positions[early])
    ticks = page.evaluate("window.newsgraphTimeline.scales.x.ticks.map((t) => t.label)")
    assert all(len(label) == 4 and label.isdigit() for label in ticks) and len(ticks) >= 3
    _shot(page, "timeline-time-axis")
    assert page.problems == []


def test_network_legend_names_the_node_colours(page, evidence_url: str) -> None:
    page.goto(evidence_url + "/network")
    _wait_until(page, "window.newsgraphNetwork && window.newsgraphNetwork.nodes().length")
    legend = page.locator("#network-legend .legend-item")
    colours = page.evaluate(
        """() => Object.fromEntries(window.newsgraphNetwork.nodes().map(
            (node) => [node.data('type'), node.style('background-color')]))"""
    )
    shown = {}
    for item in legend.all():
        swatch = item.locator(".swatch").evaluate(
            "(node) => getComputedStyle(node).backgroundColor"
        )
        shown[item.inner_text().strip()] = swatch.replace(" ", "")
    assert shown == {kind: colour.replace(" ", "") for kind, colour in colours.items()}
    assert page.problems == []


def test_dossier_chart_spaces_days_by_time(page, evidence_url: str) -> None:
    page.goto(evidence_url + "/actors/RUS")
    _wait_until(page, "window.newsgraphOverTime !== undefined")
    positions = page.evaluate(
        """() => {
            const chart = window.newsgraphOverTime;
            const x = {};
            chart.getDatasetMeta(0).data.forEach((bar, index) => {
                x[chart.data.datasets[0].data[index].date] = bar.x;
            });
            return x;
        }"""
    )
    # Russia acts in 2019 (four days of Kharkiv reports) and in 2022 (the seed story).
    dates = sorted(positions)
    assert dates[0].startswith("2019") and dates[-1].startswith("2022") and len(dates) >= 3
    days = [datetime.date.fromisoformat(date).toordinal() for date in dates]
    per_day = [
        (positions[dates[n + 1]] - positions[dates[n]]) / (days[n + 1] - days[n])
        for n in range(len(dates) - 1)
    ]
    assert max(per_day) - min(per_day) < 0.01 * max(per_day)
    assert page.problems == []
