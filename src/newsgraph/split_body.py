"""An article body that the page splits into several containers, joined into one.

Some sites cut the article into parts with an advertisement or a side column
between them, and repeat the body's container for each part: two or more
``<div class="… article__body …">`` one after the other, each with paragraphs of
its own. trafilatura takes the first container a body rule matches and stops, so
the article ends at the first advertisement. The sign that containers are parts of
one body is general: the same tag and class, none inside another, each holding
paragraphs of its own, and the extracted body holding one of them but missing
another. Then all parts are moved into the first and the page is read again.
Thresholds live in data/extract/extract.toml ([split_body]).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from lxml.html import HtmlElement

_SPACES = re.compile(r"\s+")
_CONTAINER_TAGS = ("div", "section", "article")


@dataclass(frozen=True)
class SplitBodyRules:
    """When containers of the same class are parts of one body (extract.toml [split_body])."""

    min_part_chars: int
    min_paragraph_chars: int
    body_class: re.Pattern[str]


def split_body_parts(tree: HtmlElement, rules: SplitBodyRules) -> list[list[HtmlElement]]:
    """Groups of two or more containers with the same tag and class, none inside another,
    each with at least ``min_part_chars`` of text in paragraphs of its own."""
    by_class: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
    for element in tree.iter(*_CONTAINER_TAGS):
        name = element.get("class")
        if name and rules.body_class.search(name) and element.find("p") is not None:
            by_class[(element.tag, " ".join(name.split()))].append(element)
    groups = []
    for members in by_class.values():
        if len(members) < 2 or _nested(members):
            continue
        parts = [m for m in members if sum(map(len, _paragraphs(m))) >= rules.min_part_chars]
        if len(parts) >= 2:
            groups.append(parts)
    return groups


def join_split_body(tree: HtmlElement, body: Iterable[str], rules: SplitBodyRules) -> bool:
    """Move the parts of a split body into its first part, where ``body`` (the extracted
    paragraphs) holds some parts and misses others; whether the tree changed."""
    text = _SPACES.sub(" ", " ".join(body))
    joined = False
    for parts in split_body_parts(tree, rules):
        found = [_found_in(part, text, rules) for part in parts]
        if any(found) and not all(found):
            first = parts[0]
            for part in parts[1:]:
                first.extend(list(part))  # moves the children, in page order
                part.drop_tree()
            joined = True
    return joined


def _paragraphs(element: HtmlElement) -> list[str]:
    """The normalised text of the element's own <p> children."""
    texts = (_SPACES.sub(" ", p.text_content()).strip() for p in element.iterchildren("p"))
    return [text for text in texts if text]


def _found_in(part: HtmlElement, text: str, rules: SplitBodyRules) -> bool:
    """Whether most of the part's longer paragraphs are in the extracted text."""
    paragraphs = [p for p in _paragraphs(part) if len(p) >= rules.min_paragraph_chars]
    return bool(paragraphs) and 2 * sum(p in text for p in paragraphs) >= len(paragraphs)


def _nested(members: list[HtmlElement]) -> bool:
    """Whether any member lies inside another."""
    chosen = set(members)
    return any(ancestor in chosen for m in members for ancestor in m.iterancestors())
