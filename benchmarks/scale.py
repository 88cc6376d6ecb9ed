"""Stories at scale: version level (level 1) and same-story level (level 2), articles/s and memory.

Corpus: synthetic, built from real texts — the 88 article bodies of
../shared/data/extraction (ScrapingHub benchmark, MIT) and the 462 ECB+ dev texts
(CC BY 3.0). Each generated article is a random original or one of its versions:
a syndicated copy with another headline and an agency footer, a truncation to the
first 50-90 % of the paragraphs, or the text with site boilerplate added around
it. Originals are real sentences drawn at random (there are only 550 real texts),
so the expected stories are known and B-cubed against them checks level 1.

Level 1 runs ``VersionIndex.assign`` on batches of articles (signatures included
in the time). The baseline, measured in the same run on the same articles, is
rensa's own ``RMinHashLSH`` fed with the same digests. Memory: the index's own
arrays per article, and the process's peak RSS growth.

Level 2 runs ``SameStoryIndex`` on the level-1 stories, one profile each; its
profiles come from a cheap stand-in for the spaCy entities (capitalised words as
names, digits as numbers) since parsing 200,000 texts is not what is measured.

    .venv/bin/python benchmarks/scale.py [--articles 200000] [--batch 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import time
from collections import Counter
from pathlib import Path

import numpy as np
import rensa

from newsgraph.stories.same_story import Profile, SameStoryIndex
from newsgraph.stories.versions import (
    NUM_BANDS,
    NUM_PERM,
    SEED,
    VersionIndex,
    _shingle_hashes,
    digest_texts,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
BODIES = SHARED / "extraction" / "ground-truth.json"
ECB = SHARED / "stories" / "ecbplus_dev.jsonl"
HEADLINES = ["Breaking:", "Update:", "Exclusive:", "Analysis:", "Report:"]
FOOTERS = [
    "Copyright 2024 The Associated Wire. All rights reserved. This material may not be"
    " published, broadcast, rewritten or redistributed.",
    "Sign up for our newsletter to get the day's top stories in your inbox every morning.",
    "Reporting by staff writers; editing by the news desk. Our standards: the Trust Principles.",
]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
_CAPITALISED = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\b")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_WORD = re.compile(r"\b[a-z]{4,}\b")


def real_sentences() -> list[str]:
    """Sentences of the real texts the corpus is made from."""
    bodies = json.loads(BODIES.read_text(encoding="utf-8"))
    texts = [record["articleBody"] for record in bodies.values()]
    texts += [json.loads(line)["text"] for line in ECB.read_text(encoding="utf-8").splitlines()]
    return [s.strip() for text in texts for s in _SENTENCE_END.split(text) if len(s.split()) > 4]


def synthetic_corpus(size: int, seed: int = 1) -> tuple[list[str], list[int]]:
    """``size`` article bodies and the original each is a version of.

    An original is 8-20 real sentences drawn at random, two or three to a
    paragraph; a quarter of the articles are originals, the rest versions of them.
    """
    rng = random.Random(seed)
    pool = real_sentences()
    originals: list[list[str]] = []
    bodies, truth = [], []
    for _ in range(size):
        if not originals or rng.random() < 0.25:
            sentences = rng.sample(pool, rng.randint(8, 20))
            originals.append([" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)])
            original = len(originals) - 1
            paragraphs = originals[original]
            lines = list(paragraphs)
        else:
            original = rng.randrange(len(originals))
            paragraphs = originals[original]
            kind = rng.random()
            if kind < 0.35:  # syndicated copy: new headline, agency footer
                lines = [f"{rng.choice(HEADLINES)} {paragraphs[0][:60]}", *paragraphs]
                lines.append(rng.choice(FOOTERS))
            elif kind < 0.7:  # truncated
                keep = max(2, round(len(paragraphs) * rng.uniform(0.5, 0.9)))
                lines = paragraphs[:keep]
            else:  # boilerplate around it
                lines = [rng.choice(FOOTERS), *paragraphs, *rng.sample(FOOTERS, 2)]
        bodies.append("\n\n".join(lines))
        truth.append(original)
    return bodies, truth


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_versions(bodies: list[str], batch: int) -> tuple[list[str], float, int]:
    """Level 1 on texts already in memory: hashing, digests and placement, per batch."""
    index = VersionIndex()
    stories: list[str] = []
    started = time.perf_counter()
    for start in range(0, len(bodies), batch):
        chunk = bodies[start : start + batch]
        digests, sizes = digest_texts(chunk)
        ids = [str(start + i) for i in range(len(chunk))]
        stories.extend(index.assign_digests(ids, digests, sizes))
    return stories, time.perf_counter() - started, index.nbytes


def run_rensa_lsh(bodies: list[str], batch: int) -> tuple[float, float]:
    """Baseline: the same digests in rensa's RMinHashLSH (insert and query), seconds and MiB."""
    before = peak_rss_mib()
    lsh = rensa.RMinHashLSH(0.1, NUM_PERM, NUM_BANDS * 2)
    started = time.perf_counter()
    for start in range(0, len(bodies), batch):
        flat, offsets, _ = _shingle_hashes(bodies[start : start + batch])
        matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
        lsh.insert_matrix(matrix, start)
    return time.perf_counter() - started, peak_rss_mib() - before


def quick_profile(text: str) -> Profile:
    """Names, numbers and words by regular expressions: a stand-in for spaCy at scale."""
    lead = text[:400]
    groups: dict[str, Counter[str]] = {g: Counter() for g in ("name", "date", "number", "word")}
    for part, weight in ((lead, 3.0), (text, 1.0)):
        groups["name"].update({m.lower(): weight for m in _CAPITALISED.findall(part)})
        groups["number"].update({m: weight for m in _NUMBER.findall(part)})
        groups["word"].update({m: weight for m in _WORD.findall(part)})
    return Profile({group: dict(counts) for group, counts in groups.items()})


def b_cubed_pairs(predicted: list[str], truth: list[int]) -> tuple[float, float]:
    """B-cubed precision and recall of level 1 against the originals."""
    predicted_size, truth_size = Counter(predicted), Counter(truth)
    both = Counter(zip(predicted, truth, strict=True))
    precision = sum(both[(p, t)] / predicted_size[p] for p, t in zip(predicted, truth, strict=True))
    recall = sum(both[(p, t)] / truth_size[t] for p, t in zip(predicted, truth, strict=True))
    return precision / len(truth), recall / len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=2_000)
    parser.add_argument("--level2-stories", type=int, default=20_000, help="level-2 sample size")
    args = parser.parse_args()

    started = time.perf_counter()
    bodies, truth = synthetic_corpus(args.articles)
    mean_chars = np.mean([len(b) for b in bodies])
    print(
        f"corpus: {len(bodies):,} articles, {len(set(truth)):,} originals, mean {mean_chars:,.0f}"
        f" characters, built in {time.perf_counter() - started:.1f} s"
    )

    rss_before = peak_rss_mib()
    stories, seconds, index_bytes = run_versions(bodies, args.batch)
    rss_growth = peak_rss_mib() - rss_before
    precision, recall = b_cubed_pairs(stories, truth)
    print(
        f"level 1 (newsgraph VersionIndex): {len(bodies) / seconds:,.0f} articles/s"
        f" ({seconds:.1f} s), {len(set(stories)):,} stories; index {index_bytes / len(bodies):,.0f}"
        f" bytes/article; peak RSS growth {rss_growth:,.0f} MiB;"
        f" B-cubed vs originals P {precision:.4f} R {recall:.4f}"
    )
    base_seconds, base_mib = run_rensa_lsh(bodies, args.batch)
    print(
        f"level 1 baseline (same digests into rensa RMinHashLSH, insert only):"
        f" {len(bodies) / base_seconds:,.0f} articles/s;"
        f" peak RSS growth {base_mib:,.0f} MiB"
        f" ({base_mib * 2**20 / len(bodies):,.0f} bytes/article)"
    )

    canonical: dict[str, str] = {}
    for body, story in zip(bodies, stories, strict=True):
        if len(body) > len(canonical.get(story, "")):
            canonical[story] = body
    sample = list(canonical.items())[: args.level2_stories]
    rss_before = peak_rss_mib()
    started = time.perf_counter()
    profiles = [(story, quick_profile(body)) for story, body in sample]
    profile_seconds = time.perf_counter() - started
    index = SameStoryIndex()
    started = time.perf_counter()
    for story, profile in profiles:
        index.add(story, profile)
    seconds = time.perf_counter() - started
    clusters = len({index.story_of(story) for story, _ in sample})
    print(
        f"level 2 (SameStoryIndex) on {len(sample):,} level-1 stories:"
        f" {len(sample) / seconds:,.0f} stories/s ({seconds:.1f} s; regex profiles"
        f" {profile_seconds:.1f} s more), {clusters:,} same-story clusters;"
        f" peak RSS growth {peak_rss_mib() - rss_before:,.0f} MiB"
    )


if __name__ == "__main__":
    main()
