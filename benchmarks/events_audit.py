"""Event coding on real news: a fixed random sample of coded events, to judge by hand.

The PLOVER GSR (benchmarks/events.py) is 322 sentences, and rules tuned on them can
misfire on other text. This codes real article bodies and prints a random sample of their
events with the sentence each comes from, for a reader to judge against the CAMEO
codebook: is there an event, between these actors, and of this code? No judgement
is stored: the sample is for re-judging after every change. Two corpora:

* ``pages``: the human-written bodies of ../shared/data/extraction/ground-truth.json (88
  news and feature articles of the ScrapingHub article-extraction benchmark, MIT; the
  one German article is left out, as the pipeline leaves it);
* ``ecbplus``: the 462 news texts of ../shared/data/stories/ecbplus_dev.jsonl (ECB+,
  CC BY 3.0: celebrity news, disasters, sport, crime, product launches, politics),
  coded as of the year each text's topic happened in;
* ``polnear``: 240 US political news articles of 2015–2016 (PolNeAR, of the quotes
  benchmark's fit part; see polnear.py), never used to fit an event rule before
  2026-12-06, each coded as of its date;
* ``polnear-unseen``: PolNeAR's other articles (the quotes benchmark's held-apart part),
  which no rule author has read: every one is unseen text for events (``--part all``),
  judged blind before and after a change by a reader who writes no rule.

Each text belongs to the fit part or the held-apart part by a hash of its key
(plv.part_of), as the dev sets do: rules are fitted by reading the fit part; the held-apart
part is judged before and after a change, as counts. ``--shown`` keeps the events shown by
default (confidence at or above DEFAULT_THRESHOLD), the ones an analyst sees.

Every sentence is shuffled (fixed seed), and the events of each sentence in turn are
printed until the sample is full, so that a change to the coder keeps the order of the
sample and what it removes or adds shows in place.

    .venv/bin/python benchmarks/events_audit.py [--corpus pages|ecbplus|polnear|polnear-unseen] \
        [--part all|fit|held-apart] [--shown | --floor 0.3] [--size 60] [--seed 7] [--all] \
        [--texts 0:240]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import py3langid

from newsgraph.actors import ActorDictionary, resolve_actors
from newsgraph.events import codebook, extract_events
from newsgraph.events.confidence import DEFAULT_THRESHOLD
from newsgraph.nlp import load_pipeline
from newsgraph.records import ActorRef, Event
from plv import part_of
from polnear import AUDIT_TEXTS, audit_texts

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"
ECBPLUS = ROOT.parent / "shared" / "data" / "stories" / "ecbplus_dev.jsonl"
# The year each ECB+ topic's two events happened in (the subtopic `ecb` one, then `ecbplus`),
# so that leaders resolve as of their time; ECB+ gives no article dates.
ECBPLUS_YEARS = {"ecb": "2008-06-01", "ecbplus": "2012-06-01"}


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


def load_texts(corpus: str, span: str) -> dict[str, tuple[str, str | None]]:
    """Each text by its key, with the date it is coded as of (PolNeAR's in ``span``)."""
    if corpus in {"polnear", "polnear-unseen"}:
        start, end = (int(bound) for bound in span.split(":"))
        texts = audit_texts(end, quotes_fit=corpus == "polnear")
        return dict(list(texts.items())[start:])
    if corpus == "ecbplus":
        texts = {}
        for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts[record["doc"]] = (record["text"], ECBPLUS_YEARS[record["subtopic"]])
        return texts
    return {
        key: (page["articleBody"], None)
        for key, page in sorted(json.loads(ARTICLES.read_text(encoding="utf-8")).items())
        if py3langid.classify(page["articleBody"])[0] == "en"
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", choices=("pages", "ecbplus", "polnear", "polnear-unseen"), default="pages"
    )
    parser.add_argument("--part", choices=("all", "fit", "held-apart"), default="all")
    parser.add_argument(
        "--shown", action="store_true", help=f"only events at confidence >= {DEFAULT_THRESHOLD}"
    )
    parser.add_argument(
        "--floor",
        type=float,
        default=0.0,
        help="only events at or above this confidence (to judge those near the threshold too)",
    )
    parser.add_argument("--size", type=int, default=60, help="events in the sample")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all", action="store_true", help="print every coded event")
    parser.add_argument(
        "--texts",
        default=f"0:{AUDIT_TEXTS}",
        help="polnear: which articles of its fixed order, START:END (default the audit's "
        f"0:{AUDIT_TEXTS}; 240:440 are fit-part articles no rule was read from before "
        "2026-12-06's precision round)",
    )
    args = parser.parse_args()

    texts = {
        key: value
        for key, value in load_texts(args.corpus, args.texts).items()
        if args.part == "all" or part_of(key) == args.part
    }
    nlp = load_pipeline()
    dictionary = ActorDictionary.load()
    by_sentence: dict[tuple[str, int], list[Event]] = {}
    sentences: dict[tuple[str, int], str] = {}
    bodies = (text for text, _ in texts.values())
    for (key, (_, date)), doc in zip(texts.items(), nlp.pipe(bodies), strict=True):
        for sentence in doc.sents:
            by_sentence[(key, sentence.start_char)] = []
            sentences[(key, sentence.start_char)] = sentence.text
        actors = resolve_actors(doc, key, dictionary, date=date)
        for event in extract_events(doc, key, actors, date=date):
            floor = max(args.floor, DEFAULT_THRESHOLD if args.shown else 0.0)
            if event.confidence >= floor:
                by_sentence[(key, event.sentence.start)].append(event)
    coded = [place for place, events in by_sentence.items() if events]
    total = sum(len(events) for events in by_sentence.values())
    print(
        f"texts: {len(texts)} ({args.corpus}, part {args.part}); sentences: "
        f"{len(by_sentence)}, with events: {len(coded)}; events"
        f"{' shown' if args.shown else ''}: {total}"
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
        print(f"\n[{number}] {place[0][:8]}: {' '.join(sentences[place].split())}")
        for event in by_sentence[place]:
            print(describe(event))
            printed += 1


if __name__ == "__main__":
    main()
