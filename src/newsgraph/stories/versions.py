"""Level-1 story grouping: versions of one article (syndicated, truncated, re-headlined).

An article's body becomes a set of word 5-gram shingles, hashed in batches with
numpy, and a 64-value MinHash (rensa's batch digest, in Rust). Candidates come from
an LSH index tuned to find pairs with low Jaccard similarity, because a truncated
copy of a long article shares few shingles *relative to the union*: each of the
first ``NUM_BANDS`` MinHash values is a band of one row. Candidates are verified by
containment, |A ∩ B| / min(|A|, |B|), estimated from the Jaccard estimate and the
two shingle counts: a copy that is mostly inside another is the same article.

The LSH index is written here rather than taken from rensa because rensa's
``RMinHashLSH`` measured about 3.3 KB per article; this one keeps each band as
sorted runs of 32-bit keys (merged like a binary counter, so inserting stays
amortised O(log n)), about 0.5 KB per article with the digests. The index is
incremental: a new article joins an existing story without recomputing the
corpus, and it is rebuilt from the signatures the store keeps.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import rensa

from newsgraph.records import Article

SHINGLE_WORDS = 5
NUM_PERM = 64
NUM_BANDS = 32  # one row each: a pair with Jaccard 0.1 is a candidate with p ≈ 0.97
SEED = 20220110
MIN_CONTAINMENT = 0.8
CANDIDATES_PER_KEY = 8  # the earliest entries of a band bucket are enough: copies agree
MAX_WORD_BYTES = 24  # longer words are hashed on their first 24 bytes
FORMAT = b"NGv2"
_HEADER = struct.Struct("<4sI")  # format tag, distinct shingle count
_MULTIPLIER = np.uint64(0x100000001B3)
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


class SignatureFormatError(ValueError):
    """Stored signature bytes written by another version of newsgraph."""


def _word_byte_table() -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    for low, high in ((ord("0"), ord("9")), (ord("a"), ord("z")), (0x80, 0xFF)):
        table[low : high + 1] = True
    table[ord("_")] = True
    return table


_WORD_BYTES = _word_byte_table()


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads the bits of each uint64 over the whole word."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def _word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the lower-cased words of each text (flat) and each text's word offsets.

    A word is a run of ASCII letters, digits, underscores and non-ASCII letters;
    UTF-8 punctuation (curly quotes, dashes, no-break spaces) separates words.
    """
    joined = "\x00".join(text.lower().replace("\x00", " ") for text in texts)
    data = np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)
    is_word = _WORD_BYTES[data]
    punctuation = np.flatnonzero(
        (data[:-2] == 0xE2) & ((data[1:-1] == 0x80) | (data[1:-1] == 0x81))
    )
    for shift in range(3):
        is_word[punctuation + shift] = False
    latin_symbols = np.flatnonzero(data[:-1] == 0xC2)  # U+0080..U+00BF: no letters
    is_word[latin_symbols] = is_word[latin_symbols + 1] = False
    edges = np.diff(is_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    lengths = np.minimum(ends - starts, MAX_WORD_BYTES)
    hashes = np.zeros(len(starts), dtype=np.uint64)
    for position in range(int(lengths.max()) if len(lengths) else 0):
        active = lengths > position
        byte = data[starts[active] + position].astype(np.uint64) + np.uint64(1)
        hashes[active] = hashes[active] * _MULTIPLIER + byte
    separators = np.flatnonzero(data == 0)
    offsets = np.searchsorted(starts, separators)
    return _mix(hashes), np.concatenate(([0], offsets, [len(starts)])).astype(np.int64)


def _shingle_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Word 5-gram hashes (flat), each text's offsets into them, and distinct counts.

    A text shorter than five words falls back to its words.
    """
    words, word_offsets = _word_hashes(texts)
    counts = np.diff(word_offsets)
    if len(words) >= SHINGLE_WORDS:
        grams = words[: len(words) - SHINGLE_WORDS + 1].copy()
        for k in range(1, SHINGLE_WORDS):
            grams = grams * _SHINGLE_MULTIPLIER + words[k : len(words) - SHINGLE_WORDS + 1 + k]
        grams = _mix(grams)
    else:
        grams = np.zeros(0, dtype=np.uint64)
    pieces = []
    for start, count in zip(word_offsets[:-1], counts, strict=True):
        if count >= SHINGLE_WORDS:
            pieces.append(grams[start : start + count - SHINGLE_WORDS + 1])
        else:
            pieces.append(words[start : start + count])
    lengths = np.array([len(piece) for piece in pieces], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.uint64)
    flat = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.uint64)
    # Distinct shingles per text: sort (text, hash) packed in one uint64 and count changes.
    owner = np.repeat(np.arange(len(pieces), dtype=np.uint64), lengths)
    packed = np.sort((owner << np.uint64(40)) | (flat >> np.uint64(24)))
    first = np.ones(len(packed), dtype=bool)
    first[1:] = packed[1:] != packed[:-1]
    distinct = np.bincount((packed[first] >> np.uint64(40)).astype(np.int64), minlength=len(pieces))
    return flat, offsets, distinct


def digest_texts(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """MinHash digests (rows of ``NUM_PERM`` uint32) and distinct shingle counts of texts."""
    if not texts:
        return np.zeros((0, NUM_PERM), dtype=np.uint32), np.zeros(0, dtype=np.int64)
    flat, offsets, distinct = _shingle_hashes(texts)
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
    return np.asarray(matrix.to_rows(), dtype=np.uint32), distinct


def containment(jaccard: np.ndarray | float, size: int, others: np.ndarray | int) -> np.ndarray:
    """Estimated share of the smaller shingle set that lies in the other."""
    jaccard = np.asarray(jaccard, dtype=np.float64)
    others = np.asarray(others, dtype=np.float64)
    smaller = np.minimum(size, others)
    intersection = jaccard * (size + others) / (1.0 + jaccard)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(smaller > 0, intersection / np.maximum(smaller, 1.0), 0.0)
    return np.minimum(1.0, share)


@dataclass
class Signature:
    """An article's MinHash digest and how many distinct shingles it was built from."""

    digest: np.ndarray
    size: int

    @classmethod
    def of(cls, article: Article) -> Signature:
        return cls.many([article])[0]

    @classmethod
    def many(cls, articles: Sequence[Article]) -> list[Signature]:
        """Signatures of many articles at once: hashing in batches is what makes it fast."""
        digests, sizes = digest_texts([article.body for article in articles])
        return [cls(digest, int(size)) for digest, size in zip(digests, sizes, strict=True)]

    def to_bytes(self) -> bytes:
        return _HEADER.pack(FORMAT, self.size) + self.digest.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        if len(data) != _HEADER.size + 4 * NUM_PERM or data[:4] != FORMAT:
            raise SignatureFormatError(
                "a stored signature was written by another version of newsgraph;"
                " re-ingest into a new store"
            )
        _, size = _HEADER.unpack_from(data)
        return cls(np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32), size)

    def jaccard(self, other: Signature) -> float:
        return float(np.mean(self.digest == other.digest))

    def containment(self, other: Signature) -> float:
        return float(containment(self.jaccard(other), self.size, other.size))


class _BandRuns:
    """Band keys of every indexed article, as sorted runs merged like a binary counter."""

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (keys, rows), (bands, n) each

    @property
    def nbytes(self) -> int:
        return sum(keys.nbytes + rows.nbytes for keys, rows in self._runs)

    def add(self, keys: np.ndarray, first_row: int) -> None:
        """Add the band keys (n, bands) of rows first_row .. first_row + n - 1."""
        rows = np.broadcast_to(
            np.arange(first_row, first_row + len(keys), dtype=np.int32), keys.T.shape
        )
        run = _sorted_run(keys.T, rows)
        while self._runs and self._runs[-1][0].shape[1] <= run[0].shape[1]:
            older = self._runs.pop()
            run = _sorted_run(
                np.concatenate((older[0], run[0]), axis=1),
                np.concatenate((older[1], run[1]), axis=1),
            )
        self._runs.append(run)

    def candidates(self, keys: np.ndarray) -> list[np.ndarray]:
        """For each row of ``keys`` (n, bands), the indexed rows sharing a band key."""
        found: list[list[np.ndarray]] = [[] for _ in range(len(keys))]
        for run_keys, run_rows in self._runs:
            for band in range(keys.shape[1]):
                low = np.searchsorted(run_keys[band], keys[:, band], side="left")
                high = np.searchsorted(run_keys[band], keys[:, band], side="right")
                high = np.minimum(high, low + CANDIDATES_PER_KEY)
                for query in np.flatnonzero(high > low):
                    found[query].append(run_rows[band, low[query] : high[query]])
        return [np.unique(np.concatenate(rows)) if rows else _NO_ROWS for rows in found]


_NO_ROWS = np.zeros(0, dtype=np.int32)


def _sorted_run(keys: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(keys, axis=1, kind="stable")
    return np.take_along_axis(keys, order, axis=1), np.take_along_axis(rows, order, axis=1)


class VersionIndex:
    """Incremental LSH index from article signatures to the story each belongs to."""

    def __init__(self) -> None:
        self._digests = np.zeros((0, NUM_PERM), dtype=np.uint32)
        self._sizes = np.zeros(0, dtype=np.int32)
        self._story_rows = np.zeros(0, dtype=np.int32)  # row -> story number
        self._rows = 0
        self._bands = _BandRuns()
        self._story_ids: list[str] = []
        self._story_numbers: dict[str, int] = {}
        self._article_ids: list[str] = []

    def __len__(self) -> int:
        return self._rows

    @property
    def nbytes(self) -> int:
        """Bytes held in arrays by the index (digests, counts, band runs)."""
        used = self._rows
        return (
            self._digests[:used].nbytes
            + self._sizes[:used].nbytes
            + self._story_rows[:used].nbytes
            + self._bands.nbytes
        )

    def _story_number(self, story_id: str) -> int:
        number = self._story_numbers.get(story_id)
        if number is None:
            number = self._story_numbers[story_id] = len(self._story_ids)
            self._story_ids.append(story_id)
        return number

    def _grow(self, extra: int) -> None:
        needed = self._rows + extra
        if needed <= len(self._sizes):
            return
        capacity = max(needed, 2 * len(self._sizes), 1024)
        for name in ("_digests", "_sizes", "_story_rows"):
            old = getattr(self, name)
            new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
            new[: self._rows] = old[: self._rows]
            setattr(self, name, new)

    def add(self, article_id: str, story_id: str, signature: Signature) -> None:
        self.add_many([(article_id, story_id, signature)])

    def add_many(self, entries: Sequence[tuple[str, str, Signature]]) -> None:
        """Index (article_id, story_id, signature) entries in one batch."""
        if not entries:
            return
        self._grow(len(entries))
        first = self._rows
        for offset, (article_id, story_id, signature) in enumerate(entries):
            self._digests[first + offset] = signature.digest
            self._sizes[first + offset] = signature.size
            self._story_rows[first + offset] = self._story_number(story_id)
            self._article_ids.append(article_id)
        self._rows += len(entries)
        self._bands.add(self._digests[first : self._rows, :NUM_BANDS], first)

    def load(self, stored: Iterable[tuple[str, str, bytes]]) -> None:
        """Fill the index from (article_id, story_id, signature bytes) kept by the store."""
        self.add_many(
            [(article_id, story, Signature.from_bytes(data)) for article_id, story, data in stored]
        )

    def _best(self, digest: np.ndarray, size: int, rows: np.ndarray) -> tuple[int, float] | None:
        """The row among ``rows`` that best contains (or is contained in) the signature."""
        if not len(rows):
            return None
        jaccard = np.mean(self._digests[rows] == digest, axis=1)
        scores = containment(jaccard, size, self._sizes[rows])
        best = int(np.argmax(scores))
        if scores[best] < MIN_CONTAINMENT:
            return None
        return int(rows[best]), float(scores[best])

    def match(self, signature: Signature) -> str | None:
        """The story of the most contained existing version, if any is a near-duplicate."""
        (rows,) = self._bands.candidates(signature.digest[None, :NUM_BANDS])
        best = self._best(signature.digest, signature.size, rows)
        return None if best is None else self._story_ids[self._story_rows[best[0]]]

    def assign(self, article_ids: Sequence[str], signatures: Sequence[Signature]) -> list[str]:
        """Place a batch of new articles: each joins a near-duplicate's story or opens one.

        Articles are placed in order, so a later copy in the batch joins an earlier
        one; the story of a new article is its own id.
        """
        if not signatures:
            return []
        digests = np.stack([signature.digest for signature in signatures])
        sizes = np.array([signature.size for signature in signatures], dtype=np.int32)
        stored = self._bands.candidates(digests[:, :NUM_BANDS])
        inside = _batch_candidates(digests[:, :NUM_BANDS])
        first = self._rows
        self.add_many(
            [(a, a, s) for a, s in zip(article_ids, signatures, strict=True)]
        )  # provisional stories, corrected below
        stories: list[str] = []
        for position, (digest, size) in enumerate(zip(digests, sizes, strict=True)):
            rows = np.concatenate((stored[position], inside[position] + first))
            best = self._best(digest, int(size), rows)
            if best is None:
                story = article_ids[position]
            else:
                story = self._story_ids[self._story_rows[best[0]]]
            self._story_rows[first + position] = self._story_number(story)
            stories.append(story)
        return stories


def _batch_candidates(keys: np.ndarray) -> list[np.ndarray]:
    """For each row of a batch, the earlier rows of the batch sharing a band key."""
    found: list[list[np.ndarray]] = [[] for _ in range(len(keys))]
    positions = np.arange(len(keys), dtype=np.int32)
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        sorted_keys = keys[order, band]
        group_start = np.ones(len(order), dtype=bool)
        group_start[1:] = sorted_keys[1:] != sorted_keys[:-1]
        starts = np.maximum.accumulate(np.where(group_start, positions, 0))
        for index in np.flatnonzero(~group_start):
            begin = starts[index]
            earlier = order[begin : min(index, begin + CANDIDATES_PER_KEY)]
            found[order[index]].append(earlier)
    return [np.unique(np.concatenate(rows)) if rows else _NO_ROWS for rows in found]
