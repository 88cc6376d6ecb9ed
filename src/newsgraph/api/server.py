"""Runs the workbench with uvicorn: loopback by default, a loud warning when exposed."""

from __future__ import annotations

import ipaddress
import os
import socket
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from newsgraph.api.app import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Worker processes read their store and token from here (uvicorn starts them anew).
_DB_VARIABLE = "NEWSGRAPH_SERVE_DB"
_TOKEN_VARIABLE = "NEWSGRAPH_SERVE_TOKEN"


def default_workers() -> int:
    """One worker process per core: Python runs one request at a time per process."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def app_from_environment() -> FastAPI:
    """The workbench of one worker process, over the store its parent was given."""
    return create_app(os.environ[_DB_VARIABLE], token=os.environ.get(_TOKEN_VARIABLE) or None)


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
) -> None:
    """Serve the workbench over the store at ``db`` until interrupted, in ``workers``
    processes sharing the port."""
    warning = exposure_warning(host, token)
    if warning:
        warn(warning)
    if workers <= 1:
        uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
        return
    # Opened once here so that a bad URL fails before any worker starts.
    create_app(db, token=token)
    os.environ[_DB_VARIABLE] = db
    os.environ[_TOKEN_VARIABLE] = token or ""
    config = uvicorn.Config(
        f"{__name__}:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
    with _tcp_listener(config) as listener:
        Multiprocess(config, sockets=[listener]).run()


@contextmanager
def _tcp_listener(config: uvicorn.Config) -> Iterator[socket.socket]:
    """uvicorn's bound socket, marked as TCP. uvicorn opens it with protocol 0, so
    asyncio never sets TCP_NODELAY on the workers' connections, and every reply on a
    kept-alive connection waits ~40 ms for the client's delayed ACK."""
    bound = config.bind_socket()
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, bound.detach())
    try:
        yield listener
    finally:
        listener.close()
