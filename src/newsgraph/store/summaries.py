"""An actor's dossier sums, read from the tables migration 0007 keeps by trigger.

A dossier shows an actor's totals, its events per day and the actors it deals with
most. Summing those from the events themselves costs a busy actor's every event on
every page view; the summary tables hold the sums, exact after every write, so a
dossier reads one row per day and per partner.
"""

from __future__ import annotations

from newsgraph.store.browse import Statement

# How many partners a dossier lists.
TOP_PARTNERS = 12

_TOTALS = """
SELECT coalesce(quotes, 0) AS quotes, coalesce(events_as_source, 0) AS events_as_source,
       coalesce(events_as_target, 0) AS events_as_target
FROM (SELECT :key AS actor_key) AS actor LEFT JOIN actor_totals USING (actor_key)
"""

_OVER_TIME = """
SELECT event_date AS date, as_source, as_target FROM actor_days
WHERE actor_key = :key ORDER BY event_date
"""

_INTERACTIONS = """
SELECT p.other_key AS key, ac.name, ac.type, p.events, p.as_source,
       p.events - p.as_source AS as_target, p.cooperation, p.conflict,
       p.goldstein_sum / p.goldstein_count AS goldstein
FROM actor_pairs p JOIN actors ac ON ac.key = p.other_key
WHERE p.actor_key = :key
ORDER BY p.events DESC, p.other_key
LIMIT :top
"""


def dossier_statements(key: str) -> list[Statement]:
    """The queries of an actor's sums, to run together: its totals (one row: quotes it
    spoke, events it is the source and the target of), its non-negated dated events per
    day (``{date, as_source, as_target}``, oldest first) and the actors it acts with
    most, either way, with cooperation, conflict and mean Goldstein."""
    return [
        (_TOTALS, {"key": key}),
        (_OVER_TIME, {"key": key}),
        (_INTERACTIONS, {"key": key, "top": TOP_PARTNERS}),
    ]
