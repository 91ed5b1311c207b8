"""Gazetteer sources: where each kind of record takes its point from."""

from __future__ import annotations

from geo.disambiguate import haversine_km
from geo.sources import curated_records, geonames_continent_points


def test_continents_take_the_geonames_point_and_keep_curated_names():
    points = geonames_continent_points()
    assert {"Africa", "Asia", "Europe", "North America", "South America"} <= set(points)
    continents = [r for r in curated_records() if r.feature == "continent"]
    assert continents
    for record in continents:
        lat, lon, geonameid = points[record.name]
        assert (record.lat, record.lon) == (lat, lon)
        assert f"GeoNames {geonameid}" in record.source
        assert record.radius_km  # the curated extent stays


def test_continent_points_lie_on_their_continent():
    points = geonames_continent_points()
    europe, africa = points["Europe"], points["Africa"]
    assert -90 <= europe[0] <= 90 and -180 <= europe[1] <= 180
    # Europe's point is north of Africa's, and the two are thousands of km apart.
    assert europe[0] > africa[0]
    assert haversine_km(europe[0], europe[1], africa[0], africa[1]) > 2000
