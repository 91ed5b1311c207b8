"""The SQLite index, built from a handful of records made up for these tests."""

from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, build_index
from geo.sources import SourceRecord

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


def test_transliterated_finds_places_of_standing_only(gazetteer):
    hodeidah = gazetteer.transliterated("Hodeidah")
    assert hodeidah and all(not c.exact_name for c in hodeidah)
    assert {c.country for c in hodeidah} == {"YE"}
    assert all(c.feature == "city" for c in hodeidah)  # the city, not its province
    # invented near-misses and English words find nothing
    for name in ("Kharkon", "Saraqet", "Zaporizhka", "July", "Passing", "Ministry"):
        assert gazetteer.transliterated(name) == [], name
