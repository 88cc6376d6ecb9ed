"""Long texts cut at natural boundaries, into pieces that join back into the text.

Used to annotate a long article in bounded pieces (``nlp``) and to cut an article
past the length newsgraph reads at all (``read``): a cut falls at the end of a
paragraph where one is near, so no sentence is split where it can be helped.
"""

from __future__ import annotations

import re

# Where a text may be cut, best first: the end of a paragraph, of a line, of a
# sentence, of a word.
_PIECE_ENDS = (
    re.compile(r"\n\s*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?]\s+"),
    re.compile(r"\s+"),
)


def text_pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back to it.

    Each cut falls after the last paragraph break before the limit, else the last
    line break, sentence end or space; only a run of ``limit`` characters with none
    of these is cut mid-word.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = next(
            (
                match.end()
                for pattern in _PIECE_ENDS
                for match in (_last_match(pattern, window),)
                if match and match.end() > limit // 2
            ),
            limit,
        )
        pieces.append(text[start : start + end])
        start += end
    pieces.append(text[start:])
    return pieces


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last non-overlapping match of ``pattern`` in ``text``."""
    last = None
    for last in pattern.finditer(text):  # noqa: B007 - the loop keeps the last match
        pass
    return last


def cut_text(text: str, limit: int) -> str:
    """The start of ``text``, at most ``limit`` characters, cut at the best boundary."""
    return text if len(text) <= limit else text_pieces(text[: limit + 1], limit)[0]
