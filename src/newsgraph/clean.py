"""Stage 2, clean: a RawDocument's page text becomes an Article's paragraphs.

Raw page text carries furniture that must not reach the body: photo captions
(often twice, the second time with a credit), credits, "Source: ..." lines, section
headings and a standfirst. Each goes where it belongs (captions, publisher,
sections, standfirst) so the NLP still reads captions and standfirst while the body
stays the article itself. The patterns and word lists live in data/clean/rules.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from newsgraph.language import count_words, identify_language
from newsgraph.records import Article, RawDocument, Section, content_id

RULES_FILE = files("newsgraph") / "data" / "clean" / "rules.toml"
# Fewer words than this after cleaning is not an article (a credit, a heading, a stub).
MIN_ARTICLE_WORDS = 5
_BLOCK_SEPARATOR = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SPACE_RUN = re.compile(r"[ \t]+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")
_SENTENCE_END = re.compile(r"(?P<word>[^\s.!?…]*(?:\.[^\s.!?…]+)*)[.!?…]+[\"”’')\]]*\s+")
_OPENING_QUOTES = tuple("\"“‘'«„")


class EmptyArticle(ValueError):
    """Nothing of an article is left once page furniture has been removed."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation matching any phrase, longest first so 'AP Archive' beats 'AP'."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


@dataclass(frozen=True)
class CleaningRules:
    """The compiled rules of data/clean/rules.toml (see that file for what each means)."""

    space_table: dict[int, str | None]
    credit_in_parentheses: re.Pattern[str]
    labelled_credit: re.Pattern[str]
    agency_credit: re.Pattern[str]
    credit_opener: re.Pattern[str]
    agency_name: re.Pattern[str]
    agencies_only: re.Pattern[str]
    credit_max_words: int
    labelled_credit_max_words: int
    source_line: re.Pattern[str]
    source_max_words: int
    boilerplate_lines: frozenset[str]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    closing_promotions: tuple[re.Pattern[str], ...]
    promotion_max_words: int
    heading_max_words: int
    heading_terminal_punctuation: tuple[str, ...]
    not_heading: tuple[re.Pattern[str], ...]
    standfirst_min_paragraphs: int
    standfirst_max_words: int
    lede_signs: tuple[re.Pattern[str], ...]
    max_one_sentence_share: float
    abbreviations: frozenset[str]

    @classmethod
    def from_toml(cls, path: Path) -> CleaningRules:
        """Compile the rules in a TOML file laid out like data/clean/rules.toml."""
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        spaces, credits = data["spaces"], data["credits"]
        agencies = _alternation(credits["agencies"])
        openers = _alternation(credits["credit_openers"])
        after_sentence = r"(?:^|(?<=[.!?\"”’]))\s*"
        standfirst = data["standfirst"]
        return cls(
            space_table={
                **{ord(c): " " for c in spaces["space_like"]},
                **{ord(c): None for c in spaces["invisible"]},
            },
            credit_in_parentheses=re.compile(r"\s*\((?P<credit>[^()]{1,250})\)\s*$"),
            labelled_credit=re.compile(
                rf"{after_sentence}(?P<credit>(?i:{openers})\s*:\s*[^.!?]{{1,150}})$"
            ),
            agency_credit=re.compile(
                rf"{after_sentence}(?P<credit>(?:[A-Z][\w'’.-]*,?\s+){{0,5}}?"
                rf"(?:[A-Z][\w'’.-]*\s*/\s*)?(?:{agencies}))\s*$"
            ),
            credit_opener=re.compile(rf"(?i:{openers})\b"),
            agency_name=re.compile(rf"(?<!\w)(?:{agencies})(?!\w)"),
            agencies_only=re.compile(rf"(?:{agencies})(?:\s*(?:[,/&]|and|via)\s*(?:{agencies}))*"),
            credit_max_words=credits["max_words"],
            labelled_credit_max_words=credits["max_labelled_words"],
            source_line=re.compile(
                rf"^(?i:{_alternation(data['source_line']['labels'])})\s*:\s*(?P<value>.+?)[.\s]*$"
            ),
            source_max_words=data["source_line"]["max_words"],
            boilerplate_lines=frozenset(line.casefold() for line in data["boilerplate"]["lines"]),
            boilerplate_patterns=tuple(map(re.compile, data["boilerplate"]["line_patterns"])),
            closing_promotions=tuple(map(re.compile, data["promotions"]["patterns"])),
            promotion_max_words=data["promotions"]["max_words"],
            heading_max_words=data["headings"]["max_words"],
            heading_terminal_punctuation=tuple(data["headings"]["terminal_punctuation"]),
            not_heading=tuple(map(re.compile, data["headings"]["not_heading_patterns"])),
            standfirst_min_paragraphs=standfirst["min_paragraphs"],
            standfirst_max_words=standfirst["max_words"],
            lede_signs=(
                re.compile(rf"\b(?:{_alternation(standfirst['lede_words'])})\b", re.IGNORECASE),
                *(re.compile(pattern) for pattern in standfirst["lede_patterns"]),
            ),
            max_one_sentence_share=standfirst["max_one_sentence_share"],
            abbreviations=frozenset(data["sentences"]["abbreviations"]),
        )

    def normalise_spaces(self, line: str) -> str:
        """One plain space between words: no-break and other Unicode spaces count as spaces."""
        if not line.isascii():  # every special space is beyond ASCII; translate is slow
            line = line.translate(self.space_table)
        return _SPACE_RUN.sub(" ", line).strip()

    def split_credit(self, line: str) -> tuple[str, str | None]:
        """(line without a trailing photo or wire credit, the credit or None)."""
        in_parentheses = self.credit_in_parentheses.search(line)
        if in_parentheses and self._is_parenthesised_credit(in_parentheses.group("credit")):
            return line[: in_parentheses.start()].strip(), in_parentheses.group("credit")
        for pattern in (self.labelled_credit, self.agency_credit):
            match = pattern.search(line)
            if match and len(match.group("credit").split()) <= self.credit_max_words:
                return line[: match.start()].strip(), match.group("credit")
        return line, None

    def _is_parenthesised_credit(self, credit: str) -> bool:
        """'(Name / Agency)', '(AP Photo/Name)', '(Getty Images)', '(Reporting by ...)'."""
        credit = credit.strip()
        if self.credit_opener.match(credit):
            return len(credit.split()) <= self.labelled_credit_max_words
        if self.agencies_only.fullmatch(credit):
            return True
        return (
            "/" in credit
            and len(credit.split()) <= self.credit_max_words
            and self.agency_name.search(credit) is not None
        )

    def source_value(self, line: str) -> str | None:
        """The publisher named by a 'Source: TRT World' line, or None for any other line."""
        match = self.source_line.match(line)
        if match and len(match.group("value").split()) <= self.source_max_words:
            return match.group("value")
        return None

    def is_boilerplate(self, line: str) -> bool:
        """Whether a whole line is page furniture ('Advertisement', 'Read more', a
        'SEE MORE: …' link to another story, a '[VIDEO]' tag)."""
        return line.casefold() in self.boilerplate_lines or any(
            pattern.match(line) for pattern in self.boilerplate_patterns
        )

    def is_promotion(self, paragraph: str) -> bool:
        """Whether a short paragraph asks the reader to subscribe, follow or listen."""
        return len(paragraph.split()) <= self.promotion_max_words and any(
            pattern.search(paragraph) for pattern in self.closing_promotions
        )

    def looks_like_heading(self, paragraph: str) -> bool:
        """Short, capitalised and without sentence-final punctuation: shaped like a heading."""
        return (
            len(paragraph.split()) <= self.heading_max_words
            and (paragraph[0].isupper() or paragraph[0].isdigit())
            and not paragraph.endswith(self.heading_terminal_punctuation)
            and not any(pattern.search(paragraph) for pattern in self.not_heading)
        )

    def sentence_count(self, paragraph: str) -> int:
        """Sentences in a paragraph, not fooled by 'Mr.', 'U.S.' or initials."""
        count = 1
        for match in _SENTENCE_END.finditer(paragraph):
            following = paragraph[match.end() : match.end() + 2].lstrip("\"“‘'(")
            word = match.group("word").lstrip("\"“‘'(")
            if not following or not (following[0].isupper() or following[0].isdigit()):
                continue
            if word in self.abbreviations or (len(word) == 1 and word.isupper()):
                continue
            count += 1
        return count

    def looks_like_lede(self, sentence: str) -> bool:
        """Whether a sentence reports news (attribution, dates, figures, dateline)."""
        return any(sign.search(sentence) for sign in self.lede_signs)


@cache
def default_rules() -> CleaningRules:
    """The packaged rules, compiled once per process."""
    return CleaningRules.from_toml(Path(str(RULES_FILE)))


def normalise_caption(caption: str) -> str:
    """A caption as a reader would write it: no space before punctuation."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", caption).strip()


def clean_document(doc: RawDocument, rules: CleaningRules | None = None) -> Article:
    """Clean one raw document into an Article; raises EmptyArticle when nothing is left."""
    rules = rules or default_rules()
    paragraphs, captions, source_publisher = _split_furniture(doc.text, rules)
    while paragraphs and rules.is_promotion(paragraphs[-1]):
        paragraphs.pop()  # the site's own promotions close the page, after the article
    _take_marked_captions(doc.captions, paragraphs, captions, rules)
    heading_at = _heading_positions(paragraphs, rules)
    standfirst = _standfirst(paragraphs, heading_at, rules)
    first_body = 1 if standfirst else 0
    body: list[str] = []
    sections: list[Section] = []
    for index in range(first_body, len(paragraphs)):
        if index in heading_at:
            sections.append(Section(paragraphs[index], len(body)))
        else:
            body.append(paragraphs[index])
    words = sum(map(count_words, body)) + count_words(standfirst or "")
    if not body or words < MIN_ARTICLE_WORDS:
        raise EmptyArticle("no article text after cleaning")
    return Article(
        id=content_id(doc.text),
        source_ref=doc.source_ref,
        paragraphs=body,
        title=doc.title,
        published=doc.published,
        publisher=doc.publisher or source_publisher,
        url=doc.url,
        standfirst=standfirst,
        author=doc.author,
        captions=captions,
        sections=sections,
        language=doc.language or identify_language(doc.text),
    )


def _split_furniture(text: str, rules: CleaningRules) -> tuple[list[str], list[str], str | None]:
    """(paragraphs, captions, publisher from a source line) of raw page text.

    Works line by line inside blank-line blocks, because a page repeats a caption on
    consecutive lines: first bare, then with its credit; both leave the body.
    """
    paragraphs: list[str] = []
    captions: list[str] = []
    publisher: str | None = None
    for block in _BLOCK_SEPARATOR.split(text.strip()):
        kept: list[str] = []
        for line in (rules.normalise_spaces(raw) for raw in block.split("\n")):
            if not line or rules.is_boilerplate(line):
                continue
            source = rules.source_value(line)
            if source:
                publisher = source
                continue
            rest, credit = rules.split_credit(line)
            if credit is None:
                kept.append(line)
                continue
            if not rest:
                continue
            caption = normalise_caption(rest)
            earlier = kept if kept else paragraphs
            if earlier and normalise_caption(earlier[-1]) == caption:
                earlier.pop()
            if caption not in captions:
                captions.append(caption)
        paragraph = " ".join(kept)
        if paragraph and (not paragraphs or paragraphs[-1] != paragraph):
            paragraphs.append(paragraph)
    return paragraphs, captions, publisher


def _take_marked_captions(
    marked: Iterable[str], paragraphs: list[str], captions: list[str], rules: CleaningRules
) -> None:
    """Add the captions a source marked (HTML figure captions) the way text captions are.

    The same rules split off the credit; a copy of the caption left in the text
    leaves the body, with or without its credit.
    """
    for raw in marked:
        line = rules.normalise_spaces(raw)
        rest, _credit = rules.split_credit(line)
        if not rest:
            continue
        caption = normalise_caption(rest)
        copies = {caption, normalise_caption(line)}
        paragraphs[:] = [p for p in paragraphs if normalise_caption(p) not in copies]
        if caption not in captions:
            captions.append(caption)


def _heading_positions(paragraphs: Sequence[str], rules: CleaningRules) -> set[int]:
    """Indexes of section headings: heading-shaped paragraphs between normal ones.

    Never the first paragraph; a heading-shaped last paragraph is a heading whose
    section was cut off. Runs of short lines (lists, tables) are not headings.
    """
    shaped = [rules.looks_like_heading(p) for p in paragraphs]
    return {
        index
        for index in range(1, len(paragraphs))
        if shaped[index]
        and not shaped[index - 1]
        and (index == len(paragraphs) - 1 or not shaped[index + 1])
    }


def _standfirst(
    paragraphs: Sequence[str], heading_at: set[int], rules: CleaningRules
) -> str | None:
    """The first paragraph when it is a one-sentence summary above the body, else None.

    News ledes are one-sentence paragraphs too, so the rule is conservative: the
    sentence must not read like news (attribution, dates, figures, dateline), must
    not be repeated in the body, and the body must be written in multi-sentence
    paragraphs, which wire copy (one sentence per paragraph) is not.
    """
    text_paragraphs = [p for i, p in enumerate(paragraphs) if i not in heading_at]
    if len(text_paragraphs) < rules.standfirst_min_paragraphs:
        return None
    first, rest = text_paragraphs[0], text_paragraphs[1:]
    if (
        len(first.split()) > rules.standfirst_max_words
        or first.startswith(_OPENING_QUOTES)
        or not first.endswith(".")
        or rules.sentence_count(first) != 1
        or rules.looks_like_lede(first)
        or any(first in paragraph for paragraph in rest)
    ):
        return None
    one_sentence = sum(rules.sentence_count(p) == 1 for p in rest)
    if one_sentence / len(rest) > rules.max_one_sentence_share:
        return None
    return first
