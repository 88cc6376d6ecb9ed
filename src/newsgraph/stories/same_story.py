"""Level-2 story grouping: different articles about the same event, in different words.

Two articles about one event share its actors and places, its date, its numbers
and the words that say what happened; two similar events (two earthquakes in one
region a year apart) share the kind of event but differ in names, dates and
numbers. An article's ``Profile`` keeps those four groups of features from its
spaCy ``Doc``, counted more heavily in the lead (title and first sentences), where
news says what happened. Similarity is a weighted sum of one TF-IDF cosine per
group; IDF comes from the document frequencies seen so far.

Clustering is incremental and near-linear: a new article is compared only with
the stories that share one of its most distinctive features (an inverted index
over features, blocking), scored by its average similarity to their latest
members, and joins the best one above ``threshold`` or opens a new story.
Weights and the threshold were chosen on the ECB+ dev topics (benchmarks/stories.py).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

GROUPS = ("name", "date", "number", "word")
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
DATE_LABELS = frozenset({"DATE", "TIME"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
EVENT_WORD_POS = frozenset({"VERB", "NOUN", "ADJ"})
LEAD_SENTENCES = 2
LEAD_WEIGHT = 3.0
GROUP_WEIGHTS = {"name": 3.0, "date": 1.0, "number": 1.0, "word": 1.0}
THRESHOLD = 0.35
BLOCKING_FEATURES = 12  # an article's most distinctive features used to find candidates
IDF_REFRESH = 1.25  # a cached vector is recomputed once the corpus grew by this factor
MEMBERS_COMPARED = 16  # the latest members of a candidate story an article is scored against


@dataclass
class Profile:
    """An article's weighted feature counts, by group (name, date, number, word)."""

    groups: dict[str, dict[str, float]]

    @classmethod
    def of(cls, doc: Doc | Span) -> Profile:
        """Names, dates, numbers and event words of ``doc``; the lead counts more."""
        groups: dict[str, Counter[str]] = {group: Counter() for group in GROUPS}
        for index, sentence in enumerate(doc.sents):
            weight = LEAD_WEIGHT if index < LEAD_SENTENCES else 1.0
            for entity in sentence.ents:
                group = _entity_group(entity.label_)
                if group is None:
                    continue
                for token in entity:
                    if token.like_num if group == "number" else _is_content(token):
                        groups[group][token.lower_] += weight
            for token in sentence:
                if not token.ent_type and token.pos_ in EVENT_WORD_POS and _is_content(token):
                    groups["word"][token.lemma_.lower()] += weight
        return cls({group: dict(counts) for group, counts in groups.items()})

    def to_json(self) -> str:
        return json.dumps(self.groups, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, data: str) -> Profile:
        stored = json.loads(data)
        return cls({group: dict(stored.get(group, {})) for group in GROUPS})

    def features(self) -> Iterable[tuple[str, str]]:
        for group, counts in self.groups.items():
            for feature in counts:
                yield group, feature


def _entity_group(label: str) -> str | None:
    if label in NAME_LABELS:
        return "name"
    if label in DATE_LABELS:
        return "date"
    if label in NUMBER_LABELS:
        return "number"
    return None


def _is_content(token) -> bool:
    return (token.is_alpha or token.like_num) and not token.is_stop


Vector = dict[tuple[str, str], float]


@dataclass
class Placement:
    """The story an article was placed in, and the stories that merged into it."""

    story_id: str
    absorbed: list[str] = field(default_factory=list)


class SameStoryIndex:
    """Incremental level-2 clustering: which story (of any outlet) an article reports."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._document_frequency: Counter[tuple[str, str]] = Counter()
        self._documents = 0
        self._members: dict[str, list[str]] = defaultdict(list)  # story id -> article ids
        self._story_of: dict[str, str] = {}
        self._arrival: dict[str, int] = {}
        self._postings: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._profiles: dict[str, Profile] = {}
        # article id -> (corpus size when computed, vector): IDF drifts slowly.
        self._vectors: dict[str, tuple[int, Vector]] = {}

    def __len__(self) -> int:
        return self._documents

    def _idf(self, feature: tuple[str, str]) -> float:
        return math.log((self._documents + 1) / (self._document_frequency[feature] + 1)) + 1.0

    def _vector(self, profile: Profile) -> Vector:
        """Per-group unit TF-IDF vectors, each scaled by its group's share of the weight."""
        total = sum(GROUP_WEIGHTS.values())
        vector: Vector = {}
        for group, counts in profile.groups.items():
            weighted = {
                (group, f): (1.0 + math.log(c)) * self._idf((group, f))
                for f, c in counts.items()
                if c >= 1.0
            }
            norm = math.sqrt(sum(w * w for w in weighted.values()))
            if norm:
                scale = math.sqrt(GROUP_WEIGHTS[group] / total) / norm
                vector.update((key, w * scale) for key, w in weighted.items())
        return vector

    def _member_vector(self, article_id: str) -> Vector:
        """A member's vector, recomputed once the corpus has grown by a quarter since."""
        documents, vector = self._vectors.get(article_id, (0, {}))
        if self._documents > documents * IDF_REFRESH:
            vector = self._vector(self._profiles[article_id])
            self._vectors[article_id] = (self._documents, vector)
        return vector

    def _similarity(self, vector: Vector, article_id: str) -> float:
        other = self._member_vector(article_id)
        if len(other) < len(vector):
            vector, other = other, vector
        return sum(w * other.get(key, 0.0) for key, w in vector.items())

    def candidates(self, vector: Vector) -> set[str]:
        """Stories that share one of the article's most distinctive features."""
        distinctive = sorted(vector, key=lambda key: -vector[key] * self._idf(key))
        found: set[str] = set()
        for key in distinctive[:BLOCKING_FEATURES]:
            found |= self._postings.get(key, set())
        return {story for story in found if story in self._members}  # not merged away

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def _story_similarity(self, vector: Vector, story_id: str) -> float:
        """Cosine of ``vector`` with the centroid of the story's latest members.

        Dividing by the centroid's length, rather than averaging similarities, keeps
        a story whose reports differ in wording as reachable as a tight one.
        """
        centroid: Vector = defaultdict(float)
        for article in self._members[story_id][-MEMBERS_COMPARED:]:
            for key, weight in self._member_vector(article).items():
                centroid[key] += weight
        norm = math.sqrt(sum(weight * weight for weight in centroid.values()))
        if not norm:
            return 0.0
        return sum(weight * centroid.get(key, 0.0) for key, weight in vector.items()) / norm

    def scores(self, profile: Profile) -> dict[str, float]:
        """Candidate stories at or above the threshold, with the article's score for each."""
        vector = self._vector(profile)
        found = {story: self._story_similarity(vector, story) for story in self.candidates(vector)}
        return {story: score for story, score in found.items() if score >= self.threshold}

    def _linkage(self, first: str, second: str) -> float:
        """Average linkage between two stories over their latest members."""
        members = self._members[first][-MEMBERS_COMPARED:]
        return sum(
            self._story_similarity(self._member_vector(article), second) for article in members
        ) / len(members)

    def add(self, article_id: str, profile: Profile, story_id: str | None = None) -> Placement:
        """Add an article to ``story_id`` if given, else to the story it fits best.

        An article that fits no story opens one under its own id. An article that
        fits two stories bridges them: they become one when their average linkage
        also reaches the threshold (the later story joins the earlier one).
        """
        if article_id in self._story_of:
            return Placement(self._story_of[article_id])
        self._documents += 1
        self._document_frequency.update(set(profile.features()))
        fits = self.scores(profile) if story_id is None else {}
        if story_id is None:
            story_id = max(fits, key=lambda story: (fits[story], story)) if fits else article_id
        self._profiles[article_id] = profile
        self._place(article_id, story_id)
        absorbed = []
        for other in sorted(fits, key=lambda story: -fits[story]):
            if other == story_id or other not in self._members:
                continue
            if self._linkage(other, story_id) >= self.threshold:
                kept, gone = sorted((story_id, other), key=self._opened)
                for member in self._members.pop(gone):
                    self._place(member, kept)
                story_id = kept
                absorbed.append(gone)
        return Placement(story_id, absorbed)

    def _opened(self, story_id: str) -> int:
        """When a story was opened (its first member's arrival), to keep the oldest id."""
        return self._arrival[self._members[story_id][0]]

    def _place(self, article_id: str, story_id: str) -> None:
        self._arrival.setdefault(article_id, len(self._arrival))
        self._story_of[article_id] = story_id
        self._members[story_id].append(article_id)
        for key in self._profiles[article_id].features():
            self._postings[key].add(story_id)
