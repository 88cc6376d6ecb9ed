"""One ingest at a time on a SQLite store: an OS file lock on ``<db>.ingest-lock``.

Two ingests of the same input on one store each take the other's articles for new
(level 1 reads what is stored) and would store every story twice; the second is
refused instead. The lock is the kernel's (``flock``): it dies with the process that
held it, so a killed run leaves nothing to clean up, and a re-run just takes it.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from newsgraph.store.base import StoreBusy


class IngestFileLock:
    """The lock file beside one store; re-entrant within the store object holding it."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.path = f"{db_path}.ingest-lock"
        self._fd: int | None = None
        self._depth = 0

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the ``with`` block; ``StoreBusy`` at once if another has it."""
        if self._depth == 0:
            self._acquire()
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._release()

    def _acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreBusy(
                f"another ingest is running on {self.db_path}; one ingest at a time per store"
                " (run this one when it has finished)"
            ) from None
        self._fd = fd

    def _release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
