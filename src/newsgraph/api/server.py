"""Runs the workbench with uvicorn: loopback by default, a loud warning when exposed."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import uvicorn

from newsgraph.api.app import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


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
) -> None:
    """Serve the workbench over the store at ``db`` until interrupted."""
    warning = exposure_warning(host, token)
    if warning:
        warn(warning)
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
