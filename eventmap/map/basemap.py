"""The map's own base layer: land and country borders from the shipped shapes.

Map tiles come from tile servers, and a map opened offline or behind a strict
firewall would show nothing under its events. So the base is drawn from the
Natural Earth shapes that ship with eventmap: in detail around the events,
coarse for the rest of the world. The coarse world is the same for every map,
so it is computed once per machine and kept in the data directory.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import math
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import folium
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from eventmap.exports.geometry import COORD_DIGITS, geojson_geometry
from geo.stale_files import remove_stale, temp_name

__all__ = [
    "COORD_DIGITS",
    "MAX_LAT",
    "SEA_COLOR",
    "base_features",
    "base_labels",
    "base_layer",
    "land_and_borders",
    "load_shapes",
]

MAX_LAT = 85.0
"""Web Mercator, which Leaflet draws in, stops just past 85° of latitude."""


SEA_COLOR = "#d5e6f3"
_LAND_COLOR = "#e9e9e6"
_BORDER_COLOR = "#a3a3a3"
_WORLD_SIMPLIFY_DEG = 0.2
"""The world outside the events' region: about a pixel at zoom 3."""
_MIN_SIMPLIFY_DEG = 0.002
"""Finer than this the Natural Earth 1:10m grid (about 0.002-0.004°) has nothing to add."""
_REGIONS_KEPT = 16
"""Region base maps kept on disk (each a few hundred kB)."""
_REGION_PIXELS = 2500
"""A region is simplified to its span over this: a pixel with all of it on a wide screen."""
_MIN_MARGIN_DEG = 3.0
_MARGIN_SHARE = 0.6
"""Around the events, land is drawn in detail this share of their extent (at least 3°) out."""
_TEMP = re.compile(r"^\.base-.*\.npz$")
"""A base map being written (or left by a writer that was killed)."""
_SPECK_TOLERANCES = 3.0
"""Islands less than this many tolerances across (as a square) are left out."""


def load_shapes() -> Any:
    """``geo.shapes`` when it is installed, else ``None`` (the base is optional)."""
    if importlib.util.find_spec("geo.shapes") is None:
        return None
    return importlib.import_module("geo.shapes")


_SHAPES_API = ("country_keys", "country_shape", "land_in_box")
"""What the base layer needs from :mod:`geo.shapes` (or a stand-in for it)."""


def _shared_edges(parts: Any) -> BaseGeometry:
    """Return the edges that two of ``parts`` (polygons) have in common, as lines.

    In a simplified coverage neighbours share their border edge for edge,
    with the very same coordinates, so an edge found twice is a border and an
    edge found once is a coast (or where a box cut the coverage).
    """
    rings = shapely.get_rings(parts)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    if len(coords) < 2:
        return shapely.MultiLineString([])
    same_ring = ring_of[1:] == ring_of[:-1]
    start, end = coords[:-1][same_ring], coords[1:][same_ring]
    # The same edge runs one way round one ring and the other way round the next.
    flip = (start[:, 0] > end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] > end[:, 1]))
    low = np.where(flip[:, None], end, start)
    high = np.where(flip[:, None], start, end)
    edges, counts = np.unique(np.hstack([low, high]), axis=0, return_counts=True)
    shared = edges[counts >= 2].reshape(-1, 2, 2)
    if not len(shared):
        return shapely.MultiLineString([])
    return shapely.line_merge(shapely.MultiLineString(list(shapely.linestrings(shared))))


def land_and_borders(
    countries: Sequence[BaseGeometry], *, tolerance: float
) -> tuple[BaseGeometry, BaseGeometry]:
    """Simplify countries together and return (land, borders between countries).

    ``shapely.coverage_simplify`` simplifies each edge two countries share
    once, so neighbours still meet without gaps or slivers. The land is the
    union of the countries, without islands too small to see at
    ``tolerance``; the borders are the shared edges that touch that land.
    """
    empty = shapely.MultiPolygon([])
    if not countries:
        return empty, shapely.MultiLineString([])
    simple = shapely.coverage_simplify(np.asarray(countries, dtype=object), tolerance)
    parts = shapely.get_parts(simple)
    parts = parts[~shapely.is_empty(parts)]
    speck = (_SPECK_TOLERANCES * tolerance) ** 2
    land = shapely.get_parts(shapely.union_all(parts))
    land = land[
        (shapely.get_type_id(land) == shapely.GeometryType.POLYGON) & (shapely.area(land) >= speck)
    ]
    land_shape = shapely.MultiPolygon(list(land)) if len(land) else empty
    lines = shapely.get_parts(_shared_edges(parts))
    shapely.prepare(land_shape)
    lines = lines[shapely.intersects(land_shape, lines)] if len(lines) else lines
    return land_shape, shapely.MultiLineString(list(lines))


@functools.lru_cache(maxsize=4)
def _world_base(shapes: Any) -> tuple[BaseGeometry, BaseGeometry]:
    """Land and borders of the whole world, coarse: the same for every map.

    Two seconds of work, so it is done once per machine: kept as WKB in the
    data directory (beside the gazetteer index) under a name that changes
    with the shapes file, and once per process in memory. ``shapes`` must be
    hashable (a module is).
    """

    def compute() -> tuple[BaseGeometry, BaseGeometry]:
        shapes_of = (shapes.country_shape(key) for key in shapes.country_keys())
        countries = [c for c in shapes_of if c is not None and not c.is_empty]
        return land_and_borders(countries, tolerance=_WORLD_SIMPLIFY_DEG)

    return _stored_pair(_base_cache_path(shapes, f"world-base-{{}}-{_WORLD_SIMPLIFY_DEG}"), compute)


def _base_cache_path(shapes: Any, pattern: str) -> Path | None:
    """``pattern`` with ``{}`` the shapes file's digest, in the data directory (``.npz``)."""
    data_digest = getattr(shapes, "data_digest", None)
    if data_digest is None:
        return None  # a stand-in for geo.shapes (tests): nothing to key the cache on
    from geo.gazetteer import default_data_dir

    return default_data_dir() / (pattern.format(data_digest()) + ".npz")


def _read_pair(path: Path) -> tuple[BaseGeometry, BaseGeometry] | None:
    """The two geometries stored at ``path``, or ``None`` when the file is not sound.

    A file is sound when numpy can read it (the zip's CRC-32s hold), it has
    both arrays, the sizes add up to the bytes, the SHA-256 written with them
    matches, and shapely reads both geometries back.
    """
    try:
        with np.load(path, allow_pickle=False) as stored:
            blob, sizes = stored["wkb"].tobytes(), [int(n) for n in stored["sizes"]]
            digest = stored["sha256"].tobytes().decode("ascii")
        if len(sizes) != 2 or min(sizes) < 0 or sum(sizes) != len(blob):
            return None
        if digest != hashlib.sha256(blob).hexdigest():
            return None
        first_wkb, second_wkb = blob[: sizes[0]], blob[sizes[0] :]
        return shapely.from_wkb(first_wkb), shapely.from_wkb(second_wkb)
    except FileNotFoundError:
        return None
    except Exception:  # numpy, zipfile and zlib raise many kinds for a damaged file
        return None


def _stored_pair(
    path: Path | None, compute: Callable[[], tuple[BaseGeometry, BaseGeometry]]
) -> tuple[BaseGeometry, BaseGeometry]:
    """Two geometries read from ``path``, or computed and written there.

    A truncated, zeroed, unreadable or foreign file is recomputed and
    replaced, never trusted (:func:`_read_pair`); ``None`` (no shapes file to
    key on) always computes. Temporary files of a writer that was killed are
    removed first (:mod:`geo.stale_files`).
    """
    if path is not None:
        remove_stale(path.parent, _TEMP)
        found = _read_pair(path)
        if found is not None:
            return found
    first, second = compute()
    if path is not None:
        _save_pair(path, first, second)
    return first, second


def _save_pair(path: Path, first: BaseGeometry, second: BaseGeometry) -> None:
    """Write two geometries and their SHA-256 beside their destination, then rename them in."""
    tmp = path.parent / temp_name(".base-", ".npz")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:
        return  # a read-only data directory only costs the work next time
    try:
        parts = [shapely.to_wkb(first), shapely.to_wkb(second)]
        blob = b"".join(parts)
        with os.fdopen(fd, "wb") as fh:
            np.savez_compressed(
                fh,
                wkb=np.frombuffer(blob, dtype=np.uint8),
                sizes=np.array([len(p) for p in parts], dtype=np.int64),
                sha256=np.frombuffer(hashlib.sha256(blob).hexdigest().encode(), dtype=np.uint8),
            )
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _region_box(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) around the places, with a margin.

    The margin is a share of the places' larger side (at least
    :data:`_MIN_MARGIN_DEG`), half as wide again east-west (screens are wide)
    and widened in degrees of longitude away from the equator. Longitudes may
    run past ±180° so that the region stays in one piece.
    """
    south, west, north, east = bounds
    coslat = max(math.cos(math.radians((south + north) / 2)), 0.2)
    extent = max(north - south, (east - west) * coslat)
    margin = max(_MARGIN_SHARE * extent, _MIN_MARGIN_DEG)
    dlon = 1.5 * margin / coslat
    min_lon, max_lon = west - dlon, east + dlon
    if max_lon - min_lon >= 360.0:
        min_lon, max_lon = -180.0, 180.0
    return min_lon, max(south - margin, -MAX_LAT), max_lon, min(north + margin, MAX_LAT)


def _region_tolerance(box: tuple[float, float, float, float]) -> float:
    """Simplification for a region: about a pixel with the whole region on screen."""
    min_lon, min_lat, max_lon, max_lat = box
    coslat = max(math.cos(math.radians((min_lat + max_lat) / 2)), 0.2)
    span = max(max_lat - min_lat, (max_lon - min_lon) * coslat)
    return min(max(span / _REGION_PIXELS, _MIN_SIMPLIFY_DEG), _WORLD_SIMPLIFY_DEG)


def _region_base(
    shapes: Any, box: tuple[float, float, float, float], *, tolerance: float
) -> tuple[BaseGeometry, BaseGeometry]:
    """Land and borders inside ``box``, simplified to ``tolerance``.

    Two seconds for a wide region, and a corpus that grows by an article a
    day keeps the same region: the last :data:`_REGIONS_KEPT` regions are
    kept in the data directory, like the world base.
    """

    def compute() -> tuple[BaseGeometry, BaseGeometry]:
        clipped = (shapes.land_in_box(*box, country=key) for key in shapes.country_keys())
        countries = [c for c in clipped if not c.is_empty]
        return land_and_borders(countries, tolerance=tolerance)

    region = hashlib.sha256(repr((box, tolerance)).encode()).hexdigest()[:16]
    path = _base_cache_path(shapes, f"region-base-{{}}-{region}")
    known = path is not None and path.exists()
    found = _stored_pair(path, compute)
    if path is not None and not known:
        _forget_old_regions(path.parent)
    return found


def _forget_old_regions(folder: Path) -> None:
    """Delete all but the :data:`_REGIONS_KEPT` most recently written region bases."""
    try:
        stored = sorted(folder.glob("region-base-*.npz"), key=lambda p: p.stat().st_mtime)
        for old in stored[:-_REGIONS_KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another build removed it first, or the folder is read-only


def _digits(tolerance: float) -> int:
    """Decimals to keep for coordinates simplified to ``tolerance`` degrees."""
    return min(max(math.ceil(-math.log10(tolerance)) + 1, 2), COORD_DIGITS)


def _base_geojson(geometry: BaseGeometry, *, digits: int) -> dict[str, Any] | None:
    """A GeoJSON Feature of ``geometry`` rounded to ``digits``, or ``None`` if empty."""
    if geometry.is_empty:
        return None
    return {"type": "Feature", "properties": {}, "geometry": geojson_geometry(geometry, digits)}


def _base_style(style: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Make a folium ``style_function`` that gives every feature ``style``."""

    def style_function(_feature: dict[str, Any]) -> dict[str, Any]:
        return dict(style)

    return style_function


_LAND_STYLE = {"stroke": False, "fillColor": _LAND_COLOR, "fillOpacity": 1.0}
_BORDER_STYLE = {"color": _BORDER_COLOR, "weight": 0.8, "opacity": 1.0, "fill": False}


def base_features(bounds: tuple[float, float, float, float] | None) -> list[dict[str, Any]]:
    """Land and country borders to draw the events on, in place of map tiles.

    ``bounds`` is (south, west, north, east) of the places, ``None`` for an
    empty map. Around the places (see :func:`_region_box`) in detail; elsewhere the
    coarse world of :func:`_world_base`, so that zooming out never shows land
    as sea. The world's land stops a hair inside the region, so the two fills
    overlap rather than meet on a seam. Each entry is ``{"feature": GeoJSON
    Feature, "style": Leaflet path style}``, in drawing order (land, then
    borders). Empty when there is no :mod:`geo.shapes`.
    """
    shapes = load_shapes()
    if shapes is None or not all(hasattr(shapes, name) for name in _SHAPES_API):
        return []
    world_land, world_borders = _world_base(shapes)
    world_digits = _digits(_WORLD_SIMPLIFY_DEG)
    lands: list[tuple[BaseGeometry, int]] = []
    borders: list[tuple[BaseGeometry, int]] = []
    if bounds is None:
        lands.append((world_land, world_digits))
        borders.append((world_borders, world_digits))
    else:
        box = _region_box(bounds)
        tolerance = _region_tolerance(box)
        land, lines = _region_base(shapes, box, tolerance=tolerance)
        min_lon, min_lat, max_lon, max_lat = box
        inner = shapely.box(
            min_lon + tolerance, min_lat + tolerance, max_lon - tolerance, max_lat - tolerance
        )
        lands.append((shapely.difference(world_land, inner), world_digits))
        lands.append((land, _digits(tolerance)))
        borders.append((shapely.difference(world_borders, shapely.box(*box)), world_digits))
        borders.append((lines, _digits(tolerance)))

    out: list[dict[str, Any]] = []
    for shapes_and_digits, style in ((lands, _LAND_STYLE), (borders, _BORDER_STYLE)):
        for geometry, digits in shapes_and_digits:
            feature = _base_geojson(geometry, digits=digits)
            if feature is not None:
                out.append({"feature": feature, "style": dict(style)})
    return out


def base_layer(
    bounds: tuple[float, float, float, float] | None, *, pane: str
) -> folium.FeatureGroup | None:
    """The features of :func:`base_features` as a folium group, for folium users.

    Drawn in ``pane``, non-interactive and out of the layer control; ``None``
    when there is no :mod:`geo.shapes`. (The eventmap page draws the same
    features from its data blob instead.)
    """
    base = folium.FeatureGroup(name="Base map", control=False)
    for entry in base_features(bounds):
        folium.GeoJson(
            entry["feature"],
            style_function=_base_style(entry["style"]),
            control=False,
            interactive=False,
            pane=pane,
        ).add_to(base)
    return base if base._children else None


_LABEL_SIMPLIFY_DEG = 0.1
"""Countries are simplified this much before their label point is sought: plenty."""
_LABEL_MIN_DEG = 0.3
"""Countries whose largest piece is smaller than this across get no label (specks)."""
_LABELS_FORMAT = 1


def _country_labels(shapes: Any) -> list[list[Any]]:
    """``[name, lat, lon, "country", size]`` per country, largest first.

    The point is the pole of inaccessibility of the country's largest piece
    (inside it, away from its edges, unlike a centroid: Croatia's or Chile's
    would fall in the sea or on a border), and ``size`` that piece's smaller
    side in degrees of longitude at the equator: the page shows a country's
    name only from the zoom where it is about as wide as its name.
    """
    from shapely.ops import polylabel

    found: list[tuple[float, list[Any]]] = []
    for key in shapes.country_keys():
        name = shapes.country_name(key) if hasattr(shapes, "country_name") else None
        shape = shapes.country_shape(key)
        if not name or shape is None or shape.is_empty:
            continue
        parts = list(getattr(shape, "geoms", [shape]))
        biggest = max(parts, key=lambda part: part.area)
        west, south, east, north = biggest.bounds
        coslat = max(math.cos(math.radians((south + north) / 2)), 0.1)
        size = min((east - west), (north - south) / coslat)
        if size < _LABEL_MIN_DEG:
            continue
        simple = shapely.simplify(biggest, _LABEL_SIMPLIFY_DEG)
        if simple.is_empty or simple.geom_type != "Polygon":
            point = biggest.representative_point()
        else:
            point = polylabel(simple, tolerance=_LABEL_SIMPLIFY_DEG)
            if not biggest.contains(point):
                point = biggest.representative_point()
        found.append(
            (biggest.area, [name, round(point.y, 2), round(point.x, 2), "country", round(size, 1)])
        )
    found.sort(key=lambda pair: (-pair[0], pair[1][0]))
    return [label for _, label in found]


def _capital_labels() -> list[list[Any]]:
    """``[name, lat, lon, "capital", population]`` per national capital, most populous first.

    Read from the gazetteer index when it is built (it marks GeoNames'
    capitals); without one, none: labels are a courtesy, never a reason to
    build the index.
    """
    from geo.gazetteer import Gazetteer, index_path

    path = index_path()
    if not path.exists():
        return []
    try:
        rows = Gazetteer(path).capitals()
    except (sqlite3.Error, OSError):  # an old or damaged index only costs the labels
        return []
    return [
        [name, round(lat, 2), round(lon, 2), "capital", population]
        for name, lat, lon, population in rows
    ]


@functools.lru_cache(maxsize=4)
def _labels(shapes: Any) -> tuple[tuple[Any, ...], ...]:
    """Country and capital labels, computed once per machine (a JSON file in the data dir)."""
    import json

    from geo.gazetteer import index_path

    index = index_path().stem if index_path().exists() else "no-index"
    path = _base_cache_path(shapes, f"labels-{{}}-{index}-{_LABELS_FORMAT}")
    if path is not None:
        path = path.with_suffix(".json")
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return tuple(tuple(label) for label in stored)
        except (OSError, ValueError):
            pass  # not there yet, or unreadable: compute below
    labels = _country_labels(shapes) + _capital_labels()
    if path is not None and labels:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".labels-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(labels, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only data directory only costs the work next time
    return tuple(tuple(label) for label in labels)


def base_labels() -> list[list[Any]]:
    """Names for the base map: countries (largest first), then capitals (most populous first).

    Each is ``[name, lat, lon, kind, size]``; ``kind`` is ``"country"`` (size:
    the country's smaller side in degrees) or ``"capital"`` (size: its
    population). The page decides at each zoom which of them fit. Countries
    come from :mod:`geo.shapes` (Natural Earth's names), capitals from the
    gazetteer index when it is built; about 20 kB in all. Empty without
    :mod:`geo.shapes`.
    """
    shapes = load_shapes()
    if shapes is None or not all(hasattr(shapes, name) for name in _SHAPES_API):
        return []
    return [list(label) for label in _labels(shapes)]
