"""Session fixtures: the gazetteer index, the spaCy model and the pipeline load once.

The tests never write into the user's data folder: ``EVENTMAP_DATA_DIR`` points
at a folder of this session (removed at the end), where the gazetteer index,
area store and base map are built once (about 15 s). Set
``EVENTMAP_TEST_DATA_DIR`` to a folder of your own to keep them between runs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
_SESSION_DATA: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Point ``EVENTMAP_DATA_DIR`` away from the user's data before anything opens it."""
    kept = os.environ.get("EVENTMAP_TEST_DATA_DIR")
    if kept:
        os.environ["EVENTMAP_DATA_DIR"] = kept
        return
    folder = tempfile.mkdtemp(prefix="eventmap-test-data-")
    _SESSION_DATA.append(folder)
    os.environ["EVENTMAP_DATA_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the session's data folder."""
    while _SESSION_DATA:
        shutil.rmtree(_SESSION_DATA.pop(), ignore_errors=True)


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
