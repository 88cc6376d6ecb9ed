"""newsgraph: a news-intelligence engine that turns articles into a cited, queryable model.

For notebooks and scripts, ``newsgraph.open(url)`` opens a store (see client.py):

    import newsgraph

    ng = newsgraph.open("news.db")
    ng.ingest("samples")
    ng.events(actor="Russia").to_pandas()
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.client import NewsGraph

__version__ = "0.1.0"
__all__ = ["__version__", "open"]


def open(url: str | os.PathLike[str], read_only: bool = False) -> NewsGraph:
    """Open (creating if needed) the store that ``url`` names: a SQLite path or
    ``sqlite:///path``. ``read_only`` opens an existing store that nothing can change."""
    from newsgraph.client import NewsGraph

    return NewsGraph(url, read_only=read_only)
