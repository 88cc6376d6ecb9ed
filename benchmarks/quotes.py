"""Quote extraction: newsgraph against textacy's ``direct_quotations``, same parses, same run.

Three gold sets: the seed article (../shared/acceptance/seeds.gold.json, 7 quotes),
25 hand-annotated articles of the ScrapingHub extraction benchmark
(../shared/acceptance/quotes.dev.json, bodies in ../shared/data/extraction), and 840
US political articles converted from PolNeAR (../shared/data/quotes/polnear). PolNeAR
is split by a hash of the article id into a fit part, whose misses may be read, and a
held-apart part, which is only scored (``--show-misses`` lists the fit part's alone).
PolNeAR lists no quote of the headline (the first line), so predictions there are not
scored. Its gold says how each speaker is named (``speaker_via``: name, coref,
previous, role, unnamed); speaker accuracy is also given by that.

Matching follows the gold files' ``about``: a predicted quote matches a gold quote
when its text, with curly quotes made straight and white space collapsed, starts
with the gold ``starts_with``. A gold quote that ``continues_previous`` (a new
paragraph or the half after a split attribution) is scored with the quote it
continues, as one unit: newsgraph reports such a quote once, textacy often in
pieces, and a piece that starts a unit's entry counts as a hit on that unit, not as
a false positive. A speaker is right when the gold name's last word (its surname)
is among the predicted speaker's words (actor name and attribution words), or, for
an ``unnamed:`` gold speaker, when the attribution shares a word with its description.

Each set is scored twice from one extraction: every quote (what ``newsgraph quotes``
lists) and only those at confidence 0.5 or above (the threshold events use by
default). Recall is per gold unit, precision per predicted quote. Full and partial are
split by the gold unit's kind; an unmatched prediction counts under the kind the
system gave it (textacy has no partial quotes, so all of its are full). Times are
for extraction on parsed docs; parsing is timed once for both, and newsgraph's
actor resolution, which it needs for speaker keys, is timed separately. Parsed docs
are cached as spaCy DocBins (``NEWSGRAPH_QUOTES_CACHE``, default a folder under the
system's temporary directory), keyed by the model and a hash of the texts, so a
re-run after a rule change only extracts; parse times are those of the run that
parsed.

    .venv/bin/python benchmarks/quotes.py [--show-misses] [--sets seeds,dev,fit,held]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "001_daaf3d0a82d16b8c.txt"
SEED_GOLD = SHARED / "acceptance" / "seeds.gold.json"
DEV_GOLD = SHARED / "acceptance" / "quotes.dev.json"
BODIES = SHARED / "data" / "extraction" / "ground-truth.json"
POLNEAR = SHARED / "data" / "quotes" / "polnear"
# Share of PolNeAR articles (by a hash of the id) in the fit part; the rest is held apart.
FIT_SHARE = 0.5
# Quotes are also scored at this confidence and above (the default threshold of events).
DEFAULT_THRESHOLD = 0.5
CACHE = Path(os.environ.get("NEWSGRAPH_QUOTES_CACHE", Path(tempfile.gettempdir()) / "ng-quotes"))
STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"'})
QUOTE_MARKS = "\"'“”‘’„«» \n\t"
NAME_NOISE = {"the", "of", "and", "a", "an", "jr.", "jr", "sr.", "unnamed:"}


def normalise(text: str) -> str:
    return " ".join(text.translate(STRAIGHTEN).split())


@dataclass
class GoldUnit:
    """One gold quote with the entries that continue it."""

    starts: list[str]
    speaker: str | None
    partial: bool
    via: str = "name"


@dataclass
class Predicted:
    """A system's quote reduced to what is scored: its words, its speaker words, its kind."""

    text: str
    speaker_words: str
    partial: bool = False
    start: int = 0
    confidence: float | None = None


@dataclass
class Article:
    name: str
    text: str
    units: list[GoldUnit]
    doc: Doc | None = None
    scored_from: int = 0  # predictions before this offset are not scored (a headline)


@dataclass
class Tally:
    units: dict[bool, int] = field(default_factory=lambda: {False: 0, True: 0})
    found: dict[bool, int] = field(default_factory=lambda: {False: 0, True: 0})
    predicted: dict[bool, int] = field(default_factory=lambda: {False: 0, True: 0})
    correct: dict[bool, int] = field(default_factory=lambda: {False: 0, True: 0})
    speaker_right: dict[bool, int] = field(default_factory=lambda: {False: 0, True: 0})
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    # speaker_via -> [found, speaker right]
    by_via: dict[str, list[int]] = field(default_factory=dict)
    # confidence band -> [predicted, matched, matched with the right speaker]
    by_confidence: dict[float, list[int]] = field(default_factory=dict)


def load_seed() -> list[Article]:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    units = [GoldUnit([q["starts_with"]], q["speaker"], False) for q in gold["quotes"]]
    return [Article(SEED.name, SEED.read_text(encoding="utf-8"), units)]


def _units(entries: list[dict]) -> list[GoldUnit]:
    units: list[GoldUnit] = []
    for entry in entries:
        if entry["continues_previous"] and units:
            units[-1].starts.append(entry["starts_with"])
        else:
            via = entry.get("speaker_via", "name")
            units.append(GoldUnit([entry["starts_with"]], entry["speaker"], entry["partial"], via))
    return units


def load_dev() -> list[Article]:
    gold = json.loads(DEV_GOLD.read_text(encoding="utf-8"))["articles"]
    bodies = json.loads(BODIES.read_text(encoding="utf-8"))
    return [
        Article(key[:8], bodies[key]["articleBody"], _units(annotation["quotes"]))
        for key, annotation in gold.items()
    ]


def in_fit_part(article_id: str) -> bool:
    """The deterministic split: the first bytes of the id's SHA-1 against FIT_SHARE."""
    digest = hashlib.sha1(article_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") < FIT_SHARE * 2**32


def load_polnear(fit: bool) -> list[Article]:
    """One part of the PolNeAR split; the headline (first line) is not scored."""
    gold = json.loads((POLNEAR / "quotes.polnear-train.json").read_text(encoding="utf-8"))
    articles = []
    with (POLNEAR / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if in_fit_part(record["id"]) != fit or record["id"] not in gold["articles"]:
                continue
            text = record["text"]
            units = _units(gold["articles"][record["id"]]["quotes"])
            headline_end = text.find("\n")
            articles.append(
                Article(record["id"][:40], text, units, scored_from=max(headline_end, 0))
            )
    return articles


def parse(nlp: Language, articles: list[Article], title: str) -> float:
    """Gives each article its doc, from the cache when this model parsed these texts
    before; the seconds spent parsing (on a cache hit, those of the run that parsed)."""
    digest = hashlib.sha256(
        nlp.meta.get("name", "").encode() + nlp.meta.get("version", "").encode()
    )
    for article in articles:
        digest.update(article.text.encode("utf-8") + b"\0")
    cached = CACHE / f"{title}-{digest.hexdigest()[:16]}.spacy"
    timing = cached.with_suffix(".seconds")
    if cached.exists() and timing.exists():
        docs = list(DocBin().from_disk(cached).get_docs(nlp.vocab))
        for article, doc in zip(articles, docs, strict=True):
            article.doc = doc
        return float(timing.read_text())
    started = time.perf_counter()
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        article.doc = doc
    seconds = time.perf_counter() - started
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(docs=[a.doc for a in articles]).to_disk(cached)
    timing.write_text(f"{seconds:.3f}")
    return seconds


def speaker_right(gold: str | None, predicted: str) -> bool:
    words = set(re.findall(r"[\w.'’-]+", predicted.lower()))
    if gold is None:
        return not words
    if gold.startswith("unnamed:"):
        described = set(re.findall(r"[\w'’-]+", gold.lower())) - NAME_NOISE
        return bool(described & words)
    name = [w for w in gold.lower().split() if w not in NAME_NOISE]
    return bool(name) and (name[-1] in words or name[-1].rstrip(".") in words)


def score(
    articles: list[Article],
    extract: Callable[[Article], list[Predicted]],
    threshold: float = 0.0,
) -> Tally:
    """Scores what ``extract`` finds at confidence ``threshold`` or above (a system
    without confidences is scored whole)."""
    tally = Tally()
    for article in articles:
        start = time.perf_counter()
        predictions = [
            p for p in extract(article) if p.confidence is None or p.confidence >= threshold - 1e-9
        ]
        tally.seconds += time.perf_counter() - start
        matched: dict[int, Predicted] = {}
        for prediction in predictions:
            if prediction.start < article.scored_from:
                continue
            content = normalise(prediction.text.strip(QUOTE_MARKS))
            unit_index = next(
                (
                    n
                    for n, unit in enumerate(article.units)
                    if any(content.startswith(normalise(s)) for s in unit.starts)
                ),
                None,
            )
            kind = (
                article.units[unit_index].partial if unit_index is not None else prediction.partial
            )
            tally.predicted[kind] += 1
            band = [0, 0, 0]
            if prediction.confidence is not None:
                band = tally.by_confidence.setdefault(round(prediction.confidence, 1), band)
                band[0] += 1
            if unit_index is None:
                tally.misses.append(
                    f"  FP {article.name}: {content[:70]!r} confidence={prediction.confidence}"
                )
                continue
            tally.correct[kind] += 1
            matched.setdefault(unit_index, prediction)
            if prediction.confidence is not None:
                band[1] += 1
                band[2] += speaker_right(
                    article.units[unit_index].speaker, prediction.speaker_words
                )
        for n, unit in enumerate(article.units):
            tally.units[unit.partial] += 1
            if n not in matched:
                tally.misses.append(f"  FN {article.name}: {unit.starts[0][:70]!r}")
                continue
            tally.found[unit.partial] += 1
            right = speaker_right(unit.speaker, matched[n].speaker_words)
            via = tally.by_via.setdefault(unit.via, [0, 0])
            via[0] += 1
            via[1] += right
            if right:
                tally.speaker_right[unit.partial] += 1
            else:
                tally.misses.append(
                    f"  SPK {article.name}: {unit.starts[0][:40]!r} gold={unit.speaker!r}"
                    f" got={matched[n].speaker_words!r} via={unit.via}"
                    f" confidence={matched[n].confidence}"
                )
    return tally


def remembered(
    extract: Callable[[Article], list[Predicted]],
) -> Callable[[Article], list[Predicted]]:
    """``extract`` run once per article, so the same run can be scored at a threshold."""
    found: dict[str, list[Predicted]] = {}

    def once(article: Article) -> list[Predicted]:
        if article.name not in found:
            found[article.name] = extract(article)
        return found[article.name]

    return once


def newsgraph_extractor(resolve_seconds: list[float]) -> Callable[[Article], list[Predicted]]:
    from newsgraph.actors import ActorDictionary, resolve_actors
    from newsgraph.quotes import extract_quotes

    dictionary = ActorDictionary.load()

    def extract(article: Article) -> list[Predicted]:
        started = time.perf_counter()
        actors = resolve_actors(article.doc, article.name, dictionary, exclude_names={"TRT World"})
        resolve_seconds.append(time.perf_counter() - started)
        predictions = []
        for quote in extract_quotes(article.doc, article.name, actors):
            name = actors.actor(quote.speaker_key).name if quote.speaker_key else ""
            words = f"{name} {quote.speaker_text or ''}".strip()
            confidence = getattr(quote, "confidence", None)
            predictions.append(
                Predicted(quote.text, words, quote.partial, quote.span.start, confidence)
            )
        return predictions

    return extract


def textacy_extractor(bailed: list[str]) -> Callable[[Article], list[Predicted]]:
    """textacy's extractor; it refuses a text with an odd number of quotation marks,
    which counts as finding nothing there."""
    from textacy.extract.triples import direct_quotations

    def extract(article: Article) -> list[Predicted]:
        try:
            triples = list(direct_quotations(article.doc))
        except ValueError:
            bailed.append(article.name)
            return []
        return [
            Predicted(
                triple.content.text,
                " ".join(t.text for t in triple.speaker),
                start=triple.content[0].idx if len(triple.content) else 0,
            )
            for triple in triples
        ]

    return extract


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    – "


def report(label: str, tally: Tally, extra_seconds: float = 0.0, brief: bool = False) -> None:
    """Recall, precision and speaker accuracy, full and partial and all; unless
    ``brief``, also the time, speaker accuracy by ``speaker_via`` and by confidence."""
    for kind, name in ((False, "full"), (True, "partial")):
        print(
            f"  {label:<10} {name:<8} recall {percent(tally.found[kind], tally.units[kind])}"
            f" ({tally.found[kind]}/{tally.units[kind]})"
            f"  precision {percent(tally.correct[kind], tally.predicted[kind])}"
            f" ({tally.correct[kind]}/{tally.predicted[kind]})"
            f"  speaker {percent(tally.speaker_right[kind], tally.found[kind])}"
        )
    found, units = sum(tally.found.values()), sum(tally.units.values())
    correct, predicted = sum(tally.correct.values()), sum(tally.predicted.values())
    speakers = sum(tally.speaker_right.values())
    timing = f"{tally.seconds:.2f}s" + (
        f" (of which actors {extra_seconds:.2f}s)" if extra_seconds else ""
    )
    print(
        f"  {label:<10} {'all':<8} recall {percent(found, units)} ({found}/{units})"
        f"  precision {percent(correct, predicted)} ({correct}/{predicted})"
        f"  speaker {percent(speakers, found)} ({speakers}/{found})"
        + ("" if brief else f"  time {timing}")
    )
    if brief:
        return
    if len(tally.by_via) > 1:
        print(
            f"  {label:<10} speaker by how the gold names it:",
            "  ".join(
                f"{via} {percent(right, found).strip()} ({right}/{found})"
                for via, (found, right) in sorted(tally.by_via.items())
            ),
        )
    if tally.by_confidence:
        print(
            f"  {label:<10} by confidence (quotes, precision, speaker right of matched):",
            "  ".join(
                f"{band:.1f}: {n} {percent(hit, n).strip()} {percent(right, hit).strip()}"
                for band, (n, hit, right) in sorted(tally.by_confidence.items())
            ),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--show-misses", action="store_true", help="list FP, FN, wrong speakers (not of held)"
    )
    parser.add_argument("--sets", default="seeds,dev,fit,held", help="which gold sets to score")
    arguments = parser.parse_args()

    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline()
    loaders = {
        "seeds": ("seeds", load_seed),
        "dev": ("quotes.dev", load_dev),
        "fit": ("polnear.fit", lambda: load_polnear(fit=True)),
        "held": ("polnear.held", lambda: load_polnear(fit=False)),
    }
    for key in arguments.sets.split(","):
        title, load = loaders[key]
        articles = load()
        parse_seconds = parse(nlp, articles, title)
        units = sum(len(a.units) for a in articles)
        print(f"{title}: {len(articles)} articles, {units} gold quotes, parse {parse_seconds:.2f}s")
        resolve_seconds: list[float] = []
        extract = remembered(newsgraph_extractor(resolve_seconds))
        ours = score(articles, extract)
        confident = score(articles, extract, DEFAULT_THRESHOLD)
        bailed: list[str] = []
        theirs = score(articles, textacy_extractor(bailed))
        print(
            "  newsgraph  all quotes, as `newsgraph quotes` lists them; below, at confidence"
            f" >= {DEFAULT_THRESHOLD}, the threshold events use by default"
        )
        report("newsgraph", ours, sum(resolve_seconds))
        report(f">={DEFAULT_THRESHOLD}", confident, brief=True)
        quote_seconds = ours.seconds - sum(resolve_seconds)
        print(
            f"  newsgraph  quote extraction {quote_seconds:.2f}s ="
            f" {percent(int(1000 * quote_seconds), int(1000 * parse_seconds)).strip()}"
            " of parse time"
        )
        report("textacy", theirs)
        if bailed:
            print(f"  textacy refused {len(bailed)} article(s) with unbalanced quotation marks")
        if arguments.show_misses and key != "held":
            print("  newsgraph misses:", *ours.misses, sep="\n")
            print("  textacy misses:", *theirs.misses, sep="\n")


if __name__ == "__main__":
    main()
