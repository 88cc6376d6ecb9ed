"""Cuts a story's text into segments, each knowing which facts cover it.

Facts overlap (a quote holds mentions, an event's sentence holds a claim), so the
text is split at every fact boundary and each piece carries the set of facts over
it; the template escapes each piece and wraps it in one span, never nesting markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from newsgraph.results import claim_label

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class Mark:
    """One fact's place in the text: ``ref`` names it in the page's facts (``quote:2``)."""

    kind: str
    ref: str
    start: int
    end: int
    label: str


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(["ann", *sorted({f"ann-{mark.kind}" for mark in self.marks})])

    @property
    def refs(self) -> str:
        return " ".join(mark.ref for mark in self.marks)

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(mark.label for mark in self.marks))


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` split at every mark boundary; marks outside the text are dropped."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in pairwise(cuts):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        pieces.append(Segment(text[start:end], covering))
    return pieces


def _side(side: dict[str, Any] | None) -> str:
    if not side:
        return "—"
    return side.get("name") or side.get("text") or "—"


def story_marks(story: dict[str, Any], mentions: list[dict[str, Any]]) -> list[Mark]:
    """Marks for the actors, quotes, events and claims of a story's canonical text."""
    canonical = story["canonical_article_id"]
    marks = [
        Mark("actor", f"mention:{i}", m["start"], m["end"], f"{m['name']} ({m['type']})")
        for i, m in enumerate(mentions)
    ]
    for i, quote in enumerate(story["quotes"]):
        if quote["article_id"] == canonical:
            speaker = quote["speaker"] or quote["speaker_text"] or "unattributed"
            marks.append(
                Mark("quote", f"quote:{i}", quote["start"], quote["end"], f"said by {speaker}")
            )
    for i, event in enumerate(story["events"]):
        if event["article_id"] == canonical:
            label = f"{_side(event['source'])} → {event['verb']} → {_side(event['target'])}"
            label += f" (CAMEO {event['cameo']})"
            marks.append(Mark("event", f"event:{i}", event["start"], event["end"], label))
    for i, claim in enumerate(story["claims"]):
        if claim["article_id"] == canonical:
            label = claim_label(claim)
            marks.append(Mark("claim", f"claim:{i}", claim["start"], claim["end"], label))
    return marks
