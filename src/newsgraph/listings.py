"""The CLI's listings as Rich tables that a reader can check against the text.

Every fact row names its story and shows the sentence it came from, the fact's own
words in bold, so that nothing needs ``--json`` to be verified. Cells keep to their
lines: a cell too long for its column is cut with an ellipsis, never folded into
pieces, and one column per table (a title or a sentence) takes the width the others
leave, so that a listing reads at 80 columns as well as at 200.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from newsgraph.results import claim_label

# The fewest columns a flexible cell keeps, however narrow the terminal.
MIN_FLEXIBLE = 20
# Columns between two cells: a separator and a space either side.
GUTTER = 3
# How much of a sentence is shown before a fact's words, and at most in all.
LEAD = 40
SENTENCE_LIMIT = 200
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Column:
    """A table column: ``cap`` is the widest it gets; a ``flexible`` one takes the
    width the other columns leave."""

    header: str
    cap: int | None = None
    flexible: bool = False


def _text(cell: Any) -> Text:
    if isinstance(cell, Text):
        return cell
    return Text("" if cell is None else str(cell))


def _widest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def table(
    title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]], width: int
) -> Table:
    """A table of one-line cells (a cell may hold several lines) fitted to ``width``."""
    cells = [[_text(cell) for cell in row] for row in rows]
    widths = []
    for index, column in enumerate(columns):
        header = _widest_line(Text(column.header))
        widest = max([header, *(_widest_line(row[index]) for row in cells)])
        widths.append(min(widest, column.cap) if column.cap else widest)
    for index, column in enumerate(columns):
        if column.flexible:
            others = sum(widths) - widths[index] + GUTTER * (len(columns) - 1)
            widths[index] = min(widths[index], max(MIN_FLEXIBLE, width - others))
    listing = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
        show_edge=False,
        show_lines=any(len(cell.plain.split("\n")) > 1 for row in cells for cell in row),
    )
    for column, column_width in zip(columns, widths, strict=True):
        listing.add_column(column.header, width=column_width, no_wrap=True, overflow="ellipsis")
    for row in cells:
        listing.add_row(*row)
    return listing


def short(text: str | None, limit: int = 90) -> str:
    """``text`` on one line, cut with an ellipsis past ``limit`` characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def side(ref: dict | None) -> str:
    """An event's source or target: its actor's name (or its words) and code."""
    if not ref:
        return ""
    label = ref.get("name") or ref.get("text") or ""
    return f"{label} ({ref['code']})" if ref.get("code") else label


def evidence(fact: dict[str, Any]) -> Text:
    """The sentence a fact was found in, on one line, its own words in bold; a long
    sentence is cut to show some words before the fact's and the fact's start."""
    sentence = _SPACE.sub(" ", fact.get("sentence") or "")  # one line, same offsets
    offset = fact.get("sentence_start") or 0
    start = min(max(fact["start"] - offset, 0), len(sentence))
    end = min(max(fact["end"] - offset, start), len(sentence))
    cut = 0
    if start > LEAD:
        cut = sentence.rfind(" ", 0, start - LEAD) + 1
    shown = sentence[cut : cut + SENTENCE_LIMIT]
    before = "…" if cut else ""
    text = Text(before + shown + ("…" if cut + SENTENCE_LIMIT < len(sentence) else ""))
    text.stylize("bold", len(before) + start - cut, len(before) + min(end - cut, len(shown)))
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _story(fact: dict[str, Any]) -> Text:
    """The fact's story id, over the event's date when the fact is an event."""
    if "date" in fact:
        return Text(f"{fact['story_id']}\n{fact['date'] or 'undated'}")
    return Text(fact["story_id"])


def _lines(first: str, second: Text | str) -> Text:
    return Text.assemble(first, "\n", second)


def stories_table(rows: list[dict], width: int) -> Table:
    """Stories: id and date, publisher, and the title over its counts and same story."""

    def details(s: dict) -> str:
        counts, group = s["counts"], s["same_story"]
        kinds = ("quotes", "events", "claims")
        facts = " · ".join(_count(counts[kind], kind[:-1]) for kind in kinds)
        versions = _count(len(s["versions"]), "version")
        same = (
            f" · same story: {len(group['stories'])} stories,"
            f" {len(group['publishers'])} outlets, group {group['id']}"
            if len(group["stories"]) > 1
            else ""
        )
        return f"{versions} · {facts}{same}"

    return table(
        "Stories",
        [Column("story"), Column("publisher", cap=18), Column("title", flexible=True)],
        (
            (
                Text(f"{s['id']}\n{s['published'] or 'undated'}"),
                s["publisher"],
                _lines(short(s["title"], 200) or "(untitled)", Text(details(s), style="dim")),
            )
            for s in rows
        ),
        width,
    )


def quotes_table(rows: list[dict], width: int, with_story: bool = True) -> Table:
    """Quotes: story, speaker (an unnamed one by the words that describe it) and cue, the
    sentence the quote sits in (in bold), and how far the attribution can be trusted."""
    columns = [
        Column("speaker", cap=24),
        Column("sentence", flexible=True),
        Column("confidence"),
    ]
    return table(
        "Quotes",
        [Column("story"), *columns] if with_story else columns,
        (
            (
                *((_story(q),) if with_story else ()),
                _lines(_speaker(q), q["cue"] or ""),
                evidence(q),
                "" if q.get("confidence") is None else f"{q['confidence']:.2f}",
            )
            for q in rows
        ),
        width,
    )


def _speaker(quote: dict) -> str:
    """The speaker's name, or the words describing an unnamed one, marked as such."""
    if quote.get("speaker_unnamed") and quote["speaker_text"]:
        return f"{quote['speaker_text']} (unnamed)"
    return quote["speaker"] or quote["speaker_text"] or "unattributed"


def events_table(rows: list[dict], width: int, with_story: bool = True) -> Table:
    """Events: story and date, who did what to whom over the sentence, the codes and
    how confident the coder is of them."""
    columns = [
        Column("event · sentence", flexible=True),
        Column("CAMEO\nPLOVER"),
        Column("Goldstein"),
        Column("conf."),
    ]
    return table(
        "Events",
        [Column("story"), *columns] if with_story else columns,
        (
            (
                *((_story(e),) if with_story else ()),
                _lines(
                    f"{side(e['source'])} → {e['verb']}{' (negated)' if e['negated'] else ''}"
                    f" → {side(e['target']) or '—'}",
                    evidence(e),
                ),
                _lines(e["cameo"], e["plover"] or ""),
                e["goldstein"],
                f"{e['confidence']:.2f}",
            )
            for e in rows
        ),
        width,
    )


def claims_table(rows: list[dict], width: int, with_story: bool = True) -> Table:
    """Claims: story, holder, subject and value (and time) over the sentence that states them,
    and how far each is a figure an analyst can use."""
    columns = [Column("claim · sentence", flexible=True), Column("conf.")]
    return table(
        "Claims",
        [Column("story"), *columns] if with_story else columns,
        (
            (
                *((_story(c),) if with_story else ()),
                _lines(
                    claim_label(c) + (f" ({c['time']})" if c["time"] else ""),
                    evidence(c),
                ),
                f"{c['confidence']:.2f}",
            )
            for c in rows
        ),
        width,
    )
