"""The SQL both back-ends share: the selects of facts, stories and actors, and the
conditions the workbench's filters add to them.

Written once in the SQL that SQLite and PostgreSQL both read: named ``:parameters``
(the PostgreSQL store turns them into its own), ``TRUE`` for no condition,
``COLLATE NOCASE`` (a case-insensitive collation of that name in PostgreSQL's
migration) and ``LIKE`` (which PostgreSQL reads as ``ILIKE``, since SQLite's ignores
case). Every value reaches SQL as a parameter: article text is hostile input.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from newsgraph.store.base import Filters, JsonDict

# Words of a search query; everything else (quotes, operators, brackets) is dropped.
SEARCH_TERM = re.compile(r"\w+")


def search_terms(query: str) -> list[str]:
    """The words a full-text search looks for, on either back-end."""
    return SEARCH_TERM.findall(query)


def fold(text: str) -> str:
    """The form names are compared in: case-insensitive beyond ASCII."""
    return " ".join(text.casefold().split())


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Ids of the stories of :story_id's level-2 group (one never placed is a group of its own).
GROUP_MEMBER_IDS = """(
    WITH target(group_id) AS (
        SELECT coalesce((SELECT group_id FROM story_groups WHERE story_id = :story_id), id)
        FROM stories WHERE id = :story_id
    )
    SELECT story_id FROM story_groups WHERE group_id = (SELECT group_id FROM target)
    UNION
    SELECT group_id FROM target
    WHERE NOT EXISTS (
        SELECT 1 FROM story_groups WHERE story_id = (SELECT group_id FROM target)
    )
)"""
GROUP_MEMBERS = f"s.id IN {GROUP_MEMBER_IDS}"

# Keys of actors whose key, name or alias equals :term (case-insensitively).
MATCHING_ACTOR_KEYS = """(
    SELECT key FROM actors WHERE key = :term COLLATE NOCASE OR folded_name = :folded
    UNION SELECT actor_key FROM actor_aliases WHERE folded_alias = :folded
)"""

# The selects of quotes and events: ``{quotes}``/``{events}`` is the table, or a page of
# its rows as a subquery (a dossier's latest, read along one index with no second look-up
# by id). Every fact has its story (a foreign key), so the LEFT JOIN of stories gives the
# rows an inner join would, but both planners leave it out where nothing reads ``s``
# (the latest-first orders, which read the fact's own date).
QUOTE_SELECT = """
SELECT q.id, q.story_id, q.article_id, q.span_start AS start, q.span_end AS "end", q.text,
       q.speaker_key, speaker.name AS speaker, q.speaker_text, q.cue,
       q.addressee_key, addressee.name AS addressee, q.via, q.partial,
       q.speaker_unnamed, q.confidence,
       substr(a.text, q.sentence_start + 1, q.sentence_end - q.sentence_start) AS sentence,
       q.sentence_start, q.sentence_end, {fact_mentions} AS other_mentions
FROM {quotes} q
JOIN articles a ON a.id = q.article_id
LEFT JOIN stories s ON s.id = q.story_id
LEFT JOIN actors speaker ON speaker.key = q.speaker_key
LEFT JOIN actors addressee ON addressee.key = q.addressee_key
WHERE {where}
ORDER BY {order}
"""
# Quotes in story order, then text order; a speaker's latest first (the dossier's order,
# along the index of migration 0008).
QUOTES_IN_STORY_ORDER = "s.published IS NULL, s.published, q.story_id, q.span_start, q.id"
QUOTES_LATEST_FIRST = "q.story_published DESC NULLS LAST, q.story_id DESC, q.id"

EVENT_SELECT = """
SELECT e.id, e.story_id, e.article_id, e.span_start AS start, e.span_end AS "end", e.verb,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
       e.sentence_start, e.sentence_end,
       e.source_text, e.source_actor_key, source.name AS source_name,
       e.source_code, e.source_sector,
       e.target_text, e.target_actor_key, target.name AS target_name,
       e.target_code, e.target_sector,
       e.cameo, e.cameo_root, e.plover, e.goldstein, e.quad_class,
       e.event_date AS date, e.location, e.negated,
       e.place_name, e.latitude, e.longitude, e.place_type, e.place_country,
       e.confidence, e.basis, {fact_mentions} AS other_mentions
FROM {events} e
JOIN articles a ON a.id = e.article_id
LEFT JOIN stories s ON s.id = e.story_id
LEFT JOIN actors source ON source.key = e.source_actor_key
LEFT JOIN actors target ON target.key = e.target_actor_key
WHERE {where}
ORDER BY {order}
"""
EVENTS_IN_STORY_ORDER = "s.published IS NULL, s.published, e.story_id, e.span_start, e.id"
EVENTS_LATEST_FIRST = "e.event_date DESC NULLS LAST, e.id DESC"

SIDES = ("source", "target")
NEWEST_EVENTS_PAGE = f" ORDER BY {EVENTS_LATEST_FIRST} LIMIT :limit OFFSET :offset"
# Event dict keys that come before the nested sides, in the order the API documents.
EVENT_HEAD = (
    "id",
    "story_id",
    "article_id",
    "start",
    "end",
    "verb",
    "sentence",
    "sentence_start",
    "sentence_end",
)

CLAIM_SELECT = """
SELECT c.id, c.story_id, c.article_id, c.span_start AS start, c.span_end AS "end",
       substr(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence,
       c.sentence_start, c.sentence_end, c.holder, c.subject, c.value, c.number, c.unit,
       c.time, c.confidence
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN stories s ON s.id = c.story_id
WHERE {where}
ORDER BY s.published IS NULL, s.published, c.story_id, c.span_start, c.id
"""

STORY_SELECT = """
SELECT s.id, s.title, s.published, s.publisher, s.canonical_article_id,
       (SELECT count(*) FROM articles x WHERE x.story_id = s.id) AS articles,
       (SELECT count(*) FROM quotes x WHERE x.story_id = s.id) AS quotes,
       (SELECT count(*) FROM events x WHERE x.story_id = s.id) AS events,
       (SELECT count(*) FROM claims x WHERE x.story_id = s.id) AS claims,
       (SELECT tone FROM articles x WHERE x.id = s.canonical_article_id) AS tone
FROM stories s
WHERE {where}
ORDER BY s.published IS NULL, s.published, s.id
"""

# An actor with its aliases and roles (JSON arrays, see SQLStore._json_rows), its
# mention count, its confidence (its most confident mention's) and whether a quote or
# event refers to it: over all its mentions (ACTOR_OVERALL) or one story's (ACTOR_IN_STORY).
ACTOR_SELECT = """
SELECT ac.key, ac.name, ac.type, ac.code, ac.country, ac.sector,
       {counts[mentions]} AS mentions, {aliases} AS aliases, {roles} AS roles,
       {counts[confidence]} AS confidence, {counts[referenced]} AS referenced
FROM actors ac {counts[joined]}
WHERE {where}
ORDER BY mentions DESC, ac.key
"""
ACTOR_OVERALL = {
    "mentions": "coalesce((SELECT t.mentions FROM actor_totals t WHERE t.actor_key = ac.key), 0)",
    "confidence": "(SELECT max(m.confidence) FROM mentions m WHERE m.actor_key = ac.key)",
    # Stops at the first such mention, where max() read a busy actor's every one.
    "referenced": (
        "EXISTS (SELECT 1 FROM mentions m WHERE m.actor_key = ac.key AND m.referenced = 1)"
    ),
    "joined": "",
}
# The actors of :story_id, their mentions counted in it alone.
ACTOR_IN_STORY = {
    "mentions": "m.mentions",
    "confidence": "m.confidence",
    "referenced": "m.referenced",
    "joined": """JOIN (
        SELECT actor_key, count(*) AS mentions, max(confidence) AS confidence,
               max(referenced) AS referenced
        FROM mentions WHERE story_id = :story_id GROUP BY actor_key
    ) AS m ON m.actor_key = ac.key""",
}

# Quote ``q`` is shown at :min_confidence (quotes/confidence.py is_shown): that confident,
# or of a confidence never measured.
QUOTE_SHOWN = "(q.confidence IS NULL OR q.confidence >= :min_confidence)"

# Actor ``ac`` is shown at :min_actor_confidence when one of its mentions is that
# confident or a quote or event of the mention's story refers to it (actors/confidence.py
# is_shown); the index by actor (migration 0017) answers it without the table.
ACTOR_SHOWN = (
    "EXISTS (SELECT 1 FROM mentions m WHERE m.actor_key = ac.key"
    " AND (m.confidence >= :min_actor_confidence OR m.referenced = 1))"
)

VERSION_SELECT = """
SELECT story_id, id AS article_id, source_ref, title, published, publisher, author, url,
       word_count, tone, language
FROM articles WHERE {where} ORDER BY story_id, position
"""


def how_matched(actor: JsonDict, term: str, folded: str) -> str:
    if actor["key"].casefold() == term.casefold():
        return "key"
    if fold(actor["name"]) == folded:
        return "name"
    return "alias"


def event_conditions(filters: Filters) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on events ``e`` (with their parameters) for the filters."""
    conditions, parameters = ["TRUE"], {}
    if filters.date_from:
        conditions.append("e.event_date >= :date_from")
        parameters["date_from"] = filters.date_from
    if filters.date_to:
        conditions.append("e.event_date <= :date_to")
        parameters["date_to"] = filters.date_to
    if filters.actor:
        conditions.append(
            f"(e.source_actor_key IN {MATCHING_ACTOR_KEYS}"
            f" OR e.target_actor_key IN {MATCHING_ACTOR_KEYS})"
        )
        parameters.update(term=filters.actor.strip(), folded=fold(filters.actor))
    if filters.source:
        conditions.append("e.source_actor_key = :source")
        parameters["source"] = filters.source
    if filters.target:
        conditions.append("e.target_actor_key = :target")
        parameters["target"] = filters.target
    if filters.publisher:
        conditions.append(
            "e.story_id IN (SELECT story_id FROM articles WHERE publisher = :publisher"
            " COLLATE NOCASE)"
        )
        parameters["publisher"] = filters.publisher.strip()
    conditions_on_kind, kind_parameters = event_kind_conditions(filters, "e")
    return conditions + conditions_on_kind, parameters | kind_parameters


def event_kind_conditions(filters: Filters, alias: str) -> tuple[list[str], dict[str, Any]]:
    """Conditions on what an event is: CAMEO root, PLOVER category, QuadClass."""
    conditions, parameters = [], {}
    if filters.cameo_root:
        on_cameo, cameo_parameters = cameo_conditions(filters.cameo_root, alias)
        conditions += on_cameo
        parameters |= cameo_parameters
    if filters.plover:
        conditions.append(f"{alias}.plover = :plover COLLATE NOCASE")
        parameters["plover"] = filters.plover.strip()
    if filters.quad_class is not None:
        conditions.append(f"{alias}.quad_class = :quad_class")
        parameters["quad_class"] = filters.quad_class
    if filters.min_confidence is not None:
        conditions.append(f"{alias}.confidence >= :min_confidence")
        parameters["min_confidence"] = filters.min_confidence
    return conditions, parameters


def cameo_conditions(code: str, alias: str) -> tuple[list[str], dict[str, Any]]:
    """Events whose CAMEO code starts with ``code``, of any depth: the root (indexed)
    and, for a deeper code, the code's prefix. One digit is a root: 7 is 07."""
    code = code.strip()
    root = code.zfill(2) if code.isdigit() and len(code) == 1 else code[:2]
    conditions = [f"{alias}.cameo_root = :cameo_root"]
    parameters = {"cameo_root": root}
    if len(code) > 2:
        conditions.append(f"{alias}.cameo LIKE :cameo_prefix ESCAPE '\\'")
        parameters["cameo_prefix"] = like_pattern(code)[1:]
    return conditions, parameters


def story_conditions(filters: Filters) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on stories ``s`` for the filters: an actor is one it mentions, a
    publisher any outlet that reported it. Dates are the story's date, or, when an
    event filter is set (CAMEO, PLOVER, QuadClass, source, target), that event's date:
    the stories behind one day's bar of the timeline."""
    conditions, parameters = ["TRUE"], {}
    # The confidence alone does not narrow stories: it only says which events count.
    unsure = replace(filters, min_confidence=None)
    event_conditions, event_parameters = event_kind_conditions(unsure, "ev")
    if filters.source:
        event_conditions.append("ev.source_actor_key = :source")
        event_parameters["source"] = filters.source
    if filters.target:
        event_conditions.append("ev.target_actor_key = :target")
        event_parameters["target"] = filters.target
    if event_conditions and filters.min_confidence is not None:
        event_conditions.append("ev.confidence >= :min_confidence")
        event_parameters["min_confidence"] = filters.min_confidence
    dated = "ev.event_date" if event_conditions else "s.published"
    if filters.date_from:
        (event_conditions or conditions).append(f"{dated} >= :date_from")
        parameters["date_from"] = filters.date_from
    if filters.date_to:
        (event_conditions or conditions).append(f"{dated} <= :date_to")
        parameters["date_to"] = filters.date_to
    if filters.actor:
        conditions.append(
            f"s.id IN (SELECT story_id FROM mentions WHERE actor_key IN {MATCHING_ACTOR_KEYS})"
        )
        parameters.update(term=filters.actor.strip(), folded=fold(filters.actor))
    if filters.publisher:
        conditions.append(
            "s.id IN (SELECT story_id FROM articles WHERE publisher = :publisher COLLATE NOCASE)"
        )
        parameters["publisher"] = filters.publisher.strip()
    if event_conditions:
        conditions.append(
            f"s.id IN (SELECT ev.story_id FROM events ev WHERE {' AND '.join(event_conditions)})"
        )
    return conditions, parameters | event_parameters
