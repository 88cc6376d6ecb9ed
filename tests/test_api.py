"""The REST API and the pages, through a real uvicorn server on loopback.

The store holds the two seed articles and a hostile one, all through the real
pipeline. Pages must escape every payload; search and filters take injection
strings as plain values; the server is read-only and guarded by a token when given.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import httpx
import networkx as nx
import pytest
from typer.testing import CliRunner

from conftest import BACKENDS, new_store_url
from newsgraph.api.app import host_pattern
from newsgraph.api.server import (
    exposure_warning,
    host_notice,
    is_loopback,
    served_hosts,
)
from newsgraph.cli import app
from newsgraph.export.csv import write_csv
from newsgraph.records import Actor, Article, Mention, Span, Story, StoryFacts
from newsgraph.store import open_store
from workbench_server import (
    HOSTILE_TITLE,
    build_workbench_store,
    free_port,
    running_server,
)


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory, nlp) -> str:
    """The workbench's store, on each back-end: every test of this module runs on both."""
    return build_workbench_store(new_store_url(request, tmp_path_factory.mktemp("api")), nlp)


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[httpx.Client]:
    with running_server(db) as base_url, httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


def _json(client: httpx.Client, path: str, **params) -> dict | list:
    response = client.get(path, params=params)
    assert response.status_code == 200, (path, response.text)
    return response.json()


def _seed_story_id(client: httpx.Client) -> str:
    hits = _json(client, "/api/search", q="Tokayev Kremlin")["items"]
    return hits[0]["story_id"]


def _hostile_story_id(client: httpx.Client) -> str:
    hits = _json(client, "/api/search", q="destabilise banners")["items"]
    assert len(hits) == 1
    return hits[0]["story_id"]


# --- lists, paging, one item each ---


def test_lists_are_paginated_json(client: httpx.Client) -> None:
    counts = _json(client, "/api/counts")
    assert counts["stories"] == 2
    first = _json(client, "/api/actors", limit=5)
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    # Every stored actor, the unsure ones too (the default hides those: test_actor_confidence)
    everything = _json(client, "/api/actors", limit=200, min_confidence=0)
    assert len(everything["items"]) == counts["actors"] and everything["next_offset"] is None
    second = _json(client, "/api/actors", limit=5, offset=5)
    assert {a["key"] for a in first["items"]}.isdisjoint(a["key"] for a in second["items"])
    every_quote = _json(client, "/api/quotes", limit=200, min_confidence=0)["items"]
    assert len(every_quote) == counts["quotes"]
    # By default only the confident quotes: a speaker found, more than one word.
    shown = _json(client, "/api/quotes", limit=200)["items"]
    assert 0 < len(shown) < counts["quotes"] and all(q["confidence"] >= 0.5 for q in shown)
    every_event = _json(client, "/api/events", limit=200, min_confidence=0)["items"]
    assert len(every_event) == counts["events"]
    every_claim = _json(client, "/api/claims", limit=200, min_confidence=0)["items"]
    assert len(every_claim) == counts["claims"]
    # By default only the confident claims (a share with no holder named is not).
    shown = _json(client, "/api/claims", limit=200)["items"]
    assert shown == [c for c in every_claim if c["confidence"] >= 0.5]
    for bad in ({"limit": 0}, {"limit": 201}, {"offset": -1}, {"from": "yesterday"}):
        assert client.get("/api/events", params=bad).status_code == 422


def test_story_actor_and_event_have_stable_urls(client: httpx.Client) -> None:
    story_id = _seed_story_id(client)
    story = _json(client, f"/api/stories/{story_id}")
    assert len(story["versions"]) == 2
    assert {m["name"] for m in story["mentions"]} >= {"Russia", "Kazakhstan"}
    text = story["text"]
    assert all(text[m["start"] : m["end"]] == m["text"] for m in story["mentions"])

    dossier = _json(client, "/api/actors/RUS")
    assert dossier["name"] == "Russia"
    assert dossier["totals"]["events_as_source"] == len(dossier["events_as_source"]) > 0
    assert all(e["source"]["actor_key"] == "RUS" for e in dossier["events_as_source"])
    assert "KAZ" in {other["key"] for other in dossier["interactions"]}
    assert sum(d["as_source"] for d in dossier["over_time"]) > 0

    event_id = dossier["events_as_source"][0]["id"]
    event = _json(client, f"/api/events/{event_id}")
    assert event["story"]["id"] in {story_id, _hostile_story_id(client)}
    assert event["sentence"]
    for missing in ("/api/stories/nope", "/api/actors/Atlantis", "/api/events/nope:event:9"):
        assert client.get(missing).status_code == 404


def test_search_highlights_and_filters(client: httpx.Client) -> None:
    (hit,) = [h for h in _json(client, "/api/search", q="Tokayev")["items"]]
    matched = [piece["text"] for piece in hit["snippet"] if piece["match"]]
    assert matched and all(word == "Tokayev" for word in matched)

    def found(**filters) -> int:
        return len(_json(client, "/api/search", q="Kazakhstan", **filters)["items"])

    assert found() == 2
    assert found(**{"from": "2022-01-11"}) == 1  # the hostile article's date
    assert found(**{"from": "2023-01-01"}) == 0
    assert found(publisher="TRT World") == 1
    assert found(actor="Putin") == 2
    assert found(actor="Tokayev") == 1
    assert found(cameo="7") >= 1  # Russia sends troops: provide aid
    assert found(cameo="20") == 0


def test_events_filter_by_actor_edge_and_category(client: httpx.Client) -> None:
    edge = _json(client, "/api/events", source="RUS", target="KAZ")["items"]
    assert edge and all(
        e["source"]["actor_key"] == "RUS" and e["target"]["actor_key"] == "KAZ" for e in edge
    )
    rooted = _json(client, "/api/events", cameo="07")["items"]
    assert rooted and all(e["cameo"].startswith("07") for e in rooted)
    plover = rooted[0]["plover"]
    assert all(e["plover"] == plover for e in _json(client, "/api/events", plover=plover)["items"])
    quad = _json(client, "/api/events", quad_class="4")["items"]
    assert all(e["quad_class"] == 4 for e in quad)


def test_search_counts_its_stories_and_gives_each_hit_its_group(client: httpx.Client) -> None:
    found = _json(client, "/api/search", q="Kazakhstan", limit=1)
    assert found["total"] == {"stories": 2, "groups": 2, "capped": False}
    assert len(found["items"]) == 1  # the count is of every hit, not of the page
    (hit,) = found["items"]
    assert hit["same_story"] == {"id": hit["story_id"], "stories": [hit["story_id"]]}
    narrowed = _json(client, "/api/stories", q="Kazakhstan", publisher="TRT World")
    assert narrowed["total"]["stories"] == len(narrowed["items"]) == 1
    assert _json(client, "/api/search", q="Atlantis")["total"]["stories"] == 0
    assert _json(client, "/api/stories")["total"]["stories"] == 2


def test_cameo_filters_take_a_code_of_any_depth(client: httpx.Client) -> None:
    for code in ("11", "112", "1123", "023", "0234"):
        events = _json(client, "/api/events", cameo=code, limit=200)["items"]
        assert events and all(event["cameo"].startswith(code) for event in events), code
    deeper = {e["id"] for e in _json(client, "/api/events", cameo="112", limit=200)["items"]}
    root = {e["id"] for e in _json(client, "/api/events", cameo="11", limit=200)["items"]}
    assert deeper < root
    assert _json(client, "/api/events", cameo="1124")["items"] == []
    for bad in ("12345", "19a", "'1"):
        assert client.get("/api/events", params={"cameo": bad}).status_code == 422


def test_actors_are_searched_and_filtered_by_type_and_country(client: httpx.Client) -> None:
    def names(**choice) -> list[str]:
        return [a["name"] for a in _json(client, "/api/actors", limit=200, **choice)["items"]]

    russian = names(q="russ")
    assert "Russia" in russian and all("russ" in name.casefold() for name in russian)
    assert names(q="Moscow") == ["Russia"]  # an alias
    assert names(q="KAZ")[0] == "Kazakhstan"  # a key or code
    people = _json(client, "/api/actors", type="person", country="KAZ", limit=200)["items"]
    assert people and all(a["type"] == "person" and a["country"] == "KAZ" for a in people)
    assert "Kassym-Jomart Tokayev" in [a["name"] for a in people]
    assert names(q="%") == [] and names(q="'; DROP TABLE actors; --") == []
    assert len(names(min_confidence=0)) == _json(client, "/api/counts")["actors"]


def test_graph_and_timeline(client: httpx.Client) -> None:
    graph = _json(client, "/api/graph")
    keys = {node["key"] for node in graph["nodes"]}
    assert graph["edges"] and all(
        e["source"] in keys and e["target"] in keys for e in graph["edges"]
    )
    assert any(e["source"] == "RUS" and e["target"] == "KAZ" for e in graph["edges"])
    assert all(node["mentions"] > 0 for node in graph["nodes"])
    timeline = _json(client, "/api/timeline")
    assert {row["date"] for row in timeline} <= {"2022-01-10", "2022-01-11"}
    non_negated = [e for e in _json(client, "/api/events", limit=200)["items"] if not e["negated"]]
    dated = [e for e in non_negated if e["date"] and e["quad_class"]]
    assert sum(row["events"] for row in timeline) == len(dated)
    # A bar's stories: those with an event of that QuadClass on that day.
    row = timeline[0]
    stories = _json(
        client,
        "/api/stories",
        quad_class=str(row["quad_class"]),
        **{"from": row["date"], "to": row["date"]},
    )
    assert len(stories["items"]) == row["stories"]


def test_map_places_events_and_lists_each_places_events(client: httpx.Client) -> None:
    # Every event, however unsure (the threshold is tested in test_event_confidence.py).
    places = {place["name"]: place for place in _json(client, "/api/map", min_confidence=0)}
    assert {"Almaty", "Astana", "Kazakhstan"} <= places.keys()
    almaty = places["Almaty"]
    assert (almaty["type"], almaty["country"]) == ("city", "KAZ")
    assert almaty["latitude"] == pytest.approx(43.25, abs=0.05)
    # The seed's protest and the hostile article's accusation: a tie goes to conflict.
    assert (almaty["events"], almaty["material_conflict"], almaty["quad_class"]) == (2, 1, 4)
    assert places["Kazakhstan"]["type"] == "country"
    events = _json(client, "/api/map/events", place="Almaty", country="KAZ", min_confidence=0)
    assert len(events) == almaty["events"]
    assert all(e["place"]["name"] == "Almaty" and "Almaty" in e["sentence"] for e in events)
    # Every placed event and nothing else: the sum over places is the placed events.
    placed = [
        e
        for e in _json(client, "/api/events", limit=200, min_confidence=0)["items"]
        if e["place"] and not e["negated"]
    ]
    assert sum(place["events"] for place in places.values()) == len(placed)
    # Filters narrow the map as they narrow the network.
    conflict = {
        place["name"]: place
        for place in _json(client, "/api/map", quad_class="4", min_confidence=0)
    }
    assert "Astana" not in conflict  # its one event is verbal conflict (CAMEO 110)
    assert conflict["Almaty"]["events"] == conflict["Almaty"]["material_conflict"] == 1
    assert _json(client, "/api/map", to="1999-12-31") == []
    assert _json(client, "/api/map/events", place="Atlantis", country="KAZ") == []


def test_stories_carry_their_tone(client: httpx.Client) -> None:
    story = _json(client, f"/api/stories/{_seed_story_id(client)}")
    tones = {version["article_id"]: version["tone"] for version in story["versions"]}
    assert story["tone"] == tones[story["canonical_article_id"]]
    assert all(-100 <= tone <= 100 for tone in tones.values())
    page = client.get(f"/stories/{story['id']}").text
    assert f"tone {story['tone']:+.2f}" in page


# --- hostile input ---

INJECTIONS = [
    "' OR 1=1 --",
    '"; DROP TABLE stories; --',
    'Kazakhstan" OR "1"="1',
    "x') UNION SELECT key, name, type FROM actors --",
    "NEAR(Russia Kazakhstan) OR *",
    "%_%",
    "\\",
    "\x00",
]


@pytest.mark.parametrize("injection", INJECTIONS)
def test_injection_strings_are_plain_values(client: httpx.Client, injection: str) -> None:
    before = _json(client, "/api/counts")
    for field in ("actor", "publisher", "plover", "source", "target"):
        hits = _json(client, "/api/search", q="Kazakhstan", **{field: injection})["items"]
        assert hits == [], field
        assert _json(client, "/api/events", **{field: injection})["items"] == []
        assert _json(client, "/api/graph", **{field: injection})["edges"] == []
    assert isinstance(_json(client, "/api/search", q=injection)["items"], list)
    assert client.get("/", params={"q": injection, "actor": injection}).status_code == 200
    assert client.get("/api/actors/" + quote(injection, safe="")).status_code in (404, 200)
    assert _json(client, "/api/counts") == before


class _ActiveMarkup(HTMLParser):
    """Collects what in a page could run: scripts, event handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            ours = (attributes.get("src") or "").startswith("/static/")
            data = attributes.get("type") == "application/json"
            if not (ours or data):
                self.found.append(f"<script {attributes}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"{tag} {name}={value}")


def test_pages_escape_hostile_text(client: httpx.Client) -> None:
    story_id = _hostile_story_id(client)
    pages = [f"/stories/{story_id}", "/?q=destabilise", "/actors/RUS", "/actors/Kazakhstan", "/"]
    event_ids = [e["id"] for e in _json(client, f"/api/stories/{story_id}")["events"]]
    pages += [f"/events/{event_id}" for event_id in event_ids]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        parser = _ActiveMarkup()
        parser.feed(response.text)
        assert parser.found == [], path
    story_html = client.get(f"/stories/{story_id}").text
    assert "&lt;script&gt;window.__xss" in story_html
    assert "Kazakh unrest &lt;img src=x onerror=" in story_html
    assert HOSTILE_TITLE not in story_html
    # The facts for the page's script are JSON with <, > and & escaped.
    facts = story_html.split('<script type="application/json" id="facts">')[1].split("</script>")[0]
    assert "<" not in facts and "\\u003cimg" in facts


def test_read_only(client: httpx.Client, db: str) -> None:
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for path in ("/api/stories", "/api/actors/RUS", "/"):
            assert client.request(method, path).status_code == 405


def test_exports(client: httpx.Client) -> None:
    counts = _json(client, "/api/counts")
    for table in ("stories", "actors", "quotes", "events", "claims"):
        response = client.get(f"/api/export/{table}.csv", params={"min_confidence": 0})
        assert response.status_code == 200
        assert "attachment" in response.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == counts[table], table
    assert client.get("/api/export/secrets.csv").status_code == 404

    graphml = client.get("/api/export/network.graphml")
    graph = nx.read_graphml(io.BytesIO(graphml.content))
    api_graph = _json(client, "/api/graph", max_edges=2000)
    assert graph.number_of_edges() == len(api_graph["edges"])
    assert graph.nodes["RUS"]["label"] == "Russia"

    whole = _json(client, "/api/export/newsgraph.json")
    assert len(whole["stories"]) == counts["stories"]


def test_csv_guards_cells_a_spreadsheet_would_run(tmp_path: Path) -> None:
    text = "Hackers struck."
    article = Article(id="a1", source_ref="x", paragraphs=[text])
    story = Story(id="s1", versions=[article], canonical_id="a1")
    formula = Actor(key="org:evil", name="=HYPERLINK('http://x')", type="organisation")
    facts = StoryFacts(
        story_id="s1",
        article_id="a1",
        actors=[formula],
        mentions=[Mention(Span("a1", 0, 7), "Hackers", "org:evil")],
    )
    with open_store(tmp_path / "csv.db") as store:
        store.save_story(story, {}, facts)
        out = io.StringIO()
        write_csv(store, "actors", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["name"] == "'=HYPERLINK('http://x')"


def test_docs_are_served_offline(client: httpx.Client) -> None:
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
    schema = _json(client, "/openapi.json")
    assert {"/api/search", "/api/graph", "/api/stories/{story_id}"} <= set(schema["paths"])


def test_schema_documents_what_the_routes_send(client: httpx.Client) -> None:
    """404s of the item routes and the CSV export, and each export's media type, are in the
    schema as they are served."""
    paths = _json(client, "/openapi.json")["paths"]
    missing = {
        "/api/stories/{story_id}": "/api/stories/nope",
        "/api/actors/{name_or_key}": "/api/actors/Atlantis",
        "/api/events/{event_id}": "/api/events/nope:event:9",
        "/api/export/{table}.csv": "/api/export/secrets.csv",
    }
    for route, example in missing.items():
        documented = paths[route]["get"]["responses"]["404"]["content"]
        response = client.get(example)
        assert response.status_code == 404
        assert response.headers["content-type"] in documented
        assert set(response.json()) == set(documented["application/json"]["schema"]["required"])
    exports = {
        "/api/export/{table}.csv": "/api/export/events.csv",
        "/api/export/network.graphml": "/api/export/network.graphml",
    }
    for route, example in exports.items():
        (media_type,) = paths[route]["get"]["responses"]["200"]["content"]
        served = client.get(example).headers["content-type"].split(";")[0]
        assert served == media_type
    assert media_type == "application/graphml+xml"


# --- binding and token ---


def test_binding_warns_only_when_exposed_without_token() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert exposure_warning("127.0.0.1", None) is None
    warning = exposure_warning("0.0.0.0", None)
    assert warning and "without a token" in warning
    assert exposure_warning("0.0.0.0", "s3cret") is None


def test_foreign_host_is_refused(client: httpx.Client, db: str) -> None:
    """A DNS-rebinding page reaches the server under its own name: that Host gets 400."""
    port = client.base_url.port
    for foreign in ("rebind.attacker.example", f"rebind.attacker.example:{port}", "0x7f.1"):
        for path in ("/api/export/newsgraph.json", "/", "/openapi.json"):
            refused = client.get(path, headers={"Host": foreign})
            assert refused.status_code == 400, (foreign, path)
            assert "Russia" not in refused.text
    for loopback in ("127.0.0.1", f"localhost:{port}", f"[::1]:{port}", "LOCALHOST"):
        assert client.get("/api/health", headers={"Host": loopback}).status_code == 200
    allowed = ["news.example.org", "*.lan"]
    with running_server(db, hosts=allowed) as base_url, httpx.Client(base_url=base_url) as http:
        for host in ("news.example.org", "NEWS.example.org:8080", "box.lan", "127.0.0.1"):
            assert http.get("/api/health", headers={"Host": host}).status_code == 200, host
        for host in ("example.org", "news.example.org.attacker.example", "lan.attacker.example"):
            assert http.get("/api/health", headers={"Host": host}).status_code == 400, host
    with running_server(db, hosts=["*"]) as base_url, httpx.Client(base_url=base_url) as http:
        assert http.get("/api/health", headers={"Host": "anything.example"}).status_code == 200


def test_allowed_host_names_are_checked() -> None:
    assert host_pattern("::1") == "[::1]" and host_pattern("News.Example.org") == "news.example.org"
    assert host_pattern("*") == "*" and host_pattern("*.example.org") == "*.example.org"
    for bad in ("", "news.*.org", "*example.org", "**"):
        with pytest.raises(ValueError, match="not a host name"):
            host_pattern(bad)
    assert served_hosts("0.0.0.0") == [] and served_hosts("::", ["box.lan"]) == ["box.lan"]
    assert served_hosts("192.168.1.5", ["box.lan"]) == ["192.168.1.5", "box.lan"]
    notice = host_notice("0.0.0.0", [])
    assert notice and "--allow-host" in notice
    assert host_notice("0.0.0.0", ["box.lan"]) is None and host_notice("127.0.0.1", []) is None
    refused = CliRunner().invoke(app, ["serve", "--allow-host", "news.*.org"])
    assert refused.exit_code == 2 and "not a host name" in refused.output


def test_token_guards_every_route(db: str) -> None:
    with running_server(db, token="s3cret") as base_url, httpx.Client(base_url=base_url) as http:
        assert http.get("/api/counts").status_code == 401
        assert http.get("/").status_code == 401
        for refused in ("Bearer wrong", "Basic s3cret", "Bearers3cret", "s3cret"):
            assert http.get("/api/counts", headers={"Authorization": refused}).status_code == 401
        for scheme in ("Bearer", "bearer", "BEARER", "bEaReR"):
            authorization = {"Authorization": f"{scheme} s3cret"}
            assert http.get("/api/counts", headers=authorization).status_code == 200, scheme
        assert http.get("/", params={"token": "wrong"}).status_code == 401
        assert "set-cookie" not in http.get("/", params={"token": "wrong"}).headers
        assert http.get("/", params={"token": "s3cret"}, follow_redirects=True).status_code == 200
        assert http.get("/actors").status_code == 200  # the cookie set by ?token=


def test_token_never_appears_in_a_page(db: str) -> None:
    """``?token=`` moves into a cookie and out of the URL: no link, page or redirect carries it."""
    token = "s3cret-7f2a"
    with running_server(db, token=token) as base_url, httpx.Client(base_url=base_url) as http:
        moved = http.get("/", params={"q": "Kazakhstan", "limit": 1, "token": token})
        assert moved.status_code == 303
        assert moved.headers["location"] == "/?q=Kazakhstan&limit=1"
        cookie = moved.headers["set-cookie"]
        assert "newsgraph_token=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert "content-security-policy" in moved.headers
        moves = {
            "/api/counts": "/api/counts",
            "/api/actors/a%2Fb": "/api/actors/a%2Fb",
            "//attacker.example/x": "/attacker.example/x",
            "/%5Cattacker.example": "/%5Cattacker.example",
        }
        for path, location in moves.items():
            moved = http.get(f"{base_url}{path}", params={"token": token})
            assert moved.headers["location"] == location, path

        pages = ["/?q=Kazakhstan&limit=1", "/actors?limit=2", "/actors/RUS", "/network"]
        pages += ["/timeline?from=2022-01-01", "/docs", "/?q=nothing-matches"]
        for path in pages:
            response = http.get(path + ("&" if "?" in path else "?") + f"token={token}")
            assert response.status_code == 303 and token not in response.headers["location"]
            page = http.get(response.headers["location"])
            assert page.status_code == 200, path
            assert token not in page.text, path
            assert token not in str(page.url)
        more = http.get("/actors?limit=2").text
        assert 'href="/actors?limit=2&amp;offset=2"' in more  # paging links still work


def test_serve_runs_several_worker_processes(db: str) -> None:
    """`newsgraph serve --workers 2` answers on loopback, the token still guarding it."""
    port = free_port()
    command = [str(Path(sys.executable).with_name("newsgraph")), "serve", "--db", str(db)]
    command += ["--port", str(port), "--workers", "2", "--token", "s3cret"]
    command += ["--allow-host", "news.example.org"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base_url, timeout=5) as http:
            deadline = time.monotonic() + 60
            while True:
                try:
                    assert http.get("/api/health").status_code == 401
                    break
                except httpx.TransportError:
                    assert server.poll() is None and time.monotonic() < deadline
                    time.sleep(0.2)
            guarded = {"Authorization": "Bearer s3cret"}
            for _ in range(10):  # on one kept-alive connection, served by either worker
                hits = http.get("/api/search", params={"q": "Tokayev"}, headers=guarded)
                assert hits.status_code == 200 and hits.json()["items"]
                named = {**guarded, "Host": "news.example.org"}
                assert http.get("/api/health", headers=named).status_code == 200
                foreign = {**guarded, "Host": "rebind.attacker.example"}
                assert http.get("/api/health", headers=foreign).status_code == 400
    finally:
        server.terminate()
        server.wait(timeout=30)
