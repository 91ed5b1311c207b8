"""Tests for geo.areas: the areas spatial phrases describe around an anchor."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo import areas, shapes
from geo.areas import AreaResult
from geo.types import AreaKind, AreaSpec, Precision

GEOD = Geod(ellps="WGS84")

# Canonical places, defined once: (lat, lon).
TEL_AVIV = (32.08, 34.78)
HAIFA = (32.82, 34.99)
DAMASCUS = (33.51, 36.29)
AMMAN = (31.95, 35.93)
BEIRUT = (33.89, 35.50)
TYRE = (33.27, 35.20)
NAQOURA = (33.12, 35.14)  # Lebanon, on the coast south of Tyre
NAHARIYA = (33.01, 35.10)  # Israel, on the coast 30 km south of Tyre
LATAKIA = (35.53, 35.79)
TARTUS = (34.89, 35.89)
HOMS = (34.73, 36.71)
BERN = (46.95, 7.45)
LIMASSOL = (34.68, 33.04)
ALEXANDRIA = (31.20, 29.92)
ODESA = (46.48, 30.72)
TROMSO = (69.65, 18.96)
SYRIA_CENTRE = (35.0, 38.5)  # a gazetteer-style centre point for the country

WEST, SOUTH, NORTH = 270.0, 180.0, 0.0


def point(latlon: tuple[float, float]) -> Point:
    """A shapely point (x = lon) from a (lat, lon) pair."""
    return Point(latlon[1], latlon[0])


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in km between two (lat, lon) pairs."""
    return float(GEOD.inv(a[1], a[0], b[1], b[0])[2]) / 1000.0


def off(latlon: tuple[float, float], km: float, bearing: float) -> tuple[float, float]:
    """The (lat, lon) ``km`` from a place along ``bearing``."""
    return areas.offset_point(lat=latlon[0], lon=latlon[1], distance_km=km, bearing_deg=bearing)


def farthest_km(geom: BaseGeometry, latlon: tuple[float, float]) -> float:
    """Geodesic distance from a place to the farthest vertex of a geometry."""
    coords = shapely.get_coordinates(geom)
    _, _, dist = GEOD.inv(
        np.full(len(coords), latlon[1]), np.full(len(coords), latlon[0]), coords[:, 0], coords[:, 1]
    )
    return float(np.max(dist)) / 1000.0


# --- airspace ----------------------------------------------------------------

# (country, a coastal city, the bearing straight out to sea)
COASTS = [
    ("IL", TEL_AVIV, WEST),
    ("IL", HAIFA, WEST),
    ("LB", BEIRUT, WEST),
    ("SY", LATAKIA, WEST),
    ("SY", TARTUS, WEST),
    ("CY", LIMASSOL, SOUTH),
    ("EG", ALEXANDRIA, NORTH),
]


@pytest.mark.parametrize(("iso2", "city", "bearing"), COASTS)
def test_airspace_holds_coast_and_territorial_sea(
    iso2: str, city: tuple[float, float], bearing: float
) -> None:
    sky = areas.airspace(iso2)
    assert sky is not None and sky.is_valid
    assert sky.contains(point(city))
    assert sky.contains(point(off(city, 15.0, bearing)))
    assert not sky.contains(point(off(city, 40.0, bearing)))


@pytest.mark.parametrize(
    ("iso2", "foreign"),
    [("IL", DAMASCUS), ("IL", AMMAN), ("IL", BEIRUT), ("LB", DAMASCUS), ("SY", BEIRUT)],
)
def test_airspace_stops_at_land_borders(iso2: str, foreign: tuple[float, float]) -> None:
    sky = areas.airspace(iso2)
    assert sky is not None
    assert not sky.contains(point(foreign))


def test_airspace_of_landlocked_country_is_the_country() -> None:
    sky = areas.airspace("CH")
    shape = shapes.country_shape("CH")
    assert sky is not None and shape is not None
    assert sky.symmetric_difference(shape).area < 1e-6 * shape.area


def test_airspace_unknown_country() -> None:
    assert areas.airspace("ZZ") is None


def test_airspace_across_the_antimeridian_stays_in_range() -> None:
    sky = areas.airspace("FJ")
    assert sky is not None and sky.is_valid
    west, _, east, _ = sky.bounds
    assert west >= -180.0 and east <= 180.0
    widths = [p.bounds[2] - p.bounds[0] for p in shapely.get_parts(sky)]
    assert max(widths) < 10.0  # no band across the map
    assert sky.contains(point(off((-16.6, 179.99), 10.0, NORTH)))  # sea north of Taveuni-ish


# --- coast strips ------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso2", "inside", "outside"),
    [
        ("SY", [LATAKIA, TARTUS], [HOMS, DAMASCUS]),
        ("LB", [BEIRUT, TYRE], [DAMASCUS]),
        ("IL", [TEL_AVIV, HAIFA, NAHARIYA], [AMMAN, NAQOURA]),
    ],
)
def test_country_coast_strip(
    iso2: str, inside: list[tuple[float, float]], outside: list[tuple[float, float]]
) -> None:
    strip = areas.coast_strip(lat=0.0, lon=0.0, iso2=iso2)
    assert strip is not None and strip.is_valid
    shape = shapes.country_shape(iso2)
    assert shape is not None
    assert strip.difference(shape).area < 1e-6  # land of that country only
    for place in inside:
        assert strip.contains(point(place)), place
    for place in outside:
        assert not strip.contains(point(place)), place


def test_coast_strip_width_is_honoured() -> None:
    narrow = areas.coast_strip(lat=0.0, lon=0.0, iso2="SY", width_km=5.0)
    wide = areas.coast_strip(lat=0.0, lon=0.0, iso2="SY", width_km=25.0)
    assert narrow is not None and wide is not None
    assert narrow.area < wide.area
    inland = off(LATAKIA, 12.0, 90.0)
    assert wide.contains(point(inland)) and not narrow.contains(point(inland))


@pytest.mark.parametrize("iso2", ["CH", "AT", "BO", "MN", "AF"])
def test_landlocked_countries_have_no_coast_or_offshore(iso2: str) -> None:
    assert areas.coast_strip(lat=0.0, lon=0.0, iso2=iso2) is None
    assert areas.offshore_area(lat=0.0, lon=0.0, iso2=iso2) is None


SEAWARD = [(LATAKIA, WEST), (TARTUS, WEST), (BEIRUT, WEST), (ALEXANDRIA, NORTH), (ODESA, 90.0)]


@pytest.mark.parametrize(("city", "bearing"), SEAWARD)
def test_point_coast_strip(city: tuple[float, float], bearing: float) -> None:
    strip = areas.coast_strip(lat=city[0], lon=city[1])
    assert strip is not None and strip.is_valid
    assert strip.contains(point(city))
    assert farthest_km(strip, city) <= areas.COAST_REACH_KM + 0.5
    assert not strip.contains(point(off(city, 5.0, bearing)))  # at sea
    assert not strip.contains(point(off(city, 25.0, bearing + 180.0)))  # too far inland


@pytest.mark.parametrize("inland", [HOMS, DAMASCUS, BERN, AMMAN])
def test_point_coast_strip_inland_is_none(inland: tuple[float, float]) -> None:
    assert areas.coast_strip(lat=inland[0], lon=inland[1]) is None


def test_point_coast_strip_stays_in_the_anchor_country() -> None:
    strip = areas.coast_strip(lat=TYRE[0], lon=TYRE[1], reach_km=40.0)
    assert strip is not None
    assert km_between(TYRE, NAHARIYA) < 40.0
    assert strip.contains(point(NAQOURA))
    assert not strip.contains(point(NAHARIYA))
    israeli = areas.coast_strip(lat=TYRE[0], lon=TYRE[1], reach_km=40.0, country="IL")
    assert israeli is not None and israeli.contains(point(NAHARIYA))


# --- offshore ----------------------------------------------------------------


@pytest.mark.parametrize(("iso2", "city", "bearing"), COASTS)
def test_country_offshore_area(iso2: str, city: tuple[float, float], bearing: float) -> None:
    sea = areas.offshore_area(lat=0.0, lon=0.0, iso2=iso2)
    assert sea is not None and sea.is_valid
    assert sea.contains(point(off(city, 25.0, bearing)))
    assert not sea.contains(point(off(city, 80.0, bearing)))
    assert not sea.contains(point(city))


@pytest.mark.parametrize(
    "sea_point",
    [
        (36.63, 36.10),  # Gulf of Iskenderun: near Syria's land border with Turkey
        (33.62, 35.37),  # off Sidon: within 50 km of Syria's land, across Lebanon
    ],
)
def test_offshore_is_measured_from_the_coast_not_across_a_neighbour(
    sea_point: tuple[float, float],
) -> None:
    assert shapes.is_sea(*sea_point)
    sea = areas.offshore_area(lat=0.0, lon=0.0, iso2="SY")
    assert sea is not None
    assert not sea.contains(point(sea_point))


@pytest.mark.parametrize("city", [TARTUS, LATAKIA, BEIRUT, LIMASSOL, ODESA])
def test_point_offshore_area(city: tuple[float, float]) -> None:
    sea = areas.offshore_area(lat=city[0], lon=city[1])
    assert sea is not None and sea.is_valid
    assert farthest_km(sea, city) <= areas.OFFSHORE_POINT_KM + 0.5
    rep = sea.representative_point()
    assert shapes.is_sea(rep.y, rep.x)


@pytest.mark.parametrize("inland", [HOMS, DAMASCUS, BERN])
def test_point_offshore_area_inland_is_none(inland: tuple[float, float]) -> None:
    assert areas.offshore_area(lat=inland[0], lon=inland[1]) is None


def test_offshore_distance_is_honoured() -> None:
    near = areas.offshore_area(lat=TARTUS[0], lon=TARTUS[1], distance_km=10.0)
    far = areas.offshore_area(lat=TARTUS[0], lon=TARTUS[1], distance_km=60.0)
    assert near is not None and far is not None
    assert farthest_km(near, TARTUS) <= 10.5
    assert far.contains(point(off(TARTUS, 45.0, WEST)))


# --- discs, offsets, rings ---------------------------------------------------


@pytest.mark.parametrize("place", [HOMS, TROMSO, (-33.9, 18.4), (0.0, 0.0)])
@pytest.mark.parametrize("radius", [5.0, 10.0, 50.0])
def test_vicinity_radius_measured_back(place: tuple[float, float], radius: float) -> None:
    disc = areas.vicinity(lat=place[0], lon=place[1], radius_km=radius)
    assert disc.geom_type == "Polygon" and disc.is_valid
    assert disc.contains(point(place))
    coords = shapely.get_coordinates(disc.exterior)
    _, _, dist = GEOD.inv(
        np.full(len(coords), place[1]), np.full(len(coords), place[0]), coords[:, 0], coords[:, 1]
    )
    assert np.allclose(dist / 1000.0, radius, rtol=1e-3)


def test_vicinity_across_the_antimeridian_is_split() -> None:
    disc = areas.vicinity(lat=-16.5, lon=179.95, radius_km=20.0)
    assert disc.geom_type == "MultiPolygon" and disc.is_valid
    west, _, east, _ = disc.bounds
    assert west == -180.0 and east == 180.0
    assert farthest_km(disc, (-16.5, 179.95)) <= 20.05


@pytest.mark.parametrize("place", [HOMS, TROMSO, (-33.9, 18.4)])
@pytest.mark.parametrize("bearing", [0.0, 90.0, 225.0])
@pytest.mark.parametrize("distance", [10.0, 40.0, 150.0])
def test_offset_point_distance_and_bearing(
    place: tuple[float, float], bearing: float, distance: float
) -> None:
    lat, lon = areas.offset_point(
        lat=place[0], lon=place[1], distance_km=distance, bearing_deg=bearing
    )
    azimuth, _, metres = GEOD.inv(place[1], place[0], lon, lat)
    assert math.isclose(metres / 1000.0, distance, rel_tol=1e-6)
    assert math.isclose((azimuth - bearing + 180.0) % 360.0 - 180.0, 0.0, abs_tol=1e-6)


def test_offset_point_north_moves_north() -> None:
    lat, lon = areas.offset_point(lat=HOMS[0], lon=HOMS[1], distance_km=40.0, bearing_deg=0.0)
    assert lat > HOMS[0] and math.isclose(lon, HOMS[1], abs_tol=1e-9)


@pytest.mark.parametrize(("distance", "width"), [(40.0, 10.0), (100.0, 25.0), (3.0, 10.0)])
def test_ring(distance: float, width: float) -> None:
    annulus = areas.ring(lat=HOMS[0], lon=HOMS[1], distance_km=distance, width_km=width)
    assert annulus.is_valid
    for bearing in (0.0, 120.0, 250.0):
        assert annulus.contains(point(off(HOMS, distance, bearing)))
        assert not annulus.contains(point(off(HOMS, distance + width, bearing)))
    assert annulus.contains(point(HOMS)) == (distance < width / 2)


# --- area_for ----------------------------------------------------------------


def result_for(
    kind: AreaKind,
    anchor: tuple[float, float],
    iso2: str,
    *,
    is_country: bool,
    distance: float | None = None,
    bearing: float | None = None,
) -> AreaResult | None:
    spec = AreaSpec(kind, distance_km=distance, bearing_deg=bearing)
    return areas.area_for(spec, lat=anchor[0], lon=anchor[1], iso2=iso2, is_country=is_country)


# (kind, anchor, iso2, is_country, distance, bearing, feature, precision)
AREA_CASES = [
    (AreaKind.AIRSPACE, SYRIA_CENTRE, "SY", True, None, None, "airspace", Precision.COUNTRY),
    (AreaKind.AIRSPACE, (31.4, 35.0), "IL", True, None, None, "airspace", Precision.COUNTRY),
    (AreaKind.AIRSPACE, LATAKIA, "SY", False, None, None, "airspace", Precision.NEAR),
    (AreaKind.COAST, SYRIA_CENTRE, "SY", True, None, None, "coast", Precision.REGION),
    (AreaKind.COAST, LATAKIA, "SY", False, None, None, "coast", Precision.REGION),
    (AreaKind.OFFSHORE, SYRIA_CENTRE, "SY", True, None, None, "offshore", Precision.REGION),
    (AreaKind.OFFSHORE, TARTUS, "SY", False, None, None, "offshore", Precision.REGION),
    (AreaKind.VICINITY, HOMS, "SY", False, None, None, "vicinity", Precision.NEAR),
    (AreaKind.VICINITY, HOMS, "SY", False, 25.0, None, "vicinity", Precision.NEAR),
    (AreaKind.VICINITY, SYRIA_CENTRE, "SY", True, None, None, "vicinity", Precision.COUNTRY),
    (AreaKind.OFFSET, HOMS, "SY", False, 40.0, 0.0, "offset", Precision.NEAR),
    (AreaKind.OFFSET, HOMS, "SY", False, None, 90.0, "offset", Precision.REGION),
    (AreaKind.OFFSET, HOMS, "SY", False, 40.0, None, "ring", Precision.REGION),
    (AreaKind.OFFSET, SYRIA_CENTRE, "SY", True, 40.0, 0.0, "offset", Precision.REGION),
]


@pytest.mark.parametrize(
    ("kind", "anchor", "iso2", "is_country", "distance", "bearing", "feature", "precision"),
    AREA_CASES,
)
def test_area_for_kinds(
    kind: AreaKind,
    anchor: tuple[float, float],
    iso2: str,
    is_country: bool,
    distance: float | None,
    bearing: float | None,
    feature: str,
    precision: Precision,
) -> None:
    found = result_for(
        kind, anchor, iso2, is_country=is_country, distance=distance, bearing=bearing
    )
    assert found is not None
    assert found.feature == feature
    assert found.precision is precision
    assert found.geometry.is_valid
    rep = Point(found.lon, found.lat)
    if found.geometry.geom_type == "Point":
        assert found.geometry.distance(rep) < 1e-9
    else:
        assert found.geometry.contains(rep), "the representative point lies inside the area"
        # The radius is honest: it reaches the farthest part of the area.
        assert found.radius_km is not None
        assert farthest_km(found.geometry, (found.lat, found.lon)) <= found.radius_km * 1.01 + 0.1


def test_area_for_offshore_of_syria_is_at_sea_near_latakia() -> None:
    found = result_for(AreaKind.OFFSHORE, SYRIA_CENTRE, "SY", is_country=True)
    assert found is not None
    assert shapes.is_sea(found.lat, found.lon)
    assert km_between((found.lat, found.lon), LATAKIA) < 90.0


def test_area_for_coast_of_syria_is_on_syrian_land() -> None:
    found = result_for(AreaKind.COAST, SYRIA_CENTRE, "SY", is_country=True)
    assert found is not None
    assert shapes.country_at(found.lat, found.lon) == "SY"


def test_area_for_point_areas_prefer_the_anchor() -> None:
    coast = result_for(AreaKind.COAST, LATAKIA, "SY", is_country=False)
    sea = result_for(AreaKind.OFFSHORE, TARTUS, "SY", is_country=False)
    assert coast is not None and sea is not None
    assert (coast.lat, coast.lon) == pytest.approx(LATAKIA, abs=1e-6)  # Latakia is on the coast
    assert km_between((sea.lat, sea.lon), TARTUS) < 5.0  # the sea just off Tartus


def test_area_for_offset_is_where_the_text_says() -> None:
    found = result_for(AreaKind.OFFSET, HOMS, "SY", is_country=False, distance=40.0, bearing=0.0)
    assert found is not None
    assert math.isclose(km_between(HOMS, (found.lat, found.lon)), 40.0, rel_tol=1e-6)
    assert found.lat > HOMS[0]
    assert found.radius_km is not None and 2.0 <= found.radius_km < 40.0


def test_area_for_offset_from_a_country_starts_at_its_edge() -> None:
    found = result_for(
        AreaKind.OFFSET, SYRIA_CENTRE, "SY", is_country=True, distance=40.0, bearing=0.0
    )
    assert found is not None
    assert shapes.country_at(found.lat, found.lon) == "TR"  # beyond Syria's northern border
    assert km_between(SYRIA_CENTRE, (found.lat, found.lon)) > 150.0


def test_area_for_vicinity_radius_is_the_disc_radius() -> None:
    found = result_for(AreaKind.VICINITY, HOMS, "SY", is_country=False)
    assert found is not None
    assert found.radius_km == areas.VICINITY_KM
    assert (found.lat, found.lon) == HOMS


@pytest.mark.parametrize(
    ("kind", "anchor", "iso2", "is_country"),
    [
        (AreaKind.COAST, BERN, "CH", True),
        (AreaKind.OFFSHORE, BERN, "CH", True),
        (AreaKind.COAST, BERN, "CH", False),
        (AreaKind.OFFSHORE, HOMS, "SY", False),
        (AreaKind.AIRSPACE, (0.0, 0.0), "ZZ", True),
    ],
)
def test_area_for_none_when_there_is_no_such_area(
    kind: AreaKind, anchor: tuple[float, float], iso2: str, is_country: bool
) -> None:
    assert result_for(kind, anchor, iso2, is_country=is_country) is None


def test_area_for_country_without_code_is_none() -> None:
    spec = AreaSpec(AreaKind.AIRSPACE)
    assert areas.area_for(spec, lat=35.0, lon=38.5, iso2=None, is_country=True) is None


def test_area_result_is_frozen() -> None:
    found = result_for(AreaKind.VICINITY, HOMS, "SY", is_country=False)
    assert found is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.lat = 0.0  # type: ignore[misc]


def test_country_areas_are_built_once() -> None:
    first = result_for(AreaKind.AIRSPACE, SYRIA_CENTRE, "SY", is_country=True)
    again = result_for(AreaKind.AIRSPACE, (34.0, 37.0), "sy", is_country=True)
    assert first is again
