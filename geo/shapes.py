"""Country and land shapes from Natural Earth, shipped inside the package.

The shapes come from ``geo/data/naturalearth_10m.npz``, which
``scripts/build_shapes.py`` builds from the npm package ``world-atlas``
(Natural Earth 4.1, 1:10m; see ``geo/data/SOURCES.md``). The file is read
once, on first use, and kept for the life of the process: it takes well under
a second and about 40 MB of memory, and every lookup after it is an
STRtree query.

Countries are keyed by ISO 3166-1 alpha-2 code (``"SY"``). Natural Earth
features without a code keep a key made from their name (``"NE:Somaliland"``);
:func:`country_shape` and :func:`country_name` accept those keys too.

Geometries are shapely geometries in EPSG:4326 with x = longitude,
y = latitude. Coordinates lie on the source's quantization grid (about
0.0036° by 0.0017°, a few hundred metres), which is as exact as the data is.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

__all__ = [
    "DATA_FILE",
    "country_at",
    "country_keys",
    "country_name",
    "country_shape",
    "data_digest",
    "decode_ragged",
    "is_sea",
    "land_in_box",
    "land_near",
    "source_info",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "naturalearth_10m.npz"
"""The shipped shapes file (built by ``scripts/build_shapes.py``)."""


@functools.lru_cache(maxsize=1)
def data_digest() -> str:
    """A short digest of the shapes file: caches of shapes derived from it are named by it."""
    return hashlib.sha256(DATA_FILE.read_bytes()).hexdigest()[:16]


KM_PER_DEGREE = 111.32
"""Kilometres per degree of latitude (and of longitude at the equator)."""


@dataclass(frozen=True)
class _Shapes:
    """Everything read from the data file, with the indexes built over it."""

    meta: dict[str, Any]
    countries: dict[str, BaseGeometry]
    names: dict[str, str]
    parts: NDArray[np.object_]
    """Every polygon of every country, for point lookups."""
    part_keys: NDArray[np.str_]
    """The country key of each entry of :attr:`parts`."""
    land: NDArray[np.object_]
    """The land, one polygon per island or continent."""

    @cached_property
    def part_tree(self) -> STRtree:
        """Spatial index over :attr:`parts`."""
        return STRtree(self.parts)

    @cached_property
    def land_tree(self) -> STRtree:
        """Spatial index over :attr:`land`."""
        return STRtree(self.land)


_lock = threading.Lock()
_shapes: _Shapes | None = None


def decode_ragged(
    data: Any, prefix: str, kind: shapely.GeometryType, meta: dict[str, Any]
) -> NDArray[np.object_]:
    """Rebuild geometries from the delta-encoded ragged arrays in ``data``.

    The layout is the one ``scripts/build_shapes.py`` writes; the admin-1 and
    sea files (:mod:`geo.admin1`, :mod:`geo.seas`) use it too.
    """
    grid = np.cumsum(data[f"{prefix}_coords"].astype(np.int64), axis=0)
    coords = grid * np.asarray(meta["scale"]) + np.asarray(meta["translate"])
    # Antarctica is closed over the pole, which the grid puts a hair past -90°.
    np.clip(coords[:, 1], -90.0, 90.0, out=coords[:, 1])
    names = ("ring_offsets", "polygon_offsets", "geometry_offsets")
    offsets = tuple(data[f"{prefix}_{n}"] for n in names if f"{prefix}_{n}" in data)
    geoms: NDArray[np.object_] = shapely.from_ragged_array(kind, coords, offsets)
    return geoms


def _read(path: Path) -> _Shapes:
    """Read the shapes file and build the lookup tables (no spatial index yet)."""
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        keys = [str(k) for k in data["country_keys"]]
        names = [str(n) for n in data["country_names"]]
        countries = decode_ragged(data, "country", shapely.GeometryType.MULTIPOLYGON, meta)
        land = decode_ragged(data, "land", shapely.GeometryType.POLYGON, meta)
    parts, index = shapely.get_parts(countries, return_index=True)
    key_array = np.asarray(keys)
    return _Shapes(
        meta=meta,
        countries=dict(zip(keys, countries, strict=True)),
        names=dict(zip(keys, names, strict=True)),
        parts=parts,
        part_keys=key_array[index],
        land=land,
    )


def _load() -> _Shapes:
    """Return the shapes, reading the file on first use (once, even across threads)."""
    global _shapes
    if _shapes is None:
        with _lock:
            if _shapes is None:
                _shapes = _read(DATA_FILE)
    return _shapes


def _key(code: str) -> str:
    """Normalise a country key: ISO codes are upper case, ``NE:`` keys are kept."""
    code = code.strip()
    return code if code.startswith("NE:") else code.upper()


def _wrap_lon(lon: float) -> float:
    """Bring a longitude into [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def source_info() -> dict[str, Any]:
    """Return the data file's provenance: source, version, licence, grid."""
    return dict(_load().meta)


def country_keys() -> tuple[str, ...]:
    """Return every country key in the file, sorted (ISO codes and ``NE:`` keys)."""
    return tuple(sorted(_load().countries))


def country_shape(iso2: str) -> BaseGeometry | None:
    """Return the (multi)polygon of a country, or ``None`` for an unknown code.

    ``None`` too for the few specks too small for the data's grid (Vatican
    City), which Natural Earth's 1:10m TopoJSON keeps only as a name.

    Examples
    --------
    >>> country_shape("sy").contains(shapely.Point(35.79, 35.53))  # Latakia
    True
    >>> country_shape("ZZ") is None
    True
    """
    shape: BaseGeometry | None = _load().countries.get(_key(iso2))
    return None if shape is None or shape.is_empty else shape


def country_name(iso2: str) -> str | None:
    """Return Natural Earth's short name of a country (``"Syria"``), or ``None``."""
    return _load().names.get(_key(iso2))


def country_at(lat: float, lon: float, *, iso_only: bool = True) -> str | None:
    """Return the key of the country whose polygon contains the point.

    Returns ``None`` at sea. With ``iso_only`` (the default) only ISO alpha-2
    codes are returned, so a point in an area Natural Earth shows without an
    ISO code (``NE:Somaliland``) gives ``None``; pass ``iso_only=False`` to get
    those keys too. A point exactly on a border goes to the country that sorts
    first.

    Examples
    --------
    >>> country_at(33.51, 36.29)  # Damascus
    'SY'
    >>> country_at(34.0, 33.0) is None  # the sea between Cyprus and Lebanon
    True
    """
    shapes = _load()
    lon = _wrap_lon(lon)
    hits = shapes.part_tree.query(shapely.Point(lon, lat))
    found = sorted(
        str(shapes.part_keys[i]) for i in hits if shapely.intersects_xy(shapes.parts[i], lon, lat)
    )
    if iso_only:
        found = [k for k in found if not k.startswith("NE:")]
    return found[0] if found else None


def is_sea(lat: float, lon: float) -> bool:
    """Return True when the point lies on no land (sea, ocean or the Caspian).

    Examples
    --------
    >>> is_sea(35.0, 20.0)  # the Ionian Sea
    True
    >>> is_sea(33.51, 36.29)  # Damascus
    False
    """
    shapes = _load()
    lon = _wrap_lon(lon)
    hits = shapes.land_tree.query(shapely.Point(lon, lat))
    return not any(shapely.intersects_xy(shapes.land[i], lon, lat) for i in hits)


def land_in_box(
    min_lon: float,
    min_lat: float,
    max_lon: float,
    max_lat: float,
    *,
    country: str | None = None,
) -> MultiPolygon:
    """Return the land inside a lon/lat box, as one (possibly empty) MultiPolygon.

    With ``country`` (a key as for :func:`country_shape`) only that country's
    land. The box may run past ±180° of longitude (``170 .. 190``); the land
    then comes back in the box's own frame, so the result is continuous across
    the antimeridian. Latitudes are clamped to ±90°.
    """
    shapes = _load()
    if country is None:
        polys, tree = shapes.land, shapes.land_tree
    else:
        polys, tree = shapes.parts, shapes.part_tree
        wanted = _key(country)
    min_lat, max_lat = max(min_lat, -90.0), min(max_lat, 90.0)
    if max_lon - min_lon >= 360.0:
        min_lon, max_lon = -180.0, 180.0
    pieces: list[Polygon] = []
    crossed = False
    # The box, shifted by whole turns, meets the data's [-180, 180] frame here.
    for shift in (-360.0, 0.0, 360.0):
        lo, hi = max(min_lon + shift, -180.0), min(max_lon + shift, 180.0)
        if lo >= hi:
            continue
        for i in tree.query(shapely.box(lo, min_lat, hi, max_lat)):
            if country is not None and shapes.part_keys[i] != wanted:
                continue
            piece = _clip(polys[i], lo, min_lat, hi, max_lat)
            if shift:
                piece = shapely.transform(piece, lambda c, s=shift: c - [s, 0.0])
                crossed = True
            pieces.extend(p for p in shapely.get_parts(piece) if p.geom_type == "Polygon")
    pieces = [p for p in pieces if not p.is_empty]
    if crossed:
        pieces = _dissolve_seams(pieces, min_lon, max_lon)
    return MultiPolygon(pieces)


def _dissolve_seams(pieces: list[Polygon], min_lon: float, max_lon: float) -> list[Polygon]:
    """Merge the pieces that meet along ±180° inside a box that crosses it."""
    seams = [x for x in (-180.0, 180.0) if min_lon < x < max_lon]
    bounds = shapely.bounds(np.asarray(pieces, dtype=object)) if pieces else np.empty((0, 4))
    on_seam = np.zeros(len(pieces), dtype=bool)
    for x in seams:
        on_seam |= (bounds[:, 0] <= x) & (bounds[:, 2] >= x)
    if not on_seam.any():
        return pieces
    merged = shapely.union_all([p for p, s in zip(pieces, on_seam, strict=True) if s])
    rest = [p for p, s in zip(pieces, on_seam, strict=True) if not s]
    return rest + [p for p in shapely.get_parts(merged) if p.geom_type == "Polygon"]


def _clip(
    poly: BaseGeometry, min_lon: float, min_lat: float, max_lon: float, max_lat: float
) -> BaseGeometry:
    """Clip a land polygon to a box, quickly, returning only its polygons."""
    bx0, by0, bx1, by1 = poly.bounds
    if bx0 >= min_lon and by0 >= min_lat and bx1 <= max_lon and by1 <= max_lat:
        return poly
    clipped = shapely.clip_by_rect(poly, min_lon, min_lat, max_lon, max_lat)
    if not clipped.is_valid:  # clip_by_rect is fast but does not promise validity
        clipped = shapely.intersection(poly, shapely.box(min_lon, min_lat, max_lon, max_lat))
    return clipped


def land_near(
    lon: float, lat: float, radius_km: float, *, country: str | None = None
) -> MultiPolygon:
    """Return the land within a box reaching ``radius_km`` around a point.

    The box is at least ``radius_km`` from the point in every direction (it
    is cut in degrees, wider in longitude away from the equator; near a pole it
    takes every longitude). Longitudes are continuous around ``lon``, see
    :func:`land_in_box`, which also explains ``country``. Note the argument
    order: x (lon) first, as in shapely.

    Examples
    --------
    >>> land = land_near(35.79, 35.53, 20)  # around Latakia
    >>> land.contains(shapely.Point(35.79, 35.53)), land.contains(shapely.Point(35.6, 35.53))
    (True, False)
    """
    # A degree of latitude is 110.6-111.7 km: take the shorter, plus a margin.
    dlat = radius_km / 110.0 + 0.01
    south, north = lat - dlat, lat + dlat
    if south <= -90.0 or north >= 90.0:
        return land_in_box(-180.0, south, 180.0, north, country=country)
    coslat = min(np.cos(np.radians(south)), np.cos(np.radians(north)))
    dlon = radius_km / (KM_PER_DEGREE * coslat) + 0.01
    if dlon >= 180.0:
        return land_in_box(-180.0, south, 180.0, north, country=country)
    return land_in_box(lon - dlon, south, lon + dlon, north, country=country)
