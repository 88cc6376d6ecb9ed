"""How many cores this process may run on: the default number of ingest workers and of
server processes alike."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may be scheduled on (a container's or taskset's limit, where
    the system tells it), else every core of the box."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
