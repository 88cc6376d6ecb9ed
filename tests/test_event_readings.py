"""Readings that decide whether an act happened, what it is and whom it is done to
(events/readings.py), from the kinds of wrong events judged on PolNeAR's political news,
each on sentences of our own (none from the dev sets or the audited articles)."""

from __future__ import annotations

import pytest

from conftest import shown_events


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ted Cruz attacked Donald Trump on Tuesday.",
        "Donald Trump launched a fierce attack against Hillary Clinton.",
    ],
)
def test_politicians_attacking_each_other_criticize(events_in_2016, text):
    events = events_in_2016(text)
    assert events and {(e.cameo, e.plover) for e in events} == {("111", "ACCUSE")}


def test_a_country_attacking_a_country_stays_force(events_in_2016):
    events = events_in_2016("Russia attacked Ukraine on Monday.")
    assert events and {e.plover for e in events} == {"ASSAULT"}


@pytest.mark.parametrize(
    "text",
    [
        "If Donald Trump wins the vote, he offers Jeb Bush a seat in the cabinet.",
        "By inviting Angela Merkel to the summit, Obama would show voters that he is serious.",
    ],
)
def test_an_act_the_writer_only_supposes_is_not_shown(events_in_2016, text):
    events = events_in_2016(text)
    assert events and all("supposed" in e.basis for e in events)
    assert not shown_events(events)


def test_an_intent_someone_states_is_shown(events_in_2016):
    events = events_in_2016("Russia said it would send troops to Syria.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("AGREE", "SYR")]


@pytest.mark.parametrize(
    "text",
    [
        "Canada has yet to recognize Kosovo.",
        "The Greek government is too weak to provide aid to Cyprus.",
    ],
)
def test_an_act_not_reached_is_negated(events_in_2016, text):
    events = events_in_2016(text)
    assert events and all(e.negated for e in events)


def test_meeting_a_countrys_standards_meets_no_one(events_in_2016):
    events = events_in_2016("Mexican farms often fail to meet strict American hygiene standards.")
    assert events and all("owned" in e.basis for e in events)
    assert not shown_events(events)


def test_criticizing_a_countrys_plan_targets_the_country(events_in_2016):
    events = events_in_2016("France denounced Russia's plan on Monday.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("ACCUSE", "RUS")]


def test_posing_a_threat_is_no_threat(events_in_2016):
    assert not events_in_2016("Al Qaeda still posed a direct threat to Americans.")


def test_a_statement_with_no_plover_category_is_not_shown(events_in_2016):
    events = events_in_2016("Benjamin Netanyahu considers Barack Obama naive.")
    assert events and all("unclassed" in e.basis for e in events)
    assert not shown_events(events)


def test_recalling_a_meeting_is_no_meeting(events_in_2016):
    assert not events_in_2016("Joe Biden recalled the meeting between Nixon and Mao.")


def test_recalling_an_ambassador_is_still_a_sanction(events_in_2016):
    events = events_in_2016("France recalled its ambassador to Italy.")
    assert [(e.cameo, e.target.code) for e in events] == [("161", "ITA")]


def test_politicians_defeating_each_other_is_an_election(events_in_2016):
    assert not events_in_2016("Donald Trump defeated Senator Ted Cruz in Indiana.")


def test_a_country_defeating_a_country_is_still_coded(events_in_2016):
    assert [e.plover for e in events_in_2016("Israel defeated Egypt in 1967.")] == ["ASSAULT"]


def test_blocking_a_proposal_rejects_it(events_in_2016):
    events = events_in_2016("Russia blocked China's proposal for a new development bank.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("REJECT", "CHN")]


def test_blocking_a_road_is_still_obstruction(events_in_2016):
    events = events_in_2016("Protesters blocked the road to the airport.")
    assert events and {e.cameo for e in events} == {"144"}


def test_a_ship_stands_for_those_aboard(events_in_2016):
    events = events_in_2016("The Indian navy rescued an Ethiopian ship in the Gulf of Aden.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("AID", "ETH")]


def test_an_act_in_an_allegation_is_not_coded(events_in_2016):
    events = events_in_2016("The minister denied claims that Chadian troops had fought in Sudan.")
    assert not [e for e in events if e.plover == "ASSAULT"]
    assert [e.plover for e in events_in_2016("Chadian troops fought in Sudan.")] == ["ASSAULT"]


def test_a_kind_names_no_owner(events_in_2016):
    events = events_in_2016("Donald Trump praised Chinese-style economic planning.")
    assert events and all("owned" in e.basis for e in events) and not shown_events(events)
    events = events_in_2016("Donald Trump praised China's economic planning.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("SUPPORT", "CHN")]


def test_marching_in_a_parade_is_no_protest(events_in_2016):
    assert not events_in_2016("Pete Buttigieg marched in the Pride parade in Chicago.")
    events = events_in_2016("Thousands of students marched in Athens against the reform.")
    assert [e.plover for e in events] == ["PROTEST"]


def test_an_organisation_of_a_country_acts(events_in_2016):
    events = events_in_2016("A Jewish civil rights organization denounced Donald Trump on Monday.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("ACCUSE", "USAELI")]


def test_an_occasion_is_no_target(events_in_2016):
    events = events_in_2016(
        "Narendra Modi made a pledge of aid at the Climate Action Summit in New York."
    )
    assert events and all("owned" in e.basis for e in events) and not shown_events(events)


def test_a_prediction_about_another_is_no_act_of_theirs(events_in_2016):
    events = events_in_2016("Donald Trump predicted that China would invade Taiwan.")
    assert events and all("supposed" in e.basis for e in events) and not shown_events(events)


def test_a_government_announcing_its_leaders_plan_is_his_intent(events_in_2016):
    events = events_in_2016("The Kremlin said Vladimir Putin would meet Barack Obama in Paris.")
    assert [(e.plover, e.target.code) for e in shown_events(events)] == [("AGREE", "USAGOV")]


def test_the_owner_of_an_event_is_its_agent(events_in_2016):
    events = events_in_2016("Israel agreed to American mediation in the talks with Syria.")
    assert [e for e in shown_events(events) if e.plover == "AGREE"]


def test_talking_with_the_press_is_no_political_act(events_in_2016):
    """An interview or a question from a news outlet is its work, not an appeal or a
    consultation; an outlet's endorsement stays one."""
    asked = events_in_2016("Politico asked Hillary Clinton to comment on the emails.")
    assert asked and all("press" in e.basis for e in asked) and not shown_events(asked)
    endorsed = events_in_2016("The New York Times endorsed Hillary Clinton.")
    assert [e.plover for e in shown_events(endorsed)] == ["SUPPORT"]


def test_a_politician_attacking_a_news_outlet_criticizes(events_in_2016):
    events = events_in_2016("Donald Trump attacked CNN on Monday.")
    assert [(e.cameo, e.plover) for e in events] == [("111", "ACCUSE")]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # lawmakers command no force: their attacks, and their allies', are words
        ("Senator Maria Lopez attacked the drug companies on Monday.", "111"),
        ("Senator Ted Cruz's allies launched an attack on the lobbyists.", "111"),
        # a government can attack with force
        ("Russia attacked Ukraine on Monday.", "190"),
    ],
)
def test_an_attack_by_those_who_command_no_force_is_criticism(events_in_2016, text, cameo):
    events = events_in_2016(text)
    assert events and {e.cameo for e in events} == {cameo}
