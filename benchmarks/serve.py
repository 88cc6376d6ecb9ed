"""The workbench under load: p50/p95/p99 latency and errors at a fixed request rate.

A store is filled with synthetic stories (100,000 articles by default: actors with a
Zipf-like popularity, events, quotes, claims, FTS-indexed text) through the real
write path (``Store.save_story``) and cached under build/. ``newsgraph serve`` runs
it on 127.0.0.1; Debian's ``hey`` drives each scenario at a fixed total rate,
spread over many URLs (one ``hey`` per URL, so SQLite's cache meets varied pages).

Baseline, measured in the same run at the same rate: GET /api/health, a route that
never touches the store (the cost of HTTP, uvicorn and FastAPI alone).
Goal: p95 < 50 ms for search, story and dossier; 0 errors at 200 requests/s.

Both back-ends, one after the other, on the same synthetic stories: SQLite, then
PostgreSQL (``--postgres URL``, or a throw-away server of the tests' kind whose data is
cached under build/ as the SQLite file is); their p95 are printed side by side, with the
goal for PostgreSQL of at most twice SQLite's. ``--backend`` runs one of them only.

The load comes in bursts by default: the hey processes start together, so one request
per URL arrives at once every 1/(rate per URL) s (20 together every 100 ms at 200
requests/s), and a p95 is about the time two cores take to answer a burst. ``--steady``
starts them 1/rate apart, so that the same rate arrives one request at a time.

    .venv/bin/python benchmarks/serve.py [--articles 100000] [--rate 200] [--seconds 10]
        [--steady]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from newsgraph.api.server import wait_until_serving
from newsgraph.records import (
    Actor,
    ActorRef,
    Article,
    Claim,
    Event,
    Mention,
    Quote,
    Span,
    Story,
    StoryFacts,
)
from newsgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ROOT / "src" / "newsgraph" / "data" / "actors" / "countries.tsv"
HOST = "127.0.0.1"
URLS_PER_SCENARIO = 20
# (verb, CAMEO, PLOVER, Goldstein, QuadClass): a spread from cooperation to conflict.
ACTIONS = [
    ("praised", "051", "CONSULT", 3.4, 1),
    ("met", "040", "CONSULT", 1.0, 1),
    ("urged", "020", "REQUEST", 3.0, 1),
    ("sent aid to", "070", "AID", 7.0, 2),
    ("signed a deal with", "057", "AGREE", 8.0, 2),
    ("criticised", "111", "ACCUSE", -2.0, 3),
    ("threatened", "130", "THREATEN", -4.4, 3),
    ("sanctioned", "163", "SANCTION", -8.0, 4),
    ("attacked", "190", "ASSAULT", -10.0, 4),
    ("expelled diplomats of", "166", "REDUCE", -7.0, 4),
]
TOPICS = [
    "grain",
    "corridor",
    "pipeline",
    "border",
    "ceasefire",
    "election",
    "tariffs",
    "refugees",
    "drought",
    "uranium",
    "shipping",
    "lane",
    "currency",
    "vaccine",
    "summit",
    "airspace",
    "fishing",
    "rights",
    "dam",
    "debt",
    "talks",
]


def _actors(rng: random.Random) -> list[Actor]:
    """Countries from the dictionary, then synthetic leaders and organisations."""
    actors = []
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines()[1:]:
        key, _, name, code, *_ = line.split("\t")
        actors.append(Actor(key=key, name=name, type="country", code=code, country=key))
    for index in range(1800):
        country = rng.choice(actors[:200])
        person = index % 3 != 0
        name = f"{'Minister' if person else 'Agency'} {index:04d} of {country.name}"
        key = f"{'person' if person else 'org'}:synthetic-{index:04d}"
        actors.append(
            Actor(
                key=key,
                name=name,
                type="person" if person else "organisation",
                code=country.code + ("GOV" if person else "BUS"),
                country=country.key,
            )
        )
    return actors


def _story(number: int, rng: random.Random, actors: list[Actor], weights: list[float]) -> tuple:
    """One synthetic story with its facts; offsets point at the words they name."""
    day = 1 + number % 730
    date = time.strftime("%Y-%m-%d", time.gmtime(1_600_000_000 + day * 86_400))
    cast = {a.key: a for a in rng.choices(actors, weights, k=4)}
    parts: list[str] = []
    mentions, events, quotes, claims = [], [], [], []
    article_id = f"a{number:06d}"
    position = 0

    def add(text: str) -> int:
        nonlocal position
        start = position
        parts.append(text)
        position += len(text)
        return start

    people = list(cast.values())
    for _ in range(rng.randint(2, 4)):
        source, target = rng.sample(people, 2) if len(people) > 1 else (people[0], people[0])
        verb, cameo, plover, goldstein, quad = rng.choice(ACTIONS)
        topic = rng.choice(TOPICS)
        sentence_start = add("")
        source_start = add(source.name)
        add(" ")
        verb_start = add(verb)
        add(" ")
        target_start = add(target.name)
        add(f" over the {topic} dispute on {date}. ")
        sentence = Span(article_id, sentence_start, position - 1)
        mentions += [
            Mention(
                Span(article_id, source_start, source_start + len(source.name)),
                source.name,
                source.key,
            ),
            Mention(
                Span(article_id, target_start, target_start + len(target.name)),
                target.name,
                target.key,
            ),
        ]
        events.append(
            Event(
                span=Span(article_id, verb_start, verb_start + len(verb)),
                sentence=sentence,
                source=ActorRef(source.name, source.key, source.code),
                target=ActorRef(target.name, target.key, target.code),
                cameo=cameo,
                plover=plover,
                goldstein=goldstein,
                quad_class=quad,
                verb=verb,
                date=date,
            )
        )
    add("\n\n")
    speaker = people[0]
    quote_start = add('"') + 1
    words = f"We will not accept any {rng.choice(TOPICS)} plan that ignores our people"
    add(words + '," said ')
    speaker_start = add(speaker.name)
    add(".\n\n")
    mentions.append(
        Mention(
            Span(article_id, speaker_start, speaker_start + len(speaker.name)),
            speaker.name,
            speaker.key,
        )
    )
    quotes.append(
        Quote(
            Span(article_id, quote_start, quote_start + len(words)),
            words,
            speaker.key,
            speaker.name,
            "said",
        )
    )
    claim_start = add("")
    value = f"{rng.randint(2, 95)} percent"
    add(f"Officials said {value} of the {rng.choice(TOPICS)} budget was spent in {date[:4]}.")
    value_start = claim_start + len("Officials said ")
    claims.append(
        Claim(
            Span(article_id, value_start, value_start + len(value)),
            Span(article_id, claim_start, position),
            "budget",
            value,
            None,
            "percent",
            date[:4],
        )
    )
    paragraphs = "".join(parts).split("\n\n")
    article = Article(
        id=article_id,
        source_ref=f"synthetic:{number}",
        paragraphs=paragraphs,
        title=f"{people[0].name} and {people[-1].name}: {rng.choice(TOPICS)} row",
        published=date,
        publisher=f"Wire {number % 40:02d}",
    )
    story = Story(
        id=f"s{number:06d}",
        versions=[article],
        canonical_id=article_id,
        published=date,
        publisher=article.publisher,
        title=article.title,
    )
    facts = StoryFacts(story.id, article_id, list(cast.values()), mentions, quotes, events, claims)
    return story, facts


def build_store(url: str, articles: int) -> None:
    """Fill a fresh store (a SQLite path or an empty database's URL) with ``articles``
    synthetic one-version stories."""
    rng = random.Random(7)
    actors = _actors(rng)
    weights = [1 / (rank + 1) for rank in range(len(actors))]
    if not url.startswith("postgresql://"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{url}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with open_store(url) as store:
        for number in range(articles):
            story, facts = _story(number, rng, actors, weights)
            store.save_story(story, {}, facts)
            if number % 10_000 == 0:
                print(f"  {number:,} stories written", file=sys.stderr)
        counts = store.counts()
    print(
        f"store: {counts} in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


def _get_json(url: str):
    import json

    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def scenarios(base: str, rng: random.Random, offset: int) -> dict[str, list[str]]:
    """Scenario name -> the URLs it spreads its load over (real ids from the store)."""
    stories = _get_json(f"{base}/api/stories?limit=200&offset={offset}")["items"]
    story_ids = [s["story_id"] for s in rng.sample(stories, URLS_PER_SCENARIO)]
    actors = _get_json(f"{base}/api/actors?limit=200")["items"]
    actor_keys = [a["key"] for a in rng.sample(actors, URLS_PER_SCENARIO)]
    terms = rng.sample(
        [f"{topic} {actor['name'].split()[0]}" for topic in TOPICS for actor in actors[:40]],
        URLS_PER_SCENARIO,
    )
    return {
        "baseline /api/health": [f"{base}/api/health"] * URLS_PER_SCENARIO,
        "search page /?q=": [f"{base}/?q={quote(t)}" for t in terms],
        "search API /api/search": [f"{base}/api/search?q={quote(t)}" for t in terms],
        "story page /stories/{id}": [f"{base}/stories/{i}" for i in story_ids],
        "story API /api/stories/{id}": [f"{base}/api/stories/{i}" for i in story_ids],
        "dossier page /actors/{key}": [f"{base}/actors/{quote(k)}" for k in actor_keys],
        "dossier API /api/actors/{key}": [f"{base}/api/actors/{quote(k)}" for k in actor_keys],
        "events API /api/events?actor=": [
            f"{base}/api/events?actor={quote(k)}" for k in actor_keys
        ],
    }


def drive(urls: list[str], rate: int, seconds: int, *, steady: bool = False) -> dict[str, float]:
    """One hey per URL, together at ``rate`` requests/s for ``seconds``; latency in ms.

    Each hey sends its URL's requests on a ticker of its own, so the ones started
    together fire together: bursts of one request per URL. ``steady`` starts them
    ``1 / rate`` apart instead, so that their tickers interleave and requests arrive one
    by one at the same total rate."""
    per_url_rate = rate / len(urls)
    requests_each = max(1, round(per_url_rate * seconds))
    started = time.perf_counter()
    processes = []
    for index, url in enumerate(urls):
        if steady:
            time.sleep(max(0.0, started + index / rate - time.perf_counter()))
        command = ["hey", "-n", str(requests_each), "-c", "1", "-q", f"{per_url_rate:g}"]
        command += ["-t", "10", "-o", "csv", url]
        processes.append(subprocess.Popen(command, stdout=subprocess.PIPE, text=True))
    latencies, failures = [], 0
    for process in processes:
        output, _ = process.communicate(timeout=seconds * 6 + 60)
        rows = list(csv.DictReader(io.StringIO(output)))
        ok = [r for r in rows if r["status-code"].startswith("2")]
        failures += requests_each - len(ok)
        latencies += [float(r["response-time"]) * 1000 for r in ok]
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(p: float) -> float:
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]

    return {
        "requests": requests_each * len(urls),
        # Each hey worker waits for its answer: a slow server gets fewer than asked for.
        "achieved_rate": requests_each * len(urls) / elapsed,
        "errors": failures,
        "p50": percentile(50),
        "p95": percentile(95),
        "p99": percentile(99),
        "mean": statistics.fmean(latencies) if latencies else float("nan"),
    }


def measure(db: str, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    """Serve the store at ``db`` and drive every scenario; the results by scenario."""
    base = f"http://{HOST}:{args.port}"
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("newsgraph")),
            "serve",
            "--db",
            db,
            "--host",
            HOST,
            "--port",
            str(args.port),
        ],
        stderr=subprocess.DEVNULL,
    )
    results = {}
    try:
        wait_until_serving(f"{base}/api/health")
        plan = scenarios(base, random.Random(11), offset=args.articles // 2)
        for urls in plan.values():  # one warm-up request per URL
            for url in dict.fromkeys(urls):
                urllib.request.urlopen(url, timeout=30).read()
        print(
            f"{'scenario':34} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} "
            f"{'p99 ms':>7} {'req/s':>6}"
        )
        for name, urls in plan.items():
            result = results[name] = drive(urls, args.rate, args.seconds, steady=args.steady)
            print(
                f"{name:34} {result['requests']:>8} {result['errors']:>6} "
                f"{result['p50']:>7.1f} {result['p95']:>7.1f} {result['p99']:>7.1f} "
                f"{result['achieved_rate']:>6.0f}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def sqlite_store(args: argparse.Namespace) -> str:
    """The cached SQLite store under build/, built on first use."""
    db = ROOT / "build" / f"serve-bench-{args.articles}.db"
    db.parent.mkdir(exist_ok=True)
    if args.rebuild or not db.exists():
        print(f"building a store of {args.articles:,} synthetic articles in {db}", file=sys.stderr)
        build_store(str(db), args.articles)
    return str(db)


@contextmanager
def postgres_store(args: argparse.Namespace) -> Iterator[str]:
    """The PostgreSQL store: ``--postgres`` as given (filled when empty), or a server of
    the tests' kind (tests/postgres_server.py) on 127.0.0.1 whose data stays under
    build/ between runs."""
    if args.postgres:
        with open_store(args.postgres) as store:
            empty = store.counts()["stories"] == 0
        if empty or args.rebuild:
            build_store(args.postgres, args.articles)
        yield args.postgres
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from postgres_server import PostgresServer, binaries

    bin_dir = binaries()
    if bin_dir is None:
        sys.exit("PostgreSQL is not installed (Debian: make postgresql); or pass --postgres URL")
    root = ROOT / "build" / f"serve-bench-{args.articles}-postgresql"
    fresh = args.rebuild or not (root / "data").exists()
    if fresh:
        shutil.rmtree(root, ignore_errors=True)
    server = PostgresServer(bin_dir, root)
    server.start()
    try:
        url = server.url("newsgraph")
        if fresh:
            server.create_database("newsgraph")
            print(f"building a store of {args.articles:,} synthetic articles in {url}")
            build_store(url, args.articles)
        yield url
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rate", type=int, default=200, help="total requests per second")
    parser.add_argument("--seconds", type=int, default=10, help="per scenario")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached stores")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), action="append")
    parser.add_argument("--postgres", help="a PostgreSQL URL to use instead of a server of ours")
    parser.add_argument(
        "--steady",
        action="store_true",
        help="requests one by one at the rate, not in bursts of one a URL (see drive)",
    )
    args = parser.parse_args()
    if shutil.which("hey") is None:
        sys.exit("benchmarks/serve.py needs `hey` (Debian: apt-get install hey; make bench-serve)")
    backends = args.backend or ["sqlite", "postgresql"]
    print(
        f"\n{args.articles:,} articles · {args.rate} requests/s · {args.seconds} s each "
        f"· hey, {URLS_PER_SCENARIO} URLs per scenario"
    )
    results: dict[str, dict[str, dict[str, float]]] = {}
    if "sqlite" in backends:
        print("\nSQLite")
        results["sqlite"] = measure(sqlite_store(args), args)
    if "postgresql" in backends:
        with postgres_store(args) as url:
            print("\nPostgreSQL")
            results["postgresql"] = measure(url, args)
    if len(results) == 2:
        print(f"\n{'p95 ms':34} {'SQLite':>8} {'PostgreSQL':>10} {'ratio':>6}")
        for name, sqlite_result in results["sqlite"].items():
            postgres_p95 = results["postgresql"][name]["p95"]
            print(
                f"{name:34} {sqlite_result['p95']:>8.1f} {postgres_p95:>10.1f} "
                f"{postgres_p95 / sqlite_result['p95']:>5.1f}x"
            )


if __name__ == "__main__":
    main()
