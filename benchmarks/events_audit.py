"""Event coding on real news: a fixed random sample of coded events, to judge by hand.

The PLOVER GSR (benchmarks/events.py) is 322 sentences, and rules tuned on them can
misfire on other text. This codes the human-written article bodies of
../shared/data/extraction/ground-truth.json (88 news and feature articles of the
ScrapingHub article-extraction benchmark, MIT) and prints a random sample of their
events with the sentence each comes from, for a reader to judge against the CAMEO
codebook: is there an event, between these actors, and of this code? No judgement
is stored: the sample is for re-judging after every change.

Every sentence of the articles is shuffled (fixed seed), and the events of each
sentence in turn are printed until the sample is full, so that a change to the coder
keeps the order of the sample and what it removes or adds shows in place. Articles
not in English are left out, as the pipeline leaves them (one is German).

    .venv/bin/python benchmarks/events_audit.py [--size 60] [--seed 7] [--all]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import py3langid

from newsgraph.actors import ActorDictionary, resolve_actors
from newsgraph.events import codebook, extract_events
from newsgraph.nlp import load_pipeline
from newsgraph.records import ActorRef, Event

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"


def side(ref: ActorRef | None) -> str:
    if ref is None:
        return "-"
    return f"{ref.text} [{ref.code or ref.actor_key}]"


def describe(event: Event) -> str:
    negated = " (negated)" if event.negated else ""
    return (
        f"  {event.cameo} {codebook.label(event.cameo) or '?'} / {event.plover}{negated}: "
        f"{side(event.source)} -> {side(event.target)}  verb '{event.verb}'"
        f"  confidence {event.confidence:.2f} ({event.basis})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=60, help="events in the sample")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all", action="store_true", help="print every coded event")
    args = parser.parse_args()

    bodies = {
        key: page["articleBody"]
        for key, page in sorted(json.loads(ARTICLES.read_text(encoding="utf-8")).items())
        if py3langid.classify(page["articleBody"])[0] == "en"
    }
    nlp = load_pipeline()
    dictionary = ActorDictionary.load()
    by_sentence: dict[tuple[str, int], list[Event]] = {}
    texts: dict[tuple[str, int], str] = {}
    for key, doc in zip(bodies, nlp.pipe(bodies.values()), strict=True):
        for sentence in doc.sents:
            by_sentence[(key, sentence.start_char)] = []
            texts[(key, sentence.start_char)] = sentence.text
        actors = resolve_actors(doc, key, dictionary)
        for event in extract_events(doc, key, actors):
            by_sentence[(key, event.sentence.start)].append(event)
    coded = [place for place, events in by_sentence.items() if events]
    total = sum(len(events) for events in by_sentence.values())
    print(
        f"articles: {len(bodies)} in English; sentences: {len(by_sentence)}, "
        f"with events: {len(coded)}; events: {total}"
    )

    places = sorted(by_sentence)
    if not args.all:
        random.Random(args.seed).shuffle(places)
    printed = 0
    for number, place in enumerate(places, 1):
        if not by_sentence[place]:
            continue
        if not args.all and printed >= args.size:
            break
        print(f"\n[{number}] {place[0][:8]}: {' '.join(texts[place].split())}")
        for event in by_sentence[place]:
            print(describe(event))
            printed += 1


if __name__ == "__main__":
    main()
