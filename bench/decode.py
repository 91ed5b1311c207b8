"""Reading and decoding cached events records: the cost of a rebuild with nothing to process.

Usage: ``python bench/decode.py [--n 10000] [--events 30] [--runs 3]``

An incremental rebuild of a large corpus spends most of its time looking
every article's events record up in the build cache and decoding it
(bench/README.md, "Incremental rebuilds"). This measures that step alone, in
one process, without spaCy or a corpus build: ``--n`` synthetic events
records (``--events`` events each, about as many as the synthetic corpus
gives, on places drawn from a pool of 400, a few with large outlines stored
as blobs) are encoded with :mod:`eventmap.build.records` and stored with
:class:`eventmap.build.cache.ArticleCache`; then each run reads every record back
(``get``: header, checksum, inflate, JSON) and decodes it (``decode_events``)
the way :mod:`eventmap.build.run` does, sharing one :class:`PlaceInterner`.
The best of ``--runs`` is reported.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import shapely
from shapely.geometry import Point

from eventmap.build.cache import ArticleCache
from eventmap.build.records import (
    GeometryEncoder,
    PlaceInterner,
    decode_events,
    encode_events,
    encode_resolved,
    geometry_refs,
)
from geo.types import Alternative, Mention, MentionKind, Place, Precision, Resolved
from layers.types import Citation, Event

LAYERS = ("places", "strikes", "shootdown_area", "talks", "floods")


def _pool(size: int, rng: random.Random) -> list[Place]:
    places = []
    for i in range(size):
        lat, lon = rng.uniform(-60, 70), rng.uniform(-170, 170)
        big = i % 40 == 0
        geometry = Point(lon, lat).buffer(2.0, quad_segs=64) if big else Point(lon, lat)
        places.append(
            Place(
                gazetteer_id=f"bench:{i}",
                name=f"Place {i}",
                country="XX",
                feature="country" if big else "city",
                geometry=geometry,
                lat=lat,
                lon=lon,
                precision=Precision.COUNTRY if big else Precision.EXACT,
                radius_km=rng.uniform(1, 500),
                confidence=rng.random(),
                source="bench",
                alternatives=(Alternative(f"bench:alt{i}", "Alt", None, lat + 1, lon, 0.1, "x"),),
                reason="the only match",
            )
        )
    return places


def _article(n: int, pool: list[Place], events: int, rng: random.Random) -> tuple[dict, set[str]]:
    """One article's events record, as the worker writes it, and its blobs."""
    chosen = rng.sample(pool, 8)
    resolved = [
        Resolved(Mention(i * 10, i * 10 + 6, p.name, MentionKind.TOPONYM, p.name, 0, 6, "GPE"), p)
        for i, p in enumerate(chosen)
    ]
    geometries = GeometryEncoder()
    _, by_id = encode_resolved(resolved, geometries=geometries)
    found = []
    for k in range(events):
        place = chosen[k % len(chosen)]
        found.append(
            Event(
                layer=LAYERS[k % len(LAYERS)],
                place=place,
                citation=Citation(
                    f"article-{n}.md",
                    f"Title {n}",
                    "2024-05-06",
                    f"Rockets struck {place.name} overnight, officials said ({k}).",
                    k * 80,
                    k * 80 + 15,
                    k * 80 + 15 + len(place.name),
                    place.name,
                    f"https://news.test/{n}",
                    event_date=("2024-05-05", "sentence"),
                    event_type="strike",
                    trigger="struck",
                    trigger_start=k * 80 + 8,
                    trigger_end=k * 80 + 14,
                ),
                confidence=rng.random(),
                trigger="struck",
                date="2024-05-05",
                date_source="sentence",
            )
        )
    record = encode_events(found, places=by_id)
    blobs = geometries.blobs
    return record, set(blobs)


def main() -> None:
    """Write the records, then time reading and decoding them."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--events", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    pool = _pool(400, rng)
    with tempfile.TemporaryDirectory(prefix="eventmap-decode-") as tmp:
        cache = ArticleCache(Path(tmp))
        cache.prepare()
        encoder = GeometryEncoder()
        for place in pool:
            encoder.encode(place.geometry)
        for ref, wkb in encoder.blobs.items():
            cache.put_geometry(ref, wkb)
        keys = []
        start = time.perf_counter()
        for n in range(args.n):
            record, refs = _article(n, pool, args.events, rng)
            key = f"{n:064x}"
            cache.put("events", key, record, refs=refs | geometry_refs(record))
            keys.append(key)
        write_s = time.perf_counter() - start
        best_get = best_decode = float("inf")
        for _ in range(args.runs):
            geometries: dict[str, object] = {}

            def resolve(ref: str, seen: dict[str, object] = geometries) -> object:
                if ref not in seen:
                    seen[ref] = shapely.from_wkb(cache.get_geometry(ref))
                return seen[ref]

            interner = PlaceInterner(resolve)  # type: ignore[arg-type]
            get_s = decode_s = 0.0
            total = 0
            for key in keys:
                t0 = time.perf_counter()
                record = cache.get("events", key)
                t1 = time.perf_counter()
                total += len(decode_events(record, places=interner))
                decode_s += time.perf_counter() - t1
                get_s += t1 - t0
            best_get, best_decode = min(best_get, get_s), min(best_decode, decode_s)
        print(f"{args.n:,} records, {total:,} events (encode and write: {write_s:.1f} s)")
        print("| records | read and check s | decode s | total s |")
        print("|---:|---:|---:|---:|")
        print(f"| {args.n:,} | {best_get:.2f} | {best_decode:.2f} | {best_get + best_decode:.2f} |")


if __name__ == "__main__":
    main()
