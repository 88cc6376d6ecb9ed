"""Baseline for benchmarks/scale.py: level 2 as it was before it was bounded (issue 14).

Kept unchanged but for this paragraph, so the benchmark can measure the old placement
beside the new one in the same run: every profile, vector and posting in memory, with
candidates compared in Python. What follows is its original docstring.

Level-2 story grouping: different articles about the same event, in different words.

Two articles about one event share its actors and places, its date, its numbers
and the words that say what happened; two similar events (two earthquakes in one
region a year apart) share the kind of event but differ in names, dates and
numbers. An article's ``Profile`` keeps those four groups of features from its
spaCy ``Doc``, counted more heavily in the lead (title and first sentences), where
news says what happened. Similarity is a weighted mean of one TF-IDF cosine per
group, over the groups both articles have (a short report without numbers is not
held against its story); IDF comes from the document frequencies seen so far.

Clustering is average linkage (a group holds together when its articles are, on
average, similar enough), kept incremental and near-linear: a new article is
compared only with the latest articles that share one of its most distinctive
features (an inverted index over features, blocking), and only the groups it is
linked to are clustered again, with it, by average linkage (scipy). An article can
thus join a group, bridge two into one, or pull a group's misfits apart, and the
grouping stays close to what average linkage over the whole corpus at once gives.
Weights and the threshold were chosen on the ECB+ dev topics (benchmarks/stories.py).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform
from spacy.tokens import Doc, Span

from newsgraph.nlp import sentences_with_entities

GROUPS = ("name", "date", "number", "word")
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
DATE_LABELS = frozenset({"DATE", "TIME"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
EVENT_WORD_POS = frozenset({"VERB", "NOUN", "ADJ"})
LEAD_SENTENCES = 2
LEAD_WEIGHT = 3.0
GROUP_WEIGHTS = {"name": 3.0, "date": 2.0, "number": 1.0, "word": 1.0}
THRESHOLD = 0.22  # average similarity at which articles are one story
BLOCKING_FEATURES = 12  # an article's most distinctive features used to find candidates
CANDIDATES_PER_FEATURE = 64  # the latest articles with a feature are compared, no more
IDF_REFRESH = 1.25  # a cached vector is recomputed once the corpus grew by this factor
MAX_REGROUPED = 300  # articles clustered again at most when one arrives
LINK_FLOOR = 0.6  # share of the threshold from which a pair is linked (and looked at again)


@dataclass
class Profile:
    """An article's weighted feature counts, by group (name, date, number, word)."""

    groups: dict[str, dict[str, float]]

    @classmethod
    def of(cls, doc: Doc | Span) -> Profile:
        """Names, dates, numbers and event words of ``doc``; the lead counts more."""
        groups: dict[str, Counter[str]] = {group: Counter() for group in GROUPS}
        for index, (sentence, entities) in enumerate(sentences_with_entities(doc)):
            weight = LEAD_WEIGHT if index < LEAD_SENTENCES else 1.0
            for entity in entities:
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
# The same vector by group, as (feature numbers, weights) arrays for sparse products.
GroupArrays = dict[str, tuple[np.ndarray, np.ndarray]]


@dataclass
class Placement:
    """The group an article was placed in, and other articles whose group changed."""

    story_id: str
    regrouped: dict[str, str] = field(default_factory=dict)


class SameStoryIndex:
    """Incremental level-2 clustering: which story (of any outlet) an article reports.

    A group's id is the id of its earliest article, so ids stay put as groups grow.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._document_frequency: Counter[tuple[str, str]] = Counter()
        self._documents = 0
        self._profiles: dict[str, Profile] = {}
        # article id -> (corpus size when computed, vector, its arrays): IDF drifts slowly.
        self._vectors: dict[str, tuple[int, Vector, GroupArrays]] = {}
        self._feature_numbers: dict[tuple[str, str], int] = {}
        self._postings: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._arrival: dict[str, int] = {}
        self._group_of: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}  # group id -> article ids in arrival order

    def __len__(self) -> int:
        return self._documents

    def story_of(self, article_id: str) -> str | None:
        return self._group_of.get(article_id)

    def _idf(self, feature: tuple[str, str]) -> float:
        return math.log((self._documents + 1) / (self._document_frequency[feature] + 1)) + 1.0

    def _vector(self, profile: Profile) -> Vector:
        """Per-group unit TF-IDF vectors, in one dict."""
        vector: Vector = {}
        for group, counts in profile.groups.items():
            weighted = {
                (group, f): (1.0 + math.log(c)) * self._idf((group, f))
                for f, c in counts.items()
                if c >= 1.0
            }
            norm = math.sqrt(sum(w * w for w in weighted.values()))
            if norm:
                vector.update((key, w / norm) for key, w in weighted.items())
        return vector

    def _member_vector(self, article_id: str) -> Vector:
        """A member's vector, recomputed once the corpus has grown by a quarter since."""
        return self._member(article_id)[1]

    def _member(self, article_id: str) -> tuple[int, Vector, GroupArrays]:
        cached = self._vectors.get(article_id)
        if cached is None or self._documents > cached[0] * IDF_REFRESH:
            vector = self._vector(self._profiles[article_id])
            by_group: dict[str, tuple[list[int], list[float]]] = {}
            for key, weight in vector.items():
                numbers, weights = by_group.setdefault(key[0], ([], []))
                numbers.append(self._feature_numbers.setdefault(key, len(self._feature_numbers)))
                weights.append(weight)
            arrays = {
                group: (np.array(numbers, dtype=np.int64), np.array(weights))
                for group, (numbers, weights) in by_group.items()
            }
            cached = self._vectors[article_id] = (self._documents, vector, arrays)
        return cached

    def similarities(self, rows: list[str], columns: list[str]) -> np.ndarray:
        """Similarity of each article of ``rows`` to each of ``columns``: the weighted
        mean of the per-group cosines, over the groups both articles have."""
        row_arrays = [self._member(article)[2] for article in rows]
        column_arrays = (
            row_arrays if columns is rows else [self._member(article)[2] for article in columns]
        )
        width = len(self._feature_numbers)
        weighted = np.zeros((len(rows), len(columns)))
        weights = np.zeros((len(rows), len(columns)))
        for group in GROUPS:
            first = _group_matrix(row_arrays, group, width)
            second = first if columns is rows else _group_matrix(column_arrays, group, width)
            both = np.outer(np.diff(first.indptr) > 0, np.diff(second.indptr) > 0)
            weighted += GROUP_WEIGHTS[group] * (first @ second.T).toarray()
            weights += GROUP_WEIGHTS[group] * both
        return np.divide(weighted, weights, out=np.zeros_like(weighted), where=weights > 0)

    def candidates(self, vector: Vector) -> set[str]:
        """The latest articles sharing one of the article's most distinctive features."""
        distinctive = sorted(vector, key=lambda key: -vector[key] * self._idf(key))
        found: set[str] = set()
        for key in distinctive[:BLOCKING_FEATURES]:
            found.update(self._postings.get(key, ())[-CANDIDATES_PER_FEATURE:])
        return found

    def add(self, article_id: str, profile: Profile, story_id: str | None = None) -> Placement:
        """Add an article to group ``story_id`` if given (continuing a stored grouping),
        else cluster it with the groups it is linked to.

        It opens a group of its own when nothing is similar enough; otherwise it and
        the groups it links to are clustered again by average linkage, which may
        merge them or move some of their articles (``Placement.regrouped``).
        """
        if article_id in self._group_of:
            return Placement(self._group_of[article_id])
        self._documents += 1
        self._document_frequency.update(set(profile.features()))
        self._profiles[article_id] = profile
        self._arrival[article_id] = len(self._arrival)
        if story_id is not None:  # no scoring: only arrivals are scored against the rest
            self._post(article_id, profile.features())
            self._join(article_id, story_id)
            return Placement(story_id)
        vector = self._member_vector(article_id)
        candidates = sorted(self.candidates(vector))
        links: dict[str, float] = {}
        if candidates:
            (similarities,) = self.similarities([article_id], candidates)
            for other, similarity in zip(candidates, similarities.tolist(), strict=True):
                if similarity >= self.threshold * LINK_FLOOR:
                    links[other] = similarity
        self._post(article_id, vector)
        linked = self._linked_groups(links)
        if not linked:
            self._join(article_id, article_id)
            return Placement(article_id)
        if len(self._members[linked[0]]) >= MAX_REGROUPED:
            # Too big a group to cluster again at each arrival: the article joins it if
            # it is, on average, similar enough to the group's latest articles.
            latest = self._members[linked[0]][-MAX_REGROUPED:]
            fits = self.similarities([article_id], latest).mean() >= self.threshold
            group_id = linked[0] if fits else article_id
            self._join(article_id, group_id)
            return Placement(group_id)
        before = {member: group for group in linked for member in self._members[group]}
        for group in linked:
            del self._members[group]
        regrouped = {}
        for cluster in self._average_linkage([*before, article_id]):
            group_id = min(cluster, key=self._arrival.__getitem__)
            cluster.sort(key=self._arrival.__getitem__)
            self._members[group_id] = cluster
            for member in cluster:
                self._group_of[member] = group_id
                if member in before and before[member] != group_id:
                    regrouped[member] = group_id
        return Placement(self._group_of[article_id], regrouped)

    def _post(self, article_id: str, features: Iterable[tuple[str, str]]) -> None:
        for key in features:
            self._postings[key].append(article_id)

    def _join(self, article_id: str, group_id: str) -> None:
        self._group_of[article_id] = group_id
        self._members.setdefault(group_id, []).append(article_id)

    def _linked_groups(self, links: dict[str, float]) -> list[str]:
        """Groups of the linked articles, most similar first, up to ``MAX_REGROUPED``
        articles in all (a bound on the work one arrival can cause); a bigger group
        than that comes alone."""
        best: dict[str, float] = {}
        for other, similarity in links.items():
            group = self._group_of[other]
            best[group] = max(best.get(group, 0.0), similarity)
        chosen, size = [], 1
        for group in sorted(best, key=lambda g: (-best[g], g)):
            members = len(self._members[group])
            if size + members > MAX_REGROUPED:
                if not chosen and members >= MAX_REGROUPED:
                    return [group]
                continue
            chosen.append(group)
            size += members
        return chosen

    def _average_linkage(self, articles: list[str]) -> list[list[str]]:
        """Average-linkage clusters of ``articles``, cut where similarity falls below
        the threshold."""
        distances = np.clip(1.0 - self.similarities(articles, articles), 0.0, None)
        np.fill_diagonal(distances, 0.0)
        tree = linkage(squareform(distances, checks=False), method="average")
        labels = fcluster(tree, 1.0 - self.threshold, criterion="distance")
        clusters: dict[int, list[str]] = defaultdict(list)
        for article, label in zip(articles, labels, strict=True):
            clusters[int(label)].append(article)
        return list(clusters.values())


def _group_matrix(vectors: list[GroupArrays], group: str, width: int) -> csr_matrix:
    """One row per vector with its ``group`` weights, a column per feature number."""
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0))
    pieces = [vector.get(group, empty) for vector in vectors]
    lengths = [len(numbers) for numbers, _ in pieces]
    indptr = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    indices = np.concatenate([numbers for numbers, _ in pieces]) if pieces else empty[0]
    data = np.concatenate([weights for _, weights in pieces]) if pieces else empty[1]
    return csr_matrix((data, indices, indptr), shape=(len(vectors), max(width, 1)))
