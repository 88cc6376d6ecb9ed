"""Wires the stages: read → clean (+ tone) → stories → annotate → actors →
quotes/events (+ places)/claims → store.

No stage logic lives here: only batching, the order of stages, progress and
error collection. Work is done in chunks; each story is written in one store
transaction with its facts, in input order, so a crash loses at most the chunks in
flight and a re-run resumes where the store left off (articles already stored are
skipped). Parsing and fact extraction (``analyse_stories``) may run in other processes;
see ``Ingestor``.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
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
    FactMention,
    Mention,
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

CHUNK_SIZE = 64
# With an executor: chunks planned and sent ahead at most (their articles are what the
# driver holds in memory), and a task's stories (a few, so every worker gets a share).
WINDOW_CHUNKS = 4
TASK_STORIES = 8
TASK_CHARS = 60_000
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
    facts = StoryFacts(
        story_id=story.id,
        article_id=article.id,
        quotes=extract_quotes(doc, article.id, actors),
        events=locate_events(events, story_countries(actors.actors.values(), actors.mentions)),
        claims=extract_claims(doc, article.id, date=story.published),
    )
    # Every actor is stored with its confidence; listings show the confident ones and
    # those a fact refers to (StoryFacts.referenced_actors), as ActorIndex.shown does.
    # Towns and states named only as places are no actors (ActorIndex.named).
    facts.actors, facts.mentions = actors.named(facts.referenced_actors())
    return facts


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


def _results(
    plan: _ChunkPlan, tasks: list[Future[list[StoryAnalysis]]]
) -> tuple[_ChunkPlan, Iterator[StoryAnalysis]]:
    """A plan with its tasks' results, waited for one task at a time, in order."""
    return plan, (analysis for task in tasks for analysis in task.result())


def _chunks(items: Iterable[RawDocument | Skipped | Notice], size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True)
class StoryWork:
    """What a worker needs to analyse one story: the story with its canonical version
    only (metadata and text, picklable), and whether to profile it for level 2."""

    story: Story
    needs_profile: bool


@dataclass(frozen=True)
class StoryAnalysis:
    """The parallel part's result for one story: its facts, and its level-2 profile
    (None when the story already had its same-story group when the work was sent)."""

    facts: StoryFacts
    profile: Profile | None
    # Why the facts could not be extracted (the story is then stored without them).
    failure: str | None = None


def analyse_stories(
    work: Iterable[StoryWork], nlp: Language, dictionary: ActorDictionary
) -> Iterator[StoryAnalysis]:
    """Parse each story's canonical article and extract its facts (and profile), in order.

    The stage code every way of running ingest shares: in-process, in a local worker
    process or on a cluster worker; it reads nothing but its inputs and the model.
    """
    texts = ((w.story.canonical.text, w.story.canonical.language, w) for w in work)
    for doc, language, item in annotate_in_languages(texts, nlp):
        story = item.story
        failure = None
        try:
            facts = extract_facts(story, doc, dictionary, language=language)
        except Exception as error:  # one article's text must not stop the run
            facts = StoryFacts(story.id, story.canonical_id)
            failure = f"{type(error).__name__}: {error}"
        profile = None
        if item.needs_profile:
            # Across languages, names meet as actors (Токаев is Tokayev): multilingual.profile.
            english = language == ENGLISH
            profile = Profile.of(doc) if english else profile_across_languages(doc, facts)
        yield StoryAnalysis(facts, profile, failure)


def analyse_batch(model: str | None, work: list[StoryWork]) -> list[StoryAnalysis]:
    """One task of a worker process: the model and the actor dictionary load on the
    process's first task and stay for the next ones (both are cached per process)."""
    return list(analyse_stories(work, load_pipeline(model), ActorDictionary.load()))


def _task_batches(work: list[StoryWork]) -> Iterator[list[StoryWork]]:
    """The stories of a chunk cut into tasks of a few stories (and characters) each:
    small enough that every worker gets a share, large enough to parse in batches."""
    batch: list[StoryWork] = []
    chars = 0
    for item in work:
        size = len(item.story.canonical.text)
        if batch and (len(batch) == TASK_STORIES or chars + size > TASK_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += size
    if batch:
        yield batch


@dataclass
class _ChunkPlan:
    """A chunk after level 1 (versions): the stories to save, in the order they are saved."""

    signatures: dict[str, dict[str, bytes]] = field(default_factory=dict)
    without_facts: list[Story] = field(default_factory=list)  # no NLP for their language
    to_annotate: list[Story] = field(default_factory=list)  # canonical version changed
    unchanged: list[Story] = field(default_factory=list)  # a new version, same canonical
    needs_profile: set[str] = field(default_factory=set)
    other_items: int = 0  # input items that end with no story saved

    def work(self) -> list[StoryWork]:
        return [
            StoryWork(replace(story, versions=[story.canonical]), story.id in self.needs_profile)
            for story in self.to_annotate
        ]


class Ingestor:
    """Ingests documents into a store, keeping the version and same-story indexes
    across calls (both continued from what the store holds).

    Levels 1 and 2 of story grouping and every store write run here, in input order;
    the parsing and fact extraction (``analyse_stories``) run in this process, or, given
    an executor (worker processes, a Dask cluster: see ``workers``), as tasks there,
    with a window of chunks in flight. Either way the store ends up the same.
    """

    def __init__(
        self,
        store: Store,
        nlp: Language | None = None,
        dictionary: ActorDictionary | None = None,
        model: str | None = None,
    ) -> None:
        self.store = store
        self.model = model
        self._nlp = nlp
        self.dictionary = dictionary or ActorDictionary.load()
        self.index = VersionIndex()
        self.index.load(store.story_signatures())
        self.same_stories = SameStoryIndex()
        for story_id, group_id, profile in store.same_story_profiles():
            self.same_stories.add(story_id, Profile.from_json(profile), group_id)
        # Planned but not yet saved (chunks in flight): what the store will hold.
        self._pending_stories: dict[str, Story] = {}
        self._pending_articles: set[str] = set()

    @property
    def nlp(self) -> Language:
        """The model, for parsing in this process: loaded when first needed (a run whose
        parsing is done by workers never loads it here)."""
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    def ingest_paths(
        self,
        paths: Iterable[str | Path],
        progress: ProgressCallback | None = None,
        executor: Executor | None = None,
    ) -> IngestReport:
        return self.ingest(read_paths(paths), progress, executor)

    def ingest(
        self,
        items: Iterable[RawDocument | Skipped | Notice],
        progress: ProgressCallback | None = None,
        executor: Executor | None = None,
    ) -> IngestReport:
        """Ingest ``items``, parsing them in this process or, given an ``executor``, in
        its workers (``workers.parsing_executor``). Holds the store's ingest lock for the
        whole run: ``StoreBusy`` when another ingest holds it."""
        report = IngestReport()
        with self.store.ingest_lock():
            plans = (self._plan(chunk, report) for chunk in _chunks(items, CHUNK_SIZE))
            for plan, analyses in self._analysed(plans, executor):
                self._commit(plan, analyses, report, progress)
        return report

    def _analysed(
        self, plans: Iterable[_ChunkPlan], executor: Executor | None
    ) -> Iterator[tuple[_ChunkPlan, Iterator[StoryAnalysis]]]:
        """Each plan with its stories' analyses, in order; with an executor, the next
        chunks are planned and sent while the workers parse (``WINDOW_CHUNKS`` at most)."""
        if executor is None:
            for plan in plans:
                yield plan, analyse_stories(plan.work(), self.nlp, self.dictionary)
            return
        window: deque[tuple[_ChunkPlan, list[Future[list[StoryAnalysis]]]]] = deque()
        try:
            for plan in plans:
                tasks = [
                    executor.submit(analyse_batch, self.model, batch)
                    for batch in _task_batches(plan.work())
                ]
                window.append((plan, tasks))
                # Save the oldest chunk once it is parsed, or when the window is full.
                while window and (
                    len(window) == WINDOW_CHUNKS or all(task.done() for task in window[0][1])
                ):
                    yield _results(*window.popleft())
            while window:
                yield _results(*window.popleft())
        finally:
            for _, tasks in window:
                for task in tasks:
                    task.cancel()

    def _plan(
        self, chunk: list[RawDocument | Skipped | Notice], report: IngestReport
    ) -> _ChunkPlan:
        """Level 1: clean each document and place it as a version of a story."""
        plan = _ChunkPlan()
        stories: dict[str, Story] = {}
        canonical_before: dict[str, str | None] = {}
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
            if article.id in self._pending_articles or self.store.has_article(article.id):
                report.unchanged += 1
                continue
            self._pending_articles.add(article.id)
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
                story = stories.get(story_id) or self._stored_story(story_id)
                if story_id not in canonical_before:
                    canonical_before[story_id] = story.canonical_id if story else None
                story = add_version(story, article)
            stories[story.id] = story
            plan.signatures.setdefault(story.id, {})[article.id] = signature.to_bytes()
            self.index.add(article.id, story.id, signature)

        # NLP once per story, and only where the canonical version changed; a story in
        # a language without an NLP pipeline is stored without facts.
        for story in stories.values():
            self._pending_stories[story.id] = story
            if story.canonical_id == canonical_before[story.id]:
                plan.unchanged.append(story)
            elif supported(story.canonical.language):
                plan.to_annotate.append(story)
                if self.same_stories.story_of(story.id) is None:
                    plan.needs_profile.add(story.id)
            else:
                plan.without_facts.append(story)
        plan.other_items = len(chunk) - pending
        return plan

    def _stored_story(self, story_id: str) -> Story | None:
        """The story as the store holds it, or will once the chunks in flight are saved
        (a copy: a later chunk's versions must not reach an earlier chunk's save)."""
        pending = self._pending_stories.get(story_id)
        if pending is not None:
            return replace(pending, versions=list(pending.versions))
        return self.store.load_story(story_id)

    def _commit(
        self,
        plan: _ChunkPlan,
        analyses: Iterable[StoryAnalysis],
        report: IngestReport,
        progress: ProgressCallback | None,
    ) -> None:
        """Level 2 and the store writes of one chunk, one transaction per story."""
        for story in plan.without_facts:
            report.without_facts[story.canonical.language or "unknown"] += 1
            facts = StoryFacts(story.id, story.canonical_id)
            self._save(plan, story, facts, progress)
        for story, analysis in zip(plan.to_annotate, analyses, strict=True):
            facts = analysis.facts
            facts.fact_mentions = version_mentions(story, canonical_places(facts))
            placement = self._place_same_story(story, analysis.profile)
            words = story.canonical.word_count
            self._save(plan, story, facts, progress, words, same_story=placement)
            if analysis.failure is None:
                report.annotated += 1
            else:
                reason = f"stored without facts: their extraction failed ({analysis.failure})"
                report.skipped.append(Skipped(story.canonical.source_ref, reason))
        for story in plan.unchanged:
            # A new version with the canonical unchanged: its facts are found in it by
            # their sentences, without NLP.
            mentions = version_mentions(story, self.store.fact_sentences(story.id))
            self._save(plan, story, None, progress, fact_mentions=mentions)
        if progress:
            progress(plan.other_items, 0)

    def _save(
        self,
        plan: _ChunkPlan,
        story: Story,
        facts: StoryFacts | None,
        progress: ProgressCallback | None,
        words: int = 0,
        fact_mentions: list[FactMention] | None = None,
        same_story: SameStoryPlacement | None = None,
    ) -> None:
        signatures = plan.signatures[story.id]
        self.store.save_story(story, signatures, facts, fact_mentions, same_story)
        self._pending_articles.difference_update(signatures)
        if self._pending_stories.get(story.id) is story:
            del self._pending_stories[story.id]
        if progress:
            progress(len(signatures), words)

    def _place_same_story(self, story: Story, profile: Profile | None) -> SameStoryPlacement | None:
        """Level 2 for a story annotated for the first time; a story keeps its group."""
        if self.same_stories.story_of(story.id) is not None:
            return None
        if profile is None:
            raise RuntimeError(f"story {story.id} reached level 2 without a profile")
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
