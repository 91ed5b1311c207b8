"""Country-wide areas kept on disk: built once, read back identical, never trusted when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from shapely.geometry import MultiPolygon, Point

from geo import area_store, areas
from geo.areas import AreaResult
from geo.types import Precision


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory for the store."""
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    area_store.store_dir.cache_clear()
    yield tmp_path
    area_store.store_dir.cache_clear()


def _counting_builder(result: AreaResult | None) -> tuple[list[tuple], object]:
    calls: list[tuple] = []

    @area_store.persisted("test")
    def build(iso2: str, *numbers: float) -> AreaResult | None:
        calls.append((iso2, *numbers))
        return result

    return calls, build


def _square() -> AreaResult:
    shape = MultiPolygon([shapely.box(35.0, 34.0, 36.0, 35.5)])
    return AreaResult(shape, 34.75, 35.5, Precision.REGION, 98.25, "coast")


def test_second_process_reads_the_area_instead_of_building_it(store):
    calls, build = _counting_builder(_square())
    first = build("SY", 15.0)
    second = build("SY", 15.0)
    assert calls == [("SY", 15.0)]
    assert second == first
    assert shapely.equals_exact(second.geometry, first.geometry, tolerance=0)
    assert list(area_store.store_dir().glob("test-SY-15.0.area"))


def test_arguments_make_separate_entries(store):
    calls, build = _counting_builder(_square())
    build("SY", 15.0)
    build("SY", 30.0)
    build("LB", 15.0)
    assert len(calls) == 3


def test_no_area_is_remembered_too(store):
    calls, build = _counting_builder(None)
    assert build("CH", 50.0) is None
    assert build("CH", 50.0) is None
    assert len(calls) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-5] + b"xxxxx",  # body changed
        lambda data: b"something else entirely",  # foreign file
        lambda data: b"",  # empty
    ],
)
def test_damaged_file_is_rebuilt_not_trusted(store, damage):
    calls, build = _counting_builder(_square())
    build("SY", 15.0)
    (path,) = area_store.store_dir().glob("*.area")
    path.write_bytes(damage(path.read_bytes()))
    again = build("SY", 15.0)
    assert len(calls) == 2
    assert again == _square()
    assert build("SY", 15.0) == _square()  # and the rebuilt file is sound
    assert len(calls) == 2


def test_unwritable_data_directory_only_costs_the_rebuild(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(blocker / "data"))  # cannot be created
    area_store.store_dir.cache_clear()
    try:
        calls, build = _counting_builder(_square())
        assert build("SY", 15.0) == _square()
        assert build("SY", 15.0) == _square()
        assert len(calls) == 2
    finally:
        area_store.store_dir.cache_clear()


def test_directory_name_follows_the_area_code(store):
    name = area_store.store_dir().name
    assert name.startswith("areas-") and len(name) == len("areas-") + 16
    assert area_store.store_dir().parent == store


def test_real_country_area_matches_after_a_round_trip(store):
    built = areas._country_offshore.__wrapped__("LB", 50.0)  # the builder, no memory cache
    stored = areas._country_offshore.__wrapped__("LB", 50.0)  # read from disk this time
    assert built is not None and stored is not None
    assert stored == built
    assert stored.geometry.contains(Point(35.3, 33.9))  # the sea off Beirut


def test_a_full_disk_only_costs_the_rebuild_and_leaves_no_file(store, monkeypatch):
    import errno
    import os

    real_replace = os.replace

    def full(src, dst, *args, **kwargs):
        if str(dst).endswith(".area"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full)
    _calls, build = _counting_builder(_square())
    assert build("SY", 15.0) == _square()
    assert list(area_store.store_dir().iterdir()) == []


def test_temporary_files_of_killed_writers_are_removed_when_stale(store):
    import os
    import time

    from geo.stale_files import MIN_AGE_SECONDS

    folder = area_store.store_dir()
    folder.mkdir(parents=True)
    dead = folder / ".area-999999999-0123abcd.tmp"  # its writer is gone
    live = folder / f".area-{os.getpid()}-0123abcd.tmp"  # a writer at work
    old = time.time() - 2 * MIN_AGE_SECONDS
    for path in (dead, live):
        path.write_bytes(b"half an area")
        os.utime(path, (old, old))
    area_store.store_dir.cache_clear()
    assert area_store.store_dir() == folder
    assert not dead.exists() and live.exists()
