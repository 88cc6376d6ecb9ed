"""SQLite: which full-text index a search query goes to, and its condition there.

Words of spaced scripts go to ``articles_fts`` (unicode61 words, Porter stems).
A query with a script written without spaces (Chinese, Japanese, Thai) goes to
``articles_trigram`` (migration 0014), which holds the articles in those
languages: a term of three or more characters is an FTS5 phrase there, a
shorter one (most Chinese words are two characters) a ``LIKE`` on the same
table, which the trigram tokenizer answers by scanning it.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.language import has_spaceless_script
from newsgraph.store.queries import search_terms

TRIGRAM = 3  # the trigram index finds a phrase of at least this many characters


@dataclass(frozen=True)
class FullTextQuery:
    """The FTS5 table to search and the SQL condition on it, with its parameters."""

    index: str
    condition: str
    parameters: dict[str, str]


def full_text_query(query: str) -> FullTextQuery | None:
    """The search for the words of ``query``; None when it has none.

    Each word becomes a quoted FTS5 string (or a LIKE pattern with its wildcards
    escaped): no operator or syntax of the query survives.
    """
    terms = search_terms(query)
    if not terms:
        return None
    if not any(map(has_spaceless_script, terms)):
        match = " ".join(f'"{term}"' for term in terms)
        return FullTextQuery("articles_fts", "articles_fts MATCH :match", {"match": match})
    conditions: list[str] = []
    parameters: dict[str, str] = {}
    phrases = [term for term in terms if len(term) >= TRIGRAM]
    if phrases:
        conditions.append("articles_trigram MATCH :match")
        parameters["match"] = " ".join(f'"{term}"' for term in phrases)
    for number, term in enumerate(term for term in terms if len(term) < TRIGRAM):
        name = f"like{number}"
        conditions.append(
            f"(articles_trigram.title LIKE :{name} ESCAPE '\\'"
            f" OR articles_trigram.body LIKE :{name} ESCAPE '\\')"
        )
        parameters[name] = "%" + term.replace("\\", "\\\\").replace("_", "\\_") + "%"
    return FullTextQuery("articles_trigram", " AND ".join(conditions), parameters)
