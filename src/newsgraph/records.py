"""Typed records passed between pipeline stages: the only vocabulary the stages share.

Data flows one way:
RawDocument (read) -> Article (clean) -> Story (stories) -> spaCy Doc (nlp)
-> Mention/Actor (actors) -> Quote/Event/Claim (quotes, events, claims) -> store.

Every fact carries the id of the article it was found in and character offsets
into that article's ``text`` (standfirst, body paragraphs and captions joined by a
blank line; ``Article.part_at`` tells which),
so any fact can be traced back to the exact sentence it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from newsgraph.language import count_words

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class RawDocument:
    """One article as read from its source, before any cleaning.

    ``source_ref`` says where it came from so that a user can map results back to
    inputs: the record's ``id``, else its URL, else ``path`` or ``path:line``.
    ``published`` is an ISO date string (YYYY-MM-DD) when the source gave one.
    ``captions`` are captions the source marked as such (an HTML page's figure
    captions), so cleaning need not guess them from the text.
    ``origin`` is where in its input the document was read (``path:line``,
    ``path#n``) when ``source_ref`` is an id or URL, so the summary can name both.
    ``language`` is an ISO 639-1 code where the reader identified it (an HTML page's),
    else None.
    """

    source_ref: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    captions: tuple[str, ...] = ()
    origin: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, with a one-line reason for the summary.

    ``count`` is above 1 for a line that stands for many records of one file.
    """

    source_ref: str
    reason: str
    count: int = 1


@dataclass(frozen=True)
class Section:
    """A section heading inside an article and the index of the paragraph it opens."""

    title: str
    paragraph_index: int


@dataclass
class Article:
    """A cleaned article: body paragraphs without captions, credits or source lines.

    ``tone`` is GDELT-style average tone of its ``text`` (``newsgraph.tone``);
    ``language`` the ISO 639-1 code of its text (``newsgraph.language``).
    """

    id: str
    source_ref: str
    paragraphs: list[str]
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    standfirst: str | None = None
    author: str | None = None
    captions: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tone: float | None = None
    language: str | None = None

    @property
    def body(self) -> str:
        """The clean body: paragraphs only, no standfirst, captions or headings."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def parts(self) -> list[tuple[str, str]]:
        """(part, text) pieces of ``text`` in order: standfirst, body paragraphs, captions."""
        pieces = [("standfirst", self.standfirst)] if self.standfirst else []
        pieces += [("body", p) for p in self.paragraphs]
        pieces += [("caption", c) for c in self.captions]
        return pieces

    @property
    def text(self) -> str:
        """Everything the NLP reads; all fact offsets point into this string.

        Standfirst, then body paragraphs, then captions, joined by a blank line:
        captions carry facts too (who protested where), but never enter ``body``.
        """
        return PARAGRAPH_SEPARATOR.join(piece for _, piece in self.parts())

    def part_at(self, offset: int) -> str:
        """Which part of the article (standfirst, body, caption) ``offset`` falls in."""
        position = 0
        for part, piece in self.parts():
            position += len(piece)
            if offset < position:
                return part
            position += len(PARAGRAPH_SEPARATOR)
        return "body"

    @property
    def word_count(self) -> int:
        """Body words; a character of Chinese, Japanese or Thai counts as one."""
        return sum(count_words(p) for p in self.paragraphs)


def content_id(text: str) -> str:
    """A stable id for a piece of content, so that ingesting it twice is a no-op."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass
class Story:
    """One story: every version of an article, with metadata merged across versions.

    The canonical version is the most complete one; NLP runs on it alone.
    ``id`` is the id of the first article that opened the story.
    """

    id: str
    versions: list[Article]
    canonical_id: str
    published: str | None = None
    publisher: str | None = None
    title: str | None = None

    @property
    def canonical(self) -> Article:
        return next(a for a in self.versions if a.id == self.canonical_id)


@dataclass(frozen=True)
class Span:
    """Where a fact sits: an article and character offsets into its ``text``."""

    article_id: str
    start: int
    end: int


@dataclass
class Actor:
    """Someone or something that acts in the news.

    ``key`` is stable across articles: the ISO alpha-3 code for a country
    (``RUS``), ``person:<slug>`` for a person, ``org:<slug>`` for an organisation,
    ``group:<slug>`` for an unnamed collective such as protesters.
    ``type`` is one of country, person, organisation, group, programme.
    ``code`` is the CAMEO-style actor code (``RUS``, ``RUSGOV``, ``IGOCSTO``…).
    ``confidence`` (0-1) is how far the type and identity can be trusted, from the
    resolver's evidence (``actors/confidence.py``).
    """

    key: str
    name: str
    type: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    confidence: float = 1.0


@dataclass(frozen=True)
class Mention:
    """A piece of text that refers to an actor."""

    span: Span
    text: str
    actor_key: str


@dataclass
class Quote:
    """A direct quotation with the actor who said it.

    ``speaker_key`` is None when the quote has no attributable speaker;
    ``speaker_text`` keeps the words of the attribution either way
    (``a senior official``). ``partial`` marks a fragment embedded in the
    reporter's own sentence. ``speaker_unnamed`` marks a speaker the text only
    describes ("a spokeswoman for the ministry", "the commission"), given in
    ``speaker_text``; ``confidence`` (0 to 1) says how surely the speaker was found
    (a named subject of a cue above a pronoun, a carried-on speaker, no cue at all).
    """

    span: Span
    text: str
    speaker_key: str | None
    speaker_text: str | None
    cue: str | None
    addressee_key: str | None = None
    via: str | None = None
    partial: bool = False
    sentence: Span | None = None
    speaker_unnamed: bool = False
    confidence: float | None = None

    @property
    def same_key(self) -> str:
        """What makes two quotes one: the same speaker and the same words (case,
        quotation marks and spacing aside), so reports of it in several articles count once."""
        words = "".join(c for c in self.text.casefold() if c.isalnum() or c.isspace())
        return f"{self.speaker_key or ''}|{' '.join(words.split())}"


@dataclass
class ActorRef:
    """One side of an event: the actor, or a described group with its code."""

    text: str
    actor_key: str | None
    code: str | None = None
    sector: str | None = None
    # The country in ``code`` was assumed, not stated: an unplaced organisation or group
    # taken as domestic, a private person given the article's country.
    assumed: bool = False


@dataclass(frozen=True)
class Place:
    """Where something is, as the gazetteer (``geo``) knows it.

    ``type`` is ``country`` or ``city``; ``country`` is the ISO alpha-3 code of the
    country the place is in (or is); ``name`` is the gazetteer's name for it.
    """

    name: str
    latitude: float
    longitude: float
    type: str
    country: str


@dataclass
class Event:
    """Who did what to whom: coded in CAMEO and PLOVER, with the sentence behind it.

    ``location`` is the place named in the sentence, as written; ``place`` is where
    the gazetteer put it, when it knows it.
    """

    span: Span
    sentence: Span
    source: ActorRef
    target: ActorRef | None
    cameo: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    verb: str
    date: str | None = None
    location: str | None = None
    negated: bool = False
    place: Place | None = None
    # How far the coding can be trusted, 0-1, from how its code and both sides were found
    # (events/confidence.py); listings show confident events by default.
    confidence: float = 1.0
    # How the coder found it (events/confidence.py Basis: "verb coded named"): why the
    # confidence is what it is.
    basis: str | None = None

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    @property
    def same_key(self) -> str:
        """What makes two events one: the same source, target and CAMEO code, so
        reports of it in several articles count once (an actor, else its code, else its words)."""
        sides = [
            (side.actor_key or side.code or " ".join(side.text.casefold().split())) if side else ""
            for side in (self.source, self.target)
        ]
        return f"{sides[0]}|{sides[1]}|{self.cameo}"


@dataclass
class Claim:
    """A number the text states, with what it measures and when."""

    span: Span
    sentence: Span
    subject: str
    value: str
    number: float | None
    unit: str | None
    time: str | None = None
    # How far it is a figure an analyst can use, 0-1, from what it measures, how its
    # subject was found and whether a source is named (claims/confidence.py); listings
    # show confident claims by default.
    confidence: float = 1.0
    # Whose figure it is, as the text names it ("China" for "China's growth rate", the
    # subject of "won 221 delegates"); None when the parse does not say (claims/holders.py).
    holder: str | None = None


@dataclass(frozen=True)
class FactMention:
    """Another article of the story that reports a quote or event of its canonical article.

    ``kind`` is ``quote`` or ``event`` and ``index`` the fact's place in its
    ``StoryFacts`` list; ``span`` and ``sentence`` point into that other article.
    """

    kind: str
    index: int
    span: Span
    sentence: Span | None = None


@dataclass(frozen=True)
class SameStoryPlacement:
    """Level 2: the same-story group a story joined, by which profile, and what moved.

    ``profile`` is the JSON of the features it was placed by (so the grouping can be
    continued in a later run); ``regrouped`` are (story id, group id) of other
    stories whose group changed as the newcomer was clustered with them.
    """

    group_id: str
    profile: str
    regrouped: tuple[tuple[str, str], ...] = ()


@dataclass
class StoryFacts:
    """Everything extracted from a story's canonical article.

    ``fact_mentions`` are the other versions that repeat a quote's or event's sentence.
    """

    story_id: str
    article_id: str
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    fact_mentions: list[FactMention] = field(default_factory=list)

    def referenced_actors(self) -> set[str]:
        """The actors a quote or event refers to (a speaker, an addressee, an event's
        side): shown whatever their confidence, as the fact's own answers for them."""
        keys = {ref.actor_key for e in self.events for ref in (e.source, e.target) if ref}
        keys |= {key for q in self.quotes for key in (q.speaker_key, q.addressee_key)}
        return {key for key in keys if key}
