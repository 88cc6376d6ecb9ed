"""PolNeAR's political news as unseen text for the fact audits (events_audit.py,
claims_audit.py).

The 840 articles of ../shared/data/quotes/polnear/ (US politics, 2015–2016; no licence:
read and measured on, nothing derived from them ships) were annotated for quotes, and no
event or claim rule was ever fitted on them. The audits take articles of the quotes
benchmark's fit part (quotes.in_fit_part), whose quotes are read anyway, so that
judging their facts reads nothing of the quotes' held-apart part; once the quotes work was
done (issue 13), the held-apart part's 400 articles became the events' unseen test
(events_audit.py --corpus polnear-unseen), read only by judges who write no rule. Each is
coded as of the date in its id ("nyt_2016-03-02_…").
"""

from __future__ import annotations

import hashlib
import json
import re

from quotes import POLNEAR, in_fit_part

_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
# Articles the audits take: enough for 50 events shown in each part of their split.
AUDIT_TEXTS = 240


def audit_texts(
    count: int = AUDIT_TEXTS, quotes_fit: bool = True
) -> dict[str, tuple[str, str | None]]:
    """``count`` articles of the quotes fit part (``quotes_fit``; else of its held-apart
    part), in a fixed order (by a hash of the id, mixing the outlets), each with the date
    it is coded as of."""
    texts = {}
    with (POLNEAR / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if in_fit_part(record["id"]) == quotes_fit:
                date = _DATE.search(record["id"])
                texts[record["id"]] = (record["text"], date[1] if date else None)
    order = sorted(texts, key=lambda key: hashlib.sha256(key.encode("utf-8")).digest())
    return {key: texts[key] for key in order[:count]}
