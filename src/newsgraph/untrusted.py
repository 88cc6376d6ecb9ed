"""Text from outside (files, pages, feeds, users) made safe to parse, store and print.

Whatever reaches newsgraph may be hostile or broken: JSON nested a million levels
deep, numbers of a million digits, strings with lone UTF-16 surrogates (which no
UTF-8 codec, and so no SQLite write, accepts), file names that are not UTF-8, and
escape sequences that would drive the terminal the run summary is printed on.
Every stage that parses, stores or prints such text goes through here.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from typing import Any

# Lone surrogates: what a "\ud800" escape in JSON or an undecodable file name leaves.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Printed summaries keep to this many characters per quoted value.
PRINT_LIMIT = 160
# Unicode categories that must never reach a terminal raw: controls (escape
# sequences, newlines), format characters (bidirectional overrides, zero widths),
# line and paragraph separators, surrogates and unassigned code points.
_UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


class BadJSON(ValueError):
    """Text that is not usable JSON, with a one-line reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_json(text: str, *, say_line: bool = True) -> Any:
    """``json.loads`` that fails only with ``BadJSON``: on bad syntax, on nesting too
    deep for the decoder, and on integers too long to convert (over 4,300 digits).
    ``say_line`` names the line of a syntax error (not for one line of JSON Lines)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f" at line {error.lineno}" if say_line else ""
        raise BadJSON(f"not JSON ({error.msg}{where})") from error
    except RecursionError as error:
        raise BadJSON("not usable JSON (nested too deeply)") from error
    except ValueError as error:  # int() refuses numbers of more than 4,300 digits
        raise BadJSON("not usable JSON (a number with too many digits)") from error


def storable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so UTF-8 can encode it."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def path_text(path: str | os.PathLike[str]) -> str:
    """A file name as text: bytes that are not UTF-8 are shown as ``\\xff`` escapes.

    Python keeps such bytes as lone surrogates, which cannot be stored or printed.
    """
    name = os.fspath(path)
    if not _SURROGATES.search(name):
        return name
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def printable(text: str, limit: int = PRINT_LIMIT) -> str:
    """One terminal-safe line: control and format characters escaped, at most ``limit``
    characters (the cut marked with "…"), so a hostile value cannot clear the screen,
    split its line or flood the summary."""
    shown: list[str] = []
    length = 0
    for char in text:
        if unicodedata.category(char) in _UNPRINTABLE_CATEGORIES:
            char = char.encode("unicode_escape").decode("ascii")
        if length + len(char) > limit:
            shown.append("…")
            break
        shown.append(char)
        length += len(char)
    return "".join(shown)
