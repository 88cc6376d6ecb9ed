"""Tone: how positive or negative an article's words are, as GDELT's AvgTone measures it.

Tone = (positive words - negative words) / all words x 100, so 0 is neutral and most news
falls between -10 and +10. A word is positive or negative by its valence in the VADER
lexicon (7,500 English words rated by people; MIT licence), read from the
``vaderSentiment`` package: only its word list is used, not VADER's sentence rules, so
that the score is GDELT's word count. On the 1,032 PLOVER dev sentences
(``shared/data/events/plv_dev.tsv``), this tone ranks a cooperation sentence above a
conflict one 77.0% of the time (AFINN's list: 77.5%, under the ODbL).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# Words as the lexicon writes them: lower case, with an inner apostrophe ("don't").
WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


@cache
def lexicon() -> dict[str, float]:
    """VADER's word valences (-4 to +4)."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    valences = {}
    for line in text.splitlines():
        word, valence, *_ = line.split("\t")
        valences[word] = float(valence)
    return valences


def tone(text: str) -> float | None:
    """GDELT's average tone of ``text``, rounded to 0.01; None for text without words."""
    words = WORD.findall(text.lower().replace("’", "'"))
    if not words:
        return None
    valences = lexicon()
    positive = sum(1 for word in words if valences.get(word, 0) > 0)
    negative = sum(1 for word in words if valences.get(word, 0) < 0)
    return round((positive - negative) / len(words) * 100, 2)
