"""Claims on real news: a fixed random sample of extracted claims, to judge by hand.

Codes real articles, as benchmarks/events_audit.py does for events: the human-written
bodies of ../shared/data/extraction/ground-truth.json (``pages``: 88 news and feature
articles of the ScrapingHub article-extraction benchmark, MIT), PolNeAR's 240 political
news articles of the quotes benchmark's fit part (``polnear``, see polnear.py) or its other
400 (``polnear-unseen``), or the 462 ECB+ news texts of disasters, crimes, arrests and
elections (``ecbplus``, CC BY 3.0, tokenised as the set gives them, as events_audit.py
reads them), and prints a random sample of claims with the sentence each comes from. A
reader judges each: is it a
meaningful claim, a number with a real subject and unit ("the Kazakh population | 68
percent | 2020"), or noise (a product size, a count of nothing, a subject that misses what
is measured, a wrong year)? Each is printed ``holder: subject | value [unit] | time |
confidence``, the holder (whose figure it is) only where the text names one.

The articles are split by a hash of their key into a fit part and a held-apart part (see
plv.py): rules are fitted on the fit part's sample; the held-apart sample is judged before
and after a change, never read case by case while fitting. No judgement is stored.

    .venv/bin/python benchmarks/claims_audit.py [--corpus pages|polnear|polnear-unseen|ecbplus]
        [--part fit|held-apart] [--size 50] [--seed 7] [--docs PATH]

``--docs`` keeps the spaCy parses in a DocBin at PATH (outside the repository), so a
second run only re-reads the claims.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import py3langid
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from events_audit import load_texts as event_texts
from newsgraph.claims.confidence import DEFAULT_THRESHOLD
from newsgraph.claims.extract import extract_claims
from newsgraph.nlp import load_pipeline
from newsgraph.records import Claim
from plv import FIT, HELD, part_of
from polnear import audit_texts

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"
# PolNeAR's quotes-held-apart articles, which no rule author has read (polnear.py).
UNSEEN_TEXTS = 400


def load_texts(corpus: str) -> dict[str, str]:
    """Each English text by its key."""
    if corpus == "polnear":
        return {key: text for key, (text, _) in audit_texts().items()}
    if corpus == "polnear-unseen":
        unseen = audit_texts(UNSEEN_TEXTS, quotes_fit=False)
        return {key: text for key, (text, _) in unseen.items()}
    if corpus == "ecbplus":
        return {key: text for key, (text, _) in event_texts(corpus, "").items()}
    pages = json.loads(ARTICLES.read_text(encoding="utf-8"))
    return {
        key: page["articleBody"]
        for key, page in sorted(pages.items())
        if py3langid.classify(page["articleBody"])[0] == "en"
    }


def describe(claim: Claim) -> str:
    """``holder: subject | value [unit] | time | confidence``, without the holder when
    the text names none."""
    unit = f" [{claim.unit}]" if claim.unit else ""
    holder = f"{claim.holder}: " if claim.holder else ""
    return (
        f"  {holder}{claim.subject} | {claim.value}{unit} | {claim.time or '-'}"
        f" | {claim.confidence:.2f}"
    )


def parse(texts: list[str], nlp: Language, cache: Path | None) -> list[Doc]:
    """The parses of ``texts``, from the DocBin at ``cache`` when it exists."""
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", choices=("pages", "polnear", "polnear-unseen", "ecbplus"), default="pages"
    )
    parser.add_argument("--part", choices=[FIT, HELD], default=HELD)
    parser.add_argument("--size", type=int, default=50, help="claims in the sample")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--all", action="store_true", help="sample every claim, not only the confident ones"
    )
    parser.add_argument("--docs", type=Path, help="DocBin cache of the parses (not in the repo)")
    args = parser.parse_args()

    bodies = {
        key: text for key, text in load_texts(args.corpus).items() if part_of(key) == args.part
    }
    nlp = load_pipeline()
    claims: list[tuple[str, str, Claim]] = []
    docs = parse(list(bodies.values()), nlp, args.docs)
    for key, doc in zip(bodies, docs, strict=True):
        text = doc.text
        for claim in extract_claims(doc, key):
            sentence = " ".join(text[claim.sentence.start : claim.sentence.end].split())
            claims.append((key, sentence, claim))
    confident = [c for c in claims if c[2].confidence >= DEFAULT_THRESHOLD]
    print(
        f"articles: {len(bodies)} ({args.corpus}, {args.part} part, English);"
        f" claims: {len(claims)}, of which"
        f" {len(confident)} at or above confidence {DEFAULT_THRESHOLD:g} (shown by default);"
        f" sample from {'all' if args.all else 'those'}"
    )
    sample = claims if args.all else confident
    random.Random(args.seed).shuffle(sample)
    for number, (key, sentence, claim) in enumerate(sample[: args.size], 1):
        print(f"\n[{number}] {key[:8]}: {sentence}")
        print(describe(claim))


if __name__ == "__main__":
    main()
