"""Whose figure a claim is (its holder): read from the parse, kept by the store on both
back-ends (and added to a store from before it), and shown, escaped, wherever the
claim's subject is shown."""

from __future__ import annotations

import csv
import dataclasses
import io
import sqlite3
from collections.abc import Iterator

import httpx
import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph import cli
from newsgraph.claims import extract_claims
from newsgraph.claims.confidence import DEFAULT_THRESHOLD
from newsgraph.export.csv import write_csv
from newsgraph.export.json import export_json
from newsgraph.records import Claim
from newsgraph.store import Store, open_store
from store_records import seed_facts, seed_story, signatures_of
from workbench_server import running_server

HOSTILE = '<img src=x onerror="window.__xss=1">[bold]Acme[/bold]'


@pytest.fixture(scope="module")
def claims_of(nlp):
    def extract(text: str) -> list[Claim]:
        return extract_claims(nlp(text), "test")

    return extract


# --- reading the holder ---


@pytest.mark.parametrize(
    ("text", "holder", "subject"),
    [
        # the possessor of the measured noun, which the subject then leaves out
        ("Brazil's growth rate slowed to 2.5 percent last year.", "Brazil", "growth rate"),
        # and so when the subject goes on with the change the figure measures
        ("Peru's copper exports fell 12 percent in 2015.", "Peru", "copper exports fell"),
        # a name before a measure noun, or in its "on", "for" or "in" (a place) phrase
        ("The Acme revenue reached $2 billion.", "Acme", "The revenue"),
        ("The ministry imposed a 150% tariff on Mexican cement.", "Mexican cement", "tariff"),
        ("Support for Governor Lane stood at 44 percent.", "Governor Lane", "Support"),
        (
            "The unemployment rate in Portugal fell to 6 percent.",
            "Portugal",
            "The unemployment rate",
        ),
        # the subject of a verb of having, winning, raising or enjoying what is counted
        ("The senator won 230 delegates on Tuesday.", "The senator", "delegates won"),
        ("The network has 520 million registered members.", "The network", "registered members"),
        (
            "The governor currently enjoys 41% support among likely voters.",
            "The governor",
            "support",
        ),
        ("The mayor leads the field with 33 percent support.", "The mayor", "support"),
        # a percent a candidate gets: the vote it is of, else the verb
        (
            "Senator Marsh took 27 percent in the state's primary.",
            "Senator Marsh",
            "took in the state's primary",
        ),
        ("The council, which raised $4 million in May, met again.", "The council", "raised"),
        ("Jones took in $9 million last quarter.", "Jones", "took in"),
        # who has a held measure holds its share
        ("Ms. Lopez has support from 52 percent of likely voters.", "Ms. Lopez", "support"),
        (
            "In the new survey, Governor Reyes averages 41 percent job approval.",
            "Governor Reyes",
            "job approval",
        ),
        # the named agent of a count's verb; an unnamed one is no holder
        (
            "Israel freed 1,000 prisoners in the exchange.",
            "Israel",
            "prisoners freed in the exchange",
        ),
        ("In all, 1,000 prisoners were freed by Israel.", "Israel", "prisoners freed"),
        ("Merkel chose to take in a million migrants.", "Merkel", "migrants taken in"),
        ("Gunmen killed 14 people at the market.", None, "people killed by gunmen at the market"),
        # the name a description stands for: the subject it is said to be
        ("Lopez is a tireless campaigner who raised $4 million last year.", "Lopez", "raised"),
        # "whose" stands for the noun its relative clause hangs on
        (
            "Uganda has a council whose 2,507 members had to be approved by the president.",
            "a council",
            "members that had to be approved by the president",
        ),
        # a possessive ending the text spaced off leaves one space, as a joined one does
        (
            "Lee Harlow 's home church received $1 million in damage.",
            "Lee Harlow home church",
            "damage",
        ),
        (
            "Lee Harlow's home church received $1 million in damage.",
            "Lee Harlow home church",
            "damage",
        ),
        # the whole name a holder's word is part of
        (
            "The Fund for Open Roads is spending $1.5 million on advertisements.",
            "The Fund for Open Roads",
            "spending on advertisements",
        ),
        # whose plan an infinitive tells
        (
            "The court blocked Governor Reyes's plan to deport 20,000 migrants.",
            "Governor Reyes",
            "migrants deported",
        ),
        # who does what a gerund with no subject tells
        (
            "The premier earned praise for taking in 200,000 refugees.",
            "The premier",
            "refugees taken in",
        ),
        ("Voters praised Mayor Ortiz for hiring 500 teachers.", "Mayor Ortiz", "teachers hired"),
        (
            "Garcia did well in the West, receiving 19 percent support in Utah and Idaho.",
            "Garcia",
            "support in Utah and Idaho",
        ),
    ],
)
def test_the_holder_is_read_from_the_parse(claims_of, text, holder, subject):
    [claim] = claims_of(text)
    assert (claim.holder, claim.subject) == (holder, subject)


@pytest.mark.parametrize(
    "text",
    [
        "Its revenue rose to $4 billion in 2021.",  # a pronoun is no holder
        "Thousands of delegates gathered in Denver for the vote.",  # "in" a place: where
        "The Kazakhs made up only 32 percent of the population in 1970.",  # made up: no having
        "Militants killed 40 soldiers near the border.",  # a killing is not a holding
        # what an event brought about is no one's
        "The Ohio primary was a rout, giving the senator 66 more delegates.",
    ],
)
def test_no_holder_is_guessed(claims_of, text):
    assert [claim.holder for claim in claims_of(text)] == [None] * len(claims_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "He won 221 delegates in the southern primaries.",  # whose: "he"
        "Its revenue rose 12 percent last year.",  # whose: "its"
        "They recruited 70 volunteers for the campaign.",  # what "they" did
        "She would deport 11 million migrants.",
    ],
)
def test_a_figure_whose_holder_is_only_a_pronoun_is_not_shown(claims_of, text):
    """A figure that is someone's whom the sentence names only as "he" cannot be cited."""
    (claim,) = claims_of(text)
    assert claim.holder is None and claim.confidence < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    "text",
    ["They killed 14 people at the market.", "Senator Marsh won 221 delegates in the primaries."],
)
def test_victims_or_a_named_holder_keep_a_figure_shown(claims_of, text):
    """Those a harm befell are a count of their own, whoever did it."""
    (claim,) = claims_of(text)
    assert claim.confidence >= DEFAULT_THRESHOLD


# --- keeping it ---


def _facts_with_holder(story, holder: str | None):
    facts = seed_facts(story)
    claims = [dataclasses.replace(claim, holder=holder) for claim in facts.claims]
    return dataclasses.replace(facts, claims=claims)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        story = seed_story()
        opened.save_story(story, signatures_of(story), _facts_with_holder(story, HOSTILE))
        yield opened


def test_the_store_keeps_the_holder(store: Store) -> None:
    [claim] = store.claims()
    assert claim["holder"] == HOSTILE
    [paged] = store.claim_page(10, 0, 0.0)
    assert paged["holder"] == HOSTILE
    assert store.story(seed_story().id)["claims"][0]["holder"] == HOSTILE


def _drop_holder_column(url: str) -> None:
    """Make the store one from before claims had holders: no column, no migration row."""
    statements = (
        "ALTER TABLE claims DROP COLUMN holder",
        "DELETE FROM schema_version WHERE name = 'claim_holder'",
    )
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url) as connection:
            for statement in statements:
                connection.execute(statement)
        return
    with sqlite3.connect(url) as connection:
        for statement in statements:
            connection.execute(statement)


def test_a_store_from_before_holders_is_migrated(store_url: str) -> None:
    story = seed_story()
    with open_store(store_url) as opened:
        opened.save_story(story, signatures_of(story), seed_facts(story))
        version = opened.schema_version
    _drop_holder_column(store_url)
    with open_store(store_url) as upgraded:
        assert upgraded.schema_version == version
        [claim] = upgraded.claims()
        assert claim["holder"] is None  # stored before holders were read
        upgraded.save_story(story, signatures_of(story), _facts_with_holder(story, "Kazakhstan"))
        assert upgraded.claims()[0]["holder"] == "Kazakhstan"


# --- showing it ---


def test_the_cli_lists_the_holder_as_plain_text(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(cli, "console", Console(width=200))
    result = CliRunner().invoke(cli.app, ["claims", "--db", store.url], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    # Rich markup in the text is printed as written, not read as styles.
    assert f"{HOSTILE} — Kazakh share of Kazakhstan's population: 68 percent" in result.stdout


def test_exports_carry_the_holder(store: Store) -> None:
    assert export_json(store)["claims"][0]["holder"] == HOSTILE
    stream = io.StringIO()
    write_csv(store, "claims", stream)
    [row] = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert row["holder"] == HOSTILE


def test_the_api_and_the_story_page_show_the_holder_escaped(store: Store) -> None:
    with running_server(store.url) as base_url, httpx.Client(base_url=base_url) as http:
        [claim] = http.get("/api/claims").json()["items"]
        assert claim["holder"] == HOSTILE
        page = http.get(f"/stories/{seed_story().id}").text
    assert '<span class="holder">&lt;img src=x onerror=' in page
    assert "<img src=x" not in page


def test_a_share_after_an_object_is_the_objects(claims_of):
    """ "a poll showed Dunmore with 34 percent support among women": the "with" phrase
    tells of Dunmore, not of the poll; "among" says whose support is counted."""
    (claim,) = claims_of("A new Harbor poll showed Dunmore with 34 percent support among women.")
    assert (claim.holder, claim.subject) == ("Dunmore", "support among women")


def test_a_holder_given_as_a_description_is_the_name_before_it(claims_of):
    """ "The city spent $4 million" after a sentence about Toledo is Toledo's sum; with no
    town named before it the description stays as written."""
    (named,) = claims_of("Officials in Toledo met on Monday. The city spent $4 million on roads.")
    assert named.holder == "Toledo"
    (unnamed,) = claims_of("The city spent $4 million on roads.")
    assert unnamed.holder == "The city"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # what a sum was spent on, paid for, given to or raised from is what it measures
        ("Acme Holdings spent $40 million on new trucks.", "spent on new trucks"),
        ("Governor Lane paid $3 million for the ranch in 2011.", "paid for the ranch"),
        (
            "Senator Marsh gave $2 million to the Fund for Open Roads.",
            "gave to the Fund for Open Roads",
        ),
        # a short purpose clause says what the sum was paid for
        ("Leeds City Council paid $2 million to settle the lawsuit.", "paid to settle the lawsuit"),
        # a phrase that gives another sum tells no end of the first
        (
            "Acme Holdings spent $5 million on ads, from $2 million on radio to $3 million"
            " on print.",
            "spent on ads",
        ),
    ],
)
def test_a_sum_paid_out_says_on_what_or_to_whom(claims_of, text, subject):
    claim = next(c for c in claims_of(text) if c.holder)
    assert claim.subject == subject and claim.confidence >= DEFAULT_THRESHOLD


def test_the_place_a_story_was_filed_from_holds_no_figure(claims_of):
    """A dateline the parser makes the first verb's subject is where, not who."""
    text = "DOVER, Del. - Two days before the gunman shot 12 people, he bought a rifle."
    (claim,) = claims_of(text)
    assert (claim.holder, claim.subject) == (None, "people shot")


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # common nouns the parser compounded onto a person's name are not the person
        ("Police allege John Harlow shot one man outside the bar.", "John Harlow"),
        # the titles and places before the name are
        ("Ohio Gov. John Kasich picked up 66 delegates in the primary.", "Ohio Gov. John Kasich"),
    ],
)
def test_a_persons_holder_is_the_name_with_its_titles(claims_of, text, holder):
    (claim,) = claims_of(text)
    assert claim.holder == holder
