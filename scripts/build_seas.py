"""Build ``geo/data/curated_seas.npz``: the curated seas, gulfs and straits less the land.

The curated outlines (``geo/data/curated_places.csv``) are simple polygons
that cover the coasts around a sea. This script cuts each outline of a salt
water kind (``geo.seas.SEA_FEATURES``) by the Natural Earth land once, with
``geo.seas.clip_to_sea``, and stores the water in the layout of
``naturalearth_10m.npz`` (see ``scripts/build_shapes.py``) on that file's own
grid, with a digest of the outline each was cut from. Needs nothing but the
repository; rerun it after editing a sea's outline::

    python scripts/build_seas.py [--out geo/data/curated_seas.npz]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_shapes import encode

from geo import shapes
from geo.seas import SEA_FEATURES, clip_to_sea, wkt_digest

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "geo" / "data" / "curated_places.csv"
DEFAULT_OUT = ROOT / "geo" / "data" / "curated_seas.npz"


def build(out: Path) -> None:
    """Cut every curated salt-water outline by the land and write the file ``out``."""
    with CURATED.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] in SEA_FEATURES and r["wkt"]]
    keys, digests, geoms = [], [], []
    meta = shapes.source_info()
    scale, translate = np.asarray(meta["scale"]), np.asarray(meta["translate"])
    for row in sorted(rows, key=lambda r: r["id"]):
        water = clip_to_sea(row["wkt"])
        outline = shapely.from_wkt(row["wkt"])
        print(
            f"{row['id']}: {shapely.area(water) / outline.area:.0%} of the outline is water, "
            f"{shapely.get_num_coordinates(water)} vertices",
            file=sys.stderr,
        )
        keys.append(row["id"])
        digests.append(wkt_digest(row["wkt"]))
        geoms.append(shapely.transform(water, lambda c: (c - translate) / scale))
    file_meta = {
        "source": "geo/data/curated_places.csv less Natural Earth land (naturalearth_10m.npz)",
        "license": "curated outlines: MIT (this project); Natural Earth: public domain",
        "scale": meta["scale"],
        "translate": meta["translate"],
        "builder": "scripts/build_seas.py",
    }
    arrays: dict[str, np.ndarray] = {
        "meta": np.asarray(json.dumps(file_meta)),
        "sea_keys": np.asarray(keys),
        "sea_digests": np.asarray(digests),
    }
    arrays.update(encode(geoms, "sea"))
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    print(f"wrote {out}: {out.stat().st_size / 1e6:.2f} MB, {len(keys)} seas", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and build the file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the .npz")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    build(args.out)
    print(f"done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
