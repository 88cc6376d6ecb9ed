"""Who acts on whom in issue 12's pair-recall round, each rule on sentences of our own
(none from the dev sets)."""

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
        return extract_events(doc, "pairs", resolve_actors(doc, "pairs", dictionary))

    return code


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
def test_a_dateline_is_no_source(events_of, text, dateline, source):
    events = events_of(text)
    assert events
    for event in events:
        assert not event.source.text.startswith(dateline)
        assert event.source.code.startswith(source)
