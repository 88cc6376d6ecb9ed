"""Records for the store and export tests, built by hand from the two seed articles.

The seed files (samples/) are two versions of one TRT World story. The articles
are cut into paragraphs by hand (the page's standfirst, captions, section headings
and credits below), and facts are written by hand; every offset is found by
searching the real text, so each fact points at the words it names.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import EXTRACTION, HAVE_SHARED, SEED_000, SEED_001, SHARED_MISSING
from newsgraph.records import (
    Actor,
    ActorRef,
    Article,
    Claim,
    Event,
    Mention,
    Quote,
    Section,
    Span,
    Story,
    StoryFacts,
    content_id,
)

DATE_HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2}) ")
# The full page's furniture, read off samples/001_daaf3d0a82d16b8c.txt by hand.
CAPTIONS = [
    "Troops are seen at the main square where hundreds of people were protesting against the"
    " government, after authorities' decision to lift price caps on liquefied petroleum gas,"
    " in Almaty, Kazakhstan.",
    "Russian President Vladimir Putin has no tolerance for another colour revolution in"
    " Kazakhstan. He speaks with Kazakh President Kassym-Jomart Tokayev.",
]
SECTIONS = ("Russian interests", "Chinese interests")
# Blocks that are no body text: the two captions with their photo credits, the source line.
NOT_BODY = (CAPTIONS[0][:60], CAPTIONS[1][:60], "Source: TRT World")


def _blocks(text: str) -> list[str]:
    return [block.strip() for block in text.split("\n\n") if block.strip()]


def truncated_version() -> Article:
    """Seed 000: a cleaned, truncated copy whose first line carries a date header."""
    raw = SEED_000.read_text(encoding="utf-8")
    published = DATE_HEADER.match(raw)
    paragraphs = _blocks(DATE_HEADER.sub("", raw))
    return Article(
        id=content_id("\n\n".join(paragraphs)),
        source_ref=SEED_000.name,
        paragraphs=paragraphs,
        published=published[1] if published else None,
    )


def full_version() -> Article:
    """Seed 001: the full page, its first block the standfirst, cut by hand."""
    standfirst, *blocks = _blocks(SEED_001.read_text(encoding="utf-8"))
    paragraphs: list[str] = []
    sections: list[Section] = []
    for block in blocks:
        if block in SECTIONS:
            sections.append(Section(block, len(paragraphs)))
        elif not block.startswith(NOT_BODY):
            paragraphs.append(block)
    return Article(
        id=content_id("\n\n".join(paragraphs)),
        source_ref=SEED_001.name,
        paragraphs=paragraphs,
        title="Why Russia and China are on the same page over Kazakhstan",
        published="2022-01-10",
        publisher="TRT World",
        url="https://www.trtworld.com/opinion/kazakhstan-russia-china",
        standfirst=standfirst,
        captions=CAPTIONS,
        sections=sections,
    )


def seed_story() -> Story:
    """Both seed versions as one story; the full version is canonical."""
    truncated, full = truncated_version(), full_version()
    return Story(
        id=truncated.id,
        versions=[truncated, full],
        canonical_id=full.id,
        published="2022-01-10",
        publisher="TRT World",
        title=full.title,
    )


def signatures_of(story: Story) -> dict[str, bytes]:
    """Stand-in signature bytes per article: the store keeps them opaque."""
    return {a.id: a.id.encode() * 8 for a in story.versions}


def span_of(article: Article, words: str, after: int = 0) -> Span:
    start = article.text.index(words, after)
    return Span(article.id, start, start + len(words))


def paragraph_of(article: Article, words: str) -> Span:
    """The span of the paragraph that holds ``words``: a quote may run over sentences."""
    text = article.text
    position = text.index(words)
    start = text.rfind("\n\n", 0, position) + 2 if "\n\n" in text[:position] else 0
    end = text.find("\n\n", position)
    return Span(article.id, start, len(text) if end == -1 else end)


def mentions_of(article: Article, actors: list[Actor]) -> list[Mention]:
    """Every whole-word occurrence of an actor's name or alias, longest names first."""
    names = sorted(
        ((name, actor.key) for actor in actors for name in (actor.name, *actor.aliases)),
        key=lambda pair: -len(pair[0]),
    )
    taken: set[int] = set()
    mentions = []
    for name, key in names:
        for match in re.finditer(rf"\b{re.escape(name)}\b", article.text):
            covered = range(match.start(), match.end())
            if taken.isdisjoint(covered):
                taken.update(covered)
                mentions.append(Mention(Span(article.id, match.start(), match.end()), name, key))
    return sorted(mentions, key=lambda mention: mention.span.start)


def sentence_of(article: Article, words: str) -> Span:
    """The span of the sentence (ending in . ? ! or a closing quote) that holds ``words``."""
    text = article.text
    position = text.index(words)
    paragraph_start = paragraph_of(article, words).start
    sentence_ends = [m.end() for m in re.finditer(r"[.?!](?=\s)", text[paragraph_start:position])]
    start = paragraph_start + (sentence_ends[-1] + 1 if sentence_ends else 0)
    end = re.compile(r"[.?!][\"”]?(?=\s|$)").search(text, position)
    return Span(article.id, start, end.end() if end else len(text))


PUTIN = Actor(
    key="person:vladimir-putin",
    name="Vladimir Putin",
    type="person",
    code="RUSGOV",
    country="RUS",
    sector="GOV",
    aliases=["Putin"],
    roles=["Russian President"],
)
TOKAYEV = Actor(
    key="person:kassym-jomart-tokayev",
    name="Kassym-Jomart Tokayev",
    type="person",
    code="KAZGOV",
    country="KAZ",
    sector="GOV",
    aliases=["Tokayev"],
    roles=["Kazakh President"],
)
XI = Actor(
    key="person:xi-jinping",
    name="Xi Jinping",
    type="person",
    code="CHNGOV",
    country="CHN",
    sector="GOV",
)
RUSSIA = Actor(key="RUS", name="Russia", type="country", code="RUS", country="RUS")
KAZAKHSTAN = Actor(key="KAZ", name="Kazakhstan", type="country", code="KAZ", country="KAZ")


def seed_facts(story: Story) -> StoryFacts:
    """Facts a careful reader finds in the canonical seed article."""
    article = story.canonical
    text = article.text
    actors = [PUTIN, TOKAYEV, XI, RUSSIA, KAZAKHSTAN]
    mentions = mentions_of(article, actors)
    putin_words = "The measures taken by the CSTO"
    putin_quote = span_of(article, putin_words)
    putin_end = text.index('"', putin_quote.start)
    xi_words = "At a key moment you took resolutely effective measures"
    xi_quote = span_of(article, xi_words)
    xi_end = text.index("”", xi_quote.start)
    kortunov_words = "There will be problems, and they could be solved in different ways"
    sent = "Russia has sent its military forces under the CSTO"
    population = "Kazakh population topped 68 percent in 2020"
    return StoryFacts(
        story_id=story.id,
        article_id=article.id,
        actors=actors,
        mentions=mentions,
        quotes=[
            Quote(
                span=Span(article.id, putin_quote.start, putin_end),
                text=text[putin_quote.start : putin_end],
                speaker_key=PUTIN.key,
                speaker_text="Russian President Vladimir Putin",
                cue="said",
                sentence=paragraph_of(article, putin_words),
            ),
            Quote(
                span=Span(article.id, xi_quote.start, xi_end),
                text=text[xi_quote.start : xi_end],
                speaker_key=XI.key,
                speaker_text="Xi Jinping",
                cue="told",
                addressee_key=TOKAYEV.key,
                via="Chinese state media",
                sentence=paragraph_of(article, xi_words),
            ),
            Quote(
                span=span_of(article, kortunov_words),
                text=kortunov_words,
                speaker_key=None,
                speaker_text="Kortunov",
                cue="said",
                sentence=paragraph_of(article, kortunov_words),
            ),
        ],
        events=[
            Event(
                span=span_of(article, "has sent"),
                sentence=sentence_of(article, sent),
                source=ActorRef("Russia", RUSSIA.key, "RUS"),
                target=ActorRef("Kazakhstan", KAZAKHSTAN.key, "KAZ"),
                cameo="074",
                plover="AID",
                goldstein=8.5,
                quad_class=2,
                verb="send",
                date="2022-01-10",
                location="Kazakhstan",
            ),
            Event(
                span=span_of(article, "told", after=xi_end),
                sentence=sentence_of(article, "Xi Jinping told"),
                source=ActorRef("Xi Jinping", XI.key, "CHNGOV", "GOV"),
                target=ActorRef("Kassym-Jomart Tokayev", TOKAYEV.key, "KAZGOV", "GOV"),
                cameo="051",
                plover="CONSULT",
                goldstein=3.4,
                quad_class=1,
                verb="tell",
            ),
            Event(
                span=span_of(article, "is not interested"),
                sentence=sentence_of(article, "Russia is not interested in more regime change"),
                source=ActorRef("Russia", RUSSIA.key, "RUS"),
                target=None,
                cameo="0311",
                plover=None,
                goldstein=None,
                quad_class=None,
                verb="interest",
                negated=True,
            ),
        ],
        claims=[
            Claim(
                span=span_of(article, "68 percent"),
                sentence=sentence_of(article, population),
                subject="Kazakh share of Kazakhstan's population",
                value="68 percent",
                number=68.0,
                unit="percent",
                time="2020",
            )
        ],
    )


def ground_truth_stories(limit: int | None = None) -> list[Story]:
    """One-version stories from the real article bodies of the extraction data set;
    the test that asks for them skips without ``../shared``."""
    if not HAVE_SHARED:
        pytest.skip(SHARED_MISSING)
    records = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    stories = []
    for record in list(records.values())[:limit]:
        paragraphs = _blocks(record["articleBody"])
        if not paragraphs:
            continue
        article = Article(
            id=content_id("\n\n".join(paragraphs)),
            source_ref=record["url"],
            paragraphs=paragraphs,
            url=record["url"],
        )
        stories.append(Story(id=article.id, versions=[article], canonical_id=article.id))
    return stories
