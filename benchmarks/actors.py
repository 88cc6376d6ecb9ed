"""Actor resolution on real news: its time against spaCy's parse, and a sample to judge.

The bodies are those of the ScrapingHub extraction benchmark
(../shared/data/extraction/ground-truth.json, 88 human-written news and feature
articles, MIT), or (``--corpus polnear``) 240 PolNeAR US political news articles of
2015–2016 that no actor rule was fitted on, each resolved as of its date (polnear.py), or
(``--corpus polnear-unseen``) PolNeAR's other 400, which no rule author has read, or
(``--corpus ecbplus``) the 462 ECB+ news texts (CC BY 3.0; shootings, disasters, arrests,
launches; tokenised as the set gives them), each as of its event's year (events_audit.py).
Parsing is the baseline: resolution should cost a small fraction of it
(the aim is under 10%). The dictionary load and the one-off matcher build are reported
apart from the per-article time.

``--sample N`` prints a fixed-seed random sample of resolved mentions (the mention, its
sentence, and the actor's key, code, type and confidence) of the actors shown by default
(``--all``: of every actor, confident or not) for a reader to judge: is this text that
actor? No judgement is stored; the sample is for re-judging after every change. Each
mention of the English articles draws its place from the seed, its article and its
offset, so a change to the resolver keeps the order of the sample and what it removes or
adds shows in place. ``--date``
resolves as of that day (leaders in office then), as an ingested story with that date.

The sample is drawn from one part of the articles, split by a hash of their key (see
plv.py): rules are fitted on the fit part; the held-apart part (the default) gives the
reported figure and is not read case by case while fitting. Parses are cached under
/tmp/newsgraph-actors-bench (keyed by the model and the texts).

    .venv/bin/python benchmarks/actors.py [--show] [--sample 80] [--seed 7] [--date 2025-06-01]
        [--part fit|held-apart] [--corpus pages|polnear|polnear-unseen|ecbplus]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from collections import Counter
from pathlib import Path

import py3langid
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from events_audit import load_texts as event_texts
from newsgraph.actors import ActorDictionary, ActorIndex, resolve_actors
from newsgraph.actors.confidence import DEFAULT_THRESHOLD
from newsgraph.actors.places import is_town_or_state, towns_and_states
from newsgraph.nlp import load_pipeline
from newsgraph.records import Mention
from plv import FIT, HELD, part_of
from polnear import audit_texts

ROOT = Path(__file__).resolve().parents[1]
BODIES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"
CACHE = Path("/tmp/newsgraph-actors-bench")
# PolNeAR's quotes-held-apart articles, which no rule author has read (polnear.py).
UNSEEN_TEXTS = 400


def load_texts(corpus: str) -> dict[str, tuple[str, str | None]]:
    """Each text by its key, with the date it is resolved as of (None: undated)."""
    if corpus == "polnear":
        return audit_texts()
    if corpus == "polnear-unseen":
        return audit_texts(UNSEEN_TEXTS, quotes_fit=False)
    if corpus == "ecbplus":
        return event_texts(corpus, "")
    records = json.loads(BODIES.read_text(encoding="utf-8"))
    return {key: (record["articleBody"], None) for key, record in sorted(records.items())}


def parse(nlp: Language, texts: list[str]) -> tuple[list[Doc], float]:
    """The parsed texts and the seconds parsing took (0 when read from the cache)."""
    digest = hashlib.sha1("\0".join([nlp.meta["name"], nlp.meta["version"], *texts]).encode())
    cached = CACHE / f"{digest.hexdigest()[:16]}.spacy"
    if cached.exists():
        return list(DocBin().from_disk(cached).get_docs(nlp.vocab)), 0.0
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    seconds = time.perf_counter() - started
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(cached)
    return docs, seconds


def _draw(seed: int, mention: Mention) -> float:
    """A mention's place in the sample: the same whatever else the resolver finds."""
    return random.Random(f"{seed}:{mention.span.article_id}:{mention.span.start}").random()


def print_sample(docs: list[Doc], indexes: list[ActorIndex], size: int, seed: int) -> None:
    """``size`` mentions drawn with ``seed`` from the English articles, each with its sentence."""
    english = [
        (doc, index)
        for doc, index in zip(docs, indexes, strict=True)
        if py3langid.classify(doc.text)[0] == "en"
    ]
    mentions = [(doc, index, m) for doc, index in english for m in index.named()[1]]
    print(f"\nmentions: {len(mentions)} in {len(english)} English articles; sample of {size}")
    mentions.sort(key=lambda found: _draw(seed, found[2]))
    for number, (doc, index, mention) in enumerate(mentions[:size], 1):
        actor = index.actor(mention.actor_key)
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        sentence = " ".join(span.sent.text.split()) if span is not None else ""
        details = ", ".join(
            f"{name} {value}"
            for name, value in (
                ("code", actor.code),
                ("country", actor.country),
                ("roles", "; ".join(actor.roles)),
                ("confidence", f"{actor.confidence:.2f}"),
            )
            if value
        )
        print(f"\n[{number}] {mention.text!r} -> {actor.key} ({actor.type}; {details or '-'})")
        print(f"    {sentence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each article's actors")
    parser.add_argument("--sample", type=int, default=0, help="mentions to print for judging")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--date", help="resolve as of this ISO date (default: undated)")
    parser.add_argument("--part", choices=[FIT, HELD], default=HELD, help="articles to sample")
    parser.add_argument(
        "--all", action="store_true", help="every actor, not only the confident (shown) ones"
    )
    parser.add_argument(
        "--corpus", choices=("pages", "polnear", "polnear-unseen", "ecbplus"), default="pages"
    )
    args = parser.parse_args()
    records = load_texts(args.corpus)
    texts = [text for text, _ in records.values()]
    dates = [args.date or date for _, date in records.values()]
    parts = [part_of(key) for key in records]
    nlp = load_pipeline()
    docs, parse_s = parse(nlp, texts)

    started = time.perf_counter()
    dictionary = ActorDictionary.load()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    dictionary.matches(docs[0])
    towns_and_states()  # built once per process, as the matchers are
    is_town_or_state("", "USA")
    build_s = time.perf_counter() - started

    types: Counter[str] = Counter()
    threshold = 0.0 if args.all else DEFAULT_THRESHOLD
    started = time.perf_counter()
    indexes = [
        resolve_actors(doc, str(i), dictionary, date=date, min_confidence=threshold)
        for i, (doc, date) in enumerate(zip(docs, dates, strict=True))
    ]
    resolve_s = time.perf_counter() - started
    for number, index in enumerate(indexes):
        types.update(actor.type for actor in index.actors.values())
        if args.show:
            names = ", ".join(f"{a.name} [{a.key}]" for a in index.actors.values())
            print(f"{number}: {names}")

    count = len(docs)
    print(f"articles: {count}, words: {sum(len(t.split()) for t in texts)}")
    if parse_s:
        print(f"parse:    {parse_s:.2f} s ({1000 * parse_s / count:.1f} ms/article)")
    print(f"dictionary load {load_s:.2f} s, matchers and towns {build_s:.2f} s (once per process)")
    share = f", {100 * resolve_s / parse_s:.1f}% of parse" if parse_s else ""
    print(f"resolve:  {resolve_s:.2f} s ({1000 * resolve_s / count:.1f} ms/article{share})")
    print("actors by type:", dict(types))
    if args.sample:
        chosen = [i for i, part in enumerate(parts) if part == args.part]
        print(f"\n{args.part} part: {len(chosen)} of {count} articles")
        print_sample(
            [docs[i] for i in chosen], [indexes[i] for i in chosen], args.sample, args.seed
        )


if __name__ == "__main__":
    main()
