"""Geocoding: place names to GeoNames coordinates, precise before complete."""

from __future__ import annotations

import pytest

from newsgraph.geo import Gazetteer, locate_events
from newsgraph.records import ActorRef, Event, Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_kazakh_cities_and_the_country(gazetteer: Gazetteer) -> None:
    almaty = gazetteer.locate("Almaty")
    assert (almaty.type, almaty.country) == ("city", "KAZ")
    assert almaty.latitude == pytest.approx(43.25, abs=0.05)
    assert almaty.longitude == pytest.approx(76.91, abs=0.05)
    astana = gazetteer.locate("Astana")
    assert (astana.name, astana.country) == ("Astana", "KAZ")
    assert gazetteer.locate("Nur-Sultan") == astana  # a GeoNames alternate name
    country = gazetteer.locate("Kazakhstan")
    assert (country.type, country.country) == ("country", "KAZ")
    # The centroid of the country's land, not its capital.
    assert (country.latitude, country.longitude) != (astana.latitude, astana.longitude)
    assert 40 < country.latitude < 56 and 46 < country.longitude < 88


def test_unknown_and_ambiguous_places_stay_empty(gazetteer: Gazetteer) -> None:
    assert gazetteer.locate("Central Asia") is None
    assert gazetteer.locate("") is None and gazetteer.locate(None) is None
    # A continent is no point, though "Africa" is an old name of Tunisia's Mahdia.
    assert gazetteer.locate("Africa") is None
    # Several Springfields of like size, even within the United States.
    assert gazetteer.locate("Springfield") is None
    assert gazetteer.locate("Springfield", ["USA"]) is None


def test_the_actors_country_chooses_among_namesakes(gazetteer: Gazetteer) -> None:
    assert gazetteer.locate("Birmingham").country == "GBR"
    assert gazetteer.locate("Birmingham", ["USA"]).country == "USA"
    # The story's countries, when the event's actors have none.
    assert gazetteer.locate("Birmingham", ["MIL"], story=["USA", "GBR"]).country == "USA"
    # The actor dictionary files Córdoba under Spain: that decides only without context.
    assert gazetteer.locate("Cordoba").country == "ESP"
    assert gazetteer.locate("Cordoba", story=["ARG"]).country == "ARG"
    assert gazetteer.locate("Hyderabad", ["PAK"], story=["IND"]).country == "PAK"
    # ... unless the other namesake dwarfs it: Americans "in Paris" are in France.
    assert gazetteer.locate("Paris", ["USA"]).country == "FRA"


def test_other_names_of_countries(gazetteer: Gazetteer) -> None:
    assert gazetteer.locate("Britain").country == "GBR"
    assert gazetteer.locate("the United States").country == "USA"
    # A name the dictionary files under a country with no city of that name there is
    # the country, whatever the actors: not Palestine, Texas.
    palestine = gazetteer.locate("Palestine", ["USA"])
    assert (palestine.type, palestine.country) == ("country", "PSE")
    assert gazetteer.country("KAZREB").fips == "KZ"  # a CAMEO code opening with ISO


def test_locate_events_uses_the_event_actors_first(gazetteer: Gazetteer) -> None:
    span = Span("a", 0, 5)

    def event(location: str | None, source_code: str) -> Event:
        source = ActorRef("someone", None, source_code)
        return Event(
            span, span, source, None, "141", "PROTEST", -6.5, 4, "protested", None, location
        )

    placed = locate_events(
        [event("Birmingham", "USACVL"), event("Birmingham", "CVL"), event(None, "USA")],
        story_countries=["GBR"],
        gazetteer=gazetteer,
    )
    assert [e.place.country if e.place else None for e in placed] == ["USA", "GBR", None]
    assert placed[0].location == "Birmingham"  # the words as written stay
