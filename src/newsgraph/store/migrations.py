"""Schema migrations, one folder of numbered SQL files per back-end.

``data/store/sqlite`` and ``data/store/postgresql`` each hold ``NNNN_name.sql`` files;
a store applies, in order, every one its ``schema_version`` table does not record.
How a file is split into statements is the back-end's own (``split``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from newsgraph.store.base import StoreError

_MIGRATION_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>\w+)\.sql$")

# The table each back-end records its applied migrations in (the same columns on both).
SCHEMA_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


@dataclass(frozen=True)
class Migration:
    """One schema change: its number, its name and the statements it runs."""

    version: int
    name: str
    statements: list[str]


def load_migrations(dialect: str, split: Callable[[str], list[str]]) -> list[Migration]:
    """The migration files of ``dialect`` in version order, each split into statements."""
    folder = resources.files("newsgraph") / "data" / "store" / dialect
    migrations = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            statements = split(entry.read_text(encoding="utf-8"))
            migrations.append(Migration(int(match["version"]), match["name"], statements))
    migrations.sort(key=lambda migration: migration.version)
    versions = [migration.version for migration in migrations]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migration files share a version number: {versions}")
    return migrations
