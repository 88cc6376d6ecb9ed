"""The recent stories' TF-IDF vectors in flat arrays, for level 2 at scale.

A story's features are kept as hashed ids (int32), log term frequencies (float32)
and the kind of each feature (name, date, number, word), not as dicts of strings:
about 17 bytes a feature instead of a few hundred. Only the last ``size`` arrivals
are kept (a FIFO ring over flat arrays): same-story groups are about one event,
days of news rather than years, so older stories are no longer compared (their
profiles stay in the store). Document frequencies are counted over every story ever
added, per hashed feature, in one fixed array.

Weights are unit TF-IDF per kind. The IDF moves as stories arrive, so all kept
weights are recomputed at once whenever the corpus has grown by ``IDF_REFRESH``
since the last time (an arrival gets the current IDF): when that happens depends
only on how many stories were added, never on which were compared, so a grouping
continued from the store is the one a single run would have made.
"""

from __future__ import annotations

import zlib

import numpy as np
from scipy.sparse import csr_matrix

KINDS = ("name", "date", "number", "word")
KIND_WEIGHTS = np.array([3.0, 2.0, 1.0, 1.0])  # names, dates, numbers, words
HASH_BITS = 22  # 4M feature buckets: two stories' features rarely share one by chance
IDF_REFRESH = 1.1  # kept weights are recomputed once the corpus grew by this factor
LOOKUP_MASK = (1 << 16) - 1  # the scratch table an arrival's features are looked up in
DENSE_CELLS = 1 << 20  # similarities of this many rows x features are computed densely
REFRESH_CHUNK = 1 << 20  # entries recomputed at a time (a bound on the temporary memory)
# Sum of the kind weights of a 4-bit mask of kinds: the similarity's denominator.
_MASK_WEIGHT = np.array([sum(KIND_WEIGHTS[k] for k in range(4) if m >> k & 1) for m in range(16)])


def feature_id(kind: int, feature: str) -> int:
    """A feature's bucket: a stable hash (not Python's, which changes per process)."""
    return zlib.crc32(f"{kind}\x1f{feature}".encode()) & ((1 << HASH_BITS) - 1)


class FeatureWindow:
    """TF-IDF vectors of the last ``size`` arrivals, and document frequencies of all."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.documents = 0
        self._refreshed_at = 1
        self._frequency = np.zeros(1 << HASH_BITS, dtype=np.int32)
        self._table_ids = np.full(LOOKUP_MASK + 1, -1, dtype=np.int32)  # scratch for _lookup
        self._table_values = np.zeros(LOOKUP_MASK + 1, dtype=np.float32)
        # Per slot (arrival % size): where its entries are, and which kinds it has.
        self._start = np.zeros(size, dtype=np.int64)
        self._length = np.zeros(size, dtype=np.int32)
        self._kinds = np.zeros(size, dtype=np.uint8)
        # Per entry, a FIFO ring in arrival order; `_owner` is the arrival (-1: never used).
        self._ids = np.zeros(0, dtype=np.int32)
        self._tf = np.zeros(0, dtype=np.float32)
        self._kind = np.zeros(0, dtype=np.int8)
        self._weight = np.zeros(0, dtype=np.float32)
        self._owner = np.zeros(0, dtype=np.int32)
        self._cursor = 0

    @property
    def oldest(self) -> int:
        """The earliest arrival still kept."""
        return max(0, self.documents - self.size)

    def holds(self, arrival: int) -> bool:
        return self.oldest <= arrival < self.documents

    @property
    def nbytes(self) -> int:
        arrays = (self._frequency, self._start, self._length, self._kinds)
        entries = (self._ids, self._tf, self._kind, self._weight, self._owner)
        return sum(a.nbytes for a in (*arrays, *entries))

    def add(self, ids: np.ndarray, tf: np.ndarray, kind: np.ndarray) -> int:
        """Keep a new arrival's features (distinct ids), evicting the arrival ``size``
        before it; its arrival number."""
        arrival = self.documents
        self.documents += 1
        self._frequency[ids] += 1  # distinct ids
        slot = arrival % self.size
        self._length[slot] = 0  # the evicted arrival's entries are free
        start = self._place(len(ids))
        end = start + len(ids)
        self._ids[start:end], self._tf[start:end], self._kind[start:end] = ids, tf, kind
        self._owner[start:end] = arrival
        self._start[slot], self._length[slot] = start, len(ids)
        if self.documents > self._refreshed_at * IDF_REFRESH:
            self._refresh()
        else:
            self._weigh(slot)
        return arrival

    def _place(self, count: int) -> int:
        """Where ``count`` entries go: after the newest kept, wrapping to the start of
        the ring, or in a bigger ring when the kept ones leave no room. A write never
        ends where the oldest kept begins, so ``cursor == first`` means no entries lie
        between them."""
        capacity = len(self._ids)
        if self.documents - 1 > self.oldest:  # others are kept: the oldest begins the run
            first = int(self._start[self.oldest % self.size])
        else:
            self._cursor, first = 0, capacity
        if self._cursor >= first:  # kept entries lie in [first, cursor): free at both ends
            if self._cursor + count <= capacity:
                start = self._cursor
            elif count < first:
                start = 0
            else:
                start = self._grow(count)
        elif self._cursor + count < first:
            start = self._cursor
        else:
            start = self._grow(count)
        self._cursor = start + count
        return start

    def _grow(self, count: int) -> int:
        """Copy the kept entries, in arrival order, to the start of a ring twice as big."""
        slots = np.arange(self.oldest, self.documents - 1) % self.size
        taken = self._gather(slots)
        used = len(taken)
        capacity = max(2 * len(self._ids), 2 * (used + count), 4096)
        for name in ("_ids", "_tf", "_kind", "_weight", "_owner"):
            old = getattr(self, name)
            new = np.zeros(capacity, dtype=old.dtype)
            new[:used] = old[taken]
            setattr(self, name, new)
        self._owner[used:] = -1
        lengths = self._length[slots]
        self._start[slots] = np.cumsum(lengths) - lengths
        return used

    def _gather(self, slots: np.ndarray) -> np.ndarray:
        """Entry positions of the given slots, one after the other."""
        lengths = self._length[slots].astype(np.int64)
        offsets = np.cumsum(lengths) - lengths
        return np.repeat(self._start[slots] - offsets, lengths) + np.arange(lengths.sum())

    def _idf(self, ids: np.ndarray) -> np.ndarray:
        return np.log((self.documents + 1) / (self._frequency[ids] + 1.0)) + 1.0

    def _weigh(self, slot: int) -> None:
        """Unit TF-IDF weights per kind for one arrival, at the current IDF."""
        entries = slice(self._start[slot], self._start[slot] + self._length[slot])
        kind = self._kind[entries]
        weights = self._tf[entries] * self._idf(self._ids[entries])
        norms = np.sqrt(np.bincount(kind, weights * weights, minlength=4))
        self._weight[entries] = weights / np.where(norms > 0, norms, 1.0)[kind]
        self._kinds[slot] = sum(1 << k for k in range(4) if norms[k] > 0)

    def _refresh(self) -> None:
        """All kept weights at the current IDF, in chunks of entries."""
        self._refreshed_at = self.documents
        oldest, squares = self.oldest, np.zeros(self.size * 4)
        for stage in ("norms", "weights"):
            for start in range(0, len(self._ids), REFRESH_CHUNK):
                chunk = slice(start, start + REFRESH_CHUNK)
                owner = self._owner[chunk]
                kept = np.flatnonzero(owner >= oldest) + start
                segment = (self._owner[kept] % self.size).astype(np.int64) * 4 + self._kind[kept]
                weights = self._tf[kept] * self._idf(self._ids[kept])
                if stage == "norms":
                    squares += np.bincount(segment, weights * weights, minlength=len(squares))
                else:
                    norms = np.sqrt(squares)
                    self._weight[kept] = weights / np.where(norms > 0, norms, 1.0)[segment]
        present = (squares.reshape(self.size, 4) > 0).astype(np.uint8)
        self._kinds[:] = present @ np.array([1, 2, 4, 8], dtype=np.uint8)

    def distinctive(self, arrival: int, count: int) -> np.ndarray:
        """An arrival's ``count`` most distinctive feature ids (weight times IDF)."""
        entries = self._gather(np.array([arrival % self.size]))
        ids = self._ids[entries]
        order = np.argsort(-(self._weight[entries] * self._idf(ids)), kind="stable")
        return ids[order[:count]]

    def ids_of(self, arrival: int) -> np.ndarray:
        return self._ids[self._gather(np.array([arrival % self.size]))]

    def scores(self, arrival: int, others: np.ndarray) -> np.ndarray:
        """Similarity of one kept arrival to each of ``others`` (kept arrivals): the
        weighted mean of the per-kind cosines over the kinds both have."""
        if not len(others):
            return np.zeros(0)
        slot = arrival % self.size
        own = self._gather(np.array([slot]))
        ids = self._ids[own]
        query = self._weight[own] * KIND_WEIGHTS[self._kind[own]]
        slots = others % self.size
        entries = self._gather(slots)
        products = self._lookup(ids, query, self._ids[entries]) * self._weight[entries]
        owner = np.repeat(np.arange(len(slots)), self._length[slots])
        weighted = np.bincount(owner, products, minlength=len(slots))
        return _mean(weighted, _MASK_WEIGHT[self._kinds[slots] & self._kinds[slot]])

    def _lookup(self, ids: np.ndarray, values: np.ndarray, found: np.ndarray) -> np.ndarray:
        """``values`` of the distinct ``ids`` at each of ``found`` (0 where absent):
        through a small table (cached, unlike a table of every bucket) where the ids'
        low bits differ, else by binary search."""
        low = ids & LOOKUP_MASK
        if len(np.unique(low)) < len(ids):
            order = np.argsort(ids)
            at = np.minimum(np.searchsorted(ids[order], found), len(ids) - 1)
            return np.where(ids[order][at] == found, values[order][at], 0.0)
        self._table_ids[low], self._table_values[low] = ids, values
        at = found & LOOKUP_MASK
        result = np.where(self._table_ids[at] == found, self._table_values[at], 0.0)
        self._table_ids[low] = -1
        return result

    def pairwise(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Similarity of each of ``rows`` to each of ``columns`` (kept arrivals)."""
        row_slots, column_slots = rows % self.size, columns % self.size
        first = self._matrix(row_slots)
        second = first if columns is rows else self._matrix(column_slots)
        # Columns numbered by the features present, not by all the buckets.
        present, numbers = np.unique(np.concatenate((first[1], second[1])), return_inverse=True)
        split = len(first[1])
        left = _rows(first, numbers[:split], len(present), len(row_slots))
        right = (
            left
            if columns is rows
            else _rows(second, numbers[split:], len(present), len(column_slots))
        )
        if isinstance(left, np.ndarray):  # no BLAS: its threads wait on a busy machine
            weighted = np.einsum("if,jf->ij", left, right)
        else:
            weighted = (left @ right.T).toarray()
        both = np.bitwise_and.outer(self._kinds[row_slots], self._kinds[column_slots])
        return _mean(weighted, _MASK_WEIGHT[both])

    def _matrix(self, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The slots' entries: row numbers, feature ids, and weights scaled by the root
        of their kind's weight."""
        entries = self._gather(slots)
        data = self._weight[entries] * np.sqrt(KIND_WEIGHTS)[self._kind[entries]]
        owner = np.repeat(np.arange(len(slots)), self._length[slots])
        return owner, self._ids[entries], data


def _rows(
    matrix: tuple[np.ndarray, np.ndarray, np.ndarray], columns: np.ndarray, width: int, height: int
) -> np.ndarray | csr_matrix:
    """The entries as a matrix: dense while small (no sparse overhead), else sparse.
    A row's feature ids are distinct, so no two entries share a cell."""
    owner, _, data = matrix
    if height * width <= DENSE_CELLS:
        dense = np.zeros((height, width))
        dense[owner, columns] = data
        return dense
    return csr_matrix((data, (owner, columns)), shape=(height, max(width, 1)))


def _mean(weighted: np.ndarray, weights: np.ndarray) -> np.ndarray:
    return np.divide(weighted, weights, out=np.zeros_like(weighted), where=weights > 0)
