"""Quotes and speakers that political news writes in less usual ways (issue 13): a
speaker's words woven into the reporter's next sentence, verbs that judge someone
aloud, passive and fronted speech verbs, a title that ends a sentence too early.
Each test is a rule about English attribution, on sentences written for it."""

from __future__ import annotations

from conftest import quote_of, quote_shown, speaker_of
from newsgraph.quotes.confidence import DEFAULT_THRESHOLD


def test_a_quoted_clause_woven_into_the_next_sentence_continues_the_speaker(
    code_quotes,
) -> None:
    text = (
        "“The fight over the budget is far from over,” said Nadia Crane, a council "
        "member from the east side. Even so, “we are closer than we were in March.”"
    )
    quotes, actors = code_quotes(text)
    quote = quote_of(quotes, "we are closer")
    assert "Crane" in speaker_of(quotes, actors, "we are closer")
    assert quote.partial
    assert quote_shown(quote)


def test_a_woven_clause_with_another_person_as_subject_is_not_the_speakers(
    code_quotes,
) -> None:
    text = (
        "“The fight over the budget is far from over,” said Nadia Crane, a council "
        "member from the east side. Mayor Oscar Bell believes the plan “is already "
        "paid for.”"
    )
    quotes, actors = code_quotes(text)
    assert all(
        "Crane" not in speaker_of(quotes, actors, q.text) for q in quotes if "paid for" in q.text
    )


def test_a_woven_clause_in_a_later_paragraph_does_not_borrow_the_speaker(code_quotes) -> None:
    text = (
        "“The fight over the budget is far from over,” said Nadia Crane, a council "
        "member from the east side.\n\n"
        "Still, the vote is due in June, and “nobody wants a second shutdown.”"
    )
    quotes, _ = code_quotes(text)
    assert not [q for q in quotes if q.text.startswith("nobody wants")]


def test_apostrophes_paired_by_mistake_are_no_woven_clause(code_quotes) -> None:
    text = (
        '"The show will go on," said producer Lee Park. The Academy \'s own members have '
        "voted for change , as the members' ballots show ."
    )
    quotes, _ = code_quotes(text)
    assert [q.text for q in quotes] == ["The show will go on"]


def test_a_verb_of_judging_aloud_is_a_cue(code_quotes) -> None:
    text = "Governor Ruth Alder thanked the line crews for “keeping the lights on all week.”"
    quotes, actors = code_quotes(text)
    assert "Alder" in speaker_of(quotes, actors, "keeping the lights on")


def test_the_agent_of_a_passive_speech_verb_speaks(code_quotes) -> None:
    text = (
        "Governor Lena Marsh was asked by radio host Peter Quill whether the new levy "
        "would be “a burden on every family in the county.”"
    )
    quotes, actors = code_quotes(text)
    speaker = speaker_of(quotes, actors, "a burden on every family")
    assert "Quill" in speaker and "Marsh" not in speaker


def test_the_one_quoted_is_the_speaker_of_a_passive_quote(code_quotes) -> None:
    text = "Mayor Ida Stone was quoted by the Herald as saying “the budget is sound.”"
    quotes, actors = code_quotes(text)
    assert "Stone" in speaker_of(quotes, actors, "the budget is sound")


def test_a_name_after_a_fronted_speech_verb_before_the_quote_speaks(code_quotes) -> None:
    text = "In plain terms, explained panel chair Rosa Lind: “We cannot pay for both.”"
    quotes, actors = code_quotes(text)
    quote = quote_of(quotes, "We cannot pay")
    assert "Lind" in speaker_of(quotes, actors, "We cannot pay")
    assert quote_shown(quote)


def test_a_name_after_a_short_title_that_ends_the_parse_sentence_speaks(code_quotes) -> None:
    text = "“The harbour will reopen next week,” said Navy Capt. Oren Malik, a fleet spokesman."
    quotes, actors = code_quotes(text)
    assert "Malik" in speaker_of(quotes, actors, "The harbour will reopen")


def test_quoted_words_are_never_a_speaker(code_quotes) -> None:
    text = (
        "Senator Ivo Grant brushed off the matter, calling it a “clerical slip” that "
        "was reported in a “partisan attack” by the Ledger."
    )
    quotes, _ = code_quotes(text)
    assert "clerical" not in (quote_of(quotes, "partisan attack").speaker_text or "")


def test_a_quote_left_to_an_unnamed_source_is_not_shown_by_default(code_quotes) -> None:
    text = (
        "“The deal is done,” a senior aide to the governor said on Monday.\n\n"
        "“Nobody will reopen it before the summer.”"
    )
    quotes, _ = code_quotes(text)
    carried = quote_of(quotes, "Nobody will reopen it")
    assert carried.speaker_unnamed
    assert carried.confidence is not None and carried.confidence < DEFAULT_THRESHOLD


def test_a_subject_with_a_relative_clause_the_parser_misread_speaks(code_quotes) -> None:
    text = (
        "Ms. Varga, whose newest firm, Tallyline, sells maps to shippers, said the senator "
        "was a builder at heart: “She likes to start things and see where they go.”"
    )
    quotes, actors = code_quotes(text)
    quote = quote_of(quotes, "She likes to start things")
    assert "Varga" in speaker_of(quotes, actors, "She likes to start things")
    assert quote_shown(quote)


def test_a_from_phrase_before_the_colon_names_the_source(code_quotes) -> None:
    text = "More from Dana Kirk: “Turnout in the suburbs will decide the race.”"
    quotes, actors = code_quotes(text)
    quote = quote_of(quotes, "Turnout in the suburbs")
    assert "Kirk" in speaker_of(quotes, actors, "Turnout in the suburbs")
    assert quote_shown(quote)


def test_a_quote_that_ends_the_object_of_a_labelling_verb_is_what_it_is_called(
    code_quotes,
) -> None:
    text = (
        "Ruiz called the mayor's plans to open a new depot on the river “an absolute "
        "disgrace,” and vowed to fight them."
    )
    quotes, actors = code_quotes(text)
    quote = quote_of(quotes, "an absolute disgrace")
    assert "Ruiz" in speaker_of(quotes, actors, "an absolute disgrace")
    assert quote_shown(quote)


def test_a_description_with_a_named_possessor_speaks_for_the_possessor(code_quotes) -> None:
    text = (
        "Oregon Sen. Mara Quinlan's campaign, for its part, said she would “back the "
        "nominee” in the fall."
    )
    quotes, actors = code_quotes(text)
    quote = quote_of(quotes, "back the nominee")
    assert actors.actor(quote.speaker_key).name == "Mara Quinlan"


def test_a_phrasal_cue_needs_its_particle_not_a_preposition(code_quotes) -> None:
    text = (
        "Council member Ada Moss said that when the council goes on its summer break, "
        "“I plan to knock on doors in every ward.”"
    )
    quotes, actors = code_quotes(text)
    assert "Moss" in speaker_of(quotes, actors, "I plan to knock")


def test_a_graded_modifier_in_reported_speech_is_the_speakers_a_term_is_not(
    code_quotes,
) -> None:
    text = (
        "Lena Ortiz, a broker in Tampa, said golf clubs with “very exclusive” memberships "
        "are fading, while the “phase two” plan is still on the table."
    )
    quotes, actors = code_quotes(text)
    assert "Ortiz" in speaker_of(quotes, actors, "very exclusive")
    assert not [q for q in quotes if q.text.startswith("phase two")]
