"""Stage 2, clean: the seed pages against the gold, rules on sentences, and real bodies."""

from __future__ import annotations

import json

import pytest

from conftest import EXTRACTION, SEED_000, SEED_001, needs_shared
from newsgraph.clean import EmptyArticle, clean_document
from newsgraph.read import read_paths
from newsgraph.records import Article, RawDocument, Section, content_id

BODY = (
    "The city council voted to close the old bridge. Engineers found cracks in two piers.\n\n"
    "Repairs will take a year and cost more than planned. Traffic will use the ferry.\n\n"
    "Residents said they had warned about the cracks for years. The mayor disagreed."
)


@pytest.fixture(scope="module")
def seed_001() -> Article:
    (document,) = read_paths([SEED_001])
    return clean_document(document)


@pytest.fixture(scope="module")
def seed_000() -> Article:
    (document,) = read_paths([SEED_000])
    return clean_document(document)


def clean_text(text: str, **metadata: str) -> Article:
    return clean_document(RawDocument(source_ref="test", text=text, **metadata))


def test_seed_001_standfirst_publisher_and_body(seed_001: Article, gold: dict) -> None:
    story = gold["story"]
    assert seed_001.standfirst == story["standfirst"]
    assert seed_001.publisher == story["publisher"] == "TRT World"
    assert seed_001.paragraphs[0].startswith("Kazakhstan is Central Asia’s richest country")
    assert "Kazakhstan is crucial for Russia due to both historical and political reasons." in (
        seed_001.paragraphs
    )
    for boilerplate in story["boilerplate_not_in_body"]:
        assert boilerplate not in seed_001.body


def test_seed_001_captions_once_without_credits(seed_001: Article, gold: dict) -> None:
    assert seed_001.captions == gold["story"]["captions"]
    for credit_name in ("Gordeyeva", "Reuters", "Klimentyev", "Sputnik", "AP Archive"):
        assert credit_name not in seed_001.text


def test_seed_001_sections_open_the_right_paragraphs(seed_001: Article, gold: dict) -> None:
    assert [s.title for s in seed_001.sections] == gold["story"]["sections"]
    russian, chinese = seed_001.sections
    assert seed_001.paragraphs[russian.paragraph_index].startswith("Kazakhstan is crucial")
    assert seed_001.paragraphs[chinese.paragraph_index].startswith("China also has a lot")
    assert "Russian interests" not in seed_001.body


def test_seed_001_no_stray_spaces(seed_001: Article) -> None:
    assert "\u00a0" not in seed_001.text
    assert "  " not in seed_001.text
    assert "nationalist policy to increase Kazakh population." in seed_001.body


def test_seed_000_truncated_heading_and_no_standfirst(seed_000: Article) -> None:
    assert seed_000.published == "2022-01-10"
    assert seed_000.standfirst is None
    assert seed_000.body.startswith("Kazakhstan is Central Asia’s richest country")
    assert "Russian interests" not in seed_000.body
    assert seed_000.sections == [Section("Russian interests", len(seed_000.paragraphs))]
    assert seed_000.publisher is None


def test_id_is_the_content_id_of_the_raw_text() -> None:
    (document,) = read_paths([SEED_001])
    assert clean_document(document).id == content_id(document.text)
    assert clean_document(document).id == clean_document(document).id


def test_caption_pair_with_ap_photo_credit_leaves_the_body() -> None:
    caption = "Firefighters battle a blaze in Paradise, California , on Nov. 8 ."
    article = clean_text(
        BODY + f"\n\n{caption}\n{caption} (AP Photo/Noah Berger)\n\nThe end came fast."
    )
    assert article.captions == ["Firefighters battle a blaze in Paradise, California, on Nov. 8."]
    assert "Firefighters" not in article.body
    assert "Berger" not in article.text
    assert article.paragraphs[-1] == "The end came fast."


def test_caption_copies_in_separate_paragraphs_and_labelled_credit() -> None:
    caption = "Protesters gather outside parliament in Tbilisi."
    article = clean_text(f"{BODY}\n\n{caption}\n\n{caption} Photo: Irakli Gedenidze/AFP\n\nMore.")
    assert article.captions == [caption]
    assert caption not in article.body
    assert "Gedenidze" not in article.text


def test_paragraph_ending_in_a_credit_is_a_caption() -> None:
    article = clean_text(f"{BODY}\n\nA view of the harbour at dawn. John Smith/Getty Images")
    assert article.captions == ["A view of the harbour at dawn."]
    assert "Getty" not in article.text


def test_duplicated_paragraph_is_kept_once() -> None:
    first = BODY.split("\n\n")[0]
    article = clean_text(f"{first}\n\n{BODY}")
    assert article.paragraphs.count(first) == 1


def test_single_newlines_inside_a_paragraph_become_spaces() -> None:
    article = clean_text(BODY.replace("voted to close", "voted\nto close"))
    assert article.paragraphs[0].startswith("The city council voted to close the old bridge.")


def test_source_line_with_two_agencies_gives_the_publisher() -> None:
    article = clean_text(BODY + "\n\nSource: AFP, Reuters")
    assert article.publisher == "AFP, Reuters"
    assert "Source" not in article.text


def test_publisher_given_by_the_document_wins_over_the_source_line() -> None:
    article = clean_text(BODY + "\n\nSource: TRTWorld and agencies", publisher="TRT World")
    assert article.publisher == "TRT World"
    assert "agencies" not in article.body


def test_document_that_is_only_a_credit_is_empty() -> None:
    with pytest.raises(EmptyArticle, match="no article text after cleaning"):
        clean_text("(Mariya Gordeyeva / Reuters)")
    with pytest.raises(EmptyArticle):
        clean_text("Advertisement\n\nSource: TRT World")


def test_short_lines_in_a_list_are_not_headings() -> None:
    recipe = "Ingredients\n\n2 cups flour\n\n1 cup sugar\n\nMix everything and bake for an hour."
    article = clean_text(f"{BODY}\n\n{recipe}")
    assert article.sections == []
    assert "1 cup sugar" in article.paragraphs


def test_heading_between_paragraphs_opens_a_section() -> None:
    text = BODY.replace("\n\nRepairs", "\n\nWhat happens next\n\nRepairs")
    article = clean_text(text)
    assert article.sections == [Section("What happens next", 1)]
    assert "What happens next" not in article.body


def test_one_sentence_news_lede_is_not_a_standfirst() -> None:
    lede = "Two soldiers were killed in a helicopter crash in the north, the army said."
    article = clean_text(f"{lede}\n\n{BODY}\n\nAn inquiry has begun. It will report soon.")
    assert article.standfirst is None
    assert article.paragraphs[0] == lede


def test_wire_style_body_keeps_its_first_paragraph() -> None:
    wire = "\n\n".join(
        [
            "A dense smog settled over the capital, closing schools and grounding flights.",
            "Officials urged residents to stay indoors.",
            "Hospitals reported a rise in breathing problems.",
            "The smog is expected to lift when the wind changes.",
        ]
    )
    assert clean_text(wire).standfirst is None


@needs_shared
def test_real_article_bodies_rarely_lose_their_first_paragraph() -> None:
    bodies = json.loads((EXTRACTION / "ground-truth.json").read_text())
    articles = [
        clean_document(RawDocument(source_ref=key, text=record["articleBody"]))
        for key, record in bodies.items()
    ]
    with_standfirst = [a for a in articles if a.standfirst]
    assert len(with_standfirst) <= 0.05 * len(articles)
    assert all(a.standfirst in bodies[a.source_ref]["articleBody"] for a in with_standfirst)
    # Credits and captions are page furniture: extracted article bodies have none.
    assert sum(len(a.captions) for a in articles) == 0
