"""Stage 8: claims, the figures an article cites, with what they measure, when, and how
far each is a figure an analyst can use.

``extract`` reads English text, ``confidence`` scores each claim. ``extract_claims`` is
imported on first use, so that readers of the store that only need
``confidence.DEFAULT_THRESHOLD`` (the CLI's listings, the API) do not load spaCy.
"""

from typing import Any

__all__ = ["extract_claims"]


def __getattr__(name: str) -> Any:
    if name == "extract_claims":
        from newsgraph.claims.extract import extract_claims

        return extract_claims
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
