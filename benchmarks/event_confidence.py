"""How right events are, by how the coder found them: the measure behind the factors of
``data/events/confidence.toml``, and the precision and recall at each threshold.

An event of a GSR sentence is right when its (source country, target country, PLOVER
category) triple is one of the sentence's gold triples (as benchmarks/events.py scores
them). For each way of finding the act, the source and the target, and for each mark
(events/confidence.py ``Basis``), the share of right events is printed for the fit part,
from which the factors are set, and for the held-apart part, which checks them. Then, for
thresholds from 0 to 0.9, the events kept, their precision and the gold triples they
recall, on both parts.

    .venv/bin/python benchmarks/event_confidence.py
"""

from __future__ import annotations

from collections import Counter

from events import GSR, country, load_gold
from newsgraph.actors import ActorDictionary, resolve_actors
from newsgraph.events import extract_events
from newsgraph.events.patterns import group_words
from newsgraph.nlp import load_pipeline
from plv import FIT, HELD, part_of

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def main() -> None:
    sectors = set(group_words().sectors.values()) | {"GOV", "ELI", "OPP", "LEG", "JUD", "SPY"}
    records = load_gold(GSR, sectors)
    for record in records:
        record.date = None  # the GSR's one date is a placeholder (see benchmarks/events.py)
    nlp = load_pipeline()
    dictionary = ActorDictionary.load()
    coded = []  # (part, basis, confidence, right)
    gold_total: Counter[str] = Counter()
    right_triples: dict[tuple[str, float], set] = {}
    for record, doc in zip(records, nlp.pipe(r.text for r in records), strict=True):
        part = part_of(record.text)
        gold_total[part] += len(record.triples)
        actors = resolve_actors(doc, record.id, dictionary)
        for event in extract_events(doc, record.id, actors):
            if event.negated or not event.plover:
                continue
            target = country(event.target.code, sectors) if event.target else None
            triple = (country(event.source.code, sectors), target, event.plover)
            right = triple in record.triples
            coded.append((part, event.basis, event.confidence, right))
            for threshold in THRESHOLDS:
                if right and event.confidence >= threshold:
                    right_triples.setdefault((part, threshold), set()).add((record.id, triple))

    for position, name in enumerate(("act", "source", "target", "mark")):
        print(f"\n{name:<12} {'fit right/n':>14} {'share':>6} {'held right/n':>14} {'share':>6}")
        kinds = sorted({kind for _, basis, _, _ in coded for kind in _kinds(basis, position)})
        for kind in kinds:
            cells = []
            for part in (FIT, HELD):
                rows = [r for p, b, _, r in coded if p == part and kind in _kinds(b, position)]
                share = sum(rows) / len(rows) if rows else 0.0
                cells.append(f"{sum(rows):>6}/{len(rows):<7} {share:>6.2f}")
            print(f"{kind:<12} {'  '.join(cells)}")

    print(f"\n{'threshold':>9} {'part':<11} {'events':>6} {'precision':>9} {'recall':>7}")
    for threshold in THRESHOLDS:
        for part in (FIT, HELD):
            kept = [r for p, _, c, r in coded if p == part and c >= threshold]
            precision = sum(kept) / len(kept) if kept else 0.0
            recall = len(right_triples.get((part, threshold), ())) / gold_total[part]
            print(f"{threshold:>9.1f} {part:<11} {len(kept):>6} {precision:>9.3f} {recall:>7.3f}")


def _kinds(basis: str, position: int) -> list[str]:
    """The basis's act, source or target kind (``position`` 0-2), or its marks (3)."""
    words = basis.split()
    return words[3:] if position == 3 else [words[position]]


if __name__ == "__main__":
    main()
