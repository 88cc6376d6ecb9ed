"""Who acts on whom in issue 12's pair-recall round, each rule on sentences of our own
(none from the dev sets)."""

from __future__ import annotations

import pytest

from newsgraph.events.confidence import DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("text", "dateline", "source"),
    [
        ("LAGOS, Nigeria -- Nigerian police arrested two opposition lawmakers.", "LAGOS", "NGA"),
        (
            "Ottawa: Canadian Prime Minister Justin Trudeau on Monday condemned Iran.",
            "Ottawa",
            "CAN",
        ),
        (
            "QUITO, Ecuador -- A court in Quito on Monday sentenced a minister to prison.",
            "QUITO",
            "ECU",
        ),
        ("DHAKA -- A Dhaka court on Sunday sentenced an opposition leader.", "DHAKA", "BGD"),
    ],
)
def test_a_dateline_is_no_source(code_events, text, dateline, source):
    events = code_events(text)
    assert events
    for event in events:
        assert not event.source.text.startswith(dateline)
        assert event.source.code.startswith(source)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The Italian police returned a stolen Roman statue to the Greek government.",
            "ITA",
            "GRC",
        ),
        ("An ancient manuscript was returned to Ethiopia by British officials.", "GBR", "ETH"),
    ],
)
def test_a_thing_returned_to_someone_is_property_given_back(code_events, text, source, target):
    events = code_events(text)
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events] == [
        ("0842", source, target)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria returned the migrants to Niger.",  # people: no property
        "The negotiators returned to Geneva for talks.",  # going back: no object
        "Kenya returned fire, a move likely to anger Somalia.",  # an aside, not the object
    ],
)
def test_no_property_is_given_back_without_a_thing_and_a_recipient(code_events, text):
    assert not [e for e in code_events(text) if e.cameo == "0842"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The European Union lifted sanctions imposed on Belarus in 2020.", "BLR"),
        ("Canada eased the travel restrictions imposed on Cuba last year.", "CUB"),
    ],
)
def test_easing_what_was_imposed_targets_whom_it_was_imposed_on(code_events, text, target):
    events = code_events(text)
    assert events and all(e.plover in {"RETREAT", "CONCEDE"} for e in events)
    assert {e.target.code for e in events if e.target} == {target}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The United States removed sanctions on Venezuela's state oil company.", "RETREAT"),
        ("India suspended the ban on Pakistani imports.", "CONCEDE"),
    ],
)
def test_removing_or_suspending_a_sanction_eases_it(code_events, text, category):
    events = code_events(text)
    assert events and {e.plover for e in events} == {category}


@pytest.mark.parametrize(
    ("text", "target", "code"),
    [
        ("Hungarian border police deported asylum seekers on Monday.", "asylum seekers", "HUN"),
        ("The Kenyan High Court rejected an appeal on Monday.", "an appeal", "KEN"),
    ],
)
def test_what_an_act_at_home_is_done_to_is_its_target_as_written(code_events, text, target, code):
    (event,) = code_events(text)
    assert (event.target.text, event.target.code) == (target, code)


def test_what_a_demand_asks_for_is_not_its_target(code_events):
    (event,) = code_events("Thousands of farmers in Poland demanded higher grain prices.")
    assert (event.target.text, event.target.code) == ("Poland", "POLGOV")


def test_where_an_act_at_home_is_done_is_shown_uncoded(code_events):
    (event,) = code_events("Ugandan rebels surrendered in Gulu.")
    assert (event.target.text, event.target.code, event.target.actor_key) == ("Gulu", None, None)
    assert event.basis.endswith("thing")


def test_a_place_abroad_is_still_the_coded_target(code_events):
    (event,) = code_events("Chinese troops arrived in Islamabad.")
    assert (event.target.text, event.target.code) == ("Islamabad", "PAK")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Indian prime minister met Japanese officials for talks in Tokyo.", "CONSULT"),
        ("The Indian prime minister will meet Japanese officials for talks.", "AGREE"),
    ],
)
def test_a_meeting_told_as_done_is_no_intent_to_meet(code_events, text, category):
    events = code_events(text)
    assert events and {e.plover for e in events} == {category}


def test_yugoslavia_is_the_state_serbia_continues(code_events):
    (event,) = code_events("Yugoslavia expelled two Albanian diplomats on Friday.")
    assert (event.source.code, event.target.code[:3]) == ("SRB", "ALB")


def test_the_former_yugoslav_republic_is_macedonia(code_events):
    events = code_events(
        "Turkey was quick to recognise Former Yugoslav Republic of Macedonia passports."
    )
    assert {e.target.code for e in events if e.target} == {"MKD"}


def test_what_an_event_noun_is_aimed_at_is_the_thing_acted_on(code_events):
    (event,) = code_events("The militants launched an assault on the hospital.")
    assert (event.plover, event.target.text, event.target.code) == (
        "ASSAULT",
        "the hospital",
        None,
    )


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Britain will not accept the plan drafted by the European Commission.", "IGOEUREEC"),
        ("Egypt rejected the proposal put forward by Ethiopia.", "ETH"),
    ],
)
def test_a_thing_made_by_someone_is_theirs_and_so_the_target(code_events, text, target):
    (event,) = code_events(text)
    assert (event.plover, event.target.code) == ("REJECT", target)


def test_a_verb_hung_on_its_subject_as_a_participle_is_the_sentence_verb(code_events):
    (event,) = code_events(
        "The Saudi air force has carried out no fewer than three air strikes on Sanaa."
    )
    assert (event.plover, event.source.code, event.target.code) == ("ASSAULT", "SAUMIL", "YEM")


def test_a_light_verb_object_is_the_act_not_what_it_is_done_to(code_events):
    events = code_events(
        "The Russian air force has carried out no fewer than ten air strikes on Idlib."
    )
    assert events
    assert not [e for e in events if e.target and "strikes" in e.target.text]


def test_extradition_is_cooperation_with_the_state_the_suspect_is_handed_to(code_events):
    (event,) = code_events("Kenya extradited a British drug suspect to Britain on Monday.")
    assert (event.cameo, event.source.code, event.target.code) == ("063", "KEN", "GBR")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the parser reads "China" as a second object of "criticised"
            "Russia criticised Ukraine and China praised Pakistan.",
            {("111", "RUS", "UKR"), ("051", "CHN", "PAK")},
        ),
        (
            "Russia criticised Ukraine and the Chinese government quickly praised Pakistan.",
            {("111", "RUS", "UKR"), ("051", "CHNGOV", "PAK")},
        ),
        # verbs that share one subject follow the "and" at once
        (
            "Russia criticised Ukraine and praised Pakistan.",
            {("111", "RUS", "UKR"), ("051", "RUS", "PAK")},
        ),
        # an infinitive after the second object is no clause of its own
        (
            "The Gambian president will visit Mali and Senegal to mediate in the dispute.",
            {("036", "GMBGOV", "MLI"), ("036", "GMBGOV", "SEN")},
        ),
    ],
)
def test_a_second_clause_keeps_its_own_subject(code_events, text, expected):
    events = code_events(text)
    assert {(e.cameo, e.source.code, e.target.code) for e in events} == expected
    assert all(e.confidence >= DEFAULT_THRESHOLD for e in events)  # a subject of its own


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kenya imposed sanctions on Uganda over its support for rebels.", "UGA"),
        (
            "Kenyan President Uhuru Kenyatta cancelled a planned visit to Uganda under"
            " pressure from Tanzania.",
            "UGA",
        ),
    ],
)
def test_a_thing_acted_with_is_aimed_where_its_own_phrase_says(code_events, text, target):
    """The target named on the thing itself ("sanctions *on* Uganda") comes before a
    phrase of the verb's that gives a reason or a circumstance."""
    (event,) = code_events(text)
    assert event.target.code == target


@pytest.mark.parametrize(
    "text",
    [
        "Kenya told Uganda to withdraw its troops.",
        "Kenya ordered Uganda to withdraw its troops.",
        "The Kenyan government instructed Uganda to close the border.",
    ],
)
def test_telling_someone_to_act_is_a_demand(code_events, text):
    (event,) = [e for e in code_events(text) if e.cameo.startswith("10")]
    assert (event.source.code[:3], event.target.code) == ("KEN", "UGA")
    assert event.confidence >= DEFAULT_THRESHOLD
