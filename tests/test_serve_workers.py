"""`newsgraph serve --workers N`: each worker listens on a socket of its own (Linux).

On one shared socket the first worker to wake accepted every waiting connection, so
kept-alive clients that connect together (a load balancer's pool, a benchmark's
clients) all queued on one worker. These tests start a real server on 127.0.0.1 and
stop it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from newsgraph.store import open_store
from workbench_server import free_port

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="SO_REUSEPORT spreads connections on Linux"
)
CLIENTS = 16


def _sockets_on(port: int, pid: int, status: str) -> int:
    """How many of ``pid``'s TCP sockets on local ``port`` are in ``status``."""
    connections = psutil.Process(pid).net_connections(kind="tcp")
    return sum(1 for c in connections if c.laddr.port == port and c.status == status)


def _workers(server: subprocess.Popen) -> list[int]:
    return [child.pid for child in psutil.Process(server.pid).children()]


def _listening_workers(server: subprocess.Popen, port: int) -> list[int]:
    return [pid for pid in _workers(server) if _sockets_on(port, pid, psutil.CONN_LISTEN)]


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


@pytest.fixture()
def two_workers(tmp_path: Path) -> Iterator[tuple[subprocess.Popen, int]]:
    db = tmp_path / "served.db"
    open_store(str(db)).close()
    port = free_port()
    command = [str(Path(sys.executable).with_name("newsgraph")), "serve", "--db", str(db)]
    server = subprocess.Popen([*command, "--port", str(port), "--workers", "2"])
    try:
        _wait_for(lambda: len(_listening_workers(server, port)) == 2)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _answered_together(port: int) -> Counter:
    """Open ``CLIENTS`` kept-alive connections at once, one request each; the workers
    holding them, by pid."""
    clients = [
        httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) for _ in range(CLIENTS)
    ]
    try:
        assert all(client.get("/api/health").status_code == 200 for client in clients)
        held = Counter()
        for pid in {p for p in psutil.pids() if p != os.getpid()}:
            try:
                held[pid] = _sockets_on(port, pid, psutil.CONN_ESTABLISHED)
            except psutil.Error:
                continue
        return +held
    finally:
        for client in clients:
            client.close()


def test_each_worker_listens_on_its_own_socket_and_gets_connections(two_workers) -> None:
    server, port = two_workers
    workers = _listening_workers(server, port)
    assert len(workers) == 2
    # The supervisor keeps no listener of its own: nothing waits on a socket nobody serves.
    assert _sockets_on(port, server.pid, psutil.CONN_LISTEN) == 0
    held = _answered_together(port)
    assert set(held) == set(workers)  # both workers hold some of the connections
    assert sum(held.values()) == CLIENTS


def test_a_killed_worker_is_replaced_and_no_connection_is_left_unserved(two_workers) -> None:
    server, port = two_workers
    killed, kept = _listening_workers(server, port)
    os.kill(killed, signal.SIGKILL)
    # While it is down, every new connection goes to the worker still listening.
    _wait_for(lambda: not psutil.pid_exists(killed) or psutil.Process(killed).status() == "zombie")
    assert set(_answered_together(port)) <= {kept, *_workers(server)}
    _wait_for(lambda: len(_listening_workers(server, port)) == 2)
    replacement = set(_listening_workers(server, port)) - {kept}
    assert replacement and killed not in replacement
    assert sum(_answered_together(port).values()) == CLIENTS


def test_a_second_server_on_the_same_port_is_refused(two_workers, tmp_path: Path) -> None:
    """SO_REUSEPORT would let a second newsgraph share the port and split the first one's
    connections with it: it must fail instead, as on any port in use."""
    _, port = two_workers
    db = tmp_path / "other.db"
    open_store(str(db)).close()
    command = [str(Path(sys.executable).with_name("newsgraph")), "serve", "--db", str(db)]
    second = subprocess.run(
        [*command, "--port", str(port), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode != 0
    assert "Address already in use" in second.stderr
