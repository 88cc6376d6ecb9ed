"""Which PLOVER category an act takes in issue 12's third category round (cyber attacks,
strikes launched or gone on, money mobilised, conditional refusals, responsibility for an
act of force), each rule on sentences of our own (none from the dev sets)."""

from __future__ import annotations

import pytest

from newsgraph.records import Event


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
def test_a_cyber_attack_coerces_and_harms_no_one_bodily(code_events, text):
    events = code_events(text)
    assert [(e.cameo, e.plover) for e in events] == [("170", "COERCE")]


def test_an_attack_launched_is_still_an_assault(code_events):
    events = code_events("Russian troops launched an attack on Ukrainian positions.")
    assert [e.plover for e in events] == ["ASSAULT"]


def test_a_hunger_strike_launched_is_a_protest(code_events):
    events = code_events("Palestinian prisoners launched a hunger strike against Israel.")
    assert [(e.cameo, e.plover) for e in events] == [("142", "PROTEST")]


def test_money_mobilised_for_someone_is_aid_and_forces_mobilised_a_show_of_force(code_events):
    aid = code_events("The World Bank is mobilising new funds to rebuild Haiti.")
    assert _categories(aid) == ["AID"]
    force = code_events("Russia mobilised troops on the border with Ukraine.")
    assert _categories(force) == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # the act asked refines the demand: a release (1053), lifting a blockade (1056)
        ("Hamas will not free the hostages unless Israel releases its prisoners.", "1053"),
        ("Hamas refused to free the hostages until Israel lifts the blockade.", "1056"),
    ],
)
def test_a_refusal_on_a_condition_also_demands_the_condition(code_events, text, cameo):
    events = code_events(text)
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
def test_no_demand_without_a_future_refusal_of_a_named_other(code_events, text):
    assert "REQUEST" not in _categories(code_events(text))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Nigerian doctors went on strike against the government.", "143"),
        ("Palestinian prisoners went on a hunger strike against Israel.", "142"),
    ],
)
def test_going_on_strike_protests(code_events, text, cameo):
    events = code_events(text)
    assert [(e.cameo, e.plover) for e in events] == [(cameo, "PROTEST")]


def test_going_somewhere_is_no_strike(code_events):
    assert "PROTEST" not in _categories(code_events("The Nigerian president went to Abuja."))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Syrian army is responsible for the killings of civilians in Homs.", "1823"),
        ("Myanmar's military was responsible for atrocities against the Rohingya.", "180"),
        ("Iranian prison guards are responsible for the torture of Kurdish inmates.", "1822"),
    ],
)
def test_who_is_responsible_for_an_act_of_force_did_it(code_events, text, cameo):
    events = code_events(text)
    assert [(e.cameo, e.plover) for e in events] == [(cameo, "ASSAULT")]


def test_responsibility_for_no_act_of_force_is_no_event(code_events):
    # a meeting one is responsible for is organised, not held: no act named
    assert not code_events("Russia is responsible for the peace talks in Syria.")
