"""Level-1 story grouping: versions of one article (syndicated, truncated, re-headlined).

An article's body becomes a set of word 5-gram shingles (character 5-grams in
scripts without spaces) and a 64-value MinHash
(rensa's batch digest, in Rust). Everything before rensa is done for a whole batch
at once, with no per-article Python: the batch's texts are joined and encoded
once, ``bytes.translate`` lower-cases ASCII and blanks what is not a word, and each
word is hashed from at most three 8-byte loads of an overlapping ``uint64`` view of
those bytes; 5-gram hashes are combined from word hashes with array shifts.

Candidates come from an LSH index tuned to find pairs with low Jaccard similarity,
because a truncated copy of a long article shares few shingles *relative to the
union*: each of the first ``NUM_BANDS`` MinHash values is a band of one row, and a
bucket offers its ``CANDIDATES_PER_KEY`` latest rows (a shingle common to many
articles, such as a footer's, would otherwise make every article a candidate).
Candidates are verified by containment, |A ∩ B| / min(|A|, |B|), estimated from the
Jaccard estimate and the two shingle counts: a copy that is mostly inside another
is the same article.

The LSH index is written here rather than taken from rensa because rensa's
``RMinHashLSH`` measured 1.6-1.8 KB per article (benchmarks/scale.py) and verifies
nothing; this one packs band number, band value and row into one ``uint64`` per
band, kept as sorted runs (merged like a binary counter), and keeps one byte of
each MinHash value for verification (b-bit MinHash): about 330 bytes per article.
A whole batch is looked up and verified with array operations. The index is
incremental: a new article joins an existing story without recomputing the
corpus, and it is rebuilt from the signatures the store keeps.
"""

from __future__ import annotations

import array
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import rensa

from newsgraph.language import spaced_characters
from newsgraph.records import Article

SHINGLE_WORDS = 5
NUM_PERM = 64
NUM_BANDS = 32  # one row each: a pair with Jaccard 0.1 is a candidate with p ≈ 0.97
SEED = 20220110
MIN_CONTAINMENT = 0.8
CANDIDATES_PER_KEY = 4  # a bucket offers its latest rows only: copies share many buckets
MAX_WORD_BYTES = 24  # longer words are hashed on their first 24 bytes
FORMAT = b"NGv3"
_HEADER = struct.Struct("<4sI")  # format tag, distinct shingle count
_SEPARATOR = 1  # byte between two texts of a batch; words are bytes above it
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_WORD_PART_MULTIPLIERS = (np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_ROW_BITS = 27  # band key = band (5 bits) | MinHash value (32 bits) | row (27 bits)
_ROW_MASK = np.uint64((1 << _ROW_BITS) - 1)
MAX_ROWS = 1 << _ROW_BITS
HASH_CHUNK = 128  # texts hashed at once: larger batches fall out of the CPU's caches
_DISTINCT_CHUNK = 4096  # texts whose shingles are counted in one uint32 sort
_VERIFY_CHUNK = 32768  # candidate pairs verified at once


class SignatureFormatError(ValueError):
    """Stored signature bytes written by another version of newsgraph."""


def _byte_classes() -> bytes:
    """``bytes.translate`` table: word bytes kept (ASCII lower-cased), others blanked."""
    table = bytearray(256)
    for byte in range(256):
        character = chr(byte)
        if byte >= 0x80 or character.isdigit() or character == "_":
            table[byte] = byte
        elif "A" <= character <= "Z" or "a" <= character <= "z":
            table[byte] = ord(character.lower())
    table[_SEPARATOR] = _SEPARATOR
    return bytes(table)


_BYTE_CLASSES = _byte_classes()
_PREFIX_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads the bits of each uint64 over the whole word."""
    values = values ^ (values >> np.uint64(30))
    values *= np.uint64(0xBF58476D1CE4E5B9)
    values ^= values >> np.uint64(27)
    values *= np.uint64(0x94D049BB133111EB)
    values ^= values >> np.uint64(31)
    return values


def _ragged_range(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """starts[i], starts[i] + 1, ..., starts[i] + counts[i] - 1 for every i, flat."""
    total = int(counts.sum())
    firsts = np.cumsum(counts) - counts
    return np.arange(total, dtype=np.int64) + np.repeat(starts - firsts, counts)


def _text_bytes(texts: Sequence[str]) -> tuple[bytearray, np.ndarray]:
    """The texts' UTF-8 bytes, classified, padded for loads; where the separators are.

    A blank byte comes first and one separator between two texts. A word is a run
    of ASCII letters, digits, underscores and non-ASCII letters; UTF-8 punctuation
    (curly quotes, dashes, no-break spaces) separates words. Only ASCII letters are
    lower-cased: what changes case in a copy is an English headline or a name.
    """
    joined = chr(_SEPARATOR).join(texts).encode("utf-8", "surrogatepass")
    buffer = bytearray(len(joined) + 1 + MAX_WORD_BYTES)
    buffer[1 : len(joined) + 1] = joined.translate(_BYTE_CLASSES)
    data = np.frombuffer(buffer, dtype=np.uint8)
    separators = np.flatnonzero(data == _SEPARATOR)
    if len(separators) != len(texts) - 1:  # a text holds the separator byte itself
        return _text_bytes([text.replace(chr(_SEPARATOR), " ") for text in texts])
    general = np.flatnonzero(data[:-2] == 0xE2)  # U+2000..U+207F: spaces, dashes, quotes
    general = general[(data[general + 1] & 0xFE) == 0x80]
    for shift in range(3):
        data[general + shift] = 0
    latin = np.flatnonzero(data[:-1] == 0xC2)  # U+0080..U+00BF: no letters
    data[latin] = data[latin + 1] = 0
    return buffer, separators


def _word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the lower-cased words of each text (flat) and each text's word offsets."""
    buffer, separators = _text_bytes(texts)
    is_word = np.frombuffer(buffer, dtype=np.uint8) > _SEPARATOR
    # Blanks at both ends: word starts and ends alternate among the changes.
    changes = np.flatnonzero(is_word[1:] != is_word[:-1]) + 1
    starts, ends = changes[0::2], changes[1::2]
    lengths = np.minimum(ends - starts, MAX_WORD_BYTES)
    # Every 8 bytes from every position: a word is read in one to three loads.
    loads = np.ndarray((len(buffer) - 7,), dtype="<u8", buffer=buffer, strides=(1,))
    hashes = loads[starts]
    hashes &= _PREFIX_MASKS[np.minimum(lengths, 8)]
    longer = np.flatnonzero(lengths > 8)
    for part, multiplier in enumerate(_WORD_PART_MULTIPLIERS, start=1):
        rest = np.minimum(lengths[longer] - 8 * part, 8)
        chunk = loads[starts[longer] + 8 * part] & _PREFIX_MASKS[rest]
        hashes[longer] = hashes[longer] * multiplier + chunk
        longer = longer[lengths[longer] > 8 * (part + 1)]
    offsets = np.empty(len(texts) + 1, dtype=np.int64)
    offsets[0], offsets[-1] = 0, len(starts)
    offsets[1:-1] = np.searchsorted(starts, separators)
    return _mix(hashes), offsets


def shingle_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Word 5-gram hashes (flat), each text's offsets into them, and distinct counts.

    A text shorter than five words falls back to its words. In scripts written
    without spaces (Chinese, Japanese, Thai) each character is a word, so their
    shingles are character 5-grams; other text is hashed exactly as it is.
    """
    words, word_offsets = _word_hashes([spaced_characters(text) for text in texts])
    counts = np.diff(word_offsets)
    tokens = words.copy()  # token i: the 5-gram starting at word i, or word i of a short text
    usable = len(words) - SHINGLE_WORDS + 1
    if usable > 0:
        grams = words[:usable].copy()
        for k in range(1, SHINGLE_WORDS):
            grams *= _SHINGLE_MULTIPLIER
            grams += words[k : usable + k]
        tokens[:usable] = _mix(grams)
    long_texts = counts >= SHINGLE_WORDS
    keep = np.ones(len(words), dtype=bool)
    keep[(word_offsets[1:][long_texts, None] - np.arange(1, SHINGLE_WORDS)).ravel()] = False
    short = np.flatnonzero(~long_texts & (counts > 0))
    if len(short):
        positions = _ragged_range(word_offsets[short], counts[short])
        tokens[positions] = words[positions]
    flat = tokens[keep]
    token_counts = np.where(long_texts, counts - SHINGLE_WORDS + 1, counts)
    offsets = np.zeros(len(texts) + 1, dtype=np.uint64)
    np.cumsum(token_counts, out=offsets[1:])
    return flat, offsets, _distinct_counts(flat, offsets)


def _distinct_counts(flat: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """How many distinct hashes each text has: (text, hash bits) packed in uint32, sorted.

    The few hash bits left after the text number make a rare collision, which
    undercounts a long text by a fraction of a percent: well inside MinHash's own error.
    """
    texts = len(offsets) - 1
    distinct = np.zeros(texts, dtype=np.int64)
    for first in range(0, texts, _DISTINCT_CHUNK):
        last = min(first + _DISTINCT_CHUNK, texts)
        bounds = offsets[first : last + 1].astype(np.int64)
        owner_bits = max(1, (last - first - 1).bit_length())
        owners = np.repeat(np.arange(last - first, dtype=np.uint32), np.diff(bounds))
        packed = owners << np.uint32(32 - owner_bits)
        packed |= (flat[bounds[0] : bounds[-1]] >> np.uint64(32 + owner_bits)).astype(np.uint32)
        packed.sort()
        first_of_value = np.ones(len(packed), dtype=bool)
        first_of_value[1:] = packed[1:] != packed[:-1]
        owners = packed[first_of_value] >> np.uint32(32 - owner_bits)
        distinct[first:last] = np.bincount(owners, minlength=last - first)
    return distinct


def digest_texts(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """MinHash digests (rows of ``NUM_PERM`` uint32) and distinct shingle counts of texts.

    Texts are hashed ``HASH_CHUNK`` at a time, so that the arrays stay in cache.
    """
    digests = np.zeros((len(texts), NUM_PERM), dtype=np.uint32)
    sizes = np.zeros(len(texts), dtype=np.int64)
    for first in range(0, len(texts), HASH_CHUNK):
        chunk = texts[first : first + HASH_CHUNK]
        flat, offsets, sizes[first : first + len(chunk)] = shingle_hashes(chunk)
        matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
        values = array.array("I", chain.from_iterable(matrix.to_rows()))  # beats np.array
        digests[first : first + len(chunk)] = np.frombuffer(values, dtype=np.uint32).reshape(
            len(chunk), NUM_PERM
        )
    return digests, sizes


def containment(jaccard: np.ndarray | float, size: int, others: np.ndarray | int) -> np.ndarray:
    """Estimated share of the smaller shingle set that lies in the other."""
    jaccard = np.asarray(jaccard, dtype=np.float64)
    size = np.asarray(size, dtype=np.float64)
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


def _band_keys(digests: np.ndarray, first_row: int) -> np.ndarray:
    """Sorted band keys of rows first_row, first_row + 1, ...: band | value | row."""
    rows = np.arange(first_row, first_row + len(digests), dtype=np.uint64)
    bands = np.arange(NUM_BANDS, dtype=np.uint64) << np.uint64(64 - 5)
    keys = digests[:, :NUM_BANDS].astype(np.uint64) << np.uint64(_ROW_BITS)
    keys |= bands
    keys |= rows[:, None]
    keys = keys.ravel()
    keys.sort()
    return keys


def _sketches(digests: np.ndarray) -> np.ndarray:
    """The low byte of every MinHash value (b-bit MinHash, b = 8), rows of 8 uint64.

    Two unrelated values agree on it once in 256, so agreement on the bytes still
    estimates Jaccard, from a quarter of the memory the digests would take.
    """
    return np.ascontiguousarray(digests.astype(np.uint8)).view(np.uint64)


_LOW_SEVEN = np.uint64(0x7F7F7F7F7F7F7F7F)
_HIGH_BITS = np.uint64(0x8080808080808080)
_BYTE_ONES = np.uint64(0x0101010101010101)


def _agreement(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """How many of the 64 bytes agree between rows of two sketch arrays (``left`` reused).

    Bit tricks on whole words: a byte differs when its high bit or its low seven
    bits differ; the eight words' counts of differing bytes (each at most 8) are
    summed as the bytes of one word.
    """
    differ = left
    differ ^= right
    flags = differ & _LOW_SEVEN
    flags += _LOW_SEVEN  # high bit set where a low bit is
    flags |= differ
    flags &= _HIGH_BITS
    counts = np.bitwise_count(flags).view(np.uint64).ravel()
    counts *= _BYTE_ONES
    counts >>= np.uint64(56)
    return NUM_PERM - counts.astype(np.int64)


def _jaccard_of_sketches(agree: np.ndarray) -> np.ndarray:
    """Jaccard estimate from byte agreement, less the agreement of chance (1 in 256)."""
    chance = 1.0 / 256
    return np.maximum(0.0, (agree / NUM_PERM - chance) / (1.0 - chance))


def _same_bucket(keys: np.ndarray, positions: np.ndarray, prefixes: np.ndarray) -> np.ndarray:
    """Which ``positions`` of sorted ``keys`` exist and hold a key with these prefixes."""
    inside = (positions >= 0) & (positions < len(keys))
    inside[inside] = (keys[positions[inside]] >> np.uint64(_ROW_BITS)) == prefixes[inside]
    return inside


class _BandRuns:
    """Band keys of every indexed article, as sorted runs merged like a binary counter."""

    def __init__(self) -> None:
        self._runs: list[np.ndarray] = []  # oldest rows first

    @property
    def nbytes(self) -> int:
        return sum(run.nbytes for run in self._runs)

    def add(self, keys: np.ndarray) -> None:
        """Add sorted band keys (from ``_band_keys``) of rows newer than any indexed."""
        run = keys
        while self._runs and len(self._runs[-1]) <= len(run):
            run = np.sort(np.concatenate((self._runs.pop(), run)), kind="stable")  # a merge
        self._runs.append(run)

    def pairs(self, keys: np.ndarray, room: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(query row, indexed row) for indexed rows sharing a band bucket with a query.

        ``keys`` are sorted band keys; each takes the latest rows of its bucket,
        newest runs first, as many as its ``room`` says.
        """
        prefixes = keys >> np.uint64(_ROW_BITS)
        bucket_ends = (prefixes << np.uint64(_ROW_BITS)) | _ROW_MASK
        room = room.copy()
        found_queries, found_rows = [], []
        for run in reversed(self._runs):
            after = np.searchsorted(run, bucket_ends, side="right")
            active = np.flatnonzero(room > 0)
            for back in range(1, CANDIDATES_PER_KEY + 1):
                positions = after[active] - back
                inside = _same_bucket(run, positions, prefixes[active])
                active, positions = active[inside], positions[inside]
                if not len(active):
                    break
                found_queries.append(keys[active] & _ROW_MASK)
                found_rows.append(run[positions] & _ROW_MASK)
                room[active] -= 1
                active = active[room[active] > 0]
        if not found_queries:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return (
            np.concatenate(found_queries).astype(np.int64),
            np.concatenate(found_rows).astype(np.int64),
        )


def _pairs_within(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(later row, earlier row) for rows of one batch sharing a band bucket, and room left.

    ``keys`` are the batch's sorted band keys; each pairs with the latest
    ``CANDIDATES_PER_KEY`` rows before it in its bucket, and has room for the rest
    in the index.
    """
    prefixes = keys >> np.uint64(_ROW_BITS)
    positions = np.arange(len(keys))
    opens = np.ones(len(keys), dtype=bool)
    opens[1:] = prefixes[1:] != prefixes[:-1]
    group_start = np.maximum.accumulate(np.where(opens, positions, 0))
    earlier = np.minimum(positions - group_start, CANDIDATES_PER_KEY)
    later = np.flatnonzero(earlier)
    partners = _ragged_range(later - earlier[later], earlier[later])
    rows = (keys & _ROW_MASK).astype(np.int64)
    return rows[np.repeat(later, earlier[later])], rows[partners], CANDIDATES_PER_KEY - earlier


class VersionIndex:
    """Incremental LSH index from article signatures to the story each belongs to."""

    def __init__(self) -> None:
        self._sketches = np.zeros((0, NUM_PERM // 8), dtype=np.uint64)
        self._sizes = np.zeros(0, dtype=np.int32)
        self._story_rows = np.zeros(0, dtype=np.int32)  # row -> story number
        self._rows = 0
        self._bands = _BandRuns()
        self._story_ids: list[str] = []
        self._story_numbers: dict[str, int] = {}

    def __len__(self) -> int:
        return self._rows

    @property
    def nbytes(self) -> int:
        """Bytes held in arrays by the index (sketches, counts, stories, band runs)."""
        used = self._rows
        return (
            self._sketches[:used].nbytes
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

    def _append(
        self, keys: np.ndarray, sketches: np.ndarray, sizes: np.ndarray, stories: np.ndarray
    ) -> None:
        """Store the rows that ``keys`` (from ``_band_keys``) were made for."""
        first, needed = self._rows, self._rows + len(sketches)
        if needed > MAX_ROWS:
            raise ValueError(f"the version index holds at most {MAX_ROWS:,} articles")
        if needed > len(self._sizes):
            capacity = max(needed, 2 * len(self._sizes), 1024)
            for name in ("_sketches", "_sizes", "_story_rows"):
                old = getattr(self, name)
                new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
                new[:first] = old[:first]
                setattr(self, name, new)
        self._sketches[first:needed] = sketches
        self._sizes[first:needed] = sizes
        self._story_rows[first:needed] = stories
        self._rows = needed
        self._bands.add(keys)

    def add(self, article_id: str, story_id: str, signature: Signature) -> None:
        self.add_many([(article_id, story_id, signature)])

    def add_many(self, entries: Sequence[tuple[str, str, Signature]]) -> None:
        """Index (article_id, story_id, signature) entries in one batch."""
        if not entries:
            return
        digests = np.stack([signature.digest for _, _, signature in entries])
        self._append(
            _band_keys(digests, self._rows),
            _sketches(digests),
            np.array([signature.size for _, _, signature in entries], dtype=np.int32),
            np.array([self._story_number(story) for _, story, _ in entries], dtype=np.int32),
        )

    def load(self, stored: Iterable[tuple[str, str, bytes]]) -> None:
        """Fill the index from (article_id, story_id, signature bytes) kept by the store."""
        self.add_many(
            [(article_id, story, Signature.from_bytes(data)) for article_id, story, data in stored]
        )

    def _best_rows(
        self, queries: np.ndarray, rows: np.ndarray, sketches: np.ndarray, sizes: np.ndarray
    ) -> np.ndarray:
        """For each query (a row of ``sketches``), the candidate row that best contains it.

        -1 where no candidate reaches ``MIN_CONTAINMENT``; ties go to the earliest row.
        """
        best = np.full(len(sketches), -1, dtype=np.int64)
        # A pair comes once per band it shares; sorting (faster than np.unique's
        # hashing) puts its copies together.
        pairs = np.sort((queries << _ROW_BITS) | rows)
        distinct = np.ones(len(pairs), dtype=bool)
        distinct[1:] = pairs[1:] != pairs[:-1]
        pairs = pairs[distinct]
        queries, rows = pairs >> _ROW_BITS, pairs & ((1 << _ROW_BITS) - 1)
        agree = np.empty(len(pairs), dtype=np.int64)
        for start in range(0, len(pairs), _VERIFY_CHUNK):  # temporaries that stay in cache
            part = slice(start, start + _VERIFY_CHUNK)
            agree[part] = _agreement(
                np.take(sketches, queries[part], axis=0),
                np.take(self._sketches, rows[part], axis=0),
            )
        scores = containment(_jaccard_of_sketches(agree), sizes[queries], self._sizes[rows])
        passing = scores >= MIN_CONTAINMENT
        queries, rows, scores = queries[passing], rows[passing], scores[passing]
        order = np.lexsort((rows, -scores, queries))
        queries, rows = queries[order], rows[order]
        first = np.ones(len(queries), dtype=bool)
        first[1:] = queries[1:] != queries[:-1]
        best[queries[first]] = rows[first]
        return best

    def match(self, signature: Signature) -> str | None:
        """The story of the most contained existing version, if any is a near-duplicate."""
        digests = signature.digest[None, :]
        room = np.full(NUM_BANDS, CANDIDATES_PER_KEY)
        queries, rows = self._bands.pairs(_band_keys(digests, 0), room)
        sizes = np.array([signature.size])
        best = self._best_rows(queries, rows, _sketches(digests), sizes)
        return None if best[0] < 0 else self._story_ids[self._story_rows[best[0]]]

    def assign(self, article_ids: Sequence[str], signatures: Sequence[Signature]) -> list[str]:
        """Place a batch of new articles: each joins a near-duplicate's story or opens one.

        Articles are placed in order, so a later copy in the batch joins an earlier
        one; the story of a new article is its own id.
        """
        if not signatures:
            return []
        digests = np.stack([signature.digest for signature in signatures])
        sizes = np.array([signature.size for signature in signatures], dtype=np.int64)
        return self.assign_digests(article_ids, digests, sizes)

    def assign_digests(
        self, article_ids: Sequence[str], digests: np.ndarray, sizes: np.ndarray
    ) -> list[str]:
        """``assign`` for digests and shingle counts as arrays (from ``digest_texts``)."""
        count = len(article_ids)
        if not count:
            return []
        first = self._rows
        keys = _band_keys(digests, first)
        sketches = _sketches(digests)
        later, earlier, room = _pairs_within(keys)
        stored_queries, stored_rows = self._bands.pairs(keys, room)
        self._append(keys, sketches, sizes, np.full(count, -1, dtype=np.int32))
        best = self._best_rows(
            np.concatenate((stored_queries, later)) - first,
            np.concatenate((stored_rows, earlier)),
            sketches,
            np.asarray(sizes),
        )
        self._story_rows[first : first + count] = self._stories_of(article_ids, best, first)
        return [self._story_ids[number] for number in self._story_rows[first : first + count]]

    def _stories_of(self, article_ids: Sequence[str], best: np.ndarray, first: int) -> np.ndarray:
        """Story numbers of a batch from each article's best row (-1: none)."""
        count = len(best)
        stories = np.full(count, -1, dtype=np.int64)
        stored = (best >= 0) & (best < first)
        stories[stored] = self._story_rows[best[stored]]
        for position in np.flatnonzero(best < 0):
            stories[position] = self._story_number(article_ids[position])
        # An article matched inside the batch takes the story of the earlier article
        # it matched, followed back (parents always come first) to one placed above.
        roots = np.where(best >= first, best - first, np.arange(count))
        while True:
            hops = roots[roots]
            if np.array_equal(hops, roots):
                break
            roots = hops
        return stories[roots]
