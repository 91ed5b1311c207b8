"""Session fixtures: the gazetteer index, the spaCy model and the pipeline load once."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def gazetteer():
    from geo.gazetteer import open_gazetteer

    return open_gazetteer()


@pytest.fixture(scope="session")
def nlp():
    from geo.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(gazetteer):
    from eventmap.pipeline import Pipeline

    return Pipeline(gazetteer=gazetteer)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (../shared/seeds beside the clone)")
    return SEEDS
