"""The GeoPackage export (``events.gpkg``, for QGIS and GDAL).

A table per layer and geometry kind, ``<layer>_points`` (Point) and
``<layer>_areas`` (MultiPolygon; a Polygon is promoted), since a table of
mixed geometry types opens in QGIS as several sublayers and in other tools
not at all. One row per place with its citations as JSON text. Geometries
are drawn as the GeoJSON draws them (:func:`eventmap.exports.geojson.export_geometry`).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from eventmap.atomic import write_bytes_atomic
from eventmap.exports.geojson import citation_properties, date_range, export_geometry
from eventmap.grouping import PlaceOnLayer
from layers.types import LayerDefinition

__all__ = [
    "geopackage_bytes",
    "write_geopackage",
]


def _titles(layer_defs: Sequence[LayerDefinition]) -> dict[str, str]:
    return {layer.id: layer.title for layer in layer_defs}


def _table_name(layer: str, kind: str, taken: set[str]) -> str:
    """A safe, unique SQL table name for a layer id and a geometry kind."""
    base = re.sub(r"[^0-9A-Za-z_]", "_", layer) or "layer"
    if base[0].isdigit():
        base = f"layer_{base}"
    name = f"{base}_{kind}"
    suffix = 2
    while name.lower() in taken:
        name = f"{base}_{kind}_{suffix}"
        suffix += 1
    taken.add(name.lower())
    return name


def _split_kind(geometry: BaseGeometry) -> tuple[str, BaseGeometry]:
    """``("areas", MultiPolygon)`` or ``("points", Point)`` for an export geometry.

    A geometry with polygonal parts keeps those parts; any other geometry
    without them (a line, an empty area) falls back to a point at its
    representative point, so every place lands in some table.
    """
    parts = getattr(geometry, "geoms", [geometry])
    polygons = [p for p in parts if isinstance(p, Polygon) and not p.is_empty]
    if polygons:
        return "areas", MultiPolygon(polygons)
    if isinstance(geometry, Point) and not geometry.is_empty:
        return "points", geometry
    return "points", geometry.representative_point()


def _geopackage_row(group: PlaceOnLayer, title: str) -> dict[str, Any]:
    place = group.place
    first_date, last_date = date_range(group)
    citations = [citation_properties(c) for c in group.citations]
    return {
        "layer": group.layer,
        "layer_title": title,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision.value,
        "radius_km": place.radius_km,
        "gazetteer_id": place.gazetteer_id,
        "country": place.country,
        "feature": place.feature,
        "confidence": group.confidence,
        "first_date": first_date,
        "last_date": last_date,
        "citations": json.dumps(citations, ensure_ascii=False, sort_keys=True),
        "n_citations": len(citations),
    }


# (column, pandas dtype), in the order the table lists them.
_GPKG_COLUMNS: tuple[tuple[str, str], ...] = (
    ("layer", "string"),
    ("layer_title", "string"),
    ("name", "string"),
    ("precision", "string"),
    ("gazetteer_id", "string"),
    ("country", "string"),
    ("lat", "Float64"),
    ("lon", "Float64"),
    ("radius_km", "Float64"),
    ("feature", "string"),
    ("confidence", "Float64"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("citations", "string"),
    ("n_citations", "Int64"),
)


def _geopackage_frame(rows: list[dict[str, Any]], geometries: list[BaseGeometry]) -> Any:
    """The rows as a GeoDataFrame with fixed column types (so empty columns keep theirs)."""
    import geopandas as gpd
    import pandas as pd

    columns = {
        key: pd.array([row[key] for row in rows], dtype=dtype) for key, dtype in _GPKG_COLUMNS
    }
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(geometries, crs="EPSG:4326"))


def write_geopackage(
    groups: Sequence[PlaceOnLayer], path: Path, *, layer_defs: Sequence[LayerDefinition] = ()
) -> None:
    """Write an OGC GeoPackage: a table per layer and geometry kind, in EPSG:4326.

    Tables are ``<layer>_points`` (Point) and ``<layer>_areas``
    (MultiPolygon), in layer order, each titled with the layer's title (the
    GeoPackage ``identifier``, which QGIS shows). Columns: ``layer``,
    ``layer_title``, ``name``, ``precision``, ``gazetteer_id``, ``country``,
    ``lat``, ``lon`` (representative point), ``radius_km``, ``feature``,
    ``first_date``, ``last_date`` (event dates), ``citations`` (JSON text: a
    list of ``{article, title, date, event_date, date_source, quote, start,
    end, mention, url}``), ``confidence`` and ``n_citations``. With no places
    at all the file holds one empty ``events_points`` table, so it is still
    a GeoPackage any reader opens.

    GDAL writes into a private temporary folder; the finished file is then
    swapped in atomically.
    """
    write_bytes_atomic(Path(path), geopackage_bytes(groups, layer_defs=layer_defs))


def geopackage_bytes(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> bytes:
    """The GeoPackage of :func:`write_geopackage`, as bytes (GDAL writes a private folder)."""
    import pyogrio

    titles = _titles(layer_defs)
    tables: dict[tuple[str, str], tuple[list[dict[str, Any]], list[BaseGeometry]]] = {}
    for group in groups:
        kind, geometry = _split_kind(export_geometry(group.place.geometry))
        rows, geometries = tables.setdefault((group.layer, kind), ([], []))
        rows.append(_geopackage_row(group, titles.get(group.layer, group.layer)))
        geometries.append(geometry)
    taken: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="eventmap-gpkg-") as folder:
        target = Path(folder) / "events.gpkg"
        if not tables:
            pyogrio.write_dataframe(
                _geopackage_frame([], []), target, layer="events_points", geometry_type="Point"
            )
        for (layer, kind), (rows, geometries) in tables.items():
            title = titles.get(layer, layer)
            pyogrio.write_dataframe(
                _geopackage_frame(rows, geometries),
                target,
                layer=_table_name(layer, kind, taken),
                driver="GPKG",
                geometry_type="Point" if kind == "points" else "MultiPolygon",
                layer_options={
                    "IDENTIFIER": f"{title} ({'points' if kind == 'points' else 'areas'})",
                    "DESCRIPTION": f"eventmap layer {layer}",
                },
            )
        return target.read_bytes()
