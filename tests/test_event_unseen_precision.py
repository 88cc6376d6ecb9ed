"""Readings that keep wrong events of unseen political news out of the default listings
(issue 12): another's act named only by a name or a people's adjective, a figurative
"seize on", and an act that is only what another act is for. Each on sentences of our
own, with the reading it must leave alone beside it."""

from __future__ import annotations

import pytest

from conftest import shown_events


@pytest.mark.parametrize(
    "text",
    [
        # a quote mark for the apostrophe leaves "Donald" and "Trump‘s" apart
        "Senator Jones of Ohio downplayed Donald Trump‘s attack on an Italian prosecutor.",
        "The Pentagon downplayed the Chinese attack on Taiwanese ships.",
    ],
)
def test_an_attack_whose_owner_is_another_is_borrowed(events_in_2016, text):
    """Playing down someone's attack is no attack of one's own, whoever owns it."""
    events = [e for e in events_in_2016(text) if e.verb == "downplayed"]
    assert events and all(e.basis.startswith("borrowed") for e in events)
    assert not shown_events(events)


def test_an_attack_of_ones_own_people_is_the_subjects(events_in_2016):
    events = events_in_2016("The Israeli army launched a fresh attack on Gaza.")
    assert [e for e in shown_events(events) if e.plover == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The White House was quick to seize on Senator Smith’s remarks about Canada.",
        "The Kremlin seized upon the Ukrainian minister’s comments.",
    ],
)
def test_seizing_on_words_is_no_seizure(events_in_2016, text):
    """ "seize on/upon" takes up what it names: CAMEO 171 seizes property (and 181 abducts)."""
    assert not [e for e in events_in_2016(text) if e.plover in {"COERCE", "ASSAULT"}]


@pytest.mark.parametrize(
    "text",
    [
        "Iranian forces seized a British tanker on Friday.",
        "The British tanker was seized on Friday by Iranian forces.",
    ],
)
def test_seizing_a_thing_is_still_a_seizure(events_in_2016, text):
    """A date after "on" is no figurative "seize on"."""
    assert [e for e in events_in_2016(text) if e.cameo == "171"]


@pytest.mark.parametrize(
    "text",
    [
        "The European Union changed its budget rules to support Ukraine.",
        "Germany reshuffled its diplomats last year to defend Turkey in Brussels.",
    ],
)
def test_what_an_act_is_for_is_not_done(events_in_2016, text):
    """An infinitive of purpose says what the act was for, not that it happened."""
    events = [e for e in events_in_2016(text) if e.plover == "SUPPORT"]
    assert events and all("unrealised" in e.basis for e in events)
    assert not shown_events(events)


def test_the_same_act_told_as_done_is_shown(events_in_2016):
    events = events_in_2016("The European Union strongly supported Ukraine.")
    assert [e for e in shown_events(events) if e.plover == "SUPPORT"]


@pytest.mark.parametrize(
    "text",
    [
        "The senator from Vermont held a rally in Denver on Saturday.",
        "Donald Trump held a rally in Ohio against the trade deal.",
    ],
)
def test_a_politicians_rally_at_home_is_a_campaign_event(events_in_2016, text):
    """CAMEO 141 is dissent against someone; a campaign rally is against no one."""
    rallies = [e for e in events_in_2016(text) if e.plover == "PROTEST"]
    assert rallies and all(e.basis.startswith("rally") for e in rallies)
    assert not shown_events(rallies)


def test_the_oppositions_rally_against_the_government_is_a_protest(events_in_2016):
    events = events_in_2016(
        "Opposition leader Juan Perez held a rally in Caracas against the government."
    )
    assert [e for e in shown_events(events) if e.plover == "PROTEST"]


def test_an_invitation_to_act_is_an_appeal(events_in_2016):
    """ "invited China to find the emails" asks China to act: CAMEO 02, no meeting."""
    events = events_in_2016("Donald Trump invited China to find the missing emails.")
    assert [e for e in events if e.plover == "REQUEST" and (e.target.code or "") == "CHN"]
    assert not [e for e in events if e.plover == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Obama invited Putin to visit Washington.",
        "The EU invited Turkey to take part in the summit.",
        "Obama invited Putin to the White House.",
    ],
)
def test_an_invitation_to_meet_is_a_meeting_arranged(events_in_2016, text):
    assert [e for e in events_in_2016(text) if e.cameo == "040"]


def test_counting_on_someone_is_no_appeal(events_in_2016):
    """ "count on" relies on someone; no appeal is made to them."""
    events = events_in_2016("The senator is counting on Germany to raise its defence spending.")
    assert not [e for e in events if e.plover == "REQUEST"]


def test_patterns_of_equal_rank_are_tried_in_the_phrases_order(nlp):
    """Two PETRARCH2 patterns of one rank match "escalated his attacks"; which one codes it
    must not hang on the hash seed (before, 138 on some runs and 190 on others)."""
    from newsgraph.events.acts import code_token

    doc = nlp("The senator escalated his attacks on the governor on Monday.")
    (verb,) = [token for token in doc if token.lemma_ == "escalate"]
    assert code_token(verb)[0] == "190"


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        # a reported obligation: the speaker's view of what ought to be, not an act on it
        ("The Egyptian minister said Ethiopia must share the waters of the Nile.", "demand"),
        # what did not happen is kept, marked negated, and hidden
        ("Turkey did not send troops to Syria.", "negated"),
        # only where it was done: whom it was done to is not found
        ("Russian soldiers fought in eastern Ukraine last summer.", "place"),
        ("French troops remained in Mali.", "place"),
    ],
)
def test_ways_of_coding_mostly_wrong_on_real_news_are_hidden(events_in_2016, text, basis):
    """Demands, negated acts and a place as the target were right at most 2 times in 10
    in the judged fit sample of real news (data/events/confidence.toml): coded, not shown."""
    events = events_in_2016(text)
    assert events and all(basis in e.basis.split() for e in events)
    assert not shown_events(events)


def test_a_meeting_abroad_is_still_shown_as_a_visit_to_the_host(events_in_2016):
    """A meeting's place abroad is the state it visits, as CAMEO codes it (target
    ``host``), unlike the place of any other act (test_event_precision has Geneva)."""
    text = "The Iranian foreign minister met in Vienna on Tuesday to discuss sanctions."
    events = [e for e in events_in_2016(text) if "host" in e.basis.split()]
    assert [e.target.code for e in shown_events(events)] == ["AUT"]


@pytest.mark.parametrize(
    ("contracted", "full"),
    [
        (
            "Trump said he'd force Mexico to pay for the wall.",
            "Trump said he would force Mexico to pay for the wall.",
        ),
        ("Russia won't send troops to Syria.", "Russia will not send troops to Syria."),
    ],
)
def test_a_contracted_modal_reads_as_the_modal(events_in_2016, contracted, full):
    """ "he'd" is "he would", "won't" is "will not": the same intent, threat or refusal."""

    def coded(text: str) -> list[tuple]:
        return [(e.cameo, e.source.code, e.target.code, e.negated) for e in events_in_2016(text)]

    assert coded(contracted) and coded(contracted) == coded(full)


@pytest.mark.parametrize(
    ("text", "cameo", "negated"),
    [
        # an endorsement not given tells no act: kept, marked negated, hidden
        ("Governor Baker has not endorsed Senator Lane.", "051", True),
        ("Governor Baker did not endorse Senator Lane on Tuesday.", "051", True),
        # one refused, now or for the future, is a rejection
        ("Governor Baker refused to endorse Senator Lane.", "120", False),
        ("Governor Baker will not endorse Senator Lane.", "120", False),
        ("Governor Baker said he cannot support Senator Lane.", "120", False),
    ],
)
def test_an_endorsement_withheld_is_not_given_and_one_refused_is_rejected(
    events_in_2016, text, cameo, negated
):
    events = [e for e in events_in_2016(text) if e.target and "Lane" in e.target.text]
    assert [(e.cameo, e.negated) for e in events] == [(cameo, negated)]
    assert bool(shown_events(events)) is not negated
