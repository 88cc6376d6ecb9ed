"""Shared fixtures: the spaCy pipeline (loaded once) and paths to the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_000 = SEEDS / "000_07eda4ab0cbebf71.txt"
SEED_001 = SEEDS / "001_daaf3d0a82d16b8c.txt"
GOLD = SHARED / "acceptance" / "seeds.gold.json"
EXTRACTION = SHARED / "data" / "extraction"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_pipeline

    return load_pipeline()
