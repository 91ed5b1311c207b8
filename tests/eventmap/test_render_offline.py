"""The map page needs no network: Leaflet inline, no CDN, and a base map of its own.

Place names and sentences here are made up. Their coordinates are real points on
land around the North Sea and the Baltic, so that the base map has coasts and
borders to draw; nothing here depends on which country they are in.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import folium
import numpy as np
import pytest
import shapely
import shapely.geometry
import shapely.ops
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

import eventmap.map.basemap as basemap
import eventmap.map.render as render
from eventmap.map.render import OfflineMap, build_map, render_html
from eventmap.map.snapshot import CHROMIUM_ARGS
from geo import shapes
from geo.types import Place, Precision
from layers.types import Citation, Event, LayerDefinition

DEFS = (
    LayerDefinition(id="strike_sites", title="Strike sites", color="#d62728", order=2),
    LayerDefinition(id="places", title="Places", color="#1f77b4", order=5),
)

# (name, lat, lon): invented names at real inland points.
SPOTS = [
    ("Almora", 52.37, 4.90),
    ("Brisk", 53.55, 9.99),
    ("Corvath", 55.68, 12.57),
    ("Dunmere", 51.22, 6.78),
    ("Eskby", 50.85, 4.35),
    ("Fennick", 53.08, 8.80),
    ("Gaulden", 54.32, 10.13),
    ("Hollin", 52.52, 13.40),
    ("Istow", 51.45, 7.01),
    ("Jarrow Vale", 56.16, 10.21),
]


def place(number: int, name: str, lat: float, lon: float) -> Place:
    return Place(
        gazetteer_id=f"gn:{number}",
        name=name,
        country="QX",
        feature="city",
        geometry=Point(lon, lat),
        lat=lat,
        lon=lon,
        precision=Precision.EXACT,
    )


def event(layer: str, where: Place, number: int) -> Event:
    sentence = f"Crews worked through the night in {where.name} after the storm."
    start = 100 * number + sentence.index(where.name)
    citation = Citation(
        article=f"wire/{number}.txt",
        title="Storm night",
        date="2022-01-02",
        quote=sentence,
        quote_start=100 * number,
        start=start,
        end=start + len(where.name),
        mention=where.name,
    )
    return Event(layer=layer, place=where, citation=citation, confidence=0.8)


def ten_events() -> list[Event]:
    places = [place(i, *spot) for i, spot in enumerate(SPOTS)]
    events = [event("places", p, i) for i, p in enumerate(places)]
    events += [event("strike_sites", p, i) for i, p in enumerate(places[:3])]
    return events


@pytest.fixture(scope="module")
def ten_map() -> folium.Map:
    return build_map(ten_events(), DEFS, title="Ten places")


@pytest.fixture(scope="module")
def ten_page(ten_map: folium.Map) -> str:
    return ten_map.get_root().render()


# --- reading pages ------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class PageParser(HTMLParser):
    """Collect every element with its attributes, where it sits, and script/style text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.texts: list[tuple[str, dict[str, str | None], str]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        path = tuple(t for t, _ in self.stack)
        self.elements.append((tag, attributes, path))
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), tuple(t for t, _ in self.stack)))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] in ("script", "style"):
            tag, attributes = self.stack[-1]
            self.texts.append((tag, attributes, data))


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


INLINED = re.compile(
    r'<script id="eventmap-[a-z-]+-js">.*?</script>|<style id="eventmap-[a-z-]*css">.*?</style>',
    re.S,
)


def own_code(page: str) -> str:
    """The page without the inlined libraries: what the renderer itself wrote."""
    return INLINED.sub("", page)


def page_data(page: str) -> dict:
    [text] = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', page, re.S)
    return json.loads(text)


URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def pages() -> dict[str, str]:
    return {
        "ten places": render_html(ten_events(), DEFS, title="Ten places"),
        "empty": render_html([], DEFS, title="Nothing"),
    }


# --- no network -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ten places", "empty"])
def test_page_loads_no_script_style_or_image_from_anywhere(name: str) -> None:
    page = pages()[name]
    parsed = parse(page)
    scripts = [attrs for tag, attrs, _ in parsed.elements if tag == "script"]
    assert scripts and all("src" not in attrs for attrs in scripts)
    assert [tag for tag, _, _ in parsed.elements if tag in ("link", "img", "iframe", "embed")] == []
    for tag, attrs, _ in parsed.elements:
        for key in ("src", "href", "data", "poster"):
            value = attrs.get(key)
            assert value is None or not URL.match(value), (tag, key, value)
    for tag, _, text in parsed.texts:
        if tag == "style":
            assert "@import" not in text
            assert not re.search(r"url\(\s*['\"]?\s*(?:[a-z]+:)?//", text, re.I)
    code = own_code(page)
    assert "$.ajax" not in code and "fetch(" not in code and "XMLHttpRequest" not in code
    assert "https://" not in code.replace("https://leafletjs.com", "")


def test_page_needs_no_jquery(ten_page: str) -> None:
    assert "jquery" not in ten_page.lower()
    assert "$(" not in own_code(ten_page)
    layers = page_data(ten_page)["layers"]
    assert sum(len(layer["items"]) for layer in layers) == 13  # one per (layer, place)


def test_markercluster_and_runtime_are_inlined_once(ten_page: str) -> None:
    parsed = parse(ten_page)
    ids = [attrs.get("id") for tag, attrs, _ in parsed.elements if tag in ("script", "style")]
    assert ids[:5] == [
        "eventmap-leaflet-js",
        "eventmap-markercluster-js",
        "eventmap-runtime-js",
        "eventmap-leaflet-css",
        "eventmap-css",
    ]
    texts = {attrs.get("id"): text for _, attrs, text in parsed.texts if attrs.get("id")}
    vendored = files("eventmap.map").joinpath("assets", "leaflet.markercluster.js")
    expected = vendored.read_text(encoding="utf-8").split("//# sourceMappingURL=")[0].strip()
    assert texts["eventmap-markercluster-js"].strip() == expected
    assert ".marker-cluster" in texts["eventmap-leaflet-css"]
    assert "window.eventmapMount" in texts["eventmap-runtime-js"]


def test_leaflet_is_inlined_first_in_the_head(ten_page: str) -> None:
    parsed = parse(ten_page)
    scripts = [(attrs, path) for tag, attrs, path in parsed.elements if tag == "script"]
    first_attrs, first_path = scripts[0]
    assert first_attrs.get("id") == "eventmap-leaflet-js" and "head" in first_path
    texts = {attrs.get("id"): text for _, attrs, text in parsed.texts if attrs.get("id")}
    js, css = texts["eventmap-leaflet-js"], texts["eventmap-leaflet-css"]
    assert "Leaflet 1.9.4" in js and 't.version="1.9.4"' in js and "window.L=t" in js
    assert "sourceMappingURL" not in js
    vendored = files("eventmap.map").joinpath("assets", "leaflet.js").read_text(encoding="utf-8")
    assert js.strip() == vendored.split("//# sourceMappingURL=")[0].strip()
    assert ".leaflet-container" in css and ".leaflet-popup-content" in css
    # Once each, and the map's own script (last, after the body) starts Leaflet.
    assert ten_page.count('id="eventmap-leaflet-js"') == 1
    assert ten_page.count('id="eventmap-leaflet-css"') == 1
    assert re.search(r"var map_\d+ = L\.map\(", [t for tg, a, t in parsed.texts][-1])


def test_rendering_twice_inlines_leaflet_once() -> None:
    fmap = build_map([], DEFS)
    fmap.get_root().render()
    again = fmap.get_root().render()
    assert again.count('id="eventmap-leaflet-js"') == 1
    assert again.count('id="eventmap-leaflet-css"') == 1


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('a = "</script>";', 'a = "<\\/script>";'),
        ("a = '</SCRIPT >' + '</Script\t';", "a = '<\\/SCRIPT >' + '<\\/Script\t';"),
        ("f(/<\\/script>/); // </script", "f(/<\\/script>/); // <\\/script"),
        ("x = 1;\n//# sourceMappingURL=x.js.map\n", "x = 1;\n"),
        ("x = 1;", "x = 1;"),
    ],
)
def test_inline_script_cannot_end_its_element(code: str, expected: str) -> None:
    out = render._inline_script(code, name="t.js")
    assert out == expected
    parsed = parse(f"<script>{out}</script><p>after</p>")
    assert [t for tag, _, t in parsed.texts if tag == "script"] == [out]
    assert [tag for tag, _, _ in parsed.elements] == ["script", "p"]


@pytest.mark.parametrize("code", ['s = "<!-- x";', 's = "<script>";', "s = '<SCRIPT';"])
def test_inline_script_refuses_what_it_cannot_rewrite(code: str) -> None:
    with pytest.raises(ValueError, match="cannot be inlined"):
        render._inline_script(code, name="t.js")


def test_inline_style_refuses_a_closing_tag() -> None:
    assert render._inline_style("a{b:c}", name="t.css") == "a{b:c}"
    with pytest.raises(ValueError, match="cannot be inlined"):
        render._inline_style("a{content:'</STYLE>'}", name="t.css")


def test_offline_map_has_its_own_empty_asset_lists() -> None:
    folium_lists = (list(folium.Map.default_js), list(folium.Map.default_css))
    one, two = OfflineMap(tiles=None), OfflineMap(tiles=None)
    assert one.default_js == [] and one.default_css == []
    assert one.default_js is not two.default_js is not folium.Map.default_js
    one.add_js_link("extra", "extra.js")
    assert two.default_js == []
    assert (list(folium.Map.default_js), list(folium.Map.default_css)) == folium_lists
    assert folium_lists[0], "folium's own defaults are still there for plain maps"


def test_sea_colour_overrides_leaflets_grey(ten_page: str) -> None:
    rule = re.search(r"\.folium-map\.leaflet-container\{background:(#[0-9a-f]{6})\}", ten_page)
    assert rule is not None and rule[1] != "#ddd"
    assert ten_page.index(rule[0]) > ten_page.index('id="eventmap-leaflet-css"')


# --- the base map -----------------------------------------------------------------


def base_layers(fmap: folium.Map) -> list[dict]:
    """The base map's entries ({"feature", "style"}) in the map's data."""
    [layers] = [c for c in fmap._children.values() if hasattr(c, "data")]
    return layers.data["base"]


def geometry(entry: dict) -> BaseGeometry:
    return shapely.geometry.shape(entry["feature"]["geometry"])


def kind(entry: dict) -> str:
    return entry["feature"]["geometry"]["type"]


def test_base_is_data_drawn_under_the_events(ten_map: folium.Map, ten_page: str) -> None:
    layers = base_layers(ten_map)
    assert len(layers) >= 2
    # Land first (filled, no outline), then borders (lines, no fill).
    kinds = [kind(e) for e in layers]
    assert kinds == sorted(kinds, key=lambda k: k != "MultiPolygon")
    assert all(e["style"]["fill"] is False for e in layers if kind(e) == "MultiLineString")
    # The runtime draws it in a pane of its own, below Leaflet's overlay pane (400).
    runtime = files("eventmap.map").joinpath("assets", "eventmap.js").read_text(encoding="utf-8")
    pane = re.search(r'\["eventmapBase", (\d+), false\]', runtime)
    assert pane is not None and int(pane[1]) < 400
    assert '"Base map"' not in own_code(ten_page)


def test_base_land_matches_the_shapes_around_the_events(ten_map: folium.Map) -> None:
    land = [geometry(g) for g in base_layers(ten_map) if kind(g) == "MultiPolygon"]
    world, region = land
    west, south, east, north = region.bounds
    lats = [lat for _, lat, _ in SPOTS]
    lons = [lon for _, _, lon in SPOTS]
    # Detailed land reaches at least 3° past every event.
    assert south <= min(lats) - 3 and north >= max(lats) + 3
    assert west <= min(lons) - 3 and east >= max(lons) + 3
    # The coarse world fills in the rest but stays out of the detailed region.
    assert world.covers(Point(-50.0, -10.0)) and world.covers(Point(100.0, 60.0))
    inner = shapely.box(west + 0.1, south + 0.1, east - 0.1, north - 0.1)
    assert world.intersection(inner).area < 1e-9
    # Land where the shapes have land and sea where they have sea, away from the coast.
    coast = shapes.land_in_box(west, south, east, north).boundary
    shapely.prepare(region)
    checked = 0
    for lon in np.linspace(west + 0.05, east - 0.05, 41):
        for lat in np.linspace(south + 0.05, north - 0.05, 41):
            point = Point(lon, lat)
            if coast.distance(point) < 0.1:
                continue
            checked += 1
            assert region.covers(point) == (not shapes.is_sea(lat, lon)), (lat, lon)
    assert checked > 1000


def test_base_borders_run_between_countries_not_along_coasts(ten_map: folium.Map) -> None:
    lines = [geometry(g) for g in base_layers(ten_map) if kind(g) == "MultiLineString"]
    borders = shapely.union_all(lines)
    west, south, east, north = geometry(base_layers(ten_map)[1]).bounds
    keys = [
        k
        for k in shapes.country_keys()
        if not shapes.land_in_box(west, south, east, north, country=k).is_empty
    ]
    assert len(keys) >= 5
    # Every land border between two countries in the region is drawn, within a few km.
    for a_index, a in enumerate(keys):
        for b in keys[a_index + 1 :]:
            shared = shapely.intersection(
                shapes.land_in_box(west, south, east, north, country=a).boundary,
                shapes.land_in_box(west, south, east, north, country=b).boundary,
            )
            if shared.length > 1.0:
                assert (
                    shapely.hausdorff_distance(shared, shared.intersection(borders.buffer(0.05)))
                    < 0.2
                )
    # And no coast: far from every border, a long stretch of coastline has no line on it.
    coast = shapes.land_in_box(west, south, east, north).boundary
    on_coast = coast.intersection(borders.buffer(0.01)).length
    assert on_coast < 0.02 * coast.length


@pytest.mark.parametrize("tolerance", [0.01, 0.05, 0.2])
def test_countries_are_simplified_together(tolerance: float) -> None:
    # Two half discs of 10,000 vertices each, meeting along a wavy border.
    disc = Point(0.0, 0.0).buffer(2.0, quad_segs=5000)
    wave = shapely.LineString(
        [(-3.0, 0.0)]
        + [(x, 0.05 * np.sin(8 * x)) for x in np.linspace(-2.5, 2.5, 2001)]
        + [(3.0, 0.0)]
    )
    north, south = sorted(
        shapely.get_parts(shapely.ops.split(disc, wave)), key=lambda p: -p.centroid.y
    )
    land, borders = basemap.land_and_borders([north, south], tolerance=tolerance)
    assert len(shapely.get_coordinates(land)) < 20_000 * min(1.0, 0.5 / (tolerance * 100))
    assert shapely.hausdorff_distance(land, disc) <= 2 * tolerance
    # One polygon, no seam; the border is where the halves meet, not the rim.
    assert len(land.geoms) == 1 and not list(land.geoms[0].interiors)
    border = shapely.intersection(north.boundary, south.boundary)
    assert shapely.hausdorff_distance(borders, border) <= 2 * tolerance
    assert borders.length < 1.2 * border.length


def test_specks_are_left_out_but_not_their_holes() -> None:
    big = shapely.box(0.0, 0.0, 4.0, 4.0).difference(shapely.box(1.0, 1.0, 1.01, 1.01))
    enclave = shapely.box(1.0, 1.0, 1.01, 1.01)  # a tiny country inside a big one
    islet = shapely.box(6.0, 6.0, 6.01, 6.01)
    land, borders = basemap.land_and_borders([big, enclave, islet], tolerance=0.01)
    assert land.equals(shapely.box(0.0, 0.0, 4.0, 4.0))  # no islet, no hole
    # The enclave's border stays drawn (simplified, at this tolerance, to a triangle).
    assert 0.02 < borders.length <= 0.04
    assert enclave.buffer(0.001).covers(borders)


def test_region_base_is_simplified(ten_map: folium.Map) -> None:
    region = geometry(base_layers(ten_map)[1])
    west, south, east, north = region.bounds
    full = shapes.land_in_box(west, south, east, north)
    assert len(shapely.get_coordinates(region)) < len(shapely.get_coordinates(full))
    assert len(shapely.get_coordinates(region)) < 40_000


def test_empty_map_shows_the_whole_world() -> None:
    fmap = build_map([], DEFS)
    layers = base_layers(fmap)
    assert len(layers) == 2  # land and borders, no region
    world = geometry(layers[0])
    for lon, lat in [(-100.0, 40.0), (20.0, 0.0), (135.0, -25.0), (-60.0, -10.0), (100.0, 60.0)]:
        assert world.covers(Point(lon, lat))
    for lon, lat in [(-30.0, 30.0), (80.0, -20.0), (-150.0, 0.0)]:
        assert not world.covers(Point(lon, lat))


def test_small_map_fits_its_budget(ten_page: str) -> None:
    assert len(ten_page.encode("utf-8")) < 800_000
    base = len(json.dumps(page_data(ten_page)["base"]))
    assert base < 450_000


# --- in a browser -----------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class PaneCounter(HTMLParser):
    """Count SVG paths inside each Leaflet pane of a dumped DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.paths: dict[str, int] = {}
        self.map_classes: str = ""
        self.labels: list[str] = []
        self.in_label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if "folium-map" in classes.split():
            self.map_classes = classes
        if tag == "path":
            for pane in self.stack:
                self.paths[pane] = self.paths.get(pane, 0) + 1
        if tag == "label":
            self.in_label = True
            self.labels.append("")
        if tag not in VOID:
            pane = next(
                (c for c in classes.split() if c.endswith("-pane") and c != "leaflet-pane"), ""
            )
            self.stack.append(pane)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label = False
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_label:
            self.labels[-1] += data


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")
def test_page_runs_in_a_browser_with_the_network_cut_off(ten_page: str, tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(ten_page, encoding="utf-8")
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            *CHROMIUM_ARGS,
            # Any host name fails to resolve: a page that needed a CDN would stay blank.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=http://127.0.0.1:9",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1200,800",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    dom = PaneCounter()
    dom.feed(result.stdout)
    assert "leaflet-container" in dom.map_classes.split()
    assert [label.split(" (")[0].strip() for label in dom.labels] == ["Strike sites", "Places"]
    assert dom.paths.get("leaflet-eventmapBase-pane", 0) >= 2  # land and borders
    # One marker per (layer, place): drawn, or counted in a cluster where they crowd.
    clustered = re.findall(
        r'class="[^"]*em-cluster[^"]*"[^>]*><span[^>]*>(\d+)</span>', result.stdout
    )
    assert dom.paths.get("leaflet-eventmapPoints-pane", 0) + sum(map(int, clustered)) == 13


def test_world_base_is_kept_on_disk_and_reused(tmp_path, monkeypatch) -> None:
    import geo.shapes

    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    basemap._world_base.cache_clear()
    land, borders = basemap._world_base(geo.shapes)
    (cached,) = tmp_path.glob("world-base-*.npz")
    basemap._world_base.cache_clear()

    def not_again(*args, **kwargs):
        raise AssertionError("the world base was recomputed instead of read from disk")

    with monkeypatch.context() as patch:
        patch.setattr(basemap, "land_and_borders", not_again)
        again_land, again_borders = basemap._world_base(geo.shapes)
    assert again_land.equals(land) and again_borders.equals(borders)
    cached.write_bytes(b"not a numpy file")  # a corrupt cache is rebuilt, not trusted
    basemap._world_base.cache_clear()
    rebuilt, _ = basemap._world_base(geo.shapes)
    assert rebuilt.equals(land)
    basemap._world_base.cache_clear()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="cut"),
        pytest.param(lambda data: bytes(len(data)), id="zeroed"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[:-40] + bytes(40), id="tail-zeroed"),
    ],
)
def test_a_damaged_base_map_is_rebuilt_and_replaced(tmp_path, monkeypatch, damage) -> None:
    import geo.shapes

    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    box = (35.0, 34.0, 36.5, 36.0)
    land, lines = basemap._region_base(geo.shapes, box, tolerance=0.01)
    (cached,) = tmp_path.glob("region-base-*.npz")
    cached.write_bytes(damage(cached.read_bytes()))
    assert basemap._read_pair(cached) is None
    again_land, again_lines = basemap._region_base(geo.shapes, box, tolerance=0.01)
    assert again_land.equals(land) and again_lines.equals(lines)
    found = basemap._read_pair(cached)  # replaced by a sound file
    assert found is not None and found[0].equals(land)


def test_base_map_temporary_files_of_killed_writers_are_removed(tmp_path, monkeypatch) -> None:
    import geo.shapes
    from geo.stale_files import MIN_AGE_SECONDS

    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    dead = tmp_path / ".base-999999999-0123abcd.npz"
    live = tmp_path / f".base-{os.getpid()}-0123abcd.npz"
    old = time.time() - 2 * MIN_AGE_SECONDS
    for path in (dead, live):
        path.write_bytes(b"PK half a zip")
        os.utime(path, (old, old))
    basemap._region_base(geo.shapes, (35.0, 34.0, 36.5, 36.0), tolerance=0.01)
    assert not dead.exists() and live.exists()


def test_region_base_is_kept_on_disk_and_old_regions_forgotten(tmp_path, monkeypatch) -> None:
    import geo.shapes

    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(basemap, "_REGIONS_KEPT", 2)
    box = (35.0, 34.0, 36.5, 36.0)  # the Levant coast
    land, lines = basemap._region_base(geo.shapes, box, tolerance=0.01)
    (cached,) = tmp_path.glob("region-base-*.npz")

    def not_again(*args, **kwargs):
        raise AssertionError("the region base was recomputed instead of read from disk")

    with monkeypatch.context() as patch:
        patch.setattr(basemap, "land_and_borders", not_again)
        again_land, again_lines = basemap._region_base(geo.shapes, box, tolerance=0.01)
    assert again_land.equals(land) and again_lines.equals(lines)
    os.utime(cached, (1, 1))  # written long ago: the first to go
    for west in (10.0, 20.0):  # two more regions: only the latest two stay
        basemap._region_base(geo.shapes, (west, 40.0, west + 1.0, 41.0), tolerance=0.01)
    assert len(list(tmp_path.glob("region-base-*.npz"))) == 2
    assert not cached.exists()


def test_view_frames_places_not_whole_countries() -> None:
    from dataclasses import replace

    import shapely

    from eventmap.grouping import PlaceOnLayer
    from geo.types import Place, Precision

    town = Place(
        "t:1", "Town", "SY", "city", shapely.Point(35.8, 35.5), 35.5, 35.8, Precision.EXACT
    )
    country = replace(
        town,
        gazetteer_id="t:2",
        name="Big",
        precision=Precision.COUNTRY,
        geometry=shapely.box(20, 40, 179, 75),
        lat=60,
        lon=100,
    )
    groups = [PlaceOnLayer("places", p, (), 1.0) for p in (town, country)]
    south, west, north, east = render._bounds(render._focus(groups))
    assert (south, west, north, east) == pytest.approx((35.5, 35.8, 35.5, 35.8))
    assert render._focus(groups[1:]) == groups[1:]
