"""A throw-away PostgreSQL server for the tests: initdb into a temporary folder, listening
on 127.0.0.1 (a free port) and a socket in that folder, stopped when the session ends.

Its binaries are found on PATH or under /usr/lib/postgresql/*/bin (Debian). initdb
refuses to run as root, so as root the server runs as the ``postgres`` user (Debian's
package creates it). Each test gets a database of its own, copied from a template
that holds the migrated schema, so migrating is paid once.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

REQUIRE_ENV = "NEWSGRAPH_REQUIRE_POSTGRES"
TEMPLATE = "newsgraph_template"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(folders[0]).parent if folders else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """One server for the session; ``new_database()`` gives a fresh, migrated database."""

    def __init__(self, bin_dir: Path, root: Path | None = None) -> None:
        """A server in a new temporary folder, removed when it stops; or in ``root``,
        kept with its databases for the next start (benchmarks/serve.py)."""
        self.bin_dir = bin_dir
        self.keep = root is not None
        self.root = root or Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)
        self.data = self.root / "data"
        self.port = _free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            # initdb and postgres refuse root: the server runs as Debian's postgres user.
            self._as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
        self._numbers = itertools.count()

    def _run(self, *command: str) -> None:
        done = subprocess.run(
            [*self._as_user, str(self.bin_dir / command[0]), *command[1:]],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        """Start the server (initdb first, unless its data is kept from before) with a
        template database that holds the migrated schema."""
        initialised = self.data.exists()
        if not initialised:
            self._run(
                "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync",
            )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        if not initialised:
            from newsgraph.store import open_store

            try:
                self.create_database(TEMPLATE)
                open_store(self.url(TEMPLATE)).close()
            except BaseException:
                self.stop()  # a server whose schema failed is not left running
                raise

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> None:
        self._admin(f"CREATE DATABASE {name}")

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(sql)

    def new_database(self) -> str:
        """The URL of a new database with the whole schema in it."""
        name = f"test_{next(self._numbers)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(
                "pg_ctl", "-D", str(self.data), "-m", "fast" if self.keep else "immediate", "stop"
            )
        finally:
            if not self.keep:
                shutil.rmtree(self.root, ignore_errors=True)
