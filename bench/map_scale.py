"""How the map scales: page size, build time and time until interactive.

Makes synthetic event sets (1k, 10k, 100k events by default) entirely in this
script: random points on land (by :mod:`geo.shapes`) in a box of about 40° by
25°, invented place names, and sentences assembled from a small word list. No
text comes from any real article. Each set is drawn with
:func:`eventmap.map.render.render_html`, written to a temporary folder and opened
in headless Chromium with Playwright, with the network cut off; "interactive"
is the time from navigation until the page sets ``window.eventmapReady`` (every
layer drawn and clustered, controls in place), the median of ``--repeat``
loads, measured by the wall clock and by the page itself.

Shape of the data, roughly what a large news corpus gives: about one place per
five events (places recur), two events per sentence, ten sentences per
article, a quarter of the places vague (with a radius), a third of the
sentences with a date of their own, the rest dated by their article.

Run: ``python bench/map_scale.py [--sizes 1000 10000 100000] [--no-browser]``
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from shapely.geometry import Point

from eventmap.map.render import render_html
from eventmap.map.snapshot import CHROMIUM_ARGS, find_chromium
from geo import shapes
from geo.types import Place, Precision
from layers.types import Citation, Event, LayerDefinition

LAYERS = (
    LayerDefinition(id="airspace", title="Airspace", color="#9467bd", order=1),
    LayerDefinition(id="strike_sites", title="Strike sites", color="#d62728", order=2),
    LayerDefinition(id="shootdown_area", title="Aircraft lost", color="#ff7f0e", order=3),
    LayerDefinition(id="meetings", title="Meetings", color="#2ca02c", order=4),
    LayerDefinition(id="places", title="Other places", color="#1f77b4", order=5, default=True),
)
LAYER_WEIGHTS = (0.08, 0.22, 0.05, 0.15, 0.50)
BOX = (10.0, 25.0, 50.0, 50.0)  # min lon, min lat, max lon, max lat
SYLLABLES = ("al", "bor", "ca", "den", "esh", "far", "gol", "hin", "ist", "jor", "kel", "lum")
SUBJECTS = ("Officials", "Witnesses", "A spokesman", "Local crews", "Residents", "Observers")
VERBS = ("reported shelling near", "met envoys in", "saw aircraft over", "described damage in")
TAILS = ("late on Tuesday", "after a long delay", "according to two sources", "before dawn")


def _land_point(rng: random.Random) -> tuple[float, float]:
    min_lon, min_lat, max_lon, max_lat = BOX
    while True:
        lat, lon = rng.uniform(min_lat, max_lat), rng.uniform(min_lon, max_lon)
        if not shapes.is_sea(lat, lon):
            return lat, lon


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic_events(n_events: int, *, seed: int = 7) -> list[Event]:
    """``n_events`` made-up events (see the module docstring for their shape)."""
    rng = random.Random(seed)
    places = []
    for i in range(max(n_events // 5, 20)):
        lat, lon = _land_point(rng)
        vague = rng.random() < 0.25
        places.append(
            Place(
                gazetteer_id=f"syn:{i}",
                name=f"{_name(rng)} {i}",
                country="QX",
                feature="city",
                geometry=Point(lon, lat),
                lat=lat,
                lon=lon,
                precision=Precision.NEAR if vague else Precision.EXACT,
                radius_km=round(rng.uniform(5, 40), 1) if vague else None,
                confidence=round(rng.uniform(0.5, 1.0), 2),
                reason="largest place of that name",
            )
        )
    events: list[Event] = []
    start = date(2019, 1, 1)
    article = 0
    while len(events) < n_events:
        article += 1
        day = start + timedelta(days=rng.randrange(4 * 365))
        offset = 0
        for _ in range(10):
            where = rng.sample(places, 2)
            subject, verb, tail = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(TAILS)
            sentence = f"{subject} {verb} {where[0].name} and {where[1].name} {tail}."
            own = rng.random() < 0.33
            when = (day - timedelta(days=rng.randrange(1, 8))) if own else day
            for place in where:
                at = offset + sentence.index(place.name)
                citation = Citation(
                    article=f"synthetic/{article:06d}.txt",
                    title=f"Report number {article}",
                    date=day.isoformat(),
                    quote=sentence,
                    quote_start=offset,
                    start=at,
                    end=at + len(place.name),
                    mention=place.name,
                )
                events.append(
                    Event(
                        layer=rng.choices([d.id for d in LAYERS], LAYER_WEIGHTS)[0],
                        place=place,
                        citation=citation,
                        confidence=round(rng.uniform(0.4, 1.0), 2),
                        date=when.isoformat(),
                        date_source="sentence" if own else "article",
                    )
                )
            offset += len(sentence) + 1
    return events[:n_events]


def time_to_interactive(page_file: Path) -> tuple[float, float]:
    """Seconds from navigation until ``window.eventmapReady``: (wall clock, in-page)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.add_init_script("addEventListener('error', () => { window.eventmapFailed = true; })")
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        started = time.perf_counter()
        page.goto(page_file.as_uri(), wait_until="commit", timeout=120_000)
        page.wait_for_function(
            "window.eventmapReady === true || window.eventmapFailed === true",
            timeout=120_000,
            polling=20,
        )
        if errors:
            raise RuntimeError(f"the page failed: {errors}")
        wall = time.perf_counter() - started
        in_page = page.evaluate("window.eventmapReadyAt") / 1000.0
        browser.close()
    return wall, in_page


def main() -> None:
    """Build each size, print one table row per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=3, help="page loads per size; the median is shown"
    )
    args = parser.parse_args()
    browser = not args.no_browser and shutil.which("chromium") is not None
    print("| events | places | HTML size | build time | interactive (wall / in page) |")
    print("|-------:|-------:|----------:|-----------:|-----------------------------:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            events = synthetic_events(size)
            started = time.perf_counter()
            page = render_html(events, LAYERS, title=f"{size} synthetic events")
            build = time.perf_counter() - started
            path = Path(tmp) / f"map-{size}.html"
            path.write_text(page, encoding="utf-8")
            megabytes = path.stat().st_size / 1e6
            places = len({e.place.gazetteer_id for e in events})
            ready = "n/a"
            if browser:
                runs = sorted(time_to_interactive(path) for _ in range(max(args.repeat, 1)))
                wall, in_page = runs[len(runs) // 2]
                ready = f"{wall:.2f} s / {in_page:.2f} s"
            print(f"| {size:,} | {places:,} | {megabytes:.1f} MB | {build:.1f} s | {ready} |")


if __name__ == "__main__":
    main()
