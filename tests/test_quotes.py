"""Quotes stage: the seed quotes against the gold, and the quote shapes news writing uses."""

from __future__ import annotations

import dataclasses
import json

import pytest

from conftest import EXTRACTION, SEED_000, SEED_001, SHARED, needs_shared
from newsgraph.actors import ActorDictionary, ActorIndex, resolve_actors
from newsgraph.quotes import extract_quotes, scan_quotations
from newsgraph.records import Quote
from newsgraph.store import open_store
from store_records import seed_facts, seed_story, signatures_of

STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
QUOTE_MARKS = "\"'“”‘’"


def normalise(text: str) -> str:
    return " ".join(text.translate(STRAIGHTEN).split())


def run(nlp, dictionary: ActorDictionary, text: str) -> tuple[list[Quote], ActorIndex]:
    doc = nlp(text)
    actors = resolve_actors(doc, "test", dictionary, exclude_names={"TRT World"})
    return extract_quotes(doc, "test", actors), actors


def speaker_names(quote: Quote, actors: ActorIndex) -> str:
    name = actors.actor(quote.speaker_key).name if quote.speaker_key else ""
    return f"{name} {quote.speaker_text or ''}"


def matching(quotes: list[Quote], starts_with: str) -> list[Quote]:
    return [q for q in quotes if normalise(q.text).startswith(normalise(starts_with))]


@pytest.fixture(scope="module")
def seed_001(nlp, dictionary) -> tuple[list[Quote], ActorIndex, str]:
    text = SEED_001.read_text(encoding="utf-8")
    quotes, actors = run(nlp, dictionary, text)
    return quotes, actors, text


def test_every_gold_quote_of_the_seed_with_its_speaker(seed_001, gold) -> None:
    quotes, actors, _ = seed_001
    for expected in gold["quotes"]:
        found = matching(quotes, expected["starts_with"])
        assert len(found) == 1, expected["starts_with"]
        surname = expected["speaker"].split()[-1]
        assert surname in speaker_names(found[0], actors), expected
        assert found[0].cue in {"say", "tell", "warn"}


def test_seed_has_no_quote_beyond_the_gold(seed_001, gold) -> None:
    quotes, _, _ = seed_001
    assert len(quotes) == len(gold["quotes"])
    assert not [q for q in quotes if normalise(q.text).startswith("colour revolution")]


def test_nested_quote_stays_inside_xi_quote(seed_001) -> None:
    quotes, actors, _ = seed_001
    (xi,) = matching(quotes, "At a key moment you took")
    assert "'colour revolution'" in xi.text
    assert xi.text.endswith("in Kazakhstan")
    assert xi.speaker_key == actors.find("Xi Jinping")
    assert xi.addressee_key == actors.find("Kassym-Jomart Tokayev") is not None
    assert xi.via == "Chinese state media"


def test_spans_point_at_the_quoted_words_without_marks(seed_001) -> None:
    quotes, _, text = seed_001
    for quote in quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
        assert quote.text[0] not in QUOTE_MARKS and quote.text[-1] not in QUOTE_MARKS
        assert quote.sentence is not None
        assert quote.sentence.start < quote.span.start < quote.span.end <= quote.sentence.end
        assert quote.speaker_text in text[quote.sentence.start : quote.sentence.end]
        assert not quote.partial


def test_appositive_speaker_is_the_name_alone(seed_001) -> None:
    quotes, actors, _ = seed_001
    (kortunov,) = matching(quotes, "If the situation in Kazakhstan changes")
    assert kortunov.speaker_text == "Andrey Kortunov"
    assert kortunov.cue == "warn"
    assert kortunov.speaker_key == actors.find("Andrey Kortunov")


def test_truncated_seed_gives_its_four_quotes(nlp, dictionary, gold) -> None:
    quotes, _ = run(nlp, dictionary, SEED_000.read_text(encoding="utf-8"))
    expected = [q["starts_with"] for q in gold["quotes"] if q["in_000"]]
    assert len(quotes) == len(expected) == 4
    for starts_with in expected:
        assert len(matching(quotes, starts_with)) == 1


def test_inverted_cue(nlp, dictionary) -> None:
    (quote,), actors = run(
        nlp, dictionary, '"Nobody will be allowed to destabilise the region," said Putin.'
    )
    assert quote.speaker_text == "Putin"
    assert quote.cue == "say"
    assert quote.speaker_key is not None
    assert "Putin" in actors.actor(quote.speaker_key).name


def test_cue_before_the_quote_and_curly_marks(nlp, dictionary) -> None:
    (quote,), _ = run(nlp, dictionary, "Angela Merkel told reporters: “We have to act now.”")
    assert quote.text == "We have to act now."
    assert quote.speaker_text == "Angela Merkel"
    assert quote.cue == "tell"
    assert not quote.partial


def test_multi_sentence_quote_is_one_quote(nlp, dictionary) -> None:
    text = (
        '"The talks failed. Nobody wanted to give ground. We will try again next week," '
        "the foreign minister said on Friday."
    )
    (quote,), _ = run(nlp, dictionary, text)
    assert quote.text.startswith("The talks failed.") and quote.text.endswith("next week")
    assert quote.speaker_text == "the foreign minister"


def test_multi_paragraph_quote_is_one_quote(nlp, dictionary) -> None:
    text = (
        "The senator spoke for an hour.\n\n"
        '"This bill will ruin the farmers of this state and everyone knows it.\n\n'
        '"I will vote against it and so should you," Elizabeth Warren said.'
    )
    (quote,), _ = run(nlp, dictionary, text)
    assert quote.text.startswith("This bill will ruin")
    assert quote.text.endswith("so should you")
    assert "\n\n" in quote.text
    assert quote.speaker_text == "Elizabeth Warren"


def test_unclosed_quote_does_not_run_into_a_plain_paragraph(nlp, dictionary) -> None:
    text = (
        '"This sentence never closes, the reporter forgot the mark.\n\n'
        'The next paragraph is the reporter\'s own. "Later words," Warren said.'
    )
    (quote,), _ = run(nlp, dictionary, text)
    assert quote.text == "Later words"


def test_quote_split_by_its_attribution_is_one_quote(nlp, dictionary) -> None:
    (quote,), _ = run(nlp, dictionary, '"We will win," he said, "and soon."')
    assert quote.text == "We will win, and soon."
    assert quote.speaker_text == "he"
    assert quote.cue == "say"


def test_according_to_names_the_source(nlp, dictionary) -> None:
    (quote,), _ = run(
        nlp, dictionary, '"Prices will keep rising into next year," according to the central bank.'
    )
    assert quote.cue == "according to"
    assert quote.speaker_text == "the central bank"


def test_scare_quotes_and_titles_are_not_quotes(nlp, dictionary) -> None:
    text = (
        'The ministry called off its "strategic" review on Monday. '
        'Critics mocked his "tough on crime" stance. '
        'She starred in "Mary Poppins" before moving to London.'
    )
    quotes, _ = run(nlp, dictionary, text)
    assert quotes == []


def test_labelled_fragment_is_a_partial_quote(nlp, dictionary) -> None:
    (quote,), _ = run(nlp, dictionary, 'Donald Trump called the inquiry a "witch hunt" on Tuesday.')
    assert quote.text == "witch hunt"
    assert quote.partial
    assert quote.cue == "call"
    assert quote.speaker_text == "Donald Trump"


def test_pronoun_speaker_resolves_to_the_person_before_it(nlp, dictionary) -> None:
    text = 'Vladimir Putin met the delegation in Moscow. "We are ready to talk," he said.'
    (quote,), actors = run(nlp, dictionary, text)
    assert quote.speaker_text == "he"
    assert quote.speaker_key == actors.find("Vladimir Putin") is not None


def test_scanner_ignores_apostrophes_and_keeps_nested_quotes() -> None:
    text = "The Kurds' land, he said, is \"their 'home' and ours\". It's Tom's."
    (quotation,) = scan_quotations(text)
    assert quotation.text(text) == "their 'home' and ours"


@needs_shared
def test_dev_articles_hold_their_measured_level(nlp, dictionary) -> None:
    """A floor under the figures benchmarks/quotes.py reports on 25 hand-annotated
    articles, so a rule change that loses many quotes or speakers shows up here."""
    gold = json.loads((SHARED / "acceptance" / "quotes.dev.json").read_text(encoding="utf-8"))
    bodies = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    units = found = predicted = correct = 0
    for key, annotation in gold["articles"].items():
        quotes, _ = run(nlp, dictionary, bodies[key]["articleBody"])
        starts = [q["starts_with"] for q in annotation["quotes"]]
        heads = [q["starts_with"] for q in annotation["quotes"] if not q["continues_previous"]]
        predicted += len(quotes)
        correct += sum(1 for q in quotes if any(matching([q], s) for s in starts))
        units += len(heads)
        found += sum(1 for s in heads if matching(quotes, s))
    assert found / units >= 0.90  # the goals; benchmarks/quotes.py has the figures
    assert correct / predicted >= 0.95


def test_reporters_earlier_sentence_does_not_claim_the_quote(nlp, dictionary) -> None:
    text = 'Shop owners in Lagos said prices rose. "Nobody can pay," said Ana Souza.'
    (quote,), _ = run(nlp, dictionary, text)
    assert quote.speaker_text == "Ana Souza"
    assert quote.via is None


def test_quote_introduced_and_reported_keeps_both(nlp, dictionary) -> None:
    text = 'During the call he said, "somebody ought to stop her," the prosecutor\'s office said.'
    (quote,), _ = run(nlp, dictionary, text)
    assert quote.speaker_text == "he"
    assert quote.via == "the prosecutor's office"


def test_description_speaker_resolves_to_the_person_it_describes(nlp, dictionary) -> None:
    text = (
        "Joe Biden, the president, arrived late in Ohio.\n\n"
        '"We will make a deal with them," the president said.'
    )
    (quote,), actors = run(nlp, dictionary, text)
    assert quote.speaker_text == "the president"
    assert quote.speaker_key == actors.find("Joe Biden") is not None


def test_pronoun_skips_a_person_of_the_other_gender(nlp, dictionary) -> None:
    text = (
        "Tom Becker runs the port authority, and his budget was cut this year.\n\n"
        "On Monday Maria Lopez, the transport minister, met her staff in Valencia.\n\n"
        '"The cuts were never discussed with us," he said.'
    )
    (quote,), actors = run(nlp, dictionary, text)
    assert quote.speaker_text == "he"
    assert quote.speaker_key == actors.find("Tom Becker") is not None


def test_she_resolves_past_a_later_mention_of_another_person(nlp, dictionary) -> None:
    text = (
        "Anna Berg left her record label in 2018. The label was later sold to a firm run "
        "by the investor Paul Kern.\n\n"
        '"I was never told about the sale," she said.'
    )
    (quote,), actors = run(nlp, dictionary, text)
    assert quote.speaker_key == actors.find("Anna Berg") is not None


def test_description_named_only_later_resolves_to_that_person(nlp, dictionary) -> None:
    text = (
        'The French ambassador to Canada warned that Paris "will not stay silent" on the '
        "fishing dispute.\n\n"
        "The ambassador, Marie Dubois, spoke after a meeting in Ottawa."
    )
    (quote,), actors = run(nlp, dictionary, text)
    assert quote.partial
    assert quote.speaker_key == actors.find("Marie Dubois") is not None


def test_definite_description_of_a_person_stands_for_the_person(nlp, dictionary) -> None:
    text = (
        "Sam Reed, the coach, watched the game from the stands.\n\n"
        '"It was a hard night for all of us," the coach said.'
    )
    (quote,), actors = run(nlp, dictionary, text)
    assert quote.speaker_text == "the coach"
    assert quote.speaker_key == actors.find("Sam Reed") is not None


def test_unnamed_source_stays_unnamed(nlp, dictionary) -> None:
    text = (
        "John Hart, a senior official at the Treasury, briefed reporters on Monday.\n\n"
        '"The talks are over for this year," a senior official said on Tuesday.'
    )
    (quote,), _ = run(nlp, dictionary, text)
    assert quote.speaker_text == "a senior official"
    assert quote.speaker_key is None


def test_quote_alone_in_its_paragraph_continues_the_previous_speaker(nlp, dictionary) -> None:
    text = (
        '"We will not resign," Anna Berg said on Friday.\n\n'
        '"The board has our full support and the plan stays."'
    )
    first, second = run(nlp, dictionary, text)[0]
    assert second.text.startswith("The board has our full support")
    assert second.cue is None
    assert second.speaker_key == first.speaker_key is not None


def test_pull_quote_takes_the_speaker_of_the_words_it_repeats(nlp, dictionary) -> None:
    text = (
        '"We are not done yet," said Tom Becker.\n\n'
        '"A failure of leadership"\n\n'
        "Maria Lopez, the transport minister, said the response to the floods was "
        '"a failure of leadership" and called for an inquiry.'
    )
    quotes, actors = run(nlp, dictionary, text)
    pull, body = [q for q in quotes if q.text.lower().startswith("a failure of leadership")]
    assert body.partial and not pull.partial
    assert pull.speaker_key == body.speaker_key == actors.find("Maria Lopez") is not None


def test_partial_quotes_through_prepositions_and_as(nlp, dictionary) -> None:
    text = (
        'Maria Lopez accused the board of years of "reckless spending" at the port.\n\n'
        'Tom Becker described the plan to close the port as "simply unworkable."\n\n'
        'Joel Hart, a teacher in Richmond, said lawmakers have "ignored" teachers for a decade.'
    )
    quotes, actors = run(nlp, dictionary, text)
    expected = {
        "reckless spending": "Maria Lopez",
        "simply unworkable": "Tom Becker",
        "ignored": "Joel Hart",
    }
    assert len(quotes) == len(expected)
    for words, speaker in expected.items():
        (quote,) = matching(quotes, words)
        assert quote.partial
        assert quote.speaker_key == actors.find(speaker) is not None


def test_nicknames_bill_names_and_shows_are_not_quotes(nlp, dictionary) -> None:
    text = (
        'The so-called "Gang of Eight" met on Tuesday to debate the "Clean Harbours Act". '
        'Dwayne "The Rock" Johnson watched from the gallery.\n\n'
        'Volker said he never used the term "three amigos".\n\n'
        '"We were lucky," the actor previously said on "Good Morning America."'
    )
    quotes, _ = run(nlp, dictionary, text)
    assert [q.text for q in quotes] == ["We were lucky"]


def test_a_document_speaks_for_whoever_issued_it(nlp, dictionary) -> None:
    text = (
        "The European Commission said in a statement on Friday that it had opened an "
        "inquiry.\n\n"
        '"No company is above the law," the statement said.'
    )
    (quote,), actors = run(nlp, dictionary, text)
    assert quote.speaker_text == "the statement"
    assert quote.via == "the statement"
    assert quote.speaker_key is not None
    assert actors.actor(quote.speaker_key).type == "organisation"


def test_speaker_role_and_organisation_go_onto_the_actor(nlp, dictionary) -> None:
    text = (
        '"The crisis will pass within a year," said Elena Petrova, director of the Baltic '
        "Research Institute."
    )
    (quote,), actors = run(nlp, dictionary, text)
    assert quote.speaker_text == "Elena Petrova"
    speaker = actors.actor(quote.speaker_key)
    assert speaker.type == "person"
    assert "director, Baltic Research Institute" in speaker.roles


def test_doubled_apostrophes_mark_quotes(nlp, dictionary) -> None:
    text = (
        "Ms. Acosta runs the bank's audit.\n\n"
        "''The problems started with deficit financing,'' Ms. Acosta said. It's ''not "
        "sustainable,'' she added."
    )
    quotes, actors = run(nlp, dictionary, text)
    assert [normalise(q.text) for q in quotes] == [
        "The problems started with deficit financing",
        "not sustainable",
    ]
    assert all("Acosta" in speaker_names(q, actors) for q in quotes)


def test_sentence_before_introduces_the_quote(nlp, dictionary) -> None:
    text = (
        'Helen Marsh of Ohio State University agreed. "Party moderates are losing '
        'patience with the leadership."\n\n'
        "Paul Grant, who spoke first, explained his vote. He said:\n\n"
        '"We should rally behind a single nominee now."'
    )
    quotes, actors = run(nlp, dictionary, text)
    (first,) = matching(quotes, "Party moderates")
    assert "Marsh" in speaker_names(first, actors)
    (second,) = matching(quotes, "We should rally")
    assert "Grant" in speaker_names(second, actors)


def test_relative_pronoun_speaker_is_the_noun_it_modifies(nlp, dictionary) -> None:
    text = (
        "The governor won the endorsement of Senator Ruth Alder, who told reporters in the "
        'lobby, "I am backing her because the party needs a fresh start."'
    )
    quotes, actors = run(nlp, dictionary, text)
    (quote,) = matching(quotes, "I am backing her")
    assert "Alder" in speaker_names(quote, actors)


def test_unnamed_speaker_is_described_and_flagged_with_lower_confidence(nlp, dictionary) -> None:
    text = (
        'Senator Amy Klobuchar said, "We will pass the bill this week."\n\n'
        '"The talks have stalled," a spokeswoman for the ministry said.\n\n'
        '"Nobody expected it," she said later.'
    )
    quotes, _ = run(nlp, dictionary, text)
    named, unnamed, pronoun = quotes
    assert not named.speaker_unnamed and named.confidence is not None
    assert unnamed.speaker_unnamed and unnamed.speaker_key is None
    assert unnamed.speaker_text == "a spokeswoman for the ministry"
    assert pronoun.confidence is not None and pronoun.confidence < named.confidence
    assert all(0 <= q.confidence <= 1 for q in quotes)


def test_confidence_and_unnamed_flag_are_stored_and_read_back(tmp_path) -> None:
    story = seed_story()
    facts = seed_facts(story)
    named, *rest = facts.quotes
    described = dataclasses.replace(
        rest[0], speaker_key=None, speaker_text="a senior official", speaker_unnamed=True
    )
    quotes = [dataclasses.replace(named, confidence=0.95), described]
    with open_store(tmp_path / "newsgraph.db") as store:
        store.save_story(story, signatures_of(story), dataclasses.replace(facts, quotes=quotes))
        rows = sorted(store.quotes(), key=lambda row: row["start"])
    by_text = {row["text"]: row for row in rows}
    assert by_text[named.text]["confidence"] == 0.95
    assert by_text[named.text]["speaker_unnamed"] is False
    assert by_text[described.text]["speaker_unnamed"] is True
    assert by_text[described.text]["speaker_text"] == "a senior official"
    assert by_text[described.text]["confidence"] is None


def test_as_someone_put_it_and_a_possessive_description(nlp, dictionary) -> None:
    text = (
        'Or, as Mark Olsen, a former head of the coast guard, put it: "The '
        'storms keep getting stronger."\n\n'
        "Senator Paul Grant waved to the crowd. His wife leaned over and told him: "
        '"They are still cheering for you."'
    )
    quotes, actors = run(nlp, dictionary, text)
    (olsen,) = matching(quotes, "The storms")
    assert "Olsen" in speaker_names(olsen, actors)
    (wife,) = matching(quotes, "They are still cheering")
    assert wife.speaker_key is None and wife.speaker_text == "His wife"


def test_titles_in_quotation_marks_are_not_quotes(nlp, dictionary) -> None:
    text = (
        'He appeared in "The Winter Garden" and in "A Short History of Rain" '
        'before the senator said the plan was "a disaster for everyone."'
    )
    quotes, _ = run(nlp, dictionary, text)
    assert [normalise(q.text) for q in quotes] == ["a disaster for everyone."]


def test_fragment_deep_in_reported_speech_is_the_reporters(nlp, dictionary) -> None:
    text = (
        "Jane Porter gave her backing to the mayor on Thursday, saying the city needs "
        'a "practical problem solver who fixes the roads first."'
    )
    quotes, actors = run(nlp, dictionary, text)
    (quote,) = matching(quotes, "practical problem solver")
    assert quote.partial and "Porter" in speaker_names(quote, actors)


def test_attribution_after_a_quote_that_ends_in_a_nested_quote(nlp, dictionary) -> None:
    text = (
        "Mayor Lena Hart met the candidate on Monday.\n\n"
        "“He asked us, ‘Which roads should we fix first?’” Hart said. "
        "“Rubio is wrong,” Clinton fired back."
    )
    quotes, actors = run(nlp, dictionary, text)
    (asked,) = matching(quotes, "He asked us")
    assert "Hart" in speaker_names(asked, actors)
    (wrong,) = matching(quotes, "Rubio is wrong")
    assert "Clinton" in speaker_names(wrong, actors)


def test_a_reporting_clause_set_into_the_sentence_it_reports(nlp, dictionary) -> None:
    text = (
        "The economy, Finance Minister Anna Berg said on Monday, is "
        '"turning the corner after two hard years."'
    )
    quotes, actors = run(nlp, dictionary, text)
    (quote,) = matching(quotes, "turning the corner")
    assert "Berg" in speaker_names(quote, actors)


def test_a_quoted_paragraph_continues_whoever_the_paragraph_before_reports(nlp, dictionary) -> None:
    text = (
        "The council met on Tuesday to vote on the budget.\n\n"
        "Mayor Tom Harris added that the bridge plan would have to wait.\n\n"
        '"Not this year, not with this budget and not with these prices."'
    )
    quotes, actors = run(nlp, dictionary, text)
    (quote,) = matching(quotes, "Not this year")
    assert "Harris" in speaker_names(quote, actors)
    assert quote.confidence is not None and quote.confidence < 0.8  # less sure than a cue


def test_the_subject_of_a_clause_whose_colon_introduces_the_quote(nlp, dictionary) -> None:
    text = (
        "Governor Lisa Moreno makes the same case in every town: "
        '"No family should have to choose between rent and medicine."'
    )
    quotes, actors = run(nlp, dictionary, text)
    (quote,) = matching(quotes, "No family should")
    assert "Moreno" in speaker_names(quote, actors)


def test_any_verb_after_a_quote_ending_in_a_comma_or_question_mark_reports_it(
    nlp, dictionary
) -> None:
    text = (
        "The interview turned to money.\n\n"
        '"Where will the other half of the money come from?" host Karen Walsh pressed.\n\n'
        '"We will be fine next season," coach Dan Ortiz deadpanned after the loss.'
    )
    quotes, actors = run(nlp, dictionary, text)
    (question,) = matching(quotes, "Where will the other half")
    assert "Walsh" in speaker_names(question, actors)
    (answer,) = matching(quotes, "We will be fine")
    assert "Ortiz" in speaker_names(answer, actors)


def test_a_given_name_tells_she_from_he(nlp, dictionary) -> None:
    text = (
        "Maria Lopez chairs the housing committee. Carlos Mendez, the deputy chair, "
        "spoke first on Thursday.\n\n"
        '"We need the money now, not after the election," she said.'
    )
    quotes, actors = run(nlp, dictionary, text)
    (quote,) = matching(quotes, "We need the money now")
    assert "Lopez" in speaker_names(quote, actors)


def test_a_one_word_fragment_is_less_sure_than_a_statement(nlp, dictionary) -> None:
    text = (
        'Senator Jane Holt called the plan "reckless" on Monday. '
        '"It will cost more than it saves," Holt said.'
    )
    quotes, _ = run(nlp, dictionary, text)
    (word,) = matching(quotes, "reckless")
    (statement,) = matching(quotes, "It will cost more")
    assert word.partial and word.confidence is not None and statement.confidence is not None
    assert word.confidence < 0.5 <= statement.confidence


def test_a_title_spoken_to_or_in_apposition_is_a_name(nlp, dictionary) -> None:
    text = (
        'The senator told "Morning Report" on Tuesday that the vote would pass. '
        'Her memoir, "Hard Choices Ahead," came out in May.'
    )
    quotes, _ = run(nlp, dictionary, text)
    assert not matching(quotes, "Morning Report")
    assert not matching(quotes, "Hard Choices Ahead")
