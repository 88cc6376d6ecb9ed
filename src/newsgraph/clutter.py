"""Site clutter inside an article's paragraphs, taken out of the page before extraction.

Some sites put a hover card of related links right after a linked name, inside
the sentence: "Rep. <a>Ilhan Omar</a><span><a>Ilhan Omar</a><a>Hillicon Valley:
…</a></span> …". Text extraction then glues the card into the sentence ("Rep. Ilhan
OmarIlhan OmarHillicon Valley: …"). The sign is general: an element made of links
that starts with the very words glued right before it, or with a link to the same
address as the link glued right before it (the card may give the full name: "Jane
Roe" + "Jane Q. Roe · …"). Such an element is dropped, keeping the text after it.
Thresholds live in data/extract/extract.toml.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement


@dataclass(frozen=True)
class ClutterRules:
    """When a repeat inside a paragraph is a card of links (see extract.toml [clutter])."""

    min_repeat_chars: int
    min_link_share: float


def drop_repeated_link_cards(tree: HtmlElement, rules: ClutterRules) -> int:
    """Drop link cards that repeat the words glued before them; how many were dropped."""
    cards = [
        element for element in tree.xpath("//p//*[self::a or .//a]") if _is_card(element, rules)
    ]
    for card in cards:
        card.drop_tree()  # keeps the card's tail: the sentence goes on
    return len(cards)


def _is_card(element: HtmlElement, rules: ClutterRules) -> bool:
    first_link = element if element.tag == "a" else element.find(".//a")
    if first_link is None:
        return False
    repeat = first_link.text_content().strip()
    if len(repeat) < rules.min_repeat_chars:
        return False
    text = element.text_content().strip()
    if not text.startswith(repeat):
        return False
    if not _before(element).endswith(repeat) and not _same_address(element, first_link):
        return False
    if element.tag == "a":
        return True  # a link that only repeats what it is glued to
    link_chars = sum(len(link.text_content().strip()) for link in element.iter("a"))
    return link_chars >= rules.min_link_share * len(text)


def _same_address(element: HtmlElement, first_link: HtmlElement) -> bool:
    """Whether ``element`` follows right on a link to the address its first link has
    ("<a href=/people/x>Jane Roe</a><span><a href=/people/x>Jane Q. Roe</a>…")."""
    previous = element.getprevious()
    href = first_link.get("href")
    return (
        previous is not None
        and previous.tag == "a"
        and not (previous.tail or "").strip()
        and bool(href)
        and previous.get("href") == href
    )


def _before(element: HtmlElement) -> str:
    """The text right before ``element`` in its parent: the previous sibling's tail, or
    the previous sibling itself when nothing comes between, or the parent's own text."""
    previous = element.getprevious()
    if previous is None:
        parent = element.getparent()
        return (parent.text or "") if parent is not None else ""
    if previous.tail:
        return previous.tail
    return previous.text_content()
