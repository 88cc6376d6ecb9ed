"""Events by place, for the workbench's map.

Only events the gazetteer placed (``latitude`` set, migration 0010) and that happened
(not negated) are drawn. ``where`` and its parameters are the workbench's event filters
on ``e`` (``queries.event_conditions``), so the map narrows as the network does.
"""

from __future__ import annotations

from typing import Any

from newsgraph.store.browse import JsonDict, RowReader

# The busiest places drawn; past this a map is a blot anyway.
MAX_PLACES = 2_000

_PLACES = """
SELECT e.place_name AS name, e.place_type AS type, e.place_country AS country,
       max(e.latitude) AS latitude, max(e.longitude) AS longitude,
       count(*) AS events, count(DISTINCT e.story_id) AS stories,
       count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
       count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict
FROM events e
WHERE e.latitude IS NOT NULL AND e.negated = 0 AND {where}
GROUP BY e.place_name, e.place_country, e.place_type
ORDER BY events DESC, name, country
LIMIT :max_places
"""

_PLACE_EVENT_IDS = """
SELECT e.id FROM events e
WHERE e.latitude IS NOT NULL AND e.negated = 0 AND e.place_name = :place_name
  AND e.place_country = :place_country AND {where}
ORDER BY e.event_date DESC NULLS LAST, e.id DESC
LIMIT :limit
"""

QUAD_CLASS_COLUMNS = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


def event_places(rows: RowReader, where: str, parameters: dict[str, Any]) -> list[JsonDict]:
    """Places with their events counted, in all and per QuadClass, busiest first; each
    carries ``quad_class``: the QuadClass most of its events have (the more conflictual
    on a tie, so that a clash is not hidden), None when none is coded."""
    places = rows(_PLACES.format(where=where), {**parameters, "max_places": MAX_PLACES})
    for place in places:
        counts = [place[column] or 0 for column in QUAD_CLASS_COLUMNS]
        most = max(counts)
        place["quad_class"] = 4 - counts[::-1].index(most) if most else None
    return places


def place_event_ids(
    rows: RowReader,
    where: str,
    parameters: dict[str, Any],
    name: str,
    country: str,
    limit: int,
) -> list[str]:
    """Ids of the latest events at one place (by the gazetteer's name and country)."""
    sql = _PLACE_EVENT_IDS.format(where=where)
    values = {**parameters, "place_name": name, "place_country": country, "limit": limit}
    return [row["id"] for row in rows(sql, values)]
