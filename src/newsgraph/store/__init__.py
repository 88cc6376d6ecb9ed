"""Stage 9: the store, the one place in newsgraph that speaks SQL.

``open_store`` takes a path or URL and returns a ``Store``; everything else in
newsgraph codes against that interface and gets plain dicts back.
"""

from __future__ import annotations

import os
import re

from newsgraph.store.base import (
    Filters,
    Store,
    StoreBusy,
    StoreError,
    StoreIntegrityError,
    UnsupportedStoreURL,
)
from newsgraph.store.sqlite import SQLiteStore

__all__ = [
    "Filters",
    "SQLiteStore",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreIntegrityError",
    "UnsupportedStoreURL",
    "is_postgres_url",
    "open_store",
]

# A scheme of two letters or more, so that Windows drive letters (C:\...) stay paths.
_URL_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+)://(?P<rest>.*)$", re.DOTALL)
_POSTGRES_SCHEMES = {"postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2"}


def is_postgres_url(url: str | os.PathLike[str]) -> bool:
    """Whether ``url`` names a PostgreSQL store (as open_store reads it)."""
    match = _URL_SCHEME.match(os.fspath(url))
    return match is not None and match["scheme"].lower() in _POSTGRES_SCHEMES


def open_store(url: str | os.PathLike[str], read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store that ``url`` names;
    ``read_only`` gives a reader (the workbench) that can write nothing.

    A plain path or ``sqlite:///relative/path`` / ``sqlite:////absolute/path``
    opens SQLite; ``:memory:`` or ``sqlite://`` opens a throw-away in-memory store.
    ``postgresql://user@host/db`` (or ``postgres://``) opens PostgreSQL; its driver,
    psycopg, is imported only then.
    """
    text = os.fspath(url)
    match = _URL_SCHEME.match(text)
    if match is None:
        return SQLiteStore(text, read_only)
    scheme = match["scheme"].lower()
    if scheme == "sqlite":
        return SQLiteStore(match["rest"].removeprefix("/") or ":memory:", read_only)
    if scheme in _POSTGRES_SCHEMES:
        return _postgres_store(f"postgresql://{match['rest']}", read_only)
    raise UnsupportedStoreURL(
        f"unsupported store URL scheme {scheme!r}; use a SQLite path, sqlite:///path"
        " or postgresql://user@host/database"
    )


def _postgres_store(url: str, read_only: bool) -> Store:
    """The PostgreSQL store, or a clear error when its driver is not installed."""
    try:
        from newsgraph.store.postgres import PostgresStore
    except ImportError as error:
        raise UnsupportedStoreURL(
            f"PostgreSQL needs the psycopg driver ({error.name} is missing):"
            " pip install 'newsgraph[postgres]'"
        ) from error
    return PostgresStore(url, read_only)
