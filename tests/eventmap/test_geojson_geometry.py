"""GeoJSON geometry objects with rounded coordinates, for the map page."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import mapping

from eventmap.exports.geometry import geojson_geometry

SHAPES = [
    "POINT (35.123456789 -33.000004)",
    "LINESTRING (0 0, 1.0000049 2.333333333)",
    "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
    "MULTIPOINT ((1 2), (3.1415926 4))",
    "MULTILINESTRING ((0 0, 1 1), (2 2, 3.333333 3))",
    "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6.666666 5, 6 6, 5 5)))",
    "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))",
    "POLYGON EMPTY",
]


def _round(value, digits):
    if isinstance(value, (int, float)):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: _round(v, digits) if k != "type" else v for k, v in value.items()}
    return [_round(v, digits) for v in value]


@pytest.mark.parametrize("wkt", SHAPES)
@pytest.mark.parametrize("digits", [5, 2])
def test_same_as_shapely_mapping_rounded(wkt, digits):
    geometry = shapely.from_wkt(wkt)
    expected = json.loads(json.dumps(_round(mapping(geometry), digits)))
    assert json.loads(json.dumps(geojson_geometry(geometry, digits))) == expected


def test_coordinates_are_short_in_json():
    text = json.dumps(geojson_geometry(shapely.Point(35.123456789, 0.1 + 0.2)))
    assert text == '{"type": "Point", "coordinates": [35.12346, 0.3]}'
