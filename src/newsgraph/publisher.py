"""The publisher of a web page: from the page's own metadata, else the site's name.

Best first: the JSON-LD publisher's name; the site-name map of
data/extract/sites.toml for the page's domain; og:site_name or application-name
unless it is only the domain's short code ("nj" for nj.com); the site name the
page's <title> ends with (" - Reuters"), taken only when it names the domain, so
that a headline word or a section never becomes the publisher. A site-name meta
that does not name the domain gives way to a <title> suffix that does (Reuters
declares its section, "U.S.", as og:site_name).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from tld import get_fld

SITES_FILE = files("newsgraph") / "data" / "extract" / "sites.toml"
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—·:]\s+")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
MAX_SUFFIX_WORDS = 5  # a site's name, not a clause of the headline


@cache
def site_names() -> dict[str, str]:
    """Registered domain -> publisher name (data/extract/sites.toml)."""
    return tomllib.loads(SITES_FILE.read_text(encoding="utf-8"))["sites"]


def page_publisher(
    declared: str | None,
    site_metas: list[str],
    title: str | None,
    url: str | None,
) -> str | None:
    """The publisher of a page (see the module's docstring for the order).

    ``declared`` is the JSON-LD publisher name, ``site_metas`` the og:site_name and
    application-name values, ``title`` the page's <title>, ``url`` its address.
    """
    domain = get_fld(url, fail_silently=True) if url else None
    label = domain.split(".")[0] if domain else None
    if declared and not _is_short_code(declared, label):
        return declared
    if domain and domain in site_names():
        return site_names()[domain]
    suffix = _title_suffix(title, label)
    for name in site_metas:
        if not _is_short_code(name, label):
            return suffix if suffix and not _names(name, label) else name
    return suffix or declared or next(iter(site_metas), None)


def _folded(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", text).casefold()


def _is_short_code(name: str, label: str | None) -> bool:
    """'nj' on nj.com, or an address: the domain written out, not the site's name."""
    return name.strip() == label or name.startswith(("http://", "https://"))


def _names(name: str, label: str | None) -> bool:
    """Whether ``name`` names the domain: 'Reuters' for reuters.com, 'nj.com' for nj."""
    if label is None:
        return False
    folded, label = _folded(name), label.casefold()
    first_word = _folded(name.split()[0]) if name.split() else ""
    return len(folded) >= 2 and (
        label in folded
        or folded in label
        or (len(first_word) >= 4 and label.startswith(first_word))
    )


def _title_suffix(title: str | None, label: str | None) -> str | None:
    """The last part of '<headline> - <site>' when it is short and names the domain."""
    if not title:
        return None
    parts = _TITLE_SEPARATOR.split(title.strip())
    if len(parts) < 2:
        return None
    suffix = parts[-1].strip()
    if len(suffix.split()) <= MAX_SUFFIX_WORDS and _names(suffix, label):
        return suffix
    return None
