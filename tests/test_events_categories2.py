"""Which PLOVER category an act takes in issue 12's third category round (cyber attacks,
strikes launched or gone on, money mobilised, conditional refusals, responsibility for an
act of force), each rule on sentences of our own (none from the dev sets)."""

from __future__ import annotations

import pytest

from newsgraph.actors import ActorDictionary, resolve_actors
from newsgraph.events import extract_events
from newsgraph.records import Event


@pytest.fixture(scope="module")
def events_of(nlp):
    dictionary = ActorDictionary.load()

    def code(text: str) -> list[Event]:
        doc = nlp(text)
        return extract_events(doc, "categories", resolve_actors(doc, "categories", dictionary))

    return code


def _categories(events: list[Event]) -> list[str | None]:
    return [e.plover for e in events if not e.negated]


@pytest.mark.parametrize(
    "text",
    [
        "Russian hackers launched cyber attacks on Estonian government websites.",
        "Iran launched a cyberattack against Israeli water systems.",
        "North Korea has launched cyber warfare against South Korea.",
    ],
)
def test_a_cyber_attack_coerces_and_harms_no_one_bodily(events_of, text):
    events = events_of(text)
    assert [(e.cameo, e.plover) for e in events] == [("170", "COERCE")]


def test_an_attack_launched_is_still_an_assault(events_of):
    events = events_of("Russian troops launched an attack on Ukrainian positions.")
    assert [e.plover for e in events] == ["ASSAULT"]


def test_a_hunger_strike_launched_is_a_protest(events_of):
    events = events_of("Palestinian prisoners launched a hunger strike against Israel.")
    assert [(e.cameo, e.plover) for e in events] == [("142", "PROTEST")]


def test_money_mobilised_for_someone_is_aid_and_forces_mobilised_a_show_of_force(events_of):
    aid = events_of("The World Bank is mobilising new funds to rebuild Haiti.")
    assert _categories(aid) == ["AID"]
    force = events_of("Russia mobilised troops on the border with Ukraine.")
    assert _categories(force) == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # the act asked refines the demand: a release (1053), lifting a blockade (1056)
        ("Hamas will not free the hostages unless Israel releases its prisoners.", "1053"),
        ("Hamas refused to free the hostages until Israel lifts the blockade.", "1056"),
    ],
)
def test_a_refusal_on_a_condition_also_demands_the_condition(events_of, text, cameo):
    events = events_of(text)
    demands = [e for e in events if e.plover == "REQUEST"]
    assert [(e.cameo, e.source.code[:3], e.target.code) for e in demands] == [(cameo, "PSE", "ISR")]
    # the refusal itself stands beside the demand
    assert "REJECT" in _categories(events)


@pytest.mark.parametrize(
    "text",
    [
        # a past "not ... until" tells a time, not a condition
        "The Syrian army did not attack Homs until the rebels arrived.",
        # a pronoun may stand for anyone, the refused side as well
        "Hungary will not accept refugees from Syria unless they are registered.",
    ],
)
def test_no_demand_without_a_future_refusal_of_a_named_other(events_of, text):
    assert "REQUEST" not in _categories(events_of(text))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Nigerian doctors went on strike against the government.", "143"),
        ("Palestinian prisoners went on a hunger strike against Israel.", "142"),
    ],
)
def test_going_on_strike_protests(events_of, text, cameo):
    events = events_of(text)
    assert [(e.cameo, e.plover) for e in events] == [(cameo, "PROTEST")]


def test_going_somewhere_is_no_strike(events_of):
    assert "PROTEST" not in _categories(events_of("The Nigerian president went to Abuja."))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Syrian army is responsible for the killings of civilians in Homs.", "1823"),
        ("Myanmar's military was responsible for atrocities against the Rohingya.", "180"),
        ("Iranian prison guards are responsible for the torture of Kurdish inmates.", "1822"),
    ],
)
def test_who_is_responsible_for_an_act_of_force_did_it(events_of, text, cameo):
    events = events_of(text)
    assert [(e.cameo, e.plover) for e in events] == [(cameo, "ASSAULT")]


def test_responsibility_for_no_act_of_force_is_no_event(events_of):
    # a meeting one is responsible for is organised, not held: no act named
    assert not events_of("Russia is responsible for the peace talks in Syria.")
