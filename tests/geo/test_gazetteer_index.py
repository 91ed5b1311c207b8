"""The SQLite index, built from a handful of records made up for these tests."""

import json
import logging
import sqlite3
from pathlib import Path

import pytest

from geo.gazetteer import (
    Gazetteer,
    GazetteerError,
    build_index,
    check_path,
    index_path,
    open_gazetteer,
    verify_index,
)
from geo.sources import SourceRecord
from geo.stale_files import MAX_AGE_SECONDS, MIN_AGE_SECONDS

RECORDS = [
    SourceRecord("t:1", "Springfield", 39.8, -89.6, "US", "city", 116_000, aliases=["Spfd"]),
    SourceRecord("t:2", "Springfield", 37.2, -93.3, "US", "city", 169_000),
    SourceRecord("t:3", "Ţarţūs", 34.9, 35.9, "SY", "city", 458_000, aliases=["Tartous"]),
    SourceRecord(
        "t:4",
        "Ruritania",
        45.0,
        15.0,
        "RT",
        "country",
        2_000_000,
        aliases=["Republic of Ruritania"],
    ),
    SourceRecord("t:5", "Ruritania", 44.0, 14.0, "RT", "admin1"),
    SourceRecord(
        "t:6",
        "Inland Sea",
        34.2,
        133.0,
        None,
        "sea",
        radius_km=150,
        wkt="POLYGON((132 34,134 34,134 35,132 35,132 34))",
    ),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gz") / "g.sqlite"
    build_index(path, RECORDS)
    return Gazetteer(path)


def test_diacritics_case_and_aliases_meet(small):
    assert [c.gazetteer_id for c in small.candidates("TARTUS")] == ["t:3"]
    alias = small.candidates("tartous")[0]
    assert alias.gazetteer_id == "t:3" and not alias.exact_name


def test_prior_orders_countries_first_then_population(small):
    assert [c.gazetteer_id for c in small.candidates("Ruritania")] == ["t:4", "t:5"]
    assert [c.gazetteer_id for c in small.candidates("Springfield")] == ["t:2", "t:1"]


def test_known_keys_and_misses(small):
    assert small.known_keys(["springfield", "inland sea", "atlantis"]) == {
        "springfield",
        "inland sea",
    }
    assert small.candidates("Atlantis") == []
    assert small.candidates("   ") == []


def test_curated_rows_keep_their_outline(small):
    (sea,) = small.candidates("the Inland Sea")
    assert sea.wkt.startswith("POLYGON") and sea.radius_km == 150


def test_country_and_by_id(small):
    assert small.country("rt").gazetteer_id == "t:4"
    assert small.by_id("t:1").name == "Springfield"
    assert small.by_id("nope") is None


def test_failed_build_leaves_no_file(tmp_path: Path):
    def broken():
        yield RECORDS[0]
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError):
        build_index(tmp_path / "g.sqlite", broken())
    assert list(tmp_path.iterdir()) == []


def test_pickles_as_a_path(small):
    import pickle

    clone = pickle.loads(pickle.dumps(small))
    assert clone.candidates("Springfield")[0].gazetteer_id == "t:2"


# -- a damaged index is detected when opened, and rebuilt --------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder whose index is built from RECORDS (the real sources take a minute)."""
    import geo.gazetteer as gazetteer_module

    monkeypatch.setattr(gazetteer_module, "all_records", lambda: iter(RECORDS))
    folder = tmp_path / "data"
    open_gazetteer(folder)
    return folder


def _zero_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = bytes(4096)
    path.write_bytes(bytes(data))


def _other_tables(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('not a gazetteer')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), id="cut"),
        pytest.param(lambda p: p.write_bytes(bytes(p.stat().st_size)), id="zeroed"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(_zero_middle, id="page-zeroed"),
        pytest.param(_other_tables, id="other-tables"),
        pytest.param(lambda p: check_path(p).write_text("{"), id="check-unreadable"),
    ],
)
def test_a_damaged_index_is_rebuilt_when_opened(data_dir, damage, caplog):
    path = index_path(data_dir)
    assert verify_index(path) is None
    damage(path)
    assert verify_index(path) is not None
    with caplog.at_level(logging.WARNING, logger="eventmap"):
        gazetteer = open_gazetteer(data_dir)
    assert "is damaged" in caplog.text and "rebuilding" in caplog.text
    assert verify_index(path) is None
    assert [c.gazetteer_id for c in gazetteer.candidates("Springfield")] == ["t:2", "t:1"]


def test_a_damaged_index_is_not_opened_when_it_may_not_be_rebuilt(data_dir):
    path = index_path(data_dir)
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(GazetteerError, match="is damaged"):
        open_gazetteer(data_dir, build=False)


def test_an_index_without_a_check_file_is_vouched_for_by_sqlite(data_dir):
    path = index_path(data_dir)
    written = json.loads(check_path(path).read_text())
    check_path(path).unlink()
    assert verify_index(path) is None  # quick_check passes, and the digest is written again
    assert json.loads(check_path(path).read_text()) == written


def test_a_data_folder_that_cannot_be_written_is_named(tmp_path, monkeypatch):
    import geo.gazetteer as gazetteer_module

    monkeypatch.setattr(gazetteer_module, "all_records", lambda: iter(RECORDS))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(GazetteerError, match=r"a-file.*EVENTMAP_DATA_DIR"):
        open_gazetteer(blocker / "data")


def test_a_full_data_folder_is_named_and_leaves_no_file(tmp_path, monkeypatch):
    import geo.gazetteer as gazetteer_module

    def full(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(gazetteer_module, "_fill", full)
    with pytest.raises(GazetteerError, match=r"disk is full.*free some space"):
        open_gazetteer(tmp_path / "data")
    assert list((tmp_path / "data").iterdir()) == []


def test_temporary_files_of_killed_builds_are_removed_when_stale(data_dir):
    import os
    import time

    old = time.time() - 2 * MIN_AGE_SECONDS
    dead = data_dir / ".gazetteer-999999999-0123abcd.tmp"  # no such pid
    live = data_dir / f".gazetteer-{os.getpid()}-0123abcd.tmp"  # a build running now
    young_dead = data_dir / ".gazetteer-999999999-4567abcd.tmp"
    ancient = data_dir / ".gazetteer-k3jd9x.tmp"  # an older eventmap's name, no pid
    other = data_dir / "notes.tmp"
    for path in (dead, live, young_dead, ancient, other):
        path.write_bytes(b"x" * 100)
    for path in (dead, live, other):
        os.utime(path, (old, old))
    very_old = time.time() - 2 * MAX_AGE_SECONDS
    os.utime(ancient, (very_old, very_old))
    open_gazetteer(data_dir)
    left = {p.name for p in data_dir.iterdir()}
    assert dead.name not in left and ancient.name not in left
    assert {live.name, young_dead.name, other.name} <= left


def test_capitals_most_populous_first(tmp_path: Path):
    records = [
        SourceRecord("t:7", "Smallcap", 1.0, 2.0, "QA", "city", 9_000, capital=True),
        SourceRecord("t:8", "Bigcap", 3.0, 4.0, "QB", "city", 900_000, capital=True),
        SourceRecord("t:9", "Town", 5.0, 6.0, "QB", "city", 5_000_000),
    ]
    build_index(tmp_path / "g.sqlite", records)
    assert Gazetteer(tmp_path / "g.sqlite").capitals() == [
        ("Bigcap", 3.0, 4.0, 900_000),
        ("Smallcap", 1.0, 2.0, 9_000),
    ]


def test_transliterated_finds_places_of_standing_only(gazetteer):
    hodeidah = gazetteer.transliterated("Hodeidah")
    assert hodeidah and all(not c.exact_name for c in hodeidah)
    assert {c.country for c in hodeidah} == {"YE"}
    assert all(c.feature == "city" for c in hodeidah)  # the city, not its province
    # invented near-misses and English words find nothing
    for name in ("Kharkon", "Saraqet", "Zaporizhka", "July", "Passing", "Ministry"):
        assert gazetteer.transliterated(name) == [], name


def test_a_nickname_that_opens_with_the_article_is_no_name_of_the_place(gazetteer):
    # "The Crossing" and "The River" are nicknames of two American cities
    for word in ("Crossing", "CROSSING", "River", "The River"):
        assert all(c.name not in ("Bismarck", "New Brunswick") for c in gazetteer.candidates(word))
    # a main name that opens with the article is the place's own
    assert any(c.name == "The Hague" for c in gazetteer.candidates("Hague"))
