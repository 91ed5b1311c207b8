"""Tests for the folium map and the grouping it draws from.

Places, sentences and articles here are made up; none comes from real reports.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import folium
import pytest
import shapely
import shapely.geometry
from shapely.geometry import MultiPolygon, Point, Polygon, box

import eventmap.basemap as basemap
from eventmap.grouping import PlaceOnLayer, group_events
from eventmap.render import ATTRIBUTION, build_map, popup_html, render_html
from geo.types import Alternative, Place, Precision
from layers.types import Citation, Event, LayerDefinition

DEFS = (
    LayerDefinition(id="airspace", title="Airspace", color="#9467bd", order=1),
    LayerDefinition(id="strike_sites", title="Strike sites", color="#d62728", order=2),
    LayerDefinition(id="meetings", title="Meetings", color="#2ca02c", order=4),
    LayerDefinition(id="places", title="Places", color="#1f77b4", order=5),
)

HARBOUR = Place(
    gazetteer_id="gn:100",
    name="Port Amber",
    country="QX",
    feature="city",
    geometry=Point(31.5, 12.25),
    lat=12.25,
    lon=31.5,
    precision=Precision.EXACT,
    confidence=0.9,
    alternatives=(
        Alternative("gn:101", "Port Amber", "QZ", 40.0, -70.0, 0.2, "much smaller town"),
    ),
    reason="largest place of that name",
)
VALLEY = Place(
    gazetteer_id="gn:200",
    name="Cedar Valley",
    country="QX",
    feature="region",
    geometry=Point(32.0, 13.0),
    lat=13.0,
    lon=32.0,
    precision=Precision.NEAR,
    radius_km=25.0,
)
GULF = Place(
    gazetteer_id="area:gulf",
    name="Gulf of Tessel",
    country=None,
    feature="sea",
    geometry=Polygon([(30.0, 11.0), (31.0, 11.0), (31.0, 12.0), (30.0, 12.0)]),
    lat=11.5,
    lon=30.5,
    precision=Precision.REGION,
)


def cite(
    sentence: str,
    mention: str,
    *,
    article: str = "wire/one.txt",
    offset: int = 40,
    title: str | None = "Ships meet in the gulf",
    date: str | None = "2021-03-04",
    url: str | None = None,
) -> Citation:
    """A citation whose sentence starts at ``offset`` in its article."""
    start = offset + sentence.index(mention)
    return Citation(
        article=article,
        title=title,
        date=date,
        quote=sentence,
        quote_start=offset,
        start=start,
        end=start + len(mention),
        mention=mention,
        url=url,
    )


def event(layer: str, place: Place, citation: Citation, confidence: float = 0.8) -> Event:
    return Event(layer=layer, place=place, citation=citation, confidence=confidence)


SENT_HARBOUR = "Two drones struck the docks of Port Amber before dawn."
SENT_GULF = "A frigate patrolled the Gulf of Tessel all week."
SENT_VALLEY = "Officials met somewhere in Cedar Valley on Friday."


def sample_events() -> list[Event]:
    return [
        event("strike_sites", HARBOUR, cite(SENT_HARBOUR, "Port Amber")),
        event("places", HARBOUR, cite(SENT_HARBOUR, "Port Amber")),
        event("airspace", GULF, cite(SENT_GULF, "Gulf of Tessel", offset=200)),
        event("places", VALLEY, cite(SENT_VALLEY, "Cedar Valley", article="b.md", date=None)),
    ]


def overlay_names(page: str) -> list[str]:
    """The overlay names the LayerControl lists, in order."""
    block = re.search(r"overlays\s*:\s*\{(.*?)\}", own_code(page), re.S)
    assert block is not None
    return [json.loads(f'"{n}"') for n in re.findall(r'"((?:[^"\\]|\\.)*)"\s*:', block[1])]


def popup_literals(page: str) -> list[str]:
    """The contents of every popup's JS template literal ``.setContent(`...`)``."""
    return re.findall(r"\.setContent\(`(.*?)`\);", own_code(page), re.S)


INLINED = re.compile(
    r'<script id="eventmap-leaflet-js">.*?</script>|<style id="eventmap-leaflet-css">.*?</style>',
    re.S,
)


def own_code(page: str) -> str:
    """The page without the inlined Leaflet library: what this renderer wrote."""
    return INLINED.sub("", page)


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


POPUP_TAGS = {"div", "h4", "table", "tr", "th", "td", "p", "ul", "ol", "li", "b", "span"}
POPUP_TAGS |= {"blockquote", "mark", "a"}


def parse(fragment: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(fragment)
    collector.close()
    return collector


# --- grouping -------------------------------------------------------------------


def test_grouping_merges_citations_of_one_place_on_one_layer() -> None:
    second = cite("Port Amber burned again.", "Port Amber", article="a.txt", offset=5)
    first = cite(SENT_HARBOUR, "Port Amber")
    groups = group_events(
        [event("strike_sites", HARBOUR, first, 0.6), event("strike_sites", HARBOUR, second, 0.9)]
    )
    assert len(groups) == 1
    assert groups[0].citations == (second, first)  # "a.txt" sorts before "wire/one.txt"
    assert groups[0].confidence == 0.9


def test_grouping_deduplicates_the_same_mention() -> None:
    citation = cite(SENT_HARBOUR, "Port Amber")
    groups = group_events([event("places", HARBOUR, citation)] * 3)
    assert [len(g.citations) for g in groups] == [1]


def test_grouping_keeps_one_place_on_two_layers_apart() -> None:
    citation = cite(SENT_HARBOUR, "Port Amber")
    groups = group_events(
        [event("places", HARBOUR, citation), event("strike_sites", HARBOUR, citation)]
    )
    assert [(g.layer, g.place.gazetteer_id) for g in groups] == [
        ("strike_sites", "gn:100"),
        ("places", "gn:100"),
    ]


def test_grouping_orders_by_layer_then_name_then_id() -> None:
    twin = replace(HARBOUR, gazetteer_id="gn:099")
    events = [
        event("places", VALLEY, cite(SENT_VALLEY, "Cedar Valley")),
        event("places", HARBOUR, cite(SENT_HARBOUR, "Port Amber")),
        event("places", twin, cite(SENT_HARBOUR, "Port Amber", offset=900)),
        event("airspace", GULF, cite(SENT_GULF, "Gulf of Tessel")),
    ]
    expected = [
        ("airspace", "area:gulf"),
        ("places", "gn:200"),
        ("places", "gn:099"),
        ("places", "gn:100"),
    ]
    for ordering in (events, events[::-1]):
        got = [(g.layer, g.place.gazetteer_id) for g in group_events(ordering)]
        assert got == expected


def test_grouping_follows_layer_definition_order() -> None:
    defs = [replace(d, order=-d.order) for d in DEFS]  # reversed order
    groups = group_events(sample_events(), layer_defs=defs)
    assert [g.layer for g in groups] == ["places", "places", "strike_sites", "airspace"]


# --- layers and control --------------------------------------------------------


def test_every_layer_with_events_is_a_named_feature_group() -> None:
    fmap = build_map(sample_events(), DEFS)
    page = fmap.get_root().render()
    groups = [
        child.layer_name
        for child in fmap._children.values()
        if isinstance(child, folium.FeatureGroup) and child.control
    ]
    assert groups == ["Airspace", "Strike sites", "Places"]
    assert overlay_names(page) == ["Airspace", "Strike sites", "Places"]
    assert isinstance(list(fmap._children.values())[-1], folium.LayerControl)
    assert '"collapsed": false' in page


def test_layer_without_events_is_left_out() -> None:
    page = render_html(sample_events(), DEFS, title="t")
    assert "Meetings" not in page


def test_layer_without_definition_is_still_drawn() -> None:
    extra = event("convoys", VALLEY, cite(SENT_VALLEY, "Cedar Valley"))
    page = render_html([extra], DEFS, title="t")
    assert overlay_names(page) == ["Convoys"]


def test_layer_titles_are_escaped() -> None:
    defs = [replace(DEFS[0], title='Air <b>"space"</b>')]
    page = render_html([sample_events()[2]], defs, title="t")
    assert '<b>"space"</b>' not in page
    assert overlay_names(page) == ["Air &lt;b&gt;&quot;space&quot;&lt;/b&gt;"]


# --- popups ---------------------------------------------------------------------


def test_popup_cites_title_date_quote_and_article() -> None:
    url = "https://news.example/item?id=1&x=2"
    groups = group_events(
        [
            event("places", HARBOUR, cite(SENT_HARBOUR, "Port Amber", url=url)),
            event(
                "places",
                HARBOUR,
                cite(
                    "Port Amber is quiet.",
                    "Port Amber",
                    article="c.txt",
                    title=None,
                    date=None,
                    offset=0,
                ),
            ),
        ]
    )
    popup = popup_html(groups[0], layer_title="Places")
    assert "Ships meet in the gulf" in popup
    assert "2021-03-04" in popup
    assert "Two drones struck the docks of <mark>Port Amber</mark> before dawn." in popup
    assert "wire/one.txt" in popup
    # No title: the article id stands in; no date: said so.
    assert "<b>c.txt</b>" in popup
    assert "date unknown" in popup
    assert 'href="https://news.example/item?id=1&amp;x=2"' in popup
    assert popup.count("<a ") == 1
    assert "Port Amber (QZ): much smaller town" in popup
    assert "largest place of that name" in popup
    assert "Places" in popup and "gn:100" in popup and "exact" in popup
    assert "12.2500, 31.5000" in popup


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Amber Bay was shelled.", "Amber Bay"),
        ("Guns fired on Amber Bay.", "Amber Bay"),
        ("Amber Bay and Amber Bay Heights were hit.", "Amber Bay Heights"),
        ("Near Amber Bay, Amber Bay troops rested.", "Amber Bay troops"),
    ],
)
def test_mark_wraps_exactly_the_mention(sentence: str, mention: str) -> None:
    citation = cite(sentence, mention, offset=123)
    group = PlaceOnLayer("places", HARBOUR, (citation,), 1.0)
    popup = popup_html(group, layer_title="Places")
    i = sentence.index(mention)
    expected = f"{sentence[:i]}<mark>{mention}</mark>{sentence[i + len(mention) :]}"
    assert expected in popup
    assert popup.count("<mark>") == 1


def test_mark_follows_offsets_not_first_occurrence() -> None:
    sentence = "Amber Bay said Amber Bay was calm."
    second = sentence.index("Amber Bay", 1)
    citation = Citation("a.txt", "T", None, sentence, 10, 10 + second, 10 + second + 9, "Amber Bay")
    popup = popup_html(PlaceOnLayer("places", HARBOUR, (citation,), 1.0), layer_title="P")
    assert "Amber Bay said <mark>Amber Bay</mark> was calm." in popup


@pytest.mark.parametrize(
    ("radius", "shown"), [(25.0, "near ± 25 km"), (2.5, "near ± 2.5 km"), (None, "near<")]
)
def test_popup_shows_precision_and_radius(radius: float | None, shown: str) -> None:
    place = replace(VALLEY, radius_km=radius)
    group = PlaceOnLayer("places", place, (cite(SENT_VALLEY, "Cedar Valley"),), 1.0)
    assert shown in popup_html(group, layer_title="Places")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,hi",
        "//evil.example/x",
        "ftp://a/b",
    ],
)
def test_only_http_links_are_made(url: str) -> None:
    group = PlaceOnLayer("places", HARBOUR, (cite(SENT_HARBOUR, "Port Amber", url=url),), 1.0)
    popup = popup_html(group, layer_title="Places")
    assert "<a " not in popup and "href" not in popup


def test_every_place_has_a_popup_and_tooltip() -> None:
    page = render_html(sample_events(), DEFS, title="t")
    assert len(popup_literals(page)) == 4  # 4 (layer, place) pairs
    code = own_code(page)
    assert code.count(".bindPopup(") == 4
    assert code.count(".bindTooltip(") == 4


# --- escaping ---------------------------------------------------------------------

PAYLOADS = [
    "Crowds chanted <script>alert(1)</script> near Port Amber.",
    "Port Amber <img src=x onerror=alert(1)> said \"yes\" and 'no'.",
    "Port Amber closed </script><script>alert(1)</script> the road.",
    "Port Amber `)[0]; alert(1); $(` again.",
    "Port Amber ${alert(1)} and \\` and \\\\` escape.",
    "Port Amber line one\nline two\r\nline\u2028three \\u0041 \\x41.",
    "Port Amber <!-- <script> --> &amp; &lt;b&gt; end.",
]


@pytest.mark.parametrize("sentence", PAYLOADS)
def test_article_text_cannot_inject(sentence: str) -> None:
    hostile_title = "<script>alert(1)</script>`${1}`"
    citation = cite(
        sentence, "Port Amber", title=hostile_title, date="<img src=x onerror=alert(1)>"
    )
    place = replace(HARBOUR, name="Port <b>Amber</b>`${1}`")
    benign = render_html([event("places", HARBOUR, cite(SENT_HARBOUR, "Port Amber"))], DEFS)
    page = render_html([event("places", place, citation)], DEFS)

    assert "<script>alert(1)" not in page
    assert "<img src=x onerror" not in page
    assert "<b>Amber</b>" not in page
    # The quote cannot close or open a script block: same number as a benign page.
    assert page.count("</script>") == benign.count("</script>")
    assert page.lower().count("<script") == benign.lower().count("<script")
    # Each template literal stays whole: no backtick, ${ or backslash inside.
    literals = popup_literals(page)
    assert len(literals) == 1
    for literal in literals:
        assert "`" not in literal and "${" not in literal and "\\" not in literal
    # What the browser will parse holds only our own tags, and the text survives.
    parsed = parse(literals[0])
    assert {tag for tag, _ in parsed.tags} <= POPUP_TAGS
    assert not [name for _, attrs in parsed.tags for name, _ in attrs if name.startswith("on")]
    text = "".join(parsed.text)
    flat = sentence.replace("\n", " ").replace("\r", " ")
    assert flat in text
    assert hostile_title in text


def test_escaped_forms_are_present() -> None:
    sentence = "Port Amber saw <script>alert(1)</script> and <img src=x onerror=alert(1)>."
    page = render_html([event("places", HARBOUR, cite(sentence, "Port Amber"))], DEFS)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


NODE_HARNESS = r"""
const fs = require("fs");
const seen = {html: [], strings: []};
const any = new Proxy(function () {}, {
  get: (target, prop) => (prop === Symbol.toPrimitive ? () => "" : any),
  set: () => true,
  apply: (target, self, args) => {
    for (const a of args) if (typeof a === "string") seen.strings.push(a);
    return any;
  },
  construct: () => any,
});
globalThis.L = any;
// The page must not need jQuery: calling $ fails the run.
globalThis.$ = () => { throw new Error("the page called jQuery"); };
const code = fs.readFileSync(process.argv[2], "utf8");
new Function("L", "$", code)(any, globalThis.$);
process.stdout.write(JSON.stringify(seen));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page's script")
@pytest.mark.parametrize("sentence", PAYLOADS)
def test_script_runs_and_hands_leaflet_our_exact_html(sentence: str, tmp_path: Path) -> None:
    """Run the page's script with stub Leaflet and no jQuery: the popup HTML arrives intact."""
    citation = cite(sentence, "Port Amber", title="`${x}` \\ </script>")
    place = replace(HARBOUR, name="Amber `${x}` \\ </script>")
    group = group_events([event("places", place, citation)])[0]
    page = render_html([event("places", place, citation)], DEFS)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    (tmp_path / "page.js").write_text(scripts[-1], encoding="utf-8")
    (tmp_path / "harness.js").write_text(NODE_HARNESS, encoding="utf-8")
    result = subprocess.run(
        ["node", str(tmp_path / "harness.js"), str(tmp_path / "page.js")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    seen = json.loads(result.stdout)
    assert seen["html"] == []
    [html] = [s for s in seen["strings"] if 'class="em-popup"' in s]
    assert popup_html(group, layer_title="Places") in html
    tooltips = [s for s in seen["strings"] if "Amber" in s]
    assert tooltips and all("&#96;&#36;{x}&#96; &#92; &lt;/script&gt;" in t for t in tooltips)


# --- styling, legend, bounds ------------------------------------------------------


def styles_by_precision() -> dict[Precision, dict]:
    events = []
    for i, precision in enumerate(Precision):
        place = replace(GULF, gazetteer_id=f"area:{i}", precision=precision, name=f"Area {i}")
        events.append(event("airspace", place, cite(SENT_GULF, "Gulf of Tessel")))
    fmap = build_map(events, DEFS)
    styles = {}
    for group in fmap._children.values():
        if not getattr(group, "control", False):
            continue  # the base layer
        for child in getattr(group, "_children", {}).values():
            if isinstance(child, folium.GeoJson):
                name = child.layer_name
                precision = list(Precision)[int(name.split()[-1])]
                styles[precision] = child.style_function({})
    return styles


def test_vaguer_areas_are_fainter_and_region_outlines_dashed() -> None:
    styles = styles_by_precision()
    opacities = [styles[p]["fillOpacity"] for p in Precision]
    assert opacities == sorted(opacities, reverse=True) and len(set(opacities)) == 4
    assert {p for p, s in styles.items() if s.get("dashArray")} == {
        Precision.REGION,
        Precision.COUNTRY,
    }
    assert all(s["fillColor"] == "#9467bd" for s in styles.values())


def test_vague_point_gets_an_uncertainty_circle() -> None:
    page = own_code(render_html(sample_events(), DEFS))
    circles = re.findall(r"L\.circle\(\s*\[([^\]]*)\],\s*(\{.*?\})\s*\)", page, re.S)
    assert len(circles) == 1  # only Cedar Valley has a radius
    where, options = circles[0]
    assert where.replace(" ", "") == "13.0,32.0"
    assert json.loads(options)["radius"] == 25000.0
    assert page.count("L.circleMarker(") == 3


def test_legend_lists_layers_with_counts_and_credits() -> None:
    page = render_html(sample_events(), DEFS, title="Week <12>")
    legend = re.search(r'<div class="em-legend">.*?</ul>', page, re.S)
    assert legend is not None
    assert re.findall(r"</span>([^<]*)</li>", legend[0]) == [
        "Airspace (1 place)",
        "Strike sites (1 place)",
        "Places (2 places)",
    ]
    assert "Week &lt;12&gt;" in page and "Week <12>" not in page
    assert ATTRIBUTION in page
    assert "addAttribution(" in page


def test_map_fits_all_places() -> None:
    page = own_code(render_html(sample_events(), DEFS))
    call = re.search(r"fitBounds\(\s*(\[\[.*?\]\])", page, re.S)
    assert call is not None
    (south, west), (north, east) = json.loads(call[1])
    assert south <= 11.0 and west <= 30.0  # the gulf's corner
    assert north >= 13.0 + 25 / 111.4 and east >= 32.0  # the valley and its radius


def test_empty_map_renders_a_world_view() -> None:
    page = render_html([], DEFS)
    assert overlay_names(page) == []
    assert "fitBounds" not in own_code(page)
    assert "No places found." in page


def test_large_polygons_are_simplified(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(basemap, "load_shapes", lambda: None)  # no base layer
    blob = Point(30.0, 10.0).buffer(2.0, quad_segs=5000)  # ~20,000 vertices
    place = replace(GULF, geometry=blob)
    page = render_html([event("airspace", place, cite(SENT_GULF, "Gulf of Tessel"))], DEFS)
    assert len(own_code(page)) < 60_000


# --- determinism and folium defaults ---------------------------------------------


def test_output_is_byte_identical_and_ids_are_not_random() -> None:
    events = sample_events()
    first = render_html(events, DEFS, title="t")
    assert render_html(events, DEFS, title="t") == first
    assert render_html(events[::-1], DEFS, title="t") == first
    assert not re.search(r"_[0-9a-f]{32}\b", first)


def test_folium_defaults_are_not_mutated() -> None:
    before = (list(folium.Map.default_js), list(folium.Map.default_css))
    render_html(sample_events(), DEFS)
    assert (list(folium.Map.default_js), list(folium.Map.default_css)) == before


def fake_shapes(asked: list[tuple]) -> ModuleType:
    """A stand-in for ``geo.shapes``: two square countries that share the edge lon 33."""
    countries = {"QX": box(29.0, 9.0, 33.0, 15.0), "QY": box(33.0, 9.0, 36.0, 15.0)}
    module = ModuleType("fake_shapes")

    def land_in_box(
        min_lon: float, min_lat: float, max_lon: float, max_lat: float, *, country: str
    ) -> MultiPolygon:
        asked.append((country, min_lon, min_lat, max_lon, max_lat))
        clipped = shapely.clip_by_rect(countries[country], min_lon, min_lat, max_lon, max_lat)
        return MultiPolygon([p for p in shapely.get_parts(clipped) if p.geom_type == "Polygon"])

    module.country_keys = lambda: tuple(sorted(countries))  # type: ignore[attr-defined]
    module.country_shape = countries.get  # type: ignore[attr-defined]
    module.land_in_box = land_in_box  # type: ignore[attr-defined]
    return module


def base_features(fmap: folium.Map) -> list[dict]:
    """The GeoJSON features of the base layer, in drawing order."""
    base = next(
        c for c in fmap._children.values() if isinstance(c, folium.FeatureGroup) and not c.control
    )
    return [
        f
        for child in base._children.values()
        if isinstance(child, folium.GeoJson)
        for f in child.data["features"]
    ]


def test_country_shapes_are_drawn_as_an_uncontrolled_base(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    asked: list[tuple] = []
    monkeypatch.setattr(basemap, "load_shapes", lambda: fake_shapes(asked))
    fmap = build_map(sample_events(), DEFS)
    page = fmap.get_root().render()
    # Both countries were cut to one box around the places, with a margin.
    assert sorted(a[0] for a in asked) == ["QX", "QY"]
    min_lon, min_lat, max_lon, max_lat = asked[0][1:]
    assert min_lon <= 30.0 - 3 and max_lon >= 32.0 + 3 and min_lat <= 11.0 - 3
    assert max_lat >= 13.2 + 3
    children = list(fmap._children.values())
    assert isinstance(children[0], folium.map.CustomPane)
    assert isinstance(children[1], folium.FeatureGroup) and children[1].control is False
    assert overlay_names(page) == ["Airspace", "Strike sites", "Places"]
    assert '"interactive": false' in page
    # The land is one polygon (no seam between the countries); the border is their shared edge.
    land, border = [shapely.geometry.shape(f["geometry"]) for f in base_features(fmap)]
    assert land.geom_type == "MultiPolygon" and len(land.geoms) == 1
    assert land.equals(box(29.0, 9.0, 36.0, 15.0))
    assert border.equals(shapely.LineString([(33.0, 9.0), (33.0, 15.0)]))
    assert len(own_code(page)) < 100_000


def test_no_base_without_shapes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(basemap, "load_shapes", lambda: None)
    fmap = build_map(sample_events(), DEFS)
    assert all(
        child.control for child in fmap._children.values() if isinstance(child, folium.FeatureGroup)
    )
