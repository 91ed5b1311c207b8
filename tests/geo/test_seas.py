"""Seas that stay at sea: curated outlines less the land, territorial waters, "off X"."""

import csv

import pytest
import shapely
from shapely import wkt as shapely_wkt
from shapely.geometry import Point

from geo import areas, seas, shapes
from geo.phrases import TERRITORIAL_SEA_KM, find_phrase
from geo.sources import _data_file
from geo.types import AreaKind, Precision


def _rows():
    with open(_data_file("curated_places.csv"), encoding="utf-8", newline="") as fh:
        return {r["id"]: r for r in csv.DictReader(fh)}


def _sea_rows():
    return [r for r in _rows().values() if r["kind"] in seas.SEA_FEATURES and r["wkt"]]


def _water(key):
    row = _rows()[key]
    return shapely_wkt.loads(row["wkt"]), seas.sea_shape(f"curated:{key}", row["wkt"])


@pytest.mark.parametrize(
    ("key", "lat", "lon", "where"),
    [
        ("sea-mediterranean", 41.9, 12.5, "Rome"),
        ("sea-mediterranean", 43.0, 12.5, "Umbria"),
        ("gulf-oman", 25.469, 59.106, "Iran's Makran coast"),
        ("gulf-oman", 26.259, 56.393, "Oman's Musandam"),
    ],
)
def test_a_sea_no_longer_covers_the_land_its_outline_did(key, lat, lon, where):
    outline, water = _water(key)
    assert outline.contains(Point(lon, lat)), f"the outline should cover {where}"
    assert not water.contains(Point(lon, lat)), f"the sea covers {where}"


@pytest.mark.parametrize("row", _sea_rows(), ids=lambda r: r["id"])
def test_every_sea_keeps_its_point_and_leaves_the_land(row):
    water = seas.sea_shape(f"curated:{row['id']}", row["wkt"])
    assert water is not None and water.is_valid
    assert water.contains(Point(float(row["lon"]), float(row["lat"])))
    land = shapes.land_in_box(*water.bounds)
    # Only the snap to the land's grid (a few hundred metres) may touch the coast.
    assert shapely.area(shapely.intersection(water, land)) < 0.002 * water.area


def test_the_shipped_cuts_match_the_curated_outlines():
    stored = seas.stored_keys()
    for row in _sea_rows():
        assert stored.get(row["id"]) == seas.wkt_digest(row["wkt"]), (
            f"{row['id']}: outline changed, run scripts/build_seas.py"
        )


def test_an_outline_edited_since_the_build_is_cut_again():
    outline = "POLYGON((11 38, 16 38, 16 43, 11 43, 11 38))"  # Tyrrhenian Sea and Italy
    water = seas.sea_shape("curated:sea-mediterranean", outline)
    assert water.contains(Point(12.0, 39.5)) and not water.contains(Point(14.2, 41.1))


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("A tanker was seized in Iranian territorial waters on Friday.", "Iranian"),
        ("The frigate entered the territorial waters of Iran at dawn.", "Iran"),
    ],
)
def test_territorial_waters_are_twelve_nautical_miles(text, anchor):
    start = text.index(anchor)
    found = find_phrase(text, start, start + len(anchor), sentence_start=0, sentence_end=len(text))
    assert found is not None and "territorial waters" in text[found.start : found.end]
    assert found.spec.kind is AreaKind.OFFSHORE and found.spec.distance_km == TERRITORIAL_SEA_KM
    assert TERRITORIAL_SEA_KM == areas.TERRITORIAL_SEA_KM


def test_waters_without_territorial_keep_the_default_distance():
    text = "Fishermen were stopped in Greek waters."
    start = text.index("Greek")
    found = find_phrase(text, start, start + 5, sentence_start=0, sentence_end=len(text))
    assert found.spec.kind is AreaKind.OFFSHORE and found.spec.distance_km is None


def test_iranian_territorial_waters_are_a_belt_at_sea_not_the_gulf(resolve):
    (item,) = [r for r in resolve("A tanker was seized in Iranian territorial waters.")]
    place = item.place
    assert place.name == "Territorial waters of Iran" and place.precision is Precision.REGION
    assert shapes.is_sea(place.lat, place.lon) and place.geometry.contains(
        Point(place.lon, place.lat)
    )
    # 10 km off Bandar Abbas's coast is in; the middle of the Gulf (60 km from Iran) is not.
    assert place.geometry.contains(Point(56.75, 26.95))
    assert not place.geometry.contains(Point(52.5, 26.5))
    wide = areas.area_for(
        areas.AreaSpec(AreaKind.OFFSHORE), lat=32.0, lon=53.0, iso2="IR", is_country=True
    )
    assert place.geometry.area < 0.6 * wide.geometry.area  # 22 km against the 50 km default


def test_the_mediterranean_off_italy_stays_at_sea(resolve):
    results = resolve("A migrant boat sank in the Mediterranean off Italy on Tuesday.")
    med = next(r.place for r in results if r.mention.text == "Mediterranean")
    off = next(r.place for r in results if r.mention.text == "off Italy")
    for lat, lon in ((41.9, 12.5), (43.0, 12.5), (45.46, 9.19)):  # Rome, Umbria, Milan
        assert not med.geometry.contains(Point(lon, lat))
        assert not off.geometry.contains(Point(lon, lat))
    assert med.geometry.contains(Point(med.lon, med.lat))
    # "off Italy" keeps its 50 km default and its point at sea.
    assert off.feature == "offshore" and shapes.is_sea(off.lat, off.lon)
    assert shapes.country_shape("IT").distance(Point(off.lon, off.lat)) < 0.6  # degrees


def test_off_a_town_at_a_stated_distance_stays_at_sea(resolve):
    results = resolve("The drone fell into the sea 20 km off Latakia, Syria said.")
    place = next(r.place for r in results if "Latakia" in r.mention.text)
    assert place.feature == "offshore" and place.gazetteer_id.endswith("#offshore-20km")
    assert shapes.is_sea(place.lat, place.lon)
    assert not place.geometry.contains(Point(35.79, 35.53))  # Latakia itself


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "kind", "km"),
    [
        ("The drone fell 20 km off Latakia.", "Latakia", "20 km off Latakia", "offshore", 20),
        (
            "A ship burned 12 nautical miles off the coast of Yemen.",
            "Yemen",
            "12 nautical miles off the coast of Yemen",
            "offshore",
            22.224,
        ),
        ("Shells landed 40 km from Homs.", "Homs", "40 km from Homs", "offset", 40),
    ],
)
def test_a_stated_distance_off_a_place_is_at_sea_and_kept(text, anchor, phrase, kind, km):
    start = text.index(anchor)
    found = find_phrase(text, start, start + len(anchor), sentence_start=0, sentence_end=len(text))
    assert text[found.start : found.end] == phrase
    assert found.spec.kind.value == kind and found.spec.distance_km == pytest.approx(km)
