"""The same sentence codes the same in every process, whatever its hash seed.

Worker processes, cluster workers and re-runs each get their own PYTHONHASHSEED, and the
order a set of strings iterates in follows it: a tie between two verb patterns once went
to whichever the set gave first ("expelled two diplomats": 161 in some processes, 166 in
others), so the same story could code differently depending on where it was parsed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

SENTENCES = [
    "Norway expelled two Russian diplomats on Friday.",
    "Austria expelled three Iranian diplomats accused of spying.",
    "Peru recalled its ambassador from Caracas after the vote.",
]
CODE_THEM = """
import json, sys
from newsgraph.actors import ActorDictionary, resolve_actors
from newsgraph.events import extract_events
from newsgraph.nlp import load_pipeline
nlp, dictionary = load_pipeline(), ActorDictionary.load()
coded = []
for doc in nlp.pipe(json.loads(sys.argv[1])):
    events = extract_events(doc, "a", resolve_actors(doc, "a", dictionary))
    coded.append(sorted((e.cameo, e.source.actor_key if e.source else None) for e in events))
print(json.dumps(coded))
"""


def _codes_with_hash_seed(seed: str) -> list:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", CODE_THEM, json.dumps(SENTENCES)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_sentences_code_the_same_under_different_hash_seeds() -> None:
    first, second, third = (_codes_with_hash_seed(seed) for seed in ("1", "2", "3"))
    assert first == second == third
    assert all(codes for codes in first)  # each sentence did code an event
