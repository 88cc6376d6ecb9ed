"""newsgraph: a news-intelligence engine that turns articles into a cited, queryable model."""

__version__ = "0.1.0"
