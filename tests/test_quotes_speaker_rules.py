"""More speakers of quotes (issue 13): who an infinitive's speaker is, what an
indefinite pronoun stands for, how a person's gender is read. Each test is a rule
about English attribution, on sentences written for it."""

from __future__ import annotations

from conftest import quote_of, quote_shown, speaker_of


def test_the_object_of_a_verb_above_an_infinitive_cue_is_its_speaker(code_quotes) -> None:
    text = (
        "The court struck down the map on Tuesday.\n\n"
        "That prompted Senator Ann Ford to call the ruling “a betrayal of every voter.”"
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "a betrayal of every voter")


def test_an_object_pronoun_that_controls_the_cue_is_resolved(code_quotes) -> None:
    text = (
        "Maria Lopez won the primary in Ohio by twenty points.\n\n"
        "The result led her to announce that the seat was “ours to lose.”"
    )
    quotes, actors = code_quotes(text)
    quote = quote_of(quotes, "ours to lose")
    assert "Lopez" in speaker_of(quotes, actors, "ours to lose")
    assert quote_shown(quote)


def test_a_speech_verb_above_an_infinitive_keeps_the_words(code_quotes) -> None:
    text = (
        "Snow closed the roads on Friday.\n\n"
        "Mayor Tom Reed urged residents to “stay home and keep warm.”"
    )
    quotes, actors = code_quotes(text)
    assert "Reed" in speaker_of(quotes, actors, "stay home")


def test_an_indefinite_pronoun_speaks_for_an_unnamed_source(code_quotes) -> None:
    text = (
        "Supporters of the mayor gathered outside city hall after the count.\n\n"
        "“The vote was stolen from us,” wrote one supporter on Facebook. "
        "“We will be back in four years,” tweeted another."
    )
    quotes, _ = code_quotes(text)
    quote = quote_of(quotes, "We will be back")
    assert quote.speaker_unnamed and quote.speaker_key is None
    assert quote.speaker_text == "another"
    assert quote_shown(quote)


def test_a_later_pronoun_in_the_sentence_does_not_give_the_name_its_gender(code_quotes) -> None:
    text = (
        "Dorothy Hale spoke at the memorial on Sunday.\n\n"
        "Hale honoured her husband's service by leaving his medals at his grave.\n\n"
        "“He gave everything for this town,” she said."
    )
    quotes, actors = code_quotes(text)
    assert "Hale" in speaker_of(quotes, actors, "He gave everything")


def test_a_cue_in_a_relative_clause_on_what_was_said_introduces_no_quote(code_quotes) -> None:
    text = (
        "Senator Ann Ford of Ohio listened to the mayor's speech.\n\n"
        "Nothing the mayor said “will soothe people's anger,” the Ohio senator said."
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "will soothe")


def test_weigh_without_in_is_no_speech_verb(code_quotes) -> None:
    text = (
        "The appeal was heard in Boston.\n\n"
        "Judge Ann Ford said that courts must weigh “whether the public is served by secrecy.”"
    )
    quotes, actors = code_quotes(text)
    speaker = speaker_of(quotes, actors, "whether the public")
    assert "Ford" in speaker and "courts" not in speaker


def test_an_opening_mark_misprinted_for_a_closing_one_closes_the_quote(code_quotes) -> None:
    text = (
        "The school board met on Monday.\n\n"
        "“It's unusual,“ said Ellen Park, a lawyer for the parents. “We will appeal.”"
    )
    quotes, actors = code_quotes(text)
    assert "Park" in speaker_of(quotes, actors, "It's unusual")
    assert not [q for q in quotes if "said Ellen Park" in q.text]


def test_a_no_break_space_before_a_quote_leads_no_words_into_it(code_quotes) -> None:
    text = (
        "Senator Ann Ford spoke in Dayton on Friday.\n\n"
        "Ford said she would back the bill if it reached the floor.\u00a0“I will vote for it,"
        " and I will ask my colleagues to do the same.”"
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "I will vote for it")


def test_what_is_said_beside_a_namesake_does_not_give_the_actor_its_gender(code_quotes) -> None:
    text = (
        "Dorothy Hale, whose husband, Army Major Tom Hale, was killed in 2012, spoke "
        "to reporters on Sunday.\n\n"
        "Hale said the ceremony had been moving.\n\n"
        "“I was proud of every soldier there,” she said."
    )
    quotes, actors = code_quotes(text)
    assert "Hale" in speaker_of(quotes, actors, "I was proud")


def test_a_name_the_parser_left_without_a_verb_is_still_the_sentence_subject(code_quotes) -> None:
    text = (
        "Voters in Iowa met the candidates on Monday.\n\n"
        "Iowa Gov. Tom Reed, a Democratic White House hopeful, forecast at the most recent "
        'forum that Democrats will win "every single county" if Senator Paul Ford wins the '
        "Republican nomination.\n\n"
        '"That is not even a question," he said to applause.'
    )
    quotes, actors = code_quotes(text)
    assert "Reed" in speaker_of(quotes, actors, "That is not even")


def test_who_spoke_in_the_paragraph_before_says_the_quoted_paragraph(code_quotes) -> None:
    text = (
        "The Senate passed the bill late on Friday.\n\n"
        "Senator Ann Ford spoke to reporters after the vote.\n\n"
        "“We will not give up on the rest of it. Not this year, not ever.”"
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "We will not give up")


def test_who_talks_about_a_quoted_phrase_says_it(code_quotes) -> None:
    text = (
        "The Senate passed the bill late on Friday.\n\n"
        "Senator Ann Ford talked about the “fierce urgency” of the measure."
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "fierce urgency")


def test_a_short_fragment_deep_in_reported_speech_is_the_speakers(code_quotes) -> None:
    text = (
        "The budget debate opened on Monday.\n\n"
        'Senator Paul Ford bemoaned a tax code under which working families "pay more every'
        ' year."'
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "pay more every year")


def test_a_fragment_that_modifies_a_noun_in_reported_speech_is_a_term(code_quotes) -> None:
    text = (
        "Trade talks resumed in Geneva.\n\n"
        "The ministry said it is committed to the “one union, two budgets” formula granting"
        " the regions autonomy, while critics deny it works."
    )
    quotes, _ = code_quotes(text)
    assert not [q for q in quotes if q.text.startswith("one union")]


def test_the_possessor_of_a_response_before_a_colon_said_it(code_quotes) -> None:
    text = (
        "An aide told the senator about the storm damage in an email.\n\n"
        "Senator Ann Ford's response was: “Is the bridge in Dayton still open?”"
    )
    quotes, actors = code_quotes(text)
    assert "Ford" in speaker_of(quotes, actors, "Is the bridge")


def test_a_description_that_names_no_person_is_not_someone_whose_role_has_that_word(
    code_quotes,
) -> None:
    """ "The US military said in a statement" is not the general whose role is chairman of
    the Joint Chiefs (the dictionary's "United States Military")."""
    text = (
        "Two American soldiers were killed in a helicopter crash in Chad, the US military "
        "said in a statement on Wednesday.\n\n"
        '"The cause of the crash is under investigation," the statement said.\n\n'
        "General Ann Ford, chairman of the Joint Chiefs of Staff, told reporters this month "
        "that the troops would stay."
    )
    quotes, actors = code_quotes(text)
    quote = quote_of(quotes, "The cause of the crash")
    assert quote.speaker_text == "the statement" and quote.via == "the statement"
    assert actors.actor(quote.speaker_key).type == "organisation"
