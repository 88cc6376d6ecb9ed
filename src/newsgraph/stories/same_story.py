"""Level-2 story grouping: different articles about the same event, in different words.

Two articles about one event share its actors and places, its date, its numbers
and the words that say what happened; two similar events (two earthquakes in one
region a year apart) share the kind of event but differ in names, dates and
numbers. An article's ``Profile`` keeps those four groups of features from its
spaCy ``Doc``, counted more heavily in the lead (title and first sentences), where
news says what happened. Similarity is a weighted mean of one TF-IDF cosine per
group, over the groups both articles have (a short report without numbers is not
held against its story); IDF comes from the document frequencies seen so far.

Clustering is average linkage (a group holds together when its articles are, on
average, similar enough), kept incremental with bounded work per arrival: a new
article is compared only with the latest articles that share one of its most
distinctive features (a table of each feature's latest postings, blocking), only
among the last ``WINDOW`` arrivals, and only the groups it is linked to are
clustered again, with it, by average linkage (scipy). An article can thus join a
group, bridge two into one, or pull a group's misfits apart, and the grouping stays
close to what average linkage over the whole corpus at once gives. Vectors are kept
compact, for the window only (``feature_window``), so memory stops growing with the
store but for an id and a group id per story. Weights and the threshold were chosen
on the ECB+ dev topics (benchmarks/stories.py).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import squareform
from spacy.tokens import Doc, Span

from newsgraph.nlp import sentences_with_entities
from newsgraph.stories.feature_window import KINDS, FeatureWindow, feature_id

GROUPS = KINDS
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
DATE_LABELS = frozenset({"DATE", "TIME"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
EVENT_WORD_POS = frozenset({"VERB", "NOUN", "ADJ"})
LEAD_SENTENCES = 2
LEAD_WEIGHT = 3.0
THRESHOLD = 0.22  # average similarity at which articles are one story
BLOCKING_FEATURES = 12  # an article's most distinctive features used to find candidates
CANDIDATES_PER_FEATURE = 32  # the latest articles with a feature are compared, no more
MAX_REGROUPED = 300  # articles clustered again at most when one arrives
LINK_FLOOR = 0.6  # share of the threshold from which a pair is linked (and looked at again)
POSTING_MASK = (1 << 20) - 1  # features share 1M postings rows (a rare one seldom a busy one)
WINDOW = 100_000  # the latest arrivals compared and kept in memory (weeks of news)


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


@dataclass
class Placement:
    """The group an article was placed in, and other articles whose group changed."""

    story_id: str
    regrouped: dict[str, str] = field(default_factory=dict)


class SameStoryIndex:
    """Incremental level-2 clustering: which story (of any outlet) an article reports.

    A group's id is the id of its earliest article, kept while the group goes on.
    The work per arrival is bounded whatever the store's size: at most
    ``BLOCKING_FEATURES * CANDIDATES_PER_FEATURE`` candidates, all among the last
    ``WINDOW`` arrivals, and at most ``MAX_REGROUPED`` articles clustered again.
    Articles older than the window keep their group and are no longer moved; of
    them only their id and their group's id are kept in memory.
    """

    def __init__(self, threshold: float = THRESHOLD, window: int = WINDOW) -> None:
        self.threshold = threshold
        self._vectors = FeatureWindow(window)
        # Postings: a row per feature (hashed), its latest arrivals plus one (0: none
        # yet; zeros cost no memory until written).
        shape = (POSTING_MASK + 1, CANDIDATES_PER_FEATURE)
        self._postings = np.zeros(shape, dtype=np.int32)
        self._posted = np.zeros(POSTING_MASK + 1, dtype=np.int64)
        self._arrival: dict[str, int] = {}
        self._ids: list[str] = []  # by arrival
        self._group_of: list[str] = []  # by arrival
        self._members: dict[str, list[int]] = {}  # group id -> its kept arrivals, in order
        self.compared = 0  # candidates the last arrival was compared with
        self.regrouped = 0  # articles the last arrival clustered again

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def window(self) -> int:
        return self._vectors.size

    def story_of(self, article_id: str) -> str | None:
        arrival = self._arrival.get(article_id)
        return None if arrival is None else self._group_of[arrival]

    def kept(self) -> int:
        """Articles whose vectors are in memory (the window)."""
        return sum(len(members) for members in self._members.values())

    @property
    def nbytes(self) -> int:
        """The index's own arrays (not counting the ids and the Python containers)."""
        return self._vectors.nbytes + self._postings.nbytes + self._posted.nbytes

    def similarities(self, rows: list[str], columns: list[str]) -> np.ndarray:
        """Similarity of each article of ``rows`` to each of ``columns`` (both within
        the window): the weighted mean of the per-kind cosines, over the kinds both have."""
        first = np.array([self._arrival[article] for article in rows], dtype=np.int64)
        second = first if columns is rows else np.array([self._arrival[a] for a in columns])
        if not all(map(self._vectors.holds, [*first.tolist(), *second.tolist()])):
            raise KeyError("similarities are known only within the window")
        return self._vectors.pairwise(first, second)

    def add(self, article_id: str, profile: Profile, story_id: str | None = None) -> Placement:
        """Add an article to group ``story_id`` if given (continuing a stored grouping),
        else cluster it with the groups it is linked to.

        It opens a group of its own when nothing is similar enough; otherwise it and
        the groups it links to are clustered again by average linkage, which may
        merge them or move some of their articles (``Placement.regrouped``).
        """
        if article_id in self._arrival:
            return Placement(self._group_of[self._arrival[article_id]])
        self.compared = self.regrouped = 0
        arrival = self._vectors.add(*_compact(profile))
        self._arrival[article_id] = arrival
        self._ids.append(article_id)
        self._group_of.append(article_id)
        self._evict(arrival - self.window)
        if story_id is not None:  # no scoring: only arrivals are scored against the rest
            self._post(arrival)
            self._join(arrival, story_id)
            return Placement(story_id)
        candidates = self._candidates(arrival)
        self.compared = len(candidates)
        similarities = self._vectors.scores(arrival, candidates)
        floor = self.threshold * LINK_FLOOR
        links = {
            int(other): similarity
            for other, similarity in zip(candidates, similarities.tolist(), strict=True)
            if similarity >= floor
        }
        self._post(arrival)
        linked = self._linked_groups(links)
        if not linked:
            self._join(arrival, article_id)
            return Placement(article_id)
        if len(self._members[linked[0]]) >= MAX_REGROUPED:
            # Too big a group to cluster again at each arrival: the article joins it if
            # it is, on average, similar enough to the group's latest articles.
            latest = np.array(self._members[linked[0]][-MAX_REGROUPED:])
            self.compared += len(latest)
            fits = self._vectors.scores(arrival, latest).mean() >= self.threshold
            group_id = linked[0] if fits else article_id
            self._join(arrival, group_id)
            return Placement(group_id)
        moved = self._regroup(arrival, linked)
        return Placement(self._group_of[arrival], moved)

    def _regroup(self, arrival: int, linked: list[str]) -> dict[str, str]:
        """Cluster the arrival with the kept articles of the linked groups; the
        articles whose group changed. A cluster whose earliest article was the earliest
        kept one of its group keeps that group's id (so a group whose first articles
        left the window keeps its id); any other is named after its earliest article."""
        earliest = {group: self._members[group][0] for group in linked}
        before = sorted(member for group in linked for member in self._members.pop(group))
        self.regrouped = len(before) + 1
        moved: dict[str, str] = {}
        for cluster in sorted(self._average_linkage([*before, arrival]), key=min):
            cluster.sort()
            first = cluster[0]
            old = self._group_of[first]
            group_id = old if earliest.get(old) == first else self._ids[first]
            self._members[group_id] = cluster
            for member in cluster:
                if member != arrival and self._group_of[member] != group_id:
                    moved[self._ids[member]] = group_id
                self._group_of[member] = group_id
        return moved

    def _candidates(self, arrival: int) -> np.ndarray:
        """The latest kept articles sharing one of the arrival's most distinctive features."""
        rows = self._vectors.distinctive(arrival, BLOCKING_FEATURES) & POSTING_MASK
        found = np.unique(self._postings[rows]) - 1
        return found[found >= self._vectors.oldest]

    def _post(self, arrival: int) -> None:
        """The arrival becomes the latest posting of each of its features (a feature's
        row of the table keeps its last ``CANDIDATES_PER_FEATURE``, in a ring)."""
        rows = np.unique(self._vectors.ids_of(arrival) & POSTING_MASK)
        self._postings[rows, self._posted[rows] % CANDIDATES_PER_FEATURE] = arrival + 1
        self._posted[rows] += 1

    def _join(self, arrival: int, group_id: str) -> None:
        self._group_of[arrival] = group_id
        self._members.setdefault(group_id, []).append(arrival)

    def _evict(self, arrival: int) -> None:
        """The arrival that just left the window stays in its group, no longer moved."""
        if arrival < 0:
            return
        group = self._group_of[arrival]
        members = self._members[group]
        members.remove(arrival)  # the group's earliest kept member: found at once
        if not members:
            del self._members[group]

    def _linked_groups(self, links: dict[int, float]) -> list[str]:
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

    def _average_linkage(self, arrivals: list[int]) -> list[list[int]]:
        """Average-linkage clusters of ``arrivals``, cut where similarity falls below
        the threshold (the merges at a distance up to 1 - threshold: average linkage
        never merges at a smaller distance than before, so these form the clusters)."""
        kept = np.array(arrivals, dtype=np.int64)
        distances = np.clip(1.0 - self._vectors.pairwise(kept, kept), 0.0, None)
        np.fill_diagonal(distances, 0.0)
        cut = 1.0 - self.threshold
        if len(arrivals) == 2:
            return [arrivals] if distances[0, 1] <= cut else [[arrivals[0]], [arrivals[1]]]
        tree = linkage(squareform(distances, checks=False), method="average")
        clusters = {index: [arrival] for index, arrival in enumerate(arrivals)}
        for step, (first, second, distance, _) in enumerate(tree.tolist()):
            if distance > cut:
                break
            clusters[len(arrivals) + step] = clusters.pop(int(first)) + clusters.pop(int(second))
        return list(clusters.values())


def _compact(profile: Profile) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A profile as distinct hashed feature ids (sorted), log term frequencies and
    kinds (arrays); two features hashed alike count as one, of the first one's kind."""
    buckets: list[int] = []
    counts: list[float] = []
    kinds: list[int] = []
    for kind, group in enumerate(GROUPS):
        features = profile.groups.get(group, {})
        buckets += [feature_id(kind, feature) for feature in features]
        counts += features.values()
        kinds += [kind] * len(features)
    weighted = np.array(counts, dtype=np.float64)
    kept = weighted >= 1.0
    ids, first, inverse = np.unique(
        np.array(buckets, dtype=np.int32)[kept], return_index=True, return_inverse=True
    )
    tf = 1.0 + np.log(np.bincount(inverse, weighted[kept], minlength=len(ids)))
    return ids, tf.astype(np.float32), np.array(kinds, dtype=np.int8)[kept][first]
