"""Tests for the map page, the data it draws from, and the grouping behind both.

Places, sentences and articles here are made up; none comes from real reports.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from types import ModuleType

import folium
import pytest
import shapely
import shapely.geometry
from shapely.geometry import MultiPolygon, Point, Polygon, box

import eventmap.map.basemap as basemap
from eventmap.grouping import PlaceOnLayer, group_events
from eventmap.map.render import (
    ATTRIBUTION,
    build_map,
    map_data,
    popup_html,
    render_fragment,
    render_html,
    script_json,
    search_key,
)
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


DATA_RE = re.compile(r'<script type="application/json" id="([^"]+)">(.*?)</script>', re.S)


def page_data(page: str) -> dict:
    """The map's data blob, read back from the page as a browser would."""
    [(_, text)] = DATA_RE.findall(page)
    return json.loads(text)


def layer_titles(page: str) -> list[str]:
    return [layer["title"] for layer in page_data(page)["layers"]]


INLINED = re.compile(
    r'<script id="eventmap-[a-z-]+-js">.*?</script>|<style id="eventmap-[a-z-]*css">.*?</style>',
    re.S,
)


def own_code(page: str) -> str:
    """The page without the inlined libraries and runtime: what this renderer wrote."""
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


def test_every_layer_with_events_is_listed_in_order() -> None:
    fmap = build_map(sample_events(), DEFS)
    assert isinstance(fmap, folium.Map)
    page = fmap.get_root().render()
    assert layer_titles(page) == ["Airspace", "Strike sites", "Places"]
    assert [layer["id"] for layer in page_data(page)["layers"]] == [
        "airspace",
        "strike_sites",
        "places",
    ]
    # The notebook view renders too, with the data inside its iframe.
    assert "eventmapMount" in fmap._repr_html_()


def test_layer_without_events_is_left_out() -> None:
    page = render_html(sample_events(), DEFS, title="t")
    assert "Meetings" not in page


def test_layer_without_definition_is_still_drawn() -> None:
    extra = event("convoys", VALLEY, cite(SENT_VALLEY, "Cedar Valley"))
    page = render_html([extra], DEFS, title="t")
    assert layer_titles(page) == ["Convoys"]
    assert page_data(page)["layers"][0]["color"] == "#666666"


def test_layer_titles_and_colours_reach_the_page_only_as_data() -> None:
    defs = [replace(DEFS[0], title='Air <b>"space"</b>', color="red;background:url(x)")]
    page = render_html([sample_events()[2]], defs, title="t")
    assert "<b>" not in own_code(page)
    assert layer_titles(page) == ['Air <b>"space"</b>']
    assert page_data(page)["layers"][0]["color"] == "#666666"


def test_data_tables_share_places_quotes_and_articles() -> None:
    data = map_data(sample_events(), DEFS)
    # Port Amber is on two layers but in the place table once; its sentence once.
    assert [row[0] for row in data["places"]] == ["area:gulf", "gn:100", "gn:200"]
    assert data["quotes"].count(SENT_HARBOUR) == 1
    items = {layer["id"]: layer["items"] for layer in data["layers"]}
    assert items["strike_sites"][0][2] == items["places"][1][2]  # the same citation
    assert sorted(a[0] for a in data["articles"]) == ["b.md", "wire/one.txt"]
    assert sum(len(v) for v in items.values()) == 4  # 4 (layer, place) pairs


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


@pytest.mark.parametrize(
    ("date", "source", "shown"),
    [
        ("2021-02-27", "sentence", "(2021-02-27, from the sentence)"),
        ("2021-03-04", "article", "(2021-03-04, article date)"),
        ("2021-03-01", "dateline", "(2021-03-01, dateline date)"),
        ("2021-03-02", "paragraph", "(2021-03-02, from an earlier sentence)"),
        ("2021-03-01", "heading", "(2021-03-01, from the heading above)"),
        ("2019-11", "sentence", "(2019-11, from the sentence)"),  # "in November 2019"
        (None, None, "(2021-03-04, article date)"),  # the citation's own article date
    ],
)
def test_popup_says_where_each_date_came_from(
    date: str | None, source: str | None, shown: str
) -> None:
    citation = cite(SENT_HARBOUR, "Port Amber")
    ev = replace(event("places", HARBOUR, citation), date=date, date_source=source)
    group = group_events([ev])[0]
    from eventmap.map.render import event_dates

    assert shown in popup_html(group, layer_title="Places", dates=event_dates([ev]))


@pytest.mark.parametrize(
    ("base", "article", "href"),
    [
        (None, "wire/one.txt", None),
        ("../articles", "wire/one.txt", "../articles/wire/one.txt"),
        ("https://example.org/a/", "x y#1.txt", "https://example.org/a/x%20y%231.txt"),
    ],
)
def test_article_links_follow_the_base_url(
    base: str | None, article: str, href: str | None
) -> None:
    ev = event("places", HARBOUR, cite(SENT_HARBOUR, "Port Amber", article=article))
    data = map_data([ev], DEFS, article_base_url=base)
    assert data["articles"] == [[article, "Ships meet in the gulf", None, href]]


@pytest.mark.parametrize("base", ["javascript:alert(1)", "data:text/html,x", " ../a", ""])
def test_unsafe_article_base_urls_are_refused(base: str) -> None:
    with pytest.raises(ValueError, match="article_base_url"):
        render_html(sample_events(), DEFS, article_base_url=base)


def test_dates_and_their_span_reach_the_data() -> None:
    harbour = replace(
        event("strike_sites", HARBOUR, cite(SENT_HARBOUR, "Port Amber")),
        date="2021-02-27",
        date_source="sentence",
    )
    valley = event("places", VALLEY, cite(SENT_VALLEY, "Cedar Valley", date=None))
    data = map_data([harbour, valley], DEFS)
    dates = {data["quotes"][c[1]]: (c[4], c[5]) for c in data["citations"]}
    assert dates == {SENT_HARBOUR: ("2021-02-27", "sentence"), SENT_VALLEY: (None, None)}
    assert data["time"] == ["2021-02-27", "2021-02-27"]
    assert map_data([valley], DEFS)["time"] is None


def test_a_month_or_year_is_cited_as_such_and_spans_its_days() -> None:
    """ "In 2019 ...": the popup says the year, and the slider covers all its days."""
    older = replace(
        event("strike_sites", HARBOUR, cite(SENT_HARBOUR, "Port Amber", date=None)),
        date="2019",
        date_source="sentence",
    )
    valley = replace(
        event("places", VALLEY, cite(SENT_VALLEY, "Cedar Valley")),
        date="2021-02-27",
        date_source="sentence",
    )
    data = map_data([older, valley], DEFS)
    dates = {data["quotes"][c[1]]: c[4] for c in data["citations"]}
    assert dates == {SENT_HARBOUR: "2019", SENT_VALLEY: "2021-02-27"}
    assert data["time"] == ["2019-01-01", "2021-02-27"]  # a year spans its days
    february = replace(older, date="2020-02")
    assert map_data([february], DEFS)["time"] == ["2020-02-01", "2020-02-29"]


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
    page = render_html([event("places", place, citation)], DEFS, title=hostile_title)

    assert "<script>alert(1)" not in page
    assert "<img src=x onerror" not in page
    assert "<b>Amber</b>" not in page
    # The quote cannot close or open a script block: same number as a benign page.
    assert page.count("</script>") == benign.count("</script>")
    assert page.lower().count("<script") == benign.lower().count("<script")
    assert page.count("<!--") == benign.count("<!--")
    # And it comes back out of the data exactly as written.
    data = page_data(page)
    assert data["quotes"] == [sentence]
    assert data["articles"][0][1] == hostile_title
    assert data["places"][0][1] == "Port <b>Amber</b>`${1}`"
    assert data["title"] == hostile_title


def test_a_quote_shows_without_markdown_marks_and_stays_escaped() -> None:
    sentence = "**08:12** Drones struck *<img src=x onerror=alert(1)>* Port Amber."
    citation = cite(sentence, "Port Amber")
    popup = popup_html(group_events([event("places", HARBOUR, citation)])[0], layer_title="P")
    assert "08:12 Drones struck &lt;img" in popup and "**" not in popup
    assert "<mark>Port Amber</mark>" in popup
    page = render_html([event("places", HARBOUR, citation)], DEFS)
    data = page_data(page)
    assert data["quotes"] == ["08:12 Drones struck <img src=x onerror=alert(1)> Port Amber."]
    assert "<img src=x onerror" not in page
    start, end = data["citations"][0][2:4]
    assert data["quotes"][0][start:end] == "Port Amber"


def test_a_title_or_file_name_on_the_map_cannot_turn_itself_around() -> None:
    # "report-\u202efdp.md" showed as "report-dm.pdf" (tester round 38; the review of
    # session 48, 12): the popup and the page's data drop the controls
    citation = cite(
        SENT_HARBOUR, "Port Amber", article="report-\u202efdp.md", title="On \u202eAmber\u202c"
    )
    popup = popup_html(group_events([event("places", HARBOUR, citation)])[0], layer_title="P")
    assert "\u202e" not in popup and "\u202c" not in popup
    assert "report-fdp.md" in popup and "On Amber" in popup
    data = page_data(render_html([event("places", HARBOUR, citation)], DEFS))
    assert data["articles"][0][:2] == ["report-fdp.md", "On Amber"]


@pytest.mark.parametrize(
    "text",
    [
        "</script><script>alert(1)</script>",
        "</SCRIPT >",
        "<!-- <script>",
        "a & b > c",
        "line\u2028sep\u2029para",
        '"quotes" and \\ backslash',
        "]]> --!> \u00e9\u4e2d",
    ],
)
def test_script_json_cannot_end_its_element(text: str) -> None:
    out = script_json({"text": text, "list": [text]})
    assert "<" not in out and ">" not in out and "&" not in out
    assert "\u2028" not in out and "\u2029" not in out
    parsed = parse(f'<script type="application/json">{out}</script><p>after</p>')
    assert [t for t, _ in parsed.tags] == ["script", "p"]
    assert json.loads("".join(parsed.text[:-1])) == {"text": text, "list": [text]}


def test_escaped_forms_are_present() -> None:
    sentence = "Port Amber saw <script>alert(1)</script> and <img src=x onerror=alert(1)>."
    page = render_html([event("places", HARBOUR, cite(sentence, "Port Amber"))], DEFS)
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page


# --- styling, legend, bounds ------------------------------------------------------


def test_vaguer_areas_are_fainter_and_region_outlines_dashed() -> None:
    styles = map_data(sample_events(), DEFS)["area_styles"]
    opacities = [styles[str(p)][0] for p in Precision]
    assert opacities == sorted(opacities, reverse=True) and len(set(opacities)) == 4
    assert {p for p in Precision if styles[str(p)][1]} == {Precision.REGION, Precision.COUNTRY}


def test_points_carry_their_radius_and_areas_their_outline() -> None:
    data = map_data(sample_events(), DEFS)
    rows = {row[0]: row for row in data["places"]}
    assert rows["gn:200"][6] == 25.0 and rows["gn:100"][6] is None
    assert rows["gn:100"][12] is None  # a point: drawn from its lat/lon
    outline = shapely.geometry.shape(rows["area:gulf"][12])
    assert outline.equals(GULF.geometry)


def test_page_title_is_escaped() -> None:
    page = render_html(sample_events(), DEFS, title="Week <12>")
    assert "<title>Week &lt;12&gt;</title>" in page
    assert page_data(page)["title"] == "Week <12>"
    assert page_data(page)["attribution"] == ATTRIBUTION


def test_map_fits_all_places() -> None:
    (south, west), (north, east) = map_data(sample_events(), DEFS)["bounds"]
    assert south <= 11.0 and west <= 30.0  # the gulf's corner
    assert north >= 13.0 + 25 / 111.4 and east >= 32.0  # the valley and its radius


def test_empty_map_renders_a_world_view() -> None:
    data = page_data(render_html([], DEFS))
    assert data["layers"] == [] and data["bounds"] is None and data["time"] is None


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


def base_features(page: str) -> list[dict]:
    """The GeoJSON features of the base layer, in drawing order."""
    return [entry["feature"] for entry in page_data(page)["base"]]


def test_country_shapes_are_drawn_as_the_base(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple] = []
    monkeypatch.setattr(basemap, "load_shapes", lambda: fake_shapes(asked))
    page = render_html(sample_events(), DEFS)
    # Both countries were cut to one box around the places, with a margin.
    assert sorted(a[0] for a in asked) == ["QX", "QY"]
    min_lon, min_lat, max_lon, max_lat = asked[0][1:]
    assert min_lon <= 30.0 - 3 and max_lon >= 32.0 + 3 and min_lat <= 11.0 - 3
    assert max_lat >= 13.2 + 3
    assert layer_titles(page) == ["Airspace", "Strike sites", "Places"]
    # The land is one polygon (no seam between the countries); the border is their shared edge.
    land, border = [shapely.geometry.shape(f["geometry"]) for f in base_features(page)]
    assert land.geom_type == "MultiPolygon" and len(land.geoms) == 1
    assert land.equals(box(29.0, 9.0, 36.0, 15.0))
    assert border.equals(shapely.LineString([(33.0, 9.0), (33.0, 15.0)]))
    styles = [entry["style"] for entry in page_data(page)["base"]]
    assert styles[0]["fillOpacity"] == 1.0 and styles[1]["fill"] is False
    assert len(own_code(page)) < 100_000


def test_no_base_without_shapes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(basemap, "load_shapes", lambda: None)
    assert page_data(render_html(sample_events(), DEFS))["base"] == []
    assert basemap.base_layer((10.0, 30.0, 12.0, 32.0), pane="p") is None


# --- fragments ----------------------------------------------------------------------


def test_fragment_is_one_scoped_div() -> None:
    fragment = render_fragment(sample_events(), DEFS, title="Frag <1>", map_id="mapOne")
    parsed = parse(fragment)
    assert parsed.tags[0] == ("div", [("id", "mapOne-wrap"), ("class", "mapOne-wrap")])
    assert fragment.rstrip().endswith("</div>")
    assert "<html" not in fragment and "<head" not in fragment and "<body" not in fragment
    ids = [v for _, attrs in parsed.tags for k, v in attrs if k == "id"]
    assert ids and all(i is not None and i.startswith("mapOne") for i in ids)
    assert "if (!window.L) {" in fragment
    assert "(function () {" in fragment
    own_css = re.search(r"/\* eventmap: the map's own controls.*?</style>", fragment, re.S)
    assert own_css is not None
    classes = set(re.findall(r"\.([A-Za-z][\w-]*)", own_css[0]))
    assert {c for c in classes if not c.startswith(("mapOne-", "leaflet-"))} == set()
    assert "Frag &lt;1&gt;" in fragment


@pytest.mark.parametrize("map_id", ["", "1map", "a b", 'x"y', "a<b", "x" * 80])
def test_fragment_refuses_unsafe_ids(map_id: str) -> None:
    with pytest.raises(ValueError, match="map_id"):
        render_fragment(sample_events(), DEFS, title="t", map_id=map_id)


def test_tile_source_from_xyzservices() -> None:
    from eventmap.map.render import map_data, tile_source

    osm = tile_source("OpenStreetMap.Mapnik")
    assert osm is not None and osm["url"].startswith("https://") and "{z}" in osm["url"]
    assert "OpenStreetMap" in osm["attribution"]
    assert tile_source(None) is None
    with pytest.raises(ValueError, match="no-such-tiles"):
        tile_source("no-such-tiles")
    assert map_data([], DEFS)["tiles"] is None


# --- a view about the events, names in the articles' words, fragments -------------------

DEFAULT_DEFS = (*DEFS[:3], replace(DEFS[3], title="Other places", default=True))
FARLAND = Place(
    gazetteer_id="gn:900",
    name="Farland",
    country="QF",
    feature="country",
    geometry=box(60.0, 40.0, 90.0, 60.0),
    lat=50.0,
    lon=75.0,
    precision=Precision.COUNTRY,
    radius_km=1500.0,
)
SENT_FARLAND = "A Farlandish envoy sent condolences."


def test_view_fits_event_layers_and_countries_in_passing_are_context() -> None:
    passing = event("places", FARLAND, cite(SENT_FARLAND, "Farlandish", article="c.md"))
    data = map_data([*sample_events(), passing], DEFAULT_DEFS)
    _, (north, east) = data["bounds"]
    assert north < 14 and east < 33  # the harbour and the gulf, not Farland
    titles = [(layer["title"], layer["context"]) for layer in data["layers"]]
    assert titles == [
        ("Airspace", False),
        ("Strike sites", False),
        ("Other places", False),
        ("Countries and seas named in passing", True),
    ]
    [farland] = data["layers"][-1]["items"]
    assert data["places"][farland[0]][1] == "Farland"
    # Without events, the view fits the places that are not just countries.
    only_places = [e for e in sample_events() if e.layer == "places"]
    data = map_data([*only_places, passing], DEFAULT_DEFS)
    (_south, _west), (north, east) = data["bounds"]
    assert north < 14 and east < 33


def test_places_are_named_in_the_articles_words_and_searched_by_every_name() -> None:
    tartus = replace(HARBOUR, gazetteer_id="gn:300", name="Ţarţūs", alternatives=())
    said = "The fleet sailed from Tartus at dawn."
    data = map_data([event("strike_sites", tartus, cite(said, "Tartus"))], DEFS)
    [row] = data["places"]
    assert row[1] == "Ţarţūs" and row[14] == "Tartus"
    assert row[15].split("\n") == ["", "tartus"]  # both names fold to one key
    # A demonym or an abbreviation is no name for a place: GeoNames' stays.
    us = replace(FARLAND, gazetteer_id="gn:901", name="United States")
    data = map_data([event("places", us, cite("US ships left.", "US"))], DEFS)
    assert data["places"][0][14] == "United States"
    assert search_key("Tel-Aviv  Yafo") == "tel aviv yafo"


def test_alternatives_are_each_named_once() -> None:
    twice = (
        *HARBOUR.alternatives,
        *HARBOUR.alternatives,
        replace(HARBOUR.alternatives[0], country="QY"),
    )
    place = replace(HARBOUR, alternatives=twice)
    data = map_data([event("places", place, cite(SENT_HARBOUR, "Port Amber"))], DEFS)
    assert [alt[:2] for alt in data["places"][0][10]] == [
        ["Port Amber", "QZ"],
        ["Port Amber", "QY"],
    ]
    popup = popup_html(PlaceOnLayer("places", place, (), 1.0), layer_title="Places")
    assert popup.count("Port Amber (QZ)") == 1


def test_citations_carry_event_type_and_trigger_when_known() -> None:
    plain = cite(SENT_HARBOUR, "Port Amber")
    typed = replace(plain)
    object.__setattr__(typed, "event_type", "drone strike")
    object.__setattr__(typed, "trigger", "struck")
    data = map_data([event("strike_sites", HARBOUR, typed)], DEFS)
    assert data["citations"][0][6:8] == ["drone strike", "struck"]
    # Without them on the citation, the event's trigger still shows.
    triggered = replace(event("strike_sites", HARBOUR, plain), trigger="struck")
    assert map_data([triggered], DEFS)["citations"][0][6:8] == [None, "struck"]


def test_a_citations_note_reaches_the_page_and_the_popup_escaped() -> None:
    noted = replace(cite(SENT_HARBOUR, "Port Amber"), note="shown at <b>the holder</b>")
    data = map_data([event("strike_sites", HARBOUR, noted)], DEFS)
    assert data["citations"][0][8] == "shown at <b>the holder</b>"
    plain = map_data([event("strike_sites", HARBOUR, cite(SENT_HARBOUR, "Port Amber"))], DEFS)
    assert plain["citations"][0][8] is None
    group = group_events([event("strike_sites", HARBOUR, noted)])[0]
    popup = popup_html(group, layer_title="Strikes")
    assert "shown at &lt;b&gt;the holder&lt;/b&gt;" in popup and "<b>the holder" not in popup


def test_a_known_event_type_is_shown_by_its_title() -> None:
    from layers.types import EventType

    drone = EventType(id="drone_strike", title="Drone strike", triggers=("strike",))
    defs = tuple(replace(d, event_types=(drone,)) if d.id == "strike_sites" else d for d in DEFS)
    typed = replace(cite(SENT_HARBOUR, "Port Amber"), event_type="drone_strike", trigger="hit")
    data = map_data([event("strike_sites", HARBOUR, typed)], defs)
    assert data["citations"][0][6:8] == ["Drone strike", "hit"]


def test_fragment_ids_are_unique_per_map_and_folder_and_deterministic() -> None:
    first = render_fragment(sample_events(), DEFS, id_salt="/a/maps")
    again = render_fragment(sample_events(), DEFS, id_salt="/a/maps")
    other_folder = render_fragment(sample_events(), DEFS, id_salt="/b/maps")
    other_map = render_fragment(sample_events()[:2], DEFS, id_salt="/a/maps")
    ids = [
        re.match(r'<div id="(eventmap-[0-9a-f]{10})-wrap"', f)
        for f in (first, again, other_folder, other_map)
    ]
    assert all(ids)
    found = [m.group(1) for m in ids if m]
    assert found[0] == found[1] and len(set(found)) == 3
    assert first == again


def test_base_labels_name_countries_inside_them() -> None:
    from geo import shapes

    labels = basemap.base_labels()
    countries = {label[0]: label for label in labels if label[3] == "country"}
    _name, lat, lon, _, size = countries["Germany"]
    assert shapes.country_shape("DE").contains(Point(lon, lat))
    assert countries["Russia"][4] > size  # bigger countries are named from further out
    assert [label[3] for label in labels[: len(countries)]] == ["country"] * len(countries)
    assert len(json.dumps(labels)) < 30_000  # a small part of the page


def test_base_labels_skip_capitals_without_an_index(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    assert basemap._capital_labels() == []


def test_a_continent_named_by_an_adjective_is_context_not_a_circle_on_other_places() -> None:
    # A continent is a point with a radius of thousands of kilometres, no outline.
    continent = Place(
        gazetteer_id="cont:QQ",
        name="Farcontinent",
        country=None,
        feature="continent",
        geometry=Point(20.0, 50.0),
        lat=50.0,
        lon=20.0,
        precision=Precision.REGION,
        radius_km=3200.0,
    )
    said = "Farcontinental leaders met on Monday."
    passing = event("places", continent, cite(said, "Farcontinental", article="d.md"))
    data = map_data([*sample_events(), passing], DEFAULT_DEFS)
    context = [layer for layer in data["layers"] if layer["context"]]
    others = [layer for layer in data["layers"] if layer["title"] == "Other places"]
    [item] = context[0]["items"]
    assert data["places"][item[0]][1] == "Farcontinent"
    assert all(
        data["places"][i[0]][1] != "Farcontinent" for layer in others for i in layer["items"]
    )
