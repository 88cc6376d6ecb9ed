"""Readings that decide whether an act happened, what it is and whom it is done to
(events/readings.py), from the kinds of wrong events judged on PolNeAR's political news,
each on sentences of our own (none from the dev sets or the audited articles)."""

from __future__ import annotations

import functools

import pytest

from conftest import shown_events

DATE = "2016-05-10"


@pytest.fixture(scope="module")
def events_of(code_events):
    return functools.partial(code_events, date=DATE)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ted Cruz attacked Donald Trump on Tuesday.",
        "Donald Trump launched a fierce attack against Hillary Clinton.",
    ],
)
def test_politicians_attacking_each_other_criticize(events_of, text):
    events = events_of(text)
    assert events and {(e.cameo, e.plover) for e in events} == {("111", "ACCUSE")}


def test_a_country_attacking_a_country_stays_force(events_of):
    events = events_of("Russia attacked Ukraine on Monday.")
    assert events and {e.plover for e in events} == {"ASSAULT"}


@pytest.mark.parametrize(
    "text",
    [
        "If Donald Trump wins the vote, he offers Jeb Bush a seat in the cabinet.",
        "By inviting Angela Merkel to the summit, Obama would show voters that he is serious.",
    ],
)
def test_an_act_the_writer_only_supposes_is_not_shown(events_of, text):
    events = events_of(text)
    assert events and all("supposed" in e.basis for e in events)
    assert not shown_events(events)


def test_an_intent_someone_states_is_shown(events_of):
    events = events_of("Russia said it would send troops to Syria.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("AGREE", "SYR")]


@pytest.mark.parametrize(
    "text",
    [
        "Canada has yet to recognize Kosovo.",
        "The Greek government is too weak to provide aid to Cyprus.",
    ],
)
def test_an_act_not_reached_is_negated(events_of, text):
    events = events_of(text)
    assert events and all(e.negated for e in events)


def test_meeting_a_countrys_standards_meets_no_one(events_of):
    events = events_of("Mexican farms often fail to meet strict American hygiene standards.")
    assert events and all("owned" in e.basis for e in events)
    assert not shown_events(events)


def test_criticizing_a_countrys_plan_targets_the_country(events_of):
    events = events_of("France denounced Russia's plan on Monday.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("ACCUSE", "RUS")]


def test_posing_a_threat_is_no_threat(events_of):
    assert not events_of("Al Qaeda still posed a direct threat to Americans.")


def test_a_statement_with_no_plover_category_is_not_shown(events_of):
    events = events_of("Benjamin Netanyahu considers Barack Obama naive.")
    assert events and all("unclassed" in e.basis for e in events)
    assert not shown_events(events)


def test_recalling_a_meeting_is_no_meeting(events_of):
    assert not events_of("Joe Biden recalled the meeting between Nixon and Mao.")


def test_recalling_an_ambassador_is_still_a_sanction(events_of):
    events = events_of("France recalled its ambassador to Italy.")
    assert [(e.cameo, e.target.code) for e in events] == [("161", "ITA")]


def test_politicians_defeating_each_other_is_an_election(events_of):
    assert not events_of("Donald Trump defeated Senator Ted Cruz in Indiana.")


def test_a_country_defeating_a_country_is_still_coded(events_of):
    assert [e.plover for e in events_of("Israel defeated Egypt in 1967.")] == ["ASSAULT"]


def test_blocking_a_proposal_rejects_it(events_of):
    events = events_of("Russia blocked China's proposal for a new development bank.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("REJECT", "CHN")]


def test_blocking_a_road_is_still_obstruction(events_of):
    events = events_of("Protesters blocked the road to the airport.")
    assert events and {e.cameo for e in events} == {"144"}


def test_a_ship_stands_for_those_aboard(events_of):
    events = events_of("The Indian navy rescued an Ethiopian ship in the Gulf of Aden.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("AID", "ETH")]


def test_an_act_in_an_allegation_is_not_coded(events_of):
    events = events_of("The minister denied claims that Chadian troops had fought in Sudan.")
    assert not [e for e in events if e.plover == "ASSAULT"]
    assert [e.plover for e in events_of("Chadian troops fought in Sudan.")] == ["ASSAULT"]


def test_a_kind_names_no_owner(events_of):
    events = events_of("Donald Trump praised Chinese-style economic planning.")
    assert events and all("owned" in e.basis for e in events) and not shown_events(events)
    events = events_of("Donald Trump praised China's economic planning.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("SUPPORT", "CHN")]


def test_marching_in_a_parade_is_no_protest(events_of):
    assert not events_of("Pete Buttigieg marched in the Pride parade in Chicago.")
    events = events_of("Thousands of students marched in Athens against the reform.")
    assert [e.plover for e in events] == ["PROTEST"]


def test_an_organisation_of_a_country_acts(events_of):
    events = events_of("A Jewish civil rights organization denounced Donald Trump on Monday.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("ACCUSE", "USAELI")]


def test_an_occasion_is_no_target(events_of):
    events = events_of(
        "Narendra Modi made a pledge of aid at the Climate Action Summit in New York."
    )
    assert events and all("owned" in e.basis for e in events) and not shown_events(events)


def test_a_prediction_about_another_is_no_act_of_theirs(events_of):
    events = events_of("Donald Trump predicted that China would invade Taiwan.")
    assert events and all("supposed" in e.basis for e in events) and not shown_events(events)


def test_a_government_announcing_its_leaders_plan_is_his_intent(events_of):
    events = events_of("The Kremlin said Vladimir Putin would meet Barack Obama in Paris.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("AGREE", "USAGOV")]


def test_the_owner_of_an_event_is_its_agent(events_of):
    events = events_of("Israel agreed to American mediation in the talks with Syria.")
    assert [e for e in shown_events(events) if e.plover == "AGREE"]
