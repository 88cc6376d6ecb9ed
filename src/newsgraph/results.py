"""Typed records that the Python API (``newsgraph.open``) returns, and their DataFrames.

The store answers in JSON-ready dicts; these frozen dataclasses give a notebook
user attribute access, documented fields and dates as ``datetime.date``. A
listing is a ``Records`` list whose ``to_pandas()`` flattens each record into
one row: an actor side becomes ``source_name``, ``source_code``… columns, a
tuple of reports becomes its count, dates become ``datetime64`` columns.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, is_dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import pandas

PANDAS_EXTRA = "pip install 'newsgraph[pandas]'"

Record = TypeVar("Record")


def _date(value: str | None) -> datetime.date | None:
    """An ISO ``YYYY-MM-DD`` date of the store as a date; anything else as None."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _text(value: str | None) -> str | None:
    """A sentence without the paragraph break the store keeps after it."""
    return value.strip() if value is not None else None


@dataclass(frozen=True)
class Report:
    """Where one article version reports a fact: the fact's and its sentence's offsets."""

    article_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> Report:
        return cls(
            data["article_id"],
            data["start"],
            data["end"],
            data["sentence_start"],
            data["sentence_end"],
        )


def _reports(data: Mapping[str, Any]) -> tuple[Report, ...]:
    return tuple(Report.from_store(mention) for mention in data.get("mentions", ()))


@dataclass(frozen=True)
class ActorSide:
    """One side of an event: the words of the article and the actor they resolved to."""

    text: str | None
    key: str | None  # the actor's key (RUS, person:vladimir-putin); None if unresolved
    name: str | None
    code: str | None  # CAMEO actor code, with the sector (RUSGOV, KAZCOP)
    sector: str | None

    @classmethod
    def from_store(cls, data: Mapping[str, Any] | None) -> ActorSide | None:
        if data is None:
            return None
        return cls(data["text"], data["actor_key"], data["name"], data["code"], data["sector"])


@dataclass(frozen=True)
class Version:
    """One article of a story: the first seen, or a near-duplicate that joined it."""

    article_id: str
    source_ref: str
    title: str | None
    published: datetime.date | None
    publisher: str | None
    author: str | None
    url: str | None
    word_count: int
    language: str | None = None

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> Version:
        return cls(
            data["article_id"],
            data["source_ref"],
            data["title"],
            _date(data["published"]),
            data["publisher"],
            data["author"],
            data["url"],
            data["word_count"],
            data.get("language"),
        )


@dataclass(frozen=True)
class StoryRecord:
    """A story (the versions of one article) with its fact counts and same-story group
    (different articles about one event)."""

    id: str
    title: str | None
    published: datetime.date | None
    publisher: str | None
    canonical_article_id: str
    articles: int
    quotes: int
    events: int
    claims: int
    publishers: tuple[str, ...]
    same_story: str  # the group's id
    same_story_stories: tuple[str, ...]
    same_story_publishers: tuple[str, ...]
    versions: tuple[Version, ...]

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> StoryRecord:
        counts, group = data["counts"], data["same_story"]
        return cls(
            data["id"],
            data["title"],
            _date(data["published"]),
            data["publisher"],
            data["canonical_article_id"],
            counts["articles"],
            counts["quotes"],
            counts["events"],
            counts["claims"],
            tuple(data["publishers"]),
            group["id"],
            tuple(group["stories"]),
            tuple(group["publishers"]),
            tuple(Version.from_store(version) for version in data["versions"]),
        )


@dataclass(frozen=True)
class EventRecord:
    """Who did what to whom, coded in CAMEO and PLOVER, with the sentence it is told in."""

    id: str
    story_id: str
    article_id: str
    date: datetime.date | None
    source: ActorSide | None
    verb: str
    target: ActorSide | None
    cameo: str
    cameo_root: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    location: str | None
    negated: bool
    confidence: float  # 0-1, how far the coding can be trusted (events/confidence.py)
    basis: str | None  # how the coder found act, source and target: "verb coded named"
    sentence: str | None
    start: int
    end: int
    reports: tuple[Report, ...]

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> EventRecord:
        return cls(
            data["id"],
            data["story_id"],
            data["article_id"],
            _date(data["date"]),
            ActorSide.from_store(data["source"]),
            data["verb"],
            ActorSide.from_store(data["target"]),
            data["cameo"],
            data["cameo_root"],
            data["plover"],
            data["goldstein"],
            data["quad_class"],
            data["location"],
            bool(data["negated"]),
            data["confidence"],
            data["basis"],
            _text(data["sentence"]),
            data["start"],
            data["end"],
            _reports(data),
        )


@dataclass(frozen=True)
class QuoteRecord:
    """A direct quote with its speaker (resolved to an actor where one is known)."""

    id: str
    story_id: str
    article_id: str
    speaker: str | None  # the actor's name
    speaker_key: str | None
    speaker_text: str | None  # the words that name the speaker in the article
    cue: str | None
    text: str
    addressee: str | None
    addressee_key: str | None
    via: str | None
    partial: bool
    sentence: str | None
    start: int
    end: int
    reports: tuple[Report, ...]

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> QuoteRecord:
        return cls(
            data["id"],
            data["story_id"],
            data["article_id"],
            data["speaker"],
            data["speaker_key"],
            data["speaker_text"],
            data["cue"],
            data["text"],
            data["addressee"],
            data["addressee_key"],
            data["via"],
            bool(data["partial"]),
            _text(data["sentence"]),
            data["start"],
            data["end"],
            _reports(data),
        )


def claim_label(claim: Mapping[str, Any]) -> str:
    """A stored claim on one line: whose it is when the text says, what it measures and
    its value ("Chile — exports: 12 percent"); plain text, for the caller to escape."""
    holder = f"{claim['holder']} — " if claim.get("holder") else ""
    return f"{holder}{claim['subject']}: {claim['value']}"


@dataclass(frozen=True)
class ClaimRecord:
    """A number an article states, with what it measures and when."""

    id: str
    story_id: str
    article_id: str
    subject: str | None
    value: str
    number: float | None
    unit: str | None
    time: str | None  # as precise as the article: 2022, 2022-01 or 2022-01-10
    sentence: str | None
    start: int
    end: int
    confidence: float  # how far it is a figure an analyst can use (claims/confidence.py)
    holder: str | None = None  # whose figure it is, as the text names it (claims/holders.py)

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> ClaimRecord:
        return cls(
            data["id"],
            data["story_id"],
            data["article_id"],
            data["subject"],
            data["value"],
            data["number"],
            data["unit"],
            data["time"],
            _text(data["sentence"]),
            data["start"],
            data["end"],
            data["confidence"],
            data.get("holder"),
        )


@dataclass(frozen=True)
class ActorRecord:
    """A person, organisation or country, merged across stories."""

    key: str
    name: str
    type: str
    code: str | None
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    # how far its type and identity can be trusted: the highest of its mentions'
    # (actors/confidence.py)
    confidence: float
    referenced: bool  # a quote or event refers to it: shown whatever its confidence
    mentions: int

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> ActorRecord:
        return cls(
            data["key"],
            data["name"],
            data["type"],
            data["code"],
            data["country"],
            data["sector"],
            tuple(data["aliases"]),
            tuple(data["roles"]),
            data["confidence"],
            data["referenced"],
            data["mentions"],
        )


@dataclass(frozen=True)
class Section:
    """A heading of the canonical article, before the paragraph it opens."""

    title: str
    paragraph_index: int


@dataclass(frozen=True)
class StoryDetail:
    """One story in full: its canonical text and every fact extracted from it."""

    story: StoryRecord
    standfirst: str | None
    body: str
    text: str  # standfirst and body as the fact offsets count them
    captions: tuple[str, ...]
    sections: tuple[Section, ...]
    actors: Records[ActorRecord]
    quotes: Records[QuoteRecord]
    events: Records[EventRecord]
    claims: Records[ClaimRecord]

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> StoryDetail:
        return cls(
            StoryRecord.from_store(data),
            data["standfirst"],
            data["body"],
            data["text"],
            tuple(data["captions"]),
            tuple(Section(s["title"], s["paragraph_index"]) for s in data["sections"]),
            Records.of(ActorRecord, data["actors"]),
            Records.of(QuoteRecord, data["quotes"]),
            Records.of(EventRecord, data["events"]),
            Records.of(ClaimRecord, data["claims"]),
        )


class Records(list[Record]):
    """A listing: a plain list of typed records that can also become a DataFrame."""

    def __init__(self, kind: type[Record], records: Iterable[Record] = ()) -> None:
        super().__init__(records)
        self.kind = kind

    @classmethod
    def of(cls, kind: type[Record], rows: Iterable[Mapping[str, Any]]) -> Records[Record]:
        """Records of ``kind`` built from the store's dicts."""
        return cls(kind, (kind.from_store(row) for row in rows))  # type: ignore[attr-defined]

    def to_pandas(self) -> pandas.DataFrame:
        """One row per record; nested records flattened into prefixed columns."""
        try:
            import pandas
        except ImportError as error:
            raise ImportError(f"to_pandas() needs pandas: {PANDAS_EXTRA}") from error
        plan = _flat_columns(self.kind)
        frame = pandas.DataFrame(
            [_flat_row(record, plan) for record in self], columns=[c.name for c in plan]
        )
        for column in plan:
            if column.is_date:
                frame[column.name] = pandas.to_datetime(frame[column.name])
        return frame


@dataclass(frozen=True)
class _Column:
    name: str
    field: str
    nested: str | None = None  # the field of a nested record this column holds
    is_count: bool = False  # a tuple of records: the column holds how many
    is_date: bool = False


def _unwrap_optional(hint: Any) -> Any:
    """``X | None`` → X; any other hint as it is."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        members = [member for member in typing.get_args(hint) if member is not type(None)]
        if len(members) == 1:
            return members[0]
    return hint


@functools.cache
def _flat_columns(kind: type) -> tuple[_Column, ...]:
    """The DataFrame columns of a record type, worked out once from its type hints."""
    columns: list[_Column] = []
    for name, raw_hint in typing.get_type_hints(kind).items():
        hint = _unwrap_optional(raw_hint)
        arguments = typing.get_args(hint)
        if is_dataclass(hint):
            for sub_name, sub_hint in typing.get_type_hints(hint).items():
                is_date = _unwrap_optional(sub_hint) is datetime.date
                columns.append(_Column(f"{name}_{sub_name}", name, sub_name, is_date=is_date))
        elif typing.get_origin(hint) is tuple and arguments and is_dataclass(arguments[0]):
            columns.append(_Column(name, name, is_count=True))
        else:
            columns.append(_Column(name, name, is_date=hint is datetime.date))
    return tuple(columns)


def _flat_row(record: Any, plan: tuple[_Column, ...]) -> list[Any]:
    row: list[Any] = []
    for column in plan:
        value = getattr(record, column.field)
        if column.nested is not None:
            value = None if value is None else getattr(value, column.nested)
        elif column.is_count:
            value = len(value)
        elif isinstance(value, tuple):
            value = list(value)
        row.append(value)
    return row
