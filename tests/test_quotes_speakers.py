"""Speakers of quotes, issue 13: each test is a rule about English attribution, on
sentences written for it."""

from __future__ import annotations

from conftest import speaker_of


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_after_it(code_quotes) -> None:
    text = (
        "The school board voted to close two libraries on Monday.\n\n"
        "Retired teacher Ellen Park echoed:\n\n"
        "“Children need a place to read after school, and now they have none.”"
    )
    quotes, actors = code_quotes(text)
    assert "Park" in speaker_of(quotes, actors, "Children need a place")


def test_a_bare_cue_after_a_quote_that_ends_its_sentence_reports_it(code_quotes) -> None:
    text = (
        "The council debated the budget until midnight.\n\n"
        "“We will not raise taxes this year.” Mayor Tom Reed said. "
        "Councillor Ann Ford answered, “Then the pools will close.”"
    )
    quotes, actors = code_quotes(text)
    assert "Reed" in speaker_of(quotes, actors, "We will not raise taxes")
    assert "Ford" in speaker_of(quotes, actors, "Then the pools")


def test_names_joined_by_and_speak_together(code_quotes) -> None:
    text = (
        "The two owners closed the bakery in March.\n\n"
        "“We could not pay the rent any longer,” Anna Berg and Tom Reed said on Friday."
    )
    quotes, actors = code_quotes(text)
    speaker = speaker_of(quotes, actors, "We could not pay")
    assert "Berg" in speaker and "Reed" in speaker


def test_a_description_finds_the_person_its_title_was_written_short_for(code_quotes) -> None:
    text = (
        "Sen. Ann Ford met farmers in Dayton on Monday.\n\n"
        "The Ohio senator told them that the farm bill was “dead on arrival in the House.”"
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "dead on arrival")


def test_a_relative_pronoun_in_a_second_relative_clause_stands_for_its_noun(code_quotes) -> None:
    text = (
        "The rally drew few people on Friday. The mayor spoke for Ann Ford, who is standing "
        "for the board and who shook hands all afternoon, praising “the quiet courage of nurses”."
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "the quiet courage")


def test_a_dash_and_a_name_on_the_next_line_sign_a_quoted_paragraph(code_quotes) -> None:
    text = (
        "Voices from the convention floor.\n\n"
        "“We came to win in November, not to argue all week,” said delegate Tom Reed.\n\n"
        "“Nobody gets to sit this one out.”\n\n"
        "— Senator Maria Lopez, speaking to reporters after the vote."
    )
    quotes, actors = code_quotes(text)
    assert "Lopez" in speaker_of(quotes, actors, "Nobody gets to sit")


def test_names_joined_by_and_before_a_colon_label_the_quote(code_quotes) -> None:
    text = (
        "Polls of the week.\n\n"
        "THE RACE TIGHTENS IN OHIO - Laura Kim and Omar Haddad: “The race has narrowed to "
        "three points since June, and the undecided voters lean our way.”"
    )
    quotes, actors = code_quotes(text)
    speaker = speaker_of(quotes, actors, "The race has narrowed")
    assert "Kim" in speaker and "Haddad" in speaker


def test_a_speech_verb_put_before_its_speaker_and_a_colon(code_quotes) -> None:
    text = (
        "Tom Reed spoke to the farmers' union on Monday about the drought.\n\n"
        "“Nobody in this valley has seen a summer like it,” Reed said.\n\n"
        "Continued Reed:\n\n"
        "“The wells are dry, and the banks are calling in their loans.”"
    )
    quotes, actors = code_quotes(text)
    quote = next(q for q in quotes if q.text.startswith("The wells are dry"))
    assert "Reed" in speaker_of(quotes, actors, "The wells are dry")
    assert quote.confidence is not None and quote.confidence >= 0.8  # read, not carried


def test_a_description_is_the_title_holder_last_spoken_of_as_a_subject(code_quotes) -> None:
    text = (
        "President Maria Lopez opened the climate summit in Lisbon on Monday.\n\n"
        "Lopez said the accord would hold, after a breakfast with World Bank President "
        "Tom Reed.\n\n"
        "The president also said that the accord was “a promise to our grandchildren.”"
    )
    quotes, actors = code_quotes(text)
    assert "Lopez" in speaker_of(quotes, actors, "a promise to our grandchildren")


def test_a_possessive_pronoun_on_what_someone_speaks_through_names_its_speaker(
    code_quotes,
) -> None:
    text = (
        "Governor Ann Ford toured the flooded valley on Tuesday.\n\n"
        "Her statement later called the damage “the worst this county has seen in a century.”"
        "\n\nMayor Tom Reed waited at the bridge. His office said the road would “stay shut"
        " until the river drops.”"
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "the worst this county")
    assert "Reed" in speaker_of(quotes, actors, "stay shut")


def test_a_possessive_pronoun_on_a_person_names_someone_else(code_quotes) -> None:
    text = (
        "Tom Reed lost the race for mayor on Tuesday.\n\n"
        "His wife told reporters that the campaign had been “long, hard and worth it.”"
    )
    quotes, actors = code_quotes(text)
    assert "Reed" not in speaker_of(quotes, actors, "long, hard")


def test_a_description_that_carries_no_gender_fits_a_person_of_either(code_quotes) -> None:
    text = (
        "Tom Reed won the primary in Ohio on Tuesday. He thanked his volunteers in Dayton.\n\n"
        "The nominee told the crowd that the race was “far from over, whatever the polls say.”"
    )
    quotes, actors = code_quotes(text)
    assert "Reed" in speaker_of(quotes, actors, "far from over")
