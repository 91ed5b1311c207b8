"""The map in a real browser: headless Chromium driven by Playwright, network cut off.

Every request that is not for a local file is aborted and recorded. Places,
sentences and articles here are made up; the coordinates are real points on
land so that the base map has something to draw.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import Point, box

from eventmap.map.render import render_fragment, render_html
from eventmap.map.snapshot import CHROMIUM_ARGS, SnapshotError, find_chromium
from geo.types import Alternative, Place, Precision
from layers.types import Citation, Event, LayerDefinition

pytestmark = pytest.mark.browser


try:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None

if sync_playwright is None:
    pytest.skip("needs the playwright package (pip install playwright)", allow_module_level=True)
try:
    CHROMIUM = find_chromium()
except SnapshotError:
    pytest.skip("needs chromium", allow_module_level=True)

DEFS = (
    LayerDefinition(id="strike_sites", title="Strike sites", color="#d62728", order=2),
    LayerDefinition(id="meetings", title="Meetings", color="#2ca02c", order=4),
    LayerDefinition(id="places", title="Other places", color="#1f77b4", order=5, default=True),
)


def place(gid: str, name: str, lat: float, lon: float, **extra: Any) -> Place:
    return Place(
        gazetteer_id=gid,
        name=name,
        country="QX",
        feature="city",
        geometry=Point(lon, lat),
        lat=lat,
        lon=lon,
        **{"precision": Precision.EXACT, **extra},
    )


ORVIN = place("t:1", "Orvin", 48.14, 11.58)
TELMARK = place("t:2", "Telmark", 50.11, 8.68)
BRASK = place("t:3", "Brask", 52.52, 13.40, precision=Precision.NEAR, radius_km=30.0)
HAVEN = place("t:4", "Haven Ridge", 51.34, 12.37)
MOOR = Place(
    gazetteer_id="t:5",
    name="Moorland",
    country="QX",
    feature="region",
    geometry=box(9.0, 48.6, 10.6, 49.4),
    lat=49.0,
    lon=9.8,
    precision=Precision.REGION,
)


def ev(
    layer: str,
    where: Place,
    sentence: str,
    *,
    article: str = "wire/a.txt",
    date: str | None = None,
    source: str | None = None,
    title: str = "Night of the storm",
) -> Event:
    mention = where.name
    at = sentence.index(mention)
    citation = Citation(
        article=article,
        title=title,
        date=None,
        quote=sentence,
        quote_start=0,
        start=at,
        end=at + len(mention),
        mention=mention,
    )
    return Event(
        layer=layer, place=where, citation=citation, confidence=0.8, date=date, date_source=source
    )


SENT_ORVIN = "Shells fell on the rail yard in Orvin shortly after midnight."
SENT_TELMARK = "Envoys sat down for talks in Telmark on the second day."
SENT_BRASK = "Smoke rose somewhere around Brask, residents said."
SENT_HAVEN = "A ferry waited at Haven Ridge for the morning tide."
SENT_MOOR = "Drones were seen over Moorland for an hour."


def events() -> list[Event]:
    return [
        ev("strike_sites", ORVIN, SENT_ORVIN, date="2023-04-02", source="sentence"),
        ev(
            "strike_sites",
            MOOR,
            SENT_MOOR,
            article="wire/m.txt",
            date="2023-04-20",
            source="article",
        ),
        ev(
            "meetings",
            TELMARK,
            SENT_TELMARK,
            article="wire/b.txt",
            date="2023-05-10",
            source="article",
        ),
        ev("places", BRASK, SENT_BRASK, article="wire/c.txt"),  # no date
        ev("places", HAVEN, SENT_HAVEN, article="wire/d.txt", date="2023-05-30", source="sentence"),
        ev("places", ORVIN, SENT_ORVIN, date="2023-04-02", source="sentence"),
    ]


@dataclass
class Opened:
    page: Page
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def js(self, code: str, arg: Any = None) -> Any:
        return self.page.evaluate(code, arg)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


@pytest.fixture
def open_map(browser: Browser, tmp_path: Path) -> Iterator[Any]:
    contexts = []

    def opener(
        html: str,
        *,
        ready: str = "window.eventmapReady === true",
        width: int = 1100,
        height: int = 800,
    ) -> Opened:
        path = tmp_path / f"map{len(contexts)}.html"
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                opened.console_errors.append(message.text)

        def on_dialog(dialog: Dialog) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("console", on_console)
        page.on("pageerror", lambda error: opened.console_errors.append(str(error)))
        page.on("dialog", on_dialog)

        def route(route: Any) -> None:
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                opened.blocked.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.goto(path.as_uri())
        page.wait_for_function(ready, timeout=15_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


VISIBLE_MARKS = """(root) => {
  const scope = root ? document.getElementById(root) : document;
  const paths = scope.querySelectorAll(
    '.leaflet-eventmapPoints-pane path.leaflet-interactive,' +
    '.leaflet-eventmapPlacePoints-pane path.leaflet-interactive,' +
    '.leaflet-overlay-pane path.leaflet-interactive,' +
    '.leaflet-eventmapPlaceAreas-pane path.leaflet-interactive').length;
  let clustered = 0;
  scope.querySelectorAll('[class*="-cluster"] span').forEach(s => clustered += +s.textContent);
  return paths + clustered;
}"""

MARKER_CENTRE = """([mapId, name, layerId]) => {
  const state = window.eventmapMaps[mapId];
  for (const entry of state.layers) {
    if (layerId && entry.id !== layerId) continue;
    for (const layer of entry.points.concat(entry.shapes)) {
      if (state.data.places[layer.feature.properties.place][1] !== name) continue;
      const el = layer._path;
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    }
  }
  return null;
}"""


def layer_titles(opened: Opened, scope: str = "em") -> list[str]:
    """The layers the legend lists (each with a checkbox), without their counts."""
    titles = opened.page.locator(f".{scope}-legend label .{scope}-layer-title")
    return [t.strip() for t in titles.all_inner_texts()]


def legend_rows(opened: Opened, scope: str = "em") -> list[str]:
    """Each layer's row in the legend as one line: its title and its count."""
    return opened.js(
        f"[...document.querySelectorAll('.{scope}-legend label')].map(l => l.textContent.trim())"
    )


BRING_INTO_VIEW = """([mapId, name, layerId]) => {
  const state = window.eventmapMaps[mapId];
  for (const entry of state.layers) {
    if (layerId && entry.id !== layerId) continue;
    for (const layer of entry.points.concat(entry.shapes)) {
      if (state.data.places[layer.feature.properties.place][1] !== name) continue;
      const at = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
      if (!state.map.getBounds().pad(-0.1).contains(at)) {
        state.map.setView(at, state.map.getZoom(), {animate: false});
      }
      return;
    }
  }
}"""


def map_id(opened: Opened) -> str:
    return opened.js("Object.keys(window.eventmapMaps)[0]")


def popup_text(opened: Opened, scope: str = "") -> str:
    selector = f"#{scope} .leaflet-popup-content" if scope else ".leaflet-popup-content"
    opened.page.wait_for_selector(selector, timeout=5_000)
    return opened.page.inner_text(selector)


def click_place(opened: Opened, mid: str, name: str, layer: str | None = None) -> None:
    # An earlier popup may have panned the place out of view (and out of its cluster).
    opened.js(BRING_INTO_VIEW, [mid, name, layer])
    # A popup pans the map into view, animated: wait until the place stands still.
    centre, before = opened.js(MARKER_CENTRE, [mid, name, layer]), None
    for _ in range(20):
        if centre == before:
            break
        opened.page.wait_for_timeout(60)
        before, centre = centre, opened.js(MARKER_CENTRE, [mid, name, layer])
    assert centre is not None, f"{name} is not drawn"
    opened.page.mouse.click(*centre)


# --- the page -------------------------------------------------------------------------


def test_map_renders_with_its_base_and_layers_offline(open_map: Any) -> None:
    opened = open_map(render_html(events(), DEFS, title="Storm week"))
    page = opened.page
    assert page.locator(".leaflet-container").count() == 1
    assert page.locator(".leaflet-eventmapBase-pane path").count() >= 2  # land and borders
    base_z = opened.js(
        "getComputedStyle(document.querySelector('.leaflet-eventmapBase-pane')).zIndex"
    )
    assert int(base_z) < 400
    assert layer_titles(opened) == ["Strike sites", "Meetings", "Other places"]
    rows = legend_rows(opened)
    assert "Strike sites (2 places)" in rows and "Other places (3 places)" in rows
    assert "GeoNames" in page.inner_text(".leaflet-control-attribution")
    # Event layers sit above "Other places": the same spot is clickable on its event layer.
    z = opened.js(
        "['eventmapPoints','eventmapPlacePoints'].map(p => "
        "+getComputedStyle(document.querySelector('.leaflet-' + p + '-pane')).zIndex)"
    )
    assert z[0] > z[1]
    assert opened.console_errors == [] and opened.blocked == [] and opened.dialogs == []


@pytest.mark.parametrize(
    ("label", "items"), [("Strike sites", 2), ("Meetings", 1), ("Other places", 3)]
)
def test_each_layer_toggles_off_and_on(open_map: Any, label: str, items: int) -> None:
    opened = open_map(render_html(events(), DEFS, title="Storm week"))
    before = opened.js(VISIBLE_MARKS)
    assert before == 6
    box_ = opened.page.locator(".em-legend label", has_text=label).locator("input")
    box_.uncheck()
    assert opened.js(VISIBLE_MARKS) == before - items
    box_.check()
    assert opened.js(VISIBLE_MARKS) == before
    assert opened.console_errors == []


def test_clicking_a_marker_opens_its_cited_popup(open_map: Any) -> None:
    html = render_html(events(), DEFS, title="Storm week", article_base_url="../articles")
    opened = open_map(html)
    mid = map_id(opened)
    click_place(opened, mid, "Orvin", "strike_sites")
    text = popup_text(opened)
    assert "Orvin" in text and SENT_ORVIN in text
    assert "2023-04-02, from the sentence" in text
    assert opened.page.inner_text(".leaflet-popup-content mark") == "Orvin"
    # A base URL given through the API links the article's title to its file.
    href = opened.page.get_attribute(".leaflet-popup-content a.em-title", "href")
    assert href == "../articles/wire/a.txt"
    # An undated place says so.
    opened.js(f"window.eventmapMaps[{mid!r}].map.closePopup()")
    opened.page.wait_for_selector(".leaflet-popup-content", state="detached")
    click_place(opened, mid, "Brask")
    assert "date unknown" in popup_text(opened)
    assert opened.console_errors == []


def test_a_citations_note_shows_in_the_popup_as_text(open_map: Any) -> None:
    noted = ev("strike_sites", ORVIN, SENT_ORVIN, date="2023-04-02", source="sentence")
    payload = "shown at the holder <img src=x onerror=alert(1)>"
    noted = replace(noted, citation=replace(noted.citation, note=payload))
    opened = open_map(render_html([noted], DEFS, title="Notes"))
    click_place(opened, map_id(opened), "Orvin", "strike_sites")
    assert "Note: " + payload in popup_text(opened)
    assert opened.page.locator(".leaflet-popup-content img").count() == 0
    assert opened.dialogs == [] and opened.console_errors == []


def test_vague_point_draws_its_uncertainty_circle_when_zoomed_in(open_map: Any) -> None:
    opened = open_map(render_html(events(), DEFS, title="Storm week"))
    mid = map_id(opened)
    rings = f"window.eventmapMaps[{mid!r}].layers.map(e => e.circles.getLayers().length)"
    opened.js(f"window.eventmapMaps[{mid!r}].map.setView([52.52, 13.40], 9, {{animate: false}})")
    assert opened.js(rings) == [0, 0, 1]
    opened.js(f"window.eventmapMaps[{mid!r}].map.setZoom(3, {{animate: false}})")
    assert opened.js(rings) == [0, 0, 0]  # 30 km is under a few pixels at zoom 3


def set_range(opened: Opened, start: int, end: int, scope: str = "em") -> None:
    opened.js(
        """([scope, a, b]) => {
          const from = document.querySelector('.' + scope + '-from');
          const to = document.querySelector('.' + scope + '-to');
          to.value = String(b); to.dispatchEvent(new Event('input'));
          from.value = String(a); from.dispatchEvent(new Event('input'));
        }""",
        [scope, start, end],
    )
    opened.page.wait_for_timeout(250)


def test_time_slider_hides_and_shows_events(open_map: Any) -> None:
    opened = open_map(render_html(events(), DEFS, title="Storm week"))
    # Dates run 2023-04-02 .. 2023-05-30: 58 days.
    assert opened.page.get_attribute(".em-from", "max") == "58"
    label = opened.page.locator(".em-time-label")
    assert label.inner_text() == "2023-04-02 to 2023-05-30"
    set_range(opened, 30, 58)  # from 2023-05-02: Orvin (both layers) and Moorland drop out
    assert label.inner_text() == "2023-05-02 to 2023-05-30"
    assert opened.js(VISIBLE_MARKS) == 3  # Telmark, Haven Ridge, and undated Brask
    # The legend counts what the dates let through.
    assert legend_rows(opened) == [
        "Strike sites (0 of 2 places)",
        "Meetings (1 place)",
        "Other places (2 of 3 places)",
    ]
    set_range(opened, 0, 0)  # only 2023-04-02
    assert opened.js(VISIBLE_MARKS) == 3  # Orvin twice, Brask
    set_range(opened, 0, 58)
    assert opened.js(VISIBLE_MARKS) == 6
    assert legend_rows(opened)[0] == "Strike sites (2 places)"
    # Toggles still work with a range set.
    set_range(opened, 30, 58)
    layer_box = opened.page.locator(".em-legend label", has_text="Meetings")
    layer_box.locator("input").uncheck()
    assert opened.js(VISIBLE_MARKS) == 2
    assert opened.console_errors == []


def test_an_event_dated_by_month_shows_while_the_range_meets_that_month(open_map: Any) -> None:
    """ "In April 2023, ..." covers every April day: the slider spans it and keeps it."""
    dated = [
        replace(e, date="2023-04", date_source="sentence") if e.place == MOOR else e
        for e in events()
    ]
    opened = open_map(render_html(dated, DEFS, title="Storm week"))
    label = opened.page.locator(".em-time-label")
    assert label.inner_text() == "2023-04-01 to 2023-05-30"  # from the month's first day
    set_range(opened, 0, 5)  # 2023-04-01 .. 2023-04-06: Orvin twice, Moorland, Brask
    assert opened.js(VISIBLE_MARKS) == 4
    set_range(opened, 30, 59)  # May only: Moorland's April is out
    assert label.inner_text() == "2023-05-01 to 2023-05-30"
    assert opened.js(VISIBLE_MARKS) == 3  # Telmark, Haven Ridge, undated Brask
    assert opened.console_errors == []


def test_no_slider_without_dates(open_map: Any) -> None:
    undated = [replace(e, date=None, date_source=None) for e in events()]
    opened = open_map(render_html(undated, DEFS, title="Storm week"))
    assert opened.page.locator(".em-time").count() == 0
    assert opened.js(VISIBLE_MARKS) == 6


def test_search_finds_a_place_and_opens_it(open_map: Any) -> None:
    opened = open_map(render_html(events(), DEFS, title="Storm week"))
    opened.page.fill(".em-search-input", "telm")
    results = opened.page.locator(".em-search-results li")
    assert results.all_inner_texts() == ["Telmark — Meetings"]
    results.first.click()
    assert SENT_TELMARK in popup_text(opened)
    # An area too: the view fits it and its popup stays open.
    opened.js(f"window.eventmapMaps[{map_id(opened)!r}].map.closePopup()")
    opened.page.fill(".em-search-input", "MOOR")
    assert results.all_inner_texts() == ["Moorland — Strike sites"]
    results.first.click()
    opened.page.wait_for_timeout(400)
    assert SENT_MOOR in popup_text(opened)
    opened.js(f"window.eventmapMaps[{map_id(opened)!r}].map.closePopup()")
    opened.page.fill(".em-search-input", "zzz")
    assert results.all_inner_texts() == ["No place on this map matches “zzz”."]
    results.first.click()  # says so, and does nothing
    assert opened.page.locator(".leaflet-popup-content").count() == 0
    assert opened.console_errors == []


HOSTILE = (
    "Crowds at Orvin chanted <script>alert(1)</script> and <img src=x onerror=alert(1)> loudly."
)


def test_hostile_article_text_stays_text(open_map: Any) -> None:
    bad_place = replace(ORVIN, name="Orvin <img src=x onerror=alert(2)>")
    sentence = HOSTILE.replace("Orvin", bad_place.name, 1)
    hostile = ev(
        "strike_sites",
        bad_place,
        sentence,
        title="<script>alert(3)</script>",
        date="2023-04-02",
        source="sentence",
    )
    defs = (replace(DEFS[0], title="Strikes <img src=x onerror=alert(4)>"), *DEFS[1:])
    opened = open_map(render_html([hostile], defs, title="<script>alert(5)</script>"))
    mid = map_id(opened)
    assert layer_titles(opened) == ["Strikes <img src=x onerror=alert(4)>"]
    click_place(opened, mid, bad_place.name)
    text = popup_text(opened)
    assert sentence in text and "<script>alert(3)</script>" in text
    assert (
        opened.page.locator(".leaflet-popup-content img, .leaflet-popup-content script").count()
        == 0
    )
    opened.page.fill(".em-search-input", "orvin")
    assert opened.page.inner_text(".em-search-results li").startswith(bad_place.name)
    opened.page.mouse.move(*opened.js(MARKER_CENTRE, [mid, bad_place.name, None]))
    opened.page.wait_for_timeout(200)
    assert opened.page.locator(".leaflet-tooltip img").count() == 0
    assert opened.page.locator("img[src='x']").count() == 0
    assert opened.dialogs == []
    assert opened.blocked == []  # nothing tried to load "x" from anywhere


# --- fragments ------------------------------------------------------------------------


def test_two_fragments_share_a_page(open_map: Any) -> None:
    one = render_fragment(events(), DEFS, title="First", map_id="mapOne")
    two = render_fragment(events()[:3], DEFS, title="Second", map_id="mapTwo", height="400px")
    page_html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Two maps</title></head>"
        f"<body><h1>Two maps</h1>{one}<p>Between the maps.</p>{two}</body></html>"
    )
    opened = open_map(
        page_html, ready="window.eventmapMaps && Object.keys(window.eventmapMaps).length === 2"
    )
    assert sorted(opened.js("Object.keys(window.eventmapMaps)")) == ["mapOne", "mapTwo"]
    assert opened.page.locator("#mapOne.leaflet-container").count() == 1
    assert opened.page.locator("#mapTwo.leaflet-container").count() == 1
    assert opened.js(VISIBLE_MARKS, "mapOne") == 6
    assert opened.js(VISIBLE_MARKS, "mapTwo") == 3
    assert opened.page.locator("#mapTwo .mapTwo-legend").inner_text().startswith("Second")
    assert opened.page.locator("#mapOne .mapTwo-legend").count() == 0
    # Toggling a layer in one map leaves the other alone.
    opened.page.locator("#mapTwo .mapTwo-legend label", has_text="Meetings").locator(
        "input"
    ).uncheck()
    assert opened.js(VISIBLE_MARKS, "mapTwo") == 2
    assert opened.js(VISIBLE_MARKS, "mapOne") == 6
    # Each map's popups open in that map.
    opened.page.locator("#mapTwo").scroll_into_view_if_needed()
    click_place(opened, "mapTwo", "Orvin")
    assert SENT_ORVIN in popup_text(opened, "mapTwo")
    assert opened.page.locator("#mapOne .leaflet-popup-content").count() == 0
    assert opened.js("typeof L.MarkerClusterGroup") == "function"
    assert opened.console_errors == [] and opened.blocked == []


def test_online_tiles_are_an_extra_layer_over_the_offline_base(open_map: Any) -> None:
    opened = open_map(render_html(events(), DEFS, tiles="OpenStreetMap.Mapnik"))
    page = opened.page
    assert layer_titles(opened)[-1] == "OpenStreetMap.Mapnik"
    # The tiles were asked for (and blocked here), yet the base map is drawn underneath.
    assert any("tile.openstreetmap.org" in url for url in opened.blocked)
    assert page.locator(".leaflet-eventmapBase-pane path").count() >= 2
    tiles_z = opened.js(
        "+getComputedStyle(document.querySelector('.leaflet-eventmapTiles-pane')).zIndex"
    )
    assert 250 < tiles_z < 390


# --- the view, names on the map, popups as source notes --------------------------------

FARLAND = Place(
    gazetteer_id="t:9",
    name="Farland",
    country="QF",
    feature="country",
    geometry=box(60.0, 50.0, 100.0, 70.0),
    lat=60.0,
    lon=80.0,
    precision=Precision.COUNTRY,
    radius_km=1500.0,
)
SENT_FARLAND = "Farland sent its condolences."


def test_opening_view_fits_the_events_and_countries_in_passing_wait(open_map: Any) -> None:
    # A country named in passing, far away, on the default layer only.
    page_events = [*events(), ev("places", FARLAND, SENT_FARLAND, article="wire/e.txt")]
    opened = open_map(render_html(page_events, DEFS, title="Storm week"))
    mid = map_id(opened)
    inside = opened.js(
        """([mid, points]) => {
          const b = window.eventmapMaps[mid].map.getBounds();
          return points.map(p => b.contains(p));
        }""",
        [mid, [[48.14, 11.58], [50.11, 8.68], [60.0, 80.0]]],
    )
    assert inside == [True, True, False]  # Orvin and Telmark framed, Farland not
    assert legend_rows(opened)[-1] == "Countries and seas named in passing (1 place)"
    context_box = opened.page.locator(".em-legend label", has_text="in passing").locator("input")
    assert not context_box.is_checked()
    outlines = ".leaflet-eventmapContext-pane path.leaflet-interactive"
    assert opened.page.locator(outlines).count() == 0
    context_box.check()
    assert opened.page.locator(outlines).count() == 1
    # An outline, not a filled grey slab.
    assert opened.page.get_attribute(outlines, "fill-opacity") == "0"
    assert opened.page.get_attribute(outlines, "stroke-dasharray")
    assert opened.console_errors == []


LABELS = [
    ["Qxland", 49.5, 10.5, "country", 6.0],
    ["Tinyland", 50.0, 11.9, "country", 0.4],
    ["Bigtown", 49.9, 11.3, "capital", 2_000_000],
    ["Smalltown", 50.6, 10.2, "capital", 20_000],
]

SHOWN_LABELS_OVERLAP = """() => {
  const boxes = [...document.querySelectorAll('.em-label')]
    .filter(e => e.style.display !== 'none').map(e => e.getBoundingClientRect());
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) return true;
  }
  return false;
}"""


def test_base_map_names_countries_capitals_and_places_where_they_fit(
    open_map: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventmap.map.render

    monkeypatch.setattr(eventmap.map.render, "base_labels", lambda: [list(x) for x in LABELS])
    opened = open_map(render_html(events(), DEFS, title="Storm week"))
    mid = map_id(opened)
    state = f"window.eventmapMaps[{mid!r}]"

    def names_at(zoom: int) -> set[str]:
        opened.js(f"{state}.map.setView([50.2, 11.0], {zoom}, {{animate: false}})")
        opened.page.wait_for_timeout(300)
        assert opened.js(SHOWN_LABELS_OVERLAP) is False
        return set(opened.js(f"{state}.labels()"))

    wide = names_at(5)
    assert {"Qxland", "Telmark", "Haven Ridge"} <= wide
    # Too small for a zoom this far out: a small country, a small capital, a small area.
    assert not {"Tinyland", "Smalltown", "Moorland"} & wide
    close = names_at(8)
    assert {"Tinyland", "Bigtown", "Smalltown", "Moorland"} <= close
    # No name under the legend: a place there is named once the map moves it out.
    legend = opened.js(
        "(() => { const r = document.querySelector('.em-legend').getBoundingClientRect();"
        " return [r.left, r.top, r.right, r.bottom]; })()"
    )
    for box_ in opened.js(
        "[...document.querySelectorAll('.em-label')].filter(e => e.style.display !== 'none')"
        ".map(e => { const r = e.getBoundingClientRect();"
        " return [r.left, r.top, r.right, r.bottom]; })"
    ):
        assert not (
            box_[0] < legend[2]
            and legend[0] < box_[2]
            and box_[1] < legend[3]
            and legend[1] < box_[3]
        )
    # Each name is text, drawn once, and never catches a click.
    assert opened.page.locator(".em-label", has_text="Qxland").count() == 1
    assert (
        opened.js("getComputedStyle(document.querySelector('.em-label')).pointerEvents") == "none"
    )
    assert opened.console_errors == []


class NotedCitation(Citation):
    """A citation as the event classifier will write it: with a type and a trigger."""


def noted(citation: Citation, event_type: str | None, trigger: str | None) -> Citation:
    """``citation`` carrying ``event_type`` and ``trigger`` (fields being added upstream)."""
    out = replace(citation)
    object.__setattr__(out, "event_type", event_type)
    object.__setattr__(out, "trigger", trigger)
    return out


MOSCOW_ALTS = tuple(
    Alternative(f"g:{i}", "Moscow", country, 0.0, 0.0, 0.1, "fewer people")
    for i, country in enumerate(("RU", "RU", "US", "US"))
)


def test_popup_reads_like_a_source_note(open_map: Any) -> None:
    struck = ev(
        "strike_sites",
        replace(ORVIN, alternatives=MOSCOW_ALTS),
        SENT_ORVIN,
        date="2023-04-02",
        source="sentence",
    )
    struck = replace(
        struck,
        citation=noted(
            replace(struck.citation, url="https://news.example/orvin"), "shelling", "fell"
        ),
    )
    local = ev("meetings", TELMARK, SENT_TELMARK, article="wire/b.txt", title="Talks resume")
    opened = open_map(render_html([struck, local], DEFS, title="Storm week"))
    mid = map_id(opened)
    click_place(opened, mid, "Orvin")
    popup = opened.page.locator(".leaflet-popup-content")
    text = popup_text(opened)
    # Title linked to the article's own URL, date, quote with the place marked, event.
    title = popup.locator("a.em-title")
    assert title.inner_text() == "Night of the storm"
    assert title.get_attribute("href") == "https://news.example/orvin"
    assert title.get_attribute("target") == "_blank"
    assert "2023-04-02, from the sentence" in text
    assert popup.locator("mark").inner_text() == "Orvin"
    assert "Event: shelling (“fell”)" in text
    # How it was resolved waits behind "details"; each alternative is named once.
    details = popup.locator("details.em-details")
    assert details.get_attribute("open") is None
    assert not popup.locator("text=Gazetteer id").is_visible()
    details.locator("summary").click()
    assert popup.locator("text=Gazetteer id").is_visible()
    alternatives = popup.locator(".em-alts li").all_inner_texts()
    assert alternatives == ["Moscow (RU): fewer people", "Moscow (US): fewer people"]
    # A local article is named, not linked by a path that breaks when the page moves.
    opened.js(f"window.eventmapMaps[{mid!r}].map.closePopup()")
    click_place(opened, mid, "Telmark")
    popup_text(opened)
    assert popup.locator("a").count() == 0
    assert popup.locator(".em-title").inner_text() == "Talks resume"
    assert popup.locator(".em-article").inner_text() == "wire/b.txt"
    assert opened.console_errors == []


def test_a_click_where_layers_overlap_lists_them_all(open_map: Any) -> None:
    inside = place("t:6", "Wellspring", 49.0, 9.8)  # in the middle of Moorland
    page_events = [
        ev("strike_sites", MOOR, SENT_MOOR, date="2023-04-20", source="article"),
        ev("meetings", inside, "Talks were held at Wellspring.", article="wire/w.txt"),
    ]
    opened = open_map(render_html(page_events, DEFS, title="Storm week"))
    mid = map_id(opened)
    click_place(opened, mid, "Wellspring")
    text = popup_text(opened)
    assert "2 places here" in text
    assert "Wellspring" in text and "Moorland" in text
    assert SENT_MOOR in text and "Talks were held at Wellspring." in text
    names = opened.page.locator(".leaflet-popup-content .em-name").all_inner_texts()
    assert names == ["Wellspring", "Moorland"]  # what was clicked first
    assert opened.console_errors == []


def test_clicked_area_has_no_focus_rectangle(open_map: Any) -> None:
    opened = open_map(render_html(events(), DEFS, title="Storm week"))
    mid = map_id(opened)
    click_place(opened, mid, "Moorland")
    popup_text(opened)
    outline = "getComputedStyle(document.activeElement).outlineStyle"
    assert opened.js(outline) == "none"
    # Chrome gives a focused shape a ring (as a click on a popup's shape does in Leaflet):
    # the map's style removes it.
    opened.js(
        """(mid) => {
          const state = window.eventmapMaps[mid];
          const moor = state.layers[0].shapes[0]._path;
          moor.setAttribute('tabindex', '-1');
          moor.focus();
        }""",
        mid,
    )
    assert opened.js("document.activeElement.tagName") == "path"
    assert opened.js(outline) == "none"


TARTUS = place("t:7", "Ţarţūs", 50.6, 9.4)
SENT_TARTUS = "Warships sailed from Tartus before dawn."


def test_names_and_search_in_the_articles_own_words(open_map: Any) -> None:
    tartus = ev("strike_sites", TARTUS, SENT_TARTUS.replace("Tartus", "Ţarţūs"))
    at = SENT_TARTUS.index("Tartus")
    tartus = replace(
        tartus,
        citation=replace(
            tartus.citation, quote=SENT_TARTUS, start=at, end=at + 6, mention="Tartus"
        ),
    )
    opened = open_map(render_html([*events(), tartus], DEFS, title="Storm week"))
    mid = map_id(opened)
    assert "Tartus" in opened.js(f"window.eventmapMaps[{mid!r}].labels()")
    results = opened.page.locator(".em-search-results li")
    for typed in ("tartus", "TARTUS", "Ţarţ", "tarţūs"):
        opened.page.fill(".em-search-input", typed)
        assert results.all_inner_texts() == ["Tartus (Ţarţūs) — Strike sites"], typed
    results.first.click()
    text = popup_text(opened)
    assert text.startswith("Tartus")
    assert opened.page.locator(".leaflet-popup-content mark").inner_text() == "Tartus"
    opened.page.locator(".leaflet-popup-content summary").click()
    assert "In GeoNames\tŢarţūs" in popup_text(opened)
    assert opened.console_errors == []


def test_phone_width_folds_the_legend_and_print_unfolds_it(open_map: Any) -> None:
    opened = open_map(render_html(events(), DEFS, title="Storm week"), width=375, height=700)
    page = opened.page
    toggle = page.locator(".em-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator(".em-legend-body").is_visible()
    covered = opened.js(
        """() => ['.em-legend', '.em-search', '.leaflet-control-zoom']
          .map(s => document.querySelector(s).getBoundingClientRect())
          .reduce((sum, r) => sum + r.width * r.height, 0)"""
    )
    assert covered < 0.1 * 375 * 700  # the controls leave the map to the reader
    assert opened.js(VISIBLE_MARKS) == 6
    toggle.click()
    assert page.locator(".em-legend-body").is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    # On paper the legend is unfolded and the search box and zoom buttons are gone.
    page.emulate_media(media="print")
    assert page.locator(".em-legend-body").is_visible()
    assert not page.locator(".em-search").is_visible()
    assert not page.locator(".leaflet-control-zoom").is_visible()
    assert not page.locator(".em-legend input").first.is_visible()  # no checkbox, no slider
    assert not toggle.is_visible()
    assert page.locator(".em-time-label").inner_text() == "2023-04-02 to 2023-05-30"
    page.emulate_media(media="screen")
    # A figure (class em-static on the map) looks the same on screen.
    opened.js("document.querySelector('.em-map').classList.add('em-static')")
    assert page.locator(".em-legend-body").is_visible()
    assert not page.locator(".em-search").is_visible()
    assert not page.locator(".em-legend input").first.is_visible()
    assert opened.console_errors == []


def test_wide_map_shows_its_legend_unfolded(open_map: Any) -> None:
    opened = open_map(render_html(events(), DEFS, title="Storm week"))
    assert opened.page.locator(".em-legend-body").is_visible()
    assert not opened.page.locator(".em-toggle").is_visible()


def test_fragments_with_their_default_ids_share_a_page(open_map: Any) -> None:
    # What two `eventmap build --fragment` runs into two folders write: same articles even.
    one = render_fragment(events(), DEFS, title="First", id_salt="/reports/a/maps")
    two = render_fragment(events(), DEFS, title="Second", id_salt="/reports/b/maps")
    page_html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Two maps</title></head>"
        f"<body>{one}<p>Between the maps.</p>{two}</body></html>"
    )
    opened = open_map(
        page_html, ready="window.eventmapMaps && Object.keys(window.eventmapMaps).length === 2"
    )
    ids = opened.js("Object.keys(window.eventmapMaps)")
    assert len(set(ids)) == 2
    for mid in ids:
        assert opened.page.locator(f"#{mid}.leaflet-container").count() == 1
        assert opened.js(VISIBLE_MARKS, mid) == 6
    assert opened.console_errors == []
