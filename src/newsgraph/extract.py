"""Web page to article: the body text, figure captions and metadata of one HTML page.

trafilatura finds the article body (its fast pass first, its fallback
extractors only where that finds little), htmldate the publication date; publisher,
author, canonical URL and title come from the page's own metadata (JSON-LD, then
OpenGraph, then plain HTML), and the language from py3langid on the extracted
text. The page is parsed once and that tree serves every step. What counts as
page furniture in the text (credits, "Source:" lines) is left to ``clean``, which
applies the same rules to every source. Options live in data/extract/extract.toml.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urljoin

import htmldate
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from newsgraph.clutter import ClutterRules, drop_repeated_link_cards
from newsgraph.language import identify_language
from newsgraph.publisher import page_publisher
from newsgraph.split_body import SplitBodyRules, join_split_body
from newsgraph.untrusted import BadJSON, parse_json

RULES_FILE = files("newsgraph") / "data" / "extract" / "extract.toml"
_SPACES = re.compile(r"\s+")
_LANGUAGE_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]|$)", re.IGNORECASE)

# trafilatura and htmldate log every page they find nothing in; newsgraph reports
# such pages itself, once, as skipped.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class NotAnArticle(ValueError):
    """The page holds no article text (an index page, an error page, not HTML at all)."""


@dataclass(frozen=True)
class ExtractionRules:
    """The compiled settings of data/extract/extract.toml (see that file for each)."""

    trafilatura_options: dict[str, bool]
    retry_below_chars: int
    extensive_date_search: bool
    article_types: frozenset[str]
    clutter: ClutterRules
    split_body: SplitBodyRules

    @classmethod
    def load(cls) -> ExtractionRules:
        data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
        return cls(
            trafilatura_options=dict(data["trafilatura"]),
            retry_below_chars=data["fallback"]["retry_below_chars"],
            extensive_date_search=data["dates"]["extensive_search"],
            article_types=frozenset(data["metadata"]["article_types"]),
            clutter=ClutterRules(**data["clutter"]),
            split_body=SplitBodyRules(
                data["split_body"]["min_part_chars"],
                data["split_body"]["min_paragraph_chars"],
                re.compile(data["split_body"]["body_class"]),
            ),
        )


@cache
def default_rules() -> ExtractionRules:
    return ExtractionRules.load()


@dataclass(frozen=True)
class ExtractedPage:
    """The article on a web page: paragraphs joined by blank lines, captions apart."""

    text: str
    captions: tuple[str, ...] = ()
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    declared_language: str | None = field(default=None, repr=False)


def extract_page(
    html: bytes | str, url: str | None = None, rules: ExtractionRules | None = None
) -> ExtractedPage:
    """Extract the article of one page; raises ``NotAnArticle`` when there is none.

    ``url`` is where the page was found; the page's canonical URL wins over it.
    """
    rules = rules or default_rules()
    tree = load_html(html)
    if tree is None:
        raise NotAnArticle("not an HTML page")
    metadata = _page_metadata(tree, rules)
    captions = _captions(tree)
    published = htmldate.find_date(
        tree, extensive_search=rules.extensive_date_search, original_date=True, url=url
    )
    drop_repeated_link_cards(tree, rules.clutter)
    fast = True
    lines = _body_lines(tree, url, rules, fast)
    if sum(map(len, lines)) < rules.retry_below_chars:
        fast = False
        lines = _body_lines(tree, url, rules, fast)
    if join_split_body(tree, lines, rules.split_body):
        lines = _body_lines(tree, url, rules, fast)
    title = metadata.get("title")
    while lines and title and lines[0].casefold() == title.casefold():
        lines.pop(0)  # the headline, repeated at the top of the body
    if not lines:
        raise NotAnArticle("no article text found on the page")
    text = "\n\n".join(lines)
    declared = metadata.get("language")
    canonical = metadata.get("url")
    url = urljoin(url or "", canonical) if canonical else url
    return ExtractedPage(
        text=text,
        captions=tuple(captions),
        title=title,
        published=published,
        publisher=page_publisher(
            metadata.get("publisher"),
            [metadata[key] for key in ("og:site_name", "application-name") if key in metadata],
            metadata.get("page_title"),
            url,
        ),
        author=metadata.get("author"),
        url=url,
        language=identify_language(text, declared),
        declared_language=declared,
    )


def _body_lines(
    tree: HtmlElement, url: str | None, rules: ExtractionRules, fast: bool
) -> list[str]:
    """The article's paragraphs as trafilatura finds them; ``fast`` skips its fallbacks."""
    extracted = bare_extraction(tree, url=url, fast=fast, **rules.trafilatura_options)
    lines = (_normalise(line) for line in (extracted.text if extracted else "").split("\n"))
    return [line for line in lines if line]


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _language_code(tag: Any) -> str | None:
    """'en-GB', 'en_US', 'EN' → 'en'."""
    if not isinstance(tag, str):
        return None
    match = _LANGUAGE_TAG.match(tag.strip())
    return match.group(1).lower() if match else None


def _captions(tree: HtmlElement) -> list[str]:
    """Figure captions of the article (of the whole page when it marks no article)."""
    scope = "//article//figcaption" if tree.xpath("//article//figcaption") else "//figcaption"
    captions: list[str] = []
    for element in tree.xpath(scope):
        caption = _normalise(" ".join(element.itertext()))
        if caption and caption not in captions:
            captions.append(caption)
    return captions


def _page_metadata(tree: HtmlElement, rules: ExtractionRules) -> dict[str, str]:
    """Title, JSON-LD publisher, site names, author, canonical URL and declared language,
    best source first."""
    found: dict[str, str] = {}

    def offer(key: str, value: Any) -> None:
        if isinstance(value, str) and (text := _normalise(value)) and key not in found:
            found[key] = text

    scripts = _json_ld_scripts(tree)
    named = _json_ld_names(scripts)
    for item in _json_ld_articles(scripts, rules.article_types):
        offer("title", item.get("headline"))
        offer(
            "publisher", _name_of(item.get("publisher")) or named.get(_id_of(item.get("publisher")))
        )
        offer("author", _names_of(item.get("author")))
        offer("url", item.get("url") or _name_of(item.get("mainEntityOfPage"), "@id"))
        offer("language", _language_code(item.get("inLanguage")))
    meta = _meta_properties(tree)
    offer("title", meta.get("og:title"))
    offer("og:site_name", meta.get("og:site_name"))
    offer("application-name", meta.get("application-name"))
    offer("page_title", _first(tree.xpath("//title/text()")))
    author = meta.get("author") or meta.get("article:author")
    if author and not author.startswith(("http://", "https://")):
        offer("author", author)
    offer("url", _first(tree.xpath("//link[@rel='canonical']/@href")) or meta.get("og:url"))
    offer("language", _language_code(_first(tree.xpath("/html/@lang"))))
    offer("language", _language_code(meta.get("og:locale")))
    offer("title", _first(tree.xpath("//h1//text()")))
    offer("title", _first(tree.xpath("//title/text()")))
    return found


def _first(values: list[Any]) -> Any:
    return values[0] if values else None


def _meta_properties(tree: HtmlElement) -> dict[str, str]:
    """<meta property|name=… content=…> pairs, first occurrence of each name kept."""
    properties: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        name = (element.get("property") or element.get("name") or "").strip().lower()
        if name and name not in properties:
            properties[name] = element.get("content", "")
    return properties


def _json_ld_scripts(tree: HtmlElement) -> list[Any]:
    """The parsed JSON-LD scripts of the page; bad JSON ignored."""
    parsed = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            parsed.append(parse_json(script))
        except BadJSON:
            continue
    return parsed


def _json_ld_articles(scripts: list[Any], article_types: frozenset[str]) -> Iterator[dict]:
    """JSON-LD objects of an article type, articles first, then web pages."""
    objects: list[dict] = []
    for data in scripts:
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                declared = item.get("@type")
                named = declared if isinstance(declared, list) else [declared]
                types = {name for name in named if isinstance(name, str)}
                if types & article_types:
                    objects.append(item)
                stack.extend(reversed(item.get("@graph") or []))
    objects.sort(key=lambda item: item.get("@type") == "WebPage")
    yield from objects


def _json_ld_names(scripts: list[Any]) -> dict[str, str]:
    """@id -> name of every named JSON-LD node: a publisher given as {"@id": …} only."""
    names: dict[str, str] = {}
    for data in scripts:
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                node_id, name = item.get("@id"), item.get("name")
                if isinstance(node_id, str) and isinstance(name, str):
                    names.setdefault(node_id, name)
                stack.extend(value for value in item.values() if isinstance(value, dict | list))
    return names


def _id_of(value: Any) -> str:
    """The @id of a JSON-LD reference ({"@id": …}), or of the first of a list."""
    if isinstance(value, list) and value:
        value = value[0]
    node_id = value.get("@id") if isinstance(value, dict) else None
    return node_id if isinstance(node_id, str) else ""


def _name_of(value: Any, key: str = "name") -> str | None:
    """A schema.org reference's name: a string, or an object's ``name`` (or other key)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get(key)
        return name if isinstance(name, str) else None
    if isinstance(value, list) and value:
        return _name_of(value[0], key)
    return None


def _names_of(value: Any) -> str | None:
    """Every author's name, joined: schema.org allows one or a list."""
    values = value if isinstance(value, list) else [value]
    names = [name for name in map(_name_of, values) if name]
    return ", ".join(dict.fromkeys(names)) or None
