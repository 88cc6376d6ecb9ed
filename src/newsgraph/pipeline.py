"""Wires the stages: read → clean (+ tone) → stories → annotate → actors →
quotes/events (+ places)/claims → store.

No stage logic lives here: only batching, the order of stages, progress and
error collection. Work is done in chunks; each story is written in one store
transaction with its facts, so a crash loses at most the chunk in flight and a
re-run resumes where the store left off (articles already stored are skipped).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors import ActorDictionary, resolve_actors
from newsgraph.claims import extract_claims
from newsgraph.clean import EmptyArticle, clean_document
from newsgraph.events import extract_events
from newsgraph.geo import locate_events
from newsgraph.language import supported
from newsgraph.multilingual import ENGLISH
from newsgraph.multilingual.facts import annotate_in_languages, extract_facts_in
from newsgraph.multilingual.profile import profile_across_languages
from newsgraph.nlp import annotate_with, doc_text, load_pipeline
from newsgraph.quotes import extract_quotes
from newsgraph.read import Notice, read_paths
from newsgraph.records import (
    Actor,
    Article,
    Event,
    Mention,
    Quote,
    RawDocument,
    SameStoryPlacement,
    Skipped,
    Story,
    StoryFacts,
)
from newsgraph.store import Store
from newsgraph.stories import (
    Profile,
    SameStoryIndex,
    Signature,
    VersionIndex,
    add_version,
    canonical_places,
    version_mentions,
)
from newsgraph.tone import tone

CHUNK_SIZE = 256
ProgressCallback = Callable[[int, int], None]  # (input items finished, words annotated)


@dataclass
class IngestReport:
    """What one ingest run did, for the closing summary and the exit status."""

    read: int = 0
    new_stories: int = 0
    joined: int = 0  # near-duplicate versions that joined an existing story
    unchanged: int = 0  # exact content already in the store (or twice in this run)
    annotated: int = 0  # stories whose facts were (re)extracted
    languages: Counter[str] = field(default_factory=Counter)  # new articles per language
    # Stories stored with text, story and search but no facts: no NLP for their language.
    without_facts: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        return self.joined + self.unchanged

    @property
    def skipped_count(self) -> int:
        """Inputs skipped, counting those a summary line stands for."""
        return sum(item.count for item in self.skipped)

    def language_summary(self) -> str:
        """'en 40 · zh 2 (text, stories and search; no facts)': new articles by language."""
        parts = []
        for language, count in self.languages.most_common():
            known = None if language == "unknown" else language
            note = "" if supported(known) else " (text, stories and search; no facts)"
            parts.append(f"{language} {count}{note}")
        return " · ".join(parts) or "none new"


def extract_facts(
    story: Story,
    doc: Doc,
    dictionary: ActorDictionary,
    exclude_names: Iterable[str] = (),
    language: str = ENGLISH,
) -> StoryFacts:
    """Run the fact extractors on the annotated canonical article of ``story``."""
    article = story.canonical
    excluded = {name for name in (story.publisher, *exclude_names) if name}
    if language != ENGLISH:
        return extract_facts_in(story, doc, dictionary, language, excluded)
    actors = resolve_actors(
        doc, article.id, dictionary, exclude_names=excluded, date=story.published
    )
    events = extract_events(doc, article.id, actors, date=story.published)
    quotes = extract_quotes(doc, article.id, actors)
    shown, mentions = actors.shown(_referenced_actors(events, quotes))
    return StoryFacts(
        story_id=story.id,
        article_id=article.id,
        actors=shown,
        mentions=mentions,
        quotes=quotes,
        events=locate_events(events, story_countries(actors.actors.values(), actors.mentions)),
        claims=extract_claims(doc, article.id, date=story.published),
    )


def _referenced_actors(events: Iterable[Event], quotes: Iterable[Quote]) -> set[str]:
    """The actors a fact refers to: they are stored whatever their confidence."""
    keys = {ref.actor_key for e in events for ref in (e.source, e.target) if ref is not None}
    keys |= {key for q in quotes for key in (q.speaker_key, q.addressee_key)}
    return {key for key in keys if key}


def story_countries(actors: Iterable[Actor], mentions: Iterable[Mention]) -> list[str]:
    """The countries of a story's actors, most mentioned first: where its places
    most likely are, to tell namesakes apart (``geo``)."""
    country_of = {actor.key: actor.country for actor in actors if actor.country}
    counts = Counter(country_of[m.actor_key] for m in mentions if m.actor_key in country_of)
    return [country for country, _ in counts.most_common()]


@dataclass(frozen=True)
class CodedText:
    """The events of one standalone text, with the actors it names (for their names)."""

    id: str
    text: str
    events: list[Event]
    actors: dict[str, Actor]


class TextCoder:
    """Codes the events of standalone texts (``newsgraph code``): the model loads once.

    Each text is annotated and resolved on its own, as one article would be, so a
    sentence codes the same here as inside an ingested story.
    """

    def __init__(self, nlp: Language | None = None, dictionary: ActorDictionary | None = None):
        self.nlp = nlp or load_pipeline()
        self.dictionary = dictionary or ActorDictionary.load()

    def code(self, items: Iterable[tuple[str, str, str | None]]) -> Iterator[CodedText]:
        """(id, text, date) triples in, one ``CodedText`` out for each, in order."""
        pairs = ((text, (text_id, date)) for text_id, text, date in items)
        for doc, (text_id, date) in annotate_with(pairs, self.nlp, batch_size=64):
            actors = resolve_actors(doc, text_id, self.dictionary, date=date)
            events = extract_events(doc, text_id, actors, date=date)
            events = locate_events(events, story_countries(actors.actors.values(), actors.mentions))
            yield CodedText(text_id, doc_text(doc), events, dict(actors.actors))


def _chunks(items: Iterable[RawDocument | Skipped | Notice], size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Ingestor:
    """Ingests documents into a store, keeping the version and same-story indexes
    across calls (both continued from what the store holds)."""

    def __init__(
        self,
        store: Store,
        nlp: Language | None = None,
        dictionary: ActorDictionary | None = None,
    ) -> None:
        self.store = store
        self.nlp = nlp or load_pipeline()
        self.dictionary = dictionary or ActorDictionary.load()
        self.index = VersionIndex()
        self.index.load(store.story_signatures())
        self.same_stories = SameStoryIndex()
        for story_id, group_id, profile in store.same_story_profiles():
            self.same_stories.add(story_id, Profile.from_json(profile), group_id)

    def ingest_paths(
        self, paths: Iterable[str | Path], progress: ProgressCallback | None = None
    ) -> IngestReport:
        return self.ingest(read_paths(paths), progress)

    def ingest(
        self,
        items: Iterable[RawDocument | Skipped | Notice],
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        report = IngestReport()
        for chunk in _chunks(items, CHUNK_SIZE):
            self._ingest_chunk(chunk, report, progress)
        return report

    def _ingest_chunk(
        self,
        chunk: list[RawDocument | Skipped | Notice],
        report: IngestReport,
        progress: ProgressCallback | None,
    ) -> None:
        stories: dict[str, Story] = {}
        canonical_before: dict[str, str | None] = {}
        signatures: dict[str, dict[str, bytes]] = {}
        seen: set[str] = set()
        pending = 0  # input items whose work ends with a story's save
        for item in chunk:
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            if isinstance(item, Notice):
                report.notices.append(item)
                continue
            report.read += 1
            article = self._clean(item, report)
            if article is None:
                continue
            if article.id in seen or self.store.has_article(article.id):
                report.unchanged += 1
                continue
            seen.add(article.id)
            report.languages[article.language or "unknown"] += 1
            pending += 1
            signature = Signature.of(article)
            story_id = self.index.match(signature)
            if story_id is None:
                report.new_stories += 1
                story = add_version(None, article)
                canonical_before[story.id] = None
            else:
                report.joined += 1
                story = stories.get(story_id) or self.store.load_story(story_id)
                if story_id not in canonical_before:
                    canonical_before[story_id] = story.canonical_id if story else None
                story = add_version(story, article)
            stories[story.id] = story
            signatures.setdefault(story.id, {})[article.id] = signature.to_bytes()
            self.index.add(article.id, story.id, signature)

        # NLP once per story, and only where the canonical version changed; a story in
        # a language without an NLP pipeline is stored without facts.
        changed = [s for s in stories.values() if s.canonical_id != canonical_before[s.id]]
        to_annotate = [s for s in changed if supported(s.canonical.language)]
        for story in changed:
            if story not in to_annotate:
                report.without_facts[story.canonical.language or "unknown"] += 1
                facts = StoryFacts(story.id, story.canonical_id)
                self.store.save_story(story, signatures[story.id], facts)
                if progress:
                    progress(len(signatures[story.id]), 0)
        texts = ((s.canonical.text, s.canonical.language, s) for s in to_annotate)
        for doc, language, story in annotate_in_languages(texts, self.nlp):
            facts = extract_facts(story, doc, self.dictionary, language=language)
            facts.fact_mentions = version_mentions(story, canonical_places(facts))
            placement = self._place_same_story(story, doc, facts, language)
            self.store.save_story(story, signatures[story.id], facts, same_story=placement)
            report.annotated += 1
            if progress:
                progress(len(signatures[story.id]), story.canonical.word_count)
        for story in stories.values():
            if story not in changed:
                # A new version with the canonical unchanged: its facts are found in
                # it by their sentences, without NLP.
                mentions = version_mentions(story, self.store.fact_sentences(story.id))
                self.store.save_story(story, signatures[story.id], None, fact_mentions=mentions)
                if progress:
                    progress(len(signatures[story.id]), 0)
        if progress:
            progress(len(chunk) - pending, 0)

    def _place_same_story(
        self, story: Story, doc: Doc, facts: StoryFacts, language: str = ENGLISH
    ) -> SameStoryPlacement | None:
        """Level 2 for a story annotated for the first time; a story keeps its group."""
        if self.same_stories.story_of(story.id) is not None:
            return None
        # Across languages, names meet as actors (Токаев is Tokayev): see multilingual.profile.
        english = language == ENGLISH
        profile = Profile.of(doc) if english else profile_across_languages(doc, facts)
        placement = self.same_stories.add(story.id, profile)
        return SameStoryPlacement(
            placement.story_id, profile.to_json(), tuple(placement.regrouped.items())
        )

    @staticmethod
    def _clean(document: RawDocument, report: IngestReport) -> Article | None:
        try:
            article = clean_document(document)
        except EmptyArticle as error:
            where = document.source_ref
            if document.origin and document.origin != where:
                where = f"{document.origin} ({where})"
            report.skipped.append(Skipped(where, str(error)))
            return None
        return replace(article, tone=tone(article.text))
