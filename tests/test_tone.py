"""Tone: GDELT's AvgTone from the VADER word list."""

from __future__ import annotations

import pytest

from conftest import SEED_000
from newsgraph.tone import tone


def test_tone_counts_positive_and_negative_words_per_hundred() -> None:
    # 13 words, 4 positive in VADER: great, success, welcomed, agreement.
    text = "The talks were a great success and both sides welcomed the new agreement."
    assert tone(text) == pytest.approx(4 / 13 * 100, abs=0.01)
    # 10 words, 3 negative: killed, protesters, violent ("crackdown" is not listed).
    text = "Troops killed protesters in a violent crackdown, witnesses said today."
    assert tone(text) == pytest.approx(-30.0)
    # Curly apostrophes are read as straight ones: "don't" is one word, as in the lexicon.
    assert tone("They don’t agree.") == tone("They don't agree.")


def test_tone_of_text_without_words_is_unknown() -> None:
    assert tone("") is None and tone("2,500 — 10/01") is None


def test_seed_article_is_mildly_negative_news() -> None:
    score = tone(SEED_000.read_text(encoding="utf-8"))
    assert -10 < score < 10
