"""Tests for geo.shapes: the shipped Natural Earth country and land shapes."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import shapely
from shapely.geometry import Point

from geo import shapes

# Canonical places, defined once: (lat, lon).
DAMASCUS = (33.51, 36.29)
BEIRUT = (33.89, 35.50)
TEL_AVIV = (32.08, 34.78)
LATAKIA = (35.53, 35.79)
TARTUS = (34.89, 35.89)
HAIFA = (32.82, 34.99)
ALEXANDRIA = (31.20, 29.92)
MOSCOW = (55.76, 37.62)
PARIS = (48.86, 2.35)
BERN = (46.95, 7.45)
ANKARA = (39.93, 32.86)
CAIRO = (30.04, 31.24)
TOKYO = (35.68, 139.69)
CANBERRA = (-35.28, 149.13)
BRASILIA = (-15.79, -47.88)
WASHINGTON = (38.90, -77.04)
SUVA = (-18.14, 178.44)
HARGEISA = (9.56, 44.06)

CAPITALS = [
    (DAMASCUS, "SY"),
    (BEIRUT, "LB"),
    (TEL_AVIV, "IL"),
    (MOSCOW, "RU"),
    (PARIS, "FR"),
    (BERN, "CH"),
    (ANKARA, "TR"),
    (CAIRO, "EG"),
    (TOKYO, "JP"),
    (CANBERRA, "AU"),
    (BRASILIA, "BR"),
    (WASHINGTON, "US"),
    (SUVA, "FJ"),
]

# Coastal cities that a 1:50m coastline puts in the sea.
COASTAL_CITIES = [LATAKIA, BEIRUT, TARTUS, HAIFA, ALEXANDRIA]

OPEN_SEA = [
    (35.0, 20.0),  # Ionian Sea
    (34.0, 33.0),  # between Cyprus and Lebanon
    (30.0, -40.0),  # North Atlantic
    (0.0, -150.0),  # Pacific
    (-40.0, 80.0),  # Indian Ocean
    (42.0, 50.5),  # Caspian Sea
]


def test_shipped_file_is_compact() -> None:
    assert shapes.DATA_FILE.is_file()
    assert shapes.DATA_FILE.stat().st_size < 4_000_000


def test_source_info_records_provenance() -> None:
    info = shapes.source_info()
    assert info["source_version"] == "2.0.2"
    assert "public domain" in info["license"]
    assert "ISC" in info["license"]


@pytest.mark.parametrize(("point", "iso2"), CAPITALS)
def test_country_at_capitals(point: tuple[float, float], iso2: str) -> None:
    assert shapes.country_at(*point) == iso2


@pytest.mark.parametrize(("point", "iso2"), CAPITALS)
def test_country_at_wraps_longitude(point: tuple[float, float], iso2: str) -> None:
    lat, lon = point
    assert shapes.country_at(lat, lon + 360.0) == iso2
    assert shapes.country_at(lat, lon - 360.0) == iso2


@pytest.mark.parametrize("point", OPEN_SEA)
def test_country_at_sea_is_none(point: tuple[float, float]) -> None:
    assert shapes.country_at(*point) is None


def test_country_at_without_iso_code() -> None:
    assert shapes.country_at(*HARGEISA) is None
    assert shapes.country_at(*HARGEISA, iso_only=False) == "NE:Somaliland"


@pytest.mark.parametrize("point", OPEN_SEA)
def test_is_sea_open_sea(point: tuple[float, float]) -> None:
    assert shapes.is_sea(*point)


@pytest.mark.parametrize(("point", "_iso2"), CAPITALS)
def test_is_sea_false_on_land(point: tuple[float, float], _iso2: str) -> None:
    assert not shapes.is_sea(*point)


@pytest.mark.parametrize("point", COASTAL_CITIES)
def test_coastal_cities_are_on_land(point: tuple[float, float]) -> None:
    assert not shapes.is_sea(*point)
    assert shapes.country_at(*point) is not None


@pytest.mark.parametrize(("point", "iso2"), CAPITALS)
def test_country_shape_contains_capital(point: tuple[float, float], iso2: str) -> None:
    shape = shapes.country_shape(iso2)
    assert shape is not None
    assert shape.contains(Point(point[1], point[0]))


@pytest.mark.parametrize(("point", "iso2"), [(DAMASCUS, "LB"), (BEIRUT, "SY"), (TEL_AVIV, "SY")])
def test_country_shape_excludes_neighbours_cities(point: tuple[float, float], iso2: str) -> None:
    shape = shapes.country_shape(iso2)
    assert shape is not None
    assert not shape.contains(Point(point[1], point[0]))


def test_country_shape_lookup_rules() -> None:
    assert shapes.country_shape("sy") is shapes.country_shape("SY")
    assert shapes.country_shape("ZZ") is None
    assert shapes.country_shape("NE:Somaliland") is not None
    # Too small for the data's grid: a name but no shape.
    assert shapes.country_shape("VA") is None
    assert shapes.country_name("VA") is not None


@pytest.mark.parametrize(
    ("iso2", "name"), [("SY", "Syria"), ("IL", "Israel"), ("XK", "Kosovo"), ("ZZ", None)]
)
def test_country_name(iso2: str, name: str | None) -> None:
    assert shapes.country_name(iso2) == name


def test_keys_are_iso_codes_or_named() -> None:
    keys = shapes.country_keys()
    assert len(keys) > 240
    for key in keys:
        assert (len(key) == 2 and key.isupper()) or key.startswith("NE:"), key
    assert {"SY", "IL", "RU", "US", "XK"} <= set(keys)


def test_every_shape_is_valid_and_in_range() -> None:
    geoms = np.array([shapes.country_shape(k) for k in shapes.country_keys()], dtype=object)
    geoms = geoms[[g is not None for g in geoms]]
    assert shapely.is_valid(geoms).all()
    bounds = shapely.total_bounds(geoms)
    assert bounds[0] >= -180 and bounds[2] <= 180
    assert bounds[1] >= -90 and bounds[3] <= 90


def test_shapes_do_not_draw_lines_across_the_antimeridian() -> None:
    # TopoJSON rings that step from 180° to -180° must not become bands
    # across the whole map: no polygon of Russia or Fiji spans the globe.
    for iso2 in ("RU", "FJ", "US"):
        shape = shapes.country_shape(iso2)
        assert shape is not None
        widths = [p.bounds[2] - p.bounds[0] for p in shapely.get_parts(shape)]
        assert max(widths) < 200, iso2
    # The open sea at the antimeridian stays sea.
    assert shapes.is_sea(0.0, 180.0)
    assert shapes.is_sea(-30.0, -179.9)


def test_land_near_contains_point_and_stops_at_coast() -> None:
    lat, lon = LATAKIA
    land = shapes.land_near(lon, lat, 20.0)
    assert land.is_valid
    assert land.contains(Point(lon, lat))
    assert not land.contains(Point(lon - 0.2, lat))  # 18 km out to sea
    west, south, east, north = land.bounds
    assert west >= lon - 0.5 and east <= lon + 0.5
    assert south >= lat - 0.5 and north <= lat + 0.5


def test_land_near_for_one_country() -> None:
    lat, lon = BEIRUT
    lebanon = shapes.land_near(lon, lat, 80.0, country="LB")
    every_land = shapes.land_near(lon, lat, 80.0)
    assert lebanon.area < every_land.area
    assert not lebanon.contains(Point(DAMASCUS[1], DAMASCUS[0]))
    assert every_land.contains(Point(DAMASCUS[1], DAMASCUS[0]))


def test_land_near_across_the_antimeridian_is_continuous() -> None:
    # Taveuni and Vanua Levu (Fiji) straddle 180°: longitudes run on past it.
    land = shapes.land_near(179.9, -16.8, 60.0)
    assert land.is_valid
    west, _, east, _ = land.bounds
    assert west > 178.0 and east > 180.0


def test_land_near_in_open_ocean_is_empty() -> None:
    assert shapes.land_near(-150.0, 0.0, 50.0).is_empty


def test_shapes_load_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    real_read = shapes._read

    def counting_read(path):  # type: ignore[no-untyped-def]
        reads.append(1)
        return real_read(path)

    monkeypatch.setattr(shapes, "_shapes", None)
    monkeypatch.setattr(shapes, "_read", counting_read)
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(shapes._load())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(reads) == 1
    assert all(r is results[0] for r in results)
