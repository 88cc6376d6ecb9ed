"""GDELT 2.0 event-table export: one tab-separated line per event, the 61 GDELT columns.

GDELT's own files have no header row, so neither has this one (``GDELT_COLUMNS`` and the
README list the columns in order): tools that read GDELT 2.0 event files read it as is.
Columns newsgraph knows are filled; the rest are left empty:

* ``GLOBALEVENTID``: a stable 60-bit number derived from the event id;
* ``SQLDATE``, ``MonthYear``, ``Year``, ``FractionDate``: the event date (the article's
  unless the sentence states one; a missing day or month counts as the first);
* ``Actor1*`` / ``Actor2*`` (source / target): the CAMEO actor code, the name as written
  (upper case, as GDELT writes names), the country part of the code, the known-group
  part of an international code (``IGOUNO`` -> ``UNO``) and the sector as ``Type1Code``;
* ``IsRootEvent``: 1 when the event is in the article's first sentence;
* ``EventCode``, ``EventBaseCode``, ``EventRootCode``, ``QuadClass``, ``GoldsteinScale``;
* ``NumMentions``, ``NumSources``, ``NumArticles``: 1 (one coded sentence);
* ``AvgTone``: the tone of the article the event was coded in (``newsgraph.tone``);
* ``ActionGeo_*``: the place named in the sentence, where the gazetteer (``newsgraph.geo``)
  placed it: ``Type`` (1 country, 3 US city, 4 world city), ``FullName`` ("Almaty,
  Kazakhstan"), the FIPS 10-4 ``CountryCode``, ``Lat``, ``Long`` and, for a country, its
  FIPS code as ``FeatureID`` (as GDELT writes it; a city's GNS id is not known). A place
  the gazetteer does not know keeps only its name as written;
* ``Actor1Geo_*`` / ``Actor2Geo_*``: the actor's country, at its centroid, when the
  actor's code names one (GDELT places actors where the text does; newsgraph, where
  their country is);
* ``DATEADDED``: when the export ran (UTC, YYYYMMDDHHMMSS); ``SOURCEURL``: the article's
  URL, else its source reference.

Article text is hostile: tabs and line breaks inside names become spaces, so a value can
never break the row structure.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from newsgraph.geo import CITY, Country, Gazetteer
from newsgraph.records import Place
from newsgraph.store import Store

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
# CAMEO actor codes that open with an international type rather than a country.
INTERNATIONAL_TYPES = {"IGO", "NGO", "IMG", "MNC"}
# GDELT's geographic match types.
GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = "1", "3", "4"


def gdelt_rows(
    events: Iterable[dict[str, Any]],
    sources: dict[str, str],
    added: datetime,
    tones: dict[str, float | None] | None = None,
    gazetteer: Gazetteer | None = None,
) -> Iterator[dict[str, str]]:
    """Event dicts of the store's read API as GDELT rows (column -> text); ``tones``
    maps article ids to their tone."""
    tones = tones or {}
    gazetteer = gazetteer or Gazetteer.load()
    date_added = added.strftime("%Y%m%d%H%M%S")
    for event in events:
        row = dict.fromkeys(GDELT_COLUMNS, "")
        row["GLOBALEVENTID"] = str(int(hashlib.sha256(event["id"].encode()).hexdigest()[:15], 16))
        row.update(_date_columns(event.get("date")))
        for prefix, side in (("Actor1", event["source"]), ("Actor2", event["target"])):
            row.update(_actor_columns(prefix, side))
            row.update(_actor_geo_columns(prefix, row[f"{prefix}CountryCode"], gazetteer))
        cameo = event["cameo"]
        row["IsRootEvent"] = "1" if event.get("sentence_start") == 0 else "0"
        row["EventCode"], row["EventBaseCode"], row["EventRootCode"] = cameo, cameo[:3], cameo[:2]
        row["QuadClass"] = _text(event.get("quad_class"))
        row["GoldsteinScale"] = _text(event.get("goldstein"))
        row["NumMentions"] = row["NumSources"] = row["NumArticles"] = "1"
        row["AvgTone"] = _text(tones.get(event["article_id"]))
        row["ActionGeo_FullName"] = _clean(event.get("location"))
        row.update(_action_geo_columns(event.get("place"), gazetteer))
        row["DATEADDED"] = date_added
        row["SOURCEURL"] = _clean(sources.get(event["article_id"]))
        yield row


def write_gdelt(
    store: Store,
    path_or_stream: str | os.PathLike[str] | TextIO,
    min_confidence: float | None = None,
) -> None:
    """Write the events of ``store`` (at or above ``min_confidence`` when given) as GDELT
    2.0 event-table lines."""
    versions = [version for story in store.stories() for version in story["versions"]]
    sources = {
        version["article_id"]: version.get("url") or version["source_ref"] for version in versions
    }
    tones = {version["article_id"]: version.get("tone") for version in versions}
    events = store.events(min_confidence=min_confidence)
    rows = gdelt_rows(events, sources, datetime.now(UTC), tones)
    if isinstance(path_or_stream, str | os.PathLike):
        with Path(path_or_stream).open("w", encoding="utf-8", newline="") as stream:
            _write(rows, stream)
    else:
        _write(rows, path_or_stream)


def _write(rows: Iterable[dict[str, str]], stream: TextIO) -> None:
    for row in rows:
        stream.write("\t".join(row[column] for column in GDELT_COLUMNS) + "\n")


def _date_columns(date: str | None) -> dict[str, str]:
    if not date or not date[:4].isdigit():
        return {}
    parts = [*date.split("-"), "01", "01"]
    year, month, day = parts[0], parts[1], parts[2]
    fraction = int(year) + (int(month) * 30 + int(day)) / 365
    return {
        "SQLDATE": f"{year}{month}{day}",
        "MonthYear": f"{year}{month}",
        "Year": year,
        "FractionDate": f"{fraction:.4f}",
    }


def _actor_columns(prefix: str, side: dict[str, Any] | None) -> dict[str, str]:
    if not side:
        return {}
    code = side.get("code") or ""
    root = code[:3]
    international = root in INTERNATIONAL_TYPES
    country = root if len(root) == 3 and root.isalpha() and root != side.get("sector") else ""
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": _clean(side.get("name") or side.get("text")).upper(),
        f"{prefix}CountryCode": "" if international else country,
        f"{prefix}KnownGroupCode": code[3:6] if international else "",
        f"{prefix}Type1Code": side.get("sector") or "",
    }


def _geo_columns(
    prefix: str, country: Country, latitude: float, longitude: float
) -> dict[str, str]:
    return {
        f"{prefix}_CountryCode": country.fips,
        f"{prefix}_Lat": f"{latitude:.4f}",
        f"{prefix}_Long": f"{longitude:.4f}",
    }


def _actor_geo_columns(prefix: str, iso3: str, gazetteer: Gazetteer) -> dict[str, str]:
    country = gazetteer.country(iso3) if iso3 else None
    if country is None:
        return {}
    return {
        f"{prefix}Geo_Type": GEO_COUNTRY,
        f"{prefix}Geo_FullName": country.name,
        f"{prefix}Geo_FeatureID": country.fips,
        **_geo_columns(f"{prefix}Geo", country, country.latitude, country.longitude),
    }


def _action_geo_columns(place: dict[str, Any] | None, gazetteer: Gazetteer) -> dict[str, str]:
    country = gazetteer.country(place["country"]) if place else None
    if place is None or country is None:
        return {}
    located = Place(**place)
    columns = _geo_columns("ActionGeo", country, located.latitude, located.longitude)
    if located.type == CITY:
        kind = GEO_US_CITY if country.iso3 == "USA" else GEO_WORLD_CITY
        return columns | {
            "ActionGeo_Type": kind,
            "ActionGeo_FullName": f"{located.name}, {country.name}",
        }
    return columns | {
        "ActionGeo_Type": GEO_COUNTRY,
        "ActionGeo_FullName": country.name,
        "ActionGeo_FeatureID": country.fips,
    }


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def _text(value: Any) -> str:
    return "" if value is None else str(value)
