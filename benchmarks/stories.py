"""Same-story clustering (level 2) on ECB+ against TF-IDF + average linkage, same run.

Data: ../shared/data/stories/ecbplus_dev.jsonl, 462 news texts of ECB+ topics 1-22
(Cybulska & Vossen, LREC 2014; CC BY 3.0). Gold ``cluster`` is the story; within a
topic the two subtopics are two different events of one kind (two earthquakes, two
celebrity rehab stays), the hard negatives.

Measure: B-cubed precision, recall and F1 over all texts. newsgraph clusters
incrementally, one text at a time in file order (topic by topic, the hardest for a
running IDF), and also in shuffled orders (mean and worst), because an incremental
clusterer sees articles as they come. The
baseline is scikit-learn's TF-IDF (sublinear tf, English stop words) with
average-linkage agglomerative clustering over all pairs, its distance threshold
the best one on this set, so the baseline is shown at its best.

    .venv/bin/python benchmarks/stories.py [--docs PATH] [--sweep]

``--docs`` keeps the spaCy parses in a DocBin at PATH (outside the repository) so
that a second run skips parsing; ``--sweep`` prints F1 for a range of thresholds.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.tokens import Doc, DocBin

from newsgraph.nlp import load_pipeline
from newsgraph.stories.same_story import THRESHOLD, Profile, SameStoryIndex

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "stories" / "ecbplus_dev.jsonl"
SHUFFLES = 10


def b_cubed(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    predicted_members, gold_members = defaultdict(set), defaultdict(set)
    for item, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        predicted_members[p].add(item)
        gold_members[g].add(item)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = len(predicted_members[p] & gold_members[g])
        precision += shared / len(predicted_members[p])
        recall += shared / len(gold_members[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def parse(texts: list[str], cache: Path | None) -> list[Doc]:
    nlp = load_pipeline()
    if cache and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache:
        DocBin(docs=docs).to_disk(cache)
    return docs


def newsgraph_clusters(profiles: list[Profile], order: list[int], threshold: float) -> list[str]:
    index = SameStoryIndex(threshold)
    for item in order:
        index.add(str(item), profiles[item])
    return [str(index.story_of(str(item))) for item in range(len(profiles))]


def all_at_once_clusters(profiles: list[Profile], threshold: float) -> list[str]:
    """newsgraph's similarities, all pairs, IDF of the whole set, one average linkage:
    what the incremental placement tries to stay close to."""
    index = SameStoryIndex(threshold)
    ids = [str(item) for item in range(len(profiles))]
    for article_id, profile in zip(ids, profiles, strict=True):
        index.add(article_id, profile, story_id="all")  # counts features, no clustering
    distances = np.clip(1.0 - index.similarities(ids, ids), 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return [str(label) for label in fcluster(tree, 1.0 - threshold, criterion="distance")]


def baseline_clusters(texts: list[str], gold: list[str]) -> tuple[float, tuple, float]:
    """TF-IDF + average linkage at its best distance threshold; (threshold, B³, seconds)."""
    started = time.perf_counter()
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    dense = vectors.toarray()
    best = None
    for distance in np.arange(0.5, 1.0, 0.025):
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
        ).fit_predict(dense)
        score = b_cubed([str(label) for label in labels], gold)
        if best is None or score[2] > best[1][2]:
            best = (float(distance), score)
    assert best is not None
    return best[0], best[1], time.perf_counter() - started


def _row(name: str, score: tuple[float, float, float], note: str = "") -> str:
    return f"{name:<44} {score[0]:>9.3f} {score[1]:>7.3f} {score[2]:>7.3f}  {note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, help="DocBin cache of the parses (not in the repo)")
    parser.add_argument("--sweep", action="store_true", help="F1 over a range of thresholds")
    args = parser.parse_args()

    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    texts = [record["text"] for record in records]
    gold = [record["cluster"] for record in records]

    cached = bool(args.docs and args.docs.exists())
    started = time.perf_counter()
    docs = parse(texts, args.docs)
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    profiles = [Profile.of(doc) for doc in docs]
    profile_seconds = time.perf_counter() - started

    started = time.perf_counter()
    in_order = b_cubed(newsgraph_clusters(profiles, list(range(len(texts))), THRESHOLD), gold)
    cluster_seconds = time.perf_counter() - started
    shuffled = []
    for seed in range(SHUFFLES):
        order = list(range(len(texts)))
        random.Random(seed).shuffle(order)
        shuffled.append(b_cubed(newsgraph_clusters(profiles, order, THRESHOLD), gold))
    mean = tuple(statistics.mean(score[i] for score in shuffled) for i in range(3))
    worst = min(shuffled, key=lambda score: score[2])
    all_at_once = b_cubed(all_at_once_clusters(profiles, THRESHOLD), gold)
    distance, baseline, baseline_seconds = baseline_clusters(texts, gold)

    print(f"ECB+ dev: {len(texts)} texts, {len(set(gold))} gold stories")
    print(f"{'':<44} {'precision':>9} {'recall':>7} {'F1':>7}")
    print(_row("newsgraph, file order", in_order, f"threshold {THRESHOLD}"))
    print(_row(f"newsgraph, {SHUFFLES} shuffled orders: mean", mean))
    print(_row(f"newsgraph, {SHUFFLES} shuffled orders: worst", worst))
    print(_row("newsgraph similarities, all pairs at once", all_at_once, "(reference)"))
    print(_row("TF-IDF + average linkage (baseline)", baseline, f"best distance {distance:.3f}"))
    print(
        f"time: spaCy parse {parse_seconds:.1f} s (cached: {cached})"
        f", profiles {profile_seconds:.2f} s, newsgraph clustering {cluster_seconds:.2f} s"
        f" ({len(texts) / cluster_seconds:.0f} texts/s),"
        f" baseline {baseline_seconds:.2f} s (its whole threshold search)"
    )
    if args.sweep:
        for threshold in np.arange(0.15, 0.3, 0.01):
            orders = [list(range(len(texts)))]
            for seed in range(SHUFFLES):
                orders.append(random.Random(seed).sample(range(len(texts)), len(texts)))
            scores = [b_cubed(newsgraph_clusters(profiles, o, threshold), gold) for o in orders]
            f1 = [score[2] for score in scores]
            print(f"threshold {threshold:.2f}: F1 in order {f1[0]:.3f}, mean {np.mean(f1):.3f}")


if __name__ == "__main__":
    main()
