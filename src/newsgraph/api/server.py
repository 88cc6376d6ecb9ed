"""Runs the workbench with uvicorn: loopback by default, a loud warning when exposed."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from newsgraph.api.app import create_app
from newsgraph.cores import usable_cores

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Worker processes read their store, token and host names from here (uvicorn starts them anew).
_DB_VARIABLE = "NEWSGRAPH_SERVE_DB"
_TOKEN_VARIABLE = "NEWSGRAPH_SERVE_TOKEN"
_HOSTS_VARIABLE = "NEWSGRAPH_SERVE_HOSTS"


WORKER_HEALTHCHECK_SECONDS = 30


def default_workers() -> int:
    """One worker process per core (Python runs one request at a time per process), over
    SQLite and PostgreSQL alike. Two a core over PostgreSQL, so that one ran while the
    other waited for the server, helped only while one worker held most connections
    (``_WorkersWithOwnListeners``); with connections spread, two a core gave a higher p95
    on the search and story pages (search 56-67 against 40-50 ms, story 30-35 against
    15-29 ms; the dossier about the same)."""
    return usable_cores()


def app_from_environment() -> FastAPI:
    """The workbench of one worker process, over the store its parent was given."""
    return create_app(
        os.environ[_DB_VARIABLE],
        token=os.environ.get(_TOKEN_VARIABLE) or None,
        hosts=os.environ.get(_HOSTS_VARIABLE, "").split(),
    )


def wait_until_serving(url: str, seconds: float = 60) -> None:
    """Return once ``url`` answers (a server started in another process is up); raise
    the last connection error after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_unspecified(host: str) -> bool:
    """Whether ``host`` binds every interface (0.0.0.0, ::): it names no host itself."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def served_hosts(host: str, allowed: Sequence[str] = ()) -> list[str]:
    """The names the Host header may carry besides the loopback ones: the bound name
    (unless it binds every interface) and those the user allowed."""
    return [*([] if is_unspecified(host) else [host]), *allowed]


def host_notice(host: str, allowed: Sequence[str]) -> str | None:
    """What to print when the server binds every interface but answers loopback names only."""
    if not is_unspecified(host) or allowed:
        return None
    return (
        f"Serving on {host}: requests naming a host other than localhost or 127.0.0.1 get 400; "
        "pass --allow-host NAME for each name clients use (--allow-host '*' for any)."
    )


def exposure_warning(host: str, token: str | None) -> str | None:
    """The warning to print before serving, or None when the bind is private or guarded."""
    if is_loopback(host) or token:
        return None
    return (
        f"WARNING: serving on {host} without a token: anyone who can reach this machine "
        "can read the whole store. Bind to 127.0.0.1 or pass --token."
    )


def serve(
    db: str,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    warn: Callable[[str], None] = print,
    workers: int = 1,
    allow_hosts: Sequence[str] = (),
) -> None:
    """Serve the workbench over the store at ``db`` until interrupted, in ``workers``
    processes sharing the port. Requests must name a loopback host, the bound ``host``
    or one of ``allow_hosts`` in their Host header."""
    for message in (exposure_warning(host, token), host_notice(host, allow_hosts)):
        if message:
            warn(message)
    hosts = served_hosts(host, allow_hosts)
    if workers <= 1:
        app = create_app(db, token=token, hosts=hosts)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # Opened once here so that a bad URL fails before any worker starts.
    create_app(db, token=token, hosts=hosts)
    os.environ[_DB_VARIABLE] = db
    os.environ[_TOKEN_VARIABLE] = token or ""
    os.environ[_HOSTS_VARIABLE] = " ".join(hosts)
    config = uvicorn.Config(
        f"{__name__}:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        # A worker answers the supervisor's health checks only once its imports are done
        # (about a second each, more when several start together on a busy machine):
        # with uvicorn's 5 s, a slow start was taken for a hung worker and killed.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
    )
    if hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux"):
        # A socket bound without SO_REUSEPORT shares its port with none, a second
        # newsgraph's listeners included: bound once here, it refuses a port in use
        # instead of splitting its connections with whatever holds it.
        _tcp_listener_socket(config).close()
        _WorkersWithOwnListeners(config).run()
        return
    with _tcp_listener(config) as listener:
        Multiprocess(config, sockets=[listener]).run()


class _WorkersWithOwnListeners(Multiprocess):
    """uvicorn's supervisor, each worker process on a listening socket of its own, all
    bound to one port with SO_REUSEPORT, so that Linux spreads new connections evenly.

    On one shared socket, the first worker to wake accepts every connection waiting:
    20 kept-alive clients that connect together landed 16, 2, 1 and 1 on four workers,
    and the busy one queued requests while the other three idled. Each listener is made
    (bound and listening, so no connection meets a closed port) when uvicorn makes a
    worker, and the supervisor's copy is closed once that worker has started, so a
    worker that dies takes its listener, and the connections it would get, with it.
    """

    def __init__(self, config: uvicorn.Config) -> None:
        self._handed_out: list[socket.socket] = []
        super().__init__(config, sockets=[])

    @property
    def sockets(self) -> list[socket.socket]:
        # uvicorn reads this once for each worker process it makes.
        listener = _tcp_listener_socket(self.config, reuse_port=True)
        self._handed_out.append(listener)
        return [listener]

    @sockets.setter
    def sockets(self, _: list[socket.socket]) -> None:
        """uvicorn's own shared sockets are not used."""

    def _close_handed_out(self) -> None:
        # The started workers hold their own descriptors (spawned with them).
        while self._handed_out:
            self._handed_out.pop().close()

    def init_processes(self) -> None:
        super().init_processes()
        self._close_handed_out()

    def keep_subprocess_alive(self) -> None:
        super().keep_subprocess_alive()
        self._close_handed_out()

    def restart_all(self) -> None:
        super().restart_all()
        self._close_handed_out()

    def handle_ttin(self) -> None:
        super().handle_ttin()
        self._close_handed_out()


def _tcp_listener_socket(config: uvicorn.Config, reuse_port: bool = False) -> socket.socket:
    """A socket bound to the configured host and port and listening, marked as TCP.
    uvicorn opens its own with protocol 0, so asyncio never sets TCP_NODELAY on the
    workers' connections, and every reply on a kept-alive connection waits ~40 ms for
    the client's delayed ACK."""
    family, kind, _, _, address = socket.getaddrinfo(
        config.host, config.port, type=socket.SOCK_STREAM
    )[0]
    listener = socket.socket(family, kind, socket.IPPROTO_TCP)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        listener.bind(address)
        listener.listen(config.backlog)
        listener.set_inheritable(True)
    except OSError:
        listener.close()
        raise
    return listener


@contextmanager
def _tcp_listener(config: uvicorn.Config) -> Iterator[socket.socket]:
    """One listening socket that every worker shares (where SO_REUSEPORT is missing)."""
    listener = _tcp_listener_socket(config)
    try:
        yield listener
    finally:
        listener.close()
