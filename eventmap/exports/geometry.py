"""GeoJSON geometry objects from shapely geometries, with rounded coordinates.

The map page, the base map and ``events.geojson`` all write GeoJSON
coordinates rounded to a few decimals; this builds them a ring at a time with
numpy instead of one Python float at a time.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["COORD_DIGITS", "geojson_geometry"]

COORD_DIGITS = 5
"""Decimals of a degree kept by default: about a metre."""


def geojson_geometry(geometry: BaseGeometry, digits: int = COORD_DIGITS) -> dict[str, Any]:
    """``geometry`` as a GeoJSON geometry object, coordinates rounded to ``digits`` decimals.

    Five decimals is about a metre. Each ring or line is rounded as one numpy
    array: a country's outline has tens of thousands of vertices, and rounding
    them one Python float at a time was a second of every large build.
    """
    kind = geometry.geom_type
    if kind == "GeometryCollection":
        return {
            "type": kind,
            "geometries": [geojson_geometry(part, digits) for part in geometry.geoms],
        }
    return {"type": kind, "coordinates": _coordinates(geometry, digits)}


def _coordinates(geometry: BaseGeometry, digits: int) -> Any:
    kind = geometry.geom_type
    if kind.startswith("Multi"):
        return [_coordinates(part, digits) for part in geometry.geoms]
    if kind == "Polygon":
        if geometry.is_empty:
            return []
        rings = [geometry.exterior, *geometry.interiors]
        return [_rounded(ring, digits) for ring in rings]
    points = _rounded(geometry, digits)
    return points[0] if kind == "Point" and points else points


def _rounded(geometry: BaseGeometry, digits: int) -> list[list[float]]:
    xy = shapely.get_coordinates(geometry)
    rounded: list[list[float]] = np.round(xy, digits).tolist()
    return rounded
