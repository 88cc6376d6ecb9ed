"""Level-1 story grouping: versions of one article (syndicated, truncated, re-cleaned).

MinHash signatures (rensa) over word shingles go into an LSH index tuned to find
pairs with low Jaccard similarity, because a truncated copy of a long article
shares few shingles *relative to the union*. Candidates are then verified by
containment, |A ∩ B| / min(|A|, |B|), estimated from the Jaccard estimate and the
two shingle counts: a copy that is mostly inside another is the same article.
The index is incremental: a new article joins an existing story without
recomputing the corpus, and it is rebuilt from the signatures the store keeps.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

import rensa

from newsgraph.records import Article

SHINGLE_WORDS = 5
NUM_PERM = 128
NUM_BANDS = 64  # 2 rows a band: a pair with Jaccard 0.2 is a candidate with p ≈ 0.93
SEED = 20220110
MIN_CONTAINMENT = 0.8
_WORD = re.compile(r"\w+")
_SIZE_HEADER = struct.Struct("<I")


def shingles(text: str) -> set[str]:
    """Lower-cased word 5-grams; a short text falls back to its words."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return set(words)
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


@dataclass
class Signature:
    """An article's MinHash and how many distinct shingles it was built from."""

    minhash: rensa.RMinHash
    size: int

    @classmethod
    def of(cls, article: Article) -> Signature:
        grams = shingles(article.body)
        minhash = rensa.RMinHash(NUM_PERM, SEED)
        minhash.update(sorted(grams))
        return cls(minhash, len(grams))

    def to_bytes(self) -> bytes:
        return _SIZE_HEADER.pack(self.size) + self.minhash.__getstate__()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        (size,) = _SIZE_HEADER.unpack_from(data)
        minhash = rensa.RMinHash(NUM_PERM, SEED)
        minhash.__setstate__(data[_SIZE_HEADER.size :])
        return cls(minhash, size)

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller shingle set that lies in the other."""
        jaccard = self.minhash.jaccard(other.minhash)
        if not self.size or not other.size:
            return 0.0
        intersection = jaccard * (self.size + other.size) / (1.0 + jaccard)
        return min(1.0, intersection / min(self.size, other.size))


class VersionIndex:
    """Incremental LSH index from article signatures to the story each belongs to."""

    def __init__(self) -> None:
        self._lsh = rensa.RMinHashLSH(0.2, NUM_PERM, NUM_BANDS)
        self._entries: list[tuple[str, str, Signature]] = []

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, article_id: str, story_id: str, signature: Signature) -> None:
        self._lsh.insert(len(self._entries), signature.minhash)
        self._entries.append((article_id, story_id, signature))

    def load(self, stored: Iterable[tuple[str, str, bytes]]) -> None:
        """Fill the index from (article_id, story_id, signature bytes) kept by the store."""
        for article_id, story_id, data in stored:
            self.add(article_id, story_id, Signature.from_bytes(data))

    def match(self, signature: Signature) -> str | None:
        """The story of the most contained existing version, if any is a near-duplicate."""
        best_story, best_score = None, MIN_CONTAINMENT
        for key in self._lsh.query(signature.minhash):
            _, story_id, candidate = self._entries[key]
            score = signature.containment(candidate)
            if score >= best_score:
                best_story, best_score = story_id, score
        return best_story
