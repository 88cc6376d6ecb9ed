"""The closing lines of ``ingest`` and ``watch``: what was skipped and noted, printable.

File names, record ids and reasons come from the input and may hold anything:
escape sequences that clear the screen, newlines that split a line, megabytes of
raw bytes. Each is printed through ``untrusted.printable`` (escaped, bounded), as
one line per skipped input, so the summary stays readable whatever was read.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from newsgraph.records import Skipped
from newsgraph.untrusted import printable

if TYPE_CHECKING:  # the readers load slowly; the command line starts without them
    from newsgraph.read import Notice


def skip_line(skipped: Skipped) -> str:
    """``where: why`` for one skipped input, terminal-safe and bounded."""
    return f"{printable(skipped.source_ref)}: {printable(skipped.reason)}"


def print_skipped(console: Console, skipped: Iterable[Skipped], indent: str = "") -> None:
    for item in skipped:
        console.print(f"{indent}[yellow]skipped[/] {escape(skip_line(item))}", soft_wrap=True)


def print_notices(console: Console, notices: Iterable[Notice], indent: str = "") -> None:
    for notice in notices:
        line = f"{printable(notice.source_ref)}: {printable(notice.message)}"
        console.print(f"{indent}[cyan]note[/] {escape(line)}", soft_wrap=True)
