"""Named seas, gulfs and straits as water only: the curated outlines less the land.

The curated table (``geo/data/curated_places.csv``) draws a sea as a simple
polygon of 8-30 vertices, which covers the coasts around it: the
Mediterranean's outline covers Italy and the Balkans, the Gulf of Oman's
covers northern Oman. A map that shades Rome as "Mediterranean Sea" is wrong
to any reader, so each such outline is cut by the Natural Earth land
(:mod:`geo.shapes`) once, by ``scripts/build_seas.py``, into
``geo/data/curated_seas.npz``, keyed by the curated id and stamped with a
digest of the outline it was cut from. At run time a stored shape is used only
when its digest matches the curated outline; an outline edited since is cut
again in the process (well under a second) until the file is rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely import wkt as shapely_wkt
from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from geo import shapes

__all__ = [
    "DATA_FILE",
    "MIN_PIECE_KM2",
    "SEA_FEATURES",
    "clip_to_sea",
    "sea_shape",
    "stored_keys",
    "wkt_digest",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "curated_seas.npz"
"""The shipped clipped seas (built by ``scripts/build_seas.py``)."""

SEA_FEATURES = frozenset({"sea", "gulf", "strait", "bay", "channel"})
"""Curated kinds that are salt water, cut by the land. Lakes and rivers are
not: Natural Earth's land covers them (all but the Caspian)."""

MIN_PIECE_KM2 = 2.0
"""Pieces of water smaller than this left by the cut (a lagoon behind a
spit, a sliver between outline and coast) are dropped."""

_KM_PER_DEGREE = 111.32
_CURATED_PREFIX = "curated:"

_lock = threading.Lock()
_stored: dict[str, tuple[str, BaseGeometry]] | None = None


def wkt_digest(wkt: str) -> str:
    """A short digest of a curated outline: a stored cut is valid for this outline only."""
    return hashlib.sha256(wkt.strip().encode()).hexdigest()[:16]


def clip_to_sea(wkt: str) -> MultiPolygon:
    """Cut a curated outline by the land, keeping the water, snapped to the land's grid.

    Vertices are snapped to the grid of the Natural Earth file (a few hundred
    metres), where the coastline's own vertices already lie, so the result
    never reaches more than one grid step onto land.
    """
    outline = shapely_wkt.loads(wkt)
    land = shapes.land_in_box(*outline.bounds)
    water = shapely.difference(outline, land)
    meta = shapes.source_info()
    scale, translate = np.asarray(meta["scale"]), np.asarray(meta["translate"])
    on_grid = shapely.transform(water, lambda c: (c - translate) / scale)
    snapped = shapely.make_valid(shapely.set_precision(on_grid, 1.0))
    back = shapely.transform(snapped, lambda c: c * scale + translate)
    cosine = max(0.1, float(np.cos(np.radians(outline.centroid.y))))
    min_area = MIN_PIECE_KM2 / (_KM_PER_DEGREE * _KM_PER_DEGREE * cosine)
    pieces = [
        p
        for p in shapely.get_parts(shapely.get_parts(back))
        if p.geom_type == "Polygon" and p.area >= min_area
    ]
    return MultiPolygon(pieces)


def _read(path: Path) -> dict[str, tuple[str, BaseGeometry]]:
    if not path.exists():
        return {}
    with np.load(path, allow_pickle=False) as data:
        meta: dict[str, Any] = json.loads(str(data["meta"]))
        keys = [str(k) for k in data["sea_keys"]]
        digests = [str(d) for d in data["sea_digests"]]
        geoms = shapes.decode_ragged(data, "sea", shapely.GeometryType.MULTIPOLYGON, meta)
    return {k: (d, g) for k, d, g in zip(keys, digests, geoms, strict=True)}


def _load() -> dict[str, tuple[str, BaseGeometry]]:
    global _stored
    if _stored is None:
        with _lock:
            if _stored is None:
                _stored = _read(DATA_FILE)
    return _stored


def stored_keys() -> dict[str, str]:
    """The curated ids in the shipped file, with the outline digest each was cut from."""
    return {key: digest for key, (digest, _) in _load().items()}


@functools.lru_cache(maxsize=128)
def _clip_cached(wkt: str) -> MultiPolygon:
    return clip_to_sea(wkt)


def sea_shape(gazetteer_id: str, wkt: str) -> BaseGeometry | None:
    """The water of a curated sea, gulf or strait: its outline less the land.

    ``None`` when no water is left (an outline drawn wholly on land).

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> med = sea_shape("curated:sea-mediterranean", "POLYGON((5 35, 25 35, 25 45, 5 45, 5 35))")
    >>> med.contains(Point(12.5, 41.9)), med.contains(Point(12.0, 39.0))  # Rome, the sea
    (False, True)
    """
    key = gazetteer_id.removeprefix(_CURATED_PREFIX)
    stored = _load().get(key)
    fresh = stored is not None and stored[0] == wkt_digest(wkt)
    shape = stored[1] if stored is not None and fresh else _clip_cached(wkt)
    return None if shape.is_empty else shape
