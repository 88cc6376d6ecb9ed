"""Which PLOVER category an act takes in issue 12's category round, each rule on
sentences of our own (none from the dev sets)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        (
            "The Japanese foreign minister pledged his government's full support to Chile.",
            "051",
            "SUPPORT",
        ),
        ("Germany promised its backing for Kenya's reform efforts.", "051", "SUPPORT"),
        # support of a material kind is aid or military help promised: an intent
        ("Norway pledged military support for Ukraine.", "0312", "AGREE"),
        ("Norway pledged to support Ukraine.", "032", "AGREE"),
    ],
)
def test_support_pledged_is_support_expressed(code_events, text, cameo, plover):
    events = code_events(text)
    assert [(e.cameo, e.plover) for e in events] == [(cameo, plover)]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Somali rebels let free three Kenyan hostages on Monday.", "KEN"),
        ("Serbian police set the detained French journalists free.", "FRA"),
    ],
)
def test_set_free_releases(code_events, text, target):
    events = code_events(text)
    assert [e.cameo for e in events] == ["0841"]
    assert events[0].plover == "RETREAT"
    assert events[0].target is not None and events[0].target.code.startswith(target)


def test_a_resultative_adjective_names_no_release_of_its_own(code_events):
    # "set up" stays a phrasal verb of its own; a result state is no release
    assert not [e for e in code_events("Kenya set up a committee.") if e.cameo == "0841"]
    assert not [e for e in code_events("The decision made Iran angry.") if e.cameo == "0841"]


def test_force_ordered_by_its_noun_is_the_commanders_act(code_events):
    (event,) = code_events("The Russian president ordered airstrikes against Chechen rebels.")
    assert (event.cameo, event.plover) == ("195", "ASSAULT")
    assert event.target is not None and event.target.text == "Chechen rebels"
    # an order that names no force stays what it was: no force of the commander's
    assert [e.cameo for e in code_events("The Kenyan president ordered a new census.")] == ["100"]


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        ("Boko Haram stepped up its war against the Nigerian army.", "190", "ASSAULT"),
        ("China stepped up its criticism of Japan.", "111", "ACCUSE"),
        # a pattern with its object keeps its code
        ("Moscow stepped up pressure on Kyiv.", "100", "REQUEST"),
    ],
)
def test_stepping_up_an_act_is_that_act(code_events, text, cameo, plover):
    (event,) = code_events(text)
    assert (event.cameo, event.plover) == (cameo, plover)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Lithuania called for sanctions against Belarus.", "BLR"),
        ("Poland demanded new sanctions against Russia.", "RUS"),
    ],
)
def test_conflict_asked_of_others_rallies_opposition(code_events, text, target):
    (event,) = code_events(text)
    assert (event.cameo, event.plover) == ("113", "ACCUSE")
    assert event.target is not None and event.target.code.startswith(target)


def test_asking_for_an_end_to_conflict_stays_a_request(code_events):
    (event,) = code_events("Poland demanded the lifting of sanctions against Russia.")
    assert event.plover == "REQUEST"
    (event,) = code_events("Greece called for talks with Turkey.")
    assert event.plover == "REQUEST"
