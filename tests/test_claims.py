"""Claims (stage 8): numbers with what they measure and when, on the seeds and on sentences."""

from __future__ import annotations

import json

import pytest

from conftest import EXTRACTION, SEED_001, gold_items, needs_shared
from newsgraph.claims import extract_claims
from newsgraph.claims.confidence import DEFAULT_THRESHOLD
from newsgraph.records import Claim


@pytest.fixture(scope="session")
def claims_of(nlp):
    def extract(text: str, date: str | None = None) -> list[Claim]:
        return extract_claims(nlp(text), "test", date=date)

    return extract


@pytest.fixture(scope="session")
def seed_claims(claims_of) -> list[Claim]:
    return claims_of(SEED_001.read_text(encoding="utf-8"), date="2022-01-10")


def _gold_number(value: str) -> float:
    return float(next(word for word in value.split() if word.replace(".", "").isdigit()))


REQUIRED = gold_items("claims")


@needs_shared
@pytest.mark.parametrize("gold", REQUIRED, ids=[f"{c['value']} {c['time']}" for c in REQUIRED])
def test_required_seed_claims_are_found(seed_claims, gold):
    people = "Kazakh" if gold["subject"].startswith("Kazakh") else "Russian"
    found = [
        claim
        for claim in seed_claims
        if people in claim.subject
        and claim.number == _gold_number(gold["value"])
        and claim.time == gold["time"]
    ]
    assert found, f"no claim for {gold}"
    assert found[0].unit == "percent"
    assert found[0].confidence >= DEFAULT_THRESHOLD  # listed by default


def test_seed_claim_offsets_point_at_the_value(seed_claims):
    text = SEED_001.read_text(encoding="utf-8")
    claim = next(c for c in seed_claims if c.number == 68)
    assert text[claim.span.start : claim.span.end] == "68 percent"
    assert "topped 68 percent" in text[claim.sentence.start : claim.sentence.end]
    assert claim.subject == "the Kazakh population"


def test_relative_clause_value_inherits_the_time_and_subject(seed_claims):
    claim = next(c for c in seed_claims if c.number == 19)
    assert claim.subject == "the Russian population"
    assert claim.value == "around 19 percent"
    assert claim.time == "2020"


def test_count_names_what_was_counted_and_the_verb(claims_of):
    (claim,) = claims_of("The bombing killed 12 people in the capital.")
    assert (claim.subject, claim.number, claim.unit) == (
        "people killed by the bombing",
        12,
        "people",
    )


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Nineteen senators voted against the trade bill.",
            "senators voted against the trade bill",
        ),
        ("At least 14 people were left dead by the floods.", "people left dead"),
        ("Some 2 million people of Somali descent live abroad.", "people of Somali descent live"),
        (
            "The governor's 30 appointed judges ruled against the law.",
            "appointed judges ruled against the law",
        ),
        ("About 40 senators voted in 2019.", "senators voted"),
        (
            "Some 12,000 farmers became newly eligible for drought relief last year.",
            "farmers became newly eligible for drought relief",
        ),
        (
            "About 60 students who had occupied the library left the campus.",
            "students who had occupied the library left the campus",
        ),
        # a verb too general to say what is counted: the ones that are or have what it tells
        (
            "Up to 3 million renters could be eligible for the new credit.",
            "renters that could be eligible for the new credit",
        ),
        (
            "About 800 nurses in Dunmore have contracts with the county.",
            "nurses in Dunmore that have contracts with the county",
        ),
    ],
)
def test_counted_people_keep_their_modifiers_and_what_they_did(claims_of, text, subject):
    """What the counted did and who they are is what is measured: "senators | 19" is not."""
    (claim,) = claims_of(text)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("In 2014 the party won only 27 percent of that vote.", False),
        ("About 30 percent of these workers earn the minimum wage.", False),
        ("Nearly 40 percent of those voters who stayed home were young.", True),
    ],
)
def test_a_subject_that_points_back_does_not_say_what_is_measured(claims_of, text, shown):
    """ "that vote" names what an earlier sentence did; "those voters who stayed home" is
    completed where it stands."""
    (claim,) = claims_of(text)
    assert (claim.confidence >= DEFAULT_THRESHOLD) is shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("If the bill passes, the state needs 3,000 more teachers.", False),
        ("Nobody knows whether the party would take 40 percent of the vote.", False),
        ("The state hired 3,000 more teachers in 2015.", True),
        ("Asked if the mayor was honest, 46 percent of residents said yes.", True),
    ],
)
def test_a_figure_the_sentence_only_supposes_is_not_shown(claims_of, text, shown):
    """A figure in a condition or an indirect question is no figure of the world; "if"
    after a verb of asking puts a question and supposes nothing."""
    claims = claims_of(text)
    assert claims and all((c.confidence >= DEFAULT_THRESHOLD) is shown for c in claims)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The mayor wants to hire 3,000 more teachers.", False),
        ("About 5,000 troops would remain in the country through 2027.", False),
        ("Omaha will need 40 million dollars to finish the bridge.", False),
        ("The mayor hired 3,000 more teachers last year.", True),
        ("About 5,000 troops remained in the country last year.", True),
    ],
)
def test_a_figure_still_to_come_is_not_shown(claims_of, text, shown):
    """What is wanted, planned or expected is a projection, not a figure of the world."""
    claims = claims_of(text)
    assert claims and all((c.confidence >= DEFAULT_THRESHOLD) is shown for c in claims)


def test_money_is_scaled_and_has_a_currency(claims_of):
    (claim,) = claims_of("The IMF approved a $5 billion loan to Ukraine in March 2015.")
    assert (claim.subject, claim.value, claim.number, claim.unit) == (
        "loan",
        "$5 billion",
        5e9,
        "USD",
    )
    assert claim.time == "2015"


def test_change_measures_the_object_changed(claims_of):
    (claim,) = claims_of("The central bank raised interest rates by 2.5 percent.")
    assert (claim.subject, claim.number, claim.unit) == ("interest rates raised", 2.5, "percent")


def test_time_falls_back_to_the_article_date(claims_of):
    (claim,) = claims_of("Unemployment stands at 7 percent.", date="2022-01-10")
    assert (claim.subject, claim.time) == ("Unemployment", "2022-01-10")


def test_year_is_inherited_only_within_a_paragraph(claims_of):
    text = (
        "In 1990 the economy was small. Exports were 5 percent of output.\n\n"
        "Imports were 9 percent of output."
    )
    five, nine = claims_of(text)
    assert (five.subject, five.time) == ("Exports", "1990")
    assert (nine.subject, nine.time) == ("Imports", None)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Between 2004 and 2019, wheat exports from the region tripled 200 percent.", "2004/2019"),
        ("From 2001 to 2012, deaths from measles fell 60 percent.", "2001/2012"),
        ("Coal output fell 30 percent from 2010 through 2015.", "2010/2015"),
        ("Coal output fell 30 percent in 2015 and 2016.", "2015"),
    ],
)
def test_a_change_over_a_period_is_dated_by_the_period(claims_of, text, time):
    """A change told between two years is the period's, not its first year's."""
    (claim,) = [c for c in claims_of(text) if c.unit == "percent"]
    assert claim.time == time


def test_a_period_opening_a_sentence_frames_no_sentence_after_it(claims_of):
    text = (
        "Between 2004 and 2019, the river's fish stocks fell 40 percent. "
        "About 30 percent of the fishermen have found other work."
    )
    claims = claims_of(text, date="2021-03-01")
    assert [c.time for c in claims] == ["2004/2019", "2021-03-01"]


def test_years_ordinals_and_numbers_in_names_are_not_claims(claims_of):
    text = "Apollo 11 landed in 1969. The G20 met for the third time. Article 5 was invoked."
    assert claims_of(text) == []


def test_vague_counts_keep_words_but_no_number(claims_of):
    (claim,) = claims_of("Hundreds of people were protesting against the government.")
    assert claim.subject == "people protesting"
    assert claim.number is None


@needs_shared
def test_claims_on_real_article_bodies_are_well_formed(nlp):
    bodies = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [record["articleBody"] for record in list(bodies.values())[:20]]
    found = [
        (text, claim)
        for text, doc in zip(texts, nlp.pipe(texts), strict=True)
        for claim in extract_claims(doc, "real")
    ]
    assert len(found) > 20
    for text, claim in found:
        assert text[claim.span.start : claim.span.end] == claim.value
        assert claim.subject and claim.subject != claim.value
        if claim.number is not None and claim.unit == "percent":
            assert 0 <= claim.number <= 10_000


@pytest.mark.parametrize(
    "text",
    [
        "The new 16-inch MacBook Pro has a larger screen.",  # a measure naming a kind
        "The two sides met in Geneva.",  # a small count describes
        "Three enemy factions attack the player.",
        "Add 1 cup of blueberries to the bowl.",  # a kitchen measure
        "The chip runs at 2.3GHz.",  # a unit glued on: a spec
        "The Fossil smartwatch sells for 195.",  # no unit
    ],
)
def test_numbers_that_describe_are_no_claims(claims_of, text):
    assert claims_of(text) == []


def test_a_small_count_of_people_harmed_is_a_claim(claims_of):
    (claim,) = claims_of("Two soldiers were killed in the attack.")
    assert (claim.number, claim.unit) == (2, "soldier")


def test_a_dotted_date_is_no_number_and_no_claim(claims_of):
    # "2018.04.05" once raised ValueError in parse_number and stopped the whole ingest
    claims = claims_of("The update was released on 2018.04.05 to 12,000 users.")
    assert [(claim.subject, claim.number) for claim in claims] == [("users", 12_000)]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 30 people were killed in the fighting.",  # people harmed, sourced
        "Canada's mortgage rates fell 2 percent, the central bank said.",  # a share, sourced
        "Chile's exports rose 12 percent in 2019.",  # a share, dated
        "The IMF approved a $5 billion loan to Ukraine in March 2015.",  # a large sum
        "Farmers harvested 3.7 million tonnes of wheat.",  # a quantity of goods
        # A long subject, when it is one noun phrase, still names what is measured.
        "Ontario's share of respondents aged between 12 and 17 who had a cannabis use"
        " disorder rose by 25 percent.",
    ],
)
def test_figures_about_the_world_are_confident(claims_of, text):
    (claim,) = claims_of(text)
    assert claim.confidence >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "The phone has an 82 kWh battery.",  # a product's specification
        "Its top speed is 109 mph.",
        "Prices start at just $2,199.",  # what a product costs
        "Ambient lighting offers 30 colors.",  # a count of things, not people
        "You will never have 100 percent complete information.",  # grades an adjective
        "Sterling GBP= was last trading at $1.2925, down 0.21% on the day.",  # no word names it
        "Slow Cooker Beef Chili, 10 olives, 2 slices of bread.",  # a list, no clause
        "The total rose by 23 percent last year.",  # the subject is only a word for amount
        "The rain could fill a lake (which holds about 2,500 tonnes of water).",  # an aside
    ],
)
def test_figures_that_describe_products_or_miss_their_subject_are_unsure(claims_of, text):
    claims = claims_of(text)
    assert claims and all(claim.confidence < DEFAULT_THRESHOLD for claim in claims)


def test_the_source_counts_only_when_it_governs_the_figure(claims_of):
    sourced, unsourced = (
        claims_of(f"Comparable sales rose 3 percent{tail}.")[0]
        for tail in (", the company said", ", and the company said it would hire")
    )
    assert sourced.confidence > unsourced.confidence


def test_two_numbers_side_by_side_are_a_table_row_not_a_claim(claims_of):
    assert claims_of("CB Greedy Williams 73 99% 6 tackles, 1 assist (7 combined).") == []


def test_a_dollar_named_by_its_country_is_that_countrys_currency(claims_of):
    (claim,) = claims_of("Alibaba's listing would raise 88 billion Hong Kong dollars.")
    assert (claim.unit, claim.number) == ("HKD", 88e9)


def test_a_quantity_of_something_measures_that_thing(claims_of):
    (claim,) = claims_of("Farmers harvested 3.7 million tonnes of wheat.")
    assert (claim.subject, claim.number, claim.unit) == ("wheat", 3.7e6, "tonne")


@pytest.mark.parametrize(
    ("text", "date", "number"),
    [
        # a year inside a clause dates that clause only; "In 1990, ..." frames what follows
        (
            "Parliament passed the housing law in 1996 after a long fight. "
            "The programme now serves 4 million families.",
            "2016-03-02",
            4_000_000,
        ),
        # a year that names a thing ("their 2020 session") dates nothing
        (
            "Legislators meet ahead of their 2020 session. "
            "The unions said more than 15,000 people registered for the rally.",
            "2019-11-19",
            15_000,
        ),
    ],
)
def test_a_year_of_an_earlier_sentence_that_frames_nothing_keeps_the_articles_date(
    claims_of, text, date, number
):
    (claim,) = claims_of(text, date=date)
    assert (claim.number, claim.time) == (number, date)


def test_a_subject_naming_who_reports_a_share_is_not_shown(claims_of):
    """Where a share comes from is not whose it is."""
    text = "A Gallup poll put the figure at 52 percent."
    claims = [claim for claim in claims_of(text) if claim.subject == "A Gallup poll"]
    assert claims and all(claim.confidence < DEFAULT_THRESHOLD for claim in claims)


@pytest.mark.parametrize(
    ("text", "holder", "subject"),
    [
        # a people's share of a whole: the people is what is measured, and whose
        ("The Kazakhs were only 32 percent of the population in 1970.", None, "The Kazakhs"),
        # a candidate's share of a vote: the candidate holds it, the vote is what it is of
        ("Senator Marsh won 20 percent of the vote in Iowa.", "Senator Marsh", "the vote in Iowa"),
        # who gave or raised a sum, and how
        (
            "Ms. Carver and her husband also gave $4 million last week to a group.",
            "Ms. Carver and her husband",
            "gave to a group",
        ),
        (
            "Acme Holdings also raised $3 million from a Texas oil executive.",
            "Acme Holdings",
            "raised from a Texas oil executive",
        ),
    ],
)
def test_a_groups_or_a_candidates_share_is_still_shown(claims_of, text, holder, subject):
    claims = [claim for claim in claims_of(text) if claim.subject == subject]
    assert claims and all(claim.confidence >= DEFAULT_THRESHOLD for claim in claims)
    assert {claim.holder for claim in claims} == {holder}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Last spring only 41 percent of Albertans opposed the levy.",
            "Albertans that opposed the levy",
        ),
        (
            "A new poll found 61 percent of likely voters in Ohio have a favourable view of the "
            "governor.",
            "likely voters in Ohio that have a favourable view of the governor",
        ),
        ("About 40 percent of the budget goes to pensions.", "the budget that goes to pensions"),
        (
            "An overwhelming 70 percent of Americans say the move was wrong.",
            "Americans that say the move was wrong",
        ),
    ],
)
def test_a_share_that_does_something_measures_the_part_that_does_it(claims_of, text, subject):
    (claim,) = claims_of(text)
    assert claim.subject == subject
    assert claim.holder is None


def test_a_count_keeps_the_particle_of_its_verb(claims_of):
    (claim,) = claims_of("The carmaker laid off more than 300 workers in March.")
    assert claim.subject == "workers laid off by the carmaker"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # as written, "people killing" would be those who did the killing
        (
            "A gunman opened fire at the Omaha mall, killing at least 12 people.",
            "people killed by a gunman",
        ),
        ("Governor Harlow needs 40 more votes to pass the budget.", "votes needed"),
        ("The rally in Dunmore drew about 3,000 people.", "people drawn"),
    ],
)
def test_a_count_a_verb_acts_on_is_told_as_done_to_it(claims_of, text, subject):
    assert [claim.subject for claim in claims_of(text)] == [subject]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a verb that only says the act was achieved or begun: the act is its complement's
        ("About 200 miners managed to leave the pit.", "miners left the pit"),
        ("About 300 workers began striking on Monday.", "workers striking"),
        # what the act left them: the adjective after the ones counted
        ("The blast in Omaha left 14 people dead.", "people left dead"),
        ("The flood left 3,000 families homeless.", "families left homeless"),
        # "there were": the phrase or clause after the noun says which are counted
        ("There were at least 40 passengers on the bus.", "passengers on the bus"),
        # the whole of "N of the X": the part of it the clause tells
        ("Twelve of the ministers are from the north.", "the ministers that are from the north"),
    ],
)
def test_a_count_keeps_what_its_clause_says_of_the_ones_counted(claims_of, text, subject):
    assert [claim.subject for claim in claims_of(text)] == [subject]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Acme shares were up 17 percent on Monday.", "shares up"),
        ("Kenyan exports are down 12 percent this year.", "Kenyan exports down"),
        ("Acme shares closed at $18.25, up 0.35%.", "shares up"),
    ],
)
def test_a_share_told_with_up_or_down_is_a_change(claims_of, text, subject):
    [claim] = claims_of(text)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("There were 56 passengers.", False),
        ("The law applies to firms with more than 50 workers.", False),
        ("Some 56 passengers were hurt in the crash.", True),
        ("Harlow Rail employs 3,000 workers.", True),
    ],
)
def test_a_bare_noun_with_no_holder_is_not_shown(claims_of, text, shown):
    """ "passengers | 56" names a kind of thing, not which ones are counted or whose."""
    claims = claims_of(text)
    assert claims and all((c.confidence >= DEFAULT_THRESHOLD) is shown for c in claims)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # a group with nothing said of the part the share is of
        ("Kenyan farmers are less upbeat, at 26%.", False),
        ("Kenyan traders accounted for 30% of the buyers in Kisumu.", False),
        ("Rebels killed 30 percent of the villagers.", False),
        # what the group is said to be, the whole told before ("they were only 32 percent")
        ("Back then the Kazakhs were only 32 percent in Kazakhstan.", True),
        # what the part does, or a measure of its own
        ("About 40 percent of Kenyan farmers oppose the tax.", True),
        ("Turnout in Kisumu was 60 percent.", True),
        ("Kenyan exports are down 12 percent this year.", True),
    ],
)
def test_a_share_of_a_group_says_what_the_part_does(claims_of, text, shown):
    [claim] = claims_of(text)
    assert (claim.confidence >= DEFAULT_THRESHOLD) is shown


def test_a_hyphen_inside_a_word_does_not_close_a_shares_clause(claims_of):
    (claim,) = claims_of("Twelve percent of voters were undecided about the three-way race.")
    assert claim.subject == "voters that were undecided about the three-way race"


def test_a_year_after_another_figure_is_that_figures(claims_of):
    text = "Only 41 percent of Albertans opposed the levy, down from 55 percent in 2012."
    by_value = {claim.value: claim.time for claim in claims_of(text, date="2020-03-01")}
    assert by_value == {"Only 41 percent": "2020-03-01", "55 percent": "2012"}
    text = "In 2019 the country exported 4 million tonnes of wheat and 2 million tonnes of barley."
    assert {claim.time for claim in claims_of(text, date="2020-03-01")} == {"2019"}


@pytest.mark.parametrize(
    ("text", "value", "number", "subject"),
    [
        (
            "Roughly seven in 10 French farmers say the subsidy arrives too late.",
            "Roughly seven in 10",
            70.0,
            "French farmers that say the subsidy arrives too late",
        ),
        (
            "Three out of four nurses in the region reported shortages last winter.",
            "Three out of four",
            75.0,
            "nurses in the region that reported shortages last winter",
        ),
        (
            "Nine in 10 Spanish teachers said they lacked books.",
            "Nine in 10",
            90.0,
            "Spanish teachers that said they lacked books",
        ),
    ],
)
def test_a_ratio_is_a_share_not_a_count_of_its_denominator(claims_of, text, value, number, subject):
    (claim,) = claims_of(text)
    assert (claim.value, claim.number, claim.unit, claim.subject) == (
        value,
        number,
        "percent",
        subject,
    )
    assert claim.confidence >= DEFAULT_THRESHOLD


def test_a_ratio_a_verb_takes_measures_its_subject(claims_of):
    (claim,) = claims_of("In Ohio, farmers made up about 3 in 10 registered voters.")
    assert (claim.subject, claim.value, claim.number) == ("farmers in Ohio", "about 3 in 10", 30.0)


def test_a_count_before_in_is_no_ratio_unless_it_closes_one(claims_of):
    """A year or a count of other things after "in" makes no ratio."""
    (claim,) = claims_of("Exports of copper fell 12 percent in 2019.")
    assert (claim.number, claim.unit) == (12.0, "percent")
    assert all(c.unit != "percent" for c in claims_of("Gunmen killed 12 in 15 raids on farms."))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Exports of copper fell 12 percent in 2019.", "Exports of copper fell"),
        ("The ministry cut the health budget by $3 billion last year.", "the health budget cut"),
        ("Workers won a 6 percent increase in their wages.", "increase in their wages"),
        # a level a change goes to is no change
        ("Unemployment fell to 5 percent in May.", "Unemployment"),
    ],
)
def test_a_figure_of_change_says_which_way(claims_of, text, subject):
    assert [claim.subject for claim in claims_of(text)] == [subject]


@pytest.mark.parametrize(
    "text",
    [
        # the people a poll or a study asked: a fact of its method
        "The survey of 2,400 adults was conducted by phone in March.",
        "The Harbor Poll of 1,200 adults, including 400 retirees, was taken online.",
        "The Lakeside Poll of 1,500 adults, including 412 Green-leaning voters, was taken online.",
        "Researchers surveyed 1,500 parents across the province.",
        "Pollsters surveyed 1,100 adults, including 700 likely voters.",
        "The Harbor poll was conducted by phone among 1,250 registered voters.",
        "The state poll was taken May 2 to 6 on cellphones and landlines among 980 adults.",
        # an order of size, not a figure
        "Thousands of residents fled the flooded valley.",
        "Hundreds of families were evacuated.",
        "The group has spent millions of dollars on television ads.",
        # a share of no whole the subject names
        "In the latest poll, Maria Lopez stands at 38 percent.",
        # a part of a whole whose clause is too long to take says no part
        "A majority of Republicans were at 69% in the poll.",
        # a share whose clause is too long to take: "percent of likely voters" says no part
        "Still, 44 percent of likely voters say they would at least think about backing a "
        "third candidate in a general election next year.",
        # a share whose subject is a topic, not a whole
        "Asked to name the top issue, 9 percent chose the environment and 7 percent housing.",
        # a sum whose subject is who has it, not what it is
        "The company reported $2.3 billion last year.",
        # a count of places with nothing said of them
        "The charity now works in 85 countries.",
        # a count of places, even sourced: what they did is the figure, not how many did it
        "Nearly 300 school districts closed, according to teachers unions.",
        # a sum under a million, even sourced: 0 of 2 such were meaningful on the fit pages
        "Acme Holdings raised roughly $449,000 in May, the filings show.",
        # a holder that is only a description says not whose the figure is
        "The billionaire businessman enjoys 48 percent support among likely voters.",
        "The senator won 221 delegates in the primaries.",
        "A challenger raised more than $3 million in the quarter.",
        # a sum paid out, with neither on what nor to whom
        "Governor Lane paid $3 million, officials said.",
        "Acme Holdings spent $40 million last year.",
    ],
)
def test_figures_an_analyst_cannot_cite_are_not_shown(claims_of, text):
    claims = claims_of(text)
    assert claims and all(claim.confidence < DEFAULT_THRESHOLD for claim in claims)


def test_two_shares_given_as_a_score_are_no_one_figure(claims_of):
    text = "Among older voters the mayor's lead was wide: 58 percent to 30 percent."
    assert not [claim for claim in claims_of(text) if claim.value.count("percent") > 1]


def test_a_measure_that_is_always_someones_needs_its_holder(claims_of):
    """Delegates, votes, support or a rating are someone's; with no one named, the figure
    is not shown."""
    (held,) = claims_of("Governor Lane's approval rating fell to 38 percent.")
    assert held.holder == "Governor Lane" and held.confidence >= DEFAULT_THRESHOLD
    for text in ("The approval rating fell to 38 percent.", "There are 140 delegates at stake."):
        claims = claims_of(text)
        assert claims and all(claim.confidence < DEFAULT_THRESHOLD for claim in claims)


def test_a_shares_clause_ends_where_another_begins(claims_of):
    text = "In the Harbor poll, 48 percent of respondents chose Lopez while 35 percent chose Novak."
    (claim,) = [claim for claim in claims_of(text) if claim.number == 48.0]
    assert claim.subject == "respondents that chose Lopez"


def test_a_fraction_of_people_is_their_share(claims_of):
    (claim,) = claims_of("About half of Dutch voters say they prefer an outsider.")
    assert (claim.subject, claim.number, claim.unit) == (
        "Dutch voters that say they prefer an outsider",
        50.0,
        "percent",
    )
    assert claim.confidence >= DEFAULT_THRESHOLD


def test_a_counted_subject_keeps_what_it_did(claims_of):
    """ "people cast" misses the measure; "people cast a vote" says it."""
    (claim,) = claims_of("Nearly 2 million people cast a ballot in the runoff.")
    assert claim.subject == "people cast a ballot in the runoff"


def test_a_sum_of_money_needs_whose_it_is(claims_of):
    """A sum is always someone's (spent, paid, raised or owed); with no one named, as in
    "a renovation project | $97 million", it is not shown."""
    (paid,) = claims_of("The Harlow County Council spent $3 million on the new depot.")
    assert paid.holder and paid.confidence >= DEFAULT_THRESHOLD
    (named,) = claims_of("Harlow Rail revenue reached $40 million last year.")
    assert named.confidence >= DEFAULT_THRESHOLD  # the name before the noun says whose
    claims = claims_of("A $97 million renovation of the old depot begins next spring.")
    assert claims and all(claim.confidence < DEFAULT_THRESHOLD for claim in claims)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "In Nebraska, about 40 percent of registered voters cast ballots in the primary.",
            "registered voters that cast ballots in the primary in Nebraska",
        ),
        (
            "In the Nebraska caucuses in May, 60 percent of voters were 50 or older.",
            "voters that were 50 or older in the Nebraska caucuses in May",
        ),
        # a place the subject already names is not given twice
        ("About 300 protesters marched in Omaha on Sunday.", "protesters marched in Omaha"),
    ],
)
def test_a_figure_keeps_the_place_or_contest_its_clause_sets_it_in(claims_of, text, subject):
    """ "In Nebraska, 40 percent of voters cast ballots": without the place the turnout is
    no one's."""
    (claim,) = claims_of(text)
    assert claim.subject == subject


def test_a_persons_pronoun_in_a_subject_is_named_or_the_claim_is_hidden(claims_of):
    """ "respondents that said she could not be trusted" does not say of whom; the person
    the sentence names before the pronoun does."""
    (named,) = claims_of(
        "As Mrs. Harlow launched her campaign, 58 percent of respondents said she could"
        " not be trusted."
    )
    assert named.subject == "respondents that said Harlow could not be trusted"
    assert named.confidence >= DEFAULT_THRESHOLD
    (unknown,) = claims_of("Eight in 10 respondents believed she would lose the race.")
    assert unknown.confidence < DEFAULT_THRESHOLD
    # the gender an honorific gives rules out the wrong person
    (chosen,) = claims_of(
        "Mrs. Harlow met Mr. Dunmore, and 40 percent of voters have a positive view of her."
    )
    assert chosen.subject.endswith("of Harlow")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The plant closure led to the loss of 3,000 jobs in the county.", "loss of jobs"),
        ("Officials ordered the evacuation of 10,000 residents.", "evacuation of residents"),
        # a noun of a group or a sum takes no act
        ("The festival drew a total of 20,000 visitors.", "visitors"),
    ],
)
def test_a_count_done_to_keeps_the_act(claims_of, text, subject):
    """ "the loss of 3,000 jobs" counts jobs lost: "jobs | 3,000" says the opposite of
    what "the creation of 3,000 jobs" would."""
    (claim,) = claims_of(text)
    assert claim.subject.startswith(subject)


def test_a_part_told_by_a_participle_follows_its_noun_with_no_that(claims_of):
    """ "voters that viewing her favorably" is no English; the participle follows its noun."""
    (claim,) = claims_of(
        "The mayor leads the race, with 56 percent of registered voters viewing her favorably."
    )
    assert claim.subject.startswith("registered voters viewing her favorably")


def test_a_part_ends_with_its_hyphenated_word_not_inside_it(claims_of):
    """spaCy splits "e-mails" in three and the parser hangs the parts apart: the part is
    "the e-mails that ...", not "the e that -mails ..."."""
    (claim,) = claims_of("Lopez said that 90 percent of the e-mails were stored in the archive.")
    assert claim.subject == "the e-mails that were stored in the archive"


def test_pieces_of_a_number_or_a_clock_time_are_no_count(claims_of):
    """Text tokenised with spaces around punctuation splits "26,000" and "23:51": a piece led
    by a zero, or the minutes after an hour and a colon, counts nothing."""
    assert not [c for c in claims_of("The flood killed 26 , 000 people .") if c.value == "000"]
    claims = claims_of("At 23 : 51 , police said 3 people were shot .")
    assert [(c.subject, c.value) for c in claims] == [("people shot", "3")]


@pytest.mark.parametrize(
    "text",
    ["A gunman shot three co-workers at the plant.", "A gunman shot three co - workers ."],
)
def test_a_hyphenated_noun_the_parser_split_is_counted_whole(claims_of, text):
    """The parser leaves "co-workers" in pieces; the count is of the workers."""
    (claim,) = claims_of(text)
    assert claim.subject.replace(" ", "").startswith("co-workersshot") and claim.unit == "worker"


def test_each_of_two_counts_of_one_noun_keeps_its_own_modifier(claims_of):
    """ "12 Somali and 11 Yemeni nationals": the 12 are the Somali ones."""
    claims = claims_of("The navy seized 12 Somali and 11 Yemeni nationals on Monday.")
    assert sorted((c.value, c.subject) for c in claims) == [
        ("11", "Yemeni nationals seized"),
        ("12", "Somali nationals seized"),
    ]
    (claim,) = claims_of("Two of the three victims died.")  # a whole, no second count
    assert claim.subject == "the three victims died"


def test_a_shares_clause_cut_inside_what_it_says_is_not_taken(claims_of):
    """The words taken end inside a clause of their own ("said Lane's deficit ... meant"),
    so the part's clause is not told: the share is left unread, not shown half said."""
    text = (
        "Two-thirds of Democratic insiders said Lane's deficit, combined with the close race"
        " in Iowa, meant that she would lose."
    )
    claims = claims_of(text)
    assert not [c for c in claims if c.subject.endswith("deficit")]
    assert all(c.confidence < DEFAULT_THRESHOLD for c in claims)
    (whole,) = claims_of("About 40 percent of voters opposed the new tax on fuel.")
    assert whole.subject == "voters that opposed the new tax on fuel"


def test_a_clause_left_unfinished_is_not_taken_into_a_subject(claims_of):
    """ "where 100 people were" moved its complement; "who were there for" lost its object."""
    assert not [
        c
        for c in claims_of("She drove into the hall where roughly 100 people were.")
        if c.subject == "people that were"
    ]
    (claim,) = claims_of("A dozen other people who were there for a party got out.")
    assert claim.subject.endswith("got out") and not claim.subject.endswith("for")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The crisis threw more than a million people out of work in 2007.",
            "people thrown out of work",
        ),
        ("The army drove 3,000 families from their homes.", "families driven from their homes"),
        # where it was done is said after them too, not as a result
        ("Gunmen killed 14 people in the market.", "people killed by gunmen in the market"),
    ],
)
def test_where_an_act_put_the_ones_it_counts_is_part_of_the_figure(claims_of, text, subject):
    (claim,) = claims_of(text)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "About 40,000 farmers have received compensation under the new rules.",
            "farmers received compensation under the new rules",
        ),
        (
            "Nearly 9,000 workers lost jobs during the strike.",
            "workers lost jobs during the strike",
        ),
    ],
)
def test_what_a_counted_subject_did_keeps_the_phrase_after_its_object(claims_of, text, subject):
    (claim,) = claims_of(text)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the object's own modifiers belong to what was done
        (
            "About 2 million people cast a ballot for the governor in the primary.",
            "people cast a ballot for the governor in the primary",
        ),
        # a preposition's coordinated objects are read whole
        (
            "Only 40,000 voters cast ballots for either Smith or Jones on Sunday.",
            "voters cast ballots for either Smith or Jones",
        ),
        # an open complement says what the act was
        (
            "Only a dozen senators voted to confirm the nominee.",
            "senators voted to confirm the nominee",
        ),
        # an abbreviation's point ends a word
        (
            "After 14 people were killed in Mobile, Ala., the mayor spoke.",
            "people killed in Mobile, Ala.",
        ),
    ],
)
def test_what_a_counted_subject_did_is_read_whole_where_short(claims_of, text, subject):
    (claim,) = claims_of(text)
    assert claim.subject == subject
    assert claim.confidence >= 0.5


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # where the act was done to the ones counted, as the passive would keep it
        (
            "A gunman shot three people at a warehouse in Toledo.",
            "people shot by a gunman at a warehouse in Toledo",
        ),
        # or why
        (
            "Police detained 25 fans for public drunkenness.",
            "fans detained by police for public drunkenness",
        ),
        # not a date
        ("The storm killed 14 people on Sunday.", "people killed by the storm"),
    ],
)
def test_a_count_acted_on_keeps_where_it_was_done(claims_of, text, subject):
    (claim,) = claims_of(text)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a thing or a description that did it is its agent, as the passive says
        (
            "Floods in the valley destroyed 300 homes.",
            "homes destroyed by floods in the valley",
        ),
        ("At least 10 people were killed by the landslide.", "people killed by the landslide"),
        # an adjunct participle's act is its clause's subject's
        ("A bomb went off at a crowded bus stop, killing 12 people.", "people killed by a bomb"),
        # a name is the holder's to say, not the subject's
        ("The attack by the Taliban killed 12 soldiers.", "soldiers killed"),
        ("In all, 40 prisoners were freed by Iran.", "prisoners freed"),
        # the subject of a verb of having holds the figure; it is no agent
        ("The senator won 230 delegates on Tuesday.", "delegates won"),
    ],
)
def test_what_did_an_act_is_read_into_the_count_where_it_is_no_name(claims_of, text, subject):
    (claim,) = claims_of(text)
    assert claim.subject == subject


def test_a_phrase_does_not_run_past_a_dash_into_another_clause(claims_of):
    text = (
        "The riots in the port - days after troops put down a revolt that killed 40 "
        "people in Basra in March - raised new fears about the army."
    )
    subjects = [c.subject for c in claims_of(text) if c.value == "40"]
    assert subjects and "raised" not in subjects[0]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a bare plural joined to the counted noun is counted with it
        ("Some 40 men and women were arrested.", "men and women arrested"),
        # not a noun with a count or an article of its own
        ("Officials said 12 soldiers and a policeman were killed.", "soldiers killed"),
        # nor a noun with words of its own, which may be a verb misread
        ("The quake injured five people and damaged buildings.", "people injured by the quake"),
    ],
)
def test_nouns_joined_to_a_counted_noun_with_no_count_of_their_own(claims_of, text, subject):
    (claim,) = claims_of(text)
    assert claim.subject == subject


def test_others_counted_after_people_are_other_people(claims_of):
    """ "killed five soldiers and wounded 18 others": 18 other people, soldiers or not."""
    claims = claims_of("Five soldiers were killed and 18 others were injured.")
    others = next(c for c in claims if c.value == "18")
    assert (others.subject, others.unit) == ("other people injured", "people")
    trucks = claims_of("The firm sold 30 trucks and 12 others.")
    assert all(c.unit != "people" for c in trucks)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Last year only 32 percent of drivers in the city paid the toll.", "2015"),
        ("Four years ago, 46 percent of caucusgoers decided in the final week.", "2012"),
        # a phrase that names a thing does not date the figure
        ("Only 32 percent of residents backed last year's levy.", "2016-05-01"),
    ],
)
def test_a_year_said_relative_to_the_article_is_counted_from_its_date(nlp, text, time):
    (claim,) = extract_claims(nlp(text), "rel", date="2016-05-01")
    assert claim.time == time


@pytest.mark.parametrize(
    ("text", "time"),
    [
        # a day or a month that falls in the year before the article's
        ("On Dec. 30, guards detained 40 migrants at the crossing.", "2015"),
        ("Last month, guards detained 40 migrants at the crossing.", "2015"),
        # a day of the article's own year leaves the article's date
        ("On Monday, guards detained 40 migrants at the crossing.", "2016-01-05"),
    ],
)
def test_a_day_said_relative_to_the_article_gives_its_year_where_it_crosses_one(nlp, text, time):
    (claim,) = extract_claims(nlp(text), "rel", date="2016-01-05")
    assert claim.time == time
