"""Actor resolution time against spaCy parsing time, on the same 88 article bodies.

The bodies are those of the ScrapingHub extraction benchmark
(../shared/data/extraction/ground-truth.json). Parsing is the baseline: resolution
should cost a small fraction of it (the aim is under 10%). The dictionary load and
the one-off matcher build are reported apart from the per-article time.

    .venv/bin/python benchmarks/actors.py [--show]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from newsgraph.actors import ActorDictionary, resolve_actors
from newsgraph.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
BODIES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each article's actors")
    args = parser.parse_args()
    records = json.loads(BODIES.read_text(encoding="utf-8"))
    texts = [record["articleBody"] for record in records.values()]
    nlp = load_pipeline()

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - started

    started = time.perf_counter()
    dictionary = ActorDictionary.load()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    dictionary.matches(docs[0])
    build_s = time.perf_counter() - started

    types: Counter[str] = Counter()
    started = time.perf_counter()
    indexes = [resolve_actors(doc, str(i), dictionary) for i, doc in enumerate(docs)]
    resolve_s = time.perf_counter() - started
    for number, index in enumerate(indexes):
        types.update(actor.type for actor in index.actors.values())
        if args.show:
            names = ", ".join(f"{a.name} [{a.key}]" for a in index.actors.values())
            print(f"{number}: {names}")

    count = len(docs)
    print(f"articles: {count}, words: {sum(len(t.split()) for t in texts)}")
    print(f"parse:    {parse_s:.2f} s ({1000 * parse_s / count:.1f} ms/article)")
    print(f"dictionary load {load_s:.2f} s, matcher build {build_s:.2f} s (once per process)")
    print(
        f"resolve:  {resolve_s:.2f} s ({1000 * resolve_s / count:.1f} ms/article, "
        f"{100 * resolve_s / parse_s:.1f}% of parse)"
    )
    print("actors by type:", dict(types))


if __name__ == "__main__":
    main()
